"""District and rural akims who share nothing with anyone are planned outside the model.

Such an akim meets only in his own region and no enabled rule ties his meetings to
anybody else's: each rule module says whom it links (``linked``: URGENT-TENSION and
EXTRA-DEMAND the officials an alert calls, ATTEND-DISTRICT the district akims, FREQ-WINDOW
everyone, CAP-REGION, AKIM-SUPPORT and TV-LIVE ministers and regional akims); CLASH-PERSON
and TRAVEL are his own, and every soft cost of his is the same wherever his meetings fall
in his region. Any of his own allowed slots is then optimal, so the earliest ones are
taken, and the rest of the calendar is solved without his grid: on the national
all-levels instance that is 2,300 of 2,600 officials. The checker still judges the whole
calendar.
"""

from __future__ import annotations

from collections import Counter

from scheduler import rules
from scheduler.instance import AkimLevel, Instance
from scheduler.meetings import MeetingKind
from scheduler.model.variables import Candidate, create_candidates, duty_officials
from scheduler.profile import FreqAkim, Profile
from scheduler.rules import clash_person
from scheduler.rules.freq_akim import least_per_half


def independent_meetings(instance: Instance, profile: Profile) -> dict[str, list[Candidate]]:
    """For each independent district or rural akim, the meetings he is given."""
    if not profile.on(FreqAkim):  # how many he owes is FREQ-AKIM's
        return {}
    rule = profile.get(FreqAkim)
    max_per_day = clash_person.max_per_day(profile) or 1
    lower_akims = [o for o in duty_officials(instance, profile)
                   if instance.is_akimat(o.body_id)
                   and o.akim_level in (AkimLevel.district, AkimLevel.rural)]
    linked: set[str] = set()
    for linking in rules.linking(profile):
        linked |= linking.linked(instance, profile, lower_akims)
    lower = {o.id: least_per_half(rule, o.akim_level) for o in lower_akims if o.id not in linked}
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
