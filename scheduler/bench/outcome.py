"""What one solver run hands back to the runner, and the metadata of its calendar (the
calendar itself is made by ``scheduler.model.cpmodel.calendar_of`` from any solver's chosen
candidates)."""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.instance import Instance
from scheduler.profile import Profile
from scheduler.results import SolveResult

__all__ = ["Outcome", "meta"]


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
