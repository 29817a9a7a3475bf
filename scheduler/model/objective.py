"""Soft rules: one function per rule id, each returning its weighted cost (minimised).

The parts are those of ``docs/rules.md`` and add up to the objective; the checker
computes the same numbers from the calendar on its own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Callable

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

Expr = cp_model.LinearExprT


def subst_deputy(m: CalendarModel) -> Expr:
    """w_substitution for every meeting a deputy presents."""
    weight = m.profile.get("SUBST-DEPUTY").w_substitution
    return weight * sum(v for c, v in m.vars.items() if c.presenter != c.official)


def region_issues(m: CalendarModel) -> Expr:
    """w_issue x the weight of topical issues whose body never meets in their region."""
    weight = m.profile.get("REGION-ISSUES").w_issue
    unmet = defaultdict(int)
    for issue in m.instance.issues:
        unmet[issue.region_id, issue.body_id] += issue.weight
    head = {o.body_id: o.id for o in m.duty}
    planned_apart = {(c.region, c.body) for held in m.fixed.values() for c in held}
    cost = 0
    for (region, body), total in unmet.items():
        if (region, body) in planned_apart:  # met by an akim planned outside the grid
            continue
        visits = m.visits.get((head.get(body), region))
        if visits is None:
            cost += weight * total
            continue
        met = m.model.new_bool_var(f"met[{body},{region}]")
        m.model.add(met <= visits)
        cost += weight * total * (1 - met)
    return cost


def region_agree(m: CalendarModel) -> Expr:
    """w_preferred for every preferred (region, date) without a ministerial meeting."""
    weight = m.profile.get("REGION-AGREE").w_preferred
    cost = 0
    preferred = sorted({(rd.region_id, rd.date) for rd in m.instance.region_dates
                        if rd.kind.value == "preferred"})
    for region, day in preferred:
        visits = m.ministerial_by_region_day.get((region, day), [])
        if not visits:
            cost += weight
            continue
        used = m.model.new_bool_var(f"preferred[{region},{day}]")
        m.model.add(used <= sum(visits))
        cost += weight * (1 - used)
    return cost


def region_spread(m: CalendarModel) -> Expr:
    """Repeat visits, regions below min_region_visits, and the busiest region's load."""
    rule = m.profile.get("REGION-SPREAD")
    model = m.model
    repeats = []
    for (official, region), visits in m.visits.items():
        most = m.upper_bound(visits)
        if official in m.ministerial_officials and most > 1:
            extra = model.new_int_var(0, most - 1, f"repeat[{official},{region}]")
            model.add(extra >= visits - 1)
            repeats.append(extra)
    shortfalls = []
    loads = [m.ministerial_load(r.id) for r in m.instance.regions]
    for region, load in zip(m.instance.regions, loads):
        if rule.min_region_visits > 0:
            short = model.new_int_var(0, rule.min_region_visits, f"unvisited[{region.id}]")
            model.add(short >= rule.min_region_visits - load)
            shortfalls.append(short)
    most = model.new_int_var(0, max(1, len(m.vars)), "max_load")
    for load in loads:
        model.add(most >= load)
    return (rule.w_repeat * sum(repeats) + rule.w_unvisited * sum(shortfalls)
            + rule.w_max_load * most)


PARTS: dict[str, Callable[[CalendarModel], Expr]] = {
    "SUBST-DEPUTY": subst_deputy,
    "REGION-ISSUES": region_issues,
    "REGION-AGREE": region_agree,
    "REGION-SPREAD": region_spread,
}
