"""iCalendar files: one per official (duty holder and presenter alike) and one per region,
``officials/OFFICIAL.ics`` and ``regions/REGION.ics`` (two folders, so no official's file
can take a region's name).

Times are written in UTC (a meeting at 10:00 local time, UTC+5, is ``DTSTART:...T050000Z``),
which every calendar program imports without a time-zone definition. Each event's UID is
the meeting's uid (``scheduler.meetings.uid_of``), kept across re-plans and never given to
another official's meeting; its SEQUENCE grows and LAST-MODIFIED moves whenever a re-plan
changes its date, time, region or presenter, so re-importing an updated calendar updates
the events. Every text is one line (a title with a line break would break the file); a
calendar that breaks hard rules is marked as a draft in each event.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar as ICalendar
from icalendar import Event

from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind, uid_of
from scheduler.report import common as c
from scheduler.safe_text import one_line

LOCAL = dt.timezone(dt.timedelta(hours=5), "UTC+5")  # Kazakhstan's single time zone since 2024
UID_DOMAIN = "meetings.kz-scheduler"
PRODID = "-//kz-meetings-scheduler//meetings with the population//RU"


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=LOCAL)


def _description(inst: Instance, m: Meeting, lang: str, draft: str = "") -> str:
    agenda = c.agenda(m, lang)
    lines = [draft] if draft else []
    lines += [
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
    for field, _, _ in c.STEP_ROWS:  # the dated steps the meeting carries (S-2018)
        if getattr(m, field):
            lines.append(f"{c.tr(f'col_{field}', lang)}: {c.fmt_date(getattr(m, field))}")
    lines.append(f"{c.tr('col_id', lang)}: {m.id}")
    return "\n".join(one_line(line) for line in lines)


def _utc(stamp: dt.datetime) -> dt.datetime:
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)).astimezone(
        dt.timezone.utc)


def event(inst: Instance, calendar: Calendar, m: Meeting, lang: str,
          draft: str = "") -> Event:
    """One meeting; ``draft`` (the draft banner) heads its summary and description."""
    ev = Event()
    ev.add("uid", f"{uid_of(calendar, m)}@{UID_DOMAIN}")
    stamp = _utc(calendar.created or dt.datetime.combine(calendar.approval_date, dt.time(0, 0)))
    ev.add("dtstamp", stamp)
    ev.add("last-modified", _utc(m.modified) if m.modified else stamp)
    ev.add("sequence", m.sequence)
    ev.add("dtstart", local_datetime(m.date, m.start).astimezone(dt.timezone.utc))
    ev.add("dtend", local_datetime(m.date, m.end).astimezone(dt.timezone.utc))
    summary = (f"{c.tr('ics_summary', lang)}: {c.official_title(inst, m.presenter_id, lang)}, "
               f"{c.region_name(inst, m.region_id, lang)}")
    if m.kind is MeetingKind.out_of_schedule:
        summary += f" ({c.tr('kind_out_of_schedule', lang)})"
    if draft:
        summary = f"{c.tr('draft', lang)}: {summary}"
    ev.add("summary", one_line(summary))
    centre = c.centre_name(inst, m.region_id, lang)
    region = c.region_name(inst, m.region_id, lang)
    ev.add("location", one_line(f"{centre}, {region}" if centre else region))
    ev.add("description", _description(inst, m, lang, draft))
    ev.add("categories", [c.tr(f"kind_{m.kind.value}", lang)])
    ev.add("status", "CONFIRMED")
    ev.add("transp", "OPAQUE")
    return ev


def ics_bytes(inst: Instance, calendar: Calendar, meetings: list[Meeting], name: str,
              lang: str, draft: str = "") -> bytes:
    cal = ICalendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = c.tr("ics_calendar", lang, name=name)
    cal.add("x-wr-calname", one_line(f"{c.tr('draft', lang)}: {title}" if draft else title))
    cal.add("x-wr-timezone", "Asia/Almaty")
    for m in sorted(meetings, key=lambda m: (m.date, m.start, m.id)):
        cal.add_component(event(inst, calendar, m, lang, draft))
    return cal.to_ical()


def ics_names(inst: Instance, calendar: Calendar) -> dict[str, list[Meeting]]:
    """File name (relative to ``ics/``) -> its meetings: every official with a meeting to
    hold or present, and every region."""
    people: dict[str, list[Meeting]] = {}
    for m in calendar.meetings:
        for person in {m.official_id, m.presenter_id}:
            people.setdefault(person, []).append(m)
    files = {f"officials/{person}.ics": mine for person, mine in sorted(people.items())}
    for region in inst.regions:
        files[f"regions/{region.id}.ics"] = [m for m in calendar.meetings
                                             if m.region_id == region.id]
    return files


def ics_files(inst: Instance, calendar: Calendar, lang: str = "ru",
              draft: str = "") -> dict[str, bytes]:
    """File name (relative to ``ics/``) -> content (see :func:`ics_names`)."""
    files = {}
    for name, mine in ics_names(inst, calendar).items():
        folder, key = name.removesuffix(".ics").split("/", 1)
        title = (c.official_title(inst, key, lang) if folder == "officials"
                 else c.region_name(inst, key, lang))
        files[name] = ics_bytes(inst, calendar, mine, title, lang, draft)
    return files
