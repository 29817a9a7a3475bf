"""CAP-REGION: a region hosts at most ``region_per_day`` ministerial meetings a day and
``region_per_weekend`` a weekend (all kinds count). Links the ministers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance, Official
from scheduler.profile import CapRegion, Profile
from scheduler.rules.text import day_text
from scheduler.rules.text import region as region_name

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = CapRegion
ID = PARAMS.rule_id


def per_day(profile: Profile) -> int | None:
    """Ministerial meetings a region may host a day (None with the rule off)."""
    return profile.get(PARAMS).region_per_day if profile.on(PARAMS) else None


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    weekends: dict[tuple[str, dt.date], list] = defaultdict(list)
    for (region, day), held in m.ministerial_by_region_day.items():
        if len(held) > rule.region_per_day:
            m.add_sum(held, (ID, region, day), most=rule.region_per_day)
        if day.weekday() >= 5:
            weekends[region, day - dt.timedelta(days=day.weekday() - 5)].extend(held)
    for (region, saturday), held in weekends.items():
        if len(held) > rule.region_per_weekend:
            m.add_sum(held, (ID, region, "weekend", saturday), most=rule.region_per_weekend)


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return {o.id for o in officials if instance.is_ministerial(o.body_id)}


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    region, *when = key[1:]
    rule = profile.get(PARAMS)
    name = region_name(instance, region)
    if when[0] == "weekend":
        return (f"{name} hosts at most {rule.region_per_weekend} ministerial meetings the "
                f"weekend of {day_text(when[1])}",
                f"let {name} host more (CAP-REGION region_per_weekend)")
    return (f"{name} hosts at most {rule.region_per_day} ministerial meeting(s) on "
            f"{day_text(when[0])}", f"let {name} host more (CAP-REGION region_per_day)")
