"""Command line: ``scheduler plan | check | schema | template``.

Exit codes: 0 done; 1 no calendar exists or a calendar breaks a hard rule; 2 bad input
(the message names the file, row and field; nothing is written).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from scheduler.checker import CheckReport, check
from scheduler.i18n import LANGS, t
from scheduler.instance import BodyKind, Instance
from scheduler.io import (InputError, load_calendar, load_instance, load_profile, to_json,
                          write_atomic)
from scheduler.meetings import CSV_COLUMNS, Calendar, MeetingKind, csv_rows
from scheduler.planner import Result, solve

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Plan, check and publish the half-year calendar of ministers' and akims' "
                       "meetings with the population.")
console = Console()
errors = Console(stderr=True)

InstanceArg = Annotated[Path, typer.Argument(help="Instance: JSON file or .xlsx workbook.")]
ProfileOpt = Annotated[str, typer.Option("--profile", "-p",
                                         help="Built-in profile name or a profile .toml file.")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the summary: ru, kk or en.")]


def _fail_input(exc: InputError) -> None:
    errors.print(f"[bold red]Input error[/]: {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _lang(lang: str) -> str:
    if lang not in LANGS:
        _fail_input(InputError(f"--lang '{lang}': use one of {', '.join(LANGS)}"))
    return lang


@app.command()
def plan(
    instance: InstanceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for calendar.json and .csv.")],
    profile: ProfileOpt = "kz-2024",
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds for the solver.")] = 60.0,
    workers: Annotated[int, typer.Option(min=1, help="Solver threads.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed of the solver.")] = 0,
    lang: LangOpt = "ru",
    log: Annotated[bool, typer.Option(help="Print the CP-SAT search log.")] = False,
) -> None:
    """Plan a half-year calendar and write it, once the checker has passed it."""
    lang = _lang(lang)
    try:
        inst, prof = load_instance(instance), load_profile(profile)
    except InputError as exc:
        _fail_input(exc)
    if out.exists() and not out.is_dir():
        _fail_input(InputError(f"--out {out}: exists and is not a folder"))

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
        if result.status == "UNKNOWN":
            errors.print("Try a longer --time-limit.")
        raise typer.Exit(1)
    assert result.check is not None
    if not result.check.ok:  # the planner and the checker disagree: write nothing
        _print_violations(result.check, lang)
        errors.print("[bold red]Internal error[/]: the planner's calendar failed the independent "
                     "checker; nothing was written. Please report this with the instance.")
        raise typer.Exit(1)

    _write_calendar(result.calendar, out)
    _print_summary(inst, result, lang)
    console.print(f"{t('written', lang)}: {out / 'calendar.json'}, {out / 'calendar.csv'}")


def _write_calendar(calendar: Calendar, out: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(calendar))
    write_atomic(out / "calendar.json", to_json(calendar))
    write_atomic(out / "calendar.csv", "\ufeff" + buffer.getvalue())  # BOM: Excel reads UTF-8


@app.command("check")
def check_cmd(
    instance: InstanceArg,
    calendar: Annotated[Path, typer.Argument(help="calendar.json to check.")],
    profile: ProfileOpt = "kz-2024",
    lang: LangOpt = "ru",
) -> None:
    """List every broken hard rule and every soft-rule cost of a calendar (exit 1 if any hard rule fails)."""
    lang = _lang(lang)
    try:
        inst, prof, cal = load_instance(instance), load_profile(profile), load_calendar(calendar)
    except InputError as exc:
        _fail_input(exc)
    report = check(inst, prof, cal)
    _print_costs(report, lang)
    if report.ok:
        console.print(f"[green]{t('check_ok', lang)}[/] ({len(cal.meetings)} {t('meetings', lang).lower()})")
        return
    _print_violations(report, lang)
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
        write_atomic(out, text)
        console.print(f"{out}")


@app.command()
def template(
    out: Annotated[Path, typer.Option("--out", "-o", help="The .xlsx file to write.")],
) -> None:
    """Write an empty instance workbook with headers in Russian and Kazakh."""
    from scheduler.workbook import write_template

    if out.suffix.lower() != ".xlsx":
        _fail_input(InputError(f"--out {out}: the template is an .xlsx workbook"))
    write_template(out)
    console.print(f"{out}")


# ---------------------------------------------------------------------- printing
def _print_summary(inst: Instance, result: Result, lang: str) -> None:
    cal = result.calendar
    assert cal is not None
    quarters = inst.horizon.quarters
    meetings = cal.meetings

    per_body: dict[str, Counter] = defaultdict(Counter)
    for m in meetings:
        key = f"Q{m.quarter}" if m.kind is MeetingKind.planned else "out"
        per_body[m.body_id][key] += 1
        per_body[m.body_id]["subst"] += m.substituted
    bodies = Table(title=t("meetings", lang), show_footer=False)
    bodies.add_column(t("ministry", lang))
    for q in quarters:
        bodies.add_column(f"Q{q}", justify="right")
    bodies.add_column(t("out_of_schedule", lang), justify="right")
    bodies.add_column(t("substitutions", lang), justify="right")
    for body in inst.bodies:
        if body.id in per_body:
            c = per_body[body.id]
            bodies.add_row(body.name.get(lang), *(str(c[f"Q{q}"]) for q in quarters),
                           str(c["out"] or ""), str(c["subst"] or ""))
    console.print(bodies)

    weight_total, weight_met = Counter(), Counter()
    met_pairs = {(m.region_id, m.body_id) for m in meetings}
    for issue in inst.issues:
        weight_total[issue.region_id] += issue.weight
        if (issue.region_id, issue.body_id) in met_pairs:
            weight_met[issue.region_id] += issue.weight
    ministerial = Counter(m.region_id for m in meetings
                          if inst.body(m.body_id).kind is BodyKind.ceb)
    regions = Table(title=t("region", lang))
    regions.add_column(t("region", lang))
    regions.add_column(t("meetings", lang), justify="right")
    regions.add_column(t("issues_met", lang), justify="right")
    for region in inst.regions:
        regions.add_row(region.name.get(lang), str(ministerial[region.id]),
                        f"{weight_met[region.id]} / {weight_total[region.id]}")
    console.print(regions)

    per_quarter = Counter(m.quarter for m in meetings)
    totals = Table(title=t("summary", lang), show_header=False)
    totals.add_column()
    totals.add_column(justify="right")
    for q in quarters:
        totals.add_row(f"{t('meetings', lang)}, Q{q}", str(per_quarter[q]))
    totals.add_row(t("substitutions", lang), str(sum(m.substituted for m in meetings)))
    totals.add_row(t("out_of_schedule", lang),
                   str(sum(m.kind is MeetingKind.out_of_schedule for m in meetings)))
    totals.add_row(t("status", lang), f"{result.status}: {t(result.status, lang)}")
    totals.add_row(t("objective", lang), f"{result.objective:,.0f}")
    totals.add_row(t("bound", lang), f"{result.bound:,.0f}")
    totals.add_row(t("gap", lang), f"{100 * (result.gap or 0):.2f} %")
    totals.add_row(t("time", lang), f"{result.wall_time:.1f}")
    console.print(totals)
    assert result.check is not None
    _print_costs(result.check, lang)
    console.print(f"[green]{t('check_ok', lang)}[/]")


def _print_costs(report: CheckReport, lang: str) -> None:
    table = Table(title=t("cost", lang))
    table.add_column(t("rule", lang))
    table.add_column(t("cost", lang), justify="right")
    for rule_id, amount in report.cost_by_rule.items():
        table.add_row(rule_id, f"{amount:,.0f}")
    table.add_row(t("total", lang), f"{report.total_cost:,.0f}", style="bold")
    console.print(table)


def _print_violations(report: CheckReport, lang: str) -> None:
    table = Table(title=f"{t('check_failed', lang)}: {len(report.violations)}", style="red")
    table.add_column(t("rule", lang))
    table.add_column(t("message", lang))
    for v in report.violations:
        table.add_row(v.rule_id, v.message)
    console.print(table)


def main() -> None:
    app()
