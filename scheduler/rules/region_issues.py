"""REGION-ISSUES: ``w_issue`` x the weight of topical issues not met; an issue of (region,
body) is met when the body meets in that region (any kind)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.profile import RegionIssues

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = RegionIssues
ID = PARAMS.rule_id
WEIGHTS = ("w_issue",)  # the cost's weights, as the explanation shows them


def cost(m: CalendarModel):
    weight = m.profile.get(PARAMS).w_issue
    unmet = defaultdict(int)
    for issue in m.instance.issues:
        unmet[issue.region_id, issue.body_id] += issue.weight
    head = {o.body_id: o.id for o in m.duty}
    planned_apart = {(c.region, c.body) for held in m.fixed.values() for c in held}
    total = 0
    for (region, body), weights in unmet.items():
        if (region, body) in planned_apart:  # met by an akim planned outside the grid
            continue
        visits = m.visits.get((head.get(body), region))
        if visits is None:
            total += weight * weights
            continue
        met = m.model.new_bool_var(f"met[{body},{region}]")
        m.model.add(met <= visits)
        total += weight * weights * (1 - met)
    return total
