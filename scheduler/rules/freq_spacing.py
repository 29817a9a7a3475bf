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
    for cand, var in m.ids.items():
        if cand.official in ministers and (not planned_only or cand.kind is MeetingKind.planned):
            out[cand.official][cand.slot.date].append(var)
    return out


def _day_counts(m: CalendarModel, planned_only: bool) -> dict[str, dict[dt.date, tuple]]:
    """Each minister's meetings by date as one count per day: (the count's proto index,
    most it can be).

    The windows below sum these counts, not the candidates: each candidate enters one
    definition instead of ``window_days`` windows (on kz-2027-h1 the windows over the
    candidates held 800k of the model's 1.2M terms). The LP relaxation is the same, since
    a count is exactly the sum of its day's candidates. Counts are built once per model
    and shared by the hard windows and the cost."""
    cache = m.__dict__.setdefault("_freq_spacing_days", {})
    if planned_only in cache:
        return cache[planned_only]
    out: dict[str, dict[dt.date, tuple]] = {}
    planned = None if planned_only else _day_counts(m, planned_only=True)
    for official, days in _by_day(m, planned_only).items():
        counts = {}
        for day, held in days.items():
            if planned is not None and day in planned.get(official, {}):
                # every meeting of the day: its planned count and its out-of-schedule ones
                count, most = planned[official][day]
                others = [v for v in held if not _is_planned(m, v)]
                if not others:
                    counts[day] = (count, most)
                    continue
                held = [count, *others]
                total = most + len(others)
                both = m.model.new_int_var(0, total, f"days[{official},{day},all]")
                m.add_sum([*held, both.index], None, least=0, most=0,
                          coeffs=[1] * len(held) + [-1])
                counts[day] = (both.index, total)
                continue
            if len(held) == 1:
                counts[day] = (held[0], 1)
            else:
                count = m.model.new_int_var(0, len(held), f"days[{official},{day},{planned_only}]")
                m.add_sum([*held, count.index], None, least=0, most=0,
                          coeffs=[1] * len(held) + [-1])
                counts[day] = (count.index, len(held))
        out[official] = counts
    cache[planned_only] = out
    return out


def _is_planned(m: CalendarModel, var: int) -> bool:
    planned = m.__dict__.get("_freq_spacing_planned")
    if planned is None:
        planned = m.__dict__["_freq_spacing_planned"] = {
            i for c, i in m.ids.items() if c.kind is MeetingKind.planned}
    return var in planned


def _runs(days: dict[dt.date, tuple], width: int):
    """Each run of ``width`` consecutive days holding a candidate day: (first day, counts,
    most the run can hold)."""
    if not days:
        return
    first = min(days) - dt.timedelta(days=width - 1)
    for n in range((max(days) - first).days + 1):
        start = first + dt.timedelta(days=n)
        held = [days[d] for k in range(width) if (d := start + dt.timedelta(days=k)) in days]
        yield start, [c for c, _ in held], sum(most for _, most in held)


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    for official, days in _day_counts(m, planned_only=True).items():
        for start, held, most in _runs(days, rule.window_days):
            if most > rule.max_in_window:
                m.add_sum(held, (ID, official, start), most=rule.max_in_window)


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    if not rule.w_close:
        return 0
    beyond = []
    for official, days in _day_counts(m, planned_only=False).items():
        for start, held, most in _runs(days, rule.window_days):
            if most < 2:
                continue
            extra = m.model.new_int_var(0, most - 1, f"close[{official},{start}]")
            m.add_sum([*held, extra.index], None, most=1, coeffs=[1] * len(held) + [-1])
            beyond.append(extra)
    return rule.w_close * sum(beyond)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, start = key[1:]
    rule = profile.get(PARAMS)
    return (f"The {title(instance, who)} holds at most {rule.max_in_window} planned meetings "
            f"in the {rule.window_days} days from {day_text(start)}",
            "allow more meetings a week (FREQ-SPACING max_in_window)")
