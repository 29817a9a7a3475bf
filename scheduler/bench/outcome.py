"""What one solver run hands back to the runner, and how a list of chosen candidates
becomes a calendar in the planner's own format."""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.model.cpmodel import calendar_of as model_calendar_of
from scheduler.model.variables import Candidate
from scheduler.profile import Profile


@dataclass
class Outcome:
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, HEURISTIC, SKIPPED, ERROR
    calendar: Calendar | None = None
    objective: float | None = None  # the solver's own number (the checker's is the judge)
    bound: float | None = None
    build_time: float = 0.0
    trace: list[tuple[float, float | None, float | None]] = field(default_factory=list)
    note: str = ""  # (seconds since start, objective, bound) per improvement


def calendar_of(instance: Instance, profile: Profile, chosen: list[Candidate], meta: dict) -> Calendar:
    """The calendar of chosen candidates, written exactly as the planner writes it
    (``CalendarModel.calendar``) but without building the model."""
    return model_calendar_of(instance, profile, chosen, meta)


def meta(instance: Instance, profile: Profile, status: str, **more) -> dict:
    return dict(instance=instance.name, profile=profile.id, horizon=instance.horizon.label(),
                approval_date=instance.approval_date, status=status, **more)
