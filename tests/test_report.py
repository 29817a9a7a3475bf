"""The published outputs (issue 4): workbook, charts, HTML report, .ics calendars, labels."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from icalendar import Calendar as ICalendar  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from scheduler import load_instance, load_profile, solve  # noqa: E402
from scheduler.i18n import LABELS, LANGS  # noqa: E402
from scheduler.io import to_json, write_atomic  # noqa: E402
from scheduler.meetings import uid_of  # noqa: E402
from scheduler.report import write_report  # noqa: E402
from scheduler.report.charts import CHARTS  # noqa: E402
from scheduler.report.command import report_command  # noqa: E402
from scheduler.report.xlsx import sheet_title  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "instances" / "kz-2027-h1.json"
UTC5 = dt.timezone(dt.timedelta(hours=5))


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def real():
    """The kz-2027-h1 instance and a calendar planned for it (solved once per module)."""
    instance = load_instance(REAL)
    result = solve(instance, load_profile("kz-2024"), time_limit=30, workers=1, seed=0)
    assert result.calendar is not None and result.check.ok
    return instance, result.calendar


@pytest.fixture(scope="module")
def real_out(real, tmp_path_factory):
    instance, calendar = real
    out = tmp_path_factory.mktemp("real")
    paths = write_report(instance, load_profile("kz-2024"), calendar, out)
    return out, paths


@pytest.fixture
def tiny_out(tiny_instance, tiny_calendar, kz2024, tmp_path):
    paths = write_report(tiny_instance, kz2024, tiny_calendar, tmp_path)
    return tmp_path, paths


# ------------------------------------------------------------------ workbook
def _meeting_ids(ws) -> list[str]:
    header = [cell.value for cell in ws[1]]
    col = header.index("Код встречи / Кездесу коды")
    return [row[col] for row in ws.iter_rows(min_row=2, values_only=True) if row[col]]


def test_every_output_is_written(tiny_out, tiny_calendar):
    out, paths = tiny_out
    names = {p.relative_to(out).as_posix() for p in paths}
    for name in ("calendar.xlsx", "report.html", "chart-gantt.png", "chart-heatmap.png",
                 "chart-map.png", "chart-coverage.png", "ics/officials/minister-health.ics",
                 "ics/officials/first-vice-minister-health.ics" if any(
                     m.presenter_id == "first-vice-minister-health"
                     for m in tiny_calendar.meetings) else "ics/officials/minister-health.ics",
                 "ics/regions/astana.ics"):
        assert name in names
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    assert not list(out.rglob("*.tmp"))  # atomic writes leave no temporary files


def test_workbook_sheets_dates_and_meetings(real, real_out):
    instance, calendar = real
    out, _ = real_out
    wb = load_workbook(out / "calendar.xlsx")
    names = wb.sheetnames
    for name in ("Сводка - Жиынтық", "Все встречи - Барлық кездесулер", "1 квартал - 1-тоқсан",
                 "2 квартал - 2-тоқсан", "Сроки - Мерзімдер", "Соответствие - Сәйкестік"):
        assert name in names
    assert len(names) == len(set(names)) and all(len(n) <= 31 for n in names)
    for body in instance.bodies:  # one sheet per ministry and akimat with meetings
        if any(m.body_id == body.id for m in calendar.meetings):
            assert any(n.startswith(sheet_title(body.name.ru, set())[:20]) for n in names)
    for region in instance.regions:
        assert sheet_title(region.name.ru, set()) in names

    whole = wb["Все встречи - Барлық кездесулер"]
    ids = _meeting_ids(whole)
    assert Counter(ids) == Counter(m.id for m in calendar.meetings)  # each exactly once
    by_id = calendar.by_id()
    assert [by_id[i].date for i in ids] == sorted(by_id[i].date for i in ids)
    for q in (1, 2):
        quarter_ids = _meeting_ids(wb[f"{q} квартал - {q}-тоқсан"])
        assert Counter(quarter_ids) == Counter(m.id for m in calendar.meetings if m.quarter == q)

    assert whole.freeze_panes == "C2"
    header = [cell.value for cell in whole[1]]
    assert "Дата / Күні" in header
    date_col = header.index("Дата / Күні") + 1
    for row in range(2, whole.max_row + 1):
        cell = whole.cell(row=row, column=date_col)
        assert cell.is_date and isinstance(cell.value, dt.datetime)
    # names in Russian and Kazakh, agenda columns
    assert any("(каз.)" in h for h in header if h) and any("(рус.)" in h for h in header if h)
    for label in ("col_report_min", "col_qa_min", "col_channel", "col_audience"):
        assert f"{LABELS[label]['ru']} / {LABELS[label]['kk']}" in header
    # highlighted: out-of-schedule and substituted rows are filled
    kind_col = header.index("Вид встречи / Кездесу түрі") + 1
    for row in range(2, whole.max_row + 1):
        m = by_id[whole.cell(row=row, column=2).value]
        filled = whole.cell(row=row, column=kind_col).fill.fgColor.rgb not in (None, "00000000")
        assert filled == (m.kind.value == "out_of_schedule" or m.substituted)


RULE_IDS = ("DL-DRAFT", "DL-MVK", "DL-CHANGE", "DL-QREPORT", "DL-LOCAL-LISTS", "DL-RESULTS",
            "DL-AKIM-CAL", "TIME-LEAD", "URGENT-TENSION", "DL-AFTER", "EXTRA-DEMAND")


def test_deadlines_sheet_has_the_milestones_of_h1(real, real_out):
    _, calendar = real
    out, _ = real_out
    ws = load_workbook(out / "calendar.xlsx")["Сроки - Мерзімдер"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert all(isinstance(r[0], dt.datetime) for r in rows)
    from scheduler.report.common import rule_title

    dates = {(r[0].date(), r[1]) for r in rows}  # the rule by its title (ids: the annex)
    dates |= {(day, rule_id) for day, title in list(dates) for rule_id in RULE_IDS
              if title == rule_title(None, rule_id, "ru")}
    for day, rule in (("2026-12-15", "DL-DRAFT"), ("2027-01-10", "DL-MVK"),
                      ("2027-03-01", "DL-CHANGE"), ("2027-06-01", "DL-CHANGE"),
                      ("2027-04-10", "DL-QREPORT"), ("2027-07-10", "DL-QREPORT"),
                      ("2026-12-01", "DL-LOCAL-LISTS"), ("2027-06-15", "DL-RESULTS"),
                      ("2027-01-20", "DL-AKIM-CAL")):
        assert (dt.date.fromisoformat(day), rule) in dates
    for m in calendar.meetings:  # each meeting's announcement and results dates
        assert (m.announce_by, "TIME-LEAD" if m.kind.value == "planned"
                else "URGENT-TENSION") in dates
        assert (m.results_by, "DL-AFTER") in dates


def test_compliance_sheet_lists_every_rule(kz2024, tiny_out):
    out, _ = tiny_out
    ws = load_workbook(out / "calendar.xlsx")["Соответствие - Сәйкестік"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(kz2024.rules) <= set(rows)
    assert rows["CLASH-PERSON"][6] == "да / иә" and rows["CLASH-PERSON"][7] == 0
    assert rows["REGION-ISSUES"][8] == 2  # the unmet issue i-akmola-education, weight 2
    assert rows["SUBST-DEPUTY"][4] == "S-2023D"


def test_sheet_titles_are_valid_and_unique():
    used: set[str] = set()
    long = "Министерство искусственного интеллекта и цифрового развития"
    names = [sheet_title(long, used), sheet_title(long, used), sheet_title("a/b:c*?", used)]
    assert len(set(names)) == 3 and all(len(n) <= 31 for n in names)
    assert not any(ch in n for n in names for ch in "[]:*?/\\")


# -------------------------------------------------------------------- charts
@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_draws_on_real_and_empty_calendars(real, name):
    instance, calendar = real
    empty = calendar.model_copy(update={"meetings": ()})
    for cal in (calendar, empty):
        for lang in ("ru", "kk"):
            ax = CHARTS[name](instance, cal, lang=lang)
            assert ax.get_title(loc="left")
            ax.figure.canvas.draw()
            plt.close(ax.figure)
    fig, ax = plt.subplots()  # draws on a given axes too
    assert CHARTS[name](instance, calendar, ax=ax) is ax
    plt.close(fig)


def test_map_labels_do_not_overlap(real):
    instance, calendar = real
    ax = CHARTS["chart-map"](instance, calendar)
    renderer = ax.figure.canvas.get_renderer()
    ax.figure.canvas.draw()
    # the box around each label's text, not its leader line (which may cross other labels)
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == len(instance.regions)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    plt.close(ax.figure)


# ----------------------------------------------------------------------- ics
def test_ics_files_parse_and_hold_the_officials_meetings(real, real_out):
    instance, calendar = real
    out, _ = real_out
    people = {m.official_id for m in calendar.meetings} \
        | {m.presenter_id for m in calendar.meetings}
    for person in people:
        path = out / "ics" / "officials" / f"{person}.ics"
        cal = ICalendar.from_ical(path.read_bytes())
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        mine = [m for m in calendar.meetings if person in (m.official_id, m.presenter_id)]
        assert set(events) == {f"{uid_of(calendar, m)}@meetings.kz-scheduler" for m in mine}
        for m in mine:
            e = events[f"{uid_of(calendar, m)}@meetings.kz-scheduler"]
            start = e.decoded("DTSTART")
            assert start == dt.datetime.combine(m.date, m.start, tzinfo=UTC5)
            assert e.decoded("DTEND") == dt.datetime.combine(m.date, m.end, tzinfo=UTC5)
            assert start.utcoffset() == dt.timedelta(0)  # written in UTC: 10:00 local = 05:00Z
            assert instance.region(m.region_id).centre.name.get("ru") in str(e["LOCATION"])
            assert str(e["SUMMARY"]) and str(e["DESCRIPTION"])
    for region in instance.regions:
        cal = ICalendar.from_ical((out / "ics" / "regions" / f"{region.id}.ics").read_bytes())
        assert len(cal.walk("VEVENT")) == sum(m.region_id == region.id for m in calendar.meetings)


def test_ics_times_are_utc_plus_five(tiny_out):
    out, _ = tiny_out
    text = (out / "ics" / "officials" / "minister-health.ics").read_text(encoding="utf-8")
    assert "DTSTART:20270213T100000Z" in text  # 15:00 local on 13 Feb 2027
    assert "DTSTART:20270515T050000Z" in text  # 10:00 local on 15 May 2027


# ------------------------------------------------------------------- html, labels
def test_labels_have_every_language():
    for key, texts in LABELS.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key


@pytest.mark.parametrize("lang", LANGS)
def test_html_report_in_each_language(tiny_instance, tiny_calendar, kz2024, tmp_path, lang):
    write_report(tiny_instance, kz2024, tiny_calendar, tmp_path, lang=lang)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == len(CHARTS)
    assert 'src="http' not in html and "<link" not in html  # self-contained
    assert "@page" in html and "A4" in html
    for key in ("summary", "compliance", "meeting_list", "charts", "deadlines"):
        assert LABELS[key][lang] in html
    for m in tiny_calendar.meetings:
        assert m.date.strftime("%d.%m.%Y") in html
    assert not re.search(r"\{[a-z_]+\}", html)  # no unfilled template fields
    if lang == "kk":
        assert "ө" in html and "қ" in html
    if lang == "ru":
        assert "Итоги" in html and "внеплановая" in html


def test_kazakh_and_russian_in_the_workbook(tiny_out):
    out, _ = tiny_out
    ws = load_workbook(out / "calendar.xlsx")["Все встречи - Барлық кездесулер"]
    header = " ".join(str(c.value) for c in ws[1] if c.value)
    assert "Күні" in header and "Дата" in header and "қ" in header


# ------------------------------------------------------------------- command
def test_report_command(tiny_instance, tiny_calendar, tmp_path, capsys):
    instance_path = tmp_path / "tiny.json"
    calendar_path = tmp_path / "calendar.json"
    write_atomic(instance_path, to_json(tiny_instance))
    write_atomic(calendar_path, to_json(tiny_calendar))
    assert report_command(instance_path, calendar_path, tmp_path / "out", lang="kk") == 0
    assert (tmp_path / "out" / "calendar.xlsx").exists()
    assert "Жазылды" in capsys.readouterr().out


def test_report_command_bad_input(tmp_path, capsys):
    bad = tmp_path / "calendar.json"
    bad.write_text('{"meetings": [}', encoding="utf-8")
    assert report_command(REAL, bad, tmp_path / "out") == 2
    assert "calendar.json" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_write_report_on_an_empty_calendar(tiny_instance, tiny_calendar, kz2024, tmp_path):
    empty = tiny_calendar.model_copy(update={"meetings": ()})
    paths = write_report(tiny_instance, kz2024, empty, tmp_path, lang="en")
    assert (tmp_path / "report.html").exists() and (tmp_path / "calendar.xlsx").exists()
    wb = load_workbook(tmp_path / "calendar.xlsx")
    assert _meeting_ids(wb["Все встречи - Барлық кездесулер"]) == []
    assert len([p for p in paths if p.suffix == ".ics"]) == len(tiny_instance.regions)
