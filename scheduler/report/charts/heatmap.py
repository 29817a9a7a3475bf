"""Heat map: regions x ISO weeks, the number of meetings (all kinds) in each cell."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.report import common as c
from scheduler.report.charts import style


def plot_heatmap(instance: Instance, calendar: Calendar, ax: Axes | None = None,
                 lang: str = "ru") -> Axes:
    """Regions (rows) x weeks (columns), coloured and labelled by the number of meetings."""
    c.check_lang(lang)
    weeks = c.horizon_weeks(instance)
    regions = list(instance.regions)
    ax = style.new_axes(ax, 11.5, 0.3 * len(regions) + 1.8)
    grid = np.zeros((len(regions), len(weeks)), dtype=int)
    row = {r.id: i for i, r in enumerate(regions)}
    for m in calendar.meetings:
        w = c.week_index(instance, m.date)
        if m.region_id in row and 0 <= w < len(weeks):
            grid[row[m.region_id], w] += 1
    top = max(int(grid.max()), 1)
    cmap = style.plt.get_cmap("YlOrRd").with_extremes(under="white")
    image = ax.imshow(grid, aspect="auto", cmap=cmap, vmin=0.5, vmax=max(top, 3),
                      interpolation="nearest")
    for (i, j), n in np.ndenumerate(grid):
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=6.5,
                    color="white" if n >= max(top, 3) * 0.6 else "black")
    ax.set_yticks(range(len(regions)))
    ax.set_yticklabels([c.region_name(instance, r.id, lang) for r in regions], fontsize=7.5)
    style.week_ticks(ax, weeks, lang)
    ax.set_xticks([i - 0.5 for i in range(len(weeks) + 1)], minor=True)
    ax.set_yticks([i - 0.5 for i in range(len(regions) + 1)], minor=True)
    ax.grid(which="minor", color="#e6e6e6", lw=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel(c.tr("week_monday", lang), fontsize=8)
    ax.set_title(c.tr("chart_heatmap", lang), fontsize=11, loc="left")
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.025, pad=0.01)
    bar.set_label(c.tr("n_meetings", lang), fontsize=8)
    bar.ax.tick_params(labelsize=7)
    bar.set_ticks(range(1, max(top, 3) + 1))
    if not calendar.meetings:
        ax.text(0.5, 0.5, c.tr("no_meetings", lang), transform=ax.transAxes, ha="center",
                va="center", fontsize=14, color="#888888")
    ax.figure.tight_layout()
    return ax
