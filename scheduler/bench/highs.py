"""The same CP-SAT model as a MIP, solved by HiGHS (``highspy``).

The ``CpModelProto`` that ``CalendarModel`` builds is translated constraint by constraint:
``linear`` (a range over integer variables; with enforcement literals, a big-M row
computed from the variables' bounds), ``bool_or``, ``at_most_one``, ``exactly_one`` and
``bool_and`` (each a row over literals, a negated literal being ``1 - x``). Every CP-SAT
variable becomes one integer column, the objective is copied with its offset and scaling,
and the Boolean values of HiGHS's best solution are read back into
``CalendarModel.calendar``: the calendar is the planner's, only the search differs.
"""

from __future__ import annotations

import time

import numpy as np

from scheduler.bench.outcome import Outcome, meta
from scheduler.instance import Instance
from scheduler.model.cpmodel import CalendarModel, ModelResult, Plan
from scheduler.profile import Profile
from scheduler.results import SolveStatus

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1


class _Rows:
    """A growing sparse matrix of rows lo <= sum(coef * x) <= hi."""

    def __init__(self, lower: np.ndarray, upper: np.ndarray) -> None:
        self.lower, self.upper = lower, upper  # column bounds, for big-M
        self.start: list[int] = [0]
        self.index: list[int] = []
        self.value: list[float] = []
        self.lo: list[float] = []
        self.hi: list[float] = []

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


KINDS = ("linear", "bool_or", "at_most_one", "exactly_one", "bool_and", "lin_max")


def _kind(ct) -> str:
    for kind in KINDS:
        if getattr(ct, f"has_{kind}")():
            return kind
    raise ValueError(f"a constraint of a kind with no MIP translation here: {ct}")


def proto_to_rows(proto) -> tuple[np.ndarray, np.ndarray, _Rows]:
    """Columns' bounds and the rows of the MIP equivalent to the CP-SAT proto."""
    domains = [list(v.domain) for v in proto.variables]  # (the field takes no negative index)
    lower = np.array([d[0] for d in domains], dtype=float)
    upper = np.array([d[-1] for d in domains], dtype=float)
    rows = _Rows(lower, upper)
    for ct in proto.constraints:
        kind = _kind(ct)
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


def highs(instance: Instance, profile: Profile, time_limit: float = 30.0, seed: int = 0) -> Outcome:
    import highspy

    started = time.perf_counter()
    model = CalendarModel(instance, profile, Plan())
    proto = model.proto
    lower, upper, rows = proto_to_rows(proto)
    n = len(proto.variables)
    cost = np.zeros(n)
    scale = proto.objective.scaling_factor or 1.0
    offset = proto.objective.offset
    for ref, coef in zip(proto.objective.vars, proto.objective.coeffs):
        if ref >= 0:
            cost[ref] += coef * scale
        else:  # coef * (1 - x)
            cost[-ref - 1] -= coef * scale
            offset += coef
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows.lo)
    lp.col_cost_, lp.col_lower_, lp.col_upper_ = cost, lower, upper
    lp.offset_ = offset * scale
    lp.row_lower_, lp.row_upper_ = np.array(rows.lo), np.array(rows.hi)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(rows.start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(rows.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(rows.value, dtype=float)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.passModel(lp)
    built = time.perf_counter() - started
    solver.setOptionValue("time_limit", max(0.01, time_limit - built))
    solver.setOptionValue("random_seed", seed)
    solver.setOptionValue("mip_rel_gap", 0.0)
    trace: list[tuple[float, float | None, float | None]] = []

    def improving(event) -> None:
        out = event.data_out
        trace.append((time.perf_counter() - started, out.objective_function_value,
                      out.mip_dual_bound))

    deadline = started + time_limit

    def stop_at_deadline(event) -> None:  # HiGHS checks its time_limit too rarely (measured:
        if time.perf_counter() > deadline:  # 64 s on a 30 s limit), so interrupt it
            event.interrupt()

    solver.cbMipImprovingSolution.subscribe(improving)
    for interrupt in (solver.cbSimplexInterrupt, solver.cbIpmInterrupt, solver.cbMipInterrupt):
        interrupt.subscribe(stop_at_deadline)
    solver.run()
    status = solver.getModelStatus()
    info = solver.getInfo()
    wall = time.perf_counter() - started
    name = {highspy.HighsModelStatus.kOptimal: SolveStatus.OPTIMAL,
            highspy.HighsModelStatus.kInfeasible: SolveStatus.INFEASIBLE}.get(
        status, SolveStatus.UNKNOWN)
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_solution:
        return Outcome(status=name, wall_time=wall, build_time=built, trace=trace,
                       note=f"HiGHS: {solver.modelStatusToString(status)}")
    if name is SolveStatus.UNKNOWN:
        name = SolveStatus.FEASIBLE
    values = tuple(int(v > 0.5) for v in solver.getSolution().col_value)
    objective, bound = info.objective_function_value, info.mip_dual_bound
    calendar = model.calendar(ModelResult(status=name, values=values), meta(
        instance, profile, name, objective=objective, bound=bound, wall_time_s=round(wall, 3)))
    return Outcome(status=name, calendar=calendar, objective=objective, bound=bound,
                   wall_time=wall, build_time=built, trace=trace,
                   note=f"{n} columns, {len(rows.lo)} rows")
