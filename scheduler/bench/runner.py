"""``scheduler bench``: run every solver on every instance of the chosen families, each
run in a fresh worker process, score each calendar with the checker, append a row to
``results.csv`` (a run already there is skipped: the runner resumes), then write the
report.

A run's peak memory is the worker process's ``ru_maxrss`` (the interpreter and OR-Tools
included, about 150 MiB of it); its times count model building. The re-plan benchmark
(family ``replan``) re-plans the approved kz-2027-h1 calendar with each quarterly change
set of ``benchmarks/instances/real/changes/`` and times the fewest-changes stage.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing
import resource
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from scheduler.io import write_atomic

ROOT = Path(__file__).resolve().parents[2]
INSTANCES = ROOT / "benchmarks" / "instances"
FAMILIES = ("real", "replan", "national", "region-all-levels", "national-all-levels", "scale")
COLUMNS = ("family", "instance", "officials", "solver", "seed", "time_limit", "status",
           "objective", "bound", "gap", "time_to_first", "time_to_best", "wall_time", "build_time",
           "peak_mib",
           "checked", "hard_violations", "checker_cost", "note")


@dataclass(frozen=True)
class Task:
    family: str
    instance: str  # path
    solver: str
    seed: int
    time_limit: float
    trace_dir: str
    change_set: str = ""  # replan: the change set's path
    as_of: str = ""

    @property
    def name(self) -> str:
        stem = Path(self.instance).stem + (f"+{Path(self.change_set).stem.rsplit('-', 1)[-1]}"
                                           if self.change_set else "")
        return stem

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.name, self.solver, str(self.seed))


def tasks(families: list[str], solvers: list[str], seeds: int, time_limit: float,
          out: Path, root: Path = INSTANCES, instances: list[str] | None = None) -> list[Task]:
    """Every run to make. ``instances``: glob patterns on instance names (file stems); a
    family with an instance matching one runs only those, the others run whole."""
    from fnmatch import fnmatch

    from scheduler.bench.solvers import SEEDED

    found = []
    for family in families:
        if family == "replan":
            spec = json.loads((root / "real" / "changes" / "replan.json").read_text("utf-8"))
            for cs in spec["change_sets"]:
                for seed in range(seeds):
                    found.append(Task(family, str(root / "real" / "kz-2027-h1.json"), "cpsat-2w",
                                      seed, time_limit, str(out / "traces"),
                                      str(root / "real" / "changes" / cs["file"]), cs["as_of"]))
            continue
        paths = sorted((root / family).glob("*.json"))
        chosen = [p for p in paths if any(fnmatch(p.stem, pattern) for pattern in instances or ())]
        for path in chosen or paths:
            for solver in solvers:
                for seed in range(seeds if solver in SEEDED else 1):
                    found.append(Task(family, str(path), solver, seed, time_limit,
                                      str(out / "traces")))
    return found


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) != float("inf") else ""
    return str(value)


def run_task(task: Task) -> dict:
    """One run in this (fresh) process: solve, check, measure. Never raises."""
    from scheduler.checker import check
    from scheduler.io import load_instance, load_profile

    started = time.perf_counter()
    row = {"family": task.family, "instance": task.name, "solver": task.solver,
           "seed": task.seed, "time_limit": task.time_limit, "checked": "no calendar"}
    try:
        instance = load_instance(task.instance)
        profile = load_profile("kz-2024")
        row["officials"] = len(instance.heads())
        if task.change_set:
            outcome, instance = _replan(task, instance, profile)
        else:
            from scheduler.bench.solvers import SOLVERS
            outcome = SOLVERS[task.solver](instance, profile, task.time_limit, task.seed)
        wall = time.perf_counter() - started
        found = [t for t, objective, _ in outcome.trace if objective is not None]
        best = _time_to_best(outcome.trace)
        row.update(status=outcome.status, objective=outcome.objective, bound=outcome.bound,
                   build_time=outcome.build_time, wall_time=wall, note=outcome.note,
                   time_to_first=found[0] if found else (wall if outcome.calendar else None),
                   time_to_best=best if best is not None else (wall if outcome.calendar else None))
        if outcome.objective is not None and outcome.bound is not None:
            row["gap"] = abs(outcome.objective - outcome.bound) / max(1.0, abs(outcome.objective))
        if outcome.calendar is not None:
            report = check(instance, profile, outcome.calendar)
            row.update(checked="yes", hard_violations=len(report.violations),
                       checker_cost=report.total_cost)
        Path(task.trace_dir).mkdir(parents=True, exist_ok=True)
        (Path(task.trace_dir) / f"{task.name}__{task.solver}__{task.seed}.json").write_text(
            json.dumps([[round(t, 3), o, b] for t, o, b in outcome.trace]))
    except Exception as exc:  # a crash is a result too
        row.update(status="ERROR", wall_time=time.perf_counter() - started,
                   note=f"{type(exc).__name__}: {exc}"[:300])
        traceback.print_exc()
    row["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {col: _fmt(row.get(col)) for col in COLUMNS}


def _time_to_best(trace) -> float | None:
    best, when = None, None
    for t, objective, _ in trace:
        if objective is not None and (best is None or objective < best):
            best, when = objective, t
    return when


def _replan(task: Task, instance, profile):
    """Re-plan the approved calendar with a change set; the fewest-changes stage is timed."""
    from scheduler.bench.outcome import Outcome
    from scheduler.io import load_calendar, load_changes
    from scheduler.replan import replan

    approved = load_calendar(Path(task.change_set).with_name("kz-2027-h1-approved.json"))
    changes = load_changes(task.change_set)
    result = replan(instance, profile, approved, changes, dt.date.fromisoformat(task.as_of),
                    time_limit=task.time_limit, workers=2, seed=task.seed)
    note = (f"fewest changes {result.changes_status} {result.change_cost} in "
            f"{result.changes_time:.2f} s; {len(result.accepted)} requests accepted, "
            f"{len(result.refused)} refused" if result.changes_time is not None else "")
    trace = [(result.changes_time, result.change_cost, result.change_bound)] \
        if result.changes_time else []
    return Outcome(status=result.changes_status, calendar=result.calendar,
                   objective=result.change_cost, bound=result.change_bound,
                   wall_time=result.wall_time, trace=trace, note=note), result.instance


def done_keys(results: Path) -> set[tuple[str, str, str]]:
    """The runs already in results.csv; rows of runs that crashed are dropped, to retry."""
    if not results.exists():
        return set()
    with results.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    kept = [r for r in rows if r["status"] != "ERROR"]
    if len(kept) < len(rows):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(kept)
        write_atomic(results, buffer.getvalue())
    return {(r["instance"], r["solver"], r["seed"]) for r in kept}


def run(families: list[str], solvers: list[str], seeds: int, time_limit: float, jobs: int,
        out: Path, root: Path = INSTANCES, log=print, lang: str = "en",
        instances: list[str] | None = None) -> Path:
    """Run what is not yet in ``out/results.csv``, then write ``out/README.md``; the
    progress lines and the report are in ``lang`` (ru, kk or en). ``instances``: see
    ``tasks``."""
    from scheduler.bench.report import _t, status_text, write_report

    out.mkdir(parents=True, exist_ok=True)
    results = out / "results.csv"
    done = done_keys(results)
    todo = [t for t in tasks(families, solvers, seeds, time_limit, out, root, instances)
            if t.key not in done]
    log(_t("todo", lang, todo=len(todo), done=len(done), results=results))
    if todo:
        fresh = not results.exists()
        with results.open("a", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            if fresh:
                writer.writeheader()
            context = multiprocessing.get_context("spawn")  # one fresh process per run
            with ProcessPoolExecutor(jobs, mp_context=context, max_tasks_per_child=1) as pool:
                futures = {pool.submit(run_task, t): t for t in todo}
                for future in as_completed(futures):
                    row = future.result()
                    writer.writerow(row)
                    f.flush()
                    log(_t("row", lang, instance=row["instance"], solver=row["solver"],
                           seed=row["seed"], status=status_text(row["status"], lang),
                           cost=row["checker_cost"] or "-",
                           violations=row["hard_violations"] or "-",
                           wall=float(row["wall_time"] or 0), peak=float(row["peak_mib"])))
    readme = write_report(out, time_limit, lang=lang)
    log(_t("written", lang, path=readme))
    return results
