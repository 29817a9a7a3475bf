"""One summary of a calendar: meetings per body, quarter and region, substitutions, coverage.

Every output that counts reads it from here, so they never disagree: the tables that
``scheduler plan`` prints, ``scheduler compare``, the HTML and PDF reports, the workbook's
summary sheet, the charts (coverage by region, meetings by region on the map) and the web
dashboard. Nothing here formats or draws; ``rows`` gives the labelled figures the three
documents show, in their order.

Meanings (the same in every output):

- a *ministerial* meeting is a meeting of a ministry (a central executive body);
- a region's topical issue is *met* when a meeting of the issue's body takes place in the
  issue's region (REGION-ISSUES), whichever kind of meeting it is;
- *substitutions* are meetings a deputy presents; *out of schedule* are URGENT-TENSION
  and EXTRA-DEMAND meetings; a body's per-quarter counts are its planned meetings;
- a minister has *met the population* in a quarter when a meeting of his duty (planned
  or out of schedule, presented by him or a deputy) falls in that quarter;
- ministries *with a duty* are those the profile does not exempt (SCOPE-EXEMPT).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from scheduler.instance import BodyKind, Instance, Role
from scheduler.meetings import Calendar, MeetingKind
from scheduler.profile import Profile, ScopeExempt


@dataclass(frozen=True)
class BodyCounts:
    """One ministry's or akimat's meetings."""

    per_quarter: dict[int, int]  # planned meetings per quarter
    out_of_schedule: int
    substitutions: int

    @property
    def meetings(self) -> int:
        return sum(self.per_quarter.values()) + self.out_of_schedule


@dataclass(frozen=True)
class RegionCounts:
    """One region's meetings and the weight of its topical issues taken up."""

    meetings: int  # every meeting held in the region
    ministerial: int  # meetings of ministries held in the region
    weight_met: int
    weight_total: int


@dataclass(frozen=True)
class Summary:
    meetings: int
    per_quarter: dict[int, int]  # every meeting, planned and out of schedule
    planned: int
    out_of_schedule: int
    substitutions: int
    per_kind: dict[BodyKind, int]  # meetings of ministries, akimats, universities
    per_body: dict[str, BodyCounts]  # bodies with a meeting, in the instance's order
    per_region: dict[str, RegionCounts]  # every region, in the instance's order
    ministries: int  # ministries with a meeting
    ministries_with_duty: int  # ministries the profile does not exempt
    akimats: int
    akimats_total: int
    ministers_total: int
    ministers_per_quarter: dict[int, int]  # ministers who met the population in the quarter
    regions_covered: int  # regions with a ministerial meeting
    regions_total: int
    issues_met: int
    issues_total: int
    weight_met: int
    weight_total: int

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Region -> (weight of topical issues met, total weight)."""
        return {r: (c.weight_met, c.weight_total) for r, c in self.per_region.items()}

    def rows(self, label: Callable[[str], str],
             quarter: Callable[[int], str]) -> list[tuple[str, int | str]]:
        """The figures the report, its PDF and the workbook show, labelled by ``label(key)``
        (a label key of ``scheduler.i18n``) and ``quarter(q)`` (the row of a quarter's
        meetings); counts are numbers, shares 'met / total' text."""
        return [(label("meetings"), self.meetings),
                *((quarter(q), n) for q, n in self.per_quarter.items()),
                (label("ministries_covered"), f"{self.ministries} / {self.ministries_with_duty}"),
                (label("akimats_covered"), f"{self.akimats} / {self.akimats_total}"),
                (label("regions_covered"), f"{self.regions_covered} / {self.regions_total}"),
                (label("issues_count"), f"{self.issues_met} / {self.issues_total}"),
                (label("issues_met"), f"{self.weight_met} / {self.weight_total}"),
                (label("substitutions"), self.substitutions),
                (label("out_of_schedule"), self.out_of_schedule)]


def summarise(inst: Instance, profile: Profile | None, calendar: Calendar) -> Summary:
    """Count a calendar once. ``profile`` tells which ministries are exempt (none without)."""
    meetings = calendar.meetings
    quarters = inst.horizon.quarters
    kind_of = {b.id: b.kind for b in inst.bodies}
    ministries = {b for b, kind in kind_of.items() if kind is BodyKind.ceb}
    akimats = {b for b, kind in kind_of.items() if kind is BodyKind.akimat}
    exempt: set[str] = set()
    if profile is not None and profile.on(ScopeExempt):
        exempt = set(profile.get(ScopeExempt).exempt_bodies)

    per_quarter = Counter(m.quarter for m in meetings)
    body_planned: dict[str, Counter] = {}
    body_oos: Counter[str] = Counter()
    body_subst: Counter[str] = Counter()
    region_all: Counter[str] = Counter()
    region_min: Counter[str] = Counter()
    met_pairs = set()
    ministers_met: dict[int, set[str]] = {q: set() for q in quarters}
    for m in meetings:
        planned = body_planned.setdefault(m.body_id, Counter())
        if m.kind is MeetingKind.planned:
            planned[m.quarter] += 1
        else:
            body_oos[m.body_id] += 1
        body_subst[m.body_id] += m.substituted
        region_all[m.region_id] += 1
        met_pairs.add((m.region_id, m.body_id))
        if m.body_id in ministries:
            region_min[m.region_id] += 1
            ministers_met.setdefault(m.quarter, set()).add(m.official_id)

    weight_met: Counter[str] = Counter()
    weight_total: Counter[str] = Counter()
    issues_met = 0
    for issue in inst.issues:
        weight_total[issue.region_id] += issue.weight
        if (issue.region_id, issue.body_id) in met_pairs:
            weight_met[issue.region_id] += issue.weight
            issues_met += 1

    per_body = {b.id: BodyCounts({q: body_planned[b.id][q] for q in quarters},
                                 body_oos[b.id], body_subst[b.id])
                for b in inst.bodies if b.id in body_planned}
    per_region = {r.id: RegionCounts(region_all[r.id], region_min[r.id], weight_met[r.id],
                                     weight_total[r.id]) for r in inst.regions}
    ministers = [o for o in inst.officials
                 if o.role is Role.first_head and kind_of.get(o.body_id) is BodyKind.ceb]
    kinds = Counter(kind_of.get(m.body_id) for m in meetings)
    out_of_schedule = sum(m.kind is MeetingKind.out_of_schedule for m in meetings)
    return Summary(
        meetings=len(meetings),
        per_quarter={q: per_quarter.get(q, 0) for q in quarters},
        planned=len(meetings) - out_of_schedule,
        out_of_schedule=out_of_schedule,
        substitutions=sum(body_subst.values()),
        per_kind={kind: kinds.get(kind, 0) for kind in BodyKind},
        per_body=per_body,
        per_region=per_region,
        ministries=len(body_planned.keys() & ministries),
        ministries_with_duty=len(ministries - exempt),
        akimats=len(body_planned.keys() & akimats),
        akimats_total=len(akimats),
        ministers_total=len(ministers),
        ministers_per_quarter={q: len(ministers_met.get(q, ())) for q in quarters},
        regions_covered=len(region_min),
        regions_total=len(inst.regions),
        issues_met=issues_met,
        issues_total=len(inst.issues),
        weight_met=sum(weight_met.values()),
        weight_total=sum(weight_total.values()),
    )
