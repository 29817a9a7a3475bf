"""The disruption model (a TOML file) and the futures sampled from it.

A future is what may happen to a published calendar in one half-year: absences of
ministers, deputies and akims, tension alerts, dates an akimat blocks, days off the
Government moves, and change requests. It is drawn from the model with
``numpy.random.default_rng([seed, 0, scenario])``: scenario i of seed S is always the same
future, whatever else runs, and it does not depend on the calendar, so two calendars
swept with one seed meet the same futures. Change requests name a meeting only through
an ordinal ("the body's k-th meeting of the quarter"), resolved against the calendar at
hand when the quarter is re-planned (``change_set``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import Field, ValidationError, model_validator

from scheduler.changes import Action, ChangeRequest, ChangeSet, change_deadline
from scheduler.instance import (
    Absence,
    AbsenceReason,
    AlertLevel,
    BodyKind,
    DateKind,
    Frozen,
    Instance,
    Official,
    RegionDate,
    Role,
    TensionAlert,
    quarter_of,
)
from scheduler.io import InputError
from scheduler.meetings import Calendar, MeetingKind
from scheduler.profile import Profile
from scheduler.rules.time_lead import lead_end
from scheduler.slots import days_off

DEFAULT_MODEL = Path(__file__).with_name("disruptions.toml")
ROLES = ("minister", "deputy", "akim")
REASONS = ("illness", "delegation", "other")


# ---------------------------------------------------------------------- the model
class Rate(Frozen):
    rate_per_month: float = Field(ge=0, le=31)
    duration_days: tuple[int, int] = (1, 1)

    @model_validator(mode="after")
    def _bounds(self) -> Rate:
        low, high = self.duration_days
        if low < 1 or high < low or high > 366:
            raise ValueError(f"duration_days {list(self.duration_days)}: "
                             "need 1 <= min <= max <= 366")
        return self


class RoleRates(Frozen):
    illness: Rate = Rate(rate_per_month=0)
    delegation: Rate = Rate(rate_per_month=0)
    other: Rate = Rate(rate_per_month=0)


class Absences(Frozen):
    minister: RoleRates = RoleRates()
    deputy: RoleRates = RoleRates()
    akim: RoleRates = RoleRates()


class Delegations(Frozen):
    deputy_joins: float = Field(default=0.0, ge=0, le=1)
    season: tuple[float, ...] = (1.0,) * 12
    body_factor: dict[str, float] = {}

    @model_validator(mode="after")
    def _season(self) -> Delegations:
        if len(self.season) != 12 or min(self.season) < 0:
            raise ValueError("season: twelve factors (January to December), none negative")
        if any(f < 0 for f in self.body_factor.values()):
            raise ValueError("body_factor: no negative factor")
        return self


class Hazard(Frozen):
    name: str
    level: AlertLevel
    regions: tuple[str, ...] = ()  # empty: every region
    months: tuple[int, ...] = ()  # empty: every month
    rate_per_month: float = Field(ge=0, le=31)
    bodies: tuple[str, ...] = ()  # empty: drawn from the region's topical issues
    max_bodies: int = Field(default=1, ge=1, le=10)
    akimat: float = Field(default=0.0, ge=0, le=1)

    @model_validator(mode="after")
    def _months(self) -> Hazard:
        if any(not 1 <= m <= 12 for m in self.months):
            raise ValueError(f"months {list(self.months)}: 1 to 12")
        return self


class Blocked(Frozen):
    rate_per_region_quarter: float = Field(default=0.0, ge=0, le=90)
    days: tuple[int, int] = (1, 1)
    days_off_per_half_year: float = Field(default=0.0, ge=0, le=30)


class Requests(Frozen):
    ministry_rate_per_quarter: float = Field(default=0.0, ge=0, le=30)
    akimat_rate_per_quarter: float = Field(default=0.0, ge=0, le=30)
    move_date: float = Field(default=1.0, ge=0)
    move_region: float = Field(default=0.0, ge=0)
    cancel: float = Field(default=0.0, ge=0)
    late_share: float = Field(default=0.0, ge=0, le=1)

    @model_validator(mode="after")
    def _shares(self) -> Requests:
        if self.move_date + self.move_region + self.cancel <= 0:
            raise ValueError("move_date, move_region and cancel: at least one share above 0")
        return self


class Timing(Frozen):
    as_of: Literal["deadline", "quarter-start"] = "deadline"


class DisruptionModel(Frozen):
    name: str = "custom"
    title: str = ""
    timing: Timing = Timing()
    absences: Absences = Absences()
    delegations: Delegations = Delegations()
    alerts: tuple[Hazard, ...] = ()
    blocked: Blocked = Blocked()
    requests: Requests = Requests()

    def digest(self) -> str:
        """A short fingerprint: a sweep resumes only with the model it started with."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


def load_model(path: str | Path | None = None) -> DisruptionModel:
    """The disruption model of a TOML file (the default one when ``path`` is None);
    InputError naming the file and field when it is not one."""
    path = Path(path) if path is not None else DEFAULT_MODEL
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such disruption model file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a TOML file ({exc})") from None
    try:
        return DisruptionModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: field '{where}': {first['msg']}") from None


# ---------------------------------------------------------------------- a future
@dataclass(frozen=True)
class RequestDraw:
    """A change request before it meets a calendar: the body's ``ordinal``-th planned
    meeting of the quarter (a fraction in [0, 1)), what to do with it."""

    id: str
    body_id: str
    quarter: int
    action: str  # move_date, move_region, cancel
    late: bool
    ordinal: float
    weeks: int  # move_date: +-1..3 weeks
    region_pick: float  # move_region: a fraction in [0, 1)
    submitted_days_before: int


@dataclass(frozen=True)
class Future:
    """One sampled half-year: the events of each quarter, learned as of its date."""

    seed: int
    scenario: int
    as_of: dict[int, dt.date]
    absences: dict[int, tuple[Absence, ...]] = field(default_factory=dict)
    alerts: dict[int, tuple[TensionAlert, ...]] = field(default_factory=dict)
    blocked: dict[int, tuple[RegionDate, ...]] = field(default_factory=dict)
    days_off: dict[int, tuple[dt.date, ...]] = field(default_factory=dict)
    requests: dict[int, tuple[RequestDraw, ...]] = field(default_factory=dict)

    def events(self, quarter: int) -> dict[str, int]:
        """How many events of each kind the quarter has (for the report)."""
        counts = {f"absence_{r}": 0 for r in REASONS}
        for a in self.absences.get(quarter, ()):
            counts[f"absence_{a.reason.value}"] += 1
        counts["alerts"] = len(self.alerts.get(quarter, ()))
        counts["blocked_dates"] = len(self.blocked.get(quarter, ()))
        counts["days_off"] = len(self.days_off.get(quarter, ()))
        counts["requests"] = len(self.requests.get(quarter, ()))
        return counts


def role_of(instance: Instance, official: Official) -> str:
    if instance.body(official.body_id).kind is BodyKind.akimat and official.role is Role.first_head:
        return "akim"
    return "minister" if official.role is Role.first_head else "deputy"


def as_of_dates(instance: Instance, profile: Profile, model: DisruptionModel) -> dict[int, dt.date]:
    """The date each quarter's change set is taken (see ``[timing]``)."""
    horizon = instance.horizon
    dates = {}
    for q in horizon.quarters:
        start = dt.date(horizon.year, 3 * q - 2, 1)
        if model.timing.as_of == "quarter-start":
            dates[q] = start
        else:  # the DL-CHANGE deadline of the quarter before, inside the half-year
            before = start - dt.timedelta(days=1)
            dates[q] = max(horizon.start, change_deadline(before, profile))
    return dates


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def _month_spans(start: dt.date, end: dt.date) -> list[tuple[int, dt.date, dt.date]]:
    """(month, first day, last day) of each month from start to end, clipped."""
    spans, day = [], start
    while day <= end:
        nxt = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        last = min(end, nxt - dt.timedelta(days=1))
        spans.append((day.month, day, last))
        day = nxt
    return spans


def sample_future(instance: Instance, profile: Profile, model: DisruptionModel, seed: int,
                  scenario: int, stream: int = 0) -> Future:
    """Scenario ``scenario`` of ``seed``: always the same future for the same instance,
    profile and model (``stream`` 1 gives the training futures of the robust plan)."""
    rng = np.random.default_rng([seed, stream, scenario])
    horizon = instance.horizon
    as_of = as_of_dates(instance, profile, model)
    quarters = horizon.quarters
    q_start = {q: dt.date(horizon.year, 3 * q - 2, 1) for q in quarters}
    q_end = {q: (dt.date(horizon.year, 3 * q, 28) + dt.timedelta(days=4)).replace(day=1)
             - dt.timedelta(days=1) for q in quarters}
    absences: dict[int, list[Absence]] = {q: [] for q in quarters}
    alerts: dict[int, list[TensionAlert]] = {q: [] for q in quarters}
    blocked: dict[int, list[RegionDate]] = {q: [] for q in quarters}
    off: dict[int, list[dt.date]] = {q: [] for q in quarters}
    requests: dict[int, list[RequestDraw]] = {q: [] for q in quarters}
    regions = [r.id for r in instance.regions]
    bodies = {b.id for b in instance.bodies}

    def pick_day(first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=int(rng.integers(0, (last - first).days + 1)))

    # Absences: Poisson episodes per person, month and reason; delegations bring deputies.
    deleg = model.delegations
    for official in instance.officials:  # instance order: stable
        role = role_of(instance, official)
        rates: RoleRates = getattr(model.absences, role)
        factor = deleg.body_factor.get(official.body_id, 1.0)
        for reason in REASONS:
            rate: Rate = getattr(rates, reason)
            for month, first, last in _month_spans(horizon.start, horizon.end):
                mean = rate.rate_per_month * ((last - first).days + 1) / 30.0
                if reason == "delegation":
                    mean *= factor * deleg.season[month - 1]
                for _ in range(int(rng.poisson(mean))):
                    start = pick_day(first, last)
                    length = int(rng.integers(rate.duration_days[0], rate.duration_days[1] + 1))
                    end = min(horizon.end, start + dt.timedelta(days=length - 1))
                    q = quarter_of(start)
                    absences[q].append(Absence(official_id=official.id, start=start, end=end,
                                               reason=AbsenceReason(reason),
                                               note=f"sampled ({reason})"))
                    if reason == "delegation" and role == "minister":
                        for deputy in instance.deputies_of(official.id):
                            if rng.random() < deleg.deputy_joins:
                                absences[q].append(Absence(
                                    official_id=deputy.id, start=start, end=end,
                                    reason=AbsenceReason.delegation,
                                    note="sampled (with the minister's delegation)"))

    # Tension alerts: hazards per region and month.
    issues: dict[str, dict[str, int]] = {}
    for issue in instance.issues:
        if instance.body(issue.body_id).kind is BodyKind.ceb:
            issues.setdefault(issue.region_id, {}).setdefault(issue.body_id, 0)
            issues[issue.region_id][issue.body_id] += issue.weight
    akimat_of = {b.region_id: b.id for b in instance.bodies if b.kind is BodyKind.akimat}
    number = 0
    for h, hazard in enumerate(model.alerts):
        where = [r for r in (hazard.regions or regions) if r in set(regions)]
        for region in where:
            for month, first, last in _month_spans(horizon.start, horizon.end):
                if hazard.months and month not in hazard.months:
                    continue
                mean = hazard.rate_per_month * ((last - first).days + 1) / 30.0
                for _ in range(int(rng.poisson(mean))):
                    day = pick_day(first, last)
                    chosen = _alert_bodies(rng, hazard, issues.get(region, {}), bodies)
                    if region in akimat_of and rng.random() < hazard.akimat:
                        chosen.append(akimat_of[region])
                    if not chosen:
                        continue
                    number += 1
                    q = quarter_of(day)
                    alerts[q].append(TensionAlert(
                        id=f"sim-{scenario}-{number}", region_id=region, body_ids=tuple(chosen),
                        level=hazard.level, date=day, text=f"sampled: {hazard.name}"))

    # Blocked dates and days off: after the quarter's TIME-LEAD window.
    holidays = days_off(instance)
    for q in quarters:
        first = max(q_start[q], lead_end(as_of[q], profile))
        if first > q_end[q]:
            continue
        for region in regions:
            for _ in range(int(rng.poisson(model.blocked.rate_per_region_quarter))):
                day = pick_day(first, q_end[q])
                length = int(rng.integers(model.blocked.days[0], model.blocked.days[1] + 1))
                for d in _days(day, min(q_end[q], day + dt.timedelta(days=length - 1))):
                    blocked[q].append(RegionDate(region_id=region, date=d, kind=DateKind.blocked,
                                                 note="sampled"))
        share = ((q_end[q] - first).days + 1) / ((horizon.end - horizon.start).days + 1)
        for _ in range(int(rng.poisson(model.blocked.days_off_per_half_year * share))):
            day = pick_day(first, q_end[q])
            if day not in holidays:
                off[q].append(day)

    # Change requests: per body and quarter, resolved against a calendar later.
    req = model.requests
    actions = ("move_date", "move_region", "cancel")
    shares = np.array([req.move_date, req.move_region, req.cancel], dtype=float)
    shares /= shares.sum()
    for q in quarters:
        for body in instance.bodies:  # bodies without a duty draw too: the stream stays put
            rate = (req.ministry_rate_per_quarter if body.kind is BodyKind.ceb
                    else req.akimat_rate_per_quarter)
            for n in range(int(rng.poisson(rate))):
                requests[q].append(RequestDraw(
                    id=f"sim-R-{body.id}-q{q}-{n + 1}", body_id=body.id, quarter=q,
                    action=actions[int(rng.choice(3, p=shares))],
                    late=bool(rng.random() < req.late_share), ordinal=float(rng.random()),
                    weeks=int(rng.choice([-3, -2, -1, 1, 2, 3])),
                    region_pick=float(rng.random()),
                    submitted_days_before=int(rng.integers(0, 15))))

    def frozen(d: dict) -> dict:
        return {q: tuple(v) for q, v in d.items()}

    return Future(seed, scenario, as_of, frozen(absences), frozen(alerts), frozen(blocked),
                  frozen(off), frozen(requests))


def _alert_bodies(rng: np.random.Generator, hazard: Hazard, weights: dict[str, int],
                  bodies: set[str]) -> list[str]:
    if hazard.bodies:
        named = [b for b in hazard.bodies if b in bodies]
        if len(named) <= hazard.max_bodies:
            return named
        picked = rng.choice(len(named), size=hazard.max_bodies, replace=False)
        return [named[i] for i in sorted(picked)]
    if not weights:
        return []
    names = sorted(weights)
    p = np.array([weights[b] for b in names], dtype=float)
    k = int(rng.integers(1, min(hazard.max_bodies, len(names)) + 1))
    picked = rng.choice(len(names), size=k, replace=False, p=p / p.sum())
    return [names[i] for i in sorted(picked)]


# ---------------------------------------------------------------------- change sets
def with_blocked(instance: Instance, blocked: tuple[RegionDate, ...]) -> Instance:
    """The instance with more dates blocked by akimats (REGION-AGREE)."""
    if not blocked:
        return instance
    known = set(instance.region_dates)
    data = instance.model_dump()
    data["region_dates"] = [*data["region_dates"], *(rd.model_dump() for rd in blocked
                                                     if rd not in known)]
    return Instance.model_validate(data)


def change_set(future: Future, quarter: int, instance: Instance, profile: Profile,
               calendar: Calendar) -> ChangeSet:
    """The quarter's change set against the calendar at hand: its absences, alerts and days
    off, and its requests resolved to meetings of that calendar."""
    as_of = future.as_of[quarter]
    frozen_until = lead_end(as_of, profile)
    requests = []
    for draw in future.requests.get(quarter, ()):
        r = _resolve(draw, instance, calendar, as_of, frozen_until, profile)
        if r is not None:
            requests.append(r)
    return ChangeSet(requests=tuple(requests), absences=future.absences.get(quarter, ()),
                     alerts=future.alerts.get(quarter, ()),
                     extra_days_off=future.days_off.get(quarter, ()),
                     note=f"sampled future {future.scenario} of seed {future.seed}, Q{quarter}")


def _resolve(draw: RequestDraw, instance: Instance, calendar: Calendar, as_of: dt.date,
             frozen_until: dt.date, profile: Profile) -> ChangeRequest | None:
    """The request a draw makes of this calendar (None: the body has no meeting to ask about)."""
    mine = sorted((m for m in calendar.meetings if m.body_id == draw.body_id
                   and m.kind is MeetingKind.planned and m.quarter == draw.quarter
                   and m.date >= as_of), key=lambda m: (m.date, m.start, m.id))
    late = [m for m in mine if m.date < frozen_until]
    timely = [m for m in mine if m.date >= frozen_until]
    pool = (late or timely) if draw.late else (timely or late)
    if not pool:
        return None
    meeting = pool[int(draw.ordinal * len(pool))]
    submitted = as_of - dt.timedelta(days=draw.submitted_days_before)
    base = dict(id=draw.id, body_id=draw.body_id, submitted=submitted, meeting_id=meeting.id,
                note="sampled" + (" (late)" if draw.late else ""))
    if draw.action == "cancel":
        return ChangeRequest(action=Action.cancel, **base)
    if draw.action == "move_region":
        weights: dict[str, int] = {}
        for issue in instance.issues:
            if issue.body_id == draw.body_id and issue.region_id != meeting.region_id:
                weights[issue.region_id] = weights.get(issue.region_id, 0) + issue.weight
        home = instance.body(draw.body_id).region_id
        if home is None:  # ministries: a region with the body's issues, else any other
            names = sorted(weights) or sorted(r.id for r in instance.regions
                                              if r.id != meeting.region_id)
            if names:
                total = sum(weights.get(n, 1) for n in names)
                point, acc = draw.region_pick * total, 0.0
                for name in names:
                    acc += weights.get(name, 1)
                    if point < acc:
                        return ChangeRequest(action=Action.move, region_id=name, **base)
                return ChangeRequest(action=Action.move, region_id=names[-1], **base)
        # akimats meet at home: a region move becomes a date move
    day = meeting.date + dt.timedelta(weeks=draw.weeks)
    if quarter_of(day) != draw.quarter \
            or not (instance.horizon.start <= day <= instance.horizon.end):
        day = meeting.date - dt.timedelta(weeks=draw.weeks)
    if quarter_of(day) != draw.quarter:
        return None
    return ChangeRequest(action=Action.move, date=day, **base)
