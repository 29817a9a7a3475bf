"""REGION-AGREE: no meeting in a region on a date its akimat has blocked; each preferred
(region, date) without a ministerial meeting costs ``w_preferred``.

Grid filter: blocked dates. Explanation guard: ``(ID, region)`` for all of a region's
blocked dates. Cost: the preferred dates left unused.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from scheduler.instance import DateKind, Instance
from scheduler.profile import Profile, RegionAgree
from scheduler.rules.text import region as region_name

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = RegionAgree
ID = PARAMS.rule_id
WEIGHTS = ("w_preferred",)  # the cost's weights, as the explanation shows them


def blocked_dates(instance: Instance, profile: Profile) -> set[tuple[str, dt.date]]:
    """(region, date) pairs the akimat has blocked."""
    if not profile.on(PARAMS):
        return set()
    return {(rd.region_id, rd.date) for rd in instance.region_dates
            if rd.kind is DateKind.blocked}


def guard(region: str) -> tuple:
    return (ID, region)


def cost(m: CalendarModel):
    """w_preferred for every preferred (region, date) without a ministerial meeting."""
    weight = m.profile.get(PARAMS).w_preferred
    total = 0
    preferred = sorted({(rd.region_id, rd.date) for rd in m.instance.region_dates
                        if rd.kind is DateKind.preferred})
    for region, day in preferred:
        visits = m.ministerial_by_region_day.get((region, day), [])
        if not visits:
            total += weight
            continue
        used = m.model.new_bool_var(f"preferred[{region},{day}]")
        m.add_sum([used.index, *visits], None, most=0, coeffs=[1] + [-1] * len(visits))
        total += weight * (1 - used)
    return total


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    (region,) = key[1:]
    dates = sorted(rd.date for rd in instance.region_dates
                   if rd.region_id == region and rd.kind is DateKind.blocked)
    shown = ", ".join(str(d) for d in dates[:4]) + (f" and {len(dates) - 4} more"
                                                     if len(dates) > 4 else "")
    name = region_name(instance, region)
    return (f"{name} has blocked {len(dates)} date(s): {shown}",
            f"ask the akimat of {name} to free one of its blocked dates")
