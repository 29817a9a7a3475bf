"""AKIM-SPREAD (the project's): akims of every level spread over the days. At most
``district_per_day`` akims' meetings a day in one district, at most ``region_per_day`` a
day in one region; ``w_crowd`` per akim's meeting beyond ``region_day_target`` on one day in
one region. Meetings planned outside the model (independent district and rural akims,
spread over the half-year by ``scheduler.model.independent``) count as constants."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import AkimSpread, Profile
from scheduler.rules.text import day_text
from scheduler.rules.text import region as region_name

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = AkimSpread
ID = PARAMS.rule_id
WEIGHTS = ("w_crowd",)


def district_of(m: CalendarModel, cand) -> str | None:
    """The district an akim's candidate meeting is held in (None: not known before the
    solve, or not an akim's)."""
    if cand.district is not None:
        return cand.district
    return m.instance.official(cand.official).district_id


def _loads(m: CalendarModel):
    """The akims' meetings a day: fixed ones counted by district and by region, the
    model's (proto indices) listed by district and by region; built once per model."""
    if "_akim_spread_loads" not in m.__dict__:
        m.__dict__["_akim_spread_loads"] = _count_loads(m)
    return m.__dict__["_akim_spread_loads"]


def _count_loads(m: CalendarModel):
    fixed_district, fixed_region = Counter(), Counter()
    for held in m.fixed.values():
        for cand in held:
            fixed_region[cand.region, cand.slot.date] += 1
            district = district_of(m, cand)
            if district:
                fixed_district[district, cand.slot.date] += 1
    by_district, by_region = defaultdict(list), defaultdict(list)
    akimats = {b.id for b in m.instance.bodies if m.instance.is_akimat(b.id)}
    for cand, var in m.ids.items():
        if cand.body not in akimats:
            continue
        day = cand.slot.date
        by_region[cand.region, day].append(var)
        district = district_of(m, cand)
        if district:
            by_district[district, day].append(var)
    return fixed_district, fixed_region, by_district, by_region


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    fixed_district, fixed_region, by_district, by_region = _loads(m)
    for (district, day), held in by_district.items():
        room = rule.district_per_day - fixed_district[district, day]
        if len(held) > room:
            m.add_sum(held, (ID, district, day), most=max(0, room))
    if rule.region_per_day is not None:
        for (region, day), held in by_region.items():
            room = rule.region_per_day - fixed_region[region, day]
            if len(held) > room:
                m.add_sum(held, (ID, region, day), most=max(0, room))


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    if not rule.w_crowd:
        return 0
    _, fixed_region, _, by_region = _loads(m)
    terms, constant = [], 0
    for key in sorted(set(fixed_region) | set(by_region)):
        held, fixed = by_region.get(key, []), fixed_region[key]
        if fixed + len(held) <= rule.region_day_target:
            continue
        if not held:
            constant += fixed - rule.region_day_target
            continue
        most = fixed + len(held) - rule.region_day_target
        extra = m.model.new_int_var(max(0, fixed - rule.region_day_target), most,
                                    f"crowd[{key[0]},{key[1]}]")
        m.add_sum([*held, extra.index], None, most=rule.region_day_target - fixed,
                  coeffs=[1] * len(held) + [-1])  # extra >= fixed + sum(held) - target
        terms.append(extra)
    return rule.w_crowd * (sum(terms) + constant)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    where, day = key[1:]
    rule = profile.get(PARAMS)
    if any(r.id == where for r in instance.regions):
        return (f"{region_name(instance, where)} hosts at most {rule.region_per_day} akims' "
                f"meetings on {day_text(day)}", "let the region host more (AKIM-SPREAD)")
    return (f"District '{where}' hosts at most {rule.district_per_day} akims' meeting(s) on "
            f"{day_text(day)}", "let the district host more (AKIM-SPREAD district_per_day)")
