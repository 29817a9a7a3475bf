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

from scheduler.instance import BodyKind, Instance
from scheduler.profile import Profile, milestone_date


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


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def announce_date(day: dt.date, profile: Profile) -> dt.date:
    """TIME-LEAD: the day a planned meeting on ``day`` is published (lead_months calendar
    months, then lead_days days, before it); the meeting day itself with the rule off."""
    if not profile.on("TIME-LEAD"):
        return day
    rule = profile.get("TIME-LEAD")
    return _months_back(day, rule.lead_months) - dt.timedelta(days=rule.lead_days)


def lead_end(day: dt.date, profile: Profile) -> dt.date:
    """TIME-LEAD: the first date whose announcement falls on or after ``day`` (meetings
    before it are inside the lead window of a calendar published on ``day``)."""
    if not profile.on("TIME-LEAD"):
        return day
    rule = profile.get("TIME-LEAD")
    guess = day + dt.timedelta(days=31 * rule.lead_months + rule.lead_days)
    while announce_date(guess - dt.timedelta(days=1), profile) >= day:
        guess -= dt.timedelta(days=1)
    while announce_date(guess, profile) < day:
        guess += dt.timedelta(days=1)
    return guess


def published_date(instance: Instance, profile: Profile, akims: bool = False) -> dt.date:
    """TIME-LEAD: the day the calendar is approved and published: the later of the
    instance's approval date and the date of the milestone the lead counts from
    (``counted_from``; ``akims_counted_from`` for akims' meetings)."""
    rule = profile.get("TIME-LEAD")
    name = rule.akims_counted_from if akims else rule.counted_from
    day = instance.approval_date
    if name and profile.on(name):
        hz = instance.horizon
        step = milestone_date(profile.get(name), hz.year, hz.half, yearly=True)
        if step is not None:
            day = max(day, step)
    return day


def earliest_planned_date(instance: Instance, profile: Profile, akims: bool = False) -> dt.date:
    """TIME-LEAD: no planned meeting announced before its calendar is published."""
    if not profile.on("TIME-LEAD"):
        return dt.date.min
    return lead_end(published_date(instance, profile, akims), profile)


def lead_group(instance: Instance, body_id: str) -> bool:
    """Whether TIME-LEAD counts this body's meetings from the akims' calendar."""
    return instance.body(body_id).kind is BodyKind.akimat
