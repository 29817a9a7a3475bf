"""Publishing a calendar: the bilingual workbook, the printable report, charts and .ics files.

    from scheduler.report import write_report
    paths = write_report(instance, profile, calendar, "reports/demo", lang="ru")

writes into ``out_dir`` (each file atomically):

- ``calendar.xlsx``: headers and names in Russian and Kazakh; the whole half-year, each
  quarter, each ministry and akimat, each region, the deadlines, the compliance table;
- ``report.html``: one self-contained file that prints to A4 (charts embedded);
- ``chart-gantt.png``, ``chart-heatmap.png``, ``chart-map.png``, ``chart-coverage.png``;
- ``ics/<OFFICIAL_ID>.ics`` per official and ``ics/region-<REGION_ID>.ics`` per region.

No ``report.pdf``: the HTML report prints to an A4 PDF from any browser, and the libraries
that convert HTML to PDF here need system packages (pango) beyond PyPI.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from scheduler.checker import CheckReport, check  # noqa: E402
from scheduler.instance import Instance  # noqa: E402
from scheduler.io import write_atomic  # noqa: E402
from scheduler.meetings import Calendar  # noqa: E402
from scheduler.profile import Profile  # noqa: E402
from scheduler.report.charts import CHARTS, plot_coverage, plot_gantt, plot_heatmap  # noqa: E402
from scheduler.report.charts import plot_map  # noqa: E402
from scheduler.report.common import check_lang  # noqa: E402
from scheduler.report.html import render_html  # noqa: E402
from scheduler.report.ics import ics_files  # noqa: E402
from scheduler.report.xlsx import workbook_bytes  # noqa: E402

CHART_DPI = 150

__all__ = ["chart_png", "plot_coverage", "plot_gantt", "plot_heatmap", "plot_map",
           "write_report"]


def chart_png(plot, instance: Instance, calendar: Calendar, lang: str = "ru") -> bytes:
    """Draw one chart function on a fresh figure and return it as PNG bytes."""
    ax = plot(instance, calendar, lang=lang)
    buffer = io.BytesIO()
    try:
        ax.figure.savefig(buffer, format="png", dpi=CHART_DPI, bbox_inches="tight",
                          pad_inches=0.15)
    finally:
        plt.close(ax.figure)
    return buffer.getvalue()


def write_report(instance: Instance, profile: Profile, calendar: Calendar,
                 out_dir: str | Path, lang: str = "ru",
                 report: CheckReport | None = None) -> list[Path]:
    """Write the workbook, the charts, the HTML report and the .ics calendars.

    ``lang`` (ru, kk, en) is the language of the report, the charts and the .ics texts;
    the workbook is always Russian and Kazakh. ``report`` is the checker's report of the
    calendar (computed when not given). Returns the written paths.
    """
    check_lang(lang)
    out = Path(out_dir)
    report = report if report is not None else check(instance, profile, calendar)
    written: list[Path] = []

    def put(name: str, content: bytes | str) -> None:
        path = out / name
        write_atomic(path, content)
        written.append(path)

    put("calendar.xlsx", workbook_bytes(instance, profile, calendar, report))
    charts = {name: chart_png(plot, instance, calendar, lang) for name, plot in CHARTS.items()}
    for name, png in charts.items():
        put(f"{name}.png", png)
    put("report.html", render_html(instance, profile, calendar, report, charts, lang))
    for name, content in ics_files(instance, calendar, lang).items():
        put(f"ics/{name}", content)
    return written
