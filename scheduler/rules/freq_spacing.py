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


def _by_day(m: CalendarModel) -> tuple[dict, dict]:
    """Each minister's meeting variables by date (his duty, whoever presents): the planned
    ones, and the out-of-schedule ones."""
    ministers = {o.id for o in m.duty if m.instance.is_ministerial(o.body_id)}
    planned: dict[str, dict[dt.date, list]] = defaultdict(lambda: defaultdict(list))
    others: dict[str, dict[dt.date, list]] = defaultdict(lambda: defaultdict(list))
    planned_kind = MeetingKind.planned
    for cand, var in m.ids.items():
        if cand.official in ministers:
            (planned if cand.kind is planned_kind else others)[cand.official][
                cand.slot.date].append(var)
    return planned, others


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
    if "by_day" not in cache:
        cache["by_day"] = _by_day(m)
    by_planned, by_others = cache["by_day"]
    if planned_only:
        cache[True] = {official: {day: _count(m, official, day, held, "planned")
                                  for day, held in days.items()}
                       for official, days in by_planned.items()}
        return cache[True]
    planned = _day_counts(m, planned_only=True)
    out: dict[str, dict[dt.date, tuple]] = {o: dict(days) for o, days in planned.items()}
    for official, days in by_others.items():
        counts = out.setdefault(official, {})
        for day, others in days.items():
            if day in counts:  # every meeting of the day: its planned count and the others
                count, most = counts[day]
                counts[day] = _count(m, official, day, [count, *others], "all",
                                     most + len(others))
            else:
                counts[day] = _count(m, official, day, others, "all")
    cache[False] = out
    return out


def _count(m: CalendarModel, official: str, day: dt.date, held: list, what: str,
           most: int | None = None) -> tuple:
    """(the proto index of a count of ``held``, most it can be); one meeting is its own
    count. ``most``: the count's largest value when ``held`` holds other counts."""
    most = len(held) if most is None else most
    if len(held) == 1 and most == 1:
        return held[0], 1
    count = m.model.new_int_var(0, most, f"days[{official},{day},{what}]")
    m.add_sum([*held, count.index], None, least=0, most=0, coeffs=[1] * len(held) + [-1])
    return count.index, most


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
