"""The workspace under real use: the README's loop closes, concurrent re-plans lose nothing,
a process killed at any write point leaves whole versions and agreeing top-level files."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.io import InputError, load_calendar
from scheduler.meetings import MeetingKind
from scheduler.workspace import (
    StaleBase,
    check_base,
    instance_of,
    latest,
    locked,
    repair,
    resolve_calendar,
    save_version,
    version_of,
    versions,
)

D = dt.date.fromisoformat
FAST = ["--workers", "1", "--time-limit", "20"]
runner = CliRunner()


@pytest.fixture
def ws(tiny_files):
    """A workspace holding the published tiny calendar, and the instance file."""
    return tiny_files.instance, tiny_files.workspace


def _later(calendar, official="minister-health"):
    return next(m for m in calendar.meetings if m.official_id == official
                and m.kind is MeetingKind.planned and m.date >= D("2027-03-10"))


def _absence_changes(tmp_path, meeting, name="changes.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"absences": [{
        "official_id": meeting.presenter_id, "start": meeting.date.isoformat(),
        "end": meeting.date.isoformat(), "reason": "illness"}]}), encoding="utf-8")
    return path


def _agree(folder: Path) -> None:
    """Every version whole; the top-level calendar is the latest version's."""
    found = versions(folder)
    assert all(v.readable for v in found), [v.note for v in found]
    for v in found:
        load_calendar(v.calendar_path)
    newest = latest(folder)
    if newest is not None:
        assert (folder / "calendar.json").read_bytes() == newest.calendar_path.read_bytes()
        marker = json.loads((folder / ".published").read_text(encoding="utf-8"))
        assert marker["version"] == newest.number


# ------------------------------------------------------------ 1. the loop closes
def test_urgent_meeting_in_a_workspace_is_checkable_and_explainable(ws, tmp_path):
    """After urgent, check and explain of the workspace accept its out-of-schedule meeting:
    the alert lives in the version's instance, and check takes the folder, the file or a
    version folder."""
    instance, folder = ws
    added = runner.invoke(app, ["urgent", str(instance), str(folder / "calendar.json"),
                                "--region", "akmola", "--bodies", "health", "--date",
                                "2027-02-15", "--workers", "1"])
    assert added.exit_code == 0, added.output
    for target in (folder, folder / "calendar.json", folder / "versions" / "002"):
        checked = runner.invoke(app, ["check", str(instance), str(target), "--lang", "en"])
        assert checked.exit_code == 0, checked.output
    urgent = next(m for m in load_calendar(folder / "calendar.json").meetings
                  if m.kind is MeetingKind.out_of_schedule)
    explained = runner.invoke(app, ["explain", str(instance), str(folder), "--meeting",
                                    urgent.id, "--to", "astana"])
    assert explained.exit_code == 0, explained.output
    # a second alert in the same region on the same day gets its own id
    again = runner.invoke(app, ["urgent", str(instance), str(folder), "--region", "akmola",
                                "--bodies", "health", "--date", "2027-02-15", "--workers", "1"])
    assert again.exit_code == 0, again.output
    alerts = [m.alert_id for m in load_calendar(folder / "calendar.json").meetings
              if m.kind is MeetingKind.out_of_schedule]
    assert {"alert-akmola-2027-02-15", "alert-akmola-2027-02-15-2"} <= set(alerts)


# ------------------------------------------------------------ 2. stale bases
def test_replan_of_an_older_version_is_refused_unless_asked(ws, tmp_path, published):
    instance, folder = ws
    meeting = _later(published)
    changes = _absence_changes(tmp_path, meeting)
    args = ["replan", str(instance), str(folder / "calendar.json"), str(changes), "--as-of",
            "2027-02-01", "--no-report", *FAST]
    assert runner.invoke(app, args).exit_code == 0
    old = folder / "versions" / "001" / "calendar.json"
    stale = runner.invoke(app, ["replan", str(instance), str(old), str(changes), "--as-of",
                                "2027-02-01", "--out", str(folder), "--no-report", *FAST])
    assert stale.exit_code == 2 and "--from-older" in stale.output
    assert [v.number for v in versions(folder)] == [1, 2]
    branched = runner.invoke(app, ["replan", str(instance), str(old), str(changes), "--as-of",
                                   "2027-02-01", "--out", str(folder), "--no-report",
                                   "--from-older", *FAST])
    assert branched.exit_code == 0, branched.output
    assert [(v.number, v.base) for v in versions(folder)] == [(1, None), (2, 1), (3, 1)]
    _agree(folder)


def _replan_in_child(args: list[str], queue) -> None:
    result = CliRunner().invoke(app, args)
    queue.put((result.exit_code, result.output))


def test_twenty_pairs_of_simultaneous_replans_lose_nothing(ws, tmp_path, published):
    """Two planners re-plan the same latest calendar at once, 20 times: each time one lands
    and the other is refused or lands on top of it; versions chain without a gap."""
    instance, folder = ws
    meetings = [m for m in published.meetings if m.date >= D("2027-03-10")]
    context = multiprocessing.get_context("fork")
    for pair in range(20):
        queue = context.Queue()
        children = []
        for side in range(2):
            meeting = meetings[(2 * pair + side) % len(meetings)]
            changes = _absence_changes(tmp_path, meeting, f"c{pair}-{side}.json")
            args = ["replan", str(instance), str(folder / "calendar.json"), str(changes),
                    "--as-of", "2027-02-01", "--no-report", "--workers", "1",
                    "--time-limit", "20"]
            child = context.Process(target=_replan_in_child, args=(args, queue))
            child.start()
            children.append(child)
        for child in children:
            child.join(120)
        outcomes = [queue.get(timeout=5) for _ in children]
        assert all(code in (0, 2) for code, _ in outcomes), outcomes
        assert any(code == 0 for code, _ in outcomes), outcomes
        for code, output in outcomes:
            if code == 2:
                assert "latest version" in output, output
        _agree(folder)
    found = versions(folder)
    assert found[0].kind == "imported"
    for before, after in zip(found, found[1:]):  # each re-plan started from the one before
        assert after.base == before.number
    assert len(found) >= 21


# ------------------------------------------------------------ crash at every write point
WRITE_POINTS = [(os, "replace"), (os, "rename"), (os, "fsync"), (shutil, "rmtree"),
                (shutil, "copytree")]


@pytest.fixture
def quick_charts(monkeypatch):
    """Charts drawn once per test (drawing is not a write point; forked children inherit)."""
    import scheduler.report as report

    drawn: dict = {}
    real = report.chart_png

    def cached(plot, instance, calendar, lang="ru"):
        if (plot, lang) not in drawn:
            drawn[plot, lang] = real(plot, instance, calendar, lang)
        return drawn[plot, lang]
    monkeypatch.setattr(report, "chart_png", cached)


def _write_points(args: list[str], tally: Path) -> int:
    """How many write points the command passes when nothing kills it."""
    assert _killed_at(10**9, args, tally) == 0
    return int(tally.read_text())


def _killed_at(point: int, args: list[str], tally: Path | None = None) -> int:
    """Run the command in a forked child that dies (os._exit) at its ``point``-th write
    point (a file made durable, a rename, a folder copied or removed); its exit code."""
    pid = os.fork()
    if pid == 0:  # the child
        count = [0]

        def hook(real):
            def wrapped(*a, **k):
                count[0] += 1
                if count[0] == point:
                    os._exit(137)
                return real(*a, **k)
            return wrapped
        for module, name in WRITE_POINTS:
            setattr(module, name, hook(getattr(module, name)))
        try:
            result = CliRunner().invoke(app, args)
            code = 3 if result.exception and not isinstance(result.exception, SystemExit) \
                else result.exit_code
            if tally is not None:
                tally.write_text(str(count[0]))
        finally:
            os._exit(locals().get("code", 4))
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _crash_runs(make_args, prepare, points) -> None:
    """Kill the command at each of ``points``; after each kill the folder holds whole
    versions and, once repaired, agreeing top-level files."""
    for point in points:
        folder = prepare(point)
        code = _killed_at(point, make_args(folder))
        assert code == 137, f"write point {point}: exit {code}"
        if (folder / "versions").exists():
            repair(folder)
            _agree(folder)


@pytest.mark.parametrize("report", ["--no-report", "--report"])
def test_replan_killed_at_every_write_point(report, ws, tmp_path, published, quick_charts):
    """Every write point of a re-plan; with the documents, every point of the version's
    own steps (staging, rename, top-level copies) and every 40th point of the document files."""
    instance, _ = ws
    changes = _absence_changes(tmp_path, _later(published))
    before = published.model_dump_json()

    def prepare(point):
        target = tmp_path / f"ws{point}"
        target.mkdir()
        (target / "calendar.json").write_text(before, encoding="utf-8")
        return target

    def args(target):
        return ["replan", str(instance), str(target / "calendar.json"), str(changes),
                "--as-of", "2027-02-01", report, *FAST]

    total = _write_points(args(prepare(0)), tmp_path / "tally")
    assert [v.kind for v in versions(tmp_path / "ws0")] == ["imported", "replan"]
    assert (tmp_path / "ws0" / "report.html").exists() == (report == "--report")
    points = range(1, total + 1) if report == "--no-report" else sorted(
        {*range(1, total + 1, 40), *range(max(1, total - 8), total + 1)})
    _crash_runs(args, prepare, points)
    for point in points:
        found = versions(tmp_path / f"ws{point}")
        assert [v.kind for v in found] in ([], ["imported"], ["imported", "replan"])
        if found:  # the approved calendar is never lost
            assert found[0].calendar_path.read_text(encoding="utf-8") == before


def test_plan_killed_at_every_write_point(tmp_path, tiny_files):
    instance = tiny_files.instance
    def args(target):
        return ["plan", str(instance), "--out", str(target), "--no-report", *FAST]

    total = _write_points(args(tmp_path / "out0"), tmp_path / "tally")
    _crash_runs(args, lambda point: tmp_path / f"out{point}", range(1, total + 1))
    for point in range(1, total + 1):
        assert [v.kind for v in versions(tmp_path / f"out{point}")] in ([], ["plan"])


def test_report_killed_at_every_write_point(tmp_path, tiny_files, quick_charts):
    """report writes each file whole: after a kill (every sixth write point), every file
    present is complete."""
    import openpyxl

    instance, calendar = tiny_files.instance, tiny_files.calendar

    def args(out):
        return ["report", str(instance), str(calendar), "--out", str(out)]

    total = _write_points(args(tmp_path / "report0"), tmp_path / "tally")
    assert total > 10
    for point in range(1, total + 1, 6):
        out = tmp_path / f"report{point}"
        assert _killed_at(point, args(out)) == 137
        for path in out.rglob("*") if out.exists() else ():
            if path.suffix == ".html":
                assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
            if path.suffix == ".xlsx":
                openpyxl.load_workbook(path)


# ------------------------------------------------------------ top-level files repaired
def test_stale_top_level_files_are_restored_before_use(ws, tmp_path, published):
    """A kill after the version landed but before the top-level copies: the next command
    (history here) restores them, and a re-plan never starts from the old calendar."""
    instance, folder = ws
    changes = _absence_changes(tmp_path, _later(published))
    assert runner.invoke(app, ["replan", str(instance), str(folder / "calendar.json"),
                               str(changes), "--as-of", "2027-02-01", "--no-report",
                               *FAST]).exit_code == 0
    # simulate the crash: put the old top-level files back
    (folder / "calendar.json").write_bytes((folder / "versions/001/calendar.json").read_bytes())
    (folder / ".published").write_text('{"version": 1, "files": ["calendar.json"]}')
    listed = runner.invoke(app, ["history", str(folder)])
    assert listed.exit_code == 0 and "002" in listed.output
    _agree(folder)
    assert len(versions(folder)) == 2  # restored, not imported as a new version


def test_leftovers_of_dead_processes_are_cleaned(ws, published):
    _, folder = ws
    dead = folder / "versions" / ".tmp-otherhost-1-abc"
    (folder / "versions").mkdir()
    mine_dead = folder / "versions" / f".tmp-{os.uname().nodename}-999999-abc"
    for path in (dead, mine_dead):
        path.mkdir()
    (folder / ".calendar.json.x1.tmp").write_text("half")
    save_version(folder, "plan", {"calendar.json": published.model_dump_json()}, published)
    assert dead.exists()  # another machine's: not ours to judge
    assert not mine_dead.exists() and not (folder / ".calendar.json.x1.tmp").exists()


def test_damaged_version_is_listed_not_hidden(ws, tmp_path, published):
    instance, folder = ws
    first = save_version(folder, "plan", {"calendar.json": published.model_dump_json()},
                         published)
    broken = folder / "versions" / f"{first.number + 1:03d}"
    broken.mkdir()
    (broken / "version.json").write_text("{not json", encoding="utf-8")
    listed = runner.invoke(app, ["history", str(folder), "--lang", "en"])
    assert listed.exit_code == 0, listed.output
    assert "Damaged versions: 1" in listed.output
    assert latest(folder).number == first.number
    third = save_version(folder, "plan", {"calendar.json": published.model_dump_json()},
                         published)
    assert third.number == first.number + 2  # the damaged folder's number is never reused


def test_version_folders_are_readable_by_colleagues(ws, published):
    _, folder = ws
    version = save_version(folder, "plan", {"calendar.json": published.model_dump_json()},
                           published)
    assert version.path.stat().st_mode & 0o055 == 0o055 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ------------------------------------------------------------ units (scheduler/workspace.py)
def _save(folder, calendar, kind="plan", **kw):
    return save_version(folder, kind, {"calendar.json": calendar.model_dump_json(),
                                       "instance.json": "{}"}, calendar, **kw)


def test_versions_are_numbered_and_published(tmp_path, tiny_calendar):
    folder = tmp_path / "ws"
    assert versions(folder) == [] and latest(folder) is None
    first = _save(folder, tiny_calendar, note="first")
    moved = tiny_calendar.model_copy(update={"status": "FEASIBLE"})
    second = _save(folder, moved, "replan", changes=3, base=tiny_calendar)
    assert [(v.number, v.kind, v.base, v.changes) for v in versions(folder)] == [
        (1, "plan", None, None), (2, "replan", 1, 3)]
    assert first.note == "first" and first.meetings == len(tiny_calendar.meetings)
    assert latest(folder) == second and version_of(tiny_calendar, folder) == first
    assert version_of(moved, folder) == second
    assert (folder / "calendar.json").read_bytes() == second.calendar_path.read_bytes()
    assert not (folder / "instance.json").exists()  # inputs stay in the version folder
    marker = json.loads((folder / ".published").read_text(encoding="utf-8"))
    assert marker == {"version": 2, "files": ["calendar.json"]}


def test_stale_base_refused_unless_older_on_purpose(tmp_path, tiny_calendar):
    folder = tmp_path / "ws"
    _save(folder, tiny_calendar)
    newer = tiny_calendar.model_copy(update={"status": "FEASIBLE"})
    _save(folder, newer, "replan", base=tiny_calendar)
    with pytest.raises(StaleBase, match="not the workspace's latest version"):
        check_base(folder, tiny_calendar, allow_older=False)
    assert check_base(folder, tiny_calendar, allow_older=True).number == 1
    assert check_base(folder, newer, allow_older=False).number == 2
    with pytest.raises(StaleBase):
        _save(folder, newer, "replan", base=tiny_calendar)
    assert len(versions(folder)) == 2


def test_an_unversioned_calendar_is_imported_before_anything_is_written(tmp_path,
                                                                        tiny_calendar):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "calendar.json").write_text(tiny_calendar.model_dump_json(), encoding="utf-8")
    (folder / "calendar.csv").write_text("id\n", encoding="utf-8")
    repair(folder)  # no versions folder yet: nothing to repair, nothing written
    assert versions(folder) == []
    later = tiny_calendar.model_copy(update={"status": "FEASIBLE"})
    _save(folder, later, "replan", base=tiny_calendar)
    first, second = versions(folder)
    assert first.kind == "imported" and second.base == first.number
    assert (first.path / "calendar.csv").read_text(encoding="utf-8") == "id\n"


def test_resolve_calendar_and_instance_of(tmp_path, tiny_calendar):
    folder = tmp_path / "ws"
    version = _save(folder, tiny_calendar)
    top = folder / "calendar.json"
    assert resolve_calendar(folder) == top
    assert resolve_calendar(top) == top
    assert resolve_calendar(version.path) == version.calendar_path
    assert resolve_calendar("1", folder) == version.calendar_path
    with pytest.raises(InputError, match="no calendar found"):
        resolve_calendar("7", folder)
    with pytest.raises(InputError, match="no calendar found"):
        resolve_calendar(tmp_path / "nowhere.json")
    assert instance_of(version.calendar_path) == version.path / "instance.json"
    assert instance_of(top) == version.path / "instance.json"  # the top-level copy's version
    loose = tmp_path / "loose.json"
    loose.write_text(tiny_calendar.model_dump_json(), encoding="utf-8")
    assert instance_of(loose) is None


def test_a_second_writer_waits_for_the_lock_and_is_told(tmp_path, tiny_calendar):
    folder = tmp_path / "ws"
    _save(folder, tiny_calendar)
    with locked(folder):
        with pytest.raises(InputError, match="another planner has been writing"):
            with locked(folder, timeout=0.2):
                pass
    with locked(folder, timeout=0.2):  # released: free again
        pass
