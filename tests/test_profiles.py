"""Rule profiles as data: kz-2016 and kz-2018, user-made profiles, bad profile files, and
the commands ``profiles``, ``profile show`` and ``compare``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import make_instance
from typer.testing import CliRunner

from scheduler.checker import check
from scheduler.cli import app
from scheduler.instance import BodyKind, Instance
from scheduler.io import InputError, load_calendar, load_instance, load_profile
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.planner import solve
from scheduler.profile import (
    KNOWN_BODIES,
    PROFILES_DIR,
    builtin_profiles,
    parse_profile,
    profile_problems,
    profile_text,
)
from scheduler.profiles_cmd import load_profile_for

runner = CliRunner()
FAST = dict(time_limit=10, workers=1, seed=0)
CLI_FAST = ["--time-limit", "10", "--workers", "1", "--seed", "0"]
KZ_2027_H1 = Path(__file__).parents[1] / "instances" / "kz-2027-h1.json"


def small() -> Instance:
    return make_instance(regions=["astana", "akmola", "karaganda", "pavlodar"],
                         ministries=["health", "education", "defence"],
                         akimats=["akmola", "karaganda"],
                         issues=[("pavlodar", "health", 5), ("akmola", "education", 3)])


def planned(calendar: Calendar, inst: Instance, kind: BodyKind) -> dict[str, list[Meeting]]:
    out: dict[str, list[Meeting]] = {}
    for m in calendar.meetings:
        if m.kind is MeetingKind.planned and inst.body(m.body_id).kind is kind:
            out.setdefault(m.official_id, []).append(m)
    return out


# --------------------------------------------------------------- built-in profiles
def test_builtin_profiles_load_and_round_trip():
    """Every built-in profile loads, and its TOML text (kept with each version) reads back."""
    assert {"kz-2016", "kz-2018", "kz-2024"} <= set(builtin_profiles())
    for name in builtin_profiles():
        profile = load_profile(name)
        assert profile.id == name
        assert parse_profile(profile_text(profile)) == profile
        assert profile_problems(profile, small()) == []


def test_kz_2016_and_kz_2018_parameters():
    k16, k18 = load_profile("kz-2016"), load_profile("kz-2018")
    assert k16.get("SCOPE-EXEMPT").exempt_bodies == ("defence",)
    assert set(k18.get("SCOPE-EXEMPT").exempt_bodies) == {
        "defence", "foreign-affairs", "defence-aerospace-industry"}
    assert k16.get("TIME-LEAD").lead_days == 10 and k18.get("TIME-LEAD").lead_months == 1
    for p in (k16, k18):
        assert p.on("FREQ-WINDOW") and p.on("ATTEND-DISTRICT") and not p.on("FREQ-CEB-QUARTER")
        window = p.get("FREQ-WINDOW")
        assert (window.akims_quarter, window.ministers_quarter, window.rectors_quarter) == (1, 2, 3)
        assert p.get("FREQ-WINDOW").source.startswith("S-2016")
    assert not k16.on("TV-LIVE") and k18.on("TV-LIVE") and k18.get("TV-LIVE").tv_channels == 1


def test_kz_2016_akims_in_q1_ministers_in_q2():
    """Under kz-2016 every akim's required meeting falls in Q1, every minister's in Q2
    (one each, the annual reporting meeting); Defence is exempt."""
    inst, profile = small(), load_profile("kz-2016")
    result = solve(inst, profile, **FAST)
    assert result.calendar is not None, result.status
    assert result.check.ok, result.check.violations
    akims = planned(result.calendar, inst, BodyKind.akimat)
    ministers = planned(result.calendar, inst, BodyKind.ceb)
    assert set(akims) == {"akim-akmola", "akim-karaganda"}
    assert set(ministers) == {"minister-health", "minister-education"}  # not Defence
    for meetings in akims.values():
        assert [m.quarter for m in meetings] == [1]
    for meetings in ministers.values():
        assert [m.quarter for m in meetings] == [2]


def test_freq_window_minimum_binds_and_the_checker_sees_it():
    """Without FREQ-WINDOW's minimum (and with nothing else to gain) nobody meets; the
    checker then names every minister and akim who owes his annual meeting."""
    inst, profile = small(), load_profile("kz-2016")
    lazy = profile.with_params("FREQ-WINDOW", min_in_quarter=0).without(
        "REGION-SPREAD", "REGION-ISSUES")
    result = solve(inst, lazy, **FAST)
    assert result.calendar is not None and result.calendar.meetings == ()
    report = check(inst, profile, result.calendar)
    owed = {v.official_ids[0]: v.message for v in report.violations if v.rule_id == "FREQ-WINDOW"}
    assert set(owed) == {"minister-health", "minister-education", "akim-akmola", "akim-karaganda"}
    assert "0 planned meetings in Q2 2027" in owed["minister-health"]
    assert "needs exactly 1" in owed["akim-akmola"] and "Q1 2027" in owed["akim-akmola"]


def test_kz_2018_one_ministerial_meeting_per_slot_nationwide():
    """Under kz-2018 no two ministerial meetings share a slot nationwide (TV-LIVE)."""
    inst = make_instance(regions=["astana", "akmola", "karaganda"],
                         ministries=["health", "education", "energy"],
                         free={r: ["2027-05-22", "2027-05-23"]
                               for r in ("astana", "akmola", "karaganda")})
    result = solve(inst, load_profile("kz-2018"), **FAST)
    assert result.calendar is not None, result.status
    assert result.check.ok
    slots = Counter((m.date, m.start) for m in result.calendar.meetings
                    if inst.body(m.body_id).kind is BodyKind.ceb)
    assert sum(slots.values()) == 3 and max(slots.values()) == 1


def test_tv_live_binds():
    """Three ministers, one free Saturday (two slots) in three regions: only without TV-LIVE."""
    inst = make_instance(regions=["astana", "akmola", "karaganda"],
                         ministries=["health", "education", "energy"],
                         free={r: ["2027-05-22"] for r in ("astana", "akmola", "karaganda")})
    profile = load_profile("kz-2018")
    assert solve(inst, profile, **FAST).status == "INFEASIBLE"
    assert solve(inst, profile.without("TV-LIVE"), **FAST).feasible


def test_kz_2027_h1_plans_under_kz_2016_and_kz_2018():
    """The real instance (H1: the rectors' Q3 is outside) plans under both old editions."""
    inst = load_instance(KZ_2027_H1)
    for name in ("kz-2016", "kz-2018"):  # a generous limit: a loaded machine builds slowly
        result = solve(inst, load_profile(name), time_limit=120, workers=1, seed=0)
        assert result.calendar is not None, (name, result.status)
        assert result.check.ok, (name, result.check.violations[:3])
        exempt = set(load_profile(name).get("SCOPE-EXEMPT").exempt_bodies)
        duty = {o.id for o in inst.heads() if inst.body(o.body_id).kind is BodyKind.ceb
                and o.body_id not in exempt}
        ministers = planned(result.calendar, inst, BodyKind.ceb)
        assert set(ministers) == duty
        assert all(m.quarter == 2 for ms in ministers.values() for m in ms)


# ------------------------------------------------------------------ ATTEND-DISTRICT
def with_districts(deputies: int, districts: int) -> Instance:
    """Karaganda: a regional akim, ``deputies`` deputy akims, ``districts`` district akims."""
    data = make_instance(regions=["astana", "karaganda"], akimats=["karaganda"]).model_dump(
        mode="json")
    region = next(r for r in data["regions"] if r["id"] == "karaganda")
    names = lambda en: {"kk": en, "ru": en, "en": en}  # noqa: E731
    region["districts"] = [{"id": f"d{i}", "name": names(f"District {i}")}
                           for i in range(districts)]
    for i in range(deputies):
        data["officials"].append({
            "id": f"deputy-akim-karaganda-{i}", "title": names(f"Deputy akim {i}"),
            "body_id": "akimat-karaganda", "role": "deputy", "deputy_of": "akim-karaganda",
            "base_region_id": "karaganda"})
    for i in range(districts):
        data["bodies"].append({"id": f"akimat-d{i}", "kind": "akimat",
                               "name": names(f"Akimat of district {i}"),
                               "region_id": "karaganda"})
        data["officials"].append({
            "id": f"akim-d{i}", "title": names(f"Akim of district {i}"),
            "body_id": f"akimat-d{i}", "role": "first_head", "akim_level": "district",
            "district_id": f"d{i}", "base_region_id": "karaganda"})
    return Instance.model_validate(data)


def _district_calendar(inst: Instance, at_once: int) -> Calendar:
    import datetime as dt
    meetings = []
    for i in range(4):
        same = i < at_once
        start = dt.time(10) if same else dt.time(15)
        meetings.append(Meeting(
            id=f"m{i}", official_id=f"akim-d{i}", presenter_id=f"akim-d{i}",
            body_id=f"akimat-d{i}", region_id="karaganda", date=dt.date(2027, 2, 6),
            start=start, end=start.replace(hour=start.hour + 2), quarter=1, kind="planned",
            announce_by=dt.date(2027, 1, 27)))
    return Calendar(instance=inst.name, profile="kz-2016", horizon="2027-H1",
                    approval_date=inst.approval_date, status="HAND-MADE",
                    meetings=tuple(meetings))


@pytest.mark.parametrize("at_once, broken", [(3, False), (4, True)])
def test_checker_attend_district(at_once, broken):
    """Two deputies: the regional akim and they attend three district meetings at once."""
    inst = with_districts(deputies=2, districts=4)
    report = check(inst, load_profile("kz-2016"), _district_calendar(inst, at_once))
    found = [v for v in report.violations if v.rule_id == "ATTEND-DISTRICT"]
    assert bool(found) is broken, found
    if broken:
        assert "4 district akims' meetings" in found[0].message
        assert "can attend 3" in found[0].message


# ---------------------------------------------------------------- user-made profiles
def _custom(tmp_path: Path, old: str, new: str, name: str = "custom.toml") -> Path:
    text = (PROFILES_DIR / "kz-2024.toml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.fixture
def small_json(tmp_path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(make_instance(regions=["astana", "akmola", "karaganda"],
                                  ministries=["health", "education"]).model_dump_json(),
                    encoding="utf-8")
    return path


def test_custom_profile_two_meetings_per_quarter(tmp_path, small_json):
    """A copy of kz-2024 with min_per_quarter = 2 (the 2023 draft's 'at least twice') gives
    each minister two planned meetings in each quarter."""
    custom = _custom(tmp_path, "min_per_quarter = 1", "min_per_quarter = 2")
    counts = {}
    for label, profile in (("default", "kz-2024"), ("custom", str(custom))):
        out = tmp_path / label
        result = runner.invoke(app, ["plan", str(small_json), "--out", str(out), "--profile",
                                     profile, "--no-report", "--lang", "en", *CLI_FAST])
        assert result.exit_code == 0, result.output
        calendar = load_calendar(out / "calendar.json")
        counts[label] = Counter((m.official_id, m.quarter) for m in calendar.meetings
                                if m.kind is MeetingKind.planned)
    assert len(counts["custom"]) == 4 and min(counts["custom"].values()) >= 2
    assert sum(counts["custom"].values()) > sum(counts["default"].values())
    assert load_calendar(tmp_path / "custom" / "calendar.json").profile == "kz-2024"


def test_custom_profile_may_name_a_historical_body(tmp_path, small_json):
    """A known body not in the instance (KNOWN_BODIES) is accepted; a typo is not."""
    assert "defence-aerospace-industry" in KNOWN_BODIES
    inst = load_instance(small_json)
    ok = _custom(tmp_path, '"justice"]', '"justice", "defence-aerospace-industry"]')
    assert load_profile_for(str(ok), inst).get("SCOPE-EXEMPT").exempt_bodies[-1] == \
        "defence-aerospace-industry"
    bad = _custom(tmp_path, '"justice"]', '"justice", "helth"]', "bad.toml")
    with pytest.raises(InputError, match=r"SCOPE-EXEMPT\.exempt_bodies': unknown body 'helth' "
                                         r"\(did you mean 'health'\?\)"):
        load_profile_for(str(bad), inst)


BAD_PROFILES = [
    ("unknown rule id", "[rules.FMT-QA]", "[rules.FMT-QQ]",
     ["field 'rules.FMT-QQ'", "unknown rule id 'FMT-QQ'", "did you mean 'FMT-QA'"]),
    ("negative number", "min_per_quarter = 1", "min_per_quarter = -1",
     ["field 'rules.FREQ-CEB-QUARTER.min_per_quarter'", "greater than or equal to 0"]),
    ("min above max", "min_per_quarter = 1", "min_per_quarter = 4",
     ["field 'rules.FREQ-CEB-QUARTER'", "min_per_quarter (4) exceeds max_per_quarter (3)"]),
    ("unknown body", '"emergency-situations", "internal-affairs"',
     '"emergency-situatons", "internal-affairs"',
     ["field 'rules.SCOPE-EXEMPT.exempt_bodies'", "unknown body 'emergency-situatons'"]),
    ("unknown excluded body", 'excluded_bodies = ["defence"', 'excluded_bodies = ["defense"',
     ["field 'rules.SUBST-DEPUTY.excluded_bodies'", "unknown body 'defense'"]),
    ("unknown parameter", "w_issue = 1", "w_isue = 1",
     ["field 'rules.REGION-ISSUES.w_isue'", "unknown parameter of REGION-ISSUES",
      "did you mean 'w_issue'"]),
    ("malformed TOML", "[rules.TRAVEL]", "[rules.TRAVEL",
     ["malformed TOML", "line"]),
    ("bad kind", 'kind = "soft"', 'kind = "sof"',
     ["field 'rules.REGION-ISSUES.kind'", "'hard', 'soft', 'milestone' or 'format'"]),
]


@pytest.mark.parametrize("case, old, new, texts", BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES])
def test_bad_profile_file_exits_2_naming_the_field(tmp_path, small_json, case, old, new, texts):
    path = _custom(tmp_path, old, new)
    out = tmp_path / "out"
    result = runner.invoke(app, ["plan", str(small_json), "--out", str(out), "--profile",
                                 str(path), "--no-report", *CLI_FAST])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    text = result.output.replace("\n", " ")
    assert str(path) in text
    for wanted in texts:
        assert wanted in text, (wanted, result.output)
    assert not out.exists()


def test_bad_profile_refused_by_compare_and_check(tmp_path, small_json, tiny_calendar):
    bad = _custom(tmp_path, 'excluded_bodies = ["defence"', 'excluded_bodies = ["defense"')
    result = runner.invoke(app, ["compare", str(small_json), "--profiles", f"kz-2016,{bad}",
                                 *CLI_FAST])
    assert result.exit_code == 2 and "SUBST-DEPUTY.excluded_bodies" in result.output
    missing = runner.invoke(app, ["compare", str(small_json), "--profiles", "kz-1999"])
    assert missing.exit_code == 2 and "kz-1999" in missing.output


# ------------------------------------------------------------------------ commands
def test_profiles_lists_the_builtin_profiles():
    result = runner.invoke(app, ["profiles", "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("kz-2016", "kz-2018", "kz-2024", "FREQ-WINDOW", "TV-LIVE", "FREQ-CEB-QUARTER",
                 "ATTEND-DISTRICT"):
        assert text in result.output


def test_profile_show_prints_rules_sources_and_parameters():
    result = runner.invoke(app, ["profile", "show", "kz-2018", "--lang", "en"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("kz-2018", "TV-LIVE", "tv_channels = 1", "lead_months = 1", "S-2016 item 13",
                 "defence-aerospace-industry", "ATTEND-DISTRICT", "DL-CHANGE"):
        assert text in result.output, text
    missing = runner.invoke(app, ["profile", "show", "kz-1999"])
    assert missing.exit_code == 2 and "no such file or built-in profile" in missing.output


def test_compare_tabulates_each_profile(tmp_path, small_json):
    """compare plans under each profile; one with no calendar shows its status."""
    hopeless = _custom(tmp_path, "lead_days = 0", "lead_days = 200", "hopeless.toml")
    result = runner.invoke(app, ["compare", str(small_json), "--profiles",
                                 f"kz-2016,kz-2024,{hopeless}", *CLI_FAST, "--lang", "en"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    cells = {}
    for line in result.output.splitlines():
        parts = [part.strip() for part in line.split("│")[1:-1]]
        if len(parts) == 4 and parts[0]:
            cells[parts[0]] = parts[1:]
    assert cells["status"][2] == "INFEASIBLE" and cells["status"][1] in ("OPTIMAL", "FEASIBLE")
    assert cells["ministers met the population in Q1"][:2] == ["0 / 2", "2 / 2"]
    assert cells["ministers met the population in Q2"][:2] == ["2 / 2", "2 / 2"]
    assert cells["meetings"][2] == "-"
    for label in ("topical issue weight met", "substitutions", "regions with a ministerial meeting",
                  "cost (the profile's own weights)", "planned / out-of-schedule"):
        assert label in cells, label


def test_each_edition_words_its_own_rules_in_russian_and_kazakh():
    """Issue 11 item 9: the compliance tables of kz-2016/kz-2018 state their own rules
    (a 10-day lead, only Defence exempt), not kz-2024's titles."""
    from scheduler.profile import parse_profile, profile_path
    from scheduler.report.common import rule_title

    def title(name, rule_id, lang):
        return rule_title(parse_profile(profile_path(name).read_text()), rule_id, lang)

    assert "10 дней" in title("kz-2016", "TIME-LEAD", "ru")
    assert "10 күн" in title("kz-2016", "TIME-LEAD", "kk")
    assert title("kz-2024", "TIME-LEAD", "ru") == "Публикация не позднее чем за месяц"
    assert "маслихат" not in title("kz-2016", "FMT-AUDIENCE", "ru").lower()
    assert "ректор" in title("kz-2018", "FMT-AUDIENCE", "ru")
    assert title("kz-2016", "SCOPE-EXEMPT", "ru") != title("kz-2018", "SCOPE-EXEMPT", "ru")
    for name in ("kz-2016", "kz-2018"):
        profile = parse_profile(profile_path(name).read_text())
        for rule_id, rule in profile.rules.items():
            if rule.title_ru:  # an edition's own wording comes in both languages
                assert rule.title_kk, (name, rule_id)
                assert title(name, rule_id, "en") == rule.title
