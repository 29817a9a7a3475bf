"""The calendar file: a half-year's meetings and how the calendar was made.

This is the format the planner writes (``calendar.json``), the checker reads, and the
reports, re-plans and diffs work on. It carries no solver notions.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class MeetingKind(str, Enum):
    planned = "planned"
    out_of_schedule = "out_of_schedule"


class Meeting(BaseModel):
    """One meeting with the population.

    ``official_id`` is whose duty the meeting fulfils (the minister or akim);
    ``presenter_id`` is who stands in front of the hall (the same person, or a deputy).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(min_length=1)
    official_id: str
    presenter_id: str
    body_id: str
    region_id: str
    district_id: str | None = None  # akims' meetings: the district of the region (FREQ-AKIM)
    date: dt.date
    start: dt.time
    end: dt.time
    quarter: int = Field(ge=1, le=4)
    kind: MeetingKind = MeetingKind.planned
    reason: str = ""  # why a deputy presents; which alert called the meeting
    alert_id: str | None = None
    issue_ids: tuple[str, ...] = ()
    announce_by: dt.date  # TIME-LEAD: published no later than this date
    results_by: dt.date | None = None  # DL-AFTER: results published by this date
    report_minutes: int | None = None  # FMT-QA
    qa_minutes: int | None = None  # FMT-QA
    channel: str = ""  # FMT-ONLINE
    audience: tuple[str, ...] = ()  # FMT-AUDIENCE

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

    def by_id(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}


CSV_COLUMNS = ("id", "date", "start", "end", "quarter", "kind", "official_id", "presenter_id",
               "body_id", "region_id", "district_id", "reason", "alert_id", "issue_ids", "announce_by",
               "results_by")


def csv_rows(calendar: Calendar) -> list[dict[str, str]]:
    """The meetings as flat rows (issue ids joined by ';'), sorted by date and time."""
    rows = []
    for m in sorted(calendar.meetings, key=lambda m: (m.date, m.start, m.id)):
        data = m.model_dump(mode="json")
        data["issue_ids"] = ";".join(m.issue_ids)
        rows.append({col: "" if data.get(col) is None else str(data[col]) for col in CSV_COLUMNS})
    return rows
