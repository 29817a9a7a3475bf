"""The dated steps of each meeting (issue 11 item 8), under kz-2018 (S-2018, seed 000):

- TIME-LEAD ``questions_months``: the questions and proposals sent in are collected,
  analysed and selected a calendar month before the meeting (``questions_by``);
- TIME-LEAD ``egov_portal``: the meeting is announced on the e-government portal on its
  announcement day (``portal_by``);
- DL-AFTER ``briefing_days``: the minister briefs the media at the Central Communications
  Service within 10 days (``briefing_by``, ministries only);
- DL-AFTER ``days_after_meeting`` (S-2016 items 6, 8): the report and the problems raised,
  with the deadlines for solving them, published within 10 days (``results_by``).

Each is a field of the calendar file, a row of the deadlines sheet and of the checker's
dated steps, and is judged by its own checker function.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import TINY

from scheduler.checker import check
from scheduler.io import load_calendar, load_profile, to_json
from scheduler.meeting_steps import meeting_steps
from scheduler.meetings import CSV_COLUMNS, csv_rows
from scheduler.planner import solve
from scheduler.report import common as c
from scheduler.report.xlsx import rule_parameters, workbook_bytes
from scheduler.words import finding

D = dt.date.fromisoformat
K16, K18, K24 = (load_profile(p) for p in ("kz-2016", "kz-2018", "kz-2024"))
STEPS = ("questions_by", "portal_by", "briefing_by")


RU_WORDS = {"questions_by": "собрать, проанализировать и отобрать",
            "portal_by": "«электронного правительства»",
            "briefing_by": "Службе центральных коммуникаций",
            "results_by": "опубликовать"}


def _month_before(day: dt.date) -> dt.date:
    """The same day a month earlier, written out by hand (the month's last day when the
    month is shorter: 31 May -> 30 April)."""
    last = day.replace(day=1) - dt.timedelta(days=1)  # the last day of the month before
    return last.replace(day=min(day.day, last.day))


@pytest.fixture(scope="module")
def planned():
    result = solve(TINY, K18, time_limit=30, workers=1, seed=0)
    assert result.calendar is not None, result.status
    return result


@pytest.mark.parametrize("day, questions, briefing", [
    ("2027-05-15", "2027-04-15", "2027-05-25"),
    ("2027-05-31", "2027-04-30", "2027-06-10"),  # April has no 31st
    ("2027-03-31", "2027-02-28", "2027-04-10"),
    ("2027-01-09", "2026-12-09", "2027-01-19")])
def test_each_steps_date_under_kz_2018(day, questions, briefing):
    """A ministry's meeting: questions and portal a calendar month before, briefing 10 days
    after; an akim's meeting: no briefing (S-2018 names the heads of central bodies)."""
    steps = meeting_steps(TINY, K18, "health", D(day), None)
    assert steps["questions_by"] == steps["portal_by"] == D(questions)
    assert steps["briefing_by"] == D(briefing)
    akim = meeting_steps(TINY, K18, "akimat-mangystau", D(day), None)
    assert akim["questions_by"] == D(questions) and akim["briefing_by"] is None


def test_out_of_schedule_steps_fall_on_the_alert_date():
    steps = meeting_steps(TINY, K18, "health", D("2027-04-12"), D("2027-04-05"))
    assert steps["questions_by"] == steps["portal_by"] == D("2027-04-05")
    assert steps["briefing_by"] == D("2027-04-22")


def test_profiles_without_the_steps_date_none():
    """kz-2016 (S-2016: published 10 days ahead, no intake step, no portal, no briefing)
    and kz-2024 (S-2023D's collection of questions has no date) carry none of them."""
    for profile in (K16, K24):
        steps = meeting_steps(TINY, profile, "health", D("2027-05-15"), None)
        assert all(steps[s] is None for s in STEPS), profile.id


def test_the_planner_writes_every_step(planned):
    """Each planned meeting of kz-2018 carries its steps; the checker agrees."""
    assert planned.check.ok, planned.check.violations
    ministerial = 0
    for m in planned.calendar.meetings:
        assert m.questions_by == m.portal_by == m.announce_by == _month_before(m.date)
        assert m.results_by == m.date + dt.timedelta(days=10)
        if m.body_id in ("health", "education"):
            ministerial += 1
            assert m.briefing_by == m.date + dt.timedelta(days=10)
        else:
            assert m.briefing_by is None
    assert ministerial == 2  # Health and Education, once each in Q2


@pytest.mark.parametrize("field, rule_id, words", [
    ("questions_by", "TIME-LEAD", "collected, analysed and selected"),
    ("portal_by", "TIME-LEAD", "e-government portal"),
    ("briefing_by", "DL-AFTER", "Central Communications Service"),
    ("results_by", "DL-AFTER", "results and the problems")])
@pytest.mark.parametrize("change", ["missing", "a day late", "a day early"])
def test_a_wrong_or_missing_step_date_is_flagged(planned, field, rule_id, words, change):
    calendar = planned.calendar
    m = next(m for m in calendar.meetings if m.body_id == "health")
    have = getattr(m, field)
    new = None if change == "missing" else have + dt.timedelta(days=1 if "late" in change else -1)
    edited = calendar.model_copy(update={"meetings": tuple(
        x.model_copy(update={field: new}) if x.id == m.id else x for x in calendar.meetings)})
    report = check(TINY, K18, edited)
    assert [(v.rule_id, v.meeting_ids) for v in report.violations] == [(rule_id, (m.id,))]
    text = report.violations[0].message
    assert words in text and ("none" if new is None else f"{new.day} ") in text
    ru = finding(TINY, K18, report.violations[0], "ru", edited)  # names, never ids
    # TINY has English titles only
    assert RU_WORDS[field] in ru and m.id not in ru and "Minister of Health" in ru


def test_the_dated_steps_are_rows_of_the_checker_and_the_deadlines_sheet(planned):
    """Each meeting's steps are dated rows: the checker's ``deadlines`` and the workbook's
    deadlines sheet (Russian and Kazakh, the official by title, never by id)."""
    calendar = planned.calendar
    m = next(m for m in calendar.meetings if m.body_id == "health")
    rows = {(d.rule_id, d.what): d.date for d in check(TINY, K18, calendar).deadlines
            if d.meeting_id == m.id}
    assert rows[("TIME-LEAD", "questions collected, analysed, selected")] == m.questions_by
    assert rows[("TIME-LEAD", "announced on the e-government portal")] == m.portal_by
    assert rows[("DL-AFTER", "minister's briefing at the Central Communications Service")] \
        == m.briefing_by
    sheet = {d.text["ru"].split(":")[0]: (d.date, d.text)
             for d in c.all_deadlines(TINY, K18, calendar) if d.meeting_id == m.id}
    assert sheet["Собрать, проанализировать и отобрать вопросы и предложения населения"][0] \
        == m.questions_by
    assert sheet["Объявить на веб-портале «электронного правительства»"][0] == m.portal_by
    assert sheet["Брифинг министра в Службе центральных коммуникаций"][0] == m.briefing_by
    day, text = sheet["Опубликовать отчёт и перечень поднятых проблем со сроками их решения"]
    assert day == m.results_by
    assert "Minister of Health" in text["ru"] and m.presenter_id not in text["ru"]
    assert text["kk"].startswith("Есепті және көтерілген проблемалық мәселелердің тізбесін")


def test_the_steps_survive_the_calendar_files(planned, tmp_path):
    """calendar.json, calendar.csv and calendar.xlsx read back with every step."""
    calendar = planned.calendar
    (tmp_path / "calendar.xlsx").write_bytes(workbook_bytes(TINY, K18, calendar, planned.check))
    (tmp_path / "calendar.json").write_text(to_json(calendar), encoding="utf-8")
    with open(tmp_path / "calendar.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_rows(calendar))
    for name in ("calendar.json", "calendar.csv", "calendar.xlsx"):
        back = load_calendar(tmp_path / name)
        assert back.by_id() == calendar.by_id(), name
    assert {"questions_by", "portal_by", "briefing_by"} <= set(CSV_COLUMNS)


def test_the_ics_event_lists_the_steps(planned):
    from scheduler.report.ics import ics_bytes

    m = next(m for m in planned.calendar.meetings if m.body_id == "health")
    text = ics_bytes(TINY, planned.calendar, [m], "health", "ru").decode("utf-8")
    text = text.replace("\r\n ", "").replace("\\n", "\n")
    for label, day in (("Вопросы собраны и отобраны", m.questions_by),
                       ("На портале «электронного правительства»", m.portal_by),
                       ("Брифинг министра до", m.briefing_by)):
        assert f"{label}: {day:%d.%m.%Y}" in text


def test_the_compliance_table_states_the_step_parameters():
    assert "questions_months = 1" in rule_parameters(K18, "TIME-LEAD")
    assert "egov_portal = True" in rule_parameters(K18, "TIME-LEAD")
    assert "briefing_days = 10" in rule_parameters(K18, "DL-AFTER")
    assert "questions_months" not in rule_parameters(K16, "TIME-LEAD")
    assert "rectors_invitees = parents" in rule_parameters(K16, "FMT-AUDIENCE")


def test_explains_what_if_moves_the_steps_with_the_meeting(planned):
    """``explain --meeting --to`` dates the moved meeting's steps anew: no step is broken."""
    from scheduler.explain import what_if

    m = next(m for m in planned.calendar.meetings if m.body_id == "health")
    to = m.date + dt.timedelta(days=7)
    result = what_if(TINY, K18, planned.calendar, m.id, to.isoformat())
    assert result.moved.questions_by == result.moved.portal_by == _month_before(to)
    assert result.moved.briefing_by == to + dt.timedelta(days=10)
    assert not [v for v in result.after.violations if v.rule_id in ("TIME-LEAD", "DL-AFTER")]
