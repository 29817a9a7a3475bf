"""District and rural akims who share nothing with anyone are planned outside the model.

Such an akim meets only in his own region and no enabled rule ties his meetings to
anybody else's: each rule module says whom it links (``linked``: URGENT-TENSION and
EXTRA-DEMAND the officials an alert calls, ATTEND-DISTRICT the district akims, FREQ-WINDOW
everyone, CAP-REGION, AKIM-SUPPORT and TV-LIVE ministers and regional akims); CLASH-PERSON
and TRAVEL are his own, and every soft cost of his is the same wherever his meetings fall
in his region. Any of his own allowed slots is then optimal, so the earliest ones are
taken, and the rest of the calendar is solved without his grid: on the national
all-levels instance that is 2,300 of 2,600 officials. The checker still judges the whole
calendar.

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

from scheduler import rules
from scheduler.instance import AkimLevel, Instance, quarter_of
from scheduler.meetings import MeetingKind
from scheduler.model.variables import Candidate, create_candidates, duty_officials
from scheduler.profile import AkimRotation, AkimSpread, FreqAkim, Profile
from scheduler.rules import clash_person
from scheduler.rules.akim_rotation import owed_meetings
from scheduler.rules.freq_akim import least_per_half


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
    by_official: dict[str, list[Candidate]] = {o: [] for o in lower}
    for cand in create_candidates(instance, profile, free=set(lower)):
        if cand.official in lower and cand.presenter == cand.official \
                and cand.kind is MeetingKind.planned:
            by_official[cand.official].append(cand)
    spread = profile.get(AkimSpread) if profile.on(AkimSpread) else None
    monthly = profile.get(AkimRotation).max_per_month if profile.on(AkimRotation) else None
    if spread is None and monthly is None:
        return _earliest(lower, by_official, rule, max_per_day)
    return _spread(instance, lower, by_official, rule, max_per_day, spread, monthly)


def _earliest(lower, by_official, rule, max_per_day) -> dict[str, list[Candidate]]:
    chosen = {}
    for official, need in lower.items():
        picked, per_day, per_quarter = [], Counter(), Counter()
        for cand in sorted(by_official[official], key=lambda c: c.slot):
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


def _spread(instance: Instance, lower: dict[str, int], by_official, rule: FreqAkim,
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
        slots_by_day: dict[dt.date, list[Candidate]] = defaultdict(list)
        for cand in sorted(by_official[official_id], key=lambda c: c.slot):
            slots_by_day[cand.slot.date].append(cand)
        days = sorted(slots_by_day)
        if len(days) < need:
            continue
        picked: list[Candidate] = []
        per_quarter, per_month = Counter(), Counter()
        used: set[dt.date] = set()
        for k in range(need):
            aim = days[min(len(days) - 1, int((k + 0.5) * len(days) / need))]
            best, best_key = None, None
            for day in days:
                if day in used or per_quarter[quarter_of(day)] >= rule.max_per_quarter:
                    continue
                if monthly is not None and per_month[day.month] >= monthly:
                    continue
                region = slots_by_day[day][0].region
                if district_cap is not None and district and \
                        district_load[district, day] >= district_cap:
                    continue
                if region_cap is not None and region_load[region, day] >= region_cap:
                    continue
                crowded = target is not None and region_load[region, day] >= target
                key = (crowded, abs((day - aim).days), day)
                if best_key is None or key < best_key:
                    best, best_key = day, key
            if best is None:
                break
            cand = slots_by_day[best][0]
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
