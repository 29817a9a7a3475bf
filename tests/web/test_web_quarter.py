"""The editors' own data and the quarter's re-plans in the web workspace.

Editors change their own body's topical issues, the blocked and preferred dates of their
akimat's region, absences and change requests: each edit is a new stored instance revision
(the imported one is kept), refused with the CLI's messages at the form's fields, and
audited; nobody else's body can be read or written. A planner re-plans a version with an
uploaded change set and the editors' requests in the background (the library's re-plan),
and the result lands as a new version carrying its base, with its change notice; a stale
base is refused as in the CLI's workspace.
"""

from __future__ import annotations

import json

import pytest

from scheduler.web import replans
from scheduler.web.models import (
    AuditEntry,
    CalendarVersion,
    ChangeRequestRecord,
    ReplanJob,
    StoredInstance,
)

from .conftest import ROOT

V = "/h/2027-H1/v/1/"
CHANGES = ROOT / "instances" / "kz-2027-h1-changes-q2.json"


@pytest.fixture
def akimat_editor(seeded):
    from django.contrib.auth import get_user_model

    from scheduler.web.demo import set_role

    user = get_user_model().objects.create(username="pavlodar-editor")
    set_role(user, "editor", "akimat-pavlodar")
    return user


@pytest.fixture
def immediate(settings):
    """Enqueued tasks are kept, not run: the test runs the worker's part itself."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "files"]}}


def _issue(**fields) -> dict:
    return {"op": "add", "issue_id": "", "region_id": "almaty-city", "weight": "7",
            "text_ru": "Очереди в поликлиниках", "text_kk": "Емханалардағы кезектер",
            "text_en": "Queues at polyclinics", **fields}


def test_editor_edits_own_issues(as_role, seeded):
    """Add, change and remove an issue of Health: each a new revision with the previous one
    as parent, audited; a bad weight is refused with the CLI's message at its field."""
    client = as_role("health-editor")
    first = StoredInstance.objects.count()
    assert client.post("/body/health/edit/issue/", _issue()).status_code == 302
    added = StoredInstance.objects.first()
    assert added.parent == seeded["stored"] and StoredInstance.objects.count() == first + 1
    issue = next(i for i in added.data["issues"] if i["text"]["ru"] == "Очереди в поликлиниках")
    assert issue["body_id"] == "health" and issue["weight"] == 7
    entry = AuditEntry.objects.filter(action="instance_edited").latest("id")
    assert entry.username == "health-editor" and entry.detail["change"] == "issue_add"
    # a weight out of range: the library's message, at the weight field; nothing stored
    response = client.post("/body/health/edit/issue/",
                           _issue(op="change", issue_id=issue["id"], weight="500"))
    assert response.status_code == 400
    assert "не больше 100" in response.context["issue_form"].errors["weight"][0]
    assert StoredInstance.objects.count() == first + 1
    assert client.post("/body/health/edit/issue/", _issue(op="change", issue_id=issue["id"],
                                                          weight="60")).status_code == 302
    changed = StoredInstance.objects.first()
    assert changed.parent == added
    assert next(i for i in changed.data["issues"] if i["id"] == issue["id"])["weight"] == 60
    assert client.post("/body/health/edit/issue/",
                       {"op": "delete", "issue_id": issue["id"]}).status_code == 302
    assert all(i["id"] != issue["id"] for i in StoredInstance.objects.first().data["issues"])
    # another body's issue cannot be reached through one's own body
    energy = next(i["id"] for i in seeded["stored"].data["issues"] if i["body_id"] == "energy")
    assert client.post("/body/health/edit/issue/",
                       {"op": "delete", "issue_id": energy}).status_code == 404
    assert seeded["stored"].data == StoredInstance.objects.get(pk=seeded["stored"].pk).data


def test_akimat_editor_edits_region_dates(client, seeded, akimat_editor):
    """An akimat's editor adds and removes its region's blocked and preferred dates; a
    date outside the half-year is refused with the CLI's message at the date field."""
    client.force_login(akimat_editor)
    page = client.get("/body/akimat-pavlodar/").content.decode()
    assert "date-form" in page
    ok = {"op": "add", "date": "2027-05-15", "kind": "preferred", "note": "Day of the city"}
    assert client.post("/body/akimat-pavlodar/edit/date/", ok).status_code == 302
    dates = StoredInstance.objects.first().data["region_dates"]
    row = next(i for i, d in enumerate(dates)
               if d["date"] == "2027-05-15" and d["region_id"] == "pavlodar")
    response = client.post("/body/akimat-pavlodar/edit/date/", {**ok, "date": "2028-01-10"})
    assert response.status_code == 400
    assert "вне планируемого полугодия" in response.context["date_form"].errors["date"][0]
    assert client.post("/body/akimat-pavlodar/edit/date/",
                       {"op": "delete", "row": row}).status_code == 302
    assert len(StoredInstance.objects.first().data["region_dates"]) == len(dates) - 1
    # another region's date is not this akimat's to remove
    other = next(i for i, d in enumerate(dates) if d["region_id"] != "pavlodar")
    assert client.post("/body/akimat-pavlodar/edit/date/",
                       {"op": "delete", "row": other}).status_code == 404


@pytest.mark.parametrize("name", ["energy-editor", "viewer", "commission"])
def test_others_cannot_edit_a_body(as_role, seeded, meeting_of, name):
    """An editor of another body gets 403 reading and writing Health's data; a viewer and a
    commission member read it but cannot change anything; nothing is stored or audited."""
    client = as_role(name)
    before, log = StoredInstance.objects.count(), AuditEntry.objects.count()
    read = client.get("/body/health/").status_code
    assert read == (403 if name == "energy-editor" else 200)
    posts = {"issue": _issue(), "date": {"op": "add", "date": "2027-05-15", "kind": "blocked"},
             "request": {"action": "cancel",
                         "meeting_id": meeting_of(seeded["version"], "health")},
             "withdraw": {"pk": 1}}
    for part, fields in posts.items():
        assert client.post(f"/body/health/edit/{part}/", fields).status_code == 403, part
    assert client.post("/body/health/absence/", {
        "official": "health-minister", "start": "2027-03-01", "end": "2027-03-05",
        "reason": "illness"}).status_code == 403
    assert client.get("/h/2027-H1/replan/").status_code == 403
    assert client.post("/h/2027-H1/urgent/", {}).status_code == 403
    assert StoredInstance.objects.count() == before and AuditEntry.objects.count() == log


def test_editor_records_change_requests(as_role, seeded, meeting_of):
    """A request is checked as the CLI checks a change set (another body's meeting is
    refused at the meeting field), recorded, shown by name, audited and withdrawable."""
    client = as_role("health-editor")
    own = meeting_of(seeded["version"], "health")  # a Health meeting of the approved calendar
    other = next(m["id"] for m in seeded["version"].calendar["meetings"]
                 if m["body_id"] == "energy")
    response = client.post("/body/health/edit/request/", {"action": "cancel",
                                                          "meeting_id": other})
    assert response.status_code == 400
    assert "относится к 'energy'" in response.context["request_form"].errors["meeting_id"][0]
    response = client.post("/body/health/edit/request/", {"action": "move", "meeting_id": own})
    assert response.status_code == 400  # a move needs a date or a region: the library says so
    assert client.post("/body/health/edit/request/", {"action": "cancel", "meeting_id": own,
                                                      "note": "hall under repair"}
                       ).status_code == 302
    record = ChangeRequestRecord.objects.get()
    assert record.data["meeting_id"] == own and record.body.code == "health"
    page = client.get("/body/health/").content.decode()
    assert own not in page.split('id="requests"')[1].split("</ul>")[0]  # names, not ids
    assert AuditEntry.objects.filter(action="request_recorded", username="health-editor").exists()
    assert client.post("/body/health/edit/withdraw/", {"pk": record.pk}).status_code == 302
    assert not ChangeRequestRecord.objects.exists()


@pytest.mark.django_db(transaction=True)  # the progress writer has its own connection
def test_replan_lands_with_base_and_notice(as_role, seeded, immediate):
    """Upload the Q2 change set (plus a request submitted after its DL-CHANGE deadline) and
    an editor's recorded request; the re-plan lands as version 2 from version 1 with the
    notice in Russian, the refusal naming the rule and the deadline; a stale base is
    refused before anything runs."""
    editor = as_role("health-editor")
    assert editor.post("/body/health/edit/request/", {
        "action": "block", "dates": "2027-05-20, 2027-05-21",
        "note": "congress"}).status_code == 302
    assert editor.post("/body/health/absence/", {  # recorded in a new instance revision
        "official": "health-deputy-1", "start": "2027-05-03", "end": "2027-05-07",
        "reason": "delegation", "note": "forum"}).status_code == 302
    data = json.loads(CHANGES.read_text(encoding="utf-8"))
    data["requests"].append({"id": "R-late", "body_id": "transport", "submitted": "2027-06-05",
                             "action": "block", "dates": ["2027-06-19"]})
    client = as_role("planner")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("changes-q2.json", json.dumps(data).encode("utf-8"))
    response = client.post("/h/2027-H1/replan/", {
        "base": 1, "as_of": "2027-03-20", "file": upload, "recorded": "on",
        "time_limit": 20})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ReplanJob.objects.get()
    assert job.active and job.status == "queued"
    assert replans.run(job.pk) == "done"  # the worker's part
    job.refresh_from_db()
    assert job.status == "done" and not job.active, job.message
    version = job.version
    assert version.number == 2 and version.kind == "replan" and version.base == 1
    assert version.change_set["requests"][-1]["id"].startswith("web-health-")
    assert any(a["official_id"] == "health-deputy-1" and a["start"] == "2027-05-03"
               for a in version.change_set["absences"])  # the editor's absence, as a change
    assert ChangeRequestRecord.objects.get().version == version  # taken up
    assert version.instance.parent == seeded["stored"]
    page = client.get(f"/replan/{job.pk}/").content.decode()
    assert "Изменения календаря на 20.03.2027" in page
    refused = page.split('id="refused"')[1].split("</ol>")[0]
    assert "01.06.2027" in refused and "R-late" not in refused
    assert client.get("/h/2027-H1/v/2/download/changes.pdf").content[:4] == b"%PDF"
    assert "Для планировщиков" in client.get(
        "/h/2027-H1/v/2/download/changes.md").content.decode()
    assert client.get(f"/replan/{job.pk}/?progress=1").json()["status"] == "done"
    client.cookies["django_language"] = "kk"
    assert "20.03.2027" in client.get("/h/2027-H1/v/2/").content.decode()
    assert AuditEntry.objects.filter(action="version_created", from_version=1,
                                     detail__kind="replan").exists()
    # version 1 is no longer the latest: refused before solving (in Kazakh: the cookie)
    upload = SimpleUploadedFile("changes-q2.json", CHANGES.read_bytes())
    response = client.post("/h/2027-H1/replan/", {"base": 1, "as_of": "2027-03-20",
                                                  "file": upload, "time_limit": 20})
    assert response.status_code == 400 and "соңғы нұсқасы емес" in \
        response.content.decode()
    assert ReplanJob.objects.count() == 1
    # ... and at the write, when a colleague's version landed during the solve
    stale = ReplanJob.objects.create(
        halfyear=seeded["halfyear"], base=seeded["version"], as_of="2027-03-20",
        change_set=job.change_set, instance=job.instance, active=False)
    assert replans.land(stale, None, None, None, None, None, None) is None


@pytest.mark.django_db(transaction=True)
def test_urgent_meeting_for_an_alert(as_role, seeded, immediate):
    """An arisen alert in Pavlodar for Energy: an out-of-schedule meeting lands as a new
    version from version 1; an unknown region is refused with the CLI's message."""
    client = as_role("planner")
    response = client.post("/h/2027-H1/urgent/", {
        "base": 1, "region": "atlantis", "bodies": ["energy"], "level": "arisen",
        "date": "2027-04-05"})
    assert response.status_code == 400 and "unknown region &#x27;atlantis&#x27;" in \
        response.content.decode()
    assert not ReplanJob.objects.exists()
    response = client.post("/h/2027-H1/urgent/", {
        "base": 1, "region": "pavlodar", "bodies": ["energy"], "level": "arisen",
        "date": "2027-04-05", "text": "heating failure"})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ReplanJob.objects.get()
    assert replans.run(job.pk) == "done", ReplanJob.objects.get().message
    version = CalendarVersion.objects.get(number=2)
    assert job.kind == "urgent" and version.kind == "urgent" and version.base == 1
    added = [m for m in version.calendar["meetings"] if (m.get("alert_id") or "").startswith(
        "alert-pavlodar-2027-04-05")]
    assert added and added[0]["body_id"] == "energy"
    assert AuditEntry.objects.filter(action="urgent_started", username="planner").exists()


def test_changes_workbook_is_checked_like_the_cli(as_role, seeded, tmp_path):
    """A change-set workbook (from the template) naming a meeting the calendar lacks is
    refused with the file, sheet, row and field, as `scheduler replan` refuses it; nothing
    is queued. The change-set template downloads."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from scheduler.changes import ChangeSet
    from scheduler.workbook import write_changes_workbook

    client = as_role("planner")
    template = client.get("/import/template.xlsx?kind=changes")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    book = tmp_path / "changes.xlsx"
    write_changes_workbook(ChangeSet.model_validate({"requests": [{
        "id": "R-1", "body_id": "health", "submitted": "2027-03-01", "action": "cancel",
        "meeting_id": "2027-H1-999"}]}), book)
    response = client.post("/h/2027-H1/replan/", {
        "base": 1, "as_of": "2027-03-20", "time_limit": 10,
        "file": SimpleUploadedFile("changes.xlsx", book.read_bytes())})
    text = response.content.decode()
    assert response.status_code == 400 and "changes.xlsx" in text
    assert "лист &#x27;requests&#x27;, строка 2, поле &#x27;meeting_id&#x27;: в календаре нет " \
        "встречи &#x27;2027-H1-999&#x27;" in text
    assert str(tmp_path) not in text and "/tmp/" not in text  # the upload's own name only
    assert not ReplanJob.objects.exists()


def test_what_if_matches_the_library(as_role, seeded):
    """The meeting page's what-if (the calendar's own check from the version's cache) says
    what ``scheduler.explain.what_if`` says, for a move that keeps the rules and one that
    breaks them."""
    from scheduler.explain import what_if
    from scheduler.web import services as s
    from scheduler.web.views import _what_if

    version = seeded["version"]
    inst, prof, cal = s.instance_of(version.instance), s.profile_of(version), \
        s.calendar_of(version)
    meeting = cal.meetings[10]
    for to in ("almaty-city", meeting.date.isoformat(), "2027-01-01"):
        ours, theirs = _what_if(version, inst, prof, cal, meeting.id, to), \
            what_if(inst, prof, cal, meeting.id, to)
        assert ours.moved == theirs.moved and ours.delta == theirs.delta
        assert [(v.rule_id, v.message) for v in ours.new_violations] == \
            [(v.rule_id, v.message) for v in theirs.new_violations]
    page = as_role("planner").get(f"{V}meeting/{meeting.id}/?to_region=almaty-city")
    assert page.status_code == 200 and 'id="what-if-result"' in page.content.decode()
