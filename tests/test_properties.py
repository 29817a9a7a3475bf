"""Property: on random small instances the planner's calendar passes the checker at its cost."""

from __future__ import annotations

import datetime as dt

from conftest import CENTRES, H1_2027, make_instance
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.planner import solve

MINISTRIES = ["health", "education", "energy", "transport", "defence"]  # defence is exempt
REASONS = ["illness", "delegation", "deputy_pm", "other"]
day = st.integers(0, len(H1_2027) - 1).map(H1_2027.__getitem__)


@st.composite
def instances(draw):
    """1-3 ministries, Astana + 1-3 real regions; random dates, issues, absences, alert."""
    others = sorted(set(CENTRES) - {"astana"})  # Astana is the ministers' base
    regions = ["astana", *draw(st.lists(st.sampled_from(others), min_size=1, max_size=3,
                                        unique=True))]
    ministries = draw(st.lists(st.sampled_from(MINISTRIES), min_size=1, max_size=3, unique=True))
    akimats = draw(st.lists(st.sampled_from(regions), max_size=2, unique=True))
    bodies = ministries + [f"akimat-{r}" for r in akimats]
    free = {}
    for region in regions:
        blocked = set(draw(st.lists(day, max_size=6)))
        if draw(st.booleans()):  # a region open on a few dates only
            free[region] = sorted(draw(st.lists(day, min_size=2, max_size=10, unique=True)))
        elif blocked:
            free[region] = [d for d in H1_2027 if d not in blocked]
    people = [f"{p}{b}" for b in ministries
              for p in ("minister-", "first-vice-minister-", "vice-minister-")]
    people += [f"akim-{r}" for r in akimats]
    absences = []
    for who, start, length, why in draw(st.lists(st.tuples(
            st.sampled_from(people), day, st.integers(1, 40), st.sampled_from(REASONS)),
            max_size=3)):
        end = min(H1_2027[-1], start + dt.timedelta(days=length - 1))
        absences.append((who, start, end, why))
    alerts = []
    if draw(st.booleans()):
        region = draw(st.sampled_from(regions))
        concerned = ministries + ([f"akimat-{region}"] if region in akimats else [])
        alerts.append(("alert", region,
                       draw(st.lists(st.sampled_from(concerned), min_size=1, max_size=2,
                                     unique=True)),
                       draw(st.sampled_from(["arisen", "forecast"])), draw(day)))
    return make_instance(
        regions=regions, ministries=ministries, akimats=akimats, free=free,
        akim_deputies=draw(st.booleans()),
        preferred=draw(st.lists(st.tuples(st.sampled_from(regions), day), max_size=4)),
        issues=draw(st.lists(st.tuples(st.sampled_from(regions), st.sampled_from(bodies),
                                       st.integers(1, 20)), max_size=5)),
        absences=absences, alerts=alerts, name="random")


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(instance=instances())
def test_planner_calendar_passes_checker_at_its_cost(kz2024, instance):
    """A returned calendar has no violation and the checker's cost equals the objective."""
    result = solve(instance, kz2024, time_limit=5, workers=1, seed=0)
    if result.calendar is None:
        assert result.status in ("INFEASIBLE", "UNKNOWN")
        assert result.check is None
        return
    assert result.status in ("OPTIMAL", "FEASIBLE")
    assert result.check.ok, result.check.violations
    assert abs(result.check.total_cost - result.objective) < 1e-6
    for rule_id, cost in result.check.cost_by_rule.items():
        assert abs(cost - result.cost_by_rule[rule_id]) < 1e-6, rule_id
