"""The independent checker: each hard rule broken once, each soft cost justified."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import meeting

from scheduler.checker import check
from scheduler.profile import FreqWindow, TvLive


def with_meetings(calendar, *extra, drop=(), change=None):
    """The calendar without the ``drop`` ids, with ``change`` (id -> new meeting) and extras."""
    change = change or {}
    meetings = [change.get(m.id, m) for m in calendar.meetings if m.id not in drop]
    return calendar.model_copy(update={"meetings": (*meetings, *extra)})


def rule_ids(report) -> set[str]:
    return {v.rule_id for v in report.violations}


def test_tiny_calendar_passes(tiny_instance, kz2024, tiny_calendar):
    """The hand-made calendar obeys every hard rule of kz-2024."""
    report = check(tiny_instance, kz2024, tiny_calendar)
    assert report.ok, report.violations
    assert set(report.violations_by_rule.values()) == {0}


# ----------------------------------------------------------------- one rule each
BROKEN = {
    "SCOPE-EXEMPT": dict(extra=[meeting("defence", "minister-defence", "astana", "2027-01-16")]),
    "FREQ-CEB-QUARTER": dict(drop=["health-q2"]),
    "FREQ-AKIM": dict(drop=["akim-mangystau-q2"]),
    "TIME-HORIZON": dict(extra=[meeting("july", "minister-education", "astana", "2027-07-03")]),
    "TIME-OFFHOURS": dict(extra=[meeting("nauryz", "minister-education", "astana", "2027-03-22",
                                         "18:30-20:30")]),
    "TIME-LEAD": dict(extra=[meeting("early", "minister-education", "astana", "2027-01-09")]),
    "CLASH-PERSON": dict(extra=[meeting("twice", "akim-mangystau", "mangystau", "2027-01-23",
                                        "15:00-17:00")]),
    # Aktau on Saturday until 17:00, Oskemen on Sunday at 10:00: 5.8 h needed, 5 h at most.
    "TRAVEL": dict(extra=[meeting("aktau", "minister-education", "mangystau", "2027-02-13",
                                  "15:00-17:00")]),
    "CAP-REGION": dict(extra=[meeting("second", "minister-education", "mangystau",
                                      "2027-02-06")]),
    "AKIM-SUPPORT": dict(change={"akim-mangystau-q1": meeting(
        "akim-mangystau-q1", "akim-mangystau", "mangystau", "2027-02-06")}),
    "REGION-AGREE": dict(change={"akim-mangystau-q1": meeting(
        "akim-mangystau-q1", "akim-mangystau", "mangystau", "2027-02-20")}),
    "URGENT-TENSION": dict(drop=["education-alert"]),
    "EXTRA-DEMAND": dict(drop=["akim-east-alert"]),
}


@pytest.mark.parametrize("rule_id", sorted(BROKEN))
def test_each_broken_rule_is_reported_alone(tiny_instance, kz2024, tiny_calendar, rule_id):
    """Breaking one rule makes the checker report that rule and no other."""
    spec = BROKEN[rule_id]
    broken = with_meetings(tiny_calendar, *spec.get("extra", ()), drop=spec.get("drop", ()),
                           change=spec.get("change"))
    report = check(tiny_instance, kz2024, broken)
    assert rule_ids(report) == {rule_id}, report.violations
    assert not report.ok


@pytest.mark.parametrize("rule_id", sorted(BROKEN))
def test_a_switched_off_rule_is_not_checked(tiny_instance, kz2024, tiny_calendar, rule_id):
    """The same broken calendar passes that rule when the profile switches it off."""
    spec = BROKEN[rule_id]
    broken = with_meetings(tiny_calendar, *spec.get("extra", ()), drop=spec.get("drop", ()),
                           change=spec.get("change"))
    report = check(tiny_instance, kz2024.without(rule_id), broken)
    assert rule_id not in report.violations_by_rule
    if rule_id != "SCOPE-EXEMPT":  # see test_no_exemption_without_scope_exempt
        assert report.ok, report.violations


def test_no_exemption_without_scope_exempt(tiny_instance, kz2024, tiny_calendar):
    """With SCOPE-EXEMPT off, Defence is a ministry like the others: it has duties."""
    report = check(tiny_instance, kz2024.without("SCOPE-EXEMPT"), tiny_calendar)
    assert rule_ids(report) == {"FREQ-CEB-QUARTER", "URGENT-TENSION"}
    assert {v.official_ids[0] for v in report.violations} == {"minister-defence"}


def test_travel_message_names_the_trip(tiny_instance, kz2024, tiny_calendar):
    """The Aktau-Oskemen violation says who, where, and the hours needed and available."""
    aktau = meeting("aktau", "minister-education", "mangystau", "2027-02-13", "15:00-17:00")
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, aktau))
    (v,) = report.violations
    assert "Minister of Education" in v.message and "5.8 h" in v.message and "5.0 h" in v.message
    assert v.meeting_ids == ("aktau", "education-q1")
    assert v.region_ids == ("mangystau", "east-kazakhstan")


def test_travel_fits_with_an_earlier_meeting(tiny_instance, kz2024, tiny_calendar):
    """Ending at 12:00 on Saturday leaves 10 h of travel window: no violation."""
    aktau = meeting("aktau", "minister-education", "mangystau", "2027-02-13", "10:00-12:00")
    assert check(tiny_instance, kz2024, with_meetings(tiny_calendar, aktau)).ok


def test_travel_until_midnight(tiny_instance, kz2024, tiny_calendar):
    """With travel allowed until 24:00, Saturday evening gives 7 h: the trip fits."""
    profile = kz2024.with_params("TRAVEL", travel_until="24:00")
    aktau = meeting("aktau", "minister-education", "mangystau", "2027-02-13", "15:00-17:00")
    assert check(tiny_instance, profile, with_meetings(tiny_calendar, aktau)).ok


def test_wrong_slot_is_offhours(tiny_instance, kz2024, tiny_calendar):
    """A working-day evening slot on a Saturday is not in the weekend grid."""
    odd = meeting("odd", "minister-education", "astana", "2027-01-16", "18:30-20:30")
    assert rule_ids(check(tiny_instance, kz2024, with_meetings(tiny_calendar, odd))) == {
        "TIME-OFFHOURS"}


def test_extra_days_off_and_working_days(tiny_instance, kz2024, tiny_calendar):
    """An extra day off is closed; an extra working Saturday opens the evening slot."""
    inst = tiny_instance.model_copy(update={"extra_days_off": (dt.date(2027, 1, 16),),
                                            "extra_working_days": (dt.date(2027, 1, 30),)})
    closed = meeting("closed", "minister-education", "astana", "2027-01-16")
    evening = meeting("evening", "minister-health", "astana", "2027-01-30", "18:30-20:30")
    report = check(inst, kz2024, with_meetings(tiny_calendar, closed, evening))
    assert [v.meeting_ids for v in report.violations] == [("closed",)]
    assert report.violations[0].rule_id == "TIME-OFFHOURS"


def test_public_holidays_allowed_by_profile(tiny_instance, kz2024, tiny_calendar):
    """With use_public_holidays, Nauryz is an ordinary working day."""
    profile = kz2024.with_params("TIME-OFFHOURS", use_public_holidays=True)
    nauryz = meeting("nauryz", "minister-education", "astana", "2027-03-22", "18:30-20:30")
    assert check(tiny_instance, profile, with_meetings(tiny_calendar, nauryz)).ok


def test_wrong_announce_date_is_lead(tiny_instance, kz2024, tiny_calendar):
    """A planned meeting is announced exactly lead_days ahead."""
    late = tiny_calendar.meetings[0].model_copy(update={"announce_by": dt.date(2027, 2, 1)})
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, change={late.id: late}))
    assert rule_ids(report) == {"TIME-LEAD"}


def test_quarter_field_must_match_date(tiny_instance, kz2024, tiny_calendar):
    """A meeting filed under the wrong quarter breaks TIME-HORIZON."""
    wrong = tiny_calendar.meetings[0].model_copy(update={"quarter": 2})
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, change={wrong.id: wrong}))
    assert rule_ids(report) == {"TIME-HORIZON"}


def test_too_many_meetings_in_a_quarter(tiny_instance, kz2024, tiny_calendar):
    """A minister holds at most max_per_quarter planned meetings a quarter."""
    extra = [meeting(f"more-{d}", "minister-health", "astana", d)
             for d in ("2027-01-16", "2027-01-23", "2027-01-30")]
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, *extra))
    assert rule_ids(report) == {"FREQ-CEB-QUARTER"}


def test_akim_outside_his_region(tiny_instance, kz2024, tiny_calendar):
    """An akim's meetings are in his own region."""
    away = meeting("akim-mangystau-q1", "akim-mangystau", "astana", "2027-01-23")
    report = check(tiny_instance, kz2024,
                   with_meetings(tiny_calendar, change={away.id: away}))
    assert rule_ids(report) == {"FREQ-AKIM"}


def test_overlapping_meetings_clash(tiny_instance, kz2024, tiny_calendar):
    """Two meetings of one presenter at the same time clash, even with max_per_day 2."""
    profile = kz2024.with_params("CLASH-PERSON", max_per_day=2)
    same = meeting("same", "akim-mangystau", "mangystau", "2027-01-23")
    report = check(tiny_instance, profile, with_meetings(tiny_calendar, same))
    assert rule_ids(report) == {"CLASH-PERSON"}
    assert len(report.violations) == 1


def test_weekend_cap(tiny_instance, kz2024, tiny_calendar):
    """Three ministerial meetings in a region over one weekend exceed region_per_weekend."""
    profile = kz2024.with_params("CAP-REGION", region_per_day=2)
    extra = [meeting("sat", "minister-education", "mangystau", "2027-02-06"),
             meeting("sun", "minister-health", "mangystau", "2027-02-07")]
    report = check(tiny_instance, profile, with_meetings(tiny_calendar, *extra))
    assert rule_ids(report) == {"CAP-REGION"}
    assert "weekend" in report.violations[0].message


# ------------------------------------------------------------------ substitutions
def deputy_meeting(day: str, presenter: str = "first-vice-minister-health", mid: str = "deputy"):
    return meeting(mid, "minister-health", "astana", day, presenter=presenter)


def test_deputy_stands_in_for_an_ill_minister(tiny_instance, kz2024, tiny_calendar):
    """A deputy presenting for a minister on sick leave is allowed and costs w_substitution."""
    calendar = with_meetings(tiny_calendar, deputy_meeting("2027-03-06"))
    report = check(tiny_instance, kz2024, calendar)
    assert report.ok, report.violations
    (cost,) = [c for c in report.costs if c.rule_id == "SUBST-DEPUTY"]
    assert cost.amount == kz2024.get("SUBST-DEPUTY").w_substitution == 20
    assert cost.meeting_ids == ("deputy",)
    assert "First Vice Minister of Health" in cost.message


@pytest.mark.parametrize("bad", [
    meeting("ill", "minister-health", "astana", "2027-03-06"),  # the absent minister presents
    deputy_meeting("2027-03-13"),  # the minister is back: no reason to stand in
    meeting("other", "minister-education", "astana", "2027-03-06",  # reason 'other'
            presenter="vice-minister-education"),
    deputy_meeting("2027-03-06", presenter="vice-minister-education"),  # not his deputy
    meeting("away", "minister-health", "astana", "2027-05-22",  # the deputy is away himself
            presenter="first-vice-minister-health"),
], ids=["absent-minister", "minister-present", "reason-other", "foreign-deputy", "absent-deputy"])
def test_wrong_substitution(tiny_instance, kz2024, tiny_calendar, bad):
    """Presenting while absent, or standing in without a reason, breaks SUBST-DEPUTY."""
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, bad))
    assert rule_ids(report) == {"SUBST-DEPUTY"}, report.violations


def test_excluded_body_has_no_substitution(tiny_instance, kz2024, tiny_calendar):
    """Deputies of a body in excluded_bodies do not stand in."""
    profile = kz2024.with_params("SUBST-DEPUTY", excluded_bodies=["health"])
    report = check(tiny_instance, profile, with_meetings(tiny_calendar,
                                                         deputy_meeting("2027-03-06")))
    assert rule_ids(report) == {"SUBST-DEPUTY"}


# -------------------------------------------------------------- optional rules
def test_tv_live(tiny_instance, kz2024, tiny_calendar):
    """With TV-LIVE, two ministerial meetings at the same time need two channels."""
    rules = {**kz2024.rules, "TV-LIVE": TvLive(kind="hard", source="S-2018")}
    profile = kz2024.model_copy(update={"rules": rules})
    assert check(tiny_instance, profile, tiny_calendar).ok
    same_time = meeting("same-time", "minister-education", "astana", "2027-02-06",
                        "15:00-17:00")
    report = check(tiny_instance, profile, with_meetings(tiny_calendar, same_time))
    assert rule_ids(report) == {"TV-LIVE"}
    assert set(report.violations[0].meeting_ids) == {"health-q1", "same-time"}


def test_freq_window(tiny_instance, kz2024, tiny_calendar):
    """With FREQ-WINDOW, ministers meet in Q2 and akims in Q1 only."""
    rules = {**kz2024.rules, "FREQ-WINDOW": FreqWindow(kind="hard", source="S-2016")}
    profile = kz2024.model_copy(update={"rules": rules}).without("FREQ-CEB-QUARTER", "FREQ-AKIM")
    report = check(tiny_instance, profile, tiny_calendar)
    assert rule_ids(report) == {"FREQ-WINDOW"}
    assert {v.meeting_ids for v in report.violations} == {
        ("health-q1",), ("education-q1",), ("akim-mangystau-q2",), ("akim-east-q2",)}


# ------------------------------------------------------------------ references
def _edit(index: int, **update):
    return lambda calendar: with_meetings(calendar, change={
        calendar.meetings[index].id: calendar.meetings[index].model_copy(update=update)})


@pytest.mark.parametrize("breakage", [
    _edit(0, official_id="nobody"),
    _edit(0, presenter_id="nobody"),
    _edit(0, region_id="atlantis"),
    _edit(0, body_id="education"),
    _edit(0, official_id="first-vice-minister-health"),
    _edit(4, alert_id="no-such-alert"),
    lambda calendar: with_meetings(calendar, calendar.meetings[0]),
    lambda calendar: calendar.model_copy(update={"horizon": "2027-H2"}),
], ids=["official", "presenter", "region", "body", "not-head", "alert", "duplicate", "horizon"])
def test_nonsense_references(tiny_instance, kz2024, tiny_calendar, breakage):
    """Unknown ids, a body that is not the official's, a duplicate id: CALENDAR."""
    report = check(tiny_instance, kz2024, breakage(tiny_calendar))
    assert "CALENDAR" in rule_ids(report)
    assert not report.ok


# ------------------------------------------------------------------------ costs
def costs_of(report, rule_id):
    return [c for c in report.costs if c.rule_id == rule_id]


def test_costs_of_the_tiny_calendar(tiny_instance, kz2024, tiny_calendar):
    """Each cost of the tiny calendar is justified once, and the parts add up."""
    report = check(tiny_instance, kz2024, tiny_calendar)
    assert report.cost_by_rule == {"SUBST-DEPUTY": 0, "REGION-ISSUES": 2, "REGION-AGREE": 3,
                                   "REGION-SPREAD": 9}
    assert report.total_cost == 14 == sum(c.amount for c in report.costs)
    (issue,) = costs_of(report, "REGION-ISSUES")
    assert issue.region_ids == ("akmola",) and "weight 2" in issue.message
    (preferred,) = costs_of(report, "REGION-AGREE")
    assert preferred.region_ids == ("astana",) and preferred.dates == (dt.date(2027, 3, 13),)
    repeat, max_load = costs_of(report, "REGION-SPREAD")
    assert repeat.amount == 5 and repeat.meeting_ids == ("education-alert",)
    assert max_load.amount == 2 * 2 and max_load.region_ids == ("east-kazakhstan",)


def test_unmet_issue_costs_its_weight(tiny_instance, kz2024, tiny_calendar):
    """Without the Health meeting in Mangystau, its issue of weight 5 is not met."""
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, drop=["health-q1"]))
    assert report.cost_by_rule["REGION-ISSUES"] == 2 + 5


def test_unused_preferred_date(tiny_instance, kz2024, tiny_calendar):
    """Moving the Akmola visit off its preferred date costs w_preferred."""
    moved = meeting("health-q2", "minister-health", "akmola", "2027-05-22")
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, change={moved.id: moved}))
    assert report.cost_by_rule["REGION-AGREE"] == 3 + 3


def test_unvisited_region(tiny_instance, kz2024, tiny_calendar):
    """A region with no ministerial meeting costs w_unvisited."""
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, drop=["education-q2"]))
    unvisited = [c for c in costs_of(report, "REGION-SPREAD") if c.amount == 30]
    assert [c.region_ids for c in unvisited] == [("astana",)]
    assert report.cost_by_rule["REGION-SPREAD"] == 9 + 30


def test_repeat_and_max_load(tiny_instance, kz2024, tiny_calendar):
    """A third ministerial meeting in East Kazakhstan: one more repeat, load 3."""
    third = meeting("third", "minister-education", "east-kazakhstan", "2027-05-15")
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, third))
    assert report.cost_by_rule["REGION-SPREAD"] == 2 * 5 + 3 * 2
    assert sum(c.amount for c in report.costs) == report.total_cost


def test_only_enabled_soft_rules_are_costed(tiny_instance, kz2024, tiny_calendar):
    """A switched-off soft rule is absent from the breakdown."""
    report = check(tiny_instance, kz2024.without("REGION-SPREAD"), tiny_calendar)
    assert set(report.cost_by_rule) == {"SUBST-DEPUTY", "REGION-ISSUES", "REGION-AGREE"}
    assert report.total_cost == 5
