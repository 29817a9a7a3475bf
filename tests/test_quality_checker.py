"""Issue 15 in the independent checker: akims under the 2023 amendment (AKIM-ROTATION,
AKIM-SPREAD), the calendar-quality costs (URGENT-EARLY, TIME-EVENING, FREQ-SPACING,
FREQ-LOAD), TRAVEL-BASE and ATTEND-GOV (S-2016 item 12.4). Each rule is broken once, or
costed once, on a small hand-made calendar, with the rule switched on in a copy of kz-2024
(the profiles keep them off until the planner has their model side). The districts, rural
okrugs and visit history of an instance are validated with the file and field named."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import AGENDA, CENTRES, D, make_instance, month_before

from scheduler.checker import check
from scheduler.instance import Instance
from scheduler.io import InputError, load_instance, load_profile
from scheduler.meetings import Calendar, Meeting

NEW = ("AKIM-ROTATION", "AKIM-SPREAD", "FREQ-SPACING", "FREQ-LOAD", "TIME-EVENING",
       "URGENT-EARLY", "TRAVEL-BASE", "ATTEND-GOV")


def profile(*on: str, **params):
    """kz-2024 with these issue-15 rules on (``params``: rule id -> parameters)."""
    p = load_profile("kz-2024")
    for rule_id in on:
        p = p.with_params(rule_id, enabled=True, **params.get(rule_id.replace("-", "_"), {}))
    return p


def _names(en: str) -> dict:
    return {"kk": en, "ru": en, "en": en}


def district_instance(history: list[tuple[str, str]] | None = None, **extra) -> Instance:
    """Pavlodar with five district-level units (d1-d3 districts, d4 a city district, c5 a
    city of regional significance); d1 has two rural okrugs with their rural akims; the
    regional akim, the akim of d1, the Minister of Health. ``history``: (district, date)
    visits of the regional akim in 2026-H2."""
    base = make_instance(regions=["astana", "pavlodar", "karaganda"], ministries=["health"],
                         akimats=["pavlodar"], **extra)
    data = base.model_dump(mode="json")
    kinds = {"d1": "district", "d2": "district", "d3": "district", "d4": "city_district",
             "c5": "city"}
    data["regions"][1]["districts"] = [
        {"id": f"pavlodar-{d}", "name": _names(f"Unit {d}"), "kind": kind, "generated": True,
         "okrugs": [{"id": f"pavlodar-d1-r{k}", "name": _names(f"Okrug {k}"),
                     "generated": True} for k in (1, 2)] if d == "d1" else []}
        for d, kind in kinds.items()]
    data["bodies"] += [
        {"id": "akimat-pavlodar-d1", "kind": "akimat", "name": _names("Akimat of d1"),
         "region_id": "pavlodar"},
        *({"id": f"akimat-pavlodar-d1-r{k}", "kind": "akimat",
           "name": _names(f"Akimat of okrug {k}"), "region_id": "pavlodar"} for k in (1, 2))]
    data["officials"] += [
        {"id": "akim-pavlodar-d1", "title": _names("Akim of d1"), "body_id": "akimat-pavlodar-d1",
         "role": "first_head", "akim_level": "district", "district_id": "pavlodar-d1",
         "base_region_id": "pavlodar"},
        *({"id": f"akim-pavlodar-d1-r{k}", "title": _names(f"Akim of okrug {k}"),
           "body_id": f"akimat-pavlodar-d1-r{k}", "role": "first_head", "akim_level": "rural",
           "district_id": "pavlodar-d1", "okrug_id": f"pavlodar-d1-r{k}",
           "base_region_id": "pavlodar"} for k in (1, 2))]
    if history is not None:
        data["visit_history"] = {"horizon": {"year": 2026, "half": 2}, "visits": [
            {"official_id": "akim-pavlodar", "district_id": f"pavlodar-{d}", "date": day}
            for d, day in history]}
    return Instance.model_validate(data)


def meet(inst: Instance, mid: str, official: str, region: str, day: str,
         slot: str = "10:00-12:00", *, district: str | None = None, okrug: str | None = None,
         alert: str | None = None, attendees: tuple[str, ...] = ()) -> Meeting:
    date = D(day)
    start, end = (dt.time.fromisoformat(t) for t in slot.split("-"))
    announce = month_before(date) if alert is None else \
        next(a.date for a in inst.alerts if a.id == alert)
    return Meeting(id=mid, official_id=official, presenter_id=official,
                   body_id=inst.official(official).body_id, region_id=region,
                   district_id=district, okrug_id=okrug, date=date, start=start, end=end,
                   quarter=(date.month - 1) // 3 + 1,
                   kind="planned" if alert is None else "out_of_schedule", alert_id=alert,
                   announce_by=announce, results_by=date + dt.timedelta(days=10),
                   attendee_ids=attendees, **AGENDA)


def calendar(*meetings: Meeting) -> Calendar:
    return Calendar(instance="case", profile="kz-2024", horizon="2027-H1",
                    approval_date=D("2026-12-15"), status="HAND-MADE", meetings=meetings)


def of_rule(report, rule_id: str, who: str = "") -> list[str]:
    return [v.message for v in report.violations if v.rule_id == rule_id and who in v.message]


# ---------------------------------------------------------------- AKIM-ROTATION
def test_region_akim_owes_the_districts_not_visited_in_the_previous_half_year():
    """Visited d1, d2 in 2026-H2: d3 and the city district d4 are owed, the city c5 never."""
    inst = district_instance(history=[("d1", "2026-09-12"), ("d2", "2026-10-03")])
    p = profile("AKIM-ROTATION")
    one = calendar(meet(inst, "a1", "akim-pavlodar", "pavlodar", "2027-03-06",
                        district="pavlodar-d3"))
    regional = "Akim of Pavlodar Region"
    found = of_rule(check(inst, p, one), "AKIM-ROTATION", regional)
    assert len(found) == 1 and "Unit d4" in found[0] and "2026-H2" in found[0], found
    both = calendar(*one.meetings, meet(inst, "a2", "akim-pavlodar", "pavlodar", "2027-04-10",
                                        district="pavlodar-d4"))
    assert of_rule(check(inst, p, both), "AKIM-ROTATION", regional) == []
    # without a history, all four districts are owed (a cold start)
    cold = district_instance()
    assert len(of_rule(check(cold, p, both), "AKIM-ROTATION", regional)) == 2
    # off under kz-2016: nothing judged
    assert "AKIM-ROTATION" not in check(cold, load_profile("kz-2016"), both).checked


def test_district_akim_visits_each_rural_okrug_and_rural_akims_their_own():
    inst = district_instance(history=[(d, "2026-09-12") for d in ("d1", "d2", "d3", "d4")])
    p = profile("AKIM-ROTATION")
    cal = calendar(
        meet(inst, "d1", "akim-pavlodar-d1", "pavlodar", "2027-03-06", district="pavlodar-d1",
             okrug="pavlodar-d1-r1"),
        meet(inst, "r1", "akim-pavlodar-d1-r1", "pavlodar", "2027-03-13", district="pavlodar-d1",
             okrug="pavlodar-d1-r2"))
    found = of_rule(check(inst, p, cal), "AKIM-ROTATION")
    assert any("Okrug 2" in f and "holds 0" in f for f in found), found
    assert any("own rural okrug 'pavlodar-d1-r1'" in f for f in found), found
    assert len(found) == 2
    fixed = calendar(
        *cal.meetings[:1],
        meet(inst, "d1b", "akim-pavlodar-d1", "pavlodar", "2027-04-03", district="pavlodar-d1",
             okrug="pavlodar-d1-r2"),
        meet(inst, "r1", "akim-pavlodar-d1-r1", "pavlodar", "2027-03-13", district="pavlodar-d1",
             okrug="pavlodar-d1-r1"))
    assert of_rule(check(inst, p, fixed), "AKIM-ROTATION") == []
    # an okrug of another district; and three meetings in one month above max_per_month 2
    strays = calendar(*fixed.meetings, meet(inst, "d1c", "akim-pavlodar-d1", "pavlodar",
                                            "2027-04-10", district="pavlodar-d1",
                                            okrug="pavlodar-d2-r1"),
                      meet(inst, "d1d", "akim-pavlodar-d1", "pavlodar", "2027-04-17",
                           district="pavlodar-d1", okrug="pavlodar-d1-r1"))
    found = of_rule(check(inst, profile("AKIM-ROTATION", AKIM_ROTATION={"max_per_month": 2}),
                          strays), "AKIM-ROTATION")
    assert any("not in the akim's district" in f for f in found), found
    assert any("April 2027; at most 2 a month" in f for f in found), found


# ------------------------------------------------------------------- AKIM-SPREAD
def test_one_akims_meeting_a_day_per_district_and_a_crowded_region_costs():
    inst = district_instance()
    p = profile("AKIM-SPREAD", AKIM_SPREAD={"region_day_target": 1, "w_crowd": 5})
    same_day = calendar(
        meet(inst, "a", "akim-pavlodar", "pavlodar", "2027-03-06", district="pavlodar-d1"),
        meet(inst, "b", "akim-pavlodar-d1", "pavlodar", "2027-03-06", "15:00-17:00",
             district="pavlodar-d1", okrug="pavlodar-d1-r1"),
        meet(inst, "c", "akim-pavlodar-d1-r2", "pavlodar", "2027-03-06", district="pavlodar-d1",
             okrug="pavlodar-d1-r2"))
    report = check(inst, p, same_day)
    assert len(of_rule(report, "AKIM-SPREAD")) == 1
    assert report.cost_by_rule["AKIM-SPREAD"] == 5 * 2  # three meetings, target one
    spread = calendar(*(m.model_copy(update={"date": m.date + dt.timedelta(days=7 * n),
                                             "announce_by": month_before(
                                                 m.date + dt.timedelta(days=7 * n))})
                        for n, m in enumerate(same_day.meetings)))
    report = check(inst, p, spread)
    assert of_rule(report, "AKIM-SPREAD") == [] and report.cost_by_rule["AKIM-SPREAD"] == 0
    capped = check(inst, profile("AKIM-SPREAD", AKIM_SPREAD={"district_per_day": 3,
                                                             "region_per_day": 2}), same_day)
    assert len(of_rule(capped, "AKIM-SPREAD")) == 1 and "Pavlodar" in of_rule(capped,
                                                                              "AKIM-SPREAD")[0]


# ------------------------------------------------------ FREQ-SPACING, FREQ-LOAD
def test_spacing_costs_the_shared_seven_day_runs_and_caps_two_planned_a_week():
    inst = district_instance()
    p = profile("FREQ-SPACING", "FREQ-LOAD", FREQ_LOAD={"w_extra": 10, "w_extra_akim": 0})
    two = calendar(meet(inst, "h1", "minister-health", "astana", "2027-02-13"),
                   meet(inst, "h2", "minister-health", "astana", "2027-02-16", "18:30-20:30"),
                   meet(inst, "h3", "minister-health", "astana", "2027-04-17"))
    report = check(inst, p, two)
    assert of_rule(report, "FREQ-SPACING") == []
    assert report.cost_by_rule["FREQ-SPACING"] == 2 * (7 - 3)  # 4 runs of 7 days hold both
    assert report.cost_by_rule["FREQ-LOAD"] == 10  # Q1: 2 planned, one beyond the free one
    three = calendar(*two.meetings, meet(inst, "h4", "minister-health", "astana", "2027-02-18",
                                         "18:30-20:30"))
    report = check(inst, p, three)
    assert len(of_rule(report, "FREQ-SPACING")) == 1
    assert report.cost_by_rule["FREQ-LOAD"] == 20
    # counted run by run: each 7-day run costs its meetings beyond the first
    runs = [(dt.date(2027, 2, 12) + dt.timedelta(days=n)) for n in range(-6, 12)]
    dates = [D("2027-02-13"), D("2027-02-16"), D("2027-02-18")]
    expected = sum(max(0, sum(s <= d < s + dt.timedelta(days=7) for d in dates) - 1)
                   for s in runs)
    assert report.cost_by_rule["FREQ-SPACING"] == 2 * expected


# -------------------------------------------------------------- TIME-EVENING
def test_working_day_evenings_far_from_the_base_cost_weekends_do_not():
    inst = district_instance()
    p = profile("TIME-EVENING")
    cal = calendar(meet(inst, "sat", "minister-health", "pavlodar", "2027-03-06"),
                   meet(inst, "tue", "minister-health", "pavlodar", "2027-03-16", "18:30-20:30"),
                   meet(inst, "home", "minister-health", "astana", "2027-04-06", "18:30-20:30"))
    report = check(inst, p, cal)
    assert report.cost_by_rule["TIME-EVENING"] == 10
    assert [c.meeting_ids for c in report.costs if c.rule_id == "TIME-EVENING"] == [("tue",)]
    near = profile("TIME-EVENING", TIME_EVENING={"near_hours": 3.1})  # Pavlodar: 3.03 h
    assert check(inst, near, cal).cost_by_rule["TIME-EVENING"] == 0


# -------------------------------------------------------------- URGENT-EARLY
@pytest.mark.parametrize("level, weight", [("arisen", 10), ("forecast", 3)])
def test_each_day_from_the_alert_to_its_meeting_costs(level, weight):
    inst = district_instance(alerts=[("al", "pavlodar", ["health"], level, "2027-03-10")])
    cal = calendar(meet(inst, "u", "minister-health", "pavlodar", "2027-03-13", alert="al"))
    report = check(inst, profile("URGENT-EARLY"), cal)
    assert report.cost_by_rule["URGENT-EARLY"] == 3 * weight
    same_day = calendar(meet(inst, "u", "minister-health", "pavlodar", "2027-03-10",
                             "18:30-20:30", alert="al"))
    assert check(inst, profile("URGENT-EARLY"), same_day).cost_by_rule["URGENT-EARLY"] == 0


# --------------------------------------------------------------- TRAVEL-BASE
def test_everyone_starts_from_the_base_and_is_back_on_working_days():
    """With a two-hour travel window (07:00-09:00) Karaganda (2.8 h from Astana) is out of
    reach in a day: the first leg from the base breaks, and a working day between two
    Karaganda meetings adds the trip back and out again."""
    inst = district_instance()
    short = profile("TRAVEL-BASE").with_params("TRAVEL", travel_until="09:00")
    weekend = calendar(meet(inst, "s1", "minister-health", "karaganda", "2027-03-06"),
                       meet(inst, "s2", "minister-health", "karaganda", "2027-03-07"))
    assert len(of_rule(check(inst, short, weekend), "TRAVEL-BASE")) == 1
    week = calendar(meet(inst, "s1", "minister-health", "karaganda", "2027-03-06"),
                    meet(inst, "s2", "minister-health", "karaganda", "2027-03-13"))
    found = of_rule(check(inst, short, week), "TRAVEL-BASE")
    assert len(found) == 3 and any("back to the base" in f for f in found), found
    assert of_rule(check(inst, profile("TRAVEL-BASE"), week), "TRAVEL-BASE") == []
    home = calendar(meet(inst, "s1", "minister-health", "astana", "2027-03-06"))
    assert of_rule(check(inst, short, home), "TRAVEL-BASE") == []


# ---------------------------------------------------------------- ATTEND-GOV
def test_government_members_attend_regional_akims_meetings():
    inst = district_instance(absences=[("minister-health", "2027-03-20", "2027-03-21",
                                        "illness")])
    p = profile("ATTEND-GOV")
    akim = dict(district="pavlodar-d1")
    alone = calendar(meet(inst, "a", "akim-pavlodar", "pavlodar", "2027-03-06", **akim))
    assert "needs 1" in of_rule(check(inst, p, alone), "ATTEND-GOV")[0]
    attended = calendar(meet(inst, "a", "akim-pavlodar", "pavlodar", "2027-03-06",
                             attendees=("minister-health",), **akim))
    assert of_rule(check(inst, p, attended), "ATTEND-GOV") == []
    # the minister presents his own meeting in Karaganda the same afternoon
    busy = calendar(*attended.meetings, meet(inst, "h", "minister-health", "karaganda",
                                             "2027-03-06", "15:00-17:00"))
    found = of_rule(check(inst, p, busy), "ATTEND-GOV")
    assert any("2 meetings on" in f for f in found) and any("cannot travel" in f for f in found)
    ill = calendar(meet(inst, "a", "akim-pavlodar", "pavlodar", "2027-03-20",
                        attendees=("minister-health",), **akim))
    assert any("absent" in f for f in of_rule(check(inst, p, ill), "ATTEND-GOV"))
    wrong = calendar(meet(inst, "a", "akim-pavlodar", "pavlodar", "2027-03-06",
                          attendees=("vice-minister-health",), **akim),
                     meet(inst, "h", "minister-health", "astana", "2027-03-13",
                          attendees=("minister-health",)))
    found = of_rule(check(inst, p, wrong), "ATTEND-GOV")
    assert any("only ministers are" in f for f in found)
    assert any("not a regional akim's meeting" in f for f in found)


def test_which_new_rules_each_builtin_profile_switches_on():
    """kz-2024 has every issue-15 rule with a model side but ATTEND-GOV, an edition's rule
    (S-2016 item 12.4) that kz-2016 and kz-2018 switch on (scheduler/rules/attend_gov.py)."""
    for name in ("kz-2016", "kz-2018"):
        assert [r for r in NEW if load_profile(name).on(r)] == ["ATTEND-GOV"], name
    assert [r for r in NEW if load_profile("kz-2024").on(r)] == [
        "AKIM-ROTATION", "AKIM-SPREAD", "FREQ-SPACING", "FREQ-LOAD", "TIME-EVENING",
        "URGENT-EARLY", "TRAVEL-BASE"]


def test_akims_extra_meetings_cost_what_they_do_not_owe():
    """FREQ-LOAD w_extra_akim: the regional akim owes d3 and d4 (history d1, d2) and two
    quarterly meetings; a third planned meeting costs one."""
    inst = district_instance(history=[("d1", "2026-09-12"), ("d2", "2026-10-03")])
    p = profile("FREQ-LOAD", FREQ_LOAD={"w_extra": 0, "w_extra_akim": 1})
    akim = [meet(inst, "a1", "akim-pavlodar", "pavlodar", "2027-03-06", district="pavlodar-d3"),
            meet(inst, "a2", "akim-pavlodar", "pavlodar", "2027-04-10", district="pavlodar-d4")]
    assert check(inst, p, calendar(*akim)).cost_by_rule["FREQ-LOAD"] == 0
    more = meet(inst, "a3", "akim-pavlodar", "pavlodar", "2027-05-08", district="pavlodar-c5")
    assert check(inst, p, calendar(*akim, more)).cost_by_rule["FREQ-LOAD"] == 1


# ------------------------------------------------------- instance data, bad input
def _write(tmp_path, data) -> str:
    path = tmp_path / "inst.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("change, field", [
    (lambda d: d["visit_history"].update(horizon={"year": 2026, "half": 1}),
     "visit_history.horizon"),
    (lambda d: d["visit_history"]["visits"][0].update(district_id="pavlodar-d9"),
     "visit_history.visits[0].district_id"),
    (lambda d: d["visit_history"]["visits"][0].update(official_id="akim-pavlodar-d1"),
     "visit_history.visits[0].official_id"),
    (lambda d: d["visit_history"]["visits"][0].update(date="2027-01-05"),
     "visit_history.visits[0].date"),
    (lambda d: d["regions"][1]["districts"][0]["okrugs"][1].update(id="pavlodar-d1-r1"),
     "districts[0].okrugs[1].id"),
    (lambda d: d["officials"][-1].update(okrug_id="pavlodar-d2-r1"), "okrug_id"),
    (lambda d: d["regions"][1]["districts"][0].update(kind="village"), "kind"),
])
def test_bad_units_and_history_name_the_file_and_field(tmp_path, change, field):
    data = district_instance(history=[("d1", "2026-09-12")]).model_dump(mode="json")
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as err:
        load_instance(path)
    assert path in str(err.value) and field in str(err.value), str(err.value)


def test_units_and_history_round_trip_through_json(tmp_path):
    inst = district_instance(history=[("d1", "2026-09-12")])
    again = load_instance(_write(tmp_path, inst.model_dump(mode="json")))
    assert again == inst
    assert again.region("pavlodar").districts[0].okrugs[1].id == "pavlodar-d1-r2"
    assert again.visit_history.visits[0].district_id == "pavlodar-d1"
    assert CENTRES["pavlodar"]  # the real centre


def test_units_and_history_round_trip_through_the_workbook(tmp_path):
    from scheduler.workbook import read_instance_workbook, write_instance_workbook

    inst = district_instance(history=[("d1", "2026-09-12"), ("d4", "2026-11-07")])
    write_instance_workbook(inst, tmp_path / "inst.xlsx")
    assert read_instance_workbook(tmp_path / "inst.xlsx") == inst


def test_a_bad_visit_in_the_workbook_names_its_sheet_row_and_field(tmp_path):
    from conftest import edit_workbook_cell

    from scheduler.workbook import read_instance_workbook, write_instance_workbook

    inst = district_instance(history=[("d1", "2026-09-12"), ("d4", "2026-11-07")])
    write_instance_workbook(inst, tmp_path / "inst.xlsx")
    edit_workbook_cell(tmp_path / "inst.xlsx", "visit_history", "date", 3, "2027-13-01")
    with pytest.raises(InputError) as err:
        read_instance_workbook(tmp_path / "inst.xlsx")
    assert "sheet 'visit_history', row 3, field 'date'" in str(err.value), str(err.value)
