"""Say why: which rules collide when no calendar exists, what each rule costs in one that
does, and what moving one meeting would do.

Infeasibility: every hard rule instance (a rule id with the person, quarter, region or
date it applies to) is guarded by its own literal in an explanation model
(``CalendarModel(..., Explain())``: the planning model, with the meetings its grid filters
leave out kept in but guarded, so with every literal on it is the planning model). One
solve on one worker with every guard as an assumption proves there is no calendar and
gives the solver's core: the guards it found sufficient for the infeasibility. Each member
of the core is dropped in turn: if every drop gives a calendar, the core is minimal and
each member is a relaxation. Otherwise QuickXplain (Junker, 2004) narrows that core, not
all the guards, to a minimal set of rule instances that cannot hold together (all the
guards when the core is all of them), and each member is tried alone the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from scheduler import rules
from scheduler.checker import CheckReport, check, check_change
from scheduler.instance import DateKind, Instance, quarter_of
from scheduler.meeting_steps import meeting_steps
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.model.cpmodel import CalendarModel, Explain, ModelResult, SolverParams
from scheduler.profile import Profile, TimeOffhours
from scheduler.results import SolveResult, SolveStatus
from scheduler.rules.text import region as _region
from scheduler.rules.text import title as _title
from scheduler.rules.time_lead import announce_date
from scheduler.slots import is_weekend, times_of


@dataclass(frozen=True)
class Conflict:
    """One rule instance of a minimal set that cannot hold together."""

    key: tuple
    rule_id: str
    source: str
    sentence: str  # what the rule demands here, in plain words
    relaxation: str  # what would loosen it
    frees: bool  # dropping this one alone gives a calendar


@dataclass(frozen=True, kw_only=True)
class Explanation(SolveResult):
    """``status``: FEASIBLE (every hard rule can hold), INFEASIBLE (with the conflict) or
    UNKNOWN (nothing proven in the time limit)."""

    conflicts: tuple[Conflict, ...] = ()
    solves: int = 0  # solver calls made

    @property
    def feasible(self) -> bool:
        return self.status is SolveStatus.FEASIBLE

    def text(self) -> str:
        if self.feasible:
            return "A calendar exists: every hard rule can hold."
        if not self.conflicts:
            return "No calendar found within the time limit, and no conflict was proven."
        lines = ["No calendar can obey all hard rules. These rules collide (drop any one of "
                 "them and the rest can hold together):"]
        lines += [f"  {i}. {c.sentence} ({c.rule_id}, {c.source})"
                  for i, c in enumerate(self.conflicts, 1)]
        fixes = [c for c in self.conflicts if c.frees]
        if fixes:
            lines.append("Any one of these changes makes a calendar possible:")
            lines += [f"  - {c.relaxation}" for c in fixes]
        else:
            lines.append("No single change is enough: other rules collide too once one of "
                         "these is loosened. Loosen one and explain again.")
        return "\n".join(lines)


def explain_infeasibility(instance: Instance, profile: Profile, *, time_limit: float = 20.0,
                          seed: int = 0,
                          progress: Callable[[str], None] | None = None) -> Explanation:
    """A minimal set of rule instances that cannot all hold, in plain sentences.

    One solve with every rule instance gives the solver's core; dropping each member in
    turn shows it minimal (the usual case: 1 + its size solves), else QuickXplain narrows
    it: halve the candidates, keep the half the conflict needs, recurse. Every check runs
    on one worker without presolve (measured on benchmarks/explain.py: presolve costs more
    than it saves when most rules are switched off). Rules earlier in the registry
    (``scheduler.rules.RULES``) are preferred in the explanation, so it speaks of duties,
    absences and dates before clashes and capacities. ``progress`` is told, before each
    solve, what is being checked (a status line).
    """
    say = progress or (lambda text: None)
    say("building the explanation model ...")
    model = CalendarModel(instance, profile, Explain())
    last = len(rules.RULES)
    everything = sorted(model.guards, key=lambda k: (rules.RANK.get(k[0], last), str(k)))
    params = SolverParams(time_limit=time_limit, workers=1, seed=seed, lp=False, presolve="off")
    solves = 0

    def solve(keys: list[tuple], doing: str) -> ModelResult:
        nonlocal solves
        solves += 1
        say(f"check {solves}: {doing}")
        return model.solve(params, assumptions=keys)

    def infeasible(keys: list[tuple], doing: str) -> bool | None:
        """True if no calendar obeys these rule instances (the others switched off)."""
        status = solve(keys, doing).status
        return True if status is SolveStatus.INFEASIBLE else False if status.found else None

    def quickxplain(background: list[tuple], added: bool, candidates: list[tuple]) -> list[tuple]:
        if added and infeasible(background, f"narrowing down {len(candidates):,} rule "
                                            f"instances to a conflict"):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        needed_second = quickxplain(background + first, True, second)
        needed_first = quickxplain(background + needed_second, bool(needed_second), first)
        return needed_first + needed_second

    whole = solve(everything, f"all {len(everything):,} rule instances together")
    if whole.status is not SolveStatus.INFEASIBLE:
        return Explanation(status=SolveStatus.FEASIBLE if whole.status.found
                           else SolveStatus.UNKNOWN, solves=solves)
    core = set(whole.core)  # the solver's own: sufficient, not necessarily minimal
    suspects = [k for k in everything if k in core] if 0 < len(core) < len(everything) \
        else everything
    frees: dict[tuple, bool] = {}

    def try_without(key: tuple, n: int, of: int) -> None:
        frees[key] = infeasible([k for k in everything if k != key],
                                f"dropping rule {n} of the {of} that collide") is False

    if suspects is not everything:
        # When dropping any one member of the core alone gives a calendar, the core is
        # already minimal (each smaller set lies inside one of those calendars' rules).
        for n, key in enumerate(suspects, 1):
            try_without(key, n, len(suspects))
            if not frees[key]:
                break
    conflict = suspects if len(frees) == len(suspects) and all(frees.values()) \
        else quickxplain([], False, suspects)
    for n, key in enumerate(conflict, 1):
        if key not in frees:
            try_without(key, n, len(conflict))
    conflicts = [describe(key, instance, profile, frees[key]) for key in conflict]
    return Explanation(status=SolveStatus.INFEASIBLE, conflicts=tuple(conflicts), solves=solves)


def describe(key: tuple, instance: Instance, profile: Profile, frees: bool = False) -> Conflict:
    """A rule instance in plain words, with what would loosen it (its rule's module)."""
    sentence, relaxation = rules.describe(key, instance, profile)
    return Conflict(key, key[0], profile.get(key[0]).source, sentence, relaxation, frees)


# ------------------------------------------------------------------ cost breakdown
def cost_breakdown(report: CheckReport, profile: Profile, top: int = 5) -> str:
    """Per soft rule: its weights, its total and the largest justifications."""
    by_rule = defaultdict(list)
    for cost in report.costs:
        by_rule[cost.rule_id].append(cost)
    lines = []
    for rule_id, total in report.cost_by_rule.items():
        rule = profile.get(rule_id)
        weights = ", ".join(f"{w} = {getattr(rule, w)}"
                            for w in getattr(rules.BY_ID.get(rule_id), "WEIGHTS", ()))
        lines.append(f"{rule_id} ({rule.source}; {weights}): {total:,.0f}")
        items = sorted(by_rule[rule_id], key=lambda c: -c.amount)
        lines += [f"    {c.amount:>6,.0f}  {c.message}" for c in items[:top]]
        if len(items) > top:
            lines.append(f"    ... and {len(items) - top} more, "
                         f"{sum(c.amount for c in items[top:]):,.0f} in all")
    lines.append(f"Total: {report.total_cost:,.0f}")
    return "\n".join(lines)


def why_here(instance: Instance, calendar: Calendar) -> dict[str, str]:
    """Per meeting, one line: the issues it takes up, a preferred date, the region's load."""
    weight = {i.id: i.weight for i in instance.issues}
    preferred = {(rd.region_id, rd.date) for rd in instance.region_dates
                 if rd.kind is DateKind.preferred}
    ministerial = {b.id for b in instance.bodies if instance.is_ministerial(b.id)}
    load: defaultdict[str, int] = defaultdict(int)
    for m in calendar.meetings:
        if m.body_id in ministerial:
            load[m.region_id] += 1
    lines = {}
    for m in calendar.meetings:
        parts = []
        if m.alert_id:
            parts.append(f"called by alert {m.alert_id}")
        if m.issue_ids:
            parts.append(f"issues {', '.join(m.issue_ids)} (weight "
                         f"{sum(weight.get(i, 0) for i in m.issue_ids)})")
        if (m.region_id, m.date) in preferred:
            parts.append("on a date the region prefers")
        if m.body_id in ministerial:
            parts.append(f"one of {load[m.region_id]} ministerial meetings in "
                         f"{_region(instance, m.region_id)}")
        if m.substituted:
            parts.append(f"presented by the {_title(instance, m.presenter_id)}")
        lines[m.id] = "; ".join(parts) or "required by the frequency rules"
    return lines


# ------------------------------------------------------------------------ what if
@dataclass(frozen=True)
class WhatIf:
    who: str
    meeting: Meeting
    moved: Meeting
    before: CheckReport
    after: CheckReport

    @property
    def delta(self) -> float:
        return self.after.total_cost - self.before.total_cost

    @property
    def new_violations(self) -> list:
        known = {(v.rule_id, v.message) for v in self.before.violations}
        return [v for v in self.after.violations if (v.rule_id, v.message) not in known]

    def text(self) -> str:
        m, n = self.meeting, self.moved
        head = (f"Moving {m.id} ({self.who}) from {m.date} {m.start:%H:%M} in {m.region_id} "
                f"to {n.date} {n.start:%H:%M} in {n.region_id}")
        if self.new_violations:
            lines = [head + " would break hard rules:"]
            lines += [f"  - {v.rule_id}: {v.message}" for v in self.new_violations]
            return "\n".join(lines)
        lines = [head + f" keeps every hard rule and changes the cost by {self.delta:+,.0f} "
                        f"({self.before.total_cost:,.0f} -> {self.after.total_cost:,.0f}):"]
        for rule_id in self.after.cost_by_rule:
            change = self.after.cost_by_rule[rule_id] - self.before.cost_by_rule.get(rule_id, 0)
            if change:
                lines.append(f"  {rule_id}: {change:+,.0f}")
        return "\n".join(lines)


def moved_meeting(meeting: Meeting, to: str, instance: Instance, profile: Profile) -> Meeting:
    """The meeting at another date (same region, a slot of that day) or in another region."""
    try:
        day = dt.date.fromisoformat(to)
    except ValueError:
        if to not in {r.id for r in instance.regions}:
            raise ValueError(f"--to '{to}': neither a date nor a region id") from None
        return meeting.model_copy(update={"region_id": to})
    grid = profile.get(TimeOffhours)
    times = times_of(grid.weekend_slots if is_weekend(day, instance) else grid.workday_slots)
    start, end = next(((s, e) for s, e in times if s == meeting.start), times[0])
    update = {"date": day, "start": start, "end": end, "quarter": quarter_of(day)}
    if meeting.kind is MeetingKind.planned:
        update["announce_by"] = announce_date(day, profile)
    if meeting.results_by is not None:
        update["results_by"] = day + (meeting.results_by - meeting.date)
    steps = meeting_steps(instance, profile, meeting.body_id, day,  # dated steps (S-2018)
                          None if meeting.kind is MeetingKind.planned else meeting.announce_by)
    update.update((k, v) for k, v in steps.items() if k != "audience")
    return meeting.model_copy(update=update)


def what_if(instance: Instance, profile: Profile, calendar: Calendar, meeting_id: str,
            to: str, before: CheckReport | None = None) -> WhatIf:
    """What moving one meeting would cost or break; nothing is changed. ``before``: the
    calendar's own check when it is already made; then only what the move touches is
    checked again (:func:`scheduler.checker.check_change`, the same answer)."""
    meetings = calendar.by_id()
    if meeting_id not in meetings:
        raise KeyError(f"no meeting '{meeting_id}' in the calendar")
    meeting = meetings[meeting_id]
    moved = moved_meeting(meeting, to, instance, profile)
    other = calendar.model_copy(update={"meetings": tuple(
        moved if m.id == meeting_id else m for m in calendar.meetings)})
    if before is None:
        before = check(instance, profile, calendar)
    return WhatIf(_title(instance, meeting.official_id), meeting, moved, before,
                  check_change(instance, profile, calendar, before, other))
