"""history and diff: a workspace's versions and what changed between two calendars.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from scheduler.cli.common import LangOpt, _fail_input, _lang, _quality, console, errors
from scheduler.i18n import t


def history(workspace: Annotated[Path, typer.Argument(help="Workspace folder.")],
            lang: LangOpt = "ru") -> None:
    """List the versions of a workspace, oldest first."""
    from scheduler.io import InputError
    from scheduler.results import SolveStatus
    from scheduler.workspace import repair, versions

    lang = _lang(lang)
    try:
        repair(workspace)  # top-level files in line with the latest version after a crash
    except InputError as exc:
        _fail_input(exc)
    found = versions(workspace)
    if not found:
        _fail_input(InputError(f"{workspace}: no versions (not a workspace?)"))
    from scheduler.words import version_kind

    table = Table(title=t("history_title", lang).format(ws=workspace))
    columns = ["h_version", "h_kind", "h_from", "h_created", "meetings", "h_changes", "status"]
    for col in columns + (["h_note"] if lang == "en" else []):
        table.add_column(t(col, lang))
    for v in found:
        created = v.created
        try:
            created = dt.datetime.fromisoformat(v.created.replace("Z", "+00:00")).strftime(
                "%d.%m.%Y %H:%M")
        except ValueError:
            pass
        kind = version_kind(v.kind, lang) if v.readable else t("h_unreadable", lang)
        known = v.status in SolveStatus.__members__
        status = (_quality(SolveStatus(v.status), 0.0 if v.status == SolveStatus.OPTIMAL else None,
                           lang) if lang != "en" and known else v.status)
        row = [f"{v.number:03d}", kind, "" if v.base is None else f"{v.base:03d}", created,
               str(v.meetings), "" if v.changes is None else str(v.changes), status]
        table.add_row(*row, *([v.note] if lang == "en" else []),
                      style=None if v.readable else "red")
    console.print(table)
    damaged = [v for v in found if not v.readable]
    if damaged:
        errors.print(f"[bold red]{t('h_damaged', lang).format(n=len(damaged))}[/]: "
                     + ", ".join(str(v.path) for v in damaged), highlight=False)


def diff(
    a: Annotated[str, typer.Argument(help="Old calendar: file, version folder, or number.")],
    b: Annotated[str, typer.Argument(help="New calendar: file, version folder, or number.")],
    workspace: Annotated[Optional[Path], typer.Option(help="Where version numbers live.")] = None,
    instance: Annotated[Optional[Path], typer.Option(help=(
        "The instance, for names (default: the newer version's own instance.json)."))] = None,
    lang: LangOpt = "ru",
) -> None:
    """Show what changed between two calendars (moved, re-presented, added, cancelled)."""
    from scheduler.diff import changes_markdown, diff_calendars
    from scheduler.io import InputError, load_calendar, load_changes_located, load_instance
    from scheduler.workspace import instance_of, resolve_calendar

    lang = _lang(lang)
    try:
        new_path = resolve_calendar(b, workspace)
        old = load_calendar(resolve_calendar(a, workspace))
        new = load_calendar(new_path)
        source = instance or instance_of(new_path) or instance_of(resolve_calendar(a, workspace))
        inst = load_instance(source) if source else None
    except InputError as exc:
        _fail_input(exc)
    changes = diff_calendars(old, new)
    if inst is None or lang == "en":  # the planners' list with ids
        console.print(changes_markdown(changes, title=f"Changes from {a} to {b}"))
        return
    from scheduler.words import change_reason, notice_markdown

    requests = ()
    if (new_path.parent / "change_set.json").exists():  # a re-plan's version: its requests
        try:
            requests = load_changes_located(new_path.parent / "change_set.json")[0].requests
        except InputError:
            pass
    reasons = [change_reason(ch, inst, new, requests, lang) for ch in changes]
    console.print(notice_markdown(changes, inst, lang, t("diff_title", lang).format(a=a, b=b),
                                  reasons), highlight=False)
