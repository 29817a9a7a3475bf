"""Round trip through Excel: calendar -> calendar.xlsx -> a planner edits one date ->
``check``, ``diff`` and ``report`` read the workbook back and see exactly that change; the
CSV as a Russian-locale Excel saves it (semicolons, BOM) reads back too; ``export`` writes
an instance as the input workbook."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.diff import diff_calendars
from scheduler.io import load_calendar, load_instance
from scheduler.report import write_report

ENV = {"COLUMNS": "250", "NO_COLOR": "1"}
ALL = "Все встречи - Барлық кездесулер"


def _published(tmp_path, tiny_instance, tiny_calendar, kz2024):
    write_report(tiny_instance, kz2024, tiny_calendar, tmp_path / "out", lang="ru")
    instance = tmp_path / "tiny.json"
    instance.write_text(tiny_instance.model_dump_json(), encoding="utf-8")
    return instance, tmp_path / "out" / "calendar.xlsx"


def test_edit_one_date_in_excel_and_check_sees_exactly_that(tmp_path, tiny_instance,
                                                            tiny_calendar, kz2024):
    instance, book = _published(tmp_path, tiny_instance, tiny_calendar, kz2024)
    assert load_calendar(book) == tiny_calendar  # unedited: the same calendar
    target = sorted(tiny_calendar.meetings, key=lambda m: (m.date, m.id))[-1]
    new_day = target.date + dt.timedelta(days=7)
    wb = openpyxl.load_workbook(book)
    ws = wb[ALL]
    header = [c.value for c in ws[1]]
    id_col, date_col = header.index("Код встречи / Кездесу коды"), header.index("Дата / Күні")
    row = next(r for r in ws.iter_rows(min_row=2) if r[id_col].value == target.id)
    row[date_col].value = dt.datetime.combine(new_day, dt.time())
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    back = load_calendar(edited)
    changes = diff_calendars(tiny_calendar, back)
    assert len(changes) == 1 and changes[0].what == ("date",)
    assert changes[0].old.id == target.id and changes[0].new.date == new_day
    assert changes[0].new.quarter == (new_day.month - 1) // 3 + 1

    runner = CliRunner()
    original = tmp_path / "calendar.json"
    original.write_text(tiny_calendar.model_dump_json(), encoding="utf-8")
    checked = runner.invoke(app, ["check", str(instance), str(edited), "--lang", "en"], env=ENV)
    assert checked.exit_code in (0, 1), checked.output
    diff = runner.invoke(app, ["diff", str(original), str(edited), "--instance", str(instance),
                               "--lang", "ru"], env=ENV)
    assert diff.exit_code == 0, diff.output
    assert diff.output.count("**Перенесена**") == 1 and new_day.strftime("%d.%m.%Y") in diff.output
    assert "Итого: 1 изменение" in diff.output


def test_csv_with_semicolons_and_bom_reads_back(tmp_path, tiny_calendar):
    from scheduler.meetings import CSV_COLUMNS, csv_rows

    (tmp_path / "calendar.json").write_text(tiny_calendar.model_dump_json(), encoding="utf-8")
    lines = [";".join(CSV_COLUMNS)] + [";".join(r[c] for c in CSV_COLUMNS)
                                        for r in csv_rows(tiny_calendar)]
    (tmp_path / "calendar.csv").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    back = load_calendar(tmp_path / "calendar.csv")
    assert back.by_id() == tiny_calendar.by_id()  # the CSV is in date order
    assert back.model_dump(exclude={"meetings"}) == tiny_calendar.model_dump(exclude={"meetings"})


def test_export_writes_the_input_workbook(tmp_path):
    from pathlib import Path

    source = Path(__file__).parent.parent / "instances" / "kz-2027-h1.json"
    out = tmp_path / "next.xlsx"
    result = CliRunner().invoke(app, ["export", str(source), "--out", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert load_instance(out) == load_instance(source)


def test_a_workbook_without_the_data_sheet_is_refused(tmp_path, tiny_instance):
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "other.xlsx")
    instance = tmp_path / "tiny.json"
    instance.write_text(json.dumps(json.loads(tiny_instance.model_dump_json())), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(instance), str(tmp_path / "other.xlsx")],
                                env=ENV)
    assert result.exit_code == 2 and "data" in result.output


# ------------------------------------------------- region and presenter by name
RU_KK = {"akmola": ("Акмолинская область", "Ақмола облысы"),
         "mangystau": ("Мангистауская область", "Маңғыстау облысы"),
         "vice-minister-health": ("Вице-министр здравоохранения",
                                  "Денсаулық сақтау вице-министрі")}


def _cyrillic(tiny_instance):
    """The tiny instance with Russian and Kazakh names that differ, as the real ones do."""
    data = json.loads(tiny_instance.model_dump_json())
    for item in data["regions"] + data["officials"]:
        if item["id"] in RU_KK:
            ru, kk = RU_KK[item["id"]]
            item["name" if "name" in item else "title"].update(ru=ru, kk=kk)
    return type(tiny_instance).model_validate(data)


def _edit(tmp_path, tiny_instance, tiny_calendar, kz2024, cells: dict[str, str]):
    """Publish, then write ``cells`` (column header -> text) into the row of the health
    minister's meeting in Mangystau; returns the instance file, edited book, meeting, row."""
    from scheduler import check
    from scheduler.report.xlsx import build_workbook

    instance = _cyrillic(tiny_instance)
    wb = build_workbook(instance, kz2024, tiny_calendar, check(instance, kz2024, tiny_calendar))
    path = tmp_path / "tiny.json"
    path.write_text(instance.model_dump_json(), encoding="utf-8")
    target = tiny_calendar.by_id()["health-q2"]
    assert (target.region_id, target.presenter_id) == ("mangystau", "minister-health")
    ws = wb[ALL]
    header = [c.value for c in ws[1]]
    number, row = next((n, r) for n, r in enumerate(ws.iter_rows(min_row=2), start=2)
                       if r[header.index("Код встречи / Кездесу коды")].value == target.id)
    for column, text in cells.items():
        row[header.index(column)].value = text
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    return path, edited, target, number


REGION_RU = "Регион (рус.) / Өңір (орыс.)"
REGION_KK = "Регион (каз.) / Өңір (қаз.)"
PRESENTER_RU = "Выступает (рус.) / Сөз сөйлейді (орыс.)"
PRESENTER_KK = "Выступает (каз.) / Сөз сөйлейді (қаз.)"


def test_region_and_presenter_edited_by_name_in_russian_or_kazakh(tmp_path, tiny_instance,
                                                                   tiny_calendar, kz2024):
    from scheduler.i18n import LABELS

    assert REGION_RU.startswith(LABELS["col_region"]["ru"])
    assert PRESENTER_KK.startswith(LABELS["col_presenter"]["ru"])
    instance, edited, target, _ = _edit(
        tmp_path, tiny_instance, tiny_calendar, kz2024,
        {REGION_RU: "  акмолинская   область ",  # case and spaces as typed
         PRESENTER_KK: "Денсаулық сақтау вице-министрі"})
    back = load_calendar(edited)
    changes = diff_calendars(tiny_calendar, back)
    assert len(changes) == 1 and changes[0].old.id == target.id
    new = changes[0].new
    assert (new.region_id, new.presenter_id) == ("akmola", "vice-minister-health")
    assert new.issue_ids == ("i-akmola-health",)  # the new region's topical issues
    assert (new.date, new.start, new.official_id) == (target.date, target.start,
                                                      target.official_id)
    result = CliRunner().invoke(app, ["check", str(instance), str(edited), "--lang", "en"],
                                env=ENV)
    assert result.exit_code in (0, 1), result.output  # read; judged by the rules


def test_both_languages_naming_the_same_region_is_one_change(tmp_path, tiny_instance,
                                                             tiny_calendar, kz2024):
    _, edited, target, _ = _edit(tmp_path, tiny_instance, tiny_calendar, kz2024,
                                 {REGION_RU: "Акмолинская область",
                                  REGION_KK: "Ақмола облысы"})
    assert load_calendar(edited).by_id()[target.id].region_id == "akmola"


def test_unknown_region_name_is_refused_with_file_sheet_row_and_column(
        tmp_path, tiny_instance, tiny_calendar, kz2024):
    instance, edited, _, number = _edit(tmp_path, tiny_instance, tiny_calendar, kz2024,
                                        {REGION_KK: "Нұр-Сұлтан облысы"})
    result = CliRunner().invoke(app, ["check", str(instance), str(edited)], env=ENV)
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    for part in (str(edited.name), f"sheet '{ALL}'", f"row {number}", f"column '{REGION_KK}'",
                 "'Нұр-Сұлтан облысы'", "region"):
        assert part in text, part


def test_unknown_presenter_and_two_regions_at_once_are_refused(tmp_path, tiny_instance,
                                                               tiny_calendar, kz2024):
    from scheduler.io import InputError

    _, edited, _, number = _edit(tmp_path, tiny_instance, tiny_calendar, kz2024,
                                 {PRESENTER_RU: "Министр здравоохранения и спорта"})
    try:
        load_calendar(edited)
        raise AssertionError("an unknown presenter was read")
    except InputError as exc:
        assert f"row {number}, column '{PRESENTER_RU}'" in str(exc) and "official" in str(exc)
    _, edited, _, number = _edit(tmp_path, tiny_instance, tiny_calendar, kz2024,
                                 {REGION_RU: "Акмолинская область", REGION_KK: "Astana"})
    try:
        load_calendar(edited)
        raise AssertionError("two regions were read")
    except InputError as exc:
        assert f"row {number}" in str(exc) and "akmola" in str(exc) and "astana" in str(exc)
