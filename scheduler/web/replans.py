"""The quarter's workflow in the web workspace: change requests recorded by editors, and
re-plans and out-of-schedule meetings run in the background from a base version.

The re-plan itself is the library's (``scheduler.replan.replan``, as ``scheduler replan`` and
``scheduler urgent`` call it); the change notice is ``scheduler.words``' and
``scheduler.report.notice``'s. This module only moves data between the database and them,
and keeps the workspace's promise: a re-plan whose base is no longer the latest version is
refused (before it is queued, and again when it lands), unless it starts from an older
version on purpose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from django.db import IntegrityError, transaction
from django.utils import timezone

from scheduler.changes import ChangeRequest, ChangeSet, validate_changes
from scheduler.instance import Absence, Instance
from scheduler.io import to_json
from scheduler.web import services as s
from scheduler.web.models import (
    Body,
    CalendarVersion,
    ChangeRequestRecord,
    HalfYear,
    ReplanJob,
    StoredInstance,
    VersionFile,
)

NOTICE_FILES = ("changes.md", "changes.pdf", "changes.json")


class Busy(Exception):
    """A re-plan of this half-year is already queued or running."""


# ------------------------------------------------------------------ inputs
def newest_instance(halfyear: HalfYear) -> StoredInstance | None:
    """The half-year's current instance revision: the one the editors' next edit starts
    from."""
    return halfyear.instances.current().first()


def replan_instance(base: CalendarVersion, newest: StoredInstance | None = None) -> Instance:
    """The instance a re-plan of ``base`` works with: the base version's own (with what
    earlier re-plans added), with the topical issues and the blocked and preferred dates as
    the editors keep them now (``newest``, by default the current revision)."""
    inst = s.instance_of(base.instance)
    newest = newest or newest_instance(base.halfyear)
    if newest is None or newest.pk == base.instance_id:
        return inst
    edited = s.instance_of(newest)
    if (edited.issues, edited.region_dates) == (inst.issues, inst.region_dates):
        return inst
    return inst.model_copy(update={"issues": edited.issues, "region_dates": edited.region_dates})


def pending_requests(halfyear: HalfYear, body: str | None = None):
    found = ChangeRequestRecord.objects.filter(halfyear=halfyear, version__isnull=True)
    if body is not None:
        found = found.filter(body__code=body)
    return found.select_related("body", "created_by").order_by("created", "id")


def recorded_changes(base: CalendarVersion, newest: StoredInstance | None = None) -> ChangeSet:
    """What the editors recorded since the base version: their pending change requests,
    and the absences they added to the instance (``newest``, by default the current
    revision) that the base's instance lacks."""
    inst = s.instance_of(base.instance)
    newest = newest or newest_instance(base.halfyear)
    absences: tuple[Absence, ...] = ()
    if newest is not None and newest.pk != base.instance_id:
        absences = tuple(a for a in s.instance_of(newest).absences if a not in inst.absences)
    requests = tuple(ChangeRequest.model_validate(r.data)
                     for r in pending_requests(base.halfyear))
    return ChangeSet(requests=requests, absences=absences)


def read_changes_upload(name: str, content: bytes):
    """A change set from an uploaded .json or .xlsx, read by the CLI's reader; messages name
    the uploaded file, never the temporary one. Returns (change set, locator)."""
    from scheduler.io import load_changes_located

    return s.read_upload(name, content, load_changes_located)


def merge(*sets: ChangeSet) -> ChangeSet:
    return ChangeSet(requests=tuple(r for c in sets for r in c.requests),
                     absences=tuple(a for c in sets for a in c.absences),
                     alerts=tuple(a for c in sets for a in c.alerts),
                     extra_days_off=tuple(sorted({d for c in sets for d in c.extra_days_off})),
                     note="\n".join(c.note for c in sets if c.note))


def stale_message(halfyear: HalfYear, base: CalendarVersion) -> str | None:
    """The workspace's refusal (``scheduler.workspace.check_base``) in the web's terms: the
    base is not the latest version. None when it is."""
    newest = s.latest_number(halfyear)
    if newest is not None and newest != base.number:
        return (f"{halfyear.label}: the calendar this re-plan started from (version "
                f"{base.number}) is not the latest version ({newest}); re-plan the latest "
                f"version, or start from the older one on purpose")
    return None


def validate(change_set: ChangeSet, base: CalendarVersion, inst: Instance, as_of: dt.date,
             source: str, locate=None) -> None:
    """The CLI's checks of a change set against the instance and the calendar."""
    validate_changes(change_set, inst, s.calendar_of(base), as_of, source,
                     locate or (lambda table, index: f"{table}[{index}]"))


# ------------------------------------------------------------------ requests
def record_request(halfyear: HalfYear, body: Body, request: ChangeRequest,
                   user) -> ChangeRequestRecord:
    record = ChangeRequestRecord.objects.create(halfyear=halfyear, body=body,
                                                data=request.model_dump(mode="json"),
                                                created_by=user)
    s.audit(user, "request_recorded", record, halfyear=halfyear.label,
            from_version=s.latest_number(halfyear), body=body.code,
            request=request.model_dump(mode="json"))
    return record


def withdraw_request(record: ChangeRequestRecord, user) -> None:
    s.audit(user, "request_withdrawn", record, halfyear=record.halfyear.label,
            from_version=s.latest_number(record.halfyear), body=record.body.code,
            request=record.data)
    record.delete()


# ------------------------------------------------------------------ queueing
def start(kind: str, base: CalendarVersion, inst: Instance, change_set: ChangeSet,
          as_of: dt.date, user, *, force: bool = False, from_older: bool = False,
          time_limit: float = 30.0, source: str = "",
          started_from: StoredInstance | None = None) -> ReplanJob:
    """Queue a re-plan (``kind`` replan) or an out-of-schedule meeting (``urgent``);
    ``started_from`` is the instance revision ``inst`` took the editors' data from."""
    from scheduler.web.tasks import replan_task

    halfyear = base.halfyear
    try:
        with transaction.atomic():
            job = ReplanJob.objects.create(
                halfyear=halfyear, kind=kind, base=base, as_of=as_of,
                started_from=started_from or newest_instance(halfyear),
                change_set=json.loads(to_json(change_set)), instance=json.loads(to_json(inst)),
                source=s.safe_name(source) if source else "", force=force,
                from_older=from_older, time_limit=time_limit, requested_by=user)
    except IntegrityError:
        raise Busy(halfyear.label) from None
    s.audit(user, f"{kind}_started", job, halfyear=halfyear.label, from_version=base.number,
            as_of=as_of.isoformat(), requests=len(change_set.requests),
            absences=len(change_set.absences), alerts=len(change_set.alerts),
            source=job.source, force=force, from_older=from_older)
    try:
        result = replan_task.enqueue(job.pk)
    except Exception:
        ReplanJob.objects.filter(pk=job.pk).update(status=ReplanJob.Status.FAILED, active=False,
                                                   message="could not queue the re-plan")
        raise
    ReplanJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    return job


# ------------------------------------------------------------------ the background task
def run(job_id: int) -> str:
    """Re-plan with the library, check, and store the new version with its change notice;
    refused when another version landed meanwhile (unless from an older one on purpose)."""
    from scheduler.replan import replan

    job = ReplanJob.objects.select_related("halfyear", "base", "base__instance",
                                           "requested_by").get(pk=job_id)
    user, base = job.requested_by, job.base
    ReplanJob.objects.filter(pk=job.pk).update(status=ReplanJob.Status.RUNNING)
    final: dict = {}
    try:
        inst = Instance.model_validate(job.instance)
        prof = s.profile_of(base)
        published = s.calendar_of(base)
        change_set = ChangeSet.model_validate(job.change_set)
        solve = dict(time_limit=job.time_limit, workers=2, seed=0)
        with s._ProgressWriter(job.pk, ReplanJob) as progress:
            result = replan(inst, prof, published, change_set, job.as_of, force=job.force,
                            keep_later=job.kind == "urgent", progress=progress, **solve)
            if job.kind == "urgent" and result.calendar is None:  # as the CLI: let meetings move
                result = replan(inst, prof, published, change_set, job.as_of,
                                progress=progress, **solve)
        final.update(seconds=round(result.wall_time, 2), objective=result.objective,
                     bound=result.bound)
        if result.calendar is None:
            final.update(status=ReplanJob.Status.NO_CALENDAR, result={
                "status": str(result.status), "refused": notice_refusals(result, change_set,
                                                                    published, prof)})
            s.audit(user, "replan_refused", job, halfyear=job.halfyear.label,
                    from_version=base.number, status=result.status)
        elif result.check is None or not result.check.ok:
            final.update(status=ReplanJob.Status.FAILED,
                         message="the re-planned calendar failed the independent checker")
        else:
            version = land(job, result, change_set, inst, prof, published, user)
            if version is None:
                final.update(status=ReplanJob.Status.STALE,
                             message=stale_message(job.halfyear, base) or "")
            else:
                final.update(status=ReplanJob.Status.DONE, version=version)
    except Exception as exc:
        final.update(status=ReplanJob.Status.FAILED, message=f"{type(exc).__name__}: {exc}")
        raise
    finally:
        ReplanJob.objects.filter(pk=job.pk).update(active=False, updated=timezone.now(), **final)
    if final.get("version") is not None:
        from scheduler.web.tasks import prepare_task

        prepare_task.enqueue(final["version"].pk, "ru")
    return final.get("status", "")


def later_edits(job: ReplanJob) -> list[StoredInstance]:
    """The instance revisions (the editors' edits, imports) made while the re-plan ran:
    not in its version; a new re-plan includes them."""
    if job.version is None or job.started_from_id is None:
        return []
    return list(job.halfyear.instances.current().filter(
        pk__gt=job.started_from_id, pk__lt=job.version.instance_id).select_related(
        "created_by").order_by("pk"))


def notice_refusals(result, change_set: ChangeSet, published, prof) -> dict[str, list[str]]:
    """Each refused request in the commission's words (the rule's name, the missed
    deadline), per language."""
    from scheduler.words import refusal_line

    return {lang: [refusal_line(r, result.instance, prof, change_set, published, lang)
                   for r in result.refused] for lang in ("ru", "kk", "en")}


def land(job: ReplanJob, result, change_set: ChangeSet, inst: Instance, prof, published,
         user) -> CalendarVersion | None:
    """The new version (kind replan or urgent) with its base, change set, changes and
    notice files; None when a newer version than the base landed meanwhile."""
    from scheduler.diff import changes_markdown
    from scheduler.report.notice import notice_documents
    from scheduler.words import change_notice, notice_texts

    if not job.from_older and stale_message(job.halfyear, job.base):
        return None  # a colleague's version landed during the solve
    as_of = job.as_of
    texts = notice_texts(result, change_set, published, prof, as_of)
    notices = {code: change_notice(result, change_set, published, prof, as_of, code)
               for code in ("ru", "kk", "en")}
    planners = changes_markdown(list(result.changes), result.refused,
                                title=f"Changes as of {as_of} ({job.kind})")
    markdown = (notices["ru"] + "\n" + notices["kk"] + "\n## Для планировщиков / "
                "Жоспарлаушыларға / For the planners\n\n" + planners.split("\n", 1)[1])
    listing = {"as_of": as_of.isoformat(), "minimum_changes_proven": result.minimum_proven,
               "change_cost": result.change_cost,
               "changes": [c.as_dict() for c in result.changes],
               "refused": [dataclasses.asdict(r) for r in result.refused]}
    pdf = notice_documents(texts, "ru").pdf
    content = to_json(result.instance).encode("utf-8")
    with transaction.atomic():
        if not job.from_older and stale_message(job.halfyear, job.base):
            return None
        newest = newest_instance(job.halfyear)  # edits made while it ran stay on top
        stored = s.store_instance(result.instance, f"instance-{job.kind}-{as_of}.json", content,
                                  user, parent=job.base.instance,
                                  note=f"{job.kind} as of {as_of}",
                                  version_only=newest is not None and job.started_from_id
                                  is not None and newest.pk != job.started_from_id)
        version = s.new_version(
            job.halfyear, job.kind, result.calendar, stored, job.base.profile_name,
            job.base.profile_toml, user, note=as_of.strftime("%d.%m.%Y"),
            change_set=json.loads(to_json(change_set)),
            changes={**listing, "notice": texts}, report=result.check, base=job.base.number,
            allow_older=job.from_older)
        for name, data in (("changes.md", markdown.encode("utf-8")), ("changes.pdf", pdf),
                           ("changes.json", (json.dumps(listing, indent=2, ensure_ascii=False)
                                             + "\n").encode("utf-8"))):
            VersionFile.objects.create(version=version, name=name, content=data)
        taken = {r.id for r in result.accepted} | {r.request_id for r in result.refused}
        for record in pending_requests(job.halfyear):
            if record.data.get("id") in taken:
                record.version = version
                record.save(update_fields=["version"])
    return version
