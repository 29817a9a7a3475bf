"""TV-LIVE (kz-2018): ministers' meetings are broadcast live on national TV, at most
``tv_channels`` at once nationwide. Links the ministers."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance, Official
from scheduler.profile import Profile, TvLive

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = TvLive
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    channels = m.profile.get(PARAMS).tv_channels
    by_slot = defaultdict(list)
    for cand, var in m.vars.items():
        if cand.ministerial:
            by_slot[cand.slot].append(var)
    for slot, held in by_slot.items():
        if len(held) > channels:
            m.add(sum(held) <= channels, (ID, slot.date, slot.start))


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return {o.id for o in officials if instance.is_ministerial(o.body_id)}


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    day, start = key[1:]
    channels = profile.get(PARAMS).tv_channels
    return (f"Only {channels} ministerial meeting(s) can be broadcast on {day} at {start}",
            "add a TV channel (TV-LIVE tv_channels)")
