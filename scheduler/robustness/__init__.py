"""How fragile is a published calendar? Disruption sweeps on Ray (issue 17).

``model``: the disruption model (``disruptions.toml``) and the futures sampled from it;
``sweep``: each future re-planned quarter by quarter, on Ray; ``report``: the
distribution of changes, fragile meetings, officials and regions, plots and CSV;
``robust``: plans that need fewer changes. docs/robustness.md explains it all.
"""

from scheduler.robustness.model import (
    DEFAULT_MODEL,
    DisruptionModel,
    Future,
    change_set,
    load_model,
    sample_future,
)
from scheduler.robustness.sweep import done_scenarios, run_future, sweep

__all__ = ["DEFAULT_MODEL", "DisruptionModel", "Future", "change_set", "done_scenarios",
           "load_model", "run_future", "sample_future", "sweep"]
