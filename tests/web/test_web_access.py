"""Authorization per role, on the server: editors see and change only their own body,
viewers change nothing, and every state change lands in the audit log."""

from __future__ import annotations

import pytest

from scheduler.web.models import AuditEntry, CalendarVersion, Comment, StoredInstance

V = "/h/2027-H1/v/1/"


def _absence(official: str) -> dict:
    return {"official": official, "start": "2027-03-01", "end": "2027-03-05",
            "reason": "illness", "note": ""}


def test_anonymous_is_sent_to_login(client, seeded):
    """Every page but the login asks for an account."""
    for path in ("/", V, V + "calendar/", "/plan/", "/import/", "/audit/", "/body/health/"):
        response = client.get(path)
        assert response.status_code == 302 and "/login/" in response["Location"], path


def test_editor_reads_only_own_body(as_role, seeded, meeting_of):
    """An editor of Health gets 403 on Energy's meeting, body page and .ics, and sees only
    Health's meetings in the calendar."""
    client = as_role("health-editor")
    version = seeded["version"]
    own, other = meeting_of(version, "health"), meeting_of(version, "energy")
    assert client.get(f"{V}meeting/{own}/").status_code == 200
    assert client.get(f"{V}meeting/{other}/").status_code == 403
    assert client.get(f"{V}meeting/{other}/?to_region=almaty-city").status_code == 403
    assert client.get("/body/health/").status_code == 200
    assert client.get("/body/energy/").status_code == 403
    assert client.get(f"{V}ics/official/health-minister.ics").status_code == 200
    assert client.get(f"{V}ics/official/energy-minister.ics").status_code == 403
    assert client.get(f"{V}download/calendar.xlsx").status_code == 403
    assert client.get("/audit/").status_code == 403
    page = client.get(f"{V}calendar/").content.decode()
    assert "Министерство здравоохранения" in page
    assert "Министерство энергетики" not in page
    weeks = client.get(f"{V}weeks/").content.decode()
    assert f"meeting/{own}/" in weeks and f"meeting/{other}/" not in weeks
    # a filter for another body shows nothing either
    assert "Министерство энергетики" not in client.get(
        f"{V}calendar/?body=energy").content.decode()


def test_editor_writes_only_own_body(as_role, seeded):
    """Energy's editor cannot record an absence for Health; for Energy it works, makes a
    new stored instance (the imported one is kept) and is audited."""
    client = as_role("energy-editor")
    before = StoredInstance.objects.count()
    assert client.post("/body/health/absence/", _absence("health-minister")).status_code == 403
    assert StoredInstance.objects.count() == before
    response = client.post("/body/energy/absence/", _absence("energy-minister"))
    assert response.status_code == 302
    assert StoredInstance.objects.count() == before + 1
    newest = StoredInstance.objects.first()
    assert newest.parent == seeded["stored"]
    assert any(a["official_id"] == "energy-minister" and a["start"] == "2027-03-01"
               for a in newest.data["absences"])
    entry = AuditEntry.objects.filter(action="instance_edited").get()
    assert entry.username == "energy-editor" and entry.from_version == 1
    # an official of another body smuggled into the form is refused by the form
    client.post("/body/energy/absence/", _absence("health-minister"))
    assert StoredInstance.objects.count() == before + 1


@pytest.mark.parametrize("name", ["viewer", "health-editor"])
def test_reader_roles_change_nothing(as_role, seeded, name):
    """Viewers and editors cannot import, plan, move a version's state or comment."""
    client = as_role(name)
    count = AuditEntry.objects.count()
    assert client.post("/import/", {}).status_code == 403
    assert client.post("/plan/", {"instance": seeded["stored"].pk, "profile": 1,
                                  "time_limit": 5}).status_code == 403
    for action in ("agree", "approve", "publish"):
        assert client.post(V + "state/", {"action": action}).status_code == 403
    assert client.post(V + "comment/", {"text": "x"}).status_code == 403
    if name == "viewer":
        assert client.post("/body/health/absence/",
                           _absence("health-minister")).status_code == 403
        assert client.get(V).status_code == 200
        assert client.get(f"{V}download/calendar.csv").status_code == 200
    assert CalendarVersion.objects.get().state == "draft"
    assert not Comment.objects.exists()
    assert AuditEntry.objects.count() == count


def test_workflow_is_audited(client, seeded):
    """draft -> agreed (planner) -> approved (commission) -> published (planner); every step
    and the comment are in the audit log with the version they started from."""
    users = seeded["users"]
    client.force_login(users["commission"])
    assert client.post(V + "state/", {"action": "agree"}).status_code == 403
    client.force_login(users["planner"])
    assert client.post(V + "state/", {"action": "agree"}).status_code == 302
    assert client.post(V + "state/", {"action": "publish"}).status_code == 302  # refused
    assert CalendarVersion.objects.get().state == "agreed"
    client.force_login(users["commission"])
    assert client.post(V + "comment/", {"text": "Agreed by the commission."}).status_code == 302
    assert client.post(V + "state/", {"action": "approve"}).status_code == 302
    assert client.get("/subscribe/2027-H1/region/almaty-city.ics").status_code == 404
    client.force_login(users["planner"])
    assert client.post(V + "state/", {"action": "publish"}).status_code == 302
    assert CalendarVersion.objects.get().state == "published"
    log = list(AuditEntry.objects.order_by("id").values_list("action", "username",
                                                             "from_version"))
    changes = [row for row in log if row[0] not in ("login", "logout", "role_set")]
    assert changes[-4:] == [("version_agreed", "planner", 1), ("comment_added", "commission", 1),
                            ("version_approved", "commission", 1),
                            ("version_published", "planner", 1)]
    # the subscription serves the published version without an account
    client.logout()
    response = client.get("/subscribe/2027-H1/region/almaty-city.ics")
    assert response.status_code == 200 and b"BEGIN:VCALENDAR" in response.content
    assert client.get("/subscribe/2027-H1/official/no-such-person.ics").status_code == 404


def test_versions_are_never_overwritten(seeded):
    """A version's content cannot be saved again; only its state moves."""
    version = seeded["version"]
    version.note = "changed"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises(ValueError):
        seeded["stored"].save()
    with pytest.raises(ValueError):
        AuditEntry.objects.first().save()


def test_unknown_ids_are_not_found(as_role, seeded):
    """Ids from the address are looked up in the stored data, never used as paths."""
    client = as_role("planner")
    assert client.get(f"{V}meeting/..%2F..%2Fetc%2Fpasswd/").status_code == 404
    assert client.get(f"{V}ics/official/nobody.ics").status_code == 404
    assert client.get(f"{V}download/..%2Fsecret-key").status_code == 404
    assert client.get("/h/2027-H1/v/9/").status_code == 404
