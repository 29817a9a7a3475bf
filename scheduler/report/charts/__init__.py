"""The report's charts: one public function per chart, each in its own module.

Every function has the signature ``plot_x(instance, calendar, ax=None, lang="ru") -> Axes``,
draws on ``ax`` (or on a new figure of a size that suits it), and works on an empty
calendar too. ``CHARTS`` maps each chart's file stem to its function.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from scheduler.report.charts.coverage import plot_coverage  # noqa: E402
from scheduler.report.charts.gantt import plot_gantt  # noqa: E402
from scheduler.report.charts.heatmap import plot_heatmap  # noqa: E402
from scheduler.report.charts.regionmap import plot_map  # noqa: E402

CHARTS = {
    "chart-gantt": plot_gantt,
    "chart-heatmap": plot_heatmap,
    "chart-map": plot_map,
    "chart-coverage": plot_coverage,
}

__all__ = ["CHARTS", "plot_coverage", "plot_gantt", "plot_heatmap", "plot_map"]
