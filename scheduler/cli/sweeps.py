"""robustness: a published calendar through sampled futures (Ray).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from scheduler.cli.common import ProfileOpt, SeedOpt, _fail_input, console


def robustness(
    calendar: Annotated[Path, typer.Argument(help="Published calendar.json or workspace folder.")],
    instance: Annotated[Path, typer.Option("--instance", "-i", help="Instance: JSON or .xlsx.")],
    scenarios: Annotated[int, typer.Option(min=1, max=1_000_000, help="Futures to sample.")] = 100,
    seed: SeedOpt = 0,
    address: Annotated[Optional[str], typer.Option(help=(
        "Ray cluster address (default: a local Ray runtime on this machine's cores)."))] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=(
        "Folder: futures.jsonl (resumed when re-run), README.md, CSV, plots."
    ))] = Path("robustness"),
    profile: ProfileOpt = "kz-2024",
    model: Annotated[Optional[Path], typer.Option(help=(
        "Disruption model .toml (default: scheduler/robustness/disruptions.toml)."))] = None,
    num_cpus: Annotated[Optional[int], typer.Option(min=1, help=(
        "Local runtime: Ray workers (default: all cores)."))] = None,
    batch: Annotated[int, typer.Option(min=1, max=100, help="Futures per Ray task.")] = 1,
    time_limit: Annotated[float, typer.Option(
        min=0.5, max=3600.0, help=(
            "Limit per quarterly re-plan, in CP-SAT's deterministic units (about a second "
            "each; the same answers on a loaded or an idle machine)."))] = 20.0,
    explain: Annotated[bool, typer.Option(help=(
        "Explain futures without a calendar (a few solves each)."))] = False,
    compare_robust: Annotated[bool, typer.Option("--compare-robust", help=(
        "Also plan a draft and a robust draft and sweep both on the same futures."))] = False,
    compare_scenarios: Annotated[Optional[int], typer.Option(min=1, help=(
        "Futures for the comparison (default: --scenarios)."))] = None,
    robust_weight: Annotated[float, typer.Option(min=0.0, help=(
        "Objective units per unit of expected change cost in the robust draft."))] = 10.0,
    training: Annotated[int, typer.Option(min=1, help=(
        "Training futures for the expected change costs."))] = 200,
) -> None:
    """Sweep a published calendar through sampled futures (Ray): expected changes, fragile meetings."""  # noqa: E501 (one line: the command's help)
    from scheduler.io import InputError
    from scheduler.robustness.command import cli_entry

    try:
        cli_entry(calendar, instance, profile=profile, model=model, out=out, log=console.print,
                  scenarios=scenarios, seed=seed, address=address, num_cpus=num_cpus,
                  batch=batch, time_limit=time_limit, explain=explain,
                  compare_robust=compare_robust, compare_scenarios=compare_scenarios,
                  robust_weight=robust_weight, training=training, plan_time_limit=120.0)
    except InputError as exc:
        _fail_input(exc)
