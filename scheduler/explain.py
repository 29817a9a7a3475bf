"""Say why: which rules collide when no calendar exists, what each rule costs in one that
does, and what moving one meeting would do.

Infeasibility: every hard rule instance (a rule id with the person, quarter, region or
date it applies to) is guarded by its own literal in an explanation model
(``CalendarModel(..., explain=True)``: the planning model, with the meetings its domain
filters leave out kept in but guarded, so with every literal on it is the planning
model); QuickXplain finds a minimal set of rule instances that cannot hold together.
Each member is then tried alone: if dropping it gives a calendar, it is a relaxation.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.checker import CheckReport, check
from scheduler.instance import AlertLevel, Instance
from scheduler.meeting_steps import meeting_steps
from scheduler.meetings import Calendar, Meeting
from scheduler.model.cpmodel import STATUS, CalendarModel
from scheduler.profile import Profile
from scheduler.slots import announce_date, days_off, earliest_planned_date


@dataclass(frozen=True)
class Conflict:
    """One rule instance of a minimal set that cannot hold together."""

    key: tuple
    rule_id: str
    source: str
    sentence: str  # what the rule demands here, in plain words
    relaxation: str  # what would loosen it
    frees: bool  # dropping this one alone gives a calendar


@dataclass(frozen=True)
class Explanation:
    status: str  # FEASIBLE, INFEASIBLE, UNKNOWN
    conflicts: tuple[Conflict, ...] = ()

    @property
    def feasible(self) -> bool:
        return self.status == "FEASIBLE"

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


ORDER = ("FREQ-CEB-QUARTER", "FREQ-AKIM", "FREQ-WINDOW", "URGENT-TENSION", "EXTRA-DEMAND",
         "SUBST-DEPUTY", "REGION-AGREE", "TIME-OFFHOURS", "TIME-LEAD", "CAP-REGION",
         "AKIM-SUPPORT", "TV-LIVE", "TRAVEL", "CLASH-PERSON")


def explain_infeasibility(instance: Instance, profile: Profile, *, time_limit: float = 20.0,
                          seed: int = 0,
                          progress: Callable[[str], None] | None = None) -> Explanation:
    """A minimal set of rule instances that cannot all hold, in plain sentences.

    The set is found by QuickXplain (Junker, 2004): halve the candidates, keep the half
    the conflict needs, recurse; a few dozen feasibility solves even with thousands of
    rule instances. Rules earlier in ``ORDER`` are preferred in the explanation, so it
    speaks of duties, absences and dates before clashes and capacities. ``progress``
    is told, before each solve, what is being checked (a status line).
    """
    say = progress or (lambda text: None)
    say("building the explanation model ...")
    model = CalendarModel(instance, profile, explain=True)
    guards = model.guards
    rank = {rule_id: i for i, rule_id in enumerate(ORDER)}
    everything = sorted(guards, key=lambda k: (rank.get(k[0], len(ORDER)), str(k)))
    solves = 0

    def infeasible(keys: list[tuple], doing: str) -> bool | None:
        """True if no calendar obeys these rule instances (the others switched off)."""
        nonlocal solves
        solves += 1
        say(f"check {solves}: {doing}")
        model.model.clear_assumptions()
        model.model.add_assumptions([guards[k] for k in keys])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = seed
        solver.parameters.max_time_in_seconds = time_limit
        # light presolve, no LP: each check only needs one calendar or a refutation
        # (a feasible check on kz-2027-h1 took 12 s with the defaults, 1.8 s so)
        solver.parameters.linearization_level = 0
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        solver.parameters.max_presolve_iterations = 1
        solver.parameters.cp_model_use_sat_presolve = False
        status = STATUS[solver.solve(model.model)]
        return True if status == "INFEASIBLE" else False if status in (
            "OPTIMAL", "FEASIBLE") else None

    def quickxplain(background: list[tuple], added: bool, candidates: list[tuple]) -> list[tuple]:
        if added and infeasible(background, f"narrowing down the {len(everything):,} rule "
                                            f"instances to a conflict"):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        needed_second = quickxplain(background + first, True, second)
        needed_first = quickxplain(background + needed_second, bool(needed_second), first)
        return needed_first + needed_second

    whole = infeasible(everything, f"all {len(everything):,} rule instances together")
    if whole is not True:
        return Explanation("FEASIBLE" if whole is False else "UNKNOWN")
    core = quickxplain([], False, everything)
    conflicts = []
    for n, key in enumerate(core, 1):
        doing = f"dropping rule {n} of the {len(core)} that collide"
        frees = infeasible([k for k in everything if k != key], doing) is False
        conflicts.append(describe(key, instance, profile, frees))
    return Explanation("INFEASIBLE", tuple(conflicts))


# --------------------------------------------------------------------- sentences
def _title(instance: Instance, official_id: str) -> str:
    return instance.official(official_id).title.en


def _region(instance: Instance, region_id: str) -> str:
    return instance.region(region_id).name.en


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def describe(key: tuple, instance: Instance, profile: Profile, frees: bool = False) -> Conflict:
    """A rule instance in plain words, with what would loosen it."""
    rule_id, *args = key
    rule = profile.get(rule_id)
    if rule_id == "FREQ-CEB-QUARTER":
        who, quarter = args
        say = (f"The {_title(instance, who)} must hold {rule.min_per_quarter} to "
               f"{rule.max_per_quarter} planned meetings in Q{quarter} {instance.horizon.year}")
        fix = (f"let the {_title(instance, who)} skip Q{quarter} (FREQ-CEB-QUARTER "
               f"min_per_quarter = 0), or free a date for him or a deputy in Q{quarter}")
    elif rule_id == "FREQ-AKIM":
        who, period = args
        when = "the half-year" if period == "half" else f"Q{period} {instance.horizon.year}"
        say = f"The {_title(instance, who)} must hold a meeting with his population in {when}"
        fix = f"free a date in {when} for the {_title(instance, who)} or a deputy"
    elif rule_id == "TIME-LEAD":
        first = earliest_planned_date(instance, profile)
        akims = earliest_planned_date(instance, profile, akims=True)
        when = _day(first) + (f" (an akim's before {_day(akims)})" if akims != first else "")
        say = (f"No planned meeting may fall before {when}: it is announced "
               f"a lead ahead, after the calendar is published")
        fix = "publish the calendar earlier, or shorten TIME-LEAD"
    elif rule_id == "TIME-OFFHOURS":
        (day,) = args
        name = days_off(instance).get(day, "a day off")
        say = f"{_day(day)} is a day off ({name}): no meeting that day"
        fix = f"allow meetings on {day} (TIME-OFFHOURS use_public_holidays, or a working day)"
    elif rule_id == "REGION-AGREE":
        (region,) = args
        dates = sorted(rd.date for rd in instance.region_dates
                       if rd.region_id == region and rd.kind.value == "blocked")
        shown = ", ".join(str(d) for d in dates[:4]) + (f" and {len(dates) - 4} more"
                                                         if len(dates) > 4 else "")
        say = f"{_region(instance, region)} has blocked {len(dates)} date(s): {shown}"
        fix = f"ask the akimat of {_region(instance, region)} to free one of its blocked dates"
    elif rule_id == "SUBST-DEPUTY" and len(args) == 2 and isinstance(args[0], str) \
            and any(a.official_id == args[0] and a.start == args[1] for a in instance.absences):
        who, start = args
        away = next(a for a in instance.absences if a.official_id == who and a.start == start)
        say = (f"The {_title(instance, who)} is away ({away.reason.value}) from {away.start} "
               f"to {away.end} and cannot present a meeting")
        fix = (f"shorten or move the absence of the {_title(instance, who)} "
               f"({away.start}..{away.end})")
    elif rule_id == "SUBST-DEPUTY" and args == ["out_of_schedule"]:
        say = "No deputy presents an out-of-schedule meeting for an absent head"
        fix = "let deputies present out-of-schedule meetings (SUBST-DEPUTY out_of_schedule)"
    elif rule_id == "SUBST-DEPUTY" and args == ["akims"]:
        say = "No deputy akim stands in for an absent akim"
        fix = "let deputy akims stand in (SUBST-DEPUTY akims)"
    elif rule_id == "SUBST-DEPUTY" and args[0] == "reasons" and isinstance(args[1], str):
        reason = args[1]
        say = (f"A deputy stands in only for an absence of reason {', '.join(rule.reasons)}: "
               f"not for '{reason}'")
        fix = f"let deputies stand in for '{reason}' (SUBST-DEPUTY reasons), or move the absences"
    elif rule_id == "SUBST-DEPUTY" and args[0] == "excluded_bodies" and isinstance(args[1], str):
        body = instance.body(args[1]).name.en
        say = f"No deputy ever stands in for the head of the {body}"
        fix = f"let deputies of the {body} stand in (SUBST-DEPUTY excluded_bodies)"
    elif rule_id == "SUBST-DEPUTY":
        who, day = args
        say = (f"A deputy presents for the {_title(instance, who)} on {_day(day)} only while "
               f"he holds an out-of-schedule meeting")
        fix = f"let the {_title(instance, who)} present himself on {day}"
    elif rule_id == "CLASH-PERSON":
        who, day = args
        say = f"The {_title(instance, who)} holds at most {rule.max_per_day} meeting(s) on {_day(day)}"
        fix = f"allow more meetings a day (CLASH-PERSON max_per_day > {rule.max_per_day})"
    elif rule_id == "TRAVEL":
        who, first, second = args
        say = (f"The {_title(instance, who)} cannot reach the region of his meeting on "
               f"{_day(second)} from that on {_day(first)} in time")
        fix = "allow travel later in the evening (TRAVEL travel_until) or free another day"
    elif rule_id == "CAP-REGION":
        region, *when = args
        if when[0] == "weekend":
            say = (f"{_region(instance, region)} hosts at most {rule.region_per_weekend} "
                   f"ministerial meetings the weekend of {_day(when[1])}")
            fix = f"let {_region(instance, region)} host more (CAP-REGION region_per_weekend)"
        else:
            say = (f"{_region(instance, region)} hosts at most {rule.region_per_day} "
                   f"ministerial meeting(s) on {_day(when[0])}")
            fix = f"let {_region(instance, region)} host more (CAP-REGION region_per_day)"
    elif rule_id == "AKIM-SUPPORT":
        region, day = args
        say = (f"The akim of {_region(instance, region)} holds no meeting of his own on "
               f"{_day(day)} if a minister visits")
        fix = f"free another day in {_region(instance, region)}"
    elif rule_id in ("URGENT-TENSION", "EXTRA-DEMAND"):
        alert_id, who = args
        alert = next(a for a in instance.alerts if a.id == alert_id)
        days = rule.arisen_days if alert.level is AlertLevel.arisen else rule.forecast_days
        say = (f"The {_title(instance, who)} must meet the population of "
               f"{_region(instance, alert.region_id)} between {alert.date} and "
               f"{alert.date + dt.timedelta(days=days)} ({alert.level.value} tension, {alert_id})")
        fix = (f"widen the window ({rule_id} {alert.level.value}_days > {days}) or free a "
               f"day in it")
    elif rule_id == "ATTEND-DISTRICT":
        region, day, start = args
        say = (f"The akim of {_region(instance, region)} and his deputies can attend only so "
               f"many district meetings at once on {_day(day)} at {start:%H:%M}")
        fix = f"free another date in {_region(instance, region)} for district meetings"
    elif rule_id == "FREQ-WINDOW":
        who, *quarter = args
        say = (f"The {_title(instance, who)} holds his annual meeting only in the quarter "
               f"fixed for his post")
        fix = "free a date in that quarter (FREQ-WINDOW)"
    elif rule_id == "TV-LIVE":
        day, start = args
        say = f"Only {rule.tv_channels} ministerial meeting(s) can be broadcast on {day} at {start}"
        fix = "add a TV channel (TV-LIVE tv_channels)"
    else:
        say, fix = f"{rule_id} {args}", f"loosen {rule_id}"
    return Conflict(key, rule_id, rule.source, say, fix, frees)


# ------------------------------------------------------------------ cost breakdown
WEIGHTS = {"SUBST-DEPUTY": ("w_substitution",), "REGION-ISSUES": ("w_issue",),
           "REGION-AGREE": ("w_preferred",),
           "REGION-SPREAD": ("w_repeat", "w_unvisited", "w_max_load")}


def cost_breakdown(report: CheckReport, profile: Profile, top: int = 5) -> str:
    """Per soft rule: its weights, its total and the largest justifications."""
    by_rule = defaultdict(list)
    for cost in report.costs:
        by_rule[cost.rule_id].append(cost)
    lines = []
    for rule_id, total in report.cost_by_rule.items():
        rule = profile.get(rule_id)
        weights = ", ".join(f"{w} = {getattr(rule, w)}" for w in WEIGHTS.get(rule_id, ()))
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
                 if rd.kind.value == "preferred"}
    ministerial = {b.id for b in instance.bodies if b.kind.value == "ceb"}
    load = defaultdict(int)
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
    grid = profile.get("TIME-OFFHOURS")
    weekend = day.weekday() >= 5 and day not in instance.extra_working_days
    ranges = grid.weekend_slots if weekend else grid.workday_slots
    times = [tuple(dt.time.fromisoformat(t) for t in r.split("-")) for r in ranges]
    start, end = next(((s, e) for s, e in times if s == meeting.start), times[0])
    update = {"date": day, "start": start, "end": end, "quarter": (day.month - 1) // 3 + 1}
    if meeting.kind.value == "planned":
        update["announce_by"] = announce_date(day, profile)
    if meeting.results_by is not None:
        update["results_by"] = day + (meeting.results_by - meeting.date)
    steps = meeting_steps(instance, profile, meeting.body_id, day,  # dated steps (S-2018)
                          None if meeting.kind.value == "planned" else meeting.announce_by)
    update.update((k, v) for k, v in steps.items() if k != "audience")
    return meeting.model_copy(update=update)


def what_if(instance: Instance, profile: Profile, calendar: Calendar, meeting_id: str,
            to: str) -> WhatIf:
    """What moving one meeting would cost or break; nothing is changed."""
    meetings = calendar.by_id()
    if meeting_id not in meetings:
        raise KeyError(f"no meeting '{meeting_id}' in the calendar")
    meeting = meetings[meeting_id]
    moved = moved_meeting(meeting, to, instance, profile)
    other = calendar.model_copy(update={"meetings": tuple(
        moved if m.id == meeting_id else m for m in calendar.meetings)})
    return WhatIf(_title(instance, meeting.official_id), meeting, moved,
                  check(instance, profile, calendar),
                  check(instance, profile, other))
