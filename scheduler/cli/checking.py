"""check, explain and report: judging a calendar and publishing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from scheduler.cli.common import (
    InstanceArg,
    LangOpt,
    ProfileOpt,
    _fail_input,
    _lang,
    _print_costs,
    _print_violations,
    _writable,
    console,
)
from scheduler.i18n import t

if TYPE_CHECKING:
    from scheduler.checker import CheckReport
    from scheduler.instance import Instance
    from scheduler.meetings import Calendar
    from scheduler.profile import Profile


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


def explain(
    instance: InstanceArg,
    calendar: Annotated[Optional[Path], typer.Argument(help=(
        "A calendar.json: explain its costs "
        "(without it: explain why no calendar exists)."))] = None,
    profile: ProfileOpt = "kz-2024",
    meeting: Annotated[Optional[str], typer.Option(help="What if this meeting moved ...")] = None,
    to: Annotated[Optional[str], typer.Option(help="... to this date or region id.")] = None,
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=86400.0, help="Seconds per solve.")] = 20.0,
    lang: LangOpt = "ru",
) -> None:
    """Why no calendar exists; what each rule costs in a calendar; what moving a meeting does."""
    from scheduler.checker import check
    from scheduler.io import InputError, check_references, load_calendar, load_instance
    from scheduler.profiles_cmd import load_profile_for
    from scheduler.workspace import instance_for, resolve_calendar

    lang = _lang(lang)
    from scheduler.explain import cost_breakdown, explain_infeasibility, what_if, why_here

    try:
        calendar = resolve_calendar(calendar) if calendar else None
        inst = instance_for(instance, calendar) if calendar else load_instance(instance)
        prof = load_profile_for(profile, inst)
        cal = load_calendar(calendar) if calendar else None
        if cal is not None and calendar is not None:
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
        from scheduler.words import meeting_label
        from scheduler.words import why_here as why_here_in

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


def check_cmd(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help=(
        "calendar.json to check, a workspace folder (its latest version) or a version folder."))],
    profile: ProfileOpt = "kz-2024",
    lang: LangOpt = "ru",
) -> None:
    """List every broken hard rule and every soft-rule cost of a calendar (exit 1 if any hard rule fails)."""  # noqa: E501 (one line: the command's help)
    from scheduler.checker import check
    from scheduler.io import InputError, load_calendar
    from scheduler.profiles_cmd import load_profile_for
    from scheduler.workspace import instance_for, resolve_calendar

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

        meetings = count(len(cal.meetings), "meeting", lang)
        console.print(f"[green]{t('check_ok', lang)}[/] "
                      f"({t('check_count', lang).format(n=meetings)})")
        return
    _print_violations(report, lang, inst, prof, cal)
    raise typer.Exit(1)
