"""The change notice of a re-plan as documents: a workbook sheet, an HTML section and PDFs.

The texts come from :func:`scheduler.words.notice_texts` (per language: the title, one line
per moved, handed-over, added or cancelled meeting with its reason, one line per refused
request with its rule and deadline). The notice is bilingual: Russian, then Kazakh.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from scheduler.report import common as c

NOTICE_LANGS = ("ru", "kk")


@dataclass(frozen=True)
class NoticeDocuments:
    sheet: Callable  # (workbook, title) -> None
    html: str
    pdf_sections: list[tuple[str, list[str], list[str]]]
    pdf: bytes


def _sheet(texts: dict) -> Callable:
    def add(wb, title: str) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        ws = wb.create_sheet(title)
        ws.column_dimensions["A"].width = 6
        ws.column_dimensions["B"].width = 120
        row = 1
        for lang in NOTICE_LANGS:
            t = texts[lang]
            ws.cell(row, 1, t["title"]).font = Font(bold=True, size=13, color="1F4E79")
            row += 1
            items = [(str(n), line) for n, line in enumerate(t["lines"], start=1)] or \
                [("", c.tr("no_change", lang))]
            if t["refused"]:
                items += [("", c.tr("ch_refused", lang))]
                items += [(str(n), line) for n, line in enumerate(t["refused"], start=1)]
            items += [("", t["count"]), ("", t["footer"])]
            for number, line in items:
                ws.cell(row, 1, number)
                cell = ws.cell(row, 2, line)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if not number and line == c.tr("ch_refused", lang):
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor="FFF2CC")
                ws.row_dimensions[row].height = 15 * max(1, len(line) // 110 + 1)
                row += 1
            row += 1
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    return add


def _html(texts: dict) -> str:
    parts = []
    for i, lang in enumerate(NOTICE_LANGS):
        t = texts[lang]
        cls = "" if i else ""
        parts.append(f'<h2{cls} lang="{lang}">{escape(t["title"])}</h2>')
        if t["lines"]:
            parts.append("<ol>" + "".join(f"<li>{escape(x)}</li>" for x in t["lines"]) + "</ol>")
        else:
            parts.append(f"<p>{escape(c.tr('no_change', lang))}</p>")
        if t["refused"]:
            parts.append(f"<h3>{escape(c.tr('ch_refused', lang))}</h3><ol>"
                         + "".join(f"<li>{escape(x)}</li>" for x in t["refused"]) + "</ol>")
        parts.append(f'<p class="note">{escape(t["count"])}. {escape(t["footer"])}</p>')
    return "\n".join(parts)


def notice_documents(texts: dict, lang: str) -> NoticeDocuments:
    from scheduler.report.pdf import render_notice_pdf

    sections = [(texts[code]["title"], texts[code]["lines"], texts[code]["refused"])
                for code in NOTICE_LANGS]
    pdf = render_notice_pdf(f"{texts['ru']['title']} / {texts['kk']['title']}",
                            [(code, texts[code]["title"], texts[code]["lines"],
                              texts[code]["refused"]) for code in NOTICE_LANGS])
    return NoticeDocuments(_sheet(texts), _html(texts), sections, pdf)
