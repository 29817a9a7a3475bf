"""The CP-SAT model: built for one mode from an instance and a profile, solved with
explicit parameters, read back as a calendar.

Modes: ``Plan`` (a fresh calendar; independent district and rural akims are planned
outside the model), ``Replan`` (published meetings pinned or kept at their date and
region, the rest free to move from ``first_day``), ``Explain`` (every rule instance
guarded by a literal, the grid filters' left-outs kept in under guards; no objective).
The rules come from the registry ``scheduler.rules.RULES``: each enabled rule's
constraint group and cost. Everything that changes the model after it is built
(pins, requests, staged objectives, hints) is a method here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ortools.sat.python import cp_model

from scheduler import rules
from scheduler.instance import Instance
from scheduler.meeting_steps import meeting_steps
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.model.independent import independent_meetings
from scheduler.model.variables import Availability, Candidate, alert_duties, create_candidates
from scheduler.profile import DlAfter, FmtOnline, FmtQa, Profile
from scheduler.results import SolveResult, SolveStatus
from scheduler.rules import attend_gov, dl_change
from scheduler.rules.akim_rotation import assign_okrugs
from scheduler.rules.freq_akim import rotate_districts
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.time_lead import announce_date

Progress = Callable[[float, float | None, float | None], None]  # (seconds, objective, bound)


# ----------------------------------------------------------------------- modes
@dataclass(frozen=True)
class Plan:
    """A fresh calendar of the whole half-year."""


@dataclass(frozen=True)
class Replan:
    """A re-plan: ``extra`` candidates (the published meetings' own) join the grid;
    ``pinned`` ones are held (history); each group of ``kept`` holds exactly one of its
    candidates (a published meeting at its date and region, with whoever may present it).
    Nothing before ``first_day``; no newly placed planned meeting before ``earliest``;
    only ``free`` officials' planned meetings are placed anew (None: everyone's).
    ``costs`` False: no soft rule's cost is built (a re-plan that only counts changes)."""

    first_day: dt.date | None = None
    earliest: dt.date | None = None
    free: frozenset[str] | None = None
    extra: tuple[Candidate, ...] = ()
    pinned: tuple[Candidate, ...] = ()
    kept: tuple[tuple[Candidate, ...], ...] = ()
    costs: bool = True


@dataclass(frozen=True)
class Explain:
    """Every rule instance guarded by its own literal (``CalendarModel.guards``)."""


Mode = Plan | Replan | Explain


# ------------------------------------------------------------------ parameters
@dataclass(frozen=True)
class SolverParams:
    """How to solve. ``presolve``: "light" (one pass, no probing, no symmetry, no SAT
    presolve: presolve was most of the time on kz-2027-h1, 13 s -> 2.0 s on 2 workers,
    benchmarks/core.py), "default" or "off" (explanations' checks). ``lp``: ask for the LP relaxation's bound (plans;
    with few workers the default portfolio leaves it out); off for feasibility checks
    (explanations: a feasible check on kz-2027-h1 took 12 s with it, 1.8 s without).
    ``log``: True prints the search log, a callable receives its lines. ``hint``: a
    previous result of the same model (every variable's value). ``deterministic_time``:
    a limit in CP-SAT's deterministic units as well (the same search on a loaded laptop
    and an idle cluster node: sweeps); ``time_limit`` then only guards the wall clock.
    ``fix_hint``: the hinted variables are held at their hinted values (a neighbourhood
    of a starting point: ``scheduler.model.relaxation``)."""

    time_limit: float = 30.0
    deterministic_time: float | None = None
    workers: int = 2
    seed: int = 0
    log: bool | Callable[[str], None] = False
    presolve: Literal["light", "default", "off"] = "light"
    lp: bool = True
    hint: ModelResult | None = None
    progress: Progress | None = None
    fix_hint: bool = False

    def solver(self) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        p = solver.parameters
        p.max_time_in_seconds = max(0.01, self.time_limit)
        p.num_workers = self.workers
        p.random_seed = self.seed
        if self.deterministic_time is not None:
            p.max_deterministic_time = self.deterministic_time
        if self.fix_hint:
            p.fix_variables_to_their_hinted_value = True
        if self.lp:
            if self.workers == 1:
                p.linearization_level = 2
            elif self.workers == 2:
                p.subsolvers.extend(["max_lp", "quick_restart"])
        else:
            p.linearization_level = 0
        if self.presolve == "off":
            p.cp_model_presolve = False
            p.symmetry_level = 0
        elif self.presolve == "light":
            p.cp_model_probing_level = 0
            p.max_presolve_iterations = 1
            p.symmetry_level = 0
            p.cp_model_use_sat_presolve = False
        if self.log:
            p.log_search_progress = True
            if callable(self.log):
                p.log_to_stdout = False
                solver.log_callback = self.log
        return solver


@dataclass(frozen=True, kw_only=True)
class ModelResult(SolveResult):
    """The model's answer: the status and figures, every variable's value (empty
    without a solution), each soft rule's cost and, for an infeasible solve under
    assumptions, the guards the solver found sufficient for the infeasibility."""

    values: tuple[int, ...] = ()
    cost_by_rule: dict[str, float] = field(default_factory=dict)
    core: tuple[tuple, ...] = ()


# ----------------------------------------------------------------------- model
class RowLog:
    """The linear rows ``CalendarModel.add_sum`` wrote: the terms and sides of each, and
    its index in the proto once written there (``write``; -1 before). The LP relaxation
    reads the rows from here, so they reach the proto only when CP-SAT is to solve it:
    a plan whose LP gives the optimum never writes them (kz-2027-h1: 27k rows, half a
    million terms)."""

    def __init__(self) -> None:
        self.index: list[int] = []
        self.start: list[int] = [0]
        self.vars: list[int] = []
        self.coeffs: list[int] = []
        self.lo: list[int] = []
        self.hi: list[int] = []
        self._pending = 0  # the first row not yet in the proto

    def __len__(self) -> int:
        return len(self.lo)

    def add(self, ids: Sequence[int], coeffs: Sequence[int], lo: int, hi: int) -> None:
        """(A variable twice in a row is merged when the LP reads the rows.)"""
        self.index.append(-1)
        self.vars.extend(ids)
        self.coeffs.extend(coeffs)
        self.start.append(len(self.vars))
        self.lo.append(lo)
        self.hi.append(hi)

    def write(self, constraints) -> None:
        """Write the rows not yet written into the proto's ``constraints``."""
        start, ids, coeffs = self.start, self.vars, self.coeffs
        for k in range(self._pending, len(self.lo)):
            linear = constraints.add().linear
            a, b = start[k], start[k + 1]
            linear.vars.extend(ids[a:b])
            linear.coeffs.extend(coeffs[a:b])
            linear.domain.extend((self.lo[k], self.hi[k]))
            self.index[k] = len(constraints) - 1
        self._pending = len(self.lo)

    @property
    def pending(self) -> int:
        return len(self.lo) - self._pending


class CalendarModel:
    """The grid of candidate meetings, the hard rules over it and the weighted costs."""

    def __init__(self, instance: Instance, profile: Profile, mode: Mode = Plan()) -> None:
        with _collector_paused():
            self._build(instance, profile, mode)

    def _build(self, instance: Instance, profile: Profile, mode: Mode) -> None:
        self.instance, self.profile, self.mode = instance, profile, mode
        self.explain = isinstance(mode, Explain)
        # the soft rules' costs: none in an explanation, nor in a re-plan that counts changes
        self.priced = not self.explain and not (isinstance(mode, Replan) and not mode.costs)
        self.model = cp_model.CpModel()
        self.guards: dict[tuple, cp_model.IntVar] = {}
        self.rows = RowLog()  # the rows add_sum wrote, for the LP relaxation
        self._constraints = self.model.proto.constraints
        # Independent district and rural akims are given their meetings outside the grid
        # (a plain plan only: re-plans and explanations keep everyone in the model).
        self.fixed = independent_meetings(instance, profile) if isinstance(mode, Plan) else {}
        self.duty = [o for o in duty_officials(instance, profile) if o.id not in self.fixed]
        self.alert_duties = alert_duties(instance, profile)
        self.availability = Availability(instance)
        free = {o.id for o in self.duty} if self.fixed else None
        extra: tuple[Candidate, ...] = ()
        window: dict = {}
        if isinstance(mode, Replan):
            free = set(mode.free) if mode.free is not None else None
            extra = mode.extra
            window = dict(first_day=mode.first_day, earliest=mode.earliest)
        left_out: dict[Candidate, tuple[tuple, ...]] | None = {} if self.explain else None
        grid = create_candidates(instance, profile, free=free, guards=left_out, **window)
        self.extra = extra  # candidates from outside the grid: no grid filter judged them
        # each meeting's index in the proto (the rows' terms, add_sum) and its variable
        # (new_bool_var's steps: one Domain for all, no name; made in the indices' order)
        proto, boolean = self.model.proto, cp_model.Domain(0, 1)
        first = len(proto.variables)
        self.ids: dict[Candidate, int] = {
            cand: first + n for n, cand in enumerate(dict.fromkeys((*grid, *extra)))}
        self.vars: dict[Candidate, cp_model.IntVar] = {
            cand: cp_model.IntVar(proto).with_domain(boolean) for cand in self.ids}
        # explanations: what the grid filters leave out is in the grid, kept out by guards
        for cand, keys in (left_out or {}).items():
            for key in keys:
                self.add(self.vars[cand] == 0, key)
        self._index()
        # ATTEND-GOV: (akim, slot, region) -> {member of the Government: literal}
        self.attendance: dict[tuple, dict[str, cp_model.IntVar]] = {}
        for rule in rules.constraint_groups(profile):
            rule.constrain(self)
        self.costs = {rule.ID: rule.cost(self) for rule in rules.costs(profile)} \
            if self.priced else {}
        if isinstance(mode, Replan):
            for cand in mode.pinned:
                self.model.add(self.vars[cand] == 1)
            for group in mode.kept:
                self.model.add(sum(self.vars[c] for c in group) == 1)
        self.objective = sum(self.costs.values())
        if not self.explain:  # (an objective would spoil the core of the assumptions)
            self._minimize_costs()

    def _minimize_costs(self) -> None:
        """``model.minimize(self.objective)`` for the rules' costs, integers by the
        profile's types: CP-SAT's own steps for an integer objective without its check
        that it is one, the variables read in one pass (kz-2027-h1: 0.09 -> 0.04 s)."""
        if isinstance(self.objective, int):
            self.model.minimize(self.objective)
            return
        flat = cp_model.FlatIntExpr(self.objective)
        self.model.clear_objective()
        objective = self.model.proto.objective
        objective.vars.extend([var.index for var in flat.vars])
        objective.coeffs.extend(flat.coeffs)
        objective.offset = flat.offset
        objective.scaling_factor = 1.0

    def add(self, constraint, key: tuple) -> None:
        """Add a constraint of the rule instance ``key`` (rule id first)."""
        added = self.model.add(constraint)
        if self.explain:
            if key not in self.guards:
                self.guards[key] = self.model.new_bool_var(str(key))
            added.only_enforce_if(self.guards[key])

    def add_sum(self, ids: Sequence[int], key: tuple | None, *, most: int | None = None,
                least: int | None = None, coeffs: Sequence[int] | None = None) -> None:
        """``least <= sum(coeff * variable) <= most`` (a side left out: open) over the
        variables of proto indices ``ids`` (``self.ids``, ``var.index``; never a negated
        literal's) for the rule instance ``key``, as one row of indices: the model's many
        sums of meetings cost a fraction of building each as an expression (kz-2027-h1: 27k
        rows, half a million terms). ``key`` None: a row of a cost, under no rule instance.
        The row is kept in ``rows`` and reaches the proto when CP-SAT is to read it
        (``write_rows``); an explanation's guarded row goes there at once."""
        coeffs = coeffs if coeffs is not None else [1] * len(ids)
        lo = cp_model.INT_MIN if least is None else least
        hi = cp_model.INT_MAX if most is None else most
        if self.explain and key is not None:
            if key not in self.guards:
                self.guards[key] = self.model.new_bool_var(str(key))
            row = self._constraints.add()
            row.linear.vars.extend(ids)
            row.linear.coeffs.extend(coeffs)
            row.linear.domain.extend((lo, hi))
            row.enforcement_literal.append(self.guards[key].index)
        else:
            self.rows.add(ids, coeffs, lo, hi)

    def _index(self) -> None:
        """Lists of variables the rules sum over (their proto indices, ``add_sum``), and
        counts the objective reads, built once.

        Each meeting variable enters one count of its official's visits to its region and
        (if planned) one count of his planned meetings in its quarter; the rules then work
        on these counts, which keeps the model small and its LP tight.
        """
        regional_akim = {self.instance.body(o.body_id).region_id: o.id for o in self.duty
                         if self.instance.is_regional_akim(o)}
        self.by_presenter_day = defaultdict(list)
        self.ministerial_by_region_day = defaultdict(list)
        self.akim_by_region_day = defaultdict(list)
        self.by_alert_official = defaultdict(list)
        self.out_of_schedule: list[Candidate] = []  # the meetings an alert calls
        self.deputised: list[Candidate] = []  # the meetings a deputy presents
        visits, planned = defaultdict(list), defaultdict(list)
        self.ministerial_officials: set[str] = set()
        quarters: dict[dt.date, int] = {}
        planned_kind = MeetingKind.planned
        for c, v in self.ids.items():  # (the model's hottest loop: kept plain)
            official, region, day = c.official, c.region, c.slot.date
            self.by_presenter_day[c.presenter, day].append(v)
            if c.presenter != official:
                self.deputised.append(c)
            visits[official, region].append(v)
            if c.kind is planned_kind:
                quarter = quarters.get(day)
                if quarter is None:
                    quarter = quarters[day] = c.slot.quarter
                planned[official, quarter].append(v)
            else:
                self.by_alert_official[c.alert, official].append(v)
                self.out_of_schedule.append(c)
            if c.ministerial:
                self.ministerial_by_region_day[region, day].append(v)
                self.ministerial_officials.add(official)
            elif regional_akim.get(region) == official:
                self.akim_by_region_day[region, day].append(v)
        # (the visits are read by costs only)
        self.visits = {} if not self.priced else {
            key: self._count(f"visits{key}", held) for key, held in visits.items()}
        self.planned = {key: self._count(f"planned{key}", held) for key, held in planned.items()}

    def _count(self, name: str, held: list) -> cp_model.IntVar:
        count = self.model.new_int_var(0, len(held), name)
        self.add_sum([count.index, *held], None, least=0, most=0, coeffs=[-1] + [1] * len(held))
        return count

    @staticmethod
    def upper_bound(var: cp_model.IntVar) -> int:
        return list(var.proto.domain)[-1]  # (the proto's field takes no negative index)

    def planned_in_quarter(self, official: str, quarter: int):
        return self.planned.get((official, quarter), 0)

    def ministerial_load(self, region: str):
        return sum(n for (o, r), n in self.visits.items() if r == region and o in self.ministerial_officials)

    def write_rows(self) -> None:
        """Write the rows ``add_sum`` kept into the proto (before CP-SAT reads it)."""
        self.rows.write(self._constraints)

    @property
    def proto(self):
        """The model as CP-SAT's proto, every row written, to read."""
        self.write_rows()
        return self.model.proto

    @property
    def size(self) -> dict[str, int]:
        proto = self.model.proto
        return dict(variables=len(proto.variables),
                    constraints=len(proto.constraints) + self.rows.pending)

    # ------------------------------------------------------- changes after building
    def forbid(self, cands: Iterable[Candidate]) -> None:
        """None of these meetings (a re-plan's request moves or cancels a meeting)."""
        for cand in cands:
            self.model.add(self.vars[cand] == 0)

    def at_least(self, cands: Iterable[Candidate], count: int) -> None:
        """At least ``count`` of these meetings (a re-plan's request places one)."""
        self.model.add(sum(self.vars[c] for c in cands) >= count)

    def change_cost(self, future: list[Meeting], as_of: dt.date) -> cp_model.LinearExprT:
        """DL-CHANGE: the weighted changes to these published meetings (a re-plan)."""
        return dl_change.change_cost(self, future, as_of)

    def minimize(self, expr: cp_model.LinearExprT | None = None, extra: cp_model.LinearExprT = 0
                 ) -> None:
        """Minimise ``expr`` (the soft rules' costs by default) plus ``extra`` (a term
        added from outside the rules, e.g. a robust plan's expected changes)."""
        self.objective = (self.costs_expr() if expr is None else expr) + extra
        self.model.minimize(self.objective)

    def costs_expr(self) -> cp_model.LinearExprT:
        return sum(self.costs.values())

    def next_stage(self, done: ModelResult, then: cp_model.LinearExprT | None = None) -> None:
        """A lexicographic stage: keep the current objective at most its value in ``done``
        and minimise ``then`` (the soft rules' costs by default), hinted by ``done``."""
        self.model.add(self.objective <= round(done.objective))
        self.minimize(then)
        self.hint(done)

    def hint(self, result: ModelResult) -> None:
        """Hint every variable with its value in an earlier solve of this model."""
        self.model.clear_hints()
        proto = self.model.proto
        proto.solution_hint.vars.extend(range(len(result.values)))
        proto.solution_hint.values.extend(result.values)

    def hint_chosen(self, chosen: Iterable[Candidate]) -> None:
        """Hint every meeting variable: 1 for these candidates, 0 for every other (a
        published calendar, or another model's solution, as a starting point)."""
        held = set(chosen)
        self.model.clear_hints()
        hint = self.model.proto.solution_hint
        hint.vars.extend(v.index for v in self.vars.values())
        hint.values.extend(int(c in held) for c in self.vars)

    # ------------------------------------------------------------------ solving
    def solve(self, params: SolverParams, assumptions: Iterable[tuple] | None = None
              ) -> ModelResult:
        """Solve; with ``assumptions`` (guards of an explanation model), only those rule
        instances hold, and an infeasible answer carries the solver's core of them."""
        started = time.perf_counter()
        self.write_rows()
        solver = params.solver()
        if params.hint is not None:
            self.hint(params.hint)
        keys = list(assumptions) if assumptions is not None else None
        self.model.clear_assumptions()
        if keys is not None:
            self.model.add_assumptions([self.guards[k] for k in keys])
        callback = _Reporter(params.progress) if params.progress else None
        if callback:
            solver.best_bound_callback = callback.on_bound
        status = SolveStatus.of_cp_sat(solver.solve(self.model, callback))
        wall = time.perf_counter() - started
        if not status.found:
            core: tuple[tuple, ...] = ()
            if keys is not None and status is SolveStatus.INFEASIBLE:
                by_index = {self.guards[k].index: k for k in keys}
                core = tuple(by_index[i] for i in
                             solver.sufficient_assumptions_for_infeasibility() if i in by_index)
            return ModelResult(status=status, wall_time=wall, core=core)
        values = tuple(solver.response_proto.solution)
        costs = {rule_id: float(expr if isinstance(expr, int) else solver.value(expr))
                 for rule_id, expr in self.costs.items()}
        objective = solver.objective_value if self.model.has_objective() else None
        return ModelResult(status=status, objective=objective,
                           bound=solver.best_objective_bound if objective is not None else None,
                           wall_time=wall, values=values, cost_by_rule=costs)

    def chosen(self, result: ModelResult) -> list[Candidate]:
        """The candidates a solution holds."""
        values = result.values
        return [c for c, i in self.ids.items() if values[i]]

    def calendar(self, result: ModelResult, meta: dict) -> Calendar:
        """The calendar of a solution, with the meetings planned outside the model."""
        picked = self.chosen(result) + [c for held in self.fixed.values() for c in held]
        return attend_gov.attendees(self, result,
                                    calendar_of(self.instance, self.profile, picked, meta))



def calendar_meta(instance: Instance, profile: Profile, result: SolveResult, wall: float, *,
                  approval_date: dt.date | None = None,
                  costs: Mapping[str, float] | None = None) -> dict:
    """A calendar file's metadata from a solve."""
    return dict(
        instance=instance.name, profile=profile.id, horizon=instance.horizon.label(),
        approval_date=approval_date or instance.approval_date, status=str(result.status),
        objective=result.objective, bound=result.bound, gap=result.gap,
        wall_time_s=round(wall, 3), cost_by_rule=dict(costs or {}),
        created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0))


def calendar_of(instance: Instance, profile: Profile, chosen: list[Candidate],
                meta: dict) -> Calendar:
    """The calendar of chosen candidates, numbered in date order (any solver's answer)."""
    chosen = sorted(chosen, key=lambda c: (c.slot, c.region, c.official))
    label = instance.horizon.label()
    meetings = [to_meeting(instance, profile, f"{label}-{n:03d}", c)
                for n, c in enumerate(chosen, 1)]
    return Calendar(meetings=tuple(assign_okrugs(instance, rotate_districts(instance, meetings))),
                    **meta)


def to_meeting(inst: Instance, profile: Profile, meeting_id: str, c: Candidate) -> Meeting:
    """A candidate as a meeting of the calendar file, with its reason and agenda."""
    alert = next((a for a in inst.alerts if a.id == c.alert), None)
    reason = ""
    if alert is not None:
        reason = (f"{alert.level.value} risk of social tension in {inst.region(alert.region_id).name.en}"
                  f" on {alert.date}" + (f": {alert.text}" if alert.text else ""))
    if c.presenter != c.official:
        away = next((a for a in inst.absences_of(c.official) if a.covers(c.slot.date)), None)
        why = (f"is away ({away.reason.value}, {away.start}..{away.end})" if away else
               "holds an out-of-schedule meeting that day (URGENT-TENSION)")
        reason = "; ".join(filter(None, [reason, (
            f"{inst.official(c.official).title.en} {why}; "
            f"{inst.official(c.presenter).title.en} presents")]))
    qa = profile.get(FmtQa)
    minutes = qa.meeting_minutes  # FMT-QA: the planned time shared by report and Q&A
    report = int(minutes * qa.max_report_share + 1e-9) if profile.on(FmtQa) else None
    after = profile.get(DlAfter).days_after_meeting if profile.on(DlAfter) else None
    issues = tuple(i.id for i in inst.issues if i.region_id == c.region and i.body_id == c.body)
    return Meeting(
        id=meeting_id, official_id=c.official, presenter_id=c.presenter, body_id=c.body,
        region_id=c.region, district_id=c.district, date=c.slot.date, start=c.slot.start,
        end=c.slot.end,
        quarter=c.slot.quarter, kind=c.kind, reason=reason, alert_id=c.alert,
        issue_ids=issues,
        announce_by=alert.date if alert else announce_date(c.slot.date, profile),
        results_by=c.slot.date + dt.timedelta(days=after) if after is not None else None,
        report_minutes=report, qa_minutes=minutes - report if report is not None else None,
        channel=profile.get(FmtOnline).channel if profile.on(FmtOnline) else "",
        **meeting_steps(inst, profile, c.body, c.slot.date, alert.date if alert else None),
    )


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector off while a model is built: the build makes hundreds of
    thousands of objects and no cycles, and the collector's passes over them were a
    quarter of the build (kz-2027-h1: 0.82 s with it, 0.61 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress
        self.start = time.perf_counter()
        self.objective: float | None = None
        self.bound: float | None = None

    def on_solution_callback(self) -> None:
        self.objective = self.objective_value
        self.bound = self.best_objective_bound
        self.progress(time.perf_counter() - self.start, self.objective, self.bound)

    def on_bound(self, bound: float) -> None:
        self.bound = bound
        self.progress(time.perf_counter() - self.start, self.objective, bound)
