"""A planning workspace: every plan and re-plan kept as a numbered version with its inputs.

    WORKSPACE/calendar.json, calendar.csv        the latest version (a copy)
    WORKSPACE/versions/001/                       calendar.json, calendar.csv, instance.json,
                                                  profile.toml, version.json [, changes.*]

A version is written into a hidden folder and renamed into place in one step, so a crash
mid-write leaves the versions before it intact and never a half-written version. The
approved calendar is never overwritten: a calendar found in the workspace folder that is
not yet a version is first kept as one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scheduler.io import InputError, load_calendar, write_atomic
from scheduler.meetings import Calendar

VERSIONS = "versions"


@dataclass(frozen=True)
class Version:
    number: int
    path: Path
    kind: str  # plan, replan, urgent, imported
    created: str
    note: str
    meetings: int
    status: str
    changes: int | None


def _numbered(workspace: Path) -> list[Path]:
    folder = workspace / VERSIONS
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()),
                  key=lambda p: int(p.name))


def versions(workspace: str | Path) -> list[Version]:
    """The workspace's versions, oldest first (unfinished writes are not versions)."""
    found = []
    for path in _numbered(Path(workspace)):
        meta_file = path / "version.json"
        if not meta_file.exists():
            continue
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        found.append(Version(int(path.name), path, meta.get("kind", "?"), meta.get("created", ""),
                             meta.get("note", ""), meta.get("meetings", 0),
                             meta.get("status", ""), meta.get("changes")))
    return found


def save_version(workspace: str | Path, kind: str, files: dict[str, str | bytes],
                 calendar: Calendar, note: str = "", changes: int | None = None) -> Version:
    """Write a new numbered version atomically and make it the workspace's latest."""
    workspace = Path(workspace)
    _keep_unversioned_calendar(workspace)
    _write_version(workspace, kind, files, calendar, note, changes)
    for name in ("calendar.json", "calendar.csv"):
        if name in files:
            write_atomic(workspace / name, files[name])
    return versions(workspace)[-1]


def _write_version(workspace: Path, kind: str, files: dict[str, str | bytes], calendar: Calendar,
                   note: str, changes: int | None) -> None:
    """Stage the files in a hidden folder, then rename it to the next number in one step."""
    folder = workspace / VERSIONS
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".tmp-*"):  # left by an interrupted write
        shutil.rmtree(stale, ignore_errors=True)
    number = max((int(p.name) for p in _numbered(workspace)), default=0) + 1
    meta = {"number": number, "kind": kind, "note": note,
            "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "meetings": len(calendar.meetings), "status": calendar.status, "changes": changes}
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
    try:
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


def _keep_unversioned_calendar(workspace: Path) -> None:
    """A calendar.json in the folder that no version holds becomes version 'imported'."""
    top = workspace / "calendar.json"
    if not top.exists():
        return
    content = top.read_bytes()
    if any((v.path / "calendar.json").read_bytes() == content for v in versions(workspace)):
        return
    files: dict[str, str | bytes] = {"calendar.json": content}
    if (workspace / "calendar.csv").exists():
        files["calendar.csv"] = (workspace / "calendar.csv").read_bytes()
    _write_version(workspace, "imported", files, load_calendar(top),
                   "calendar found in the workspace", None)


def resolve_calendar(ref: str, workspace: str | Path | None = None) -> Path:
    """A calendar file from a path, a version folder, or a version number of the workspace."""
    if workspace is not None and ref.isdigit():
        path = Path(workspace) / VERSIONS / f"{int(ref):03d}" / "calendar.json"
    else:
        path = Path(ref)
        if path.is_dir():
            path = path / "calendar.json"
    if not path.exists():
        raise InputError(f"{ref}: no calendar found at {path}")
    return path


def instance_of(calendar_path: str | Path) -> Path | None:
    """The instance a workspace version was planned with (change sets applied), if any."""
    calendar_path = Path(calendar_path)
    sibling = calendar_path.parent / "instance.json"
    if calendar_path.parent.parent.name == VERSIONS and sibling.exists():
        return sibling
    if calendar_path.exists():
        content = calendar_path.read_bytes()
        for v in reversed(versions(calendar_path.parent)):
            if (v.path / "calendar.json").read_bytes() == content:
                found = v.path / "instance.json"
                return found if found.exists() else None
    return None
