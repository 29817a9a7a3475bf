"""Shared fixtures: a tiny 2027-H1 instance, a valid hand-made calendar for it, kz-2024.

The tiny instance has four regions (Astana, Akmola, Mangystau, East Kazakhstan), two
ministries with a duty (Health, Education) and one exempt (Defence), each minister with
two deputies, and two akimats with region-level akims. ``tiny_calendar`` obeys every
hard, milestone and format rule of kz-2024; its cost is 84 (see ``tests/test_checker.py``).
Under kz-2024 the calendar is published on 10 January (DL-MVK) and the akims' on 20 January
(DL-AKIM-CAL), so planned meetings start a calendar month later (TIME-LEAD).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from scheduler.instance import Instance
from scheduler.io import load_profile
from scheduler.meetings import Calendar, Meeting

D = dt.date.fromisoformat


def _names(en: str) -> dict:
    return {"kk": en, "ru": en, "en": en}


def _region(rid: str, name: str, city: str, lat: float, lon: float) -> dict:
    return {"id": rid, "name": _names(name), "centre": {"name": city, "lat": lat, "lon": lon}}


def _ministry(bid: str, sector: str) -> tuple[dict, list[dict]]:
    body = {"id": bid, "kind": "ceb", "name": _names(f"Ministry of {sector}")}
    head = f"minister-{bid}"
    officials = [
        {"id": head, "title": _names(f"Minister of {sector}"), "body_id": bid,
         "role": "first_head", "base_region_id": "astana"},
        {"id": f"first-vice-minister-{bid}", "title": _names(f"First Vice Minister of {sector}"),
         "body_id": bid, "role": "deputy", "deputy_of": head, "base_region_id": "astana"},
        {"id": f"vice-minister-{bid}", "title": _names(f"Vice Minister of {sector}"),
         "body_id": bid, "role": "deputy", "deputy_of": head, "base_region_id": "astana"},
    ]
    return body, officials


def _akimat(region: str, name: str) -> tuple[dict, list[dict]]:
    body = {"id": f"akimat-{region}", "kind": "akimat", "name": _names(f"Akimat of {name}"),
            "region_id": region}
    akim = {"id": f"akim-{region}", "title": _names(f"Akim of {name}"),
            "body_id": f"akimat-{region}", "role": "first_head", "akim_level": "region",
            "base_region_id": region}
    return body, [akim]


def _issue(iid: str, region: str, body: str, weight: int) -> dict:
    return {"id": iid, "region_id": region, "body_id": body, "weight": weight,
            "text": _names(f"{body} problems in {region}")}


def build_tiny_instance() -> Instance:
    bodies, officials = [], []
    for body, people in (_ministry("health", "Health"), _ministry("education", "Education"),
                         _ministry("defence", "Defence"),
                         _akimat("mangystau", "Mangystau Region"),
                         _akimat("east-kazakhstan", "East Kazakhstan Region")):
        bodies.append(body)
        officials += people
    return Instance.model_validate({
        "name": "tiny",
        "horizon": {"year": 2027, "half": 1},
        "approval_date": "2026-12-15",
        "regions": [
            _region("astana", "Astana", "Astana", 51.17, 71.43),
            _region("akmola", "Akmola Region", "Kokshetau", 53.28, 69.39),
            _region("mangystau", "Mangystau Region", "Aktau", 43.66, 51.17),
            _region("east-kazakhstan", "East Kazakhstan Region", "Oskemen", 49.97, 82.61),
        ],
        "bodies": bodies,
        "officials": officials,
        "issues": [_issue("i-mangystau-health", "mangystau", "health", 5),
                   _issue("i-akmola-health", "akmola", "health", 4),
                   _issue("i-east-education", "east-kazakhstan", "education", 3),
                   _issue("i-akmola-education", "akmola", "education", 2)],  # left unmet
        "absences": [
            {"official_id": "minister-health", "start": "2027-03-01", "end": "2027-03-10",
             "reason": "illness"},
            {"official_id": "minister-education", "start": "2027-03-01", "end": "2027-03-10",
             "reason": "other"},
            {"official_id": "first-vice-minister-health", "start": "2027-05-20",
             "end": "2027-05-25", "reason": "delegation"},
        ],
        "alerts": [{"id": "alert-east", "region_id": "east-kazakhstan", "level": "arisen",
                    "date": "2027-04-05",
                    "body_ids": ["education", "akimat-east-kazakhstan", "defence"]}],
        "region_dates": [
            {"region_id": "mangystau", "date": "2027-02-20", "kind": "blocked"},
            {"region_id": "east-kazakhstan", "date": "2027-02-14", "kind": "preferred"},
            {"region_id": "akmola", "date": "2027-02-13", "kind": "preferred"},
            {"region_id": "astana", "date": "2027-03-13", "kind": "preferred"},  # left unused
        ],
    })


TINY = build_tiny_instance()


def month_before(day: dt.date) -> dt.date:
    """The same day a calendar month earlier (the month's last day when shorter)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


AGENDA = dict(report_minutes=30, qa_minutes=90,
              channel="online stream on the official social media accounts, comments open",
              audience=("maslikhat deputies", "political parties", "public organisations",
                        "opposition"))


def meeting(mid: str, official: str, region: str, day: str, slot: str = "10:00-12:00", *,
            presenter: str | None = None, alert: str | None = None) -> Meeting:
    """A meeting of the tiny instance as kz-2024 writes it (announced a calendar month
    before, or at its alert; results 10 days after; the FMT-* agenda); out of schedule when
    it names an alert."""
    date = D(day)
    start, end = (dt.time.fromisoformat(t) for t in slot.split("-"))
    announce = month_before(date) if alert is None else \
        next(a.date for a in TINY.alerts if a.id == alert)
    return Meeting(
        id=mid, official_id=official, presenter_id=presenter or official,
        body_id=TINY.official(official).body_id, region_id=region, date=date, start=start,
        end=end, quarter=(date.month - 1) // 3 + 1,
        kind="planned" if alert is None else "out_of_schedule", alert_id=alert,
        announce_by=announce, results_by=date + dt.timedelta(days=10), **AGENDA)


TINY_MEETINGS = (
    meeting("health-q1", "minister-health", "akmola", "2027-02-13", "15:00-17:00"),
    meeting("health-q2", "minister-health", "mangystau", "2027-05-15"),
    meeting("education-q1", "minister-education", "east-kazakhstan", "2027-02-14"),
    meeting("education-q2", "minister-education", "astana", "2027-04-17"),
    meeting("education-alert", "minister-education", "east-kazakhstan", "2027-04-07",
            "18:30-20:30", alert="alert-east"),
    meeting("akim-mangystau-q1", "akim-mangystau", "mangystau", "2027-02-27"),
    meeting("akim-mangystau-q2", "akim-mangystau", "mangystau", "2027-04-24"),
    meeting("akim-east-q1", "akim-east-kazakhstan", "east-kazakhstan", "2027-02-21"),
    meeting("akim-east-q2", "akim-east-kazakhstan", "east-kazakhstan", "2027-05-22"),
    meeting("akim-east-alert", "akim-east-kazakhstan", "east-kazakhstan", "2027-04-10",
            "15:00-17:00", alert="alert-east"),
)


@pytest.fixture
def tiny_instance() -> Instance:
    return TINY


@pytest.fixture
def tiny_calendar() -> Calendar:
    return Calendar(instance="tiny", profile="kz-2024", horizon="2027-H1",
                    approval_date=TINY.approval_date, status="HAND-MADE",
                    meetings=TINY_MEETINGS)


@pytest.fixture(scope="session")
def kz2024():
    return load_profile("kz-2024")


# ------------------------------------------------------- the tiny workspace
@pytest.fixture(scope="session")
def published(kz2024) -> Calendar:
    """The tiny instance planned once a session (one worker, seed 0): the published calendar
    the re-plan and workspace tests start from."""
    from scheduler.planner import solve

    result = solve(TINY, kz2024, time_limit=20, workers=1, seed=0)
    assert result.calendar is not None
    return result.calendar


@dataclass(frozen=True)
class TinyFiles:
    instance: Path  # tmp_path/tiny.json
    calendar: Path  # tmp_path/calendar.json, the published calendar
    workspace: Path  # tmp_path/ws, a workspace whose calendar.json is the published one


@pytest.fixture
def tiny_files(tmp_path, published) -> TinyFiles:
    """The tiny instance and its published calendar as files, and a workspace holding it."""
    instance, calendar, workspace = tmp_path / "tiny.json", tmp_path / "calendar.json", \
        tmp_path / "ws"
    instance.write_text(TINY.model_dump_json(), encoding="utf-8")
    calendar.write_text(published.model_dump_json(), encoding="utf-8")
    workspace.mkdir()
    (workspace / "calendar.json").write_text(published.model_dump_json(), encoding="utf-8")
    return TinyFiles(instance, calendar, workspace)


# ------------------------------------------------------- planner-test instances
# Small 2027-H1 instances built in Python (tests/test_rules.py, tests/test_properties.py).
H1_2027 = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(181)]
CENTRES = {  # regional centres, as in instances/kz-2027-h1.json
    "astana": ("Astana", "Astana", 51.18, 71.45),
    "almaty-city": ("Almaty", "Almaty", 43.25, 76.91),
    "almaty-region": ("Almaty Region", "Konayev", 43.87, 77.06),
    "akmola": ("Akmola Region", "Kokshetau", 53.28, 69.39),
    "karaganda": ("Karaganda Region", "Karaganda", 49.8, 73.1),
    "kyzylorda": ("Kyzylorda Region", "Kyzylorda", 44.85, 65.51),
    "mangystau": ("Mangystau Region", "Aktau", 43.66, 51.17),
    "east-kazakhstan": ("East Kazakhstan Region", "Oskemen", 49.97, 82.61),
    "pavlodar": ("Pavlodar Region", "Pavlodar", 52.28, 76.97),
    "shymkent": ("Shymkent", "Shymkent", 42.31, 69.6),
}


def make_instance(*, regions, ministries=(), akimats=(), free=None, preferred=(), issues=(),
                  absences=(), alerts=(), akim_deputies=False, name="case") -> Instance:
    """A 2027-H1 instance (approved 2026-12-15) over real regional centres.

    ``ministries``: body ids ("health" -> minister-health with two deputies); ``akimats``:
    region ids with a region-level akim (``akim_deputies`` adds "deputy-akim-<region>").
    ``free``: region -> the only unblocked dates (every other H1 date is blocked); regions
    not in ``free`` block nothing. ``preferred``: (region, date); ``issues``: (region, body,
    weight); ``absences``: (official, start, end, reason); ``alerts``: (id, region, body ids,
    level, date). Dates are ISO strings or dates.
    """
    day = lambda d: d if isinstance(d, dt.date) else D(d)  # noqa: E731
    bodies, officials = [], []
    for bid in ministries:
        body, people = _ministry(bid, bid.replace("-", " ").title())
        bodies.append(body)
        officials += people
    for rid in akimats:
        body, people = _akimat(rid, CENTRES[rid][0])
        if akim_deputies:
            people.append({"id": f"deputy-akim-{rid}", "title": _names(f"Deputy akim of {rid}"),
                           "body_id": body["id"], "role": "deputy",
                           "deputy_of": f"akim-{rid}", "base_region_id": rid})
        bodies.append(body)
        officials += people
    region_dates = []
    for rid, dates in (free or {}).items():
        keep = {day(d) for d in dates}
        region_dates += [{"region_id": rid, "date": d, "kind": "blocked"}
                         for d in H1_2027 if d not in keep]
    region_dates += [{"region_id": r, "date": day(d), "kind": "preferred"} for r, d in preferred]
    return Instance.model_validate({
        "name": name, "horizon": {"year": 2027, "half": 1}, "approval_date": "2026-12-15",
        "regions": [_region(rid, *CENTRES[rid]) for rid in regions],
        "bodies": bodies, "officials": officials,
        "issues": [_issue(f"i{n}-{r}-{b}", r, b, w) for n, (r, b, w) in enumerate(issues)],
        "absences": [{"official_id": o, "start": day(s), "end": day(e), "reason": why}
                     for o, s, e, why in absences],
        "alerts": [{"id": aid, "region_id": r, "body_ids": list(b), "level": level,
                    "date": day(d)} for aid, r, b, level, d in alerts],
        "region_dates": region_dates,
    })


def edit_workbook_cell(path, sheet: str, key: str, row: int, value) -> None:
    """Set one cell of a workbook, found by the column key in the header, and save."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    column = next(c.column for c in ws[1] if c.value and c.value.endswith(f"[{key}]"))
    ws.cell(row=row, column=column).value = value  # cell(value=None) would not clear it
    wb.save(path)
