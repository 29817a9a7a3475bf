"""What every command shares: the application, the consoles, the options (one set of
solve options for plan, replan, urgent and compare), bad input (exit 2) and the printing
of checker findings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from scheduler.i18n import LANGS, decimal, t

if TYPE_CHECKING:
    from scheduler.checker import CheckReport
    from scheduler.instance import Instance
    from scheduler.io import InputError
    from scheduler.meetings import Calendar
    from scheduler.profile import Profile
    from scheduler.results import SolveStatus
    from scheduler.workspace import Version

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Plan, check and publish the half-year calendar of ministers' and akims' "
                       "meetings with the population.")
console = Console()
errors = Console(stderr=True)

InstanceArg = Annotated[Path, typer.Argument(help="Instance: JSON file or .xlsx workbook.")]
ProfileOpt = Annotated[str, typer.Option("--profile", "-p",
                                         help="Built-in profile name or a profile .toml file.")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the summary: ru, kk or en.")]
ReportOpt = Annotated[bool, typer.Option(
    "--report/--no-report", help="Also write calendar.xlsx, report.html, charts and .ics.")]
FromOlderOpt = Annotated[bool, typer.Option(
    "--from-older", help="Re-plan a calendar that is not the workspace's latest version.")]


# ------------------------------------------------------------------ solve options
def _cap_workers(workers: int) -> int:
    """More solver threads than cores only slows CP-SAT down and costs memory."""
    cores = os.cpu_count() or 1
    if workers > cores:
        errors.print(f"[yellow]--workers {workers}: this machine has {cores} cores; using "
                     f"{cores}[/]")
        return cores
    return workers


TimeLimitOpt = Annotated[float, typer.Option(min=0.1, max=86400.0, help="Seconds for the solver.")]
WorkersOpt = Annotated[int, typer.Option(min=1, callback=_cap_workers, help=(
    "Solver threads (at most the number of cores)."))]
SeedOpt = Annotated[int, typer.Option(min=0, max=2**31 - 1,  # CP-SAT's seed is an int32
                                      help="Random seed of the solver.")]


@dataclass(frozen=True)
class SolveOptions:
    """What plan, replan, urgent and compare tell the solver (--time-limit, --workers,
    --seed), as the keyword arguments of ``solve``, ``replan`` and ``compare``."""

    time_limit: float
    workers: int
    seed: int

    def kwargs(self) -> dict[str, Any]:
        return {"time_limit": self.time_limit, "workers": self.workers, "seed": self.seed}


# ------------------------------------------------------------------ input and output

def _fail_input(exc: InputError) -> NoReturn:
    errors.print(f"[bold red]Input error[/]: {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _lang(lang: str) -> str:
    from scheduler.io import InputError

    if lang not in LANGS:
        _fail_input(InputError(f"--lang '{lang}': use one of {', '.join(LANGS)}"))
    return lang


def _writable(out: Path, folder: bool = True) -> None:
    """Exit 2 before any work when ``--out`` is a file, or a place nobody may write."""
    from scheduler.io import InputError, check_output

    try:
        check_output(out, folder=folder)
    except InputError as exc:
        _fail_input(exc)


def _date(text: str, option: str) -> dt.date:
    from scheduler.io import InputError

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} '{text}': not a date like 2027-03-20") from None


def _published(instance: Path, calendar: Path, out: Path | None, profile: str
               ) -> tuple[Path, Instance, Profile, Calendar]:
    """What a re-plan starts from: the workspace the new version goes to (``--out``, else
    the calendar's folder), the instance (with what the workspace's re-plans added), the
    profile, and the published calendar (a file, or a workspace folder's latest)."""
    from scheduler.io import check_output, load_calendar
    from scheduler.profiles_cmd import load_profile_for
    from scheduler.workspace import instance_for, repair, resolve_calendar

    path = resolve_calendar(calendar)
    workspace = out if out is not None else path.parent
    check_output(workspace)
    repair(workspace)
    inst = instance_for(instance, path)
    return workspace, inst, load_profile_for(profile, inst), load_calendar(path)


def _report_writer(inst: Instance, prof: Profile, calendar: Calendar, lang: str,
                   checked: CheckReport, notice: dict | None = None) -> Callable[[Path], None]:
    """Writes the published documents into a version's staging folder (with a re-plan's
    change notice: a workbook sheet, an HTML and PDF section, changes.pdf)."""
    def write(folder: Path) -> None:
        from scheduler.report import write_report

        write_report(inst, prof, calendar, folder, lang=lang, report=checked, notice=notice)
    return write


def _print_written(out: Path, version: Version, lang: str, report: bool) -> None:
    from scheduler.i18n import count
    from scheduler.workspace import INPUTS

    files = sorted(p.name for p in version.path.iterdir() if p.name not in INPUTS)
    charts = sum(name.endswith(".png") for name in files)
    calendars = sum(1 for _ in (version.path / "ics").rglob("*.ics")) if report else 0
    shown = [name for name in files if not name.endswith(".png") and name not in ("ics", "pdf")]
    line = ", ".join(str(out / name) for name in shown)
    if report:
        console.print(t("written_files", lang).format(
            files=line, charts=f"{count(charts, 'chart', lang)} (PNG)",
            calendars=f"{count(calendars, 'calendar', lang)} (.ics) — {out / 'ics'}",
            v=f"{version.number:03d}"), highlight=False)
    else:
        console.print(t("written_plain", lang).format(files=line, v=f"{version.number:03d}"),
                      highlight=False)


def _quality(status: SolveStatus, gap: float | None, lang: str) -> str:
    """The solver's verdict in plain words (the figures are for the planners' annex)."""
    from scheduler.results import SolveStatus

    if status is SolveStatus.OPTIMAL or (status is SolveStatus.FEASIBLE and not gap):
        return t("plain_OPTIMAL", lang)
    if status is SolveStatus.FEASIBLE:
        return t("plain_FEASIBLE", lang).format(gap=decimal(100 * (gap or 0), lang))
    return t(status, lang) if status in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN,
                                         SolveStatus.MODEL_INVALID) else status


def _print_costs(report: CheckReport, lang: str, inst: Instance | None = None,
                 prof: Profile | None = None) -> None:
    from scheduler.words import rule_name

    table = Table(title=t("costs_title", lang))
    table.add_column(t("rule", lang))
    table.add_column(t("cost", lang), justify="right")
    for rule_id, amount in report.cost_by_rule.items():
        table.add_row(rule_name(prof, rule_id, lang), f"{amount:,.0f}")
    table.add_row(t("total", lang), f"{report.total_cost:,.0f}", style="bold")
    console.print(table)


def _print_violations(report: CheckReport, lang: str, inst: Instance | None = None,
                      prof: Profile | None = None, cal: Calendar | None = None) -> None:
    from scheduler.i18n import count
    from scheduler.words import finding, rule_name

    violations = count(len(report.violations), "violation", lang)
    table = Table(title=f"{t('check_failed', lang)}: {violations}", style="red")
    table.add_column(t("rule", lang))
    table.add_column(t("message", lang))
    for v in report.violations:
        if inst is None:
            table.add_row(rule_name(prof, v.rule_id, lang), v.message if lang == "en" else "")
        else:
            name, text = rule_name(prof, v.rule_id, lang), finding(inst, prof, v, lang, cal)
            table.add_row(name, v.message if lang == "en" else text.removeprefix(name)
                          .removeprefix(" — "))
    console.print(table)
