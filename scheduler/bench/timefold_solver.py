"""Timefold, the peer planning engine: the same problem as Timefold constraint streams.

Importing this module starts a JVM (Timefold's Python package compiles the domain classes
below to Java); ``scheduler.bench.solvers`` imports it only when ``timefold`` and ``java``
are there.

The model
---------
* The same decomposition as the planner's plan (and HiGHS's): the district and rural akims
  that no rule ties to anybody are given their meetings by
  ``scheduler.model.independent.independent_meetings``; they join the calendar as they are
  and count as constants (AKIM-SPREAD's loads, REGION-ISSUES met). Every other duty
  official is planned here.
* A planning entity ``Slotting`` per meeting owed: for every minister, the minimum of
  FREQ-CEB-QUARTER per quarter, plus ``max_per_quarter - min_per_quarter`` optional ones
  (may stay unassigned: a meeting beyond the minimum may meet more topical issues); for a
  regional akim, one per district AKIM-ROTATION owes him (its district fixed) and, per
  quarter, FREQ-AKIM's minimum as optional meetings in any district of his (a hard
  constraint asks the quarter's minimum of all his meetings), or, when his region lists no
  districts, FREQ-AKIM's minimum per quarter; for a district or rural akim left in the
  model, what FREQ-AKIM and AKIM-ROTATION ask of him in the half-year; one per alert duty
  (URGENT-TENSION, EXTRA-DEMAND). Mandatory ones are a hard penalty while unassigned.
* Two planning variables: ``when`` (a ``When``: the official's slot, who presents it, the
  kind) and ``place`` (a ``Place``: the region, and for an akim the district). Both value
  ranges are per entity and come from ``scheduler.model.variables.create_candidates``, so
  the domain rules (TIME-*, SUBST-DEPUTY's absences, alert windows, SCOPE-EXEMPT, akims at
  home) are the planner's own: ``when`` ranges over the official's candidate slots of the
  entity's quarter or half-year (planned) or alert window (out of schedule), ``place`` over
  the regions (districts) of his candidates. The grid is that product minus REGION-AGREE's
  blocked (region, date) pairs, which become a hard constraint. (One variable over the
  candidates themselves was tried first: 72k values, and turning them into Java objects
  took ~50 s each way on kz-2027-h1; this way 6k ``When``s.)
* Hard constraints: REGION-AGREE blocked dates, CLASH-PERSON (per presenter and day, and
  per slot when more than one a day is allowed), CAP-REGION (per region and day, per region
  and weekend), AKIM-SUPPORT, TRAVEL (every two meetings of one presenter in different
  regions, as the planner does: the trip must fit the longest travel window between them),
  SUBST-DEPUTY (a deputy for a present head only on a day the head holds an
  out-of-schedule meeting), FREQ-AKIM (a regional akim's quarter minimum, every akim's
  quarter maximum), AKIM-ROTATION (each district of a regional akim at most once, at most
  ``max_per_month`` planned meetings a month), AKIM-SPREAD (akims' meetings per district
  and per region a day, the independent akims' included), FREQ-SPACING (at most
  ``max_in_window`` planned meetings of a minister in ``window_days`` days), and
  ATTEND-DISTRICT / TV-LIVE when the profile has them.
* Soft constraints, all exact (Timefold's soft score is the checker's cost, up to the
  constant AKIM-SPREAD cost of the independent akims' crowded days, added back):
  SUBST-DEPUTY (w_substitution per substitution), REGION-ISSUES (w_issue x the weight of
  each unmet (body, region) issue), REGION-AGREE (w_preferred per preferred date without a
  ministerial meeting), REGION-SPREAD (w_repeat per repeat visit, w_unvisited per missing
  visit below min_region_visits, w_max_load x the busiest region's ministerial load, via a
  group-by of a group-by), FREQ-SPACING (w_close x, over consecutive meetings of a minister
  less than ``window_days`` apart, the windows they share: the planner's sum over windows
  of the meetings beyond the first), FREQ-LOAD (planned meetings beyond the free ones),
  TIME-EVENING (a working-day meeting far from the presenter's base), URGENT-EARLY (the
  days from the alert to its meeting), AKIM-SPREAD (akims' meetings beyond the day's
  target in a region).

What is not the planner's model: a minister holds at most max_per_quarter meetings per
quarter (the same bound), an akim only the meetings FREQ-AKIM and AKIM-ROTATION ask (more
would only cost: FREQ-LOAD); FREQ-WINDOW (kz-2016/kz-2018 profiles) is not modelled (the
quarter of an entity is not restricted to the profile's window), so those profiles are not
supported and say so (SKIPPED). ATTEND-DISTRICT and TV-LIVE exist only in those profiles:
written, never run. TRAVEL-BASE adds no constraint to the planner's model under kz-2024's
speeds (every trip from the base fits in a day); where it would, the run's note says the
Timefold model leaves it to the checker.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Annotated, Optional

from timefold.solver import SolverFactory
from timefold.solver.config import (
    Duration,
    EnvironmentMode,
    ScoreDirectorFactoryConfig,
    SolverConfig,
    TerminationConfig,
)
from timefold.solver.domain import (
    PlanningEntityCollectionProperty,
    PlanningId,
    PlanningScore,
    PlanningVariable,
    ProblemFactCollectionProperty,
    ValueRangeProvider,
    planning_entity,
    planning_solution,
)
from timefold.solver.score import (
    ConstraintCollectors,
    ConstraintFactory,
    HardSoftScore,
    Joiners,
    constraint_provider,
)

from scheduler.bench.outcome import Outcome, meta
from scheduler.instance import AkimLevel, AlertLevel, BodyKind, DateKind, Instance
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import calendar_of
from scheduler.model.independent import independent_meetings
from scheduler.model.variables import Availability, Candidate, create_candidates
from scheduler.profile import (
    AkimRotation,
    AkimSpread,
    AkimSupport,
    AttendDistrict,
    CapRegion,
    ClashPerson,
    FreqAkim,
    FreqCebQuarter,
    FreqLoad,
    FreqSpacing,
    FreqWindow,
    Profile,
    RegionAgree,
    RegionIssues,
    RegionSpread,
    SubstDeputy,
    TimeEvening,
    Travel,
    TravelBase,
    TvLive,
    UrgentEarly,
)
from scheduler.results import SolveStatus
from scheduler.rules.akim_rotation import district_units, okrugs_of, owed_districts
from scheduler.rules.freq_akim import least_per_half
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.time_evening import working_day
from scheduler.rules.urgent_tension import alert_duties
from scheduler.slots import days_off
from scheduler.travel import longest_trip_window, travel_hours

# The profile's numbers, set before each solve (the constraint provider reads them when
# the solver factory is built; one solve per process in the benchmark).
_W: dict = {}


# ----------------------------------------------------------------------- domain
@dataclass(eq=False)
class Place:
    """Where a meeting is held (a value of the ``place`` variable): a region, or for an
    akim a district of his region. ``hours``: travel hours from here to every region (by
    index); ``hours_in``: from every region to here. The meetings planned outside the
    model (independent akims) here on each day of the horizon (by day index): ``fixed`` in
    this district, ``fixed_region`` in the region.

    The domain classes compare by identity (``eq=False``): the solver hashes them, and a
    dataclass's own equality would compare every field, value ranges included."""
    id: Annotated[str, PlanningId]
    region: str
    index: int
    district: str  # "" for a region
    hours: list
    hours_in: list
    fixed: list
    fixed_region: list


@dataclass(eq=False)
class When:
    """Who presents when (a value of the ``when`` variable): one official's slot, his
    presenter that day, the meeting's kind."""
    id: Annotated[int, PlanningId]
    official: str
    presenter: str
    body: str
    day: int  # date ordinal
    day_index: int  # days since the horizon's start
    quarter: int
    month: int  # year * 12 + month
    saturday: int  # ordinal of the weekend's Saturday, -1 on a working day
    start: int  # minutes since midnight
    ministerial: bool
    akim: bool  # an akim's meeting (AKIM-SPREAD)
    urgent: bool  # out of schedule
    substituted: bool
    needs_urgent_head: bool  # a deputy presents a planned meeting while the head is there
    akim_of: str  # the region whose regional akim holds it, else ""
    district: bool  # a district akim's meeting
    leave_h: float  # travel hours left on its day after it ends
    arrive_h: float  # travel hours on its day before it starts
    end: int
    base: int  # the presenter's base region (index)
    working: bool  # a working day (TIME-EVENING)
    early_cost: int  # URGENT-EARLY's cost of this date
    load_limited: bool  # FREQ-AKIM's quarter maximum may bind for this official
    monthly: bool  # AKIM-ROTATION's monthly maximum may bind for this official
    owes: int  # an akim's planned meetings owed in the half-year (FREQ-LOAD), -1 otherwise


@planning_entity
@dataclass(eq=False)
class Slotting:
    """A meeting owed: when and where it is held."""
    id: Annotated[int, PlanningId]
    mandatory: bool
    whens: Annotated[list[When], ValueRangeProvider(id="whens")] = field(default_factory=list)
    places: Annotated[list[Place], ValueRangeProvider(id="places")] = field(
        default_factory=list)
    when: Annotated[Optional[When], PlanningVariable(
        value_range_provider_refs=["whens"], allows_unassigned=True)] = field(default=None)
    place: Annotated[Optional[Place], PlanningVariable(
        value_range_provider_refs=["places"], allows_unassigned=True)] = field(default=None)


@dataclass(eq=False)
class IssueGroup:
    """The topical issues of one body in one region (met by any meeting of the body there)."""
    id: Annotated[int, PlanningId]
    body: str
    region: str
    weight: int


@dataclass(eq=False)
class RegionDay:
    """A preferred (region, date) of REGION-AGREE."""
    id: Annotated[int, PlanningId]
    region: str
    day: int


@dataclass(eq=False)
class Blocked:
    """A blocked (region, date) of REGION-AGREE: the grid leaves these candidates out."""
    id: Annotated[int, PlanningId]
    region: str
    day: int


@dataclass(eq=False)
class QuarterNeed:
    """FREQ-AKIM: the planned meetings a regional akim owes in a quarter, when his
    entities do not hold them by construction."""
    id: Annotated[int, PlanningId]
    official: str
    quarter: int
    need: int


@dataclass(eq=False)
class RegionFact:
    id: Annotated[str, PlanningId]


@planning_solution
@dataclass(eq=False)
class Plan:
    issues: Annotated[list[IssueGroup], ProblemFactCollectionProperty]
    preferred: Annotated[list[RegionDay], ProblemFactCollectionProperty]
    blocked: Annotated[list[Blocked], ProblemFactCollectionProperty]
    needs: Annotated[list[QuarterNeed], ProblemFactCollectionProperty]
    regions: Annotated[list[RegionFact], ProblemFactCollectionProperty]
    slottings: Annotated[list[Slotting], PlanningEntityCollectionProperty]
    score: Annotated[Optional[HardSoftScore], PlanningScore] = field(default=None)


# ------------------------------------------------------------------ constraints
def too_far(a: Slotting, b: Slotting) -> bool:
    """TRAVEL: the trip between two meetings of one presenter does not fit between them."""
    if a.place.index == b.place.index:
        return False
    x, y = a.when, b.when
    if y.day < x.day or (y.day == x.day and y.start < x.start):
        x, y = y, x
    gap = y.day - x.day
    if gap == 0:
        lo = x.end if x.end > _W["travel_from"] else _W["travel_from"]
        hi = y.start if y.start < _W["travel_until"] else _W["travel_until"]
        window = (hi - lo) / 60.0 if hi > lo else 0.0
    else:
        window = x.leave_h if x.leave_h > y.arrive_h else y.arrive_h
        if gap >= 2 and _W["full_day"] > window:
            window = _W["full_day"]
    return a.place.hours[b.place.index] > window + 1e-9


def earlier(a: Slotting, b: Slotting) -> bool:
    """``a`` comes before ``b`` (by date, then entity: a strict order of one official's
    meetings)."""
    return a.when.day < b.when.day or (a.when.day == b.when.day and a.id < b.id)


@constraint_provider
def meeting_constraints(factory: ConstraintFactory):
    found = [
        unassigned_mandatory(factory),
        blocked_dates(factory),
        clash_person(factory),
        subst_deputy_hard(factory),
        subst_deputy_cost(factory),
        region_issues(factory),
        region_preferred(factory),
        spread_repeat(factory),
        spread_unvisited(factory),
        spread_max_load(factory),
    ]
    if _W["travel_on"]:
        found.append(travel(factory))
    if _W["cap_on"]:
        found += [cap_region_day(factory), cap_region_weekend(factory)]
    if _W["support_on"]:
        found.append(akim_support(factory))
    if _W["slot_clash"]:
        found.append(clash_slot(factory))
    if _W["attend_on"]:
        found.append(attend_district(factory))
    if _W["tv_on"]:
        found.append(tv_live(factory))
    if _W["min_visits"] > 1:
        found.append(spread_short(factory))
    if _W["needs_on"]:
        found += [quarter_need_none(factory), quarter_need_short(factory)]
    if _W["load_limited"]:
        found.append(akim_quarter_max(factory))
    if _W["rotation_on"]:
        found.append(rotation_once(factory))
        if _W["monthly"]:
            found.append(rotation_month(factory))
    if _W["spread_on"]:
        found.append(spread_district_day(factory))
        if _W["region_per_day"]:
            found.append(spread_region_day(factory))
        if _W["w_crowd"]:
            found.append(spread_crowd(factory))
    if _W["spacing_on"]:
        found.append(spacing_window(factory))
        if _W["w_close"]:
            found.append(spacing_close(factory))
    if _W["w_extra"]:
        found.append(load_ministers(factory))
    if _W["w_extra_akim"]:
        found.append(load_akims(factory))
    if _W["w_far_evening"]:
        found.append(time_evening(factory))
    if _W["early_on"]:
        found.append(urgent_early(factory))
    return found


def unassigned_mandatory(factory: ConstraintFactory):
    return (factory.for_each_including_unassigned(Slotting)
            .filter(lambda s: s.mandatory and (s.when is None or s.place is None))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint("FREQ and alert duties: meeting owed not placed"))


def blocked_dates(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .join(Blocked, Joiners.equal(lambda s: s.place.region, lambda b: b.region),
                  Joiners.equal(lambda s: s.when.day, lambda b: b.day))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(f"{RegionAgree.rule_id} blocked date"))


def clash_person(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .group_by(lambda s: s.when.presenter, lambda s: s.when.day,
                      ConstraintCollectors.count())
            .filter(lambda p, d, n: n > _W["max_per_day"])
            .penalize(HardSoftScore.ONE_HARD, lambda p, d, n: n - _W["max_per_day"])
            .as_constraint(f"{ClashPerson.rule_id} per day"))


def clash_slot(factory: ConstraintFactory):
    return (factory.for_each_unique_pair(Slotting,
                                         Joiners.equal(lambda s: s.when.presenter),
                                         Joiners.equal(lambda s: s.when.day),
                                         Joiners.equal(lambda s: s.when.start))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(f"{ClashPerson.rule_id} per slot"))


def travel(factory: ConstraintFactory):
    return (factory.for_each_unique_pair(Slotting, Joiners.equal(lambda s: s.when.presenter))
            .filter(lambda a, b: too_far(a, b))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(Travel.rule_id))


def cap_region_day(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.place.region, lambda s: s.when.day,
                      ConstraintCollectors.count())
            .filter(lambda r, d, n: n > _W["per_day"])
            .penalize(HardSoftScore.ONE_HARD, lambda r, d, n: n - _W["per_day"])
            .as_constraint(f"{CapRegion.rule_id} per day"))


def cap_region_weekend(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial and s.when.saturday >= 0)
            .group_by(lambda s: s.place.region, lambda s: s.when.saturday,
                      ConstraintCollectors.count())
            .filter(lambda r, d, n: n > _W["per_weekend"])
            .penalize(HardSoftScore.ONE_HARD, lambda r, d, n: n - _W["per_weekend"])
            .as_constraint(f"{CapRegion.rule_id} per weekend"))


def akim_support(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda a: a.when.akim_of != "")
            .join(Slotting,
                  Joiners.equal(lambda a: a.when.akim_of, lambda m: m.place.region),
                  Joiners.equal(lambda a: a.when.day, lambda m: m.when.day),
                  Joiners.filtering(lambda a, m: m.when.ministerial))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(AkimSupport.rule_id))


def attend_district(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.district)
            .group_by(lambda s: s.place.region, lambda s: s.when.day, lambda s: s.when.start,
                      ConstraintCollectors.count())
            .filter(lambda r, d, t, n: n > _W["attendants"].get(r, 1_000_000))
            .penalize(HardSoftScore.ONE_HARD,
                      lambda r, d, t, n: n - _W["attendants"].get(r, 1_000_000))
            .as_constraint(AttendDistrict.rule_id))


def tv_live(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.when.day, lambda s: s.when.start, ConstraintCollectors.count())
            .filter(lambda d, t, n: n > _W["tv_channels"])
            .penalize(HardSoftScore.ONE_HARD, lambda d, t, n: n - _W["tv_channels"])
            .as_constraint(TvLive.rule_id))


def subst_deputy_hard(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.needs_urgent_head)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda s: s.when.official, lambda u: u.when.official),
                           Joiners.equal(lambda s: s.when.day, lambda u: u.when.day),
                           Joiners.filtering(lambda s, u: u.when.urgent
                                             and not u.when.substituted))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(f"{SubstDeputy.rule_id} deputy for a present head"))


def quarter_need_none(factory: ConstraintFactory):
    """FREQ-AKIM: a regional akim with no planned meeting in a quarter that owes some."""
    return (factory.for_each(QuarterNeed)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda q: q.official, lambda s: s.when.official),
                           Joiners.equal(lambda q: q.quarter, lambda s: s.when.quarter),
                           Joiners.filtering(lambda q, s: not s.when.urgent))
            .penalize(HardSoftScore.ONE_HARD, lambda q: q.need)
            .as_constraint(f"{FreqAkim.rule_id} quarter minimum"))


def quarter_need_short(factory: ConstraintFactory):
    return (factory.for_each(QuarterNeed)
            .join(Slotting,
                  Joiners.equal(lambda q: q.official, lambda s: s.when.official),
                  Joiners.equal(lambda q: q.quarter, lambda s: s.when.quarter),
                  Joiners.filtering(lambda q, s: not s.when.urgent))
            .group_by(lambda q, s: q.id, ConstraintCollectors.max(lambda q, s: q.need),
                      ConstraintCollectors.count_bi())
            .filter(lambda q, need, n: n < need)
            .penalize(HardSoftScore.ONE_HARD, lambda q, need, n: need - n)
            .as_constraint(f"{FreqAkim.rule_id} quarter minimum, short"))


def akim_quarter_max(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.load_limited and not s.when.urgent)
            .group_by(lambda s: s.when.official, lambda s: s.when.quarter,
                      ConstraintCollectors.count())
            .filter(lambda o, q, n: n > _W["akim_max_per_quarter"])
            .penalize(HardSoftScore.ONE_HARD, lambda o, q, n: n - _W["akim_max_per_quarter"])
            .as_constraint(f"{FreqAkim.rule_id} quarter maximum"))


def rotation_once(factory: ConstraintFactory):
    """AKIM-ROTATION: a regional akim visits each district of his at most once."""
    return (factory.for_each(Slotting)
            .filter(lambda s: s.place.district != "" and s.when.akim_of != "")
            .group_by(lambda s: s.when.official, lambda s: s.place.district,
                      ConstraintCollectors.count())
            .filter(lambda o, d, n: n > 1)
            .penalize(HardSoftScore.ONE_HARD, lambda o, d, n: n - 1)
            .as_constraint(f"{AkimRotation.rule_id} each district once"))


def rotation_month(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.monthly and not s.when.urgent)
            .group_by(lambda s: s.when.official, lambda s: s.when.month,
                      ConstraintCollectors.count())
            .filter(lambda o, m, n: n > _W["max_per_month"])
            .penalize(HardSoftScore.ONE_HARD, lambda o, m, n: n - _W["max_per_month"])
            .as_constraint(f"{AkimRotation.rule_id} per month"))


def spread_district_day(factory: ConstraintFactory):
    """AKIM-SPREAD: akims' meetings a day in one district (the independent akims' too)."""
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.akim and s.place.district != "")
            .group_by(lambda s: s.place.id, lambda s: s.when.day_index,
                      ConstraintCollectors.count(),
                      ConstraintCollectors.max(lambda s: s.place.fixed[s.when.day_index]))
            .filter(lambda p, d, n, f: n + f > _W["district_per_day"])
            .penalize(HardSoftScore.ONE_HARD,
                      lambda p, d, n, f: n + f - _W["district_per_day"]
                      if f < _W["district_per_day"] else n)
            .as_constraint(f"{AkimSpread.rule_id} per district"))


def spread_region_day(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.akim)
            .group_by(lambda s: s.place.region, lambda s: s.when.day_index,
                      ConstraintCollectors.count(),
                      ConstraintCollectors.max(lambda s: s.place.fixed_region[s.when.day_index]))
            .filter(lambda r, d, n, f: n + f > _W["region_per_day"])
            .penalize(HardSoftScore.ONE_HARD,
                      lambda r, d, n, f: n + f - _W["region_per_day"]
                      if f < _W["region_per_day"] else n)
            .as_constraint(f"{AkimSpread.rule_id} per region"))


def spread_crowd(factory: ConstraintFactory):
    """AKIM-SPREAD's cost beyond what the independent akims' meetings cost already."""
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.akim)
            .group_by(lambda s: s.place.region, lambda s: s.when.day_index,
                      ConstraintCollectors.count(),
                      ConstraintCollectors.max(lambda s: s.place.fixed_region[s.when.day_index]))
            .filter(lambda r, d, n, f: n + f > _W["day_target"])
            .penalize(HardSoftScore.ONE_SOFT,
                      lambda r, d, n, f: _W["w_crowd"] * (
                          n + f - _W["day_target"] if f < _W["day_target"] else n))
            .as_constraint(f"{AkimSpread.rule_id} crowded days"))


def spacing_window(factory: ConstraintFactory):
    """FREQ-SPACING: a window of ``window_days`` from a minister's planned meeting holds
    at most ``max_in_window`` of them."""
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial and not s.when.urgent)
            .join(Slotting,
                  Joiners.equal(lambda a: a.when.official, lambda b: b.when.official),
                  Joiners.filtering(lambda a, b: not b.when.urgent
                                    and (a.id == b.id or earlier(a, b))
                                    and b.when.day - a.when.day < _W["window_days"]))
            .group_by(lambda a, b: a.id, ConstraintCollectors.count_bi())
            .filter(lambda a, n: n > _W["max_in_window"])
            .penalize(HardSoftScore.ONE_HARD, lambda a, n: n - _W["max_in_window"])
            .as_constraint(f"{FreqSpacing.rule_id} window"))


def spacing_close(factory: ConstraintFactory):
    """FREQ-SPACING's cost: the planner sums, over every run of ``window_days`` days, a
    minister's meetings in it beyond the first; that is, over each two consecutive
    meetings of his, the runs they share (``window_days`` minus the days between)."""
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .join(Slotting,
                  Joiners.equal(lambda a: a.when.official, lambda b: b.when.official),
                  Joiners.filtering(lambda a, b: earlier(a, b)
                                    and b.when.day - a.when.day < _W["window_days"]))
            # (when an entity is unassigned, the pairs that hold it are tested once more
            # before they leave: hence the guards)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda a, b: a.when.official if a.when is not None
                                         else "", lambda c: c.when.official),
                           Joiners.filtering(lambda a, b, c: a.when is not None
                                             and b.when is not None
                                             and earlier(a, c) and earlier(c, b)))
            .penalize(HardSoftScore.ONE_SOFT,
                      lambda a, b: _W["w_close"] * (_W["window_days"] - b.when.day + a.when.day))
            .as_constraint(f"{FreqSpacing.rule_id} cost"))


def load_ministers(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial and not s.when.urgent)
            .group_by(lambda s: s.when.official, lambda s: s.when.quarter,
                      ConstraintCollectors.count())
            .filter(lambda o, q, n: n > _W["free_per_quarter"])
            .penalize(HardSoftScore.ONE_SOFT,
                      lambda o, q, n: _W["w_extra"] * (n - _W["free_per_quarter"]))
            .as_constraint(f"{FreqLoad.rule_id} ministers"))


def load_akims(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.owes >= 0 and not s.when.urgent)
            .group_by(lambda s: s.when.official, ConstraintCollectors.max(lambda s: s.when.owes),
                      ConstraintCollectors.count())
            .filter(lambda o, owes, n: n > owes)
            .penalize(HardSoftScore.ONE_SOFT, lambda o, owes, n: _W["w_extra_akim"] * (n - owes))
            .as_constraint(f"{FreqLoad.rule_id} akims"))


def time_evening(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.working and not s.when.urgent
                    and s.place.hours_in[s.when.base] > _W["near_hours"] + 1e-9)
            .penalize(HardSoftScore.ONE_SOFT, lambda s: _W["w_far_evening"])
            .as_constraint(f"{TimeEvening.rule_id} far evening"))


def urgent_early(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.early_cost > 0)
            .penalize(HardSoftScore.ONE_SOFT, lambda s: s.when.early_cost)
            .as_constraint(f"{UrgentEarly.rule_id} days after the alert"))


def subst_deputy_cost(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.substituted)
            .penalize(HardSoftScore.ONE_SOFT, lambda s: _W["w_substitution"])
            .as_constraint(f"{SubstDeputy.rule_id} cost"))


def region_issues(factory: ConstraintFactory):
    return (factory.for_each(IssueGroup)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda g: g.body, lambda s: s.when.body),
                           Joiners.equal(lambda g: g.region, lambda s: s.place.region))
            .penalize(HardSoftScore.ONE_SOFT, lambda g: _W["w_issue"] * g.weight)
            .as_constraint(RegionIssues.rule_id))


def region_preferred(factory: ConstraintFactory):
    return (factory.for_each(RegionDay)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda p: p.region, lambda s: s.place.region),
                           Joiners.equal(lambda p: p.day, lambda s: s.when.day),
                           Joiners.filtering(lambda p, s: s.when.ministerial))
            .penalize(HardSoftScore.ONE_SOFT, lambda p: _W["w_preferred"])
            .as_constraint(f"{RegionAgree.rule_id} preferred dates"))


def spread_repeat(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.when.official, lambda s: s.place.region,
                      ConstraintCollectors.count())
            .filter(lambda o, r, n: n > 1)
            .penalize(HardSoftScore.ONE_SOFT, lambda o, r, n: _W["w_repeat"] * (n - 1))
            .as_constraint(f"{RegionSpread.rule_id} repeat visits"))


def spread_unvisited(factory: ConstraintFactory):
    return (factory.for_each(RegionFact)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda r: r.id, lambda s: s.place.region),
                           Joiners.filtering(lambda r, s: s.when.ministerial))
            .penalize(HardSoftScore.ONE_SOFT, lambda r: _W["w_unvisited"] * _W["min_visits"])
            .as_constraint(f"{RegionSpread.rule_id} unvisited regions"))


def spread_short(factory: ConstraintFactory):  # only when min_region_visits > 1
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.place.region, ConstraintCollectors.count())
            .filter(lambda r, n: n < _W["min_visits"])
            .penalize(HardSoftScore.ONE_SOFT,
                      lambda r, n: _W["w_unvisited"] * (_W["min_visits"] - n))
            .as_constraint(f"{RegionSpread.rule_id} regions below min visits"))


def spread_max_load(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.place.region, ConstraintCollectors.count())
            .group_by(ConstraintCollectors.max(lambda r, n: n))
            .penalize(HardSoftScore.ONE_SOFT, lambda most: _W["w_max_load"] * most)
            .as_constraint(f"{RegionSpread.rule_id} busiest region"))


# ------------------------------------------------------------------- the problem
def _weights(instance: Instance, profile: Profile) -> dict:
    on = profile.on
    rule_travel = profile.get(Travel)
    t_from = dt.time.fromisoformat(rule_travel.travel_from)
    until_h, until_m = map(int, rule_travel.travel_until.split(":"))
    start = dt.datetime.combine(dt.date(2000, 1, 1), t_from)
    spread = profile.get(RegionSpread)
    akim_spread, spacing = profile.get(AkimSpread), profile.get(FreqSpacing)
    load, evening = profile.get(FreqLoad), profile.get(TimeEvening)
    w = dict(
        travel_on=on(Travel),
        travel_from=t_from.hour * 60 + t_from.minute, travel_until=until_h * 60 + until_m,
        full_day=longest_trip_window(start, start + dt.timedelta(days=1), rule_travel),
        max_per_day=profile.get(ClashPerson).max_per_day if on(ClashPerson) else 1_000_000,
        slot_clash=on(ClashPerson) and profile.get(ClashPerson).max_per_day > 1,
        cap_on=on(CapRegion), support_on=on(AkimSupport),
        per_day=profile.get(CapRegion).region_per_day,
        per_weekend=profile.get(CapRegion).region_per_weekend,
        attend_on=on(AttendDistrict), tv_on=on(TvLive),
        tv_channels=profile.get(TvLive).tv_channels if on(TvLive) else 0,
        w_substitution=profile.get(SubstDeputy).w_substitution if on(SubstDeputy) else 0,
        w_issue=profile.get(RegionIssues).w_issue if on(RegionIssues) else 0,
        w_preferred=profile.get(RegionAgree).w_preferred if on(RegionAgree) else 0,
        w_repeat=spread.w_repeat if on(RegionSpread) else 0,
        w_unvisited=spread.w_unvisited if on(RegionSpread) else 0,
        min_visits=spread.min_region_visits if on(RegionSpread) else 0,
        w_max_load=spread.w_max_load if on(RegionSpread) else 0,
        akim_max_per_quarter=profile.get(FreqAkim).max_per_quarter,
        rotation_on=on(AkimRotation), max_per_month=profile.get(AkimRotation).max_per_month,
        spread_on=on(AkimSpread), district_per_day=akim_spread.district_per_day,
        region_per_day=akim_spread.region_per_day if on(AkimSpread) else None,
        day_target=akim_spread.region_day_target,
        w_crowd=akim_spread.w_crowd if on(AkimSpread) else 0,
        spacing_on=on(FreqSpacing), window_days=spacing.window_days,
        max_in_window=spacing.max_in_window, w_close=spacing.w_close if on(FreqSpacing) else 0,
        free_per_quarter=load.free_per_quarter, w_extra=load.w_extra if on(FreqLoad) else 0,
        w_extra_akim=load.w_extra_akim if on(FreqLoad) else 0,
        near_hours=evening.near_hours,
        w_far_evening=evening.w_far_evening if on(TimeEvening) else 0,
        early_on=on(UrgentEarly),
        attendants={},
    )
    w["monthly"] = w["rotation_on"] and w["max_per_month"] is not None
    return w


def _akim_owes(instance: Instance, profile: Profile, official, level: AkimLevel) -> int:
    """The planned meetings FREQ-AKIM and AKIM-ROTATION ask of an akim in the half-year
    (FREQ-LOAD's free ones)."""
    freq, rotation = profile.get(FreqAkim), profile.get(AkimRotation)
    freq_on, rotation_on = profile.on(FreqAkim), profile.on(AkimRotation)
    if level is AkimLevel.region:
        need = freq.region_min_per_quarter * len(instance.horizon.quarters) if freq_on else 0
        if rotation_on and rotation.region_akims:
            need = max(need, len(owed_districts(instance, official)))
        return need
    if level is AkimLevel.district:
        need = freq.district_min_per_half if freq_on else 0
        if rotation_on:
            need = max(need, rotation.okrug_per_half * len(okrugs_of(instance, official)))
        return need
    return freq.rural_min_per_half if freq_on else 0


def _travel_base_binds(instance: Instance, profile: Profile, cands: list[Candidate],
                       hours) -> bool:
    """Whether TRAVEL-BASE would add a constraint to the planner's model (its own test:
    some trip from a base longer than a day's window, or a meeting before the half-year's
    first working day)."""
    if not profile.on(TravelBase) or hours is None:
        return False
    rule = profile.get(Travel)
    opens = dt.time.fromisoformat(rule.travel_from)
    until_h, until_m = map(int, rule.travel_until.split(":"))
    first = dt.datetime.combine(instance.horizon.start, opens)
    full_day = longest_trip_window(first, dt.datetime.combine(
        instance.horizon.start, dt.time()) + dt.timedelta(days=1, hours=until_h,
                                                          minutes=until_m), rule)
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    off = days_off(instance)
    day, end = instance.horizon.start, instance.horizon.end
    while day <= end and not working_day(instance, day, off):
        day += dt.timedelta(days=1)
    return full_day + 1e-9 < longest or any(c.slot.date < day for c in cands)


def _build(instance: Instance, profile: Profile, w: dict
           ) -> tuple[Plan, list[tuple], dict[str, list[Candidate]], bool]:
    """The problem; what each ``When`` id stands for (official, presenter, body, slot,
    kind, alert, ministerial); the meetings planned outside the model; and whether
    TRAVEL-BASE would bind (then left to the checker).

    The values come from ``create_candidates``: a ``When`` per distinct (official,
    presenter, slot, kind, alert) of the grid, a ``Place`` per region and per district
    unit an akim's meeting names; an official's places are those of his candidates. The
    grid is that product minus the (region, date) pairs REGION-AGREE blocks: whatever pair
    the product has and the grid has not becomes a ``Blocked`` fact (a hard constraint), so
    the domain is the grid's.
    """
    fixed = independent_meetings(instance, profile)
    duty = [o for o in duty_officials(instance, profile) if o.id not in fixed]
    free = {o.id for o in duty} if fixed else None
    cands = create_candidates(instance, profile, free=free)
    avail = Availability(instance)
    regions = [r.id for r in instance.regions]
    index = {r: i for i, r in enumerate(regions)}
    hours = travel_hours(instance, profile.get(Travel)) \
        if w["travel_on"] or w["w_far_evening"] or profile.on(TravelBase) else None
    start = instance.horizon.start
    days = (instance.horizon.end - start).days + 1
    fixed_district: dict[str, list[int]] = defaultdict(lambda: [0] * days)
    fixed_region: dict[str, list[int]] = defaultdict(lambda: [0] * days)
    for held in fixed.values():
        for c in held:
            d = (c.slot.date - start).days
            fixed_region[c.region][d] += 1
            district = c.district or instance.official(c.official).district_id
            if district:
                fixed_district[district][d] += 1

    def place(region: str, district: str = "") -> Place:
        row = [hours[region][s] if hours else 0.0 for s in regions]
        back = [hours[s][region] if hours else 0.0 for s in regions]
        return Place(f"{region}/{district}", region, index[region], district, row, back,
                     list(fixed_district[district]) if district else [0] * days,
                     list(fixed_region[region]))

    places = {(r, ""): place(r) for r in regions}
    duty_ids = {o.id for o in duty}
    body_of = {b.id: b for b in instance.bodies}
    level = {o.id: (o.akim_level or AkimLevel.region) for o in duty}
    units = {o: u for o, u in district_units(instance, profile).items() if o in duty_ids}
    own_district = {o.id: o.district_id for o in duty
                    if body_of[o.body_id].kind is BodyKind.akimat and o.district_id
                    and o.id not in units}
    for o, held in units.items():
        home = instance.home_region(instance.official(o))
        for d in held:
            places.setdefault((home, d), place(home, d))
    for o, d in own_district.items():
        home = instance.home_region(instance.official(o))
        places.setdefault((home, d), place(home, d))
    regional_akim = {o.id: body_of[o.body_id].region_id for o in duty
                     if instance.is_regional_akim(o)}
    district_akim = {o.id for o in duty if body_of[o.body_id].kind is BodyKind.akimat
                     and level[o.id] is AkimLevel.district}
    for o in duty:
        if o.id in regional_akim:
            w["attendants"][regional_akim[o.id]] = 1 + len(instance.deputies_of(o.id))
    owes = {o.id: _akim_owes(instance, profile, o, level[o.id]) for o in duty
            if body_of[o.body_id].kind is BodyKind.akimat}
    monthly = {o for o in owes if level[o] is AkimLevel.district or (
        o in regional_akim and profile.get(AkimRotation).region_akims)}
    base = {o.id: index[o.base_region_id] for o in instance.officials}
    off = days_off(instance)
    alerts = {a.id: a for a in instance.alerts}
    early = profile.get(UrgentEarly)
    until, t_from = w["travel_until"], w["travel_from"]

    where: dict[tuple, set[str]] = defaultdict(set)  # (official, presenter, slot, kind, alert)
    regions_of: dict[tuple, set[str]] = defaultdict(set)  # (official, kind, alert)
    info: dict[tuple, Candidate] = {}
    for c in cands:
        key = (c.official, c.presenter, c.slot, c.kind, c.alert)
        where[key].add(c.region)
        regions_of[c.official, c.kind, c.alert].add(c.region)
        info.setdefault(key, c)
    meaning: list[tuple] = []
    planned: dict[tuple[str, int], list[When]] = defaultdict(list)
    owed: dict[tuple[str, str], list[When]] = defaultdict(list)
    missing: set[tuple[str, int]] = set()
    for key, here in where.items():
        c = info[key]
        day = c.slot.date
        begin = c.slot.start.hour * 60 + c.slot.start.minute
        end = c.slot.end.hour * 60 + c.slot.end.minute
        planned_kind = c.kind is MeetingKind.planned
        alert = alerts.get(c.alert or "")
        early_cost = 0
        if not planned_kind and alert is not None and profile.on(UrgentEarly):
            weight = (early.w_day_arisen if alert.level is AlertLevel.arisen
                      else early.w_day_forecast)
            early_cost = weight * max(0, (day - alert.date).days)
        when = When(
            id=len(meaning), official=c.official, presenter=c.presenter, body=c.body,
            day=day.toordinal(), day_index=(day - start).days, quarter=c.slot.quarter,
            month=day.year * 12 + day.month,
            saturday=(day - dt.timedelta(days=day.weekday() - 5)).toordinal()
            if day.weekday() >= 5 else -1,
            start=begin, ministerial=c.ministerial, akim=c.official in owes,
            urgent=not planned_kind, substituted=c.presenter != c.official,
            needs_urgent_head=(planned_kind and c.presenter != c.official
                               and avail.reason(c.official, day) is None),
            akim_of=regional_akim.get(c.official, ""), district=c.official in district_akim,
            leave_h=max(0, until - max(end, t_from)) / 60.0,
            arrive_h=max(0, min(begin, until) - t_from) / 60.0, end=end,
            base=base[c.presenter], working=working_day(instance, day, off),
            early_cost=early_cost, load_limited=False, monthly=c.official in monthly,
            owes=owes.get(c.official, -1))
        meaning.append((c.official, c.presenter, c.body, c.slot, c.kind, c.alert, c.ministerial))
        missing.update((r, when.day) for r in regions_of[c.official, c.kind, c.alert] - here)
        if planned_kind:
            planned[c.official, c.slot.quarter].append(when)
        else:
            owed[c.alert, c.official].append(when)

    everywhere = [places[r, ""] for r in regions]

    def places_of(official: str, kind: MeetingKind, alert: str | None) -> list[Place]:
        allowed = regions_of.get((official, kind, alert), set())
        if official in units:
            return [places[r, d] for r in regions if r in allowed for d in units[official]]
        if official in own_district:
            return [places[r, own_district[official]] for r in regions if r in allowed]
        return everywhere if len(allowed) == len(regions) else [
            places[r, ""] for r in regions if r in allowed]

    slottings: list[Slotting] = []
    needs: list[QuarterNeed] = []

    def owe(whens: list[When], where_: list[Place], mandatory: bool) -> None:
        slottings.append(Slotting(len(slottings), mandatory, whens, where_))

    ceb, akim = profile.get(FreqCebQuarter), profile.get(FreqAkim)
    quarters = instance.horizon.quarters
    for o in duty:
        kind = body_of[o.body_id].kind
        at = places_of(o.id, MeetingKind.planned, None)
        half = [c for q in quarters for c in planned[o.id, q]]
        if kind is BodyKind.ceb and profile.on(FreqCebQuarter):
            for q in quarters:
                for k in range(ceb.max_per_quarter):
                    owe(planned[o.id, q], at, k < ceb.min_per_quarter)
        elif kind is BodyKind.akimat and o.id in units:
            # AKIM-ROTATION's districts, then FREQ-AKIM's quarters (a hard minimum)
            rotation = profile.on(AkimRotation) and profile.get(AkimRotation).region_akims
            for d in owed_districts(instance, o) if rotation else ():
                owe(half, [p for p in at if p.district == d], True)
            for q in quarters if profile.on(FreqAkim) else ():
                need = akim.region_min_per_quarter
                needs.append(QuarterNeed(len(needs), o.id, q, need))
                for _ in range(need):
                    owe(planned[o.id, q], at, False)
        elif kind is BodyKind.akimat and profile.on(FreqAkim):
            if level[o.id] is AkimLevel.region:
                for q in quarters:
                    for _ in range(akim.region_min_per_quarter):
                        owe(planned[o.id, q], at, True)
            else:
                for _ in range(max(least_per_half(akim, level[o.id]), owes[o.id])):
                    owe(half, at, True)
    for _rule, alert, official in alert_duties(instance, profile):
        if official.id in duty_ids:
            owe(owed[alert.id, official.id],
                places_of(official.id, MeetingKind.out_of_schedule, alert.id), True)
    # FREQ-AKIM's quarter maximum binds only for an akim who may hold more than it
    held_by: Counter = Counter()
    for s in slottings:
        if s.whens and not s.whens[0].urgent:
            held_by[s.whens[0].official] += 1
    limited = {o for o, n in held_by.items() if o in owes and n > akim.max_per_quarter}
    for s in slottings:
        for v in s.whens:
            v.load_limited = v.official in limited
    w["load_limited"] = bool(limited)
    w["needs_on"] = bool(needs)

    apart = {(c.region, c.body) for held in fixed.values() for c in held}
    unmet: dict[tuple[str, str], int] = defaultdict(int)
    for issue in instance.issues:
        if (issue.region_id, issue.body_id) not in apart:  # met by an independent akim
            unmet[issue.body_id, issue.region_id] += issue.weight
    issues = [IssueGroup(n, b, r, wt) for n, ((b, r), wt) in enumerate(sorted(unmet.items()))]
    preferred = sorted({(rd.region_id, rd.date) for rd in instance.region_dates
                        if rd.kind is DateKind.preferred})
    prefs = [RegionDay(n, r, d.toordinal()) for n, (r, d) in enumerate(preferred)]
    blocked = [Blocked(n, r, d) for n, (r, d) in enumerate(sorted(missing))]
    # AKIM-SPREAD's cost of the independent akims' crowded days alone: a constant
    w["constant"] = w["w_crowd"] * sum(max(0, n - w["day_target"])
                                       for loads in fixed_region.values() for n in loads)
    plan = Plan(issues, prefs if w["w_preferred"] else [], blocked, needs,
                [RegionFact(r) for r in regions], slottings)
    return plan, meaning, fixed, _travel_base_binds(instance, profile, cands, hours)


def solve_timefold(instance: Instance, profile: Profile, time_limit: float,
                   seed: int = 0) -> Outcome:
    """Solve with Timefold for ``time_limit`` seconds (its spent limit; building the model,
    starting the JVM and compiling the domain come on top, as for CP-SAT's model building)."""
    from _jpyinterpreter import convert_to_java_python_like_object
    from jpype import JImplements, JOverride

    if profile.on(FreqWindow):
        return Outcome(status=SolveStatus.SKIPPED,
                       note="FREQ-WINDOW (kz-2016/kz-2018) is not in the Timefold model")
    started = time.perf_counter()
    _W.clear()
    _W.update(_weights(instance, profile))
    plan, meaning, fixed, travel_base = _build(instance, profile, _W)
    constant = _W["constant"]
    config = SolverConfig(
        solution_class=Plan, entity_class_list=[Slotting],
        score_director_factory_config=ScoreDirectorFactoryConfig(
            constraint_provider_function=meeting_constraints),
        termination_config=TerminationConfig(
            spent_limit=Duration(milliseconds=max(1, int(time_limit * 1000)))),
        environment_mode=EnvironmentMode.NO_ASSERT, random_seed=seed)
    solver = SolverFactory.create(config).build_solver()
    build_time = time.perf_counter() - started

    trace: list[tuple[float, float | None, float | None]] = []
    from ai.timefold.solver.core.api.solver.event import SolverEventListener

    @JImplements(SolverEventListener)
    class _Listener:  # reads the score only (the Python wrapper converts the whole solution)
        @JOverride
        def bestSolutionChanged(self, event):
            score = event.getNewBestScore()
            if score.isSolutionInitialized() and score.hardScore() == 0:
                trace.append((time.perf_counter() - started,
                              float(-score.softScore() + constant), None))

    solver._delegate.addEventListener(_Listener())
    java_plan = convert_to_java_python_like_object(plan)
    java_best = solver._delegate.solve(java_plan)
    # Read the chosen values straight from the Java objects: unwrapping the whole solution
    # (every entity's value ranges) back to Python would take longer than the solve.
    units = district_units(instance, profile)
    chosen: list[Candidate] = [c for held in fixed.values() for c in held]
    for entity in java_best.slottings:
        when, place = entity.when, entity.place
        if _unset(when) or _unset(place):
            continue
        official, presenter, body, slot, kind, alert, ministerial = meaning[int(str(when.id))]
        district = str(place.district) if official in units else None
        chosen.append(Candidate(official, presenter, body, str(place.region), slot, kind,
                                alert, ministerial, district))
    score = java_best.score  # a Java HardSoftScore (PythonNone if never scored)
    score = None if _unset(score) else score
    wall = time.perf_counter() - started
    hard = int(str(score.hard_score)) if score is not None else None
    soft = int(str(score.soft_score)) if score is not None else None
    # FEASIBLE: no hard penalty in Timefold's own score; otherwise the calendar still goes
    # to the checker (as the greedy baseline's does), which counts the violations.
    status = SolveStatus.FEASIBLE if hard == 0 else SolveStatus.HEURISTIC
    objective = float(-soft + constant) if hard == 0 and soft is not None else None
    calendar = calendar_of(instance, profile, chosen,
                           meta(instance, profile, status, wall_time_s=round(wall, 3)))
    return Outcome(status=status, calendar=calendar, objective=objective, wall_time=wall,
                   build_time=build_time, trace=trace,
                   note=(f"Timefold: {len(plan.slottings)} meetings owed or optional, "
                         f"{len(meaning)} (presenter, slot) values; own best score "
                         f"{hard}hard/{soft}soft"
                         + (f" (+{constant} fixed)" if constant else "")
                         + ("; TRAVEL-BASE left to the checker" if travel_base else "")))


def _unset(value) -> bool:
    """Python's None on the Java side (jpyinterpreter's PythonNone) or a Java null."""
    return value is None or value.getClass().getSimpleName() == "PythonNone"
