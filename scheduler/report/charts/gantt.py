"""Gantt-style grid: ministers x ISO weeks, one mark per meeting on its day of the week."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.report import common as c
from scheduler.report.charts import style


def plot_gantt(instance: Instance, calendar: Calendar, ax: Axes | None = None,
               lang: str = "ru") -> Axes:
    """Ministers (rows) x weeks of the horizon (columns); a mark per meeting.

    The mark sits on the duty holder's row at the meeting's day within its week: a dark
    circle for a planned meeting the minister presents himself, a light triangle when a
    deputy presents (SUBST-DEPUTY), an orange diamond for an out-of-schedule meeting
    (URGENT-TENSION), violet when both.
    """
    c.check_lang(lang)
    weeks = c.horizon_weeks(instance)
    heads = c.ministers(instance)
    with_meetings = {m.official_id for m in calendar.meetings}
    rows = [o for o in heads if o.id in with_meetings] or heads
    ax = style.new_axes(ax, 11.5, 0.3 * len(rows) + 2.2)
    index = {o.id: i for i, o in enumerate(rows)}
    for m in calendar.meetings:
        if m.official_id not in index:
            continue
        x = c.week_index(instance, m.date) - 0.5 + (m.date.weekday() + 0.5) / 7
        colour, marker, edge = style.meeting_style(m)
        ax.scatter([x], [index[m.official_id]], s=42, c=colour, marker=marker,
                   edgecolors=edge, linewidths=1.0, zorder=3)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-0.5, len(weeks) - 0.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([c.official_title(instance, o.id, lang) for o in rows], fontsize=7.5)
    style.week_ticks(ax, weeks, lang)
    ax.set_xticks([i - 0.5 for i in range(len(weeks) + 1)], minor=True)
    ax.set_yticks([i - 0.5 for i in range(len(rows) + 1)], minor=True)
    ax.grid(which="minor", color="#e3e3e3", lw=0.5)
    ax.tick_params(which="minor", length=0)
    style.month_lines(ax, instance, weeks)
    ax.set_xlabel(c.tr("week_monday", lang), fontsize=8)
    ax.set_title(c.tr("chart_gantt", lang), fontsize=11, loc="left")
    handles = [Line2D([], [], ls="", marker=m, markersize=7, markerfacecolor=col,
                      markeredgecolor=edge, label=c.tr(key, lang))
               for (col, m, edge), key in ((style.STYLE_PLANNED, "legend_planned"),
                                           (style.STYLE_SUBST, "legend_subst"),
                                           (style.STYLE_OOS, "legend_oos"),
                                           (style.STYLE_OOS_SUBST, "legend_both"))]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2,
              fontsize=7.5, frameon=False)
    if not calendar.meetings:
        ax.text(0.5, 0.5, c.tr("no_meetings", lang), transform=ax.transAxes, ha="center",
                va="center", fontsize=14, color="#888888")
    ax.figure.tight_layout()
    return ax
