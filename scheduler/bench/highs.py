"""The same CP-SAT model as a MIP, solved by HiGHS (``highspy``).

The ``CpModelProto`` that ``CalendarModel`` builds is translated constraint by constraint:
``linear`` (a range over integer variables; with enforcement literals, a big-M row
computed from the variables' bounds), ``bool_or``, ``at_most_one``, ``exactly_one`` and
``bool_and`` (each a row over literals, a negated literal being ``1 - x``). Every CP-SAT
variable becomes one integer column, the objective is copied with its offset and scaling,
and the Boolean values of HiGHS's best solution are read back into
``CalendarModel.calendar``: the calendar is the planner's, only the search differs. The
translation is ``scheduler.model.relaxation``'s (the planner solves its LP relaxation).
"""

from __future__ import annotations

import time

from scheduler.bench.outcome import Outcome, meta
from scheduler.instance import Instance
from scheduler.model.cpmodel import CalendarModel, ModelResult, Plan
from scheduler.model.relaxation import Problem, highs_solver, parsed
from scheduler.profile import Profile
from scheduler.results import SolveStatus


def highs(instance: Instance, profile: Profile, time_limit: float = 30.0, seed: int = 0) -> Outcome:
    import highspy

    started = time.perf_counter()
    model = CalendarModel(instance, profile, Plan())
    problem = Problem.of(parsed(model), log=model.rows)
    n, rows = len(problem.cost), len(problem.row_lo)
    solver = highs_solver()
    problem.pass_to(solver, integer=True)
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
                   note=f"{n} columns, {rows} rows")
