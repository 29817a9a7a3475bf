"""TRAVEL: how long it takes an official to get from one region to another.

A networkx graph over the regional centres: a flight edge between every two centres
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


def travel_graph(instance: Instance, rule: Travel) -> nx.Graph:
    import networkx as nx  # here, not at import: only a solve or a check of TRAVEL needs it

    graph = nx.Graph()
    regions = instance.regions
    graph.add_nodes_from(r.id for r in regions)
    for i, a in enumerate(regions):
        for b in regions[i + 1:]:
            km = great_circle_km(a.centre.lat, a.centre.lon, b.centre.lat, b.centre.lon)
            hours = rule.flight_fixed_h + km / rule.flight_kmh + rule.airport_overhead_h
            mode = "flight"
            if km <= rule.road_max_km:
                road = km * rule.road_factor / rule.road_kmh
                if road < hours:
                    hours, mode = road, "road"
            graph.add_edge(a.id, b.id, hours=hours, km=km, mode=mode)
    return graph


def travel_hours(instance: Instance, rule: Travel) -> dict[str, dict[str, float]]:
    """Shortest travel time in hours between every two regions (0 within a region)."""
    import networkx as nx

    graph = travel_graph(instance, rule)
    return {src: dict(dist)
            for src, dist in nx.all_pairs_dijkstra_path_length(graph, weight="hours")}


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
