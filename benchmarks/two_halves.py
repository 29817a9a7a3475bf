"""Plan a half-year, then the next with its district visits carried over (AKIM-ROTATION).

    .venv/bin/python benchmarks/two_halves.py \\
        benchmarks/instances/national-all-levels/national-all-levels.json \\
        --out reports/quality/national-two-halves --time-limit 180

Writes ``h1/calendar.json``, ``h2/instance.json`` (H1's instance moved to the next
half-year: the same people and places, no dated events, the H1 visits of the regional
akims as ``visit_history``), ``h2/calendar.json`` and ``summary.json``: each plan's status,
objective, build and solve time, the checker's verdict, and whether every district and
city district of every region was visited by its regional akim within the year (the
visits of both calendars); plus the largest number of akims' meetings in one district on
one day.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from scheduler.instance import Instance
from scheduler.io import load_instance, load_profile
from scheduler.planner import solve


def next_half(inst: Instance, calendar) -> Instance:
    """The instance of the next half-year, with this calendar's district visits as history."""
    data = inst.model_dump(mode="json")
    year, half = (inst.horizon.year, 2) if inst.horizon.half == 1 else (inst.horizon.year + 1, 1)
    data.update(horizon={"year": year, "half": half}, absences=[], alerts=[], region_dates=[],
                extra_days_off=[], extra_working_days=[], name=f"{inst.name}-next",
                approval_date=f"{year}-06-15" if half == 2 else f"{year - 1}-12-15")
    regional = {o.id for o in inst.officials if inst.is_regional_akim(o)}
    data["visit_history"] = {"horizon": inst.horizon.model_dump(), "visits": [
        {"official_id": m.official_id, "district_id": m.district_id, "date": str(m.date)}
        for m in calendar.meetings if m.official_id in regional and m.district_id
        and m.kind.value == "planned"]}
    return Instance.model_validate(data)


def _plan(inst: Instance, profile, limit: float, workers: int, out: Path) -> dict:
    started = time.perf_counter()
    result = solve(inst, profile, time_limit=limit, workers=workers, seed=0)
    out.mkdir(parents=True, exist_ok=True)
    if result.calendar is not None:
        (out / "calendar.json").write_text(result.calendar.model_dump_json(indent=1),
                                           encoding="utf-8")
    per_day = Counter((m.district_id, m.date) for m in result.calendar.meetings
                      if m.body_id.startswith("akimat") and m.district_id) \
        if result.calendar else Counter()
    return {"status": str(result.status), "objective": result.objective, "bound": result.bound,
            "build_s": round(result.build_time, 1),
            "total_s": round(time.perf_counter() - started, 1),
            "variables": result.variables, "meetings": len(result.calendar.meetings)
            if result.calendar else 0,
            "check_ok": bool(result.check and result.check.ok),
            "violations": {k: v for k, v in result.check.violations_by_rule.items() if v}
            if result.check else {},
            "cost_by_rule": result.cost_by_rule,
            "most_per_district_day": max(per_day.values(), default=0)}, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--profile", default="kz-2024")
    parser.add_argument("--time-limit", type=float, default=180)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    profile = load_profile(args.profile)
    first = load_instance(args.instance)
    summary = {"instance": str(args.instance), "profile": profile.id}
    summary["h1"], r1 = _plan(first, profile, args.time_limit, args.workers, args.out / "h1")
    second = next_half(first, r1.calendar)
    (args.out / "h2").mkdir(parents=True, exist_ok=True)
    (args.out / "h2" / "instance.json").write_text(second.model_dump_json(indent=1),
                                                   encoding="utf-8")
    summary["h2"], r2 = _plan(second, profile, args.time_limit, args.workers, args.out / "h2")
    missing = []
    for official in first.officials:
        if not first.is_regional_akim(official):
            continue
        region = first.region(first.home_region(official))
        owed = {d.id for d in region.districts if d.kind.value in ("district", "city_district")}
        seen = {m.district_id for r in (r1, r2) if r.calendar for m in r.calendar.meetings
                if m.official_id == official.id and m.kind.value == "planned"}
        missing += [f"{region.id}: {d}" for d in sorted(owed - seen)]
    summary["districts_not_visited_within_the_year"] = missing
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False),
                                           encoding="utf-8")
    print(json.dumps(summary, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
