"""iCalendar files: one per official (duty holder and presenter alike) and one per region.

Times are written in UTC (a meeting at 10:00 local time, UTC+5, is ``DTSTART:...T050000Z``),
which every calendar program imports without a time-zone definition. Each event's UID is
the meeting id at a fixed domain, so re-importing an updated calendar updates the events.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar as ICalendar
from icalendar import Event

from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting
from scheduler.report import common as c

LOCAL = dt.timezone(dt.timedelta(hours=5), "UTC+5")  # Kazakhstan's single time zone since 2024
UID_DOMAIN = "meetings.kz-scheduler"
PRODID = "-//kz-meetings-scheduler//meetings with the population//RU"


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=LOCAL)


def _description(inst: Instance, m: Meeting, lang: str) -> str:
    agenda = c.agenda(m, lang)
    lines = [
        f"{c.tr('col_official', lang)}: {c.official_title(inst, m.official_id, lang)}",
        f"{c.tr('col_presenter', lang)}: {c.official_title(inst, m.presenter_id, lang)}",
        f"{c.tr('col_body', lang)}: {c.body_name(inst, m.body_id, lang)}",
        f"{c.tr('col_kind', lang)}: {c.kind_label(m, lang)}",
    ]
    reason = c.reason_text(inst, m, lang)
    if reason:
        lines.append(f"{c.tr('col_reason', lang)}: {reason}")
    issues = c.issue_texts(inst, m, lang)
    if issues:
        lines.append(f"{c.tr('col_issues', lang)}: " + "; ".join(issues))
    lines += [
        f"{c.tr('col_agenda', lang)}: {c.tr('col_report_min', lang)} {agenda['report']}, "
        f"{c.tr('col_qa_min', lang)} {agenda['qa']}",
        f"{c.tr('col_channel', lang)}: {agenda['channel']}",
        f"{c.tr('col_audience', lang)}: {agenda['audience']}",
        f"{c.tr('col_announce_by', lang)}: {c.fmt_date(m.announce_by)}",
    ]
    if m.results_by:
        lines.append(f"{c.tr('col_results_by', lang)}: {c.fmt_date(m.results_by)}")
    lines.append(f"{c.tr('col_id', lang)}: {m.id}")
    return "\n".join(lines)


def event(inst: Instance, calendar: Calendar, m: Meeting, lang: str) -> Event:
    ev = Event()
    ev.add("uid", f"{m.id}@{UID_DOMAIN}")
    stamp = calendar.created or dt.datetime.combine(calendar.approval_date, dt.time(0, 0))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    ev.add("dtstamp", stamp.astimezone(dt.timezone.utc))
    ev.add("dtstart", local_datetime(m.date, m.start).astimezone(dt.timezone.utc))
    ev.add("dtend", local_datetime(m.date, m.end).astimezone(dt.timezone.utc))
    summary = (f"{c.tr('ics_summary', lang)}: {c.official_title(inst, m.presenter_id, lang)}, "
               f"{c.region_name(inst, m.region_id, lang)}")
    if m.kind.value == "out_of_schedule":
        summary += f" ({c.tr('kind_out_of_schedule', lang)})"
    ev.add("summary", summary)
    centre = c.centre_name(inst, m.region_id)
    region = c.region_name(inst, m.region_id, lang)
    ev.add("location", f"{centre}, {region}" if centre else region)
    ev.add("description", _description(inst, m, lang))
    ev.add("categories", [c.tr(f"kind_{m.kind.value}", lang)])
    ev.add("status", "CONFIRMED")
    ev.add("transp", "OPAQUE")
    return ev


def ics_bytes(inst: Instance, calendar: Calendar, meetings: list[Meeting], name: str,
              lang: str) -> bytes:
    cal = ICalendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", c.tr("ics_calendar", lang, name=name))
    cal.add("x-wr-timezone", "Asia/Almaty")
    for m in sorted(meetings, key=lambda m: (m.date, m.start, m.id)):
        cal.add_component(event(inst, calendar, m, lang))
    return cal.to_ical()


def ics_files(inst: Instance, calendar: Calendar, lang: str = "ru") -> dict[str, bytes]:
    """File name (relative to ``ics/``) -> content: every official with a meeting to
    hold or present, and every region."""
    people: dict[str, list[Meeting]] = {}
    for m in calendar.meetings:
        for person in {m.official_id, m.presenter_id}:
            people.setdefault(person, []).append(m)
    files = {}
    for person, mine in sorted(people.items()):
        files[f"{person}.ics"] = ics_bytes(inst, calendar, mine,
                                           c.official_title(inst, person, lang), lang)
    for region in inst.regions:
        mine = [m for m in calendar.meetings if m.region_id == region.id]
        files[f"region-{region.id}.ics"] = ics_bytes(inst, calendar, mine,
                                                     region.name.get(lang), lang)
    return files
