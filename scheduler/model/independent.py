"""District and rural akims who share nothing with anyone are planned outside the model.

Such an akim meets only in his own region, has no alert to answer, no ATTEND-DISTRICT or
FREQ-WINDOW ties, and is free on enough days: no rule links his meetings to anybody
else's (CLASH-PERSON and TRAVEL are his own, CAP-REGION, AKIM-SUPPORT and TV-LIVE concern
ministers and regional akims, and every soft cost of his is the same wherever his
meetings fall in his region). Any of his own allowed slots is then optimal, so the
earliest ones are taken, and the rest of the calendar is solved without his grid: on the
national all-levels instance that is 2,300 of 2,600 officials. The checker still judges
the whole calendar.
"""

from __future__ import annotations

from collections import Counter

from scheduler.instance import AkimLevel, BodyKind, Instance
from scheduler.meetings import MeetingKind
from scheduler.model.variables import Candidate, alert_duties, create_candidates, duty_officials
from scheduler.profile import Profile


def independent_meetings(instance: Instance, profile: Profile) -> dict[str, list[Candidate]]:
    """For each independent district or rural akim, the meetings he is given."""
    if profile.on("FREQ-WINDOW") or not profile.on("FREQ-AKIM"):
        return {}
    rule = profile.get("FREQ-AKIM")
    max_per_day = profile.get("CLASH-PERSON").max_per_day if profile.on("CLASH-PERSON") else 1
    called = {official.id for _, _, official in alert_duties(instance, profile)}
    lower = {}
    for official in duty_officials(instance, profile):
        level = official.akim_level
        if (instance.body(official.body_id).kind is not BodyKind.akimat
                or level not in (AkimLevel.district, AkimLevel.rural) or official.id in called
                or (level is AkimLevel.district and profile.on("ATTEND-DISTRICT"))):
            continue
        lower[official.id] = (rule.district_min_per_half if level is AkimLevel.district
                              else rule.rural_min_per_half)
    if not lower:
        return {}
    by_official: dict[str, list[Candidate]] = {o: [] for o in lower}
    for cand in create_candidates(instance, profile, free=set(lower)):
        if cand.official in lower and cand.presenter == cand.official \
                and cand.kind is MeetingKind.planned:
            by_official[cand.official].append(cand)
    chosen = {}
    for official, need in lower.items():
        picked, per_day, per_quarter = [], Counter(), Counter()
        for cand in sorted(by_official[official], key=lambda c: c.slot):
            if len(picked) == need:
                break
            if per_day[cand.slot.date] < max_per_day and per_quarter[cand.slot.quarter] < \
                    rule.max_per_quarter and all(p.slot != cand.slot for p in picked):
                picked.append(cand)
                per_day[cand.slot.date] += 1
                per_quarter[cand.slot.quarter] += 1
        if len(picked) == need:  # otherwise he stays in the model (a deputy may be needed)
            chosen[official] = picked
    return chosen
