"""``solve``: from an instance and a profile to a checked calendar."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from scheduler.checker import CheckReport, check
from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.model.cpmodel import STATUS, CalendarModel, Progress
from scheduler.profile import Profile


@dataclass(frozen=True)
class Result:
    """What a solve produced. ``calendar`` is None when no calendar was found."""

    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, MODEL_INVALID
    objective: float | None
    bound: float | None
    gap: float | None
    wall_time: float  # seconds, model building included
    build_time: float
    calendar: Calendar | None
    cost_by_rule: dict[str, float] = field(default_factory=dict)
    check: CheckReport | None = None
    variables: int = 0
    constraints: int = 0

    @property
    def feasible(self) -> bool:
        return self.calendar is not None


def relative_gap(objective: float, bound: float) -> float:
    return abs(objective - bound) / max(1.0, abs(objective))


def solve(instance: Instance, profile: Profile, *, time_limit: float = 30.0, workers: int = 2,
          seed: int = 0, progress: Progress | None = None, log: bool = False) -> Result:
    """Plan the half-year calendar; the result's calendar has been through the checker."""
    started = time.perf_counter()
    model = CalendarModel(instance, profile)
    built = time.perf_counter() - started
    solver, status = model.solve(max(0.01, time_limit - built), workers, seed, progress, log)
    wall = time.perf_counter() - started
    proto = model.model.proto
    size = dict(variables=len(proto.variables), constraints=len(proto.constraints))
    name = STATUS[status]
    if name not in ("OPTIMAL", "FEASIBLE"):
        return Result(name, None, None, None, wall, built, None, **size)
    objective, bound = solver.objective_value, solver.best_objective_bound
    costs = model.cost_values(solver)
    gap = relative_gap(objective, bound)
    calendar = model.calendar(solver.boolean_value, dict(
        instance=instance.name, profile=profile.id, horizon=instance.horizon.label(),
        approval_date=instance.approval_date, status=name, objective=objective, bound=bound,
        gap=gap, wall_time_s=round(wall, 3), cost_by_rule=costs,
        created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0)))
    report = check(instance, profile, calendar)
    return Result(name, objective, bound, gap, wall, built, calendar, costs, report, **size)
