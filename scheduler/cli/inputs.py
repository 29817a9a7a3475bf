"""schema, export, template, profiles and profile show: the inputs and the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from scheduler.cli.common import InstanceArg, LangOpt, _fail_input, _lang, _writable, console


def schema(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of an instance file."""
    from scheduler.instance import Instance
    from scheduler.io import write_atomic

    text = json.dumps(Instance.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        print(text, end="")
    else:
        _writable(out, folder=False)
        write_atomic(out, text)
        console.print(f"{out}")


def export(
    instance: InstanceArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .xlsx workbook to write.")],
) -> None:
    """Write an instance as the input workbook (to start the next half-year from it)."""
    from scheduler.io import InputError, load_instance
    from scheduler.workbook import write_instance_workbook

    if out.suffix.lower() != ".xlsx":
        _fail_input(InputError(f"--out {out}: the instance workbook is an .xlsx file"))
    _writable(out, folder=False)
    try:
        inst = load_instance(instance)
    except InputError as exc:
        _fail_input(exc)
    write_instance_workbook(inst, out)
    console.print(f"{out}")


def template(
    out: Annotated[Path, typer.Option("--out", "-o", help="The .xlsx file to write.")],
    kind: Annotated[str, typer.Option("--kind", help="instance | changes (a quarter's change "
                                                     "set).")] = "instance",
) -> None:
    """Write an empty instance (or change-set) workbook with headers in Russian and Kazakh."""
    from scheduler.io import InputError
    from scheduler.workbook import write_changes_template, write_template

    writers = {"instance": write_template, "changes": write_changes_template}
    if kind not in writers:
        _fail_input(InputError(f"--kind {kind}: expected one of {', '.join(writers)}"))
    if out.suffix.lower() != ".xlsx":
        _fail_input(InputError(f"--out {out}: the template is an .xlsx workbook"))
    _writable(out, folder=False)
    writers[kind](out)
    console.print(f"{out}")


def profiles_cmd(lang: LangOpt = "ru") -> None:
    """List the built-in rule profiles with their titles and rule ids."""
    from scheduler.profiles_cmd import profiles_table

    console.print(profiles_table(_lang(lang)))


def profile_show(
    name: Annotated[str, typer.Argument(help="Built-in profile name or a profile .toml file.")],
    lang: LangOpt = "ru",
) -> None:
    """Print a profile: each rule's id, kind, source, switch and parameters."""
    from scheduler.io import InputError, load_profile

    lang = _lang(lang)
    from scheduler.profile import profile_path
    from scheduler.profiles_cmd import profile_tables

    try:
        prof = load_profile(name)
    except InputError as exc:
        _fail_input(exc)
    for table in profile_tables(prof, profile_path(name), lang):
        console.print(table)
