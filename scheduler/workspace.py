"""A planning workspace: every plan and re-plan kept as a numbered version with its inputs.

    WORKSPACE/calendar.json, calendar.csv, ...   the latest version's published files (copies)
    WORKSPACE/versions/001/                       calendar.json, calendar.csv, instance.json,
                                                  profile.toml, version.json [, changes.*,
                                                  calendar.xlsx, report.html, charts, ics/]

What the workspace guarantees, with several planners on one shared folder:

- **Locked**: every write holds the workspace lock (``.workspace.lock``, an OS file lock
  released when its process ends, even by a kill), so two re-plans never write at once.
- **Never a version lost**: a re-plan names the calendar it started from; if that is no
  longer the latest version (a colleague's re-plan landed meanwhile), it is refused unless
  the planner asks to branch from an older version (``allow_older``).
- **Never half a version**: a version (calendar, inputs and report files) is written into a
  hidden staging folder owned by this process and renamed into place in one step.
- **Top-level files follow the latest version**: they are copies of its published files;
  after a crash between the two steps, the next command (``history`` too) restores them
  before it reads anything. ``.published`` records which version they show.
- **The approved calendar is never overwritten**: a calendar found in the folder that no
  version holds is first kept as version ``imported``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from filelock import FileLock, Timeout

from scheduler.io import InputError, load_calendar, to_json, write_atomic
from scheduler.meetings import Calendar, csv_text

if TYPE_CHECKING:
    from scheduler.instance import Instance

VERSIONS = "versions"
LOCK = ".workspace.lock"
PUBLISHED = ".published"  # which version the top-level files show, and which files they are
INPUTS = frozenset({"instance.json", "profile.toml", "version.json", "change_set.json"})
LOCK_TIMEOUT = 600.0  # seconds to wait for a colleague's write (a national report takes a minute)

_HOST = socket.gethostname()
_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass(frozen=True)
class Version:
    number: int
    path: Path
    kind: str  # plan, replan, urgent, imported; "unreadable" for a damaged version folder
    created: str
    note: str
    meetings: int
    status: str
    changes: int | None
    base: int | None = None  # the version a re-plan started from

    @property
    def readable(self) -> bool:
        return self.kind != "unreadable"

    @property
    def calendar_path(self) -> Path:
        return self.path / "calendar.json"


# ---------------------------------------------------------------------- reading
def _numbered(workspace: Path) -> list[Path]:
    folder = workspace / VERSIONS
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()),
                  key=lambda p: int(p.name))


def _read_version(path: Path) -> Version:
    try:
        meta = json.loads((path / "version.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
        if not (path / "calendar.json").is_file():
            raise ValueError("calendar.json is missing")
        return Version(int(path.name), path, str(meta.get("kind", "?")),
                       str(meta.get("created", "")), str(meta.get("note", "")),
                       int(meta.get("meetings", 0)), str(meta.get("status", "")),
                       meta.get("changes"), meta.get("base"))
    except (OSError, ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
        return Version(int(path.name), path, "unreadable", "", f"damaged: {exc}", 0, "", None)


def versions(workspace: str | Path) -> list[Version]:
    """The workspace's versions, oldest first; damaged ones are listed as ``unreadable``."""
    return [_read_version(path) for path in _numbered(Path(workspace))]


def latest(workspace: str | Path) -> Version | None:
    """The newest readable version."""
    return next((v for v in reversed(versions(workspace)) if v.readable), None)


def _same(calendar: Calendar, path: Path) -> bool:
    try:
        return path.read_bytes() == _json(calendar).encode() or load_calendar(path) == calendar
    except InputError:
        return False


def version_of(calendar: Calendar, workspace: str | Path) -> Version | None:
    """The newest version holding exactly this calendar."""
    return next((v for v in reversed(versions(workspace))
                 if v.readable and _same(calendar, v.calendar_path)), None)


# ---------------------------------------------------------------------- locking
@contextlib.contextmanager
def locked(workspace: str | Path, timeout: float = LOCK_TIMEOUT) -> Iterator[Path]:
    """Hold the workspace lock, with the folder tidied and its top-level files repaired."""
    workspace = Path(workspace)
    try:
        workspace.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{workspace}: cannot create the workspace folder ({exc.strerror})") \
            from None
    lock = FileLock(workspace / LOCK, timeout=timeout, mode=0o666 & ~_UMASK)
    try:
        lock.acquire()
    except Timeout:
        raise InputError(f"{workspace}: another planner has been writing this workspace for "
                         f"{timeout:.0f} s; try again later") from None
    except OSError as exc:
        raise InputError(f"{workspace}: cannot lock the workspace ({exc.strerror})") from None
    try:
        _tidy(workspace)
        _keep_unversioned_calendar(workspace)
        _publish(workspace)
        yield workspace
    finally:
        lock.release()


def repair(workspace: str | Path) -> None:
    """Bring the top-level files in line with the latest version (after a crash)."""
    workspace = Path(workspace)
    if not (workspace / VERSIONS).is_dir() or not os.access(workspace, os.W_OK):
        return
    with locked(workspace):
        pass


def _owned_name(prefix: str) -> str:
    return f"{prefix}{_HOST}-{os.getpid()}-"


def _dead(name: str, prefix: str) -> bool:
    """A staging name made by a process of this machine that no longer runs (or too old)."""
    host, _, rest = name.removeprefix(prefix).rpartition("-")[0].rpartition("-")
    try:
        pid = int(rest)
    except ValueError:
        return True  # not ours by shape: an old-style leftover
    if host != _HOST:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _tidy(workspace: Path) -> None:
    """Remove staging folders and temporary files left by processes that died."""
    places = [workspace, workspace / VERSIONS]
    for place in places:
        if not place.is_dir():
            continue
        for path in place.iterdir():
            name = path.name
            prefix = next((p for p in (".tmp-", ".ics-new-", ".ics-old-") if name.startswith(p)),
                          None)
            if prefix and _dead(name, prefix):
                shutil.rmtree(path, ignore_errors=True)
            elif name.startswith(".") and name.endswith(".tmp") and path.is_file():
                path.unlink(missing_ok=True)  # write_atomic's, interrupted (we hold the lock)


# ---------------------------------------------------------------------- writing
def version_files(calendar: Calendar, instance: Instance, profile_toml: str,
                  **more: str) -> dict[str, str | bytes]:
    """A version's files: the calendar (JSON and CSV) and every input needed to make it
    again (the instance as planned, the profile's TOML), with ``more`` (a re-plan's
    change set and notice). The command line and the web workspace keep the same files."""
    return {"calendar.json": to_json(calendar), "calendar.csv": csv_text(calendar),
            "instance.json": to_json(instance), "profile.toml": profile_toml, **more}


class StaleBase(InputError):
    """The calendar a re-plan started from is no longer the workspace's latest version."""


def check_base(workspace: Path, base: Calendar, allow_older: bool) -> Version | None:
    """The version holding ``base``; :class:`StaleBase` when that is not the latest version
    (unless ``allow_older``). Called before solving, and again under the lock at the write."""
    newest = latest(workspace)
    held = version_of(base, workspace)
    if newest is not None and held != newest and not allow_older:
        raise StaleBase(
            f"{workspace}: the calendar this re-plan started from is not the workspace's "
            f"latest version ({newest.number:03d}, {newest.kind}, {newest.created}); re-plan "
            f"{workspace / 'calendar.json'}, or pass --from-older to start from the older "
            f"calendar on purpose")
    return held


def save_version(workspace: str | Path, kind: str, files: dict[str, str | bytes],
                 calendar: Calendar, note: str = "", changes: int | None = None, *,
                 base: Calendar | None = None, allow_older: bool = False,
                 report: Callable[[Path], None] | None = None) -> Version:
    """Write a new numbered version atomically and make it the workspace's latest.

    ``base`` is the published calendar a re-plan started from: refused (:class:`StaleBase`)
    unless it is the latest version, or ``allow_older``; kept as version ``imported`` first
    when no version holds it. ``report(folder)`` writes the published documents into the
    version's staging folder, so that a version is saved with its documents or not at all.
    """
    with locked(workspace) as ws:
        base_number = None
        if base is not None:
            held = check_base(ws, base, allow_older)
            if held is None:
                held = _write_version(ws, "imported", {"calendar.json": _json(base)}, base,
                                      "published calendar the re-plan started from", None, None)
            base_number = held.number
        version = _write_version(ws, kind, files, calendar, note, changes, base_number, report)
        _publish(ws)
        return version


def _json(calendar: Calendar) -> str:
    return calendar.model_dump_json(indent=2) + "\n"


def _write_version(workspace: Path, kind: str, files: dict[str, str | bytes],
                   calendar: Calendar, note: str, changes: int | None, base: int | None,
                   report: Callable[[Path], None] | None = None) -> Version:
    """Stage the files in a hidden folder of this process, then rename it to the next number
    in one step. The caller holds the lock."""
    folder = workspace / VERSIONS
    folder.mkdir(parents=True, exist_ok=True)
    number = max((int(p.name) for p in _numbered(workspace)), default=0) + 1
    meta = {"number": number, "kind": kind, "note": note,
            "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "meetings": len(calendar.meetings), "status": calendar.status, "changes": changes,
            "base": base}
    staging = Path(tempfile.mkdtemp(prefix=_owned_name(".tmp-"), dir=folder))
    try:
        os.chmod(staging, 0o777 & ~_UMASK)  # colleagues read versions (mkdtemp makes 0700)
        if report is not None:
            report(staging)
        for name, content in {**files, "version.json": json.dumps(meta, indent=2) + "\n"}.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.rename(staging, folder / f"{number:03d}")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return _read_version(folder / f"{number:03d}")


def _keep_unversioned_calendar(workspace: Path) -> None:
    """A calendar.json in the folder that no version holds becomes version 'imported'."""
    top = workspace / "calendar.json"
    if not top.is_file():
        return
    calendar = load_calendar(top)
    if version_of(calendar, workspace) is not None:
        return
    files: dict[str, str | bytes] = {"calendar.json": top.read_bytes()}
    if (workspace / "calendar.csv").exists():
        files["calendar.csv"] = (workspace / "calendar.csv").read_bytes()
    _write_version(workspace, "imported", files, calendar, "calendar found in the workspace",
                   None, None)


def _publish(workspace: Path) -> None:
    """Make the top-level files copies of the latest version's published files (the caller
    holds the lock); files published for an earlier version and absent now are removed."""
    newest = latest(workspace)
    if newest is None:
        return
    marker = workspace / PUBLISHED
    try:
        shown = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shown = {}
    if not isinstance(shown, dict):
        shown = {}
    names = sorted(p.name for p in newest.path.iterdir() if p.name not in INPUTS)
    if shown.get("version") == newest.number and shown.get("files") == names \
            and (workspace / "calendar.json").is_file():
        return
    for name in shown.get("files", []):
        if name not in names and isinstance(name, str) and "/" not in name and name.strip("."):
            target = workspace / name
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
    for name in names:
        source = newest.path / name
        if source.is_dir():
            _replace_folder(source, workspace / name)
        else:
            write_atomic(workspace / name, source.read_bytes())
    write_atomic(marker, json.dumps({"version": newest.number, "files": names}) + "\n")


def _replace_folder(source: Path, target: Path) -> None:
    """Copy a folder (the .ics calendars) into place: new copy first, then swap."""
    fresh = Path(tempfile.mkdtemp(prefix=_owned_name(".ics-new-"), dir=target.parent))
    shutil.copytree(source, fresh, dirs_exist_ok=True)
    os.chmod(fresh, 0o777 & ~_UMASK)
    if target.exists():
        old = target.parent / f"{_owned_name('.ics-old-')}{target.name}"
        os.rename(target, old)
        os.rename(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(fresh, target)


# ---------------------------------------------------------------------- finding
def resolve_calendar(ref: str | Path, workspace: str | Path | None = None) -> Path:
    """A calendar file from a path, a workspace or version folder, or a version number
    (of ``workspace``)."""
    ref = str(ref)
    if workspace is not None and ref.isdigit():
        path = Path(workspace) / VERSIONS / f"{int(ref):03d}" / "calendar.json"
    else:
        path = Path(ref)
        if path.is_dir():
            repair(path)
            path = path / "calendar.json"
    if not path.is_file():
        raise InputError(f"{ref}: no calendar found at {path}")
    return path


def instance_of(calendar_path: str | Path) -> Path | None:
    """The instance a workspace version was planned with (change sets applied), if any."""
    calendar_path = Path(calendar_path)
    sibling = calendar_path.parent / "instance.json"
    if calendar_path.parent.parent.name == VERSIONS and sibling.exists():
        return sibling
    if calendar_path.is_file():
        try:
            calendar = load_calendar(calendar_path)
        except InputError:
            return None
        held = version_of(calendar, calendar_path.parent)
        if held is not None and (held.path / "instance.json").exists():
            return held.path / "instance.json"
    return None


def instance_for(instance_path: str | Path, calendar_path: str | Path):
    """The instance, with the absences, alerts and days off that earlier re-plans of this
    calendar's workspace added (from the version's ``instance.json``)."""
    from scheduler.changes import carry_over
    from scheduler.io import load_instance

    inst = load_instance(instance_path)
    earlier = instance_of(calendar_path)
    return carry_over(inst, load_instance(earlier)) if earlier else inst
