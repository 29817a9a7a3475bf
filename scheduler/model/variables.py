"""The decision grid: one Boolean per possible meeting.

A candidate meeting is (official, presenter, region, slot, kind, alert). Only candidates
that the rules' grid filters allow are created (``scheduler/rules/``): SCOPE-EXEMPT (who
has a duty), TIME-HORIZON and TIME-OFFHOURS (the slot grid), TIME-LEAD (the earliest
planned date), SUBST-DEPUTY (who may present on a day), REGION-AGREE (blocked dates),
FREQ-WINDOW (the quarter of a body's planned meetings), URGENT-TENSION and EXTRA-DEMAND
(out-of-schedule windows). An explanation model keeps what the filters of TIME-OFFHOURS's
days off, TIME-LEAD, SUBST-DEPUTY, REGION-AGREE and FREQ-WINDOW leave out, each candidate
with the guards (rule instances) that leave it out, so that with all of them on it is
exactly the planning model.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from scheduler.instance import Instance, Official, quarter_of
from scheduler.meetings import MeetingKind
from scheduler.profile import Profile
from scheduler.rules import freq_window, region_agree, subst_deputy, time_lead, time_offhours
from scheduler.rules.akim_rotation import district_units
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.subst_deputy import Availability, presenter_guards
from scheduler.rules.urgent_tension import alert_duties, alert_window
from scheduler.slots import Slot

__all__ = ["Availability", "Candidate", "alert_duties", "create_candidates", "duty_officials"]


class Candidate(NamedTuple):
    """A possible meeting. A named tuple: made and hashed in C (a model holds tens of
    thousands, each a key of several dicts)."""

    official: str
    presenter: str
    body: str
    region: str
    slot: Slot
    kind: MeetingKind = MeetingKind.planned
    alert: str | None = None
    ministerial: bool = False  # a meeting of a ministry (CEB)
    district: str | None = None  # a regional akim's district, when the model chooses it


def create_candidates(instance: Instance, profile: Profile, *, first_day: dt.date | None = None,
                      earliest: dt.date | None = None, free: set[str] | None = None,
                      guards: dict[Candidate, tuple[tuple, ...]] | None = None) -> list[Candidate]:
    """Every meeting the rules allow; re-planning passes ``first_day`` (nothing before
    it), ``earliest`` (no newly placed planned meeting before it) and ``free`` (the
    officials whose planned meetings may be placed anew; None: everyone).

    Given a ``guards`` dict (explanations), also every meeting a grid filter leaves out,
    and ``guards`` maps each of these to the rule instances that leave it out (each
    rule's guard). The unguarded candidates are exactly those made without ``guards``, in
    the same order: every filter is here.
    """
    relax = guards is not None
    if relax:
        grid, holidays = time_offhours.explanation_grid(instance, profile)
    else:
        grid, holidays = time_offhours.slot_grid(instance, profile), {}
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in grid:
        if first_day is None or slot.date >= first_day:
            by_day[slot.date].append(slot)
    avail = Availability(instance)
    blocked = region_agree.blocked_dates(instance, profile)
    leads = {akims: time_lead.earliest_planned_date(instance, profile, akims=akims)
             for akims in (False, True)}  # ministers and rectors; akims
    all_regions = [r.id for r in instance.regions]
    units = district_units(instance, profile)  # AKIM-ROTATION, AKIM-SPREAD
    out: list[Candidate] = []

    def grid_days(kind: MeetingKind, first=dt.date.min, last=dt.date.max,
                  lead=dt.date.min) -> list[tuple]:
        """The days of the grid from first to last, each with the guards that leave out
        its meetings of that kind (planned ones before ``lead``)."""
        chosen = []
        for day in by_day:
            keys = (time_offhours.guard(day),) if day in holidays else ()
            if kind is MeetingKind.planned and day < lead:
                keys += (time_lead.GUARD,)
            if first <= day <= last and (relax or not keys):
                chosen.append((day, keys))
        return chosen

    called = []  # (alert, official, the days of its window) for every meeting an alert owes
    for rule, alert, official in alert_duties(instance, profile):
        window = alert_window(alert, profile.get(rule))
        called.append((alert, official, grid_days(MeetingKind.out_of_schedule, *window)))
    urgent_days = {(official.id, d) for _, official, window in called for d, _ in window} \
        if subst_deputy.urgent_handover(profile) else set()

    def add(official: Official, regions: list[str], days, kind: MeetingKind, alert=None) -> None:
        ministerial = instance.is_ministerial(official.body_id)
        oid, body = official.id, official.body_id
        districts = units.get(oid, (None,))
        quarter = freq_window.window(instance, profile, official) \
            if kind is MeetingKind.planned else None
        for day, on_day in days:
            if quarter is not None and quarter_of(day) != quarter:
                if not relax:
                    continue
                on_day = (*on_day, freq_window.guard(oid))
            urgent_day = kind is MeetingKind.planned and (official.id, day) in urgent_days
            who = presenter_guards(instance, profile, avail, official, day, urgent_day,
                                   kind is MeetingKind.out_of_schedule)
            who = [(person, on_day + keys) for person, keys in who if relax or not keys]
            slots = by_day.get(day, ())
            for region in regions:
                if (region, day) in blocked:
                    if not relax:
                        continue
                    who_here = [(person, (*keys, region_agree.guard(region)))
                                for person, keys in who]
                else:
                    who_here = who
                for slot in slots:
                    for person, keys in who_here:
                        for district in districts:
                            cand = Candidate(oid, person, body, region, slot, kind, alert,
                                             ministerial, district)
                            out.append(cand)
                            if keys:
                                guards[cand] = keys

    planned_days = {akims: grid_days(MeetingKind.planned, earliest or dt.date.min, lead=lead)
                    for akims, lead in leads.items()}
    for official in duty_officials(instance, profile):
        if free is not None and official.id not in free:
            continue
        home = instance.home_region(official)
        add(official, [home] if home else all_regions,
            planned_days[time_lead.counts_from_akims_calendar(instance, official.body_id)],
            MeetingKind.planned)

    # URGENT-TENSION (ministries) and EXTRA-DEMAND (akimats): out-of-schedule meetings.
    for alert, official, window in called:
        add(official, [alert.region_id], window, MeetingKind.out_of_schedule, alert.id)
    return out
