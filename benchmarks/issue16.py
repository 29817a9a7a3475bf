"""Issue 16's timings: plan kz-2027-h1 and the national all-levels instance to a proven
optimum on 2 workers, each run in a fresh process (seed i), optionally alternating with an
older source tree; re-plan the approved kz-2027-h1 calendar with each quarter's change set
(the fewest changes' time, model building included); and time whole commands side by side,
alternating (``scheduler check`` of the approved calendar, ``scheduler plan --no-report``,
``scheduler replan --no-report`` of the Q2 change set). Writes the targets, medians, ratios
and the load average.

    .venv/bin/python benchmarks/issue16.py --runs 5 --out reports/bench/DATE-issue16/README.md \
        [--national-runs 5] [--replan-runs 5] [--process-runs 5] [--time-limit 60] [--before DIR]

DIR is `git archive REV | tar -x -C DIR` of the project (the same .venv is used). Each run
prints one JSON line; the report is made from all of them. No assertion on wall-clock: the
report says, target by target, whether it is met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCES = {
    "kz-2027-h1": "instances/kz-2027-h1.json",
    "national-all-levels": "benchmarks/instances/national-all-levels/national-all-levels.json",
}
RUN = r'''
import json, os, resource, sys, time
sys.path.insert(0, os.getcwd())
started = time.perf_counter()
from scheduler import load_instance, load_profile
from scheduler.planner import solve
inst = load_instance(sys.argv[1]); prof = load_profile("kz-2024")
first = []
def progress(seconds, objective, bound):
    if objective is not None and not first:
        first.append(time.perf_counter() - t0)
t0 = time.perf_counter()
r = solve(inst, prof, time_limit=float(sys.argv[3]), workers=2, seed=int(sys.argv[2]),
          progress=progress)
print(json.dumps(dict(
    wall=r.wall_time, build=r.build_time, first=first[0] if first else None,
    status=str(r.status), objective=r.objective, bound=r.bound, gap=r.gap,
    checker=r.check.total_cost if r.check is not None and hasattr(r.check, "total_cost") else None,
    checker_ok=r.check.ok if r.check is not None else None,
    variables=r.variables, constraints=r.constraints,
    rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    process=time.perf_counter() - started, load=os.getloadavg()[0])))
'''

REPLAN = r'''
import datetime as dt, json, os, resource, sys, time
sys.path.insert(0, os.getcwd())
from scheduler import load_instance, load_profile
from scheduler.io import load_calendar, load_changes
from scheduler.replan import replan
inst = load_instance(sys.argv[1]); prof = load_profile("kz-2024")
approved = load_calendar(sys.argv[2]); changes = load_changes(sys.argv[3])
r = replan(inst, prof, approved, changes, dt.date.fromisoformat(sys.argv[4]), time_limit=60,
           workers=2, seed=int(sys.argv[5]))
print(json.dumps(dict(
    changes_time=r.changes_time, changes_solve_time=r.changes_solve_time,
    changes_status=str(r.changes_status), change_cost=r.change_cost,
    wall=r.wall_time, status=str(r.status), objective=r.objective,
    checker_ok=r.check.ok if r.check is not None else None,
    checker=r.check.total_cost if r.check is not None else None,
    rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, load=os.getloadavg()[0])))
'''
CHANGES = ROOT / "benchmarks" / "instances" / "real" / "changes"
QUARTERS = {"Q1": ("kz-2027-h1-changes-q1.json", "2027-01-20"),
            "Q2": ("kz-2027-h1-changes-q2.json", "2027-03-20")}
APPROVED = CHANGES / "kz-2027-h1-approved.json"


def replan_run(quarter: str, seed: int) -> dict:
    file, as_of = QUARTERS[quarter]
    out = subprocess.run([sys.executable, "-c", REPLAN, str(ROOT / INSTANCES["kz-2027-h1"]),
                          str(APPROVED), str(CHANGES / file), as_of, str(seed)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def commands(folder: Path) -> dict[str, list[str]]:
    """The whole commands timed side by side (each writes into its own new folder)."""
    cli = [sys.executable, "-m", "scheduler"]
    real, q2 = str(ROOT / INSTANCES["kz-2027-h1"]), QUARTERS["Q2"]
    return {
        "check": [*cli, "check", real, str(APPROVED)],
        "plan --no-report": [*cli, "plan", real, "--out", str(folder / "plan"), "--no-report"],
        "replan --no-report": [*cli, "replan", real, str(APPROVED), str(CHANGES / q2[0]),
                               "--as-of", q2[1], "--out", str(folder / "replan"),
                               "--no-report"],
    }


def process_run(name: str) -> dict:
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as folder:
        argv = commands(Path(folder))[name]
        started = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return dict(command=name, wall=wall, load=os.getloadavg()[0])


def run(tree: Path, instance: str, seed: int, limit: float) -> dict:
    out = subprocess.run([sys.executable, "-c", RUN, str(ROOT / INSTANCES[instance]), str(seed),
                          str(limit)], cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--national-runs", type=int, default=0)
    parser.add_argument("--replan-runs", type=int, default=0)
    parser.add_argument("--process-runs", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--before", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench" / "issue16.md")
    parser.add_argument("--raw", type=Path, default=None, help="append the JSON lines here")
    parser.add_argument("--notes", type=Path, default=None,
                        help="a Markdown file appended to the report (how it was made, what "
                             "changed)")
    parser.add_argument("--from-raw", type=Path, default=None,
                        help="make the report from these JSON lines instead of running")
    args = parser.parse_args()
    if args.from_raw:  # the report again, from recorded runs
        rows = [json.loads(line) for line in args.from_raw.read_text().splitlines() if line]
        write(rows, args)
        return
    trees = [("after", ROOT)] + ([("before", args.before)] if args.before else [])
    rows = []
    for instance, runs in (("kz-2027-h1", args.runs), ("national-all-levels", args.national_runs)):
        for seed in range(runs):
            for label, tree in trees:
                row = dict(tree=label, instance=instance, seed=seed,
                           **run(tree, instance, seed, args.time_limit))
                rows.append(row)
                print(json.dumps(row), flush=True)
                if args.raw:
                    with args.raw.open("a") as raw:
                        raw.write(json.dumps(row) + "\n")
    def keep(row: dict) -> None:
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.raw:
            with args.raw.open("a") as raw:
                raw.write(json.dumps(row) + "\n")

    for seed in range(args.replan_runs):
        for quarter in QUARTERS:
            keep(dict(tree="after", instance=f"replan {quarter}", seed=seed,
                      **replan_run(quarter, seed)))
    for _ in range(args.process_runs):
        for name in ("check", "plan --no-report", "replan --no-report"):
            keep(dict(tree="after", instance="process", **process_run(name)))
    write(rows, args)


def write(rows: list[dict], args) -> None:
    text = report(rows, args)
    if args.notes:
        text += "\n" + args.notes.read_text(encoding="utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(rows: list[dict], args) -> str:
    lines = [f"# Issue 16 timings ({dt.date.today()})", "",
             f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
             f"2 CP-SAT workers, time limit {args.time_limit:g} s, seeds 0..; each run a fresh "
             "process; model building included in the solve time.", "",
             "| instance | tree | runs | status | objective (bound) | solve s median (min-max) "
             "| first feasible s | build s | peak MiB | load avg |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for instance in INSTANCES:
        for label in ("before", "after"):
            got = [r for r in rows if r["instance"] == instance and r["tree"] == label]
            if not got:
                continue
            walls = [r["wall"] for r in got]
            statuses = ", ".join(sorted({r["status"] for r in got}))
            objs = sorted({r["objective"] for r in got if r["objective"] is not None})
            bounds = sorted({r["bound"] for r in got if r["bound"] is not None})
            lines.append(
                f"| {instance} | {label} | {len(got)} | {statuses} | "
                f"{'/'.join(f'{o:g}' for o in objs)} ({'/'.join(f'{b:g}' for b in bounds)}) | "
                f"{med(walls):.2f} ({min(walls):.2f}-{max(walls):.2f}) | "
                f"{_f(med([r['first'] for r in got]))} | {_f(med([r['build'] for r in got]))} | "
                f"{med([r['rss_mib'] for r in got]):.0f} | "
                f"{min(r['load'] for r in got):.1f}-{max(r['load'] for r in got):.1f} |")
    replans = [r for r in rows if r["instance"].startswith("replan")]
    if replans:
        lines += ["", "Re-plans of the approved kz-2027-h1 calendar (fresh process each): the "
                  "fewest changes' solve once its model is built, and the time to the fewest "
                  "changes with the building:", "",
                  "| change set | runs | fewest changes (status) | solve s median (min-max) "
                  "| with building s median (min-max) | whole re-plan s | checker | load avg |",
                  "|---|---|---|---|---|---|---|---|"]
        for quarter in QUARTERS:
            got = [r for r in replans if r["instance"] == f"replan {quarter}"]
            times = [r["changes_time"] for r in got]
            solves = [r.get("changes_solve_time") for r in got]
            solved = [t for t in solves if t is not None]
            costs = "/".join(sorted({f"{r['change_cost']:g}" for r in got}))
            lines.append(
                f"| {quarter} | {len(got)} | {costs} "
                f"({', '.join(sorted({r['changes_status'] for r in got}))}) | "
                + (f"{med(solved):.2f} ({min(solved):.2f}-{max(solved):.2f}) | " if solved
                   else "- | ") +
                f"{med(times):.2f} ({min(times):.2f}-{max(times):.2f}) | "
                f"{med([r['wall'] for r in got]):.2f} | "
                f"{'ok' if all(r['checker_ok'] for r in got) else 'FAILED'} | "
                f"{min(r['load'] for r in got):.1f}-{max(r['load'] for r in got):.1f} |")
    processes = [r for r in rows if r["instance"] == "process"]
    if processes:
        lines += ["", "Whole commands, alternating (check, plan, replan), each a fresh process "
                  "(`python -m scheduler ...`):", "",
                  "| command | runs | wall s median (min-max) | ratio to check | load avg |",
                  "|---|---|---|---|---|"]
        check_wall = med([r["wall"] for r in processes if r["command"] == "check"])
        for name in ("check", "plan --no-report", "replan --no-report"):
            got = [r for r in processes if r["command"] == name]
            walls = [r["wall"] for r in got]
            lines.append(f"| `{name}` | {len(got)} | {med(walls):.2f} ({min(walls):.2f}-"
                         f"{max(walls):.2f}) | {med(walls) / check_wall:.2f} | "
                         f"{min(r['load'] for r in got):.1f}-{max(r['load'] for r in got):.1f} |")
    lines += ["", "| target | measured median | ratio to target | met |", "|---|---|---|---|"]
    targets = [("kz-2027-h1 proven optimum, solve incl. building < 1 s", "kz-2027-h1", "wall", 1.0),
               ("national all-levels proven (or 0.1 %) < 10 s", "national-all-levels", "wall",
                10.0),
               ("national all-levels first feasible < 2 s", "national-all-levels", "first", 2.0),
               ("national all-levels peak memory < 1024 MiB", "national-all-levels", "rss_mib",
                1024.0)]
    for text, instance, key, target in targets:
        got = [r for r in rows if r["instance"] == instance and r["tree"] == "after"]
        if not got:
            lines.append(f"| {text} | not run | | |")
            continue
        value = med([r[key] for r in got])
        proven = all(r["status"] == "OPTIMAL" or (r["gap"] or 1) <= 0.001 for r in got)
        met = value is not None and value < target and (key != "wall" or proven)
        unproven = "" if proven or key != "wall" else " (not proven)"
        lines.append(f"| {text} | {_f(value)} | {_f(value / target if value else None)} | "
                     f"{'yes' if met else 'no'}{unproven} |")
    for quarter in QUARTERS:
        got = [r for r in replans if r["instance"] == f"replan {quarter}"]
        if got:
            proven = all(r["changes_status"] == "OPTIMAL" for r in got)
            value = med([r.get("changes_solve_time") for r in got])
            if value is not None:
                lines.append(f"| re-plan {quarter}: proven fewest changes, solve < 0.3 s | "
                             f"{_f(value)} | {_f(value / 0.3)} | "
                             f"{'yes' if value < 0.3 and proven else 'no'} |")
            value = med([r["changes_time"] for r in got])
            lines.append(f"| (re-plan {quarter}: the same with model building < 0.3 s) | "
                         f"{_f(value)} | {_f(value / 0.3)} | "
                         f"{'yes' if value < 0.3 and proven else 'no'} |")
    if processes:
        check_wall = med([r["wall"] for r in processes if r["command"] == "check"])
        for name in ("plan --no-report", "replan --no-report"):
            ratio = med([r["wall"] for r in processes if r["command"] == name]) / check_wall
            lines.append(f"| whole `{name}` within 2x `check` | {ratio:.2f}x | "
                         f"{_f(ratio / 2)} | {'yes' if ratio <= 2 else 'no'} |")
    return "\n".join(lines) + "\n"


def _f(value) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
