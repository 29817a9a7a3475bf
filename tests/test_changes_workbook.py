"""A quarter's change set as an Excel workbook: template, round trip, clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import edit_workbook_cell as edit
from typer.testing import CliRunner

from scheduler.changes import Action, ChangeRequest, ChangeSet
from scheduler.cli import app
from scheduler.instance import Absence, TensionAlert
from scheduler.io import InputError, load_changes
from scheduler.workbook import (
    CHANGE_TABLES,
    read_changes_workbook,
    write_changes_template,
    write_changes_workbook,
)

SHIPPED = Path(__file__).parent.parent / "instances" / "kz-2027-h1-changes-q2.json"


def small_changes() -> ChangeSet:
    return ChangeSet(
        note="Изменения на II квартал / II тоқсанға өзгерістер",
        requests=(
            ChangeRequest(id="R1", body_id="moh", submitted=dt.date(2027, 3, 10),
                          action=Action.move, meeting_id="2027-H1-106",
                          date=dt.date(2027, 5, 29), note="форум"),
            ChangeRequest(id="R2", body_id="moe", submitted=dt.date(2027, 3, 12),
                          action=Action.move, meeting_id="2027-H1-121", region_id="kostanay"),
            ChangeRequest(id="R3", body_id="moh", submitted=dt.date(2027, 3, 15),
                          action=Action.cancel, meeting_id="2027-H1-085"),
            ChangeRequest(id="R4", body_id="akimat_ili", submitted=dt.date(2027, 3, 16),
                          action=Action.add, region_id="almaty_reg"),
            ChangeRequest(id="R5", body_id="moe", submitted=dt.date(2027, 3, 18),
                          action=Action.block,
                          dates=(dt.date(2027, 4, 20), dt.date(2027, 4, 21))),
        ),
        absences=(Absence(official_id="min_moh", start=dt.date(2027, 4, 19),
                          end=dt.date(2027, 4, 23), reason="illness", note="больничный"),),
        alerts=(TensionAlert(id="a1", region_id="almaty_reg", body_ids=("moe", "akimat_ili"),
                             level="arisen", date=dt.date(2027, 3, 22), text="тарифы"),),
        extra_days_off=(dt.date(2027, 5, 8),),
    )


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "changes.xlsx"
    write_changes_workbook(small_changes(), path)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_changes_workbook(path)
    return str(info.value)


# ------------------------------------------------------------------------ template
def test_template_has_every_sheet_with_labelled_headers(tmp_path):
    path = tmp_path / "changes-template.xlsx"
    write_changes_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["README"] + [sheet.name for sheet in CHANGE_TABLES]
    assert {"requests", "absences", "alerts", "days_off"} <= set(wb.sheetnames)
    readme = "\n".join(str(row[0]) for row in wb["README"].iter_rows(values_only=True) if row[0])
    for word in ("ГГГГ-ММ-ДД", "ЖЖЖЖ-АА-КК", "YYYY-MM-DD", "requests.action: move, cancel, add, "
                 "block", "illness", "delegation", "arisen", "forecast"):
        assert word in readme
    for sheet in CHANGE_TABLES:
        ws = wb[sheet.name]
        assert ws.max_row == 1 and ws.freeze_panes == "A2"
        headers = [cell.value for cell in ws[1]]
        assert headers == [f"{c.ru} / {c.kk} [{c.key}]" for c in sheet.columns]
        assert all(cell.font.bold for cell in ws[1])
        assert all(c.ru and c.kk and c.ru != c.key for c in sheet.columns)
    requests = [cell.value for cell in wb["requests"][1]]
    assert [h.rsplit("[", 1)[1].rstrip("]") for h in requests] == [
        "id", "body_id", "submitted", "action", "meeting_id", "date", "region_id", "dates", "note"]
    assert "Жаңа өңір" in wb["requests"]["G1"].value  # Kazakh letters survive
    choices = {str(v.sqref): v.formula1 for v in wb["requests"].data_validations.dataValidation}
    assert choices == {"D2:D2000": '"move,cancel,add,block"'}  # a drop-down list for 'action'


def test_empty_template_is_an_empty_change_set(tmp_path):
    path = tmp_path / "changes-template.xlsx"
    write_changes_template(path)
    assert read_changes_workbook(path) == ChangeSet()


def test_every_sheet_is_optional(book):
    wb = openpyxl.load_workbook(book)
    for name in [sheet.name for sheet in CHANGE_TABLES]:
        del wb[name]
    wb.save(book)
    assert read_changes_workbook(book) == ChangeSet()


# ------------------------------------------------------------------------ round trip
def test_round_trip_gives_the_same_change_set(book):
    assert read_changes_workbook(book) == small_changes()
    assert load_changes(book) == small_changes()  # the .xlsx branch of load_changes


def test_round_trip_of_the_shipped_change_set(tmp_path):
    if not SHIPPED.exists():
        pytest.skip("instances/kz-2027-h1-changes-q2.json is not there")
    changes = load_changes(SHIPPED)
    assert changes.requests and changes.absences and changes.alerts and changes.note
    path = tmp_path / "q2.xlsx"
    write_changes_workbook(changes, path)
    assert read_changes_workbook(path) == changes
    assert load_changes(path) == changes


def test_dates_as_text_date_cells_and_reordered_columns(book):
    wb = openpyxl.load_workbook(book)
    ws = wb["requests"]
    ws.move_range("A1:I6", cols=9)  # data to J..R, then back with 'note' first
    order = ("note", "id", "body_id", "submitted", "action", "meeting_id", "date", "region_id",
             "dates")
    for target, key in zip("ABCDEFGHI", order):
        source = next(c for c in ws[1] if c.value and c.value.endswith(f"[{key}]"))
        for row in range(1, 7):
            ws[f"{target}{row}"] = ws.cell(row=row, column=source.column).value
    ws.delete_cols(10, 9)
    ws["E1"] = "action"  # a bare key
    ws["D2"] = "10.03.2027"
    ws["I6"] = "20.04.2027; 2027-04-21"
    ws.append([None] * 9)  # empty rows are skipped
    wb["days_off"]["A2"] = "2027-05-08"
    wb.save(book)
    assert read_changes_workbook(book) == small_changes()
    edit(book, "requests", "dates", 6, dt.datetime(2027, 4, 20))  # a lone date cell
    assert read_changes_workbook(book).requests[4].dates == (dt.date(2027, 4, 20),)


# ------------------------------------------------------------------------ bad input
def test_text_in_a_date_cell(book):
    edit(book, "requests", "submitted", 3, "вчера")
    message = error_of(book)
    assert str(book) in message
    assert "sheet 'requests', row 3, field 'submitted'" in message and "вчера" in message


def test_bad_date_in_the_dates_list(book):
    edit(book, "requests", "dates", 6, "2027-04-20, 31.04.2027")
    message = error_of(book)
    assert "sheet 'requests', row 6, field 'dates'" in message and "31.04.2027" in message


def test_unknown_action(book):
    edit(book, "requests", "action", 4, "postpone")
    message = error_of(book)
    assert "sheet 'requests', row 4, field 'action'" in message
    assert "postpone" in message and "'move'" in message


def test_move_without_meeting_id(book):
    edit(book, "requests", "meeting_id", 2, None)
    message = error_of(book)
    assert "sheet 'requests', row 2, field 'meeting_id'" in message
    assert "needs 'meeting_id'" in message


def test_move_without_new_date_or_region(book):
    edit(book, "requests", "date", 2, None)
    message = error_of(book)
    assert "sheet 'requests', row 2, field 'date/region_id'" in message


def test_block_without_dates(book):
    edit(book, "requests", "dates", 6, None)
    assert "sheet 'requests', row 6, field 'dates'" in error_of(book)


def test_missing_body(book):
    edit(book, "requests", "body_id", 5, None)
    message = error_of(book)
    assert "sheet 'requests', row 5, field 'body_id'" in message and "required" in message


def test_absence_and_alert_errors(book):
    edit(book, "absences", "reason", 2, "vacation")
    edit(book, "alerts", "level", 2, "high")
    edit(book, "alerts", "body_ids", 2, None)
    message = error_of(book)
    assert "sheet 'absences', row 2, field 'reason'" in message and "vacation" in message
    assert "sheet 'alerts', row 2, field 'level'" in message and "high" in message
    assert "sheet 'alerts', row 2, field 'body_ids'" in message


def test_absence_ending_before_it_starts(book):
    edit(book, "absences", "end", 2, dt.date(2027, 4, 1))
    message = error_of(book)
    assert "sheet 'absences', row 2" in message and "ends" in message


def test_bad_day_off(book):
    edit(book, "days_off", "date", 2, "someday")
    message = error_of(book)
    assert "sheet 'days_off', row 2, field 'date'" in message and "someday" in message


def test_two_meta_rows(book):
    edit(book, "meta", "note", 3, "second note")
    message = error_of(book)
    assert "sheet 'meta'" in message and "at most one" in message


def test_unknown_column(book):
    edit(book, "requests", "meeting_id", 1, "Встреча [meeting]")
    message = error_of(book)
    assert "sheet 'requests', row 1" in message and "unknown column 'meeting'" in message


def test_corrupt_and_missing_files(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    message = error_of(bad)
    assert str(bad) in message and "not a readable .xlsx workbook" in message
    assert "no such file" in error_of(tmp_path / "absent.xlsx")
    with pytest.raises(InputError, match="not a readable"):
        load_changes(bad)


# ------------------------------------------------------------------------ CLI
def test_cli_template_kind_changes(tmp_path):
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(app, ["template", "--kind", "changes", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["README"] + [s.name for s in CHANGE_TABLES]
    assert read_changes_workbook(out) == ChangeSet()


def test_cli_template_kind_defaults_to_instance(tmp_path):
    out = tmp_path / "i.xlsx"
    result = CliRunner().invoke(app, ["template", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "officials" in openpyxl.load_workbook(out).sheetnames
    bad = CliRunner().invoke(app, ["template", "--kind", "calendar", "--out", str(out)])
    assert bad.exit_code == 2
