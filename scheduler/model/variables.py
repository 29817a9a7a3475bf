"""The decision grid: one Boolean per possible meeting.

A candidate meeting is (official, presenter, region, slot, kind, alert). Only candidates
that the domain rules allow are created, and each filter below names its rule id:
SCOPE-EXEMPT (who has a duty), TIME-HORIZON and TIME-OFFHOURS (the slot grid),
TIME-LEAD (the earliest planned date), SUBST-DEPUTY (who may present on a day),
REGION-AGREE (blocked dates), URGENT-TENSION and EXTRA-DEMAND (out-of-schedule windows).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from scheduler.instance import AlertLevel, BodyKind, Instance, Official, TensionAlert
from scheduler.meetings import MeetingKind
from scheduler.profile import Profile
from scheduler.slots import Slot, days_off, earliest_planned_date, slot_grid


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
        for a in instance.absences:
            day = a.start
            while day <= a.end:
                self.away.setdefault((a.official_id, day), a.reason.value)
                day += dt.timedelta(days=1)

    def reason(self, person: str, day: dt.date) -> str | None:
        return self.away.get((person, day))


def exempt_bodies(profile: Profile) -> set[str]:
    """SCOPE-EXEMPT: bodies whose heads have no meeting duty."""
    return set(profile.get("SCOPE-EXEMPT").exempt_bodies) if profile.on("SCOPE-EXEMPT") else set()


def duty_officials(instance: Instance, profile: Profile) -> list[Official]:
    """First heads who hold meetings: ministers of non-exempt bodies, akims, rectors."""
    exempt = exempt_bodies(profile)
    return [o for o in instance.heads() if o.body_id not in exempt]


def presenters(instance: Instance, profile: Profile, avail: Availability,
               official: Official, day: dt.date, urgent_day: bool = False) -> list[str]:
    """SUBST-DEPUTY: the head himself if he is there, else his available deputies.

    On a day the head may be called to an out-of-schedule meeting (``urgent_day``), his
    deputies may also present his planned meetings: URGENT-TENSION takes precedence, and
    the constraint group SUBST-DEPUTY allows it only if he does hold one that day.
    """
    reason = avail.reason(official.id, day)
    if (reason is None and not urgent_day) or not profile.on("SUBST-DEPUTY"):
        return [official.id]  # the common case first: no need to look for deputies
    rule = profile.get("SUBST-DEPUTY")
    deputies = [d.id for d in instance.deputies_of(official.id) if avail.reason(d.id, day) is None]
    if official.body_id in rule.excluded_bodies:
        deputies = []
    if reason is None:
        return [official.id, *deputies]
    return deputies if reason in rule.reasons else []


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
                      relax: bool = False) -> list[Candidate]:
    """Every meeting the domain rules allow; re-planning passes ``first_day`` (nothing
    before it), ``earliest`` (no newly placed planned meeting before it) and ``free`` (the
    officials whose planned meetings may be placed anew; None: everyone). With ``relax``
    (explanations) the meetings that TIME-LEAD, the holidays of TIME-OFFHOURS,
    REGION-AGREE's blocked dates and absences (SUBST-DEPUTY) leave out are made too;
    ``domain_guards`` names what forbids each."""
    grid_profile = profile
    if relax and profile.on("TIME-OFFHOURS"):
        grid_profile = profile.with_params("TIME-OFFHOURS", use_public_holidays=True)
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in slot_grid(instance, grid_profile):
        if first_day is None or slot.date >= first_day:
            by_day[slot.date].append(slot)
    avail = Availability(instance)
    blocked = set() if relax else blocked_dates(instance, profile)
    earliest = dt.date.min if relax else max(earliest_planned_date(instance, profile),
                                             earliest or dt.date.min)
    all_regions = [r.id for r in instance.regions]
    out: list[Candidate] = []

    called = []  # (alert, official, the days of its window) for every meeting an alert owes
    for rule_id, alert, official in alert_duties(instance, profile):
        first, last = alert_window(alert, profile.get(rule_id))
        called.append((alert, official, [d for d in by_day if first <= d <= last]))
    urgent_days = {(official.id, d) for _, official, days in called for d in days}

    def add(official: Official, regions: list[str], days, kind: MeetingKind, alert=None) -> None:
        body = instance.body(official.body_id)
        ministerial = body.kind is BodyKind.ceb
        for day in days:
            urgent_day = kind is MeetingKind.planned and (official.id, day) in urgent_days
            who = presenters(instance, profile, avail, official, day, urgent_day)
            if relax:  # the absent may present too, guarded by their absence
                who = list(dict.fromkeys([official.id, *who, *(
                    d.id for d in instance.deputies_of(official.id)
                    if avail.reason(official.id, day) is not None)]))
            for region in regions:
                if (region, day) in blocked:
                    continue
                for slot in by_day.get(day, ()):
                    for person in who:
                        out.append(Candidate(official.id, person, body.id, region, slot, kind,
                                             alert, ministerial))

    duty = duty_officials(instance, profile)
    planned_days = [d for d in by_day if d >= earliest]
    for official in duty:
        if free is not None and official.id not in free:
            continue
        home = instance.home_region(official)
        add(official, [home] if home else all_regions, planned_days, MeetingKind.planned)

    # URGENT-TENSION (ministries) and EXTRA-DEMAND (akimats): out-of-schedule meetings.
    for alert, official, days in called:
        add(official, [alert.region_id], days, MeetingKind.out_of_schedule, alert.id)
    return out


def domain_guards(instance: Instance, profile: Profile):
    """A function naming the rule instances that leave a candidate out of the grid
    (explanations): TIME-LEAD, TIME-OFFHOURS's holidays, REGION-AGREE's blocked dates,
    the absences of SUBST-DEPUTY."""
    earliest = earliest_planned_date(instance, profile)
    offhours = profile.get("TIME-OFFHOURS")
    holidays = days_off(instance) if (profile.on("TIME-OFFHOURS")
                                      and not offhours.use_public_holidays) else {}
    blocked = blocked_dates(instance, profile)
    absences = instance.absences if profile.on("SUBST-DEPUTY") else ()

    def guards(cand: Candidate) -> list[tuple]:
        day = cand.slot.date
        keys: list[tuple] = []
        if cand.kind is MeetingKind.planned and profile.on("TIME-LEAD") and day < earliest:
            keys.append(("TIME-LEAD",))
        if day in holidays:
            keys.append(("TIME-OFFHOURS", day))
        if (cand.region, day) in blocked:  # one instance per region: its blocked dates
            keys.append(("REGION-AGREE", cand.region))
        keys += [("SUBST-DEPUTY", a.official_id, a.start) for a in absences
                 if a.official_id == cand.presenter and a.covers(day)]
        return keys
    return guards


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
