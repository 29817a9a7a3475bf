"""The report's charts against committed baseline images (tests/baseline/), at a tolerance,
as PyVRP tests its plots: matplotlib.testing.compare.compare_images on the tiny calendar.

A chart that changes on purpose: ``SCHEDULER_UPDATE_BASELINES=1 pytest tests/test_charts.py``
rewrites the baselines; look at them before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.testing.compare import compare_images  # noqa: E402

from scheduler.report.charts import CHARTS  # noqa: E402

BASELINE = Path(__file__).resolve().parent / "baseline"
DPI = 40  # small files; enough to see a bar, a cell or a region move
TOLERANCE = 2.0  # RMS of the pixel difference (0-255): text anti-aliasing, not content


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_matches_its_baseline(name, tmp_path, tiny_instance, tiny_calendar):
    ax = CHARTS[name](tiny_instance, tiny_calendar, lang="en")
    actual = tmp_path / f"{name}.png"
    try:
        ax.figure.savefig(actual, dpi=DPI, metadata={"Software": None})
    finally:
        plt.close(ax.figure)
    expected = BASELINE / f"{name}.png"
    if os.environ.get("SCHEDULER_UPDATE_BASELINES"):
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected}: run with SCHEDULER_UPDATE_BASELINES=1"
    failed = compare_images(str(expected), str(actual), tol=TOLERANCE, in_decorator=True)
    assert failed is None, failed


def test_a_changed_chart_is_caught(tmp_path, tiny_instance, tiny_calendar):
    """The comparison sees content: the coverage chart without one meeting differs."""
    fewer = tiny_calendar.model_copy(update={"meetings": tiny_calendar.meetings[1:]})
    ax = CHARTS["chart-coverage"](tiny_instance, fewer, lang="en")
    actual = tmp_path / "chart-coverage.png"
    try:
        ax.figure.savefig(actual, dpi=DPI, metadata={"Software": None})
    finally:
        plt.close(ax.figure)
    failed = compare_images(str(BASELINE / "chart-coverage.png"), str(actual), tol=TOLERANCE,
                            in_decorator=True)
    assert failed is not None and failed["rms"] > TOLERANCE
