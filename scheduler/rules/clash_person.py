"""CLASH-PERSON: a presenter holds at most one meeting at a time and ``max_per_day``
meetings a day (his own meetings only: it links nobody)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import ClashPerson, Profile
from scheduler.rules.text import day_text, title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = ClashPerson
ID = PARAMS.rule_id


def max_per_day(profile: Profile) -> int | None:
    """Meetings a presenter may hold a day (None with the rule off)."""
    return profile.get(PARAMS).max_per_day if profile.on(PARAMS) else None


def constrain(m: CalendarModel) -> None:
    most = m.profile.get(PARAMS).max_per_day
    for (person, day), held in m.by_presenter_day.items():
        if len(held) > most:
            m.add_sum(held, (ID, person, day), most=most)
    if most > 1:
        by_slot = defaultdict(list)
        for cand, var in m.ids.items():
            by_slot[cand.presenter, cand.slot].append(var)
        for (person, slot), held in by_slot.items():
            if len(held) > 1:
                m.add_sum(held, (ID, person, slot.date), most=1)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, day = key[1:]
    most = profile.get(PARAMS).max_per_day
    return (f"The {title(instance, who)} holds at most {most} meeting(s) on {day_text(day)}",
            f"allow more meetings a day (CLASH-PERSON max_per_day > {most})")
