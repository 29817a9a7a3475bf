"""Quarterly re-planning: fewest changes, frozen window, deadlines, alerts, versions."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from typer.testing import CliRunner

from scheduler.changes import ChangeSet
from scheduler.checker import check
from scheduler.cli import app
from scheduler.meetings import MeetingKind
from scheduler.planner import solve
from scheduler.replan import replan
from scheduler.results import SolveStatus
from scheduler.workspace import versions

D = dt.date.fromisoformat
AS_OF = D("2027-02-01")  # frozen until 2027-03-03 (TIME-LEAD 30 days)
FAST = dict(time_limit=20, workers=1, seed=0)




def _later(calendar, official="minister-health"):
    """A planned meeting of the official after the frozen window."""
    return next(m for m in calendar.meetings if m.official_id == official
                and m.kind is MeetingKind.planned and m.date >= D("2027-03-10"))


def _frozen(calendar, official="minister-health"):
    return next(m for m in calendar.meetings if m.official_id == official
                and AS_OF <= m.date < D("2027-03-03"))


def _replan(tiny_instance, kz2024, published, changes, **kw):
    result = replan(tiny_instance, kz2024, published, ChangeSet.model_validate(changes), AS_OF,
                    **FAST, **kw)
    assert result.calendar is not None, result.status
    assert check(result.instance, kz2024, result.calendar).ok  # every re-plan passes check
    return result


def test_moving_one_meeting_changes_only_that_meeting(tiny_instance, kz2024, published):
    """A request to move one meeting gives a diff with exactly that meeting, at the new date."""
    meeting = _later(published)
    new_day = meeting.date + dt.timedelta(days=7 - meeting.date.weekday() + 5)  # a Saturday
    result = _replan(tiny_instance, kz2024, published, {"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": new_day.isoformat()}]})
    assert [c.meeting_id for c in result.changes] == [meeting.id]
    change = result.changes[0]
    assert change.new.date == new_day and change.new.region_id == meeting.region_id
    assert "R1" in change.reason
    assert result.minimum_proven
    # the fewest changes' solve is timed apart from building its model (benchmarks)
    assert result.changes_time is not None and result.changes_solve_time is not None
    assert 0 < result.changes_solve_time < result.changes_time


def test_illness_answered_by_a_deputy_changes_only_the_presenter(tiny_instance, kz2024, published):
    """A new illness of the minister on a meeting day hands that meeting to a deputy."""
    meeting = _later(published)
    result = _replan(tiny_instance, kz2024, published, {"absences": [{
        "official_id": "minister-health", "start": meeting.date.isoformat(),
        "end": meeting.date.isoformat(), "reason": "illness"}]})
    assert [(c.kind, c.what) for c in result.changes] == [("re-presented", ("presenter",))]
    assert result.changes[0].new.presenter_id in ("first-vice-minister-health",
                                                  "vice-minister-health")
    assert "illness" in result.changes[0].reason


def test_illness_of_head_and_all_deputies_moves_the_meeting(tiny_instance, kz2024, published):
    """If the minister and both deputies are ill that day, the meeting moves."""
    meeting = _later(published)
    people = ["minister-health", "first-vice-minister-health", "vice-minister-health"]
    result = _replan(tiny_instance, kz2024, published, {"absences": [
        {"official_id": p, "start": meeting.date.isoformat(), "end": meeting.date.isoformat(),
         "reason": "illness"} for p in people]})
    moved = [c for c in result.changes if c.meeting_id == meeting.id]
    assert len(moved) == 1 and "date" in moved[0].what
    assert moved[0].new.date != meeting.date


def test_frozen_meeting_never_moves(tiny_instance, kz2024, published):
    """A meeting inside the lead window keeps date and region even when asked to move."""
    meeting = _frozen(published)
    result = _replan(tiny_instance, kz2024, published, {"requests": [{
        "id": "R2", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "region_id": "astana"}]})
    assert [(r.request_id, r.rule_id) for r in result.refused] == [("R2", "TIME-LEAD")]
    kept = result.calendar.by_id()[meeting.id]
    assert (kept.date, kept.start, kept.region_id) == (meeting.date, meeting.start,
                                                       meeting.region_id)


def test_frozen_meeting_keeps_date_when_its_minister_falls_ill(tiny_instance, kz2024, published):
    """In the lead window an illness changes the presenter, never the date or region."""
    meeting = _frozen(published)
    result = _replan(tiny_instance, kz2024, published, {"absences": [{
        "official_id": "minister-health", "start": meeting.date.isoformat(),
        "end": meeting.date.isoformat(), "reason": "delegation"}]})
    kept = result.calendar.by_id()[meeting.id]
    assert (kept.date, kept.region_id) == (meeting.date, meeting.region_id)
    assert kept.presenter_id != "minister-health"


def test_late_request_is_refused_unless_forced(tiny_instance, kz2024, published):
    """A request after the DL-CHANGE deadline is refused with the rule id; --force applies it."""
    # a minister's Q1 meeting after the frozen window (kz-2024 plans one a quarter where
    # no issue asks for more: FREQ-LOAD), moved a week later
    meeting = next(m for m in published.meetings if m.official_id.startswith("minister-")
                   and m.kind is MeetingKind.planned and m.date.month in (1, 2, 3)
                   and m.date >= D("2027-03-03"))
    request = {"requests": [{"id": "R3", "body_id": meeting.body_id, "submitted": "2027-03-02",
                             "action": "move", "meeting_id": meeting.id,
                             "date": (meeting.date + dt.timedelta(days=7)).isoformat()}]}
    refused = _replan(tiny_instance, kz2024, published, request)
    assert [(r.request_id, r.rule_id) for r in refused.refused] == [("R3", "DL-CHANGE")]
    assert refused.changes == ()
    forced = _replan(tiny_instance, kz2024, published, request, force=True)
    assert forced.refused == ()
    assert [c.meeting_id for c in forced.changes] == [meeting.id]


def test_alert_adds_an_out_of_schedule_meeting_within_7_days(tiny_instance, kz2024, published):
    """An arisen alert gets an out-of-schedule meeting within 7 days; the diff says why."""
    result = _replan(tiny_instance, kz2024, published, {"alerts": [{
        "id": "alert-new", "region_id": "akmola", "body_ids": ["health"], "level": "arisen",
        "date": "2027-02-03"}]})
    added = [c for c in result.changes if c.kind == "added"]
    assert len(added) == 1
    meeting = added[0].new
    assert meeting.kind is MeetingKind.out_of_schedule and meeting.alert_id == "alert-new"
    assert D("2027-02-03") <= meeting.date <= D("2027-02-10") and meeting.region_id == "akmola"
    assert "arisen" in added[0].reason
    for change in result.changes:  # anything else that moved says why
        assert change.reason


def test_alert_hands_a_clashing_meeting_to_a_deputy(tiny_instance, kz2024, published):
    """When the only day of an alert's window holds a frozen meeting of the same minister,
    the planned meeting is handed to a deputy to make room (URGENT-TENSION first)."""
    meeting = _frozen(published)
    result = _replan(tiny_instance, kz2024, published, {"alerts": [{
        "id": "alert-tight", "region_id": "astana" if meeting.region_id != "astana" else "akmola",
        "body_ids": ["health"], "level": "arisen", "date": meeting.date.isoformat()}],
        "extra_days_off": [(meeting.date + dt.timedelta(days=d)).isoformat()
                           for d in range(1, 8)]})
    handed = result.calendar.by_id()[meeting.id]
    assert handed.date == meeting.date and handed.presenter_id != "minister-health"
    assert "URGENT-TENSION" in handed.reason


# ----------------------------------------------------------------- command line
def test_replan_command_keeps_versions_and_survives_a_crash(tmp_path, tiny_files, published,
                                                            monkeypatch):
    """replan writes a new version; a crash mid-write leaves the previous one and history."""
    instance, workspace = tiny_files.instance, tiny_files.workspace
    meeting = _later(published)
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({"absences": [{
        "official_id": "minister-health", "start": meeting.date.isoformat(),
        "end": meeting.date.isoformat(), "reason": "illness"}]}), encoding="utf-8")
    runner = CliRunner()
    args = ["replan", str(instance), str(workspace / "calendar.json"), str(changes),
            "--as-of", "2027-02-01", "--workers", "1", "--time-limit", "20", "--no-report"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert [v.kind for v in versions(workspace)] == ["imported", "replan"]
    approved = (workspace / "versions" / "001" / "calendar.json").read_bytes()
    assert approved == published.model_dump_json().encode()  # never overwritten
    assert "re-presented" in (workspace / "changes.md").read_text(encoding="utf-8")

    latest = (workspace / "calendar.json").read_bytes()
    real_rename = os.rename

    def crash(src, dst):  # the process dies while the version is being put in place
        raise KeyboardInterrupt("killed")
    monkeypatch.setattr(os, "rename", crash)
    crashed = runner.invoke(app, args)
    assert crashed.exit_code != 0
    monkeypatch.setattr(os, "rename", real_rename)
    assert [v.number for v in versions(workspace)] == [1, 2]
    assert (workspace / "calendar.json").read_bytes() == latest
    history = runner.invoke(app, ["history", str(workspace)])
    assert history.exit_code == 0 and "002" in history.output and "003" not in history.output
    diff = runner.invoke(app, ["diff", "1", "2", "--workspace", str(workspace), "--lang", "en"])
    assert diff.exit_code == 0 and meeting.id in diff.output


def test_urgent_command_adds_the_alert_meeting(tiny_files):
    """urgent adds the out-of-schedule meeting of one alert and writes a new version."""
    instance, workspace = tiny_files.instance, tiny_files.workspace
    result = CliRunner().invoke(app, [
        "urgent", str(instance), str(workspace / "calendar.json"), "--region", "akmola",
        "--bodies", "health", "--level", "arisen", "--date", "2027-02-15", "--workers", "1"])
    assert result.exit_code == 0, result.output
    listing = json.loads((workspace / "changes.json").read_text(encoding="utf-8"))
    added = [c for c in listing["changes"] if c["kind"] == "added"]
    assert len(added) == 1 and added[0]["new"]["region_id"] == "akmola"
    bad = CliRunner().invoke(app, [
        "urgent", str(instance), str(workspace / "calendar.json"), "--region", "atlantis",
        "--bodies", "health", "--date", "2027-02-15"])
    assert bad.exit_code == 2 and "atlantis" in bad.output


def test_replan_minimum_equals_the_whole_calendar_search_minimum(tiny_instance, kz2024, published):
    """The fewest changes the re-plan proves are those of a plain whole-calendar search."""
    from scheduler.changes import apply_to_instance, screen_requests
    from scheduler.replan import _Search, _Stages

    later = [m for m in published.meetings if m.date >= D("2027-03-10")]
    change_sets = [
        {"absences": [{"official_id": later[0].presenter_id, "start": later[0].date.isoformat(),
                       "end": later[0].date.isoformat(), "reason": "other"}]},
        {"requests": [{"id": "R", "body_id": later[1].body_id, "submitted": "2027-01-20",
                       "action": "cancel", "meeting_id": later[1].id}],
         "alerts": [{"id": "a", "region_id": "astana", "body_ids": ["health"],
                     "level": "forecast", "date": "2027-02-05"}]},
    ]
    for raw in change_sets:
        changes = ChangeSet.model_validate(raw)
        result = replan(tiny_instance, kz2024, published, changes, AS_OF, **FAST)
        accepted, _ = screen_requests(changes, tiny_instance, kz2024, published, AS_OF, False)
        stages = _Stages(apply_to_instance(tiny_instance, changes, accepted), kz2024, published,
                         accepted, AS_OF)
        whole = stages.run(None, _Search(time_limit=20, workers=1, seed=0))
        assert result.minimum_proven and whole.changes_status == "OPTIMAL"
        assert result.change_cost == whole.least


def test_request_to_a_holiday_is_refused_not_infeasible(tiny_instance, kz2024, published):
    """Moving a meeting onto Nauryz is refused with TIME-OFFHOURS; the re-plan still works."""
    meeting = _later(published)
    result = _replan(tiny_instance, kz2024, published, {"requests": [{
        "id": "R9", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": "2027-03-22"}]})
    assert [(r.request_id, r.rule_id) for r in result.refused] == [("R9", "TIME-OFFHOURS")]
    assert result.changes == ()


# ----------------------------------------------------------------- request semantics
def test_move_to_where_the_meeting_already_is_changes_nothing(tiny_instance, kz2024, published):
    """Re-running a change set after a crash: the move is a no-op, not an infeasible re-plan."""
    meeting = _later(published)
    result = _replan(tiny_instance, kz2024, published, {"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": meeting.date.isoformat()}]})
    assert result.changes == ()
    assert [(r.request_id, r.rule_id) for r in result.refused] == [("R1", "NO-CHANGE")]


def test_move_that_cannot_be_placed_is_refused_with_its_rule(tiny_instance, kz2024, published):
    """A move onto a day the minister and both deputies are away is refused (SUBST-DEPUTY or
    the absence's rule named); the rest of the change set still applies."""
    meeting = _later(published)
    day = meeting.date + dt.timedelta(days=14)
    while day.weekday() < 5:
        day += dt.timedelta(days=1)
    if day > D("2027-06-30"):  # (an optimum with the meeting late in June: two weeks before)
        day = meeting.date - dt.timedelta(days=14)
        while day.weekday() < 5:
            day -= dt.timedelta(days=1)
    other = _later(published, "minister-energy") if any(
        m.official_id == "minister-energy" for m in published.meetings) else None
    away = [{"official_id": who, "start": day.isoformat(), "end": day.isoformat(),
             "reason": "illness"}
            for who in ("minister-health", "first-vice-minister-health", "vice-minister-health")]
    result = _replan(tiny_instance, kz2024, published, {"absences": away, "requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": day.isoformat()}]})
    refused = {r.request_id: r for r in result.refused}
    assert "R1" in refused and refused["R1"].rule_id not in ("", "NO-CHANGE")
    assert all(c.meeting_id != meeting.id for c in result.changes)
    assert other is None or result.calendar is not None


def test_of_two_requests_no_calendar_holds_together_the_first_is_refused(
        tiny_instance, kz2024, published):
    """Two ministers' meetings asked into one region on one Saturday (CAP-REGION: one
    ministerial meeting a region a day): the solver names the two as the conflict,
    refusing the first alone gives a calendar, so it is refused and the second is placed."""
    first, second = _later(published), _later(published, "minister-education")
    day = D("2027-06-19")  # a Saturday, later than both
    assert day.weekday() == 5 and day > max(first.date, second.date) - dt.timedelta(days=7)
    result = _replan(tiny_instance, kz2024, published, {"requests": [
        {"id": f"R{i}", "body_id": m.body_id, "submitted": "2027-01-20", "action": "move",
         "meeting_id": m.id, "date": day.isoformat(), "region_id": first.region_id}
        for i, m in enumerate((first, second))]})
    assert [r.request_id for r in result.refused] == ["R0"]
    there = {m.official_id for m in result.calendar.meetings
             if (m.date, m.region_id) == (day, first.region_id)}
    assert there == {"minister-education"}


def test_cancel_cancels_when_the_quarter_minimum_still_holds(tiny_instance, kz2024, published):
    """The health minister holds more than the minimum in the quarter: the cancelled
    meeting is gone, not moved. (Planned without FREQ-LOAD's price of his time, so that
    he holds more than the minimum.)"""
    from conftest import TINY
    kz2024 = kz2024.with_params("FREQ-LOAD", w_extra=0)
    published = solve(TINY, kz2024, **FAST).calendar
    meeting = _later(published)
    same_quarter = [m for m in published.meetings if m.official_id == meeting.official_id
                    and m.quarter == meeting.quarter and m.kind is MeetingKind.planned]
    assert len(same_quarter) > kz2024.get("FREQ-CEB-QUARTER").min_per_quarter
    result = _replan(tiny_instance, kz2024, published, {"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "cancel",
        "meeting_id": meeting.id}]})
    assert [(c.kind, c.meeting_id) for c in result.changes] == [("cancelled", meeting.id)]
    assert meeting.id not in result.calendar.by_id()


# ----------------------------------------------------------------- change sets judged first
BAD_CHANGE_SETS = {
    "unknown official in an absence": (
        {"absences": [{"official_id": "minister-helth", "start": "2027-04-01",
                       "end": "2027-04-02", "reason": "illness"}]},
        "absences[0]", "official_id"),
    "alert in an unknown region": (
        {"alerts": [{"id": "a1", "region_id": "atlantis", "body_ids": ["health"],
                     "level": "arisen", "date": "2027-04-01"}]},
        "alerts[0] (id 'a1')", "region_id"),
    "alert naming an unknown body": (
        {"alerts": [{"id": "a1", "region_id": "astana", "body_ids": ["helth"],
                     "level": "arisen", "date": "2027-04-01"}]},
        "alerts[0] (id 'a1')", "body_ids"),
    "two alerts with one id": (
        {"alerts": [{"id": "a1", "region_id": "astana", "body_ids": ["health"],
                     "level": "arisen", "date": "2027-04-01"},
                    {"id": "a1", "region_id": "astana", "body_ids": ["health"],
                     "level": "arisen", "date": "2027-04-03"}]},
        "alerts[1] (id 'a1')", "id"),
    "day off outside the half-year": (
        {"extra_days_off": ["2027-08-01"]}, "extra_days_off[0]", "date"),
    "typo in a request's body": (
        {"requests": [{"id": "R1", "body_id": "helth", "submitted": "2027-01-20",
                       "action": "add"}]},
        "requests[0] (id 'R1')", "body_id"),
    "two requests with one id": (
        {"requests": [{"id": "R1", "body_id": "health", "submitted": "2027-01-20",
                       "action": "add"},
                      {"id": "R1", "body_id": "health", "submitted": "2027-01-21",
                       "action": "add"}]},
        "requests[1] (id 'R1')", "id"),
    "request for a meeting that does not exist": (
        {"requests": [{"id": "R1", "body_id": "health", "submitted": "2027-01-20",
                       "action": "cancel", "meeting_id": "2027-H1-999"}]},
        "requests[0] (id 'R1')", "meeting_id"),
}


@pytest.mark.parametrize("case", sorted(BAD_CHANGE_SETS))
def test_bad_change_set_is_refused_before_solving(case, tmp_path, tiny_files):
    raw, where, field = BAD_CHANGE_SETS[case]
    instance, folder = tiny_files.instance, tiny_files.workspace
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps(raw), encoding="utf-8")
    before = sorted(p.name for p in folder.rglob("*"))
    result = CliRunner().invoke(app, ["replan", str(instance), str(folder / "calendar.json"),
                                      str(changes), "--as-of", "2027-02-01"])
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert str(changes.name) in message and where in message and f"field '{field}'" in message
    assert "Traceback" not in result.output
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written


def test_as_of_outside_the_half_year_is_refused(tmp_path, tiny_files):
    instance, calendar = tiny_files.instance, tiny_files.calendar
    changes = tmp_path / "changes.json"
    changes.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["replan", str(instance), str(calendar), str(changes),
                                      "--as-of", "2028-02-01"])
    assert result.exit_code == 2 and "--as-of" in result.output


def test_no_report_is_honoured_by_replan(tmp_path, tiny_files):
    instance, folder = tiny_files.instance, tiny_files.workspace
    changes = tmp_path / "changes.json"
    changes.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["replan", str(instance), str(folder), str(changes),
                                      "--as-of", "2027-02-01", "--no-report", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert not (folder / "report.html").exists() and not (folder / "calendar.xlsx").exists()


def test_a_replan_out_of_time_refuses_nothing(tiny_instance, kz2024, published, monkeypatch):
    """A re-plan whose solves run out of time (no calendar found, none proven impossible)
    gives no calendar and refuses no request for lack of time: only a proven INFEASIBLE
    refuses one (issue 17's sweep found loaded machines refusing valid requests)."""
    from dataclasses import replace

    from scheduler.model.cpmodel import CalendarModel

    real = CalendarModel.solve

    def out_of_time(self, params, *a, **k):
        result = real(self, params, *a, **k)
        return replace(result, status=SolveStatus.UNKNOWN)
    monkeypatch.setattr(CalendarModel, "solve", out_of_time)
    meeting = _later(published)
    result = replan(tiny_instance, kz2024, published, ChangeSet.model_validate({"requests": [{
        "id": "R1", "body_id": "health", "submitted": "2027-01-20", "action": "move",
        "meeting_id": meeting.id, "date": (meeting.date + dt.timedelta(days=7)).isoformat()}]}),
        AS_OF, **FAST, relaxation=False)  # (an LP read as the optimum starts no search)
    assert result.calendar is None and result.status is SolveStatus.UNKNOWN
    assert result.refused == ()


def test_fewest_changes_only_skips_the_quality_stage(tiny_instance, kz2024, published):
    """quality=False (sweeps): as few changes as the full re-plan, its calendar passes the
    checker, and it claims no cost optimum (no second stage was run)."""
    later = [m for m in published.meetings if m.date >= D("2027-03-10")]
    changes = {"absences": [{"official_id": later[0].presenter_id,
                             "start": later[0].date.isoformat(),
                             "end": later[0].date.isoformat(), "reason": "other"}]}
    full = _replan(tiny_instance, kz2024, published, changes)
    fewest = _replan(tiny_instance, kz2024, published, changes, quality=False)
    assert fewest.change_cost == full.change_cost and fewest.minimum_proven
    assert fewest.status is SolveStatus.FEASIBLE and fewest.objective is None
    assert full.status is SolveStatus.OPTIMAL


def test_search_splits_the_limits_between_the_stages():
    """Two stages share the limit; without the quality stage the first has all of it; a
    deterministic limit reaches CP-SAT and the wall clock only guards it (10 times)."""
    from scheduler.replan import _Search

    both = _Search(time_limit=12, workers=1, seed=0)
    assert both.params(None, 1).time_limit == 6 and both.params(None, 1).deterministic_time is None
    fewest = _Search(time_limit=12, workers=1, seed=0, quality=False, deterministic_time=12)
    params = fewest.params(None, 1)
    assert params.deterministic_time == 12 and params.time_limit == 120
    assert params.solver().parameters.max_deterministic_time == 12


@pytest.mark.parametrize("frozen", [True, False])
def test_a_date_blocked_later_moves_even_a_published_meeting(tiny_instance, kz2024, published,
                                                             frozen):
    """REGION-AGREE: when the akimat blocks the date of a published meeting after
    publication, the meeting moves (inside the TIME-LEAD window too: force majeure, as
    for a day off); the forced move is counted in the proven lower bound, the reason
    names the rule, and the calendar passes the checker."""
    from scheduler.instance import DateKind, RegionDate
    from scheduler.robustness.model import with_blocked

    meeting = _frozen(published) if frozen else _later(published)
    inst = with_blocked(tiny_instance, (RegionDate(region_id=meeting.region_id,
                                                   date=meeting.date, kind=DateKind.blocked),))
    result = replan(inst, kz2024, published, ChangeSet(), AS_OF, **FAST)
    assert result.calendar is not None and check(result.instance, kz2024, result.calendar).ok
    assert all((m.region_id, m.date) != (meeting.region_id, meeting.date)
               for m in result.calendar.meetings)
    moved = [c for c in result.changes if c.meeting_id == meeting.id]
    assert moved and "REGION-AGREE" in moved[0].reason
    assert result.minimum_proven and result.change_cost > 0


def test_the_lp_start_proves_the_same_minima(tiny_instance, kz2024, published):
    """Each stage from the LP relaxation (the default) or from CP-SAT's search alone: the
    same proven fewest changes and the same best cost among them, for a move, an absence
    and two requests no calendar holds together."""
    first, second = _later(published), _later(published, "minister-education")
    change_sets = [
        {"requests": [{"id": "R1", "body_id": "health", "submitted": "2027-01-20",
                       "action": "move", "meeting_id": first.id, "date": "2027-06-19"}]},
        {"absences": [{"official_id": second.presenter_id, "start": second.date.isoformat(),
                       "end": second.date.isoformat(), "reason": "illness"}]},
        {"requests": [{"id": f"R{i}", "body_id": m.body_id, "submitted": "2027-01-20",
                       "action": "move", "meeting_id": m.id, "date": "2027-06-19",
                       "region_id": first.region_id} for i, m in enumerate((first, second))]},
    ]
    for raw in change_sets:
        lp = _replan(tiny_instance, kz2024, published, raw)
        search = _replan(tiny_instance, kz2024, published, raw, relaxation=False)
        assert lp.minimum_proven and search.minimum_proven
        assert (lp.change_cost, lp.objective, lp.status) == (
            search.change_cost, search.objective, search.status)
        assert [r.request_id for r in lp.refused] == [r.request_id for r in search.refused]
