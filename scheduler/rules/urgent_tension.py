"""URGENT-TENSION: each non-exempt ministry an alert names holds exactly one
out-of-schedule meeting in the alert's region, from the alert date to ``arisen_days`` or
``forecast_days`` after it.

Grid filter: its out-of-schedule candidates, only in the window. Constraint: exactly one
meeting per (alert, minister). Links officials: its ministers' meetings depend on the alert.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from scheduler.instance import AlertLevel, Instance, Official, TensionAlert
from scheduler.profile import ExtraDemand, Profile, UrgentTension
from scheduler.rules.scope_exempt import duty_officials
from scheduler.rules.text import region, title

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = UrgentTension
ID = PARAMS.rule_id


def alert_window(alert: TensionAlert, rule: UrgentTension) -> tuple[dt.date, dt.date]:
    days = rule.arisen_days if alert.level is AlertLevel.arisen else rule.forecast_days
    return alert.date, alert.date + dt.timedelta(days=days)


def alert_duties(instance: Instance, profile: Profile
                 ) -> list[tuple[type[UrgentTension], TensionAlert, Official]]:
    """(rule, alert, official) for every out-of-schedule meeting an alert calls for: a
    ministry's under this rule, an akimat's under EXTRA-DEMAND."""
    heads = {o.body_id: o for o in duty_officials(instance, profile)}
    owed = []
    for alert in instance.alerts:
        for body_id in alert.body_ids:
            rule = PARAMS if instance.is_ministerial(body_id) else ExtraDemand
            if profile.on(rule) and body_id in heads:
                owed.append((rule, alert, heads[body_id]))
    return owed


def owed_meetings(m: CalendarModel, rule: type[UrgentTension]) -> None:
    for owed_rule, alert, official in m.alert_duties:
        if owed_rule is rule:
            m.add_sum(m.by_alert_official.get((alert.id, official.id), []),
                      (rule.rule_id, alert.id, official.id), least=1, most=1)


def constrain(m: CalendarModel) -> None:
    """Each minister concerned by an alert holds one out-of-schedule meeting in its window."""
    owed_meetings(m, PARAMS)


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    """The officials an alert of this rule calls: their meetings answer the alert."""
    return {o.id for rule, _, o in alert_duties(instance, profile) if rule is PARAMS}


def describe_alert(key: tuple, instance: Instance, profile: Profile) -> tuple[str, str]:
    rule_id, alert_id, who = key
    rule = profile.get(rule_id)
    assert isinstance(rule, UrgentTension)
    alert = next(a for a in instance.alerts if a.id == alert_id)
    first, last = alert_window(alert, rule)
    days = (last - first).days
    return (f"The {title(instance, who)} must meet the population of "
            f"{region(instance, alert.region_id)} between {first} and {last} "
            f"({alert.level.value} tension, {alert_id})",
            f"widen the window ({rule_id} {alert.level.value}_days > {days}) or free a day in it")


describe = describe_alert
