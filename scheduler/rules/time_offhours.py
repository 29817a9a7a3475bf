"""TIME-OFFHOURS: meetings in the weekend slots and the working-day evening slots, never on
a day off (public holidays and the instance's extra days off, unless
``use_public_holidays``).

Grid filter: the slot grid. Explanation guard: a day off is kept in the explanation grid,
its meetings guarded by ``(ID, day)``.
"""

from __future__ import annotations

import datetime as dt

from scheduler.instance import Instance
from scheduler.profile import Profile, TimeOffhours
from scheduler.rules.text import day_text
from scheduler.rules.time_horizon import candidate_days
from scheduler.slots import Slot, days_off, is_weekend, times_of

PARAMS = TimeOffhours
ID = PARAMS.rule_id


def slot_grid(instance: Instance, profile: Profile) -> list[Slot]:
    """Every usable slot of the horizon, in time order."""
    rule = profile.get(PARAMS)
    weekend, workday = times_of(rule.weekend_slots), times_of(rule.workday_slots)
    skip = {} if (rule.use_public_holidays or not profile.on(PARAMS)) else days_off(instance)
    slots = []
    for day in candidate_days(instance, profile):
        if day in skip:
            continue
        for start, end in weekend if is_weekend(day, instance) else workday:
            slots.append(Slot(day, start, end))
    return slots


def explanation_grid(instance: Instance, profile: Profile) -> tuple[list[Slot], dict[dt.date, str]]:
    """The grid with the days off kept in, and those days off (each to be guarded)."""
    if profile.on(PARAMS) and not profile.get(PARAMS).use_public_holidays:
        return (slot_grid(instance, profile.with_params(PARAMS, use_public_holidays=True)),
                days_off(instance))
    return slot_grid(instance, profile), {}


def guard(day: dt.date) -> tuple:
    return (ID, day)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    (day,) = key[1:]
    name = days_off(instance).get(day, "a day off")
    return (f"{day_text(day)} is a day off ({name}): no meeting that day",
            f"allow meetings on {day} (TIME-OFFHOURS use_public_holidays, or a working day)")
