"""Hard rules: one function per rule id, each adding its constraint group to the model.

Rules that only narrow the grid (SCOPE-EXEMPT, TIME-HORIZON, TIME-OFFHOURS, TIME-LEAD,
SUBST-DEPUTY's "never an absent presenter", REGION-AGREE's blocked dates) act in
``variables.py`` where the candidates are made; the groups here link candidates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Callable

from scheduler.instance import AkimLevel, BodyKind
from scheduler.meetings import MeetingKind
from scheduler.travel import longest_trip_window, travel_hours

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel


def freq_ceb_quarter(m: CalendarModel) -> None:
    """Every non-exempt minister holds min..max planned meetings in each quarter."""
    rule = m.profile.get("FREQ-CEB-QUARTER")
    for official in m.duty:
        if m.instance.body(official.body_id).kind is not BodyKind.ceb:
            continue
        for quarter in m.instance.horizon.quarters:
            held = m.planned_in_quarter(official.id, quarter)
            m.model.add_linear_constraint(held, rule.min_per_quarter, rule.max_per_quarter)


def freq_akim(m: CalendarModel) -> None:
    """Regional akims meet each quarter; district and rural akims each half-year."""
    rule = m.profile.get("FREQ-AKIM")
    quarters = m.instance.horizon.quarters
    for official in m.duty:
        if m.instance.body(official.body_id).kind is not BodyKind.akimat:
            continue
        per_quarter = [m.planned_in_quarter(official.id, q) for q in quarters]
        for held in per_quarter:
            m.model.add(held <= rule.max_per_quarter)
        level = official.akim_level or AkimLevel.region
        if level is AkimLevel.region:
            for held in per_quarter:
                m.model.add(held >= rule.region_min_per_quarter)
        else:
            least = rule.district_min_per_half if level is AkimLevel.district else rule.rural_min_per_half
            m.model.add(sum(per_quarter) >= least)


def clash_person(m: CalendarModel) -> None:
    """A presenter holds at most one meeting per slot and max_per_day per day."""
    max_per_day = m.profile.get("CLASH-PERSON").max_per_day
    for held in m.by_presenter_day.values():
        if len(held) > max_per_day:
            m.model.add(sum(held) <= max_per_day)
    if max_per_day > 1:
        by_slot = defaultdict(list)
        for cand, var in m.vars.items():
            by_slot[cand.presenter, cand.slot].append(var)
        for held in by_slot.values():
            if len(held) > 1:
                m.model.add_at_most_one(held)


def travel(m: CalendarModel) -> None:
    """Two meetings of one presenter in different regions leave time for the trip."""
    rule = m.profile.get("TRAVEL")
    hours = travel_hours(m.instance, rule)
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    same_day_ok = m.profile.get("CLASH-PERSON").max_per_day == 1 and m.profile.on("CLASH-PERSON")
    full_day = _full_day(rule)
    where: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for cand, var in m.vars.items():
        where[cand.presenter][cand.slot][cand.region].append(var)
    windows: dict[tuple, float] = {}
    for slots in where.values():
        order = sorted(slots)
        for i, first in enumerate(order):
            if not same_day_ok:  # one slot, two regions: no time to travel at all
                regions = sorted(slots[first])
                for j, r1 in enumerate(regions):
                    for r2 in regions[j + 1:]:
                        for v1 in slots[first][r1]:
                            for v2 in slots[first][r2]:
                                m.model.add_bool_or([~v1, ~v2])
            for second in order[i + 1:]:
                if same_day_ok and second.date == first.date:
                    continue
                if (second.date - first.date).days >= 2 and full_day >= longest:
                    break
                key = (first, second)
                if key not in windows:
                    windows[key] = longest_trip_window(first.ends, second.begins, rule)
                window = windows[key]
                if window >= longest:
                    continue
                for r1, here in slots[first].items():
                    far = [v for r2, there in slots[second].items()
                           if hours[r1][r2] > window for v in there]
                    if far:
                        m.model.add(sum(here) + sum(far) <= 1)


def _full_day(rule) -> float:
    start = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(rule.travel_from))
    return longest_trip_window(start, start + dt.timedelta(days=1), rule)


def cap_region(m: CalendarModel) -> None:
    """A region hosts at most region_per_day ministerial meetings a day, region_per_weekend a weekend."""
    rule = m.profile.get("CAP-REGION")
    weekends: dict[tuple[str, dt.date], list] = defaultdict(list)
    for (region, day), held in m.ministerial_by_region_day.items():
        if len(held) > rule.region_per_day:
            m.model.add(sum(held) <= rule.region_per_day)
        if day.weekday() >= 5:
            weekends[region, day - dt.timedelta(days=day.weekday() - 5)].extend(held)
    for held in weekends.values():
        if len(held) > rule.region_per_weekend:
            m.model.add(sum(held) <= rule.region_per_weekend)


def akim_support(m: CalendarModel) -> None:
    """No meeting of the regional akim on the day a minister visits his region."""
    for (region, day), own in m.akim_by_region_day.items():
        visits = m.ministerial_by_region_day.get((region, day), [])
        if visits:
            for var in own:
                m.model.add(sum(visits) + len(visits) * var <= len(visits))


def urgent_tension(m: CalendarModel) -> None:
    """Each minister concerned by an alert holds one out-of-schedule meeting in its window."""
    _owed_meetings(m, "URGENT-TENSION")


def extra_demand(m: CalendarModel) -> None:
    """Each akim concerned by an alert meets his population within the window."""
    _owed_meetings(m, "EXTRA-DEMAND")


def _owed_meetings(m: CalendarModel, rule_id: str) -> None:
    for owed_rule, alert, official in m.alert_duties:
        if owed_rule == rule_id:
            m.model.add(sum(m.by_alert_official.get((alert.id, official.id), [])) == 1)


def subst_deputy(m: CalendarModel) -> None:
    """A deputy presents for a head who is there only while the head holds an urgent meeting.

    (Who may present at all, given absences, is decided where candidates are made.)
    """
    absent = m.availability
    urgent = defaultdict(list)
    for cand, var in m.vars.items():
        if cand.kind is MeetingKind.out_of_schedule and cand.presenter == cand.official:
            urgent[cand.official, cand.slot.date].append(var)
    for cand, var in m.vars.items():
        if (cand.kind is MeetingKind.planned and cand.presenter != cand.official
                and absent.reason(cand.official, cand.slot.date) is None):
            m.model.add(var <= sum(urgent[cand.official, cand.slot.date]))


def tv_live(m: CalendarModel) -> None:
    """At most tv_channels ministerial meetings per slot nationwide (kz-2018)."""
    channels = m.profile.get("TV-LIVE").tv_channels
    by_slot = defaultdict(list)
    for cand, var in m.vars.items():
        if cand.ministerial:
            by_slot[cand.slot].append(var)
    for held in by_slot.values():
        if len(held) > channels:
            m.model.add(sum(held) <= channels)


def freq_window(m: CalendarModel) -> None:
    """kz-2016 / kz-2018: planned meetings only in the quarter fixed for their kind."""
    rule = m.profile.get("FREQ-WINDOW")
    quarter_of = {BodyKind.akimat: rule.akims_quarter, BodyKind.ceb: rule.ministers_quarter,
                  BodyKind.university: rule.rectors_quarter}
    for cand, var in m.vars.items():
        if cand.kind is MeetingKind.planned:
            if cand.slot.quarter != quarter_of[m.instance.body(cand.body).kind]:
                m.model.add(var == 0)


GROUPS: dict[str, Callable[[CalendarModel], None]] = {
    "FREQ-CEB-QUARTER": freq_ceb_quarter,
    "FREQ-AKIM": freq_akim,
    "FREQ-WINDOW": freq_window,
    "CLASH-PERSON": clash_person,
    "TRAVEL": travel,
    "CAP-REGION": cap_region,
    "AKIM-SUPPORT": akim_support,
    "TV-LIVE": tv_live,
    "SUBST-DEPUTY": subst_deputy,
    "URGENT-TENSION": urgent_tension,
    "EXTRA-DEMAND": extra_demand,
}
