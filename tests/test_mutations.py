"""Mutation test of kz-2024: every rule switched off and every parameter changed is noticed.

For each mutation (a rule of kz-2024 switched off; an integer parameter +1, -1 and x2; a
float x2 and x0.5; a switch flipped; a list emptied or shortened; a date or a clock moved;
an optional cap set), the mutated profile runs a fixed battery of checks: the checker's
verdicts, costs and dated steps on hand-made calendars of the tiny instance that sit at
each rule's boundary, the checker's travel times, and DL-CHANGE's price of one re-plan. A
mutation is killed when any of these differs from kz-2024's. No solving.

A mutation the profile refuses (a negative count, a minimum above its maximum) is not a
profile at all, and is skipped. ``EQUIVALENT`` lists the mutations no calendar can tell
apart from kz-2024, each with the reason.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TINY, D, meeting
from pydantic import ValidationError

from scheduler import checker
from scheduler.io import load_profile
from scheduler.meetings import Calendar
from scheduler.profile import DESCRIPTIVE_FIELDS, Milestone, Profile

BASE = load_profile("kz-2024")
SKIP_FIELDS = DESCRIPTIVE_FIELDS

# Mutations that no calendar distinguishes from kz-2024, and why.
EQUIVALENT = {
    # Justice and Emergency Situations are not in the battery's instance.
    ("SCOPE-EXEMPT", "exempt_bodies", "drop-last"): "Justice has no official here",
    ("SUBST-DEPUTY", "excluded_bodies", "drop-last"): "Emergency Situations has no official",
    # Road edges beat flights only below about 175 km at 80 km/h and factor 1.25, so a
    # longer road limit adds no faster edge.
    ("TRAVEL", "road_max_km", "+1"): "no pair is faster by road beyond 175 km",
    ("TRAVEL", "road_max_km", "x2"): "no pair is faster by road beyond 175 km",
    # kz-2024 invites no rectors (S-2024R has none): an empty list emptied is the same list.
    # kz-2018's battery below kills the mutations of the rectors' audience.
    ("FMT-AUDIENCE", "rectors_invitees", "empty"): "kz-2024 lists no rectors' invitees",
    # With kz-2024's speeds every trip to or from a base fits in one day's travel window
    # (15 hours; the longest trip is under 5): only slower travel makes TRAVEL-BASE bind
    # (tests/test_rules.py, tests/test_quality_checker.py).
    ("TRAVEL-BASE", "enabled", "off"): "every trip from or to a base fits in a day",
}


def _instance():
    """The tiny instance plus what the battery needs: a district and a rural akim of
    Mangystau, a deputy akim of East Kazakhstan, a Deputy PM absence, Defence's minister ill,
    a forecast alert, and a region 160 km from Astana (faster by road than by air)."""
    data = TINY.model_dump(mode="json")
    names = lambda en: {"kk": en, "ru": en, "en": en}  # noqa: E731
    data["regions"].append({"id": "near", "name": names("Near"),
                            "centre": {"name": "Near", "lat": 51.17 + 1.44, "lon": 71.43}})
    for level in ("district", "rural"):
        data["bodies"].append({"id": f"akimat-{level}", "kind": "akimat",
                               "name": names(f"{level} akimat"), "region_id": "mangystau"})
        data["officials"].append({"id": f"akim-{level}", "title": names(f"{level} akim"),
                                  "body_id": f"akimat-{level}", "role": "first_head",
                                  "akim_level": level, "base_region_id": "mangystau",
                                  "district_id": "m-d1"} | (
            {"okrug_id": "m-d1-k1"} if level == "rural" else {}))
    # issue 15: Mangystau's districts d1-d4 (one rural okrug each) and a city c5; the district
    # akim of d1, a rural akim in each district; the regional akim visited d3 and d4 in
    # 2026-H2 (so d1 and d2 are owed); two regions 55 and 100 km from Astana (TIME-EVENING)
    mangystau = next(r for r in data["regions"] if r["id"] == "mangystau")
    mangystau["districts"] = [
        {"id": f"m-{d}", "name": names(f"Mangystau {d}"), "kind": "city" if d == "c5"
         else "district", "okrugs": [] if d == "c5" else [{"id": f"m-{d}-k1",
                                                            "name": names(f"okrug of {d}")}]}
        for d in ("d1", "d2", "d3", "d4", "c5")]
    for n, (lat, lon) in enumerate(((51.17 - 0.495, 71.43), (51.17 - 0.9, 71.43)), 1):
        data["regions"].append({"id": f"near{n}", "name": names(f"Near {n}"),
                                "centre": {"name": f"Near {n}", "lat": lat, "lon": lon}})
    data["visit_history"] = {"horizon": {"year": 2026, "half": 2}, "visits": [
        {"official_id": "akim-mangystau", "district_id": f"m-{d}", "date": "2026-10-03"}
        for d in ("d3", "d4")]}
    for n in (2, 3, 4):
        data["bodies"].append({"id": f"akimat-rural{n}", "kind": "akimat",
                               "name": names(f"rural akimat {n}"), "region_id": "mangystau"})
        data["officials"].append({"id": f"akim-rural{n}", "title": names(f"rural akim {n}"),
                                  "body_id": f"akimat-rural{n}", "role": "first_head",
                                  "akim_level": "rural", "district_id": f"m-d{n}",
                                  "okrug_id": f"m-d{n}-k1", "base_region_id": "mangystau"})
    data["officials"].append({"id": "deputy-akim-east", "title": names("deputy akim"),
                              "body_id": "akimat-east-kazakhstan", "role": "deputy",
                              "deputy_of": "akim-east-kazakhstan",
                              "base_region_id": "east-kazakhstan"})
    data["absences"] += [
        {"official_id": "minister-health", "start": "2027-06-01", "end": "2027-06-10",
         "reason": "deputy_pm"},
        {"official_id": "minister-defence", "start": "2027-03-15", "end": "2027-03-20",
         "reason": "illness"},
        {"official_id": "akim-east-kazakhstan", "start": "2027-05-22", "end": "2027-05-22",
         "reason": "illness"},
        {"official_id": "minister-education", "start": "2027-04-06", "end": "2027-04-07",
         "reason": "illness"}]
    data["alerts"] += [
        {"id": "alert-forecast", "region_id": "mangystau", "level": "forecast",
         "date": "2027-05-03", "body_ids": ["health"]},
        {"id": "alert-akim", "region_id": "east-kazakhstan", "level": "forecast",
         "date": "2027-05-01", "body_ids": ["akimat-east-kazakhstan"]}]
    return type(TINY).model_validate(data)


INST = _instance()


def _oos(mid, official, region, day, alert, announce):
    body = next(o.body_id for o in INST.officials if o.id == official)
    return meeting(mid, "akim-east-kazakhstan", region, day, "18:30-20:30",
                   alert="alert-east").model_copy(update={
                       "official_id": official, "presenter_id": official, "body_id": body,
                       "alert_id": alert, "announce_by": announce})


def _tiny_meetings():
    from conftest import TINY_MEETINGS
    base = {m.id: m for m in TINY_MEETINGS}
    base["akim-district"] = meeting("akim-district", "akim-mangystau", "mangystau",
                                    "2027-03-06").model_copy(update={
                                        "official_id": "akim-district",
                                        "presenter_id": "akim-district",
                                        "body_id": "akimat-district"})
    base["akim-rural"] = base["akim-district"].model_copy(update={
        "id": "akim-rural", "official_id": "akim-rural", "presenter_id": "akim-rural",
        "body_id": "akimat-rural", "date": D("2027-03-07"),
        "announce_by": D("2027-02-07"), "results_by": D("2027-03-17")})
    base["akim-district"] = base["akim-district"].model_copy(update={
        "district_id": "m-d1", "okrug_id": "m-d1-k1"})
    base["akim-rural"] = base["akim-rural"].model_copy(update={
        "district_id": "m-d1", "okrug_id": "m-d1-k1"})
    for n, day in ((2, "2027-03-13"), (3, "2027-03-14"), (4, "2027-03-20")):
        base[f"akim-rural{n}"] = base["akim-rural"].model_copy(update={
            "id": f"akim-rural{n}", "official_id": f"akim-rural{n}",
            "presenter_id": f"akim-rural{n}", "body_id": f"akimat-rural{n}",
            "date": D(day), "district_id": f"m-d{n}", "okrug_id": f"m-d{n}-k1",
            "announce_by": D(day) - dt.timedelta(days=28 if day[5:7] == "03" else 31),
            "results_by": D(day) + dt.timedelta(days=10)})
    base["akim-mangystau-q1"] = base["akim-mangystau-q1"].model_copy(update={
        "district_id": "m-d1"})
    base["akim-mangystau-q2"] = base["akim-mangystau-q2"].model_copy(update={
        "district_id": "m-d2"})
    base["health-forecast"] = meeting("health-forecast", "minister-health", "mangystau",
                                      "2027-06-02", "18:30-20:30", alert="alert-east"
                                      ).model_copy(update={
                                          "alert_id": "alert-forecast", "announce_by":
                                          D("2027-05-03"), "presenter_id":
                                          "vice-minister-health"})
    base["akim-forecast"] = _oos("akim-forecast", "akim-east-kazakhstan", "east-kazakhstan",
                                 "2027-05-31", "alert-akim", D("2027-05-01"))
    # the Education minister is ill on the alert's day, the East Kazakhstan akim on 22 May
    base["education-alert"] = base["education-alert"].model_copy(update={
        "presenter_id": "vice-minister-education"})
    base["akim-east-q2"] = base["akim-east-q2"].model_copy(update={
        "presenter_id": "deputy-akim-east"})
    return base


BASE_MEETINGS = _tiny_meetings()


def _calendar(*extra, drop=(), change=()):
    meetings = dict(BASE_MEETINGS)
    for mid in drop:
        meetings.pop(mid)
    for m in change:
        meetings[m.id] = m
    return Calendar(instance="tiny", profile="kz-2024", horizon="2027-H1",
                    approval_date=TINY.approval_date, status="HAND-MADE",
                    meetings=(*meetings.values(), *extra))


def _at(mid, official, region, day, slot="10:00-12:00", **update):
    """A meeting of the battery instance (the tiny one's helper, official's body read here)."""
    known = {o.id for o in TINY.officials}
    m = meeting(mid, official if official in known else "minister-health", region, day, slot)
    body = next(o.body_id for o in INST.officials if o.id == official)
    return m.model_copy(update={"official_id": official, "body_id": body,
                                "presenter_id": update.pop("presenter", official), **update})


def _battery() -> list[Calendar]:
    """Calendars at each rule's boundary (one edit of the base calendar each)."""
    h = "minister-health"
    e = "minister-education"
    return [
        _calendar(),
        _calendar(drop=["health-q2", "akim-mangystau-q2", "akim-district", "akim-rural",
                        "education-q2"]),
        _calendar(*(_at(f"h{n}", h, "astana", d) for n, d in
                    enumerate(["2027-03-13", "2027-03-20"]))),  # 3 in Q1
        _calendar(*(_at(f"h{n}", h, "astana", d) for n, d in
                    enumerate(["2027-03-13", "2027-03-20", "2027-03-27"]))),  # 4 in Q1
        _calendar(*(_at(f"a{n}", "akim-mangystau", "mangystau", d) for n, d in
                    enumerate(["2027-03-13", "2027-03-20"]))),  # akim: 3 in Q1
        _calendar(*(_at(f"a{n}", "akim-mangystau", "mangystau", d) for n, d in
                    enumerate(["2027-03-13", "2027-03-20", "2027-03-27"]))),  # 4
        _calendar(_at("aktau", e, "mangystau", "2027-02-13", "15:00-17:00")),  # TRAVEL
        _calendar(_at("early", e, "astana", "2027-02-06")),  # DL-MVK gate
        _calendar(change=[_at("akim-mangystau-q1", "akim-mangystau", "mangystau",
                              "2027-02-13")]),  # DL-AKIM-CAL gate
        _calendar(_at("twice", "akim-mangystau", "mangystau", "2027-02-27",
                      "15:00-17:00")),  # CLASH-PERSON max_per_day
        _calendar(_at("second", e, "akmola", "2027-02-13"),
                  _at("sun", h, "akmola", "2027-02-14")),  # CAP-REGION day and weekend
        _calendar(_at("nauryz", e, "astana", "2027-03-22", "18:30-20:30")),  # holiday
        _calendar(_at("ill", h, "astana", "2027-03-06", presenter="first-vice-minister-health"),
                  _at("other", e, "astana", "2027-03-06", presenter="vice-minister-education"),
                  _at("dpm", h, "astana", "2027-06-05", presenter="vice-minister-health"),
                  _at("def", "minister-defence", "astana", "2027-03-20",
                      presenter="first-vice-minister-defence")),  # SUBST-DEPUTY
        _calendar(_at("handed", "akim-east-kazakhstan", "east-kazakhstan", "2027-04-10",
                      presenter="deputy-akim-east")),  # urgent handover
        _calendar(change=[_at("education-alert", e, "east-kazakhstan", "2027-04-12",
                              "18:30-20:30", kind="out_of_schedule", alert_id="alert-east",
                              announce_by=D("2027-04-05")),
                          _at("akim-east-alert", "akim-east-kazakhstan", "east-kazakhstan",
                              "2027-04-12", "18:30-20:30", kind="out_of_schedule",
                              alert_id="alert-east", announce_by=D("2027-04-05"))]),
        _calendar(change=[_at("education-alert", e, "east-kazakhstan", "2027-04-13",
                              "18:30-20:30", kind="out_of_schedule", alert_id="alert-east",
                              announce_by=D("2027-04-05")),
                          _at("akim-east-alert", "akim-east-kazakhstan", "east-kazakhstan",
                              "2027-04-13", "18:30-20:30", kind="out_of_schedule",
                              alert_id="alert-east", announce_by=D("2027-04-05")),
                          BASE_MEETINGS["health-forecast"].model_copy(update={
                              "date": D("2027-06-03"), "results_by": D("2027-06-13")}),
                          BASE_MEETINGS["akim-forecast"].model_copy(update={
                              "date": D("2027-06-01"), "results_by": D("2027-06-11")})]),
        _calendar(change=[BASE_MEETINGS["health-q2"].model_copy(update={
            "report_minutes": 31, "qa_minutes": 89})]),  # FMT-QA share
        _calendar(change=[BASE_MEETINGS["health-q2"].model_copy(update={
            "channel": "", "audience": ("political parties", "public organisations")
        })]),  # FMT-ONLINE, FMT-AUDIENCE
        _calendar(_at("july", "minister-education", "astana", "2027-07-03")),  # TIME-HORIZON
        *_issue_15_calendars(),
    ]


def _akim_at(mid, official, day, district, okrug=None, slot=None):
    """An akim's meeting in Mangystau (district, okrug) on ``day``."""
    date = D(day)
    slot = slot or ("10:00-12:00" if date.weekday() >= 5 else "18:30-20:30")
    return _at(mid, official, "mangystau", day, slot, district_id=district, okrug_id=okrug)


def _free_q1_days(skip: set[str], count: int) -> list[str]:
    """``count`` dates from 20 February 2027 that are not days off and not in ``skip``."""
    from scheduler.checker import _Data
    off = _Data(INST, BASE).days_off
    out, day = [], D("2027-02-20")
    while len(out) < count:
        if day not in off and str(day) not in skip:
            out.append(str(day))
        day += dt.timedelta(days=1)
    return out


def _issue_15_calendars() -> list[Calendar]:
    """Boundaries of AKIM-ROTATION, AKIM-SPREAD, FREQ-AKIM's cap of 15, TIME-EVENING,
    FREQ-SPACING, FREQ-LOAD (URGENT-EARLY is costed on the base calendar)."""
    e, d1 = "minister-education", "m-d1"
    taken = {"2027-02-27", "2027-03-06", "2027-03-07"}  # d1's days in the base calendar
    rural = _free_q1_days(taken, 15)
    april5 = ["2027-04-03", "2027-04-05", "2027-04-10", "2027-04-12", "2027-04-17"]
    return [
        # AKIM-ROTATION: d2, owed, is not visited (region_akims, the rule itself)
        _calendar(change=[BASE_MEETINGS["akim-mangystau-q2"].model_copy(update={
            "district_id": "m-c5"})]),
        # AKIM-ROTATION okrug_per_half: the district akim's okrug not visited
        _calendar(change=[BASE_MEETINGS["akim-district"].model_copy(update={"okrug_id": None})]),
        # AKIM-ROTATION max_per_month: 5 and 6 meetings of the district akim in April
        _calendar(*(_akim_at(f"dist{n}", "akim-district", day, d1, "m-d1-k1")
                    for n, day in enumerate(april5))),
        _calendar(*(_akim_at(f"dist{n}", "akim-district", day, d1, "m-d1-k1")
                    for n, day in enumerate([*april5, "2027-04-19"]))),
        # AKIM-SPREAD district_per_day: two akims' meetings in d1 on 7 March
        _calendar(_akim_at("two", "akim-district", "2027-03-07", d1, "m-d1-k1",
                           "15:00-17:00")),
        # AKIM-SPREAD region_day_target: five akims' meetings in Mangystau on 8 May
        _calendar(_akim_at("c1", "akim-mangystau", "2027-05-08", "m-c5"),
                  _akim_at("c2", "akim-district", "2027-05-08", d1, "m-d1-k1"),
                  *(_akim_at(f"c{n + 1}", f"akim-rural{n}", "2027-05-08", f"m-d{n}",
                             f"m-d{n}-k1", "15:00-17:00") for n in (2, 3, 4))),
        # FREQ-AKIM max_per_quarter 15: the rural akim holds 15, then 16, in Q1
        _calendar(*(_akim_at(f"r{n}", "akim-rural", day, d1, "m-d1-k1")
                    for n, day in enumerate(rural[:14]))),
        _calendar(*(_akim_at(f"r{n}", "akim-rural", day, d1, "m-d1-k1")
                    for n, day in enumerate(rural))),
        # TIME-EVENING: working-day evenings 0.86 h, 1.56 h and 2.9 h from Astana
        _calendar(_at("ev1", e, "near1", "2027-03-09", "18:30-20:30"),
                  _at("ev2", e, "near2", "2027-05-11", "18:30-20:30"),
                  _at("ev3", "minister-health", "akmola", "2027-03-10", "18:30-20:30")),
        # FREQ-SPACING: two meetings 3 days apart, then three within 7 days
        _calendar(_at("s1", e, "astana", "2027-03-06"),
                  _at("s2", e, "astana", "2027-03-09", "18:30-20:30")),
        _calendar(_at("s1", e, "astana", "2027-03-06"),
                  _at("s2", e, "astana", "2027-03-09", "18:30-20:30"),
                  _at("s3", e, "astana", "2027-03-11", "18:30-20:30")),
    ]


BATTERY = _battery()
CHANGED = _calendar(change=[
    BASE_MEETINGS["health-q2"].model_copy(update={"date": D("2027-05-22")}),
    BASE_MEETINGS["akim-east-q2"].model_copy(update={"region_id": "astana"}),
    BASE_MEETINGS["education-q2"].model_copy(update={"presenter_id": "vice-minister-education"}),
], drop=[])
CHANGED = CHANGED.model_copy(update={"meetings": tuple(
    m.model_copy(update={"presenter_id": "deputy-akim-east"}) if m.id == "akim-forecast" else m
    for m in CHANGED.meetings) + (
    _at("added", "minister-health", "akmola", "2027-06-26"),)})


def signature(profile: Profile) -> tuple:
    """Everything the battery observes under a profile."""
    seen = []
    for calendar in BATTERY:
        report = checker.check(INST, profile, calendar)
        seen.append((sorted((v.rule_id, v.message) for v in report.violations),
                     sorted(report.cost_by_rule.items()),
                     [(d.rule_id, d.date, d.meeting_id) for d in report.deadlines]))
    data = checker._Data(INST, profile)
    hours = {r: round(h, 6) for r, h in checker._travel_hours(data, "astana").items()}
    window = checker._longest_trip_window(data, BATTERY[6].by_id()["aktau"],
                                          BATTERY[6].by_id()["education-q1"])
    friday = _at("fri", "minister-health", "astana", "2027-03-26", "18:30-20:30")
    window2 = checker._longest_trip_window(data, friday, _at("sat", "minister-health", "astana",
                                                             "2027-03-27"))
    cost = [checker.change_cost(profile, BATTERY[0], CHANGED, D(day))
            for day in ("2027-04-01", "2027-04-02")]
    h2 = checker.check(INST_H2, profile, EMPTY_H2).deadlines
    return (seen, sorted(hours.items()), round(window, 6), round(window2, 6), cost,
            [(d.rule_id, d.date) for d in h2])


INST_H2 = INST.model_copy(update={
    "horizon": INST.horizon.model_copy(update={"half": 2}), "approval_date": D("2027-06-15")})
EMPTY_H2 = Calendar(instance="tiny", profile="kz-2024", horizon="2027-H2",
                    approval_date=D("2027-06-15"), status="HAND-MADE")


def _changed(value) -> list[tuple[str, object]]:
    """(label, new value) of each mutation of one parameter value."""
    if isinstance(value, bool):
        return [("flip", not value)]
    if isinstance(value, int):
        return [("+1", value + 1), ("-1", value - 1)] + ([("x2", value * 2)] if value else [])
    if isinstance(value, float):
        return [("x2", value * 2), ("x0.5", value / 2)]
    if isinstance(value, tuple):
        return [("empty", ())] + ([("drop-first", value[1:]), ("drop-last", value[:-1])]
                                  if len(value) > 1 else [])
    if value is None:
        return [("set-0", 0)]
    if isinstance(value, str) and len(value) == 5 and value[2] == ":":
        hour = int(value[:2])
        return [(f"{shift:+d}h", f"{hour + shift:02d}{value[2:]}") for shift in (-3, 3)
                if 0 <= hour + shift <= 23]
    if isinstance(value, str) and len(value) == 5 and value[2] == "-":
        day = dt.date(2023, int(value[:2]), int(value[3:])) + dt.timedelta(days=1)
        return [("+1 day", f"{day:%m-%d}")]
    return [("empty", "")]


def mutations() -> list[tuple[str, str, str, object]]:
    out = []
    for rule_id, rule in BASE.rules.items():
        if not rule.enabled:
            continue  # a rule of another edition: kz-2024 does not have it
        out.append((rule_id, "enabled", "off", False))
        for name, value in rule.model_dump().items():
            unread = isinstance(rule, Milestone) and (
                value is None or (name == "h1_previous_year" and rule.h1 is None))
            if name not in SKIP_FIELDS and not unread:  # a date field this milestone lacks
                out += [(rule_id, name, label, new) for label, new in _changed(value)]
    return out


MUTATIONS = mutations()
BASE_SIGNATURE = signature(BASE)


def test_the_battery_passes_under_kz_2024():
    """The base calendar obeys kz-2024; the others each break something or cost more."""
    report = checker.check(INST, BASE, BATTERY[0])
    assert report.ok, report.violations


def test_there_are_mutations_of_every_enabled_rule():
    enabled = {r for r, rule in BASE.rules.items() if rule.enabled}
    assert {m[0] for m in MUTATIONS} == enabled
    assert len(MUTATIONS) > 100


@pytest.mark.parametrize("rule_id, name, label, new", MUTATIONS,
                         ids=[f"{r}.{n}:{label}" for r, n, label, _ in MUTATIONS])
def test_mutation_is_killed(rule_id, name, label, new):
    """The mutated profile changes some verdict, cost or date of the battery."""
    if name == "enabled":
        profile = BASE.without(rule_id)
    else:
        try:
            profile = BASE.with_params(rule_id, **{name: new})
        except ValidationError:
            pytest.skip("the profile refuses this value")
    if (rule_id, name, label) in EQUIVALENT:
        assert signature(profile) == BASE_SIGNATURE, "no longer equivalent: remove it"
        return
    assert signature(profile) != BASE_SIGNATURE, f"{rule_id}.{name} {label} survives"


# ------------------------------------------- kz-2018's dated steps (issue 11 item 8)
# The steps S-2018 dates (questions selected and the e-government portal a month before,
# the minister's briefing within 10 days) and the rectors' audience (S-2016 item 3) are off
# in kz-2024, so they are mutated in kz-2018 on a battery of their own: a minister's, an
# akim's and a rector's meeting with every step right, and the rector's without audience.
K18 = load_profile("kz-2018")
STEP_PARAMS = [("TIME-LEAD", "questions_months"), ("TIME-LEAD", "egov_portal"),
               ("DL-AFTER", "briefing_days"), ("DL-AFTER", "days_after_meeting"),
               ("FMT-AUDIENCE", "rectors_invitees")]


def _step_instance():
    data = INST.model_dump(mode="json")
    names = {"kk": "University", "ru": "University", "en": "University"}
    data["bodies"].append({"id": "uni", "kind": "university", "name": names,
                           "region_id": "astana"})
    data["officials"].append({"id": "rector-uni", "title": names, "body_id": "uni",
                              "role": "first_head", "base_region_id": "astana"})
    return type(INST).model_validate(data)


STEP_INST = _step_instance()


def _k18(mid, official, region, day, **update):
    """A meeting as kz-2018 wants it, every date written out."""
    body = STEP_INST.official(official).body_id
    m = meeting(mid, "minister-health", region, day)
    month = {"2027-05-15": "2027-04-15", "2027-02-27": "2027-01-27", "2027-05-22": "2027-04-22"}
    return m.model_copy(update={
        "official_id": official, "presenter_id": official, "body_id": body,
        "announce_by": D(month[day]), "questions_by": D(month[day]), "portal_by": D(month[day]),
        "results_by": D(day) + dt.timedelta(days=10),
        "briefing_by": D(day) + dt.timedelta(days=10) if body == "health" else None,
        "channel": K18.get("FMT-ONLINE").channel,
        "audience": K18.get("FMT-AUDIENCE").rectors_invitees if body == "uni"
        else K18.get("FMT-AUDIENCE").invitees, **update})


def _k18_calendar(*meetings):
    return Calendar(instance="tiny", profile="kz-2018", horizon="2027-H1",
                    approval_date=TINY.approval_date, status="HAND-MADE", meetings=meetings)


STEP_BATTERY = [
    _k18_calendar(_k18("minister", "minister-health", "mangystau", "2027-05-15"),
                  _k18("akim", "akim-mangystau", "mangystau", "2027-02-27"),
                  _k18("rector", "rector-uni", "astana", "2027-05-22")),
    _k18_calendar(_k18("rector", "rector-uni", "astana", "2027-05-22", audience=())),
]


def step_signature(profile: Profile) -> list:
    seen = []
    for calendar in STEP_BATTERY:
        report = checker.check(STEP_INST, profile, calendar)
        seen.append((sorted((v.rule_id, v.message) for v in report.violations),
                     [(d.rule_id, d.date, d.meeting_id) for d in report.deadlines]))
    return seen


STEP_MUTATIONS = [(rule_id, name, label, new) for rule_id, name in STEP_PARAMS
                  for label, new in _changed(getattr(K18.get(rule_id), name))]


def test_the_step_battery_keeps_the_steps_under_kz_2018():
    """Every dated step and the rectors' audience hold in the first calendar of the battery;
    the second lacks the rector's audience."""
    steps = {"TIME-LEAD", "DL-AFTER", "FMT-AUDIENCE"}
    first, second = (checker.check(STEP_INST, K18, c) for c in STEP_BATTERY)
    assert not [v for v in first.violations if v.rule_id in steps], first.violations
    assert [v.rule_id for v in second.violations if v.rule_id in steps] == ["FMT-AUDIENCE"]
    assert {name for _, name, _, _ in STEP_MUTATIONS} == {name for _, name in STEP_PARAMS}


@pytest.mark.parametrize("rule_id, name, label, new", STEP_MUTATIONS,
                         ids=[f"kz-2018:{r}.{n}:{label}" for r, n, label, _ in STEP_MUTATIONS])
def test_step_mutation_is_killed(rule_id, name, label, new):
    try:
        profile = K18.with_params(rule_id, **{name: new})
    except ValidationError:
        pytest.skip("the profile refuses this value")
    assert step_signature(profile) != step_signature(K18), f"{rule_id}.{name} {label} survives"
