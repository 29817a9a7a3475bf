"""ATTEND-GOV (kz-2016, kz-2018; S-2016 item 12.4): members of the Government (first heads
of ministries) take part in the region-level akims' reporting meetings.

Who attends is a decision of the model: one literal per (regional akim's planned meeting
slot, minister not absent that day). Each such meeting has at least ``members_per_meeting``
of them; an attending minister is then busy as the checker judges him: at most
``max_per_day`` meetings a day and none at once among those he attends or presents, and
TRAVEL's trip between any two of them (TRAVEL's speeds and window). The attendance is
written to the meetings' ``attendee_ids`` when the calendar is read back (``attendees``).
It links no district or rural akim (regional akims and ministers are always in the model).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import BodyKind, Instance, Official
from scheduler.meetings import Calendar, MeetingKind
from scheduler.profile import AttendGov, Profile, Travel
from scheduler.rules.text import day_text, title
from scheduler.slots import Slot
from scheduler.travel import longest_trip_window, travel_hours

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel, ModelResult

PARAMS = AttendGov
ID = PARAMS.rule_id


def members(instance: Instance) -> list[str]:
    """The members of the Government: first heads of ministries (any ministry)."""
    return [o.id for o in instance.heads()
            if instance.body(o.body_id).kind is BodyKind.ceb]


def _regional_akims(instance: Instance) -> set[str]:
    return {o.id for o in instance.heads() if instance.is_regional_akim(o)
            and instance.body(o.body_id).region_id}


def _absent(instance: Instance, person: str, day: dt.date) -> bool:
    return any(a.covers(day) for a in instance.absences_of(person))


def _overlap(a, b) -> bool:
    return a.date == b.date and a.start < b.end and b.start < a.end


def constrain(m: CalendarModel) -> None:
    inst, rule = m.instance, m.profile.get(PARAMS)
    akims, ministers = _regional_akims(inst), members(inst)
    hosted = defaultdict(list)  # (akim, slot, region) -> his planned meetings' literals
    for cand, var in m.vars.items():
        if cand.official in akims and cand.kind is MeetingKind.planned:
            hosted[cand.official, cand.slot, cand.region].append(var)
    # person -> slot -> region -> literals (attended and presented), attended ones apart
    at: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    attends: dict[str, set] = defaultdict(set)
    for key, held in hosted.items():
        akim, slot, region = key
        choice = {}
        for person in ministers:
            if _absent(inst, person, slot.date):
                continue
            var = m.model.new_bool_var(f"attend{len(m.attendance)}_{len(choice)}")
            choice[person] = var
            at[person][slot][region].append(var)
            attends[person].add(var.index)
            m.add(var <= sum(held), (ID, akim, slot.date))
        m.attendance[key] = choice
        m.add(sum(choice.values()) >= rule.members_per_meeting * sum(held),
              (ID, akim, slot.date))
    if not at:
        return
    for cand, var in m.vars.items():
        if cand.presenter in at:
            at[cand.presenter][cand.slot][cand.region].append(var)
    travel = m.profile.get(Travel)
    hours = travel_hours(inst, travel)
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    start = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(travel.travel_from))
    full_day = longest_trip_window(start, start + dt.timedelta(days=1), travel)
    one_a_day = rule.max_per_day == 1
    for person, slots in at.items():
        mine = attends[person]

        def everything(slot, _slots=slots):
            return [v for held in _slots[slot].values() for v in held]

        by_day = defaultdict(list)
        for slot in slots:
            by_day[slot.date].extend(everything(slot))
        for day, held in by_day.items():  # attended and presented, a day
            if len(held) > rule.max_per_day:
                m.add(sum(held) <= rule.max_per_day, (ID, person, day))
        order = sorted(slots, key=lambda s: (s.date, s.start, s.end))
        if not one_a_day:  # none at once
            for i, first in enumerate(order):
                here = everything(first)
                if len(here) > 1:
                    m.add(sum(here) <= 1, (ID, person, first.date))
                for second in order[i + 1:]:
                    if second.date != first.date:
                        break
                    if _overlap(first, second):
                        m.add(sum(here) + sum(everything(second)) <= 1, (ID, person, first.date))
        for i, first in enumerate(order):
            later = defaultdict(list)  # the later slots whose trip window is short
            for second in order[i + 1:]:
                if one_a_day and second.date == first.date:
                    continue
                if (second.date - first.date).days >= 2 and full_day >= longest:
                    break
                if _overlap(first, second):
                    continue
                window = longest_trip_window(first.ends, second.begins, travel)
                if window < longest:
                    later[second.date if one_a_day else second].append((second, window))
            for group in later.values():
                # one a day: at most one of a later day's literals holds, so the day's
                # far literals share one row with each region of the first slot
                for r1, here in slots[first].items():
                    far = [v for second, window in group
                           for r2, there in slots[second].items()
                           if r2 != r1 and hours[r1][r2] > window for v in there]
                    if far and any(v.index in mine for v in (*here, *far)):
                        m.add(sum(here) + sum(far) <= 1, (ID, person, first.date))


def attendees(m: CalendarModel, result: ModelResult, calendar: Calendar) -> Calendar:
    """The calendar with each regional akim's planned meeting's attending ministers."""
    if not m.attendance:
        return calendar
    chosen = {key: [p for p, v in choice.items() if result.values[v.index]]
              for key, choice in m.attendance.items()}
    need = m.profile.get(PARAMS).members_per_meeting
    groups = defaultdict(list)
    for i, meeting in enumerate(calendar.meetings):
        key = (meeting.official_id, Slot(meeting.date, meeting.start, meeting.end),
               meeting.region_id)
        if meeting.kind is MeetingKind.planned and key in chosen:
            groups[key].append(i)
    meetings = list(calendar.meetings)
    for key, where in groups.items():
        for n, i in enumerate(where):  # (one meeting a slot: all its attendees)
            people = chosen[key] if len(where) == 1 else chosen[key][n * need:(n + 1) * need]
            meetings[i] = meetings[i].model_copy(update={"attendee_ids": tuple(people)})
    return calendar.model_copy(update={"meetings": tuple(meetings)})


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return set()  # ties regional akims and ministers, who are always in the model


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, day = key[1:]
    rule = profile.get(PARAMS)
    if instance.is_regional_akim(who):
        return (f"A member of the Government must attend the meeting of the "
                f"{title(instance, who)} on {day_text(day)}",
                f"ask fewer members of the Government (ATTEND-GOV members_per_meeting < "
                f"{rule.members_per_meeting})")
    return (f"The {title(instance, who)} attends or presents at most {rule.max_per_day} "
            f"meeting(s) on {day_text(day)} and must be able to travel between them",
            f"allow more a day (ATTEND-GOV max_per_day > {rule.max_per_day}) or free "
            f"another date")
