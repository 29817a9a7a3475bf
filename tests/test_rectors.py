"""Rectors of national universities (S-2016 item 3): one reporting meeting a year, in the
third quarter, with parents, students, employers, the academic community and the media.

``instances/kz-2016-h2.json`` (made by ``instances/make_kz_2016_h2.py``) is the second
half of 2016 under kz-2016: eight national universities, each with its rector. It is
planned once (one worker, fixed seed), checked, and then edited by hand: a rector's
meeting moved to Q4 or inviting the wrong people is flagged by the checker.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from scheduler.checker import check
from scheduler.instance import BodyKind
from scheduler.io import load_instance, load_profile
from scheduler.planner import solve
from scheduler.words import finding

INSTANCES = Path(__file__).parent.parent / "instances"
D = dt.date.fromisoformat
AUDIENCE = ("parents", "students", "employers", "the academic community", "the media")


@pytest.fixture(scope="module")
def planned():
    inst, profile = load_instance(INSTANCES / "kz-2016-h2.json"), load_profile("kz-2016")
    result = solve(inst, profile, time_limit=30, workers=1, seed=0)
    assert result.calendar is not None, result.status
    return inst, profile, result


def test_the_instance_file_is_what_its_script_makes():
    """The committed JSON is the generator's output; the universities are real, the
    officials positions (rector, first vice-rector), the made-up data marked generated."""
    spec = importlib.util.spec_from_file_location("make", INSTANCES / "make_kz_2016_h2.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    data = make.build()
    make.check(data)
    assert json.loads((INSTANCES / "kz-2016-h2.json").read_text(encoding="utf-8")) == data
    assert {b["kind"] for b in data["bodies"]} == {"university"}
    assert all(o["title"]["en"].startswith(("Rector of", "First Vice-Rector of"))
               for o in data["officials"])
    assert all("generated" in a["note"]["en"] for a in data["absences"])
    assert all("generated" in d["note"] for d in data["region_dates"])


def test_every_rector_meets_once_in_q3_with_his_audience(planned):
    """Eight meetings, one per rector, in Q3 2016 (1 July - 30 September), in his
    university's city, inviting exactly the profile's rectors' audience; the checker agrees."""
    inst, profile, result = planned
    assert result.check.ok, result.check.violations
    assert check(inst, profile, result.calendar).ok
    rectors = {o.id for o in inst.heads() if inst.body(o.body_id).kind is BodyKind.university}
    meetings = result.calendar.meetings
    assert sorted(m.official_id for m in meetings) == sorted(rectors) and len(rectors) == 8
    assert profile.get("FMT-AUDIENCE").rectors_invitees == AUDIENCE
    for m in meetings:
        assert m.quarter == 3 and D("2016-07-01") <= m.date <= D("2016-09-30")
        assert m.region_id == inst.body(m.body_id).region_id
        assert m.audience == AUDIENCE
        assert m.results_by == m.date + dt.timedelta(days=10)  # S-2016 item 8
        assert m.announce_by == m.date - dt.timedelta(days=10)  # S-2016 item 5
    away = {m.official_id: m.date for m in meetings}  # nobody meets while away
    assert not D("2016-07-01") <= away["enu-rector"] <= D("2016-07-31")
    assert not D("2016-09-12") <= away["kaznu-rector"] <= D("2016-09-18")


def test_a_rectors_meeting_moved_to_q4_is_flagged(planned):
    inst, profile, result = planned
    m = result.calendar.meetings[0]
    day = D("2016-10-08")  # a Saturday of Q4
    moved = m.model_copy(update={"date": day, "quarter": 4, "start": dt.time(10),
                                 "end": dt.time(12), "announce_by": day - dt.timedelta(days=10),
                                 "results_by": day + dt.timedelta(days=10)})
    calendar = result.calendar.model_copy(update={"meetings": (
        moved, *result.calendar.meetings[1:])})
    report = check(inst, profile, calendar)
    window = [v.message for v in report.violations if v.rule_id == "FREQ-WINDOW"]
    assert len(window) == 2, report.violations  # in Q4, and none left in Q3
    assert any("falls in Q4" in text and "rectors" in text for text in window)
    assert {v.rule_id for v in report.violations} == {"FREQ-WINDOW"}


@pytest.mark.parametrize("audience, missing", [
    (("parents", "students", "employers"), "the academic community, the media"),
    (("public council members", "heads of national holdings and companies"), "parents"),
    ((), "parents, students, employers, the academic community, the media")])
def test_a_rectors_meeting_with_the_wrong_audience_is_flagged(planned, audience, missing):
    inst, profile, result = planned
    m = result.calendar.meetings[-1]
    calendar = result.calendar.model_copy(update={"meetings": (
        *result.calendar.meetings[:-1], m.model_copy(update={"audience": audience}))})
    report = check(inst, profile, calendar)
    assert [v.rule_id for v in report.violations] == ["FMT-AUDIENCE"]
    assert missing in report.violations[0].message and m.id in report.violations[0].meeting_ids
    for lang, words in (("ru", "родители, обучающиеся, работодатели"),
                        ("kk", "ата-аналар, білім алушылар, жұмыс берушілер")):
        text = finding(inst, profile, report.violations[0], lang, calendar)
        assert words in text and m.id not in text and m.official_id not in text


def test_ministers_invitees_are_not_asked_of_rectors(planned):
    """A rector's meeting is judged against the rectors' audience only (S-2016 item 3),
    and a minister's list without parents is still a minister's list."""
    _, profile, result = planned
    invitees = profile.get("FMT-AUDIENCE").invitees
    assert not set(invitees) & set(AUDIENCE)
    assert all(not set(invitees) & set(m.audience) for m in result.calendar.meetings)


def test_rectors_in_the_first_half_year_owe_nothing():
    """In an H1 calendar the rectors' Q3 lies outside the horizon: no meeting is owed."""
    inst = load_instance(INSTANCES / "kz-2016-h2.json")
    h1 = inst.model_copy(update={"horizon": inst.horizon.model_copy(update={"half": 1}),
                                 "absences": (), "region_dates": ()})
    result = solve(h1, load_profile("kz-2016"), time_limit=30, workers=1, seed=0)
    assert result.calendar is not None and result.calendar.meetings == ()


def test_the_rectors_deadlines_name_their_steps(planned):
    """The deadlines sheet of the rectors' calendar: announced 10 days before (item 5),
    report and problems within 10 days (item 8), results to the education authority within
    a month (item 10), in Russian and Kazakh, by title."""
    from scheduler.report import common as c

    inst, profile, result = planned
    m = next(m for m in result.calendar.meetings if m.official_id == "enu-rector")
    rows = {d.rule_id: d for d in c.all_deadlines(inst, profile, result.calendar)
            if d.meeting_id == m.id}
    assert rows["TIME-LEAD"].date == m.date - dt.timedelta(days=10)
    assert rows["DL-AFTER"].date == m.date + dt.timedelta(days=10)
    assert rows["DL-RESULTS"].date == m.date + dt.timedelta(days=30)
    text = rows["DL-RESULTS"].text
    assert "образования и науки" in text["ru"] and "білім және ғылым" in text["kk"]
    assert "Ректор Евразийского национального университета имени Л.Н. Гумилева" in text["ru"]
    assert "enu-rector" not in text["ru"] + text["kk"]
    checker_rows = {d.what for d in check(inst, profile, result.calendar).deadlines
                    if d.meeting_id == m.id and d.rule_id == "DL-RESULTS"}
    assert checker_rows == {"results reported to the education authority"}


def test_the_kz_2016_agenda_reads_in_russian_and_kazakh(planned):
    """The rectors' audience and kz-2016's invitees and channel by their names in ru and kk."""
    from scheduler.report import common as c

    _, profile, result = planned
    m = result.calendar.meetings[0]
    ru, kk = c.agenda(m, "ru"), c.agenda(m, "kk")
    assert ru["audience"] == ("родители, обучающиеся, работодатели, научно-педагогическая "
                              "общественность, средства массовой информации")
    assert kk["audience"].startswith("ата-аналар, білім алушылар, жұмыс берушілер")
    assert ru["channel"].startswith("видеоконференция с регионами")
    for text in [*profile.get("FMT-AUDIENCE").invitees, profile.get("FMT-ONLINE").channel,
                 load_profile("kz-2018").get("FMT-ONLINE").channel]:
        assert c.agenda_text(text, "kk") != text and c.agenda_text(text, "ru") != text, text
