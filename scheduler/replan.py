"""Quarterly re-planning: obey every rule, move as little of the published calendar as possible.

Meetings before ``as_of`` are history and never change. Planned meetings in the TIME-LEAD
window after ``as_of`` are published: they keep date and region, and only their presenter
may change (SUBST-DEPUTY). Everything later may move. Two stages, lexicographic:

1. the fewest weighted changes to the published calendar (a change of date, of region and
   of presenter each have a weight, doubled close to the meeting; added meetings count);
2. among calendars with that many changes, the profile's usual cost.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from scheduler.changes import (
    Action,
    ChangeRequest,
    ChangeSet,
    Refusal,
    apply_to_instance,
    screen_requests,
)
from scheduler.checker import CheckReport, check
from scheduler.diff import Change, diff_calendars, pair_meetings
from scheduler.instance import Instance, quarter_of
from scheduler.meetings import Calendar, Meeting, MeetingKind, carried, new_uid
from scheduler.model.cpmodel import (
    CalendarModel,
    ModelResult,
    Progress,
    Replan,
    SolverParams,
    calendar_meta,
)
from scheduler.model.relaxation import lp_start
from scheduler.model.variables import Availability, Candidate
from scheduler.profile import DlChange, Profile, UrgentTension
from scheduler.results import SolveResult, SolveStatus
from scheduler.rules import dl_change, region_agree
from scheduler.rules.subst_deputy import presenters, urgent_handover
from scheduler.rules.time_lead import lead_end
from scheduler.slots import Slot


@dataclass(frozen=True, kw_only=True)
class ReplanResult(SolveResult):
    """A re-plan: ``status``, ``objective`` and ``bound`` are the quality stage's."""

    changes_status: SolveStatus  # of the fewest-changes stage
    change_cost: float | None = None
    change_bound: float | None = None
    instance: Instance  # with the change set applied
    changes: tuple[Change, ...] = ()
    refused: tuple[Refusal, ...] = ()
    accepted: tuple[ChangeRequest, ...] = ()
    check: CheckReport | None = None
    cost_by_rule: dict[str, float] = field(default_factory=dict)
    changes_time: float | None = None  # seconds to the fewest changes, model building included
    changes_solve_time: float | None = None  # of which the fewest changes' solve, once built

    @property
    def minimum_proven(self) -> bool:
        return self.changes_status is SolveStatus.OPTIMAL


def _slot(m: Meeting) -> Slot:
    return Slot(m.date, m.start, m.end)


def _candidate(m: Meeting, presenter: str, ministerial: bool, regional: bool = False
               ) -> Candidate:
    """A published meeting as a candidate; a regional akim's keeps its district (the model
    chooses it under AKIM-ROTATION and AKIM-SPREAD)."""
    return Candidate(m.official_id, presenter, m.body_id, m.region_id, _slot(m), m.kind,
                     m.alert_id, ministerial, m.district_id if regional else None)


def replan(instance: Instance, profile: Profile, published: Calendar, changes: ChangeSet,
           as_of: dt.date, *, force: bool = False, time_limit: float = 30.0, workers: int = 2,
           seed: int = 0, progress: Progress | None = None, keep_later: bool = False,
           log: Callable[[str], None] | None = None, quality: bool = True,
           deterministic_time: float | None = None, relaxation: bool = True) -> ReplanResult:
    """Re-plan the published calendar with the change set, as of a date.

    The whole calendar is searched, starting from the published calendar as a complete
    hint (most of it stays). ``keep_later`` (the urgent path) first tries the smallest
    model, where every later meeting keeps its date and region (a deputy may still
    present); when that gives as few changes as the change set itself forces (a lower bound
    counted meeting by meeting), the minimum is proven, else the whole calendar is searched
    from its answer. (A first search of only the officials the change set touches was
    dropped: with the complete hint the whole search alone was faster, 8.8 against 13.1
    CPU seconds a sweep future, and proves the same minima.) ``log``
    receives the solver's log lines. ``quality=False`` (sweeps, which count changes) skips
    the second stage: the calendar has the fewest changes but not the best cost among
    them, and the first stage has the whole time limit. ``deterministic_time`` limits each
    search in CP-SAT's deterministic units as well, so that a loaded machine finds what an
    idle one does (``time_limit`` then only guards the wall clock). ``relaxation``: each
    stage starts from the LP relaxation, as a plan does (False: CP-SAT's search alone).

    """
    started = time.perf_counter()
    accepted, refused = screen_requests(changes, instance, profile, published, as_of, force)
    search = _Search(time_limit, workers, seed, progress, quality, deterministic_time,
                     relaxation)
    while True:
        inst = apply_to_instance(instance, changes, accepted)
        plan = _Stages(inst, profile, published, accepted, as_of, log)
        attempt = plan.run(set() if keep_later else None, search)
        if keep_later and (attempt is None or attempt.least > plan.lower_bound()):
            whole = plan.run(None, search, start=attempt)
            if whole is None and attempt is not None:  # the whole search ran out of time
                attempt.free, attempt.changes_status = None, SolveStatus.FEASIBLE
                attempt.least_bound = plan.lower_bound()
            else:
                attempt = whole
        gone = {r.request_id for r in plan.refused}
        accepted = [r for r in accepted if r.id not in gone]
        refused.extend(plan.refused)
        if attempt is not None and attempt.calendar is not None:
            break
        if plan.last_status is not SolveStatus.INFEASIBLE:
            break  # out of time, not proven impossible: nothing is refused for lack of time
        refusal = _unplaceable(instance, profile, published, changes, accepted, as_of, search)
        if refusal is None:
            break
        accepted = [r for r in accepted if r.id != refusal.request_id]
        refused.append(refusal)
    if attempt is None or attempt.calendar is None:
        status = attempt.status if attempt else plan.last_status
        return ReplanResult(status=status, changes_status=status,
                            wall_time=time.perf_counter() - started, instance=inst,
                            refused=tuple(refused), accepted=tuple(accepted))
    proven = attempt.changes_status is SolveStatus.OPTIMAL and (
        attempt.free is None or attempt.least == plan.lower_bound())
    calendar = keep_ids(published, attempt.calendar)
    found = diff_calendars(published, calendar)
    explained = tuple(_explain(c, inst, calendar, accepted) for c in found)
    return ReplanResult(
        status=attempt.status,
        changes_status=SolveStatus.OPTIMAL if proven else SolveStatus.FEASIBLE,
        change_cost=attempt.least, change_bound=attempt.least if proven else attempt.least_bound,
        objective=attempt.objective, bound=attempt.bound,
        wall_time=time.perf_counter() - started, instance=inst, calendar=calendar,
        changes=explained, refused=tuple(refused), accepted=tuple(accepted),
        check=check(inst, profile, calendar), cost_by_rule=attempt.costs,
        changes_time=attempt.changes_time + (attempt.started - started),
        changes_solve_time=attempt.changes_solve_time)


@dataclass
class _Attempt:
    free: set[str] | None
    started: float
    status: SolveStatus = SolveStatus.UNKNOWN
    changes_status: SolveStatus = SolveStatus.UNKNOWN
    least: float = 0.0
    least_bound: float = 0.0
    changes_time: float = 0.0
    changes_solve_time: float = 0.0
    objective: float | None = None
    bound: float | None = None
    costs: dict = field(default_factory=dict)
    calendar: Calendar | None = None
    chosen: frozenset[Candidate] = frozenset()


@dataclass(frozen=True)
class _Search:
    """How each stage searches: the time limit is split between the two stages (all of it
    to the first without the quality stage)."""

    time_limit: float
    workers: int
    seed: int
    progress: Progress | None = None
    quality: bool = True
    deterministic_time: float | None = None
    relaxation: bool = True

    def solve(self, model: CalendarModel, params: SolverParams) -> ModelResult:
        """A stage's solve: from the LP relaxation first (``scheduler.model.relaxation``:
        a calendar at the LP's bound is proven optimal and nothing else is searched),
        else CP-SAT's search (from the LP's calendar, when there is one)."""
        if self.relaxation:
            start = lp_start(model, params)
            if start is not None and start.status is SolveStatus.OPTIMAL:
                return start
        return model.solve(params)

    def params(self, log: Callable[[str], None] | None, stage: int) -> SolverParams:
        share = 0.5 if self.quality else 1.0
        limit = self.time_limit * share
        if stage == 2:
            limit = max(0.5, limit)
        det = None if self.deterministic_time is None else self.deterministic_time * share
        return SolverParams(time_limit=limit if det is None else max(limit, 10 * det),
                            deterministic_time=det, workers=self.workers, seed=self.seed,
                            progress=self.progress if stage == 1 else None, log=log or False)


def _published_choices(stages: _Stages, pinned: tuple[Candidate, ...],
                       future: list[Meeting]) -> list[Candidate]:
    """The published calendar as candidates: history, and every later meeting as it is."""
    inst = stages.inst
    return [*pinned, *(_candidate(m, m.presenter_id, inst.is_ministerial(m.body_id),
                                  inst.is_regional_akim(m.official_id)) for m in future)]


class _Stages:
    """The two lexicographic stages over a model where ``free`` officials may move."""

    def __init__(self, inst: Instance, profile: Profile, published: Calendar,
                 accepted: list[ChangeRequest], as_of: dt.date,
                 log: Callable[[str], None] | None = None) -> None:
        self.inst, self.profile, self.published, self.log = inst, profile, published, log
        self.accepted, self.as_of = accepted, as_of
        self.frozen_until = lead_end(as_of, profile)  # TIME-LEAD
        self.rule = profile.get(DlChange)
        self.avail = Availability(inst)
        self.days_off = set(inst.extra_days_off)
        self.blocked = region_agree.blocked_dates(inst, profile)
        self.last_status = SolveStatus.UNKNOWN  # the last stage-1 solve's status
        self.refused: list[Refusal] = []  # requests no calendar could hold (``_drop``)

    def _forced_off(self, m: Meeting) -> bool:
        """A published meeting on a day declared off later, or on a date its region's
        akimat has blocked since (REGION-AGREE): it moves, even inside the TIME-LEAD
        window (force majeure), and an out-of-schedule one too."""
        return m.date in self.days_off or (m.region_id, m.date) in self.blocked

    def _choices(self, m: Meeting) -> list[Candidate]:
        """A published meeting at its date and region, with everyone who may present it
        under SUBST-DEPUTY: a planned meeting may go to a deputy on a day the head holds an
        out-of-schedule one (``urgent_handover``); an out-of-schedule meeting only while
        the head is away, and only under ``out_of_schedule`` (docs/rules.md)."""
        urgent = m.kind is MeetingKind.out_of_schedule
        who = presenters(self.inst, self.profile, self.avail, self.inst.official(m.official_id),
                         m.date, urgent_day=not urgent and urgent_handover(self.profile),
                         out_of_schedule=urgent)
        return [_candidate(m, p, self.inst.is_ministerial(m.body_id),
                           self.inst.is_regional_akim(m.official_id)) for p in who]

    def run(self, free: set[str] | None, search: _Search, start: _Attempt | None = None
            ) -> _Attempt | None:
        """Both stages with ``free`` officials movable (None: everyone). ``start``: the
        urgent path's first answer (later meetings kept), the whole-calendar search's
        hint; when this search finds no fewer changes, ``start`` stands, proven for the
        whole calendar when the search proved its minimum, and stage 2 is not run again."""
        attempt = _Attempt(free, time.perf_counter())
        history = [m for m in self.published.meetings if m.date < self.as_of]
        cancelled = {r.meeting_id for r in self.accepted if r.action is Action.cancel}
        future = [m for m in self.published.meetings
                  if m.date >= self.as_of and m.id not in cancelled]
        kept = {m.id: self._choices(m) for m in future if not self._forced_off(m) and (
                m.date < self.frozen_until  # published meeting (force majeure)
                or m.kind is MeetingKind.out_of_schedule
                or (free is not None and m.official_id not in free))}
        pinned = tuple(_candidate(m, m.presenter_id, self.inst.is_ministerial(m.body_id),
                                  self.inst.is_regional_akim(m.official_id))
                       for m in history)
        # published in the lead window, or not free: keeps date and region
        must = {mid for mid, m in ((m.id, m) for m in future)
                if kept.get(mid) and (m.kind is MeetingKind.planned or free is not None)}
        model = CalendarModel(self.inst, self.profile, Replan(
            first_day=self.as_of, earliest=self.frozen_until,
            free=frozenset(free) if free is not None else None,
            extra=pinned + tuple(c for choices in kept.values() for c in choices),
            pinned=pinned, kept=tuple(tuple(kept[mid]) for mid in kept if mid in must),
            costs=search.quality))
        assumed = _requests(model, self.accepted, self.published)
        model.minimize(model.change_cost(future, self.as_of))

        # Stage 1: the fewest changes, from the published calendar (or the first answer).
        model.hint_chosen(start.chosen if start is not None else
                          _published_choices(self, pinned, future))
        params = search.params(self.log, stage=1)
        _hold(model, assumed)
        solving = time.perf_counter()
        first = search.solve(model, params)
        if first.status is SolveStatus.INFEASIBLE and free is None and assumed:
            first = self._drop(model, params, assumed)
        attempt.changes_solve_time = time.perf_counter() - solving
        attempt.changes_status = self.last_status = first.status
        if not first.status.found:
            return None
        attempt.least, attempt.least_bound = first.objective, first.bound
        attempt.changes_time = time.perf_counter() - attempt.started
        attempt.chosen = frozenset(model.chosen(first))
        if start is not None and first.objective >= start.least:
            # no fewer changes anywhere: the first answer stands, now judged
            # against the whole calendar (proven when this search proved its minimum)
            start.free, start.changes_status = None, first.status
            start.least_bound = first.bound
            return start
        chosen: ModelResult = first
        if not search.quality:
            attempt.status = SolveStatus.FEASIBLE
            second = first
        else:
            # Stage 2: the profile's cost, keeping the number of changes (hinted by stage
            # 1's calendar: every variable).
            model.next_stage(first)
            second = search.solve(model, search.params(self.log, stage=2))
        if search.quality and second.status.found:
            chosen = second
            attempt.status = second.status
            attempt.objective, attempt.bound = second.objective, second.bound
            attempt.costs = second.cost_by_rule
        else:  # out of time in stage 2, or no stage 2: stage 1's calendar is the answer
            attempt.status = SolveStatus.FEASIBLE
        attempt.calendar = model.calendar(chosen, calendar_meta(
            self.inst, self.profile, SolveResult(status=attempt.status,
                                                 objective=attempt.objective,
                                                 bound=attempt.bound),
            time.perf_counter() - attempt.started, approval_date=self.published.approval_date,
            costs=attempt.costs))
        return attempt

    def _drop(self, model: CalendarModel, params: SolverParams, assumed: list[tuple]
              ) -> ModelResult:
        """No calendar holds every request (proven): refuse requests until one does. Of
        the requests the solver names as conflicting, the first whose refusal alone gives
        a calendar; when none does, the last of them, and again. The same model is solved
        under assumptions, fewer each time (``assumed`` loses the refused ones); then the
        requests kept hold and the refused ones are off."""
        by_key = {("REQUEST", r.id): r for r in self.accepted}
        every = list(assumed)
        _hold(model, every, (0, 1))
        first = model.solve(params, assumed)
        try:
            return self._refuse(model, params, assumed, first, by_key)
        finally:
            _hold(model, assumed)
            _hold(model, [key for key in every if key not in assumed], (0, 0))

    def _refuse(self, model: CalendarModel, params: SolverParams, assumed: list[tuple],
                first: ModelResult, by_key: dict) -> ModelResult:
        while first.status is SolveStatus.INFEASIBLE:
            core = [key for key in assumed if key in set(first.core)]
            if not core:
                return first  # impossible whatever the moves and adds
            for key in core:
                trial = model.solve(params, [k for k in assumed if k != key])
                if trial.status.found:
                    assumed.remove(key)
                    self.refused.append(_refusal(by_key[key], self.inst, self.profile,
                                                 self.published))
                    return trial
            last = core[-1]
            assumed.remove(last)
            self.refused.append(_refusal(by_key[last], self.inst, self.profile,
                                         self.published, alone=False))
            first = model.solve(params, assumed)
        return first

    def lower_bound(self) -> float:
        """Changes the change set forces whatever the plan: meeting by meeting, the
        cheapest change each must undergo, plus one added meeting per 'add' request."""
        rule = self.rule
        move = min(rule.w_date_change, rule.w_region_change)
        forced: dict[str, float] = defaultdict(float)
        meetings = self.published.by_id()
        cancelled = {r.meeting_id for r in self.accepted if r.action is Action.cancel}
        for r in self.accepted:
            if r.action is Action.move:
                forced[r.meeting_id] = max(forced[r.meeting_id], move)
        for m in self.published.meetings:
            if m.date < self.as_of or m.id in cancelled:
                continue
            if self.avail.reason(m.presenter_id, m.date) is not None:
                can_present = any(c.presenter != m.presenter_id for c in self._choices(m))
                forced[m.id] = max(forced[m.id], min(rule.w_presenter_change, move)
                                   if can_present else move)
            if self._forced_off(m):
                forced[m.id] = max(forced[m.id], move)
        total = sum(cost * self._factor(meetings[mid]) for mid, cost in forced.items())
        return total + rule.w_added * sum(r.action is Action.add for r in self.accepted)

    def _factor(self, m: Meeting) -> int:
        return dl_change.factor(self.rule, m.date, self.as_of)


def _unplaceable(instance: Instance, profile: Profile, published: Calendar, changes: ChangeSet,
                 accepted: list[ChangeRequest], as_of: dt.date, search: _Search
                 ) -> Refusal | None:
    """When no calendar obeys the change set even with moves and adds refused (``_drop``),
    the cancellation to refuse: the first whose dropping alone gives a calendar, else the
    last; with the rule it breaks."""
    placing = [r for r in accepted if r.action is Action.cancel]
    if not placing:
        return None
    inst = apply_to_instance(instance, changes, accepted)
    for r in placing:
        rest = [q for q in accepted if q.id != r.id]
        trial = _Stages(apply_to_instance(instance, changes, rest), profile, published, rest,
                        as_of).run(None, replace(search, progress=None))
        if trial is not None:
            return _refusal(r, inst, profile, published)
    return _refusal(placing[-1], inst, profile, published, alone=False)


def _refusal(r: ChangeRequest, inst: Instance, profile: Profile, published: Calendar,
             alone: bool = True) -> Refusal:
    """Refuse a request that cannot be placed, naming the rules the literal change breaks."""
    rules: list[str] = []
    meeting = published.by_id().get(r.meeting_id or "")
    if r.action is Action.move and meeting is not None:
        from scheduler.explain import moved_meeting

        moved = meeting
        if r.date is not None:
            moved = moved_meeting(moved, r.date.isoformat(), inst, profile)
        if r.region_id is not None:
            moved = moved.model_copy(update={"region_id": r.region_id})
        trial = published.model_copy(update={"meetings": tuple(
            moved if m.id == meeting.id else m for m in published.meetings)})
        rules = sorted({v.rule_id for v in check(inst, profile, trial).violations
                        if meeting.id in v.meeting_ids})
    where = " ".join(str(x) for x in (r.date, r.region_id) if x)
    what = f"{r.action.value} {r.meeting_id or ''} {where}".split()
    if rules:
        return Refusal(r.id, ", ".join(rules), (
            f"{' '.join(what)}: the meeting cannot be placed there without breaking "
            f"{', '.join(rules)}"))
    reason = ("no calendar obeys the rules with this request" if alone else
              "no calendar obeys the rules with all the requests of this change set; this "
              "one, the last to place, is refused")
    return Refusal(r.id, "REPLAN", f"{' '.join(what)}: {reason}")


def _hold(model: CalendarModel, keys: list[tuple], domain: tuple[int, int] = (1, 1)) -> None:
    """Set the requests' literals: held (1, 1), refused (0, 0), or free to be assumed
    (0, 1). A literal fixed in its domain lets presolve drop the enforcement, which an
    assumption does not: solves without refusals run as fast as without literals."""
    for key in keys:
        bounds = model.model.proto.variables[model.guards[key].index].domain
        bounds[0], bounds[1] = domain


def _requests(model: CalendarModel, accepted: list[ChangeRequest], published: Calendar
              ) -> list[tuple]:
    """Each accepted request as hard constraints; a move's or an add's hold under a literal
    of its own (``model.guards[("REQUEST", id)]``, assumed true when solving), so that the
    solver can name the requests no calendar can hold together. The keys, in order."""
    meetings = published.by_id()
    heads = {o.body_id: o.id for o in model.instance.heads()}
    keys = []
    for r in accepted:
        official = heads[r.body_id]
        mine = [cand for cand in model.vars if cand.official == official]
        if r.action is Action.cancel:
            old = meetings[r.meeting_id]
            model.forbid(cand for cand in mine  # not where it was, that day
                         if cand.slot.date == old.date and cand.region == old.region_id)
        if r.action not in (Action.move, Action.add):
            continue
        key = ("REQUEST", r.id)
        held = model.guards[key] = model.model.new_bool_var(f"request[{r.id}]")
        keys.append(key)
        if r.action is Action.move:
            old = meetings[r.meeting_id]
            for cand in mine:  # not where it was, that day
                if cand.slot.date == old.date and cand.region == old.region_id:
                    model.model.add(model.vars[cand] == 0).only_enforce_if(held)
        if r.action is Action.add:  # one more planned meeting than published
            quarters = {quarter_of(r.date)} if r.date else set(model.instance.horizon.quarters)
            before = sum(1 for m in published.meetings if m.official_id == official
                         and m.kind is MeetingKind.planned and m.quarter in quarters)
            model.model.add(sum(model.vars[c] for c in mine if c.kind is MeetingKind.planned
                                and c.slot.quarter in quarters) >= before + 1
                            ).only_enforce_if(held)
        old = meetings.get(r.meeting_id or "")
        day = r.date or (old.date if old else None)
        region = r.region_id or (old.region_id if old else None)
        model.model.add(sum(model.vars[c] for c in mine if c.kind is MeetingKind.planned
                            and (day is None or c.slot.date == day)
                            and (region is None or c.region == region)) >= 1
                        ).only_enforce_if(held)
    return keys


def keep_ids(published: Calendar, fresh: Calendar) -> Calendar:
    """Give each new meeting the id of the published meeting it continues (see diff)."""
    taken = {new.id: old for old, new in pair_meetings(published, fresh)
             if old is not None and new is not None}
    label = fresh.horizon
    numbers = [int(m.id.rsplit("-", 1)[-1]) for m in published.meetings
               if m.id.rsplit("-", 1)[-1].isdigit()]
    next_number = max(numbers, default=0) + 1
    meetings = []
    for m in fresh.meetings:  # .ics: the same uid, the sequence bumped when it moved
        if m.id in taken:
            old = taken[m.id]
            meetings.append(m.model_copy(update={
                "id": old.id, **carried(published, old, m, fresh.created)}))
        else:
            m = m.model_copy(update={"id": f"{label}-{next_number:03d}",
                                     "modified": fresh.created})
            meetings.append(m.model_copy(update={"uid": new_uid(fresh, m)}))
            next_number += 1
    ordered = sorted(meetings, key=lambda m: (m.date, m.start, m.id))
    return fresh.model_copy(update={"meetings": tuple(ordered)})


def _explain(change: Change, inst: Instance, calendar: Calendar,
             accepted: list[ChangeRequest]) -> Change:
    """Say why a meeting changed: a request, an absence, an alert, or the rules."""
    old, new = change.old, change.new
    meeting_id = change.meeting_id
    for r in accepted:
        if r.meeting_id == meeting_id or (
                r.action is Action.add and old is None and new is not None
                and new.body_id == r.body_id
                and (r.date in (None, new.date)) and (r.region_id in (None, new.region_id))):
            return change.with_reason(f"change request {r.id} ({r.action.value}, "
                                      f"submitted {r.submitted})"
                                      + (f": {r.note}" if r.note else ""))
    if new is not None and new.kind is MeetingKind.out_of_schedule and old is None:
        return change.with_reason(new.reason or "out-of-schedule meeting (URGENT-TENSION)")
    if old is not None:
        away = [a for a in inst.absences
                if a.official_id == old.presenter_id and a.covers(old.date)]
        if away:
            a = away[0]
            who = inst.official(old.presenter_id).title.en
            note = f": {a.note}" if a.note else ""
            return change.with_reason(f"{who} is away on {old.date} ({a.reason.value}, "
                                      f"{a.start}..{a.end}{note})")
        if new is not None and new.substituted and UrgentTension.rule_id in new.reason:
            return change.with_reason(new.reason)
        if old.date in inst.extra_days_off:
            return change.with_reason(f"{old.date} is now a day off")
        if any(rd.region_id == old.region_id and rd.date == old.date
               and rd.kind.value == "blocked" for rd in inst.region_dates):
            where = inst.region(old.region_id).name.en or old.region_id
            return change.with_reason(f"the akimat has blocked {old.date} in {where} "
                                      f"(REGION-AGREE)")
        for u in calendar.meetings:
            if (u.kind is MeetingKind.out_of_schedule and u.date == old.date
                    and (u.region_id == old.region_id or u.presenter_id == old.presenter_id)):
                return change.with_reason(f"to make room for the out-of-schedule meeting {u.id} "
                                          f"on alert {u.alert_id} (URGENT-TENSION)")
    return change.with_reason("re-optimised with the other changes")
