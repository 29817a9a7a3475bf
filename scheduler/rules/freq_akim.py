"""FREQ-AKIM: regional akims hold ``region_min_per_quarter`` planned meetings each
quarter, district and rural akims ``district_min_per_half`` / ``rural_min_per_half`` in
the half-year, every akim at most ``max_per_quarter`` a quarter. The districts a regional
akim rotates over are assigned after the solve (``rotate_districts``): they touch no
other rule."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import AkimLevel, Instance
from scheduler.meetings import Meeting
from scheduler.profile import FreqAkim, Profile
from scheduler.rules.text import title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = FreqAkim
ID = PARAMS.rule_id


def least_per_half(rule: FreqAkim, level: AkimLevel) -> int:
    """A district or rural akim's meetings owed in the half-year."""
    return rule.district_min_per_half if level is AkimLevel.district else rule.rural_min_per_half


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    quarters = m.instance.horizon.quarters
    for official in m.duty:
        if not m.instance.is_akimat(official.body_id):
            continue
        per_quarter = {q: m.planned_in_quarter(official.id, q) for q in quarters}
        for q, held in per_quarter.items():
            m.add(held <= rule.max_per_quarter, (ID, official.id, q))
        if m.instance.is_regional_akim(official):
            for q, held in per_quarter.items():
                m.add(held >= rule.region_min_per_quarter, (ID, official.id, q))
        else:
            m.add(sum(per_quarter.values()) >= least_per_half(rule, official.akim_level),
                  (ID, official.id, "half"))


def rotate_districts(instance: Instance, meetings: list[Meeting]) -> list[Meeting]:
    """A regional akim's meetings go, in date order, to the districts of his region he has
    not visited yet (a new round once all are visited); district and rural akims meet in
    their own district."""
    district_of: dict[str, str] = {}
    visited: dict[str, list[str]] = defaultdict(list)
    for m in sorted(meetings, key=lambda m: (m.date, m.start, m.id)):
        official = instance.official(m.official_id)
        if official.district_id:
            district_of[m.id] = official.district_id
        elif m.district_id:  # chosen by the model (AKIM-ROTATION, AKIM-SPREAD)
            visited[m.official_id].append(m.district_id)
        elif instance.is_regional_akim(official):
            districts = [d.id for d in instance.region(m.region_id).districts]
            if districts:
                seen = visited[m.official_id]
                if len(seen) == len(districts):
                    seen.clear()
                district_of[m.id] = next(d for d in districts if d not in seen)
                seen.append(district_of[m.id])
    return [m.model_copy(update={"district_id": district_of[m.id]}) if m.id in district_of
            else m for m in meetings]


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, period = key[1:]
    when = "the half-year" if period == "half" else f"Q{period} {instance.horizon.year}"
    return (f"The {title(instance, who)} must hold a meeting with his population in {when}",
            f"free a date in {when} for the {title(instance, who)} or a deputy")
