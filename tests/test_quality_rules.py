"""Issue 15 in the planner: each calendar-quality rule binds on a small instance, the
planner's cost equals the checker's, and the akims of a region plan H1 then H2 with the
district visits carried over (every district visited within the year, one akims' meeting a
day per district). One worker, fixed seed, small instances; no wall-clock assertions."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from conftest import make_instance

from scheduler.instance import Instance
from scheduler.io import load_instance, load_profile
from scheduler.planner import solve

ROOT = Path(__file__).resolve().parent.parent
KZ2024 = load_profile("kz-2024")


def _plan(instance, profile=KZ2024, limit: float = 20):
    result = solve(instance, profile, time_limit=limit, workers=1, seed=0)
    assert result.status in ("OPTIMAL", "FEASIBLE"), result.status
    assert result.check.ok, result.check.violations
    for rule_id, cost in result.check.cost_by_rule.items():
        assert abs(cost - result.cost_by_rule[rule_id]) < 1e-6, rule_id
    return result


def _ministerial(result):
    return [m for m in result.calendar.meetings if not m.body_id.startswith("akimat")]


def test_an_arisen_alert_is_answered_the_same_day():
    """URGENT-EARLY: the out-of-schedule meeting on the alert's own evening (Wednesday 14
    April), not at the end of its seven-day window."""
    inst = make_instance(regions=["astana", "pavlodar"], ministries=["health"],
                         alerts=[("al", "pavlodar", ["health"], "arisen", "2027-04-14")])
    result = _plan(inst)
    urgent = [m for m in result.calendar.meetings if m.alert_id == "al"]
    assert [m.date for m in urgent] == [dt.date(2027, 4, 14)]
    assert result.cost_by_rule["URGENT-EARLY"] == 0


def test_away_from_home_on_weekends():
    """TIME-EVENING: the minister's planned meetings away from Astana fall on weekends."""
    inst = make_instance(regions=["astana", "pavlodar", "karaganda"], ministries=["health"],
                         issues=[("pavlodar", "health", 9), ("karaganda", "health", 9)])
    result = _plan(inst)
    away = [m for m in _ministerial(result) if m.region_id != "astana"]
    assert away and all(m.date.weekday() >= 5 for m in away), away
    assert result.cost_by_rule["TIME-EVENING"] == 0


def test_a_minister_meets_a_week_apart_and_his_time_has_a_price():
    """FREQ-SPACING: no two meetings of the minister within seven days; FREQ-LOAD: with a
    high price of his time only the quarterly minimum is held, with none more."""
    inst = make_instance(regions=["astana", "pavlodar", "karaganda", "akmola"],
                         ministries=["health"],
                         issues=[("pavlodar", "health", 9), ("karaganda", "health", 9),
                                 ("akmola", "health", 1)])
    result = _plan(inst)
    days = sorted(m.date for m in _ministerial(result))
    assert len(days) > 2 and all((b - a).days >= 7 for a, b in zip(days, days[1:])), days
    dear = _plan(inst, KZ2024.with_params("FREQ-LOAD", w_extra=100))
    assert len(_ministerial(dear)) == 2  # one a quarter
    free = _plan(inst, KZ2024.with_params("FREQ-LOAD", w_extra=0))
    assert len(_ministerial(free)) >= len(_ministerial(result)) > 2


def _region_instance() -> Instance:
    """Pavlodar with every level of akim (benchmarks/generate.py: 10 districts, 3 cities,
    their rural okrugs and akims, the 2026-H2 visits of the regional akim)."""
    return load_instance(ROOT / "benchmarks/instances/region-all-levels/pavlodar-all-levels.json")


def _next_half(inst: Instance, calendar) -> Instance:
    """The H2 instance: the same people and places, the H1 district visits as history."""
    data = inst.model_dump(mode="json")
    data.update(horizon={"year": 2027, "half": 2}, approval_date="2027-06-15", absences=[],
                alerts=[], region_dates=[], name=f"{inst.name}-h2")
    regional = {o.id for o in inst.officials if o.akim_level is not None
                and o.akim_level.value == "region"}
    data["visit_history"] = {"horizon": {"year": 2027, "half": 1}, "visits": [
        {"official_id": m.official_id, "district_id": m.district_id, "date": str(m.date)}
        for m in calendar.meetings if m.official_id in regional and m.district_id
        and m.kind.value == "planned"]}
    return Instance.model_validate(json.loads(json.dumps(data)))


def test_akims_plan_h1_then_h2_and_visit_every_district_within_the_year():
    """AKIM-ROTATION over two half-years; AKIM-SPREAD: one akims' meeting a day per
    district; every rural okrug visited by its district akim in each half-year."""
    h1 = _region_instance()
    first = _plan(h1)
    h2 = _next_half(h1, first.calendar)
    second = _plan(h2)
    region = h1.region("pavlodar")
    owed = {d.id for d in region.districts if d.kind.value in ("district", "city_district")}
    visited = set()
    for calendar in (first.calendar, second.calendar):
        for m in calendar.meetings:
            if m.official_id == "akim-pavlodar" and m.kind.value == "planned":
                visited.add(m.district_id)
        per_district_day = Counter((m.district_id, m.date) for m in calendar.meetings
                                   if m.body_id.startswith("akimat") and m.district_id)
        assert max(per_district_day.values()) <= KZ2024.get("AKIM-SPREAD").district_per_day
        for district in region.districts:
            okrugs = {k.id for k in district.okrugs}
            held = {m.okrug_id for m in calendar.meetings
                    if m.official_id == f"akim-{district.id}" and m.kind.value == "planned"}
            assert okrugs <= held, district.id
    assert owed <= visited, owed - visited
    # the history halves the regional akim's duty in each half-year
    previous = {v.district_id for v in h1.visit_history.visits}
    assert previous and previous < owed
