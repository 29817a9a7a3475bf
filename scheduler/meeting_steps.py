"""The agenda and dated steps of one meeting, as the planner writes them into the calendar.

FMT-AUDIENCE: who is invited (a rector's meeting its own ``rectors_invitees``, S-2016 item
3). The steps with a date that S-2018 adds to each meeting: the questions and proposals
sent in collected, analysed and selected ``questions_months`` before it (``questions_by``),
the announcement on the e-government portal on the announcement day (``portal_by``), both
TIME-LEAD; the minister's briefing at the Central Communications Service ``briefing_days``
after it (``briefing_by``, DL-AFTER, ministries only). An out-of-schedule meeting is set and
announced on its alert's date, so its steps before the meeting fall on that date.

The checker derives the same dates in its own code (``scheduler/checker.py``).
"""

from __future__ import annotations

import datetime as dt

from scheduler.instance import BodyKind, Instance
from scheduler.profile import DlAfter, FmtAudience, Profile, TimeLead
from scheduler.rules.time_lead import announce_date, months_back


def meeting_steps(inst: Instance, profile: Profile, body_id: str, day: dt.date,
                  alert_day: dt.date | None) -> dict:
    """``audience``, ``questions_by``, ``portal_by`` and ``briefing_by`` of a meeting of
    ``body_id`` on ``day`` (``alert_day``: an out-of-schedule meeting's alert date)."""
    kind = inst.body(body_id).kind
    steps: dict = {"audience": (), "questions_by": None, "portal_by": None, "briefing_by": None}
    if profile.on(FmtAudience):
        rule = profile.get(FmtAudience)
        steps["audience"] = rule.rectors_invitees if (
            kind is BodyKind.university and rule.rectors_invitees) else rule.invitees
    if profile.on(TimeLead):
        lead = profile.get(TimeLead)
        if lead.questions_months is not None:
            steps["questions_by"] = alert_day or months_back(day, lead.questions_months)
        if lead.egov_portal:
            steps["portal_by"] = alert_day or announce_date(day, profile)
    if profile.on(DlAfter) and kind is BodyKind.ceb:
        days = profile.get(DlAfter).briefing_days
        if days is not None:
            steps["briefing_by"] = day + dt.timedelta(days=days)
    return steps
