"""FREQ-CEB-QUARTER: every non-exempt minister holds ``min_per_quarter`` to
``max_per_quarter`` planned meetings in each quarter (out-of-schedule ones do not count)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import Instance
from scheduler.profile import FreqCebQuarter, Profile
from scheduler.rules.text import title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = FreqCebQuarter
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    rule = m.profile.get(PARAMS)
    for official in m.duty:
        if not m.instance.is_ministerial(official.body_id):
            continue
        for quarter in m.instance.horizon.quarters:
            held = m.planned_in_quarter(official.id, quarter)
            key = (ID, official.id, quarter)
            m.add(held >= rule.min_per_quarter, key)
            m.add(held <= rule.max_per_quarter, key)


def describe(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    who, quarter = key[1:]
    rule = profile.get(PARAMS)
    return (f"The {title(instance, who)} must hold {rule.min_per_quarter} to "
            f"{rule.max_per_quarter} planned meetings in Q{quarter} {instance.horizon.year}",
            f"let the {title(instance, who)} skip Q{quarter} (FREQ-CEB-QUARTER "
            f"min_per_quarter = 0), or free a date for him or a deputy in Q{quarter}")
