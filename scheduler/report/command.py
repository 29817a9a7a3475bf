"""The ``scheduler report INSTANCE CALENDAR --out DIR [--draft]`` command, for the CLI to wire."""

from __future__ import annotations

import sys
from pathlib import Path

from scheduler.checker import check
from scheduler.i18n import LANGS, t
from scheduler.io import InputError, check_references, load_calendar
from scheduler.profiles_cmd import load_profile_for
from scheduler.workspace import instance_for, resolve_calendar


def report_command(instance_path: str | Path, calendar_path: str | Path, out_dir: str | Path,
                   profile: str = "kz-2024", lang: str = "ru", draft: bool = False) -> int:
    """Write the report files of a calendar into ``out_dir``.

    Returns 0 when done; 1 when the calendar breaks hard rules and ``draft`` is not set
    (the violations go to standard error); 2 on bad input (the message, naming the file,
    row and field, goes to standard error). Nothing is written unless it returns 0. With
    ``draft``, a calendar that breaks hard rules is written with every document marked as
    a draft.
    """
    from scheduler.report import write_report
    from scheduler.report.common import draft_banner

    if lang not in LANGS:
        print(f"--lang: unknown language '{lang}' (known: {', '.join(LANGS)})", file=sys.stderr)
        return 2
    try:
        calendar_path = resolve_calendar(calendar_path)  # a file, a workspace or a version
        instance = instance_for(instance_path, calendar_path)
        rules = load_profile_for(profile, instance)
        calendar = load_calendar(calendar_path)
        check_references(calendar, instance, calendar_path)
        if Path(out_dir).exists() and not Path(out_dir).is_dir():
            raise InputError(f"--out {out_dir}: exists and is not a folder")
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    checked = check(instance, rules, calendar)
    if not checked.ok and not draft:
        print(f"{t('check_failed', lang)}: {len(checked.violations)}", file=sys.stderr)
        from scheduler.words import finding

        for v in checked.violations:
            print("  " + (f"{v.rule_id}: {v.message}" if lang == "en"
                          else finding(instance, rules, v, lang, calendar)), file=sys.stderr)
        print(f"{calendar_path}: not published, nothing was written (--draft writes the "
              "documents marked as a draft)", file=sys.stderr)
        return 1
    try:
        paths = write_report(instance, rules, calendar, out_dir, lang=lang, report=checked)
    except (InputError, OSError) as exc:  # a name leading outside --out; a read-only folder
        print(str(exc), file=sys.stderr)
        return 2
    out = Path(out_dir)
    shown = [p for p in paths if p.parent == out]
    ics = sum(p.suffix == ".ics" for p in paths)
    pdfs = sum(p.parent == out / "pdf" for p in paths)
    print(f"{t('written', lang)}: " + ", ".join(str(p) for p in shown)
          + (f", {pdfs} × {out / 'pdf'}/*.pdf" if pdfs else "")
          + (f", {ics} × {out / 'ics'}/*/*.ics" if ics else ""))
    if not checked.ok:
        print(draft_banner(checked, lang), file=sys.stderr)
    return 0
