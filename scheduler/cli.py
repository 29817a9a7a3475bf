"""Command line: ``scheduler plan | check | replan | urgent | report | history | diff | schema |
template | profiles | profile show | compare``.

Exit codes: 0 done; 1 no calendar exists or a calendar breaks a hard rule; 2 bad input
(the message names the file, row and field; nothing is written).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer
from rich.console import Console
from pydantic import ValidationError
from rich.table import Table

from scheduler.changes import ChangeSet, apply_to_instance, validate_changes
from scheduler.checker import CheckReport, check
from scheduler.diff import changes_markdown, diff_calendars
from scheduler.i18n import LANGS, t

from scheduler.instance import Instance
from scheduler.io import (InputError, check_output, check_references, describe_errors,
                          load_calendar, load_changes_located, load_instance, load_profile,
                          to_json, write_atomic)
from scheduler.meetings import Calendar
from scheduler.results import SolveStatus
from scheduler.profile import Profile, profile_text
from scheduler.profiles_cmd import load_profile_for
from scheduler.workspace import (INPUTS, Version, check_base, instance_for, repair,
                                 resolve_calendar, save_version, version_files, versions)

if TYPE_CHECKING:  # the solver (OR-Tools, numpy, pandas) is imported by the commands that solve
    from scheduler.planner import Result

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Plan, check and publish the half-year calendar of ministers' and akims' "
                       "meetings with the population.")
console = Console()
errors = Console(stderr=True)

InstanceArg = Annotated[Path, typer.Argument(help="Instance: JSON file or .xlsx workbook.")]
ProfileOpt = Annotated[str, typer.Option("--profile", "-p",
                                         help="Built-in profile name or a profile .toml file.")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the summary: ru, kk or en.")]
SeedOpt = Annotated[int, typer.Option(min=0, max=2**31 - 1,  # CP-SAT's seed is an int32
                                      help="Random seed of the solver.")]
ReportOpt = Annotated[bool, typer.Option(
    "--report/--no-report", help="Also write calendar.xlsx, report.html, charts and .ics.")]
def _cap_workers(workers: int) -> int:
    """More solver threads than cores only slows CP-SAT down and costs memory."""
    cores = os.cpu_count() or 1
    if workers > cores:
        errors.print(f"[yellow]--workers {workers}: this machine has {cores} cores; using "
                     f"{cores}[/]")
        return cores
    return workers


WorkersOpt = Annotated[int, typer.Option(min=1, callback=_cap_workers, help=(
    "Solver threads (at most the number of cores)."))]
FromOlderOpt = Annotated[bool, typer.Option(
    "--from-older", help="Re-plan a calendar that is not the workspace's latest version.")]


def _fail_input(exc: InputError) -> None:
    errors.print(f"[bold red]Input error[/]: {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _lang(lang: str) -> str:
    if lang not in LANGS:
        _fail_input(InputError(f"--lang '{lang}': use one of {', '.join(LANGS)}"))
    return lang


def _writable(out: Path, folder: bool = True) -> None:
    """Exit 2 before any work when ``--out`` is a file, or a place nobody may write."""
    try:
        check_output(out, folder=folder)
    except InputError as exc:
        _fail_input(exc)


@app.command()
def plan(
    instance: InstanceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for calendar.json and .csv.")],
    profile: ProfileOpt = "kz-2024",
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=86400.0, help="Seconds for the solver.")] = 60.0,
    workers: WorkersOpt = 2,
    seed: SeedOpt = 0,
    lang: LangOpt = "ru",
    log: Annotated[bool, typer.Option(help="Print the CP-SAT search log.")] = False,
    report: ReportOpt = True,
    explain: Annotated[bool, typer.Option(
        "--explain/--no-explain", help="When no calendar exists, say which rules collide "
                                       "(a few dozen solves).")] = True,
) -> None:
    """Plan a half-year calendar and write it, once the checker has passed it."""
    lang = _lang(lang)
    from scheduler.planner import solve

    try:
        check_output(out)
        inst = load_instance(instance)
        prof = load_profile_for(profile, inst)
    except InputError as exc:
        _fail_input(exc)

    with console.status("building the model ...") as status:
        def progress(seconds: float, objective: float | None, bound: float | None) -> None:
            best = "-" if objective is None else f"{objective:,.0f}"
            low = "-" if bound is None else f"{bound:,.0f}"
            status.update(f"solving {seconds:5.1f} s   best {best}   bound {low}")
        result = solve(inst, prof, time_limit=time_limit, workers=workers, seed=seed,
                       progress=None if log else progress, log=log)

    if result.calendar is None:
        errors.print(f"[bold red]{t('no_calendar', lang)}[/]: {t(result.status, lang)} "
                     f"({result.wall_time:.1f} s).")
        if result.status is SolveStatus.UNKNOWN:
            errors.print("Try a longer --time-limit.")
        if result.status is SolveStatus.INFEASIBLE and explain:
            from scheduler.explain import explain_infeasibility

            with console.status("looking for the rules that collide ...") as status:
                found = explain_infeasibility(inst, prof, time_limit=time_limit, progress=(
                    lambda doing: status.update(f"looking for the rules that collide: {doing}")))
            errors.print(found.text(), highlight=False)
        raise typer.Exit(1)
    assert result.check is not None
    if not result.check.ok:  # the planner and the checker disagree: write nothing
        _print_violations(result.check, lang)
        errors.print("[bold red]Internal error[/]: the planner's calendar failed the independent "
                     "checker; nothing was written. Please report this with the instance.")
        raise typer.Exit(1)

    writer = _report_writer(inst, prof, result.calendar, lang, result.check) if report else None
    try:
        with console.status("writing the version ..."):
            version = save_version(out, "plan", version_files(result.calendar, inst, profile_text(prof)),
                                   result.calendar, note=f"{instance.name}, profile {prof.id}",
                                   report=writer)
    except InputError as exc:
        _fail_input(exc)
    _print_summary(inst, prof, result, lang)
    _print_written(out, version, lang, report)


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


@app.command()
def replan(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help="The published calendar.json.")],
    changes: Annotated[Path, typer.Argument(help="Change set: JSON or .xlsx workbook.")],
    as_of: Annotated[str, typer.Option("--as-of", help="Today: earlier meetings are history.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=(
        "Workspace folder (default: the calendar's folder); the new calendar becomes a new "
        "version, the published one is kept."))] = None,
    profile: ProfileOpt = "kz-2024",
    force: Annotated[bool, typer.Option(help="Apply requests submitted after DL-CHANGE.")] = False,
    from_older: FromOlderOpt = False,
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=86400.0, help="Seconds for the solver.")] = 30.0,
    workers: WorkersOpt = 2,
    seed: SeedOpt = 0,
    lang: LangOpt = "ru",
    report: ReportOpt = True,
) -> None:
    """Re-plan a published calendar with a change set, changing as little as possible."""
    lang = _lang(lang)
    try:
        calendar, workspace = _published(calendar, out)
        inst = instance_for(instance, calendar)
        prof = load_profile_for(profile, inst)
        published, (change_set, locate) = load_calendar(calendar), load_changes_located(changes)
        day = _date(as_of, "--as-of")
        validate_changes(change_set, inst, published, day, str(changes), locate)
        check_base(workspace, published, from_older)
    except InputError as exc:
        _fail_input(exc)
    _replan_and_write(inst, prof, published, change_set, day, workspace, "replan", lang, report,
                      from_older, force=force, time_limit=time_limit, workers=workers, seed=seed)


@app.command()
def urgent(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help="The published calendar.json.")],
    region: Annotated[str, typer.Option(help="Region id of the alert.")],
    bodies: Annotated[str, typer.Option(help="Bodies concerned, comma-separated ids.")],
    date: Annotated[str, typer.Option(help="Date of the alert (YYYY-MM-DD).")],
    level: Annotated[str, typer.Option(help="arisen or forecast.")] = "arisen",
    text: Annotated[str, typer.Option(help="What happened.")] = "",
    alert_id: Annotated[Optional[str], typer.Option("--id", help=(
        "Id of the alert (default: alert-REGION-DATE, numbered when taken).")),] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=(
        "Workspace folder (default: the calendar's folder)."))] = None,
    profile: ProfileOpt = "kz-2024",
    from_older: FromOlderOpt = False,
    workers: WorkersOpt = 2,
    seed: SeedOpt = 0,
    lang: LangOpt = "ru",
    report: ReportOpt = False,
) -> None:
    """Add the out-of-schedule meetings one tension alert calls for (URGENT-TENSION)."""
    lang = _lang(lang)
    try:
        calendar, workspace = _published(calendar, out)
        inst = instance_for(instance, calendar)
        prof = load_profile_for(profile, inst)
        published = load_calendar(calendar)
        check_base(workspace, published, from_older)
        day = _date(date, "--date")
        if alert_id is None:
            taken = {a.id for a in inst.alerts}
            alert_id = next(name for n in range(1, len(taken) + 2)
                            if (name := f"alert-{region}-{day.isoformat()}"
                                + (f"-{n}" if n > 1 else "")) not in taken)
        change_set = ChangeSet.model_validate({"alerts": [{
            "id": alert_id, "region_id": region, "level": level, "date": day, "text": text,
            "body_ids": [b.strip() for b in bodies.split(",") if b.strip()]}]})
        validate_changes(change_set, inst, published, day, "urgent",
                         lambda table, index: "the alert (--id, --region, --bodies, --date)")
        apply_to_instance(inst, change_set, [])
    except ValidationError as exc:
        _fail_input(InputError(describe_errors(exc, "urgent", lambda t, i: f"{t}[{i}]")))
    except ValueError as exc:  # cross-references: unknown region or body
        _fail_input(InputError(f"urgent: {exc}"))
    except InputError as exc:
        _fail_input(exc)
    _replan_and_write(inst, prof, published, change_set, day, workspace, "urgent", lang, report,
                      from_older, time_limit=10.0, workers=workers, seed=seed, urgent=True)


def _published(calendar: Path, out: Path | None) -> tuple[Path, Path]:
    """The calendar file a re-plan starts from (a file, or a workspace folder's latest) and
    the workspace the new version goes to (``--out``, else the calendar's folder)."""
    path = resolve_calendar(calendar)
    workspace = out if out is not None else path.parent
    check_output(workspace)
    repair(workspace)
    return path, workspace




def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} '{text}': not a date like 2027-03-20") from None


def _replan_and_write(inst: Instance, prof: Profile, published: Calendar, change_set: ChangeSet,
                      as_of: dt.date, out: Path, kind: str, lang: str, report: bool,
                      from_older: bool, urgent: bool = False, **solve: Any) -> None:
    from scheduler.replan import replan as replan_calendar

    with console.status("re-planning ..."):
        result = replan_calendar(inst, prof, published, change_set, as_of, keep_later=urgent,
                                 **solve)
        if urgent and result.calendar is None:  # the quick way is closed: let meetings move
            result = replan_calendar(inst, prof, published, change_set, as_of, **solve)
    if result.calendar is None:
        from scheduler.words import refusal_line

        errors.print(f"[bold red]{t('no_calendar', lang)}[/]: {t(result.status, lang)}.")
        for r in result.refused:
            errors.print("  " + refusal_line(r, inst, prof, change_set, published, lang),
                         highlight=False)
        raise typer.Exit(1)
    assert result.check is not None
    if not result.check.ok:
        _print_violations(result.check, lang)
        errors.print("[bold red]Internal error[/]: the re-planned calendar failed the "
                     "independent checker; nothing was written.")
        raise typer.Exit(1)
    from scheduler.words import change_notice

    notices = {code: change_notice(result, change_set, published, prof, as_of, code)
               for code in LANGS}
    planners = changes_markdown(list(result.changes), result.refused,
                                title=f"Changes as of {as_of} ({kind})")
    notice = (notices["ru"] + "\n" + notices["kk"] + "\n## Для планировщиков / "
              "Жоспарлаушыларға / For the planners\n\n" + planners.split("\n", 1)[1])
    listing = json.dumps({
        "as_of": as_of.isoformat(), "minimum_changes_proven": result.minimum_proven,
        "change_cost": result.change_cost, "changes": [c.as_dict() for c in result.changes],
        "refused": [dataclasses.asdict(r) for r in result.refused]}, indent=2, ensure_ascii=False)
    files = version_files(result.calendar, result.instance, profile_text(prof), **{
        "changes.md": notice, "changes.json": listing + "\n",
        "change_set.json": to_json(change_set)})
    from scheduler.words import notice_texts

    writer = (_report_writer(result.instance, prof, result.calendar, lang, result.check,
                             notice_texts(result, change_set, published, prof, as_of))
              if report else None)
    try:
        with console.status("writing the version ..."):
            version = save_version(out, kind, files, result.calendar, note=f"as of {as_of}",
                                   changes=len(result.changes), base=published,
                                   allow_older=from_older, report=writer)
    except InputError as exc:
        _fail_input(exc)
    console.print(notices[lang], highlight=False)
    if lang == "en":
        proven = "proven minimum" if result.minimum_proven else "not proven minimal"
        console.print(f"{len(result.changes)} changes (weighted {result.change_cost:,.0f}, "
                      f"{proven}); {len(result.refused)} requests refused; "
                      f"{t('status', lang)}: {result.status}; {result.wall_time:.1f} s")
    console.print(f"[green]{t('check_ok', lang)}[/]")
    _print_written(out, version, lang, report)


@app.command()
def report(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help="calendar.json to publish.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")],
    profile: ProfileOpt = "kz-2024",
    lang: Annotated[str, typer.Option("--lang", help="Language of report.html, charts and "
                                                     ".ics: ru, kk or en.")] = "ru",
    draft: Annotated[bool, typer.Option("--draft", help=(
        "Write a calendar that breaks hard rules anyway, every document marked as a draft "
        "(without it: exit 1, nothing written)."))] = False,
) -> None:
    """Write calendar.xlsx (ru+kk), report.html, chart PNGs and .ics calendars."""
    from scheduler.report.command import report_command

    _writable(out)
    code = report_command(instance, calendar, out, profile=profile, lang=lang, draft=draft)
    if code:
        raise typer.Exit(code)


@app.command()
def explain(
    instance: InstanceArg,
    calendar: Annotated[Optional[Path], typer.Argument(help=(
        "A calendar.json: explain its costs (without it: explain why no calendar exists)."))] = None,
    profile: ProfileOpt = "kz-2024",
    meeting: Annotated[Optional[str], typer.Option(help="What if this meeting moved ...")] = None,
    to: Annotated[Optional[str], typer.Option(help="... to this date or region id.")] = None,
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=86400.0, help="Seconds per solve.")] = 20.0,
    lang: LangOpt = "ru",
) -> None:
    """Why no calendar exists; what each rule costs in a calendar; what moving a meeting does."""
    lang = _lang(lang)
    from scheduler.explain import cost_breakdown, explain_infeasibility, what_if, why_here

    try:
        calendar = resolve_calendar(calendar) if calendar else None
        inst = instance_for(instance, calendar) if calendar else load_instance(instance)
        prof = load_profile_for(profile, inst)
        cal = load_calendar(calendar) if calendar else None
        if cal is not None:
            check_references(cal, inst, calendar)
    except InputError as exc:
        _fail_input(exc)
    if cal is None:
        with console.status("looking for the rules that collide ..."):
            found = explain_infeasibility(inst, prof, time_limit=time_limit)
        from scheduler.words import explanation_text

        console.print(explanation_text(found, inst, prof, lang), highlight=False)
        raise typer.Exit(0 if found.feasible else 1)
    if meeting is not None or to is not None:
        if meeting is None or to is None:
            _fail_input(InputError("--meeting and --to go together"))
        try:
            answer = what_if(inst, prof, cal, meeting, to)
        except (KeyError, ValueError) as exc:
            _fail_input(InputError(f"{calendar}: {exc.args[0]}"))
        from scheduler.words import what_if_text

        console.print(what_if_text(answer, inst, prof, cal, lang), highlight=False)
        return
    report = check(inst, prof, cal)
    if lang == "en":
        console.print(cost_breakdown(report, prof), highlight=False)
        console.print(f"\n{t('why_title', lang)}:")
        for meeting_id, line in why_here(inst, cal).items():
            console.print(f"  {meeting_id}: {line}", highlight=False)
    else:
        _print_cost_items(inst, prof, cal, report, lang)
        console.print(f"\n{t('why_title', lang)}:")
        from scheduler.words import meeting_label, why_here as why_here_in

        for m, line in why_here_in(inst, cal, lang).items():
            console.print(f"  {meeting_label(inst, m, lang)}: {line}", highlight=False)
    if not report.ok:
        _print_violations(report, lang, inst, prof, cal)
        raise typer.Exit(1)


def _print_cost_items(inst: Instance, prof: Profile, cal: Calendar, report: CheckReport,
                      lang: str, top: int = 5) -> None:
    """Per soft rule: its title, its total and the largest items behind it, by name."""
    from scheduler.words import finding, rule_name

    for rule_id, total in report.cost_by_rule.items():
        name = rule_name(prof, rule_id, lang)
        console.print(f"{name}: {total:,.0f}", highlight=False)
        items = sorted((c for c in report.costs if c.rule_id == rule_id), key=lambda c: -c.amount)
        for item in items[:top]:
            text = finding(inst, prof, item, lang, cal, amount=False).removeprefix(name) \
                .removeprefix(" — ")
            console.print(f"    {item.amount:>6,.0f}  {text}", highlight=False)
        if len(items) > top:
            console.print("    " + t("and_more", lang).format(
                n=len(items) - top, amount=f"{sum(c.amount for c in items[top:]):,.0f}"),
                highlight=False)
    console.print(f"{t('total', lang)}: {report.total_cost:,.0f}")


@app.command()
def history(workspace: Annotated[Path, typer.Argument(help="Workspace folder.")],
            lang: LangOpt = "ru") -> None:
    """List the versions of a workspace, oldest first."""
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


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Old calendar: file, version folder, or number.")],
    b: Annotated[str, typer.Argument(help="New calendar: file, version folder, or number.")],
    workspace: Annotated[Optional[Path], typer.Option(help="Where version numbers live.")] = None,
    instance: Annotated[Optional[Path], typer.Option(help=(
        "The instance, for names (default: the newer version's own instance.json)."))] = None,
    lang: LangOpt = "ru",
) -> None:
    """Show what changed between two calendars (moved, re-presented, added, cancelled)."""
    from scheduler.workspace import instance_of

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


@app.command("check")
def check_cmd(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help=(
        "calendar.json to check, a workspace folder (its latest version) or a version folder."))],
    profile: ProfileOpt = "kz-2024",
    lang: LangOpt = "ru",
) -> None:
    """List every broken hard rule and every soft-rule cost of a calendar (exit 1 if any hard rule fails)."""
    lang = _lang(lang)
    try:
        calendar = resolve_calendar(calendar)
        inst, cal = instance_for(instance, calendar), load_calendar(calendar)
        prof = load_profile_for(profile, inst)
    except InputError as exc:
        _fail_input(exc)
    report = check(inst, prof, cal)
    _print_costs(report, lang, inst, prof)
    if report.ok:
        from scheduler.i18n import count

        console.print(f"[green]{t('check_ok', lang)}[/] "
                      f"({t('check_count', lang).format(n=count(len(cal.meetings), 'meeting', lang))})")
        return
    _print_violations(report, lang, inst, prof, cal)
    raise typer.Exit(1)


@app.command()
def schema(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of an instance file."""
    text = json.dumps(Instance.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        print(text, end="")
    else:
        _writable(out, folder=False)
        write_atomic(out, text)
        console.print(f"{out}")


@app.command()
def export(
    instance: InstanceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .xlsx workbook to write.")],
) -> None:
    """Write an instance as the input workbook (to start the next half-year from it)."""
    from scheduler.workbook import write_instance_workbook

    if out.suffix.lower() != ".xlsx":
        _fail_input(InputError(f"--out {out}: the instance workbook is an .xlsx file"))
    _writable(out, folder=False)
    try:
        inst = load_instance(instance)
    except InputError as exc:
        _fail_input(exc)
    write_instance_workbook(inst, out)
    console.print(f"{out}")


@app.command()
def template(
    out: Annotated[Path, typer.Option("--out", "-o", help="The .xlsx file to write.")],
    kind: Annotated[str, typer.Option("--kind", help="instance | changes (a quarter's change "
                                                     "set).")] = "instance",
) -> None:
    """Write an empty instance (or change-set) workbook with headers in Russian and Kazakh."""
    from scheduler.workbook import write_changes_template, write_template

    writers = {"instance": write_template, "changes": write_changes_template}
    if kind not in writers:
        _fail_input(InputError(f"--kind {kind}: expected one of {', '.join(writers)}"))
    if out.suffix.lower() != ".xlsx":
        _fail_input(InputError(f"--out {out}: the template is an .xlsx workbook"))
    _writable(out, folder=False)
    writers[kind](out)
    console.print(f"{out}")


# ---------------------------------------------------------------------- printing
def _quality(status: SolveStatus, gap: float | None, lang: str) -> str:
    """The solver's verdict in plain words (the figures are for the planners' annex)."""
    if status is SolveStatus.OPTIMAL or (status is SolveStatus.FEASIBLE and not gap):
        return t("plain_OPTIMAL", lang)
    if status is SolveStatus.FEASIBLE:
        return t("plain_FEASIBLE", lang).format(gap=f"{100 * (gap or 0):.1f}")
    return t(status, lang) if status in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN,
                                         SolveStatus.MODEL_INVALID) else status


def _print_summary(inst: Instance, prof: Profile, result: Result, lang: str) -> None:
    from scheduler.summary import summarise

    cal = result.calendar
    assert cal is not None
    quarters = inst.horizon.quarters
    quarter = {q: t("quarter_n", lang).format(q=q) for q in quarters}
    s = summarise(inst, prof, cal)

    bodies = Table(title=t("meetings", lang), show_footer=False)
    bodies.add_column(t("ministry", lang))
    for q in quarters:
        bodies.add_column(quarter[q], justify="right")
    bodies.add_column(t("out_of_schedule", lang), justify="right")
    bodies.add_column(t("substitutions", lang), justify="right")
    for body_id, c in s.per_body.items():
        bodies.add_row(inst.body(body_id).name.get(lang),
                       *(str(c.per_quarter[q]) for q in quarters),
                       str(c.out_of_schedule or ""), str(c.substitutions or ""))
    console.print(bodies)

    regions = Table(title=t("region", lang))
    regions.add_column(t("region", lang))
    regions.add_column(t("meetings", lang), justify="right")
    regions.add_column(t("issues_met", lang), justify="right")
    for region in inst.regions:
        r = s.per_region[region.id]
        regions.add_row(region.name.get(lang), str(r.ministerial),
                        f"{r.weight_met} / {r.weight_total}")
    console.print(regions)

    totals = Table(title=t("summary", lang), show_header=False)
    totals.add_column()
    totals.add_column(justify="right")
    for q in quarters:
        totals.add_row(t("meetings_in_q", lang).format(q=q), str(s.per_quarter[q]))
    totals.add_row(t("substitutions", lang), str(s.substitutions))
    totals.add_row(t("out_of_schedule", lang), str(s.out_of_schedule))
    totals.add_row(t("quality", lang), _quality(result.status, result.gap, lang))
    if lang == "en":  # the solver's own figures, for the planners
        totals.add_row(t("status", lang), f"{result.status}: {t(result.status, lang)}")
        totals.add_row(t("objective", lang), f"{result.objective:,.0f}")
        totals.add_row(t("bound", lang), f"{result.bound:,.0f}")
        totals.add_row(t("gap", lang), f"{100 * (result.gap or 0):.2f} %")
    totals.add_row(t("solve_time", lang), t("seconds", lang).format(s=f"{result.wall_time:.1f}"))
    console.print(totals)
    assert result.check is not None
    _print_costs(result.check, lang, inst, prof)
    console.print(f"[green]{t('check_ok', lang)}[/]")


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

    table = Table(title=f"{t('check_failed', lang)}: {count(len(report.violations), 'violation', lang)}",
                  style="red")
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


@app.command()
def bench(
    out: Annotated[Path, typer.Option("--out", help="Report folder, e.g. reports/bench/DATE.")],
    family: Annotated[Optional[list[str]], typer.Option(
        "--family", help="Instance family (repeatable; default: all).")] = None,
    solver: Annotated[Optional[list[str]], typer.Option(
        "--solver", help="Solver (repeatable; default: all).")] = None,
    time_limit: Annotated[float, typer.Option("--time-limit")] = 30.0,
    seeds: Annotated[int, typer.Option("--seeds")] = 1,
    jobs: Annotated[int, typer.Option("--jobs")] = 1,
    lang: LangOpt = "ru",
) -> None:
    """Benchmark the solvers on the instance families; resumes an interrupted run."""
    from scheduler.bench.runner import FAMILIES, run
    from scheduler.bench.solvers import SOLVERS

    run(family or list(FAMILIES), solver or list(SOLVERS), seeds, time_limit, jobs, out,
        log=lambda text: console.print(text, highlight=False), lang=_lang(lang))


@app.command("profiles")
def profiles_cmd(lang: LangOpt = "ru") -> None:
    """List the built-in rule profiles with their titles and rule ids."""
    from scheduler.profiles_cmd import profiles_table

    console.print(profiles_table(_lang(lang)))


profile_app = typer.Typer(no_args_is_help=True, help="Show a rule profile.")
app.add_typer(profile_app, name="profile")


@profile_app.command("show")
def profile_show(
    name: Annotated[str, typer.Argument(help="Built-in profile name or a profile .toml file.")],
    lang: LangOpt = "ru",
) -> None:
    """Print a profile: each rule's id, kind, source, switch and parameters."""
    lang = _lang(lang)
    from scheduler.profile import profile_path
    from scheduler.profiles_cmd import profile_tables

    try:
        prof = load_profile(name)
    except InputError as exc:
        _fail_input(exc)
    for table in profile_tables(prof, profile_path(name), lang):
        console.print(table)


@app.command()
def compare(
    instance: InstanceArg,
    profiles: Annotated[str, typer.Option("--profiles", help=(
        "Profiles to compare, comma-separated: built-in names or .toml files."))
    ] = "kz-2016,kz-2024",
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=86400.0, help="Seconds for each solve.")] = 60.0,
    workers: WorkersOpt = 2,
    seed: SeedOpt = 0,
    lang: LangOpt = "ru",
) -> None:
    """Plan the same instance under each profile and tabulate the differences."""
    lang = _lang(lang)
    from scheduler.profiles_cmd import compare as compare_plans
    from scheduler.profiles_cmd import compare_table, parse_profile_list

    try:
        inst = load_instance(instance)
        chosen = [(name, load_profile_for(name, inst)) for name in parse_profile_list(profiles)]
    except InputError as exc:
        _fail_input(exc)
    with console.status("planning ...") as status:
        compared = compare_plans(inst, chosen, time_limit=time_limit, workers=workers, seed=seed,
                                 on_start=lambda name: status.update(f"planning under {name} ..."))
    console.print(compare_table(inst, compared, lang))


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option("--db", help=(
        "Database URL: sqlite:///FILE or postgres://USER:PASSWORD@HOST:PORT/NAME "
        "(default: a SQLite file in ./scheduler-web)."))] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo/--no-demo", help=(
        "Import the bundled instance and make one demo account per role, with random "
        "passwords printed here."))] = True,
    server: Annotated[str, typer.Option(help=(
        "gunicorn: the production server (worker processes with threads, static files by "
        "WhiteNoise); dev: Django's threaded development server in one process."))
    ] = "gunicorn",
    processes: Annotated[int, typer.Option(min=0, max=64, help=(
        "gunicorn worker processes (0: two per core, at least 2)."))] = 0,
    threads: Annotated[int, typer.Option(min=1, max=64, help=(
        "Threads per gunicorn worker process (the pages are mostly Python: more processes, "
        "not threads, use more cores)."))] = 2,
) -> None:
    """Start the web workspace (accounts, roles, background solves) in the browser."""
    from scheduler.web.server import serve as serve_web

    if server not in ("gunicorn", "dev"):
        _fail_input(InputError(f"--server {server}: use gunicorn or dev"))
    serve_web(db=db, host=host, port=port, demo=demo, echo=console.print, server=server,
              processes=processes or None, threads=threads)


@app.command()
def robustness(
    calendar: Annotated[Path, typer.Argument(help="Published calendar.json or workspace folder.")],
    instance: Annotated[Path, typer.Option("--instance", "-i", help="Instance: JSON or .xlsx.")],
    scenarios: Annotated[int, typer.Option(min=1, max=1_000_000, help="Futures to sample.")] = 100,
    seed: SeedOpt = 0,
    address: Annotated[Optional[str], typer.Option(help=(
        "Ray cluster address (default: a local Ray runtime on this machine's cores)."))] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=(
        "Folder: futures.jsonl (resumed when re-run), README.md, CSV, plots."))] = Path("robustness"),
    profile: ProfileOpt = "kz-2024",
    model: Annotated[Optional[Path], typer.Option(help=(
        "Disruption model .toml (default: scheduler/robustness/disruptions.toml)."))] = None,
    num_cpus: Annotated[Optional[int], typer.Option(min=1, help=(
        "Local runtime: Ray workers (default: all cores)."))] = None,
    batch: Annotated[int, typer.Option(min=1, max=100, help="Futures per Ray task.")] = 1,
    time_limit: Annotated[float, typer.Option(
        min=0.5, max=3600.0, help="Seconds per quarterly re-plan.")] = 20.0,
    explain: Annotated[bool, typer.Option(help=(
        "Explain futures without a calendar (a few solves each)."))] = False,
    compare_robust: Annotated[bool, typer.Option("--compare-robust", help=(
        "Also plan a draft and a robust draft and sweep both on the same futures."))] = False,
    compare_scenarios: Annotated[Optional[int], typer.Option(min=1, help=(
        "Futures for the comparison (default: --scenarios)."))] = None,
    robust_weight: Annotated[float, typer.Option(min=0.0, help=(
        "Objective units per unit of expected change cost in the robust draft."))] = 10.0,
    training: Annotated[int, typer.Option(min=1, help=(
        "Training futures for the expected change costs."))] = 200,
) -> None:
    """Sweep a published calendar through sampled futures (Ray): expected changes, fragile meetings."""
    from scheduler.robustness.command import cli_entry

    try:
        cli_entry(calendar, instance, profile=profile, model=model, out=out, log=console.print,
                  scenarios=scenarios, seed=seed, address=address, num_cpus=num_cpus,
                  batch=batch, time_limit=time_limit, explain=explain,
                  compare_robust=compare_robust, compare_scenarios=compare_scenarios,
                  robust_weight=robust_weight, training=training, plan_time_limit=120.0)
    except InputError as exc:
        _fail_input(exc)


def main() -> None:
    app()
