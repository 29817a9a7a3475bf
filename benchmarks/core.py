"""Core timings on the real instance: plan kz-2027-h1 to a proven optimum, and re-plan it
with a quarter's change set to the proven fewest changes.

    .venv/bin/python benchmarks/core.py [--runs 5] [--workers 2] [--out out/bench/core.md]

The committed reports/bench/core.md is remade only when named with --out.

Each run is a fresh process-internal solve with its own seed; the report gives medians and
the spread, model building included. Targets (issue 6): plan < 2 s, re-plan < 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import time
from pathlib import Path

from scheduler import load_calendar, load_instance, load_profile, solve
from scheduler.io import load_changes, write_atomic
from scheduler.replan import replan

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench" / "core.md")
    args = parser.parse_args()

    instance = load_instance(ROOT / "instances" / "kz-2027-h1.json")
    profile = load_profile("kz-2024")
    approved = load_calendar(ROOT / "instances" / "kz-2027-h1-approved.json")
    changes = load_changes(ROOT / "instances" / "kz-2027-h1-changes-q2.json")

    plans, replans = [], []
    for seed in range(args.runs):
        result = solve(instance, profile, time_limit=60, workers=args.workers, seed=seed)
        plans.append((result.wall_time, result.build_time, result.status, result.objective))
        started = time.perf_counter()
        again = replan(instance, profile, approved, changes, dt.date(2027, 3, 20),
                       time_limit=60, workers=args.workers, seed=seed)
        replans.append((again.changes_time, time.perf_counter() - started, again.changes_status,
                        again.change_cost, len(again.changes)))
        print(f"seed {seed}: plan {plans[-1][0]:.2f} s {plans[-1][2]}; "
              f"re-plan fewest changes {replans[-1][0]:.2f} s {replans[-1][2]}")

    def stats(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"

    lines = [
        "# Core timings on kz-2027-h1", "",
        f"{dt.date.today()}, {platform.machine()}, Python {platform.python_version()}, "
        f"{args.workers} CP-SAT workers, {args.runs} runs (seeds 0..{args.runs - 1}).", "",
        "| measure | median (min, max) | status | target |", "|---|---|---|---|",
        f"| plan to proven optimum, model building included | {stats([p[0] for p in plans])} "
        f"| {', '.join(sorted({p[2] for p in plans}))}, objective {plans[0][3]:.0f} | < 2 s |",
        f"| of which model building | {stats([p[1] for p in plans])} | | |",
        f"| re-plan (5 requests, 2 absences, 1 alert) to proven fewest changes | "
        f"{stats([r[0] for r in replans])} | {', '.join(sorted({r[2] for r in replans}))}, "
        f"weighted changes {replans[0][3]:.0f}, {replans[0][4]} meetings changed | < 1 s |",
        f"| re-plan, both stages | {stats([r[1] for r in replans])} | | |",
    ]
    write_atomic(args.out, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
