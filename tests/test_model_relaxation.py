"""The LP relaxation's start (scheduler/model/relaxation.py, issue 16): its bound is valid
whatever the row prices, its calendar passes the checker at its cost, the plan with it
reaches the same optimum as CP-SAT's search alone, and when its calendar is not proven the
search goes on from it to the same optimum. One worker, seed 0, no wall-clock assertion."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from conftest import TINY
from hypothesis import HealthCheck, given, settings
from test_properties import PROFILES, instances
from test_rules import CASES, base_profile

from scheduler.checker import check
from scheduler.model import relaxation
from scheduler.model.cpmodel import CalendarModel, Plan, SolverParams
from scheduler.planner import solve
from scheduler.results import SolveStatus

FAST: dict[str, Any] = dict(time_limit=20, workers=1, seed=0)


def _optimum(instance, profile) -> float:
    result = solve(instance, profile, relaxation=False, **FAST)
    assert result.status is SolveStatus.OPTIMAL
    assert result.objective is not None
    return result.objective


def test_the_bound_holds_for_any_row_prices(kz2024):
    """Weak duality: random prices give a bound at most the optimum; HiGHS's give the LP's
    optimum (the tiny instance's relaxation is tight)."""
    model = CalendarModel(TINY, kz2024, Plan())
    problem = relaxation.Problem.of(relaxation.parsed(model), log=model.rows)
    optimum = _optimum(TINY, kz2024)
    rng = np.random.default_rng(0)
    for _ in range(20):
        prices = rng.normal(scale=rng.choice([0.1, 1.0, 10.0]), size=len(problem.row_lo))
        assert problem.safe_bound(prices) <= optimum + 1e-6
    solved = relaxation.relax(model, 20)
    assert solved is not None and solved.bound <= optimum


def test_the_rows_are_the_proto(kz2024):
    """The common rows (no enforcement, no negated or repeated variable) are copied as they
    are; every row holds at the calendar CP-SAT found, and the LP's objective of that
    calendar is the solver's."""
    model = CalendarModel(TINY, kz2024, Plan())
    problem = relaxation.Problem.of(relaxation.parsed(model), log=model.rows)
    answer = model.solve(SolverParams(**FAST))
    x = np.array(answer.values, dtype=float)
    of_entry = np.repeat(np.arange(len(problem.row_lo)), np.diff(problem.start))
    activity = np.bincount(of_entry, weights=problem.value * x[problem.index],
                           minlength=len(problem.row_lo))
    assert np.all(activity >= problem.row_lo - 1e-9) and np.all(activity <= problem.row_hi + 1e-9)
    assert problem.cost @ x + problem.offset == pytest.approx(answer.objective)


def test_the_start_is_the_optimum_and_passes_the_checker(kz2024):
    """On the tiny instance the LP's calendar is proven optimal without a search: the same
    cost as CP-SAT's search alone, the checker's total equal to it."""
    model = CalendarModel(TINY, kz2024, Plan())
    start = relaxation.lp_start(model, SolverParams(**FAST))
    assert start is not None and start.status is SolveStatus.OPTIMAL
    assert start.objective == start.bound == pytest.approx(_optimum(TINY, kz2024))
    calendar = model.calendar(start, {"instance": "tiny", "profile": "kz-2024",
                                      "horizon": "2027-H1", "approval_date": TINY.approval_date,
                                      "status": "OPTIMAL"})
    report = check(TINY, kz2024, calendar)
    assert report.ok and report.total_cost == pytest.approx(start.objective)


def test_the_fractional_columns_are_settled_by_a_mip_of_their_rows(kz2024):
    """The tiny instance's LP solution has a few fractional columns (HiGHS's vertex): the
    small MIP over their rows decides them, every other column held at its LP value, and
    the point is then integral, within every row and at the LP's bound."""
    model = CalendarModel(TINY, kz2024, Plan())
    solved = relaxation.relax(model, 20)
    assert solved is not None
    x = solved.values
    fractional = np.abs(x - np.round(x)) > 1e-6
    assert fractional.any() and relaxation.integral_point(solved) is None
    decided = relaxation.settled(solved, 20)
    assert decided is not None
    assert np.array_equal(decided.values[~fractional], np.round(x[~fractional]))
    point = relaxation.integral_point(decided)
    assert point is not None
    assert solved.problem.cost @ point + solved.problem.offset == pytest.approx(solved.bound)
    assert relaxation.settled(decided, 20) is None  # nothing fractional: nothing to settle


def test_an_integral_lp_solution_is_read_with_no_search(kz2024, monkeypatch):
    """The tiny instance's LP solution, its fractional columns settled, is checked against
    every row and read as the proven optimum without starting CP-SAT, with each rule's
    cost as CP-SAT gives it for the same calendar."""
    model = CalendarModel(TINY, kz2024, Plan())
    solved = relaxation.relax(model, 20)
    assert solved is not None

    def no_search(*args, **kwargs):
        raise AssertionError("CP-SAT started")

    monkeypatch.setattr(model, "solve", no_search)
    start = relaxation.lp_start(model, SolverParams(**FAST))
    assert start is not None and start.status is SolveStatus.OPTIMAL
    assert start.objective == start.bound == pytest.approx(_optimum(TINY, kz2024))
    again = CalendarModel(TINY, kz2024, Plan())
    again.hint(start)
    searched = again.solve(SolverParams(**FAST, fix_hint=True))
    assert searched.values == start.values and searched.cost_by_rule == start.cost_by_rule


def test_a_point_off_the_rows_or_above_the_bound_is_not_read(kz2024):
    """integral_point refuses what is not the optimum: a fractional value, a meeting
    dropped (a row broken), a bound below the point's cost; a lin_max target above its
    largest expression is brought down to it."""
    model = CalendarModel(TINY, kz2024, Plan())
    solved = relaxation.relax(model, 20)
    assert solved is not None
    solved = relaxation.settled(solved, 20) or solved  # (HiGHS's vertex: a few fractional)
    point = relaxation.integral_point(solved)
    assert point is not None
    held = [v.index for v in model.vars.values() if point[v.index] == 1]
    half = solved.values.copy()
    half[held[0]] = 0.5
    assert relaxation.integral_point(replace(solved, values=half)) is None
    dropped = solved.values.copy()
    dropped[held[0]] = 0.0
    assert relaxation.integral_point(replace(solved, values=dropped)) is None
    assert relaxation.integral_point(replace(solved, bound=solved.bound - 1)) is None
    targets = [target[0][0] for target, _ in solved.problem.maxima]
    assert targets  # REGION-SPREAD's busiest region: one more than it is (a target the
    # objective does not price) is brought down to its largest expression
    raised = solved.values.copy()
    raised[targets[0]] += 1
    lowered = relaxation.integral_point(replace(solved, values=raised, bound=np.inf))
    assert lowered is not None and lowered[targets[0]] == point[targets[0]]


def test_an_unproven_start_is_searched_on_to_the_optimum(kz2024, monkeypatch):
    """A bound below the start's cost (as when the relaxation is not tight): the start is
    FEASIBLE, the search begins from it (a complete, feasible hint) and proves the same
    optimum; the bound's cut is valid."""
    optimum = _optimum(TINY, kz2024)
    real = relaxation.relax

    def loose(model, time_limit):
        got = real(model, time_limit)
        assert got is not None
        return replace(got, bound=got.bound - 7)

    monkeypatch.setattr(relaxation, "relax", loose)
    model = CalendarModel(TINY, kz2024, Plan())
    start = relaxation.lp_start(model, SolverParams(**FAST))
    assert start is not None and start.status is SolveStatus.FEASIBLE
    assert start.objective == pytest.approx(optimum)
    assert start.bound == pytest.approx(optimum - 7)
    lines: list[str] = []
    answer = model.solve(SolverParams(**FAST, log=lines.append))
    assert any("The solution hint is complete and is feasible" in line for line in lines)
    assert answer.status is SolveStatus.OPTIMAL and answer.objective == pytest.approx(optimum)
    result = solve(TINY, kz2024, **FAST)
    assert result.status is SolveStatus.OPTIMAL and result.objective == pytest.approx(optimum)
    assert result.check is not None and result.check.ok


def test_binding_rule_cases_reach_the_same_optimum(kz2024):
    """Every hard rule's binding case of tests/test_rules.py: the same status and cost with
    the LP's start as with CP-SAT alone, and the checker agrees."""
    for rule_id, (instance, _) in CASES.items():
        profile = base_profile(kz2024, rule_id)
        with_lp = solve(instance, profile, **FAST)
        alone = solve(instance, profile, relaxation=False, **FAST)
        assert with_lp.status == alone.status, rule_id
        assert with_lp.objective == pytest.approx(alone.objective), rule_id
        assert with_lp.check is not None and with_lp.check.ok, rule_id
        assert with_lp.check.total_cost == pytest.approx(with_lp.objective), rule_id


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(instance=instances())
def test_random_instances_reach_the_same_answer(instance):
    """Random small instances (infeasible ones included): the same status and optimum with
    and without the LP's start."""
    for name in ("kz-2024", "kz-2018"):
        profile = PROFILES[name]
        with_lp = solve(instance, profile, **FAST)
        alone = solve(instance, profile, relaxation=False, **FAST)
        assert with_lp.status == alone.status, name
        assert with_lp.objective == pytest.approx(alone.objective), name
        if with_lp.check is not None:
            assert with_lp.check.ok
            assert with_lp.check.total_cost == pytest.approx(with_lp.objective)


def test_a_model_relaxed_again_keeps_its_rows_and_gives_a_fresh_relaxations_answer(kz2024):
    """A re-plan's second stage: a row and a new objective after a first relaxation. The
    LP then goes on from the first one's rows and basis (the same HiGHS) and gives the same
    bound and point as the relaxation of a model built with them from the start; a domain
    widened since makes the rows anew."""
    def staged(model):
        model.model.add(model.objective <= 10_000)
        model.minimize(sum(model.planned.values()))

    model = CalendarModel(TINY, kz2024, Plan())
    first = relaxation.relax(model, 20)
    assert first is not None
    highs = model.__dict__["_relaxation"].solver
    staged(model)
    again = relaxation.relax(model, 20)
    fresh_model = CalendarModel(TINY, kz2024, Plan())
    staged(fresh_model)
    fresh = relaxation.relax(fresh_model, 20)
    assert again is not None and fresh is not None
    assert model.__dict__["_relaxation"].solver is highs
    assert again.bound == fresh.bound
    assert len(again.problem.row_lo) == len(fresh.problem.row_lo)
    assert again.problem.cost @ again.values == pytest.approx(fresh.problem.cost @ fresh.values)
    var = next(iter(model.vars.values()))
    domain = model.model.proto.variables[var.index].domain
    domain[0], domain[1] = 1, 1  # narrower: the same HiGHS
    relaxation.relax(model, 20)
    assert model.__dict__["_relaxation"].solver is highs
    domain[0], domain[1] = 0, 1  # wider again: rows made anew
    relaxation.relax(model, 20)
    assert model.__dict__["_relaxation"].solver is not highs


def test_the_rows_the_model_logged_are_the_protos(kz2024):
    """The rows the model keeps as it writes them (RowLog), with the proto's other
    constraints, are the rows of the whole proto once they are written there (CP-SAT's
    model), read at once or in two parts (a relaxation, then rows added since and the log
    written in between, as a re-plan's second stage); a variable written twice in a row
    is one term with the coefficients summed."""
    model = CalendarModel(TINY, kz2024, Plan())
    one, two = list(model.ids.values())[:2]
    model.add_sum([one, one, two], None, most=1, coeffs=[1, 2, 1])  # a term twice
    unwritten = relaxation.parsed(model)
    assert len(model.rows) > len(unwritten.constraints)  # most rows are the log's only
    before = relaxation.Problem.of(unwritten, log=model.rows)
    constraints, logged = len(unwritten.constraints), len(model.rows)
    model.add_sum([two], None, least=0, most=1)
    model.model.add(model.objective <= 10_000)
    model.write_rows()
    proto = relaxation.parsed(model)
    assert model.rows.pending == 0 and len(proto.constraints) >= len(model.rows)

    def rows(problem):
        return sorted((tuple(sorted(zip(problem.index[a:b].tolist(),
                                        problem.value[a:b].tolist()))), lo, hi)
                      for a, b, lo, hi in zip(problem.start[:-1], problem.start[1:],
                                              problem.row_lo, problem.row_hi))

    whole = relaxation.Problem.of(proto)  # every row read from the proto
    assert rows(relaxation.Problem.of(proto, log=model.rows)) == rows(whole)
    after = relaxation.Problem.of(proto, constraints, model.rows, logged)
    assert len(after.row_lo) == 2  # the two rows added since, each once
    assert rows(before.then(after)) == rows(whole)
    assert (after.cost == whole.cost).all() and after.offset == whole.offset
    assert ((tuple(sorted([(one, 3.0), (two, 1.0)])), -np.inf, 1.0)) in rows(whole)


def test_each_meetings_id_is_its_variables_index(kz2024):
    """The proto indices the rules write rows with (CalendarModel.ids) are the meeting
    variables' own, and every logged row is the proto's constraint at its index."""
    model = CalendarModel(TINY, kz2024, Plan())
    assert model.ids and all(model.ids[c] == v.index for c, v in model.vars.items())
    assert model.rows.pending == len(model.rows) > 0  # kept, not yet in the proto
    proto = model.proto  # (every row written)
    assert model.rows.pending == 0
    for k, i in enumerate(model.rows.index[:200]):
        a, b = model.rows.start[k], model.rows.start[k + 1]
        assert list(proto.constraints[i].linear.vars) == model.rows.vars[a:b]


def test_the_costs_objective_is_cp_sats_own(kz2024):
    """The model writes its objective (the rules' integer costs) without CP-SAT's
    ``minimize``: the same terms, offset and scale as ``minimize`` writes."""
    model = CalendarModel(TINY, kz2024, Plan())
    ours = model.model.proto.objective
    written = (list(ours.vars), list(ours.coeffs), ours.offset, ours.scaling_factor)
    assert written[0]
    model.model.minimize(model.objective)
    theirs = model.model.proto.objective
    assert written == (list(theirs.vars), list(theirs.coeffs), theirs.offset,
                       theirs.scaling_factor)
