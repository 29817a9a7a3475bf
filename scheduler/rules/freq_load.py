"""FREQ-LOAD (the project's): ``w_extra`` per planned meeting of a minister beyond
``free_per_quarter`` in a quarter: a minister's time has a price, so a meeting beyond the
minimum is planned only where the issues it meets outweigh it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import AkimLevel
from scheduler.profile import AkimRotation, FreqAkim, FreqLoad
from scheduler.rules.akim_rotation import okrugs_of, owed_districts

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = FreqLoad
ID = PARAMS.rule_id
WEIGHTS = ("w_extra", "w_extra_akim")


def akim_owes(m: CalendarModel, official) -> int:
    """Planned meetings FREQ-AKIM and AKIM-ROTATION ask of an akim in the half-year."""
    freq, rotation = m.profile.get(FreqAkim), m.profile.get(AkimRotation)
    freq_on, rotation_on = m.profile.on(FreqAkim), m.profile.on(AkimRotation)
    level = official.akim_level or AkimLevel.region
    if level is AkimLevel.region:
        need = freq.region_min_per_quarter * len(m.instance.horizon.quarters) if freq_on else 0
        if rotation_on and rotation.region_akims:
            need = max(need, len(owed_districts(m.instance, official)))
        return need
    if level is AkimLevel.district:
        need = freq.district_min_per_half if freq_on else 0
        if rotation_on:
            need = max(need, rotation.okrug_per_half * len(okrugs_of(m.instance, official)))
        return need
    return freq.rural_min_per_half if freq_on else 0


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    akims = []
    for official in m.duty if rule.w_extra_akim else ():
        if not m.instance.is_akimat(official.body_id):
            continue
        held = [m.planned_in_quarter(official.id, q) for q in m.instance.horizon.quarters]
        held = [h for h in held if not isinstance(h, int)]
        if not held:
            continue
        owes = akim_owes(m, official)
        most = sum(m.upper_bound(h) for h in held)
        if most <= owes:
            continue
        extra = m.model.new_int_var(0, most - owes, f"akim_load[{official.id}]")
        m.model.add(extra >= sum(held) - owes)
        akims.append(extra)
    return rule.w_extra * _ministers(m, rule) + rule.w_extra_akim * sum(akims)


def _ministers(m: CalendarModel, rule: FreqLoad):
    if not rule.w_extra:
        return 0
    extras = []
    for official in m.duty:
        if not m.instance.is_ministerial(official.body_id):
            continue
        for q in m.instance.horizon.quarters:
            held = m.planned_in_quarter(official.id, q)
            if isinstance(held, int):
                continue
            most = m.upper_bound(held)
            if most <= rule.free_per_quarter:
                continue
            extra = m.model.new_int_var(0, most - rule.free_per_quarter,
                                        f"load[{official.id},{q}]")
            m.model.add(extra >= held - rule.free_per_quarter)
            extras.append(extra)
    return sum(extras)
