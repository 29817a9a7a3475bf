"""Planner of ministers' and akims' meetings with the population of Kazakhstan.

Data in, one solve function, a result out::

    from scheduler import load_instance, load_profile, solve, check
    result = solve(load_instance("instances/kz-2027-h1.json"), load_profile("kz-2024"))
"""

from scheduler.io import InputError, load_calendar, load_instance, load_profile
from scheduler.planner import Result, solve
from scheduler.checker import check

__all__ = ["InputError", "Result", "check", "load_calendar", "load_instance", "load_profile", "solve"]
