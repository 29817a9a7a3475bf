"""FREQ-WINDOW (kz-2016, kz-2018): planned meetings only in the quarter fixed for their
body's kind, and ``min_in_quarter`` to ``max_in_quarter`` of them there when that quarter
lies in the horizon. Links officials: the earliest free slots of an akim need not fall in
his quarter, so nobody is planned outside the model under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import BodyKind, Instance, Official
from scheduler.meetings import MeetingKind
from scheduler.profile import FreqWindow, Profile
from scheduler.rules.text import title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = FreqWindow
ID = PARAMS.rule_id


def window(instance: Instance, profile: Profile, official: Official) -> int | None:
    """The quarter the official's planned meetings must fall in (None: rule off). The grid
    filter (``create_candidates``): his planned meetings in other quarters are not made."""
    if not profile.on(PARAMS):
        return None
    rule = profile.get(PARAMS)
    return {BodyKind.akimat: rule.akims_quarter, BodyKind.ceb: rule.ministers_quarter,
            BodyKind.university: rule.rectors_quarter}[instance.body(official.body_id).kind]


def guard(official: str) -> tuple:
    """The rule instance that leaves out his planned meetings outside the quarter."""
    return (ID, official)


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    for cand in m.extra:  # (a re-plan's published meetings: no grid filter judged them)
        official = m.instance.official(cand.official)
        if cand.kind is MeetingKind.planned and \
                cand.slot.quarter != window(m.instance, m.profile, official):
            m.add(m.vars[cand] == 0, guard(cand.official))
    for official in m.duty:
        quarter = window(m.instance, m.profile, official)
        if quarter in m.instance.horizon.quarters:  # H1 has no rectors' Q3: nothing owed
            held = m.planned_in_quarter(official.id, quarter)
            key = (ID, official.id, quarter)
            m.add(held >= rule.min_in_quarter, key)
            m.add(held <= rule.max_in_quarter, key)


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    return {o.id for o in officials}


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who = key[1]
    return (f"The {title(instance, who)} holds his annual meeting only in the quarter "
            f"fixed for his post", "free a date in that quarter (FREQ-WINDOW)")
