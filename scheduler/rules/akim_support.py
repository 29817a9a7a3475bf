"""AKIM-SUPPORT: on a date with a ministerial meeting in a region, the region's regional
akim holds no meeting of his own. Links the ministers and the regional akims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import Instance, Official
from scheduler.profile import AkimSupport, Profile
from scheduler.rules import cap_region
from scheduler.rules.text import day_text
from scheduler.rules.text import region as region_name

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = AkimSupport
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    cap = cap_region.per_day(m.profile)
    for (region, day), own in m.akim_by_region_day.items():
        visits = m.ministerial_by_region_day.get((region, day), [])
        if visits:  # his own meeting that day leaves room for no visit
            most = cap or len(visits)
            m.add_sum([*visits, *own], (ID, region, day), most=most,
                      coeffs=[1] * len(visits) + [most] * len(own))


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return {o.id for o in officials
            if instance.is_ministerial(o.body_id) or instance.is_regional_akim(o)}


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    region, day = key[1:]
    name = region_name(instance, region)
    return (f"The akim of {name} holds no meeting of his own on {day_text(day)} if a "
            f"minister visits", f"free another day in {name}")
