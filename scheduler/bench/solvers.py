"""The solvers compared: each takes (instance, profile, time_limit, seed) and returns an
``Outcome`` whose calendar (or None) the runner hands to the checker."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from dataclasses import replace
from typing import Callable

from scheduler.bench.greedy import greedy
from scheduler.bench.highs import highs
from scheduler.bench.outcome import Outcome
from scheduler.instance import Instance
from scheduler.planner import solve
from scheduler.profile import Profile
from scheduler.results import SolveStatus

Solver = Callable[[Instance, Profile, float, int], Outcome]


def cpsat(workers: int) -> Solver:
    def run(instance: Instance, profile: Profile, time_limit: float, seed: int) -> Outcome:
        started = time.perf_counter()
        trace: list[tuple[float, float | None, float | None]] = []

        def progress(_seconds: float, objective: float | None, bound: float | None) -> None:
            trace.append((time.perf_counter() - started, objective, bound))

        result = solve(instance, profile, time_limit=time_limit, workers=workers, seed=seed,
                       progress=progress)
        return Outcome(status=result.status, calendar=result.calendar,
                       objective=result.objective, bound=result.bound,
                       wall_time=result.wall_time, build_time=result.build_time, trace=trace,
                       note=f"{result.variables} variables, {result.constraints} constraints")
    return run


def timefold(instance: Instance, profile: Profile, time_limit: float, seed: int) -> Outcome:
    """Timefold needs its Python package (``pip install .[peers]``) and a JDK 17+; the model
    is ``scheduler/bench/timefold_solver.py``. Importing it starts the JVM and compiles the
    domain classes: that time counts as model building."""
    if importlib.util.find_spec("timefold") is None:
        return Outcome(status=SolveStatus.SKIPPED,
                       note="timefold not installed (pip install '.[peers]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return Outcome(status=SolveStatus.SKIPPED, note="no JVM found (Timefold needs a JDK 17+)")
    started = time.perf_counter()
    try:
        from scheduler.bench.timefold_solver import solve_timefold
    except Exception as exc:  # JPype cannot start the JVM, or the beta API changed
        return Outcome(status=SolveStatus.SKIPPED,
                       note=f"Timefold unusable here: {type(exc).__name__}: {exc}"[:300])
    loading = time.perf_counter() - started
    outcome = solve_timefold(instance, profile, time_limit, seed)
    return replace(outcome, build_time=outcome.build_time + loading,
                   trace=[(t + loading, o, b) for t, o, b in outcome.trace])


SOLVERS: dict[str, Solver] = {
    "cpsat-1w": cpsat(1),
    "cpsat-2w": cpsat(2),
    "greedy": lambda inst, prof, limit, seed: greedy(inst, prof, limit, seed),
    "highs": highs,
    "timefold": timefold,
}
SEEDED = {"cpsat-1w", "cpsat-2w", "highs", "timefold"}  # deterministic solvers run once (seed 0)
