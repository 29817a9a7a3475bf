"""The page of a draft's latest robustness sweep (issue 17): found by the calendar's digest,
names instead of ids in Russian and Kazakh, the unfinished sweep said, roles enforced."""

from __future__ import annotations

import json
import re

import pytest

from scheduler.report import common as c
from scheduler.web import services as s
from scheduler.web.robustness_views import calendar_digest

V = "/h/2027-H1/v/1/"


def _record(scenario: int, meeting: dict, cause: str) -> dict:
    change = {"meeting": meeting["id"], "official": meeting["official_id"],
              "body": meeting["body_id"], "region": meeting["region_id"],
              "date": meeting["date"], "kind": "moved", "what": ["date"], "cause": cause,
              "presenter": meeting["presenter_id"], "reason": "test"}
    rows = [{"quarter": q, "as_of": "2027-01-01", "events": {}, "alert_regions": ["mangystau"],
             "status": "OPTIMAL", "changes_status": "OPTIMAL", "minimum_proven": q == 1,
             "change_cost": 10.0, "wall_time": 3.0, "changes_time": 1.0, "requests": 1,
             "refused": [], "changes": 1 + scenario, "out_of_schedule": 1, "displaced": 0,
             "check_ok": True, "violations": [], "new_violations": [], "cost": 300.0,
             "change_list": [change] * (1 + scenario)} for q in (1, 2)]
    return {"scenario": scenario, "seed": 0, "status": "ok", "quarters": rows,
            "total_changes": 2 * (1 + scenario), "wall_time": 6.0, "cpu_time": 5.0,
            "phases": {"sample": 0.1, "change_set": 0.1, "replan": 5.5, "check": 0.3}}


@pytest.fixture
def sweep_dir(seeded, settings, tmp_path):
    """A sweep of version 1's calendar (two futures of a target of 1,000) in SWEEPS_DIR."""
    version = seeded["version"]
    inst = s.instance_of(version.instance)
    folder = tmp_path / "sweeps" / "approved"
    folder.mkdir(parents=True)
    key = {"instance": inst.name, "calendar_digest": calendar_digest(s.calendar_of(version)),
           "profile": "kz-2024", "model": "kz-default", "model_digest": "x", "seed": 0,
           "time_limit": 12.0, "instance_digest": "y"}
    runs = [{"finished": "2027-01-01T10:00:00", "futures": 2, "skipped": 0,
             "wall_time_s": 12.0, "num_cpus": 2.0, "address": "local", "futures_per_s": 0.1667,
             "interrupted": True, "load_before": [1.0, 1.0, 1.0], "load_after": [1.0, 1.0, 1.0]}]
    (folder / "sweep.json").write_text(json.dumps({"key": key, "runs": runs, "target": 1000}))
    meeting = next(m for m in version.calendar["meetings"] if m["body_id"] == "energy")
    (folder / "futures.jsonl").write_text("".join(
        json.dumps(_record(i, meeting, cause)) + "\n"
        for i, cause in enumerate(("absence:delegation", "request"))))
    # a sweep of another calendar in the same folder tree is not this version's
    other = tmp_path / "sweeps" / "other"
    other.mkdir()
    (other / "sweep.json").write_text(json.dumps({"key": {**key, "calendar_digest": "0" * 16}}))
    settings.SWEEPS_DIR = tmp_path / "sweeps"
    return {"meeting": meeting, "inst": inst}


def test_planner_sees_the_latest_sweep_with_names(as_role, sweep_dir):
    client = as_role("planner")
    meeting, inst = sweep_dir["meeting"], sweep_dir["inst"]
    for path in ("/robustness/", f"{V}robustness/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        for table in ("quarters", "chart-quarters", "causes", "officials", "meetings", "regions"):
            assert f'id="{table}"' in page
        assert c.official_title(inst, meeting["official_id"], "ru") in page
        assert c.region_name(inst, meeting["region_id"], "ru") in page
        assert c.region_name(inst, "mangystau", "ru") in page  # alerts sampled there
        assert meeting["official_id"] not in page  # names, not ids
        assert 'id="unfinished"' in page and "2 из 1000" in page
        assert "отсутствие: командировка в составе делегации" in page
        assert "<svg" in page and "<rect" in page
        # SVG numbers are not localised (Russian writes 1,5: not a length)
        assert re.search(r'<rect x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="[0-9.]+"', page)
        assert not re.search(r'<rect[^>]*="[0-9]+,[0-9]', page)
    assert 'href="/robustness/"' in client.get("/").content.decode()  # in the menu

    client.cookies["django_language"] = "kk"
    page = client.get(f"{V}robustness/").content.decode()
    assert "Кестенің тұрақтылығы" in page
    assert c.official_title(inst, meeting["official_id"], "kk") in page


def test_a_sweep_of_the_calendar_file_is_found_for_its_stored_version(seeded):
    """The CLI sweeps the calendar file; the workspace stores it as a version: the same
    digest, so the command's folder is the version's sweep."""
    from scheduler.io import load_calendar

    from .conftest import APPROVED

    assert calendar_digest(s.calendar_of(seeded["version"])) == calendar_digest(
        load_calendar(APPROVED))


def test_roles_are_enforced(client, as_role, sweep_dir):
    assert client.get("/robustness/").status_code == 302  # anonymous: to the login
    for role in ("commission", "viewer"):  # roles that read everything
        assert as_role(role).get(f"{V}robustness/").status_code == 200, role
    editor = as_role("health-editor")  # calendar-wide: not for an editor of one body
    assert editor.get("/robustness/").status_code == 403
    assert editor.get(f"{V}robustness/").status_code == 403
    assert 'href="/robustness/"' not in editor.get("/").content.decode()


def test_without_a_sweep_the_page_says_how_to_run_one(as_role, seeded, settings, tmp_path):
    settings.SWEEPS_DIR = tmp_path / "nothing-here"
    page = as_role("planner").get("/robustness/").content.decode()
    assert 'id="no-sweep"' in page and "scheduler robustness" in page
    assert as_role("planner").get("/h/2027-H1/v/99/robustness/").status_code == 404
