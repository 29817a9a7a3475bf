"""TRAVEL: two meetings of one presenter in different regions leave time for one
continuous trip between them inside a day's travel window (his own meetings only)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import Profile, Travel
from scheduler.rules import clash_person
from scheduler.rules.text import day_text, title
from scheduler.travel import longest_trip_window, travel_hours

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = Travel
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    hours = travel_hours(m.instance, rule)
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    same_day_ok = clash_person.max_per_day(m.profile) == 1
    full_day = _full_day(rule)
    regions_of = defaultdict(set)
    for cand in m.vars:
        regions_of[cand.presenter].add(cand.region)
    travellers = {person for person, regions in regions_of.items() if len(regions) > 1}
    where: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for cand, var in m.ids.items():  # who never leaves one region never travels
        if cand.presenter in travellers:
            where[cand.presenter][cand.slot][cand.region].append(var)
    windows: dict[tuple, float] = {}
    far_of: dict[float, dict[str, list[str]]] = {}  # window: region: the regions too far
    for person, slots in where.items():
        order = sorted(slots)
        for i, first in enumerate(order):
            if not same_day_ok:  # one slot, two regions: no time to travel at all
                regions = sorted(slots[first])
                for j, r1 in enumerate(regions):
                    for r2 in regions[j + 1:]:
                        for v1 in slots[first][r1]:
                            for v2 in slots[first][r2]:
                                m.add_sum([v1, v2], (ID, person, first.date, first.date),
                                          most=1)
            for second in order[i + 1:]:
                if same_day_ok and second.date == first.date:
                    continue
                if (second.date - first.date).days >= 2 and full_day >= longest:
                    break
                key = (first, second)
                if key not in windows:
                    windows[key] = longest_trip_window(first.ends, second.begins, rule)
                window = windows[key]
                if window >= longest:
                    continue
                if window not in far_of:
                    far_of[window] = {r1: [r2 for r2, h in row.items() if h > window]
                                      for r1, row in hours.items()}
                too_far = far_of[window]
                there = slots[second]
                for r1, here in slots[first].items():
                    far = [v for r2 in too_far[r1] if r2 in there for v in there[r2]]
                    if far:
                        m.add_sum([*here, *far], (ID, person, first.date, second.date),
                                  most=1)


def _full_day(rule: Travel) -> float:
    start = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(rule.travel_from))
    return longest_trip_window(start, start + dt.timedelta(days=1), rule)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, first, second = key[1:]
    return (f"The {title(instance, who)} cannot reach the region of his meeting on "
            f"{day_text(second)} from that on {day_text(first)} in time",
            "allow travel later in the evening (TRAVEL travel_until) or free another day")
