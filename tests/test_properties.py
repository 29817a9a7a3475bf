"""Properties on random small instances under each profile: the explanation model is the
planning model plus guards, the planner's calendar passes the checker at its cost, and when
no calendar exists the explanation never says one does and its rules are a real minimal
conflict.

PROPERTY_EXAMPLES sets how many instances are tried (1,000; ``make fuzz``: 10,000).
"""

from __future__ import annotations

import datetime as dt
import os

from conftest import CENTRES, H1_2027, make_instance
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from scheduler.explain import explain_infeasibility
from scheduler.io import load_profile
from scheduler.model.cpmodel import CalendarModel, Explain, SolverParams
from scheduler.model.variables import create_candidates
from scheduler.planner import solve
from scheduler.results import SolveStatus

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "1000"))
MINISTRIES = ["health", "education", "energy", "defence"]  # defence: exempt, no stand-ins
REASONS = ["illness", "delegation", "deputy_pm", "other"]  # other: no deputy stands in
PROFILES = {name: load_profile(name) for name in ("kz-2024", "kz-2018", "kz-2016")}
PROFILES["kz-2024, nobody exempt"] = PROFILES["kz-2024"].with_params("SCOPE-EXEMPT",
                                                                     exempt_bodies=[])
PROFILES["kz-2024, S-2023D stand-ins only"] = PROFILES["kz-2024"].with_params(
    "SUBST-DEPUTY", out_of_schedule=False, akims=False, urgent_handover=False)
NAMES = ["kz-2024", "kz-2024, nobody exempt", "kz-2024, S-2023D stand-ins only", "kz-2018",
         "kz-2016"]  # the first most often
FOUND = (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
day = st.integers(0, len(H1_2027) - 1).map(H1_2027.__getitem__)


@st.composite
def instances(draw):
    """1-2 ministries, Astana and maybe another real region; random dates, issues,
    absences, an alert (small: the test plans and explains 1,000 of them)."""
    others = sorted(set(CENTRES) - {"astana"})  # Astana is the ministers' base
    regions = ["astana", *draw(st.lists(st.sampled_from(others), max_size=1))]
    ministries = draw(st.lists(st.sampled_from(MINISTRIES), min_size=1, max_size=2, unique=True))
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
            st.sampled_from(people), day, st.integers(1, 90), st.sampled_from(REASONS)),
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


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), instance=instances())
def test_planner_and_explanation_agree(name, instance):
    """The explanation model's unguarded candidates are the planning model's; a returned
    calendar has no violation and the checker's cost equals the objective; after an
    INFEASIBLE plan the explanation is checked."""
    profile = PROFILES[name]
    guards: dict = {}
    relaxed = create_candidates(instance, profile, guards=guards)
    assert [c for c in relaxed if c not in guards] == create_candidates(instance, profile)
    result = solve(instance, profile, time_limit=10, workers=1, seed=0)
    event(result.status)
    if result.status == "INFEASIBLE":
        assert_real_conflict(instance, profile)
        return
    if result.calendar is None:
        assert result.status == "UNKNOWN"
        return
    assert result.status in ("OPTIMAL", "FEASIBLE")
    assert result.check.ok, result.check.violations
    assert abs(result.check.total_cost - result.objective) < 1e-6
    for rule_id, cost in result.check.cost_by_rule.items():
        assert abs(cost - result.cost_by_rule[rule_id]) < 1e-6, rule_id


def assert_real_conflict(instance, profile) -> None:
    """The explanation of an INFEASIBLE plan never says a calendar exists; its rule
    instances collide on their own, each of them is needed, and dropping one frees a
    calendar exactly when it says so (all re-solved on a fresh explanation model)."""
    found = explain_infeasibility(instance, profile, time_limit=30)
    assert found.status == "INFEASIBLE" and found.conflicts, found.text()
    model = CalendarModel(instance, profile, Explain())
    core = [c.key for c in found.conflicts]
    assert set(core) <= set(model.guards)
    assert _solve(model, core) is SolveStatus.INFEASIBLE
    for conflict in found.conflicts:
        assert _solve(model, [k for k in core if k != conflict.key]) in FOUND, conflict.key
        others = [k for k in model.guards if k != conflict.key]
        assert (_solve(model, others) in FOUND) == conflict.frees, conflict.key
    if not any(c.frees for c in found.conflicts):
        event("explained: no single change frees a calendar")


def _solve(model: CalendarModel, keys: list[tuple]) -> SolveStatus:
    """The status with these rule instances on and every other one off."""
    return model.solve(SolverParams(time_limit=30, workers=1, seed=0, lp=False),
                       assumptions=keys).status  # small models: search beats LP and presolve
