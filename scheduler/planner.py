"""``solve``: from an instance and a profile to a checked calendar."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from scheduler.checker import CheckReport, check
from scheduler.instance import Instance
from scheduler.model.cpmodel import CalendarModel, Plan, Progress, SolverParams, calendar_meta
from scheduler.model.relaxation import lp_start
from scheduler.profile import Profile
from scheduler.results import SolveResult, SolveStatus, relative_gap

__all__ = ["Result", "SolveStatus", "relative_gap", "solve"]


@dataclass(frozen=True, kw_only=True)
class Result(SolveResult):
    """A plan. ``calendar`` is None when no calendar was found."""

    build_time: float = 0.0
    cost_by_rule: dict[str, float] = field(default_factory=dict)
    check: CheckReport | None = None
    variables: int = 0
    constraints: int = 0


def solve(instance: Instance, profile: Profile, *, time_limit: float = 30.0, workers: int = 2,
          seed: int = 0, progress: Progress | None = None, log: bool = False,
          relaxation: bool = True) -> Result:
    """Plan the half-year calendar; the result's calendar has been through the checker.

    ``relaxation``: start from the LP relaxation (``scheduler.model.relaxation``): its
    calendar, when it costs the LP's bound, is the proven optimum and no search follows;
    otherwise the search starts from it. False: CP-SAT's search alone."""
    started = time.perf_counter()
    model = CalendarModel(instance, profile, Plan())
    built = time.perf_counter() - started
    params = SolverParams(time_limit=time_limit - built, workers=workers, seed=seed, log=log,
                          progress=progress)
    answer = None
    if relaxation:
        answer = lp_start(model, params)
    if answer is None or answer.status is not SolveStatus.OPTIMAL:
        first = answer
        answer = model.solve(replace(params, time_limit=time_limit - (
            time.perf_counter() - started)))
        if first is not None and not answer.status.found:  # out of time: the LP's calendar
            answer = first
    wall = time.perf_counter() - started
    if not answer.status.found:
        size = model.size
        return Result(status=answer.status, wall_time=wall, build_time=built,
                      variables=size["variables"], constraints=size["constraints"])
    calendar = model.calendar(answer, calendar_meta(instance, profile, answer, wall,
                                                    costs=answer.cost_by_rule))
    return Result(status=answer.status, objective=answer.objective, bound=answer.bound,
                  wall_time=wall, build_time=built, calendar=calendar,
                  cost_by_rule=answer.cost_by_rule, check=check(instance, profile, calendar),
                  **model.size)
