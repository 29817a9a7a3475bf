"""Explanations: minimal conflicts on hand-made infeasible instances, costs, what-if."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import H1_2027, make_instance

from scheduler.checker import check
from scheduler.explain import cost_breakdown, explain_infeasibility, what_if, why_here
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import CalendarModel, Replan, SolverParams
from scheduler.model.variables import Candidate
from scheduler.planner import solve
from scheduler.results import SolveStatus
from scheduler.slots import Slot, days_off

D = dt.date.fromisoformat
HEALTH_PEOPLE = ["minister-health", "first-vice-minister-health", "vice-minister-health"]


def _keys(explanation) -> set[tuple]:
    return {c.key for c in explanation.conflicts}


def _assert_minimal(explanation, expected: set[tuple]) -> None:
    assert explanation.status == "INFEASIBLE"
    assert _keys(explanation) == expected
    assert all(c.frees for c in explanation.conflicts)  # drop any one: a calendar exists
    assert all(c.sentence and c.relaxation for c in explanation.conflicts)


def test_head_and_deputies_absent_for_a_whole_quarter(kz2024):
    """Minister and both deputies away all Q1: the quarter's duty and the three absences."""
    inst = make_instance(regions=["astana"], ministries=["health"],
                         absences=[(p, "2027-01-01", "2027-03-31", "illness")
                                   for p in HEALTH_PEOPLE])
    found = explain_infeasibility(inst, kz2024)
    _assert_minimal(found, {("FREQ-CEB-QUARTER", "minister-health", 1)} | {
        ("SUBST-DEPUTY", p, D("2027-01-01")) for p in HEALTH_PEOPLE})
    assert "Minister of Health" in found.text() and "Q1 2027" in found.text()


def test_two_ministers_one_region_one_allowed_day(kz2024):
    """Two ministers owe a Q1 meeting in a region open on one Q1 day: it hosts only one."""
    only = D("2027-02-13")
    open_days = [only] + [d for d in H1_2027 if d.month > 3]
    inst = make_instance(regions=["astana"], ministries=["health", "education"],
                         free={"astana": open_days})
    found = explain_infeasibility(inst, kz2024)
    _assert_minimal(found, {("FREQ-CEB-QUARTER", "minister-health", 1),
                            ("FREQ-CEB-QUARTER", "minister-education", 1),
                            ("CAP-REGION", "astana", only), ("REGION-AGREE", "astana")})


def test_alert_window_of_holidays_only(kz2024):
    """An alert whose 3-day window is Nauryz: the duty and the four holidays collide."""
    profile = kz2024.with_params("URGENT-TENSION", arisen_days=3)
    inst = make_instance(regions=["astana"], ministries=["health"],
                         alerts=[("alert-nauryz", "astana", ["health"], "arisen",
                                  D("2027-03-21"))])
    found = explain_infeasibility(inst, profile)
    _assert_minimal(found, {("URGENT-TENSION", "alert-nauryz", "minister-health")} | {
        ("TIME-OFFHOURS", D(f"2027-03-{d}")) for d in (21, 22, 23, 24)})


def test_travel_impossible_pair_forced_by_blocked_dates(kz2024):
    """Friday evening in Aktau, Saturday morning in Oskemen: no time to fly between."""
    profile = kz2024.with_params("TIME-OFFHOURS", weekend_slots=["10:00-12:00"])
    friday, saturday = D("2027-02-12"), D("2027-02-13")
    inst = make_instance(
        regions=["astana", "mangystau", "east-kazakhstan"], ministries=["health"],
        free={"mangystau": [friday], "east-kazakhstan": [saturday]},
        alerts=[("alert-aktau", "mangystau", ["health"], "arisen", friday),
                ("alert-oskemen", "east-kazakhstan", ["health"], "arisen", saturday)])
    found = explain_infeasibility(inst, profile)
    _assert_minimal(found, {("URGENT-TENSION", "alert-aktau", "minister-health"),
                            ("URGENT-TENSION", "alert-oskemen", "minister-health"),
                            ("REGION-AGREE", "mangystau"), ("REGION-AGREE", "east-kazakhstan"),
                            ("TRAVEL", "minister-health", friday, saturday)})


def test_feasible_instance_says_so(kz2024, tiny_instance):
    """On a feasible instance the explanation says a calendar exists."""
    assert explain_infeasibility(tiny_instance, kz2024).feasible


# --------------------------------------------------------------- costs, what if
@pytest.fixture(scope="module")
def planned(kz2024):
    from conftest import TINY
    result = solve(TINY, kz2024, time_limit=20, workers=1, seed=0)
    assert result.calendar is not None
    return TINY, result


def test_cost_breakdown_sums_to_the_objective(kz2024, planned):
    """The checker's breakdown per rule adds up to the solver's objective."""
    instance, result = planned
    report = check(instance, kz2024, result.calendar)
    assert sum(report.cost_by_rule.values()) == pytest.approx(result.objective)
    assert sum(c.amount for c in report.costs) == pytest.approx(result.objective)
    text = cost_breakdown(report, kz2024)
    assert f"Total: {result.objective:,.0f}" in text and "w_issue = 1" in text
    lines = why_here(instance, result.calendar)
    assert set(lines) == {m.id for m in result.calendar.meetings}


def _evaluate(instance, profile, calendar) -> float:
    """The model's objective for exactly this calendar: every meeting pinned, nothing else."""
    extra = tuple(Candidate(m.official_id, m.presenter_id, m.body_id, m.region_id,
                            Slot(m.date, m.start, m.end), m.kind, m.alert_id,
                            instance.is_ministerial(m.body_id))
                  for m in calendar.meetings)
    model = CalendarModel(instance, profile, Replan(extra=extra, pinned=extra))
    model.forbid(cand for cand in model.vars if cand not in extra)
    answer = model.solve(SolverParams(time_limit=10, workers=1, seed=0))
    assert answer.status is SolveStatus.OPTIMAL
    return answer.objective


def test_what_if_cost_change_is_what_a_pinned_resolve_gives(kz2024, planned):
    """Moving a meeting to a free Saturday: the what-if's cost change is confirmed by the model."""
    instance, result = planned
    calendar = result.calendar
    meeting = next(m for m in calendar.meetings if m.official_id == "minister-health"
                   and m.kind is MeetingKind.planned and m.date >= D("2027-04-01"))
    busy = {m.date for m in calendar.meetings} | set(days_off(instance))
    target = next(d for d in H1_2027 if d.weekday() == 5 and d.month == meeting.date.month
                  and d not in busy and d != meeting.date)
    answer = what_if(instance, kz2024, calendar, meeting.id, target.isoformat())
    assert not answer.new_violations
    moved = calendar.model_copy(update={"meetings": tuple(
        answer.moved if m.id == meeting.id else m for m in calendar.meetings)})
    assert _evaluate(instance, kz2024, moved) == pytest.approx(result.objective + answer.delta)
    assert "changes the cost by" in answer.text()


def test_what_if_names_the_broken_rule(kz2024, planned):
    """Moving a meeting onto a public holiday is reported as breaking TIME-OFFHOURS."""
    instance, result = planned
    meeting = next(m for m in result.calendar.meetings if m.kind is MeetingKind.planned)
    answer = what_if(instance, kz2024, result.calendar, meeting.id, "2027-03-22")
    assert "TIME-OFFHOURS" in {v.rule_id for v in answer.new_violations}
    assert "would break" in answer.text()


# ------------------------------------------- the explanation model is the planning model
def test_deputies_do_not_stand_in_for_leave(kz2024):
    """Issue 10 item 12: two ministers on leave (reason 'other', which SUBST-DEPUTY does not
    accept) but for one Saturday in Q1, one region hosting one ministerial meeting a day.
    The plan is infeasible, and so is the explanation model: the deputies may not stand in."""
    away = [(m, start, end, "other") for m in ("minister-health", "minister-education")
            for start, end in (("2027-01-01", "2027-02-12"), ("2027-02-14", "2027-03-31"))]
    inst = make_instance(regions=["astana"], ministries=["health", "education"], absences=away)
    assert solve(inst, kz2024, time_limit=10, workers=1, seed=0).status == "INFEASIBLE"
    found = explain_infeasibility(inst, kz2024)
    _assert_minimal(found, {
        ("FREQ-CEB-QUARTER", "minister-health", 1), ("FREQ-CEB-QUARTER", "minister-education", 1),
        ("CAP-REGION", "astana", D("2027-02-13")), ("SUBST-DEPUTY", "reasons", "other")} | {
        ("SUBST-DEPUTY", m, D(start)) for m, start, _, _ in away})
    assert "not for 'other'" in found.text()


def test_deputies_of_an_excluded_body_do_not_stand_in(kz2024):
    """Defence with a duty (nobody exempt) and its minister ill all Q1: its deputies are
    excluded from standing in (SUBST-DEPUTY excluded_bodies), in the explanation too."""
    profile = kz2024.with_params("SCOPE-EXEMPT", exempt_bodies=[])
    inst = make_instance(regions=["astana"], ministries=["defence"],
                         absences=[("minister-defence", "2027-01-01", "2027-03-31", "illness")])
    assert solve(inst, profile, time_limit=10, workers=1, seed=0).status == "INFEASIBLE"
    found = explain_infeasibility(inst, profile)
    _assert_minimal(found, {("FREQ-CEB-QUARTER", "minister-defence", 1),
                            ("SUBST-DEPUTY", "minister-defence", D("2027-01-01")),
                            ("SUBST-DEPUTY", "excluded_bodies", "defence")})


def test_plan_explains_unless_told_not_to(kz2024, tmp_path):
    """An infeasible ``plan`` says which rules collide; with --no-explain it does not try."""
    from typer.testing import CliRunner

    from scheduler.cli import app

    inst = make_instance(regions=["astana"], ministries=["health"], absences=[
        ("minister-health", "2027-01-01", "2027-03-31", "other")])
    path = tmp_path / "leave.json"
    path.write_text(inst.model_dump_json(), encoding="utf-8")
    fast = ["--out", str(tmp_path / "out"), "--time-limit", "10", "--workers", "1", "--no-report"]
    explained = CliRunner().invoke(app, ["plan", str(path), *fast])
    assert explained.exit_code == 1 and "not for 'other'" in explained.output, explained.output
    assert "A calendar exists" not in explained.output
    skipped = CliRunner().invoke(app, ["plan", str(path), *fast, "--no-explain"])
    assert skipped.exit_code == 1 and "collide" not in skipped.output, skipped.output


def test_switched_off_stand_ins_are_named(kz2024):
    """SUBST-DEPUTY with deputies neither at out-of-schedule meetings nor for akims: the
    minister ill through the alert's window, the akim ill all Q1; both switches are named."""
    profile = kz2024.with_params("SUBST-DEPUTY", out_of_schedule=False, akims=False)
    inst = make_instance(regions=["astana", "akmola"], ministries=["health"], akimats=["akmola"],
                         akim_deputies=True,
                         alerts=[("alert-akmola", "akmola", ["health"], "arisen", "2027-04-05")],
                         absences=[("minister-health", "2027-04-01", "2027-04-30", "illness"),
                                   ("akim-akmola", "2027-01-01", "2027-03-31", "illness")])
    assert solve(inst, profile, time_limit=10, workers=1, seed=0).status == "INFEASIBLE"
    found = explain_infeasibility(inst, profile)
    assert found.status == "INFEASIBLE"
    keys = _keys(found)
    assert keys & {("SUBST-DEPUTY", "out_of_schedule"), ("SUBST-DEPUTY", "akims")}, keys
    assert "stand" in found.text()
