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
    by_official_day, by_official_region = defaultdict(list), defaultdict(list)
    at, planned_now = defaultdict(list), defaultdict(list)
    for cand, var in m.vars.items():
        if cand.slot.date < as_of:
            continue
        by_official_day[cand.official, cand.slot.date].append(var)
        by_official_region[cand.official, cand.region].append(var)
        at[cand.official, cand.region, cand.slot].append((cand.presenter, var))
        if cand.kind is MeetingKind.planned:
            planned_now[cand.official].append(var)
    cost = 0
    planned_before: dict[str, int] = defaultdict(int)
    for meeting in future:
        if meeting.kind is MeetingKind.planned:
            planned_before[meeting.official_id] += 1
        times = factor(rule, meeting.date, as_of)
        here = at.get((meeting.official_id, meeting.region_id,
                       Slot(meeting.date, meeting.start, meeting.end)), [])
        kept = sum(v for _, v in here)
        exact = sum(v for p, v in here if p == meeting.presenter_id)
        same_date = cp.new_bool_var(f"same_date[{meeting.id}]")
        same_region = cp.new_bool_var(f"same_region[{meeting.id}]")
        cp.add(same_date <= sum(by_official_day[meeting.official_id, meeting.date]) - kept)
        cp.add(same_region <= sum(by_official_region[meeting.official_id, meeting.region_id])
               - kept)
        cp.add(kept + same_date + same_region <= 1)
        cost += times * (rule.w_date_change * (1 - kept - same_date)
                         + rule.w_region_change * (1 - kept - same_region)
                         + rule.w_presenter_change * (kept - exact))
    for official, held in planned_now.items():
        added = cp.new_int_var(0, len(held), f"added[{official}]")
        cp.add(added >= sum(held) - planned_before[official])
        cost += rule.w_added * added
    return cost
