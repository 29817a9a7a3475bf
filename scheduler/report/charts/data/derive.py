"""Re-derive kz-regions-2024.geojson from the geokz shapefile (see README.md beside this file).

Not part of the package at run time: needs pyshp and shapely, e.g.

    python -m venv /tmp/geo && /tmp/geo/bin/pip install pyshp shapely
    /tmp/geo/bin/python scheduler/report/charts/data/derive.py SRC/kaz_admbnda_adm1_2024

Steps: read the 20 first-level units; node their boundaries together and give every face
back to the unit that contains it (the source's neighbours do not share identical vertices,
so the units are not a clean coverage until then); simplify the coverage as a whole
(shared borders stay shared, no gaps or slivers); drop islands under 3 km²; round to
0.001° (about 100 m); write one feature per unit keyed by the project's region id, and the
country's outline as the union of the units.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import shapefile
import shapely
from shapely.geometry import mapping, shape
from shapely.strtree import STRtree

TOLERANCE = 0.02  # degrees, about 2 km: half a pixel on the report's map
MIN_PART = 0.0003  # degrees², about 3 km² at 48° N: Caspian islets and slivers
# KATO oblast code (first two digits) -> the project's region id
REGION_IDS = {
    "10": "abai", "11": "akmola", "15": "aktobe", "19": "almaty-region", "23": "atyrau",
    "27": "west-kazakhstan", "31": "jambyl", "33": "jetisu", "35": "karaganda",
    "39": "kostanay", "43": "kyzylorda", "47": "mangystau", "55": "pavlodar",
    "59": "north-kazakhstan", "61": "turkistan", "62": "ulytau", "63": "east-kazakhstan",
    "71": "astana", "75": "almaty-city", "79": "shymkent",
}


def _round(geom):
    return shapely.transform(geom, lambda xy: np.round(xy, 3))


def _drop_small(geom, keep_all: bool):
    parts = list(getattr(geom, "geoms", [geom]))
    if not keep_all:
        parts = [p for p in parts if p.area >= MIN_PART] or [max(parts, key=lambda p: p.area)]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]


def main(src: str, out: str) -> None:
    reader = shapefile.Reader(src, encoding="utf-8")
    records = reader.shapeRecords()
    units = [shape(r.shape.__geo_interface__) for r in records]
    lines = shapely.union_all([u.boundary for u in units])
    faces = shapely.polygonize(list(getattr(lines, "geoms", [lines]))).geoms
    tree = STRtree(units)
    pieces: list[list] = [[] for _ in units]
    for face in faces:
        hit = tree.query(face.representative_point(), predicate="within")
        if len(hit):
            pieces[hit[0]].append(face)
    clean = [shapely.union_all(p) for p in pieces]
    assert shapely.coverage_is_valid(clean), "noded units still overlap or leave gaps"
    simple = shapely.coverage_simplify(clean, TOLERANCE)
    features = []
    for rec, geom in zip(records, simple):
        kato = rec.record["KATO"][:2]
        city = kato in ("71", "75", "79")
        geom = _round(_drop_small(geom, keep_all=city))
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        features.append({"type": "Feature",
                         "properties": {"id": REGION_IDS[kato], "kato": kato,
                                        "name": rec.record["ADM1_EN"]},
                         "geometry": mapping(geom)})
    outline = _round(shapely.union_all([shape(f["geometry"]) for f in features]).buffer(0))
    outline = _drop_small(outline, keep_all=False)
    features.append({"type": "Feature", "properties": {"id": "KZ", "kato": "00",
                                                       "name": "Kazakhstan"},
                     "geometry": mapping(outline)})
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"))
    Path(out).write_text(text + "\n", encoding="utf-8")
    print(f"{out}: {len(features) - 1} regions, {len(text) // 1024} KB")


if __name__ == "__main__":
    here = Path(__file__).with_name("kz-regions-2024.geojson")
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else str(here))
