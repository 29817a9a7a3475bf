"""The model's LP relaxation, solved by HiGHS's simplex: a proven lower bound on the
objective and a starting calendar for the search (issue 16).

On the planning instances CP-SAT's own LP reaches the optimum early, but its first
calendars come late and far from it (kz-2027-h1: bound 436 after 3.7 s, the optimum found
at 10-25 s; national all-levels: first calendar after 10 s, bound 343 after 50 s). HiGHS
solves the same relaxation in about a second, and its solution is the optimum, or nearly:
every meeting variable integral on kz-2027-h1, 30 of 87,514 fractional (7 officials) on
the national instance. ``lp_start`` therefore

1. solves the relaxation and takes from HiGHS's dual values a bound that does not rest
   on HiGHS's tolerances: for any row prices y (signs cleared where a row side is
   infinite), ``sum(y * row side) + sum(min over the column's range of its reduced
   cost * x)`` is at most every feasible objective (weak duality over the box; Neumaier
   and Shcherbina's safe bound), rounded up when the objective is integral;
2. holds every meeting variable the LP settled (an integral value) at its LP value, and
   lets CP-SAT decide the fractional ones and set every other variable (``fix_hint``):
   a complete calendar of the whole model; if there is none so, every meeting of the
   officials with a fractional one is left free;
3. if that calendar costs the bound, it is optimal: proven, nothing else to search.
   When the LP's solution is itself integral, or becomes so once its few fractional
   columns are decided by a small MIP over the rows they appear in, every other column
   held (``settled``: kz-2027-h1 and the national all-levels instance, 20 and 8
   fractional columns), it is checked row by row in exact integer arithmetic against the
   rows (which an integral point satisfies exactly when it satisfies the proto's
   constraints) and against the proto's ``lin_max`` equalities and holed domains, and
   read as it is: CP-SAT is not started at all (``integral_answer``). Otherwise it
   becomes the full search's complete hint, and the bound a cut (``objective >= bound``,
   valid for every calendar).

The rows are the proto's constraints as a MIP's (the MIP benchmark,
``scheduler/bench/highs.py``, solves the same rows with integrality): ``linear`` (a range;
with enforcement literals, big-M rows from the variables' bounds), ``bool_or``,
``at_most_one``, ``exactly_one`` and ``bool_and`` (rows over literals, a negated literal
being ``1 - x``), ``lin_max`` as ``target >= each expression`` (a relaxation; the model's
targets are only minimised, so the MIP's optimum is the same).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import highspy
import numpy as np
from ortools.sat import cp_model_pb2

from scheduler.results import SolveStatus

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel, ModelResult, RowLog, SolverParams

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
KINDS = ("linear", "bool_or", "at_most_one", "exactly_one", "bool_and", "lin_max")


class Rows:
    """A growing sparse matrix of rows lo <= sum(coef * x) <= hi."""

    def __init__(self, lower: np.ndarray, upper: np.ndarray) -> None:
        self.lower, self.upper = lower, upper  # column bounds, for big-M
        self.start: list[int] = [0]
        self.index: list[int] = []
        self.value: list[float] = []
        self.lo: list[float] = []
        self.hi: list[float] = []
        # what rows cannot say: holed domains (column, domain) and lin_max equalities
        # (target, expressions; each as (refs, coefficients, offset))
        self.holes: list[tuple[int, tuple[int, ...]]] = []
        self.maxima: list[tuple[tuple, list[tuple]]] = []
        # rows taken as they are from a RowLog, ahead of the others: (start, index, value,
        # lo, hi) as arrays
        self.logged: tuple[np.ndarray, ...] | None = None

    def arrays(self) -> tuple[np.ndarray, ...]:
        """Every row as arrays (start, index, value, lo, hi), the logged ones first."""
        own = (np.array(self.start, dtype=np.int64), np.array(self.index, dtype=np.int64),
               np.array(self.value, dtype=float), np.array(self.lo, dtype=float),
               np.array(self.hi, dtype=float))
        if self.logged is None:
            return own
        start, index, value, lo, hi = self.logged
        return (np.concatenate([start, own[0][1:] + start[-1]]),
                *(np.concatenate([mine, theirs]) for mine, theirs in
                  zip((index, value, lo, hi), own[1:])))

    def add(self, terms: dict[int, float], lo: float, hi: float) -> None:
        self.index.extend(terms)
        self.value.extend(terms.values())
        self.start.append(len(self.index))
        self.lo.append(lo)
        self.hi.append(hi)

    def span(self, terms: dict[int, float]) -> tuple[float, float]:
        least = sum(c * (self.lower[i] if c > 0 else self.upper[i]) for i, c in terms.items())
        most = sum(c * (self.upper[i] if c > 0 else self.lower[i]) for i, c in terms.items())
        return least, most


def _literals(refs) -> tuple[dict[int, float], float]:
    """sum of literals as (terms, constant): a negated literal ~x (ref -x-1) is 1 - x."""
    terms: dict[int, float] = {}
    constant = 0.0
    for ref in refs:
        if ref >= 0:
            terms[ref] = terms.get(ref, 0.0) + 1.0
        else:
            terms[-ref - 1] = terms.get(-ref - 1, 0.0) - 1.0
            constant += 1.0
    return terms, constant


def _bound(value: int) -> float:
    return -np.inf if value <= INT64_MIN + 1 else np.inf if value >= INT64_MAX - 1 else float(value)


def _bounds(values: list[int]) -> np.ndarray:
    """``_bound`` of each value."""
    out = np.array(values, dtype=float)
    out[out <= float(INT64_MIN + 1)] = -np.inf
    out[out >= float(INT64_MAX - 1)] = np.inf
    return out


def parsed(model: CalendarModel):
    """The model's proto as a Python protocol buffer (``cp_model_pb2``): read field by
    field it is several times faster than the solver's own wrapper (kz-2027-h1's rows:
    0.25 s against 2.0 s)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.pb")
        model.model.export_to_file(path)
        with open(path, "rb") as file:
            return cp_model_pb2.CpModelProto.FromString(file.read())


def proto_to_rows(proto, first: int = 0, log: RowLog | None = None, since: int = 0
                  ) -> tuple[np.ndarray, np.ndarray, Rows]:
    """Columns' bounds and the rows of the MIP equivalent to a ``cp_model_pb2`` proto (of
    its constraints from ``first`` on) and the rows of ``log`` (plain linear rows as the
    model wrote them; from its row ``since`` on): the proto's rows written from the log
    are not read again."""
    domains = [v.domain for v in proto.variables]
    lower = np.array([d[0] for d in domains], dtype=float)
    upper = np.array([d[-1] for d in domains], dtype=float)
    rows = Rows(lower, upper)
    rows.holes = [(i, tuple(d)) for i, d in enumerate(domains) if len(d) > 2]
    known: set[int] = set()
    if log is not None:
        known = {i for i in log.index if i >= 0}  # (the rows written into the proto)
        a = log.start[since]
        rows.logged = (np.array(log.start[since:], dtype=np.int64) - a,
                       np.array(log.vars[a:], dtype=np.int64),
                       np.array(log.coeffs[a:], dtype=float),
                       _bounds(log.lo[since:]), _bounds(log.hi[since:]))
    everything = proto.constraints
    constraints = everything if first == 0 and not known else (
        everything[i] for i in range(first, len(everything)) if i not in known)
    for ct in constraints:
        kind = ct.WhichOneof("constraint")
        if kind not in KINDS:
            raise ValueError(f"a constraint of a kind with no MIP translation here: {ct}")
        if kind == "linear" and not ct.enforcement_literal:
            refs = ct.linear.vars
            domain = ct.linear.domain
            if len(domain) == 2 and (not refs or min(refs) >= 0) and \
                    len(set(refs)) == len(refs):  # the common row, as it is
                rows.index.extend(refs)
                rows.value.extend(ct.linear.coeffs)
                rows.start.append(len(rows.index))
                rows.lo.append(_bound(domain[0]))
                rows.hi.append(_bound(domain[1]))
                continue
        enforce, negated = _literals(ct.enforcement_literal)  # all true: sum == len
        slack_terms = {i: -c for i, c in enforce.items()}  # len - sum(enforcement) >= 0
        slack_const = len(ct.enforcement_literal) - negated
        if kind == "linear":
            terms: dict[int, float] = {}
            constant = 0.0
            for ref, coef in zip(ct.linear.vars, ct.linear.coeffs):
                if ref >= 0:
                    terms[ref] = terms.get(ref, 0.0) + coef
                else:
                    terms[-ref - 1] = terms.get(-ref - 1, 0.0) - coef
                    constant += coef
            domain = list(ct.linear.domain)
            lo, hi = _bound(domain[0]) - constant, _bound(domain[-1]) - constant
            if len(domain) > 2:
                raise ValueError(f"linear constraint with a holed domain {domain}")
            if not ct.enforcement_literal:
                rows.add(terms, lo, hi)
                continue
            least, most = rows.span(terms)
            # expr <= hi + (most - hi) * (len - sum(e)); expr >= lo - (lo - least) * (...)
            if hi < most:
                big = most - hi
                merged = dict(terms)
                for i, c in slack_terms.items():
                    merged[i] = merged.get(i, 0.0) - big * c
                rows.add(merged, -np.inf, hi + big * slack_const)
            if lo > least:
                big = lo - least
                merged = dict(terms)
                for i, c in slack_terms.items():
                    merged[i] = merged.get(i, 0.0) + big * c
                rows.add(merged, lo - big * slack_const, np.inf)
        elif kind in ("bool_or", "at_most_one", "exactly_one"):
            terms, constant = _literals(getattr(ct, kind).literals)
            if kind == "bool_or":  # sum(lits) + (len - sum(e)) >= 1
                for i, c in slack_terms.items():
                    terms[i] = terms.get(i, 0.0) + c
                rows.add(terms, 1 - constant - slack_const, np.inf)
            else:
                if ct.enforcement_literal:
                    raise ValueError(f"{kind} with enforcement literals")
                rows.add(terms, -np.inf if kind == "at_most_one" else 1 - constant, 1 - constant)
        elif kind == "lin_max":  # target >= each expression: the model's lin_max targets
            # (REGION-SPREAD's busiest region) are only minimised, so the optimum is the same
            if ct.enforcement_literal:
                raise ValueError(f"{kind} with enforcement literals")
            target = ct.lin_max.target
            rows.maxima.append(((tuple(target.vars), tuple(target.coeffs), target.offset),
                                [(tuple(e.vars), tuple(e.coeffs), e.offset)
                                 for e in ct.lin_max.exprs]))
            for expr in ct.lin_max.exprs:
                terms = {}
                for ref, coef in [*zip(target.vars, target.coeffs),
                                  *((r, -c) for r, c in zip(expr.vars, expr.coeffs))]:
                    terms[ref] = terms.get(ref, 0.0) + coef
                rows.add(terms, float(expr.offset - target.offset), np.inf)
        elif kind == "bool_and":  # each literal >= 1 - (len - sum(e))
            for ref in ct.bool_and.literals:
                terms, constant = _literals([ref])
                for i, c in slack_terms.items():
                    terms[i] = terms.get(i, 0.0) + c
                rows.add(terms, 1 - constant - slack_const, np.inf)
    return lower, upper, rows


def _row_of_entry(start: np.ndarray) -> np.ndarray:
    """The row of each entry of a matrix stored by rows (``start``: where each row begins)."""
    return np.repeat(np.arange(len(start) - 1), np.diff(start))


def _merge_repeats(start: np.ndarray, index: np.ndarray, value: np.ndarray, columns: int
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with a column twice (a model's row may name a variable twice) as rows with
    it once, its coefficients summed; the rows as they are when none does."""
    width = max(columns, 1)
    key = _row_of_entry(start) * width + index
    ordered = np.sort(key)
    if not (ordered[1:] == ordered[:-1]).any():  # (the usual case: no second sort)
        return start, index, value
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=value)
    rows = unique // width
    merged_start = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(start) - 1))])
    return merged_start, unique % width, summed


@dataclass
class Problem:
    """The MIP of a proto: minimise cost @ x + offset over lower <= x <= upper,
    row_lo <= A x <= row_hi (A by rows: start, index, value)."""

    cost: np.ndarray
    offset: float
    lower: np.ndarray
    upper: np.ndarray
    row_lo: np.ndarray
    row_hi: np.ndarray
    start: np.ndarray
    index: np.ndarray
    value: np.ndarray
    integral: bool  # the objective takes integer values only
    holes: list = field(default_factory=list)  # Rows.holes
    maxima: list = field(default_factory=list)  # Rows.maxima

    @classmethod
    def of(cls, proto, first: int = 0, log: RowLog | None = None, since: int = 0) -> Problem:
        """The model's MIP (the proto's rows from constraint ``first`` on and the log's from
        row ``since`` on: ``proto_to_rows``)."""
        lower, upper, rows = proto_to_rows(proto, first, log, since)
        n = len(proto.variables)
        objective = proto.objective
        scale = objective.scaling_factor or 1.0
        refs = np.array(objective.vars, dtype=np.int64)
        coeffs = np.array(objective.coeffs, dtype=float)
        plain = refs >= 0  # a negated literal's term: coef * (1 - x)
        cost = (np.bincount(refs[plain], weights=coeffs[plain], minlength=n)
                - np.bincount(-refs[~plain] - 1, weights=coeffs[~plain], minlength=n)) * scale
        offset = objective.offset + float(coeffs[~plain].sum())
        start, index, value, row_lo, row_hi = rows.arrays()
        start, index, value = _merge_repeats(start, index, value, n)
        return cls(cost=cost, offset=offset * scale, lower=lower, upper=upper,
                   row_lo=row_lo, row_hi=row_hi,
                   start=start.astype(np.int32), index=index.astype(np.int32), value=value,
                   integral=scale == 1.0 and float(offset).is_integer(),
                   holes=rows.holes, maxima=rows.maxima)

    def then(self, later: Problem) -> Problem:
        """This problem's rows followed by ``later``'s (the same columns), with ``later``'s
        objective, bounds and holes."""
        return replace(later, row_lo=np.concatenate([self.row_lo, later.row_lo]),
                       row_hi=np.concatenate([self.row_hi, later.row_hi]),
                       start=np.concatenate([self.start, later.start[1:] + self.start[-1]]),
                       index=np.concatenate([self.index, later.index]),
                       value=np.concatenate([self.value, later.value]),
                       maxima=self.maxima + later.maxima)

    def pass_to(self, solver, integer: bool = False) -> None:
        """Give HiGHS this problem (every column integer with ``integer``) from the arrays
        as they are: building a ``HighsLp`` first copied them element by element (0.05 s
        against 0.015 s on kz-2027-h1)."""
        kind = highspy.HighsVarType.kInteger if integer else highspy.HighsVarType.kContinuous
        status = solver.passModel(
            len(self.cost), len(self.row_lo), len(self.index),
            int(highspy.MatrixFormat.kRowwise), int(highspy.ObjSense.kMinimize),
            float(self.offset), self.cost, self.lower, self.upper, self.row_lo, self.row_hi,
            self.start[:-1].astype(np.int32), self.index.astype(np.int32), self.value,
            np.full(len(self.cost), int(kind), dtype=np.int32))
        if status != highspy.HighsStatus.kOk:
            raise ValueError(f"HiGHS refused the problem ({status})")

    def activity(self, x: np.ndarray) -> np.ndarray:
        """Each row's value at the point ``x``."""
        return np.bincount(_row_of_entry(self.start), weights=self.value * x[self.index],
                           minlength=len(self.row_lo))

    def safe_bound(self, row_dual: np.ndarray) -> float:
        """A lower bound on the objective over the box from any row prices (weak
        duality): exact up to the rounding of the sums, whatever the prices' accuracy."""
        y = np.array(row_dual, dtype=float)
        y[np.isinf(self.row_lo) & (y > 0)] = 0.0
        y[np.isinf(self.row_hi) & (y < 0)] = 0.0
        reduced = self.cost - np.bincount(self.index,
                                          weights=self.value * y[_row_of_entry(self.start)],
                                          minlength=len(self.cost))
        with np.errstate(invalid="ignore"):  # 0 * inf: a price of 0 on an open side
            rows = np.where(y > 0, y * self.row_lo, np.where(y < 0, y * self.row_hi, 0.0))
            cols = np.where(reduced > 0, reduced * self.lower,
                            np.where(reduced < 0, reduced * self.upper, 0.0))
        return float(rows.sum() + cols.sum() + self.offset)


@dataclass(frozen=True)
class Relaxation:
    """The LP's answer: a valid lower bound on the (integral) objective, rounded up,
    every variable's LP value and the seconds it took, with the rows it was made from."""

    bound: float
    values: np.ndarray
    seconds: float
    problem: Problem


def highs_solver():
    """A HiGHS instance, silent: the first one in a process prints HiGHS's banner on the
    standard output (the command line's and the benchmarks' output), so that one is made
    with the output file descriptor sent to /dev/null."""
    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        solver = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                solver = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    solver.setOptionValue("output_flag", False)
    return solver


_BANNER_SHOWN = False


@dataclass(frozen=True)
class _Solved:
    """A model's last relaxation: its problem, HiGHS holding it (and its basis), and the
    proto's size and the number of logged rows then."""

    problem: Problem
    solver: Any
    columns: int
    rows: int
    logged: int  # the model's logged rows then


def _update(solver, before: Problem, after: Problem) -> None:
    """Bring HiGHS from ``before`` to ``after``: the same columns, rows added at the end,
    any bounds and the objective changed; its basis stays, so a dual simplex goes on from
    the last optimum (a re-plan's second stage: one row and a new objective)."""
    added = len(after.row_lo) - len(before.row_lo)
    if added:
        first = before.start[-1]
        solver.addRows(added, after.row_lo[-added:], after.row_hi[-added:],
                       int(after.start[-1] - first), after.start[-added - 1:-1] - first,
                       after.index[first:], after.value[first:])
    changed = np.flatnonzero((after.lower != before.lower) | (after.upper != before.upper))
    if len(changed):
        solver.changeColsBounds(len(changed), changed.astype(np.int32), after.lower[changed],
                                after.upper[changed])
    columns = np.arange(len(after.cost), dtype=np.int32)
    solver.changeColsCost(len(columns), columns, after.cost)
    solver.changeObjectiveOffset(after.offset)


def relax(model: CalendarModel, time_limit: float) -> Relaxation | None:
    """The LP relaxation of the model; None when HiGHS does not solve it to optimality
    in the time (an infeasible relaxation is left to CP-SAT to prove) or the objective is
    not a minimised sum of integer costs. A model relaxed before, with constraints added
    since and no domain widened, keeps its rows and HiGHS's basis (``_update``)."""
    started = time.perf_counter()
    proto = parsed(model)
    if not proto.HasField("objective") or proto.objective.scaling_factor not in (0.0, 1.0):
        return None  # (the model minimises a sum of integer costs: nothing else is read)
    earlier: _Solved | None = model.__dict__.get("_relaxation")
    problem = solver = None
    if earlier is not None and earlier.columns == len(proto.variables) and \
            earlier.rows <= len(proto.constraints) and earlier.logged <= len(model.rows):
        problem = earlier.problem.then(Problem.of(proto, earlier.rows, model.rows,
                                                  earlier.logged))
        if (problem.lower >= earlier.problem.lower).all() and \
                (problem.upper <= earlier.problem.upper).all():
            solver = earlier.solver  # only narrower domains: the rows made so far stand
            _update(solver, earlier.problem, problem)
    if solver is None or problem is None:
        problem = Problem.of(proto, log=model.rows)
        solver = highs_solver()
        # (HiGHS's presolve is off: it removes under 2% of the rows and columns of these
        # LPs and takes longer than the simplex it spares. HiGHS's run, presolve on / off:
        # kz-2027-h1 0.49 / 0.22 s under kz-2018, 0.51 / 0.28 s under kz-2024; national
        # all-levels 0.78 / 0.30 s; the same optima. It paid only while FREQ-WINDOW's
        # out-of-quarter meetings were variables fixed by 20k rows, now a grid filter.)
        solver.setOptionValue("presolve", "off")
        problem.pass_to(solver)
    model.__dict__["_relaxation"] = _Solved(problem, solver, len(proto.variables),
                                            len(proto.constraints), len(model.rows))
    solver.setOptionValue("time_limit", max(0.01, time_limit - (time.perf_counter() - started)))
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    solution = solver.getSolution()
    bound = problem.safe_bound(np.array(solution.row_dual))
    if not math.isfinite(bound):
        return None
    if not problem.integral:
        return None
    bound = float(math.ceil(bound - 1e-6))
    return Relaxation(bound=bound, values=np.array(solution.col_value),
                      seconds=time.perf_counter() - started, problem=problem)


def integral_point(relaxation: Relaxation) -> np.ndarray | None:
    """The LP's solution as integers when it is integral and, so read, a solution of the
    model at the LP's bound (so the optimum): every column within its domain (holes
    included), every row's activity within its sides, computed exactly (integers), each
    ``lin_max`` target equal to its largest expression (``Problem.holes``, ``maxima``).
    None otherwise."""
    problem = relaxation.problem
    x = np.round(relaxation.values)
    if len(x) == 0 or np.abs(relaxation.values - x).max() > 1e-6:
        return None

    def value(expr: tuple) -> int:
        refs, coeffs, offset = expr
        return int(sum(c * (x[r] if r >= 0 else 1 - x[-r - 1])
                       for r, c in zip(refs, coeffs)) + offset)

    # A lin_max target the objective does not price (a re-plan's first stage counts
    # changes, not REGION-SPREAD's busiest region) may sit above its largest expression in
    # the LP: brought down to it when it is one variable, then everything is checked.
    for target, exprs in problem.maxima:
        most = max(value(e) for e in exprs)
        refs, coeffs, offset = target
        if value(target) != most and len(refs) == 1 and refs[0] >= 0 and \
                (most - offset) % coeffs[0] == 0:
            x[refs[0]] = (most - offset) // coeffs[0]
    if (x < problem.lower).any() or (x > problem.upper).any():
        return None
    activity = problem.activity(x)
    if (activity < problem.row_lo - 1e-6).any() or (activity > problem.row_hi + 1e-6).any():
        return None
    if float(problem.cost @ x + problem.offset) > relaxation.bound + 1e-6:
        return None
    for i, domain in problem.holes:  # (rows know the domain's ends only)
        if not any(domain[k] <= x[i] <= domain[k + 1] for k in range(0, len(domain), 2)):
            return None
    for target, exprs in problem.maxima:
        if value(target) != max(value(e) for e in exprs):
            return None
    return x.astype(np.int64)


SMALL = 2_000  # the most fractional columns ``settled`` decides by a MIP of their rows


def settled(relaxation: Relaxation, time_limit: float) -> Relaxation | None:
    """The LP's solution with its few fractional columns made integral: every other column
    held at its LP value, HiGHS's branch and bound decides the fractional ones over the
    rows they appear in (those rows' sides less the held columns' part). A restriction of
    the model, so any answer is a calendar of it; ``integral_point`` then judges it, and at
    the LP's bound it is the proven optimum (kz-2027-h1: 20 fractional columns of 65,221,
    decided in milliseconds, where CP-SAT over the whole model took 0.4 s). None when the
    MIP has no proven optimum within ``time_limit`` or there are too many fractional columns."""
    problem, x = relaxation.problem, relaxation.values
    held = np.round(x)
    free = np.flatnonzero(np.abs(x - held) > 1e-6)
    if len(free) == 0 or len(free) > SMALL:
        return None
    held[free] = 0.0
    of_entry = _row_of_entry(problem.start)
    on_free = np.isin(problem.index, free)
    rows, row_of = np.unique(of_entry[on_free], return_inverse=True)
    fixed = problem.activity(held)[rows]
    order = np.argsort(row_of, kind="stable")  # the free entries row by row
    sub = Problem(cost=problem.cost[free], lower=problem.lower[free], upper=problem.upper[free],
                  offset=0.0, row_lo=problem.row_lo[rows] - fixed,
                  row_hi=problem.row_hi[rows] - fixed,
                  start=np.concatenate([[0], np.cumsum(np.bincount(row_of, minlength=len(rows)))]),
                  index=np.searchsorted(free, problem.index[on_free][order]),
                  value=problem.value[on_free][order], integral=True)
    solver = highs_solver()
    sub.pass_to(solver, integer=True)
    solver.setOptionValue("time_limit", max(0.01, time_limit))
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    held[free] = np.round(np.array(solver.getSolution().col_value))
    return replace(relaxation, values=held)


def integral_answer(model: CalendarModel, relaxation: Relaxation, started: float,
                    params: SolverParams) -> ModelResult | None:
    """The model's proven optimum read off an integral LP solution (``integral_point``),
    as a solve would give it; None when the LP's solution is not one."""
    from ortools.sat.python import cp_model_helper

    from scheduler.model.cpmodel import ModelResult

    values = integral_point(relaxation)
    if values is None and (decided := settled(relaxation, min(
            2.0, (params.time_limit - (time.perf_counter() - started)) / 5))) is not None:
        values = integral_point(decided)
    if values is None:
        return None
    response = cp_model_helper.CpSolverResponse()
    response.solution.extend(values.tolist())
    costs = {rule_id: float(expr if isinstance(expr, int) else
                            cp_model_helper.ResponseHelper.value(response, expr))
             for rule_id, expr in model.costs.items()}
    objective = relaxation.bound
    seconds = time.perf_counter() - started
    if params.progress is not None:
        params.progress(seconds, objective, objective)
    return ModelResult(status=SolveStatus.OPTIMAL, objective=objective, bound=objective,
                       wall_time=seconds, values=tuple(values.tolist()), cost_by_rule=costs)


def lp_start(model: CalendarModel, params: SolverParams) -> ModelResult | None:
    """A calendar from the LP relaxation (steps 1-3 above) within ``params.time_limit``:
    OPTIMAL when it costs the LP's bound (then the model needs no other search), else
    FEASIBLE, left in the model as the search's complete hint with the bound as a cut.
    None when the LP gave nothing (the model is then as it was)."""
    started = time.perf_counter()
    relaxation = relax(model, params.time_limit)
    if relaxation is None:
        return None
    read = integral_answer(model, relaxation, started, params)
    if read is not None:  # (proven: no search follows, nor needs the bound as a cut)
        model.hint(read)
        return read
    cands = list(model.vars)
    index = np.array([v.index for v in model.vars.values()], dtype=np.int64)
    x = relaxation.values[index]
    fractional = np.abs(x - np.round(x)) > 1e-6
    loose = {cands[i].official for i in np.flatnonzero(fractional)}
    of_loose = np.array([c.official in loose for c in cands], dtype=bool)
    answer = None
    # the fractional meetings free, then every meeting of their officials (the rest of
    # what is left at most a third: the full search keeps the rest)
    for free, share in ((fractional, 6), (of_loose, 3)):
        model.model.clear_hints()
        hint = model.model.proto.solution_hint
        hint.vars.extend(index[~free].tolist())
        hint.values.extend((x[~free] > 0.5).astype(int).tolist())
        left = params.time_limit - (time.perf_counter() - started)
        answer = model.solve(replace(params, time_limit=max(0.01, left / share), hint=None,
                                     fix_hint=True, lp=True))
        if answer.status.found or not loose:
            break
    model.model.clear_hints()
    if not isinstance(model.objective, int):  # every calendar costs at least the bound
        model.model.add(model.objective >= int(relaxation.bound))
    if answer is None or not answer.status.found or answer.objective is None:
        return None
    model.hint(answer)
    proven = answer.objective <= relaxation.bound + 1e-9
    return replace(answer, status=SolveStatus.OPTIMAL if proven else SolveStatus.FEASIBLE,
                   bound=relaxation.bound, wall_time=time.perf_counter() - started)
