"""Behaviour fingerprint: the cost (and a hash of the meetings) of the plan of every
bundled and benchmark instance, and of the bundled re-plans, on one worker with seed 0.

    .venv/bin/python benchmarks/same_costs.py OUT.json [--time-limit 120]

Run it before and after a refactoring of the model and compare the two files: the costs
must be equal (the hash too, when the model's variables and constraints keep their order).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

from scheduler import load_calendar, load_instance, load_profile, solve
from scheduler.io import load_changes
from scheduler.replan import replan

ROOT = Path(__file__).resolve().parent.parent


def fingerprint(calendar) -> str:
    rows = sorted((m.official_id, m.presenter_id, m.region_id, m.date.isoformat(),
                   m.start.isoformat(), str(m.kind.value), m.alert_id or "")
                  for m in calendar.meetings)
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--time-limit", type=float, default=120)
    args = parser.parse_args()
    plans = [(ROOT / "instances" / "kz-2027-h1.json", p) for p in ("kz-2024", "kz-2016", "kz-2018")]
    plans += [(path, "kz-2024")
              for path in sorted((ROOT / "benchmarks" / "instances").rglob("*.json"))
              if "changes" not in path.parts]
    rows = {}
    for path, name in plans:
        started = time.perf_counter()
        result = solve(load_instance(path), load_profile(name), time_limit=args.time_limit,
                       workers=1, seed=0)
        key = f"plan {path.relative_to(ROOT)} {name}"
        rows[key] = dict(status=result.status, objective=result.objective,
                         cost_by_rule=result.cost_by_rule,
                         meetings=len(result.calendar.meetings) if result.calendar else None,
                         hash=fingerprint(result.calendar) if result.calendar else None,
                         seconds=round(time.perf_counter() - started, 2))
        print(key, rows[key], file=sys.stderr, flush=True)
    real = ROOT / "benchmarks" / "instances" / "real" / "changes"
    spec = json.loads((real / "replan.json").read_text())
    instance = load_instance(real / spec["instance"])
    approved = load_calendar(real / spec["approved"])
    for change in spec["change_sets"]:
        started = time.perf_counter()
        result = replan(instance, load_profile("kz-2024"), approved,
                        load_changes(real / change["file"]),
                        dt.date.fromisoformat(change["as_of"]), time_limit=args.time_limit,
                        workers=1, seed=0)
        key = f"replan {change['file']} {change['as_of']}"
        rows[key] = dict(status=result.status, changes_status=result.changes_status,
                         change_cost=result.change_cost, objective=result.objective,
                         changes=len(result.changes),
                         hash=fingerprint(result.calendar) if result.calendar else None,
                         seconds=round(time.perf_counter() - started, 2))
        print(key, rows[key], file=sys.stderr, flush=True)
    args.out.write_text(json.dumps(rows, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
