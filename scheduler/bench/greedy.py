"""The status quo: a clerk's first-fit, planning by hand in a spreadsheet.

Sequential and without look-ahead: first the out-of-schedule meetings the alerts call for,
then each official in the instance's order and each quarter in turn; a minister goes to
the region with the highest weight of his topical issues not yet met (ties: the region with
the fewest ministerial meetings so far), on the earliest free slot there; an akim meets in
his own region on the earliest free slot. A slot is free when the hard rules the clerk
knows allow it: off-hours slot grid, TIME-LEAD, absences (a deputy stands in where he
may), blocked dates, one meeting a day per presenter, the trip from and to his other
meetings, the region's daily and weekend capacity, and no meeting of the regional akim on
a minister's day. Whatever it misses (a quarter left empty) the checker reports.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict

from scheduler.bench.outcome import Outcome, meta
from scheduler.instance import AkimLevel, Instance, Official
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import calendar_of
from scheduler.model.variables import Availability, Candidate
from scheduler.profile import (
    AkimRotation,
    AkimSpread,
    AkimSupport,
    CapRegion,
    ClashPerson,
    FreqAkim,
    FreqCebQuarter,
    Profile,
    Travel,
)
from scheduler.results import SolveStatus
from scheduler.rules.akim_rotation import district_units, owed_districts, owed_meetings
from scheduler.rules.freq_akim import least_per_half
from scheduler.rules.region_agree import blocked_dates
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.subst_deputy import presenters
from scheduler.rules.time_lead import earliest_planned_date
from scheduler.rules.time_offhours import slot_grid
from scheduler.rules.urgent_tension import alert_duties, alert_window
from scheduler.slots import Slot
from scheduler.travel import longest_trip_window, travel_hours


class _Desk:
    """The clerk's sheet: what is booked so far, and whether one more meeting fits."""

    def __init__(self, instance: Instance, profile: Profile) -> None:
        self.instance, self.profile = instance, profile
        self.bodies = {b.id: b for b in instance.bodies}
        self.avail = Availability(instance)
        self.blocked = blocked_dates(instance, profile)
        self.rule_travel = profile.get(Travel)
        self.hours = travel_hours(instance, self.rule_travel) if profile.on(Travel) else None
        self.max_per_day = profile.get(ClashPerson).max_per_day
        self.cap = profile.get(CapRegion) if profile.on(CapRegion) else None
        self.support = profile.on(AkimSupport)
        self.regional_akim = {self.bodies[o.body_id].region_id: o.id for o in instance.heads()
                              if instance.is_regional_akim(o)}
        self.chosen: list[Candidate] = []
        self.by_presenter: dict[str, list[tuple[Slot, str]]] = defaultdict(list)
        self.per_day: Counter = Counter()
        self.ministerial_day: Counter = Counter()
        self.ministerial_weekend: Counter = Counter()
        self.akim_days: set[tuple[str, dt.date]] = set()
        self.visits: Counter = Counter()  # ministerial meetings per region
        # issue 15: a district hosts district_per_day akims' meetings (AKIM-SPREAD); a
        # regional akim's meeting names a district unit, owed ones first, each once a round;
        # regional and district akims hold at most max_per_month a month (AKIM-ROTATION)
        self.spread = profile.get(AkimSpread) if profile.on(AkimSpread) else None
        rotation = profile.get(AkimRotation) if profile.on(AkimRotation) else None
        self.monthly = rotation.max_per_month if rotation else None
        self.units = district_units(instance, profile)
        self.owed = {o: owed_districts(instance, instance.official(o)) for o in self.units}
        self.used: dict[str, list[str]] = defaultdict(list)
        self.district_day: Counter = Counter()
        self.region_akim_day: Counter = Counter()
        self.month: Counter = Counter()

    def districts(self, official: Official) -> list[str | None]:
        """The districts a regional akim's next meeting may name, owed ones first."""
        units = self.units.get(official.id)
        if not units:
            return [None]
        used = self.used[official.id]
        if len(used) >= len(units):
            used.clear()
        owed = [d for d in self.owed[official.id] if d not in used]
        return owed + [d for d in units if d not in used and d not in owed]

    def akim_room(self, official: Official, region: str, slot: Slot, district: str | None,
                  kind: MeetingKind) -> bool:
        day = slot.date
        district = district or official.district_id
        if self.spread is not None:
            if district and self.district_day[district, day] >= self.spread.district_per_day:
                return False
            if self.spread.region_per_day is not None and \
                    self.region_akim_day[region, day] >= self.spread.region_per_day:
                return False
        if self.monthly is not None and kind is MeetingKind.planned and (
                self.instance.is_regional_akim(official)
                or official.akim_level is AkimLevel.district):
            return self.month[official.id, day.year, day.month] < self.monthly
        return True

    def fits(self, official: Official, presenter: str, region: str, slot: Slot) -> bool:
        day = slot.date
        if (region, day) in self.blocked or self.per_day[presenter, day] >= self.max_per_day:
            return False
        for other, where in self.by_presenter[presenter]:
            if other == slot:
                return False
            if self.hours is not None and where != region:
                first, second = (other, slot) if other < slot else (slot, other)
                window = longest_trip_window(first.ends, second.begins, self.rule_travel)
                if self.hours[where][region] > window:
                    return False
        if self.instance.is_ministerial(official.body_id):
            if self.cap and (self.ministerial_day[region, day] >= self.cap.region_per_day or (
                    day.weekday() >= 5 and self.ministerial_weekend[region, _saturday(day)]
                    >= self.cap.region_per_weekend)):
                return False
            if self.support and (region, day) in self.akim_days:
                return False
        elif (self.support and self.regional_akim.get(region) == official.id
              and self.ministerial_day[region, day]):
            return False
        return True

    def book(self, cand: Candidate) -> None:
        day, region = cand.slot.date, cand.region
        self.chosen.append(cand)
        if self.instance.is_akimat(cand.body):
            district = cand.district or self.instance.official(cand.official).district_id
            if district:
                self.district_day[district, day] += 1
            self.region_akim_day[region, day] += 1
            if cand.kind is MeetingKind.planned:
                self.month[cand.official, day.year, day.month] += 1
            if cand.district:
                self.used[cand.official].append(cand.district)
        self.by_presenter[cand.presenter].append((cand.slot, region))
        self.per_day[cand.presenter, day] += 1
        if cand.ministerial:
            self.ministerial_day[region, day] += 1
            if day.weekday() >= 5:
                self.ministerial_weekend[region, _saturday(day)] += 1
            self.visits[region] += 1
        elif self.regional_akim.get(region) == cand.official:
            self.akim_days.add((region, day))

    def first_fit(self, official: Official, regions: list[str], slots: list[Slot],
                  kind: MeetingKind = MeetingKind.planned, alert: str | None = None) -> bool:
        """Book the earliest slot that fits in the first region that has one."""
        ministerial = self.instance.is_ministerial(official.body_id)
        for region in regions:
            for slot in slots:
                who = presenters(self.instance, self.profile, self.avail, official, slot.date)
                if kind is MeetingKind.out_of_schedule and not who:
                    who = [official.id]
                for person in who[:1]:  # the head himself, else his first free deputy
                    if not self.fits(official, person, region, slot):
                        continue
                    for district in ([None] if ministerial else self.districts(official)):
                        if ministerial or self.akim_room(official, region, slot, district, kind):
                            self.book(Candidate(official.id, person, official.body_id, region,
                                                slot, kind, alert, ministerial, district))
                            return True
        return False


def _saturday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday() - 5)


def greedy(instance: Instance, profile: Profile, time_limit: float = 0, seed: int = 0) -> Outcome:
    started = time.perf_counter()
    desk = _Desk(instance, profile)
    grid = slot_grid(instance, profile)
    earliest_for = {False: earliest_planned_date(instance, profile),  # TIME-LEAD
                    True: earliest_planned_date(instance, profile, akims=True)}
    for rule, alert, official in alert_duties(instance, profile):
        first, last = alert_window(alert, profile.get(rule))
        desk.first_fit(official, [alert.region_id], [s for s in grid if first <= s.date <= last],
                       MeetingKind.out_of_schedule, alert.id)
    unmet: dict[tuple[str, str], int] = Counter()
    for issue in instance.issues:
        unmet[issue.body_id, issue.region_id] += issue.weight
    order = [r.id for r in instance.regions]
    quarters = instance.horizon.quarters
    ceb_rule, akim_rule = profile.get(FreqCebQuarter), profile.get(FreqAkim)
    for official in duty_officials(instance, profile):
        body = desk.bodies[official.body_id]
        home = body.region_id
        half_done = 0
        for q in quarters:
            earliest = earliest_for[instance.is_akimat(body.id)]
            slots = [s for s in grid if s.quarter == q and s.date >= earliest]
            if instance.is_ministerial(body.id):
                for _ in range(ceb_rule.min_per_quarter):
                    regions = sorted(order, key=lambda r: (-unmet[body.id, r], desk.visits[r],
                                                           order.index(r)))
                    if desk.first_fit(official, regions, slots):
                        unmet[body.id, desk.chosen[-1].region] = 0
            elif official.akim_level in (None, AkimLevel.region):  # regional akims (rectors)
                for _ in range(akim_rule.region_min_per_quarter):
                    desk.first_fit(official, [home], slots)
                if q == quarters[-1]:  # AKIM-ROTATION: the owed districts still unvisited
                    half = [s for s in grid if s.date >= earliest]
                    while any(d not in desk.used[official.id]
                              for d in desk.owed.get(official.id, ())) and \
                            desk.first_fit(official, [home], half):
                        pass
            else:
                least = max(least_per_half(akim_rule, official.akim_level),
                            owed_meetings(instance, profile, official))
                half = [s for s in grid if s.date >= earliest]
                while half_done < least and desk.first_fit(official, [home], half):
                    half_done += 1
    wall = time.perf_counter() - started
    calendar = calendar_of(instance, profile, desk.chosen, meta(instance, profile, "HEURISTIC",
                                                                 wall_time_s=round(wall, 3)))
    return Outcome(status=SolveStatus.HEURISTIC, calendar=calendar, wall_time=wall,
                   trace=[(wall, None, None)])
