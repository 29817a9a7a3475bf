"""scheduler/diff.py: meetings paired per official closest first, and what changed."""

from __future__ import annotations

import datetime as dt

from scheduler.changes import Refusal
from scheduler.diff import Change, changes_markdown, diff_calendars, pair_meetings

D = dt.date.fromisoformat


def _with(calendar, meeting_id, **update):
    return calendar.model_copy(update={"meetings": tuple(
        m.model_copy(update=update) if m.id == meeting_id else m for m in calendar.meetings)})


def _without(calendar, meeting_id):
    return calendar.model_copy(update={"meetings": tuple(
        m for m in calendar.meetings if m.id != meeting_id)})


def test_same_calendar_changes_nothing(tiny_calendar):
    assert diff_calendars(tiny_calendar, tiny_calendar) == []
    pairs = pair_meetings(tiny_calendar, tiny_calendar)
    assert len(pairs) == len(tiny_calendar.meetings) and all(a is b for a, b in pairs)
    assert changes_markdown([]) == "# Changes\n\nNo meeting changed.\n"


def test_moved_represented_and_what(tiny_calendar):
    new = _with(tiny_calendar, "health-q2", date=D("2027-05-22"))
    new = _with(new, "education-q2", presenter_id="first-vice-minister-education")
    new = _with(new, "akim-east-q2", region_id="akmola", date=D("2027-05-29"))
    changes = diff_calendars(tiny_calendar, new)
    assert [(c.kind, c.meeting_id, c.what) for c in changes] == [  # in date order
        ("re-presented", "education-q2", ("presenter",)),
        ("moved", "health-q2", ("date",)),
        ("moved", "akim-east-q2", ("date", "region"))]
    listed = changes[1].as_dict()
    assert listed["old"]["date"] == "2027-05-15" and listed["new"]["date"] == "2027-05-22"
    assert listed["what"] == ["date"] and listed["meeting_id"] == "health-q2"
    text = changes_markdown(changes, title="Q2")
    assert text.startswith("# Q2\n") and "- **moved** health-q2 (date): 2027-05-15" in text


def test_a_later_start_the_same_day_is_a_move(tiny_calendar):
    new = _with(tiny_calendar, "health-q1", start=dt.time(10), end=dt.time(12))
    assert [(c.kind, c.what) for c in diff_calendars(tiny_calendar, new)] == [
        ("moved", ("date",))]


def test_added_and_cancelled(tiny_calendar):
    extra = next(m for m in tiny_calendar.meetings if m.id == "health-q2").model_copy(
        update={"id": "health-q2b", "date": D("2027-06-12"), "region_id": "astana"})
    new = _without(tiny_calendar, "akim-mangystau-q1").model_copy(
        update={"meetings": (*_without(tiny_calendar, "akim-mangystau-q1").meetings, extra)})
    changes = diff_calendars(tiny_calendar, new)
    assert [(c.kind, c.meeting_id) for c in changes] == [("cancelled", "akim-mangystau-q1"),
                                                          ("added", "health-q2b")]
    assert changes[0].what == () and changes[0].new is None and changes[1].old is None
    text = changes_markdown(changes, [Refusal("R1", "DL-CHANGE", "submitted too late")])
    assert "**cancelled** akim-mangystau-q1" in text and "**added** health-q2b" in text
    assert "## Refused requests\n\n- R1: DL-CHANGE: submitted too late" in text


def test_closest_first_pairing(tiny_calendar):
    """The Q1 meeting stays where it is and the Q2 one moves: never the other way round."""
    new = _with(tiny_calendar, "health-q2", date=D("2027-02-20"))  # close to Q1's date
    changes = diff_calendars(tiny_calendar, new)
    assert [(c.meeting_id, c.what) for c in changes] == [("health-q2", ("date",))]


def test_planned_and_out_of_schedule_never_pair(tiny_calendar):
    alert = next(m for m in tiny_calendar.meetings if m.id == "education-alert")
    planned = alert.model_copy(update={"kind": "planned", "alert_id": None})
    new = tiny_calendar.model_copy(update={"meetings": tuple(
        planned if m.id == alert.id else m for m in tiny_calendar.meetings)})
    assert sorted(c.kind for c in diff_calendars(tiny_calendar, new)) == ["added", "cancelled"]


def test_reason_is_kept_and_written():
    change = Change("moved", None, None)
    assert change.with_reason("illness").reason == "illness" and change.reason == ""
