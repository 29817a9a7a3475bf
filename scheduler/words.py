"""Human-facing sentences of the command line in Russian, Kazakh or English.

Officials by title, regions and bodies by name, dates as ``14.01.2027, чт``, rules by their
titles: ids appear only in English output (``--lang en``), which the planners read. The
labels live in :mod:`scheduler.i18n`; this module puts them together with an instance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from scheduler.changes import Action, ChangeRequest, ChangeSet, Refusal, change_deadline
from scheduler.diff import Change
from scheduler.i18n import LABELS, count, day_text
from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import Profile
from scheduler.report import common as c


def tr(key: str, lang: str, **fields) -> str:
    return c.tr(key, lang, **fields)


def rule_name(profile: Profile | None, rule_id: str, lang: str) -> str:
    """A rule by its title; English output keeps the id in front for the planners."""
    key = f"rule_{rule_id}"
    if "," in rule_id:
        return "; ".join(rule_name(profile, r.strip(), lang) for r in rule_id.split(","))
    title = c.rule_title(profile, rule_id, lang) if key in LABELS or profile else rule_id
    return f"{rule_id}: {title}" if lang == "en" and title != rule_id else title


def centre(inst: Instance, region_id: str, lang: str) -> str:
    return c.centre_name(inst, region_id, lang)


def place(inst: Instance, region_id: str, lang: str) -> str:
    """'Мангистауская область (Актау)'."""
    name, town = c.region_name(inst, region_id, lang), centre(inst, region_id, lang)
    return f"{name} ({town})" if town and town not in name else name


def meeting_label(inst: Instance, m: Meeting, lang: str, presenter: bool = True) -> str:
    """'14.01.2027, чт, 18:00, Министр здравоохранения, Мангистауская область (Актау)'."""
    who = c.official_title(inst, m.presenter_id if presenter else m.official_id, lang)
    return f"{day_text(m.date, lang)}, {c.fmt_time(m.start)}, {who}, " \
           f"{place(inst, m.region_id, lang)}"


def finding(inst: Instance, profile: Profile | None, item, lang: str,
            calendar: Calendar | None = None) -> str:
    """A checker's violation or cost in ``lang``: the English sentence for ``en``; else the
    rule's title and the meetings, people, regions and dates behind it, by name."""
    if lang == "en":
        return item.message
    meetings = calendar.by_id() if calendar is not None else {}
    parts = []
    shown_people, shown_regions = set(), set()
    labels = []
    for mid in item.meeting_ids:
        m = meetings.get(mid)
        if m is not None:
            labels.append(meeting_label(inst, m, lang))
            shown_people |= {m.presenter_id, m.official_id}
            shown_regions.add(m.region_id)
    if labels:
        parts.append(f"{tr('f_meetings', lang)}: " + "; ".join(labels))
    people = [c.official_title(inst, o, lang) for o in item.official_ids if o not in shown_people]
    if people:
        parts.append(f"{tr('f_officials', lang)}: " + ", ".join(people))
    regions = [c.region_name(inst, r, lang) for r in item.region_ids if r not in shown_regions]
    if regions:
        parts.append(f"{tr('f_regions', lang)}: " + ", ".join(regions))
    if item.dates and not labels:
        parts.append(f"{tr('f_dates', lang)}: " + ", ".join(day_text(d, lang)
                                                          for d in item.dates))
    return " — ".join([rule_name(profile, item.rule_id, lang), "; ".join(parts)]) if parts \
        else rule_name(profile, item.rule_id, lang)


def why_here(inst: Instance, calendar: Calendar, lang: str) -> dict[Meeting, str]:
    """Per meeting, one line in ``lang``: why it is where it is."""
    issues = {i.id: i for i in inst.issues}
    preferred = {(rd.region_id, rd.date) for rd in inst.region_dates
                 if rd.kind.value == "preferred"}
    ministerial = {b.id for b in inst.bodies if b.kind.value == "ceb"}
    alerts = {a.id: a for a in inst.alerts}
    load: dict[str, int] = defaultdict(int)
    for m in calendar.meetings:
        if m.body_id in ministerial:
            load[m.region_id] += 1
    lines = {}
    for m in c.sorted_meetings(calendar):
        parts = []
        if m.alert_id and m.alert_id in alerts:
            parts.append(tr("why_alert", lang, text=alerts[m.alert_id].text.get(lang)))
        found = [issues[i] for i in m.issue_ids if i in issues]
        if found:
            parts.append(tr("why_issues", lang, w=sum(i.weight for i in found),
                            issues="; ".join(i.text.get(lang) for i in found)))
        if (m.region_id, m.date) in preferred:
            parts.append(tr("why_preferred", lang))
        if m.body_id in ministerial:
            parts.append(tr("why_load", lang, n=load[m.region_id]))
        if m.substituted:
            parts.append(tr("why_presenter", lang, who=c.official_title(inst, m.presenter_id,
                                                                          lang)))
        lines[m] = "; ".join(parts) or tr("why_frequency", lang)
    return lines


# ------------------------------------------------------------------ change notice
def change_reason(change: Change, inst: Instance, calendar: Calendar,
                  requests: tuple[ChangeRequest, ...], lang: str) -> str:
    """Why a meeting changed, in ``lang`` (the same order of causes as the re-plan's own
    English reason: a request, an alert, an absence, a day off, room for an alert)."""
    old, new = change.old, change.new
    meeting_id = (old or new).id
    for r in requests:
        if r.meeting_id == meeting_id or (
                r.action is Action.add and old is None and new is not None
                and new.body_id == r.body_id
                and r.date in (None, new.date) and r.region_id in (None, new.region_id)):
            return tr("rs_request", lang, body=c.body_name(inst, r.body_id, lang),
                      date=c.fmt_date(r.submitted), note="")
    alerts = {a.id: a for a in inst.alerts}
    if new is not None and new.kind is MeetingKind.out_of_schedule and old is None:
        alert = alerts.get(new.alert_id or "")
        if alert is not None:
            return c.reason_text(inst, new, lang)
        return tr("rs_alert", lang, text="")
    if old is not None:
        away = [a for a in inst.absences if a.official_id == old.presenter_id
                and a.covers(old.date)]
        if away:
            a = away[0]
            why = tr(f"absence_{a.reason.value}", lang)
            return tr("rs_away", lang, who=c.official_title(inst, old.presenter_id, lang),
                      start=c.fmt_date(a.start), end=c.fmt_date(a.end), why=why)
        if new is not None and new.substituted and new.alert_id:
            return c.reason_text(inst, new, lang)
        if old.date in inst.extra_days_off:
            return tr("rs_day_off", lang, date=c.fmt_date(old.date))
        for u in calendar.meetings:
            if (u.kind is MeetingKind.out_of_schedule and u.date == old.date
                    and (u.region_id == old.region_id or u.presenter_id == old.presenter_id)):
                return tr("rs_room", lang, date=day_text(u.date, lang),
                          region=c.region_name(inst, u.region_id, lang))
    return tr("rs_other", lang)


def request_action(r: ChangeRequest, inst: Instance, calendar: Calendar | None,
                   lang: str) -> str:
    meetings = calendar.by_id() if calendar is not None else {}
    m = meetings.get(r.meeting_id or "")
    label = meeting_label(inst, m, lang) if m is not None else (r.meeting_id or "")
    where = ", ".join(x for x in ((day_text(r.date, lang) if r.date else ""),
                                  (place(inst, r.region_id, lang) if r.region_id else "")) if x)
    if r.action is Action.block:
        return tr("act_block", lang, dates=", ".join(c.fmt_date(d) for d in r.dates))
    text = tr(f"act_{r.action.value}", lang, meeting=f"«{label}»" if lang != "en" else label)
    return text + (tr("act_to", lang, where=where) if where else "")


def refusal_line(refusal: Refusal, inst: Instance, profile: Profile | None,
                 change_set: ChangeSet | None, calendar: Calendar | None, lang: str) -> str:
    """A refused request in the commission's wording: who asked what, the rule, the deadline."""
    request = next((r for r in (change_set.requests if change_set else ())
                    if r.id == refusal.request_id), None)
    rule = rule_name(profile, refusal.rule_id, lang)
    if request is None:
        return f"{refusal.request_id}: {rule}" + (f": {refusal.reason}" if lang == "en" else "")
    text = tr("refused_line", lang, body=c.body_name(inst, request.body_id, lang),
              submitted=c.fmt_date(request.submitted),
              action=request_action(request, inst, calendar, lang), rule=rule)
    if refusal.rule_id == "DL-CHANGE" and profile is not None:
        day = request.date or (request.dates[0] if request.dates else None)
        if day is None and calendar is not None and request.meeting_id in calendar.by_id():
            day = calendar.by_id()[request.meeting_id].date
        if day is not None:
            text += tr("refused_deadline", lang, deadline=c.fmt_date(change_deadline(day, profile)))
    if lang == "en":
        text += f" ({refusal.reason})"
    return text


def change_line(change: Change, inst: Instance, lang: str, reason: str = "") -> str:
    o, n = change.old, change.new
    kind = tr("ch_" + change.kind, lang)
    head = f"**{kind[:1].upper()}{kind[1:]}**"
    if o is None:
        body = meeting_label(inst, n, lang)
    elif n is None:
        body = meeting_label(inst, o, lang)
    else:
        body = f"{tr('ch_was', lang)}: {meeting_label(inst, o, lang)}; " \
               f"{tr('ch_now', lang)}: {meeting_label(inst, n, lang)}"
    if o is not None and n is not None:
        who = c.official_title(inst, o.official_id, lang)
        body = f"{who}. {body}"
    return f"- {head}: {body}" + (f". {tr('ch_reason', lang)}: {reason}" if reason else "")


def notice_markdown(changes: list[Change], inst: Instance, lang: str, title: str,
                    reasons: list[str] | None = None, refused: list[str] = (),
                    footer: str = "") -> str:
    lines = [f"# {title}", ""]
    if not changes:
        lines.append(tr("no_change", lang))
    for i, change in enumerate(changes):
        lines.append(change_line(change, inst, lang, reasons[i] if reasons else ""))
    if refused:
        lines += ["", f"## {tr('ch_refused', lang)}", ""] + [f"- {r}" for r in refused]
    lines += ["", tr("ch_count", lang, changes=count(len(changes), "change", lang),
                     refused=count(len(refused), "request", lang))]
    if footer:
        lines += ["", footer]
    return "\n".join(lines) + "\n"


def version_kind(kind: str, lang: str) -> str:
    key = f"vk_{kind}"
    return tr(key, lang) if key in LABELS else kind


def as_of_title(day: dt.date, lang: str) -> str:
    return tr("changes_title", lang, date=c.fmt_date(day))


def notice_items(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                 lang: str) -> tuple[list[Change], list[str], list[str]]:
    """The changes of a re-plan with their reasons and the refused requests, in ``lang``."""
    changes = list(result.changes)
    inst, calendar = result.instance, result.calendar
    requests = change_set.requests
    reasons = [change_reason(ch, inst, calendar, requests, lang) for ch in changes]
    refused = [refusal_line(r, inst, profile, change_set, published, lang)
               for r in result.refused]
    return changes, reasons, refused


def change_notice(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                  as_of: dt.date, lang: str) -> str:
    """The change notice of a re-plan in ``lang``, in Markdown."""
    changes, reasons, refused = notice_items(result, change_set, published, profile, lang)
    footer = tr("ch_proven" if result.minimum_proven else "ch_not_proven", lang)
    return notice_markdown(changes, result.instance, lang, as_of_title(as_of, lang), reasons,
                           refused, footer)


def source_text(source: str, lang: str) -> str:
    """A rule's source in words: 'S-2016 items 6, 8; S-2018' -> the acts by title and number
    with their items; a planning rule of the project when no act is named."""
    import re

    from scheduler.i18n import ACTS

    if lang == "en" and not source:
        return ""
    found = []
    for match in re.finditer(r"(S-\d{4}[A-Z]?)(?:\s+items?\s+([\d.,\s\-–]+\d))?", source):
        act = ACTS.get(match.group(1), {}).get(lang, match.group(1))
        items = match.group(2)
        found.append(act + (f", {tr('act_items', lang, items=items.strip())}" if items else ""))
    return "; ".join(dict.fromkeys(found)) or tr("act_project", lang)


def profile_title(profile: Profile, lang: str) -> str:
    key = f"profile_{profile.id}"
    return tr(key, lang) if key in LABELS else profile.title


def notice_texts(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                 as_of: dt.date) -> dict[str, dict]:
    """The change notice's texts per language: title, change lines, refused lines, footer
    (plain text, for the workbook sheet, the HTML section and the PDFs)."""
    out = {}
    for lang in ("ru", "kk", "en"):
        changes, reasons, refused = notice_items(result, change_set, published, profile, lang)
        lines = [change_line(ch, result.instance, lang, reason).removeprefix("- ")
                 .replace("**", "") for ch, reason in zip(changes, reasons)]
        out[lang] = {"title": as_of_title(as_of, lang), "lines": lines, "refused": refused,
                     "footer": tr("ch_proven" if result.minimum_proven else "ch_not_proven",
                                  lang),
                     "count": tr("ch_count", lang, changes=count(len(changes), "change", lang),
                                 refused=count(len(refused), "request", lang))}
    return out


def explanation_text(found, inst: Instance, profile: Profile, lang: str) -> str:
    """``explain`` without a calendar, in ``lang``: which requirements collide, by rule
    title and act, with the officials, regions and bodies they concern, by name."""
    if lang == "en":
        return found.text()
    if found.feasible:
        return tr("x_feasible", lang)
    if not found.conflicts:
        return tr("x_unknown", lang)
    regions = {r.id for r in inst.regions}
    officials = {o.id for o in inst.officials}
    bodies = {b.id for b in inst.bodies}
    lines = [tr("x_collide", lang)]
    for i, conflict in enumerate(found.conflicts, 1):
        about = []
        for part in conflict.key[1:]:
            if isinstance(part, str) and part in officials:
                about.append(c.official_title(inst, part, lang))
            elif isinstance(part, str) and part in regions:
                about.append(c.region_name(inst, part, lang))
            elif isinstance(part, str) and part in bodies:
                about.append(c.body_name(inst, part, lang))
            elif isinstance(part, dt.date):
                about.append(day_text(part, lang))
        text = rule_name(profile, conflict.rule_id, lang)
        if about:
            text += f" ({tr('x_about', lang)}: {', '.join(about)})"
        lines.append(f"  {i}. {text}; {source_text(conflict.source, lang)}")
    fixes = [x for x in found.conflicts if x.frees]
    lines.append(tr("x_fix" if fixes else "x_no_fix", lang))
    lines += [f"  - {rule_name(profile, x.rule_id, lang)}" for x in fixes]
    return "\n".join(lines)


def what_if_text(answer, inst: Instance, profile: Profile, calendar: Calendar,
                 lang: str) -> str:
    """``explain --meeting --to`` in ``lang``."""
    if lang == "en":
        return answer.text()
    m, n = answer.meeting, answer.moved
    to = f"{day_text(n.date, lang)}, {c.fmt_time(n.start)}, {place(inst, n.region_id, lang)}"
    head = tr("wi_move", lang, meeting=meeting_label(inst, m, lang), to=to)
    if answer.new_violations:
        moved = calendar.model_copy(update={"meetings": tuple(
            n if x.id == m.id else x for x in calendar.meetings)})
        return "\n".join([f"{head} {tr('wi_breaks', lang)}"] + [
            f"  - {finding(inst, profile, v, lang, moved)}" for v in answer.new_violations])
    lines = [f"{head} " + tr("wi_keeps", lang, delta=f"{answer.delta:+,.0f}",
                             before=f"{answer.before.total_cost:,.0f}",
                             after=f"{answer.after.total_cost:,.0f}")]
    for rule_id, after in answer.after.cost_by_rule.items():
        change = after - answer.before.cost_by_rule.get(rule_id, 0)
        if change:
            lines.append(f"  {rule_name(profile, rule_id, lang)}: {change:+,.0f}")
    return "\n".join(lines)
