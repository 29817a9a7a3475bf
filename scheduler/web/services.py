"""The web layer's glue to the library: load stored data, import, solve, version, export.

Everything that decides anything about rules is the library's (``scheduler.planner``,
``scheduler.checker``, ``scheduler.explain``, ``scheduler.report``); this module only
moves data between the database and those functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import threading
import time
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from scheduler.checker import CheckReport, check
from scheduler.instance import Instance
from scheduler.io import InputError, load_instance, to_json
from scheduler.meetings import Calendar, csv_text
from scheduler.planner import solve
from scheduler.profile import Profile, builtin_profiles, profile_problems, profile_text
from scheduler.results import SolveStatus
from scheduler.web.models import (
    AuditEntry,
    Body,
    CalendarVersion,
    HalfYear,
    SolveJob,
    State,
    StoredInstance,
    StoredProfile,
    VersionFile,
)
from scheduler.workspace import version_files

UPLOAD_SUFFIXES = (".json", ".xlsx")


# ------------------------------------------------------------------ audit
def audit(user, action: str, obj=None, *, halfyear: str = "", from_version: int | None = None,
          **detail) -> AuditEntry:
    """Add one row to the audit log: who, what, on which object, from which version."""
    real = user if user is not None and getattr(user, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        user=real, username=real.get_username() if real else "", action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or "") if obj is not None else "",
        halfyear=halfyear, from_version=from_version, detail=detail)


# ------------------------------------------------------------------ loading (cached)
def instance_of(stored: StoredInstance) -> Instance:
    """The stored instance as the library's model (parsed once per process)."""
    key = (stored.pk, stored.sha256)
    hit = _INSTANCES.get(key)
    if hit is None:
        hit = Instance.model_validate(stored.data)
        _remember(_INSTANCES, key, hit)
    return hit


_INSTANCES: dict = {}
_CALENDARS: dict = {}
_CHECKS: dict = {}
_ROWS: dict = {}
_LOCK = threading.Lock()


def _remember(cache: dict, key, value, size: int = 32) -> None:
    with _LOCK:
        if len(cache) >= size:
            cache.pop(next(iter(cache)))
        cache[key] = value


LIGHT_VERSION = ("version__calendar",)  # for select_related("version") queries
LIGHT_INSTANCE = ("instance__data", "instance__source_bytes")


def _vkey(version: CalendarVersion) -> tuple:
    return (version.pk, version.created.isoformat() if version.created else "")


def calendar_of(version: CalendarVersion) -> Calendar:
    key = _vkey(version)
    hit = _CALENDARS.get(key)
    if hit is None:
        hit = Calendar.model_validate(version.calendar)
        _remember(_CALENDARS, key, hit)
    return hit


@lru_cache(maxsize=16)
def profile_from_toml(text: str) -> Profile:
    return Profile.model_validate(tomllib.loads(text))


def profile_of(version: CalendarVersion) -> Profile:
    return profile_from_toml(version.profile_toml)


def check_of(version: CalendarVersion) -> CheckReport:
    key = _vkey(version)
    hit = _CHECKS.get(key)
    if hit is None:
        hit = check(instance_of(version.instance), profile_of(version), calendar_of(version))
        _remember(_CHECKS, key, hit)
    return hit


def cached_rows(version: CalendarVersion, lang: str, build):
    """What a page computes from a version (calendar rows per language, filter choices,
    week grid, summary, deadlines, why each meeting is where it is), made once: kept in
    this process, and in the cache the server's processes and the files worker share (so
    the first request in each process finds it made). A version's content never changes,
    so nothing is ever stale. ``lang`` is the key."""
    key = (*_vkey(version), lang)
    hit = _ROWS.get(key)
    if hit is None:
        shared = _shared_key(key)
        hit = _shared_get(shared)
        if hit is None:
            hit = build()
            _shared_set(shared, hit)
        _remember(_ROWS, key, hit, size=256)
    return hit


def _code_digest() -> str:
    """Of the code that makes the cached values: a new release never reads old entries."""
    from scheduler import summary
    from scheduler.report import common

    here = Path(__file__).resolve().parent
    files = [here / "views.py", here / "services.py", Path(common.__file__),
             Path(summary.__file__)]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:16]


_CODE = _code_digest()


def _shared_key(key: tuple) -> str:
    return "rows:" + hashlib.sha256(repr((_CODE, key)).encode("utf-8")).hexdigest()


def _shared_get(key: str):
    from django.core.cache import caches

    try:
        return caches["pages"].get(key)
    except Exception:  # a damaged cache file is only a miss
        return None


def _shared_set(key: str, value) -> None:
    from django.core.cache import caches

    try:
        caches["pages"].set(key, value, timeout=None)
    except Exception:
        pass


def warm_pages(version: CalendarVersion, langs=("ru", "kk")) -> None:
    """Make the version's calendar rows and filter choices (what every calendar page
    needs) in the shared cache, from the files worker, before anyone asks."""
    from scheduler.web.views import warm_version

    for lang in langs:
        warm_version(version, lang)
    report_of(version)


def report_of(version: CalendarVersion) -> CheckReport:
    """The checker's full report on a version, made once for all the server's processes
    (the files worker makes it ahead): what-if moves compare against it."""
    return cached_rows(version, "check", lambda: check_of(version))


def ensure_profiles() -> None:
    """The built-in profiles, stored once (their TOML is kept with every version)."""
    from scheduler.io import load_profile

    for name in builtin_profiles():
        if not StoredProfile.objects.filter(name=name).exists():
            StoredProfile.objects.create(name=name, toml=profile_text(load_profile(name)),
                                         builtin=True)


# ------------------------------------------------------------------ import
def safe_name(name: str) -> str:
    """A file name to show or store, never to open: its last part, printable, short."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:120] or "upload"


T = TypeVar("T")


def read_upload(name: str, content: bytes, loader: Callable[[Path], T]) -> T:
    """Read an uploaded .json or .xlsx with one of the library's loaders; raise InputError.

    The bytes are written to a fixed name in a fresh temporary folder, so nothing from the
    upload reaches a path; messages name the uploaded file instead of that folder.
    """
    shown = safe_name(name)
    suffix = Path(shown).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(f"{shown}: use a .json file or an .xlsx workbook")
    if len(content) > settings.MAX_UPLOAD_BYTES:
        raise InputError(f"{shown}: larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    with tempfile.TemporaryDirectory(prefix="scheduler-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            return loader(path)
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), shown)) from None
        except Exception as exc:  # a damaged workbook: openpyxl's own errors
            raise InputError(f"{shown}: cannot be read ({type(exc).__name__}: {exc})") from None


def read_instance_upload(name: str, content: bytes) -> Instance:
    """Validate an uploaded instance with the library's loaders; raise InputError."""
    return read_upload(name, content, load_instance)


def sync_bodies(inst: Instance) -> None:
    for b in inst.bodies:
        Body.objects.update_or_create(code=b.id, defaults=dict(
            kind=b.kind.value, name_ru=b.name.ru, name_kk=b.name.kk, name_en=b.name.en))


@transaction.atomic
def store_instance(inst: Instance, source_name: str, content: bytes, user, *,
                   parent: StoredInstance | None = None, note: str = "",
                   version_only: bool = False, **detail) -> StoredInstance:
    sync_bodies(inst)
    halfyear, _ = HalfYear.objects.get_or_create(label=inst.horizon.label())
    stored = StoredInstance.objects.create(
        halfyear=halfyear, name=inst.name, data=inst.model_dump(mode="json"),
        source_name=safe_name(source_name), source_bytes=content, parent=parent, note=note,
        version_only=version_only,
        created_by=user if user is not None and user.is_authenticated else None)
    audit(user, "instance_imported" if parent is None else "instance_edited", stored,
          halfyear=halfyear.label, from_version=latest_number(halfyear),
          name=inst.name, source=stored.source_name, note=note, **detail)
    return stored


def latest_number(halfyear: HalfYear) -> int | None:
    return halfyear.versions.aggregate(n=Max("number"))["n"]


# ------------------------------------------------------------------ versions
def calendar_json(version: CalendarVersion) -> bytes:
    return version_file(version, "calendar.json",
                        lambda: to_json(calendar_of(version)).encode("utf-8"))


def calendar_csv(version: CalendarVersion) -> bytes:
    return version_file(version, "calendar.csv",
                        lambda: csv_text(calendar_of(version)).encode("utf-8"))


def new_version(halfyear: HalfYear, kind: str, calendar: Calendar, stored: StoredInstance,
                profile_name: str, profile_toml: str, user, *, note: str = "",
                change_set=None, changes=None, report: CheckReport | None = None,
                base: int | None = None, allow_older: bool = False) -> CalendarVersion:
    """The next numbered version of the half-year (never overwriting one), with the
    independent checker's verdict and costs kept beside it. ``base`` is the version a
    re-plan started from: refused (:class:`StaleVersion`) when it is no longer the latest,
    unless ``allow_older`` (the workspace's rule)."""
    if report is None:
        report = check(instance_of(stored), profile_from_toml(profile_toml), calendar)
    checked = {"ok": report.ok, "violations": len(report.violations),
               "cost_by_rule": report.cost_by_rule, "total_cost": report.total_cost}
    for _attempt in range(5):
        try:
            with transaction.atomic():
                newest = latest_number(halfyear)
                if base is not None and not allow_older and newest not in (None, base):
                    raise StaleVersion(f"version {base} is not the latest ({newest})")
                number = (newest or 0) + 1
                version = CalendarVersion.objects.create(
                    halfyear=halfyear, number=number, kind=kind,
                    calendar=calendar.model_dump(mode="json"), instance=stored,
                    profile_name=profile_name, profile_toml=profile_toml, note=note,
                    change_set=change_set, changes=changes, meetings=len(calendar.meetings),
                    status=calendar.status, checked=checked, created_by=user, base=base)
                audit(user, "version_created", version, halfyear=halfyear.label,
                      from_version=base if base is not None else number - 1 or None,
                      number=number, kind=kind,
                      meetings=len(calendar.meetings), status=calendar.status)
                return version
        except IntegrityError:  # another writer took the number: take the next
            continue
    raise RuntimeError("could not number the new version")


class StaleVersion(ValueError):
    """The version a re-plan started from is no longer the half-year's latest."""


TRANSITIONS = {  # action -> (from state, to state)
    "agree": (State.DRAFT, State.AGREED),
    "approve": (State.AGREED, State.APPROVED),
    "publish": (State.APPROVED, State.PUBLISHED),
}


def move_state(version: CalendarVersion, action: str, user) -> None:
    """Move a version on one step; the content never changes."""
    before, after = TRANSITIONS[action]
    with transaction.atomic():
        fresh = CalendarVersion.objects.select_for_update().get(pk=version.pk)
        if fresh.state != before:
            raise ValueError(f"version {fresh.number} is {fresh.state}, not {before}")
        fresh.state = after
        fresh.save(update_fields=["state"])
        audit(user, f"version_{action}d" if action.endswith("e") else f"version_{action}ed",
              fresh, halfyear=fresh.halfyear.label, from_version=fresh.number,
              state_from=before, state_to=after)
    version.state = after


def published(halfyear: HalfYear) -> CalendarVersion | None:
    return halfyear.versions.filter(state=State.PUBLISHED).order_by("-number").first()


# ------------------------------------------------------------------ solving
class SolveBusy(Exception):
    """A solve of this half-year is already queued or running."""


def start_solve(stored: StoredInstance, profile: StoredProfile, time_limit: float,
                user) -> SolveJob:
    """Queue a background solve; refuses a second one for the same half-year."""
    from scheduler.web.tasks import plan_task

    halfyear = stored.halfyear
    try:
        with transaction.atomic():
            job = SolveJob.objects.create(halfyear=halfyear, instance=stored, profile=profile,
                                          time_limit=time_limit, requested_by=user)
    except IntegrityError:
        raise SolveBusy(halfyear.label) from None
    audit(user, "solve_started", job, halfyear=halfyear.label,
          from_version=latest_number(halfyear), instance=stored.pk, profile=profile.name,
          time_limit=time_limit)
    try:
        result = plan_task.enqueue(job.pk)
    except Exception:
        SolveJob.objects.filter(pk=job.pk).update(status=SolveJob.Status.FAILED, active=False,
                                                  message="could not queue the solve")
        raise
    SolveJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    return job


class _ProgressWriter:
    """Keeps the solver's latest objective and bound, and writes them to the job row from
    its own thread twice a second (the solver's callback never waits for the database)."""

    def __init__(self, job_id: int, model=None) -> None:
        self.job_id = job_id
        self.model = model or SolveJob  # or ReplanJob
        self.latest: dict | None = None
        self.written: dict | None = None
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __call__(self, seconds: float, objective: float | None, bound: float | None) -> None:
        gap = None
        if objective is not None and bound is not None:
            gap = abs(objective - bound) / max(1.0, abs(objective))
        self.latest = dict(seconds=round(seconds, 2), objective=objective, bound=bound, gap=gap)

    def _run(self) -> None:
        try:
            while not self.done.wait(0.5):
                self.flush()
        finally:
            connection.close()

    def flush(self) -> None:
        latest = self.latest
        if latest is not None and latest != self.written:
            self.model.objects.filter(pk=self.job_id).update(**latest)
            self.written = latest

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.thread.join()
        self.flush()


def run_solve(job_id: int, explain_limit: float = 60.0) -> str:
    """The background task: plan, check, store the version, or explain why none exists."""
    job = SolveJob.objects.select_related("instance", "profile", "halfyear",
                                          "requested_by").get(pk=job_id)
    user = job.requested_by
    SolveJob.objects.filter(pk=job.pk).update(status=SolveJob.Status.RUNNING)
    final: dict = {}
    try:
        inst = instance_of(job.instance)
        prof = profile_from_toml(job.profile.toml)
        problems = profile_problems(prof, inst)
        if problems:
            raise InputError("; ".join(problems))
        with _ProgressWriter(job.pk) as progress:
            result = solve(inst, prof, time_limit=job.time_limit, workers=2, progress=progress)
        final.update(solver_status=result.status, seconds=round(result.wall_time, 2),
                     objective=result.objective, bound=result.bound, gap=result.gap)
        if result.calendar is None:
            explanation = None
            if result.status is SolveStatus.INFEASIBLE:
                from scheduler.explain import explain_infeasibility

                found = explain_infeasibility(inst, prof, time_limit=explain_limit)
                explanation = {"status": found.status, "conflicts": [
                    {"rule_id": c.rule_id, "source": c.source, "sentence": c.sentence,
                     "relaxation": c.relaxation, "frees": c.frees} for c in found.conflicts]}
            final.update(status=SolveJob.Status.NO_CALENDAR, explanation=explanation)
            audit(user, "solve_no_calendar", job, halfyear=job.halfyear.label,
                  from_version=latest_number(job.halfyear), status=result.status)
        elif result.check is None or not result.check.ok:
            final.update(status=SolveJob.Status.FAILED,
                         message="the planner's calendar failed the independent checker")
        else:
            version = new_version(job.halfyear, "plan", result.calendar, job.instance,
                                  job.profile.name, job.profile.toml, user,
                                  note=f"{inst.name}, {prof.id}", report=result.check)
            final.update(status=SolveJob.Status.DONE, version=version)
    except Exception as exc:
        final.update(status=SolveJob.Status.FAILED, message=f"{type(exc).__name__}: {exc}")
        raise
    finally:
        SolveJob.objects.filter(pk=job.pk).update(active=False, updated=timezone.now(), **final)
    if final.get("version") is not None:  # the other worker makes the files meanwhile
        from scheduler.web.tasks import prepare_task

        prepare_task.enqueue(final["version"].pk, "ru")
    return final.get("status", "")


# ------------------------------------------------------------------ downloads
def stored_file(version: CalendarVersion, name: str) -> bytes | None:
    found = VersionFile.objects.filter(version=version, name=name).values_list(
        "content", flat=True).first()
    return bytes(found) if found is not None else None


def version_file(version: CalendarVersion, name: str, make) -> bytes:
    """A generated download, made once per version and kept."""
    found = stored_file(version, name)
    if found is not None:
        return found
    content = make()
    try:
        with transaction.atomic():
            VersionFile.objects.create(version=version, name=name, content=content)
    except IntegrityError:
        pass  # made at the same time by another request
    return content


def workbook(version: CalendarVersion) -> bytes:
    from scheduler.report.xlsx import workbook_bytes

    return version_file(version, "calendar.xlsx", lambda: workbook_bytes(
        instance_of(version.instance), profile_of(version), calendar_of(version),
        check_of(version)))


def report_html(version: CalendarVersion, lang: str) -> bytes:
    def make() -> bytes:
        from scheduler.report import CHARTS
        from scheduler.report.html import render_html

        inst, cal = instance_of(version.instance), calendar_of(version)
        charts = {name: chart(version, name, lang) for name in CHARTS}
        return render_html(inst, profile_of(version), cal, check_of(version), charts,
                           lang).encode("utf-8")
    return version_file(version, f"report-{lang}.html", make)


def chart(version: CalendarVersion, name: str, lang: str) -> bytes:
    def make() -> bytes:
        from scheduler.report import CHARTS, chart_png

        return chart_png(CHARTS[name], instance_of(version.instance), calendar_of(version), lang)
    return version_file(version, f"chart-{name}-{lang}.png", make)


def warm_downloads(version: CalendarVersion, lang: str = "ru") -> None:
    """Make the workbook, the charts, the report and each region's .ics once, in the
    worker: the web process never draws or builds them (a national workbook takes a
    minute)."""
    warm_pages(version)
    for region in instance_of(version.instance).regions:  # the large .ics files
        for each in ("ru", "kk"):
            ics_for(version, "region", region.id, each)
    workbook(version)
    report_html(version, lang)


def heavy_file(version: CalendarVersion, name: str, lang: str) -> bytes | None:
    """A workbook, report or chart if it is made; otherwise ask the worker to make it
    (once per process and version) and say so with None."""
    found = stored_file(version, name)
    asked = _PREPARING.get((version.pk, lang))
    if found is None and (asked is None or time.monotonic() - asked > 300):
        from scheduler.web.tasks import prepare_task

        _PREPARING[(version.pk, lang)] = time.monotonic()
        prepare_task.enqueue(version.pk, lang)
    return found


_PREPARING: dict = {}  # (version, language) -> when this process asked the worker


def ics_for(version: CalendarVersion, what: str, ident: str, lang: str) -> bytes:
    """The .ics of one official (duty holder or presenter) or one region: made once per
    version and kept with it (a region of the national calendar has hundreds of meetings,
    about a second to write), so a new version never serves another's file. ``ident`` is
    a known official's or region's id (the views check it)."""
    return version_file(version, f"ics-{what}-{ident}-{lang}.ics",
                        lambda: _make_ics(version, what, ident, lang))


def _make_ics(version: CalendarVersion, what: str, ident: str, lang: str) -> bytes:
    from scheduler.report.common import official_title, region_name
    from scheduler.report.ics import ics_bytes

    inst, cal = instance_of(version.instance), calendar_of(version)
    if what == "official":
        mine = [m for m in cal.meetings if ident in (m.official_id, m.presenter_id)]
        name = official_title(inst, ident, lang)
    else:
        mine = [m for m in cal.meetings if m.region_id == ident]
        name = region_name(inst, ident, lang)
    return ics_bytes(inst, cal, mine, name, lang)


# ------------------------------------------------------------------ file workspaces
def export_workspace(halfyear: HalfYear, folder: str | Path) -> list[int]:
    """Write every version of the half-year into a CLI workspace folder (same numbers)."""
    from scheduler.workspace import save_version, versions

    folder = Path(folder)
    if versions(folder):
        raise InputError(f"{folder}: already a workspace with versions; export into a new folder")
    numbers = []
    for version in halfyear.versions.order_by("number"):
        cal = calendar_of(version)
        files: dict[str, str | bytes] = version_files(cal, instance_of(version.instance),
                                                      version.profile_toml)
        if version.change_set is not None:
            files["change_set.json"] = json.dumps(version.change_set, indent=2,
                                                  ensure_ascii=False) + "\n"
        if version.changes is not None:
            files["changes.json"] = json.dumps(version.changes, indent=2,
                                               ensure_ascii=False) + "\n"
        saved = save_version(folder, version.kind, files, cal, note=version.note,
                             changes=len(version.changes.get("changes", []))
                             if isinstance(version.changes, dict) else None)
        numbers.append(saved.number)
    return numbers


def import_workspace(folder: str | Path, user=None) -> list[CalendarVersion]:
    """Read a CLI workspace's versions into the database, each with its inputs."""
    from scheduler.io import load_calendar, load_profile
    from scheduler.workspace import versions

    made = []
    for v in versions(folder):
        cal = load_calendar(v.path / "calendar.json")
        inst_file = v.path / "instance.json"
        if not inst_file.exists():
            raise InputError(f"{v.path}: version {v.number} has no instance.json")
        inst = load_instance(inst_file)
        prof_file = v.path / "profile.toml"
        toml = prof_file.read_text(encoding="utf-8") if prof_file.exists() else \
            profile_text(load_profile(cal.profile))
        stored = store_instance(inst, "instance.json", inst_file.read_bytes(), user,
                                note=f"from workspace version {v.number}")
        change_set = changes = None
        if (v.path / "change_set.json").exists():
            change_set = json.loads((v.path / "change_set.json").read_text(encoding="utf-8"))
        if (v.path / "changes.json").exists():
            changes = json.loads((v.path / "changes.json").read_text(encoding="utf-8"))
        made.append(new_version(stored.halfyear, v.kind, cal, stored, cal.profile, toml, user,
                                note=v.note, change_set=change_set, changes=changes))
    return made


def days_left(day: dt.date) -> int:
    return (day - timezone.localdate()).days
