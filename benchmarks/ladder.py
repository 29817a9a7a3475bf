"""Issue 16's scale ladder: plan each rung of the ``ladder`` family (``benchmarks/generate.py``:
ministers, regional, district and rural akims of a growing number of regions, up to the
nation and twice it) with ``planner.solve`` on 2 workers, each run in a fresh process, and
write a report with the table, log-log plots of time and memory against size and the fitted
growth exponents.

    nice -n 5 .venv/bin/python benchmarks/ladder.py --runs 5 --raw runs.jsonl \\
        --time-limit 60 --out reports/bench/2026-11-30-ladder/README.md

Everything runs from a snapshot of commit ``--rev`` (default HEAD: ``git archive`` of
``scheduler/``, ``benchmarks/generate.py`` and ``instances/`` into a temporary directory), not
from the working tree, which others edit while the runs go on. The rungs are made in memory by
that snapshot's generator (the same bytes as the committed small ones) and written there.
Runs go round-robin over the rungs (seed 0 on every rung, then seed 1, ...) so that a change
in the machine's load falls on all of them.
Each run prints one JSON line (and appends it to ``--raw``); ``--from-raw`` remakes the report
from such a file without planning. No assertion on wall-clock anywhere.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUN = r'''
import json, os, resource, sys, time
sys.path.insert(0, os.getcwd())
started = time.perf_counter()
from scheduler import load_instance, load_profile
from scheduler.planner import solve
inst = load_instance(sys.argv[1]); prof = load_profile("kz-2024")
loaded = time.perf_counter() - started
from scheduler.results import relative_gap
first, near = [], []
def progress(seconds, objective, bound):
    if objective is not None and not first:
        first.append(time.perf_counter() - t0)
    if objective is not None and bound is not None and not near and \
            relative_gap(objective, bound) <= 0.001:
        near.append(time.perf_counter() - t0)
t0 = time.perf_counter()
r = solve(inst, prof, time_limit=float(sys.argv[3]), workers=2, seed=int(sys.argv[2]),
          progress=progress)
print(json.dumps(dict(
    wall=r.wall_time, build=r.build_time, first=first[0] if first else None,
    near=near[0] if near else None,
    status=str(r.status), objective=r.objective, bound=r.bound, gap=r.gap,
    checker=r.check.total_cost if r.check is not None else None,
    checker_ok=r.check.ok if r.check is not None else None,
    violations=len(r.check.violations) if r.check is not None else None,
    variables=r.variables, constraints=r.constraints, load_s=loaded,
    rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    process=time.perf_counter() - started, load=os.getloadavg()[0])))
'''


# ----------------------------------------------------------------------------- rungs
def snapshot(rev: str, where: Path) -> str:
    """``git archive`` of what the runs need at ``rev`` into ``where``; its commit id."""
    commit = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", commit, "scheduler", "benchmarks/generate.py",
                              "instances"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return commit


def rungs(tree: Path, sizes: list[int] | None) -> dict[int, dict]:
    generator = runpy.run_path(str(tree / "benchmarks" / "generate.py"))
    made = generator["ladder_rungs"]()
    return {size: made[size] for size in sizes or generator["LADDER"]}


def rung_size(data: dict) -> dict:
    """What the rung holds and what of it the model keeps: officials, first heads with a
    duty, officials ``independent_meetings`` plans outside the model, those left in it, and
    the model's meeting candidates (its Booleans before the rules' own variables)."""
    from scheduler.instance import AkimLevel, Instance
    from scheduler.io import load_profile
    from scheduler.model.independent import independent_meetings
    from scheduler.model.variables import create_candidates
    from scheduler.rules.scope_exempt import duty_officials

    instance = Instance.model_validate(data)
    profile = load_profile("kz-2024")
    fixed = independent_meetings(instance, profile)
    duty = duty_officials(instance, profile)
    kept = [o for o in duty if o.id not in fixed]
    candidates = create_candidates(instance, profile, free={o.id for o in kept} if fixed else None)

    def level(o) -> str:
        if not instance.is_akimat(o.body_id):
            return "minister"
        return (o.akim_level or AkimLevel.region).value

    in_model: dict[str, int] = {}
    for o in kept:
        in_model[level(o)] = in_model.get(level(o), 0) + 1
    return dict(regions=len(instance.regions),
                districts=sum(len(r.districts) for r in instance.regions),
                officials=len(instance.officials), duty=len(duty), outside=len(fixed),
                in_model=len(kept), in_model_by_level=in_model, candidates=len(set(candidates)),
                alerts=len(instance.alerts))


# ----------------------------------------------------------------------------- runs
def run(tree: Path, path: Path, seed: int, limit: float) -> dict:
    out = subprocess.run([sys.executable, "-c", RUN, str(path), str(seed), str(limit)],
                         cwd=tree, capture_output=True, text=True)
    if out.returncode != 0:
        tail = (out.stderr or out.stdout).strip().splitlines()[-3:]
        return dict(status="CRASHED", error=" / ".join(tail), returncode=out.returncode)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per rung")
    parser.add_argument("--largest-runs", type=int, default=None,
                        help="runs of the largest rung (default: --runs)")
    parser.add_argument("--sizes", type=int, nargs="*", default=None,
                        help="regions per rung (default: every rung of the ladder)")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--rev", default="HEAD", help="the commit to measure (default HEAD)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench" / "ladder" / "README.md")
    parser.add_argument("--raw", type=Path, default=None, help="append the JSON lines here")
    parser.add_argument("--from-raw", type=Path, default=None,
                        help="make the report from these JSON lines, planning nothing")
    parser.add_argument("--notes", type=Path, default=None,
                        help="a Markdown file appended to the report (the reading of the runs)")
    args = parser.parse_args()
    meta: dict
    if args.from_raw:
        lines = [json.loads(line) for line in args.from_raw.read_text().splitlines() if line]
        sizes = [r for r in lines if r.get("kind") == "rung"]
        rows = [r for r in lines if r.get("kind") == "run"]
        meta = next((r for r in lines if r.get("kind") == "meta"), {})
        meta.update(next((r for r in lines if r.get("kind") == "meta-end"), {}))
    else:
        sizes, rows, meta = measure(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    plots = plot(sizes, rows, args.out.parent, meta.get("time_limit", args.time_limit))
    text = report(sizes, rows, meta, plots, args)
    if args.notes:
        text += "\n" + args.notes.read_text(encoding="utf-8")
    args.out.write_text(text, encoding="utf-8")
    print(args.out)


def measure(args) -> tuple[list[dict], list[dict], dict]:
    def keep(row: dict) -> None:
        print(json.dumps(row), flush=True)
        if args.raw:
            with args.raw.open("a") as raw:
                raw.write(json.dumps(row) + "\n")

    started = time.time()
    from importlib.metadata import version

    sizes, rows = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        commit = snapshot(args.rev, tree)
        sys.path.insert(0, str(tree))  # the snapshot's scheduler, here too (rung_size)
        meta = dict(kind="meta", started=time.strftime("%Y-%m-%d %H:%M:%S"),
                    load_start=os.getloadavg(), machine=platform.machine(),
                    python=platform.python_version(), cores=os.cpu_count(),
                    ortools=version("ortools"), time_limit=args.time_limit, nice=os.nice(0),
                    commit=commit)
        keep(meta)
        made = rungs(tree, args.sizes)
        largest = max(made)
        paths = {}
        for size, data in made.items():
            paths[size] = tree / f"ladder-{size:02d}.json"
            paths[size].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            row = dict(kind="rung", size=size, **rung_size(data))
            sizes.append(row)
            keep(row)
        del made
        runs = max(args.runs, args.largest_runs or 0)
        for seed in range(runs):
            for size in paths:
                wanted = args.largest_runs if size == largest and args.largest_runs else args.runs
                if seed >= wanted:
                    continue
                row = dict(kind="run", size=size, seed=seed,
                           **run(tree, paths[size], seed, args.time_limit))
                rows.append(row)
                keep(row)
    end = dict(kind="meta-end", load_end=os.getloadavg(), seconds=time.time() - started)
    keep(end)
    meta.update(end)
    return sizes, rows, meta


# ----------------------------------------------------------------------------- report
def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fit(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log y against log x (the growth exponent)."""
    pairs = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x and y and x > 0 and y > 0]
    if len(pairs) < 2:
        return None
    mx = sum(p[0] for p in pairs) / len(pairs)
    my = sum(p[1] for p in pairs) / len(pairs)
    sxx = sum((p[0] - mx) ** 2 for p in pairs)
    return sum((p[0] - mx) * (p[1] - my) for p in pairs) / sxx if sxx else None


def summary(sizes: list[dict], rows: list[dict]) -> list[dict]:
    """One line per rung: its size and the medians of its runs."""
    out = []
    for rung in sorted(sizes, key=lambda r: r["size"]):
        got = [r for r in rows if r["size"] == rung["size"]]
        done = [r for r in got if r.get("wall") is not None]
        proven = bool(done) and all(r["status"] == "OPTIMAL" for r in done)
        out.append(dict(rung, runs=len(got), proven=proven,
                        statuses=sorted({r["status"] for r in got}),
                        counts={k: sum(1 for r in got if r["status"] == k)
                                for k in {r["status"] for r in got}},
                        worst_gap=max((r.get("gap") or 0 for r in done), default=0),
                        wall=med([r.get("wall") for r in done]),
                        wall_range=(min(r["wall"] for r in done), max(r["wall"] for r in done))
                        if done else None,
                        build=med([r.get("build") for r in done]),
                        first=med([r.get("first") for r in done]),
                        near=med([_near(r) for r in done]),
                        # the LP start's calendar was not proven at once: CP-SAT searched on
                        searched=bool(done) and (med([r["wall"] - (r.get("first") or 0)
                                                      for r in done]) or 0) > 1.0,
                        rss=med([r.get("rss_mib") for r in done]),
                        variables=med([r.get("variables") for r in done]),
                        constraints=med([r.get("constraints") for r in done]),
                        gap=med([r.get("gap") for r in done]),
                        objective=sorted({r["objective"] for r in done
                                          if r.get("objective") is not None}),
                        bound=sorted({r["bound"] for r in done if r.get("bound") is not None}),
                        checker=sorted({r["checker"] for r in done
                                        if r.get("checker") is not None}),
                        checker_ok=[r.get("checker_ok") for r in done],
                        load=[r["load"] for r in done if r.get("load") is not None]))
    return out


UPPER = 10  # the upper rungs' fit: the fixed costs (imports, the ministers) weigh less there
SERIES = (("wall", "solve (incl. build)", "o-", "C0"), ("near", "within 0.1 % of the bound",
                                                        "D-.", "C5"),
          ("first", "first feasible", "^:", "C2"), ("build", "model build", "s--", "C1"))
AXES = (("in_model", "officials in the model (log)"), ("candidates", "meeting candidates (log)"))


def plot(sizes: list[dict], rows: list[dict], where: Path, limit: float | None = None
         ) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator

    plain = FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}")

    lines = summary(sizes, rows)
    made = []
    for name, what in (("time", "seconds"), ("memory", "peak MiB")):
        fig, panes = plt.subplots(1, 2, figsize=(11, 4.6), constrained_layout=True)
        for pane, (xkey, xlabel) in zip(panes, AXES):
            xs = [r[xkey] for r in lines]
            if name == "time":
                for key, label, style, colour in SERIES:
                    ys = [r[key] for r in lines]
                    slope = fit(xs, ys)
                    pane.plot(xs, ys, style, color=colour,
                              label=f"{label}: slope {slope:.2f}" if slope is not None else label)
                    for r in lines:  # each run, faint
                        pane.plot([r[xkey]] * len(_runs(rows, r["size"], key)),
                                  _runs(rows, r["size"], key), ".", color=colour, alpha=0.35)
                if limit:
                    pane.axhline(limit, color="C3", lw=0.8, ls=":", alpha=0.7)
                    middle = math.sqrt(min(xs) * max(xs))
                    pane.annotate(f"time limit {limit:g} s", (middle, limit),
                                  textcoords="offset points", xytext=(0, -10), fontsize=7,
                                  color="C3", ha="center")
                x_of = {r["size"]: r[xkey] for r in lines}
                stopped = [r for r in rows if r.get("wall") is not None
                           and r["status"] != "OPTIMAL"]
                if stopped:
                    pane.plot([x_of[r["size"]] for r in stopped], [r["wall"] for r in stopped],
                              "x", color="C3", markersize=10, mew=2,
                              label="a run stopped at the limit, not proven")
                pane.set_ylabel("seconds: median line, each run a dot (log)")
            else:
                ys = [r["rss"] for r in lines]
                slope = fit(xs, ys)
                pane.plot(xs, ys, "o-", color="C4",
                          label=f"peak RSS: slope {slope:.2f}" if slope is not None else "peak")
                for r in lines:
                    got = _runs(rows, r["size"], "rss_mib")
                    pane.plot([r[xkey]] * len(got), got, ".", color="C4", alpha=0.35)
                searched = [r for r in lines if r["searched"]]
                if searched:
                    pane.plot([r[xkey] for r in searched], [r["rss"] for r in searched], "o",
                              mfc="none", color="C3", markersize=11, mew=1.5,
                              label="CP-SAT searched on after the LP start")
                pane.set_ylabel("peak resident memory, MiB: median, runs dots (log)")
            for r in lines:
                pane.annotate(f"{r['regions']} reg.", (r[xkey], r["wall"] if name == "time"
                                                       else r["rss"]),
                              textcoords="offset points", xytext=(4, -11), fontsize=7,
                              color="0.35")
            pane.set_xscale("log")
            pane.set_yscale("log")
            pane.set_xlabel(xlabel)
            for axis in (pane.xaxis, pane.yaxis):
                axis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))
                axis.set_major_formatter(plain)
                axis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
            pane.grid(True, which="both", alpha=0.3)
            pane.legend(fontsize=8, loc="lower right")
        fig.suptitle(f"Scale ladder, kz-2024, 2 CP-SAT workers: {what} against size (log-log)")
        file = f"ladder-{name}.png"
        fig.savefig(where / file, dpi=110)
        plt.close(fig)
        made.append(file)
    return made


def _near(run: dict) -> float | None:
    """When the run was first within 0.1 % of the bound: a proven run whose last solution
    came with a looser bound than the final one (no callback after the proof) is within
    at its end."""
    if run.get("near") is None and run.get("status") == "OPTIMAL":
        return run.get("wall")
    return run.get("near")


def _runs(rows: list[dict], size: int, key: str) -> list[float]:
    if key == "near":
        return [v for r in rows if r["size"] == size and (v := _near(r)) is not None]
    return [r[key] for r in rows if r["size"] == size and r.get(key) is not None]


def report(sizes: list[dict], rows: list[dict], meta: dict, plots: list[str], args) -> str:
    lines_ = summary(sizes, rows)
    limit = meta.get("time_limit", args.time_limit)
    out = [f"# Scale ladder (issue 16), {meta.get('started', '')[:10]}", "",
           f"{meta.get('machine')}, Python {meta.get('python')}, OR-Tools {meta.get('ortools')}, "
           f"{meta.get('cores')} cores, profile kz-2024, `planner.solve(..., workers=2, "
           f"time_limit={limit:g}, seed=i)` (LP start on, as by default) at commit "
           f"{str(meta.get('commit', '?'))[:7]}, each run a fresh "
           f"process under `nice -n {meta.get('nice', 0)}`; times from the start of model "
           "building; peak memory is the process's maximum resident set (imports, the instance "
           "and the model). Every calendar is judged by the independent checker.", ""]
    out += ["| regions | officials | in the model (ministers/regional/district/rural akims) "
            "| outside "
            "| candidates | variables | build s | solve s median (min-max) | first feasible s "
            "| within 0.1 % s | peak MiB | runs | status (gap) | objective / checker cost "
            "| checker ok |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in lines_:
        by = r["in_model_by_level"]
        parts = "/".join(str(by.get(k, 0)) for k in ("minister", "region", "district", "rural"))
        status = ", ".join(f"{r['counts'][k]}x {k}" for k in sorted(r["counts"],
                                                                     key=lambda k: -r["counts"][k]))
        if r["worst_gap"]:
            status += f" (gap up to {100 * r['worst_gap']:.2f} %, bound " \
                      f"{'/'.join(f'{b:g}' for b in r['bound'])})"
        ok = r["checker_ok"]
        checker = ("yes" if ok and all(ok) else "NO" if ok else "-")
        costs = (f"{'/'.join(f'{o:g}' for o in r['objective'])} / "
                 f"{'/'.join(f'{c:g}' for c in r['checker'])}")
        wall = (f"{r['wall']:.2f} ({r['wall_range'][0]:.2f}-{r['wall_range'][1]:.2f})"
                if r["wall"] is not None else "-")
        out.append(f"| {r['regions']} | {r['officials']:,} | {r['in_model']} ({parts}) | "
                   f"{r['outside']:,} | {r['candidates']:,} | {_i(r['variables'])} | "
                   f"{_f(r['build'])} | {wall} | {_f(r['first'])} | {_f(r['near'])} | "
                   f"{_f(r['rss'], 0)} | "
                   f"{r['runs']} | {status} | {costs} | {checker} |")
    out += ["", "## Growth exponents", "",
            "Least-squares slope of log(median) against log(size) over the rungs (a slope k "
            "means the quantity grows like size^k).", "",
            "| quantity | vs officials in the model | vs meeting candidates | vs meeting "
            f"candidates, rungs of {UPPER}+ regions | vs all officials |",
            "|---|---|---|---|---|"]
    proven = [r for r in lines_ if r["proven"]]
    quantities = [("solve s (every rung)", lines_, "wall"),
                  ("solve s (proven rungs only)", proven, "wall"),
                  ("within 0.1 % of the bound s", lines_, "near"),
                  ("model build s", lines_, "build"), ("first feasible s", lines_, "first"),
                  ("peak MiB", lines_, "rss"), ("model variables", lines_, "variables")]
    for label, which, key in quantities:
        ys = [r[key] for r in which]
        upper = [r for r in which if r["regions"] >= UPPER]
        slopes = [fit([r[x] for r in which], ys) for x in ("in_model", "candidates")]
        slopes.append(fit([r["candidates"] for r in upper], [r[key] for r in upper]))
        slopes.append(fit([r["officials"] for r in which], ys))
        out.append(f"| {label} | " + " | ".join(_f(s) for s in slopes) + " |")
    out += ["", *[f"![{p}]({p})" for p in plots], ""]
    loads = [x for r in lines_ for x in r["load"]]
    start, end = meta.get("load_start"), meta.get("load_end")
    out += ["## Load", "",
            f"1-minute load average at the end of each run: {min(loads):.2f}-{max(loads):.2f} "
            f"(median {statistics.median(loads):.2f})" if loads else "no runs",
            "", f"Load average (1, 5, 15 min) at the start: {_tuple(start)}; at the end: "
            f"{_tuple(end)}; the whole run took {meta.get('seconds', 0) / 60:.1f} min.", ""]
    return "\n".join(out) + "\n"


def _f(value, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _i(value) -> str:
    return "-" if value is None else f"{int(value):,}"


def _tuple(values) -> str:
    return "-" if not values else ", ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
