"""The rules as the model knows them: one module per rule id.

Each module holds everything the CP-SAT model knows about its rule:

- ``PARAMS``: the profile's parameter class (``scheduler.profile``); ``ID`` its rule id;
- its grid filter and explanation guard, where the rule narrows the candidate meetings
  (``scope_exempt``, ``time_horizon``, ``time_offhours``, ``time_lead``, ``subst_deputy``,
  ``region_agree``, ``urgent_tension``/``extra_demand``), called by
  ``scheduler.model.variables.create_candidates``;
- ``constrain(m)``: its hard constraint group over the candidates, each constraint under
  the rule instance it belongs to (``m.add(constraint, (ID, ...))``);
- ``cost(m)``: its weighted soft cost (a part of the objective);
- ``describe(key, instance, profile)``: a rule instance in plain words and the change that
  would loosen it (explanations);
- ``linked(instance, profile, officials)``: the officials whose meetings the rule ties to
  anybody else's (the decomposition, ``scheduler.model.independent``, plans the others
  outside the model);
- ``change_cost`` (DL-CHANGE): the price of a re-plan's changes.

``RULES`` is the one registry, in explanation order: an explanation speaks of duties,
absences and dates before clashes and capacities. The checker (``scheduler/checker.py``)
judges every rule with its own code and imports none of this.
"""

from __future__ import annotations

from types import ModuleType

from scheduler.profile import CATALOGUE, Profile
from scheduler.rules import (  # issue 15
    akim_rotation,
    akim_spread,
    akim_support,
    attend_district,
    attend_gov,
    cap_region,
    clash_person,
    dl_change,
    extra_demand,
    freq_akim,
    freq_ceb_quarter,
    freq_load,
    freq_spacing,
    freq_window,
    region_agree,
    region_issues,
    region_spread,
    scope_exempt,
    subst_deputy,
    time_evening,
    time_horizon,
    time_lead,
    time_offhours,
    travel,
    travel_base,
    tv_live,
    urgent_early,
    urgent_tension,
)

RULES: tuple[ModuleType, ...] = (
    freq_ceb_quarter, freq_akim, freq_window, urgent_tension, extra_demand, subst_deputy,
    region_agree, time_offhours, time_lead, cap_region, akim_support, tv_live, travel,
    clash_person, attend_district, attend_gov, scope_exempt, time_horizon, region_issues,
    region_spread, dl_change, akim_rotation, akim_spread, freq_spacing, freq_load, time_evening,
    urgent_early, travel_base)
BY_ID: dict[str, ModuleType] = {rule.ID: rule for rule in RULES}
RANK: dict[str, int] = {rule.ID: i for i, rule in enumerate(RULES)}
# The model is built in the catalogue's order (RULES.md's; ``cost_by_rule`` keeps it).
BUILD_ORDER: tuple[ModuleType, ...] = tuple(sorted(RULES, key=lambda r: list(CATALOGUE).index(r.ID)))


def constraint_groups(profile: Profile) -> list[ModuleType]:
    """The enabled rules with a constraint group."""
    return [rule for rule in BUILD_ORDER if hasattr(rule, "constrain") and profile.on(rule.PARAMS)]


def costs(profile: Profile) -> list[ModuleType]:
    """The enabled soft rules."""
    return [rule for rule in BUILD_ORDER if hasattr(rule, "cost") and profile.on(rule.PARAMS)]


def linking(profile: Profile) -> list[ModuleType]:
    """The enabled rules that tie some officials' meetings to others'."""
    return [rule for rule in RULES if hasattr(rule, "linked") and profile.on(rule.PARAMS)]


def describe(key: tuple, instance, profile: Profile) -> tuple[str, str]:
    """A rule instance (rule id first) in plain words, and what would loosen it."""
    rule = BY_ID.get(key[0])
    if rule is None or not hasattr(rule, "describe"):
        return f"{key[0]} {list(key[1:])}", f"loosen {key[0]}"
    return rule.describe(key, instance, profile)
