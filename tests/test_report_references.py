"""``report`` (and ``explain``) refuse a calendar whose meetings name a body, official,
presenter, region or alert the instance does not have: exit 2, the file, the meeting and
the field named, nothing written (as the other commands refuse bad references)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.io import InputError, check_references, to_json


@pytest.mark.parametrize("field, value, what", [
    ("body_id", "helth", "body"), ("official_id", "minister-helth", "official"),
    ("presenter_id", "nobody", "presenter"), ("region_id", "atlantis", "region")])
def test_report_refuses_unknown_references(tmp_path, tiny_instance, tiny_calendar, field,
                                           value, what):
    meetings = list(tiny_calendar.meetings)
    meetings[3] = meetings[3].model_copy(update={field: value})
    (tmp_path / "instance.json").write_text(to_json(tiny_instance), encoding="utf-8")
    cal = tmp_path / "cal.json"
    cal.write_text(to_json(tiny_calendar.model_copy(update={"meetings": tuple(meetings)})),
                   encoding="utf-8")
    out = tmp_path / "out"
    for args in (["report", str(tmp_path / "instance.json"), str(cal), "--out", str(out),
                  "--draft"],
                 ["explain", str(tmp_path / "instance.json"), str(cal)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, (args[0], result.output)
        said = " ".join(result.output.split())  # as rich wraps it
        assert f"meetings[3] (id '{meetings[3].id}'), field '{field}': unknown {what} " \
               f"'{value}'" in said and "cal.json" in said, result.output
    assert not out.exists()


def test_alert_and_csv_rows(tiny_instance, tiny_calendar):
    oos = next(i for i, m in enumerate(tiny_calendar.meetings) if m.alert_id)
    meetings = list(tiny_calendar.meetings)
    meetings[oos] = meetings[oos].model_copy(update={"alert_id": "alert-nowhere"})
    cal = tiny_calendar.model_copy(update={"meetings": tuple(meetings)})
    with pytest.raises(InputError, match=rf"cal.csv: row {oos + 2} .*field 'alert_id': "
                                         "unknown tension alert 'alert-nowhere'"):
        check_references(cal, tiny_instance, "cal.csv")
    check_references(tiny_calendar, tiny_instance, "cal.json")  # sound: nothing raised
