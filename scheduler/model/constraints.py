"""Hard rules: one function per rule id, each adding its constraint group to the model.

Rules that only narrow the grid (SCOPE-EXEMPT, TIME-HORIZON, TIME-OFFHOURS, TIME-LEAD,
SUBST-DEPUTY's "never an absent presenter", REGION-AGREE's blocked dates) act in
``variables.py`` where the candidates are made; the groups here link candidates.

Every constraint names the rule instance it belongs to (rule id, then the person, date,
region or quarter): ``m.add(constraint, key)``. In an explanation model that key is a
literal the infeasibility analysis can switch off (see ``scheduler/explain.py``).
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
            key = ("FREQ-CEB-QUARTER", official.id, quarter)
            m.add(held >= rule.min_per_quarter, key)
            m.add(held <= rule.max_per_quarter, key)


def freq_akim(m: CalendarModel) -> None:
    """Regional akims meet each quarter; district and rural akims each half-year."""
    rule = m.profile.get("FREQ-AKIM")
    quarters = m.instance.horizon.quarters
    for official in m.duty:
        if m.instance.body(official.body_id).kind is not BodyKind.akimat:
            continue
        per_quarter = {q: m.planned_in_quarter(official.id, q) for q in quarters}
        for q, held in per_quarter.items():
            m.add(held <= rule.max_per_quarter, ("FREQ-AKIM", official.id, q))
        level = official.akim_level or AkimLevel.region
        if level is AkimLevel.region:
            for q, held in per_quarter.items():
                m.add(held >= rule.region_min_per_quarter, ("FREQ-AKIM", official.id, q))
        else:
            least = rule.district_min_per_half if level is AkimLevel.district else rule.rural_min_per_half
            m.add(sum(per_quarter.values()) >= least, ("FREQ-AKIM", official.id, "half"))


def clash_person(m: CalendarModel) -> None:
    """A presenter holds at most one meeting per slot and max_per_day per day."""
    max_per_day = m.profile.get("CLASH-PERSON").max_per_day
    for (person, day), held in m.by_presenter_day.items():
        if len(held) > max_per_day:
            m.add(sum(held) <= max_per_day, ("CLASH-PERSON", person, day))
    if max_per_day > 1:
        by_slot = defaultdict(list)
        for cand, var in m.vars.items():
            by_slot[cand.presenter, cand.slot].append(var)
        for (person, slot), held in by_slot.items():
            if len(held) > 1:
                m.add(sum(held) <= 1, ("CLASH-PERSON", person, slot.date))


def travel(m: CalendarModel) -> None:
    """Two meetings of one presenter in different regions leave time for the trip."""
    rule = m.profile.get("TRAVEL")
    hours = travel_hours(m.instance, rule)
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    same_day_ok = m.profile.get("CLASH-PERSON").max_per_day == 1 and m.profile.on("CLASH-PERSON")
    full_day = _full_day(rule)
    regions_of = defaultdict(set)
    for cand in m.vars:
        regions_of[cand.presenter].add(cand.region)
    travellers = {person for person, regions in regions_of.items() if len(regions) > 1}
    where: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for cand, var in m.vars.items():  # who never leaves one region never travels
        if cand.presenter in travellers:
            where[cand.presenter][cand.slot][cand.region].append(var)
    windows: dict[tuple, float] = {}
    for person, slots in where.items():
        order = sorted(slots)
        for i, first in enumerate(order):
            if not same_day_ok:  # one slot, two regions: no time to travel at all
                regions = sorted(slots[first])
                for j, r1 in enumerate(regions):
                    for r2 in regions[j + 1:]:
                        for v1 in slots[first][r1]:
                            for v2 in slots[first][r2]:
                                m.add(v1 + v2 <= 1, ("TRAVEL", person, first.date, first.date))
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
                        m.add(sum(here) + sum(far) <= 1, ("TRAVEL", person, first.date,
                                                          second.date))


def _full_day(rule) -> float:
    start = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(rule.travel_from))
    return longest_trip_window(start, start + dt.timedelta(days=1), rule)


def cap_region(m: CalendarModel) -> None:
    """A region hosts at most region_per_day ministerial meetings a day, region_per_weekend a weekend."""
    rule = m.profile.get("CAP-REGION")
    weekends: dict[tuple[str, dt.date], list] = defaultdict(list)
    for (region, day), held in m.ministerial_by_region_day.items():
        if len(held) > rule.region_per_day:
            m.add(sum(held) <= rule.region_per_day, ("CAP-REGION", region, day))
        if day.weekday() >= 5:
            weekends[region, day - dt.timedelta(days=day.weekday() - 5)].extend(held)
    for (region, saturday), held in weekends.items():
        if len(held) > rule.region_per_weekend:
            m.add(sum(held) <= rule.region_per_weekend, ("CAP-REGION", region, "weekend", saturday))


def akim_support(m: CalendarModel) -> None:
    """No meeting of the regional akim on the day a minister visits his region."""
    cap = m.profile.get("CAP-REGION").region_per_day if m.profile.on("CAP-REGION") else None
    for (region, day), own in m.akim_by_region_day.items():
        visits = m.ministerial_by_region_day.get((region, day), [])
        if visits:  # his own meeting that day leaves room for no visit
            most = cap or len(visits)
            m.add(sum(visits) + most * sum(own) <= most, ("AKIM-SUPPORT", region, day))


def urgent_tension(m: CalendarModel) -> None:
    """Each minister concerned by an alert holds one out-of-schedule meeting in its window."""
    _owed_meetings(m, "URGENT-TENSION")


def extra_demand(m: CalendarModel) -> None:
    """Each akim concerned by an alert meets his population within the window."""
    _owed_meetings(m, "EXTRA-DEMAND")


def _owed_meetings(m: CalendarModel, rule_id: str) -> None:
    for owed_rule, alert, official in m.alert_duties:
        if owed_rule == rule_id:
            m.add(sum(m.by_alert_official.get((alert.id, official.id), [])) == 1,
                  (rule_id, alert.id, official.id))


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
            m.add(var <= sum(urgent[cand.official, cand.slot.date]),
                  ("SUBST-DEPUTY", cand.official, cand.slot.date))


def attend_district(m: CalendarModel) -> None:
    """The regional akim or a deputy attends each district akim's meeting (kz-2016): in a
    region, no more district meetings at once than 1 + the regional akim's deputies."""
    inst = m.instance
    attendants = {}
    for official in m.duty:
        body = inst.body(official.body_id)
        if body.kind is BodyKind.akimat and (official.akim_level or AkimLevel.region) is AkimLevel.region:
            attendants[body.region_id] = 1 + len(inst.deputies_of(official.id))
    at_once = defaultdict(list)
    for cand, var in m.vars.items():
        official = inst.official(cand.official)
        if official.akim_level is AkimLevel.district and cand.region in attendants:
            at_once[cand.region, cand.slot].append(var)
    for (region, slot), held in at_once.items():
        if len(held) > attendants[region]:
            m.add(sum(held) <= attendants[region],
                  ("ATTEND-DISTRICT", region, slot.date, slot.start))


def tv_live(m: CalendarModel) -> None:
    """At most tv_channels ministerial meetings per slot nationwide (kz-2018)."""
    channels = m.profile.get("TV-LIVE").tv_channels
    by_slot = defaultdict(list)
    for cand, var in m.vars.items():
        if cand.ministerial:
            by_slot[cand.slot].append(var)
    for slot, held in by_slot.items():
        if len(held) > channels:
            m.add(sum(held) <= channels, ("TV-LIVE", slot.date, slot.start))


def freq_window(m: CalendarModel) -> None:
    """kz-2016 / kz-2018: planned meetings only in the quarter fixed for their kind, and
    min_in_quarter..max_in_quarter of them there when that quarter is in the horizon."""
    rule = m.profile.get("FREQ-WINDOW")
    quarter_of = {BodyKind.akimat: rule.akims_quarter, BodyKind.ceb: rule.ministers_quarter,
                  BodyKind.university: rule.rectors_quarter}
    for cand, var in m.vars.items():
        if cand.kind is MeetingKind.planned:
            if cand.slot.quarter != quarter_of[m.instance.body(cand.body).kind]:
                m.add(var == 0, ("FREQ-WINDOW", cand.official))
    for official in m.duty:
        quarter = quarter_of[m.instance.body(official.body_id).kind]
        if quarter in m.instance.horizon.quarters:  # H1 has no rectors' Q3: nothing owed
            held = m.planned_in_quarter(official.id, quarter)
            key = ("FREQ-WINDOW", official.id, quarter)
            m.add(held >= rule.min_in_quarter, key)
            m.add(held <= rule.max_in_quarter, key)


GROUPS: dict[str, Callable[[CalendarModel], None]] = {
    "FREQ-CEB-QUARTER": freq_ceb_quarter,
    "FREQ-AKIM": freq_akim,
    "FREQ-WINDOW": freq_window,
    "CLASH-PERSON": clash_person,
    "TRAVEL": travel,
    "CAP-REGION": cap_region,
    "AKIM-SUPPORT": akim_support,
    "TV-LIVE": tv_live,
    "ATTEND-DISTRICT": attend_district,
    "SUBST-DEPUTY": subst_deputy,
    "URGENT-TENSION": urgent_tension,
    "EXTRA-DEMAND": extra_demand,
}
