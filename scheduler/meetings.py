"""The calendar file: a half-year's meetings and how the calendar was made.

This is the format the planner writes (``calendar.json``), the checker reads, and the
reports, re-plans and diffs work on. It carries no solver notions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scheduler.instance import Id
from scheduler.safe_text import csv_cell


class MeetingKind(str, Enum):
    planned = "planned"
    out_of_schedule = "out_of_schedule"


class Meeting(BaseModel):
    """One meeting with the population.

    ``official_id`` is whose duty the meeting fulfils (the minister or akim);
    ``presenter_id`` is who stands in front of the hall (the same person, or a deputy).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: Id
    official_id: Id
    presenter_id: Id
    body_id: Id
    region_id: Id
    district_id: Id | None = None  # akims' meetings: the district of the region (FREQ-AKIM)
    okrug_id: Id | None = None  # district and rural akims: the rural okrug (AKIM-ROTATION)
    # Members of the Government attending a regional akim's meeting (S-2016 item 12.4,
    # ATTEND-GOV): they must be free and able to get there like a presenter.
    attendee_ids: tuple[Id, ...] = ()
    date: dt.date
    start: dt.time
    end: dt.time
    quarter: int = Field(ge=1, le=4)
    kind: MeetingKind = MeetingKind.planned
    reason: str = ""  # why a deputy presents; which alert called the meeting
    alert_id: Id | None = None
    issue_ids: tuple[Id, ...] = ()
    announce_by: dt.date  # TIME-LEAD: published no later than this date
    results_by: dt.date | None = None  # DL-AFTER: results published by this date
    # Dated steps of S-2018 (None: the profile has no such step): the questions sent in
    # collected, analysed and selected (TIME-LEAD questions_months), the announcement on
    # the e-government portal (TIME-LEAD egov_portal), the minister's briefing at the
    # Central Communications Service (DL-AFTER briefing_days).
    questions_by: dt.date | None = None
    portal_by: dt.date | None = None
    briefing_by: dt.date | None = None
    report_minutes: int | None = None  # FMT-QA
    qa_minutes: int | None = None  # FMT-QA
    channel: str = ""  # FMT-ONLINE
    audience: tuple[str, ...] = ()  # FMT-AUDIENCE
    # Calendar programs (.ics): the same uid across re-plans, sequence bumped at each change
    # of date, time, region or presenter, modified = when that change was made. A meeting
    # without uid (a fresh plan, an older file) has the one ``uid_of`` derives.
    uid: Id | None = None
    sequence: int = Field(default=0, ge=0)
    modified: dt.datetime | None = None

    @property
    def substituted(self) -> bool:
        return self.presenter_id != self.official_id


class Calendar(BaseModel):
    """A calendar and the metadata that says how it was made."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    instance: str
    profile: str
    horizon: str  # "2027-H1"
    approval_date: dt.date
    status: str  # OPTIMAL, FEASIBLE, ...
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    wall_time_s: float | None = None
    cost_by_rule: dict[str, float] = {}
    created: dt.datetime | None = None
    meetings: tuple[Meeting, ...] = ()

    @model_validator(mode="after")
    def _unique_uids(self) -> Calendar:
        seen: set[str] = set()
        for m in self.meetings:
            if m.uid in seen:
                raise ValueError(f"meeting {m.id}: uid '{m.uid}' is used twice")
            if m.uid is not None:
                seen.add(m.uid)
        return self

    def by_id(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}


def content_uid(*parts: object) -> str:
    """A stable uid made of the parts that say which meeting it is."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


def uid_of(calendar: Calendar, m: Meeting) -> str:
    """The meeting's uid; for a meeting without one, a hash of whose meeting it is (instance,
    horizon, official, kind, alert) and its id, so that no other official's meeting, in
    this or any later fresh plan, ever shares it."""
    return m.uid or content_uid(calendar.instance, calendar.horizon, m.official_id,
                                m.kind.value, m.alert_id, m.id)


SEQUENCE_FIELDS = ("date", "start", "end", "region_id", "presenter_id")


def carried(published: Calendar, old: Meeting, new: Meeting,
            now: dt.datetime | None) -> dict[str, object]:
    """What ``new``, the continuation of ``old`` in a re-plan made at ``now``, keeps for
    calendar programs: the uid, and the sequence bumped (with the time of the change) when
    it moved or changed presenter."""
    changed = any(getattr(old, f) != getattr(new, f) for f in SEQUENCE_FIELDS)
    return {"uid": uid_of(published, old),
            "sequence": old.sequence + 1 if changed else old.sequence,
            "modified": now if changed else old.modified or published.created}


def new_uid(calendar: Calendar, m: Meeting) -> str:
    """The uid of a meeting a re-plan adds: whose meeting it is, its id and its first slot."""
    return content_uid(calendar.instance, calendar.horizon, m.official_id, m.kind.value,
                       m.alert_id, m.id, m.date, m.start, m.region_id)


CSV_COLUMNS = ("id", "date", "start", "end", "quarter", "kind", "official_id", "presenter_id",
               "body_id", "region_id", "district_id", "reason", "alert_id", "issue_ids",
               "announce_by", "results_by", "questions_by", "portal_by", "briefing_by")


def csv_rows(calendar: Calendar) -> list[dict[str, str]]:
    """The meetings as the rows of a CSV file (issue ids joined by ';'), sorted by date and
    time; a value a spreadsheet would run as a formula gets a leading quote (csv_cell)."""
    rows = []
    for m in sorted(calendar.meetings, key=lambda m: (m.date, m.start, m.id)):
        data = m.model_dump(mode="json")
        data["issue_ids"] = ";".join(m.issue_ids)
        rows.append({col: csv_cell("" if data.get(col) is None else str(data[col]))
                     for col in CSV_COLUMNS})
    return rows


def csv_text(calendar: Calendar) -> str:
    """calendar.csv: the rows of ``csv_rows``, UTF-8 with a byte-order mark (Excel reads it)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(calendar))  # never a formula: see csv_rows
    return "\ufeff" + buffer.getvalue()
