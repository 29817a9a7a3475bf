"""TRAVEL: how long it takes an official to get from one region to another.

A graph over the regional centres: a flight edge between every two centres
(fixed time + distance / speed + airport overhead) and a road edge where the centres are
close; the travel time between two regions is the shortest path.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import Travel

if TYPE_CHECKING:
    import networkx as nx

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _legs(instance: Instance, rule: Travel):
    """Every two regional centres: (a, b, hours, km, mode), the faster of a flight and,
    where the centres are close, the road."""
    regions = instance.regions
    for i, a in enumerate(regions):
        for b in regions[i + 1:]:
            km = great_circle_km(a.centre.lat, a.centre.lon, b.centre.lat, b.centre.lon)
            hours = rule.flight_fixed_h + km / rule.flight_kmh + rule.airport_overhead_h
            mode = "flight"
            if km <= rule.road_max_km:
                road = km * rule.road_factor / rule.road_kmh
                if road < hours:
                    hours, mode = road, "road"
            yield a.id, b.id, hours, km, mode


def travel_graph(instance: Instance, rule: Travel) -> nx.Graph:
    import networkx as nx  # here, not at import: only the map and the tests draw it

    graph = nx.Graph()
    graph.add_nodes_from(r.id for r in instance.regions)
    for a, b, hours, km, mode in _legs(instance, rule):
        graph.add_edge(a, b, hours=hours, km=km, mode=mode)
    return graph


def travel_hours(instance: Instance, rule: Travel) -> dict[str, dict[str, float]]:
    """Shortest travel time in hours between every two regions (0 within a region): the
    shortest paths over ``travel_graph``'s legs (Floyd-Warshall: 20 regions, 8,000 steps,
    where importing networkx for them took longer than building the model's TRAVEL)."""
    ids = [r.id for r in instance.regions]
    hours = {a: {b: 0.0 if a == b else math.inf for b in ids} for a in ids}
    for a, b, leg, _, _ in _legs(instance, rule):
        hours[a][b] = hours[b][a] = min(hours[a][b], leg)
    for k in ids:
        via = hours[k]
        for a in ids:
            to_k = hours[a][k]
            row = hours[a]
            for b in ids:
                if to_k + via[b] < row[b]:
                    row[b] = to_k + via[b]
    return hours


def longest_trip_window(end: dt.datetime, start: dt.datetime, rule: Travel) -> float:
    """Hours of the longest continuous trip that fits between two meetings.

    The trip lies between the end of one meeting and the start of the next, and within one
    day's travel window [travel_from, travel_until].
    """
    t_from = dt.time.fromisoformat(rule.travel_from)
    until_h, until_m = map(int, rule.travel_until.split(":"))
    best = 0.0
    day = end.date()
    while day <= start.date():
        lo = max(end, dt.datetime.combine(day, t_from))
        hi = min(start, dt.datetime.combine(day, dt.time())
                 + dt.timedelta(hours=until_h, minutes=until_m))
        if hi > lo:
            best = max(best, (hi - lo).total_seconds() / 3600)
        day += dt.timedelta(days=1)
    return best
