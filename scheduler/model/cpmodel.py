"""The CP-SAT model: build it from an instance and a profile, solve it, read the calendar."""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from typing import Callable

from ortools.sat.python import cp_model

from scheduler.instance import AkimLevel, BodyKind, Instance
from scheduler.meeting_steps import meeting_steps
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.model.constraints import GROUPS
from scheduler.model.independent import independent_meetings
from scheduler.model.objective import PARTS
from scheduler.model.variables import (Availability, Candidate, alert_duties, create_candidates,
                                       duty_officials)
from scheduler.profile import Profile
from scheduler.slots import announce_date

STATUS = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE",
          cp_model.INFEASIBLE: "INFEASIBLE", cp_model.MODEL_INVALID: "MODEL_INVALID",
          cp_model.UNKNOWN: "UNKNOWN"}

Progress = Callable[[float, float | None, float | None], None]  # (seconds, objective, bound)


class CalendarModel:
    """The grid of candidate meetings, the hard rules over it and the weighted costs."""

    def __init__(self, instance: Instance, profile: Profile, *, extra: tuple[Candidate, ...] = (),
                 first_day: dt.date | None = None, earliest: dt.date | None = None,
                 free: set[str] | None = None, explain: bool = False) -> None:
        """``extra`` candidates (published meetings kept in a re-plan) join the grid; see
        ``create_candidates`` for the rest. With ``explain``, every rule instance is
        guarded by a literal (``self.guards``) and there is no objective."""
        self.instance, self.profile, self.explain = instance, profile, explain
        self.model = cp_model.CpModel()
        self.guards: dict[tuple, cp_model.IntVar] = {}
        # Independent district and rural akims are given their meetings outside the grid
        # (a plain plan only: re-plans and explanations keep everyone in the model).
        plain = not (extra or explain or first_day or earliest or free is not None)
        self.fixed = independent_meetings(instance, profile) if plain else {}
        self.duty = [o for o in duty_officials(instance, profile) if o.id not in self.fixed]
        self.alert_duties = alert_duties(instance, profile)
        self.availability = Availability(instance)
        self.vars: dict[Candidate, cp_model.IntVar] = {}
        if self.fixed:
            free = {o.id for o in self.duty}
        left_out: dict[Candidate, tuple[tuple, ...]] | None = {} if explain else None
        grid = create_candidates(instance, profile, first_day=first_day, earliest=earliest,
                                 free=free, guards=left_out)
        for cand in (*grid, *extra):
            if cand not in self.vars:
                self.vars[cand] = self.model.new_bool_var(f"m{len(self.vars)}")
        # explanations: what the domain rules leave out is in the grid, kept out by guards
        for cand, keys in (left_out or {}).items():
            for key in keys:
                self.add(self.vars[cand] == 0, key)
        self._index()
        for rule_id, add_group in GROUPS.items():
            if profile.on(rule_id):
                add_group(self)
        self.costs = {} if explain else {
            rule_id: part(self) for rule_id, part in PARTS.items() if profile.on(rule_id)}
        self.model.minimize(sum(self.costs.values()))

    def cost_values(self, solver: cp_model.CpSolver) -> dict[str, float]:
        """Each soft rule's cost in the solver's solution (a part may be a constant)."""
        return {rule_id: float(expr if isinstance(expr, int) else solver.value(expr))
                for rule_id, expr in self.costs.items()}

    def add(self, constraint, key: tuple) -> None:
        """Add a constraint of the rule instance ``key`` (rule id first)."""
        added = self.model.add(constraint)
        if self.explain:
            if key not in self.guards:
                self.guards[key] = self.model.new_bool_var(str(key))
            added.only_enforce_if(self.guards[key])

    def _index(self) -> None:
        """Lists of variables the rules sum over, and counts the objective reads, built once.

        Each meeting variable enters one count of its official's visits to its region and
        (if planned) one count of his planned meetings in its quarter; the rules then work
        on these counts, which keeps the model small and its LP tight.
        """
        regional_akim = {self.instance.body(o.body_id).region_id: o.id for o in self.duty
                         if self.instance.body(o.body_id).kind is BodyKind.akimat
                         and (o.akim_level or AkimLevel.region) is AkimLevel.region}
        self.by_presenter_day = defaultdict(list)
        self.ministerial_by_region_day = defaultdict(list)
        self.akim_by_region_day = defaultdict(list)
        self.by_alert_official = defaultdict(list)
        visits, planned = defaultdict(list), defaultdict(list)
        self.ministerial_officials: set[str] = set()
        for c, v in self.vars.items():
            day = c.slot.date
            self.by_presenter_day[c.presenter, day].append(v)
            visits[c.official, c.region].append(v)
            if c.kind is MeetingKind.planned:
                planned[c.official, c.slot.quarter].append(v)
            else:
                self.by_alert_official[c.alert, c.official].append(v)
            if c.ministerial:
                self.ministerial_by_region_day[c.region, day].append(v)
                self.ministerial_officials.add(c.official)
            elif regional_akim.get(c.region) == c.official:
                self.akim_by_region_day[c.region, day].append(v)
        self.visits = {key: self._count(f"visits{key}", held) for key, held in visits.items()}
        self.planned = {key: self._count(f"planned{key}", held) for key, held in planned.items()}

    def _count(self, name: str, held: list) -> cp_model.IntVar:
        count = self.model.new_int_var(0, len(held), name)
        self.model.add(count == sum(held))
        return count

    @staticmethod
    def upper_bound(var: cp_model.IntVar) -> int:
        return list(var.proto.domain)[-1]  # (the proto's field takes no negative index)

    def planned_in_quarter(self, official: str, quarter: int):
        return self.planned.get((official, quarter), 0)

    def ministerial_load(self, region: str):
        return sum(n for (o, r), n in self.visits.items() if r == region and o in self.ministerial_officials)

    # ------------------------------------------------------------------ solving
    def solve(self, time_limit: float, workers: int, seed: int, progress: Progress | None,
              log: bool = False) -> tuple[cp_model.CpSolver, int]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        solver.parameters.log_search_progress = log
        # The bound comes from the full LP relaxation: with few workers the default
        # portfolio leaves it out, so ask for it (measured: bound stuck far below without).
        if workers == 1:
            solver.parameters.linearization_level = 2
        elif workers == 2:
            solver.parameters.subsolvers.extend(["max_lp", "quick_restart"])
        # Presolve is most of the time on kz-2027-h1 and the LP bound is tight at once:
        # lighter presolve (no probing, one pass, no symmetry, no SAT presolve) took the
        # solve from 13 s to 2.0 s on 2 workers (benchmarks/core.py).
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.max_presolve_iterations = 1
        solver.parameters.symmetry_level = 0
        solver.parameters.cp_model_use_sat_presolve = False
        callback = _Reporter(progress) if progress else None
        if progress:
            solver.best_bound_callback = callback.on_bound
        status = solver.solve(self.model, callback)
        return solver, status

    def calendar(self, chosen: Callable[[cp_model.IntVar], bool], meta: dict) -> Calendar:
        """The calendar of the chosen candidates (``solver.boolean_value`` after a solve)."""
        picked = [c for c, v in self.vars.items() if chosen(v)]
        picked += [c for held in self.fixed.values() for c in held]
        return calendar_of(self.instance, self.profile, picked, meta)


def calendar_of(instance: Instance, profile: Profile, chosen: list[Candidate],
                meta: dict) -> Calendar:
    """The calendar of chosen candidates, numbered in date order (any solver's answer)."""
    chosen = sorted(chosen, key=lambda c: (c.slot, c.region, c.official))
    label = instance.horizon.label()
    meetings = [to_meeting(instance, profile, f"{label}-{n:03d}", c)
                for n, c in enumerate(chosen, 1)]
    return Calendar(meetings=tuple(rotate_districts(instance, meetings)), **meta)


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
    qa = profile.get("FMT-QA")
    minutes = qa.meeting_minutes  # FMT-QA: the planned time shared by report and Q&A
    report = int(minutes * qa.max_report_share + 1e-9) if profile.on("FMT-QA") else None
    after = profile.get("DL-AFTER").days_after_meeting if profile.on("DL-AFTER") else None
    issues = tuple(i.id for i in inst.issues if i.region_id == c.region and i.body_id == c.body)
    return Meeting(
        id=meeting_id, official_id=c.official, presenter_id=c.presenter, body_id=c.body,
        region_id=c.region, date=c.slot.date, start=c.slot.start, end=c.slot.end,
        quarter=c.slot.quarter, kind=c.kind, reason=reason, alert_id=c.alert,
        issue_ids=issues,
        announce_by=alert.date if alert else announce_date(c.slot.date, profile),
        results_by=c.slot.date + dt.timedelta(days=after) if after is not None else None,
        report_minutes=report, qa_minutes=minutes - report if report is not None else None,
        channel=profile.get("FMT-ONLINE").channel if profile.on("FMT-ONLINE") else "",
        **meeting_steps(inst, profile, c.body, c.slot.date, alert.date if alert else None),
    )


def rotate_districts(instance: Instance, meetings: list[Meeting]) -> list[Meeting]:
    """FREQ-AKIM: a regional akim's meetings go, in date order, to the districts of his
    region he has not visited yet (a new round once all are visited); district and rural
    akims meet in their own district. Districts touch no other rule, so they are assigned
    here rather than searched."""
    district_of: dict[str, str] = {}
    visited: dict[str, list[str]] = defaultdict(list)
    for m in sorted(meetings, key=lambda m: (m.date, m.start, m.id)):
        official = instance.official(m.official_id)
        if official.district_id:
            district_of[m.id] = official.district_id
        elif (instance.body(m.body_id).kind is BodyKind.akimat
              and (official.akim_level or AkimLevel.region) is AkimLevel.region):
            districts = [d.id for d in instance.region(m.region_id).districts]
            if districts:
                seen = visited[m.official_id]
                if len(seen) == len(districts):
                    seen.clear()
                district_of[m.id] = next(d for d in districts if d not in seen)
                seen.append(district_of[m.id])
    return [m.model_copy(update={"district_id": district_of[m.id]}) if m.id in district_of
            else m for m in meetings]


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
