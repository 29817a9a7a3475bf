"""TIME-LEAD: a planned meeting is published ``lead_months`` calendar months plus
``lead_days`` days before it, counted from the day its calendar is approved and published
(the milestone ``counted_from``; ``akims_counted_from`` for akims' meetings).

Grid filter: no planned meeting before the earliest date so published. Explanation guard:
those meetings are kept in the explanation grid, guarded by ``(ID,)``.
"""

from __future__ import annotations

import datetime as dt

from scheduler.instance import Instance
from scheduler.profile import Milestone, Profile, TimeLead, milestone_date
from scheduler.rules.text import day_text

PARAMS = TimeLead
ID = PARAMS.rule_id
GUARD = (ID,)


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def announce_date(day: dt.date, profile: Profile) -> dt.date:
    """The day a planned meeting on ``day`` is published (lead_months calendar months,
    then lead_days days, before it); the meeting day itself with the rule off."""
    return months_back(day, profile.lead_months) - dt.timedelta(days=profile.lead_days)


def lead_end(day: dt.date, profile: Profile) -> dt.date:
    """The first date whose announcement falls on or after ``day`` (meetings before it are
    inside the lead window of a calendar published on ``day``)."""
    if not profile.on(PARAMS):
        return day
    guess = day + dt.timedelta(days=31 * profile.lead_months + profile.lead_days)
    while announce_date(guess - dt.timedelta(days=1), profile) >= day:
        guess -= dt.timedelta(days=1)
    while announce_date(guess, profile) < day:
        guess += dt.timedelta(days=1)
    return guess


def published_date(instance: Instance, profile: Profile, akims: bool = False) -> dt.date:
    """The day the calendar is approved and published: the later of the instance's
    approval date and the date of the milestone the lead counts from (``counted_from``;
    ``akims_counted_from`` for akims' meetings)."""
    rule = profile.get(PARAMS)
    name = rule.akims_counted_from if akims else rule.counted_from
    day = instance.approval_date
    if name and profile.on(name):
        hz = instance.horizon
        milestone = profile.get(name)
        assert isinstance(milestone, Milestone)
        step = milestone_date(milestone, hz.year, hz.half, yearly=True)
        if step is not None:
            day = max(day, step)
    return day


def earliest_planned_date(instance: Instance, profile: Profile, akims: bool = False) -> dt.date:
    """No planned meeting announced before its calendar is published."""
    if not profile.on(PARAMS):
        return dt.date.min
    return lead_end(published_date(instance, profile, akims), profile)


def counts_from_akims_calendar(instance: Instance, body_id: str) -> bool:
    """Whether the lead of this body's meetings counts from the akims' calendar."""
    return instance.is_akimat(body_id)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    first = earliest_planned_date(instance, profile)
    akims = earliest_planned_date(instance, profile, akims=True)
    when = day_text(first) + (f" (an akim's before {day_text(akims)})" if akims != first else "")
    return (f"No planned meeting may fall before {when}: it is announced "
            f"a lead ahead, after the calendar is published",
            "publish the calendar earlier, or shorten TIME-LEAD")
