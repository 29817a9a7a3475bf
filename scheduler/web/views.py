"""Pages of the workspace. Each view checks the user's right on the server (``access``)
and calls the library through ``services``; no rule logic lives here."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from scheduler.instance import Absence, Instance
from scheduler.io import InputError
from scheduler.report import common as c
from scheduler.summary import summarise
from scheduler.web import problems
from scheduler.web import services as s
from scheduler.web.access import body_of, may, require
from scheduler.web.forms import AbsenceForm, CommentForm, ImportForm, PlanForm
from scheduler.web.models import (
    AuditEntry,
    CalendarVersion,
    HalfYear,
    SolveJob,
    State,
    StoredInstance,
    StoredProfile,
)

PAGE_SIZE = 50


def lang() -> str:
    code = (get_language() or "ru")[:2]
    return code if code in ("ru", "kk", "en") else "ru"


def csrf_failure(request, reason: str = ""):
    return render(request, "web/error.html", {"title": _("The form has expired"), "text": _(
        "The page was open too long or came from another site. Go back, reload the page "
        "and send the form again.")}, status=403)


def _halfyear(label: str) -> HalfYear:
    return get_object_or_404(HalfYear, label=label)


def _version(label: str, number: int) -> CalendarVersion:
    return get_object_or_404(CalendarVersion.objects.select_related("instance", "halfyear")
                             .defer(*s.LIGHT_INSTANCE), halfyear__label=label, number=number)


def _current(halfyear: HalfYear) -> CalendarVersion | None:
    """The version people work on: the newest one."""
    return halfyear.versions.select_related("instance").defer(*s.LIGHT_INSTANCE).order_by(
        "-number").first()


# ------------------------------------------------------------------ dashboard
@login_required
def dashboard(request):
    years = list(HalfYear.objects.all())
    if not years:
        return render(request, "web/dashboard.html", {"years": []})
    wanted = request.GET.get("hy")
    halfyear = next((h for h in years if h.label == wanted), years[0])
    version = _current(halfyear)
    stored = halfyear.instances.current().first()
    inst = s.instance_of(version.instance if version else stored)
    if version is not None:
        prof = s.profile_of(version)
    else:
        s.ensure_profiles()
        prof = s.profile_from_toml(StoredProfile.objects.get(name="kz-2024").toml)
    L = lang()
    found = s.cached_rows(version, "deadlines", lambda: c.horizon_deadlines(inst, prof)) \
        if version else c.horizon_deadlines(inst, prof)
    deadlines = [{"date": d.date, "rule": d.rule_id, "text": d.text.get(L) or d.text["ru"],
                  "left": s.days_left(d.date), "ago": -s.days_left(d.date)} for d in found]
    summary = s.cached_rows(version, "summary", lambda: summarise(
        inst, prof, s.calendar_of(version))) if version else None
    job = halfyear.solves.first() if may(request.user, "read_all") else None
    return render(request, "web/dashboard.html", {
        "years": years, "halfyear": halfyear, "version": version, "deadlines": deadlines,
        "summary": summary, "published": s.published(halfyear), "job": job,
        "versions": halfyear.versions.order_by("-number")[:20], "instance": stored,
        "inst_name": inst.name})


# ------------------------------------------------------------------ import
@login_required
def import_view(request):
    require(request, "import")
    errors: list[str] = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            inst = s.read_instance_upload(upload.name, content)
        except InputError as exc:
            errors = problems.lines(exc)
        else:
            stored = s.store_instance(inst, upload.name, content, request.user)
            messages.success(request, _("Imported: %(name)s (%(half)s).") % {
                "name": inst.name, "half": stored.halfyear.label})
            return redirect(f"{reverse('web:dashboard')}?hy={stored.halfyear.label}")
    return render(request, "web/import.html", {"form": form, "errors": errors})


@login_required
@require_GET
def template_download(request):
    from scheduler.workbook import write_changes_template, write_template

    kind = "changes" if request.GET.get("kind") == "changes" else "instance"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.xlsx"
        (write_changes_template if kind == "changes" else write_template)(path)
        content = path.read_bytes()
    return _download(content, f"{kind}-template.xlsx", XLSX)


# ------------------------------------------------------------------ plan
@login_required
def plan_view(request):
    read_only = not may(request.user, "plan")
    if request.method == "POST" and read_only:
        raise PermissionDenied("plan")
    s.ensure_profiles()
    stored = StoredInstance.objects.select_related("halfyear")[:30]
    profiles = StoredProfile.objects.all()
    form = PlanForm(request.POST or None,
                    instances=[(i.pk, f"{i.halfyear.label}: {i.name} #{i.pk}"
                                f"{' (' + i.note + ')' if i.note else ''}") for i in stored],
                    profiles=[(p.pk, p.name) for p in profiles],
                    initial={"profile": next((p.pk for p in profiles if p.name == "kz-2024"),
                                             None)})
    if request.method == "POST" and form.is_valid():
        chosen = get_object_or_404(StoredInstance, pk=form.cleaned_data["instance"])
        profile = get_object_or_404(StoredProfile, pk=form.cleaned_data["profile"])
        try:
            job = s.start_solve(chosen, profile, form.cleaned_data["time_limit"], request.user)
        except s.SolveBusy:
            form.add_error(None, _("A solve of %(half)s is already running; wait for it to "
                                   "finish.") % {"half": chosen.halfyear.label})
        else:
            return redirect("web:solve", pk=job.pk)
    jobs = SolveJob.objects.select_related("halfyear", "profile", "version").defer(
        *s.LIGHT_VERSION)[:10] if may(request.user, "read_all") else []
    return render(request, "web/plan.html", {"form": form, "jobs": jobs,
                                             "read_only": read_only})


@login_required
def solve_view(request, pk: int):
    require(request, "read_all")
    job = get_object_or_404(SolveJob.objects.select_related(
        "halfyear", "profile", "version", "instance").defer(*s.LIGHT_VERSION, *s.LIGHT_INSTANCE),
        pk=pk)
    explanation = None
    if job.explanation:
        prof = s.profile_from_toml(job.profile.toml)
        explanation = {"status": job.explanation.get("status"), "conflicts": [
            {**conf, "title": c.rule_title(prof, conf["rule_id"], lang())}
            for conf in job.explanation.get("conflicts", [])]}
    return render(request, "web/solve.html", {"job": job, "explanation": explanation})


@login_required
def solve_progress(request, pk: int):
    require(request, "read_all")
    job = get_object_or_404(SolveJob.objects.select_related("version", "halfyear").defer(
        *s.LIGHT_VERSION), pk=pk)
    data = {"status": job.status, "status_text": job.get_status_display(),
            "active": job.active, "seconds": job.seconds, "objective": job.objective,
            "bound": job.bound, "gap": job.gap, "solver_status": job.solver_status,
            "url": reverse("web:solve", args=[job.pk])}
    if job.version_id:
        data["version_url"] = reverse("web:version", args=[job.halfyear.label,
                                                            job.version.number])
    return JsonResponse(data)


# ------------------------------------------------------------------ versions
@login_required
def version_view(request, hy: str, n: int):
    version = _version(hy, n)
    L = lang()
    full = may(request.user, "read_all")
    report = (version.checked or {}) if full else None
    prof = s.profile_of(version)
    costs = []
    if report:
        costs = [{"rule": rule, "title": c.rule_title(prof, rule, L), "amount": amount}
                 for rule, amount in sorted(report["cost_by_rule"].items()) if amount]
    actions = [a for a, (before, _after) in s.TRANSITIONS.items()
               if version.state == before and may(request.user, a)]
    comments = version.comments.select_related("author") if full else []
    subscriptions = []
    if full and version.state == State.PUBLISHED:
        inst = s.instance_of(version.instance)
        subscriptions = [(r.name.get(L), reverse("web:subscribe", args=[hy, "region", r.id]))
                         for r in sorted(inst.regions, key=lambda r: r.name.get(L))]
    from scheduler.web.replan_views import notice_of

    return render(request, "web/version.html", {
        "notice": notice_of(version, L) if full else None,
        "can_replan": may(request.user, "plan"),
        "version": version, "cal": (cal := s.calendar_of(version)),
        "status_text": (c.tr(cal.status, L) if cal is not None and cal.status in c.LABELS
                        else getattr(cal, "status", "")),
        "report": report, "costs": costs, "actions": actions, "comments": comments,
        "comment_form": CommentForm(),
        "can_comment": may(request.user, "comment"), "subscriptions": subscriptions,
        "charts": _ready_charts(version, L) if full else [], "full": full})


def _ready_charts(version: CalendarVersion, L: str) -> list[str]:
    from scheduler.report.charts import CHARTS

    names = [f"chart-{name}-{L}.png" for name in CHARTS]
    ready = set(version.files.filter(name__in=names).values_list("name", flat=True))
    if len(ready) < len(names):
        s.heavy_file(version, f"report-{L}.html", L)  # the report draws every chart
    return [name for name in CHARTS if f"chart-{name}-{L}.png" in ready]


@login_required
@require_POST
def version_state(request, hy: str, n: int):
    version = _version(hy, n)
    action = request.POST.get("action", "")
    if action not in s.TRANSITIONS:
        raise Http404
    require(request, action)
    try:
        s.move_state(version, action, request.user)
    except ValueError:
        messages.error(request, _("This version cannot take that step now."))
    else:
        messages.success(request, _("Version %(n)s is now: %(state)s.") % {
            "n": version.number, "state": State(version.state).label})
    return redirect("web:version", hy=hy, n=n)


@login_required
@require_POST
def version_comment(request, hy: str, n: int):
    version = _version(hy, n)
    require(request, "comment")
    form = CommentForm(request.POST)
    if form.is_valid():
        comment = version.comments.create(author=request.user, text=form.cleaned_data["text"])
        s.audit(request.user, "comment_added", comment, halfyear=hy, from_version=n)
    return redirect("web:version", hy=hy, n=n)


# ------------------------------------------------------------------ calendar
def _rows(version: CalendarVersion, L: str) -> list[dict]:
    inst, cal = s.instance_of(version.instance), s.calendar_of(version)

    def build():
        rows = []
        for m in c.sorted_meetings(cal):
            rows.append({
                "id": m.id, "date": m.date, "weekday": c.weekday(m.date, L),
                "time": f"{c.fmt_time(m.start)}–{c.fmt_time(m.end)}", "quarter": m.quarter,
                "official_id": m.official_id, "presenter_id": m.presenter_id,
                "official": c.official_title(inst, m.official_id, L),
                "presenter": c.official_title(inst, m.presenter_id, L),
                "body_id": m.body_id, "body": c.body_name(inst, m.body_id, L),
                "region_id": m.region_id, "region": c.region_name(inst, m.region_id, L),
                "kind": m.kind.value, "kind_text": c.kind_label(m, L),
                "substituted": m.substituted, "issues": len(m.issue_ids)})
        return rows
    return s.cached_rows(version, L, build)


FILTERS = ("body", "region", "quarter", "kind", "presenter")


def _options(rows: list[dict], L: str) -> dict[str, list[tuple[str, str]]]:
    """Each filter's choices (value, escaped name), made once per version and language:
    the national calendar has thousands of presenters."""
    def pairs(values) -> list[tuple[str, str]]:
        return sorted(((str(v), escape(t)) for v, t in set(values)), key=lambda x: x[1])
    return {
        "body": pairs((r["body_id"], r["body"]) for r in rows),
        "region": pairs((r["region_id"], r["region"]) for r in rows),
        "quarter": pairs((r["quarter"], r["quarter"]) for r in rows),
        "kind": [("planned", escape(c.tr("kind_planned", L))),
                 ("out_of_schedule", escape(c.tr("kind_out_of_schedule", L)))],
        "presenter": pairs((r["presenter_id"], r["presenter"]) for r in rows),
    }


def _option_html(pairs: list[tuple[str, str]], chosen: str, cached: str = "") -> str:
    """The options of one filter; ``cached`` is the same list made once without a choice
    (the national calendar has thousands of presenters): the chosen one is marked in it."""
    if cached:
        if not chosen:
            return mark_safe(cached)
        tag = f'<option value="{escape(chosen)}">'
        return mark_safe(cached.replace(tag, tag[:-1] + " selected>", 1))
    return mark_safe("".join(
        f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{t}</option>'
        for v, t in pairs))


def warm_version(version: CalendarVersion, L: str) -> None:
    """The calendar rows and the filters' choices of a version, made ahead (files worker)."""
    rows = _rows(version, L)
    s.cached_rows(version, f"{L}:options:None", lambda: _options_and_html(rows, L))


def _options_and_html(rows: list[dict], L: str):
    found = _options(rows, L)
    return found, {f: _option_html(pairs, "") for f, pairs in found.items()}


@login_required
def calendar_view(request, hy: str, n: int):
    version = _version(hy, n)
    L = lang()
    own = body_of(request.user)
    rows = _rows(version, L)
    if own is not None:  # an editor sees their own body's meetings only
        rows = [r for r in rows if r["body_id"] == own]
    options, blank = s.cached_rows(version, f"{L}:options:{own}",
                                   lambda: _options_and_html(rows, L))
    chosen = {f: request.GET.get(f, "") for f in FILTERS}
    key = {"body": "body_id", "region": "region_id", "quarter": "quarter", "kind": "kind",
           "presenter": "presenter_id"}
    for f, value in chosen.items():
        if value:
            rows = [r for r in rows if str(r[key[f]]) == value]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{f}={v}" for f, v in chosen.items() if v)
    filters = [{"name": f, "label": label, "options": options[f], "value": chosen[f],
                "html": _option_html(options[f], chosen[f], blank[f])}
               for f, label in (("body", _("Ministry or akimat")), ("region", _("Region")),
                                ("quarter", _("Quarter")), ("kind", _("Kind")),
                                ("presenter", _("Presenter")))]
    return render(request, "web/calendar.html", {
        "version": version, "page": page, "filters": filters, "query": query,
        "total": len(rows)})


@login_required
def weeks_view(request, hy: str, n: int):
    """The half-year as a grid of weeks and days, each day with its meetings."""
    import datetime as dt

    version = _version(hy, n)
    L, own = lang(), body_of(request.user)

    def build() -> tuple[list, int]:  # once per version, language and body
        inst = s.instance_of(version.instance)
        rows = [r for r in _rows(version, L) if own is None or r["body_id"] == own]
        by_day: dict = {}
        for r in rows:
            by_day.setdefault(r["date"], []).append(r)
        weeks = []
        for monday in c.horizon_weeks(inst):
            days = []
            for i in range(7):
                day = monday + dt.timedelta(days=i)
                items = by_day.get(day, [])
                inside = inst.horizon.start <= day <= inst.horizon.end
                days.append({"date": day, "inside": inside, "shown": items[:4],
                             "more": max(0, len(items) - 4), "count": len(items)})
            weeks.append({"monday": monday, "days": days})
        return weeks, len(rows)
    def grid() -> tuple[str, int]:  # the grid's HTML, rendered once
        from django.template.loader import render_to_string

        weeks, total = build()
        return mark_safe(render_to_string("web/weeks_grid.html", {
            "version": version, "weeks": weeks,
            "weekdays": [c.tr(f"wd_{i}", L) for i in range(7)]})), total
    html, total = s.cached_rows(version, f"{L}:weeks:{own}", grid)
    return render(request, "web/weeks.html", {"version": version, "grid": html,
                                              "total": total})


@login_required
def meeting_view(request, hy: str, n: int, mid: str):
    version = _version(hy, n)
    cal = s.calendar_of(version)
    meeting = cal.by_id().get(mid)
    if meeting is None:
        raise Http404
    require(request, "read", meeting.body_id)
    inst, prof, L = s.instance_of(version.instance), s.profile_of(version), lang()
    from scheduler.explain import why_here

    agenda = c.agenda(meeting, L)
    result, error = None, ""
    to = (request.GET.get("to_date") or request.GET.get("to_region") or "").strip()
    if to:
        try:
            found = _what_if(version, inst, prof, cal, meeting.id, to)
        except ValueError:
            error = _("Give a date like 2027-04-10 or choose a region.")
        else:
            after, before = found.after.cost_by_rule, found.before.cost_by_rule
            result = {
                "moved": found.moved, "region": c.region_name(inst, found.moved.region_id, L),
                "time": f"{c.fmt_time(found.moved.start)}–{c.fmt_time(found.moved.end)}",
                "broken": [{"rule": v.rule_id, "title": c.rule_title(prof, v.rule_id, L),
                            "message": v.message} for v in found.new_violations],
                "delta": found.delta, "before": found.before.total_cost,
                "after": found.after.total_cost,
                "by_rule": [{"rule": r, "title": c.rule_title(prof, r, L),
                             "change": after.get(r, 0) - before.get(r, 0)}
                            for r in sorted(set(after) | set(before))
                            if after.get(r, 0) != before.get(r, 0)]}
    return render(request, "web/meeting.html", {
        "version": version, "m": meeting, "agenda": agenda,
        "official": c.official_title(inst, meeting.official_id, L),
        "presenter": c.official_title(inst, meeting.presenter_id, L),
        "body": c.body_name(inst, meeting.body_id, L),
        "region": c.region_name(inst, meeting.region_id, L),
        "kind": c.kind_label(meeting, L), "reason": c.reason_text(inst, meeting, L),
        "issues": c.issue_texts(inst, meeting, L), "weekday": c.weekday(meeting.date, L),
        "time": f"{c.fmt_time(meeting.start)}–{c.fmt_time(meeting.end)}",
        "results_by": c.results_date(prof, meeting),
        "why": s.cached_rows(version, "why", lambda: why_here(inst, cal)).get(meeting.id, ""),
        "regions": sorted(((r.id, r.name.get(L)) for r in inst.regions), key=lambda x: x[1]),
        "to": to, "result": result, "error": error})


def _what_if(version: CalendarVersion, inst: Instance, prof, cal, meeting_id: str, to: str):
    """``scheduler.explain.what_if`` given the calendar's own check from the version's
    cache (a version never changes): only what the move touches is checked again."""
    from scheduler.explain import what_if

    return what_if(inst, prof, cal, meeting_id, to, before=s.report_of(version))


# ------------------------------------------------------------------ downloads
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ICS = "text/calendar; charset=utf-8"


def _download(content: bytes, name: str, content_type: str, inline: bool = False):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    return response


@login_required
def download(request, hy: str, n: int, name: str):
    version = _version(hy, n)
    require(request, "read_all")
    stem = f"calendar-{hy}-v{n:03d}"
    if name in ("calendar.xlsx", "report.html"):
        L = lang()
        stored = "calendar.xlsx" if name == "calendar.xlsx" else f"report-{L}.html"
        content = s.heavy_file(version, stored, L)
        if content is None:
            return _preparing(request, version)
        if name == "calendar.xlsx":
            return _download(content, f"{stem}.xlsx", XLSX)
        return _download(content, f"report-{hy}-v{n:03d}.html", "text/html; charset=utf-8")
    if name == "calendar.json":
        return _download(s.calendar_json(version), f"{stem}.json", "application/json")
    if name == "calendar.csv":
        return _download(s.calendar_csv(version), f"{stem}.csv", "text/csv; charset=utf-8")
    if name in NOTICE_TYPES:  # a re-plan's change notice, made with the version
        content = s.stored_file(version, name)
        if content is None:
            raise Http404
        stem = f"changes-{hy}-v{n:03d}"
        return _download(content, f"{stem}.{name.rsplit('.', 1)[1]}", NOTICE_TYPES[name])
    raise Http404


NOTICE_TYPES = {"changes.md": "text/markdown; charset=utf-8", "changes.pdf": "application/pdf",
                "changes.json": "application/json"}


def _preparing(request, version: CalendarVersion):
    return render(request, "web/preparing.html", {"version": version}, status=202)


@login_required
def chart_view(request, hy: str, n: int, name: str):
    from scheduler.report.charts import CHARTS

    version = _version(hy, n)
    require(request, "read_all")
    if name not in CHARTS:
        raise Http404
    content = s.heavy_file(version, f"chart-{name}-{lang()}.png", lang())
    if content is None:
        raise Http404  # being drawn by the worker; the version page says so
    return _download(content, f"{name}.png", "image/png", inline=True)


def _ics_target(version: CalendarVersion, what: str, ident: str) -> str:
    """The body an .ics belongs to (for the editor check); 404 for an unknown id."""
    inst = s.instance_of(version.instance)
    try:
        if what == "official":
            return inst.official(ident).body_id
        inst.region(ident)
        return ""
    except KeyError:
        raise Http404 from None


@login_required
def ics_view(request, hy: str, n: int, what: str, ident: str):
    version = _version(hy, n)
    body = _ics_target(version, what, ident)
    if what == "official":
        require(request, "read", body)
    else:
        require(request, "read_all")
    return _download(s.ics_for(version, what, ident, lang()), f"{what}-{ident}.ics", ICS)


def subscription(request, hy: str, what: str, ident: str):
    """The published calendar of one official or region, for calendar programs: public,
    like the published calendar itself; always the newest published version."""
    halfyear = _halfyear(hy)
    version = s.published(halfyear)
    if version is None:
        raise Http404
    _ics_target(version, what, ident)
    L = request.GET.get("lang", "ru")
    L = L if L in ("ru", "kk", "en") else "ru"
    return _download(s.ics_for(version, what, ident, L), f"{what}-{ident}.ics", ICS,
                     inline=True)


# ------------------------------------------------------------------ bodies
def _body_instance(code: str) -> tuple[StoredInstance, Instance]:
    for stored in StoredInstance.objects.current().select_related("halfyear")[:1]:
        inst = s.instance_of(stored)
        if any(b.id == code for b in inst.bodies):
            return stored, inst
    raise Http404


def _body_page(request, code: str, bound: dict | None = None, status: int = 200):
    """The body's page; ``bound`` holds a form sent back with its errors."""
    from scheduler.web import edits, replans
    from scheduler.web.forms import IssueForm, RegionDateForm, RequestForm

    stored, inst = _body_instance(code)
    L = lang()
    bound = bound or {}
    body = inst.body(code)
    officials = [o for o in inst.officials if o.body_id == code]
    ids = {o.id for o in officials}
    version = _current(stored.halfyear)
    meetings = [r for r in _rows(version, L) if r["body_id"] == code] if version else []
    regions = sorted(((r.id, r.name.get(L)) for r in inst.regions), key=lambda x: x[1])
    region_names = dict(regions)
    can_edit = may(request.user, "edit_body", code)
    issue_to_edit = request.GET.get("issue", "")
    initial = next(({"op": "change", "issue_id": t["id"], "region_id": t["region_id"],
                     "weight": t["weight"], "text_ru": t["text"]["ru"],
                     "text_kk": t["text"]["kk"], "text_en": t["text"].get("en", "")}
                    for _row, t in edits.body_issues(inst, code) if t["id"] == issue_to_edit),
                   {"op": "add"})
    dates = [{"row": i, "date": d.date, "kind": d.kind.value, "note": d.note}
             for i, d in enumerate(inst.region_dates)
             if body.region_id is not None and d.region_id == body.region_id]
    requests = [{"pk": r.pk, "text": _request_text(r.data, inst, version, L),
                 "by": r.created_by.get_username() if r.created_by else "",
                 "created": r.created}
                for r in replans.pending_requests(stored.halfyear, code)]
    return render(request, "web/body.html", {
        "code": code, "body": c.body_name(inst, code, L), "stored": stored,
        "akimat": body.region_id is not None, "region": region_names.get(body.region_id or "", ""),
        "officials": [{"title": o.title.get(L), "role": o.role.value} for o in officials],
        "absences": [{"who": c.official_title(inst, a.official_id, L), "start": a.start,
                      "end": a.end, "reason": c.tr(f"absence_{a.reason.value}", L),
                      "note": a.note.get(L)}
                     for a in inst.absences if a.official_id in ids],
        "issues": [{"id": t["id"], "region": region_names.get(t["region_id"], t["region_id"]),
                    "text": t["text"].get(L) or t["text"]["ru"], "weight": t["weight"]}
                   for _row, t in edits.body_issues(inst, code)],
        "dates": dates, "requests": requests,
        "meetings": meetings, "version": version, "can_edit": can_edit,
        "form": bound.get("absence") or AbsenceForm(
            officials=[(o.id, o.title.get(L)) for o in officials]),
        "issue_form": bound.get("issue") or IssueForm(initial=initial, regions=regions),
        "date_form": bound.get("date") or RegionDateForm(initial={"op": "add"}),
        "request_form": bound.get("request") or RequestForm(
            meetings=[(r["id"], f"{r['date']:%d.%m.%Y}, {r['region']}") for r in meetings],
            regions=regions),
        "errors": bound.get("errors", [])}, status=status)


def _request_text(data: dict, inst: Instance, version, L: str) -> str:
    """A recorded request in the reader's words (the library's wording)."""
    from scheduler.changes import ChangeRequest
    from scheduler.words import request_action

    cal = s.calendar_of(version) if version else None
    return request_action(ChangeRequest.model_validate(data), inst, cal, L)


@login_required
def body_view(request, code: str):
    require(request, "read", code)
    return _body_page(request, code)


@login_required
@require_POST
def body_edit(request, code: str, part: str):
    """An editor's edit of the body's own data: ``issue``, ``date`` (an akimat's region),
    ``request`` (a change request for the next re-plan) or ``withdraw`` (a pending one)."""
    from scheduler.web import edits, replans
    from scheduler.web.forms import IssueForm, RegionDateForm, RequestForm

    require(request, "edit_body", code)
    stored, inst = _body_instance(code)
    L = lang()
    name = c.body_name(inst, code, L)
    body = inst.body(code)
    regions = sorted(((r.id, r.name.get(L)) for r in inst.regions), key=lambda x: x[1])
    if part == "issue":
        form = IssueForm(request.POST, regions=regions)
        if not form.is_valid():
            return _body_page(request, code, {"issue": form}, 400)
        d = form.cleaned_data
        mine = dict((t["id"], row) for row, t in edits.body_issues(inst, code))
        row = None
        if d["op"] in ("change", "delete"):
            row = mine.get(d["issue_id"])
            if row is None:  # another body's issue, or none at all
                raise Http404
        else:
            d["issue_id"] = edits.new_issue_id(inst, d["region_id"] or code)
            row = len(inst.issues)
        try:
            edits.edit(stored, edits.issue_change(d["op"], code, d, row), request.user,
                       note=edit_note(f"issue_{d['op']}", name), table="issues", index=row,
                       body=code, change=f"issue_{d['op']}", issue=d["issue_id"])
        except edits.EditRefused as exc:
            return _body_page(request, code, {"issue": form,
                                               "errors": _refused(form, exc)}, 400)
        messages.success(request, _("The topical issues are saved as a new revision of the "
                                    "instance; the next plan takes them into account."))
    elif part == "date":
        if body.region_id is None:
            raise Http404  # a ministry has no region dates: its head's absences
        form = RegionDateForm(request.POST)
        if not form.is_valid():
            return _body_page(request, code, {"date": form}, 400)
        d = form.cleaned_data
        row = d.get("row")
        if d["op"] == "delete":
            if row is None or not 0 <= row < len(inst.region_dates) or \
                    inst.region_dates[row].region_id != body.region_id:
                raise Http404
        else:
            row = len(inst.region_dates)
        try:
            edits.edit(stored, edits.date_change(d["op"], body.region_id, d, row),
                       request.user, note=edit_note(f"date_{d['op']}", name),
                       table="region_dates", index=row, body=code, change=f"date_{d['op']}",
                       date=d.get("date") or str(inst.region_dates[row].date
                                                 if d["op"] == "delete" else ""))
        except edits.EditRefused as exc:
            return _body_page(request, code, {"date": form,
                                               "errors": _refused(form, exc)}, 400)
        messages.success(request, _("The dates are saved as a new revision of the instance."))
    elif part == "request":
        version = _current(stored.halfyear)
        if version is None:
            raise Http404
        meetings = [(m.id, m.id) for m in s.calendar_of(version).meetings if m.body_id == code]
        form = RequestForm(request.POST, meetings=meetings, regions=regions)
        if not form.is_valid():
            return _body_page(request, code, {"request": form}, 400)
        try:
            change = _recorded_request(form.cleaned_data, code, stored.halfyear, inst, version)
        except InputError as exc:
            _field_errors(form, exc)
            return _body_page(request, code, {"request": form}, 400)
        from scheduler.web.models import Body as BodyRow

        replans.record_request(stored.halfyear, BodyRow.objects.get(code=code), change,
                               request.user)
        messages.success(request, _("The request is recorded for the next re-plan."))
    elif part == "withdraw":
        record = get_object_or_404(replans.pending_requests(stored.halfyear, code),
                                   pk=request.POST.get("pk") or 0)
        replans.withdraw_request(record, request.user)
        messages.success(request, _("The request is withdrawn."))
    else:
        raise Http404
    return redirect("web:body", code=code)


def edit_note(change: str, body: str) -> str:
    """An edit's note in the active language, by its ``change`` in the audit log."""
    return {"issue_add": _("topical issue added by %(body)s"),
            "issue_change": _("topical issue changed by %(body)s"),
            "issue_delete": _("topical issue removed by %(body)s"),
            "date_add": _("date added by %(body)s"), "date_delete": _("date removed by %(body)s"),
            "absence_add": _("absence added by %(body)s")}[change] % {"body": body}


def _field_errors(form, error: InputError) -> None:
    """The library's messages about a request, in the reader's language, at the form's
    fields where they name one."""
    for problem in error.problems:
        field = problem.field.split(".")[0]
        form.add_error(field if field in form.fields else None, problems.message(problem))


def _refused(form, refused) -> list[str]:
    """An edit's refusal in the reader's language: the edited row's problems at the form's
    fields, the other lines returned to show above the form."""
    for field, found in refused.fields.items():
        form.add_error(field if field in form.fields else None,
                       "; ".join(map(problems.message, found)))
    return [problems.line(p) for p in refused.problems]


def _recorded_request(d: dict, code: str, halfyear, inst: Instance, version):
    """The form as the library's ChangeRequest, checked as the CLI checks a change set."""
    from pydantic import ValidationError

    from scheduler.changes import ChangeRequest, ChangeSet, validate_changes
    from scheduler.io import describe_errors
    from scheduler.web.models import ChangeRequestRecord

    number = ChangeRequestRecord.objects.filter(halfyear=halfyear, body__code=code).count() + 1
    data = {"id": f"web-{code}-{number}"[:64], "body_id": code,
            "submitted": timezone.localdate().isoformat(), "action": d["action"],
            "note": d["note"]}
    for key in ("meeting_id", "date", "region_id"):
        if d[key]:
            data[key] = d[key]
    if d["dates"]:
        data["dates"] = [x.strip() for x in d["dates"].replace(";", ",").split(",") if x.strip()]
    where = lambda table, index: "the request"  # noqa: E731
    try:
        change = ChangeRequest.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_errors(exc, "request", lambda t, i: "the request")) from None
    today = max(inst.horizon.start, min(timezone.localdate(), inst.horizon.end))
    validate_changes(ChangeSet(requests=(change,)), inst, s.calendar_of(version), today,
                     "request", where)
    return change


@login_required
@require_POST
def body_absence(request, code: str):
    from scheduler.web import edits

    require(request, "edit_body", code)
    stored, inst = _body_instance(code)
    L = lang()
    officials = [o for o in inst.officials if o.body_id == code]
    form = AbsenceForm(request.POST, officials=[(o.id, o.title.get(L)) for o in officials])
    if not form.is_valid():
        return _body_page(request, code, {"absence": form}, 400)
    d = form.cleaned_data
    row = len(inst.absences)
    absence = Absence(official_id=d["official"], start=d["start"], end=d["end"],
                      reason=d["reason"], note=d["note"]).model_dump(mode="json")
    try:
        edits.edit(stored, lambda data: data["absences"].append(absence), request.user,
                   note=edit_note("absence_add", c.body_name(inst, code, L)),
                   table="absences", index=row, body=code, change="absence_add",
                   official=d["official"])
    except edits.EditRefused as exc:
        return _body_page(request, code, {"absence": form,
                                           "errors": _refused(form, exc)}, 400)
    messages.success(request, _("The absence is recorded; the next plan takes it "
                                "into account."))
    return redirect("web:body", code=code)


# ------------------------------------------------------------------ audit log
@login_required
def audit_view(request):
    require(request, "read_all")
    page = Paginator(AuditEntry.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "web/audit.html", {"page": page})
