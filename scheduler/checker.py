"""The independent checker: does a calendar obey the profile's rules, and what does it cost?

This is the second pair of eyes on the planner. It reads an instance, a profile and a
calendar file and re-derives every hard rule and every soft cost of ``docs/rules.md``
in plain Python. It shares no code with the planner (``scheduler.model``,
``scheduler.slots``, ``scheduler.travel``): where the two disagree, one of them is wrong.

Each hard, milestone and format rule id has one function ``_<rule_id>`` returning its
violations (milestones: the dates a calendar carries and the publication gate; formats:
each meeting's agenda); each soft rule id has one function ``_cost_<rule_id>`` returning
one :class:`Cost` per justification; ``CheckReport.deadlines`` lists the dated steps the
profile derives. Only rules switched on in the profile are checked. Meetings whose
references make no sense (unknown people or regions, a body that is not the official's)
are reported under the pseudo rule id ``CALENDAR`` and left out of the other checks.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable

from scheduler.instance import (
    AkimLevel,
    AlertLevel,
    BodyKind,
    Instance,
    Official,
    Role,
    TensionAlert,
    quarter_of,
)
from scheduler.kz_holidays import kz_holidays
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import (
    AkimRotation,
    AkimSpread,
    AttendGov,
    CapRegion,
    ClashPerson,
    DlAfter,
    DlAkimCal,
    DlChange,
    DlQreport,
    DlResults,
    ExtraDemand,
    FmtAudience,
    FmtOnline,
    FmtQa,
    FreqAkim,
    FreqCebQuarter,
    FreqLoad,
    FreqSpacing,
    FreqWindow,
    Profile,
    RegionAgree,
    RegionIssues,
    RegionSpread,
    ScopeExempt,
    SubstDeputy,
    TimeEvening,
    TimeLead,
    TimeOffhours,
    Travel,
    TvLive,
    UrgentEarly,
    UrgentTension,
)

CALENDAR = "CALENDAR"
EARTH_RADIUS_KM = 6371.0
REASONS = {"illness": "illness", "delegation": "a government delegation",
           "deputy_pm": "appointment as Deputy Prime Minister", "other": "other reasons"}


# ------------------------------------------------------------------------ report
@dataclass(frozen=True)
class Violation:
    """A broken hard rule, in a sentence a ministry reader understands."""

    rule_id: str
    message: str
    meeting_ids: tuple[str, ...] = ()
    official_ids: tuple[str, ...] = ()
    region_ids: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class Cost:
    """One justification of a soft-rule cost: ``amount`` and why."""

    rule_id: str
    amount: float
    message: str
    meeting_ids: tuple[str, ...] = ()
    official_ids: tuple[str, ...] = ()
    region_ids: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """The violations and the cost breakdown of one calendar.

    ``checked`` lists the hard rule ids that were checked (enabled in the profile, plus
    ``CALENDAR``) and ``costed`` the soft rule ids that were costed, so that the
    breakdowns name every rule, including those with nothing to report.
    """

    violations: tuple[Violation, ...]
    costs: tuple[Cost, ...]
    checked: tuple[str, ...] = ()
    costed: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def cost_by_rule(self) -> dict[str, float]:
        totals = {rule_id: 0.0 for rule_id in self.costed}
        for cost in self.costs:
            totals[cost.rule_id] = totals.get(cost.rule_id, 0.0) + cost.amount
        return totals

    @property
    def total_cost(self) -> float:
        return float(sum(cost.amount for cost in self.costs))

    @property
    def violations_by_rule(self) -> dict[str, int]:
        counts = {rule_id: 0 for rule_id in self.checked}
        for violation in self.violations:
            counts[violation.rule_id] = counts.get(violation.rule_id, 0) + 1
        return counts


@dataclass(frozen=True)
class Deadline:
    """A dated step the profile derives for this calendar (DL-*, TIME-LEAD)."""

    rule_id: str
    date: dt.date
    what: str
    meeting_id: str = ""


# ------------------------------------------------------------------ the look-ups
@dataclass
class _Data:
    """The instance, profile and sound meetings, with the look-ups every rule needs."""

    inst: Instance
    profile: Profile
    meetings: list[Meeting] = field(default_factory=list)
    # check_change: the only officials whose own duties (frequencies, rotation, spacing,
    # load) are judged; None: everyone's
    people: set[str] | None = None
    hours: dict[str, dict[str, float]] = field(default_factory=dict)  # _travel_hours

    def __post_init__(self) -> None:
        self.regions = {r.id: r for r in self.inst.regions}
        self.bodies = {b.id: b for b in self.inst.bodies}
        self.officials = {o.id: o for o in self.inst.officials}
        self.alerts = {a.id: a for a in self.inst.alerts}
        self.head_of = {o.body_id: o for o in self.inst.officials if o.role is Role.first_head}
        scope = self.profile.get(ScopeExempt)
        self.exempt = set(scope.exempt_bodies) if self.profile.on("SCOPE-EXEMPT") else set()

    # names a reader recognises
    def who(self, official_id: str | None) -> str:
        official = self.officials.get(official_id or "")
        if official is None:
            return f"the unknown official '{official_id}'"
        return f"the {official.title.get('en')}"

    def where(self, region_id: str | None) -> str:
        region = self.regions.get(region_id or "")
        return region.name.get("en") if region else f"the unknown region '{region_id}'"

    def body_name(self, body_id: str) -> str:
        body = self.bodies.get(body_id)
        return f"the {body.name.get('en')}" if body else f"the unknown body '{body_id}'"

    def describe(self, m: Meeting) -> str:
        text = (f"the meeting '{m.id}' of {self.who(m.official_id)} in {self.where(m.region_id)} "
                f"on {_day(m.date)}, {_slot(m)}")
        if m.substituted:
            text += f", presented by {self.who(m.presenter_id)}"
        return text

    # facts about meetings
    def ministerial(self, m: Meeting) -> bool:
        return self.bodies[m.body_id].kind is BodyKind.ceb

    def absence(self, official_id: str, day: dt.date):
        return next((a for a in self.inst.absences_of(official_id) if a.covers(day)), None)

    def judged(self, official_id: str) -> bool:
        return self.people is None or official_id in self.people

    def in_horizon(self, day: dt.date) -> bool:
        return self.inst.horizon.start <= day <= self.inst.horizon.end

    def of(self, official_id: str) -> list[Meeting]:
        """The official's own meetings (his duty), in calendar order; the index is built
        once per list of meetings, so per-official rules never scan the whole calendar."""
        return self._index("official_id").get(official_id, [])

    def on_day(self, day: dt.date) -> list[Meeting]:
        """The meetings of one date, in calendar order (indexed once, like ``of``)."""
        return self._index("date").get(day, [])

    def _index(self, key: str) -> dict:
        cached = self.__dict__.setdefault("_indexes", {}).get(key)
        if cached is None or cached[0] is not self.meetings:
            index: dict = defaultdict(list)
            for m in self.meetings:
                index[getattr(m, key)].append(m)
            cached = self.__dict__["_indexes"][key] = (self.meetings, dict(index))
        return cached[1]

    @cached_property
    def days_off(self) -> dict[dt.date, str]:
        """Public holidays of Kazakhstan (observed days included) and the instance's days off."""
        days = dict(_public_holidays(self.inst.horizon.year))
        days.update((day, "a day off") for day in self.inst.extra_days_off)
        return days


@lru_cache(maxsize=8)
def _public_holidays(year: int) -> dict[dt.date, str]:
    """Kazakhstan's public holidays of the year before, the year and the year after."""
    return kz_holidays(range(year - 1, year + 2))


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _slot(m: Meeting) -> str:
    return f"{m.start:%H:%M}-{m.end:%H:%M}"


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unique(items: Iterable) -> tuple:
    return tuple(dict.fromkeys(items))


def _violation(rule_id: str, message: str, meetings: Iterable[Meeting] = (), *,
               officials: Iterable[str] = (), regions: Iterable[str | None] = (),
               dates: Iterable[dt.date] = ()) -> Violation:
    meetings = list(meetings)
    return Violation(
        rule_id, message,
        meeting_ids=_unique(m.id for m in meetings),
        official_ids=_unique([*officials, *(m.official_id for m in meetings),
                              *(m.presenter_id for m in meetings)]),
        region_ids=_unique([*regions, *(m.region_id for m in meetings)]),
        dates=_unique([*dates, *(m.date for m in meetings)]))


def _cost(rule_id: str, amount: float, message: str, meetings: Iterable[Meeting] = (), *,
          officials: Iterable[str] = (), regions: Iterable[str | None] = (),
          dates: Iterable[dt.date] = ()) -> Cost:
    v = _violation(rule_id, message, meetings, officials=officials, regions=regions, dates=dates)
    return Cost(rule_id, float(amount), message, v.meeting_ids, v.official_ids, v.region_ids,
                v.dates)


# -------------------------------------------------------------------- references
def _calendar(data: _Data, calendar: Calendar) -> tuple[list[Violation], list[Meeting]]:
    """References that make no sense; returns the violations and the sound meetings.

    A sound meeting names a known official who is a first head, a known presenter, a known
    region and the official's own body. Only sound meetings go on to the rule checks.
    """
    found: list[Violation] = []
    sound: list[Meeting] = []
    label = data.inst.horizon.label()
    if calendar.horizon != label:
        found.append(_violation(CALENDAR, f"The calendar is for {calendar.horizon}, "
                                          f"but the instance plans {label}."))
    for meeting_id, n in Counter(m.id for m in calendar.meetings).items():
        if n > 1:
            found.append(Violation(CALENDAR, f"The meeting id '{meeting_id}' is used {n} times.",
                                   meeting_ids=(meeting_id,)))
    for m in calendar.meetings:
        problems, broken = _meeting_problems(data, m)
        for problem in problems:
            found.append(Violation(CALENDAR, f"Meeting '{m.id}' on {_day(m.date)} {problem}.",
                                   meeting_ids=(m.id,), dates=(m.date,)))
        if not broken:
            sound.append(m)
    return found, sound


def _meeting_problems(data: _Data, m: Meeting) -> tuple[list[str], bool]:
    """What makes no sense in one meeting, and whether the rule checks cannot read it."""
    problems = []
    official = data.officials.get(m.official_id)
    if official is None:
        problems.append(f"names an unknown official '{m.official_id}'")
    elif official.role is not Role.first_head:
        problems.append(f"is for {data.who(m.official_id)}, who is not the head of a body")
    elif official.body_id != m.body_id:
        problems.append(f"is filed under {data.body_name(m.body_id)}, but "
                        f"{data.who(m.official_id)} heads {data.body_name(official.body_id)}")
    if m.presenter_id not in data.officials:
        problems.append(f"names an unknown presenter '{m.presenter_id}'")
    if m.region_id not in data.regions:
        problems.append(f"is in an unknown region '{m.region_id}'")
    broken = bool(problems)
    if m.kind is MeetingKind.out_of_schedule and m.alert_id not in data.alerts:
        problems.append("is out of schedule but names no known tension alert "
                        f"(alert '{m.alert_id}')")
    return problems, broken


# -------------------------------------------------------------------- hard rules
def _scope_exempt(data: _Data) -> list[Violation]:
    """No meeting of a body listed in ``exempt_bodies``."""
    return [_violation("SCOPE-EXEMPT", f"{_cap(data.body_name(m.body_id))} is exempt from "
                                       f"meetings with the population, yet the calendar has "
                                       f"{data.describe(m)}.", [m])
            for m in data.meetings if m.body_id in data.exempt]


def _planned_per_quarter(data: _Data, official_id: str) -> Counter:
    return Counter(quarter_of(m.date) for m in data.of(official_id)
                   if m.kind is MeetingKind.planned
                   and data.in_horizon(m.date))


def _freq_ceb_quarter(data: _Data) -> list[Violation]:
    """Each non-exempt minister: min..max planned meetings in every quarter."""
    rule, year = data.profile.get(FreqCebQuarter), data.inst.horizon.year
    found = []
    for body in data.inst.bodies:
        head = data.head_of.get(body.id)
        if body.kind is not BodyKind.ceb or body.id in data.exempt or head is None \
                or not data.judged(head.id):
            continue
        counts = _planned_per_quarter(data, head.id)
        for q in data.inst.horizon.quarters:
            n = counts[q]
            if not rule.min_per_quarter <= n <= rule.max_per_quarter:
                found.append(_violation(
                    "FREQ-CEB-QUARTER",
                    f"{_cap(data.who(head.id))} has {n} planned meetings in Q{q} {year}; "
                    f"it needs between {rule.min_per_quarter} and {rule.max_per_quarter}.",
                    [m for m in data.of(head.id)
                     if m.kind is MeetingKind.planned and quarter_of(m.date) == q],
                    officials=[head.id]))
    return found


def _freq_akim(data: _Data) -> list[Violation]:
    """Akims: per-quarter / per-half minimums, a per-quarter cap, meetings in their region."""
    rule, year = data.profile.get(FreqAkim), data.inst.horizon.year
    found = []
    for body in data.inst.bodies:
        akim = data.head_of.get(body.id)
        if body.kind is not BodyKind.akimat or akim is None or not data.judged(akim.id):
            continue
        name = _cap(data.who(akim.id))
        counts = _planned_per_quarter(data, akim.id)
        level = akim.akim_level.value if akim.akim_level else "region"
        if level == "region":
            for q in data.inst.horizon.quarters:
                if counts[q] < rule.region_min_per_quarter:
                    found.append(_violation(
                        "FREQ-AKIM", f"{name} has {counts[q]} planned meetings in Q{q} {year}; "
                                     f"it needs at least {rule.region_min_per_quarter}.",
                        officials=[akim.id]))
        else:
            need = rule.district_min_per_half if level == "district" else rule.rural_min_per_half
            total = sum(counts.values())
            if total < need:
                found.append(_violation(
                    "FREQ-AKIM", f"{name} has {total} planned meetings in "
                                 f"{data.inst.horizon.label()}; it needs at least {need}.",
                    officials=[akim.id]))
        for q in data.inst.horizon.quarters:
            if counts[q] > rule.max_per_quarter:
                found.append(_violation(
                    "FREQ-AKIM", f"{name} has {counts[q]} planned meetings in Q{q} {year}; "
                                 f"at most {rule.max_per_quarter} are allowed.",
                    [m for m in data.of(akim.id)
                     if m.kind is MeetingKind.planned and quarter_of(m.date) == q]))
        for m in data.of(akim.id):
            if m.region_id != body.region_id:
                found.append(_violation(
                    "FREQ-AKIM", f"{_cap(data.describe(m))} is outside the akim's own "
                                 f"territory, {data.where(body.region_id)}.", [m]))
        found += _district_rotation(data, akim, body.region_id, level)
    return found


def _district_rotation(data: _Data, akim: Official, region_id: str | None, level: str
                       ) -> list[Violation]:
    """A regional akim visits a district again only once he has been to all of them; a
    district or rural akim meets in his own district."""
    own = sorted(data.of(akim.id),
                 key=lambda m: (m.date, m.start))
    if level != "region":
        return [_violation("FREQ-AKIM", f"{_cap(data.describe(m))} is not in his own district "
                                        f"'{akim.district_id}'.", [m])
                for m in own if akim.district_id and m.district_id != akim.district_id]
    region = data.regions.get(region_id or "")
    districts = [d.id for d in region.districts] if region else []
    if not districts:
        return []
    found: list[Violation] = []
    seen: list[str | None] = []
    for m in own:
        if len(seen) == len(districts):
            seen = []
        if m.district_id not in districts:
            found.append(_violation("FREQ-AKIM", f"{_cap(data.describe(m))} names no district "
                                                 f"of {data.where(region_id)}.", [m]))
        elif m.district_id in seen:
            left = ", ".join(d for d in districts if d not in seen)
            found.append(_violation("FREQ-AKIM", f"{_cap(data.describe(m))} returns to district "
                                                 f"'{m.district_id}' while {left} wait for a "
                                                 f"visit.", [m]))
        else:
            seen.append(m.district_id)
    return found


def _freq_window(data: _Data) -> list[Violation]:
    """Planned meetings of akims, ministers and rectors only in their kind's quarter."""
    rule = data.profile.get(FreqWindow)
    window = {BodyKind.akimat: (rule.akims_quarter, "akims"),
              BodyKind.ceb: (rule.ministers_quarter, "ministers"),
              BodyKind.university: (rule.rectors_quarter, "rectors")}
    found = []
    for m in data.meetings:
        q, who = window[data.bodies[m.body_id].kind]
        if m.kind is MeetingKind.planned and quarter_of(m.date) != q:
            found.append(_violation(
                "FREQ-WINDOW", f"{_cap(data.describe(m))} falls in Q{quarter_of(m.date)}, "
                               f"but the {who}' meetings are held in Q{q}.", [m]))
    year = data.inst.horizon.year
    for body in data.inst.bodies:  # the annual meeting, when its quarter is in the horizon
        head = data.head_of.get(body.id)
        q, who = window[body.kind]
        if head is None or body.id in data.exempt or q not in data.inst.horizon.quarters \
                or not data.judged(head.id):
            continue
        n = _planned_per_quarter(data, head.id)[q]
        if not rule.min_in_quarter <= n <= rule.max_in_quarter:
            span = (f"exactly {rule.min_in_quarter}" if rule.min_in_quarter == rule.max_in_quarter
                    else f"between {rule.min_in_quarter} and {rule.max_in_quarter}")
            found.append(_violation(
                "FREQ-WINDOW", f"{_cap(data.who(head.id))} has {n} planned meetings in Q{q} "
                               f"{year}, the {who}' quarter; it needs {span}.",
                [m for m in data.of(head.id)
                 if m.kind is MeetingKind.planned and quarter_of(m.date) == q],
                officials=[head.id]))
    return found


def _time_horizon(data: _Data) -> list[Violation]:
    """Every meeting dated in the horizon, its ``quarter`` the date's quarter."""
    hz, found = data.inst.horizon, []
    for m in data.meetings:
        if not data.in_horizon(m.date):
            found.append(_violation(
                "TIME-HORIZON", f"{_cap(data.describe(m))} lies outside the half-year "
                                f"{hz.label()} ({_day(hz.start)} to {_day(hz.end)}).", [m]))
        if m.quarter != quarter_of(m.date):
            found.append(_violation(
                "TIME-HORIZON", f"{_cap(data.describe(m))} is filed under Q{m.quarter}, "
                                f"but its date is in Q{quarter_of(m.date)}.", [m]))
    return found


def _time_offhours(data: _Data) -> list[Violation]:
    """Weekend slots on Saturday/Sunday, evening slots on working days, no holidays."""
    rule, found = data.profile.get(TimeOffhours), []
    working = set(data.inst.extra_working_days)
    for m in data.meetings:
        weekend = m.date.weekday() >= 5
        allowed = set(rule.weekend_slots) if weekend else set()
        if not weekend or m.date in working:
            allowed |= set(rule.workday_slots)
        if _slot(m) not in allowed:
            kind = "a weekend day" if weekend else "a working day"
            found.append(_violation(
                "TIME-OFFHOURS", f"{_cap(data.describe(m))} is not in a meeting slot of "
                                 f"{kind} ({', '.join(sorted(allowed))}).", [m]))
        if not rule.use_public_holidays and m.date in data.days_off:
            found.append(_violation(
                "TIME-OFFHOURS", f"{_cap(data.describe(m))} falls on a public holiday "
                                 f"({data.days_off[m.date]}).", [m]))
    return found


def _month_day(rule, year: int, half: int) -> dt.date | None:
    """A milestone's date for the horizon; a yearly one (no H2 date) keeps its H1 date."""
    text = rule.h1 if half == 1 else (rule.h2 or rule.h1)
    if text is None:
        return None
    month, day = (int(part) for part in text.split("-"))
    back = half == 1 and rule.h1_previous_year
    return dt.date(year - back, month, day)


def _milestone(data: _Data, rule_id: str) -> dt.date | None:
    if not rule_id or not data.profile.on(rule_id):
        return None
    return _month_day(data.profile.get(rule_id), data.inst.horizon.year, data.inst.horizon.half)


def _lead_back(day: dt.date, months: int, days: int) -> dt.date:
    """``months`` calendar months (the month's last day when shorter), then ``days`` days,
    before ``day``."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = month_index // 12, month_index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last)) - dt.timedelta(days=days)


def _lead_text(rule) -> str:
    parts = [f"{rule.lead_months} calendar month(s)"] if rule.lead_months else []
    parts += [f"{rule.lead_days} days"] if rule.lead_days or not parts else []
    return " and ".join(parts)


def _akims_lead(data: _Data, m: Meeting) -> bool:
    return data.bodies[m.body_id].kind is BodyKind.akimat


def _time_lead(data: _Data) -> list[Violation]:
    """A planned meeting is announced ``lead_months`` months and ``lead_days`` days before
    it, and not before its calendar is approved (``approval_date``); an out-of-schedule
    one on its alert's date. (The milestone named by ``counted_from`` is judged by that
    milestone's own check.)"""
    rule = data.profile.get(TimeLead)
    found = []
    for m in data.meetings:
        if m.kind is MeetingKind.planned:
            due = _lead_back(m.date, rule.lead_months, rule.lead_days)
            if m.announce_by != due:
                found.append(_violation(
                    "TIME-LEAD", f"{_cap(data.describe(m))} must be announced {_lead_text(rule)} "
                                 f"before, on {_day(due)}, not {_day(m.announce_by)}.", [m]))
            elif due < data.inst.approval_date:
                found.append(_violation(
                    "TIME-LEAD", f"{_cap(data.describe(m))} would be announced on {_day(due)}, "
                                 f"before the calendar's approval on "
                                 f"{_day(data.inst.approval_date)}.", [m]))
        elif m.alert_id in data.alerts and m.announce_by != data.alerts[m.alert_id].date:
            alert_day = data.alerts[m.alert_id].date
            found.append(_violation(
                "TIME-LEAD", f"{_cap(data.describe(m))} is out of schedule and must be "
                             f"announced on the alert's date, {_day(alert_day)}, "
                             f"not {_day(m.announce_by)}.", [m]))
    return found


def _by_presenter(data: _Data) -> dict[str, list[Meeting]]:
    people: dict[str, list[Meeting]] = defaultdict(list)
    for m in sorted(data.meetings, key=lambda m: (m.date, m.start, m.end, m.id)):
        people[m.presenter_id].append(m)
    return people


def _clash_person(data: _Data) -> list[Violation]:
    """No two overlapping meetings of one presenter, at most ``max_per_day`` a day."""
    max_per_day, found = data.profile.get(ClashPerson).max_per_day, []
    for person, meetings in _by_presenter(data).items():
        for i, a in enumerate(meetings):
            for b in meetings[i + 1:]:
                if b.date == a.date and b.start < a.end and a.start < b.end:
                    found.append(_violation(
                        "CLASH-PERSON", f"{_cap(data.who(person))} would present two "
                                        f"meetings at once on {_day(a.date)}: '{a.id}' "
                                        f"({_slot(a)}) and '{b.id}' ({_slot(b)}).", [a, b]))
        per_day: dict[dt.date, list[Meeting]] = defaultdict(list)
        for m in meetings:
            per_day[m.date].append(m)
        for day, same_day in per_day.items():
            if len(same_day) > max_per_day:
                found.append(_violation(
                    "CLASH-PERSON", f"{_cap(data.who(person))} would present "
                                    f"{len(same_day)} meetings on {_day(day)}; at most "
                                    f"{max_per_day} a day are allowed.", same_day))
    return found


def _great_circle_km(data: _Data, r1: str, r2: str) -> float:
    a, b = data.regions[r1].centre, data.regions[r2].centre
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _travel_hours(data: _Data, source: str) -> dict[str, float]:
    """Hours from ``source`` to every region: Dijkstra over flight and road edges (made
    once per source for ``data`` and its parts)."""
    if source in data.hours:
        return data.hours[source]
    rule = data.profile.get(Travel)

    def edge(r1: str, r2: str) -> float:
        km = _great_circle_km(data, r1, r2)
        hours = rule.flight_fixed_h + km / rule.flight_kmh + rule.airport_overhead_h
        if km <= rule.road_max_km:
            hours = min(hours, km * rule.road_factor / rule.road_kmh)
        return hours

    best = {source: 0.0}
    queue = [(0.0, source)]
    done: set[str] = set()
    while queue:
        hours, here = heapq.heappop(queue)
        if here in done:
            continue
        done.add(here)
        for there in data.regions:
            if there not in done:
                candidate = hours + edge(here, there)
                if candidate < best.get(there, math.inf):
                    best[there] = candidate
                    heapq.heappush(queue, (candidate, there))
    data.hours[source] = best
    return best


def _longest_trip_window(data: _Data, a: Meeting, b: Meeting) -> float:
    """Longest continuous time (hours) after ``a`` and before ``b`` inside one day's window."""
    rule = data.profile.get(Travel)
    leave, arrive = dt.datetime.combine(a.date, a.end), dt.datetime.combine(b.date, b.start)
    opens, closes = _minutes(rule.travel_from), _minutes(rule.travel_until)
    longest, day = 0.0, a.date
    while day <= b.date:
        midnight = dt.datetime.combine(day, dt.time())
        lo = max(leave, midnight + dt.timedelta(minutes=opens))
        hi = min(arrive, midnight + dt.timedelta(minutes=closes))
        longest = max(longest, (hi - lo).total_seconds() / 3600)
        if longest >= (closes - opens) / 60:
            break
        day += dt.timedelta(days=1)
    return longest


def _travel(data: _Data) -> list[Violation]:
    """Consecutive meetings of one presenter in different regions are reachable in a day."""
    found, hours_from = [], {}
    for person, meetings in _by_presenter(data).items():
        for a, b in zip(meetings, meetings[1:]):
            if a.region_id == b.region_id:
                continue
            if a.region_id not in hours_from:
                hours_from[a.region_id] = _travel_hours(data, a.region_id)
            need = hours_from[a.region_id][b.region_id]
            have = _longest_trip_window(data, a, b)
            if have + 1e-9 < need:
                found.append(_violation(
                    "TRAVEL", f"{_cap(data.who(person))} cannot travel from "
                              f"{data.where(a.region_id)} ({_day(a.date)}, ends {a.end:%H:%M}) "
                              f"to {data.where(b.region_id)} ({_day(b.date)}, starts "
                              f"{b.start:%H:%M}): the trip takes {need:.1f} h, the longest "
                              f"travel window between them is {have:.1f} h.", [a, b]))
    return found


def _cap_region(data: _Data) -> list[Violation]:
    """At most ``region_per_day`` ministerial meetings a day, ``region_per_weekend`` a weekend."""
    rule, found = data.profile.get(CapRegion), []
    per_day, per_weekend = defaultdict(list), defaultdict(list)
    for m in data.meetings:
        if data.ministerial(m):
            per_day[m.region_id, m.date].append(m)
            if m.date.weekday() >= 5:
                saturday = m.date - dt.timedelta(days=m.date.weekday() - 5)
                per_weekend[m.region_id, saturday].append(m)
    for (region, day), meetings in per_day.items():
        if len(meetings) > rule.region_per_day:
            found.append(_violation(
                "CAP-REGION", f"{data.where(region)} would host {len(meetings)} ministerial "
                              f"meetings on {_day(day)}; at most {rule.region_per_day} a day.",
                meetings))
    for (region, saturday), meetings in per_weekend.items():
        if len(meetings) > rule.region_per_weekend:
            found.append(_violation(
                "CAP-REGION", f"{data.where(region)} would host {len(meetings)} ministerial "
                              f"meetings on the weekend of {_day(saturday)}; at most "
                              f"{rule.region_per_weekend} a weekend.", meetings))
    return found


def _akim_support(data: _Data) -> list[Violation]:
    """No meeting of a region's akim on a day a minister meets that region."""
    akim_of: dict[str | None, str] = {}
    for body in data.inst.bodies:
        head = data.head_of.get(body.id)
        if body.kind is BodyKind.akimat and head is not None \
                and head.akim_level in (None, AkimLevel.region):
            akim_of[body.region_id] = head.id
    visits = defaultdict(list)
    for m in data.meetings:
        if data.ministerial(m):
            visits[m.region_id, m.date].append(m)
    found = []
    for (region, day), ministerial in visits.items():
        akim = akim_of.get(region)
        own = [m for m in data.on_day(day) if akim in (m.official_id, m.presenter_id)]
        for m in own:
            found.append(_violation(
                "AKIM-SUPPORT", f"{_cap(data.who(akim))} supports the visit of "
                                f"{data.who(ministerial[0].official_id)} on {_day(day)}, so "
                                f"{data.describe(m)} is not allowed.", [m, *ministerial]))
    return found


def _attend_district(data: _Data) -> list[Violation]:
    """In a region, no more district akims' meetings at once than the region-level akim
    and his deputies can attend (1 + his deputies); regions without one are not judged."""
    attendants: dict[str, tuple[str, int]] = {}  # region -> (regional akim, 1 + deputies)
    district = defaultdict(list)
    for body in data.inst.bodies:
        akim = data.head_of.get(body.id)
        if body.kind is not BodyKind.akimat or akim is None or body.region_id is None:
            continue
        if akim.akim_level in (None, AkimLevel.region):
            attendants[body.region_id] = (akim.id, 1 + len(data.inst.deputies_of(akim.id)))
    for m in data.meetings:
        official = data.officials[m.official_id]
        if data.bodies[m.body_id].kind is BodyKind.akimat and \
                official.akim_level is AkimLevel.district:
            district[data.bodies[m.body_id].region_id, m.date].append(m)
    found, seen = [], set()
    for (region, day), meetings in district.items():
        if region not in attendants:
            continue
        akim_id, capacity = attendants[region]
        for m in meetings:
            at_once = [n for n in meetings if n.start <= m.start < n.end]
            key = frozenset(n.id for n in at_once)
            if len(at_once) > capacity and key not in seen:
                seen.add(key)
                found.append(_violation(
                    "ATTEND-DISTRICT", f"{len(at_once)} district akims' meetings in "
                                       f"{data.where(region)} run at once on {_day(day)} at "
                                       f"{m.start:%H:%M}; {data.who(akim_id)} and his deputies "
                                       f"can attend {capacity}.", at_once,
                    officials=[akim_id]))
    return found


def _tv_live(data: _Data) -> list[Violation]:
    """At most ``tv_channels`` ministerial meetings at the same time nationwide."""
    channels, found, seen = data.profile.get(TvLive).tv_channels, [], set()
    ministerial = [m for m in data.meetings if data.ministerial(m)]
    for m in ministerial:
        live = [n for n in ministerial if n.date == m.date and n.start <= m.start < n.end]
        key = frozenset(n.id for n in live)
        if len(live) > channels and key not in seen:
            seen.add(key)
            found.append(_violation(
                "TV-LIVE", f"{len(live)} ministerial meetings would be broadcast at once on "
                           f"{_day(m.date)} at {m.start:%H:%M}; there are {channels} national "
                           f"TV channels.", live))
    return found


def _subst_deputy(data: _Data) -> list[Violation]:
    """Nobody presents while absent; a deputy presents only for his absent head."""
    rule, found = data.profile.get(SubstDeputy), []
    for m in data.meetings:
        away = data.absence(m.presenter_id, m.date)
        if away is not None:
            found.append(_violation(
                "SUBST-DEPUTY", f"{_cap(data.who(m.presenter_id))} is absent "
                                f"({REASONS[away.reason.value]}) on {_day(m.date)}, yet presents "
                                f"{data.describe(m)}.", [m]))
        if not m.substituted:
            continue
        deputy: Official = data.officials[m.presenter_id]
        head_away = data.absence(m.official_id, m.date)
        head_urgent = head_away is None and m.kind is MeetingKind.planned and any(
            u.kind is MeetingKind.out_of_schedule and u.presenter_id == m.official_id
            and u.date == m.date for u in data.meetings)
        akimat = data.bodies[m.body_id].kind is BodyKind.akimat
        if deputy.deputy_of != m.official_id:
            problem = f"{data.who(deputy.id)} is not a deputy of {data.who(m.official_id)}"
        elif akimat and not rule.akims:
            problem = "akims present their meetings themselves (SUBST-DEPUTY akims = false)"
        elif m.kind is MeetingKind.out_of_schedule and not rule.out_of_schedule:
            problem = ("out-of-schedule meetings are held by the first head himself "
                       "(SUBST-DEPUTY out_of_schedule = false)")
        elif head_urgent and rule.urgent_handover and m.body_id not in rule.excluded_bodies:
            continue  # the head is at an out-of-schedule meeting that day (URGENT-TENSION)
        elif head_away is None or head_away.reason.value not in rule.reasons:
            why = "present" if head_away is None else \
                f"absent only for {REASONS[head_away.reason.value]}"
            reasons = ", ".join(REASONS[r] for r in rule.reasons)
            problem = (f"{data.who(m.official_id)} is {why} that day (a deputy stands in only "
                       f"in case of {reasons})")
        elif m.body_id in rule.excluded_bodies:
            problem = f"deputies of {data.body_name(m.body_id)} do not stand in"
        else:
            continue
        found.append(_violation("SUBST-DEPUTY", f"In {data.describe(m)}, {problem}.", [m]))
    return found


def _region_agree(data: _Data) -> list[Violation]:
    """No meeting in a region on one of its blocked dates."""
    blocked = {(rd.region_id, rd.date): rd for rd in data.inst.region_dates
               if rd.kind.value == "blocked"}
    found = []
    for m in data.meetings:
        rd = blocked.get((m.region_id, m.date))
        if rd is not None:
            note = f" ({rd.note})" if rd.note else ""
            found.append(_violation(
                "REGION-AGREE", f"{data.where(m.region_id)} has blocked {_day(m.date)}{note}, "
                                f"yet the calendar has {data.describe(m)}.", [m]))
    return found


def _alert_duty(data: _Data, key: type[UrgentTension], kind: BodyKind,
                wanted: Callable[[str], bool]) -> list[Violation]:
    """Each alert body of ``kind`` has an out-of-schedule meeting in the alert's window."""
    rule_id = key.rule_id
    rule, found = data.profile.get(key), []
    for alert in data.inst.alerts:
        days = rule.arisen_days if alert.level is AlertLevel.arisen else rule.forecast_days
        last = alert.date + dt.timedelta(days=days)
        for body_id in alert.body_ids:
            head = data.head_of.get(body_id)
            if data.bodies[body_id].kind is not kind or head is None or not wanted(body_id):
                continue
            if not any(m.kind is MeetingKind.out_of_schedule and m.body_id == body_id
                       and m.alert_id == alert.id and m.region_id == alert.region_id
                       and alert.date <= m.date <= last for m in data.meetings):
                found.append(_violation(
                    rule_id, f"{_alert_text(data, alert)}: {data.who(head.id)} has no "
                             f"out-of-schedule meeting in {data.where(alert.region_id)} "
                             f"between {_day(alert.date)} and {_day(last)}.",
                    officials=[head.id], regions=[alert.region_id], dates=[alert.date]))
    return found


def _alert_ties(data: _Data, key: type[UrgentTension], kind: BodyKind) -> list[Violation]:
    """Each out-of-schedule meeting of a body of ``kind`` answers its alert: the body is
    among the alert's bodies, the meeting is in the alert's region and window, it is the
    only one of its body for that alert, and (with ``max_per_quarter``) its head holds no
    more out-of-schedule meetings in the quarter than the cap."""
    rule_id = key.rule_id
    rule, found = data.profile.get(key), []
    per_alert: dict[tuple[str, str], list[Meeting]] = defaultdict(list)
    per_quarter: dict[tuple[str, int], list[Meeting]] = defaultdict(list)
    for m in data.meetings:
        alert = data.alerts.get(m.alert_id or "")
        if m.kind is not MeetingKind.out_of_schedule or alert is None or \
                data.bodies[m.body_id].kind is not kind:
            continue
        days = rule.arisen_days if alert.level is AlertLevel.arisen else rule.forecast_days
        last = alert.date + dt.timedelta(days=days)
        problems = []
        if m.body_id not in alert.body_ids:
            problems.append(f"{data.body_name(m.body_id)} is not among the alert's bodies")
        if m.region_id != alert.region_id:
            problems.append(f"the alert is in {data.where(alert.region_id)}")
        if not alert.date <= m.date <= last:
            problems.append(f"it must fall between {_day(alert.date)} and {_day(last)}")
        if problems:
            found.append(_violation(
                rule_id, f"{_cap(data.describe(m))} cites {_alert_text(data, alert)}, but "
                         f"{'; '.join(problems)}.", [m], regions=[alert.region_id]))
        per_alert[alert.id, m.body_id].append(m)
        per_quarter[m.official_id, quarter_of(m.date)].append(m)
    for (alert_id, body_id), meetings in per_alert.items():
        if len(meetings) > 1:
            found.append(_violation(
                rule_id, f"{_cap(data.body_name(body_id))} holds {len(meetings)} out-of-schedule "
                         f"meetings for the alert '{alert_id}'; the alert calls for one.",
                meetings))
    cap = rule.max_per_quarter
    for (official_id, q), meetings in per_quarter.items():
        if cap is not None and len(meetings) > cap:
            found.append(_violation(
                rule_id, f"{_cap(data.who(official_id))} holds {len(meetings)} out-of-schedule "
                         f"meetings in Q{q}; at most {cap} a quarter.", meetings))
    return found


def _alert_text(data: _Data, alert: TensionAlert) -> str:
    level = "Social tension has arisen" if alert.level is AlertLevel.arisen else \
        "Social tension is forecast"
    return f"{level} in {data.where(alert.region_id)} (alert '{alert.id}' of {_day(alert.date)})"


def _urgent_tension(data: _Data) -> list[Violation]:
    """Each alerted non-exempt ministry meets the region out of schedule in the window."""
    return (_alert_duty(data, UrgentTension, BodyKind.ceb, lambda b: b not in data.exempt)
            + _alert_ties(data, UrgentTension, BodyKind.ceb))


def _extra_demand(data: _Data) -> list[Violation]:
    """Each alerted akimat's akim meets the region out of schedule in the window."""
    return (_alert_duty(data, ExtraDemand, BodyKind.akimat, lambda b: True)
            + _alert_ties(data, ExtraDemand, BodyKind.akimat))


# ------------------------------------------------------------ milestones (DL-*)
def _publication_gate(data: _Data, rule_id: str) -> list[Violation]:
    """The milestone TIME-LEAD counts from (``counted_from``, ``akims_counted_from``): no
    planned meeting of that group is announced before the milestone's date."""
    lead = data.profile.get(TimeLead)
    if not data.profile.on("TIME-LEAD"):
        return []
    day = _milestone(data, rule_id)
    found = []
    for m in data.meetings:
        group = lead.akims_counted_from if _akims_lead(data, m) else lead.counted_from
        if m.kind is MeetingKind.planned and group == rule_id and day and m.announce_by < day:
            found.append(_violation(
                rule_id, f"{_cap(data.describe(m))} would be announced on {_day(m.announce_by)}, "
                         f"before its calendar is published ({rule_id}, {_day(day)}).", [m]))
    return found


def _dl_local_lists(data: _Data) -> list[Violation]:
    """The calendar is not approved before the local lists are due."""
    day = _milestone(data, "DL-LOCAL-LISTS")
    if day and data.inst.approval_date < day:
        return [_violation("DL-LOCAL-LISTS", f"The calendar is approved on "
                                             f"{_day(data.inst.approval_date)}, before the local "
                                             f"bodies' lists are due on {_day(day)}.",
                           dates=[day])]
    return []


def _dl_draft(data: _Data) -> list[Violation]:
    return _publication_gate(data, "DL-DRAFT")


def _dl_mvk(data: _Data) -> list[Violation]:
    return _publication_gate(data, "DL-MVK")


def _dl_akim_cal(data: _Data) -> list[Violation]:
    """Akims' calendar approved (``approve_h1``) no later than submitted (``h1``); no akim's
    planned meeting announced before it is (when TIME-LEAD counts from it)."""
    rule, found = data.profile.get(DlAkimCal), []
    if rule.approve_h1 and rule.h1 and rule.approve_h1 > rule.h1:
        found.append(_violation("DL-AKIM-CAL", f"The akims' calendar is approved on "
                                               f"{rule.approve_h1}, after it is due at the "
                                               f"Government on {rule.h1}."))
    return found + _publication_gate(data, "DL-AKIM-CAL")


def _dl_dates_only(data: _Data) -> list[Violation]:
    """DL-CHANGE, DL-QREPORT, DL-RESULTS: dated rows (see :func:`deadlines`), nothing in
    the calendar to break."""
    return []


def _dl_after(data: _Data) -> list[Violation]:
    """Each meeting carries its results date: ``days_after_meeting`` days after it."""
    days = data.profile.get(DlAfter).days_after_meeting
    if days is None:
        return []
    found = []
    for m in data.meetings:
        due = m.date + dt.timedelta(days=days)
        if m.results_by != due:
            have = _day(m.results_by) if m.results_by else "none"
            found.append(_violation(
                "DL-AFTER", f"{_cap(data.describe(m))} must publish its results and the problems "
                            f"raised by {_day(due)} ({days} days after), not {have}.", [m]))
    return found


# ----------------------------------------------------------------- format (FMT-*)
def _fmt_qa(data: _Data) -> list[Violation]:
    """Report minutes + Q&A minutes = ``meeting_minutes``, which fit in the meeting's time;
    the report takes at most ``max_report_share`` of it."""
    rule, found = data.profile.get(FmtQa), []
    most = math.floor(rule.meeting_minutes * rule.max_report_share + 1e-9)
    for m in data.meetings:
        slot = _minutes(f"{m.end:%H:%M}") - _minutes(f"{m.start:%H:%M}")
        report, qa = m.report_minutes, m.qa_minutes
        if report is None or qa is None or report + qa != rule.meeting_minutes:
            problem = f"its agenda must share {rule.meeting_minutes} minutes between the report " \
                      f"and questions and answers (it has {report} + {qa})"
        elif rule.meeting_minutes > slot:
            problem = f"its {rule.meeting_minutes} minutes do not fit in {slot}"
        elif report > most:
            problem = f"its report takes {report} minutes, more than {most}"
        else:
            continue
        found.append(_violation("FMT-QA", f"In {data.describe(m)}, {problem}.", [m]))
    return found


def _fmt_online(data: _Data) -> list[Violation]:
    """Each meeting carries the profile's channel."""
    channel = data.profile.get(FmtOnline).channel
    return [_violation("FMT-ONLINE", f"{_cap(data.describe(m))} must be streamed: "
                                     f"'{channel}', not '{m.channel}'.", [m])
            for m in data.meetings if m.channel != channel]


def _fmt_audience(data: _Data) -> list[Violation]:
    """Each meeting invites every one of ``invitees``; a rector's meeting (a university's)
    every one of ``rectors_invitees`` instead, when the profile lists them."""
    rule = data.profile.get(FmtAudience)
    found = []
    for m in data.meetings:
        invitees = rule.invitees
        if rule.rectors_invitees and data.bodies[m.body_id].kind is BodyKind.university:
            invitees = rule.rectors_invitees
        missing = [who for who in invitees if who not in m.audience]
        if missing:
            found.append(_violation("FMT-AUDIENCE", f"{_cap(data.describe(m))} does not invite "
                                                    f"{', '.join(missing)}.", [m]))
    return found


# -------------------------------------------------- dated steps of each meeting (S-2018)
# Each step a profile dates is a field of the meeting: TIME-LEAD's ``questions_months``
# (``questions_by``) and ``egov_portal`` (``portal_by``), DL-AFTER's ``briefing_days``
# (``briefing_by``). Each is judged by its own function and listed in the dated steps.
def _before_meeting(data: _Data, m: Meeting, months: int, days: int) -> dt.date | None:
    """A planned meeting's step ``months`` calendar months and ``days`` days before it; an
    out-of-schedule meeting's on its alert's date (it is set and announced then)."""
    if m.kind is MeetingKind.planned:
        return _lead_back(m.date, months, days)
    alert = data.alerts.get(m.alert_id or "")
    return alert.date if alert else None


def _have(day: dt.date | None) -> str:
    return _day(day) if day else "none"


def _questions_step(data: _Data) -> list[Violation]:
    """TIME-LEAD ``questions_months``: the questions and proposals sent in are collected,
    analysed and selected that many calendar months before each meeting (``questions_by``)."""
    months = data.profile.get(TimeLead).questions_months
    found: list[Violation] = []
    if months is None:
        return found
    for m in data.meetings:
        due = _before_meeting(data, m, months, 0)
        if due is not None and m.questions_by != due:
            found.append(_violation(
                "TIME-LEAD", f"{_cap(data.describe(m))} must have the questions sent in "
                             f"collected, analysed and selected on {_day(due)} ({months} calendar "
                             f"month(s) before), not {_have(m.questions_by)}.", [m]))
    return found


def _portal_step(data: _Data) -> list[Violation]:
    """TIME-LEAD ``egov_portal``: each meeting is announced on the e-government portal on
    its announcement day (``portal_by``)."""
    rule = data.profile.get(TimeLead)
    found = []
    for m in data.meetings if rule.egov_portal else ():
        due = _before_meeting(data, m, rule.lead_months, rule.lead_days)
        if due is not None and m.portal_by != due:
            found.append(_violation(
                "TIME-LEAD", f"{_cap(data.describe(m))} must be announced on the e-government "
                             f"portal on {_day(due)}, not {_have(m.portal_by)}.", [m]))
    return found


def _briefing_step(data: _Data) -> list[Violation]:
    """DL-AFTER ``briefing_days``: after each meeting of a ministry its head briefs the media
    at the Central Communications Service within that many days (``briefing_by``)."""
    days = data.profile.get(DlAfter).briefing_days
    found: list[Violation] = []
    if days is None:
        return found
    for m in data.meetings:
        due = m.date + dt.timedelta(days=days)
        if data.ministerial(m) and m.briefing_by != due:
            found.append(_violation(
                "DL-AFTER", f"After {data.describe(m)} the minister must brief the media at the "
                            f"Central Communications Service by {_day(due)} ({days} days after), "
                            f"not {_have(m.briefing_by)}.", [m]))
    return found


STEP_CHECKS: dict[str, tuple[Callable[[_Data], list[Violation]], ...]] = {
    "TIME-LEAD": (_questions_step, _portal_step),
    "DL-AFTER": (_briefing_step,),
}


def _step_deadlines(data: _Data) -> list[Deadline]:
    """The dated steps of each meeting the profile dates (questions, portal, briefing)."""
    lead, after, out = data.profile.get(TimeLead), data.profile.get(DlAfter), []
    for m in data.meetings:
        if data.profile.on("TIME-LEAD") and lead.questions_months is not None:
            day = _before_meeting(data, m, lead.questions_months, 0)
            if day:
                out.append(Deadline("TIME-LEAD", day, "questions collected, analysed, selected",
                                    m.id))
        if data.profile.on("TIME-LEAD") and lead.egov_portal:
            day = _before_meeting(data, m, lead.lead_months, lead.lead_days)
            if day:
                out.append(Deadline("TIME-LEAD", day, "announced on the e-government portal",
                                    m.id))
        if data.profile.on("DL-AFTER") and after.briefing_days is not None and \
                data.ministerial(m):
            out.append(Deadline("DL-AFTER", m.date + dt.timedelta(days=after.briefing_days),
                                "minister's briefing at the Central Communications Service",
                                m.id))
    return out


HARD_RULES: dict[str, Callable[[_Data], list[Violation]]] = {
    "SCOPE-EXEMPT": _scope_exempt,
    "FREQ-CEB-QUARTER": _freq_ceb_quarter,
    "FREQ-AKIM": _freq_akim,
    "FREQ-WINDOW": _freq_window,
    "TIME-HORIZON": _time_horizon,
    "TIME-OFFHOURS": _time_offhours,
    "TIME-LEAD": _time_lead,
    "CLASH-PERSON": _clash_person,
    "TRAVEL": _travel,
    "CAP-REGION": _cap_region,
    "AKIM-SUPPORT": _akim_support,
    "ATTEND-DISTRICT": _attend_district,
    "TV-LIVE": _tv_live,
    "SUBST-DEPUTY": _subst_deputy,
    "REGION-AGREE": _region_agree,
    "URGENT-TENSION": _urgent_tension,
    "EXTRA-DEMAND": _extra_demand,
    "DL-LOCAL-LISTS": _dl_local_lists,
    "DL-DRAFT": _dl_draft,
    "DL-MVK": _dl_mvk,
    "DL-CHANGE": _dl_dates_only,
    "DL-QREPORT": _dl_dates_only,
    "DL-RESULTS": _dl_dates_only,
    "DL-AKIM-CAL": _dl_akim_cal,
    "DL-AFTER": _dl_after,
    "FMT-QA": _fmt_qa,
    "FMT-ONLINE": _fmt_online,
    "FMT-AUDIENCE": _fmt_audience,
}


# --------------------------------------------------------------------- soft costs
def _cost_subst_deputy(data: _Data) -> list[Cost]:
    """``w_substitution`` per meeting presented by a deputy."""
    weight = data.profile.get(SubstDeputy).w_substitution
    return [_cost("SUBST-DEPUTY", weight, f"{_cap(data.describe(m))}: a substitution "
                                          f"costs {weight}.", [m])
            for m in data.meetings if m.substituted]


def _cost_region_issues(data: _Data) -> list[Cost]:
    """``w_issue`` x the weight of each topical issue with no meeting of its body there."""
    weight = data.profile.get(RegionIssues).w_issue
    met = {(m.region_id, m.body_id) for m in data.meetings}
    return [_cost("REGION-ISSUES", weight * issue.weight,
                  f"The topical issue '{issue.text.get('en')}' (weight {issue.weight}) in "
                  f"{data.where(issue.region_id)} is not met: {data.body_name(issue.body_id)} "
                  f"holds no meeting there.", regions=[issue.region_id])
            for issue in data.inst.issues if (issue.region_id, issue.body_id) not in met]


def _cost_region_agree(data: _Data) -> list[Cost]:
    """``w_preferred`` per preferred (region, date) without a ministerial meeting."""
    weight = data.profile.get(RegionAgree).w_preferred
    visited = {(m.region_id, m.date) for m in data.meetings if data.ministerial(m)}
    preferred = _unique((rd.region_id, rd.date) for rd in data.inst.region_dates
                        if rd.kind.value == "preferred")
    return [_cost("REGION-AGREE", weight, f"{data.where(region)} prefers {_day(day)} for a "
                                          f"ministerial visit, but none is planned that day.",
                  regions=[region], dates=[day])
            for region, day in preferred if (region, day) not in visited]


def _cost_region_spread(data: _Data) -> list[Cost]:
    """Repeat visits of a minister, regions below ``min_region_visits``, the largest load."""
    rule, costs = data.profile.get(RegionSpread), []
    ministerial = sorted((m for m in data.meetings if data.ministerial(m)),
                         key=lambda m: (m.date, m.start, m.id))
    seen: set[tuple[str, str]] = set()
    for m in ministerial:
        if (m.official_id, m.region_id) in seen and rule.w_repeat:
            costs.append(_cost("REGION-SPREAD", rule.w_repeat,
                               f"{_cap(data.who(m.official_id))} returns to "
                               f"{data.where(m.region_id)} on {_day(m.date)}: a repeat visit "
                               f"costs {rule.w_repeat}.", [m]))
        seen.add((m.official_id, m.region_id))
    load = Counter(m.region_id for m in ministerial)
    for region in data.inst.regions:
        short = rule.min_region_visits - load[region.id]
        if short > 0 and rule.w_unvisited:
            costs.append(_cost("REGION-SPREAD", rule.w_unvisited * short,
                               f"{data.where(region.id)} gets {load[region.id]} ministerial "
                               f"meetings, {short} fewer than the {rule.min_region_visits} "
                               f"wanted.", regions=[region.id]))
    top = max(load.values(), default=0)
    if top and rule.w_max_load:
        busiest = [r.id for r in data.inst.regions if load[r.id] == top]
        costs.append(_cost("REGION-SPREAD", rule.w_max_load * top,
                           f"The most loaded region ({', '.join(map(data.where, busiest))}) "
                           f"hosts {top} ministerial meetings.", regions=busiest))
    return costs


SOFT_COSTS: dict[str, Callable[[_Data], list[Cost]]] = {
    "SUBST-DEPUTY": _cost_subst_deputy,
    "REGION-ISSUES": _cost_region_issues,
    "REGION-AGREE": _cost_region_agree,
    "REGION-SPREAD": _cost_region_spread,
}


# ----------------------------------------------------------------- dated steps
def _deadlines(data: _Data) -> list[Deadline]:
    """Every dated step of the enabled DL-* rules and TIME-LEAD, by date: the half-year's
    milestones, the quarterly ones, and each meeting's announcement and results dates."""
    hz, profile, out = data.inst.horizon, data.profile, []
    for rule_id, what in (("DL-LOCAL-LISTS", "local bodies' lists of topical issues"),
                          ("DL-DRAFT", "the draft schedule to the Government"),
                          ("DL-MVK", "the agreed calendar to the interagency commission"),
                          ("DL-AKIM-CAL", "the akims' calendar to the Government")):
        day = _milestone(data, rule_id)
        if day:
            out.append(Deadline(rule_id, day, what))
    akim_cal = profile.get(DlAkimCal)
    if profile.on("DL-AKIM-CAL") and akim_cal.approve_h1 and hz.half == 1:
        month, mday = (int(part) for part in akim_cal.approve_h1.split("-"))
        out.append(Deadline("DL-AKIM-CAL", dt.date(hz.year, month, mday),
                            "the akims' calendar approved"))
    results = profile.get(DlResults)
    if profile.on("DL-RESULTS") and results.days_after_meeting is None:
        day = _milestone(data, "DL-RESULTS")
        if day:
            out.append(Deadline("DL-RESULTS", day, "the half-year's results to the Government"))
    change_day = profile.get(DlChange).quarterly_day
    report_day = profile.get(DlQreport).quarterly_day
    for q in hz.quarters:
        if profile.on("DL-CHANGE") and change_day:
            out.append(Deadline("DL-CHANGE", dt.date(hz.year, 3 * q, change_day),
                                f"ministries' change requests for Q{q}"))
        if profile.on("DL-QREPORT") and report_day:
            year, month = (hz.year + 1, 1) if q == 4 else (hz.year, 3 * q + 1)
            out.append(Deadline("DL-QREPORT", dt.date(year, month, report_day),
                                f"summary of Q{q}'s meetings"))
    lead = profile.get(TimeLead)
    for m in data.meetings:
        alert = data.alerts.get(m.alert_id or "")
        if profile.on("TIME-LEAD") and (alert or m.kind is MeetingKind.planned):
            day = _lead_back(m.date, lead.lead_months, lead.lead_days) \
                if m.kind is MeetingKind.planned or alert is None else alert.date
            out.append(Deadline("TIME-LEAD", day, "announced, questions collected", m.id))
        after = profile.get(DlAfter).days_after_meeting
        if profile.on("DL-AFTER") and after is not None:
            out.append(Deadline("DL-AFTER", m.date + dt.timedelta(days=after),
                                "results and problems raised published", m.id))
        if profile.on("DL-RESULTS") and results.days_after_meeting is not None:
            out.append(Deadline("DL-RESULTS", m.date + dt.timedelta(
                days=results.days_after_meeting), "results reported to the education authority"
                if data.bodies[m.body_id].kind is BodyKind.university  # S-2016 item 10
                else "results reported to the Government", m.id))
    return sorted(out, key=lambda d: (d.date, d.meeting_id, d.rule_id, d.what))


def change_cost(profile: Profile, published: Calendar, new: Calendar, as_of: dt.date) -> float:
    """DL-CHANGE's price of a re-plan, from the two calendars: for each published meeting
    from ``as_of`` on, ``w_date_change`` if its date changed (or it is gone),
    ``w_region_change`` if its region changed (or it is gone), ``w_presenter_change`` if
    only its presenter changed, each times ``near_factor`` when it was less than
    ``near_days`` away; plus ``w_added`` per planned meeting an official holds beyond his
    published ones from ``as_of`` on."""
    rule = profile.get(DlChange)
    now = {m.id: m for m in new.meetings}
    cost = 0.0
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for m in published.meetings:
        if m.date < as_of:
            continue
        before[m.official_id] += m.kind is MeetingKind.planned
        factor = rule.near_factor if (m.date - as_of).days < rule.near_days else 1
        n = now.get(m.id)
        if n is None or n.date != m.date:
            cost += factor * rule.w_date_change
        if n is None or n.region_id != m.region_id:
            cost += factor * rule.w_region_change
        if n is not None and n.date == m.date and n.region_id == m.region_id and \
                n.presenter_id != m.presenter_id:
            cost += factor * rule.w_presenter_change
    for n in new.meetings:
        if n.date >= as_of and n.kind is MeetingKind.planned:
            after[n.official_id] += 1
    cost += rule.w_added * sum(max(0, after[o] - before[o]) for o in after)
    return cost


# --------------------------------------------------------------------- entry point
def check(instance: Instance, profile: Profile, calendar: Calendar) -> CheckReport:
    """Check a calendar against the profile's enabled rules and break down its cost.

    Parameters
    ----------
    instance
        The planning instance the calendar was made for.
    profile
        The rule profile; only rules with ``profile.on(rule_id)`` are checked or costed.
    calendar
        The calendar to check.

    Returns
    -------
    CheckReport
        Every violation of a hard rule (and of ``CALENDAR`` references), and one
        :class:`Cost` per justification of each enabled soft rule.
    """
    data = _Data(instance, profile)
    violations, data.meetings = _calendar(data, calendar)
    checked = [CALENDAR]
    for rule_id, rule_check in HARD_RULES.items():
        if profile.on(rule_id):
            checked.append(rule_id)
            violations += rule_check(data)
            violations += [v for step in STEP_CHECKS.get(rule_id, ()) for v in step(data)]
    costed = [rule_id for rule_id in SOFT_COSTS if profile.on(rule_id)]
    costs = [cost for rule_id in costed for cost in SOFT_COSTS[rule_id](data) if cost.amount]
    return CheckReport(tuple(violations), tuple(costs), tuple(checked), tuple(costed),
                       tuple(sorted(_deadlines(data) + _step_deadlines(data),
                                    key=_deadline_order)))


# ------------------------------------------- issue 15: akims under the 2023 amendment
# and the calendar-quality rules (docs/rules.md). Each reads the calendar afresh, like the
# rules above: nothing here is shared with the planner.
def _region_akims(data: _Data) -> list[tuple[Official, str]]:
    """(akim, region id) of every region-level akim (oblast or city of republican
    significance) with a first head in the instance."""
    out = []
    for body in data.inst.bodies:
        akim = data.head_of.get(body.id)
        if body.kind is BodyKind.akimat and akim is not None and body.region_id and \
                akim.akim_level in (None, AkimLevel.region):
            out.append((akim, body.region_id))
    return out


def _is_akims(data: _Data, m: Meeting) -> bool:
    return data.bodies[m.body_id].kind is BodyKind.akimat


def _akim_rotation(data: _Data) -> list[Violation]:
    """S-2023A: a region-level akim visits every district and city district of his region
    once a year (those not visited in the previous half-year are owed now); a district akim
    visits each rural okrug of his district ``okrug_per_half`` times a half-year; a rural
    akim meets in his own okrug; region-level and district akims hold at most
    ``max_per_month`` planned meetings a month."""
    rule, found = data.profile.get(AkimRotation), []
    label = data.inst.horizon.label()
    history = data.inst.visit_history
    before = history.horizon.label() if history else "the previous half-year"
    visited_before: dict[str, set[str]] = defaultdict(set)
    for visit in history.visits if history else ():
        visited_before[visit.official_id].add(visit.district_id)
    monthly: list[Official] = []
    for akim, region_id in _region_akims(data) if rule.region_akims else ():
        if not data.judged(akim.id):
            continue
        monthly.append(akim)
        region = data.regions.get(region_id)
        owed = [d for d in (region.districts if region else ())
                if d.kind.value in ("district", "city_district")
                and d.id not in visited_before[akim.id]]
        held = {m.district_id for m in data.of(akim.id) if m.kind is MeetingKind.planned}
        for district in owed:
            if district.id not in held:
                found.append(_violation(
                    "AKIM-ROTATION", f"{_cap(data.who(akim.id))} holds no meeting in "
                                     f"{district.name.get('en')} in {label}, and held none there "
                                     f"in {before}: each district once a year (the "
                                     f"calendar is set with notice to the "
                                     f"{rule.calendar_agreed_with}).",
                    officials=[akim.id], regions=[region_id]))
    for body in data.inst.bodies:
        head = data.head_of.get(body.id)
        if body.kind is not BodyKind.akimat or head is None or not head.district_id \
                or not data.judged(head.id):
            continue
        region = data.regions.get(body.region_id or "")
        own_district = next((d for d in (region.districts if region else ())
                              if d.id == head.district_id), None)
        okrugs = {k.id: k for k in own_district.okrugs} if own_district else {}
        own = data.of(head.id)
        if head.akim_level is AkimLevel.district:
            monthly.append(head)
            per_okrug = Counter(m.okrug_id for m in own if m.kind is MeetingKind.planned)
            for okrug in okrugs.values():
                if per_okrug[okrug.id] < rule.okrug_per_half:
                    found.append(_violation(
                        "AKIM-ROTATION", f"{_cap(data.who(head.id))} holds {per_okrug[okrug.id]} "
                                         f"meetings in {okrug.name.get('en')} in {label}; each "
                                         f"rural okrug needs {rule.okrug_per_half} a half-year.",
                        officials=[head.id], regions=[body.region_id]))
            for m in own:
                if m.okrug_id is not None and m.okrug_id not in okrugs:
                    found.append(_violation(
                        "AKIM-ROTATION", f"{_cap(data.describe(m))} names the rural okrug "
                                         f"'{m.okrug_id}', which is not in the akim's district.",
                        [m]))
        elif head.akim_level is AkimLevel.rural and head.okrug_id:
            for m in own:
                if m.okrug_id != head.okrug_id:
                    found.append(_violation(
                        "AKIM-ROTATION", f"{_cap(data.describe(m))} is not in the akim's own "
                                         f"rural okrug '{head.okrug_id}'.", [m]))
    if rule.max_per_month is not None:
        for head in monthly:
            per_month = defaultdict(list)
            for m in data.of(head.id):
                if m.kind is MeetingKind.planned:
                    per_month[m.date.year, m.date.month].append(m)
            for (year, month), meetings in sorted(per_month.items()):
                if len(meetings) > rule.max_per_month:
                    found.append(_violation(
                        "AKIM-ROTATION", f"{_cap(data.who(head.id))} holds {len(meetings)} "
                                         f"planned meetings in {dt.date(year, month, 1):%B %Y}; "
                                         f"at most {rule.max_per_month} a month.", meetings))
    return found


def _akim_spread(data: _Data) -> list[Violation]:
    """At most ``district_per_day`` akims' meetings (every level, any kind) a day in one
    district, and (when set) ``region_per_day`` a day in one region."""
    rule, found = data.profile.get(AkimSpread), []
    per_district, per_region = defaultdict(list), defaultdict(list)
    for m in data.meetings:
        if _is_akims(data, m):
            per_region[m.region_id, m.date].append(m)
            if m.district_id:
                per_district[m.district_id, m.date].append(m)
    for (district, day), meetings in sorted(per_district.items()):
        if len(meetings) > rule.district_per_day:
            found.append(_violation(
                "AKIM-SPREAD", f"District '{district}' would host {len(meetings)} akims' "
                               f"meetings on {_day(day)}; at most {rule.district_per_day} a day.",
                meetings))
    if rule.region_per_day is not None:
        for (region, day), meetings in sorted(per_region.items()):
            if len(meetings) > rule.region_per_day:
                found.append(_violation(
                    "AKIM-SPREAD", f"{data.where(region)} would host {len(meetings)} akims' "
                                   f"meetings on {_day(day)}; at most {rule.region_per_day} a "
                                   f"day.", meetings))
    return found


def _cost_akim_spread(data: _Data) -> list[Cost]:
    """``w_crowd`` per akim's meeting beyond ``region_day_target`` on one day in a region."""
    rule, costs = data.profile.get(AkimSpread), []
    per_region = defaultdict(list)
    for m in data.meetings:
        if _is_akims(data, m):
            per_region[m.region_id, m.date].append(m)
    for (region, day), meetings in sorted(per_region.items()):
        beyond = len(meetings) - rule.region_day_target
        if beyond > 0 and rule.w_crowd:
            costs.append(_cost("AKIM-SPREAD", rule.w_crowd * beyond,
                               f"{data.where(region)} hosts {len(meetings)} akims' meetings on "
                               f"{_day(day)}, {beyond} beyond {rule.region_day_target}.",
                               meetings))
    return costs


def _ministers(data: _Data) -> list[Official]:
    """First heads of non-exempt ministries (those judged)."""
    return [head for body in data.inst.bodies if body.kind is BodyKind.ceb
            and body.id not in data.exempt and (head := data.head_of.get(body.id))
            and data.judged(head.id)]


def _windows(days: list[dt.date], width: int) -> list[tuple[dt.date, list[dt.date]]]:
    """Every run of ``width`` consecutive days holding two or more of ``days`` (each run
    by its first day, with the days it holds)."""
    runs: list[tuple[dt.date, list[dt.date]]] = []
    if not days:
        return runs
    first = min(days) - dt.timedelta(days=width - 1)
    for n in range((max(days) - first).days + 1):
        start = first + dt.timedelta(days=n)
        inside = [d for d in days if start <= d < start + dt.timedelta(days=width)]
        if len(inside) > 1:
            runs.append((start, inside))
    return runs


def _freq_spacing(data: _Data) -> list[Violation]:
    """At most ``max_in_window`` planned meetings of a minister in any ``window_days``."""
    rule, found = data.profile.get(FreqSpacing), []
    for head in _ministers(data):
        planned = [m for m in data.of(head.id) if m.kind is MeetingKind.planned]
        seen: set[frozenset] = set()
        for start, inside in _windows([m.date for m in planned], rule.window_days):
            if len(inside) <= rule.max_in_window:
                continue
            crowded = [m for m in planned if m.date in inside]
            key = frozenset(m.id for m in crowded)
            if key in seen:
                continue
            seen.add(key)
            found.append(_violation(
                "FREQ-SPACING", f"{_cap(data.who(head.id))} holds {len(crowded)} planned "
                                f"meetings within {rule.window_days} days from {_day(start)}; "
                                f"at most {rule.max_in_window}.", crowded))
    return found


def _cost_freq_spacing(data: _Data) -> list[Cost]:
    """``w_close`` per meeting beyond the first in each run of ``window_days`` days, over
    a minister's meetings of every kind."""
    rule = data.profile.get(FreqSpacing)
    costs: list[Cost] = []
    if not rule.w_close:
        return costs
    for head in _ministers(data):
        own = data.of(head.id)
        pairs: Counter[tuple[dt.date, ...]] = Counter()
        for _start, inside in _windows([m.date for m in own], rule.window_days):
            pairs[tuple(sorted(set(inside)))] += len(inside) - 1
        for days, runs in pairs.items():
            close = [m for m in own if m.date in days]
            costs.append(_cost("FREQ-SPACING", rule.w_close * runs,
                               f"{_cap(data.who(head.id))}'s meetings on "
                               f"{', '.join(_day(d) for d in days)} are less than "
                               f"{rule.window_days} days apart ({runs} meeting(s) beyond the "
                               f"first over the {rule.window_days}-day runs holding them).",
                               close))
    return costs


def _cost_freq_load(data: _Data) -> list[Cost]:
    """``w_extra`` per planned meeting of a minister beyond ``free_per_quarter`` a quarter;
    ``w_extra_akim`` per planned meeting of an akim beyond what he owes in the half-year."""
    rule, costs = data.profile.get(FreqLoad), []
    for head in _ministers(data):
        counts = _planned_per_quarter(data, head.id)
        for q in data.inst.horizon.quarters:
            extra = counts[q] - rule.free_per_quarter
            if extra > 0 and rule.w_extra:
                costs.append(_cost("FREQ-LOAD", rule.w_extra * extra,
                                   f"{_cap(data.who(head.id))} holds {counts[q]} planned "
                                   f"meetings in Q{q}, {extra} beyond {rule.free_per_quarter}.",
                                   [m for m in data.of(head.id) if m.kind is MeetingKind.planned
                                    and quarter_of(m.date) == q], officials=[head.id]))
    for body in data.inst.bodies if rule.w_extra_akim else ():
        akim = data.head_of.get(body.id)
        if body.kind is not BodyKind.akimat or akim is None or not data.judged(akim.id):
            continue
        planned = [m for m in data.of(akim.id) if m.kind is MeetingKind.planned]
        extra = len(planned) - _akim_owes(data, akim)
        if extra > 0:
            costs.append(_cost("FREQ-LOAD", rule.w_extra_akim * extra,
                               f"{_cap(data.who(akim.id))} holds {len(planned)} planned "
                               f"meetings in {data.inst.horizon.label()}, {extra} beyond what "
                               f"he owes.", planned, officials=[akim.id]))
    return costs


def _akim_owes(data: _Data, akim: Official) -> int:
    """Planned meetings FREQ-AKIM and AKIM-ROTATION ask of an akim in the half-year (the
    parameters as the profile gives them, each counted when its rule is on)."""
    freq, rotation = data.profile.get(FreqAkim), data.profile.get(AkimRotation)
    freq_on, rotation_on = data.profile.on("FREQ-AKIM"), data.profile.on("AKIM-ROTATION")
    region = data.regions.get(data.bodies[akim.body_id].region_id or "")
    level = akim.akim_level or AkimLevel.region
    if level is AkimLevel.region:
        need = freq.region_min_per_quarter * len(data.inst.horizon.quarters) if freq_on else 0
        if rotation_on and rotation.region_akims and region:
            history = data.inst.visit_history
            seen = {v.district_id for v in history.visits if v.official_id == akim.id} \
                if history else set()
            need = max(need, sum(1 for d in region.districts if d.id not in seen
                                 and d.kind.value in ("district", "city_district")))
        return need
    if level is AkimLevel.district:
        need = freq.district_min_per_half if freq_on else 0
        district = next((d for d in (region.districts if region else ())
                         if d.id == akim.district_id), None)
        if rotation_on and district:
            need = max(need, rotation.okrug_per_half * len(district.okrugs))
        return need
    return freq.rural_min_per_half if freq_on else 0


def _working_day(data: _Data, day: dt.date) -> bool:
    """Mon-Fri or a declared working day, and not a day off."""
    return (day.weekday() < 5 or day in data.inst.extra_working_days) and \
        day not in data.days_off


def _cost_time_evening(data: _Data) -> list[Cost]:
    """``w_far_evening`` per planned meeting on a working day more than ``near_hours``
    from its presenter's base."""
    rule, costs, hours_from = data.profile.get(TimeEvening), [], {}
    for m in data.meetings:
        if m.kind is not MeetingKind.planned or not _working_day(data, m.date):
            continue
        base = data.officials[m.presenter_id].base_region_id
        if base == m.region_id or base not in data.regions:
            continue
        if base not in hours_from:
            hours_from[base] = _travel_hours(data, base)
        hours = hours_from[base][m.region_id]
        if hours > rule.near_hours + 1e-9 and rule.w_far_evening:
            costs.append(_cost("TIME-EVENING", rule.w_far_evening,
                               f"{_cap(data.describe(m))} is a working day's evening "
                               f"{hours:.1f} h from {data.where(base)}, the presenter's base: "
                               f"a weekend would spare the working day.", [m]))
    return costs


def _cost_urgent_early(data: _Data) -> list[Cost]:
    """Per day from the alert to its out-of-schedule meeting: ``w_day_arisen`` or
    ``w_day_forecast``."""
    rule, costs = data.profile.get(UrgentEarly), []
    for m in data.meetings:
        alert = data.alerts.get(m.alert_id or "")
        if m.kind is not MeetingKind.out_of_schedule or alert is None:
            continue
        weight = rule.w_day_arisen if alert.level is AlertLevel.arisen else rule.w_day_forecast
        days = (m.date - alert.date).days
        if days > 0 and weight:
            costs.append(_cost("URGENT-EARLY", weight * days,
                               f"{_cap(data.describe(m))} comes {days} day(s) after "
                               f"{_alert_text(data, alert)}.", [m]))
    return costs


def _trip_fits(data: _Data, hours_from: dict, r1: str, leave: dt.datetime, r2: str,
               arrive: dt.datetime) -> tuple[bool, float, float]:
    """Does one continuous trip r1 -> r2 fit between ``leave`` and ``arrive`` inside one
    day's travel window? (needed hours, longest window)."""
    if r1 == r2:
        return True, 0.0, 0.0
    if r1 not in hours_from:
        hours_from[r1] = _travel_hours(data, r1)
    need = hours_from[r1][r2]
    rule = data.profile.get(Travel)
    opens, closes = _minutes(rule.travel_from), _minutes(rule.travel_until)
    longest, day = 0.0, leave.date()
    while day <= arrive.date():
        midnight = dt.datetime.combine(day, dt.time())
        lo = max(leave, midnight + dt.timedelta(minutes=opens))
        hi = min(arrive, midnight + dt.timedelta(minutes=closes))
        longest = max(longest, (hi - lo).total_seconds() / 3600)
        if longest >= need:
            break
        day += dt.timedelta(days=1)
    return longest + 1e-9 >= need, need, longest


def _travel_base(data: _Data) -> list[Violation]:
    """Each presenter starts at his base; between two of his meetings with a working day
    strictly between them he goes back to the base for it (and leaves it after it): the
    trip to the first such working day's window end, the trip from the last one's window
    start, each in one day's travel window."""
    rule, found = data.profile.get(Travel), []
    hours_from: dict[str, dict[str, float]] = {}
    opens, closes = _minutes(rule.travel_from), _minutes(rule.travel_until)
    start = dt.datetime.combine(data.inst.horizon.start, dt.time())
    for person, meetings in _by_presenter(data).items():
        base = data.officials[person].base_region_id
        if base not in data.regions:
            continue
        legs = []  # (from region, leave, to region, arrive, meetings, what)
        if meetings:
            b = meetings[0]
            legs.append((base, start, b.region_id, dt.datetime.combine(b.date, b.start), [b],
                         "from the base to his first meeting"))
        for a, b in zip(meetings, meetings[1:]):
            between = [a.date + dt.timedelta(days=n) for n in range(1, (b.date - a.date).days)]
            work = [d for d in between if _working_day(data, d)]
            if not work:
                continue
            back = dt.datetime.combine(work[0], dt.time()) + dt.timedelta(minutes=closes)
            out = dt.datetime.combine(work[-1], dt.time()) + dt.timedelta(minutes=opens)
            legs.append((a.region_id, dt.datetime.combine(a.date, a.end), base, back, [a],
                         f"back to the base for the working day {_day(work[0])}"))
            legs.append((base, out, b.region_id, dt.datetime.combine(b.date, b.start), [b],
                         f"from the base after the working day {_day(work[-1])}"))
        for r1, leave, r2, arrive, ms, what in legs:
            ok, need, have = _trip_fits(data, hours_from, r1, leave, r2, arrive)
            if not ok:
                found.append(_violation(
                    "TRAVEL-BASE", f"{_cap(data.who(person))} cannot travel {what}, "
                                   f"{data.where(r1)} to {data.where(r2)}: the trip takes "
                                   f"{need:.1f} h, the longest travel window is {have:.1f} h.",
                    ms, regions=[r1, r2]))
    return found


def _attend_gov(data: _Data) -> list[Violation]:
    """S-2016 item 12.4: each planned meeting of a region-level akim is attended by
    ``members_per_meeting`` members of the Government (first heads of ministries, listed in
    ``attendee_ids``), who are not absent, attend or present no two meetings at once and
    at most ``max_per_day`` a day, and can travel between them."""
    rule, found = data.profile.get(AttendGov), []
    hours_from: dict[str, dict[str, float]] = {}
    region_akims = {akim.id for akim, _ in _region_akims(data)}
    members = {head.id for body in data.inst.bodies if body.kind is BodyKind.ceb
               and (head := data.head_of.get(body.id))}
    busy: dict[str, list[tuple[Meeting, str]]] = defaultdict(list)
    for m in data.meetings:
        busy[m.presenter_id].append((m, "presents"))
    for m in data.meetings:
        if m.attendee_ids and m.official_id not in region_akims:
            found.append(_violation(
                "ATTEND-GOV", f"{_cap(data.describe(m))} lists attending members of the "
                              f"Government, but it is not a regional akim's meeting.", [m]))
        valid = []
        for person in dict.fromkeys(m.attendee_ids):
            if person not in members:
                found.append(_violation(
                    "ATTEND-GOV", f"{_cap(data.describe(m))} lists {data.who(person)} as a "
                                  f"member of the Government; only ministers are.", [m]))
                continue
            away = data.absence(person, m.date)
            if away is not None:
                found.append(_violation(
                    "ATTEND-GOV", f"{_cap(data.who(person))} is absent "
                                  f"({REASONS[away.reason.value]}) on {_day(m.date)}, yet "
                                  f"attends {data.describe(m)}.", [m], officials=[person]))
            valid.append(person)
            busy[person].append((m, "attends"))
        if m.official_id in region_akims and m.kind is MeetingKind.planned and \
                len(valid) < rule.members_per_meeting:
            found.append(_violation(
                "ATTEND-GOV", f"{_cap(data.describe(m))} has {len(valid)} members of the "
                              f"Government attending; it needs {rule.members_per_meeting}.",
                [m]))
    for person, items in busy.items():
        if not any(what == "attends" for _, what in items):
            continue
        items = sorted(items, key=lambda x: (x[0].date, x[0].start, x[0].end, x[0].id))
        per_day = defaultdict(list)
        for m, _ in items:
            per_day[m.date].append(m)
        for day, same in per_day.items():
            if len(same) > rule.max_per_day:
                found.append(_violation(
                    "ATTEND-GOV", f"{_cap(data.who(person))} would attend or present "
                                  f"{len(same)} meetings on {_day(day)}; at most "
                                  f"{rule.max_per_day} a day.", same, officials=[person]))
        for (a, _), (b, _) in zip(items, items[1:]):
            if a.date == b.date and b.start < a.end:
                found.append(_violation(
                    "ATTEND-GOV", f"{_cap(data.who(person))} would be at two meetings at once "
                                  f"on {_day(a.date)}: '{a.id}' and '{b.id}'.", [a, b],
                    officials=[person]))
                continue
            ok, need, have = _trip_fits(data, hours_from, a.region_id,
                                        dt.datetime.combine(a.date, a.end), b.region_id,
                                        dt.datetime.combine(b.date, b.start))
            if not ok:
                found.append(_violation(
                    "ATTEND-GOV", f"{_cap(data.who(person))} cannot travel from "
                                  f"{data.where(a.region_id)} ('{a.id}') to "
                                  f"{data.where(b.region_id)} ('{b.id}'): the trip takes "
                                  f"{need:.1f} h, the longest travel window is {have:.1f} h.",
                    [a, b], officials=[person]))
    return found


HARD_RULES.update({
    "AKIM-ROTATION": _akim_rotation,
    "AKIM-SPREAD": _akim_spread,
    "FREQ-SPACING": _freq_spacing,
    "TRAVEL-BASE": _travel_base,
    "ATTEND-GOV": _attend_gov,
})
SOFT_COSTS.update({
    "FREQ-SPACING": _cost_freq_spacing,
    "FREQ-LOAD": _cost_freq_load,
    "TIME-EVENING": _cost_time_evening,
    "URGENT-EARLY": _cost_urgent_early,
    "AKIM-SPREAD": _cost_akim_spread,
})


# ------------------------------------------------------------ a few meetings changed
# What each rule's violations and costs depend on, besides the instance: the meetings of
# one person (as official, presenter or attending member of the Government) or one body
# (PERSON; a rule judged per meeting is here too), of one region (REGION) or of one date
# (DATE). When a few meetings change, only the groups that hold one of them can change
# their verdict (check_change). A rule not listed (REGION-SPREAD: the most loaded region
# compares all regions) is judged afresh on the whole calendar.
PERSON, REGION, DATE = "person", "region", "date"
SCOPES: dict[Callable, str] = {
    _scope_exempt: PERSON, _freq_ceb_quarter: PERSON, _freq_akim: PERSON,
    _freq_window: PERSON, _time_horizon: PERSON, _time_offhours: PERSON, _time_lead: PERSON,
    _questions_step: PERSON, _portal_step: PERSON, _clash_person: PERSON, _travel: PERSON,
    _cap_region: REGION, _akim_support: DATE, _attend_district: DATE, _tv_live: DATE,
    _subst_deputy: PERSON, _region_agree: PERSON, _urgent_tension: PERSON,
    _extra_demand: PERSON, _dl_local_lists: PERSON, _dl_draft: PERSON, _dl_mvk: PERSON,
    _dl_dates_only: PERSON, _dl_akim_cal: PERSON, _dl_after: PERSON, _briefing_step: PERSON,
    _fmt_qa: PERSON, _fmt_online: PERSON, _fmt_audience: PERSON, _akim_rotation: PERSON,
    _akim_spread: DATE, _freq_spacing: PERSON, _travel_base: PERSON, _attend_gov: PERSON,
    _cost_subst_deputy: PERSON, _cost_region_issues: REGION, _cost_region_agree: REGION,
    _cost_akim_spread: DATE, _cost_freq_spacing: PERSON, _cost_freq_load: PERSON,
    _cost_time_evening: PERSON, _cost_urgent_early: PERSON,
}


def check_change(instance: Instance, profile: Profile, before: Calendar, report: CheckReport,
                 after: Calendar) -> CheckReport:
    """What ``check(instance, profile, after)`` says, made from ``report`` (the check of
    ``before``) when ``after`` only changes some of ``before``'s meetings (same ids, same
    order): each rule of :data:`SCOPES` is run on the meetings that share its scope (a
    person or body, a region, a date) with a changed meeting, once as they were and once
    as they are, and the report changes by the difference (a group without a changed
    meeting gives the same verdict both times). Anything else (meetings added, removed or
    unsound, another profile) is checked in full."""
    pairs = list(zip(before.meetings, after.meetings))
    old = {a.id: b for b, a in pairs if b is not a and b != a}
    changed = {a.id: a for b, a in pairs if a.id in old}
    data = _Data(instance, profile)
    calendar_found = [v for v in report.violations if v.rule_id == CALENDAR]
    named = {i for v in calendar_found for i in v.meeting_ids}  # the others make sense
    hard = [r for r in HARD_RULES if profile.on(r)]
    costed = [r for r in SOFT_COSTS if profile.on(r)]
    if len(before.meetings) != len(after.meetings) or any(b.id != a.id for b, a in pairs) or \
            len({a.id for a in after.meetings}) != len(pairs) or named & changed.keys() or \
            any(_meeting_problems(data, m)[0] for m in changed.values()) or \
            before.horizon != after.horizon or report.checked != (CALENDAR, *hard) or \
            report.costed != tuple(costed):
        return check(instance, profile, after)
    data.meetings = [m for m in after.meetings
                     if m.id not in named or not _meeting_problems(data, m)[1]]
    both = [*changed.values(), *old.values()]
    persons = {p for m in both for p in (m.official_id, m.presenter_id, *m.attendee_ids)}
    bodies, regions = {m.body_id for m in both}, {m.region_id for m in both}
    dates = {m.date for m in both}
    near = {PERSON: [m for m in data.meetings if m.official_id in persons
                     or m.presenter_id in persons or m.body_id in bodies
                     or not persons.isdisjoint(m.attendee_ids)],
            REGION: [m for m in data.meetings if m.region_id in regions],
            DATE: [m for m in data.meetings if m.date in dates]}
    data.days_off  # made once, shared by the parts
    parts = {scope: (_part(data, meetings, persons), _part(data, [
        old.get(m.id, m) for m in meetings], persons)) for scope, meetings in near.items()}

    def delta(known: tuple, steps: dict[str, tuple[Callable[[_Data], list], ...]]) -> Counter:
        out: Counter = Counter()
        for rule_id, functions in steps.items():
            if all(step in SCOPES for step in functions):
                for step in functions:
                    now, then = parts[SCOPES[step]]
                    out.update(x for x in step(now) if getattr(x, "amount", 1))
                    out.subtract(x for x in step(then) if getattr(x, "amount", 1))
            else:  # judged afresh
                out.subtract(x for x in known if x.rule_id == rule_id)
                out.update(x for step in functions for x in step(data) if getattr(x, "amount", 1))
        return out

    found = delta(report.violations, {r: (HARD_RULES[r], *STEP_CHECKS.get(r, ()))
                                      for r in hard})
    costs = delta(report.costs, {r: (SOFT_COSTS[r],) for r in costed})
    now, then = parts[PERSON]  # each meeting's dated steps
    dated: Counter = Counter(_deadlines(now) + _step_deadlines(now))
    dated.subtract(_deadlines(then) + _step_deadlines(then))
    try:
        violations = _changed(report.violations, found, lambda v: v.rule_id == CALENDAR)
        kept_costs = _changed(report.costs, costs)
        deadlines = _sorted_change(report.deadlines, dated, _deadline_order)
    except KeyError:  # an item to take away is not there: the report is not of ``before``
        return check(instance, profile, after)
    return CheckReport(
        (*calendar_found, *sorted(violations, key=lambda v: hard.index(v.rule_id))),
        tuple(sorted(kept_costs, key=lambda c: costed.index(c.rule_id))), report.checked,
        report.costed, tuple(deadlines))


def _deadline_order(d: Deadline) -> tuple:
    return (d.date, d.meeting_id, d.rule_id, d.what)


def _part(data: _Data, meetings: list[Meeting], people: set[str]) -> _Data:
    """``data`` over other meetings, judging only ``people``'s own duties (its look-ups
    and days off shared)."""
    part = copy.copy(data)
    part.__dict__.pop("_indexes", None)
    part.meetings, part.people = meetings, people
    return part


def _changed(known: Iterable, delta: Counter, skip: Callable = lambda x: False) -> list:
    """``known`` (but those ``skip`` says) in its order without the items ``delta`` takes
    away, then those it adds; KeyError if one to take away is missing."""
    gone = {x: -n for x, n in delta.items() if n < 0}
    out = []
    for item in known:
        if skip(item):
            continue
        if gone.get(item):
            gone[item] -= 1
        else:
            out.append(item)
    if any(gone.values()):
        raise KeyError("not in the report")
    return out + list((+delta).elements())


def _sorted_change(known: tuple, delta: Counter, key: Callable) -> list:
    """``known`` (in ``key`` order) without the items ``delta`` takes away and with those it
    adds, still in order; KeyError if one to take away is missing."""
    out = list(known)
    for item, n in delta.items():
        for _ in range(abs(n)):
            if n > 0:
                bisect.insort(out, item, key=key)
                continue
            at = bisect.bisect_left(out, key(item), key=key)  # items equal when keys are
            if at == len(out) or out[at] != item:
                raise KeyError("not in the report")
            del out[at]
    return out
