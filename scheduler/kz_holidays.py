"""Kazakhstan's public holidays and moved days off, from the ``holidays`` package.

The package's country lookup (``holidays.country_holidays``) imports the module of every
country it knows (some 280 modules: 0.15 s of every command that reads a date). Its
Kazakhstan module is loaded here alone, from the package's own file; should the
package's layout change, the lookup is used as before.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

import holidays

_MODULE = "holidays.countries.kazakhstan"


def _kazakhstan():
    """The package's class of Kazakhstan's holidays, or None (then the lookup is used)."""
    module = sys.modules.get(_MODULE)
    if module is None:
        path = Path(holidays.__file__).parent / "countries" / "kazakhstan.py"
        spec = importlib.util.spec_from_file_location(_MODULE, path)
        if spec is None or spec.loader is None or not path.is_file():
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[_MODULE] = module  # (as an import of it would have left it)
    return getattr(module, "Kazakhstan", None)


def kz_holidays(years: int | Iterable[int]) -> dict[dt.date, str]:
    """Kazakhstan's public holidays and moved days off of the years, named in English."""
    kazakhstan = _kazakhstan()
    if kazakhstan is None:
        return dict(holidays.country_holidays("KZ", years=years, language="en_US"))
    return dict(kazakhstan(years=years, language="en_US"))
