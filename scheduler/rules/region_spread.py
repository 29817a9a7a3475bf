"""REGION-SPREAD (the project's): ``w_repeat`` x a minister's meetings beyond the first in
one region, ``w_unvisited`` x each region's shortfall below ``min_region_visits``
ministerial meetings, ``w_max_load`` x the busiest region's ministerial meetings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.profile import RegionSpread

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = RegionSpread
ID = PARAMS.rule_id
# the cost's weights, as the explanation shows them
WEIGHTS = ("w_repeat", "w_unvisited", "w_max_load")


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    model = m.model
    repeats = []
    for (official, region), visits in m.visits.items():
        most = m.upper_bound(visits)
        if official in m.ministerial_officials and most > 1:
            extra = model.new_int_var(0, most - 1, f"repeat[{official},{region}]")
            model.add(extra >= visits - 1)
            repeats.append(extra)
    shortfalls = []
    loads = [m.ministerial_load(r.id) for r in m.instance.regions]
    for region, load in zip(m.instance.regions, loads):
        if rule.min_region_visits > 0:
            short = model.new_int_var(0, rule.min_region_visits, f"unvisited[{region.id}]")
            model.add(short >= rule.min_region_visits - load)
            shortfalls.append(short)
    most = model.new_int_var(0, max(1, len(m.vars)), "max_load")
    model.add_max_equality(most, loads)
    return (rule.w_repeat * sum(repeats) + rule.w_unvisited * sum(shortfalls)
            + rule.w_max_load * most)
