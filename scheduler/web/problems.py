"""The library's input messages (:class:`scheduler.io.InputError`) in the reader's language.

Each line keeps the file, sheet, row, table row and field as the command line names them;
the words around them and the message are said in Russian or Kazakh. The messages below
are the catalogue's msgids, the library's own wording with ``{name}`` for each value, which
is kept as it is; a message not listed stays in English.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

from scheduler.io import InputError, Problem

MESSAGES = (
    # the instance's cross-references (scheduler.instance) and a change set's (changes)
    _("unknown region '{id}'"),
    _("unknown body '{id}'"),
    _("unknown official '{id}'"),
    _("unknown district '{id}' of the akimat's region"),
    _("'{id}' is used twice"),
    _("id '{id}' used twice"),
    _("{date} lies outside the horizon {start}..{end}"),
    _("dates {start}..{end} lie outside the horizon {first}..{last}"),
    _("{date} is after the end of the horizon {end}"),
    _("the absence ends ({end}) before it starts ({start})"),
    _("{dates} is outside the half-year {span}"),
    _("no meeting '{id}' in the calendar"),
    _("meeting {id} belongs to '{body}', not '{other}'"),
    _("a '{action}' request needs 'meeting_id'"),
    _("a 'move' request needs a new 'date' or 'region_id'"),
    _("a 'block' request needs 'dates'"),
    _("akimat '{id}' needs its region"),
    _("body '{id}' has two first heads"),
    # values (pydantic's wording, and the instance's text and id checks)
    _("String should have at least {n} character"),
    _("String should have at least {n} characters"),
    _("String should have at most {n} characters"),
    _("Input should be a valid integer, unable to parse string as an integer"),
    _("Input should be a valid integer, got a number with a fractional part"),
    _("Input should be a valid integer"),
    _("Input should be a valid number, unable to parse string as a number"),
    _("Input should be greater than or equal to {n}"),
    _("Input should be less than or equal to {n}"),
    _("Input should be a valid date or datetime, {detail}"),
    _("Input should be a valid date in the format YYYY-MM-DD, {detail}"),
    _("Input should be {choices}"),
    _("Field required"),
    _("Extra inputs are not permitted"),
    _("control character U+{code} at position {position} (retype the text without it)"),
    _("{value} is not an id: {rule}"),
    # files and workbooks (scheduler.io, scheduler.workbook, the web's uploads)
    _("'{text}' is not a date (write 2027-03-01 or use a date cell)"),
    _("sheet '{sheet}' is missing (the workbook has: {sheets})"),
    _("unknown column '{key}' (known: {known})"),
    _("column '{key}' appears twice"),
    _("expected one of {kinds}, got '{kind}'"),
    _("the date is missing"),
    _("use a .json file or an .xlsx workbook"),
    _("larger than {size} MB"),
    _("cannot be read ({error})"),
    _("not a readable .xlsx workbook ({error})"),
    _("malformed JSON at line {line}, column {column}: {error}"),
    _("expected a JSON object at the top level"),
    _("... and {n} more problems"),
)
PLACE = (_("sheet '{sheet}'"), _("row {n}"), _("column {n}"), _("cell {n}"), _("the request"))
FIELD, GOT = _("field '{field}'"), _("got {value}")


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)  # text, name, text, name, ..., text
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)) + "$")


_PATTERNS = [(_pattern(t), t) for t in MESSAGES]
_PLACES = [(_pattern(t), t) for t in PLACE]


def _say(text: str, patterns: list[tuple[re.Pattern, str]]) -> str:
    for pattern, template in patterns:
        m = pattern.match(text)
        if m:
            return gettext(template).format(**m.groupdict())
    return text


def message(problem: Problem) -> str:
    """The problem's message (and the value read, for a workbook) in the reader's language:
    what a form shows at its field."""
    said = _say(problem.message, _PATTERNS)
    return f"{said} ({gettext(GOT).format(value=problem.got)})" if problem.got else said


def line(problem: Problem) -> str:
    """The whole line: file, place (sheet and row, or table row), field and message."""
    place = ", ".join(_say(part, _PLACES) for part in problem.place.split(", ")
                      if part) if problem.place else ""
    where = ", ".join(x for x in (place, gettext(FIELD).format(field=problem.field)
                                  if problem.field else "") if x)
    head = ": ".join(x for x in (problem.source, where) if x)
    return f"{head}: {message(problem)}" if head else message(problem)


def lines(error: InputError) -> list[str]:
    return [line(p) for p in error.problems]
