"""The independent district and rural akims' meetings (scheduler/model/independent.py) are
those of the straightforward placement: every candidate of theirs made by
``create_candidates``, sorted by slot, the earliest taken or, under AKIM-SPREAD and
AKIM-ROTATION, each meeting's day chosen by a scan of all his days."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from test_rules import _district_instance

from scheduler import rules
from scheduler.instance import AkimLevel, Instance, quarter_of
from scheduler.io import load_instance, load_profile
from scheduler.meetings import MeetingKind
from scheduler.model.independent import independent_meetings
from scheduler.model.variables import create_candidates, duty_officials
from scheduler.profile import AkimRotation, AkimSpread, FreqAkim
from scheduler.rules import clash_person
from scheduler.rules.akim_rotation import owed_meetings
from scheduler.rules.freq_akim import least_per_half

ROOT = Path(__file__).resolve().parent.parent


def reference(instance, profile):
    """independent_meetings as first written (before issue 16's cheaper placement)."""
    if not profile.on(FreqAkim):
        return {}
    rule = profile.get(FreqAkim)
    max_per_day = clash_person.max_per_day(profile) or 1
    lower_akims = [o for o in duty_officials(instance, profile) if instance.is_akimat(o.body_id)
                   and o.akim_level in (AkimLevel.district, AkimLevel.rural)]
    linked: set[str] = set()
    for linking in rules.linking(profile):
        linked |= linking.linked(instance, profile, lower_akims)
    lower = {o.id: max(least_per_half(rule, o.akim_level), owed_meetings(instance, profile, o))
             for o in lower_akims if o.id not in linked}
    if not lower:
        return {}
    own = defaultdict(list)
    for cand in create_candidates(instance, profile, free=set(lower)):
        if cand.official in lower and cand.presenter == cand.official \
                and cand.kind is MeetingKind.planned:
            own[cand.official].append(cand)
    own = {o: sorted(own[o], key=lambda c: c.slot) for o in lower}
    spread = profile.get(AkimSpread) if profile.on(AkimSpread) else None
    monthly = profile.get(AkimRotation).max_per_month if profile.on(AkimRotation) else None
    chosen = {}
    if spread is None and monthly is None:
        for official, need in lower.items():
            picked, per_day, per_quarter = [], Counter(), Counter()
            for cand in own[official]:
                if len(picked) < need and per_day[cand.slot.date] < max_per_day \
                        and per_quarter[cand.slot.quarter] < rule.max_per_quarter \
                        and all(p.slot != cand.slot for p in picked):
                    picked.append(cand)
                    per_day[cand.slot.date] += 1
                    per_quarter[cand.slot.quarter] += 1
            if len(picked) == need:
                chosen[official] = picked
        return chosen
    district_load, region_load = Counter(), Counter()
    for official in sorted(lower, key=lambda o: (instance.official(o).district_id or "",
                                                 -lower[o], o)):
        need, district = lower[official], instance.official(official).district_id
        first: dict[dt.date, object] = {}
        for cand in own[official]:
            first.setdefault(cand.slot.date, cand)
        days = sorted(first)
        if len(days) < need:
            continue
        picked, per_quarter, per_month = [], Counter(), Counter()
        for k in range(need):
            aim = days[min(len(days) - 1, int((k + 0.5) * len(days) / need))]
            keys = []
            for day in days:
                region = first[day].region
                if day in {p.slot.date for p in picked} \
                        or per_quarter[quarter_of(day)] >= rule.max_per_quarter \
                        or (monthly is not None and per_month[day.month] >= monthly) \
                        or (spread and district
                            and district_load[district, day] >= spread.district_per_day) \
                        or (spread and spread.region_per_day is not None
                            and region_load[region, day] >= spread.region_per_day):
                    continue
                crowded = bool(spread) and region_load[region, day] >= spread.region_day_target
                keys.append((crowded, abs((day - aim).days), day))
            if not keys:
                break
            best = min(keys)[2]
            picked.append(first[best])
            per_quarter[quarter_of(best)] += 1
            per_month[best.month] += 1
            district_load[district, best] += bool(district)
            region_load[first[best].region, best] += 1
        if len(picked) == need:
            chosen[official] = picked
        else:
            for cand in picked:
                district_load[district, cand.slot.date] -= bool(district)
                region_load[cand.region, cand.slot.date] -= 1
    return chosen


def _pavlodar() -> Instance:
    return load_instance(ROOT / "benchmarks/instances/region-all-levels/pavlodar-all-levels.json")


def _pavlodar_away_and_blocked() -> Instance:
    """Pavlodar with some district and rural akims away for a while (SUBST-DEPUTY) and
    a blocked fortnight (REGION-AGREE)."""
    inst = _pavlodar()
    lower = [o.id for o in inst.officials if o.akim_level in (AkimLevel.district,
                                                                AkimLevel.rural)]
    absences = [{"official_id": o, "start": dt.date(2027, 1, 10) + dt.timedelta(days=7 * n),
                 "end": dt.date(2027, 2, 20) + dt.timedelta(days=9 * n), "reason": "illness"}
                for n, o in enumerate(lower[::9])]
    blocked = [{"region_id": "pavlodar", "date": dt.date(2027, 3, 1) + dt.timedelta(days=n),
                "kind": "blocked"} for n in range(14)]
    data = inst.model_dump()
    return Instance.model_validate({**data, "absences": [*data["absences"], *absences],
                                    "region_dates": [*data["region_dates"], *blocked]})


def _profiles():
    kz2024 = load_profile("kz-2024")
    return {
        "kz-2024": kz2024,
        "crowded": kz2024.with_params("AKIM-SPREAD", region_day_target=1, region_per_day=3),
        "monthly": kz2024.with_params("AKIM-ROTATION", max_per_month=1)
                         .with_params("FREQ-AKIM", max_per_quarter=2),
        "no-spread": kz2024.without("AKIM-SPREAD"),
        "earliest": kz2024.without("AKIM-SPREAD", "AKIM-ROTATION")
                          .with_params("FREQ-AKIM", district_min_per_half=5, rural_min_per_half=3)
                          .with_params("CLASH-PERSON", max_per_day=2),
        "no-lead-no-subst": kz2024.without("TIME-LEAD", "SUBST-DEPUTY"),
    }


INSTANCES = {
    "districts": _district_instance,
    "pavlodar": _pavlodar,
    "pavlodar-away-blocked": _pavlodar_away_and_blocked,
    "scale-0200": lambda: load_instance(ROOT / "benchmarks/instances/scale/scale-0200.json"),
}


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_independent_meetings_are_the_straightforward_ones(name):
    inst = INSTANCES[name]()
    for label, profile in _profiles().items():
        got, want = independent_meetings(inst, profile), reference(inst, profile)
        assert want, (name, label)  # the case places someone
        assert list(got) == list(want), (name, label)
        assert got == want, (name, label)
