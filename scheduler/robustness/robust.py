"""Plans that need fewer changes: the expected cost of change of every candidate meeting,
learned from sampled futures, added to the planner's objective from outside.

For a candidate meeting (official, presenter, date, region) and a sampled future: if the
presenter is away that day, the meeting is handed over (``w_presenter_change``) when the
absence lets a deputy present and one is free, else it moves (the cheaper of
``w_date_change`` and ``w_region_change``); a date the region's akimat blocks, or a new
day off, moves it too. Doubled within ``near_days`` of the quarter's change-set date
(DL-CHANGE's ``near_factor``), as the re-plan counts it. The mean over the futures is the
candidate's expected change cost; ``plan_robust`` minimises the profile's cost plus
``weight`` x the expected change cost of the chosen meetings (above the least each
official's candidates have: the term moves meetings, it does not drop them). The futures are the
*training* stream (``sample_future(..., stream=1)``), never those a sweep evaluates on.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import numpy as np

from scheduler.checker import check
from scheduler.instance import BodyKind, Instance, quarter_of
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import CalendarModel, Plan, SolverParams, calendar_meta
from scheduler.planner import Result
from scheduler.profile import DlChange, Profile, SubstDeputy
from scheduler.robustness.model import DisruptionModel, as_of_dates, sample_future

CODES = {"illness": 1, "delegation": 2, "other": 3, "deputy_pm": 4}


@dataclass
class ExpectedChanges:
    """Expected change cost (DL-CHANGE weights) of a planned meeting, per person and day."""

    start: dt.date
    presenter: dict[tuple[str, str], np.ndarray]  # (official, presenter) -> per day
    region: dict[str, np.ndarray]  # region -> per day (blocked dates, days off)
    futures: int

    def cost(self, official: str, presenter: str, region: str, day: dt.date) -> float:
        i = (day - self.start).days
        own = self.presenter.get((official, presenter))
        where = self.region.get(region)
        return (float(own[i]) if own is not None else 0.0) + (
            float(where[i]) if where is not None else 0.0)


def expected_changes(instance: Instance, profile: Profile, model: DisruptionModel, seed: int,
                     futures: int = 200) -> ExpectedChanges:
    """Learn the expected change costs from ``futures`` training futures of ``seed``."""
    horizon = instance.horizon
    start, days = horizon.start, (horizon.end - horizon.start).days + 1
    people = [o.id for o in instance.officials]
    index = {p: i for i, p in enumerate(people)}
    regions = [r.id for r in instance.regions]
    rindex = {r: i for i, r in enumerate(regions)}
    away = np.zeros((futures, len(people), days), dtype=np.int8)
    blocked = np.zeros((futures, len(regions), days), dtype=bool)
    off = np.zeros((futures, days), dtype=bool)
    for f in range(futures):
        future = sample_future(instance, profile, model, seed, f, stream=1)
        for q in horizon.quarters:
            for a in future.absences.get(q, ()):
                lo, hi = (a.start - start).days, (a.end - start).days + 1
                span = away[f, index[a.official_id], lo:hi]
                span[span == 0] = CODES.get(a.reason.value, 3)
            for rd in future.blocked.get(q, ()):
                blocked[f, rindex[rd.region_id], (rd.date - start).days] = True
            for d in future.days_off.get(q, ()):
                off[f, (d - start).days] = True

    rule = profile.get(DlChange)
    move = float(min(rule.w_date_change, rule.w_region_change))
    hand = float(rule.w_presenter_change)
    factor = np.ones(days)
    as_of = as_of_dates(instance, profile, model)
    for d in range(days):
        day = start + dt.timedelta(days=d)
        q = quarter_of(day)
        if q in as_of and (day - as_of[q]).days < rule.near_days:
            factor[d] = rule.near_factor
    subst = profile.get(SubstDeputy)
    may_stand_in = profile.on(SubstDeputy)
    reasons = np.array([CODES[r] for r in subst.reasons if r in CODES] or [-1])

    presenter: dict[tuple[str, str], np.ndarray] = {}
    for head in instance.heads():
        deputies = [d.id for d in instance.deputies_of(head.id)]
        allowed = may_stand_in and head.body_id not in subst.excluded_bodies and (
            subst.akims or instance.body(head.body_id).kind is not BodyKind.akimat)
        for person in [head.id, *deputies]:
            a = away[:, index[person], :]
            others = [d for d in deputies if d != person]
            free = (np.zeros(a.shape, dtype=bool) if not others or not allowed else
                    np.any(np.stack([away[:, index[d], :] == 0 for d in others]), axis=0))
            if person == head.id:
                handed = np.isin(a, reasons) & free
            else:  # a deputy already presents (the head is away): another deputy may
                handed = free
            cost = np.where(a > 0, np.where(handed, hand, move), 0.0)
            presenter[head.id, person] = cost.mean(axis=0) * factor
    region = {r: ((blocked[:, i, :] | off) * move).mean(axis=0) * factor
              for r, i in rindex.items()}
    return ExpectedChanges(start, presenter, region, futures)


def plan_robust(instance: Instance, profile: Profile, expected: ExpectedChanges | None,
                weight: float, *, time_limit: float = 60.0, workers: int = 2,
                seed: int = 0) -> tuple[Result, float]:
    """Plan like ``scheduler.planner.solve``, plus ``weight`` x the expected change cost of
    every chosen planned meeting (an extra objective term added from outside the model).
    Returns the result (its calendar checked) and the expected change cost of the plan."""
    started = time.perf_counter()
    model = CalendarModel(instance, profile, Plan())
    penalty = 0
    if expected is not None and weight > 0:
        # Each official's cheapest candidate costs nothing extra: the term steers meetings
        # to dates and presenters less likely to change, never to fewer meetings.
        planned = [(cand, var, expected.cost(cand.official, cand.presenter, cand.region,
                                             cand.slot.date))
                   for cand, var in model.vars.items() if cand.kind is MeetingKind.planned]
        least: dict[str, float] = {}
        for cand, _, c in planned:
            least[cand.official] = min(c, least.get(cand.official, c))
        for cand, var, c in planned:
            k = int(round(weight * (c - least[cand.official])))
            if k:
                penalty += k * var
        model.minimize(extra=penalty)
    built = time.perf_counter() - started
    answer = model.solve(SolverParams(time_limit=time_limit - built, workers=workers, seed=seed))
    wall = time.perf_counter() - started
    if not answer.status.found:
        return Result(status=answer.status, wall_time=wall, build_time=built), float("nan")
    calendar = model.calendar(answer, calendar_meta(instance, profile, answer, wall,
                                                    costs=answer.cost_by_rule))
    report = check(instance, profile, calendar)
    return (Result(status=answer.status, objective=answer.objective, bound=answer.bound,
                   wall_time=wall, build_time=built, calendar=calendar,
                   cost_by_rule=answer.cost_by_rule, check=report),
            calendar_expected(calendar, expected))


def calendar_expected(calendar, expected: ExpectedChanges | None) -> float:
    """The expected change cost of a calendar's planned meetings."""
    if expected is None:
        return float("nan")
    return sum(expected.cost(m.official_id, m.presenter_id, m.region_id, m.date)
               for m in calendar.meetings if m.kind is MeetingKind.planned)
