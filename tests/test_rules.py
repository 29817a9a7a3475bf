"""Each hard rule of kz-2024 binds on a small instance, and its constraint group enforces it.

For every rule: (a) the planner with the full profile obeys the rule; (b) the planner with
the rule switched off breaks it, as the checker with the full profile reports. Each
instance is built so that, without the rule, the objective rewards breaking it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_instance

from scheduler.checker import check
from scheduler.instance import Instance
from scheduler.meetings import MeetingKind
from scheduler.planner import solve

D = dt.date.fromisoformat
Q1, Q2 = "2027-02-13", "2027-04-17"  # Saturdays
# Akims' calendar is due on 20 January (DL-AKIM-CAL): their planned meetings start a month
# later (TIME-LEAD), so an akim's Q1 Saturday is later than a minister's.
Q1A = "2027-02-27"


def plan(instance, profile):
    """One small deterministic solve."""
    return solve(instance, profile, time_limit=10, workers=1, seed=0)


def _cases() -> dict:
    """rule id -> (instance on which the rule binds, base-profile parameter changes)."""
    return {
        # Defence's issue in Astana tempts a meeting; only the exemption prevents it.
        "SCOPE-EXEMPT": (make_instance(
            regions=["astana"], ministries=["health", "defence"],
            free={"astana": [Q1, "2027-02-14", Q2, "2027-04-18"]},
            issues=[("astana", "defence", 10)]), {}),
        # One region, one issue: a single meeting meets it; a second one only costs.
        "FREQ-CEB-QUARTER": (make_instance(
            regions=["astana"], ministries=["health"], free={"astana": [Q1, Q2, "2027-04-24"]},
            issues=[("astana", "health", 10)]), {}),
        # The akim is ill all Q2: only his deputy can meet then, at a substitution cost.
        "FREQ-AKIM": (make_instance(
            regions=["mangystau"], akimats=["mangystau"], akim_deputies=True,
            free={"mangystau": [Q1A, Q2, "2027-04-24"]},
            absences=[("akim-mangystau", "2027-04-01", "2027-06-30", "illness")]), {}),
        # Akmola (issue 50, unvisited 30) is blocked all half-year; July is free.
        "TIME-HORIZON": (make_instance(
            regions=["astana", "akmola"], ministries=["health"],
            free={"astana": [Q1, Q2], "akmola": []}, issues=[("akmola", "health", 50)]), {}),
        # Astana prefers Nauryz (Monday 22 March 2027, a public holiday).
        "TIME-OFFHOURS": (make_instance(
            regions=["astana"], ministries=["health"],
            free={"astana": [Q1, "2027-03-22", Q2]}, preferred=[("astana", "2027-03-22")]), {}),
        # Astana prefers 9-10 January, before approval (15 Dec) + 30 days.
        "TIME-LEAD": (make_instance(
            regions=["astana"], ministries=["health"],
            free={"astana": ["2027-01-09", "2027-01-10", Q1, Q2]},
            preferred=[("astana", "2027-01-09"), ("astana", "2027-01-10")]), {}),
        # Both Almaty regions (issues, 1 h apart by road) are free on the same Saturday only.
        "CLASH-PERSON": (make_instance(
            regions=["almaty-city", "almaty-region", "astana"], ministries=["health"],
            free={"almaty-city": [Q1], "almaty-region": [Q1], "astana": [Q2]},
            issues=[("almaty-city", "health", 10), ("almaty-region", "health", 10)]), {}),
        # Aktau and Oskemen (5.8 h apart) free on the same Saturday only; two meetings a day
        # are allowed, so only the trip (3 h between the weekend slots) stands in the way.
        "TRAVEL": (make_instance(
            regions=["mangystau", "east-kazakhstan", "astana"], ministries=["health"],
            free={"mangystau": [Q1], "east-kazakhstan": [Q1], "astana": [Q2]},
            issues=[("mangystau", "health", 10), ("east-kazakhstan", "health", 10)]),
            {"CLASH-PERSON": {"max_per_day": 2}}),
        # Astana (issues of both ministries) is free on one day of the half-year only.
        "CAP-REGION": (make_instance(
            regions=["astana", "akmola"], ministries=["health", "education"],
            free={"astana": [Q1], "akmola": ["2027-02-20", "2027-02-27", Q2, "2027-04-24"]},
            issues=[("astana", "health", 10), ("astana", "education", 10)]), {}),
        # Astana's two free days are the akim's quarterly meetings; the minister wants Astana.
        "AKIM-SUPPORT": (make_instance(
            regions=["astana", "akmola"], ministries=["health"], akimats=["astana"],
            free={"astana": [Q1A, Q2], "akmola": ["2027-02-20", "2027-04-24"]},
            issues=[("astana", "health", 10)]), {}),
        # The minister is ill all Q1: a deputy must present.
        "SUBST-DEPUTY": (make_instance(
            regions=["astana"], ministries=["health"], free={"astana": [Q1, Q2]},
            absences=[("minister-health", "2027-01-01", "2027-03-31", "illness")]), {}),
        # Akmola (issue 10, unvisited 30) blocks every date.
        "REGION-AGREE": (make_instance(
            regions=["astana", "akmola"], ministries=["health"],
            free={"astana": [Q1, Q2], "akmola": []}, issues=[("akmola", "health", 10)]), {}),
        # Arisen tension in Astana on 8 January (before the lead window) for Health.
        "URGENT-TENSION": (make_instance(
            regions=["astana"], ministries=["health"],
            free={"astana": ["2027-01-09", "2027-01-10", Q1, Q2]},
            alerts=[("alert-astana", "astana", ["health"], "arisen", "2027-01-08")]), {}),
        # The population of Astana asks for the akim on 8 January.
        "EXTRA-DEMAND": (make_instance(
            regions=["astana"], akimats=["astana"],
            free={"astana": ["2027-01-09", "2027-01-10", Q1A, Q2]},
            alerts=[("alert-astana", "astana", ["akimat-astana"], "arisen", "2027-01-08")]), {}),
        # Issue 15. The regional akim owes all three districts (no history); FREQ-LOAD
        # charges an akim's meetings beyond what he owes, so without the rule he holds two.
        "AKIM-ROTATION": (_akims_instance(districts=3), {}),
        # Five rural akims and their district akim (five okrugs) share six free Saturdays;
        # without the cap they all aim at the same middle day.
        "AKIM-SPREAD": (_akims_instance(districts=1, okrugs=5),
                        {"AKIM-SPREAD": {"district_per_day": 2}}),
        # A three-hour travel window (07:00-10:00): Pavlodar (issue 50) is 3.03 h from Astana,
        # the base, Karaganda 2.76 h; Astana blocks every date. Without the rule the minister
        # meets twice in Pavlodar (no trip between two meetings in one region).
        "TRAVEL-BASE": (make_instance(
            regions=["astana", "karaganda", "pavlodar"], ministries=["health"],
            free={"astana": []}, issues=[("pavlodar", "health", 50)]),
            {"TRAVEL": {"travel_until": "10:00"}}),
        # Akmola, Karaganda and Pavlodar (issue 20 each) are free on 13, 14, 15 February only.
        "FREQ-SPACING": (make_instance(
            regions=["astana", "akmola", "karaganda", "pavlodar"], ministries=["health"],
            free={"akmola": ["2027-02-13"], "karaganda": ["2027-02-14"],
                  "pavlodar": ["2027-02-15"], "astana": [Q2, "2027-04-24"]},
            issues=[("akmola", "health", 20), ("karaganda", "health", 20),
                    ("pavlodar", "health", 20)]), {}),
    }


def _akims_instance(districts: int, okrugs: int = 0) -> Instance:
    """Abai with its regional akim (``okrugs`` = 0) or a district akim with ``okrugs`` rural
    okrugs and their rural akims; six free Saturdays from 27 February."""
    from conftest import H1_2027, _names
    free = {dt.date(2027, 2, 27) + dt.timedelta(days=7 * k) for k in range(6)}
    units = [{"id": f"abai-d{k}", "name": _names(f"d{k}"), "kind": "district",
              "okrugs": [{"id": f"abai-d{k}-r{j}", "name": _names(f"r{j}")}
                         for j in range(1, okrugs + 1)] if k == 1 else []}
             for k in range(1, districts + 1)]
    bodies, officials = [], []

    def akim(body: str, level: str, **extra) -> None:
        bodies.append({"id": f"akimat-{body}", "kind": "akimat", "region_id": "abai",
                       "name": _names(f"Akimat {body}")})
        officials.append({"id": f"akim-{body}", "title": _names(f"Akim {body}"),
                          "body_id": f"akimat-{body}", "role": "first_head",
                          "akim_level": level, "base_region_id": "abai", **extra})

    if okrugs:
        akim("abai-d1", "district", district_id="abai-d1")
        for j in range(1, okrugs + 1):
            akim(f"abai-d1-r{j}", "rural", district_id="abai-d1", okrug_id=f"abai-d1-r{j}")
    else:
        akim("abai", "region")
    return Instance.model_validate({
        "name": "akims", "horizon": {"year": 2027, "half": 1}, "approval_date": "2026-12-15",
        "regions": [{"id": "abai", "name": _names("Abai"), "centre": {
            "name": "Semey", "lat": 50.42, "lon": 80.25}, "districts": units}],
        "bodies": bodies, "officials": officials,
        "region_dates": [{"region_id": "abai", "date": d.isoformat(), "kind": "blocked"}
                         for d in H1_2027 if d not in free]})


CASES = _cases()
RULES = sorted(CASES)


def base_profile(kz2024, rule_id):
    profile = kz2024
    for rule, params in CASES[rule_id][1].items():
        profile = profile.with_params(rule, **params)
    return profile


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_is_obeyed(kz2024, rule_id):
    """With the full profile the planner's calendar obeys the rule (and every other)."""
    instance, profile = CASES[rule_id][0], base_profile(kz2024, rule_id)
    result = plan(instance, profile)
    assert result.calendar is not None, result.status
    report = check(instance, profile, result.calendar)
    assert report.violations_by_rule[rule_id] == 0, report.violations
    assert report.ok, report.violations


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_switched_off_is_broken(kz2024, rule_id):
    """Without the rule's constraints the optimiser breaks it: the constraint group binds."""
    instance, profile = CASES[rule_id][0], base_profile(kz2024, rule_id)
    result = plan(instance, profile.without(rule_id))
    assert result.calendar is not None, result.status
    report = check(instance, profile, result.calendar)
    assert report.violations_by_rule.get(rule_id, 0) > 0, result.calendar.meetings


def test_all_hard_rules_covered(kz2024):
    """Every hard rule of kz-2024 has a binding case above."""
    hard = {rid for rid, rule in kz2024.rules.items() if rule.kind == "hard" and rule.enabled}
    assert hard == set(RULES)


# ------------------------------------------------------------------- specifics
def _oos(calendar):
    return [m for m in calendar.meetings if m.kind is MeetingKind.out_of_schedule]


@pytest.mark.parametrize("rule_id,official", [("URGENT-TENSION", "minister-health"),
                                              ("EXTRA-DEMAND", "akim-astana")])
def test_alert_meeting_within_seven_days(kz2024, rule_id, official):
    """An arisen alert gets one out-of-schedule meeting within 7 days, announced at once."""
    result = plan(CASES[rule_id][0], kz2024)
    (m,) = _oos(result.calendar)
    assert m.official_id == official and m.alert_id == "alert-astana"
    assert D("2027-01-08") <= m.date <= D("2027-01-15")
    assert m.announce_by == D("2027-01-08") and "arisen" in m.reason


def test_deputy_presents_for_an_ill_minister(kz2024):
    """The ill minister's Q1 meeting is presented by a deputy, the reason names the absence."""
    result = plan(CASES["SUBST-DEPUTY"][0], kz2024)
    (q1,) = [m for m in result.calendar.meetings if m.quarter == 1]
    assert q1.substituted and q1.presenter_id.endswith("vice-minister-health")
    assert "illness" in q1.reason
    assert all(not m.substituted for m in result.calendar.meetings if m.quarter == 2)
    assert result.cost_by_rule["SUBST-DEPUTY"] == kz2024.get("SUBST-DEPUTY").w_substitution


def test_no_substitution_when_the_minister_can_come(kz2024):
    """A short illness on the preferred date: the minister comes a week later himself."""
    inst = make_instance(regions=["astana"], ministries=["health"],
                         free={"astana": [Q1, "2027-02-20", Q2]}, preferred=[("astana", Q1)],
                         absences=[("minister-health", Q1, "2027-02-14", "illness")])
    result = plan(inst, kz2024)
    assert result.check.ok, result.check.violations
    assert not any(m.substituted for m in result.calendar.meetings)
    assert D("2027-02-20") in {m.date for m in result.calendar.meetings}


def test_absence_for_other_reasons_moves_the_meeting(kz2024):
    """Reason 'other' allows no deputy: the meeting moves out of the absence."""
    inst = make_instance(regions=["astana"], ministries=["health"],
                         free={"astana": [Q1, "2027-03-13", Q2]}, preferred=[("astana", Q1)],
                         absences=[("minister-health", "2027-02-01", "2027-02-28", "other")])
    result = plan(inst, kz2024)
    assert result.check.ok, result.check.violations
    assert not any(m.substituted for m in result.calendar.meetings)
    assert sorted(m.date for m in result.calendar.meetings) == [D("2027-03-13"), D(Q2)]


def test_nobody_can_present_is_infeasible(kz2024):
    """Minister and both deputies ill all Q1: INFEASIBLE, no calendar."""
    people = ["minister-health", "first-vice-minister-health", "vice-minister-health"]
    inst = make_instance(regions=["astana"], ministries=["health"], free={"astana": [Q1, Q2]},
                         absences=[(p, "2027-01-01", "2027-03-31", "illness") for p in people])
    result = plan(inst, kz2024)
    assert result.status == "INFEASIBLE" and result.calendar is None


# ------------------------------------------------------- regressions (fixed in 90f55f0)
def test_no_simultaneous_meetings_in_two_regions_without_clash_person(kz2024):
    """With CLASH-PERSON off, TRAVEL alone still forbids being in two regions at once."""
    result = plan(CASES["CLASH-PERSON"][0], kz2024.without("CLASH-PERSON"))
    assert result.check.ok, result.check.violations


def test_duplicate_preferred_date_costs_once(kz2024):
    """A preferred (region, date) listed twice is one pair: the objective equals the checker."""
    inst = make_instance(regions=["astana"], ministries=["health"],
                         preferred=[("astana", "2027-01-09"), ("astana", "2027-01-09")])
    result = plan(inst, kz2024)
    assert result.check.cost_by_rule["REGION-AGREE"] == kz2024.get("REGION-AGREE").w_preferred
    assert result.check.total_cost == pytest.approx(result.objective)


def _district_instance():
    """Abai with a regional akim, two deputies and four district akims; one free Q1 evening."""
    from conftest import H1_2027, _names
    wednesday = dt.date(2027, 2, 10)
    districts = [f"abai-d{k}" for k in range(1, 5)]
    bodies = [{"id": "akimat-abai", "kind": "akimat", "region_id": "abai",
               "name": _names("Akimat of Abai region")}]
    officials = [{"id": "akim-abai", "title": _names("Akim of Abai region"),
                  "body_id": "akimat-abai", "role": "first_head", "akim_level": "region",
                  "base_region_id": "abai"}]
    officials += [{"id": f"deputy-akim-abai-{k}", "title": _names(f"Deputy akim of Abai {k}"),
                   "body_id": "akimat-abai", "role": "deputy", "deputy_of": "akim-abai",
                   "base_region_id": "abai"} for k in (1, 2)]
    for d in districts:
        bodies.append({"id": f"akimat-{d}", "kind": "akimat", "region_id": "abai",
                       "name": _names(f"Akimat of district {d}")})
        officials.append({"id": f"akim-{d}", "title": _names(f"Akim of district {d}"),
                          "body_id": f"akimat-{d}", "role": "first_head",
                          "akim_level": "district", "district_id": d, "base_region_id": "abai"})
    return Instance.model_validate({
        "name": "districts", "horizon": {"year": 2027, "half": 1},
        "approval_date": "2026-12-15",
        "regions": [{"id": "abai", "name": _names("Abai"), "centre": {
            "name": "Semey", "lat": 50.42, "lon": 80.25},
            "districts": [{"id": d, "name": _names(d)} for d in districts]}],
        "bodies": bodies, "officials": officials,
        "region_dates": [{"region_id": "abai", "date": d.isoformat(), "kind": "blocked"}
                         for d in H1_2027 if d.month <= 3 and d != wednesday]})


def test_attend_district_binds_under_kz_2016():
    """Four district akims, one free Q1 evening, the regional akim and two deputies to
    attend: ATTEND-DISTRICT makes it infeasible; without it a calendar breaks the rule."""
    from scheduler.io import load_profile
    kz2016 = load_profile("kz-2016").without("ATTEND-GOV")  # (no minister to attend)
    inst = _district_instance()
    assert plan(inst, kz2016).status == "INFEASIBLE"
    loose = plan(inst, kz2016.without("ATTEND-DISTRICT"))
    assert loose.calendar is not None
    assert check(inst, kz2016, loose.calendar).violations_by_rule["ATTEND-DISTRICT"] > 0


def test_regional_akim_rotates_over_districts(kz2024):
    """A regional akim's meetings go to districts he has not visited yet; district akims
    meet in their own district; the checker flags a return visit."""
    inst = _district_instance().model_copy(update={"region_dates": ()})
    result = plan(inst, kz2024)
    assert result.check.ok, result.check.violations
    regional = [m for m in result.calendar.meetings if m.official_id == "akim-abai"]
    assert len(regional) >= 2
    assert len({m.district_id for m in regional}) == len(regional)
    for m in result.calendar.meetings:
        official = inst.official(m.official_id)
        if official.district_id:
            assert m.district_id == official.district_id
    first, second = sorted(regional, key=lambda m: m.date)[:2]
    again = second.model_copy(update={"district_id": first.district_id})
    broken = result.calendar.model_copy(update={"meetings": tuple(
        again if m.id == second.id else m for m in result.calendar.meetings)})
    assert check(inst, kz2024, broken).violations_by_rule["FREQ-AKIM"] == 1


def test_independent_akims_are_planned_apart_at_the_same_cost(kz2024):
    """District akims tied to nobody are given their meetings outside the grid; the
    calendar passes the checker and its cost (an issue of a district akimat included)
    is the objective."""
    from scheduler.model.cpmodel import CalendarModel
    base = _district_instance().model_copy(update={"region_dates": ()})
    inst = Instance.model_validate({**base.model_dump(), "issues": [
        {"id": "i-d1", "region_id": "abai", "body_id": "akimat-abai-d1", "weight": 4,
         "text": {"kk": "x", "ru": "x"}}]})
    assert set(CalendarModel(inst, kz2024).fixed) == {f"akim-abai-d{k}" for k in range(1, 5)}
    result = plan(inst, kz2024)
    assert result.check.ok, result.check.violations
    assert result.check.total_cost == pytest.approx(result.objective)
    assert {m.official_id for m in result.calendar.meetings} >= {"akim-abai-d1", "akim-abai-d4"}


def _attend_gov_instance(second_free):
    """Two oblast akims (Q1 under kz-2016), one member of the Government to attend: the
    Karaganda akim can meet only on 13 February, the Pavlodar akim on ``second_free``."""
    return make_instance(regions=["astana", "karaganda", "pavlodar"], ministries=["health"],
                         akimats=["karaganda", "pavlodar"],
                         free={"karaganda": ["2027-02-13"], "pavlodar": second_free})


def test_attend_gov_binds_under_kz_2016():
    """ATTEND-GOV (S-2016 item 12.4): each oblast akim's meeting is attended by a member of
    the Government, the model's choice written to ``attendee_ids``; the one minister
    attends at most one a day, so both akims on 13 February is infeasible; without the rule
    a calendar lists nobody and the checker flags it."""
    from scheduler.io import load_profile
    kz2016 = load_profile("kz-2016")
    inst = _attend_gov_instance(["2027-02-13", "2027-02-20"])
    result = plan(inst, kz2016)
    assert result.check.ok, result.check.violations
    akims = [m for m in result.calendar.meetings if m.official_id.startswith("akim-")]
    assert len(akims) == 2 and len({m.date for m in akims}) == 2
    assert all(m.attendee_ids == ("minister-health",) for m in akims)
    assert result.check.total_cost == pytest.approx(result.objective)
    assert plan(_attend_gov_instance(["2027-02-13"]), kz2016).status == "INFEASIBLE"
    loose = plan(inst, kz2016.without("ATTEND-GOV"))
    assert loose.calendar is not None
    assert check(inst, kz2016, loose.calendar).violations_by_rule["ATTEND-GOV"] >= 2


def test_attend_gov_travel_binds_under_kz_2016():
    """The attending minister travels like a presenter: from the Mangystau akim's Friday
    evening (ends 20:30) he cannot be in East Kazakhstan (5.8 h away) for a 10:00 meeting
    on Saturday, so the akim there meets at 15:00; a 10:00 meeting fails the checker, and
    with Saturday mornings only no calendar exists."""
    from scheduler.io import load_profile
    kz2016 = load_profile("kz-2016")
    inst = make_instance(regions=["astana", "mangystau", "east-kazakhstan"],
                         ministries=["health"], akimats=["mangystau", "east-kazakhstan"],
                         free={"mangystau": ["2027-02-12"], "east-kazakhstan": ["2027-02-13"]})
    result = plan(inst, kz2016)
    assert result.check.ok, result.check.violations
    east = next(m for m in result.calendar.meetings if m.official_id == "akim-east-kazakhstan")
    assert east.start == dt.time(15) and east.attendee_ids == ("minister-health",)
    early = east.model_copy(update={"start": dt.time(10), "end": dt.time(12)})
    broken = result.calendar.model_copy(update={"meetings": tuple(
        early if m.id == east.id else m for m in result.calendar.meetings)})
    assert any("cannot travel" in v.message for v in check(inst, kz2016, broken).violations
               if v.rule_id == "ATTEND-GOV")
    mornings = kz2016.with_params("TIME-OFFHOURS", weekend_slots=["10:00-12:00"])
    assert plan(inst, mornings).status == "INFEASIBLE"
    assert plan(inst, mornings.without("ATTEND-GOV")).calendar is not None


def test_freq_window_is_a_grid_filter_kept_under_guards_in_explanations():
    """FREQ-WINDOW leaves a body's planned meetings outside its quarter out of the grid (no
    variable fixed at 0 by a row); an explanation's grid keeps each of them under the guard
    (FREQ-WINDOW, official), so that with the guards on it is the planning grid."""
    from conftest import TINY

    from scheduler.instance import quarter_of
    from scheduler.io import load_profile
    from scheduler.model.variables import create_candidates
    from scheduler.rules import freq_window

    kz2018 = load_profile("kz-2018")
    grid = create_candidates(TINY, kz2018)
    planned = [c for c in grid if c.kind is MeetingKind.planned]
    assert planned
    for cand in planned:
        quarter = freq_window.window(TINY, kz2018, TINY.official(cand.official))
        assert quarter_of(cand.slot.date) == quarter
    guards: dict = {}
    explained = create_candidates(TINY, kz2018, guards=guards)
    left_out = [c for c in explained if freq_window.guard(c.official) in guards.get(c, ())]
    assert left_out and all(
        quarter_of(c.slot.date) != freq_window.window(TINY, kz2018, TINY.official(c.official))
        for c in left_out)
    assert [c for c in explained if c not in guards] == grid
