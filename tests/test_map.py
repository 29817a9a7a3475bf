"""The map chart (issue 13, item 6): Kazakhstan's 20 units since June 2022, from the
committed boundary file, every region of the instance drawn and shaded."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402

from scheduler.io import load_calendar, load_instance  # noqa: E402
from scheduler.report.charts import plot_map  # noqa: E402
from scheduler.report.charts.regionmap import BORDERS, COUNTRY, borders, drawn_regions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def approved():
    return (load_instance(ROOT / "instances" / "kz-2027-h1.json"),
            load_calendar(ROOT / "instances" / "kz-2027-h1-approved.json"))


def _inside(polygons, lon: float, lat: float) -> bool:
    """Inside one polygon's outer ring and outside its holes."""
    for rings in polygons:
        if MplPath(rings[0]).contains_point((lon, lat)) and \
                not any(MplPath(h).contains_point((lon, lat)) for h in rings[1:]):
            return True
    return False


def test_boundary_file_is_small_and_holds_the_2022_units():
    assert BORDERS.stat().st_size < 300_000
    data = json.loads(BORDERS.read_text(encoding="utf-8"))
    ids = {f["properties"]["id"] for f in data["features"]}
    assert len(ids) == 21 and COUNTRY in ids  # 17 regions, 3 cities, the outline
    assert {"abai", "jetisu", "ulytau", "shymkent"} <= ids  # the 2018 and 2022 units
    assert (BORDERS.parent / "README.md").is_file()


def test_every_centre_lies_in_its_own_region(approved):
    instance, _ = approved
    shapes = borders()
    for region in instance.regions:
        lon, lat = region.centre.lon, region.centre.lat
        assert _inside(shapes[region.id], lon, lat), region.id
        others = [rid for rid in shapes if rid not in (region.id, COUNTRY)
                  and _inside(shapes[rid], lon, lat)]
        assert not others, (region.id, others)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_map_draws_and_shades_every_region_of_the_instance(approved, lang):
    instance, calendar = approved
    ax = plot_map(instance, calendar, lang=lang)
    try:
        assert drawn_regions(ax) == {r.id for r in instance.regions}
        assert any(p.get_gid() == COUNTRY for p in ax.patches)
        fills = {p.get_gid(): p.get_facecolor() for p in ax.patches if p.get_gid() != COUNTRY}
        assert len({tuple(round(x, 3) for x in c) for c in fills.values()}) > 3  # shaded
        labels = [t.get_text() for t in ax.texts]
        for region in instance.regions:
            n = sum(m.region_id == region.id for m in calendar.meetings)
            assert any(label.endswith(f"({n})") for label in labels)
        credit = " ".join(t.get_text() for t in ax.figure.texts)
        assert "CC BY 4.0" in credit
    finally:
        plt.close(ax.figure)


def test_region_unknown_to_the_file_is_a_circle_only(approved):
    instance, calendar = approved
    regions = list(instance.regions)
    baikonur = regions[0].model_copy(update={"id": "baikonur"})
    other = instance.model_copy(update={"regions": [baikonur, *regions[1:]]})
    empty = calendar.model_copy(update={"meetings": ()})
    ax = plot_map(other, empty)
    try:
        assert drawn_regions(ax) == {r.id for r in regions[1:]}
        assert len(ax.texts) == len(regions)  # still labelled
        assert to_rgba(ax.patches[0].get_facecolor())  # drawn
    finally:
        plt.close(ax.figure)
