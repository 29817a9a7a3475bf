"""Map of Kazakhstan's regions: shaded by topical-issue coverage, circles sized by meetings.

The borders are the 17 regions and 3 cities of republican significance as they are since
June 2022, from ``data/kz-regions-2024.geojson`` (source, licence and derivation in
``data/README.md``); a region of an instance that the file does not know is drawn as its
centre's circle only.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

from scheduler.instance import Instance
from scheduler.meetings import Calendar
from scheduler.report import common as c
from scheduler.report.charts import style
from scheduler.summary import summarise

NO_ISSUES = "#bfbfbf"
BORDERS = Path(__file__).with_name("data") / "kz-regions-2024.geojson"
COUNTRY = "KZ"  # the feature holding the country's outline
# the licence (CC BY 4.0) asks for the source to be named where the map is shown
CREDIT = {"ru": "Границы: geokz (А. Родионов), CC BY 4.0, по OCHA COD-AB; упрощены",
          "kk": "Шекаралар: geokz (А. Родионов), CC BY 4.0, OCHA COD-AB негізінде; жеңілдетілген",
          "en": "Borders: geokz (A. Rodionov), CC BY 4.0, after OCHA COD-AB; simplified"}


@functools.cache
def borders() -> dict[str, list[list[list[tuple[float, float]]]]]:
    """Region id (and ``KZ`` for the country) -> polygons, each a list of rings (lon, lat)."""
    data = json.loads(BORDERS.read_text(encoding="utf-8"))
    out = {}
    for feature in data["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        out[feature["properties"]["id"]] = [[[tuple(pt) for pt in ring] for ring in polygon]
                                            for polygon in polygons]
    return out


def _patch(polygons, **style) -> PathPatch:
    """One patch of several polygons with holes (each ring closed; holes cut by even-odd)."""
    vertices, codes = [], []
    for polygon in polygons:
        for ring in polygon:
            vertices.extend(ring)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2)
                         + [MplPath.CLOSEPOLY])
    return PathPatch(MplPath(vertices, codes), **style)


def drawn_regions(ax: Axes) -> set[str]:
    """The ids of the regions whose borders ``plot_map`` drew on ``ax``."""
    return {p.get_gid() for p in ax.patches if p.get_gid() and p.get_gid() != COUNTRY}


def _size(n: int) -> float:
    """Marker area (points^2) for n meetings."""
    return 30 + 55 * n


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _place_labels(ax: Axes, points: list[tuple[float, float, float, str]]) -> None:
    """Put each label next to its circle where it overlaps no other label or circle.

    ``points`` holds (x, y, marker area, text). Tries eight directions at growing
    distances and keeps the first free spot (or the least crowded one); a far label
    gets a thin leader line.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    px_per_pt = fig.dpi / 72
    circles = []
    for x, y, area, _ in points:
        cx, cy = to_px((x, y))
        r = (math.sqrt(area) / 2 + 5) * px_per_pt  # keep labels clear of other circles
        circles.append(Bbox([[cx - r, cy - r], [cx + r, cy + r]]))
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    directions = [(1, 0, "left", "center"), (-1, 0, "right", "center"),
                  (0, 1, "center", "bottom"), (0, -1, "center", "top"),
                  (0.8, 0.8, "left", "bottom"), (-0.8, 0.8, "right", "bottom"),
                  (0.8, -0.8, "left", "top"), (-0.8, -0.8, "right", "top")]
    # crowded points first: they have the fewest free spots
    order = sorted(range(len(points)), key=lambda i: -sum(
        1 for j in range(len(points)) if j != i and
        math.dist(to_px(points[i][:2]), to_px(points[j][:2])) < 120))
    for i in order:
        x, y, area, text = points[i]
        base = math.sqrt(area) / 2 + 3
        best = None
        for step, dist in enumerate((base, base + 10, base + 22, base + 36)):
            for dx, dy, ha, va in directions:
                label = ax.annotate(text, (x, y), xytext=(dx * dist, dy * dist),
                                    textcoords="offset points", ha=ha, va=va, fontsize=7.5,
                                    zorder=5)
                box = label.get_window_extent(renderer).padded(2)
                crowd = sum(_overlap(box, b) for b in placed)
                crowd += sum(_overlap(box, b) for j, b in enumerate(circles) if j != i)
                outside = box.x0 < frame.x0 or box.x1 > frame.x1 or \
                    box.y0 < frame.y0 or box.y1 > frame.y1
                score = crowd + (1e6 if outside else 0) + step * 0.5
                label.remove()
                if best is None or score < best[0]:
                    best = (score, dx * dist, dy * dist, ha, va, box, step)
            if best is not None and best[0] <= step * 0.5:
                break
        _, ox, oy, ha, va, box, step = best
        far = step >= 1 or (ox and oy)  # away from the circle or diagonal: draw a leader
        arrow = {"arrowstyle": "-", "color": "#777777", "lw": 0.5, "shrinkA": 0,
                 "shrinkB": math.sqrt(area) / 2} if far else None
        ax.annotate(text, (x, y), xytext=(ox, oy), textcoords="offset points", ha=ha, va=va,
                    fontsize=7.5, zorder=5, arrowprops=arrow,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.7})
        placed.append(box)


def plot_map(instance: Instance, calendar: Calendar, ax: Axes | None = None,
             lang: str = "ru") -> Axes:
    """Kazakhstan's regions, each shaded by the share of its topical-issue weight met
    (red 0 % to green 100 %, grey when the region listed no issues), with a circle at its
    centre whose area grows with the number of meetings held there (all kinds), in the
    same colour. Labels: region name and meetings. Longitude x latitude, no basemap.
    """
    c.check_lang(lang)
    shapes = borders()
    known = [r for r in instance.regions if r.id in shapes]
    ax = style.new_axes(ax, 11, 6.4 if known else 7.2)
    summary = summarise(instance, None, calendar)
    counts = {r: tally.meetings for r, tally in summary.per_region.items()}
    cover = summary.coverage()
    cmap = style.plt.get_cmap("RdYlGn")

    def colour(region_id: str):
        done, total = cover[region_id]
        return cmap(done / total) if total else NO_ISSUES

    lons = [r.centre.lon for r in instance.regions]
    lats = [r.centre.lat for r in instance.regions]
    if known:  # the whole country in view, whatever regions the instance has
        for polygon in shapes[COUNTRY]:
            lons += [x for x, _ in polygon[0]]
            lats += [y for _, y in polygon[0]]
        for r in known:
            ax.add_patch(_patch(shapes[r.id], facecolor=colour(r.id), alpha=0.7,
                                edgecolor="#ffffff", linewidth=0.8, zorder=1, gid=r.id))
        ax.add_patch(_patch(shapes[COUNTRY], facecolor="none", edgecolor="#404040",
                            linewidth=1.1, zorder=2, gid=COUNTRY))
    pad_x = max(0.6 if known else 2.5, (max(lons) - min(lons)) * (0.02 if known else 0.12))
    pad_y = max(0.4 if known else 1.5, (max(lats) - min(lats)) * (0.02 if known else 0.12))
    ax.set_xlim(min(lons) - pad_x, max(lons) + (1.0 if known else 1.6) * pad_x)
    ax.set_ylim(min(lats) - pad_y, max(lats) + pad_y)
    mean_lat = (min(lats) + max(lats)) / 2
    ax.set_aspect(1 / math.cos(math.radians(mean_lat)))
    points = []
    for r in instance.regions:
        n = counts.get(r.id, 0)
        ax.scatter([r.centre.lon], [r.centre.lat], s=_size(n), color=colour(r.id),
                   edgecolors="#333333", linewidths=0.7, alpha=0.95, zorder=3)
        points.append((r.centre.lon, r.centre.lat, _size(n),
                       f"{c.short_region_name(instance, r.id, lang)} ({n})"))
    if known:
        ax.set_axis_off()
        ax.figure.text(0.995, 0.005, CREDIT[lang], ha="right", va="bottom", fontsize=6,
                       color="#666666")
    else:
        ax.grid(color="#eeeeee", lw=0.5)
        ax.set_axisbelow(True)
        ax.tick_params(labelsize=7)
        ax.set_xlabel(c.tr("longitude", lang), fontsize=8)
        ax.set_ylabel(c.tr("latitude", lang), fontsize=8)
    ax.set_title(c.tr("chart_map", lang), fontsize=11, loc="left")
    mappable = style.plt.cm.ScalarMappable(cmap=cmap, norm=style.plt.Normalize(0, 100))
    bar = ax.figure.colorbar(mappable, ax=ax, fraction=0.025, pad=0.01)
    bar.set_label(f"{c.tr('coverage', lang)}, %", fontsize=8)
    bar.ax.tick_params(labelsize=7)
    top = max(counts.values(), default=0)
    sizes = sorted({1, max(1, top // 2), max(1, top)})
    handles = [ax.scatter([], [], s=_size(n), color="white", edgecolors="#333333", linewidths=0.7,
                          label=str(n)) for n in sizes]
    ax.legend(handles=handles, title=c.tr("n_meetings", lang), loc="lower left", fontsize=7.5,
              title_fontsize=7.5, labelspacing=1.2, borderpad=0.9, framealpha=0.9, ncol=len(sizes),
              columnspacing=1.5)
    ax.figure.tight_layout()
    _place_labels(ax, points)
    return ax
