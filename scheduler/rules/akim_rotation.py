"""AKIM-ROTATION (S-2023A, the November 2023 amendment of the akims' decree, as reported):
a region-level akim holds a planned meeting in each district and city district of his
region that he did not visit in the previous half-year (``visit_history``); a district
akim holds ``okrug_per_half`` planned meetings in each rural okrug of his district; with
``max_per_month``, a region-level or district akim holds at most that many planned
meetings a month.

The regional akim's meetings carry their district as a decision (``district_units``: one
candidate per slot and district unit), each unit at most once in the half-year (the
rotation of FREQ-AKIM); district and rural akims meet in their own district, their rural
okrugs assigned after the solve (``assign_okrugs``: in date order, okrug by okrug)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import AkimLevel, Instance, Official
from scheduler.meetings import Meeting, MeetingKind
from scheduler.profile import AkimRotation, AkimSpread, Profile
from scheduler.rules.text import title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = AkimRotation
ID = PARAMS.rule_id
OWED_KINDS = ("district", "city_district")


def district_units(instance: Instance, profile: Profile) -> dict[str, tuple[str, ...]]:
    """Regional akims whose meetings name a district as a decision of the model (when
    AKIM-ROTATION or AKIM-SPREAD is on and the region lists its districts): their units."""
    if not (profile.on(PARAMS) or profile.on(AkimSpread)):
        return {}
    out = {}
    for official in instance.heads():
        if instance.is_regional_akim(official):
            region = instance.region(instance.home_region(official))
            if region.districts:
                out[official.id] = tuple(d.id for d in region.districts)
    return out


def owed_districts(instance: Instance, official: Official) -> list[str]:
    """The districts (and city districts) of the akim's region he did not visit in the
    previous half-year."""
    history = instance.visit_history
    seen = {v.district_id for v in history.visits if v.official_id == official.id} \
        if history else set()
    region = instance.region(instance.home_region(official))
    return [d.id for d in region.districts if d.kind.value in OWED_KINDS and d.id not in seen]


def okrugs_of(instance: Instance, official: Official) -> list[str]:
    """The rural okrugs of a district akim's district."""
    if not official.district_id:
        return []
    region = instance.region(instance.home_region(official))
    district = next((d for d in region.districts if d.id == official.district_id), None)
    return [k.id for k in district.okrugs] if district else []


def owed_meetings(instance: Instance, profile: Profile, official: Official) -> int:
    """Planned meetings AKIM-ROTATION asks of a district akim (0 for the others)."""
    if not profile.on(PARAMS) or official.akim_level is not AkimLevel.district:
        return 0
    return profile.get(PARAMS).okrug_per_half * len(okrugs_of(instance, official))


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    units = district_units(m.instance, m.profile)
    by_unit: dict[tuple[str, str], list] = defaultdict(list)
    planned_unit: dict[tuple[str, str], list] = defaultdict(list)
    by_month: dict[tuple[str, int, int], list] = defaultdict(list)
    akims = {o.id for o in m.duty if m.instance.is_akimat(o.body_id)}
    for cand, var in m.ids.items():
        if cand.official not in akims:
            continue  # (a minister has no district to visit, no monthly limit here)
        if cand.district is not None:
            by_unit[cand.official, cand.district].append(var)
            if cand.kind is MeetingKind.planned:
                planned_unit[cand.official, cand.district].append(var)
        if cand.kind is MeetingKind.planned:
            by_month[cand.official, cand.slot.date.year, cand.slot.date.month].append(var)
    monthly = set()
    for official in m.duty:
        if not m.instance.is_akimat(official.body_id):
            continue
        if m.instance.is_regional_akim(official) and rule.region_akims:
            monthly.add(official.id)
            for district in owed_districts(m.instance, official) if official.id in units else ():
                m.add_sum(planned_unit.get((official.id, district), []),
                          (ID, official.id, district), least=1)
        elif official.akim_level is AkimLevel.district:
            monthly.add(official.id)
            need = owed_meetings(m.instance, m.profile, official)
            if need:
                held = sum(m.planned_in_quarter(official.id, q)
                           for q in m.instance.horizon.quarters)
                m.add(held >= need, (ID, official.id, "okrugs"))
    for (official, district), held in by_unit.items():  # each unit once (FREQ-AKIM's rotation)
        if len(held) > 1:
            m.add_sum(held, (ID, official, district, "once"), most=1)
    if rule.max_per_month is not None:
        for (official, year, month), held in by_month.items():
            if official in monthly and len(held) > rule.max_per_month:
                m.add_sum(held, (ID, official, f"{year}-{month:02d}"), most=rule.max_per_month)


def assign_okrugs(instance: Instance, meetings: list[Meeting]) -> list[Meeting]:
    """Rural akims meet in their own okrug; a district akim's meetings go, in date order,
    to the rural okrugs of his district, one after another (round after round)."""
    okrug_of: dict[str, str] = {}
    done: dict[str, int] = defaultdict(int)
    for m in sorted(meetings, key=lambda m: (m.date, m.start, m.id)):
        official = instance.official(m.official_id)
        if official.okrug_id:
            okrug_of[m.id] = official.okrug_id
        elif official.akim_level is AkimLevel.district:
            okrugs = okrugs_of(instance, official)
            if okrugs and m.kind is MeetingKind.planned:
                okrug_of[m.id] = okrugs[done[official.id] % len(okrugs)]
                done[official.id] += 1
    return [m.model_copy(update={"okrug_id": okrug_of[m.id]}) if m.id in okrug_of else m
            for m in meetings]


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, what, *rest = key[1:]
    name = f"the {title(instance, who)}"
    if what == "okrugs":
        return (f"{name[:1].upper() + name[1:]} must meet in each rural okrug of his district "
                f"this half-year", "free dates for the district akim")
    if rest == ["once"]:
        return (f"{name[:1].upper() + name[1:]} visits each district once in the half-year",
                "let the akim return to a district")
    if "-" in str(what) and len(str(what)) == 7:
        return (f"{name[:1].upper() + name[1:]} holds at most "
                f"{profile.get(PARAMS).max_per_month} planned meetings in {what}",
                "allow more meetings a month (AKIM-ROTATION max_per_month)")
    return (f"{name[:1].upper() + name[1:]} must meet in district '{what}' this half-year "
            f"(not visited in the previous one)", "free a date for the regional akim")
