"""plan, replan, urgent and compare: the commands that solve.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from scheduler.cli.common import (
    FromOlderOpt,
    InstanceArg,
    LangOpt,
    ProfileOpt,
    ReportOpt,
    SeedOpt,
    SolveOptions,
    TimeLimitOpt,
    WorkersOpt,
    _date,
    _fail_input,
    _lang,
    _print_costs,
    _print_violations,
    _print_written,
    _published,
    _quality,
    _report_writer,
    console,
    errors,
)
from scheduler.i18n import LANGS, decimal, t

if TYPE_CHECKING:
    from scheduler.changes import ChangeSet
    from scheduler.instance import Instance
    from scheduler.meetings import Calendar
    from scheduler.planner import Result
    from scheduler.profile import Profile


def plan(
    instance: InstanceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for calendar.json and .csv.")],
    profile: ProfileOpt = "kz-2024",
    time_limit: TimeLimitOpt = 60.0,
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
    from scheduler.io import InputError, check_output, load_instance
    from scheduler.profile import profile_text
    from scheduler.profiles_cmd import load_profile_for
    from scheduler.results import SolveStatus
    from scheduler.workspace import save_version, version_files

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
        result = solve(inst, prof, **SolveOptions(time_limit, workers, seed).kwargs(),
                       progress=None if log else progress, log=log)

    if result.calendar is None:
        errors.print(f"[bold red]{t('no_calendar', lang)}[/]: {t(result.status, lang)} "
                     f"({t('seconds', lang).format(s=decimal(result.wall_time, lang))}).")
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
            files = version_files(result.calendar, inst, profile_text(prof))
            version = save_version(out, "plan", files,
                                   result.calendar, note=f"{instance.name}, profile {prof.id}",
                                   report=writer)
    except InputError as exc:
        _fail_input(exc)
    _print_summary(inst, prof, result, lang)
    _print_written(out, version, lang, report)


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
    time_limit: TimeLimitOpt = 30.0,
    workers: WorkersOpt = 2,
    seed: SeedOpt = 0,
    lang: LangOpt = "ru",
    report: ReportOpt = True,
) -> None:
    """Re-plan a published calendar with a change set, changing as little as possible."""
    from scheduler.changes import validate_changes
    from scheduler.io import InputError, load_changes_located
    from scheduler.workspace import check_base

    lang = _lang(lang)
    try:
        workspace, inst, prof, published = _published(instance, calendar, out, profile)
        change_set, locate = load_changes_located(changes)
        day = _date(as_of, "--as-of")
        validate_changes(change_set, inst, published, day, str(changes), locate)
        check_base(workspace, published, from_older)
    except InputError as exc:
        _fail_input(exc)
    _replan_and_write(inst, prof, published, change_set, day, workspace, "replan", lang, report,
                      from_older, SolveOptions(time_limit, workers, seed), force=force)


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
    from pydantic import ValidationError

    from scheduler.changes import ChangeSet, apply_to_instance, validate_changes
    from scheduler.io import InputError, describe_errors
    from scheduler.workspace import check_base

    lang = _lang(lang)
    try:
        workspace, inst, prof, published = _published(instance, calendar, out, profile)
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
                      from_older, SolveOptions(10.0, workers, seed), urgent=True)


def _replan_and_write(inst: Instance, prof: Profile, published: Calendar, change_set: ChangeSet,
                      as_of: dt.date, out: Path, kind: str, lang: str, report: bool,
                      from_older: bool, solve: SolveOptions, urgent: bool = False,
                      force: bool = False) -> None:
    from scheduler.diff import changes_markdown
    from scheduler.io import InputError, to_json
    from scheduler.profile import profile_text
    from scheduler.replan import replan as replan_calendar
    from scheduler.workspace import save_version, version_files

    with console.status("re-planning ..."):
        result = replan_calendar(inst, prof, published, change_set, as_of, keep_later=urgent,
                                 force=force, **solve.kwargs())
        if urgent and result.calendar is None:  # the quick way is closed: let meetings move
            result = replan_calendar(inst, prof, published, change_set, as_of, force=force,
                                     **solve.kwargs())
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
        totals.add_row(t("gap", lang), f"{decimal(100 * (result.gap or 0), lang, 2)} %")
    totals.add_row(t("solve_time", lang),
                   t("seconds", lang).format(s=decimal(result.wall_time, lang)))
    console.print(totals)
    assert result.check is not None
    _print_costs(result.check, lang, inst, prof)
    console.print(f"[green]{t('check_ok', lang)}[/]")


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
    from scheduler.io import InputError, load_instance
    from scheduler.profiles_cmd import load_profile_for

    lang = _lang(lang)
    from scheduler.profiles_cmd import compare as compare_plans
    from scheduler.profiles_cmd import compare_table, parse_profile_list

    try:
        inst = load_instance(instance)
        chosen = [(name, load_profile_for(name, inst)) for name in parse_profile_list(profiles)]
    except InputError as exc:
        _fail_input(exc)
    with console.status("planning ...") as status:
        compared = compare_plans(inst, chosen, **SolveOptions(time_limit, workers, seed).kwargs(),
                                 on_start=lambda name: status.update(f"planning under {name} ..."))
    console.print(compare_table(inst, compared, lang))
