"""Sweeps: re-plan the published calendar through many sampled futures, on Ray.

``run_future`` is one future: quarter by quarter, the quarter's change set (absences,
alerts, days off, requests resolved against the calendar at hand, dates the akimats
block) goes through the real re-plan (``scheduler.replan.replan``: the fewest weighted
changes, proven where it is proven), each re-planned calendar is scored by the checker,
and the next quarter starts from it. ``sweep`` runs the futures as Ray tasks (one task a
future, or a small batch), locally (``ray.init()`` on this machine's cores) or on a
cluster (``address``); results stream back with ``ray.wait`` and are appended to
``futures.jsonl`` as they arrive, so an interrupted sweep resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from scheduler.checker import check
from scheduler.diff import Change
from scheduler.instance import Instance
from scheduler.io import InputError, to_json
from scheduler.meetings import Calendar, MeetingKind
from scheduler.profile import Profile, UrgentTension
from scheduler.results import SolveStatus
from scheduler.robustness.model import (
    DisruptionModel,
    Future,
    change_set,
    sample_future,
    with_blocked,
)

RESULTS = "futures.jsonl"
META = "sweep.json"


# ---------------------------------------------------------------------- one future
def _cause(change: Change, future: Future, quarter: int, broken: set[str]) -> str:
    """Why a published meeting changed, in one word (the re-plan's reason, read)."""
    reason = change.reason
    if reason.startswith("change request"):
        return "request"
    away = re.search(r"is away on \S+ \((\w+),", reason)
    if away:
        return f"absence:{away.group(1)}"
    if "out-of-schedule" in reason or UrgentTension.rule_id in reason:
        return "alert"
    if "day off" in reason:
        return "day_off"
    old = change.old
    if old is not None and any(rd.region_id == old.region_id and rd.date == old.date
                               for rd in future.blocked.get(quarter, ())):
        return "blocked_date"
    if old is not None and old.id in broken:  # it broke a hard rule before the re-plan
        return "non_compliant"
    return "ripple"


def _change_row(change: Change, cause: str) -> dict:
    m = change.old or change.new
    assert m is not None
    return {"meeting": m.id, "official": m.official_id, "body": m.body_id,
            "region": m.region_id, "date": m.date.isoformat(), "kind": change.kind,
            "what": list(change.what), "cause": cause,
            "presenter": change.new.presenter_id if change.new else None,
            "reason": change.reason[:240]}


def _violation_keys(report) -> set[tuple]:
    return {(v.rule_id, v.meeting_ids) for v in report.violations}


def run_future(instance: Instance, profile: Profile, published: Calendar,
               model: DisruptionModel, seed: int, scenario: int, *, time_limit: float = 20.0,
               workers: int = 1, explain: bool = False) -> dict[str, Any]:
    """Re-plan one sampled future quarter by quarter; a JSON-ready record of what happened.

    A sweep counts changes: each re-plan finds the fewest (without the second stage, which
    would only lower the calendar's cost among calendars with as many changes), and its
    ``time_limit`` is in CP-SAT's deterministic units, so a future's answer is the same on
    a loaded machine and on an idle cluster node."""
    from scheduler.replan import replan as full_replan

    def replan(*args, time_limit: float, **kwargs):
        return full_replan(*args, time_limit=time_limit, deterministic_time=time_limit,
                           quality=False, **kwargs)

    started, cpu = time.perf_counter(), time.process_time()
    future = sample_future(instance, profile, model, seed, scenario)
    phases = {"sample": time.perf_counter() - started, "change_set": 0.0, "replan": 0.0,
              "check": 0.0}  # where a future's wall time goes (seconds)
    record: dict[str, Any] = {"scenario": scenario, "seed": seed, "status": "ok",
                              "quarters": []}
    inst, calendar = instance, published
    for q in instance.horizon.quarters:
        as_of = future.as_of[q]
        clock = time.perf_counter()
        inst = with_blocked(inst, future.blocked.get(q, ()))
        changes = change_set(future, q, inst, profile, calendar)
        phases["change_set"] += time.perf_counter() - clock
        clock = time.perf_counter()
        row: dict[str, Any] = {"quarter": q, "as_of": as_of.isoformat(),
                               "events": future.events(q),
                               "alert_regions": [a.region_id for a in changes.alerts]}
        try:
            result = replan(inst, profile, calendar, changes, as_of, time_limit=time_limit,
                            workers=workers, seed=0)
            if result.calendar is None and result.status is not SolveStatus.INFEASIBLE:
                # out of time without a calendar: once more with three times as long.
                # (A request is refused only when no calendar with all of them exists:
                # proven, so not retried.)
                row["retried"] = round(result.wall_time, 3)
                row["unplaced_first"] = _unplaced(result, changes, inst, profile, calendar,
                                                  as_of)
                result = replan(inst, profile, calendar, changes, as_of,
                                time_limit=3 * time_limit, workers=workers, seed=0)
                row["unplaced"] = _unplaced(result, changes, inst, profile, calendar, as_of)
        except Exception as exc:  # a bug in a re-plan must not kill the sweep: recorded
            row.update(status="ERROR", error=f"{type(exc).__name__}: {exc}"[:500])
            record["quarters"].append(row)
            record["status"] = "error"
            break
        finally:
            phases["replan"] += time.perf_counter() - clock
        refused = [{"id": r.request_id, "rule": r.rule_id, "reason": r.reason[:240]}
                   for r in result.refused]
        row.update(status=result.status, changes_status=result.changes_status,
                   minimum_proven=result.minimum_proven, change_cost=result.change_cost,
                   wall_time=round(result.wall_time + row.get("retried", 0), 3),
                   changes_time=None if result.changes_time is None
                   else round(result.changes_time, 3),
                   requests=len(changes.requests), refused=refused)
        if result.calendar is None:
            row["out_of_time"] = result.status is not SolveStatus.INFEASIBLE
            row["explanation"] = _explain(result, inst, profile, explain)
            record["quarters"].append(row)
            record["status"] = "infeasible"
            break
        clock = time.perf_counter()
        earlier = check(result.instance, profile, calendar)  # the calendar it started from
        phases["check"] += time.perf_counter() - clock
        broken = {m for v in earlier.violations for m in v.meeting_ids}
        rows = [_change_row(c, _cause(c, future, q, broken)) for c in result.changes]
        oos_added = [r for r, c in zip(rows, result.changes)
                     if c.kind == "added" and c.new is not None
                     and c.new.kind is MeetingKind.out_of_schedule]
        planned = [r for r, c in zip(rows, result.changes)
                   if not (c.kind == "added" and c.new is not None
                           and c.new.kind is MeetingKind.out_of_schedule)]
        before = _violation_keys(earlier)
        after = result.check
        new = [v for v in after.violations if (v.rule_id, v.meeting_ids) not in before]
        row.update(changes=len(planned), out_of_schedule=len(oos_added),
                   displaced=sum(r["cause"] == "alert" for r in planned),
                   check_ok=after.ok,
                   violations=sorted({v.rule_id for v in after.violations}),
                   new_violations=[f"{v.rule_id}: {v.message}"[:300] for v in new],
                   cost=round(after.total_cost, 3), change_list=planned)
        record["quarters"].append(row)
        inst, calendar = result.instance, result.calendar
    record["total_changes"] = sum(r.get("changes", 0) for r in record["quarters"])
    record["wall_time"] = round(time.perf_counter() - started, 3)
    # CPU seconds of this process (CP-SAT's threads included): on a shared machine the
    # wall time also holds the time other programs had the core
    record["cpu_time"] = round(time.process_time() - cpu, 3)
    record["phases"] = {k: round(v, 3) for k, v in phases.items()}
    record["host"] = os.uname().nodename
    return record


def _unplaced(result, changes, inst: Instance, profile: Profile, calendar: Calendar,
              as_of: dt.date) -> list[str]:
    """Requests the re-plan refused because no calendar was found with them (not by the
    rules that screen a request before solving): found by a time-limited search, so a
    shortage of time, not of calendars, can be the reason."""
    from scheduler.changes import screen_requests

    if not result.refused:
        return []
    _, screened = screen_requests(changes, inst, profile, calendar, as_of, False)
    early = {r.request_id for r in screened}
    return [r.request_id for r in result.refused if r.request_id not in early]


def _explain(result, inst: Instance, profile: Profile, explain: bool) -> str:
    """Why no calendar was found: the status and refusals; with ``explain``, the rules that
    collide in a fresh plan of the quarter's instance (explain_infeasibility, a few solves)."""
    text = (f"no re-planned calendar ({result.status}); "
            f"{len(result.refused)} requests refused")
    if explain and result.status == "INFEASIBLE":
        from scheduler.explain import explain_infeasibility

        try:
            found = explain_infeasibility(result.instance, profile, time_limit=5.0)
            text += "\n" + found.text()
        except Exception as exc:  # the explanation is a courtesy
            text += f"\n(explanation failed: {type(exc).__name__})"
    return text[:4000]


def run_batch(context: tuple, seed: int, scenarios: list[int], options: dict) -> list[dict]:
    """A Ray task: several futures in a row (one is the usual batch)."""
    instance, profile, published, model = context
    return [run_future(instance, profile, published, model, seed, i, **options)
            for i in scenarios]


# ---------------------------------------------------------------------- the sweep
def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def sweep_key(instance: Instance, profile: Profile, published: Calendar,
              model: DisruptionModel, seed: int, time_limit: float) -> dict:
    """What a sweep's results depend on: a resumed sweep must have the same."""
    return {"instance": instance.name, "instance_digest": digest(to_json(instance)),
            "calendar_digest": digest(json.dumps([m.model_dump(mode="json")
                                                  for m in published.meetings])),
            "profile": profile.id, "model": model.name, "model_digest": model.digest(),
            "seed": seed, "time_limit": time_limit,
            "replan": "fewest changes, deterministic time limit"}


def done_scenarios(path: Path) -> dict[int, dict]:
    """Records already in a results file (a torn last line, from a kill, is dropped)."""
    found: dict[int, dict] = {}
    if not path.exists():
        return found
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "scenario" in record:
                found[int(record["scenario"])] = record
    return found


def _repair_tail(path: Path) -> None:
    """Cut a torn last line (a sweep killed mid-write) so appends start on a fresh line."""
    if not path.exists() or path.stat().st_size == 0:
        return
    data = path.read_bytes()
    if data.endswith(b"\n"):
        return
    cut = data.rfind(b"\n") + 1
    with path.open("r+b") as f:
        f.truncate(cut)


@dataclass
class SweepRun:
    futures: int  # run now
    skipped: int  # already in the results file
    wall_time: float
    num_cpus: float
    address: str | None
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]

    @property
    def throughput(self) -> float:
        return self.futures / self.wall_time if self.wall_time > 0 else 0.0


def sweep(instance: Instance, profile: Profile, published: Calendar, model: DisruptionModel,
          out: Path, *, scenarios: int, seed: int = 0, address: str | None = None,
          num_cpus: int | None = None, batch: int = 1, time_limit: float = 20.0,
          explain: bool = False, log: Callable[[str], None] = print) -> SweepRun:
    """Run futures 0..scenarios-1 of ``seed`` not yet in ``out/futures.jsonl`` on Ray."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = sweep_key(instance, profile, published, model, seed, time_limit)
    meta_path = out / META
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if meta.get("key") not in (None, key):
        differs = [k for k in key if meta["key"].get(k) != key[k]]
        raise InputError(f"{out}: holds a sweep of another {', '.join(differs)}; use another "
                         f"--out (or delete {out / RESULTS} to start again)")
    results = out / RESULTS
    _repair_tail(results)
    done = done_scenarios(results)
    todo = [i for i in range(scenarios) if i not in done]
    load_before = os.getloadavg()
    if not todo:
        log(f"all {scenarios} futures already in {results}")
        return SweepRun(0, len(done), 0.0, 0, address, load_before, load_before)

    import ray

    started_ray = not ray.is_initialized()
    if started_ray:
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            # Ray starts its workers at nice 15 below the command; a sweep's work is all
            # in its workers, so they run at the command's own priority
            os.environ.setdefault("RAY_worker_niceness", "0")
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False,
                     log_to_driver=False)
    try:
        cpus = ray.cluster_resources().get("CPU", 1.0)
        log(f"Ray: {cpus:g} CPUs ({address or 'local'}); {len(todo)} futures to run, "
            f"{len(done)} already done")
        meta.setdefault("runs", [])
        meta["key"] = key
        meta["target"] = scenarios  # written now: a running sweep says how far it has to go
        _write_meta(meta_path, meta)
        started = time.perf_counter()
        task = ray.remote(num_cpus=1, max_retries=1)(run_batch)
        context = ray.put((instance, profile, published, model))
        options = {"time_limit": time_limit, "workers": 1, "explain": explain}
        batches = [todo[i:i + batch] for i in range(0, len(todo), max(1, batch))]
        limit = max(2, int(2 * cpus))  # in flight: enough to keep every CPU busy
        finished, interrupted = 0, False
        stops = _stop_on_signals()
        try:
            for count in _stream(ray, task, context, seed, batches, options, limit, results):
                finished = count
                elapsed = time.perf_counter() - started
                if finished == len(todo) or finished % max(1, len(todo) // 20) == 0:
                    rate = finished / elapsed if elapsed else 0.0
                    left = (len(todo) - finished) / rate if rate else 0.0
                    log(f"  {finished}/{len(todo)} futures, {rate:.2f}/s, "
                        f"{elapsed:.0f} s, about {left:.0f} s left")
        except KeyboardInterrupt:  # stopped by hand: what arrived is kept, resume later
            interrupted = True
            log(f"interrupted after {finished} futures; run the same command to resume")
        finally:
            stops()
        wall = time.perf_counter() - started
        run = SweepRun(finished, len(done), wall, cpus, address, load_before, os.getloadavg())
        meta["runs"].append({"finished": dt.datetime.now().isoformat(timespec="seconds"),
                             "futures": run.futures, "skipped": run.skipped,
                             "wall_time_s": round(wall, 2), "num_cpus": cpus,
                             "address": address or "local",
                             "futures_per_s": round(run.throughput, 4),
                             "interrupted": interrupted,
                             "load_before": [round(x, 2) for x in load_before],
                             "load_after": [round(x, 2) for x in run.load_after]})
        _write_meta(meta_path, meta)
        return run
    finally:
        if started_ray:
            ray.shutdown()


def _stop_on_signals() -> Callable[[], None]:
    """Ctrl-C and SIGTERM (a batch system's stop, or ``kill``) both stop the sweep between
    two futures with its run recorded; also when started in the background, where SIGINT
    is ignored. Returns what puts the previous handlers back."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return restore


def _stream(ray, task, context, seed: int, batches: list[list[int]], options: dict,
            limit: int, results: Path):
    """Keep ``limit`` tasks in flight; append each record as it arrives (flushed and
    synced, so a kill loses at most the line being written); yield the count so far."""
    pending, finished = [], 0
    with results.open("a", encoding="utf-8") as sink:
        while batches or pending:
            while batches and len(pending) < limit:
                pending.append(task.remote(context, seed, batches.pop(0), options))
            # a timeout, so that Ctrl-C (SIGINT) stops the sweep between two waits, not
            # only when the next future arrives
            ready, pending = ray.wait(pending, num_returns=1, timeout=1.0)
            if not ready:
                continue
            for record in ray.get(ready[0]):
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                finished += 1
            sink.flush()
            os.fsync(sink.fileno())
            yield finished


def _write_meta(path: Path, meta: dict) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
