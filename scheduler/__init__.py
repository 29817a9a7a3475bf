"""Planner of ministers' and akims' meetings with the population of Kazakhstan.

Data in, one solve function, a result out::

    from scheduler import load_instance, load_profile, solve, check
    result = solve(load_instance("instances/kz-2027-h1.json"), load_profile("kz-2024"))

The names are imported on first use (PEP 562), so ``import scheduler.cli`` does not pay
for OR-Tools, pandas and numpy until a command solves something.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scheduler.checker import check
    from scheduler.io import InputError, load_calendar, load_instance, load_profile
    from scheduler.planner import Result, solve
    from scheduler.results import SolveStatus

_HOMES = {"InputError": "scheduler.io", "load_calendar": "scheduler.io",
          "load_instance": "scheduler.io", "load_profile": "scheduler.io",
          "Result": "scheduler.planner", "solve": "scheduler.planner",
          "SolveStatus": "scheduler.results",
          "check": "scheduler.checker"}

__all__ = ["InputError", "Result", "SolveStatus", "check", "load_calendar", "load_instance",
           "load_profile", "solve"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scheduler' has no attribute '{name}'")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
