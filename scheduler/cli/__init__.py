"""Command line: ``scheduler plan | replan | urgent | compare`` (solving), ``check | explain |
report`` (judging and publishing), ``history | diff`` (workspace versions), ``schema |
export | template | profiles | profile show`` (inputs and rules), ``serve`` (web),
``bench`` (benchmarks) and ``robustness`` (sweeps), one module per group.

The commands are thin: they read the options, call the library and print. Each imports
what it uses when it runs, so ``scheduler --help`` and ``scheduler check`` never load the
solver, pandas, matplotlib, openpyxl, networkx, Ray or Django.

Exit codes: 0 done; 1 no calendar exists or a calendar breaks a hard rule; 2 bad input
(the message names the file, row and field; nothing is written).
"""

from __future__ import annotations

import typer

from scheduler.cli import benchmark, checking, inputs, serving, solving, sweeps, versions
from scheduler.cli.common import app, console, errors

__all__ = ["app", "console", "errors", "main"]

# In the order ``scheduler --help`` lists them.
app.command()(solving.plan)
app.command()(solving.replan)
app.command()(solving.urgent)
app.command()(checking.report)
app.command()(checking.explain)
app.command()(versions.history)
app.command()(versions.diff)
app.command("check")(checking.check_cmd)
app.command()(inputs.schema)
app.command()(inputs.export)
app.command()(inputs.template)
app.command()(benchmark.bench)
app.command("profiles")(inputs.profiles_cmd)
profile_app = typer.Typer(no_args_is_help=True, help="Show a rule profile.")
app.add_typer(profile_app, name="profile")
profile_app.command("show")(inputs.profile_show)
app.command()(solving.compare)
app.command()(serving.serve)
app.command()(sweeps.robustness)


def main() -> None:
    app()
