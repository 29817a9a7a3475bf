"""Bar chart: the share of each region's topical-issue weight met by the calendar."""

from __future__ import annotations

from matplotlib.axes import Axes

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.report import common as c
from scheduler.report.charts import style
from scheduler.summary import summarise


def plot_coverage(instance: Instance, calendar: Calendar, ax: Axes | None = None,
                  lang: str = "ru") -> Axes:
    """One horizontal bar per region: weight of its issues met / its total weight, in %.

    An issue of (region, body) is met when the calendar has a meeting of that body in
    that region (REGION-ISSUES). Regions are sorted from the best covered down.
    """
    c.check_lang(lang)
    cover = summarise(instance, None, calendar).coverage()
    regions = sorted(instance.regions,
                     key=lambda r: (-(cover[r.id][0] / cover[r.id][1]) if cover[r.id][1] else 1,
                                    r.name.get(lang)))
    ax = style.new_axes(ax, 8.5, 0.3 * len(regions) + 1.6)
    shares = [100 * cover[r.id][0] / cover[r.id][1] if cover[r.id][1] else 0 for r in regions]
    cmap = style.plt.get_cmap("RdYlGn")
    ax.barh(range(len(regions)), shares, color=[cmap(s / 100) for s in shares],
            edgecolor="#555555", linewidth=0.5)
    for i, (r, share) in enumerate(zip(regions, shares)):
        done, total = cover[r.id]
        text = f"{share:.0f} %  ({done} / {total})" if total else c.tr("no_issues", lang)
        ax.text(min(share, 100) + 1, i, text, va="center", fontsize=7)
    ax.set_yticks(range(len(regions)))
    ax.set_yticklabels([c.region_name(instance, r.id, lang) for r in regions], fontsize=7.5)
    ax.set_ylim(len(regions) - 0.5, -0.5)
    ax.set_xlim(0, 120)
    ax.set_xticks(range(0, 101, 20))
    ax.tick_params(axis="x", labelsize=7.5)
    ax.grid(axis="x", color="#e3e3e3", lw=0.5)
    ax.set_axisbelow(True)
    ax.set_xlabel(c.tr("share_pct", lang), fontsize=8)
    ax.set_title(c.tr("chart_coverage", lang), fontsize=11, loc="left")
    ax.figure.tight_layout()
    return ax
