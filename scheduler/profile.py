"""Rule profiles: each edition of the policy as data.

A profile is a TOML file with one table per rule id of ``RULES.md``. Each rule has its
``kind`` (hard, soft, milestone or format), its ``source`` (a source key of RULES.md),
``enabled`` (switch a rule off without deleting it) and its parameters. The parameter
names and types of every rule id are declared once, here; a profile that names an
unknown rule or parameter, or gives a negative number, is refused with the field named.

Copy ``scheduler/profiles/kz-2024.toml``, change a number, and plan with
``--profile my-profile.toml``: no code changes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from pathlib import Path
from typing import Annotated, ClassVar, Literal, TypeVar, overload

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from scheduler.instance import Line, Name

PROFILES_DIR = Path(__file__).parent / "profiles"
Kind = Literal["hard", "soft", "milestone", "format"]
TIME_RANGE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")
# Every number is bounded: a typo such as lead_days = 999999999999 is refused here, not by
# an overflow deep in the solver.
Weight = Annotated[int, Field(ge=0, le=1_000_000)]
Count = Annotated[int, Field(ge=0, le=100)]  # meetings per day, quarter or half-year
PositiveCount = Annotated[int, Field(ge=1, le=100)]
Days = Annotated[int, Field(ge=0, le=366)]
Hours = Annotated[float, Field(ge=0, le=24)]


def _clock(text: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d|24:00", text):
        raise ValueError(f"'{text}' is not a time of day like 07:00")
    return text


def _month_day(text: str) -> str:
    try:
        dt.datetime.strptime(f"2023-{text}", "%Y-%m-%d")  # 02-29 has no date every year
    except ValueError:
        raise ValueError(f"'{text}' is not a month and day like 12-15") from None
    return text


Clock = Annotated[str, AfterValidator(_clock)]
MonthDay = Annotated[str, AfterValidator(_month_day)]


class Rule(BaseModel):
    """A rule's parameters; each subclass is one rule id (``rule_id``) of the catalogue."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    rule_id: ClassVar[str] = ""
    kind: Kind
    source: Name
    enabled: bool = True
    title: Line = ""
    # An edition's own wording of the rule (kz-2016/kz-2018 differ from kz-2024): shown in
    # the compliance tables and checker findings instead of the catalogue's kz-2024 title.
    title_ru: Line = ""
    title_kk: Line = ""


# Fields that describe a rule rather than parametrise it.
DESCRIPTIVE_FIELDS = frozenset({"kind", "source", "enabled", "title", "title_ru", "title_kk"})


# ------------------------------------------------------------------------ scope
class ScopeExempt(Rule):
    rule_id = "SCOPE-EXEMPT"
    exempt_bodies: tuple[Line, ...] = ()


# -------------------------------------------------------------------- frequency
class FreqCebQuarter(Rule):
    rule_id = "FREQ-CEB-QUARTER"
    min_per_quarter: Count = 1
    max_per_quarter: PositiveCount = 3

    @model_validator(mode="after")
    def _min_le_max(self) -> FreqCebQuarter:
        if self.min_per_quarter > self.max_per_quarter:
            raise ValueError(f"min_per_quarter ({self.min_per_quarter}) exceeds max_per_quarter "
                             f"({self.max_per_quarter})")
        return self


class FreqAkim(Rule):
    rule_id = "FREQ-AKIM"
    region_min_per_quarter: Count = 1
    district_min_per_half: Count = 1
    rural_min_per_half: Count = 1
    max_per_quarter: PositiveCount = 3


class AkimRotation(Rule):
    """AKIM-ROTATION (the November 2023 amendment of the akims' decree, in force from
    January 2024, as reported): a region-level akim meets the population in each district
    (``district``, ``city_district`` units) of his region at least once a year: the
    districts he did not visit in the previous half-year (``visit_history``) are owed in
    this one; a district akim meets in each rural okrug of his district at least
    ``okrug_per_half`` times a half-year; a region-level or district akim holds at most
    ``max_per_month`` planned meetings in a month (spread over the months)."""

    rule_id = "AKIM-ROTATION"

    region_akims: bool = True
    okrug_per_half: Count = 1
    max_per_month: PositiveCount | None = None
    calendar_agreed_with: Line = "maslikhat"


class FreqSpacing(Rule):
    """FREQ-SPACING (project): a minister's meetings about a week apart. For each first
    head of a ``ceb`` and each run of ``window_days`` consecutive days, ``w_close`` per
    meeting beyond the first in it (two meetings d days apart share ``window_days - d``
    runs); at most ``max_in_window`` planned meetings in any run."""

    rule_id = "FREQ-SPACING"

    window_days: PositiveCount = 7
    max_in_window: PositiveCount = 2
    w_close: Weight = 2


class FreqLoad(Rule):
    """FREQ-LOAD (project): ``w_extra`` per planned meeting of a minister beyond
    ``free_per_quarter`` in a quarter: a minister's time has a price; ``w_extra_akim`` per
    planned meeting of an akim beyond what FREQ-AKIM and AKIM-ROTATION ask of him in the
    half-year."""

    rule_id = "FREQ-LOAD"

    free_per_quarter: Count = 1
    w_extra: Weight = 10
    w_extra_akim: Weight = 0


class FreqWindow(Rule):
    """kz-2016 / kz-2018: the annual meeting falls in a fixed quarter (1-4) per kind.

    Every duty official whose quarter lies in the horizon holds ``min_in_quarter`` ..
    ``max_in_quarter`` planned meetings in it, and none in the other quarters.
    """

    rule_id = "FREQ-WINDOW"
    akims_quarter: int = Field(default=1, ge=1, le=4)
    ministers_quarter: int = Field(default=2, ge=1, le=4)
    rectors_quarter: int = Field(default=3, ge=1, le=4)
    min_in_quarter: Count = 1
    max_in_quarter: PositiveCount = 1

    @model_validator(mode="after")
    def _min_le_max(self) -> FreqWindow:
        if self.min_in_quarter > self.max_in_quarter:
            raise ValueError(f"min_in_quarter ({self.min_in_quarter}) exceeds max_in_quarter "
                             f"({self.max_in_quarter})")
        return self


# ------------------------------------------------------------------------- time
class TimeHorizon(Rule):
    rule_id = "TIME-HORIZON"


class TimeOffhours(Rule):
    rule_id = "TIME-OFFHOURS"
    weekend_slots: tuple[str, ...] = ("10:00-12:00", "15:00-17:00")
    workday_slots: tuple[str, ...] = ("18:30-20:30",)
    use_public_holidays: bool = False

    @field_validator("weekend_slots", "workday_slots")
    @classmethod
    def _ranges(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for text in value:
            if not TIME_RANGE.match(text):
                raise ValueError(f"'{text}' is not a time range like 10:00-12:00")
            start, end = text.split("-")
            if end <= start:
                raise ValueError(f"'{text}' ends before it starts")
        return value


class TimeEvening(Rule):
    """TIME-EVENING (project): weekends first away from home. ``w_far_evening`` per planned
    meeting on a working day's evening in a region other than the presenter's base
    (``base_region_id``) more than ``near_hours`` of travel from it."""

    rule_id = "TIME-EVENING"

    near_hours: Hours = 1.0
    w_far_evening: Weight = 10


class UrgentEarly(Rule):
    """URGENT-EARLY (project): an out-of-schedule meeting as early as its window allows:
    ``w_day_arisen`` / ``w_day_forecast`` per day from the alert's date to the meeting."""

    rule_id = "URGENT-EARLY"

    w_day_arisen: Weight = 10
    w_day_forecast: Weight = 3


class AkimSpread(Rule):
    """AKIM-SPREAD (project): akims of every level spread over the days. At most
    ``district_per_day`` akims' meetings a day in one district (by the meeting's
    ``district_id``), at most ``region_per_day`` a day in one region; ``w_crowd`` per
    akim's meeting beyond ``region_day_target`` on one day in one region."""

    rule_id = "AKIM-SPREAD"

    district_per_day: PositiveCount = 1
    region_per_day: PositiveCount | None = None
    region_day_target: PositiveCount = 3
    w_crowd: Weight = 1


class TimeLead(Rule):
    """TIME-LEAD: a planned meeting is published ``lead_months`` calendar months plus
    ``lead_days`` days before it ("бір ай бұрын": one calendar month, S-2018; "кемінде
    күнтізбелік 10 күннен бұрын": 10 days, S-2016 item 5), counted from the day its
    calendar is approved and published: the later of the instance's ``approval_date`` and
    the date of the milestone ``counted_from`` (``akims_counted_from`` for akims'
    meetings; "" counts from ``approval_date`` only)."""

    rule_id = "TIME-LEAD"
    lead_days: Days = 30
    lead_months: int = Field(default=0, ge=0, le=12)
    counted_from: Literal["", "DL-DRAFT", "DL-MVK", "DL-AKIM-CAL"] = ""
    akims_counted_from: Literal["", "DL-DRAFT", "DL-MVK", "DL-AKIM-CAL"] = ""
    # Steps before the meeting with a date (S-2018): ``questions_months`` calendar months
    # before it the questions and proposals sent through open sources are collected,
    # analysed and selected (None: no such step); with ``egov_portal`` the announcement is
    # also made on the e-government portal (its open-data portal included) that day.
    questions_months: int | None = Field(default=None, ge=0, le=12)
    egov_portal: bool = False


# ---------------------------------------------------------------------- clashes
class ClashPerson(Rule):
    rule_id = "CLASH-PERSON"
    max_per_day: PositiveCount = 1


class Travel(Rule):
    rule_id = "TRAVEL"
    flight_fixed_h: Hours = 0.5
    flight_kmh: float = Field(default=750.0, gt=0, le=3000)
    airport_overhead_h: Hours = 2.0
    road_max_km: float = Field(default=300.0, ge=0, le=5000)
    road_kmh: float = Field(default=80.0, gt=0, le=300)
    road_factor: float = Field(default=1.25, ge=1.0, le=5.0)
    travel_from: Clock = "07:00"
    travel_until: Clock = "22:00"

    @model_validator(mode="after")
    def _window(self) -> Travel:
        if self.travel_until <= self.travel_from:
            raise ValueError(f"travel_until ({self.travel_until}) is not after travel_from "
                             f"({self.travel_from})")
        return self


class CapRegion(Rule):
    rule_id = "CAP-REGION"
    region_per_day: PositiveCount = 1
    region_per_weekend: PositiveCount = 2


class AkimSupport(Rule):
    rule_id = "AKIM-SUPPORT"


class AttendDistrict(Rule):
    rule_id = "ATTEND-DISTRICT"


class TravelBase(Rule):
    """TRAVEL-BASE (issue 11 item 4): a presenter starts the half-year at his base
    (``base_region_id``) and is back there on each working day (Mon-Fri, not a day off)
    that lies strictly between two of his meetings; the trips to and from the base obey
    TRAVEL's speeds and one day's travel window."""

    rule_id = "TRAVEL-BASE"


class AttendGov(Rule):
    """ATTEND-GOV (S-2016 item 12.4): members of the Government take part in the
    reporting meetings of region-level akims. Each planned meeting of a region-level akim
    lists at least ``members_per_meeting`` first heads of ministries in ``attendee_ids``;
    an attendee is not absent that day, attends or presents no two meetings at once and at
    most ``max_per_day`` a day, and can travel between them (TRAVEL's speeds)."""

    rule_id = "ATTEND-GOV"
    members_per_meeting: PositiveCount = 1
    max_per_day: PositiveCount = 1


class TvLive(Rule):
    rule_id = "TV-LIVE"
    tv_channels: PositiveCount = 1


# ------------------------------------------------------------------ substitution
class SubstDeputy(Rule):
    """SUBST-DEPUTY. S-2023D covers planned meetings of ministers; the three switches are
    the project's readings beyond it (docs/rules.md): ``out_of_schedule`` (a deputy may
    present an out-of-schedule meeting on a day the head is away for one of ``reasons``),
    ``akims`` (an akim's deputy may stand in likewise), ``urgent_handover`` (a planned
    meeting goes to a deputy on a day the head holds an out-of-schedule one)."""

    rule_id = "SUBST-DEPUTY"
    w_substitution: Weight = 20
    reasons: tuple[Literal["illness", "delegation", "deputy_pm", "other"], ...] = (
        "illness", "delegation", "deputy_pm")
    excluded_bodies: tuple[Line, ...] = ()
    out_of_schedule: bool = True
    akims: bool = True
    urgent_handover: bool = True


# ------------------------------------------------------------------------ region
class RegionIssues(Rule):
    rule_id = "REGION-ISSUES"
    w_issue: Weight = 1


class RegionAgree(Rule):
    rule_id = "REGION-AGREE"
    w_preferred: Weight = 3


class RegionSpread(Rule):
    rule_id = "REGION-SPREAD"
    w_repeat: Weight = 5
    min_region_visits: Count = 1
    w_unvisited: Weight = 30
    w_max_load: Weight = 2


# ----------------------------------------------------------------------- urgency
class UrgentTension(Rule):
    """Out-of-schedule meetings of an alert's bodies in the alert's region and window;
    ``max_per_quarter`` (optional, the project's) caps each head's out-of-schedule
    meetings in a quarter."""

    rule_id = "URGENT-TENSION"
    arisen_days: Days = 7
    forecast_days: Days = 30
    max_per_quarter: Count | None = None


class ExtraDemand(UrgentTension):
    rule_id = "EXTRA-DEMAND"


# --------------------------------------------------------------------- deadlines
class Milestone(Rule):
    """A dated milestone: ``h1`` and ``h2`` are MM-DD; ``h1_previous_year`` moves the H1
    date a year back. ``approve_h1`` (DL-AKIM-CAL) is a second dated step before ``h1``."""

    h1: MonthDay | None = None
    h2: MonthDay | None = None
    approve_h1: MonthDay | None = None
    h1_previous_year: bool = False
    days_after_meeting: Days | None = None
    quarterly_day: int | None = Field(default=None, ge=1, le=28)  # DL-CHANGE, DL-QREPORT


class DlChange(Milestone):
    """DL-CHANGE: the quarterly deadline of change requests, and the cost of each change
    in re-planning (a change of date, region or presenter; an added meeting), multiplied
    by ``near_factor`` for meetings less than ``near_days`` away."""

    rule_id = "DL-CHANGE"
    w_date_change: Weight = 10
    w_region_change: Weight = 10
    w_presenter_change: Weight = 3
    w_added: Weight = 10
    near_days: Days = 60
    near_factor: PositiveCount = 2


# ------------------------------------------------------------------------ format
class FmtQa(Rule):
    rule_id = "FMT-QA"
    meeting_minutes: int = Field(default=120, ge=1, le=24 * 60)
    max_report_share: float = Field(default=0.25, gt=0, le=1)


class FmtOnline(Rule):
    rule_id = "FMT-ONLINE"
    channel: Line = "online stream on the official social media accounts, comments open"


class FmtAudience(Rule):
    rule_id = "FMT-AUDIENCE"
    invitees: tuple[Line, ...] = ()
    # Rectors' meetings (bodies of kind ``university``) invite these instead of ``invitees``
    # (S-2016 item 3); empty: ``invitees``.
    rectors_invitees: tuple[Line, ...] = ()


class DlLocalLists(Milestone):
    rule_id = "DL-LOCAL-LISTS"


class DlDraft(Milestone):
    rule_id = "DL-DRAFT"


class DlMvk(Milestone):
    rule_id = "DL-MVK"


class DlQreport(Milestone):
    rule_id = "DL-QREPORT"


class DlResults(Milestone):
    rule_id = "DL-RESULTS"


class DlAkimCal(Milestone):
    rule_id = "DL-AKIM-CAL"


class DlAfter(Milestone):
    rule_id = "DL-AFTER"
    # S-2018: heads of central executive bodies brief the media at the Central
    # Communications Service within ``briefing_days`` calendar days after their meeting
    # (None: no briefing step).
    briefing_days: Days | None = None


# The catalogue of RULES.md, in its order: every rule id with its parameter class.
CATALOGUE: dict[str, type[Rule]] = {cls.rule_id: cls for cls in (
    ScopeExempt, FreqCebQuarter, FreqAkim, FreqWindow, TimeHorizon, TimeOffhours, TimeLead,
    ClashPerson, Travel, CapRegion, AkimSupport, AttendDistrict, TvLive, SubstDeputy,
    RegionIssues, RegionAgree, RegionSpread, UrgentTension, ExtraDemand, DlLocalLists,
    DlDraft, DlMvk, DlChange, DlQreport, DlResults, DlAkimCal, DlAfter, FmtQa, FmtOnline,
    FmtAudience, AkimRotation, FreqSpacing, FreqLoad, TimeEvening, UrgentEarly, AkimSpread,
    TravelBase, AttendGov)}
R = TypeVar("R", bound=Rule)
RuleKey = str | type[Rule]


def rule_id_of(key: RuleKey) -> str:
    return key if isinstance(key, str) else key.rule_id


class Profile(BaseModel):
    """One edition of the policy: its rules, keyed by rule id."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: Name
    title: Line = ""
    description: Line = ""
    rules: dict[str, Rule]

    @field_validator("rules", mode="before")
    @classmethod
    def _typed_rules(cls, raw: dict) -> dict:
        if not isinstance(raw, dict):
            raise ValueError("'rules' must be a table of rule ids")
        typed, problems = {}, []  # problems located at rules.<RULE-ID>.<parameter>
        for rule_id, spec in raw.items():
            if rule_id not in CATALOGUE:
                close = difflib.get_close_matches(str(rule_id), CATALOGUE, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(InitErrorDetails(type=PydanticCustomError(
                    "unknown_rule", "unknown rule id '{rule_id}' ({hint}known: {known})",
                    {"rule_id": str(rule_id), "hint": hint, "known": ", ".join(CATALOGUE)}),
                    loc=(str(rule_id),), input=spec))
                continue
            try:
                typed[rule_id] = spec if isinstance(spec, Rule) else \
                    CATALOGUE[rule_id].model_validate(spec)
            except ValidationError as exc:
                for err in exc.errors():  # the same message, one level down
                    detail = InitErrorDetails(type=PydanticCustomError(
                        err["type"], "{msg}", {"msg": err["msg"]}),
                        loc=(rule_id, *err["loc"]), input=err["input"])
                    if err["type"] == "extra_forbidden":
                        close = difflib.get_close_matches(str(err["loc"][-1]),
                                                          CATALOGUE[rule_id].model_fields, n=1)
                        detail["type"] = PydanticCustomError(
                            "unknown_parameter", "unknown parameter of {rule_id} ({hint}its "
                            "parameters: {known})", {
                                "rule_id": rule_id,
                                "hint": f"did you mean '{close[0]}'? " if close else "",
                                "known": ", ".join(CATALOGUE[rule_id].model_fields)})
                    problems.append(detail)
        missing = [rule_id for rule_id in CATALOGUE if rule_id not in raw]
        if missing:  # a deleted table would silently switch its rule off
            problems.append(InitErrorDetails(type=PydanticCustomError(
                "missing_rules", "no table for {missing}: list every rule id, and switch a "
                "rule off with 'enabled = false'", {"missing": ", ".join(missing)}),
                loc=(), input=raw))
        if problems:
            raise ValidationError.from_exception_data("rules", problems)
        return typed

    def on(self, key: RuleKey) -> bool:
        """Is this rule (its id or its parameter class) in the profile and switched on?"""
        rule = self.rules.get(rule_id_of(key))
        return rule is not None and rule.enabled

    @overload
    def get(self, key: type[R]) -> R: ...

    @overload
    def get(self, key: str) -> Rule: ...

    def get(self, key):
        """The rule's parameters (its defaults when the profile does not list it):
        ``profile.get(TimeLead).lead_months``, typed by the class asked for."""
        rule_id = rule_id_of(key)
        rule = self.rules.get(rule_id)
        if rule is not None:
            return rule
        return CATALOGUE[rule_id](kind="hard", source="-", enabled=False)

    @property
    def lead_days(self) -> int:
        """TIME-LEAD's days of lead (0 when the rule is off)."""
        return self.get(TimeLead).lead_days if self.on(TimeLead) else 0

    @property
    def lead_months(self) -> int:
        """TIME-LEAD's calendar months of lead (0 when the rule is off)."""
        return self.get(TimeLead).lead_months if self.on(TimeLead) else 0

    def without(self, *keys: RuleKey) -> Profile:
        """A copy with these rules switched off (used by tests and explanations)."""
        rules = dict(self.rules)
        for rule_id in map(rule_id_of, keys):
            if rule_id not in rules:
                raise KeyError(f"profile '{self.id}' has no rule '{rule_id}'")
            rules[rule_id] = rules[rule_id].model_copy(update={"enabled": False})
        return self.model_copy(update={"rules": rules})

    def with_params(self, key: RuleKey, **params) -> Profile:
        rule_id = rule_id_of(key)
        rules = dict(self.rules)
        rules[rule_id] = CATALOGUE[rule_id].model_validate(
            {**rules[rule_id].model_dump(), **params})
        return self.model_copy(update={"rules": rules})


# ------------------------------------------------------------ body references
# The bodies a profile may name (SCOPE-EXEMPT.exempt_bodies, SUBST-DEPUTY.excluded_bodies)
# even when an instance does not list them: the 21 ministries of instances/kz-2027-h1.json
# and bodies of earlier editions of the Government (S-2016, S-2018). A profile that names a
# body neither here nor in the instance is refused: a typo would silently exempt nobody.
KNOWN_BODIES: dict[str, str] = {
    "internal-affairs": "Ministry of Internal Affairs",
    "foreign-affairs": "Ministry of Foreign Affairs",
    "defence": "Ministry of Defence",
    "emergency-situations": "Ministry of Emergency Situations",
    "justice": "Ministry of Justice",
    "national-economy": "Ministry of National Economy",
    "finance": "Ministry of Finance",
    "health": "Ministry of Health",
    "enlightenment": "Ministry of Enlightenment",
    "science-higher-education": "Ministry of Science and Higher Education",
    "labour-social-protection": "Ministry of Labour and Social Protection of the Population",
    "culture-information": "Ministry of Culture and Information",
    "tourism-sports": "Ministry of Tourism and Sports",
    "agriculture": "Ministry of Agriculture",
    "ecology-natural-resources": "Ministry of Ecology and Natural Resources",
    "water-resources-irrigation": "Ministry of Water Resources and Irrigation",
    "energy": "Ministry of Energy",
    "industry-construction": "Ministry of Industry and Construction",
    "transport": "Ministry of Transport",
    "trade-integration": "Ministry of Trade and Integration",
    "ai-digital-development": "Ministry of Artificial Intelligence and Digital Development",
    # historical (earlier Governments; S-2016, S-2018)
    "defence-aerospace-industry": "Ministry of Defence and Aerospace Industry (2016-2019)",
    "education-science": "Ministry of Education and Science (until 2022)",
    "healthcare-social-development": "Ministry of Healthcare and Social Development (2014-2016)",
    "investments-development": "Ministry for Investments and Development (2014-2019)",
    "information-communications": "Ministry of Information and Communications (2016-2019)",
    "religious-affairs-civil-society": "Ministry of Religious Affairs and Civil Society "
                                       "(2016-2018)",
    "culture-sports": "Ministry of Culture and Sports (2014-2023)",
    "civil-service-anti-corruption": "Agency for Civil Service Affairs and Anti-Corruption "
                                     "(2014-2019; S-2016 item 1)",
}
BODY_FIELDS: dict[str, tuple[str, ...]] = {
    "SCOPE-EXEMPT": ("exempt_bodies",),
    "SUBST-DEPUTY": ("excluded_bodies",),
}


def profile_problems(profile: Profile, instance) -> list[str]:
    """Body references of a profile that make no sense for this instance.

    Each problem reads ``RULE-ID.field: unknown body 'x'``: a body named by the profile
    that is neither in ``instance.bodies`` nor in :data:`KNOWN_BODIES`.
    """
    known = {b.id for b in instance.bodies} | set(KNOWN_BODIES)
    problems = []
    for rule_id, fields in BODY_FIELDS.items():
        rule = profile.rules.get(rule_id)
        for name in fields if rule is not None else ():
            for body_id in getattr(rule, name):
                if body_id not in known:
                    close = difflib.get_close_matches(body_id, sorted(known), n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else \
                        " (neither in the instance nor a known body)"
                    problems.append(f"{rule_id}.{name}: unknown body '{body_id}'{hint}")
    return problems


def builtin_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def profile_path(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return path
    return PROFILES_DIR / f"{name_or_path}.toml"


def milestone_date(rule: Milestone, year: int, half: int, *, yearly: bool = False
                   ) -> dt.date | None:
    """The date of a half-yearly milestone for the horizon (year, half). With ``yearly``,
    a milestone without an H2 date (a yearly schedule: S-2016 item 12.2, S-2022A item 2)
    gives its H1 date of the same year for H2 as well."""
    text = rule.h1 if half == 1 else rule.h2
    if text is None and yearly and half == 2:
        text, half = rule.h1, 1
    if text is None:
        return None
    month, day = map(int, text.split("-"))
    if half == 1 and rule.h1_previous_year:
        year -= 1
    return dt.date(year, month, day)


def profile_text(profile: Profile) -> str:
    """The profile as TOML (kept with every calendar version, to plan it again)."""
    lines = [f"id = {_toml(profile.id)}", f"title = {_toml(profile.title)}",
             f"description = {_toml(profile.description)}"]
    for rule_id, rule in profile.rules.items():
        lines += ["", f"[rules.{rule_id}]"]
        lines += [f"{key} = {_toml(value)}" for key, value in rule.model_dump().items()
                  if value is not None]
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_profile(text: str) -> Profile:
    return Profile.model_validate(tomllib.loads(text))
