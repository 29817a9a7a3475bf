"""Disruption sweeps (issue 17): the model is deterministic for a seed, a small sweep of
the tiny instance runs on a local Ray runtime (one per module), every re-planned
calendar is scored by the checker, and an interrupted sweep resumes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from scheduler.changes import validate_changes
from scheduler.cli import app
from scheduler.io import InputError, to_json
from scheduler.robustness import change_set, load_model, sample_future, sweep
from scheduler.robustness.model import DEFAULT_MODEL, as_of_dates
from scheduler.robustness.report import write_report
from scheduler.robustness.robust import expected_changes, plan_robust

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def ray_runtime():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def model():
    return load_model()


def _events(future):
    return (future.absences, future.alerts, future.blocked, future.days_off, future.requests)


def test_a_future_is_the_same_for_a_seed(tiny_instance, kz2024, model):
    a = sample_future(tiny_instance, kz2024, model, seed=7, scenario=3)
    b = sample_future(tiny_instance, kz2024, model, seed=7, scenario=3)
    assert _events(a) == _events(b)
    others = [_events(sample_future(tiny_instance, kz2024, model, 7, i)) for i in range(6)]
    assert len({repr(e) for e in others}) > 1  # scenarios differ
    assert repr(_events(sample_future(tiny_instance, kz2024, model, 8, 3))) != repr(_events(a))
    # the training stream of the robust plan is another stream
    assert repr(_events(sample_future(tiny_instance, kz2024, model, 7, 3, stream=1))) != \
        repr(_events(a))


def test_change_sets_fit_the_instance_and_calendar(tiny_instance, tiny_calendar, kz2024, model):
    as_of = as_of_dates(tiny_instance, kz2024, model)
    assert [d.isoformat() for d in as_of.values()] == ["2027-01-01", "2027-03-01"]
    for scenario in range(10):
        future = sample_future(tiny_instance, kz2024, model, 0, scenario)
        for q in (1, 2):
            changes = change_set(future, q, tiny_instance, kz2024, tiny_calendar)
            validate_changes(changes, tiny_instance, tiny_calendar, as_of[q], "sampled",
                             lambda table, i: f"{table}[{i}]")
            assert all(a.start.month in ((1, 2, 3) if q == 1 else (4, 5, 6))
                       for a in changes.absences)


def test_a_bad_model_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(DEFAULT_MODEL.read_text().replace("deputy_joins = 0.25", "deputy_joins = 2"))
    with pytest.raises(InputError, match="deputy_joins"):
        load_model(bad)
    bad.write_text("[absences.minister.illness\n")
    with pytest.raises(InputError, match="not a TOML"):
        load_model(bad)


def test_sweep_on_ray_scores_every_calendar_and_resumes(ray_runtime, tiny_instance,
                                                       tiny_calendar, kz2024, model, tmp_path):
    out = tmp_path / "sweep"
    run = sweep(tiny_instance, kz2024, tiny_calendar, model, out, scenarios=3, seed=1,
                time_limit=10, log=lambda _: None)
    assert (run.futures, run.skipped) == (3, 0)
    lines = (out / "futures.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert sorted(r["scenario"] for r in records) == [0, 1, 2]
    for r in records:
        assert r["status"] == "ok"
        assert [row["quarter"] for row in r["quarters"]] == [1, 2]
        # where the time went, phase by phase (no figures asserted: the machine is shared)
        assert set(r["phases"]) == {"sample", "change_set", "replan", "check"}
        assert r["cpu_time"] >= 0 and all(v >= 0 for v in r["phases"].values())
        for row in r["quarters"]:  # every re-planned calendar went through the checker
            assert row["check_ok"] is True and row["new_violations"] == []
            assert row["changes"] == len(row["change_list"])

    # interrupted: the last record is lost and a torn line left behind; resume runs it again
    (out / "futures.jsonl").write_text("\n".join(lines[:2]) + "\n" + lines[2][:40])
    run = sweep(tiny_instance, kz2024, tiny_calendar, model, out, scenarios=4, seed=1,
                time_limit=10, log=lambda _: None)
    assert (run.futures, run.skipped) == (2, 2)
    records = [json.loads(line) for line in (out / "futures.jsonl").read_text().splitlines()]
    assert sorted(r["scenario"] for r in records) == [0, 1, 2, 3]
    run = sweep(tiny_instance, kz2024, tiny_calendar, model, out, scenarios=4, seed=1,
                time_limit=10, log=lambda _: None)
    assert run.futures == 0
    # another seed is another sweep: refused in the same folder
    with pytest.raises(InputError, match="seed"):
        sweep(tiny_instance, kz2024, tiny_calendar, model, out, scenarios=4, seed=2,
              time_limit=10, log=lambda _: None)

    summary = write_report(out)
    assert summary["futures"] == 4
    for name in ("README.md", "futures.csv", "meetings.csv", "officials.csv", "regions.csv",
                 "changes_per_quarter.png", "replan_times.png"):
        assert (out / name).stat().st_size > 0
    assert "| Q1 |" in (out / "README.md").read_text()
    assert "Minimum proven in" in (out / "README.md").read_text()
    assert "Mean wall time by phase" in (out / "README.md").read_text()


def test_the_command_on_a_workspace(ray_runtime, tiny_instance, tiny_calendar, tmp_path):
    instance, calendar = tmp_path / "tiny.json", tmp_path / "calendar.json"
    instance.write_text(to_json(tiny_instance))
    calendar.write_text(to_json(tiny_calendar))
    out = tmp_path / "report"
    result = CliRunner().invoke(app, ["robustness", str(calendar), "--instance", str(instance),
                                      "--scenarios", "2", "--seed", "3", "--out", str(out),
                                      "--time-limit", "10"])
    assert result.exit_code == 0, result.output
    assert len((out / "futures.jsonl").read_text().splitlines()) == 2
    assert "futures" in (out / "README.md").read_text()
    result = CliRunner().invoke(app, ["robustness", str(calendar), "--instance", str(instance),
                                      "--model", str(tmp_path / "missing.toml"),
                                      "--out", str(tmp_path / "other")])
    assert result.exit_code == 2


def test_robust_plan_is_checked_and_lowers_expected_changes(tiny_instance, kz2024, model):
    expected = expected_changes(tiny_instance, kz2024, model, seed=0, futures=30)
    plain, plain_cost = plan_robust(tiny_instance, kz2024, expected, 0.0, time_limit=20,
                                    workers=1)
    robust, robust_cost = plan_robust(tiny_instance, kz2024, expected, 1000.0, time_limit=20,
                                      workers=1)
    assert plain.check.ok and robust.check.ok
    assert robust_cost <= plain_cost + 1e-9
    assert robust.check.total_cost >= plain.check.total_cost - 1e-9


def test_refusals_of_a_time_limited_search_are_told_apart(tiny_instance, tiny_calendar, kz2024,
                                                           model):
    """A request refused because no calendar was found with it (a search stopped by its
    time limit may be the reason) is told apart from one the screening rules refuse: the
    sweep re-plans such a quarter once more with three times the limit."""
    from types import SimpleNamespace

    from scheduler.changes import Refusal, screen_requests
    from scheduler.robustness.sweep import _unplaced

    future = sample_future(tiny_instance, kz2024, model, 1, 0)
    q = tiny_instance.horizon.quarters[0]
    changes = change_set(future, q, tiny_instance, kz2024, tiny_calendar)
    as_of = future.as_of[q]
    _, screened = screen_requests(changes, tiny_instance, kz2024, tiny_calendar, as_of, False)
    refused = [*screened, Refusal("not-screened", "REPLAN", "no calendar with it")]
    assert _unplaced(SimpleNamespace(refused=refused), changes, tiny_instance, kz2024,
                     tiny_calendar, as_of) == ["not-screened"]
    assert _unplaced(SimpleNamespace(refused=tuple(screened)), changes, tiny_instance, kz2024,
                     tiny_calendar, as_of) == []


def test_sigterm_stops_a_sweep_like_ctrl_c():
    """A batch system's SIGTERM (or SIGINT in a background job, where it is ignored) stops
    the sweep between futures with its run recorded; the old handlers come back after."""
    import os
    import signal

    from scheduler.robustness.sweep import _stop_on_signals

    before = signal.getsignal(signal.SIGTERM)
    restore = _stop_on_signals()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
    finally:
        restore()
    assert signal.getsignal(signal.SIGTERM) == before
