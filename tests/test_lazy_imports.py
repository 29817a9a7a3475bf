"""Issue 16: the command line imports the heavy libraries only in the commands that need
them, so ``scheduler --help`` and ``scheduler check`` never pay for them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("ortools", "pandas", "numpy", "matplotlib", "openpyxl", "networkx", "ray", "django",
         "icalendar", "fpdf", "highspy")


def _loaded_after(code: str) -> set[str]:
    probe = (f"import sys\n{code}\nimport json\n"
             f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_cli_import_and_check_stay_light():
    loaded = _loaded_after(
        "import scheduler.cli\n"
        "from typer.testing import CliRunner\n"
        "r = CliRunner().invoke(scheduler.cli.app, ['check', 'instances/kz-2027-h1.json',\n"
        "                                          'instances/kz-2027-h1-approved.json'])\n"
        "assert r.exit_code in (0, 1), r.output")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_public_names_still_importable_from_the_package():
    loaded = _loaded_after("from scheduler import InputError, load_instance, check")
    assert "ortools" not in loaded
    import scheduler

    assert callable(scheduler.solve) and scheduler.Result.__name__ == "Result"
    assert {"solve", "check", "load_instance"} <= set(dir(scheduler))


def test_help_loads_no_domain_module():
    """``scheduler --help`` reads the commands' signatures only: the library is imported by
    a command when it runs."""
    probe = ("import sys\nfrom typer.testing import CliRunner\nimport scheduler.cli\n"
             "r = CliRunner().invoke(scheduler.cli.app, ['--help'])\n"
             "assert r.exit_code == 0 and 'robustness' in r.output, r.output\n"
             "print(' '.join(sorted(m for m in sys.modules if m.startswith('scheduler'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert {m for m in out if not m.startswith("scheduler.cli")} <= {"scheduler",
                                                                     "scheduler.i18n"}, out
