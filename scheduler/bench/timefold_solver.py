"""Timefold, the peer planning engine: the same problem as Timefold constraint streams.

Importing this module starts a JVM (Timefold's Python package compiles the domain classes
below to Java); ``scheduler.bench.solvers`` imports it only when ``timefold`` and ``java``
are there.

The model
---------
* A planning entity ``Slotting`` per meeting owed: for every duty official, the minimum of
  FREQ-CEB-QUARTER (ministers) or FREQ-AKIM (akims: per quarter for regional akims, per
  half-year for district and rural akims); one per alert duty (URGENT-TENSION,
  EXTRA-DEMAND). These are mandatory (a hard penalty while one is unassigned). A minister
  also gets ``max_per_quarter - min_per_quarter`` optional meetings per quarter (may stay
  unassigned): the planner's optimum often holds more than the minimum to meet more
  topical issues. Akims get no optional meetings: they meet in their own region only, so
  a second meeting can lower no cost.
* Two planning variables: ``when`` (a ``When``: the official's slot, who presents it, the
  kind) and ``place`` (a ``Place``: the region). Both value ranges are per entity and come
  from ``scheduler.model.variables.create_candidates``, so the domain rules (TIME-*,
  SUBST-DEPUTY's absences, alert windows, SCOPE-EXEMPT, akims at home) are the planner's
  own: ``when`` ranges over the official's candidate slots of the entity's quarter
  (planned) or alert window (out of schedule), so FREQ-* and the alert duties hold by
  construction; ``place`` over the regions of his candidates. The grid is that product
  minus REGION-AGREE's blocked (region, date) pairs, which become a hard constraint.
  (One variable over the candidates themselves was tried first: 72k values, and turning
  them into Java objects took ~50 s each way on kz-2027-h1; this way 7.5k ``When``s.)
* Hard constraints: REGION-AGREE blocked dates, CLASH-PERSON (per presenter and day, and
  per slot when more than one a day is allowed), CAP-REGION (per region and day, per region
  and weekend), AKIM-SUPPORT,
  TRAVEL (every two meetings of one presenter in different regions, as the planner does:
  the trip must fit the longest travel window between them), SUBST-DEPUTY (a deputy for
  a present head only on a day the head holds an out-of-schedule meeting), and ATTEND-
  DISTRICT / TV-LIVE when the profile has them.
* Soft constraints, all exact: SUBST-DEPUTY (w_substitution per substitution),
  REGION-ISSUES (w_issue x the weight of each unmet (body, region) issue), REGION-AGREE
  (w_preferred per preferred date without a ministerial meeting), REGION-SPREAD (w_repeat
  per repeat visit, w_unvisited per missing visit below min_region_visits, w_max_load x the
  busiest region's ministerial load, via a group-by of a group-by).

What is not the planner's model: the number of meetings an akim holds is fixed at his
minimum, and a minister's at most max_per_quarter per quarter (the same bound); FREQ-WINDOW
(kz-2016/kz-2018 profiles) is not modelled (the quarter of an entity is not restricted to
the profile's window), so those profiles are not supported and say so (SKIPPED).
ATTEND-DISTRICT and TV-LIVE exist only in those profiles: written, never run.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
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
from scheduler.instance import AkimLevel, BodyKind, DateKind, Instance
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import calendar_of
from scheduler.model.variables import Availability, Candidate, create_candidates
from scheduler.profile import (
    AkimSupport,
    AttendDistrict,
    CapRegion,
    ClashPerson,
    FreqAkim,
    FreqCebQuarter,
    FreqWindow,
    Profile,
    RegionAgree,
    RegionIssues,
    RegionSpread,
    SubstDeputy,
    Travel,
    TvLive,
)
from scheduler.results import SolveStatus
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.urgent_tension import alert_duties
from scheduler.travel import longest_trip_window, travel_hours

# The profile's numbers, set before each solve (the constraint provider reads them when
# the solver factory is built; one solve per process in the benchmark).
_W: dict[str, int | float] = {}


# ----------------------------------------------------------------------- domain
@dataclass
class Place:
    """A region (a value of the ``place`` variable), with the travel hours to every region."""
    id: Annotated[str, PlanningId]
    index: int
    hours: list  # travel hours to every region, by index


@dataclass
class When:
    """Who presents when (a value of the ``when`` variable): one official's slot, his
    presenter that day, the meeting's kind."""
    id: Annotated[int, PlanningId]
    official: str
    presenter: str
    body: str
    day: int  # date ordinal
    saturday: int  # ordinal of the weekend's Saturday, -1 on a working day
    start: int  # minutes since midnight
    ministerial: bool
    urgent: bool  # out of schedule
    substituted: bool
    needs_urgent_head: bool  # a deputy presents a planned meeting while the head is there
    akim_of: str  # the region whose regional akim holds it, else ""
    district: bool  # a district akim's meeting
    leave_h: float  # travel hours left on its day after it ends
    arrive_h: float  # travel hours on its day before it starts
    end: int


@planning_entity
@dataclass
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


@dataclass
class IssueGroup:
    """The topical issues of one body in one region (met by any meeting of the body there)."""
    id: Annotated[int, PlanningId]
    body: str
    region: str
    weight: int


@dataclass
class RegionDay:
    """A preferred or a blocked (region, date) of REGION-AGREE."""
    id: Annotated[int, PlanningId]
    region: str
    day: int


@dataclass
class Blocked:
    """A blocked (region, date) of REGION-AGREE: the grid leaves these candidates out."""
    id: Annotated[int, PlanningId]
    region: str
    day: int


@dataclass
class RegionFact:
    id: Annotated[str, PlanningId]


@planning_solution
@dataclass
class Plan:
    issues: Annotated[list[IssueGroup], ProblemFactCollectionProperty]
    preferred: Annotated[list[RegionDay], ProblemFactCollectionProperty]
    blocked: Annotated[list[Blocked], ProblemFactCollectionProperty]
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
    return found


def unassigned_mandatory(factory: ConstraintFactory):
    return (factory.for_each_including_unassigned(Slotting)
            .filter(lambda s: s.mandatory and (s.when is None or s.place is None))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint("FREQ and alert duties: meeting owed not placed"))


def blocked_dates(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .join(Blocked, Joiners.equal(lambda s: s.place.id, lambda b: b.region),
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
            .group_by(lambda s: s.place.id, lambda s: s.when.day, ConstraintCollectors.count())
            .filter(lambda r, d, n: n > _W["per_day"])
            .penalize(HardSoftScore.ONE_HARD, lambda r, d, n: n - _W["per_day"])
            .as_constraint(f"{CapRegion.rule_id} per day"))


def cap_region_weekend(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial and s.when.saturday >= 0)
            .group_by(lambda s: s.place.id, lambda s: s.when.saturday,
                      ConstraintCollectors.count())
            .filter(lambda r, d, n: n > _W["per_weekend"])
            .penalize(HardSoftScore.ONE_HARD, lambda r, d, n: n - _W["per_weekend"])
            .as_constraint(f"{CapRegion.rule_id} per weekend"))


def akim_support(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda a: a.when.akim_of != "")
            .join(Slotting,
                  Joiners.equal(lambda a: a.when.akim_of, lambda m: m.place.id),
                  Joiners.equal(lambda a: a.when.day, lambda m: m.when.day),
                  Joiners.filtering(lambda a, m: m.when.ministerial))
            .penalize(HardSoftScore.ONE_HARD)
            .as_constraint(AkimSupport.rule_id))


def attend_district(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.district)
            .group_by(lambda s: s.place.id, lambda s: s.when.day, lambda s: s.when.start,
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


def subst_deputy_cost(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.substituted)
            .penalize(HardSoftScore.ONE_SOFT, lambda s: _W["w_substitution"])
            .as_constraint(f"{SubstDeputy.rule_id} cost"))


def region_issues(factory: ConstraintFactory):
    return (factory.for_each(IssueGroup)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda g: g.body, lambda s: s.when.body),
                           Joiners.equal(lambda g: g.region, lambda s: s.place.id))
            .penalize(HardSoftScore.ONE_SOFT, lambda g: _W["w_issue"] * g.weight)
            .as_constraint(RegionIssues.rule_id))


def region_preferred(factory: ConstraintFactory):
    return (factory.for_each(RegionDay)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda p: p.region, lambda s: s.place.id),
                           Joiners.equal(lambda p: p.day, lambda s: s.when.day),
                           Joiners.filtering(lambda p, s: s.when.ministerial))
            .penalize(HardSoftScore.ONE_SOFT, lambda p: _W["w_preferred"])
            .as_constraint(f"{RegionAgree.rule_id} preferred dates"))


def spread_repeat(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.when.official, lambda s: s.place.id,
                      ConstraintCollectors.count())
            .filter(lambda o, r, n: n > 1)
            .penalize(HardSoftScore.ONE_SOFT, lambda o, r, n: _W["w_repeat"] * (n - 1))
            .as_constraint(f"{RegionSpread.rule_id} repeat visits"))


def spread_unvisited(factory: ConstraintFactory):
    return (factory.for_each(RegionFact)
            .if_not_exists(Slotting,
                           Joiners.equal(lambda r: r.id, lambda s: s.place.id),
                           Joiners.filtering(lambda r, s: s.when.ministerial))
            .penalize(HardSoftScore.ONE_SOFT, lambda r: _W["w_unvisited"] * _W["min_visits"])
            .as_constraint(f"{RegionSpread.rule_id} unvisited regions"))


def spread_short(factory: ConstraintFactory):  # only when min_region_visits > 1
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.place.id, ConstraintCollectors.count())
            .filter(lambda r, n: n < _W["min_visits"])
            .penalize(HardSoftScore.ONE_SOFT,
                      lambda r, n: _W["w_unvisited"] * (_W["min_visits"] - n))
            .as_constraint(f"{RegionSpread.rule_id} regions below min visits"))


def spread_max_load(factory: ConstraintFactory):
    return (factory.for_each(Slotting)
            .filter(lambda s: s.when.ministerial)
            .group_by(lambda s: s.place.id, ConstraintCollectors.count())
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
        attendants={},
    )
    return w


def _build(instance: Instance, profile: Profile, w: dict) -> tuple[Plan, list[tuple]]:
    """The problem, and what each ``When`` id stands for (official, presenter, body, slot,
    kind, alert, ministerial).

    The values come from ``create_candidates``: a ``When`` per distinct (official,
    presenter, slot, kind, alert) of the grid, a ``Place`` per region; an official's
    places are the regions of his candidates. The grid is that product minus the
    (region, date) pairs REGION-AGREE blocks: whatever pair the product has and the grid
    has not becomes a ``Blocked`` fact (a hard constraint), so the domain is the grid's.
    """
    cands = create_candidates(instance, profile)
    avail = Availability(instance)
    regions = [r.id for r in instance.regions]
    hours = travel_hours(instance, profile.get(Travel)) if w["travel_on"] else None
    places = {r: Place(r, i, [hours[r][s] if hours else 0.0 for s in regions])
              for i, r in enumerate(regions)}
    duty = duty_officials(instance, profile)
    body_of = {b.id: b for b in instance.bodies}
    level = {o.id: (o.akim_level or AkimLevel.region) for o in duty}
    regional_akim = {o.id: body_of[o.body_id].region_id for o in duty
                     if instance.is_regional_akim(o)}
    district_akim = {o.id for o in duty if body_of[o.body_id].kind is BodyKind.akimat
                     and level[o.id] is AkimLevel.district}
    for o in duty:
        if o.id in regional_akim:
            w["attendants"][regional_akim[o.id]] = 1 + len(instance.deputies_of(o.id))
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
        start = c.slot.start.hour * 60 + c.slot.start.minute
        end = c.slot.end.hour * 60 + c.slot.end.minute
        planned_kind = c.kind is MeetingKind.planned
        when = When(
            id=len(meaning), official=c.official, presenter=c.presenter, body=c.body,
            day=day.toordinal(),
            saturday=(day - dt.timedelta(days=day.weekday() - 5)).toordinal()
            if day.weekday() >= 5 else -1,
            start=start, ministerial=c.ministerial, urgent=not planned_kind,
            substituted=c.presenter != c.official,
            needs_urgent_head=(planned_kind and c.presenter != c.official
                               and avail.reason(c.official, day) is None),
            akim_of=regional_akim.get(c.official, ""), district=c.official in district_akim,
            leave_h=max(0, until - max(end, t_from)) / 60.0,
            arrive_h=max(0, min(start, until) - t_from) / 60.0, end=end)
        meaning.append((c.official, c.presenter, c.body, c.slot, c.kind, c.alert, c.ministerial))
        missing.update((r, when.day) for r in regions_of[c.official, c.kind, c.alert] - here)
        if planned_kind:
            planned[c.official, c.slot.quarter].append(when)
        else:
            owed[c.alert, c.official].append(when)

    everywhere = [places[r] for r in regions]

    def places_of(official: str, kind: MeetingKind, alert: str | None) -> list[Place]:
        allowed = regions_of.get((official, kind, alert), set())
        return everywhere if len(allowed) == len(regions) else [
            places[r] for r in regions if r in allowed]

    slottings: list[Slotting] = []

    def owe(whens: list[When], where_: list[Place], mandatory: bool) -> None:
        slottings.append(Slotting(len(slottings), mandatory, whens, where_))

    ceb, akim = profile.get(FreqCebQuarter), profile.get(FreqAkim)
    quarters = instance.horizon.quarters
    for o in duty:
        kind = body_of[o.body_id].kind
        at = places_of(o.id, MeetingKind.planned, None)
        if kind is BodyKind.ceb and profile.on(FreqCebQuarter):
            for q in quarters:
                for k in range(ceb.max_per_quarter):
                    owe(planned[o.id, q], at, k < ceb.min_per_quarter)
        elif kind is BodyKind.akimat and profile.on(FreqAkim):
            if level[o.id] is AkimLevel.region:
                for q in quarters:
                    for _ in range(akim.region_min_per_quarter):
                        owe(planned[o.id, q], at, True)
            else:
                least = (akim.district_min_per_half if level[o.id] is AkimLevel.district
                         else akim.rural_min_per_half)
                half = [c for q in quarters for c in planned[o.id, q]]
                for _ in range(least):
                    owe(half, at, True)
    for _rule, alert, official in alert_duties(instance, profile):
        owe(owed[alert.id, official.id],
            places_of(official.id, MeetingKind.out_of_schedule, alert.id), True)

    unmet: dict[tuple[str, str], int] = defaultdict(int)
    for issue in instance.issues:
        unmet[issue.body_id, issue.region_id] += issue.weight
    issues = [IssueGroup(n, b, r, wt) for n, ((b, r), wt) in enumerate(sorted(unmet.items()))]
    preferred = sorted({(rd.region_id, rd.date) for rd in instance.region_dates
                        if rd.kind is DateKind.preferred})
    prefs = [RegionDay(n, r, d.toordinal()) for n, (r, d) in enumerate(preferred)]
    blocked = [Blocked(n, r, d) for n, (r, d) in enumerate(sorted(missing))]
    plan = Plan(issues, prefs if w["w_preferred"] else [], blocked,
                [RegionFact(r) for r in regions], slottings)
    return plan, meaning


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
    plan, meaning = _build(instance, profile, _W)
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
                trace.append((time.perf_counter() - started, float(-score.softScore()), None))

    solver._delegate.addEventListener(_Listener())
    java_plan = convert_to_java_python_like_object(plan)
    java_best = solver._delegate.solve(java_plan)
    # Read the chosen values straight from the Java objects: unwrapping the whole solution
    # (every entity's value ranges) back to Python would take longer than the solve.
    chosen: list[Candidate] = []
    for entity in java_best.slottings:
        when, place = entity.when, entity.place
        if _unset(when) or _unset(place):
            continue
        official, presenter, body, slot, kind, alert, ministerial = meaning[int(str(when.id))]
        chosen.append(Candidate(official, presenter, body, str(place.id), slot, kind, alert,
                                ministerial))
    score = java_best.score  # a Java HardSoftScore (PythonNone if never scored)
    score = None if _unset(score) else score
    wall = time.perf_counter() - started
    hard = int(str(score.hard_score)) if score is not None else None
    soft = int(str(score.soft_score)) if score is not None else None
    # FEASIBLE: no hard penalty in Timefold's own score; otherwise the calendar still goes
    # to the checker (as the greedy baseline's does), which counts the violations.
    status = SolveStatus.FEASIBLE if hard == 0 else SolveStatus.HEURISTIC
    calendar = calendar_of(instance, profile, chosen,
                           meta(instance, profile, status, wall_time_s=round(wall, 3)))
    return Outcome(status=status, calendar=calendar,
                   objective=float(-soft) if hard == 0 else None, wall_time=wall,
                   build_time=build_time, trace=trace,
                   note=(f"Timefold: {len(plan.slottings)} meetings owed or optional, "
                         f"{len(meaning)} (presenter, slot) values; own best score "
                         f"{hard}hard/{soft}soft"))


def _unset(value) -> bool:
    """Python's None on the Java side (jpyinterpreter's PythonNone) or a Java null."""
    return value is None or value.getClass().getSimpleName() == "PythonNone"
