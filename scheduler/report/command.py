"""The ``scheduler report INSTANCE CALENDAR --out DIR`` command, for the CLI to wire."""

from __future__ import annotations

import sys
from pathlib import Path

from scheduler.i18n import LANGS, t
from scheduler.io import InputError, load_calendar, load_instance, load_profile


def report_command(instance_path: str | Path, calendar_path: str | Path, out_dir: str | Path,
                   profile: str = "kz-2024", lang: str = "ru") -> int:
    """Write the report files of a calendar into ``out_dir``.

    Returns 0 when done and 2 on bad input (the message, naming the file, row and field,
    goes to standard error and nothing is written).
    """
    from scheduler.report import write_report

    if lang not in LANGS:
        print(f"--lang: unknown language '{lang}' (known: {', '.join(LANGS)})", file=sys.stderr)
        return 2
    try:
        instance = load_instance(instance_path)
        rules = load_profile(profile)
        calendar = load_calendar(calendar_path)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    paths = write_report(instance, rules, calendar, out_dir, lang=lang)
    shown = [p for p in paths if p.parent == Path(out_dir)]
    ics = len(paths) - len(shown)
    print(f"{t('written', lang)}: " + ", ".join(str(p) for p in shown)
          + (f", {ics} × {Path(out_dir) / 'ics'}/*.ics" if ics else ""))
    return 0
