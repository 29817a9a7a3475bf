"""Reading inputs with clear messages, and writing outputs atomically.

Every reader raises :class:`InputError` with one paragraph that names the file, the
table (or sheet) and row, and the field; the CLI prints it and exits with code 2.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.profile import Profile, builtin_profiles, profile_path


class InputError(Exception):
    """Bad input: the message names the file, row and field."""

    @property
    def problems(self) -> list[Problem]:
        """The message's lines in parts (file, place, field, message), to be said again in
        another language."""
        return [Problem.parse(line) for line in str(self).splitlines() if line.strip()]


_PLACE = (r"sheet '[^']*'(?:, (?:row \d+|column [A-Z]+|cell [A-Z]+\d+))*"
          r"|\w+\[\d+\](?: \(\w+ '[^']*'\))?|row \d+|the request")
_PARTS = re.compile(rf"^(?:(?P<source>[^\n]*?): (?:(?P<place>{_PLACE})(?:, |: |$))?)?"
                    r"(?:field '(?P<field>[^']*)': )?(?P<message>.*?)(?: \(got (?P<got>.*)\))?$")


@dataclass(frozen=True)
class Problem:
    """One line of an :class:`InputError` in its parts, as every reader writes it:
    ``SOURCE: PLACE, field 'FIELD': MESSAGE (got GOT)`` where the place is a sheet and row
    (``sheet 'issues', row 5``), a table's row (``issues[3] (id 'x')``) or a CSV row, and
    each part but the message may be empty."""

    source: str = ""
    place: str = ""
    field: str = ""
    message: str = ""
    got: str = ""

    @classmethod
    def parse(cls, line: str) -> Problem:
        m = _PARTS.match(line)
        if m is None or not (m.group("source") or m.group("field")):
            return cls(message=line)
        return cls(**{k: v or "" for k, v in m.groupdict().items()})

    def at(self, table: str, index: int) -> bool:
        """Is the problem about row ``index`` of ``table`` (a JSON place)?"""
        return re.fullmatch(rf"{re.escape(table)}\[{index}\](?: \(.*\))?", self.place) \
            is not None


# ------------------------------------------------------------------------ errors
Locator = Callable[[str, int], str]  # (table, index) -> "officials[3]" or "sheet 'x', row 5"


def _json_locator(data: Any) -> Locator:
    def where(table: str, index: int) -> str:
        try:
            item = data[table][index]
            key = next(k for k in ("id", "official_id", "region_id") if item.get(k))
            return f"{table}[{index}] ({key} '{item[key]}')"
        except (KeyError, IndexError, TypeError, AttributeError, StopIteration):
            return f"{table}[{index}]"
    return where


_REF = re.compile(r"^(\w+)\[(\d+)\](.*)$")


def describe_errors(error: ValidationError, source: str, locate: Locator) -> str:
    """Turn a pydantic error into plain lines: 'FILE: TABLE ROW, field F: message'."""
    lines = []
    for err in error.errors():
        loc = [str(part) for part in err["loc"]]
        msg = err["msg"].removeprefix("Value error, ")
        if not loc:  # cross-reference problems: "table[i].field: message; ..."
            for problem in msg.split("; "):
                head, _, text = problem.partition(": ")
                m = _REF.match(head)
                if m:
                    table, index, rest = m.group(1), int(m.group(2)), m.group(3).lstrip(".")
                    field = f", field '{rest}'" if rest else ""
                    lines.append(f"{source}: {locate(table, index)}{field}: {text}")
                else:
                    lines.append(f"{source}: field '{head}': {text}" if text
                                 else f"{source}: {problem}")
            continue
        if len(loc) >= 2 and loc[1].isdigit():
            field = f", field '{'.'.join(loc[2:])}'" if loc[2:] else ""
            lines.append(f"{source}: {locate(loc[0], int(loc[1]))}{field}: {msg}")
        else:
            lines.append(f"{source}: field '{'.'.join(loc)}': {msg}")
    shown = lines[:12]
    if len(lines) > 12:
        shown.append(f"... and {len(lines) - 12} more problems")
    return "\n".join(shown)


def read_text(path: Path) -> str:
    """A UTF-8 text file (a byte-order mark, Notepad's default, is dropped)."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from None


def _read_json(path: Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}") from None
    except RecursionError:
        raise InputError(f"{path}: malformed JSON: nested too deeply") from None


def _validate(model: type[BaseModel], data: Any, source: str, locate: Locator):
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a JSON object at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_errors(exc, source, locate)) from None


# ----------------------------------------------------------------------- readers
def load_instance(path: str | Path) -> Instance:
    """Read an instance from JSON or from an ``.xlsx`` workbook (one sheet per table)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from scheduler.workbook import read_instance_workbook
        return read_instance_workbook(path)
    data = _read_json(path)
    return _validate(Instance, data, str(path), _json_locator(data))


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by name (``kz-2024``) or a profile file (``my.toml``)."""
    path = profile_path(name_or_path)
    if not path.exists():
        raise InputError(f"profile '{name_or_path}': no such file or built-in profile "
                         f"(built-in: {', '.join(builtin_profiles())})")
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: malformed TOML: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}: malformed TOML: nested too deeply") from None

    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"])
            where = f"field '{loc}'" if loc else "the profile"
            lines.append(f"{path}: {where}: {err['msg'].removeprefix('Value error, ')}")
        raise InputError("\n".join(lines)) from None


def load_calendar(path: str | Path) -> Calendar:
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".csv"):  # the project's own workbook or CSV, edited
        from scheduler.calendar_io import read_calendar_csv, read_calendar_workbook

        if not path.is_file():
            raise InputError(f"{path}: no such file")
        return (read_calendar_workbook if path.suffix.lower() == ".xlsx"
                else read_calendar_csv)(path)
    data = _read_json(path)
    return _validate(Calendar, data, str(path), _json_locator(data))


def check_references(calendar: Calendar, instance: Instance, source: str | Path) -> None:
    """Refuse a calendar whose meetings name a body, official, presenter, region or tension
    alert that the instance does not have (the documents name each of them): InputError
    with the file, the meeting and the field, as every reader does."""
    officials = {o.id for o in instance.officials}
    known = {"body_id": ({b.id for b in instance.bodies}, "body"),
             "official_id": (officials, "official"), "presenter_id": (officials, "presenter"),
             "region_id": ({r.id for r in instance.regions}, "region"),
             "alert_id": ({a.id for a in instance.alerts}, "tension alert")}
    csv = Path(source).suffix.lower() == ".csv"
    lines = []
    for index, meeting in enumerate(calendar.meetings):
        where = f"row {index + 2}" if csv else f"meetings[{index}]"
        for field, (ids, what) in known.items():
            value = getattr(meeting, field)
            if value is not None and value not in ids:
                lines.append(f"{source}: {where} (id '{meeting.id}'), field '{field}': "
                             f"unknown {what} '{value}' (not in the instance)")
    if lines:
        more = [f"... and {len(lines) - 12} more problems"] if len(lines) > 12 else []
        raise InputError("\n".join(lines[:12] + more))


def load_changes(path: str | Path):
    """A change set (requests, absences, alerts, days off) from JSON or an .xlsx workbook."""
    return load_changes_located(path)[0]


def load_changes_located(path: str | Path):
    """A change set and its locator: (table, index) -> where the row is in the file, for
    messages about rows that contradict the instance or the calendar."""
    from scheduler.changes import ChangeSet

    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from scheduler.workbook import read_changes_workbook
        return read_changes_workbook(path, located=True)
    data = _read_json(path)
    return _validate(ChangeSet, data, str(path), _json_locator(data)), _json_locator(data)


# ----------------------------------------------------------------------- writers
def check_output(path: str | Path, option: str = "--out", folder: bool = True) -> None:
    """Refuse an output folder (or, with ``folder=False``, an output file) that cannot be
    written, before any work is done: a file where a folder is wanted, or a read-only place."""
    path = Path(path)
    if path.exists() and path.is_dir() != folder:
        raise InputError(f"{option} {path}: is a {'file' if folder else 'folder'}, "
                         f"not a {'folder' if folder else 'file'}")
    target = path if folder else path.parent
    existing = next(p for p in (target, *target.parents) if p.exists())
    if not existing.is_dir():
        raise InputError(f"{option} {path}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"{option} {path}: cannot write in {existing} (permission denied)")


_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write a file so that readers see the old version or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # as an ordinary file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2) + "\n"
