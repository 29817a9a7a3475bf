"""The slot grid of a horizon (TIME-HORIZON, TIME-OFFHOURS, TIME-LEAD).

A slot is a date and a time range in which a meeting may start and end. The grid has the
weekend slots on Saturdays and Sundays and the evening slots on working days, minus the
public holidays of Kazakhstan (with their moved days off, from the ``holidays`` package)
and the extra days off the instance gives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from scheduler.instance import Instance
from scheduler.profile import Profile


@dataclass(frozen=True, order=True, slots=True)
class Slot:
    date: dt.date
    start: dt.time
    end: dt.time

    @property
    def quarter(self) -> int:
        return (self.date.month - 1) // 3 + 1

    @property
    def begins(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start)

    @property
    def ends(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.end)

    @property
    def minutes(self) -> int:
        return int((self.ends - self.begins).total_seconds() // 60)


@lru_cache(maxsize=16)
def public_holidays(year: int) -> dict[dt.date, str]:
    """Kazakhstan's public holidays and moved days off of a year (names in English)."""
    return dict(holidays.country_holidays("KZ", years=year, language="en_US"))


def days_off(instance: Instance) -> dict[dt.date, str]:
    """Public holidays of the horizon's year plus the instance's extra days off."""
    off = dict(public_holidays(instance.horizon.year))
    off.update({day: "extra day off" for day in instance.extra_days_off})
    return off


def is_weekend(day: dt.date, instance: Instance) -> bool:
    return day.weekday() >= 5 and day not in instance.extra_working_days


def _times(ranges: tuple[str, ...]) -> list[tuple[dt.time, dt.time]]:
    return [tuple(dt.time.fromisoformat(t) for t in r.split("-")) for r in ranges]


def candidate_days(instance: Instance, profile: Profile) -> list[dt.date]:
    """TIME-HORIZON: the half-year's days (the whole year when the rule is off)."""
    hz = instance.horizon
    first, last = (hz.start, hz.end) if profile.on("TIME-HORIZON") else (
        dt.date(hz.year, 1, 1), dt.date(hz.year, 12, 31))
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def slot_grid(instance: Instance, profile: Profile) -> list[Slot]:
    """TIME-OFFHOURS: every usable slot of the horizon, in time order."""
    rule = profile.get("TIME-OFFHOURS")
    weekend, workday = _times(rule.weekend_slots), _times(rule.workday_slots)
    skip = {} if (rule.use_public_holidays or not profile.on("TIME-OFFHOURS")) else days_off(instance)
    slots = []
    for day in candidate_days(instance, profile):
        if day in skip:
            continue
        for start, end in weekend if is_weekend(day, instance) else workday:
            slots.append(Slot(day, start, end))
    return slots


def earliest_planned_date(instance: Instance, profile: Profile) -> dt.date:
    """TIME-LEAD: no planned meeting before approval + lead days."""
    if not profile.on("TIME-LEAD"):
        return dt.date.min
    return instance.approval_date + dt.timedelta(days=profile.get("TIME-LEAD").lead_days)
