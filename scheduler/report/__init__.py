"""Publishing a calendar: the bilingual workbook, the printable report, charts and .ics files.

    from scheduler.report import write_report
    paths = write_report(instance, profile, calendar, "reports/demo", lang="ru")

writes into ``out_dir`` (each file atomically):

- ``calendar.xlsx``: headers and names in Russian and Kazakh; the whole half-year, each
  quarter, each ministry and akimat, each region, the deadlines, the compliance table;
- ``report.html``: one self-contained file that prints to A4 (charts embedded);
- ``chart-gantt.png``, ``chart-heatmap.png``, ``chart-map.png``, ``chart-coverage.png``;
- ``ics/officials/<OFFICIAL_ID>.ics`` per official and ``ics/regions/<REGION_ID>.ics`` per
  region; ``.ics`` files of an earlier run that this one did not write are removed.

Everything is rendered before the first file is written, and no file is written when a
name would lead outside ``out_dir`` (:class:`~scheduler.io.InputError`). A calendar that
breaks hard rules is published only as a draft: every document says so first.

- ``report.pdf`` (the same content as the HTML, A4, page numbers, headers repeated) and
  ``pdf/BODY.pdf`` per ministry and akimat with only its meetings, deadlines and agenda
  (fpdf2 with matplotlib's DejaVu Sans: pure Python, Kazakh letters);
- after a re-plan (``notice``): ``changes.pdf``, the bilingual (ru+kk) change notice, which
  is also a sheet of the workbook and a section of the HTML and PDF reports.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scheduler.checker import CheckReport, check
from scheduler.instance import Instance
from scheduler.io import InputError, write_atomic
from scheduler.meetings import Calendar
from scheduler.profile import Profile
from scheduler.report.common import check_lang, draft_banner

if TYPE_CHECKING:
    from scheduler.report.charts import CHARTS, plot_coverage, plot_gantt, plot_heatmap, plot_map

CHART_DPI = 150

__all__ = ["CHARTS", "chart_png", "plot_coverage", "plot_gantt", "plot_heatmap", "plot_map",
           "write_report"]

_CHART_NAMES = {"CHARTS", "plot_coverage", "plot_gantt", "plot_heatmap", "plot_map"}


def __getattr__(name: str) -> Any:
    """The charts (matplotlib) on first use: ``scheduler.report.common`` and the commands
    that only print never pay for matplotlib, openpyxl and icalendar."""
    if name in _CHART_NAMES:
        from scheduler.report import charts

        return getattr(charts, name)
    raise AttributeError(f"module 'scheduler.report' has no attribute '{name}'")


def chart_png(plot, instance: Instance, calendar: Calendar, lang: str = "ru") -> bytes:
    """Draw one chart function on a fresh figure and return it as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

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
                 report: CheckReport | None = None, notice=None) -> list[Path]:
    """Write the workbook, the charts, the HTML report and the .ics calendars.

    ``lang`` (ru, kk, en) is the language of the report, the charts and the .ics texts;
    the workbook is always Russian and Kazakh. ``report`` is the checker's report of the
    calendar (computed when not given); when it lists violations every document is
    marked as a draft. Returns the written paths.
    """
    check_lang(lang)
    out = Path(out_dir)
    report = report if report is not None else check(instance, profile, calendar)
    draft = draft_banner(report, lang)
    from scheduler.report.charts import CHARTS
    from scheduler.report.html import render_html
    from scheduler.report.ics import ics_files
    from scheduler.report.notice import notice_documents
    from scheduler.report.pdf import body_pdfs, render_pdf
    from scheduler.report.xlsx import workbook_bytes

    extra = notice_documents(notice, lang) if notice is not None else None
    files: dict[str, bytes | str] = {
        "calendar.xlsx": workbook_bytes(instance, profile, calendar, report,
                                        extra.sheet if extra else None)}
    charts = {name: chart_png(plot, instance, calendar, lang) for name, plot in CHARTS.items()}
    files.update({f"{name}.png": png for name, png in charts.items()})
    files["report.html"] = render_html(instance, profile, calendar, report, charts, lang,
                                       extra.html if extra else "")
    files["report.pdf"] = render_pdf(instance, profile, calendar, report, charts, lang,
                                     extra.pdf_sections if extra else None)
    files.update(body_pdfs(instance, profile, calendar, lang, draft))
    if extra is not None:
        files["changes.pdf"] = extra.pdf
    files.update({f"ics/{name}": content
                  for name, content in ics_files(instance, calendar, lang, draft).items()})
    paths = {name: inside(out, name) for name in files}
    written = []
    for name, content in files.items():
        write_atomic(paths[name], content)
        written.append(paths[name])
    prune_ics(out, set(written))
    for path in (out / "pdf").glob("*.pdf"):  # a body without meetings now: its old PDF goes
        if path not in set(written) and path.is_file() and not path.is_symlink():
            path.unlink()
    return written


def inside(out: Path, name: str) -> Path:
    """``out / name``, refused (InputError) when it would resolve outside ``out``."""
    path = out / name
    if not path.resolve().is_relative_to(out.resolve()):
        raise InputError(f"{path}: a file name made from the calendar's data leads outside "
                         f"--out {out}; nothing was written")
    return path


def prune_ics(out: Path, keep: set[Path]) -> None:
    """Remove the .ics files of an earlier run (``ics/``, ``ics/officials/``,
    ``ics/regions/``) that are not in ``keep``."""
    for folder in (out / "ics", out / "ics" / "officials", out / "ics" / "regions"):
        for path in folder.glob("*.ics"):
            if path not in keep and path.is_file() and not path.is_symlink():
                path.unlink()
