"""report.pdf, the per-body PDFs and the change notice: Kazakh text extracted back, every
meeting there, page numbers, one body's meetings only in its own PDF."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from scheduler.i18n import LABELS
from scheduler.report import write_report
from scheduler.report.pdf import render_body_pdf, render_notice_pdf


def text_of(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def written(tiny_instance, tiny_calendar, kz2024, tmp_path):
    out = tmp_path / "out"
    write_report(tiny_instance, kz2024, tiny_calendar, out, lang="kk")
    return out


def test_report_pdf_has_the_kazakh_title_and_every_meeting(written, tiny_instance,
                                                            tiny_calendar):
    text, pages = text_of((written / "report.pdf").read_bytes())
    assert LABELS["report_title"]["kk"] in flat(text)
    assert "Министрлер мен әкімдердің" in text  # Kazakh letters come back as letters
    for m in tiny_calendar.meetings:
        assert m.date.strftime("%d.%m.%Y") in text
        assert f"{m.start:%H:%M}–{m.end:%H:%M}" in text
    n = len(tiny_calendar.meetings)
    assert 5 <= pages <= 12 + n // 10  # summary, charts, compliance, meetings, annexes
    assert f"1-бет, барлығы {pages}" in text  # page numbers
    assert "2-қосымша" in text  # the planners' annex keeps the rule ids
    assert "FREQ-CEB-QUARTER" in text


def test_one_pdf_per_body_with_only_its_meetings(written, tiny_instance, tiny_calendar, kz2024):
    bodies = {m.body_id for m in tiny_calendar.meetings}
    assert {p.stem for p in (written / "pdf").glob("*.pdf")} == bodies
    for body in bodies:
        text, _ = text_of((written / "pdf" / f"{body}.pdf").read_bytes())
        assert tiny_instance.body(body).name.kk in flat(text)
        for m in tiny_calendar.meetings:
            who = tiny_instance.official(m.official_id).title.kk
            if m.body_id == body:
                assert f"{m.date:%d.%m.%Y}, " in text and who in flat(text)
            else:
                assert who not in flat(text)


def test_table_headers_repeat_on_every_page(tiny_instance, tiny_calendar, kz2024):
    many = tiny_calendar.model_copy(update={"meetings": tiny_calendar.meetings * 12})
    data = render_body_pdf(tiny_instance, kz2024, many, tiny_calendar.meetings[0].body_id, "ru")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    header = LABELS["col_official"]["ru"]
    with_rows = [p.extract_text() for p in reader.pages
                 if re.search(r"\d\d:\d\d–\d\d:\d\d", p.extract_text())]
    assert len(with_rows) >= 2 and all(header in text for text in with_rows)


def test_change_notice_pdf_is_bilingual():
    data = render_notice_pdf("Изменения / Өзгерістер", [
        ("ru", "Изменения календаря на 20.03.2027", ["перенесена: встреча"], []),
        ("kk", "20.03.2027 күнгі күнтізбе өзгерістері", ["ауыстырылды: кездесу"],
         ["өтінім қабылданбады"])])
    text, pages = text_of(data)
    assert pages == 2 and "Изменения календаря" in text and "күнтізбе өзгерістері" in text
    assert "Қабылданбаған өтінімдер" in text


def test_workbook_print_sheets_fit_a4_landscape(written, tiny_calendar):
    from openpyxl import load_workbook

    wb = load_workbook(written / "calendar.xlsx")
    for title in ("Печать (рус.)", "Басып шығару (қаз.)"):
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows and ws.max_column == 8
        rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
        assert len(rows) == len(tiny_calendar.meetings)
        assert all(ws.row_dimensions[i].height for i in range(3, 3 + len(rows)))
