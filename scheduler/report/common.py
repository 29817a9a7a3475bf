"""What every output of a report needs: names in a language, agenda texts, deadlines (the
counts are ``scheduler.summary``'s).

Nothing here draws or writes files; the workbook, the charts, the HTML/PDF report and
the .ics calendars all read the same facts from these helpers so they never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scheduler.checker import CheckReport
from scheduler.i18n import LABELS, LANGS, decimal
from scheduler.instance import BodyKind, Instance, Role
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import (
    DlAfter,
    DlAkimCal,
    DlChange,
    DlDraft,
    DlLocalLists,
    DlMvk,
    DlQreport,
    DlResults,
    ExtraDemand,
    Profile,
    TimeLead,
    UrgentTension,
    milestone_date,
)
from scheduler.safe_text import one_line

HALF_MILESTONES = (DlLocalLists, DlDraft, DlMvk, DlResults, DlAkimCal)

# The English defaults of the profile's agenda texts, with their label keys
AGENDA_LABELS = {
    "maslikhat deputies": "aud_maslikhat",
    "political parties": "aud_parties",
    "public organisations": "aud_public",
    "opposition": "aud_opposition",
    "parents": "aud_parents",  # rectors' meetings (S-2016 item 3)
    "students": "aud_students",
    "employers": "aud_employers",
    "the academic community": "aud_academic",
    "the media": "aud_media",
    "public council members": "aud_public_council",  # kz-2016/2018 (S-2016 items 4, 12-13)
    "heads of national holdings and companies": "aud_holdings",
    "members of the government (at regional akims' meetings)": "aud_government",
    "the regional akim or his deputy (at district akims' meetings)": "aud_regional_akim",
    "videoconference with the regions (ministers); official internet resources":
        "channel_2016",
    "live on a national tv channel with a videoconference to the regions (ministers); "
    "official internet resources": "channel_2018",
    "online stream on the official social media accounts, comments open": "channel_default",
}

# Fill colours (hex RGB) shared by the workbook, the charts and the HTML report
COLOUR_OOS = "F8CBAD"  # out of schedule: light orange
COLOUR_SUBST = "BDD7EE"  # a deputy presents: light blue
COLOUR_BOTH = "D9B3E6"  # both: light violet


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}' (known: {', '.join(LANGS)})")
    return lang


def tr(key: str, lang: str, **fields) -> str:
    """The label ``key`` in ``lang``, with its ``{fields}`` filled in."""
    text = LABELS[key][lang]
    return text.format(**fields) if fields else text


def bi(key: str, sep: str = " / ") -> str:
    """A bilingual Russian / Kazakh label, e.g. 'Дата / Күні'."""
    return f"{LABELS[key]['ru']}{sep}{LABELS[key]['kk']}"


def agenda_text(text: str, lang: str) -> str:
    key = AGENDA_LABELS.get(text.strip().lower())
    return tr(key, lang) if key else text


def fmt_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def fmt_time(time: dt.time) -> str:
    return time.strftime("%H:%M")


def rule_title(profile: Profile | None, rule_id: str, lang: str) -> str:
    """The rule's title as this profile words it: an edition's own wording (``title_ru``,
    ``title_kk`` and its English ``title``) before the catalogue's kz-2024 label."""
    rule = profile.rules.get(rule_id) if profile else None
    if rule is not None and rule.title_ru:
        return {"ru": rule.title_ru, "kk": rule.title_kk or rule.title_ru}.get(lang, rule.title)
    key = f"rule_{rule_id}"
    if key in LABELS:
        return tr(key, lang)
    return rule.title if rule and rule.title else rule_id


# ------------------------------------------------------------------------ names
# Names are shown on one line in every output (a line break or a control character in an
# instance's text never reaches a chart label, a sheet name or an .ics line).
def region_name(inst: Instance, region_id: str, lang: str) -> str:
    try:
        return one_line(inst.region(region_id).name.get(lang))
    except KeyError:
        return region_id


def short_region_name(inst: Instance, region_id: str, lang: str) -> str:
    """A region name short enough for a chart label: 'обл.' for 'область' and so on."""
    name = region_name(inst, region_id, lang)
    for long, short in ((" область", " обл."), ("область ", "обл. "), (" облысы", " обл."),
                        ("город ", "г. "), (" қаласы", " қ."), (" Region", ""),
                        (" city", "")):
        name = name.replace(long, short)
    return name


def body_name(inst: Instance, body_id: str, lang: str) -> str:
    try:
        return one_line(inst.body(body_id).name.get(lang))
    except KeyError:
        return body_id


def official_title(inst: Instance, official_id: str, lang: str) -> str:
    try:
        return one_line(inst.official(official_id).title.get(lang))
    except KeyError:
        return official_id


def centre_name(inst: Instance, region_id: str, lang: str = "ru") -> str:
    try:
        return one_line(inst.region(region_id).centre.name.get(lang))
    except KeyError:
        return ""


def issue_texts(inst: Instance, meeting: Meeting, lang: str) -> list[str]:
    issues = {i.id: i for i in inst.issues}
    return [one_line(issues[i].text.get(lang)) if i in issues else i for i in meeting.issue_ids]


def kind_label(meeting: Meeting, lang: str) -> str:
    text = tr("kind_out_of_schedule" if meeting.kind is MeetingKind.out_of_schedule
              else "kind_planned", lang)
    if meeting.substituted:
        text += f", {tr('substitution', lang)}"
    return text


def weekday(day: dt.date, lang: str) -> str:
    return tr(f"wd_{day.weekday()}", lang)


def reason_text(inst: Instance, meeting: Meeting, lang: str) -> str:
    """Why the meeting is out of schedule and/or why a deputy presents, in ``lang``.

    Rebuilt from the instance (alert, absence) so that it reads in the report's
    language; falls back to the calendar's own ``reason`` text.
    """
    parts = []
    alert = next((a for a in inst.alerts if a.id == meeting.alert_id), None)
    if alert is not None:
        parts.append(tr("reason_alert", lang, level=tr(f"alert_{alert.level.value}", lang),
                        region=region_name(inst, alert.region_id, lang),
                        date=fmt_date(alert.date), text=alert.text.get(lang)).rstrip(": "))
    if meeting.substituted:
        absence = next((a for a in inst.absences
                        if a.official_id == meeting.official_id and a.covers(meeting.date)), None)
        if absence is not None:
            parts.append(tr("reason_subst", lang,
                            official=official_title(inst, meeting.official_id, lang),
                            why=tr(f"absence_{absence.reason.value}", lang),
                            start=fmt_date(absence.start), end=fmt_date(absence.end),
                            presenter=official_title(inst, meeting.presenter_id, lang)))
    if not parts and meeting.reason:
        parts.append(meeting.reason)
    return "; ".join(parts)


def agenda(meeting: Meeting, lang: str) -> dict[str, str]:
    """The agenda of a meeting (FMT-QA, FMT-ONLINE, FMT-AUDIENCE) as display texts."""
    mins = tr("minutes", lang)
    return {
        "report": f"{meeting.report_minutes} {mins}" if meeting.report_minutes is not None else "",
        "qa": f"{meeting.qa_minutes} {mins}" if meeting.qa_minutes is not None else "",
        "channel": agenda_text(meeting.channel, lang) if meeting.channel else "",
        "audience": ", ".join(agenda_text(a, lang) for a in meeting.audience),
    }


def sorted_meetings(calendar: Calendar) -> list[Meeting]:
    return sorted(calendar.meetings, key=lambda m: (m.date, m.start, m.id))


# -------------------------------------------------------------------- deadlines
@dataclass(frozen=True)
class Deadline:
    date: dt.date
    rule_id: str
    text: dict[str, str]  # lang -> what is due
    meeting_id: str = ""


def _all_langs(key: str, **fields) -> dict[str, str]:
    return {lang: tr(key, lang, **fields) for lang in LANGS}


def horizon_deadlines(inst: Instance, profile: Profile) -> list[Deadline]:
    """The dated milestones of the horizon (DL-LOCAL-LISTS ... DL-AKIM-CAL), by date."""
    year, half = inst.horizon.year, inst.horizon.half
    out: list[Deadline] = []
    for milestone in HALF_MILESTONES:
        rule_id = milestone.rule_id
        if not profile.on(milestone):
            continue
        day = milestone_date(profile.get(milestone), year, half)
        if day is not None:
            out.append(Deadline(day, rule_id, {lang: rule_title(profile, rule_id, lang)
                                               for lang in LANGS}))
    change_day = profile.get(DlChange).quarterly_day
    report_day = profile.get(DlQreport).quarterly_day
    for q in inst.horizon.quarters:
        last_month = 3 * q
        if profile.on(DlChange) and change_day:
            day = dt.date(year, last_month, change_day)
            out.append(Deadline(day, DlChange.rule_id, _all_langs("dl_change_q", q=q)))
        if profile.on(DlQreport) and report_day:
            nxt_year, nxt_month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
            day = dt.date(nxt_year, nxt_month, report_day)
            out.append(Deadline(day, DlQreport.rule_id, _all_langs("dl_qreport_q", q=q)))
    return sorted(out, key=lambda d: (d.date, d.rule_id))


def results_date(profile: Profile, meeting: Meeting) -> dt.date | None:
    if meeting.results_by is not None:
        return meeting.results_by
    rule = profile.get(DlAfter)
    if profile.on(DlAfter) and rule.days_after_meeting is not None:
        return meeting.date + dt.timedelta(days=rule.days_after_meeting)
    return None


# A meeting's dated steps of S-2018: (field of the meeting, rule id, label key)
STEP_ROWS = (("questions_by", TimeLead.rule_id, "dl_questions"),
             ("portal_by", TimeLead.rule_id, "dl_portal"),
             ("briefing_by", DlAfter.rule_id, "dl_briefing"))


def meeting_deadlines(inst: Instance, profile: Profile, calendar: Calendar) -> list[Deadline]:
    """Each meeting's announcement date (TIME-LEAD), results date (DL-AFTER) and the dated
    steps it carries (questions selected, e-government portal, minister's briefing); with
    DL-RESULTS counted per meeting (S-2016 items 9, 10), the results reported a month after."""
    out = []
    universities = {b.id for b in inst.bodies if b.kind is BodyKind.university}
    for m in sorted_meetings(calendar):
        label = {lang: f"{official_title(inst, m.presenter_id, lang)}, "
                       f"{region_name(inst, m.region_id, lang)}, {fmt_date(m.date)}"
                 for lang in LANGS}
        rule = TimeLead.rule_id
        if m.kind is MeetingKind.out_of_schedule:  # announced when set, at the alert
            rule = (ExtraDemand if inst.is_akimat(m.body_id) else UrgentTension).rule_id
        out.append(Deadline(m.announce_by, rule,
                            {lang: tr("dl_announce", lang, meeting=label[lang]) for lang in LANGS},
                            m.id))
        after = results_date(profile, m)
        if after is not None:
            out.append(Deadline(after, DlAfter.rule_id,
                                {lang: tr("dl_after", lang, meeting=label[lang])
                                 for lang in LANGS}, m.id))
        results = profile.get(DlResults)
        if profile.on(DlResults) and results.days_after_meeting is not None:
            key = "dl_results_rector" if m.body_id in universities else "dl_results_gov"
            out.append(Deadline(m.date + dt.timedelta(days=results.days_after_meeting),
                                DlResults.rule_id, {lang: tr(key, lang, meeting=label[lang])
                                               for lang in LANGS}, m.id))
        for field, rule_id, key in STEP_ROWS:  # the dated steps the meeting carries (S-2018)
            day = getattr(m, field)
            if day is not None:
                out.append(Deadline(day, rule_id, {lang: tr(key, lang, meeting=label[lang])
                                                   for lang in LANGS}, m.id))
    return out


def all_deadlines(inst: Instance, profile: Profile, calendar: Calendar) -> list[Deadline]:
    return sorted(horizon_deadlines(inst, profile) + meeting_deadlines(inst, profile, calendar),
                  key=lambda d: (d.date, d.meeting_id != "", d.meeting_id, d.rule_id))


# ---------------------------------------------------------------------- weeks
def horizon_weeks(inst: Instance) -> list[dt.date]:
    """The Mondays of the ISO weeks that touch the horizon."""
    start = inst.horizon.start - dt.timedelta(days=inst.horizon.start.weekday())
    weeks = []
    while start <= inst.horizon.end:
        weeks.append(start)
        start += dt.timedelta(days=7)
    return weeks


def week_index(inst: Instance, day: dt.date) -> int:
    first = inst.horizon.start - dt.timedelta(days=inst.horizon.start.weekday())
    return (day - first).days // 7


# ------------------------------------------------------------------ coverage
def ministers(inst: Instance) -> list:
    """First heads of ministries (CEBs), in the instance's order."""
    return [o for o in inst.officials if o.role is Role.first_head
            and inst.body(o.body_id).kind is BodyKind.ceb]


def draft_banner(report: CheckReport, lang: str) -> str:
    """'DRAFT: this calendar breaks hard rules (N violations) ...', or '' when none breaks."""
    return tr("draft_banner", lang, n=len(report.violations)) if report.violations else ""


def status_text(calendar: Calendar, lang: str, report: CheckReport | None = None) -> str:
    """The solver's status in words; a draft's banner when the calendar breaks hard rules
    (whatever the file claims, such a calendar is neither optimal nor feasible)."""
    if report is not None and report.violations:
        return draft_banner(report, lang)
    key = calendar.status if calendar.status in LABELS else None
    return f"{calendar.status}: {tr(key, lang)}" if key else calendar.status


def gap_text(calendar: Calendar, lang: str) -> str:
    return "" if calendar.gap is None else f"{decimal(calendar.gap * 100, lang, 2)} %"


def quality_text(calendar: Calendar, lang: str, report: CheckReport | None = None) -> str:
    """The solver's verdict in plain words: 'the calendar is the best possible under the
    rules: proven', or how much better the best one might be."""
    if report is not None and report.violations:
        return draft_banner(report, lang)
    if calendar.status == "OPTIMAL" or (calendar.status == "FEASIBLE" and not calendar.gap):
        return tr("plain_OPTIMAL", lang)
    if calendar.status == "FEASIBLE":
        return tr("plain_FEASIBLE", lang, gap=decimal(100 * (calendar.gap or 0), lang))
    return status_text(calendar, lang, report)
