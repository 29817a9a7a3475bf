"""How long an explanation takes on a conflict the size of the real instance: kz-2027-h1
with the Minister of Culture and Information and both his deputies away all Q1 (nobody
can hold the ministry's Q1 meeting).

    .venv/bin/python benchmarks/explain.py [--runs 3] [--out reports/bench/explain.md]

Each run is a fresh explanation (model building included) with seed 0..runs-1; the report
gives the median, the spread, the number of solver calls and the conflict found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
from pathlib import Path

from scheduler import load_instance, load_profile
from scheduler.explain import explain_infeasibility
from scheduler.instance import Absence

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ("culture-information-minister", "culture-information-deputy-1",
          "culture-information-deputy-2")


def conflict_instance():
    instance = load_instance(ROOT / "instances" / "kz-2027-h1.json")
    away = tuple(Absence(official_id=p, start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31),
                         reason="illness") for p in PEOPLE)
    kept = tuple(a for a in instance.absences if a.official_id not in PEOPLE)
    return instance.model_copy(update={"absences": kept + away})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    instance, profile = conflict_instance(), load_profile("kz-2024")
    runs = []
    for seed in range(args.runs):
        calls: list[str] = []
        started = time.perf_counter()
        found = explain_infeasibility(instance, profile, time_limit=60, seed=seed,
                                      progress=calls.append)
        wall = time.perf_counter() - started
        keys = sorted(str(c.key) for c in found.conflicts)
        runs.append((wall, len(calls) - 1, str(found.status), keys,
                     sum(c.frees for c in found.conflicts)))
        print(f"seed {seed}: {wall:.2f} s, {len(calls) - 1} solver calls, {found.status}, "
              f"{len(keys)} rule instances, {runs[-1][4]} free a calendar alone", flush=True)
    walls = [r[0] for r in runs]
    load = os.getloadavg()
    lines = [f"| {args.label or 'explain'} | {statistics.median(walls):.2f} s "
             f"(min {min(walls):.2f}, max {max(walls):.2f}) | {runs[0][1]} | "
             f"{runs[0][2]}: {'; '.join(runs[0][3])} | "
             f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
             f"load {load[0]:.2f} |"]
    print("\n".join(lines))
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
