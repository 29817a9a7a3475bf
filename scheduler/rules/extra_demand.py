"""EXTRA-DEMAND: URGENT-TENSION for the akimats an alert names (the akim meets his own
population), with this rule's windows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scheduler.instance import Instance, Official
from scheduler.profile import ExtraDemand, Profile
from scheduler.rules.urgent_tension import alert_duties, describe_alert, owed_meetings

if TYPE_CHECKING:
    from scheduler.model.cpmodel import CalendarModel

PARAMS = ExtraDemand
ID = PARAMS.rule_id


def constrain(m: CalendarModel) -> None:
    """Each akim concerned by an alert meets his population within the window."""
    owed_meetings(m, PARAMS)


def linked(instance: Instance, profile: Profile, officials: list[Official]) -> set[str]:
    """The officials an alert of this rule calls: their meetings answer the alert."""
    return {o.id for rule, _, o in alert_duties(instance, profile) if rule is PARAMS}


describe = describe_alert
