"""What one solver run hands back to the runner, and how a list of chosen candidates
becomes a calendar in the planner's own format."""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.instance import Instance
from scheduler.profile import Profile
from scheduler.results import SolveResult

__all__ = ["Outcome", "calendar_of", "meta"]

from scheduler.model.cpmodel import calendar_of  # noqa: E402  (any solver's chosen candidates)


@dataclass(frozen=True, kw_only=True)
class Outcome(SolveResult):
    """A benchmark run: ``status`` may also be HEURISTIC, SKIPPED or ERROR; ``objective``
    is the solver's own number (the checker's is the judge)."""

    build_time: float = 0.0
    trace: list[tuple[float, float | None, float | None]] = field(default_factory=list)
    note: str = ""  # (seconds since start, objective, bound) per improvement


def meta(instance: Instance, profile: Profile, status: str, **more) -> dict:
    return dict(instance=instance.name, profile=profile.id, horizon=instance.horizon.label(),
                approval_date=instance.approval_date, status=status, **more)
