"""TRAVEL-BASE (issue 11 item 4; RULES.md TRAVEL: "everyone starts from his base"): a
presenter starts the half-year at his base (``base_region_id``) and is back there on each
working day that lies strictly between two of his meetings; each trip to or from the base
fits in one day's travel window (TRAVEL's speeds).

For a meeting away from the base whose trip from the base cannot fit after the last
working day before it, an earlier meeting of his must lie on or after that day (no base
stay in between: the trip is TRAVEL's, from that meeting), or, when the trip from the
half-year's start fits, it is his first meeting. Likewise after a meeting whose trip back
cannot reach the base by the end of the next working day: his next meeting is on or before
that day, or there is none. With kz-2024's speeds every such trip fits (a day's window is
15 hours, the longest trip under 5): no constraint is added."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import Profile, Travel, TravelBase
from scheduler.rules.text import day_text, title
from scheduler.slots import days_off
from scheduler.travel import longest_trip_window, travel_hours

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = TravelBase
ID = PARAMS.rule_id


def _fits(need: float, leave: dt.datetime, arrive: dt.datetime, rule: Travel,
          full_day: float) -> bool:
    if (arrive.date() - leave.date()).days >= 2 and full_day + 1e-9 >= need:
        return True  # a whole day's window lies between
    return longest_trip_window(leave, arrive, rule) + 1e-9 >= need


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(Travel)
    hours = travel_hours(m.instance, rule)
    opens = dt.time.fromisoformat(rule.travel_from)
    until_h, until_m = map(int, rule.travel_until.split(":"))
    start = dt.datetime.combine(m.instance.horizon.start, dt.time())
    full_day = longest_trip_window(dt.datetime.combine(start.date(), opens),
                                   start + dt.timedelta(days=1, hours=until_h, minutes=until_m),
                                   rule)
    off = days_off(m.instance)
    hz = m.instance.horizon
    working = [hz.start + dt.timedelta(days=n) for n in range((hz.end - hz.start).days + 1)]
    working = [d for d in working if (d.weekday() < 5 or d in m.instance.extra_working_days)
               and d not in off]
    base = {o.id: o.base_region_id for o in m.instance.officials}
    longest = max((h for row in hours.values() for h in row.values()), default=0.0)
    # A trip from the last working day before a meeting, or back by the end of the next
    # working day, has that day's whole window: with every trip shorter, only meetings
    # before the half-year's first working day can be out of reach (from its start).
    short = full_day + 1e-9 >= longest
    first_work = working[0] if working else None
    by_person: dict[str, list] = defaultdict(list)
    earliest: dict[str, dt.date] = {}
    for cand, var in m.vars.items():
        by_person[cand.presenter].append((cand, var))
        day = cand.slot.date
        if day < earliest.get(cand.presenter, dt.date.max):
            earliest[cand.presenter] = day
    for person, held in by_person.items():
        home = base[person]
        if short and (first_work is None or earliest[person] >= first_work):
            continue
        held.sort(key=lambda cv: (cv[0].slot.date, cv[0].slot.start, cv[0].slot.end))
        seen = _Seen(m, held)
        for i, (c, x) in enumerate(held):
            if c.region == home:
                continue
            need_in, need_out = hours[home][c.region], hours[c.region][home]
            k = bisect.bisect_left(working, c.slot.date)
            last_work = working[k - 1] if k > 0 else None
            first_ok = _fits(need_in, start, c.slot.begins, rule, full_day)
            if last_work is None or not _fits(
                    need_in, dt.datetime.combine(last_work, opens), c.slot.begins, rule, full_day):
                before = [v for d, v in held[:i] if last_work is None or d.slot.date >= last_work]
                if not first_ok:
                    m.add(x <= sum(before), (ID, person, c.slot.date, "from"))
                elif last_work is not None and (earlier := seen.before(last_work)) is not None:
                    # a meeting of his before last_work means no stay at the base in between
                    m.add(x + earlier <= 1 + sum(before), (ID, person, c.slot.date, "from"))
            k = bisect.bisect_right(working, c.slot.date)
            next_work = working[k] if k < len(working) else None
            if next_work is None:
                continue
            back_by = dt.datetime.combine(next_work, dt.time()) + dt.timedelta(
                hours=until_h, minutes=until_m)
            if not _fits(need_out, c.slot.ends, back_by, rule, full_day):
                after = [v for d, v in held[i + 1:] if d.slot.date <= next_work]
                if (later := seen.after(next_work)) is not None:
                    m.add(x + later <= 1 + sum(after), (ID, person, c.slot.date, "back"))


class _Seen:
    """For one presenter, whether he holds a meeting on a date before (after) a given day:
    a chain of Booleans over his candidates' dates, each at least every meeting it covers
    (x + [a meeting before D] <= 1 + ... is then one row, not one row per earlier meeting).
    The chain's own rows are definitions, added unguarded (explanations relax the rule's
    rows only)."""

    def __init__(self, m: CalendarModel, held: list) -> None:
        self.m = m
        self.on: dict[dt.date, list] = defaultdict(list)
        for c, v in held:
            self.on[c.slot.date].append(v)
        self.dates = sorted(self.on)
        self._before: list | None = None
        self._after: list | None = None

    def before(self, day: dt.date):
        """A Boolean at least every meeting of his on a date before ``day`` (None: none)."""
        k = bisect.bisect_left(self.dates, day)
        if k == 0:
            return None
        if self._before is None:
            model, chain = self.m.model, [None]
            for j in range(len(self.dates)):
                b = model.new_bool_var("")
                for v in self.on[self.dates[j]]:
                    model.add(b >= v)
                if chain[-1] is not None:
                    model.add(b >= chain[-1])
                chain.append(b)
            self._before = chain  # chain[k]: a meeting on one of the first k dates
        return self._before[k]

    def after(self, day: dt.date):
        """A Boolean at least every meeting of his on a date after ``day`` (None: none)."""
        k = bisect.bisect_right(self.dates, day)
        if k == len(self.dates):
            return None
        if self._after is None:
            model, chain = self.m.model, [None] * (len(self.dates) + 1)
            for j in reversed(range(len(self.dates))):
                b = model.new_bool_var("")
                for v in self.on[self.dates[j]]:
                    model.add(b >= v)
                if chain[j + 1] is not None:
                    model.add(b >= chain[j + 1])
                chain[j] = b
            self._after = chain  # chain[k]: a meeting on one of the dates from the k-th on
        return self._after[k]


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, day, way = key[1:]
    text = "reach his meeting of" if way == "from" else "get back to his base after"
    return (f"The {title(instance, who)} cannot {text} {day_text(day)} within a day's travel "
            f"window (TRAVEL-BASE)", "allow travel later in the evening (TRAVEL travel_until)")
