"""The library's input messages on the Russian and Kazakh pages: the body page's refused
edits and requests, and the import page's rows, in the reader's language, naming the file,
sheet, row and field as the command line does."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from scheduler.io import InputError, Problem, load_instance
from scheduler.web import problems

from .conftest import INSTANCE

ISSUE = {"op": "add", "issue_id": "", "region_id": "almaty-city", "weight": "много",
         "text_ru": "Очереди", "text_kk": "Кезектер", "text_en": ""}


@pytest.mark.parametrize("lang, said", [("ru", "нужно целое число"),
                                        ("kk", "бүтін сан керек")])
def test_refused_edit_in_the_readers_language(as_role, seeded, lang, said):
    client = as_role("health-editor")
    client.cookies["django_language"] = lang
    response = client.post("/body/health/edit/issue/", ISSUE)
    assert response.status_code == 400
    assert response.context["issue_form"].errors["weight"] == [said]
    page = response.content.decode()
    assert f'<span class="field-error" id="error-weight">{said}</span>' in page
    assert "Input should" not in page


@pytest.mark.parametrize("lang, said", [
    ("ru", "2028-01-10 вне планируемого полугодия 2027-01-01..2027-06-30"),
    ("kk", "2028-01-10 жоспарланатын жарты жылдан тыс (2027-01-01..2027-06-30)")])
def test_refused_date_in_the_readers_language(client, seeded, lang, said):
    from django.contrib.auth import get_user_model

    from scheduler.web.demo import set_role

    user = get_user_model().objects.create(username="pavlodar-editor")
    set_role(user, "editor", "akimat-pavlodar")
    client.force_login(user)
    client.cookies["django_language"] = lang
    response = client.post("/body/akimat-pavlodar/edit/date/",
                           {"op": "add", "date": "2028-01-10", "kind": "blocked"})
    assert response.context["date_form"].errors["date"] == [said]


@pytest.mark.parametrize("lang, words", [
    ("ru", ("лист 'issues', строка 2, поле 'weight': нужно число не меньше 1 (указано 0)",
            "лист 'officials', строка 5, поле 'body_id': неизвестный орган 'no-such'")),
    ("kk", ("'issues' парағы, 2-жол, 'weight' өрісі: 1 немесе одан үлкен сан керек "
            "(көрсетілгені 0)",
            "'officials' парағы, 5-жол, 'body_id' өрісі: белгісіз орган 'no-such'"))])
def test_import_rows_in_the_readers_language(as_role, seeded, tmp_path, lang, words):
    from scheduler.workbook import write_instance_workbook

    data = json.loads(INSTANCE.read_text(encoding="utf-8"))
    path = tmp_path / "kz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    book = tmp_path / "kz.xlsx"
    write_instance_workbook(load_instance(path), book)
    import openpyxl

    client = as_role("planner")
    client.cookies["django_language"] = lang
    for (sheet, column, row, value), line in zip((("issues", "weight", 2, 0),
                                                  ("officials", "body_id", 5, "no-such")), words):
        wb = openpyxl.load_workbook(book)  # one broken cell at a time
        ws = wb[sheet]
        index = next(i for i, cell in enumerate(ws[1], 1) if f"[{column}]" in str(cell.value))
        ws.cell(row=row, column=index, value=value)
        wb.save(tmp_path / "broken.xlsx")
        page = client.post("/import/", {"file": SimpleUploadedFile(
            "kz.xlsx", (tmp_path / "broken.xlsx").read_bytes())}).content.decode()
        found = page.split('id="import-errors"')[1].split("</ul>")[0]
        assert f"<li>kz.xlsx: {line}</li>".replace("'", "&#x27;") in found, found


def test_lines_said_again_in_english_are_the_clis():
    """Parsing a line into its parts and saying it again in English gives the line back."""
    lines = ["kz.json: issues[3] (id 'x'), field 'weight': Input should be greater than or "
             "equal to 1",
             "kz.xlsx: sheet 'issues', row 5, field 'weight': Input should be a valid integer, "
             "unable to parse string as an integer (got 'abc')",
             "kz.json: absences[2] (official_id 'p'): the absence ends (2027-03-01) before it "
             "starts (2027-04-01)",
             "kz.xlsx: sheet 'regions', row 1, column B: unknown column 'q' (known: a, b)",
             "kz.json: field 'approval_date': 2027-07-01 is after the end of the horizon "
             "2027-06-30", "upload.doc: use a .json file or an .xlsx workbook",
             "... and 3 more problems"]
    with translation.override("en"):
        assert problems.lines(InputError("\n".join(lines))) == lines
    assert Problem.parse(lines[0]).at("issues", 3) and not Problem.parse(lines[0]).at(
        "issues", 30)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_numbers_and_dates_in_the_readers_format(lang):
    """A cost or a time on a page reads with a decimal comma in Kazakh as in Russian, and
    a date as day.month.year (Django ships no Kazakh formats: it wrote 436.0)."""
    import datetime as dt

    from django.template import Context, Template

    with translation.override(lang):
        page = Template("{{ cost }} {{ big }} {{ day|date:'SHORT_DATE_FORMAT' }}").render(
            Context({"cost": 436.0, "big": 1234567.5, "day": dt.date(2027, 3, 20)}))
    assert page == "436,0 1234567,5 20.03.2027"
