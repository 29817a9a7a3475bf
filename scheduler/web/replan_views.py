"""Pages of the quarter's workflow: re-plan a version with a change set (uploaded, or what
the editors recorded), add the out-of-schedule meetings of a tension alert, and follow the
background run to its new version and change notice. The re-plan is the library's
(``scheduler.replan``) through ``scheduler.web.replans``; no rule logic lives here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import ValidationError

from scheduler.changes import ChangeSet, apply_to_instance
from scheduler.i18n import t
from scheduler.io import InputError, describe_errors
from scheduler.web import problems, replans
from scheduler.web import services as s
from scheduler.web.access import require
from scheduler.web.forms import ReplanForm, UrgentForm
from scheduler.web.models import HalfYear, ReplanJob
from scheduler.web.views import lang


def _versions(halfyear: HalfYear) -> list[tuple[int, str]]:
    return [(v.number, f"{v.number} · {v.kind_label} · {v.get_state_display()}"
             f"{' · ' + v.note if v.note else ''}")
            for v in halfyear.versions.order_by("-number")[:30]]


def _base(halfyear: HalfYear, number: int):
    return get_object_or_404(halfyear.versions.select_related("instance", "halfyear").defer(
        *s.LIGHT_INSTANCE), number=number)


def _stale_text(halfyear: HalfYear, base) -> str:
    """The workspace's refusal of a stale base (``scheduler.workspace.check_base``), in the
    reader's language."""
    return _("Version %(base)s is no longer the latest version of %(half)s (the latest is "
             "%(newest)s): re-plan the latest version, or start from the older one on "
             "purpose.") % {"base": base.number, "half": halfyear.label,
                            "newest": s.latest_number(halfyear)}


def _today(halfyear: HalfYear) -> str:
    return timezone.localdate().isoformat()


@login_required
def replan_view(request, hy: str):
    """Upload a change set (or take the editors' recorded requests and absences) and
    re-plan a version in the background."""
    require(request, "plan")
    halfyear = get_object_or_404(HalfYear, label=hy)
    versions = _versions(halfyear)
    newest = versions[0][0] if versions else None
    form = ReplanForm(request.POST or None, request.FILES or None, versions=versions,
                      initial={"base": newest, "as_of": _today(halfyear), "recorded": True})
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        base = _base(halfyear, d["base"])
        revision = replans.newest_instance(halfyear)  # the editors' data it starts from
        inst = replans.replan_instance(base, revision)
        sets, source = [], ""
        try:
            if d["file"] is not None:
                upload = d["file"]
                source = upload.name
                uploaded, locate = replans.read_changes_upload(upload.name, upload.read())
                replans.validate(uploaded, base, inst, d["as_of"], s.safe_name(upload.name),
                                 locate)
                sets.append(uploaded)
            if d["recorded"]:
                sets.append(replans.recorded_changes(base, revision))
            change_set = replans.merge(*sets)
            replans.validate(change_set, base, inst, d["as_of"], _("change set"))
            stale = None if d["from_older"] else replans.stale_message(halfyear, base)
            if stale:
                raise InputError(_stale_text(halfyear, base))
        except InputError as exc:
            errors = problems.lines(exc)
        else:
            if not (change_set.requests or change_set.absences or change_set.alerts
                    or change_set.extra_days_off):
                errors = [_("The change set is empty: nothing to re-plan.")]
            else:
                try:
                    job = replans.start("replan", base, inst, change_set, d["as_of"],
                                        request.user, force=d["force"],
                                        from_older=d["from_older"], time_limit=d["time_limit"],
                                        source=source, started_from=revision)
                except replans.Busy:
                    errors = [_("A re-plan of %(half)s is already running; wait for it to "
                                "finish.") % {"half": hy}]
                else:
                    return redirect("web:replan_job", pk=job.pk)
    pending = replans.pending_requests(halfyear)
    return render(request, "web/replan.html", {
        "halfyear": halfyear, "form": form, "errors": errors, "kind": "replan",
        "pending": pending.count(), "jobs": halfyear.replans.select_related(
            "version", "base").defer(*s.LIGHT_VERSION, "base__calendar")[:10]},
        status=400 if errors else 200)


@login_required
def urgent_view(request, hy: str):
    """An out-of-schedule meeting for a tension alert (``scheduler urgent``)."""
    require(request, "plan")
    halfyear = get_object_or_404(HalfYear, label=hy)
    versions = _versions(halfyear)
    L = lang()
    newest = halfyear.versions.order_by("-number").select_related("instance").defer(
        *s.LIGHT_INSTANCE).first()
    inst = s.instance_of(newest.instance if newest else halfyear.instances.current().first())
    regions = sorted(((r.id, r.name.get(L)) for r in inst.regions), key=lambda x: x[1])
    bodies = sorted(((b.id, b.name.get(L)) for b in inst.bodies), key=lambda x: x[1])
    form = UrgentForm(request.POST or None, versions=versions, regions=regions, bodies=bodies,
                      initial={"base": newest.number if newest else None,
                               "date": _today(halfyear), "level": "arisen"})
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        base = _base(halfyear, d["base"])
        revision = replans.newest_instance(halfyear)
        inst = replans.replan_instance(base, revision)
        taken = {a.id for a in inst.alerts}
        alert_id = next(name for n in range(1, len(taken) + 2)
                        if (name := f"alert-{d['region']}-{d['date'].isoformat()}"
                            + (f"-{n}" if n > 1 else "")) not in taken)
        where = "the alert"
        try:
            change_set = ChangeSet.model_validate({"alerts": [{
                "id": alert_id, "region_id": d["region"], "level": d["level"],
                "date": d["date"], "text": d["text"], "body_ids": d["bodies"]}]})
            replans.validate(change_set, base, inst, d["date"], "urgent",
                             lambda table, index: where)
            apply_to_instance(inst, change_set, [])
            stale = None if d["from_older"] else replans.stale_message(halfyear, base)
            if stale:
                raise InputError(_stale_text(halfyear, base))
        except ValidationError as exc:
            errors = problems.lines(InputError(describe_errors(exc, "urgent",
                                                               lambda t, i: where)))
        except InputError as exc:
            errors = problems.lines(exc)
        except ValueError as exc:
            errors = [f"urgent: {exc}"]
        else:
            try:
                job = replans.start("urgent", base, inst, change_set, d["date"], request.user,
                                    from_older=d["from_older"], time_limit=10.0,
                                    started_from=revision)
            except replans.Busy:
                errors = [_("A re-plan of %(half)s is already running; wait for it to "
                            "finish.") % {"half": hy}]
            else:
                return redirect("web:replan_job", pk=job.pk)
    return render(request, "web/replan.html", {
        "halfyear": halfyear, "form": form, "errors": errors, "kind": "urgent"},
        status=400 if errors else 200)


@login_required
def job_view(request, pk: int):
    """A re-plan's progress, then its new version and change notice in the reader's
    language; ``?progress=1`` answers the page's polling as JSON."""
    require(request, "read_all")
    job = get_object_or_404(ReplanJob.objects.select_related("halfyear", "version", "base")
                            .defer(*s.LIGHT_VERSION, "base__calendar"), pk=pk)
    if request.GET.get("progress"):
        data = {"status": job.status, "status_text": job.get_status_display(),
                "active": job.active, "seconds": job.seconds, "objective": job.objective,
                "bound": job.bound}
        if job.version_id:
            data["version_url"] = reverse("web:version", args=[job.halfyear.label,
                                                                job.version.number])
        return JsonResponse(data)
    L = lang()
    notice = notice_of(job.version, L) if job.version_id else None
    refused = ((job.result or {}).get("refused") or {}).get(L, []) if job.result else []
    message = _stale_text(job.halfyear, job.base) if job.status == ReplanJob.Status.STALE \
        else job.message
    return render(request, "web/replan_job.html", {
        "job": job, "notice": notice, "refused": refused, "message": message,
        "later": [{"when": e.created, "who": e.created_by.get_username() if e.created_by
                   else "", "what": _edit_text(e, L)} for e in replans.later_edits(job)],
        "status_word": t(job.result["status"], L) if job.result and job.result.get(
            "status") in ("INFEASIBLE", "UNKNOWN") else ""})


def _edit_text(stored, L: str) -> str:
    """What an instance revision changed, in ``L`` (from its audit entry), else its note."""
    from scheduler.report.common import body_name
    from scheduler.web.models import AuditEntry
    from scheduler.web.views import edit_note

    entry = AuditEntry.objects.filter(action="instance_edited", object_type="StoredInstance",
                                      object_id=str(stored.pk)).first()
    detail = entry.detail if entry is not None else {}
    try:
        return edit_note(detail.get("change", ""),
                         body_name(s.instance_of(stored), detail.get("body", ""), L))
    except KeyError:  # an import, or a re-plan's own revision
        return stored.note or stored.source_name


def notice_of(version, L: str) -> dict | None:
    """The change notice kept with a re-planned version, in ``L``."""
    changes = version.changes if version is not None else None
    if not isinstance(changes, dict) or "notice" not in changes:
        return None
    texts = changes["notice"]
    return texts.get(L) or texts.get("ru")
