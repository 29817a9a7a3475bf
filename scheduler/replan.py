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
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.changes import Action, ChangeRequest, ChangeSet, Refusal, apply_to_instance
from scheduler.changes import screen_requests
from scheduler.checker import CheckReport, check
from scheduler.diff import Change, diff_calendars, pair_meetings
from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.model.cpmodel import STATUS, CalendarModel, Progress
from scheduler.model.variables import Availability, Candidate, presenters
from scheduler.planner import relative_gap
from scheduler.profile import Profile
from scheduler.slots import Slot


@dataclass(frozen=True)
class ReplanResult:
    status: str  # of the quality stage (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN)
    changes_status: str  # of the fewest-changes stage
    change_cost: float | None
    change_bound: float | None
    objective: float | None
    bound: float | None
    wall_time: float
    instance: Instance  # with the change set applied
    calendar: Calendar | None
    changes: tuple[Change, ...] = ()
    refused: tuple[Refusal, ...] = ()
    accepted: tuple[ChangeRequest, ...] = ()
    check: CheckReport | None = None
    cost_by_rule: dict[str, float] = field(default_factory=dict)
    changes_time: float | None = None  # seconds to the fewest changes, model building included

    @property
    def minimum_proven(self) -> bool:
        return self.changes_status == "OPTIMAL"


def _slot(m: Meeting) -> Slot:
    return Slot(m.date, m.start, m.end)


def _candidate(m: Meeting, presenter: str, ministerial: bool) -> Candidate:
    return Candidate(m.official_id, presenter, m.body_id, m.region_id, _slot(m), m.kind,
                     m.alert_id, ministerial)


def replan(instance: Instance, profile: Profile, published: Calendar, changes: ChangeSet,
           as_of: dt.date, *, force: bool = False, time_limit: float = 30.0, workers: int = 2,
           seed: int = 0, progress: Progress | None = None, keep_later: bool = False
           ) -> ReplanResult:
    """Re-plan the published calendar with the change set, as of a date.

    ``keep_later`` (the urgent path) also keeps the meetings after the TIME-LEAD window in
    date and region, so that only presenters change and the alert's meetings are added:
    a far smaller model, answered in about a second.
    """
    started = time.perf_counter()
    accepted, refused = screen_requests(changes, instance, profile, published, as_of, force)
    inst = apply_to_instance(instance, changes, accepted)
    rule = profile.get("DL-CHANGE")
    lead = profile.get("TIME-LEAD").lead_days if profile.on("TIME-LEAD") else 0
    frozen_until = as_of + dt.timedelta(days=lead)
    avail = Availability(inst)
    kinds = {b.id: b.kind.value for b in inst.bodies}

    history = [m for m in published.meetings if m.date < as_of]
    future = [m for m in published.meetings if m.date >= as_of]
    extra: list[Candidate] = [_candidate(m, m.presenter_id, kinds[m.body_id] == "ceb")
                              for m in history]
    frozen: dict[str, list[Candidate]] = {}
    for m in future:
        if m.date < frozen_until or m.kind is MeetingKind.out_of_schedule or keep_later:
            who = presenters(inst, profile, avail, inst.official(m.official_id), m.date, True)
            frozen[m.id] = [_candidate(m, p, kinds[m.body_id] == "ceb") for p in who]
            extra += frozen[m.id]
    no_new_planned = inst.horizon.end + dt.timedelta(days=1)
    model = CalendarModel(inst, profile, extra=tuple(extra), first_day=as_of,
                          earliest=no_new_planned if keep_later else frozen_until)
    cp = model.model
    for m in history:
        cp.add(model.vars[_candidate(m, m.presenter_id, kinds[m.body_id] == "ceb")] == 1)
    for m in future:
        if (m.date < frozen_until or keep_later) and frozen[m.id]:  # keeps date and region
            cp.add(sum(model.vars[c] for c in frozen[m.id]) == 1)
    _requests(model, accepted, published)
    change_cost = _change_cost(model, future, as_of, rule)

    # Stage 1: the fewest changes.
    solver, status = model.solve(time_limit / 2, workers, seed, progress)
    changes_status = STATUS[status]
    if changes_status not in ("OPTIMAL", "FEASIBLE"):
        return ReplanResult(changes_status, changes_status, None, None, None, None,
                            time.perf_counter() - started, inst, None, refused=tuple(refused),
                            accepted=tuple(accepted))
    least, least_bound = solver.objective_value, solver.best_objective_bound
    changes_time = time.perf_counter() - started
    first = {v: solver.boolean_value(v) for v in model.vars.values()}
    # Stage 2: the profile's cost, keeping the number of changes.
    cp.add(change_cost <= round(least))
    cp.minimize(sum(model.costs.values()))
    for var, value in first.items():
        cp.add_hint(var, value)
    solver, status = model.solve(max(0.5, time_limit - (time.perf_counter() - started)),
                                 workers, seed, progress)
    name = STATUS[status]
    if name in ("OPTIMAL", "FEASIBLE"):
        chosen, objective, bound = solver.boolean_value, solver.objective_value, \
            solver.best_objective_bound
        costs = {rid: float(solver.value(e)) if not isinstance(e, int) else float(e)
                 for rid, e in model.costs.items()}
    else:  # out of time in stage 2: stage 1's calendar is still the answer
        name, chosen, objective, bound, costs = "FEASIBLE", first.__getitem__, None, None, {}
    wall = time.perf_counter() - started
    fresh = model.calendar(chosen, dict(
        instance=inst.name, profile=profile.id, horizon=inst.horizon.label(),
        approval_date=published.approval_date, status=name, objective=objective, bound=bound,
        gap=relative_gap(objective, bound) if objective is not None else None,
        wall_time_s=round(wall, 3), cost_by_rule=costs,
        created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0)))
    calendar = keep_ids(published, fresh)
    found = diff_calendars(published, calendar)
    explained = tuple(_explain(c, inst, calendar, accepted) for c in found)
    return ReplanResult(name, changes_status, least, least_bound, objective, bound, wall, inst,
                        calendar, explained, tuple(refused), tuple(accepted),
                        check(inst, profile, calendar), costs, changes_time)


def _requests(model: CalendarModel, accepted: list[ChangeRequest], published: Calendar) -> None:
    """Each accepted request as hard constraints."""
    meetings = published.by_id()
    heads = {o.body_id: o.id for o in model.instance.heads()}
    for r in accepted:
        official = heads[r.body_id]
        if r.action in (Action.move, Action.cancel):
            old = meetings[r.meeting_id]
            for cand, var in model.vars.items():  # not where it was, that day
                if (cand.official == official and cand.slot.date == old.date
                        and cand.region == old.region_id):
                    model.model.add(var == 0)
        if r.action is Action.add:  # one more planned meeting than published
            quarters = {r.date.month // 4 + 1} if r.date else set(model.instance.horizon.quarters)
            quarters = {(r.date.month - 1) // 3 + 1} if r.date else quarters
            before = sum(1 for m in published.meetings if m.official_id == official
                         and m.kind is MeetingKind.planned and m.quarter in quarters)
            held = [var for cand, var in model.vars.items()
                    if cand.official == official and cand.kind is MeetingKind.planned
                    and cand.slot.quarter in quarters]
            model.model.add(sum(held) >= before + 1)
        if r.action in (Action.move, Action.add):
            old = meetings.get(r.meeting_id or "")
            day = r.date or (old.date if old else None)
            region = r.region_id or (old.region_id if old else None)
            there = [var for cand, var in model.vars.items()
                     if cand.official == official and cand.kind is MeetingKind.planned
                     and (day is None or cand.slot.date == day)
                     and (region is None or cand.region == region)]
            model.model.add(sum(there) >= 1)


def _change_cost(model: CalendarModel, future: list[Meeting], as_of: dt.date, rule
                 ) -> cp_model.LinearExpr:
    """Weighted changes to the published future meetings, and meetings added."""
    cp = model.model
    by_official_day, by_official_region = defaultdict(list), defaultdict(list)
    at, planned_now = defaultdict(list), defaultdict(list)
    for cand, var in model.vars.items():
        if cand.slot.date < as_of:
            continue
        by_official_day[cand.official, cand.slot.date].append(var)
        by_official_region[cand.official, cand.region].append(var)
        at[cand.official, cand.region, cand.slot].append((cand.presenter, var))
        if cand.kind is MeetingKind.planned:
            planned_now[cand.official].append(var)
    cost = 0
    planned_before = defaultdict(int)
    for m in future:
        if m.kind is MeetingKind.planned:
            planned_before[m.official_id] += 1
        near = (m.date - as_of).days < rule.near_days
        factor = rule.near_factor if near else 1
        here = at.get((m.official_id, m.region_id, _slot(m)), [])
        kept = sum(v for _, v in here)
        exact = sum(v for p, v in here if p == m.presenter_id)
        same_date = cp.new_bool_var(f"same_date[{m.id}]")
        same_region = cp.new_bool_var(f"same_region[{m.id}]")
        cp.add(same_date <= sum(by_official_day[m.official_id, m.date]) - kept)
        cp.add(same_region <= sum(by_official_region[m.official_id, m.region_id]) - kept)
        cp.add(kept + same_date + same_region <= 1)
        cost += factor * (rule.w_date_change * (1 - kept - same_date)
                          + rule.w_region_change * (1 - kept - same_region)
                          + rule.w_presenter_change * (kept - exact))
    for official, held in planned_now.items():
        added = cp.new_int_var(0, len(held), f"added[{official}]")
        cp.add(added >= sum(held) - planned_before[official])
        cost += rule.w_added * added
    cp.minimize(cost)
    return cost


def keep_ids(published: Calendar, fresh: Calendar) -> Calendar:
    """Give each new meeting the id of the published meeting it continues (see diff)."""
    taken = {new.id: old.id for old, new in pair_meetings(published, fresh)
             if old is not None and new is not None}
    label = fresh.horizon
    numbers = [int(m.id.rsplit("-", 1)[-1]) for m in published.meetings
               if m.id.rsplit("-", 1)[-1].isdigit()]
    next_number = max(numbers, default=0) + 1
    meetings = []
    for m in fresh.meetings:
        if m.id in taken:
            meetings.append(m.model_copy(update={"id": taken[m.id]}))
        else:
            meetings.append(m.model_copy(update={"id": f"{label}-{next_number:03d}"}))
            next_number += 1
    return fresh.model_copy(update={"meetings": tuple(sorted(meetings, key=lambda m: (m.date, m.start, m.id)))})


def _explain(change: Change, inst: Instance, calendar: Calendar,
             accepted: list[ChangeRequest]) -> Change:
    """Say why a meeting changed: a request, an absence, an alert, or the rules."""
    old, new = change.old, change.new
    meeting_id = (old or new).id
    for r in accepted:
        if r.meeting_id == meeting_id or (
                r.action is Action.add and old is None and new is not None
                and new.body_id == r.body_id
                and (r.date in (None, new.date)) and (r.region_id in (None, new.region_id))):
            return change.with_reason(f"change request {r.id} ({r.action.value}, "
                                      f"submitted {r.submitted})" + (f": {r.note}" if r.note else ""))
    if new is not None and new.kind is MeetingKind.out_of_schedule and old is None:
        return change.with_reason(new.reason or "out-of-schedule meeting (URGENT-TENSION)")
    if old is not None:
        away = [a for a in inst.absences if a.official_id == old.presenter_id and a.covers(old.date)]
        if away:
            a = away[0]
            who = inst.official(old.presenter_id).title.en
            note = f": {a.note}" if a.note else ""
            return change.with_reason(f"{who} is away on {old.date} ({a.reason.value}, "
                                      f"{a.start}..{a.end}{note})")
        if new is not None and new.substituted and "URGENT-TENSION" in new.reason:
            return change.with_reason(new.reason)
        if old.date in inst.extra_days_off:
            return change.with_reason(f"{old.date} is now a day off")
        for u in calendar.meetings:
            if (u.kind is MeetingKind.out_of_schedule and u.date == old.date
                    and (u.region_id == old.region_id or u.presenter_id == old.presenter_id)):
                return change.with_reason(f"to make room for the out-of-schedule meeting {u.id} "
                                          f"on alert {u.alert_id} (URGENT-TENSION)")
    return change.with_reason("re-optimised with the other changes")
