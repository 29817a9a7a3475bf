"""bench: the solvers on the benchmark families.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from scheduler.cli.common import LangOpt, _lang, console


def bench(
    out: Annotated[Path, typer.Option("--out", help="Report folder, e.g. reports/bench/DATE.")],
    family: Annotated[Optional[list[str]], typer.Option(
        "--family", help="Instance family (repeatable; default: all).")] = None,
    solver: Annotated[Optional[list[str]], typer.Option(
        "--solver", help="Solver (repeatable; default: all).")] = None,
    time_limit: Annotated[float, typer.Option("--time-limit")] = 30.0,
    instance: Annotated[Optional[list[str]], typer.Option(
        "--instance", help="Instance name or glob (repeatable): a family with a match runs "
                           "only its matches, the others run whole.")] = None,
    seeds: Annotated[int, typer.Option("--seeds")] = 1,
    jobs: Annotated[int, typer.Option("--jobs")] = 1,
    lang: LangOpt = "ru",
) -> None:
    """Benchmark the solvers on the instance families; resumes an interrupted run."""
    from scheduler.bench.runner import FAMILIES, run
    from scheduler.bench.solvers import SOLVERS

    run(family or list(FAMILIES), solver or list(SOLVERS), seeds, time_limit, jobs, out,
        log=lambda text: console.print(text, highlight=False), lang=_lang(lang),
        instances=instance)
