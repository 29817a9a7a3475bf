"""TIME-HORIZON: every meeting falls in the half-year (the slot grid's days)."""

from __future__ import annotations

import datetime as dt

from scheduler.instance import Instance
from scheduler.profile import Profile, TimeHorizon

PARAMS = TimeHorizon
ID = PARAMS.rule_id


def candidate_days(instance: Instance, profile: Profile) -> list[dt.date]:
    """The half-year's days (the whole year when the rule is off)."""
    hz = instance.horizon
    first, last = (hz.start, hz.end) if profile.on(PARAMS) else (
        dt.date(hz.year, 1, 1), dt.date(hz.year, 12, 31))
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
