"""SUBST-DEPUTY: nobody presents on a day he is away; a deputy presents for his head only
for an accepted reason (``reasons``), never for an ``excluded_bodies`` head, at an
out-of-schedule meeting only under ``out_of_schedule``, for an akim only under ``akims``,
and, under ``urgent_handover``, for a head who is there only while the head holds an
out-of-schedule meeting that day. Each substitution costs ``w_substitution``.

Grid filter: who may present on a day (``presenter_guards``). Explanation guards: the
absence ``(ID, person, start)`` and the switches ``(ID, "reasons", reason)``,
``(ID, "excluded_bodies", body)``, ``(ID, "out_of_schedule")``, ``(ID, "akims")``.
Constraint: the urgent handover. Cost: the substitutions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.instance import Instance, Official
from scheduler.meetings import MeetingKind
from scheduler.profile import Profile, SubstDeputy
from scheduler.rules.text import day_text, title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = SubstDeputy
ID = PARAMS.rule_id
WEIGHTS = ("w_substitution",)  # the cost's weights, as the explanation shows them


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
        """The guards (one per absence) that keep him from presenting that day."""
        return tuple((ID, person, start) for start in self.starts.get((person, day), ()))


def presenter_guards(instance: Instance, profile: Profile, avail: Availability,
                     official: Official, day: dt.date, urgent_day: bool = False,
                     out_of_schedule: bool = False) -> list[tuple[str, tuple[tuple, ...]]]:
    """Who might present the official's meeting on a day, each with the guards that
    forbid it (none: he may). The head himself, unless he is away; his deputies, only when
    he is away or may be called to an out-of-schedule meeting (``urgent_day``: the
    constraint below allows it only if he does hold one that day), and only if they are
    not away themselves, his body is not among ``excluded_bodies`` and his absence's
    reason is among ``reasons``; for an ``out_of_schedule`` meeting only under the switch
    ``out_of_schedule``, for an akim only under ``akims``. With the rule off, absences do
    not count and nobody stands in.
    """
    if (not urgent_day and (official.id, day) not in avail.away) or not profile.on(PARAMS):
        return [(official.id, ())]  # the common case first: no need to look for deputies
    own = avail.absences(official.id, day)
    rule = profile.get(PARAMS)
    barred: tuple[tuple, ...] = ()
    if official.body_id in rule.excluded_bodies:
        barred += ((ID, "excluded_bodies", official.body_id),)
    if out_of_schedule and not rule.out_of_schedule:
        barred += ((ID, "out_of_schedule"),)
    if not rule.akims and instance.is_akimat(official.body_id):
        barred += ((ID, "akims"),)
    reason = avail.reason(official.id, day)
    if reason is not None and reason not in rule.reasons:
        barred += ((ID, "reasons", reason),)
    return [(official.id, own)] + [(d.id, barred + avail.absences(d.id, day))
                                   for d in instance.deputies_of(official.id)]


def presenters(instance: Instance, profile: Profile, avail: Availability,
               official: Official, day: dt.date, urgent_day: bool = False,
               out_of_schedule: bool = False) -> list[str]:
    """The head himself if he is there, else his available deputies (see
    ``presenter_guards``)."""
    return [person for person, keys in presenter_guards(instance, profile, avail, official,
                                                        day, urgent_day, out_of_schedule)
            if not keys]


def urgent_handover(profile: Profile) -> bool:
    return profile.get(PARAMS).urgent_handover


def constrain(m: CalendarModel) -> None:
    """A deputy presents for a head who is there only while the head holds an urgent meeting.

    (Who may present at all, given absences, is decided where candidates are made.)
    """
    absent = m.availability
    urgent = defaultdict(list)
    for cand in m.out_of_schedule:
        if cand.presenter == cand.official:
            urgent[cand.official, cand.slot.date].append(m.ids[cand])
    for cand in m.deputised:
        if (cand.kind is MeetingKind.planned
                and absent.reason(cand.official, cand.slot.date) is None):
            held = urgent[cand.official, cand.slot.date]  # var <= sum(held)
            m.add_sum([m.ids[cand], *held], (ID, cand.official, cand.slot.date), most=0,
                      coeffs=[1] + [-1] * len(held))


def cost(m: CalendarModel):
    """w_substitution for every meeting a deputy presents."""
    weight = m.profile.get(PARAMS).w_substitution
    return weight * sum(m.vars[c] for c in m.deputised)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    args = list(key[1:])
    rule = profile.get(PARAMS)
    if len(args) == 2 and isinstance(args[0], str) and any(
            a.official_id == args[0] and a.start == args[1] for a in instance.absences):
        who, start = args
        away = next(a for a in instance.absences if a.official_id == who and a.start == start)
        return (f"The {title(instance, who)} is away ({away.reason.value}) from {away.start} "
                f"to {away.end} and cannot present a meeting",
                f"shorten or move the absence of the {title(instance, who)} "
                f"({away.start}..{away.end})")
    if args == ["out_of_schedule"]:
        return ("No deputy stands in for an absent head at an out-of-schedule meeting",
                "let deputies present out-of-schedule meetings (SUBST-DEPUTY out_of_schedule)")
    if args == ["akims"]:
        return ("No deputy akim stands in for an absent akim",
                "let deputy akims stand in (SUBST-DEPUTY akims)")
    if args[0] == "reasons" and isinstance(args[1], str):
        reason = args[1]
        return (f"A deputy stands in only for an absence of reason {', '.join(rule.reasons)}: "
                f"not for '{reason}'",
                f"let deputies stand in for '{reason}' (SUBST-DEPUTY reasons), or move the "
                f"absences")
    if args[0] == "excluded_bodies" and isinstance(args[1], str):
        body = instance.body(args[1]).name.en
        return (f"No deputy ever stands in for the head of the {body}",
                f"let deputies of the {body} stand in (SUBST-DEPUTY excluded_bodies)")
    who, day = args
    return (f"A deputy presents for the {title(instance, who)} on {day_text(day)} only while "
            f"he holds an out-of-schedule meeting",
            f"let the {title(instance, who)} present himself on {day}")
