"""The decision grid: one Boolean per possible meeting.

A candidate meeting is (official, presenter, region, slot, kind, alert). Only candidates
that the domain rules allow are created, and each filter below names its rule id:
SCOPE-EXEMPT (who has a duty), TIME-HORIZON and TIME-OFFHOURS (the slot grid),
TIME-LEAD (the earliest planned date), SUBST-DEPUTY (who may present on a day),
REGION-AGREE (blocked dates), URGENT-TENSION and EXTRA-DEMAND (out-of-schedule windows).
An explanation model keeps what the filters of TIME-OFFHOURS's holidays, TIME-LEAD,
SUBST-DEPUTY and REGION-AGREE leave out, each candidate with the rule instances that
leave it out, so that with all of them on it is exactly the planning model.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from scheduler.instance import AlertLevel, BodyKind, Instance, Official, TensionAlert
from scheduler.meetings import MeetingKind
from scheduler.profile import Profile
from scheduler.slots import Slot, days_off, earliest_planned_date, lead_group, slot_grid


@dataclass(frozen=True, slots=True)
class Candidate:
    official: str
    presenter: str
    body: str
    region: str
    slot: Slot
    kind: MeetingKind = MeetingKind.planned
    alert: str | None = None
    ministerial: bool = False  # a meeting of a ministry (CEB)


class Availability:
    """Who is away on which day, and why (from the instance's absences)."""

    def __init__(self, instance: Instance) -> None:
        self.away: dict[tuple[str, dt.date], str] = {}
        self.starts: dict[tuple[str, dt.date], list[dt.date]] = defaultdict(list)
        for a in instance.absences:
            day = a.start
            while day <= a.end:
                self.away.setdefault((a.official_id, day), a.reason.value)
                self.starts[a.official_id, day].append(a.start)
                day += dt.timedelta(days=1)

    def reason(self, person: str, day: dt.date) -> str | None:
        return self.away.get((person, day))

    def absences(self, person: str, day: dt.date) -> tuple[tuple, ...]:
        """SUBST-DEPUTY: the rule instances (one per absence) that keep him from presenting."""
        return tuple(("SUBST-DEPUTY", person, start) for start in self.starts.get((person, day), ()))


def exempt_bodies(profile: Profile) -> set[str]:
    """SCOPE-EXEMPT: bodies whose heads have no meeting duty."""
    return set(profile.get("SCOPE-EXEMPT").exempt_bodies) if profile.on("SCOPE-EXEMPT") else set()


def duty_officials(instance: Instance, profile: Profile) -> list[Official]:
    """First heads who hold meetings: ministers of non-exempt bodies, akims, rectors."""
    exempt = exempt_bodies(profile)
    return [o for o in instance.heads() if o.body_id not in exempt]


def presenter_guards(instance: Instance, profile: Profile, avail: Availability,
                     official: Official, day: dt.date, urgent_day: bool = False,
                     out_of_schedule: bool = False) -> list[tuple[str, tuple[tuple, ...]]]:
    """SUBST-DEPUTY: who might present the official's meeting on a day, each with the rule
    instances that forbid it (none: he may). The head himself, unless he is away; his
    deputies, only when he is away or may be called to an out-of-schedule meeting
    (``urgent_day``: URGENT-TENSION takes precedence, and the constraint group SUBST-DEPUTY
    allows it only if he does hold one that day), and only if they are not away
    themselves, his body is not among ``excluded_bodies`` and his absence's reason is
    among ``reasons``; for an ``out_of_schedule`` meeting only under the switch
    ``out_of_schedule``, for an akim only under ``akims``. With SUBST-DEPUTY off, absences
    do not count and nobody stands in.
    """
    if (not urgent_day and (official.id, day) not in avail.away) or not profile.on("SUBST-DEPUTY"):
        return [(official.id, ())]  # the common case first: no need to look for deputies
    own = avail.absences(official.id, day)
    rule = profile.get("SUBST-DEPUTY")
    barred: tuple[tuple, ...] = ()
    if official.body_id in rule.excluded_bodies:
        barred += (("SUBST-DEPUTY", "excluded_bodies", official.body_id),)
    if out_of_schedule and not rule.out_of_schedule:
        barred += (("SUBST-DEPUTY", "out_of_schedule"),)
    if not rule.akims and instance.body(official.body_id).kind is BodyKind.akimat:
        barred += (("SUBST-DEPUTY", "akims"),)
    reason = avail.reason(official.id, day)
    if reason is not None and reason not in rule.reasons:
        barred += (("SUBST-DEPUTY", "reasons", reason),)
    return [(official.id, own)] + [(d.id, barred + avail.absences(d.id, day))
                                   for d in instance.deputies_of(official.id)]


def presenters(instance: Instance, profile: Profile, avail: Availability,
               official: Official, day: dt.date, urgent_day: bool = False,
               out_of_schedule: bool = False) -> list[str]:
    """SUBST-DEPUTY: the head himself if he is there, else his available deputies (see
    ``presenter_guards``)."""
    return [person for person, keys in presenter_guards(instance, profile, avail, official,
                                                        day, urgent_day, out_of_schedule)
            if not keys]


def blocked_dates(instance: Instance, profile: Profile) -> set[tuple[str, dt.date]]:
    """REGION-AGREE: (region, date) pairs the akimat has blocked."""
    if not profile.on("REGION-AGREE"):
        return set()
    return {(rd.region_id, rd.date) for rd in instance.region_dates if rd.kind.value == "blocked"}


def alert_window(alert: TensionAlert, rule) -> tuple[dt.date, dt.date]:
    days = rule.arisen_days if alert.level is AlertLevel.arisen else rule.forecast_days
    return alert.date, alert.date + dt.timedelta(days=days)


def create_candidates(instance: Instance, profile: Profile, *, first_day: dt.date | None = None,
                      earliest: dt.date | None = None, free: set[str] | None = None,
                      guards: dict[Candidate, tuple[tuple, ...]] | None = None) -> list[Candidate]:
    """Every meeting the domain rules allow; re-planning passes ``first_day`` (nothing
    before it), ``earliest`` (no newly placed planned meeting before it) and ``free`` (the
    officials whose planned meetings may be placed anew; None: everyone).

    Given a ``guards`` dict (explanations), also every meeting a domain rule leaves out,
    and ``guards`` maps each of these to the rule instances that leave it out:
    ("TIME-LEAD",), ("TIME-OFFHOURS", holiday), ("REGION-AGREE", region) for its blocked
    dates and the keys of ``presenter_guards`` (SUBST-DEPUTY). The unguarded candidates
    are exactly those made without ``guards``, in the same order: every filter is here.
    """
    relax = guards is not None
    holidays: dict[dt.date, str] = {}
    grid_profile = profile
    if profile.on("TIME-OFFHOURS") and not profile.get("TIME-OFFHOURS").use_public_holidays:
        holidays = days_off(instance)  # left out below, guarded
        grid_profile = profile.with_params("TIME-OFFHOURS", use_public_holidays=True)
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in slot_grid(instance, grid_profile):
        if first_day is None or slot.date >= first_day:
            by_day[slot.date].append(slot)
    avail = Availability(instance)
    blocked = blocked_dates(instance, profile)
    leads = {False: earliest_planned_date(instance, profile),  # TIME-LEAD: ministers, rectors
             True: earliest_planned_date(instance, profile, akims=True)}  # akims
    all_regions = [r.id for r in instance.regions]
    out: list[Candidate] = []

    def grid_days(kind: MeetingKind, first=dt.date.min, last=dt.date.max,
                  lead=dt.date.min) -> list[tuple]:
        """The days of the grid from first to last, each with the rule instances (TIME-*)
        that leave out its meetings of that kind (planned ones before ``lead``)."""
        chosen = []
        for day in by_day:
            keys = (("TIME-OFFHOURS", day),) if day in holidays else ()
            if kind is MeetingKind.planned and day < lead:
                keys += (("TIME-LEAD",),)
            if first <= day <= last and (relax or not keys):
                chosen.append((day, keys))
        return chosen

    called = []  # (alert, official, the days of its window) for every meeting an alert owes
    for rule_id, alert, official in alert_duties(instance, profile):
        window = alert_window(alert, profile.get(rule_id))
        called.append((alert, official, grid_days(MeetingKind.out_of_schedule, *window)))
    urgent_days = {(official.id, d) for _, official, window in called for d, _ in window} \
        if profile.get("SUBST-DEPUTY").urgent_handover else set()

    def add(official: Official, regions: list[str], days, kind: MeetingKind, alert=None) -> None:
        body = instance.body(official.body_id)
        ministerial = body.kind is BodyKind.ceb
        for day, on_day in days:
            urgent_day = kind is MeetingKind.planned and (official.id, day) in urgent_days
            who = presenter_guards(instance, profile, avail, official, day, urgent_day,
                                   kind is MeetingKind.out_of_schedule)
            who = [(person, on_day + keys) for person, keys in who if relax or not keys]
            for region in regions:
                if (region, day) in blocked:
                    if not relax:
                        continue
                    who_here = [(person, (*keys, ("REGION-AGREE", region))) for person, keys in who]
                else:
                    who_here = who
                for slot in by_day.get(day, ()):
                    for person, keys in who_here:
                        cand = Candidate(official.id, person, body.id, region, slot, kind, alert,
                                         ministerial)
                        out.append(cand)
                        if keys:
                            guards[cand] = keys

    duty = duty_officials(instance, profile)
    planned_days = {akims: grid_days(MeetingKind.planned, earliest or dt.date.min, lead=lead)
                    for akims, lead in leads.items()}
    for official in duty:
        if free is not None and official.id not in free:
            continue
        home = instance.home_region(official)
        add(official, [home] if home else all_regions,
            planned_days[lead_group(instance, official.body_id)], MeetingKind.planned)

    # URGENT-TENSION (ministries) and EXTRA-DEMAND (akimats): out-of-schedule meetings.
    for alert, official, window in called:
        add(official, [alert.region_id], window, MeetingKind.out_of_schedule, alert.id)
    return out


def alert_duties(instance: Instance, profile: Profile) -> list[tuple[str, TensionAlert, Official]]:
    """(rule id, alert, official) for every out-of-schedule meeting an alert calls for."""
    heads = {o.body_id: o for o in duty_officials(instance, profile)}
    owed = []
    for alert in instance.alerts:
        for body_id in alert.body_ids:
            kind = instance.body(body_id).kind
            rule_id = "URGENT-TENSION" if kind is BodyKind.ceb else "EXTRA-DEMAND"
            if profile.on(rule_id) and body_id in heads:
                owed.append((rule_id, alert, heads[body_id]))
    return owed
