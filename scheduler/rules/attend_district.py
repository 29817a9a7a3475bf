"""ATTEND-DISTRICT (kz-2016, kz-2018): the regional akim or one of his deputies attends
each district akim's meeting, so in a region no more district meetings run at once than
1 + the regional akim's deputies. Links the district akims."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import AkimLevel, Instance, Official
from scheduler.profile import AttendDistrict, Profile
from scheduler.rules.text import day_text
from scheduler.rules.text import region as region_name

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = AttendDistrict
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    inst = m.instance
    attendants = {inst.body(o.body_id).region_id: 1 + len(inst.deputies_of(o.id))
                  for o in m.duty if inst.is_regional_akim(o)}
    at_once = defaultdict(list)
    for cand, var in m.vars.items():
        official = inst.official(cand.official)
        if official.akim_level is AkimLevel.district and cand.region in attendants:
            at_once[cand.region, cand.slot].append(var)
    for (region, slot), held in at_once.items():
        if len(held) > attendants[region]:
            m.add(sum(held) <= attendants[region], (ID, region, slot.date, slot.start))


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return {o.id for o in officials if o.akim_level is AkimLevel.district}


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    region, day, start = key[1:]
    name = region_name(instance, region)
    return (f"The akim of {name} and his deputies can attend only so many district "
            f"meetings at once on {day_text(day)} at {start:%H:%M}",
            f"free another date in {name} for district meetings")
