"""A calendar read back from the project's own workbook (``calendar.xlsx``) or CSV.

A planner edits the published workbook in Excel and brings it back: ``check``, ``replan``
and ``report`` read the "all meetings" sheet (``Все встречи - Барлық кездесулер``). The
workbook also carries a hidden sheet ``data`` with the calendar's metadata and every
field of every meeting (ids included), and a hidden sheet ``names`` with the Russian,
Kazakh and English names of the instance's regions and the titles of its officials,
written with the workbook; the visible sheet's date, start, end, region (by its Russian or
Kazakh name) and presenter (by title) are taken over it, so what the planner changed in
the visible sheet is what changes. A name that is not in ``names`` is refused with the
file, sheet, row and column.

A CSV (``calendar.csv``: comma or semicolon, UTF-8 with or without BOM, as Excel saves it
in a Russian locale) holds the meetings' ids and dates; the metadata and the agenda come
from the ``calendar.json`` next to it when there is one.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scheduler.i18n import LABELS
from scheduler.instance import quarter_of
from scheduler.io import InputError, describe_errors
from scheduler.meetings import Calendar, Meeting
from scheduler.safe_text import append_row

DATA_SHEET = "data"
NAMES_SHEET = "names"
META_KEY = "calendar"
NAME_LANGS = ("ru", "kk", "en")


def _cell_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]  # written as text, never as a formula (csv_cell, safe_text)
    return value


# ------------------------------------------------------------------------ writing
def add_data_sheet(wb, calendar: Calendar, inst=None) -> None:
    """The hidden sheets the reader takes the ids and metadata (``data``) and the names of
    regions and officials (``names``, when the instance ``inst`` is given) from."""
    ws = wb.create_sheet(DATA_SHEET)
    meta = calendar.model_dump(mode="json", exclude={"meetings"})
    ws.append([META_KEY, json.dumps(meta, ensure_ascii=False)])
    fields = list(Meeting.model_fields)
    ws.append(fields)
    for m in calendar.meetings:
        data = m.model_dump(mode="json")
        ws.append([json.dumps(data[f], ensure_ascii=False) for f in fields])
    for row in ws.iter_rows():
        for cell in row:
            cell.data_type = "s"  # text, never a formula
    ws.sheet_state = "hidden"
    if inst is not None:
        _add_names_sheet(wb, inst)


def _add_names_sheet(wb, inst) -> None:
    """kind, id, names in ru/kk/en, body (officials) or region and body (issues)."""
    ws = wb.create_sheet(NAMES_SHEET)
    append_row(ws, ["kind", "id", *NAME_LANGS, "body_id", "region_id"])
    for r in inst.regions:
        append_row(ws, ["region", r.id, *(r.name.get(lang) for lang in NAME_LANGS), "", ""])
    for o in inst.officials:
        append_row(ws, ["official", o.id, *(o.title.get(lang) for lang in NAME_LANGS),
                        o.body_id, ""])
    for i in inst.issues:
        append_row(ws, ["issue", i.id, "", "", "", i.body_id, i.region_id])
    ws.sheet_state = "hidden"


# ------------------------------------------------------------------------ reading
def _plain(text: Any) -> str:
    """A name as compared: one line, single spaces, case ignored."""
    return " ".join(str(_cell_text(text) or "").split()).casefold()


class _Names:
    """Names read from the ``names`` sheet: region and official ids by any of their names."""

    def __init__(self, rows: list[tuple]) -> None:
        self.names: dict[tuple[str, str], dict[str, str]] = {}  # (kind, id) -> lang -> name
        self.body: dict[str, str] = {}
        self.issues: list[tuple[str, str, str]] = []  # (id, region, body)
        for row in rows[1:]:
            kind, key, *names = (list(row) + [None] * 7)[:7]
            if not kind or not key:
                continue
            texts, body, region = names[:3], names[3], names[4]
            if kind == "issue":
                self.issues.append((str(key), str(region or ""), str(body or "")))
                continue
            self.names[(kind, str(key))] = {lang: str(t) for lang, t in zip(NAME_LANGS, texts)
                                            if t}
            if kind == "official":
                self.body[str(key)] = str(body or "")

    def matches(self, kind: str, text: Any) -> list[str]:
        """Ids of ``kind`` whose id or name in any language is ``text``."""
        want = _plain(text)
        return [key for (k, key), names in self.names.items() if k == kind and
                (want == _plain(key) or any(want == _plain(n) for n in names.values()))]

    def is_name_of(self, kind: str, key: str, text: Any) -> bool:
        return any(_plain(text) == _plain(n) for n in self.names.get((kind, key), {}).values())

    def issues_of(self, region: str, body: str) -> list[str]:
        return [i for i, r, b in self.issues if r == region and b == body]


def read_calendar_workbook(path: Path) -> Calendar:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    if DATA_SHEET not in book.sheetnames:
        raise InputError(f"{path}: not a calendar workbook written by `scheduler report` "
                         f"(no sheet '{DATA_SHEET}')")
    rows = list(book[DATA_SHEET].iter_rows(values_only=True))
    try:
        meta = json.loads(rows[0][1])
        fields = list(rows[1])
        meetings = {}
        for row in rows[2:]:
            data = {f: json.loads(v) for f, v in zip(fields, row) if f and v is not None}
            meetings[data["id"]] = data
    except (IndexError, TypeError, KeyError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: sheet '{DATA_SHEET}' is damaged ({exc}); export the "
                         f"calendar again") from None
    names = (_Names(list(book[NAMES_SHEET].iter_rows(values_only=True)))
             if NAMES_SHEET in book.sheetnames else None)
    visible = _all_meetings_sheet(book)
    if visible is not None:
        _take_edits(book[visible], meetings, path, visible, names)
    try:
        return Calendar.model_validate({**meta, "meetings": list(meetings.values())})
    except ValidationError as exc:
        raise InputError(describe_errors(exc, str(path), lambda t, i: f"sheet '{visible}', "
                                         f"meeting {i + 1}")) from None


def _all_meetings_sheet(book) -> str | None:
    names = (f"{LABELS['sheet_all']['ru']} - {LABELS['sheet_all']['kk']}",
             LABELS["sheet_all"]["ru"])
    return next((n for n in names if n in book.sheetnames), None)


def _header(key: str) -> str:
    return f"{LABELS[key]['ru']} / {LABELS[key]['kk']}"


def _take_edits(ws, meetings: dict[str, dict], path: Path, sheet: str,
                names: _Names | None = None) -> None:
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]

    def col(label: str) -> int | None:
        return header.index(label) if label in header else None

    def lang_cols(key: str) -> list[int]:
        """The column of ``key`` in Russian, then in Kazakh (as the sheet names them)."""
        ru, kk = LABELS[key]["ru"], LABELS[key]["kk"]
        found = (col(f"{ru} (рус.) / {kk} (орыс.)"), col(f"{ru} (каз.) / {kk} (қаз.)"))
        return [c for c in found if c is not None]

    id_col = col(_header("col_id"))
    if id_col is None:
        raise InputError(f"{path}: sheet '{sheet}' has no column '{_header('col_id')}'")
    date_col, start_col, end_col = (col(_header(k)) for k in ("col_date", "col_start",
                                                              "col_end"))
    named = [("col_region", "region", "region_id"), ("col_presenter", "official",
                                                      "presenter_id")]
    for number, row in enumerate(rows, start=2):
        if not row or row[id_col] is None:
            continue
        meeting_id = str(_cell_text(row[id_col])).strip()
        if meeting_id not in meetings:
            raise InputError(f"{path}: sheet '{sheet}', row {number}: meeting '{meeting_id}' "
                             f"is not in the calendar (add meetings with a change set)")
        data = meetings[meeting_id]
        where = f"{path}: sheet '{sheet}', row {number}"
        if date_col is not None and row[date_col] is not None:
            day = _date(row[date_col], f"{where}, column '{_header('col_date')}'")
            data["date"] = day.isoformat()
            data["quarter"] = quarter_of(day)
        for c, field in ((start_col, "start"), (end_col, "end")):
            if c is not None and row[c] is not None:
                data[field] = _time(row[c], f"{where}, column '{header[c]}'").isoformat()
        if names is None:  # a workbook written before the names sheet: ids stay
            continue
        for key, kind, field in named:
            new = _named_id(names, kind, data, field, row, lang_cols(key), header, where)
            if new is None or new == data[field]:
                continue
            data[field] = new
            if field == "region_id":  # the issues met are the new region's
                data["issue_ids"] = names.issues_of(new, data["body_id"])


def _named_id(names: _Names, kind: str, data: dict, field: str, row: tuple,
              cols: list[int], header: list[str], where: str) -> str | None:
    """The id the planner wrote in the name columns of ``field`` (None: unchanged).

    A cell still holding a name of the current id changes nothing; any other text must be
    the name (in Russian, Kazakh or English) or the id of exactly one region or official;
    for officials, one of the meeting's body is preferred. The Russian and Kazakh columns
    may not name two different ones.
    """
    current = data[field]
    chosen: dict[str, int] = {}
    for c in cols:
        value = row[c] if c < len(row) else None
        if value is None or not str(value).strip() or names.is_name_of(kind, current, value):
            continue
        found = names.matches(kind, value)
        if kind == "official" and len(found) > 1:
            own = [o for o in found if names.body.get(o) == data["body_id"]]
            found = own or found
        text = " ".join(str(_cell_text(value)).split())
        what = "region" if kind == "region" else "official"
        if not found:
            raise InputError(f"{where}, column '{header[c]}': '{text}' is not the name of "
                             f"any {what} of the instance (write it as in the workbook)")
        if len(found) > 1:
            raise InputError(f"{where}, column '{header[c]}': '{text}' names more than one "
                             f"{what} ({', '.join(sorted(found))}); write another language's "
                             f"name in the other column")
        chosen[found[0]] = c
    if len(chosen) > 1:
        shown = " and ".join(f"'{header[c]}'" for c in chosen.values())
        raise InputError(f"{where}: columns {shown} name two different {kind}s "
                         f"({', '.join(chosen)}); change both or only one")
    return next(iter(chosen), None)


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(_cell_text(value)).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    raise InputError(f"{where}: '{text}' is not a date (write 14.01.2027 or use a date cell)")


def _time(value: Any, where: str) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    text = str(_cell_text(value)).strip()
    for pattern in ("%H:%M", "%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).time()
        except ValueError:
            pass
    raise InputError(f"{where}: '{text}' is not a time (write 18:30)")


def read_calendar_csv(path: Path) -> Calendar:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the CSV file ({exc})") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    if not rows or "id" not in rows[0]:
        raise InputError(f"{path}: not a calendar CSV (the header needs 'id', 'date', ...)")
    sibling = path.with_suffix(".json")
    base: Calendar | None = None
    if sibling.exists():
        from scheduler.io import load_calendar

        base = load_calendar(sibling)
    known = base.by_id() if base else {}
    meetings = []
    for number, row in enumerate(rows, start=2):
        data = {k: _cell_text(v) for k, v in row.items() if k}
        earlier = known.get(data.get("id", ""))
        merged = earlier.model_dump(mode="json") if earlier else {}
        for key, value in data.items():
            if key == "issue_ids":
                merged[key] = [x for x in (value or "").split(";") if x]
            elif value not in (None, ""):
                merged[key] = value
            elif key in ("district_id", "alert_id", "results_by", "questions_by", "portal_by",
                         "briefing_by"):
                merged[key] = None
        if merged.get("date"):
            try:
                merged["date"] = _date(merged["date"], f"{path}: row {number}").isoformat()
                merged["quarter"] = quarter_of(dt.date.fromisoformat(merged["date"]))
            except InputError:
                raise
        meetings.append(merged)
    if base is not None:
        meta = base.model_dump(mode="json", exclude={"meetings"})
    else:
        first_day = min(dt.date.fromisoformat(_date(m["date"], str(path)).isoformat())
                        for m in meetings)
        meta = {"instance": path.stem, "profile": "", "status": "IMPORTED",
                "horizon": f"{first_day.year}-H{1 if first_day.month <= 6 else 2}",
                "approval_date": (first_day - dt.timedelta(days=30)).isoformat()}
    try:
        return Calendar.model_validate({**meta, "meetings": meetings})
    except ValidationError as exc:
        raise InputError(describe_errors(exc, str(path), lambda t, i: f"row {i + 2}")) from None
