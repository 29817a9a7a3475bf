"""scheduler/travel.py (the model's TRAVEL) against the checker's own reading of TRAVEL:
the same hours between every two of kz-2027-h1's regions and the same verdict, hour by hour,
on whether one presenter can get from one meeting to the next."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from scheduler import checker
from scheduler.io import load_instance, load_profile
from scheduler.meetings import Meeting
from scheduler.profile import Travel
from scheduler.travel import great_circle_km, longest_trip_window, travel_graph, travel_hours

REAL = Path(__file__).resolve().parent.parent / "instances" / "kz-2027-h1.json"
DAY = dt.date(2027, 2, 13)  # a Saturday
HOURS = range(8, 23)  # meetings end / start on the hour, 08:00 to 22:00


@pytest.fixture(scope="module")
def real():
    inst = load_instance(REAL)
    profile = load_profile("kz-2024")
    return inst, profile, profile.get(Travel)


@pytest.fixture(scope="module")
def model_hours(real):
    inst, _, rule = real
    return travel_hours(inst, rule)


@pytest.fixture(scope="module")
def checker_hours(real):
    inst, profile, _ = real
    data = checker._Data(inst, profile)
    return {r.id: checker._travel_hours(data, r.id) for r in inst.regions}


def test_great_circle_distances():
    assert great_circle_km(51.18, 71.45, 51.18, 71.45) == 0.0
    astana_almaty = great_circle_km(51.18, 71.45, 43.25, 76.91)
    assert 950 < astana_almaty < 1000  # about 970 km
    assert great_circle_km(43.25, 76.91, 51.18, 71.45) == pytest.approx(astana_almaty)


def test_hours_are_shortest_paths_flight_or_road(real, model_hours):
    inst, _, rule = real
    ids = [r.id for r in inst.regions]
    graph = travel_graph(inst, rule)
    assert graph.number_of_edges() == len(ids) * (len(ids) - 1) // 2  # every two centres
    assert graph.edges["almaty-city", "almaty-region"]["mode"] == "road"  # Konayev, ~70 km
    assert graph.edges["astana", "mangystau"]["mode"] == "flight"
    for a in ids:
        assert model_hours[a][a] == 0.0
        for b in ids:
            assert model_hours[a][b] == pytest.approx(model_hours[b][a])
            if a != b:  # never longer than the direct flight or drive
                assert model_hours[a][b] <= graph.edges[a, b]["hours"] + 1e-9
            for c in ids:  # shortest paths: no detour is shorter
                assert model_hours[a][c] <= model_hours[a][b] + model_hours[b][c] + 1e-9
    import networkx as nx  # the shortest paths as a graph library finds them

    for a, dist in nx.all_pairs_dijkstra_path_length(graph, weight="hours"):
        assert model_hours[a] == pytest.approx(dist)
    km = graph.edges["astana", "mangystau"]["km"]
    assert model_hours["astana"]["mangystau"] == pytest.approx(
        rule.flight_fixed_h + km / rule.flight_kmh + rule.airport_overhead_h)


def test_model_and_checker_hours_agree(real, model_hours, checker_hours):
    inst, _, _ = real
    for a, b in itertools.product([r.id for r in inst.regions], repeat=2):
        assert model_hours[a][b] == pytest.approx(checker_hours[a][b], abs=1e-9), (a, b)


def test_longest_trip_window_by_hand(real):
    _, _, rule = real  # travel window 07:00-22:00
    at = lambda day, h, m=0: dt.datetime.combine(day, dt.time(h, m))  # noqa: E731
    nxt = DAY + dt.timedelta(days=1)
    assert longest_trip_window(at(DAY, 12), at(DAY, 18), rule) == 6.0
    assert longest_trip_window(at(DAY, 20), at(DAY, 23), rule) == 2.0  # until 22:00
    assert longest_trip_window(at(DAY, 21), at(nxt, 9), rule) == 2.0  # 07:00-09:00 next day
    assert longest_trip_window(at(DAY, 12), at(nxt, 10), rule) == 10.0  # 12:00-22:00
    assert longest_trip_window(at(DAY, 22), at(DAY + dt.timedelta(days=2), 6), rule) == 15.0
    assert longest_trip_window(at(DAY, 18), at(DAY, 18), rule) == 0.0


def _meeting(mid: str, region: str, day: dt.date, start: int, end: int) -> Meeting:
    return Meeting(id=mid, official_id="minister-health", presenter_id="minister-health",
                   body_id="health", region_id=region, date=day, start=dt.time(start % 24),
                   end=dt.time(end % 24), quarter=1, kind="planned", announce_by=day,
                   results_by=day)


def test_model_and_checker_judge_every_trip_alike_hour_by_hour(real, model_hours,
                                                                checker_hours):
    """First meeting 2 h long ending at each hour; the next one starting at each later hour
    that day, the next day and the day after; every ordered pair of regions. The model
    forbids the pair when the trip is longer than the window (rules/travel.py); the checker
    reports TRAVEL when the window is shorter than the trip."""
    inst, profile, rule = real
    data = checker._Data(inst, profile)
    ids = [r.id for r in inst.regions]
    verdicts = {True: 0, False: 0}
    for end in HOURS:
        first = _meeting("a", ids[0], DAY, end - 2, end)
        for days, start in itertools.product((0, 1, 2), HOURS):
            day = DAY + dt.timedelta(days=days)
            if days == 0 and start < end:
                continue
            second = _meeting("b", ids[0], day, start, min(start + 2, 23))
            model_window = longest_trip_window(dt.datetime.combine(DAY, first.end),
                                               dt.datetime.combine(day, second.start), rule)
            checker_window = checker._longest_trip_window(data, first, second)
            assert model_window == pytest.approx(checker_window, abs=1e-9) or \
                min(model_window, checker_window) >= _full_day(rule), (end, days, start)
            for a, b in itertools.permutations(ids, 2):
                model_forbids = model_hours[a][b] > model_window
                checker_reports = checker_window + 1e-9 < checker_hours[a][b]
                assert model_forbids == checker_reports, (a, b, end, days, start)
                verdicts[model_forbids] += 1
    assert verdicts[True] > 10_000 and verdicts[False] > 10_000, verdicts  # both exercised


def _full_day(rule: Travel) -> float:
    opens = dt.datetime.combine(DAY, dt.time.fromisoformat(rule.travel_from))
    closes = dt.datetime.combine(DAY, dt.time.fromisoformat(rule.travel_until))
    return (closes - opens).total_seconds() / 3600
