"""Generate the benchmark instance families under ``benchmarks/instances/<family>/``.

    .venv/bin/python benchmarks/generate.py [--out benchmarks/instances]

Seeded and deterministic (same seed, same bytes): the files are the reference, this
script says how they were made. Regions, ministries, regional akimats and the topical
issues' texts come from the real instance ``instances/kz-2027-h1.json``; district and
rural akimats are numbered positions ("Akim of district 3 of Kostanay region"), never
persons. District counts per region follow ``shared/kz-facts.md`` (table 1, sections 6
and 7): 188 districts (170 of oblasts, 18 city districts) and 38 cities of regional
significance, each with its akim, and 2,169 rural okrugs, each with its rural akim; the
names are numbered stand-ins marked ``generated``. The all-levels families carry the
2026-H2 district visits of the regional akims (``visit_history``, AKIM-ROTATION).

Families: ``real`` (kz-2027-h1, its approved calendar and two quarterly change sets for
the re-plan benchmark in ``real/changes/``), ``national`` (ministers and regional akims,
seeds 1..10), ``region-all-levels`` (one region's akims of every level),
``national-all-levels`` (every akim plus the ministers), ``scale`` (50, 200, 1,000 and
2,500 officials: first heads with a meeting duty) and ``ladder`` (issue 16's scale ladder).

``ladder``: the ``scale`` family's extra officials are district and rural akims who share
nothing with anyone, so the planner places them outside the model and its CP-SAT part is
the same at every size. The ladder grows what interacts instead: rung ``n`` holds every
minister (with deputies, absences and alerts, as in the nation) and the first ``n`` regions
of the national all-levels instance (Astana, the ministers' base, first; then a seeded
order) with everything they hold there: the regional, district and rural akims, the
districts the regional akim owes a visit (AKIM-ROTATION, against his 2026-H2 visits), the
topical issues, blocked and preferred dates. Under ``kz-2024`` what ties them is a shared
region or district: ministers share a host region's day (CAP-REGION) with each other and
with its akim (AKIM-SUPPORT), the regional akim's district visits share the district's day
(AKIM-SPREAD) with the district and rural akims' meetings, and each region brings 1-3
seeded EXTRA-DEMAND alerts (the population asks a district-level akim, sometimes also one
of his rural akims and the regional akim, for a meeting out of schedule): an akim an alert
calls stays in the model with his whole duty (ATTEND-DISTRICT, which would tie every
district akim, is off in ``kz-2024``). So the officials kept in the model grow with the
rung (18 at one region, 82 at the nation, 148 at twice the nation), and so do the
meeting candidates (3.6k to 194k). Rung 20 is the nation (2,461 officials); beyond it the
first ``n - 20`` regions come again as generated copies with ids of their own
(``kostanay-x2``, ``akim-kostanay-x2-d03``), names and titles marked "generated copy 2",
the same centre (so a region and its copy are 0 km apart) and the same districts, okrugs,
issues, dates, alerts and history; rung 40 is twice the nation (4,874 officials). Rungs of
up to ``LADDER_WRITTEN`` regions are files here; the larger (1.2 to 5.7 MB each) are made in
memory by ``ladder_rungs`` (``benchmarks/ladder.py`` does), byte for byte the same each time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

from scheduler.changes import ChangeSet
from scheduler.instance import Instance
from scheduler.slots import public_holidays

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "instances" / "kz-2027-h1.json"
OUT = ROOT / "benchmarks" / "instances"
EXEMPT = {"internal-affairs", "foreign-affairs", "defence", "emergency-situations", "justice"}
FIRST, LAST = dt.date(2027, 1, 14), dt.date(2027, 6, 30)  # planned meetings (TIME-LEAD)

# District-level units per region (districts + cities of regional significance, or city
# districts of the three cities), kz-facts.md table 1; the city districts have no rural akims.
DISTRICTS = {
    "astana": (0, 5), "almaty-city": (0, 8), "shymkent": (0, 5), "abai": (10, 2),
    "akmola": (17, 2), "aktobe": (12, 1), "almaty-region": (9, 1), "atyrau": (7, 1),
    "east-kazakhstan": (10, 2), "jetisu": (8, 2), "jambyl": (10, 1), "west-kazakhstan": (12, 1),
    "karaganda": (7, 6), "kostanay": (16, 4), "kyzylorda": (7, 1), "mangystau": (5, 2),
    "pavlodar": (10, 3), "north-kazakhstan": (13, 1), "turkistan": (15, 3), "ulytau": (2, 3),
}  # region: (rural districts, cities or city districts)
CITIES = {"astana", "almaty-city", "shymkent"}


def _real() -> dict:
    return json.loads(REAL.read_text(encoding="utf-8"))


def _day(rng: random.Random, first: dt.date = FIRST, last: dt.date = LAST) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _names(en: str, ru: str, kk: str) -> dict:
    return {"kk": kk, "ru": ru, "en": en}


# --------------------------------------------------------------------------- districts
RURAL_OKRUGS = 2169  # rural okrugs on 1 January 2024 (BNS, kz-facts.md section 7)
HISTORY = {"year": 2026, "half": 2}  # the half-year before the instances' 2027-H1


def okrug_counts() -> dict[str, int]:
    """Rural okrugs per district of an oblast: 2,169 shared over the 170 districts in
    proportion to seeded weights (largest remainders), so the national total is exact."""
    rng = random.Random(2024)
    ids = [f"{rid}-d{n:02d}" for rid, (rural, _) in DISTRICTS.items() for n in range(1, rural + 1)]
    weights = {d: rng.randint(8, 18) for d in ids}
    total = sum(weights.values())
    quota = {d: RURAL_OKRUGS * w / total for d, w in weights.items()}
    counts = {d: int(q) for d, q in quota.items()}
    for d in sorted(ids, key=lambda d: (counts[d] - quota[d], d))[:RURAL_OKRUGS - sum(counts.values())]:
        counts[d] += 1
    return counts


def districts(real: dict) -> dict[str, list[dict]]:
    """Every region's district-level units, as Region.districts rows: the districts of an
    oblast (``district``, with their rural okrugs), its cities of regional significance
    (``city``) and the city districts of the three cities (``city_district``): 170 + 18 =
    188 districts and 2,169 rural okrugs (kz-facts.md). The names are numbered stand-ins,
    marked ``generated``."""
    okrugs = okrug_counts()
    out = {}
    for region in real["regions"]:
        rid, name = region["id"], region["name"]
        rural, urban = DISTRICTS[rid]
        rows = []
        for n in range(1, rural + urban + 1):
            city = rid in CITIES or n > rural
            kind = "city_district" if rid in CITIES else "city" if city else "district"
            en, ru, kk = (("City district", "Район города", "қаласының ауданы") if rid in CITIES
                          else ("City", "Город областного значения", "облыстық маңызы бар қаласы")
                          if city else ("District", "Район", "ауданы"))
            did = f"{rid}-d{n:02d}"
            names = _names(f"{en} {n} of {name['en']}", f"{ru} {n} ({name['ru']})",
                           f"{name['kk']} {n}-{kk}")
            rows.append({"id": did, "rural": not city, "name": names, "kind": kind,
                         "generated": True, "okrugs": [
                             {"id": f"{did}-r{k:02d}", "generated": True, "name": _names(
                                 f"Rural okrug {k} of {names['en']}",
                                 f"Сельский округ {k} ({names['ru']})",
                                 f"{names['kk']} {k}-ауылдық округі")}
                             for k in range(1, okrugs.get(did, 0) + 1)]})
        out[rid] = rows
    return out


def _akim(body_id: str, region_id: str, level: str, district: str, title_en: str,
          title_ru: str, title_kk: str, okrug: str | None = None) -> tuple[dict, dict]:
    body = {"id": body_id, "kind": "akimat", "region_id": region_id,
            "name": _names(f"Akimat of {title_en}", f"Акимат: {title_ru}", f"{title_kk} әкімдігі")}
    official = {"id": f"akim-{body_id.removeprefix('akimat-')}", "body_id": body_id,
                "role": "first_head", "akim_level": level, "district_id": district,
                "okrug_id": okrug, "base_region_id": region_id,
                "title": _names(f"Akim of {title_en}", f"Аким: {title_ru}", f"{title_kk} әкімі")}
    return body, official


def lower_akims(real: dict, rng: random.Random, regions: list[str]
                ) -> tuple[list[dict], list[dict], list[dict]]:
    """District-level akims first, then rural akims (district by district, one per rural
    okrug), of the regions."""
    units = districts(real)
    district_rows, rural_rows = [], []
    for rid in regions:
        for d in units[rid]:
            name = d["name"]
            district_rows.append(_akim(f"akimat-{d['id']}", rid, "district", d["id"],
                                       name["en"], name["ru"], name["kk"]))
            for okrug in d["okrugs"]:
                rural_rows.append(_akim(f"akimat-{okrug['id']}", rid, "rural", d["id"],
                                        okrug["name"]["en"].replace("Rural okrug", "rural okrug"),
                                        okrug["name"]["ru"].replace("Сельский", "сельский"),
                                        okrug["name"]["kk"], okrug=okrug["id"]))
    return district_rows, rural_rows, [units[r] for r in regions]


def visit_history(rng: random.Random, officials: list[dict], units: dict[str, list[dict]]
                  ) -> dict:
    """2026-H2 visits of the region-level akims: about half of the districts (and city
    districts) of each region, every other one from a seeded offset, on seeded dates; so
    2027-H1 owes the other half (AKIM-ROTATION)."""
    visits = []
    for o in officials:
        if o.get("akim_level") != "region":
            continue
        owed = [d for d in units.get(o["base_region_id"], [])
                if d["kind"] in ("district", "city_district")]
        offset = rng.randint(0, 1)
        for d in owed[offset::2]:
            day = _day(rng, dt.date(2026, 7, 20), dt.date(2026, 12, 20))
            visits.append({"official_id": o["id"], "district_id": d["id"], "date": str(day)})
    return {"horizon": HISTORY, "visits": sorted(visits, key=lambda v: (v["date"], v["official_id"]))}


# --------------------------------------------------------------------------- building blocks
def ministries(real: dict, exempt: bool) -> tuple[list[dict], list[dict]]:
    """Ministries with their minister and two deputies (the exempt five only if asked)."""
    keep = {b["id"] for b in real["bodies"] if b["kind"] == "ceb" and (exempt or b["id"] not in EXEMPT)}
    return ([b for b in real["bodies"] if b["id"] in keep],
            [o for o in real["officials"] if o["body_id"] in keep])


def regional_akims(real: dict, regions: set[str]) -> tuple[list[dict], list[dict]]:
    bodies = [b for b in real["bodies"] if b["kind"] == "akimat" and b["region_id"] in regions]
    ids = {b["id"] for b in bodies}
    return bodies, [o for o in real["officials"] if o["body_id"] in ids]


def issues(real: dict, rng: random.Random, bodies: list[dict], regions: list[str],
           per_region=(4, 9)) -> list[dict]:
    """Topical issues: the real texts, re-drawn to the bodies present, random weights."""
    ceb = [b["id"] for b in bodies if b["kind"] == "ceb" and b["id"] not in EXEMPT]
    texts = [i["text"] for i in real["issues"]]
    out = []
    for rid in regions:
        owners = rng.sample(ceb, min(len(ceb), rng.randint(*per_region))) if ceb else [f"akimat-{rid}"]
        for n, body in enumerate(owners, 1):
            out.append({"id": f"{rid}-{n}", "region_id": rid, "body_id": body,
                        "weight": rng.randint(1, 10), "text": rng.choice(texts)})
    return out


def absences(rng: random.Random, officials: list[dict], count: int) -> list[dict]:
    reasons = ["illness", "delegation", "delegation", "other", "illness"]
    people = [o["id"] for o in officials if o["base_region_id"] == "astana" and "akim" not in o["id"]]
    out = []
    for _ in range(count):
        start = _day(rng)
        end = min(LAST, start + dt.timedelta(days=rng.randint(2, 12)))
        reason = rng.choice(reasons)
        out.append({"official_id": rng.choice(people), "start": str(start), "end": str(end),
                    "reason": reason, "note": f"{reason} (generated)"})
    return sorted(out, key=lambda a: (a["start"], a["official_id"]))


def alerts(rng: random.Random, bodies: list[dict], regions: list[str], count: int) -> list[dict]:
    ceb = [b["id"] for b in bodies if b["kind"] == "ceb" and b["id"] not in EXEMPT]
    out = []
    for n in range(1, count + 1):
        region = rng.choice(regions)
        concerned = rng.sample(ceb, rng.randint(1, 2)) if ceb else []
        if rng.random() < 0.5 or not concerned:
            concerned.append(f"akimat-{region}")
        level = rng.choice(["arisen", "forecast"])
        out.append({"id": f"alert-{n}-{region}", "region_id": region, "body_ids": concerned,
                    "level": level, "date": str(_day(rng, dt.date(2027, 2, 1), dt.date(2027, 6, 10))),
                    "text": f"{level} risk of social tension (generated)"})
    return out


def region_dates(rng: random.Random, regions: list[str], blocked: int, preferred: int) -> list[dict]:
    seen, out = set(), []
    for kind, count in (("blocked", blocked), ("preferred", preferred)):
        while sum(1 for r in out if r["kind"] == kind) < count:
            key = (rng.choice(regions), _day(rng))
            if key not in seen:
                seen.add(key)
                out.append({"region_id": key[0], "date": str(key[1]), "kind": kind,
                            "note": f"{kind} by the akimat (generated)"})
    return sorted(out, key=lambda r: (r["date"], r["region_id"]))


def instance(name: str, real: dict, regions: list[dict], bodies: list[dict],
             officials: list[dict], **tables) -> dict:
    data = {"name": name, "horizon": real["horizon"], "approval_date": real["approval_date"],
            "regions": regions, "bodies": bodies, "officials": officials, **tables}
    Instance.model_validate(data)  # every file is a valid instance
    return data


def _regions_with_districts(real: dict, ids: list[str], units: dict[str, list[dict]]) -> list[dict]:
    out = []
    for region in real["regions"]:
        if region["id"] in ids:
            rows = [{k: v for k, v in d.items() if k != "rural"} for d in units.get(region["id"], [])]
            out.append({**region, "districts": rows} if rows else region)
    return out


# --------------------------------------------------------------------------- families
def national(real: dict, seed: int) -> dict:
    rng = random.Random(seed)
    region_ids = [r["id"] for r in real["regions"]]
    mb, mo = ministries(real, exempt=True)
    ab, ao = regional_akims(real, set(region_ids))
    bodies, officials = mb + ab, mo + ao
    return instance(f"national-{seed:02d}", real, real["regions"], bodies, officials,
                    issues=issues(real, rng, bodies, region_ids),
                    absences=absences(rng, officials, rng.randint(6, 16)),
                    alerts=alerts(rng, bodies, region_ids, rng.randint(1, 4)),
                    region_dates=region_dates(rng, region_ids, rng.randint(15, 45), rng.randint(15, 45)))


def all_levels(real: dict, seed: int, name: str, region_ids: list[str], heads: int | None,
               with_ministers: bool) -> dict:
    """Akims of every level of the regions (plus the 16 non-exempt ministers), cut to
    ``heads`` first heads if given (ministers, then regional, district, rural akims)."""
    rng = random.Random(seed)
    mb, mo = ministries(real, exempt=False) if with_ministers else ([], [])
    ab, ao = regional_akims(real, set(region_ids))
    district_rows, rural_rows, _ = lower_akims(real, rng, region_ids)
    rows = [*zip(ab, ao), *district_rows, *rural_rows]
    ministers = sum(1 for o in mo if o["role"] == "first_head")
    if heads is not None:
        rows = rows[:heads - ministers]
    bodies = mb + [b for b, _ in rows]
    officials = mo + [{k: v for k, v in o.items() if v is not None} for _, o in rows]
    units = districts(real)
    history = visit_history(random.Random(seed + 1000), officials, units)
    return instance(name, real, _regions_with_districts(real, region_ids, units), bodies, officials,
                    visit_history=history, issues=issues(real, rng, bodies, region_ids),
                    absences=absences(rng, officials, 8 if with_ministers else 0),
                    alerts=alerts(rng, bodies, region_ids, 2),
                    region_dates=region_dates(rng, region_ids, 30 if with_ministers else 5,
                                              30 if with_ministers else 5))


def changes(real: dict, approved: dict, seed: int, quarter: int, as_of: dt.date) -> dict:
    """A quarter's change set: moves, a cancellation, an added meeting, a block, absences,
    an alert; every request submitted before the DL-CHANGE deadline of its quarter."""
    rng = random.Random(seed)
    lead = as_of + dt.timedelta(days=31)
    end = dt.date(2027, 3 * quarter, 28)
    deadline = dt.date(2027, 3 * quarter, 1)
    movable = [m for m in approved["meetings"] if m["kind"] == "planned"
               and lead <= dt.date.fromisoformat(m["date"]) <= end and m["body_id"] not in EXEMPT
               and not m["body_id"].startswith("akimat")]
    picked = rng.sample(movable, 4)
    holidays = public_holidays(2027)

    def workable(first: dt.date, last: dt.date) -> dt.date:  # a move to a holiday cannot be met
        day = _day(rng, first, last)
        return day if day not in holidays else workable(first, last)

    submitted = str(min(as_of, deadline - dt.timedelta(days=1)))
    region_ids = [r["id"] for r in real["regions"]]
    requests = [
        {"id": f"R{quarter}-1", "body_id": picked[0]["body_id"], "submitted": submitted,
         "action": "move", "meeting_id": picked[0]["id"],
         "date": str(workable(lead, end)), "note": "the minister is needed elsewhere"},
        {"id": f"R{quarter}-2", "body_id": picked[1]["body_id"], "submitted": submitted,
         "action": "move", "meeting_id": picked[1]["id"], "region_id": rng.choice(region_ids),
         "note": "a more pressing issue in another region"},
        {"id": f"R{quarter}-3", "body_id": picked[2]["body_id"], "submitted": submitted,
         "action": "cancel", "meeting_id": picked[2]["id"], "note": "hall unavailable"},
        {"id": f"R{quarter}-4", "body_id": picked[3]["body_id"], "submitted": submitted,
         "action": "block", "dates": [str(workable(lead, end))], "note": "government session"},
    ]
    ministers = [o for o in real["officials"] if o["role"] == "first_head"
                 and o["body_id"] not in EXEMPT and not o["body_id"].startswith("akimat")]
    new_absences = []
    for reason in ("illness", "delegation"):
        start = _day(rng, lead, end)
        new_absences.append({"official_id": rng.choice(ministers)["id"], "start": str(start),
                             "end": str(start + dt.timedelta(days=rng.randint(2, 5))),
                             "reason": reason, "note": f"{reason} (generated)"})
    region = rng.choice(region_ids)
    alert = {"id": f"alert-q{quarter}-{region}", "region_id": region,
             "body_ids": [rng.choice(ministers)["body_id"]], "level": "arisen",
             "date": str(as_of + dt.timedelta(days=2)), "text": "arisen risk of tension (generated)"}
    data = {"note": f"Quarter {quarter} change set for kz-2027-h1-approved.json (generated, seed {seed})",
            "requests": requests, "absences": new_absences, "alerts": [alert], "extra_days_off": []}
    ChangeSet.model_validate(data)
    return data


# --------------------------------------------------------------------------- ladder
LADDER = (1, 2, 3, 5, 7, 10, 14, 20, 30, 40)  # regions per rung; beyond 20, generated copies
LADDER_WRITTEN = 5  # rungs of up to this many regions are files; larger ones are made in memory
LADDER_SEED = 16
COPY = "x2"  # a copy's ids: kostanay -> kostanay-x2, akim-kostanay-d03 -> akim-kostanay-x2-d03
_ID_KEYS = ("id", "region_id", "body_id", "official_id", "district_id", "okrug_id",
            "base_region_id", "deputy_of")


def ladder_order(nation: dict) -> list[str]:
    """The nation's regions in the order the ladder takes them: Astana first (the
    ministers' base), the others in a seeded shuffle."""
    ids = sorted(r["id"] for r in nation["regions"] if r["id"] != "astana")
    random.Random(LADDER_SEED).shuffle(ids)
    return ["astana", *ids]


def _region_share(nation: dict, rid: str) -> dict[str, list[dict]]:
    """What of the nation belongs to one region: the region (with its districts and rural
    okrugs), its akimats and akims of every level, its topical issues, blocked and
    preferred dates, alerts and its akim's 2026-H2 district visits; plus 1-3 seeded
    EXTRA-DEMAND alerts (the population asks a district-level akim, sometimes with one of
    his rural akims and the regional akim, for a meeting outside the calendar)."""
    bodies = [b for b in nation["bodies"] if b["kind"] == "akimat" and b["region_id"] == rid]
    ids = {b["id"] for b in bodies}
    akims = [o for o in nation["officials"] if o["body_id"] in ids]
    rng = random.Random(f"ladder-{LADDER_SEED}-{rid}")  # str seeds are stable across runs
    regional = next(o for o in akims if o.get("akim_level") == "region")
    district_level = [o for o in akims if o.get("akim_level") == "district"]
    asked = []
    for n in range(1, rng.randint(1, 3) + 1):
        head = rng.choice(district_level)
        called = [head["body_id"]]
        rural = [o for o in akims if o.get("akim_level") == "rural"
                 and o.get("district_id") == head["district_id"]]
        if rural and rng.random() < 0.5:
            called.append(rng.choice(rural)["body_id"])
        if rng.random() < 0.3:
            called.insert(0, regional["body_id"])
        level = rng.choice(["arisen", "forecast"])
        asked.append({"id": f"demand-{n}-{rid}", "region_id": rid, "body_ids": called,
                      "level": level, "date": str(_day(rng, dt.date(2027, 2, 1),
                                                       dt.date(2027, 6, 10))),
                      "text": f"the population asks for a meeting, {level} (generated)"})
    akim_ids = {o["id"] for o in akims}
    return {
        "regions": [r for r in nation["regions"] if r["id"] == rid],
        "bodies": bodies, "officials": akims,
        "issues": [i for i in nation["issues"] if i["region_id"] == rid],
        "alerts": [a for a in nation["alerts"] if a["region_id"] == rid] + asked,
        "region_dates": [d for d in nation["region_dates"] if d["region_id"] == rid],
        "visits": [v for v in nation["visit_history"]["visits"] if v["official_id"] in akim_ids],
    }


def _copied(value, rid: str, number: int):
    """A region's share made a generated copy: every id of the region renamed
    (``rid`` -> ``rid-x2``, ministries untouched) and every name and title marked."""
    pattern = re.compile(rf"\b{re.escape(rid)}\b")
    marks = {"en": f" (generated copy {number})", "ru": f" (сгенерированная копия {number})",
             "kk": f" (жасалған {number}-көшірме)"}

    def walk(v, key=None):
        if isinstance(v, dict):
            if key in ("name", "title") and set(v) >= {"kk", "ru"}:
                return {lang: text + marks.get(lang, "") for lang, text in v.items()}
            return {k: walk(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x, key) for x in v]
        if isinstance(v, str) and key in (*_ID_KEYS, "body_ids"):
            return pattern.sub(f"{rid}-{COPY}", v)
        return v
    return walk(value)


def ladder(nation: dict, size: int) -> dict:
    """The ladder's rung of ``size`` regions (see ``LADDER``): every minister with his
    deputies, absences and alerts, and the first ``size`` regions of ``ladder_order`` with
    all they hold in the nation (``_region_share``); beyond 20, the first ``size - 20``
    regions again as generated copies with their own ids (the same centre, districts,
    okrugs, issues, dates, alerts and history), so 40 is twice the nation."""
    order = ladder_order(nation)
    shares = [_region_share(nation, rid) for rid in order[:min(size, len(order))]]
    shares += [_copied(_region_share(nation, rid), rid, 2) for rid in order[:max(0, size - len(order))]]
    akimats = {b["id"] for b in nation["bodies"] if b["kind"] == "akimat"}
    bodies = [b for b in nation["bodies"] if b["id"] not in akimats]
    officials = [o for o in nation["officials"] if o["body_id"] not in akimats]
    data = {"name": f"ladder-{size:02d}", "horizon": nation["horizon"],
            "approval_date": nation["approval_date"],
            "regions": [r for s in shares for r in s["regions"]],
            "bodies": bodies + [b for s in shares for b in s["bodies"]],
            "officials": officials + [o for s in shares for o in s["officials"]],
            "visit_history": {"horizon": nation["visit_history"]["horizon"], "visits": sorted(
                (v for s in shares for v in s["visits"]),
                key=lambda v: (v["date"], v["official_id"], v["district_id"]))},
            "issues": [i for s in shares for i in s["issues"]],
            "absences": nation["absences"],
            "alerts": [a for s in shares for a in s["alerts"]],
            "region_dates": sorted((d for s in shares for d in s["region_dates"]),
                                   key=lambda d: (d["date"], d["region_id"]))}
    Instance.model_validate(data)
    return data


def ladder_rungs(real: dict | None = None) -> dict[int, dict]:
    """Every rung of the ladder, made in memory from the national all-levels instance."""
    real = real or _real()
    nation = all_levels(real, 1, "national-all-levels", [r["id"] for r in real["regions"]],
                        None, with_ministers=True)
    return {size: ladder(nation, size) for size in LADDER}


REPLAN = [("kz-2027-h1-changes-q1.json", 1, dt.date(2027, 1, 20)),
          ("kz-2027-h1-changes-q2.json", 2, dt.date(2027, 3, 20))]
SCALE = (50, 200, 1000, 2500)


def generate(out: Path = OUT) -> list[Path]:
    """Write every family under ``out``; returns the files written."""
    real = _real()
    every_region = [r["id"] for r in real["regions"]]
    files: dict[Path, dict | bytes] = {
        out / "real" / "kz-2027-h1.json": REAL.read_bytes(),
        out / "real" / "changes" / "kz-2027-h1-approved.json":
            (ROOT / "instances" / "kz-2027-h1-approved.json").read_bytes(),
    }
    approved = json.loads((ROOT / "instances" / "kz-2027-h1-approved.json").read_text("utf-8"))
    for name, quarter, as_of in REPLAN:
        files[out / "real" / "changes" / name] = changes(real, approved, 100 + quarter, quarter, as_of)
    files[out / "real" / "changes" / "replan.json"] = {
        "approved": "kz-2027-h1-approved.json", "instance": "../kz-2027-h1.json",
        "change_sets": [{"file": n, "as_of": str(d)} for n, _, d in REPLAN]}
    for seed in range(1, 11):
        files[out / "national" / f"national-{seed:02d}.json"] = national(real, seed)
    files[out / "region-all-levels" / "pavlodar-all-levels.json"] = all_levels(
        real, 1, "pavlodar-all-levels", ["pavlodar"], None, with_ministers=False)
    files[out / "national-all-levels" / "national-all-levels.json"] = all_levels(
        real, 1, "national-all-levels", every_region, None, with_ministers=True)
    for size in SCALE:
        files[out / "scale" / f"scale-{size:04d}.json"] = all_levels(
            real, 2, f"scale-{size:04d}", every_region, size, with_ministers=True)
    nation = files[out / "national-all-levels" / "national-all-levels.json"]
    assert isinstance(nation, dict)
    for size in LADDER:
        if size <= LADDER_WRITTEN:
            files[out / "ladder" / f"ladder-{size:02d}.json"] = ladder(nation, size)
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else
                         (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
    return sorted(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for path in generate(args.out):
        print(path.relative_to(args.out.parent) if path.is_relative_to(args.out.parent) else path)


if __name__ == "__main__":
    main()
