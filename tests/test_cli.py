"""The command line as a planner uses it: plan, check, schema, template, and bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.io import load_calendar

runner = CliRunner()
FAST = ["--time-limit", "10", "--workers", "1", "--seed", "0", "--no-report"]


@pytest.fixture
def tiny_json(tmp_path, tiny_instance):
    path = tmp_path / "tiny.json"
    path.write_text(tiny_instance.model_dump_json(indent=1), encoding="utf-8")
    return path


def _edit(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_plan_writes_a_checked_calendar(tiny_json, tmp_path):
    """plan writes calendar.json and calendar.csv, and check then exits 0."""
    out = tmp_path / "out"
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(out), "--lang", "en", *FAST])
    assert result.exit_code == 0, result.output
    assert "Check: every hard rule holds" in result.output
    calendar = load_calendar(out / "calendar.json")
    assert calendar.status == "OPTIMAL" and calendar.meetings
    rows = (out / "calendar.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("id,date,start") and len(rows) == len(calendar.meetings) + 1
    checked = runner.invoke(app, ["check", str(tiny_json), str(out / "calendar.json")])
    assert checked.exit_code == 0, checked.output


def test_check_exits_1_and_names_the_rule(tiny_json, tmp_path, tiny_calendar):
    """check exits 1 on a calendar with a meeting on a public holiday (Nauryz)."""
    first = tiny_calendar.meetings[0]
    holiday = first.model_copy(update={"date": first.date.replace(month=3, day=22), "quarter": 1,
                                       "start": first.start.replace(hour=18, minute=30),
                                       "end": first.end.replace(hour=20, minute=30)})
    broken = tiny_calendar.model_copy(update={"meetings": (holiday, *tiny_calendar.meetings[1:])})
    path = tmp_path / "broken.json"
    path.write_text(broken.model_dump_json(), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tiny_json), str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "TIME-OFFHOURS" in result.output


def test_infeasible_plan_exits_1_with_a_message(tiny_json, tmp_path):
    """When the hard rules cannot all hold, plan says so, exits 1 and writes nothing."""
    def everyone_away(data):
        data["absences"] = [{"official_id": o["id"], "start": "2027-01-01", "end": "2027-03-31",
                             "reason": "illness"}
                            for o in data["officials"] if o["body_id"] == "health"]
    _edit(tiny_json, everyone_away)
    out = tmp_path / "out"
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(out), "--lang", "en", *FAST])
    assert result.exit_code == 1
    assert "infeasible" in result.output
    assert not out.exists()


BAD_INPUTS = {
    "unknown region": (lambda d: d["officials"][0].update(base_region_id="atlantis"),
                       ["officials[0]", "base_region_id", "atlantis"]),
    "unknown person": (lambda d: d["absences"][0].update(official_id="minister-of-magic"),
                       ["absences[0]", "official_id", "minister-of-magic"]),
    "date outside the horizon": (lambda d: d["region_dates"][0].update(date="2027-08-01"),
                                 ["region_dates[0]", "date", "outside the horizon"]),
    "deputy of another ministry": (
        lambda d: d["officials"][1].update(deputy_of="minister-education"),
        ["officials[1]", "deputy_of", "cannot stand in"]),
    "absence ends before it starts": (
        lambda d: d["absences"][0].update(start="2027-03-10", end="2027-03-01"),
        ["absences[0]", "ends", "before it starts"]),
    "missing field": (lambda d: d["regions"][0].pop("centre"), ["regions[0]", "centre"]),
    "wrong type": (lambda d: d["issues"][0].update(weight="heavy"), ["issues[0]", "weight"]),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_instance_exits_2_names_the_place_and_writes_nothing(case, tiny_json, tmp_path):
    """Each kind of bad input gets exit 2, a message naming file, row and field, no output."""
    change, expected = BAD_INPUTS[case]
    _edit(tiny_json, change)
    out = tmp_path / "out"
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(out), *FAST])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for text in [str(tiny_json.name), *expected]:
        assert text in result.output.replace("\n", " "), (text, result.output)
    assert not out.exists()


def test_missing_and_malformed_files_exit_2(tmp_path):
    """A missing file and malformed JSON are named with exit 2."""
    missing = runner.invoke(app, ["plan", str(tmp_path / "nope.json"), "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x",', encoding="utf-8")
    malformed = runner.invoke(app, ["plan", str(bad), "--out", str(tmp_path / "o")])
    assert malformed.exit_code == 2 and "malformed JSON at line 1" in malformed.output


def test_bad_profile_exits_2(tiny_json, tmp_path):
    """A profile with a negative number or an unknown rule id is refused, naming the field."""
    negative = tmp_path / "neg.toml"
    negative.write_text('id = "x"\n[rules.TIME-LEAD]\nkind = "hard"\nsource = "S"\n'
                        'lead_days = -3\n')
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(tmp_path / "o"),
                                 "--profile", str(negative)])
    assert result.exit_code == 2 and "lead_days" in result.output
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('id = "x"\n[rules.FREQ-MOON]\nkind = "hard"\nsource = "S"\n')
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(tmp_path / "o"),
                                 "--profile", str(unknown)])
    assert result.exit_code == 2 and "FREQ-MOON" in result.output
    result = runner.invoke(app, ["plan", str(tiny_json), "--out", str(tmp_path / "o"),
                                 "--profile", "kz-1999"])
    assert result.exit_code == 2 and "kz-2024" in result.output


def test_schema_and_template(tmp_path):
    """schema prints the instance JSON Schema; template writes a workbook."""
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert {"regions", "officials", "absences", "alerts"} <= set(schema["properties"])
    out = tmp_path / "template.xlsx"
    assert runner.invoke(app, ["template", "--out", str(out)]).exit_code == 0
    assert out.stat().st_size > 0


def test_report_command_writes_the_publication_files(tiny_json, tmp_path, tiny_calendar):
    """report writes the workbook, the HTML report, the charts and .ics calendars."""
    calendar = tmp_path / "calendar.json"
    calendar.write_text(tiny_calendar.model_dump_json(), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", str(tiny_json), str(calendar), "--out", str(out),
                                 "--lang", "kk"])
    assert result.exit_code == 0, result.output
    assert {"calendar.xlsx", "report.html", "chart-map.png"} <= {p.name for p in out.iterdir()}
    assert (out / "ics" / "officials" / "minister-health.ics").exists()
    bad = runner.invoke(app, ["report", str(tiny_json), str(tmp_path / "nope.json"),
                              "--out", str(tmp_path / "o2")])
    assert bad.exit_code == 2 and not (tmp_path / "o2").exists()
