"""The benchmark report: ``README.md`` with tables, and PNG plots, from ``results.csv``.

Costs and hard violations are the checker's; a run with no calendar, or whose calendar
breaks a hard rule, counts as failed (cost infinite) in the performance profile.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

PEERS = ("greedy", "highs", "timefold")
OURS = ("cpsat-1w", "cpsat-2w")


def load(results: Path) -> pd.DataFrame:
    df = pd.read_csv(results, dtype={"seed": int})
    df["ok"] = (df["checked"] == "yes") & (df["hard_violations"].fillna(1) == 0)
    df["score"] = np.where(df["ok"], df["checker_cost"], np.inf)
    return df


def _md(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in df.iterrows():
        lines.append("| " + " | ".join(_cell(row[c]) for c in cols) + " |")
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return "inf" if np.isinf(value) else f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per instance and solver: medians over seeds (worst violations, every status)."""
    g = df.groupby(["family", "instance", "solver"], sort=False)
    out = g.agg(officials=("officials", "first"), runs=("seed", "count"),
                status=("status", lambda s: "/".join(sorted(set(map(str, s))))),
                checker_cost=("checker_cost", "median"), violations=("hard_violations", "max"),
                limit_s=("time_limit", "first"), gap=("gap", "median"), first_s=("time_to_first", "median"),
                best_s=("time_to_best", "median"), wall_s=("wall_time", "median"),
                build_s=("build_time", "median"), peak_mib=("peak_mib", "max"),
                note=("note", "first")).reset_index()
    out["note"] = out["note"].fillna("").astype(str).str.slice(0, 70)
    return out


def targets(df: pd.DataFrame, time_limit: float) -> list[str]:
    lines = ["| target | measured (median) | met |", "|---|---|---|"]

    def med(rows: pd.DataFrame, col: str) -> float:
        return float(rows[col].median()) if len(rows) else float("nan")

    for solver in OURS:
        real = df[(df.instance == "kz-2027-h1") & (df.solver == solver)]
        if len(real):
            optimal = (real.status == "OPTIMAL").mean()
            wall = med(real, "wall_time")
            lines.append(f"| kz-2027-h1 proven optimal < 2 s ({solver}) | {wall:.2f} s, "
                         f"{optimal:.0%} of runs OPTIMAL, cost {med(real, 'checker_cost'):.0f} | "
                         f"{'yes' if wall < 2 and optimal == 1 else 'no'} |")
    replan = df[df.family == "replan"]
    for name, rows in replan.groupby("instance"):
        t = med(rows, "time_to_best")
        proven = (rows.status == "OPTIMAL").mean()
        lines.append(f"| re-plan {name}: proven fewest changes < 1 s | {t:.2f} s (model building "
                     f"included), {proven:.0%} proven, {med(rows, 'objective'):.0f} weighted changes | "
                     f"{'yes' if t < 1 and proven == 1 else 'no'} |")
    for name in ("scale-2500", "national-all-levels"):
        for solver in OURS:
            rows = df[(df.instance == name) & (df.solver == solver)]
            if not len(rows):
                continue
            first, gap, peak = med(rows, "time_to_first"), med(rows, "gap"), rows.peak_mib.max()
            lines.append(f"| {name} ({int(rows.officials.iloc[0])} officials, {solver}): first "
                         f"feasible < 5 s | {first:.1f} s | {'yes' if first < 5 else 'no'} |")
            lines.append(f"| {name} ({solver}): within 0.5% of the bound < 30 s | gap {gap:.2%} "
                         f"after {med(rows, 'wall_time'):.1f} s (limit {time_limit:g} s) | "
                         f"{'yes' if gap <= 0.005 and med(rows, 'wall_time') <= 30 else 'no'} |")
            lines.append(f"| {name} ({solver}): peak memory < 2 GiB | {peak:.0f} MiB | "
                         f"{'yes' if peak < 2048 else 'no'} |")
    best = df[df.status != "SKIPPED"].groupby(["instance", "solver"])["score"].median().unstack()
    best = best[best[[c for c in PEERS if c in best]].notna().any(axis=1)]  # instances with peers
    ours = best[[c for c in OURS if c in best]].min(axis=1)
    peers = best[[c for c in PEERS if c in best]].min(axis=1)
    worse = [i for i in best.index if ours[i] > peers[i]]
    lines.append(f"| no worse than the best peer on every instance | worse on {len(worse)} of "
                 f"{len(best)} instances{': ' + ', '.join(worse) if worse else ''} | "
                 f"{'yes' if not worse else 'no'} |")
    nat = best.loc[[i for i in best.index if i.startswith("national-") and i[-1].isdigit()]]
    if len(nat) and "greedy" in nat:
        gain = ((nat["greedy"] - nat[[c for c in OURS if c in nat]].min(axis=1)) / nat["greedy"])
        lines.append(f"| >= 10% better than greedy on the national family | mean {gain.mean():.1%} "
                     f"(min {gain.min():.1%}, max {gain.max():.1%}) lower checker cost | "
                     f"{'yes' if gain.mean() >= 0.10 else 'no'} |")
    return lines


def plot_profile(df: pd.DataFrame, path: Path) -> None:
    """Dolan-Moré profile on the checker's cost: the share of instances on which a solver's
    cost is within a factor tau of the best solver's."""
    best = df.groupby(["instance", "solver"])["score"].median().unstack()
    ratio = (best + 1).div(best.min(axis=1) + 1, axis=0)
    taus = np.logspace(0, 1, 200)
    fig, ax = plt.subplots(figsize=(6, 4))
    for solver in ratio.columns:
        ax.step(taus, [(ratio[solver] <= t).mean() for t in taus], where="post", label=solver)
    ax.set(xscale="log", xlabel="tau (cost + 1 relative to the best solver's)", ylim=(0, 1.02),
           ylabel="share of instances", title="Performance profile (checker cost)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_over_time(df: pd.DataFrame, traces: Path, instance: str, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    for solver in df[df.instance == instance].solver.unique():
        trace_file = traces / f"{instance}__{solver}__0.json"
        points = [p for p in json.loads(trace_file.read_text()) if p[1] is not None] \
            if trace_file.exists() else []
        if solver == "greedy" and points:
            row = df[(df.instance == instance) & (df.solver == solver)].iloc[0]
            ax.plot([points[0][0]], [row.checker_cost], "o", label="greedy (checker cost)")
        elif points:
            t, obj = zip(*[(p[0], p[1]) for p in points])
            ax.step(list(t), list(obj), where="post", label=f"{solver} objective")
            bounds = [(p[0], p[2]) for p in json.loads(trace_file.read_text())
                      if p[2] is not None and np.isfinite(p[2])]
            if bounds:
                bt, bv = zip(*bounds)
                ax.step(list(bt), list(bv), where="post", ls=":", label=f"{solver} bound")
    ax.set(xscale="log", xlabel="seconds (model building included)", ylabel="objective",
           title=f"Objective over time, {instance} (seed 0)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_size(df: pd.DataFrame, path: Path) -> None:
    sized = df[df.family.isin(["scale", "national-all-levels", "region-all-levels", "real"])]
    sized = sized[sized.status != "SKIPPED"]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for solver, rows in sized.groupby("solver"):
        rows = rows.groupby("officials").median(numeric_only=True).reset_index()
        axes[0].plot(rows.officials, rows.time_to_first, "o-", label=solver)
        axes[1].plot(rows.officials, rows.wall_time, "o-", label=solver)
        axes[2].plot(rows.officials, rows.peak_mib, "o-", label=solver)
    for ax, label in zip(axes, ("time to first feasible (s)", "wall time (s)", "peak memory (MiB)")):
        ax.set(xscale="log", yscale="log", xlabel="officials (first heads with a duty)", ylabel=label)
        ax.legend(fontsize=7)
    fig.suptitle("Cost against size (model building included)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out: Path, time_limit: float, notes: str = "") -> Path:
    df = load(out / "results.csv")
    if (out / "notes.md").exists():
        notes = (out / "notes.md").read_text(encoding="utf-8")
    plots = []
    if df.solver.nunique() > 1:
        plot_profile(df, out / "profile.png")
        plots.append("![performance profile](profile.png)")
    national = sorted(i for i in df.instance.unique() if str(i).startswith("national-0"))
    if national:
        plot_over_time(df, out / "traces", national[0], out / "over-time.png")
        plots.append("![objective over time](over-time.png)")
    if df.officials.nunique() > 1:
        plot_size(df, out / "size.png")
        plots.append("![time and memory against size](size.png)")
    skipped = df[df.status == "SKIPPED"].drop_duplicates("solver")
    lines = [
        f"# Benchmark run, {out.name}", "",
        f"{platform.machine()}, Python {platform.python_version()}, time limits "
        f"{', '.join(f'{t:g}' for t in sorted(df.time_limit.unique()))} s per run (column "
        "`time_limit`; model building included), one fresh process per run. Costs and hard "
        "violations are those of the independent checker (`scheduler check`), never the "
        "solver's own number; `results.csv` has every run.", "",
        "## Targets (issue 6)", "", *targets(df, time_limit), "",
    ]
    if len(skipped):
        lines += ["Skipped: " + "; ".join(f"`{r.solver}`: {r.note}" for r in skipped.itertuples()), ""]
    if notes:
        lines += [notes.rstrip(), ""]
    lines += ["## Plots", "", *plots, "", "## Every instance and solver (medians over seeds)", "",
              _md(summary(df[df.status != "SKIPPED"])), ""]
    readme = out / "README.md"
    readme.write_text("\n".join(lines), encoding="utf-8")
    return readme
