"""The slot: a date and a time range in which a meeting may start and end; days off.

The grid of slots is TIME-OFFHOURS's (``scheduler/rules/time_offhours.py``) over
TIME-HORIZON's days; the public holidays of Kazakhstan (with their moved days off, from
the ``holidays`` package) and the instance's extra days off are here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from scheduler.instance import Instance, quarter_of
from scheduler.kz_holidays import kz_holidays


class Slot(NamedTuple):
    """A date and a time range (a named tuple: ordered, made and hashed in C)."""

    date: dt.date
    start: dt.time
    end: dt.time

    @property
    def quarter(self) -> int:
        return quarter_of(self.date)

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
    return kz_holidays(year)


def days_off(instance: Instance) -> dict[dt.date, str]:
    """Public holidays of the horizon's year plus the instance's extra days off."""
    off = dict(public_holidays(instance.horizon.year))
    off.update({day: "extra day off" for day in instance.extra_days_off})
    return off


def is_weekend(day: dt.date, instance: Instance) -> bool:
    return day.weekday() >= 5 and day not in instance.extra_working_days


def times_of(ranges: tuple[str, ...]) -> list[tuple[dt.time, dt.time]]:
    """Time ranges written "10:00-12:00" as (start, end)."""
    out = []
    for r in ranges:
        start, end = (dt.time.fromisoformat(t) for t in r.split("-"))
        out.append((start, end))
    return out
