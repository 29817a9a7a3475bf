"""SCOPE-EXEMPT: the heads of the exempt bodies hold no meetings.

Grid filter: only the duty officials get candidates.
"""

from __future__ import annotations

from scheduler.instance import Instance, Official
from scheduler.profile import Profile, ScopeExempt

PARAMS = ScopeExempt
ID = PARAMS.rule_id


def exempt_bodies(profile: Profile) -> set[str]:
    """Bodies whose heads have no meeting duty."""
    return set(profile.get(PARAMS).exempt_bodies) if profile.on(PARAMS) else set()


def duty_officials(instance: Instance, profile: Profile) -> list[Official]:
    """First heads who hold meetings: ministers of non-exempt bodies, akims, rectors."""
    exempt = exempt_bodies(profile)
    return [o for o in instance.heads() if o.body_id not in exempt]
