"""District and rural akims who share nothing with anyone are planned outside the model.

Such an akim meets only in his own region and no enabled rule ties his meetings to
anybody else's: each rule module says whom it links (``linked``: URGENT-TENSION and
EXTRA-DEMAND the officials an alert calls, ATTEND-DISTRICT the district akims, FREQ-WINDOW
everyone, CAP-REGION, AKIM-SUPPORT and TV-LIVE ministers and regional akims); CLASH-PERSON
and TRAVEL are his own, and every soft cost of his is the same wherever his meetings fall
in his region. Any of his own allowed slots is then optimal, so the earliest ones are
taken (his allowed days are worked out per region, not from all his candidates), and the
rest of the calendar is solved without his grid: on the national all-levels instance that
is 2,300 of 2,600 officials. The checker still judges the whole calendar.

Under AKIM-SPREAD (and AKIM-ROTATION's monthly cap) the district's akims share its days:
they are placed district by district, each akim's meetings spread evenly over his allowed
days, on the days his district has room and his region is least busy; the model then
counts them as constants (``scheduler.rules.akim_spread``) and places the regional akim's
district visits where a district has room. An akim who cannot be placed this way stays in
the model.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator

from scheduler import rules
from scheduler.instance import AkimLevel, Instance, Official, quarter_of
from scheduler.model.variables import Availability, Candidate, duty_officials
from scheduler.profile import AkimRotation, AkimSpread, FreqAkim, Profile, SubstDeputy
from scheduler.rules import clash_person, region_agree, time_lead, time_offhours
from scheduler.rules.akim_rotation import owed_meetings
from scheduler.rules.freq_akim import least_per_half
from scheduler.slots import Slot


def independent_meetings(instance: Instance, profile: Profile) -> dict[str, list[Candidate]]:
    """For each independent district or rural akim, the meetings he is given."""
    if not profile.on(FreqAkim):  # how many he owes is FREQ-AKIM's
        return {}
    rule = profile.get(FreqAkim)
    max_per_day = clash_person.max_per_day(profile) or 1
    lower_akims = [o for o in duty_officials(instance, profile)
                   if instance.is_akimat(o.body_id)
                   and o.akim_level in (AkimLevel.district, AkimLevel.rural)]
    linked: set[str] = set()
    for linking in rules.linking(profile):
        linked |= linking.linked(instance, profile, lower_akims)
    lower = {o.id: max(least_per_half(rule, o.akim_level),
                       owed_meetings(instance, profile, o))
             for o in lower_akims if o.id not in linked}
    if not lower:
        return {}
    days, slots = _own_days(instance, profile, [o for o in lower_akims if o.id in lower])
    spread = profile.get(AkimSpread) if profile.on(AkimSpread) else None
    monthly = profile.get(AkimRotation).max_per_month if profile.on(AkimRotation) else None
    if spread is None and monthly is None:
        return _earliest(instance, lower, days, slots, rule, max_per_day)
    return _spread(instance, lower, days, slots, rule, max_per_day, spread, monthly)


def _own_days(instance: Instance, profile: Profile, officials: list[Official]
              ) -> tuple[dict[str, dict[dt.date, list[str]]], dict[dt.date, list[Slot]]]:
    """The planned meetings ``create_candidates`` allows each official to present himself,
    without making them: his days in date order, each with the regions he may meet in
    (TIME-LEAD, REGION-AGREE, SUBST-DEPUTY's absences), and each day's slots in time order
    (TIME-HORIZON, TIME-OFFHOURS). The days of a region are worked out once."""
    slots: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in sorted(time_offhours.slot_grid(instance, profile)):
        slots[slot.date].append(slot)
    blocked = region_agree.blocked_dates(instance, profile)
    away = Availability(instance).away if profile.on(SubstDeputy) else {}
    all_regions = [r.id for r in instance.regions]
    shared: dict[tuple, dict[dt.date, list[str]]] = {}
    days: dict[str, dict[dt.date, list[str]]] = {}
    for official in officials:
        home = instance.home_region(official)
        akims = time_lead.counts_from_akims_calendar(instance, official.body_id)
        if (akims, home) not in shared:
            lead = time_lead.earliest_planned_date(instance, profile, akims=akims)
            regions = [home] if home else all_regions
            here = {day: [r for r in regions if (r, day) not in blocked]
                    for day in slots if day >= lead}
            shared[akims, home] = {day: r for day, r in here.items() if r}
        days[official.id] = {day: r for day, r in shared[akims, home].items()
                             if (official.id, day) not in away}
    return days, slots


def _meeting(instance: Instance, official: str, region: str, slot: Slot) -> Candidate:
    """A planned meeting the official presents himself, as ``create_candidates`` makes it."""
    body = instance.official(official).body_id
    return Candidate(official, official, body, region, slot,
                     ministerial=instance.is_ministerial(body))


def _meetings(instance: Instance, official: str, days: dict[dt.date, list[str]],
              slots: dict[dt.date, list[Slot]]) -> Iterator[Candidate]:
    """His meetings in time order (those of one slot in region order)."""
    for day, regions in days.items():
        for slot in slots[day]:
            for region in regions:
                yield _meeting(instance, official, region, slot)


def _earliest(instance, lower, days, slots, rule, max_per_day) -> dict[str, list[Candidate]]:
    chosen = {}
    for official, need in lower.items():
        picked, per_day, per_quarter = [], Counter(), Counter()
        for cand in _meetings(instance, official, days[official], slots):
            if len(picked) == need:
                break
            if per_day[cand.slot.date] < max_per_day and per_quarter[cand.slot.quarter] < \
                    rule.max_per_quarter and all(p.slot != cand.slot for p in picked):
                picked.append(cand)
                per_day[cand.slot.date] += 1
                per_quarter[cand.slot.quarter] += 1
        if len(picked) == need:  # otherwise he stays in the model (a deputy may be needed)
            chosen[official] = picked
    return chosen


def _spread(instance: Instance, lower: dict[str, int], own_days, slots, rule: FreqAkim,
            max_per_day: int, spread: AkimSpread | None, monthly: int | None
            ) -> dict[str, list[Candidate]]:
    """District by district, the akim owing most first: each meeting aimed at an evenly
    spaced day of his allowed days, then moved to the nearest day his district has room
    (``district_per_day``), his region is under ``region_day_target`` if it can be (and
    under ``region_per_day``), and his day, quarter and month caps hold."""
    district_cap = spread.district_per_day if spread else None
    region_cap = spread.region_per_day if spread else None
    target = spread.region_day_target if spread else None
    district_load: Counter = Counter()
    region_load: Counter = Counter()
    chosen: dict[str, list[Candidate]] = {}
    order = sorted(lower, key=lambda o: (instance.official(o).district_id or "", -lower[o], o))
    for official_id in order:
        need = lower[official_id]
        official = instance.official(official_id)
        district = official.district_id
        regions = own_days[official_id]  # his first meeting of a day: first slot, first region
        days = list(regions)
        if len(days) < need:
            continue
        picked: list[Candidate] = []
        per_quarter, per_month = Counter(), Counter()
        used: set[dt.date] = set()
        for k in range(need):
            aim = min(len(days) - 1, int((k + 0.5) * len(days) / need))
            # the allowed day nearest the aim (the earlier of two), an uncrowded one if any
            best, crowded_best = None, None
            for day in _nearest_first(days, aim):
                if day in used or per_quarter[quarter_of(day)] >= rule.max_per_quarter:
                    continue
                if monthly is not None and per_month[day.month] >= monthly:
                    continue
                region = regions[day][0]
                if district_cap is not None and district and \
                        district_load[district, day] >= district_cap:
                    continue
                if region_cap is not None and region_load[region, day] >= region_cap:
                    continue
                if target is None or region_load[region, day] < target:
                    best = day
                    break
                if crowded_best is None:
                    crowded_best = day
            if best is None:
                best = crowded_best
            if best is None:
                break
            cand = _meeting(instance, official_id, regions[best][0], slots[best][0])
            picked.append(cand)
            used.add(best)
            per_quarter[quarter_of(best)] += 1
            per_month[best.month] += 1
            if district:
                district_load[district, best] += 1
            region_load[cand.region, best] += 1
        if len(picked) == need:
            chosen[official_id] = picked
        else:  # he stays in the model: give his days back
            for cand in picked:
                if district:
                    district_load[district, cand.slot.date] -= 1
                region_load[cand.region, cand.slot.date] -= 1
    return chosen


def _nearest_first(days: list[dt.date], aim: int) -> Iterator[dt.date]:
    """The (sorted) days by their distance from ``days[aim]``, the earlier of two first."""
    before, after = aim - 1, aim
    while before >= 0 or after < len(days):
        if after == len(days) or (before >= 0 and
                                  days[aim] - days[before] <= days[after] - days[aim]):
            yield days[before]
            before -= 1
        else:
            yield days[after]
            after += 1
