"""The domain model of a planning instance: who must meet the population, where and when.

Everything here is validated pydantic data, frozen once built. An instance is what the
authority collects before drafting a half-year calendar: regions and their topical issues,
ministries and akimats, their officials, absences, tension alerts and the dates regions
block or prefer. Rules live in the profile (``scheduler.profile``), not here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from enum import Enum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from scheduler.i18n import t


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ------------------------------------------------------------------ text and ids
# Text typed in Excel or pasted from Word carries line breaks (Alt+Enter), tabs, vertical
# tabs and other control characters that break the workbook and .ics writers later on.
# Names and titles are one line: every run of whitespace becomes one space. Notes keep their
# line breaks. Any other control character (C0, DEL, C1, an unpaired surrogate) is refused.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _no_control(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise PydanticCustomError("control_character", "control character U+{code} at position "
                                  "{position} (retype the text without it)",
                                  {"code": f"{ord(found.group()):04X}",
                                   "position": found.start() + 1})
    return value


def _one_line(value: object) -> object:
    return _no_control(" ".join(value.split())) if isinstance(value, str) else value


def _lines(value: object) -> object:
    if not isinstance(value, str):
        return value
    return _no_control(re.sub(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]", "\n", value).strip())


Line = Annotated[str, Field(max_length=1000), BeforeValidator(_one_line)]  # names, titles
Name = Annotated[str, Field(min_length=1, max_length=1000), BeforeValidator(_one_line)]
Text = Annotated[str, Field(max_length=10_000), BeforeValidator(_lines)]  # notes, descriptions

_ID = re.compile(r"[\w.\-]+")  # \w: letters of any alphabet (Cyrillic too), digits and '_'
ID_CHARS = " / ".join(t("id_chars", lang) for lang in ("en", "ru", "kk"))


def _id(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    if not _ID.fullmatch(value) or not value.strip("."):
        raise PydanticCustomError("id", "{value} is not an id: {rule}",
                                  {"value": repr(value), "rule": ID_CHARS})
    return value


# Ids name files (.ics per official and region): no spaces, slashes or control characters.
Id = Annotated[str, Field(min_length=1, max_length=64, description=t("id_chars", "en")),
               AfterValidator(_id)]


class Names(Frozen):
    """A name in Kazakh, Russian and English."""

    kk: Name
    ru: Name
    en: Line = ""

    def get(self, lang: str) -> str:
        return getattr(self, lang, "") or self.ru


def _all_langs(value: object) -> object:
    """A plain string (older files) is taken as the text in all three languages."""
    return {"kk": value, "ru": value, "en": value} if isinstance(value, str) else value


class Texts(Frozen):
    """A free text (note, description) in Kazakh, Russian and English; any may be empty.

    ``str()`` is the Russian text (the Kazakh, then the English one when it is empty)."""

    kk: Text = ""
    ru: Text = ""
    en: Text = ""

    def get(self, lang: str) -> str:
        return getattr(self, lang, "") or self.ru or self.kk or self.en

    def __str__(self) -> str:
        return self.get("ru")

    def __bool__(self) -> bool:
        return bool(self.kk or self.ru or self.en)


LangNames = Annotated[Names, BeforeValidator(_all_langs)]
LangTexts = Annotated[Texts, BeforeValidator(_all_langs)]


class Centre(Frozen):
    name: LangNames
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class DistrictKind(str, Enum):
    """What kind of district-level unit a region lists (AKIM-ROTATION owes visits to
    ``district`` and ``city_district`` units, the 2023 amendment's "аудан"/"район")."""

    district = "district"  # a district of an oblast
    city_district = "city_district"  # a district of a city of republican significance
    city = "city"  # a city of regional significance: not a district, not owed a visit


class RuralOkrug(Frozen):
    """A rural okrug (or village, town, settlement with its own akim) of a district."""

    id: Id
    name: Names
    generated: bool = False  # a numbered stand-in name, not the real one


class District(Frozen):
    id: Id
    name: Names
    kind: DistrictKind = DistrictKind.district
    okrugs: tuple[RuralOkrug, ...] = ()
    generated: bool = False  # a numbered stand-in name, not the real one


class Region(Frozen):
    """A region: one of the 17 oblasts or a city of republican significance."""

    id: Id
    name: Names
    centre: Centre
    population: int | None = Field(default=None, ge=0, le=1_000_000_000)
    districts: tuple[District, ...] = ()


class BodyKind(str, Enum):
    ceb = "ceb"  # central executive body (ministry)
    akimat = "akimat"
    university = "university"  # national university (kz-2016 / kz-2018 rectors)


class Body(Frozen):
    """A state body whose head meets the population: a ministry (CEB) or an akimat."""

    id: Id
    kind: BodyKind
    name: Names
    region_id: Id | None = None  # akimats: the territory they govern
    sectors: tuple[Line, ...] = ()


class Role(str, Enum):
    first_head = "first_head"  # minister, or akim (the head of an akimat)
    deputy = "deputy"


class AkimLevel(str, Enum):
    region = "region"
    district = "district"
    rural = "rural"


class Official(Frozen):
    """A position, never a person's name: "Minister of Health", "First deputy akim of ..."."""

    id: Id
    title: Names
    body_id: Id
    role: Role
    deputy_of: Id | None = None  # deputies: the first head they stand in for
    akim_level: AkimLevel | None = None  # heads of akimats
    district_id: Id | None = None  # district and rural akims: their district
    okrug_id: Id | None = None  # rural akims: their rural okrug (of district_id)
    base_region_id: Id  # where he starts from (Astana for ministers)

    @model_validator(mode="after")
    def _role_fields(self) -> Official:
        if self.role is Role.deputy and self.deputy_of is None:
            raise ValueError("a deputy needs 'deputy_of' (the first head he stands in for)")
        if self.role is Role.first_head and self.deputy_of is not None:
            raise ValueError("a first head has no 'deputy_of'")
        return self


class TopicalIssue(Frozen):
    """A problem raised locally, tagged with the body responsible for it (REGION-ISSUES)."""

    id: Id
    region_id: Id
    body_id: Id
    weight: int = Field(ge=1, le=100)
    text: Names


class AbsenceReason(str, Enum):
    illness = "illness"
    delegation = "delegation"  # government delegation by order of the President or PM
    deputy_pm = "deputy_pm"  # appointed Deputy Prime Minister
    other = "other"


class Absence(Frozen):
    official_id: Id
    start: dt.date
    end: dt.date
    reason: AbsenceReason
    note: LangTexts = Texts()

    @model_validator(mode="after")
    def _ordered(self) -> Absence:
        if self.end < self.start:
            raise ValueError(f"the absence ends ({self.end}) before it starts ({self.start})")
        return self

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class AlertLevel(str, Enum):
    arisen = "arisen"
    forecast = "forecast"


class TensionAlert(Frozen):
    """A forecast or arisen risk of social tension in a region (URGENT-TENSION)."""

    id: Id
    region_id: Id
    body_ids: tuple[Id, ...] = Field(min_length=1)
    level: AlertLevel
    date: dt.date
    text: LangTexts = Texts()


class DateKind(str, Enum):
    blocked = "blocked"
    preferred = "preferred"


class RegionDate(Frozen):
    """A date a region's akimat blocks or prefers for ministerial visits (REGION-AGREE)."""

    region_id: Id
    date: dt.date
    kind: DateKind
    note: Text = ""


class DistrictVisit(Frozen):
    """A meeting a region-level akim held in one of his districts (AKIM-ROTATION)."""

    official_id: Id
    district_id: Id
    date: dt.date


class Horizon(Frozen):
    """One half-year (TIME-HORIZON): H1 = January-June, H2 = July-December."""

    year: int = Field(ge=2000, le=2100)
    half: int = Field(ge=1, le=2)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @property
    def quarters(self) -> tuple[int, int]:
        return (1, 2) if self.half == 1 else (3, 4)

    def label(self) -> str:
        return f"{self.year}-H{self.half}"


class VisitHistory(Frozen):
    """The previous half-year's district visits of region-level akims: the districts
    visited then are not owed in this half-year (AKIM-ROTATION, a year's rotation)."""

    horizon: Horizon  # the half-year just before the instance's
    visits: tuple[DistrictVisit, ...] = ()


def previous_half(horizon: Horizon) -> Horizon:
    return Horizon(year=horizon.year - 1, half=2) if horizon.half == 1 else \
        Horizon(year=horizon.year, half=1)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


class Instance(Frozen):
    """Everything the authority knows when it drafts one half-year calendar."""

    name: Name
    horizon: Horizon
    approval_date: dt.date
    regions: tuple[Region, ...] = Field(min_length=1)
    bodies: tuple[Body, ...] = Field(min_length=1)
    officials: tuple[Official, ...] = Field(min_length=1)
    issues: tuple[TopicalIssue, ...] = ()
    absences: tuple[Absence, ...] = ()
    alerts: tuple[TensionAlert, ...] = ()
    region_dates: tuple[RegionDate, ...] = ()
    extra_days_off: tuple[dt.date, ...] = ()
    extra_working_days: tuple[dt.date, ...] = ()
    visit_history: VisitHistory | None = None  # AKIM-ROTATION: the previous half-year

    _lookups: dict = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:  # the data, not the look-up indexes
        return isinstance(other, Instance) and self.__dict__ == other.__dict__

    __hash__ = Frozen.__hash__

    # ------------------------------------------------------------------ look-ups
    def _by(self, table: str, key: str, many: bool = False) -> dict:
        """An index of a table by a field, built once per table (a copy with another
        table gets its own: the index remembers which tuple it was built from)."""
        items = self.__dict__[table]
        # (read past pydantic's __getattr__: the model builder asks this a million times)
        lookups = self.__pydantic_private__["_lookups"]  # type: ignore[index]
        cached = lookups.get((table, key))
        if cached is None or cached[0] is not items:
            index: dict = {}
            for item in items:
                if many:
                    index.setdefault(getattr(item, key), []).append(item)
                else:
                    index[getattr(item, key)] = item
            cached = lookups[(table, key)] = (items, index)
        return cached[1]

    def region(self, region_id: str) -> Region:
        return self._by("regions", "id")[region_id]

    def body(self, body_id: str) -> Body:
        return self._by("bodies", "id")[body_id]

    def official(self, official_id: str) -> Official:
        return self._by("officials", "id")[official_id]

    def heads(self) -> list[Official]:
        return self._by("officials", "role", many=True).get(Role.first_head, [])

    def deputies_of(self, head_id: str) -> list[Official]:
        return self._by("officials", "deputy_of", many=True).get(head_id, [])

    def absences_of(self, official_id: str) -> list[Absence]:
        return self._by("absences", "official_id", many=True).get(official_id, [])

    def is_ministerial(self, body_id: str) -> bool:
        """A ministry (a central executive body, ``ceb``)."""
        return self.body(body_id).kind is BodyKind.ceb

    def is_akimat(self, body_id: str) -> bool:
        return self.body(body_id).kind is BodyKind.akimat

    def is_regional_akim(self, official: Official | str) -> bool:
        """The first head of an akimat at region level (an akim without a level is one).
        Asked of the instance, not the official: only the body says it is an akimat."""
        if isinstance(official, str):
            official = self.official(official)
        return (official.role is Role.first_head and self.is_akimat(official.body_id)
                and (official.akim_level or AkimLevel.region) is AkimLevel.region)

    def home_region(self, official: Official) -> str | None:
        """The territory an akim serves (None for ministers and rectors)."""
        return self.body(official.body_id).region_id

    @model_validator(mode="after")
    def _references(self) -> Instance:
        problems = reference_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _index(items: tuple) -> dict:
    return {item.id: item for item in items}


def reference_problems(inst: Instance) -> list[str]:
    """Cross-references between tables, each problem as 'table[row].field: message'."""
    problems: list[str] = []
    regions, bodies, officials = _index(inst.regions), _index(inst.bodies), _index(inst.officials)
    tables: list[tuple[str, Sequence[Region | Body | Official | TopicalIssue | TensionAlert]]] = [
        ("regions", inst.regions), ("bodies", inst.bodies), ("officials", inst.officials),
        ("issues", inst.issues), ("alerts", inst.alerts)]
    for table, items in tables:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(f"{table}[{i}].id: '{item.id}' is used twice")
            seen.add(item.id)

    def need(ok: bool, where: str, msg: str) -> None:
        if not ok:
            problems.append(f"{where}: {msg}")

    for i, b in enumerate(inst.bodies):
        if b.region_id is not None:
            need(b.region_id in regions, f"bodies[{i}].region_id",
                 f"unknown region '{b.region_id}'")
        need(b.kind is not BodyKind.akimat or b.region_id is not None,
             f"bodies[{i}].region_id", f"akimat '{b.id}' needs its region")
    for i, o in enumerate(inst.officials):
        where = f"officials[{i}]"
        need(o.body_id in bodies, f"{where}.body_id", f"unknown body '{o.body_id}'")
        need(o.base_region_id in regions, f"{where}.base_region_id",
             f"unknown region '{o.base_region_id}'")
        if o.deputy_of is not None:
            head = officials.get(o.deputy_of)
            if head is None:
                problems.append(f"{where}.deputy_of: unknown official '{o.deputy_of}'")
            elif head.role is not Role.first_head:
                problems.append(f"{where}.deputy_of: '{o.deputy_of}' is not a first head")
            elif head.body_id != o.body_id:
                problems.append(f"{where}.deputy_of: deputy '{o.id}' of body '{o.body_id}' "
                                f"cannot stand in for '{head.id}' of body '{head.body_id}'")
        if o.district_id is not None and o.body_id in bodies:
            region = regions.get(bodies[o.body_id].region_id or "")
            known = {d.id: d for d in region.districts} if region else {}
            need(o.district_id in known, f"{where}.district_id",
                 f"unknown district '{o.district_id}' of the akimat's region")
            if o.okrug_id is not None and o.district_id in known:
                need(o.okrug_id in {k.id for k in known[o.district_id].okrugs},
                     f"{where}.okrug_id",
                     f"unknown rural okrug '{o.okrug_id}' of district '{o.district_id}'")
        if o.okrug_id is not None and o.district_id is None:
            problems.append(f"{where}.okrug_id: a rural okrug needs the akim's 'district_id'")
    heads_per_body: dict[str, int] = {}
    for o in inst.officials:
        if o.role is Role.first_head:
            heads_per_body[o.body_id] = heads_per_body.get(o.body_id, 0) + 1
    for i, b in enumerate(inst.bodies):
        need(heads_per_body.get(b.id, 0) <= 1, f"bodies[{i}]", f"body '{b.id}' has two first heads")
    for i, issue in enumerate(inst.issues):
        need(issue.region_id in regions, f"issues[{i}].region_id",
             f"unknown region '{issue.region_id}'")
        need(issue.body_id in bodies, f"issues[{i}].body_id", f"unknown body '{issue.body_id}'")
    hz = inst.horizon
    for i, a in enumerate(inst.absences):
        need(a.official_id in officials, f"absences[{i}].official_id",
             f"unknown official '{a.official_id}'")
        need(a.end >= hz.start and a.start <= hz.end, f"absences[{i}]",
             f"dates {a.start}..{a.end} lie outside the horizon {hz.start}..{hz.end}")
    for i, al in enumerate(inst.alerts):
        need(al.region_id in regions, f"alerts[{i}].region_id", f"unknown region '{al.region_id}'")
        for body_id in al.body_ids:
            need(body_id in bodies, f"alerts[{i}].body_ids", f"unknown body '{body_id}'")
        need(hz.start <= al.date <= hz.end, f"alerts[{i}].date",
             f"{al.date} lies outside the horizon {hz.start}..{hz.end}")
    for i, rd in enumerate(inst.region_dates):
        need(rd.region_id in regions, f"region_dates[{i}].region_id",
             f"unknown region '{rd.region_id}'")
        need(hz.start <= rd.date <= hz.end, f"region_dates[{i}].date",
             f"{rd.date} lies outside the horizon {hz.start}..{hz.end}")
    for name in ("extra_days_off", "extra_working_days"):
        for i, day in enumerate(getattr(inst, name)):
            need(hz.start <= day <= hz.end, f"{name}[{i}]",
                 f"{day} lies outside the horizon {hz.start}..{hz.end}")
    problems += _unit_problems(inst)
    need(inst.approval_date < hz.end, "approval_date",
         f"{inst.approval_date} is after the end of the horizon {hz.end}")
    return problems


def _unit_problems(inst: Instance) -> list[str]:
    """Districts and rural okrugs used once; the visit history of the half-year before,
    naming region-level akims and districts of their own region."""
    problems: list[str] = []
    seen_districts: set[str] = set()
    seen_okrugs: set[str] = set()
    for i, region in enumerate(inst.regions):
        for j, district in enumerate(region.districts):
            where = f"regions[{i}].districts[{j}]"
            if district.id in seen_districts:
                problems.append(f"{where}.id: district '{district.id}' is used twice")
            seen_districts.add(district.id)
            for k, okrug in enumerate(district.okrugs):
                if okrug.id in seen_okrugs:
                    problems.append(f"{where}.okrugs[{k}].id: rural okrug '{okrug.id}' is "
                                    f"used twice")
                seen_okrugs.add(okrug.id)
    history = inst.visit_history
    if history is None:
        return problems
    before = previous_half(inst.horizon)
    if history.horizon != before:
        problems.append(f"visit_history.horizon: {history.horizon.label()} is not the half-year "
                        f"before {inst.horizon.label()} ({before.label()})")
    officials = {o.id: o for o in inst.officials}
    bodies = {b.id: b for b in inst.bodies}
    regions = {r.id: r for r in inst.regions}
    for i, visit in enumerate(history.visits):
        where = f"visit_history.visits[{i}]"
        official = officials.get(visit.official_id)
        body = bodies.get(official.body_id) if official else None
        if official is None:
            problems.append(f"{where}.official_id: unknown official '{visit.official_id}'")
            continue
        if (body is None or body.kind is not BodyKind.akimat or official.role is not
                Role.first_head or official.akim_level not in (None, AkimLevel.region)):
            problems.append(f"{where}.official_id: '{visit.official_id}' is not the akim of a "
                            f"region (oblast or city of republican significance)")
            continue
        home = regions.get(body.region_id or "")
        if home is None or visit.district_id not in {d.id for d in home.districts}:
            problems.append(f"{where}.district_id: unknown district '{visit.district_id}' of "
                            f"region '{body.region_id}'")
        if not history.horizon.start <= visit.date <= history.horizon.end:
            problems.append(f"{where}.date: {visit.date} lies outside the history's half-year "
                            f"{history.horizon.start}..{history.horizon.end}")
    return problems
