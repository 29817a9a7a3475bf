"""URGENT-EARLY (the project's): an out-of-schedule meeting as early as its window allows,
``w_day_arisen`` / ``w_day_forecast`` per day from the alert's date to the meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import AlertLevel
from scheduler.profile import UrgentEarly

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = UrgentEarly
ID = PARAMS.rule_id
WEIGHTS = ("w_day_arisen", "w_day_forecast")


def cost(m: CalendarModel):
    rule = m.profile.get(PARAMS)
    alerts = {a.id: a for a in m.instance.alerts}
    terms = []
    for cand in m.out_of_schedule:
        alert = alerts.get(cand.alert or "")
        if alert is None:
            continue
        var = m.vars[cand]
        weight = rule.w_day_arisen if alert.level is AlertLevel.arisen else rule.w_day_forecast
        days = (cand.slot.date - alert.date).days
        if days > 0 and weight:
            terms.append(weight * days * var)
    return sum(terms)
