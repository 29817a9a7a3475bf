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
