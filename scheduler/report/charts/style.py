"""Shared look of the charts: a fresh axes of a given size, week ticks, the marker styles."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from scheduler.instance import Instance  # noqa: E402
from scheduler.meetings import Meeting, MeetingKind  # noqa: E402

FONT = "DejaVu Sans"  # ships with matplotlib; has Cyrillic and the Kazakh letters
MONTHS = {
    "ru": ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
    "kk": ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

# (colour, marker, edge colour) per kind of meeting; also the legend of the Gantt chart
STYLE_PLANNED = ("#1f4e79", "o", "#1f4e79")
STYLE_SUBST = ("#5b9bd5", "^", "#1f4e79")
STYLE_OOS = ("#e46c0a", "D", "#7f3300")
STYLE_OOS_SUBST = ("#9e48c4", "D", "#e46c0a")


def meeting_style(m: Meeting) -> tuple[str, str, str]:
    oos = m.kind is MeetingKind.out_of_schedule
    if oos and m.substituted:
        return STYLE_OOS_SUBST
    if oos:
        return STYLE_OOS
    if m.substituted:
        return STYLE_SUBST
    return STYLE_PLANNED


def new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    plt.rcParams["font.family"] = FONT
    fig, ax = plt.subplots(figsize=(width, height), dpi=110)
    return ax


def week_label(monday: dt.date, lang: str) -> str:
    return f"{monday.day} {MONTHS[lang][monday.month - 1]}"


def week_ticks(ax: Axes, weeks: list[dt.date], lang: str, axis: str = "x", every: int = 2) -> None:
    ticks = list(range(0, len(weeks), every))
    labels = [week_label(weeks[i], lang) for i in ticks]
    if axis == "x":
        ax.set_xticks(ticks)
        ax.set_xticklabels(labels, rotation=90, fontsize=7)
    else:
        ax.set_yticks(ticks)
        ax.set_yticklabels(labels, fontsize=7)


def month_lines(ax: Axes, inst: Instance, weeks: list[dt.date]) -> None:
    """Light vertical lines at the week where each month starts."""
    first = weeks[0]
    for month in range(inst.horizon.start.month, inst.horizon.end.month + 1):
        day = dt.date(inst.horizon.year, month, 1)
        ax.axvline((day - first).days / 7 - 0.5, color="#999999", lw=0.6, ls=":", zorder=0)
