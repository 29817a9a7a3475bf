"""FREQ-SPACING (the project's): a minister's meetings about a week apart. At most
``max_in_window`` planned meetings in any ``window_days`` consecutive days; ``w_close`` x,
over every run of ``window_days`` consecutive days, his meetings (any kind) in it beyond
the first (two meetings d days apart share ``window_days - d`` runs)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.meetings import MeetingKind
from scheduler.profile import FreqSpacing, Profile
from scheduler.rules.text import day_text, title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = FreqSpacing
ID = PARAMS.rule_id
WEIGHTS = ("w_close",)


def _by_day(m: CalendarModel, planned_only: bool) -> dict[str, dict[dt.date, list]]:
    """Each minister's meeting variables by date (his duty, whoever presents)."""
    ministers = {o.id for o in m.duty if m.instance.is_ministerial(o.body_id)}
    out: dict[str, dict[dt.date, list]] = defaultdict(lambda: defaultdict(list))
    for cand, var in m.vars.items():
        if cand.official in ministers and (not planned_only or cand.kind is MeetingKind.planned):
            out[cand.official][cand.slot.date].append(var)
    return out


def _runs(days: dict[dt.date, list], width: int):
    """Each run of ``width`` consecutive days holding a candidate day: (first day, vars)."""
    if not days:
        return
    first = min(days) - dt.timedelta(days=width - 1)
    for n in range((max(days) - first).days + 1):
        start = first + dt.timedelta(days=n)
        held = [v for k in range(width) for v in days.get(start + dt.timedelta(days=k), ())]
        yield start, held


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    for official, days in _by_day(m, planned_only=True).items():
        for start, held in _runs(days, rule.window_days):
            if len(held) > rule.max_in_window:
                m.add(sum(held) <= rule.max_in_window, (ID, official, start))


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    if not rule.w_close:
        return 0
    beyond = []
    for official, days in _by_day(m, planned_only=False).items():
        for start, held in _runs(days, rule.window_days):
            if len(held) < 2:
                continue
            extra = m.model.new_int_var(0, len(held) - 1, f"close[{official},{start}]")
            m.model.add(extra >= sum(held) - 1)
            beyond.append(extra)
    return rule.w_close * sum(beyond)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, start = key[1:]
    rule = profile.get(PARAMS)
    return (f"The {title(instance, who)} holds at most {rule.max_in_window} planned meetings "
            f"in the {rule.window_days} days from {day_text(start)}",
            "allow more meetings a week (FREQ-SPACING max_in_window)")
