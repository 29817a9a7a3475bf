"""Text in the files we publish: never a live formula, never a character that breaks a file.

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (some drop
a leading tab or carriage return first) as a formula, so text from an instance or a
calendar that begins so is written as text: with a leading single quote in CSV (the OWASP
convention) and, in a workbook, as a string cell with Excel's quote prefix (what typing
``'`` before the text does). XML, hence ``.xlsx``, forbids most control characters, and a
line of an ``.ics`` file may not break: those are dropped or become spaces.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: str) -> str:
    """A CSV field that a spreadsheet shows as text: a quote before a formula-like value."""
    return "'" + value if formula_like(value) else value


def xml_text(value: str) -> str:
    """``value`` without the control characters XML refuses (tab and line breaks stay)."""
    return XML_ILLEGAL.sub("", value)


def one_line(value: str) -> str:
    """``value`` on one line: line breaks and tabs become one space, other controls go."""
    return xml_text(BREAKS.sub(" ", value)).strip()


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet, every text written as text, never a formula."""
    ws.append([xml_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        as_text(cell)


def as_text(cell: Any) -> None:
    """Make an openpyxl cell holding formula-like text a plain string cell."""
    if formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
