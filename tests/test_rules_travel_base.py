"""TRAVEL-BASE's linear form (a running 'a meeting of his before/after that day' chain per
presenter, e4e9f99) allows exactly the calendars the checker allows: on the rule's binding
case of tests/test_rules.py (three-hour travel window, Pavlodar out of one day's reach from
Astana), sets of the minister's meetings are held in a model with TRAVEL-BASE's rows only,
and that model is feasible exactly when the checker finds no TRAVEL-BASE violation. The
pairwise form it replaced (one row per pair of meetings) had the same feasible set."""

from __future__ import annotations

import random

from ortools.sat.python import cp_model
from test_rules import CASES, base_profile

from scheduler.checker import check
from scheduler.meetings import MeetingKind
from scheduler.model.cpmodel import calendar_meta, calendar_of
from scheduler.model.variables import create_candidates
from scheduler.results import SolveResult, SolveStatus
from scheduler.rules import travel_base


class _OnlyTravelBase:
    """What travel_base.constrain reads of a CalendarModel: the grid and its Booleans."""

    def __init__(self, instance, profile) -> None:
        self.instance, self.profile = instance, profile
        self.model = cp_model.CpModel()
        self.vars = {c: self.model.new_bool_var(f"m{n}")
                     for n, c in enumerate(create_candidates(instance, profile))}
        self.rows = 0

    def add(self, constraint, key: tuple) -> None:
        self.model.add(constraint)
        self.rows += 1


def test_linear_form_allows_what_the_checker_allows(kz2024):
    instance = CASES["TRAVEL-BASE"][0]
    profile = base_profile(kz2024, "TRAVEL-BASE")
    only = _OnlyTravelBase(instance, profile)
    travel_base.constrain(only)
    # linear in size: at most two rows per meeting (from, back), and the chains' own rows
    assert only.rows <= 2 * len(only.vars)
    assert len(only.model.proto.constraints) < 10 * len(only.vars)
    own = [c for c in only.vars if c.presenter == c.official == "minister-health"
           and c.kind is MeetingKind.planned]
    by_day: dict = {}
    for c in own:
        by_day.setdefault(c.slot.date, []).append(c)
    days = sorted(by_day)
    rng = random.Random(0)
    outcomes = set()
    meta = calendar_meta(instance, profile, SolveResult(status=SolveStatus.FEASIBLE), 0.0)
    for _ in range(300):
        first = rng.randrange(len(days) - 4)
        # one to four meetings on the dates from the first to four dates later
        picked_days = {days[first], *rng.sample(days[first + 1:first + 5], rng.randrange(4))}
        chosen = [rng.choice(by_day[d]) for d in sorted(picked_days)]
        held = set(chosen)
        only.model.clear_assumptions()
        only.model.add_assumptions([v if c in held else ~v for c, v in only.vars.items()])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        feasible = solver.solve(only.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        report = check(instance, profile, calendar_of(instance, profile, chosen, meta))
        allowed = report.violations_by_rule.get("TRAVEL-BASE", 0) == 0
        assert feasible == allowed, [(c.region, c.slot) for c in chosen]
        outcomes.add(feasible)
    assert outcomes == {True, False}  # both kinds of calendar were tried
