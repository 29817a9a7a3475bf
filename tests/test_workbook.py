"""The Excel workbook: template, round trip, and clear errors for bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import edit_workbook_cell as edit

from scheduler.instance import Instance
from scheduler.io import InputError, load_instance
from scheduler.workbook import (
    TABLES,
    read_instance_workbook,
    write_instance_workbook,
    write_template,
)


def small_instance() -> Instance:
    names = lambda kk, ru, en="": {"kk": kk, "ru": ru, "en": en}  # noqa: E731
    return Instance.model_validate({
        "name": "test-2027-h1",
        "horizon": {"year": 2027, "half": 1},
        "approval_date": "2026-12-15",
        "regions": [
            {"id": "astana", "name": names("Астана", "Астана", "Astana"),
             "centre": {"name": "Астана", "lat": 51.1694, "lon": 71.4491},
             "population": 1_500_000},
            {"id": "almaty_reg", "name": names("Алматы облысы", "Алматинская область"),
             "centre": {"name": "Қонаев", "lat": 43.8667, "lon": 77.0667},
             "districts": [{"id": "ili", "name": names("Іле ауданы", "Илийский район")},
                           {"id": "talgar", "name": names("Талғар ауданы", "Талгарский район")}]},
        ],
        "bodies": [
            {"id": "moh", "kind": "ceb", "name": names("Денсаулық сақтау министрлігі",
                                                       "Министерство здравоохранения"),
             "sectors": ["health", "pharma"]},
            {"id": "moe", "kind": "ceb", "name": names("Энергетика министрлігі",
                                                       "Министерство энергетики")},
            {"id": "akimat_almaty_reg", "kind": "akimat", "region_id": "almaty_reg",
             "name": names("Алматы облысының әкімдігі", "Акимат Алматинской области")},
            {"id": "akimat_ili", "kind": "akimat", "region_id": "almaty_reg",
             "name": names("Іле ауданының әкімдігі", "Акимат Илийского района")},
        ],
        "officials": [
            {"id": "min_moh",
             "title": names("Денсаулық сақтау министрі", "Министр здравоохранения"),
             "body_id": "moh", "role": "first_head", "base_region_id": "astana"},
            {"id": "dep_moh", "title": names("Вице-министр", "Вице-министр здравоохранения"),
             "body_id": "moh", "role": "deputy", "deputy_of": "min_moh",
             "base_region_id": "astana"},
            {"id": "min_moe", "title": names("Энергетика министрі", "Министр энергетики"),
             "body_id": "moe", "role": "first_head", "base_region_id": "astana"},
            {"id": "akim_almaty_reg", "title": names("Облыс әкімі", "Аким области"),
             "body_id": "akimat_almaty_reg", "role": "first_head", "akim_level": "region",
             "base_region_id": "almaty_reg"},
            {"id": "akim_ili", "title": names("Аудан әкімі", "Аким района"),
             "body_id": "akimat_ili", "role": "first_head", "akim_level": "district",
             "district_id": "ili", "base_region_id": "almaty_reg"},
        ],
        "issues": [{"id": "i1", "region_id": "almaty_reg", "body_id": "moh", "weight": 30,
                    "text": names("Емхана жоқ", "Нет поликлиники", "No clinic")}],
        "absences": [{"official_id": "min_moh", "start": "2027-03-01", "end": "2027-03-05",
                      "reason": "delegation", "note": "визит"}],
        "alerts": [{"id": "a1", "region_id": "almaty_reg", "body_ids": ["moe", "akimat_ili"],
                    "level": "forecast", "date": "2027-02-10", "text": "тарифы"}],
        "region_dates": [{"region_id": "astana", "date": "2027-05-07", "kind": "blocked"},
                         {"region_id": "almaty_reg", "date": "2027-04-10", "kind": "preferred",
                          "note": "праздник"}],
        "extra_days_off": ["2027-01-08"],
        "extra_working_days": ["2027-01-03"],
    })


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "instance.xlsx"
    write_instance_workbook(small_instance(), path)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_instance_workbook(path)
    return str(info.value)


# ------------------------------------------------------------------------ template
def test_template_has_every_sheet_with_labelled_headers(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["README"] + [sheet.name for sheet in TABLES]
    readme = "\n".join(str(row[0]) for row in wb["README"].iter_rows(values_only=True) if row[0])
    for word in ("ГГГГ-ММ-ДД", "ЖЖЖЖ-АА-КК", "YYYY-MM-DD", "first_head", "delegation", "arisen"):
        assert word in readme
    for sheet in TABLES:
        ws = wb[sheet.name]
        assert ws.max_row == 1 and ws.freeze_panes == "A2"
        headers = [cell.value for cell in ws[1]]
        assert headers == [f"{c.ru} / {c.kk} [{c.key}]" for c in sheet.columns]
        assert all(cell.font.bold for cell in ws[1])
        assert all(c.ru and c.kk and c.ru != c.key for c in sheet.columns)
    assert "өңірі" in wb["officials"]["J1"].value  # Kazakh letters survive
    assert wb["officials"]["J1"].value.endswith("[base_region_id]")


def test_empty_template_reads_as_a_clear_error(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    message = error_of(path)
    assert "sheet 'meta'" in message and "one filled row" in message


# ------------------------------------------------------------------------ round trip
def test_round_trip_gives_the_same_instance(book):
    assert read_instance_workbook(book) == small_instance()
    assert load_instance(book) == small_instance()  # the .xlsx branch of load_instance


def test_round_trip_of_the_shipped_instance(tmp_path):
    source = Path(__file__).parent.parent / "instances" / "kz-2027-h1.json"
    if not source.exists():
        pytest.skip("instances/kz-2027-h1.json is not there yet")
    instance = load_instance(source)
    write_instance_workbook(instance, tmp_path / "kz.xlsx")
    assert read_instance_workbook(tmp_path / "kz.xlsx") == instance


def test_columns_may_be_reordered_and_keys_bare_and_dates_text(book):
    wb = openpyxl.load_workbook(book)
    ws = wb["absences"]
    ws.move_range("A1:E2", cols=5)  # data to F..J, then back in another order
    for target, key in zip("ABCDE", ("note", "end", "start", "reason", "official_id")):
        source = next(c for c in ws[1] if c.value and c.value.endswith(f"[{key}]"))
        ws[f"{target}1"] = key if key == "reason" else source.value  # a bare key too
        ws[f"{target}2"] = ws.cell(row=2, column=source.column).value
    ws.delete_cols(6, 5)
    ws["B2"] = "05.03.2027"
    ws["C2"] = "2027-03-01"
    ws.append([None] * 5)  # empty rows are skipped
    wb.save(book)
    assert read_instance_workbook(book) == small_instance()


# ------------------------------------------------------------------------ bad input
def test_unknown_base_region(book):
    edit(book, "officials", "base_region_id", 4, "atlantis")
    message = error_of(book)
    assert str(book) in message
    assert "sheet 'officials', row 4" in message and "'base_region_id'" in message
    assert "atlantis" in message


def test_absence_ending_before_it_starts(book):
    edit(book, "absences", "end", 2, dt.date(2027, 2, 1))
    message = error_of(book)
    assert "sheet 'absences', row 2" in message and "ends" in message and "2027-02-01" in message


def test_deputy_of_a_minister_of_another_ministry(book):
    edit(book, "officials", "deputy_of", 3, "min_moe")
    message = error_of(book)
    assert "sheet 'officials', row 3" in message and "'deputy_of'" in message
    assert "min_moe" in message


def test_date_outside_the_horizon(book):
    edit(book, "region_dates", "date", 3, dt.date(2027, 8, 1))
    message = error_of(book)
    assert "sheet 'region_dates', row 3" in message and "field 'date'" in message
    assert "outside the horizon" in message


def test_day_off_outside_the_horizon_points_at_days_off(book):
    edit(book, "days_off", "date", 3, "2026-12-31")
    message = error_of(book)
    assert "sheet 'days_off', row 3" in message and "outside the horizon" in message


def test_text_in_a_date_cell(book):
    edit(book, "alerts", "date", 2, "next Monday")
    message = error_of(book)
    assert "sheet 'alerts', row 2" in message and "field 'date'" in message
    assert "next Monday" in message


def test_bad_choice_and_bad_number_name_the_column(book):
    edit(book, "officials", "role", 5, "boss")
    edit(book, "regions", "lat", 3, "north")
    message = error_of(book)
    assert "sheet 'officials', row 5, field 'role'" in message and "boss" in message
    assert "sheet 'regions', row 3, field 'lat'" in message


def test_district_errors_point_at_the_districts_sheet(book):
    edit(book, "districts", "name_kk", 3, None)
    assert "sheet 'districts', row 3, field 'name_kk'" in error_of(book)
    edit(book, "districts", "region_id", 3, "atlantis")
    message = error_of(book)
    assert "sheet 'districts', row 3, field 'region_id'" in message and "atlantis" in message


def test_meta_errors_point_at_the_meta_sheet(book):
    edit(book, "meta", "half", 2, 3)
    assert "sheet 'meta', row 2, field 'half'" in error_of(book)
    edit(book, "meta", "half", 2, 1)
    edit(book, "meta", "approval_date", 2, dt.date(2027, 7, 1))
    assert "sheet 'meta', row 2, field 'approval_date'" in error_of(book)


def test_unknown_column(book):
    edit(book, "issues", "weight", 1, "Вес [weigth]")
    message = error_of(book)
    assert "sheet 'issues', row 1" in message and "unknown column 'weigth'" in message


def test_missing_sheet(book):
    wb = openpyxl.load_workbook(book)
    del wb["officials"]
    wb.save(book)
    message = error_of(book)
    assert str(book) in message and "sheet 'officials' is missing" in message


def test_optional_sheet_may_be_deleted(book):
    wb = openpyxl.load_workbook(book)
    del wb["issues"]
    wb.save(book)
    assert read_instance_workbook(book).issues == ()


def test_corrupt_and_missing_files(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    message = error_of(bad)
    assert str(bad) in message and "not a readable .xlsx workbook" in message
    assert "no such file" in error_of(tmp_path / "absent.xlsx")
    with pytest.raises(InputError, match="not a readable"):
        load_instance(bad)
