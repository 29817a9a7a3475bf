"""The CP-SAT planner: variables, one constraint group per hard rule, one cost per soft rule."""

from scheduler.model.cpmodel import CalendarModel

__all__ = ["CalendarModel"]
