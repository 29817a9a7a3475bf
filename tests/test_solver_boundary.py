"""The model's boundary: modes, solver parameters, results, the rules registry and the
shared domain facts (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_instance

from scheduler import rules
from scheduler.changes import ChangeSet
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import (
    CalendarModel,
    Explain,
    Plan,
    SolverParams,
    calendar_meta,
    to_meeting,
)
from scheduler.model.variables import Candidate
from scheduler.planner import solve
from scheduler.profile import CATALOGUE, TimeLead
from scheduler.replan import _Stages, replan
from scheduler.results import SolveStatus
from scheduler.slots import Slot

D = dt.date.fromisoformat
FAST = dict(time_limit=20, workers=1, seed=0)
HINT_OK = "The solution hint is complete and is feasible"


def test_replan_hints_every_variable_and_the_hint_is_feasible(tiny_instance, kz2024):
    """Stage 1 of a re-plan starts from the published calendar, stage 2 from stage 1's
    calendar: the solver's log says that hint covers every variable and satisfies every
    constraint (stage 2's bound included)."""
    published = solve(tiny_instance, kz2024, **FAST).calendar
    meeting = next(m for m in published.meetings if m.official_id == "minister-health"
                   and m.kind is MeetingKind.planned and m.date >= D("2027-03-10"))
    saturday = meeting.date + dt.timedelta(days=12 - meeting.date.weekday())
    lines: list[str] = []
    result = replan(tiny_instance, kz2024, published, ChangeSet.model_validate({"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": saturday.isoformat()}]}), D("2027-02-01"),
        log=lines.append, relaxation=False, **FAST)  # (the search's own hints)
    assert result.calendar is not None and result.status is SolveStatus.OPTIMAL
    # solve by solve: stage 1 starts from the published calendar (its meeting variables
    # hinted, the counts left to the solver), stage 2 from stage 1's answer (every
    # variable, complete and feasible)
    solves: list[list[str]] = []
    for line in lines:
        if line.startswith("Starting CP-SAT"):
            solves.append([])
        elif "The solution hint" in line:
            solves[-1].append(line)
    assert len(solves) == 2, solves  # one search of the whole calendar, two stages
    assert solves[0] and "incomplete" in solves[0][0]
    assert solves[1] and all(HINT_OK in line for line in solves[1]), solves


def test_plan_mode_is_explicit_and_solve_returns_a_result(tiny_instance, kz2024):
    model = CalendarModel(tiny_instance, kz2024, Plan())
    answer = model.solve(SolverParams(**FAST))
    assert answer.status is SolveStatus.OPTIMAL and answer.status.found
    assert len(answer.values) == model.size["variables"]
    assert sum(answer.cost_by_rule.values()) == pytest.approx(answer.objective)
    calendar = model.calendar(answer, calendar_meta(tiny_instance, kz2024, answer, 0.0))
    assert calendar.status == "OPTIMAL" and calendar.meetings
    assert solve(tiny_instance, kz2024, **FAST).status is SolveStatus.OPTIMAL


def test_explain_mode_gives_the_core_of_the_assumptions(kz2024):
    """An explanation model has no objective, so the solver's core is a real subset."""
    people = ["minister-health", "first-vice-minister-health", "vice-minister-health"]
    inst = make_instance(regions=["astana"], ministries=["health"],
                         absences=[(p, "2027-01-01", "2027-03-31", "illness") for p in people])
    model = CalendarModel(inst, kz2024, Explain())
    answer = model.solve(SolverParams(time_limit=20, workers=1, seed=0, lp=False,
                                      presolve="off"), assumptions=list(model.guards))
    assert answer.status is SolveStatus.INFEASIBLE
    assert 0 < len(answer.core) < len(model.guards)
    assert ("FREQ-CEB-QUARTER", "minister-health", 1) in answer.core


def _stages(inst, profile):
    return _Stages(inst, profile, solve(inst, profile, **FAST).calendar, [], D("2027-02-01"))


def _urgent(inst, profile, day: dt.date):
    cand = Candidate("minister-health", "minister-health", "health", "astana",
                     Slot(day, dt.time(10), dt.time(12)), MeetingKind.out_of_schedule,
                     "alert-astana", True)
    return to_meeting(inst, profile, "2027-H1-900", cand)


@pytest.mark.parametrize("switch", [True, False])
def test_replan_presenter_of_an_out_of_schedule_meeting_honours_the_switch(kz2024, switch):
    """Issue 11: a published out-of-schedule meeting goes to a deputy only while the head
    is away, and only under SUBST-DEPUTY ``out_of_schedule``; a planned one may go to a
    deputy on the head's urgent day under ``urgent_handover``."""
    profile = kz2024.with_params("SUBST-DEPUTY", out_of_schedule=switch)
    inst = make_instance(regions=["astana"], ministries=["health"],
                         alerts=[("alert-astana", "astana", ["health"], "arisen", "2027-04-03")],
                         absences=[("minister-health", "2027-04-03", "2027-04-04", "illness")])
    stages = _stages(inst, profile)
    away = {c.presenter for c in stages._choices(_urgent(inst, profile, D("2027-04-03")))}
    deputies = {"first-vice-minister-health", "vice-minister-health"}
    assert away == (deputies if switch else set())
    there = {c.presenter for c in stages._choices(_urgent(inst, profile, D("2027-04-10")))}
    assert there == {"minister-health"}  # never a deputy while the head is available
    planned = _urgent(inst, profile, D("2027-04-10")).model_copy(
        update={"kind": MeetingKind.planned, "alert_id": None})
    assert {c.presenter for c in stages._choices(planned)} == {"minister-health"} | deputies
    off = _stages(inst, profile.with_params("SUBST-DEPUTY", urgent_handover=False))
    assert {c.presenter for c in off._choices(planned)} == {"minister-health"}


def test_registry_covers_the_model_and_orders_explanations():
    assert set(rules.BY_ID) <= set(CATALOGUE)
    assert all(rule.PARAMS.rule_id == rule.ID for rule in rules.RULES)
    order = [rule.ID for rule in rules.RULES]
    assert order.index("FREQ-CEB-QUARTER") < order.index("SUBST-DEPUTY") < order.index("CAP-REGION")
    assert [r.ID for r in rules.BUILD_ORDER] == [i for i in CATALOGUE if i in rules.BY_ID]
    assert all(hasattr(rule, "describe") for rule in rules.RULES if hasattr(rule, "constrain"))


def test_typed_profile_access(kz2024):
    lead = kz2024.get(TimeLead)
    assert isinstance(lead, TimeLead) and kz2024.lead_months == lead.lead_months == 1
    off = kz2024.without(TimeLead)
    assert off.lead_days == 0 and off.lead_months == 0 and not off.on(TimeLead)


def test_shared_domain_facts(tiny_instance):
    inst = make_instance(regions=["astana", "akmola"], ministries=["health"], akimats=["akmola"],
                         akim_deputies=True)
    assert inst.is_ministerial("health") and not inst.is_ministerial("akimat-akmola")
    assert inst.is_regional_akim("akim-akmola")
    assert not inst.is_regional_akim("deputy-akim-akmola")
    assert not inst.is_regional_akim("minister-health")


def test_rule_ids_are_spelled_only_in_their_places():
    """A rule id in quotes appears only in the profile catalogue, the checker and the
    labels: everything else reaches a rule through its module or its parameter class."""
    from pathlib import Path

    import scheduler

    allowed = {"profile.py", "checker.py", "i18n.py", "words.py"}
    root = Path(scheduler.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        if path.name in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(root)}: {rule_id}" for rule_id in CATALOGUE
                  if f'"{rule_id}"' in text or f"'{rule_id}'" in text]
    assert not found, found
