"""The independent checker: each hard rule broken once, each soft cost justified."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import D, meeting

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
    "SCOPE-EXEMPT": dict(extra=[meeting("defence", "minister-defence", "astana", "2027-03-20")]),
    "FREQ-CEB-QUARTER": dict(drop=["health-q2"]),
    "FREQ-AKIM": dict(drop=["akim-mangystau-q2"]),
    "TIME-HORIZON": dict(extra=[meeting("july", "minister-education", "astana", "2027-07-03")]),
    "TIME-OFFHOURS": dict(extra=[meeting("nauryz", "minister-education", "astana", "2027-03-22",
                                         "18:30-20:30")]),
    # announced 30 days ahead instead of a calendar month (13 January)
    "TIME-LEAD": dict(change={"health-q1": meeting(
        "health-q1", "minister-health", "akmola", "2027-02-13", "15:00-17:00").model_copy(
        update={"announce_by": D("2027-01-14")})}),
    # announced on 6 January, before the calendar reaches the commission on 10 January
    "DL-MVK": dict(extra=[meeting("early", "minister-education", "astana", "2027-02-06")]),
    # announced on 13 January, before the akims' calendar is due on 20 January
    "DL-AKIM-CAL": dict(change={"akim-mangystau-q1": meeting(
        "akim-mangystau-q1", "akim-mangystau", "mangystau", "2027-02-13")}),
    "DL-AFTER": dict(change={"health-q2": meeting(
        "health-q2", "minister-health", "mangystau", "2027-05-15").model_copy(
        update={"results_by": D("2027-05-26")})}),
    # 31 minutes of report out of 120: more than a quarter
    "FMT-QA": dict(change={"health-q2": meeting(
        "health-q2", "minister-health", "mangystau", "2027-05-15").model_copy(
        update={"report_minutes": 31, "qa_minutes": 89})}),
    "FMT-ONLINE": dict(change={"health-q2": meeting(
        "health-q2", "minister-health", "mangystau", "2027-05-15").model_copy(
        update={"channel": ""})}),
    "FMT-AUDIENCE": dict(change={"health-q2": meeting(
        "health-q2", "minister-health", "mangystau", "2027-05-15").model_copy(
        update={"audience": ("maslikhat deputies", "political parties",
                             "public organisations")})}),
    "CLASH-PERSON": dict(extra=[meeting("twice", "akim-mangystau", "mangystau", "2027-02-27",
                                        "15:00-17:00")]),
    # Aktau on Saturday until 17:00, Oskemen on Sunday at 10:00: 5.8 h needed, 5 h at most.
    "TRAVEL": dict(extra=[meeting("aktau", "minister-education", "mangystau", "2027-02-13",
                                  "15:00-17:00")]),
    "CAP-REGION": dict(extra=[meeting("second", "minister-education", "akmola",
                                      "2027-02-13")]),
    "AKIM-SUPPORT": dict(change={"akim-mangystau-q2": meeting(
        "akim-mangystau-q2", "akim-mangystau", "mangystau", "2027-05-15")}),
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
    odd = meeting("odd", "minister-education", "astana", "2027-03-20", "18:30-20:30")
    assert rule_ids(check(tiny_instance, kz2024, with_meetings(tiny_calendar, odd))) == {
        "TIME-OFFHOURS"}


def test_extra_days_off_and_working_days(tiny_instance, kz2024, tiny_calendar):
    """An extra day off is closed; an extra working Saturday opens the evening slot."""
    inst = tiny_instance.model_copy(update={"extra_days_off": (dt.date(2027, 3, 20),),
                                            "extra_working_days": (dt.date(2027, 3, 27),)})
    closed = meeting("closed", "minister-education", "astana", "2027-03-20")
    evening = meeting("evening", "minister-health", "astana", "2027-03-27", "18:30-20:30")
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
             for d in ("2027-03-13", "2027-03-20", "2027-03-27")]
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, *extra))
    assert rule_ids(report) == {"FREQ-CEB-QUARTER"}


def test_akim_outside_his_region(tiny_instance, kz2024, tiny_calendar):
    """An akim's meetings are in his own region."""
    away = meeting("akim-mangystau-q1", "akim-mangystau", "astana", "2027-02-27")
    report = check(tiny_instance, kz2024,
                   with_meetings(tiny_calendar, change={away.id: away}))
    assert rule_ids(report) == {"FREQ-AKIM"}


def test_overlapping_meetings_clash(tiny_instance, kz2024, tiny_calendar):
    """Two meetings of one presenter at the same time clash, even with max_per_day 2."""
    profile = kz2024.with_params("CLASH-PERSON", max_per_day=2)
    same = meeting("same", "akim-mangystau", "mangystau", "2027-02-27")
    report = check(tiny_instance, profile, with_meetings(tiny_calendar, same))
    assert rule_ids(report) == {"CLASH-PERSON"}
    assert len(report.violations) == 1


def test_weekend_cap(tiny_instance, kz2024, tiny_calendar):
    """Three ministerial meetings in a region over one weekend exceed region_per_weekend."""
    profile = kz2024.with_params("CAP-REGION", region_per_day=2)
    extra = [meeting("sat", "minister-education", "akmola", "2027-02-13"),
             meeting("sun", "minister-health", "akmola", "2027-02-14")]
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
    same_time = meeting("same-time", "minister-education", "astana", "2027-02-13",
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
                                   "REGION-SPREAD": 9, "FREQ-SPACING": 0, "FREQ-LOAD": 0,
                                   "TIME-EVENING": 0, "AKIM-SPREAD": 0,
                                   # the alert of 5 April: Education 2 days, the akim 5 days
                                   "URGENT-EARLY": 10 * (2 + 5)}
    assert report.total_cost == 84 == sum(c.amount for c in report.costs)
    (issue,) = costs_of(report, "REGION-ISSUES")
    assert issue.region_ids == ("akmola",) and "weight 2" in issue.message
    (preferred,) = costs_of(report, "REGION-AGREE")
    assert preferred.region_ids == ("astana",) and preferred.dates == (dt.date(2027, 3, 13),)
    repeat, max_load = costs_of(report, "REGION-SPREAD")
    assert repeat.amount == 5 and repeat.meeting_ids == ("education-alert",)
    assert max_load.amount == 2 * 2 and max_load.region_ids == ("east-kazakhstan",)


def test_unmet_issue_costs_its_weight(tiny_instance, kz2024, tiny_calendar):
    """Without the Health meeting in Mangystau, its issue of weight 5 is not met."""
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, drop=["health-q2"]))
    assert report.cost_by_rule["REGION-ISSUES"] == 2 + 5


def test_unused_preferred_date(tiny_instance, kz2024, tiny_calendar):
    """Moving the Akmola visit off its preferred date costs w_preferred."""
    moved = meeting("health-q1", "minister-health", "akmola", "2027-02-20")
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
    assert set(report.cost_by_rule) == {"SUBST-DEPUTY", "REGION-ISSUES", "REGION-AGREE",
                                        "FREQ-SPACING", "FREQ-LOAD", "TIME-EVENING",
                                        "URGENT-EARLY", "AKIM-SPREAD"}
    assert report.total_cost == 5 + 70  # URGENT-EARLY: see above


# ------------------------------------------------- out-of-schedule meetings tied to alerts
@pytest.mark.parametrize("change, words", [
    (dict(official="minister-health"), "not among the alert's bodies"),
    (dict(region="mangystau"), "the alert is in East Kazakhstan"),
    (dict(day="2027-04-02"), "must fall between"),   # before the alert
    (dict(day="2027-04-13"), "must fall between"),   # after the 7-day window
])
def test_out_of_schedule_meeting_answers_its_alert(tiny_instance, kz2024, tiny_calendar,
                                                    change, words):
    """An out-of-schedule meeting's body is among its alert's bodies, in the alert's region
    and window (issue 11: a Health meeting citing an Education alert elsewhere, earlier)."""
    official = change.get("official", "minister-education")
    odd = meeting("odd", official, change.get("region", "east-kazakhstan"),
                  change.get("day", "2027-04-08"), "18:30-20:30", alert="alert-east")
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, odd))
    hits = [v for v in report.violations if "odd" in v.meeting_ids]
    assert hits and all(v.rule_id == "URGENT-TENSION" for v in hits), report.violations
    assert any(words in v.message for v in hits)


def test_one_meeting_per_alert_and_the_quarter_cap(tiny_instance, kz2024, tiny_calendar):
    """A second meeting for the same alert is not owed; max_per_quarter caps the rest."""
    again = meeting("again", "minister-education", "east-kazakhstan", "2027-04-08",
                    "18:30-20:30", alert="alert-east")
    report = check(tiny_instance, kz2024, with_meetings(tiny_calendar, again))
    assert rule_ids(report) == {"URGENT-TENSION"}
    capped = kz2024.with_params("EXTRA-DEMAND", max_per_quarter=0)
    report = check(tiny_instance, capped, tiny_calendar)
    assert rule_ids(report) == {"EXTRA-DEMAND"} and "at most 0" in report.violations[0].message


def test_deputy_at_out_of_schedule_meeting_is_a_switch(tiny_instance, kz2024, tiny_calendar):
    """SUBST-DEPUTY out_of_schedule: a deputy presents an out-of-schedule meeting only while
    the head is away for an accepted reason, and not at all with the switch off."""
    ill = type(tiny_instance.absences[0]).model_validate({
        "official_id": "minister-education", "start": "2027-04-07", "end": "2027-04-07",
        "reason": "illness"})
    inst = tiny_instance.model_copy(update={"absences": tiny_instance.absences + (ill,)})
    by_deputy = meeting("education-alert", "minister-education", "east-kazakhstan",
                        "2027-04-07", "18:30-20:30", presenter="vice-minister-education",
                        alert="alert-east")
    calendar = with_meetings(tiny_calendar, change={by_deputy.id: by_deputy})
    assert check(inst, kz2024, calendar).ok
    off = kz2024.with_params("SUBST-DEPUTY", out_of_schedule=False)
    assert rule_ids(check(inst, off, calendar)) == {"SUBST-DEPUTY"}
    # the head is available that day: never a deputy
    assert rule_ids(check(tiny_instance, kz2024, calendar)) == {"SUBST-DEPUTY"}


def test_deputy_akims_and_urgent_handover_are_switches(tiny_instance, kz2024, tiny_calendar):
    """SUBST-DEPUTY akims and urgent_handover: each switched off refuses its substitution."""
    inst = TINY_WITH_DEPUTY_AKIM
    handed = meeting("education-q2", "minister-education", "astana", "2027-04-07",
                     "18:30-20:30", presenter="vice-minister-education")
    calendar = with_meetings(tiny_calendar, change={handed.id: handed})
    assert check(tiny_instance, kz2024, calendar).ok
    assert rule_ids(check(tiny_instance, kz2024.with_params(
        "SUBST-DEPUTY", urgent_handover=False), calendar)) == {"SUBST-DEPUTY"}
    by_deputy_akim = meeting("akim-east-q2", "akim-east-kazakhstan", "east-kazakhstan",
                             "2027-05-22", presenter="deputy-akim-east")
    calendar = with_meetings(tiny_calendar, change={by_deputy_akim.id: by_deputy_akim})
    assert check(inst, kz2024, calendar).ok
    assert rule_ids(check(inst, kz2024.with_params("SUBST-DEPUTY", akims=False),
                          calendar)) == {"SUBST-DEPUTY"}


def _with_deputy_akim():
    from conftest import TINY
    data = TINY.model_dump(mode="json")
    data["officials"].append({"id": "deputy-akim-east", "title": {"kk": "d", "ru": "d", "en": "d"},
                              "body_id": "akimat-east-kazakhstan", "role": "deputy",
                              "deputy_of": "akim-east-kazakhstan",
                              "base_region_id": "east-kazakhstan"})
    data["absences"].append({"official_id": "akim-east-kazakhstan", "start": "2027-05-22",
                             "end": "2027-05-22", "reason": "illness"})
    return type(TINY).model_validate(data)


TINY_WITH_DEPUTY_AKIM = _with_deputy_akim()


# ------------------------------------------------------------------ dated steps
def test_deadlines_of_kz_2024(tiny_instance, kz2024, tiny_calendar):
    """The milestones kz-2024 derives for 2027-H1, and each meeting's dated steps."""
    report = check(tiny_instance, kz2024, tiny_calendar)
    steps = {(d.rule_id, d.date) for d in report.deadlines if not d.meeting_id}
    assert steps == {("DL-LOCAL-LISTS", D("2026-12-01")), ("DL-DRAFT", D("2026-12-15")),
                     ("DL-MVK", D("2027-01-10")), ("DL-AKIM-CAL", D("2027-01-15")),
                     ("DL-AKIM-CAL", D("2027-01-20")), ("DL-RESULTS", D("2027-06-15")),
                     ("DL-CHANGE", D("2027-03-01")), ("DL-CHANGE", D("2027-06-01")),
                     ("DL-QREPORT", D("2027-04-10")), ("DL-QREPORT", D("2027-07-10"))}
    health = {d.rule_id: d.date for d in report.deadlines if d.meeting_id == "health-q1"}
    assert health == {"TIME-LEAD": D("2027-01-13"), "DL-AFTER": D("2027-02-23")}


def test_lead_is_a_calendar_month(tiny_instance, kz2024, tiny_calendar):
    """'бір ай бұрын': a meeting on 31 March is announced on 28 February, one on 1 March
    on 1 February (not 30 days before)."""
    late_march = meeting("m31", "minister-education", "astana", "2027-03-31", "18:30-20:30")
    assert late_march.announce_by == D("2027-02-28")
    assert check(tiny_instance, kz2024, with_meetings(tiny_calendar, late_march)).ok
    thirty = late_march.model_copy(update={"announce_by": D("2027-03-01")})
    assert rule_ids(check(tiny_instance, kz2024, with_meetings(tiny_calendar, thirty))) == {
        "TIME-LEAD"}
