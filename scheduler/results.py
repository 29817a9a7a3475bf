"""What a solve hands back: one status enum and one family of results, shared by the
command line, the web workspace and the benchmark runner.

``SolveStatus`` is a string enum: it is written and stored as its name ("OPTIMAL") and
compared as an enum (``result.status is SolveStatus.INFEASIBLE``). ``SolveResult`` is the
base of the family: the plan's ``scheduler.planner.Result``, the re-plan's
``scheduler.replan.ReplanResult``, the benchmark's ``scheduler.bench.outcome.Outcome``
and the explanation's ``scheduler.explain.Explanation``; the model's own answer is
``scheduler.model.cpmodel.ModelResult``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from scheduler.meetings import Calendar

if TYPE_CHECKING:
    from ortools.sat.python.cp_model import CpSolverStatus


class SolveStatus(StrEnum):
    OPTIMAL = "OPTIMAL"  # the best calendar, proven
    FEASIBLE = "FEASIBLE"  # a calendar, not proven best
    INFEASIBLE = "INFEASIBLE"  # no calendar obeys the hard rules (proven)
    UNKNOWN = "UNKNOWN"  # no calendar found in the time limit, none proven impossible
    MODEL_INVALID = "MODEL_INVALID"
    HEURISTIC = "HEURISTIC"  # a calendar from a heuristic (benchmarks: greedy)
    SKIPPED = "SKIPPED"  # a benchmark solver that cannot run here
    ERROR = "ERROR"  # a benchmark run that crashed

    @property
    def found(self) -> bool:
        """A calendar came out of the solve."""
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE, SolveStatus.HEURISTIC)

    @classmethod
    def of_cp_sat(cls, code: CpSolverStatus) -> SolveStatus:
        from ortools.sat.python import cp_model  # here, not at import: the CLI's start

        return {cp_model.OPTIMAL: SolveStatus.OPTIMAL, cp_model.FEASIBLE: SolveStatus.FEASIBLE,
                cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
                cp_model.MODEL_INVALID: SolveStatus.MODEL_INVALID,
                cp_model.UNKNOWN: SolveStatus.UNKNOWN}[code]


def relative_gap(objective: float, bound: float) -> float:
    return abs(objective - bound) / max(1.0, abs(objective))


@dataclass(frozen=True, kw_only=True)
class SolveResult:
    """The base of every result: the status, the solver's figures, the calendar if any."""

    status: SolveStatus
    objective: float | None = None
    bound: float | None = None
    wall_time: float = 0.0  # seconds, model building included
    calendar: Calendar | None = None

    @property
    def feasible(self) -> bool:
        return self.calendar is not None

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        return relative_gap(self.objective, self.bound)
