"""The sweep report: how many changes to expect, which meetings, officials and regions are
fragile, plots (matplotlib, PNG), CSV tables and a README.md in the output folder."""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from scheduler.robustness.sweep import META, RESULTS, done_scenarios

CAUSES = ("absence:illness", "absence:delegation", "absence:other", "alert", "request",
          "blocked_date", "day_off", "non_compliant", "ripple")


def load_records(folder: Path) -> list[dict]:
    return [r for _, r in sorted(done_scenarios(Path(folder) / RESULTS).items())]


def _stats(values: Iterable[float]) -> dict[str, float]:
    a = np.array(list(values), dtype=float)
    if a.size == 0:
        return {"n": 0, "mean": math.nan, "median": math.nan, "p90": math.nan, "max": math.nan}
    return {"n": int(a.size), "mean": float(a.mean()), "median": float(np.median(a)),
            "p90": float(np.percentile(a, 90)), "max": float(a.max())}


def summarise(records: list[dict]) -> dict[str, Any]:
    """Every number of the report, from the sweep's records."""
    quarters = sorted({row["quarter"] for r in records for row in r["quarters"]})
    status = Counter(r["status"] for r in records)
    per_q: dict[int, dict] = {}
    for q in quarters:
        rows = [row for r in records for row in r["quarters"] if row["quarter"] == q]
        ok = [row for row in rows if row.get("calendar", True) and "changes" in row]
        per_q[q] = {
            "replans": len(rows), "calendars": len(ok),
            "changes": _stats(row["changes"] for row in ok),
            "change_cost": _stats(row["change_cost"] or 0 for row in ok),
            "out_of_schedule": _stats(row["out_of_schedule"] for row in ok),
            "wall_time": _stats(row["wall_time"] for row in rows),
            "proven": sum(bool(row.get("minimum_proven")) for row in ok),
            "check_ok": sum(bool(row.get("check_ok")) for row in ok),
            "new_violations": sum(bool(row.get("new_violations")) for row in ok),
            "refused": Counter(x["rule"] for row in rows for x in row.get("refused", ())),
            "requests": sum(row.get("requests", 0) for row in rows),
            "causes": Counter(c["cause"] for row in ok for c in row.get("change_list", ())),
            "retried": sum("retried" in row for row in rows),
            "unplaced_first": sum(len(row.get("unplaced_first", ())) for row in rows),
            "unplaced": sum(len(row.get("unplaced", ())) for row in rows),
        }
    complete = [r for r in records if r["status"] == "ok"]
    displaced = sum(any(row.get("displaced", 0) for row in r["quarters"]) for r in complete)
    oos = sum(any(row.get("out_of_schedule", 0) for row in r["quarters"]) for r in complete)

    meetings: dict[str, dict] = {}
    officials: dict[str, Counter] = defaultdict(Counter)
    official_futures: dict[str, set] = defaultdict(set)
    regions: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        for row in r["quarters"]:
            for c in row.get("change_list", ()):
                m = meetings.setdefault(c["meeting"], {
                    "meeting": c["meeting"], "official": c["official"], "body": c["body"],
                    "region": c["region"], "date": c["date"], "futures": set(),
                    "kinds": Counter(), "causes": Counter()})
                m["futures"].add(r["scenario"])
                m["kinds"][_kind(c)] += 1
                m["causes"][c["cause"]] += 1
                officials[c["official"]][c["cause"]] += 1
                officials[c["official"]]["_" + _kind(c)] += 1
                official_futures[c["official"]].add(r["scenario"])
                regions[c["region"]]["changes"] += 1
                if c["cause"] == "alert":
                    regions[c["region"]]["displaced"] += 1
                if c["cause"] == "blocked_date":
                    regions[c["region"]]["blocked"] += 1
            for event in row.get("alert_regions", ()):
                regions[event]["alerts"] += 1
    return {"futures": len(records), "status": dict(status), "quarters": quarters,
            "per_quarter": per_q, "complete": len(complete),
            "displaced_share": displaced / len(complete) if complete else math.nan,
            "oos_share": oos / len(complete) if complete else math.nan,
            "total_changes": _stats(r["total_changes"] for r in complete),
            "future_time": _stats(r["wall_time"] for r in records),
            "cpu_time": _stats(r["cpu_time"] for r in records if "cpu_time" in r),
            "phases": {k: _stats(r["phases"][k] for r in records if "phases" in r)
                       for k in ("sample", "change_set", "replan", "check")},
            "meetings": meetings, "officials": officials,
            "official_futures": {k: len(v) for k, v in official_futures.items()},
            "regions": regions,
            "infeasible": [r for r in records if r["status"] != "ok"]}


def _kind(c: dict) -> str:
    if c["kind"] == "re-presented" or c["what"] == ["presenter"]:
        return "handed over"
    return {"moved": "moved", "cancelled": "cancelled", "added": "added"}.get(c["kind"], c["kind"])


def _fmt(x: float, digits: int = 1) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


# ---------------------------------------------------------------------- writing
def write_report(folder: Path, title: str = "Robustness sweep", names: dict | None = None,
                 extra: str = "") -> dict[str, Any]:
    """README.md, CSV tables and PNG plots of the sweep in ``folder``; returns the summary."""
    folder = Path(folder)
    records = load_records(folder)
    s = summarise(records)
    names = names or {}
    meta = json.loads((folder / META).read_text()) if (folder / META).exists() else {}
    _write_csvs(folder, records, s)
    plots = _plots(folder, s, names)
    lines = [f"# {title}", ""]
    key = meta.get("key", {})
    if key:
        lines += [f"Instance `{key.get('instance')}`, profile `{key.get('profile')}`, disruption "
                  f"model `{key.get('model')}` ({key.get('model_digest')}), "
                  f"seed {key.get('seed')}, "
                  f"a limit of {key.get('time_limit')} CP-SAT deterministic units per re-plan "
                  f"(1 worker a task; the same answers on a loaded or an idle machine); each "
                  f"re-plan finds the fewest changes, without the second stage that lowers "
                  f"the calendar's cost among as many changes; calendar "
                  f"{key.get('calendar_digest')}.", ""]
    target = meta.get("target", s["futures"])
    done = (f"{s['futures']} futures" if target <= s["futures"] else
            f"{s['futures']} of {target} futures (interrupted: the same command resumes)")
    lines += [f"**{done}** ({', '.join(f'{v} {k}' for k, v in sorted(s['status'].items()))}); "
              f"each re-planned quarter by quarter from the published calendar and every "
              f"re-planned calendar scored by the checker.", ""]
    lines += ["## Changes per quarter", "",
              "| quarter | re-plans | calendars | changes: mean | median | p90 | worst "
              "| weighted change cost: median | p90 | worst | minimum proven "
              "| out-of-schedule meetings: mean | checker: no new violation "
              "| re-plan time (s): median | p90 |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for q in s["quarters"]:
        p = s["per_quarter"][q]
        c, w, t = p["changes"], p["change_cost"], p["wall_time"]
        lines.append(f"| Q{q} | {p['replans']} | {p['calendars']} | {_fmt(c['mean'])} | "
                     f"{_fmt(c['median'], 0)} | {_fmt(c['p90'], 0)} | {_fmt(c['max'], 0)} | "
                     f"{_fmt(w['median'], 0)} | {_fmt(w['p90'], 0)} | {_fmt(w['max'], 0)} | "
                     f"{p['proven']} | {_fmt(p['out_of_schedule']['mean'], 2)} | "
                     f"{p['calendars'] - p['new_violations']} | {_fmt(t['median'])} | "
                     f"{_fmt(t['p90'])} |")
    proven = sum(s["per_quarter"][q]["proven"] for q in s["quarters"])
    calendars = sum(s["per_quarter"][q]["calendars"] for q in s["quarters"])
    if calendars:
        lines += ["", f"Minimum proven in {proven} of {calendars} re-planned quarters "
                  f"({_fmt(100 * proven / calendars)} %); the others are the fewest changes "
                  f"the re-plan found within its time limit."]
    retried = sum(s["per_quarter"][q]["retried"] for q in s["quarters"])
    if retried:
        first = sum(s["per_quarter"][q]["unplaced_first"] for q in s["quarters"])
        still = sum(s["per_quarter"][q]["unplaced"] for q in s["quarters"])
        lines += ["", f"Re-planned once more with three times the limit: {retried} quarters "
                  f"(no calendar found within the limit; {first} requests refused in the "
                  f"first run, {still} after the second)."]
    ft, ct = s["future_time"], s["cpu_time"]
    if ct["n"]:
        ph = s["phases"]
        lines += ["", "Time per future (s): wall median "
                  f"{_fmt(ft['median'])}, mean {_fmt(ft['mean'])}, p90 {_fmt(ft['p90'])}; CPU "
                  f"(this process, CP-SAT included) median {_fmt(ct['median'])}, mean "
                  f"{_fmt(ct['mean'])}. Mean wall time by phase: sampling "
                  f"{_fmt(ph['sample']['mean'], 2)}, "
                  f"change sets {_fmt(ph['change_set']['mean'], 2)}, "
                  f"re-plans (model build, solves, the re-plan's own check) "
                  f"{_fmt(ph['replan']['mean'], 2)}, checking the calendar each quarter started "
                  f"from {_fmt(ph['check']['mean'], 2)}."]
    tc = s["total_changes"]
    lines += ["", f"Whole half-year: {_fmt(tc['mean'])} changes per future on average "
              f"(median {_fmt(tc['median'], 0)}, p90 {_fmt(tc['p90'], 0)}, "
              f"worst {_fmt(tc['max'], 0)}). "
              f"A change is a published meeting moved (date or region), handed over to another "
              f"presenter, cancelled, or a planned meeting added; out-of-schedule meetings are "
              f"counted apart.", "",
              f"**Futures needing an out-of-schedule meeting that displaces a planned one: "
              f"{_fmt(100 * s['displaced_share'])} %** (an out-of-schedule meeting at all: "
              f"{_fmt(100 * s['oos_share'])} %).", ""]
    lines += ["Why meetings changed (all quarters):", "", "| cause | changes |", "|---|---|"]
    causes = Counter()
    for q in s["quarters"]:
        causes.update(s["per_quarter"][q]["causes"])
    for cause, n in causes.most_common():
        lines.append(f"| {cause} | {n} |")
    refused = Counter()
    requests = 0
    for q in s["quarters"]:
        refused.update(s["per_quarter"][q]["refused"])
        requests += s["per_quarter"][q]["requests"]
    lines += ["", f"Change requests: {requests}; refused: {sum(refused.values())} "
              + ("(" + ", ".join(f"{k} {v}" for k, v in refused.most_common()) + ")"
                 if refused else ""),
              ""]
    n = max(1, s["futures"])
    lines += ["## Fragile officials", "", "How often each official's meetings change, per "
              "future, and why.", "",
              "| official | futures with a change | moved | handed over | cancelled "
              "| main causes |",
              "|---|---|---|---|---|---|"]
    for official, counts in sorted(s["officials"].items(),
                                   key=lambda kv: -s["official_futures"][kv[0]])[:15]:
        main = ", ".join(f"{k} {v}" for k, v in counts.most_common() if not k.startswith("_"))
        lines.append(f"| {names.get(official, official)} | "
                     f"{_fmt(100 * s['official_futures'][official] / n)} % | "
                     f"{counts['_moved']} | {counts['_handed over']} | {counts['_cancelled']} | "
                     f"{main} |")
    lines += ["", "## Fragile meetings", "",
              "| meeting | official | region | date | futures with a change | moved "
              "| handed over | cancelled | main cause |",
              "|---|---|---|---|---|---|---|---|---|"]
    for m in sorted(s["meetings"].values(), key=lambda m: -len(m["futures"]))[:15]:
        cause = m["causes"].most_common(1)[0][0]
        lines.append(f"| {m['meeting']} | {names.get(m['official'], m['official'])} | "
                     f"{names.get(m['region'], m['region'])} | {m['date']} | "
                     f"{_fmt(100 * len(m['futures']) / n)} % | {m['kinds']['moved']} | "
                     f"{m['kinds']['handed over']} | {m['kinds']['cancelled']} | {cause} |")
    lines += ["", "## Regions at risk", "", "Changes to meetings held in the region, those "
              "displaced by an out-of-schedule meeting, and those moved off a date the akimat "
              "blocked; and the tension alerts sampled there.", "",
              "| region | changes per future | displaced | blocked date | alerts per future |",
              "|---|---|---|---|---|"]
    for region, c in sorted(s["regions"].items(),
                            key=lambda kv: (-kv[1]["changes"], -kv[1]["alerts"]))[:12]:
        lines.append(f"| {names.get(region, region)} | {_fmt(c['changes'] / n, 2)} | "
                     f"{c['displaced']} | {c['blocked']} | {_fmt(c['alerts'] / n, 2)} |")
    if s["infeasible"]:
        lines += ["", "## Futures without a re-planned calendar", ""]
        for r in s["infeasible"][:10]:
            last = r["quarters"][-1]
            text = (last.get("explanation") or last.get("error") or last.get("status", ""))
            lines.append(f"- future {r['scenario']}, Q{last['quarter']}: "
                         + text.replace("\n", " ")[:400])
    runs = meta.get("runs", [])
    if runs:
        lines += ["", "## Runs", "",
                  "| finished | futures | skipped (done before) | wall time (s) | CPUs "
                  "| futures/s | load average before | after |",
                  "|---|---|---|---|---|---|---|---|"]
        for run in runs:
            lines.append(f"| {run['finished']} | {run['futures']} | {run['skipped']} | "
                         f"{run['wall_time_s']} | {run['num_cpus']:g} ({run['address']}) | "
                         f"{run['futures_per_s']} | {' '.join(map(str, run['load_before']))} | "
                         f"{' '.join(map(str, run['load_after']))} |")
    lines += ["", "## Files", "", "- `futures.csv`: one row per future and quarter; "
              "`meetings.csv`, `officials.csv`, `regions.csv`: the tables above in full",
              *[f"- `{p}`" for p in plots]]
    if extra:
        lines += ["", extra]
    (folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return s


def _write_csvs(folder: Path, records: list[dict], s: dict) -> None:
    with (folder / "futures.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["scenario", "quarter", "as_of", "status", "changes", "change_cost",
                    "minimum_proven", "out_of_schedule", "displaced", "requests", "refused",
                    "check_ok", "new_violations", "wall_time_s", "absences", "alerts",
                    "blocked_dates", "days_off"])
        for r in records:
            for row in r["quarters"]:
                ev = row.get("events", {})
                w.writerow([r["scenario"], row["quarter"], row["as_of"], row.get("status"),
                            row.get("changes", ""), row.get("change_cost", ""),
                            row.get("minimum_proven", ""), row.get("out_of_schedule", ""),
                            row.get("displaced", ""), row.get("requests", ""),
                            len(row.get("refused", ())), row.get("check_ok", ""),
                            len(row.get("new_violations", ()) or ()), row.get("wall_time", ""),
                            sum(v for k, v in ev.items() if k.startswith("absence")),
                            ev.get("alerts", ""), ev.get("blocked_dates", ""),
                            ev.get("days_off", "")])
    n = max(1, s["futures"])
    with (folder / "meetings.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["meeting", "official", "body", "region", "date", "futures_changed_share",
                    "moved", "handed_over", "cancelled", *CAUSES])
        for m in sorted(s["meetings"].values(), key=lambda m: -len(m["futures"])):
            w.writerow([m["meeting"], m["official"], m["body"], m["region"], m["date"],
                        round(len(m["futures"]) / n, 4), m["kinds"]["moved"],
                        m["kinds"]["handed over"], m["kinds"]["cancelled"],
                        *(m["causes"][c] for c in CAUSES)])
    with (folder / "officials.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["official", "futures_changed_share", "moved", "handed_over", "cancelled",
                    *CAUSES])
        for official, c in sorted(s["officials"].items(),
                                  key=lambda kv: -s["official_futures"][kv[0]]):
            w.writerow([official, round(s["official_futures"][official] / n, 4), c["_moved"],
                        c["_handed over"], c["_cancelled"], *(c[x] for x in CAUSES)])
    with (folder / "regions.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["region", "changes_per_future", "displaced", "blocked_date",
                    "alerts_per_future"])
        for region, c in sorted(s["regions"].items(), key=lambda kv: -kv[1]["changes"]):
            w.writerow([region, round(c["changes"] / n, 4), c["displaced"], c["blocked"],
                        round(c["alerts"] / n, 4)])


def _plots(folder: Path, s: dict, names: dict) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    written = []
    records = load_records(folder)
    fig, axes = plt.subplots(1, max(1, len(s["quarters"])), figsize=(10, 3.6), squeeze=False)
    for ax, q in zip(axes[0], s["quarters"]):
        values = [row["changes"] for r in records for row in r["quarters"]
                  if row["quarter"] == q and "changes" in row]
        if values:
            ax.hist(values, bins=range(0, max(values) + 2), color="#3a6ea5", align="left")
            p = s["per_quarter"][q]["changes"]
            ax.axvline(p["median"], color="black", lw=1, label=f"median {p['median']:.0f}")
            ax.axvline(p["p90"], color="#c0392b", lw=1, ls="--", label=f"p90 {p['p90']:.0f}")
            ax.legend(fontsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"Q{q}: changes to the published calendar", fontsize=10)
        ax.set_xlabel("changes in the quarter")
        ax.set_ylabel("futures")
    fig.tight_layout()
    fig.savefig(folder / "changes_per_quarter.png", dpi=110)
    plt.close(fig)
    written.append("changes_per_quarter.png")

    top = sorted(s["officials"].items(), key=lambda kv: -s["official_futures"][kv[0]])[:15]
    if top:
        fig, ax = plt.subplots(figsize=(10, 5))
        labels = [names.get(o, o) for o, _ in top][::-1]
        left = np.zeros(len(top))
        n = max(1, s["futures"])
        colours = plt.get_cmap("tab10")
        for i, cause in enumerate(CAUSES):
            values = np.array([c[cause] / n for _, c in top][::-1])
            if values.any():
                ax.barh(labels, values, left=left, label=cause, color=colours(i))
                left += values
        ax.set_xlabel("changes per future")
        ax.set_title("Fragile officials: changes to their meetings, by cause", fontsize=10)
        ax.legend(fontsize=7, loc="lower right")
        ax.tick_params(axis="y", labelsize=7)
        fig.tight_layout()
        fig.savefig(folder / "fragile_officials.png", dpi=110)
        plt.close(fig)
        written.append("fragile_officials.png")

    regions = sorted(s["regions"].items(), key=lambda kv: -kv[1]["changes"])[:20]
    if regions:
        fig, ax = plt.subplots(figsize=(10, 4))
        n = max(1, s["futures"])
        labels = [names.get(r, r) for r, _ in regions]
        ax.bar(labels, [c["changes"] / n for _, c in regions], color="#8e6c8a", label="changes")
        ax.bar(labels, [c["displaced"] / n for _, c in regions], color="#c0392b",
               label="displaced by an out-of-schedule meeting")
        ax.set_ylabel("per future")
        ax.set_title("Regions at risk: changes to meetings held there", fontsize=10)
        ax.tick_params(axis="x", labelrotation=60, labelsize=7)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(folder / "regions_at_risk.png", dpi=110)
        plt.close(fig)
        written.append("regions_at_risk.png")

    times = [row["wall_time"] for r in records for row in r["quarters"] if "wall_time" in row]
    if times:
        fig, ax = plt.subplots(figsize=(6, 3.4))
        ax.hist(times, bins=30, color="#5b8c5a")
        ax.set_xlabel("seconds per quarterly re-plan (1 CP-SAT worker)")
        ax.set_ylabel("re-plans")
        ax.set_title("Re-plan times", fontsize=10)
        fig.tight_layout()
        fig.savefig(folder / "replan_times.png", dpi=110)
        plt.close(fig)
        written.append("replan_times.png")
    return written
