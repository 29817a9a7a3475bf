"""A quarter's change set: change requests, new absences, new alerts, extra days off.

Ministries propose changes each quarter, no later than the first day of the quarter's
last month (DL-CHANGE); a later request is refused with that reason unless forced. A
tension alert is never late.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Callable

from pydantic import model_validator

from scheduler.instance import (
    Absence,
    AbsenceReason,
    DateKind,
    Frozen,
    Id,
    Instance,
    TensionAlert,
    Text,
    Texts,
    quarter_of,
)
from scheduler.io import InputError
from scheduler.meetings import Calendar, MeetingKind
from scheduler.profile import (
    DlChange,
    FreqAkim,
    FreqCebQuarter,
    Profile,
    RegionAgree,
    TimeLead,
    TimeOffhours,
)
from scheduler.rules.time_lead import lead_end
from scheduler.slots import days_off


class Action(str, Enum):
    move = "move"  # move a meeting to another date and/or region
    cancel = "cancel"  # cancel a meeting; the planner re-places it where the rules need it
    add = "add"  # add a meeting of the body (date and/or region optional)
    block = "block"  # the body's head cannot meet on these dates


class ChangeRequest(Frozen):
    id: Id
    body_id: Id
    submitted: dt.date
    action: Action
    meeting_id: Id | None = None  # move, cancel
    date: dt.date | None = None  # move, add: the new date
    region_id: Id | None = None  # move, add: the new region
    dates: tuple[dt.date, ...] = ()  # block
    note: Text = ""

    @model_validator(mode="after")
    def _fields(self) -> ChangeRequest:
        if self.action in (Action.move, Action.cancel) and not self.meeting_id:
            raise ValueError(f"a '{self.action.value}' request needs 'meeting_id'")
        if self.action is Action.move and self.date is None and self.region_id is None:
            raise ValueError("a 'move' request needs a new 'date' or 'region_id'")
        if self.action is Action.block and not self.dates:
            raise ValueError("a 'block' request needs 'dates'")
        return self


class ChangeSet(Frozen):
    requests: tuple[ChangeRequest, ...] = ()
    absences: tuple[Absence, ...] = ()
    alerts: tuple[TensionAlert, ...] = ()
    extra_days_off: tuple[dt.date, ...] = ()
    note: Text = ""


def validate_changes(changes: ChangeSet, instance: Instance, calendar: Calendar,
                     as_of: dt.date, source: str, locate: Callable[[str, int], str]) -> None:
    """Refuse (InputError naming the file, row and field) a change set that does not fit the
    instance and the calendar: unknown bodies, officials, regions or meetings, a meeting of
    another body, repeated ids, dates outside the half-year. Nothing is solved before."""
    horizon = instance.horizon
    regions = {r.id for r in instance.regions}
    bodies = {b.id for b in instance.bodies}
    officials = {o.id for o in instance.officials}
    meetings = calendar.by_id()
    known_alerts = {a.id: a for a in instance.alerts}
    problems: list[str] = []

    def bad(table: str, index: int, field: str, message: str) -> None:
        problems.append(f"{source}: {locate(table, index)}, field '{field}': {message}")

    def outside(day: dt.date) -> bool:
        return not horizon.start <= day <= horizon.end

    span = f"{horizon.start.isoformat()}..{horizon.end.isoformat()}"
    seen: set[str] = set()
    for i, r in enumerate(changes.requests):
        if r.id in seen:
            bad("requests", i, "id", f"id '{r.id}' used twice")
        seen.add(r.id)
        if r.body_id not in bodies:
            bad("requests", i, "body_id", f"unknown body '{r.body_id}'")
        meeting = meetings.get(r.meeting_id or "")
        if r.meeting_id and meeting is None:
            bad("requests", i, "meeting_id", f"no meeting '{r.meeting_id}' in the calendar")
        elif meeting is not None and r.body_id in bodies and meeting.body_id != r.body_id:
            bad("requests", i, "meeting_id",
                f"meeting {meeting.id} belongs to '{meeting.body_id}', not '{r.body_id}'")
        if r.region_id and r.region_id not in regions:
            bad("requests", i, "region_id", f"unknown region '{r.region_id}'")
        for day in (r.date, *r.dates):
            if day is not None and outside(day):
                bad("requests", i, "dates" if r.dates else "date",
                    f"{day} is outside the half-year {span}")
    for i, a in enumerate(changes.absences):
        if a.official_id not in officials:
            bad("absences", i, "official_id", f"unknown official '{a.official_id}'")
        if a.end < horizon.start or a.start > horizon.end:
            bad("absences", i, "start", f"{a.start}..{a.end} is outside the half-year {span}")
    seen = set()
    for i, alert in enumerate(changes.alerts):
        earlier = known_alerts.get(alert.id)
        if alert.id in seen or (earlier is not None and earlier != alert):
            bad("alerts", i, "id", f"alert id '{alert.id}' is already used by another alert")
        seen.add(alert.id)
        if alert.region_id not in regions:
            bad("alerts", i, "region_id", f"unknown region '{alert.region_id}'")
        for body in alert.body_ids:
            if body not in bodies:
                bad("alerts", i, "body_ids", f"unknown body '{body}'")
        if outside(alert.date):
            bad("alerts", i, "date", f"{alert.date} is outside the half-year {span}")
    for i, day in enumerate(changes.extra_days_off):
        if outside(day):
            bad("extra_days_off", i, "date", f"{day} is outside the half-year {span}")
    if outside(as_of):
        problems.append(f"--as-of {as_of}: outside the half-year {span} of {source}")
    if problems:
        shown = problems[:12] + ([f"... and {len(problems) - 12} more problems"]
                                 if len(problems) > 12 else [])
        raise InputError("\n".join(shown))


def change_deadline(day: dt.date, profile: Profile) -> dt.date:
    """DL-CHANGE: the 1st (``quarterly_day``) of the last month of the quarter the change
    is for (the quarter of the meeting's date or new date; docs/rules.md). Ministries
    only: akims' calendars are corrected with the maslikhat (S-2022A item 2)."""
    return dt.date(day.year, 3 * quarter_of(day), profile.get(DlChange).quarterly_day or 1)


@dataclass(frozen=True)
class Refusal:
    request_id: str
    rule_id: str
    reason: str


def target_date(request: ChangeRequest, calendar: Calendar) -> dt.date | None:
    """The date a request is about: its new date, else the date of the meeting it moves."""
    if request.date is not None:
        return request.date
    if request.dates:
        return min(request.dates)
    meeting = calendar.by_id().get(request.meeting_id or "")
    return meeting.date if meeting else None


def screen_requests(changes: ChangeSet, instance: Instance, profile: Profile,
                    calendar: Calendar, as_of: dt.date, force: bool
                    ) -> tuple[list[ChangeRequest], list[Refusal]]:
    """Split requests into those to apply and those refused, each refusal with its rule id."""
    frozen_until = lead_end(as_of, profile)  # TIME-LEAD
    lead = (frozen_until - as_of).days
    meetings = calendar.by_id()
    heads = {o.body_id for o in instance.heads()}
    blocked = {(rd.region_id, rd.date) for rd in instance.region_dates
               if rd.kind is DateKind.blocked} if profile.on(RegionAgree) else set()
    accepted, refused = [], []
    for r in changes.requests:
        meeting = meetings.get(r.meeting_id or "")
        day = target_date(r, calendar)
        if r.body_id not in heads:
            refused.append(Refusal(r.id, "CALENDAR", f"unknown body '{r.body_id}'"))
        elif r.meeting_id and meeting is None:
            refused.append(Refusal(r.id, "CALENDAR",
                                   f"no meeting '{r.meeting_id}' in the calendar"))
        elif meeting is not None and meeting.body_id != r.body_id:
            refused.append(Refusal(r.id, "CALENDAR",
                                   f"meeting {meeting.id} belongs to '{meeting.body_id}'"))
        elif (r.action is Action.move and meeting is not None and r.date in (None, meeting.date)
              and r.region_id in (None, meeting.region_id)):
            refused.append(Refusal(r.id, "NO-CHANGE", (
                f"meeting {meeting.id} is already on {meeting.date} in {meeting.region_id}: "
                f"nothing to change")))
        elif r.region_id and r.region_id not in {g.id for g in instance.regions}:
            refused.append(Refusal(r.id, "CALENDAR", f"unknown region '{r.region_id}'"))
        elif meeting is not None and meeting.date < frozen_until:
            refused.append(Refusal(r.id, TimeLead.rule_id, (
                f"meeting {meeting.id} on {meeting.date} is already published (inside the "
                f"{lead}-day window after {as_of}); it keeps its date and region")))
        elif r.date is not None and r.date < frozen_until:
            refused.append(Refusal(r.id, TimeLead.rule_id, (
                f"{r.date} is less than {lead} days after {as_of}: too late to announce")))
        elif r.date is not None and r.date in days_off(instance) and not (
                profile.get(TimeOffhours).use_public_holidays):
            refused.append(Refusal(r.id, TimeOffhours.rule_id, (
                f"{r.date} is a day off ({days_off(instance)[r.date]}): no meeting that day")))
        elif r.date is not None and (r.region_id or (meeting.region_id if meeting else ""),
                                     r.date) in blocked:
            refused.append(Refusal(r.id, RegionAgree.rule_id, (
                f"the region has blocked {r.date}")))
        elif r.action is Action.add and not _room_for_one_more(r, instance, profile, calendar,
                                                               frozen_until):
            refused.append(Refusal(r.id, _frequency_rule(r, instance).rule_id, (
                "the head of this body already has the most meetings a quarter allows "
                "in every quarter the request could use")))
        elif (not force and profile.on(DlChange) and day is not None
              and instance.is_ministerial(r.body_id)  # akimats: the maslikhat
              and r.submitted > change_deadline(day, profile)):
            refused.append(Refusal(r.id, DlChange.rule_id, (
                f"submitted on {r.submitted}, after the deadline {change_deadline(day, profile)} "
                f"for changes in Q{quarter_of(day)} {day.year}")))
        else:
            accepted.append(r)
    return accepted, refused


def _frequency_rule(request: ChangeRequest, instance: Instance
                    ) -> type[FreqCebQuarter] | type[FreqAkim]:
    return FreqCebQuarter if instance.is_ministerial(request.body_id) else FreqAkim


def _room_for_one_more(request: ChangeRequest, instance: Instance, profile: Profile,
                       calendar: Calendar, frozen_until: dt.date) -> bool:
    """Can the head of the body hold one more planned meeting in a quarter it may use?"""
    rule = _frequency_rule(request, instance)
    if not profile.on(rule):
        return True
    most = profile.get(rule).max_per_quarter
    held = Counter(m.quarter for m in calendar.meetings
                   if m.body_id == request.body_id and m.kind is MeetingKind.planned)
    quarters = [quarter_of(request.date)] if request.date else [
        q for q in instance.horizon.quarters
        if dt.date(instance.horizon.year, 3 * q, 28) >= frozen_until]
    return any(held[q] < most for q in quarters)


def apply_to_instance(instance: Instance, changes: ChangeSet,
                      accepted: list[ChangeRequest]) -> Instance:
    """The instance with the change set's absences, alerts, days off and blocked dates."""
    heads = {o.body_id: o.id for o in instance.heads()}
    blocks = tuple(Absence(official_id=heads[r.body_id], start=day, end=day,
                           reason=AbsenceReason.other,
                           note=Texts(kk=f"blocked by request {r.id}",
                                      ru=f"blocked by request {r.id}",
                                      en=f"blocked by request {r.id}"))
                   for r in accepted if r.action is Action.block for day in r.dates)
    data = instance.model_dump()
    new_absences = [a for a in (*changes.absences, *blocks) if a not in instance.absences]
    new_alerts = [a for a in changes.alerts if a not in instance.alerts]  # re-run: no-op
    data["absences"] = [*data["absences"], *(a.model_dump() for a in new_absences)]
    data["alerts"] = [*data["alerts"], *(a.model_dump() for a in new_alerts)]
    data["extra_days_off"] = sorted({*instance.extra_days_off, *changes.extra_days_off})
    return Instance.model_validate(data)



def carry_over(instance: Instance, planned_with: Instance) -> Instance:
    """The instance plus what earlier change sets added (absences, alerts, days off), taken
    from the instance the published calendar was planned with."""
    known_alerts = {a.id for a in instance.alerts}
    earlier = ChangeSet(
        absences=tuple(a for a in planned_with.absences if a not in instance.absences),
        alerts=tuple(a for a in planned_with.alerts if a.id not in known_alerts),
        extra_days_off=tuple(d for d in planned_with.extra_days_off
                             if d not in instance.extra_days_off))
    if not (earlier.absences or earlier.alerts or earlier.extra_days_off):
        return instance
    return apply_to_instance(instance, earlier, [])
