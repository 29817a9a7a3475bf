"""TIME-EVENING (the project's): weekends first away from home. ``w_far_evening`` per
planned meeting on a working day (Mon-Fri or an extra working day, not a day off) in a
region more than ``near_hours`` of travel from its presenter's base."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.meetings import MeetingKind
from scheduler.profile import TimeEvening, Travel
from scheduler.slots import days_off
from scheduler.travel import travel_hours

if TYPE_CHECKING:
    import datetime as dt

    from scheduler.model.cpmodel import CalendarModel

PARAMS = TimeEvening
ID = PARAMS.rule_id
WEIGHTS = ("w_far_evening",)


def working_day(instance: Instance, day: dt.date, off: dict) -> bool:
    return (day.weekday() < 5 or day in instance.extra_working_days) and day not in off


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    if not rule.w_far_evening:
        return 0
    hours = travel_hours(m.instance, m.profile.get(Travel))
    off = days_off(m.instance)
    base = {o.id: o.base_region_id for o in m.instance.officials}
    working = {day: working_day(m.instance, day, off) for day in {c.slot.date for c in m.vars}}
    far = [var for cand, var in m.vars.items()
           if cand.kind is MeetingKind.planned and base[cand.presenter] != cand.region
           and hours[base[cand.presenter]][cand.region] > rule.near_hours + 1e-9
           and working[cand.slot.date]]
    return rule.w_far_evening * sum(far)
