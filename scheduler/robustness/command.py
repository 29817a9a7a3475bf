"""``scheduler robustness``: sweep a published calendar through sampled futures on Ray,
write the report; with ``--compare-robust``, also plan a draft and a robust draft and
sweep both on the same futures."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Callable

import numpy as np

from scheduler.instance import Instance
from scheduler.io import load_calendar, to_json, write_atomic
from scheduler.meetings import Calendar
from scheduler.profile import Profile
from scheduler.robustness.model import DisruptionModel
from scheduler.robustness.report import load_records, write_report
from scheduler.robustness.sweep import sweep


def names_of(instance: Instance) -> dict[str, str]:
    """English names of officials and regions for the report."""
    names = {o.id: o.title.en or o.id for o in instance.officials}
    names.update({r.id: r.name.en or r.id for r in instance.regions})
    return names


def run_command(instance: Instance, profile: Profile, published: Calendar,
                model: DisruptionModel, out: Path, *, scenarios: int, seed: int,
                address: str | None, num_cpus: int | None, batch: int, time_limit: float,
                explain: bool, compare_robust: bool, compare_scenarios: int | None,
                robust_weight: float, training: int, plan_time_limit: float,
                log: Callable[[str], None] = print) -> dict:
    run = sweep(instance, profile, published, model, out, scenarios=scenarios, seed=seed,
                address=address, num_cpus=num_cpus, batch=batch, time_limit=time_limit,
                explain=explain, log=log)
    extra = ""
    if compare_robust:
        extra = compare(instance, profile, model, out / "compare", scenarios=compare_scenarios
                        or scenarios, seed=seed, address=address, num_cpus=num_cpus,
                        batch=batch, time_limit=time_limit, weight=robust_weight,
                        training=training, plan_time_limit=plan_time_limit, log=log)
    elif all((out / "compare" / label / "plan.json").exists() for label in ("draft", "robust")):
        drafts = {label: json.loads((out / "compare" / label / "plan.json").read_text())
                  for label in ("draft", "robust")}
        for label, info in drafts.items():  # an earlier comparison: kept in the report
            info.setdefault("expected_learned", info.get("expected", math.nan))
        extra = comparison_text(out / "compare", drafts, drafts["robust"]["weight"])
    if (out / "NOTES.md").exists():  # the planner's own notes, kept at the end
        extra += "\n\n" + (out / "NOTES.md").read_text(encoding="utf-8")
    summary = write_report(out, title=f"Robustness of {instance.name}: {published.horizon}",
                           names=names_of(instance), extra=extra)
    log(f"written: {out / 'README.md'} ({summary['futures']} futures)")
    return {"run": run, "summary": summary}


def compare(instance: Instance, profile: Profile, model: DisruptionModel, out: Path, *,
            scenarios: int, seed: int, address: str | None, num_cpus: int | None, batch: int,
            time_limit: float, weight: float, training: int, plan_time_limit: float,
            log: Callable[[str], None] = print) -> str:
    """Plan a draft (the usual planner) and a robust draft (plus ``weight`` x expected
    change cost), sweep both through the same futures, and say what it saves and costs."""
    from scheduler.robustness.robust import calendar_expected, expected_changes, plan_robust

    out.mkdir(parents=True, exist_ok=True)
    log(f"learning expected changes from {training} training futures ...")
    expected = expected_changes(instance, profile, model, seed, training)
    drafts: dict[str, dict] = {}
    for label, w in (("draft", 0.0), ("robust", weight)):
        folder = out / label
        path = folder / "calendar.json"
        if path.exists():  # a resumed comparison keeps its drafts (and their futures)
            calendar = load_calendar(path)
            info = json.loads((folder / "plan.json").read_text())
        else:
            log(f"planning the {label} calendar (weight {w:g}) ...")
            result, exp = plan_robust(instance, profile, expected, w,
                                      time_limit=plan_time_limit, workers=2, seed=0)
            if result.calendar is None or not result.check.ok:
                return f"(the {label} plan failed: {result.status})"
            calendar = result.calendar
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, to_json(calendar))
            info = {"weight": w, "status": result.status, "cost": result.check.total_cost,
                    "cost_by_rule": result.check.cost_by_rule, "expected": exp,
                    "wall_time": result.wall_time,
                    "substitutions": sum(m.substituted for m in calendar.meetings)}
            write_atomic(folder / "plan.json", json.dumps(info, indent=2) + "\n")
        sweep(instance, profile, calendar, model, folder, scenarios=scenarios, seed=seed,
              address=address, num_cpus=num_cpus, batch=batch, time_limit=time_limit, log=log)
        write_report(folder, title=f"Robustness of the {label} calendar",
                     names=names_of(instance))
        info["expected_learned"] = calendar_expected(calendar, expected)
        drafts[label] = info
    return comparison_text(out, drafts, weight)


def _paired(out: Path) -> tuple[list[int], dict[str, dict[int, dict]]]:
    records = {label: {r["scenario"]: r for r in load_records(out / label)}
               for label in ("draft", "robust")}
    both = sorted(set(records["draft"]) & set(records["robust"]))
    return both, records


def comparison_text(out: Path, drafts: dict, weight: float) -> str:
    both, records = _paired(out)
    ok = [i for i in both if records["draft"][i]["status"] == "ok"
          and records["robust"][i]["status"] == "ok"]

    def per(label: str, key: str) -> np.ndarray:
        if key == "changes":
            return np.array([records[label][i]["total_changes"] for i in ok], dtype=float)
        return np.array([sum((row.get("change_cost") or 0) for row in records[label][i]["quarters"])
                         for i in ok], dtype=float)

    lines = ["## A draft planned for robustness", "",
             f"The same instance planned twice with the same solver: the usual objective "
             f"(`draft`) and the usual objective plus {weight:g} x the expected change cost of "
             f"each planned meeting (`robust`), learned from training futures of another "
             f"random stream; both swept through the same {len(both)} futures "
             f"({len(ok)} re-planned to the end in both).", "",
             "| calendar | plan cost (checker) | substitutions | expected change cost (learned) "
             "| changes per future: mean | weighted change cost per future: mean "
             "| infeasible futures |",
             "|---|---|---|---|---|---|---|"]
    for label in ("draft", "robust"):
        d = drafts[label]
        bad = sum(records[label][i]["status"] != "ok" for i in both)
        ch, wc = per(label, "changes"), per(label, "cost")
        lines.append(f"| {label} | {d['cost']:,.0f} | {d['substitutions']} | "
                     f"{d['expected_learned']:.1f} | {ch.mean() if ch.size else math.nan:.2f} | "
                     f"{wc.mean() if wc.size else math.nan:.1f} | {bad} |")
    if ok:
        dc = per("draft", "changes") - per("robust", "changes")
        dw = per("draft", "cost") - per("robust", "cost")
        se = lambda a: a.std(ddof=1) / math.sqrt(a.size) if a.size > 1 else math.nan  # noqa: E731
        extra = drafts["robust"]["cost"] - drafts["draft"]["cost"]
        lines += ["", f"**Saved per future (paired on the same futures): {dc.mean():.2f} "
                  f"changes (± {1.96 * se(dc):.2f}, 95 %), {dw.mean():.1f} weighted change "
                  f"cost (± {1.96 * se(dw):.1f}); for {extra:+,.0f} plan cost "
                  f"({100 * extra / max(1.0, drafts['draft']['cost']):+.1f} %).**",
                  "", "Each calendar's own report: `compare/draft/README.md`, "
                  "`compare/robust/README.md`."]
    text = "\n".join(lines)
    write_atomic(out / "README.md", "# Draft and robust draft\n\n" + text + "\n")
    return text


def cli_entry(calendar: Path, instance: Path, *, profile: str, model: Path | None,
              out: Path, log: Callable[[str], None], **options) -> None:
    """Load and validate the inputs (InputError before any work), then run."""
    from scheduler.io import check_output
    from scheduler.profiles_cmd import load_profile_for
    from scheduler.robustness.model import load_model
    from scheduler.workspace import instance_for, resolve_calendar

    check_output(out)
    path = resolve_calendar(calendar)
    inst = instance_for(instance, path)
    prof = load_profile_for(profile, inst)
    published = load_calendar(path)
    disruptions = load_model(model)
    run_command(inst, prof, published, disruptions, out, log=log, **options)
