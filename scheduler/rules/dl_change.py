"""DL-CHANGE in a re-plan: the price of changing the published calendar. A change of
date, of region and of presenter of a published future meeting each cost their weight,
``near_factor`` times within ``near_days`` of the meeting; every planned meeting beyond
an official's published count costs ``w_added``. (The quarterly deadline of change
requests is ``scheduler.changes.change_deadline``.)"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.meetings import Meeting, MeetingKind
from scheduler.profile import DlChange
from scheduler.slots import Slot

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = DlChange
ID = PARAMS.rule_id


def factor(rule: DlChange, meeting_day: dt.date, as_of: dt.date) -> int:
    """Changes close to the meeting cost ``near_factor`` times more."""
    return rule.near_factor if (meeting_day - as_of).days < rule.near_days else 1


def change_cost(m: CalendarModel, future: list[Meeting], as_of: dt.date):
    """Weighted changes to the published future meetings, and meetings added."""
    rule = m.profile.get(PARAMS)
    cp = m.model
    days = {(f.official_id, f.date) for f in future}
    regions = {(f.official_id, f.region_id) for f in future}
    slots = {(f.official_id, f.region_id, Slot(f.date, f.start, f.end)) for f in future}
    # the candidates (proto indices) of each published meeting's official on its date, in
    # its region, and at its very slot and region (those candidates themselves)
    by_official_day, by_official_region = defaultdict(list), defaultdict(list)
    at, planned_now = defaultdict(list), defaultdict(list)
    planned = MeetingKind.planned
    for cand, var in m.ids.items():
        day = cand.slot.date
        if day < as_of:
            continue
        official = cand.official
        if (official, day) in days:
            by_official_day[official, day].append(var)
        if (official, cand.region) in regions:
            by_official_region[official, cand.region].append(var)
            if (official, cand.region, cand.slot) in slots:
                at[official, cand.region, cand.slot].append(cand)
        if cand.kind is planned:
            planned_now[official].append(var)
    cost = 0
    planned_before: dict[str, int] = defaultdict(int)
    for meeting in future:
        if meeting.kind is MeetingKind.planned:
            planned_before[meeting.official_id] += 1
        times = factor(rule, meeting.date, as_of)
        here = at.get((meeting.official_id, meeting.region_id,
                       Slot(meeting.date, meeting.start, meeting.end)), [])
        kept_ids = {m.ids[c] for c in here}
        kept = sum(m.vars[c] for c in here)
        exact = sum(m.vars[c] for c in here if c.presenter == meeting.presenter_id)
        same_date = cp.new_bool_var(f"same_date[{meeting.id}]")
        same_region = cp.new_bool_var(f"same_region[{meeting.id}]")
        for flag, held in ((same_date, by_official_day[meeting.official_id, meeting.date]),
                           (same_region, by_official_region[meeting.official_id,
                                                            meeting.region_id])):
            others = [v for v in held if v not in kept_ids]  # flag <= sum(others)
            m.add_sum([flag.index, *others], None, most=0, coeffs=[1] + [-1] * len(others))
        m.add_sum([*kept_ids, same_date.index, same_region.index], None, most=1)
        cost += times * (rule.w_date_change * (1 - kept - same_date)
                         + rule.w_region_change * (1 - kept - same_region)
                         + rule.w_presenter_change * (kept - exact))
    for official, held in planned_now.items():
        added = cp.new_int_var(0, len(held), f"added[{official}]")
        m.add_sum([*held, added.index], None, most=planned_before[official],
                  coeffs=[1] * len(held) + [-1])  # added >= sum(held) - planned before
        cost += rule.w_added * added
    return cost
