"""Background solves: progress stored while the solver runs, one solve per half-year,
the version stored with its inputs, the explanation when no calendar exists; the
database's versions exported to a CLI workspace and read back."""

from __future__ import annotations

import re

import pytest

from scheduler.web import services as s
from scheduler.web.models import AuditEntry, CalendarVersion, SolveJob, StoredProfile


@pytest.fixture
def immediate(settings):
    """Run enqueued tasks at once (the worker's job is tested in the browser tests)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "files"]}}


@pytest.mark.django_db(transaction=True)  # the progress writer has its own connection
def test_solve_stores_a_checked_version(seeded, immediate):
    planner = seeded["users"]["planner"]
    profile = StoredProfile.objects.get(name="kz-2024")
    job = s.start_solve(seeded["stored"], profile, 30, planner)
    with pytest.raises(s.SolveBusy):  # one solve per half-year at a time
        s.start_solve(seeded["stored"], profile, 30, planner)
    assert s.run_solve(job.pk) == SolveJob.Status.DONE
    job.refresh_from_db()
    assert not job.active and job.solver_status in ("OPTIMAL", "FEASIBLE")
    assert job.objective is not None and job.bound is not None and job.seconds > 0
    version = job.version
    assert version.number == 2 and version.kind == "plan" and version.state == "draft"
    assert version.meetings == len(version.calendar["meetings"]) > 100
    assert version.instance == seeded["stored"] and "[rules.FREQ-CEB-QUARTER]" in \
        version.profile_toml
    assert s.check_of(version).ok
    assert AuditEntry.objects.filter(action="version_created", from_version=1,
                                     username="planner").exists()
    assert AuditEntry.objects.filter(action="solve_started", username="planner").exists()
    from django.test import Client

    client = Client()
    client.force_login(planner)
    limits = {"ru": "лимит времени 30 с", "kk": "уақыт шегі 30 с"}
    for lang in ("ru", "kk"):  # a whole cost; seconds with the decimal comma in both
        client.cookies["django_language"] = lang
        page = client.get(f"/solve/{job.pk}/").content.decode()
        assert f'id="p-objective">{job.objective:.0f}<' in page, lang
        assert re.search(r'id="p-seconds">\d+,\d<', page), lang
        assert limits[lang] in page, lang  # the unit too in the page's language
    s.start_solve(seeded["stored"], profile, 30, planner)  # free again


@pytest.mark.django_db(transaction=True)
def test_no_calendar_is_explained(immediate, tiny_instance):
    """An impossible profile gives no version and the colliding rules on the page."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from scheduler.instance import Instance
    from scheduler.web.demo import set_role

    s.ensure_profiles()
    profile = StoredProfile.objects.get(name="kz-2024")
    # a minister and both deputies away for the whole first quarter: no one can meet
    data = tiny_instance.model_dump(mode="json")
    ceb = {b["id"] for b in data["bodies"] if b["kind"] == "ceb"}
    exempt = set(s.profile_from_toml(profile.toml).get("SCOPE-EXEMPT").exempt_bodies)
    boss = next(o for o in data["officials"] if o["role"] == "first_head"
                and o["body_id"] in ceb - exempt)
    people = [boss["id"]] + [o["id"] for o in data["officials"] if o["deputy_of"] == boss["id"]]
    data["absences"] += [{"official_id": p, "start": "2027-01-01", "end": "2027-03-31",
                          "reason": "illness", "note": ""} for p in people]
    impossible = Instance.model_validate(data)
    stored = s.store_instance(impossible, "tiny.json", b"{}", None)
    user = get_user_model().objects.create_user("p", password="generated-Test-pass-2027")
    set_role(user, "planner")
    job = s.start_solve(stored, profile, 10, user)
    assert s.run_solve(job.pk, explain_limit=10) == SolveJob.Status.NO_CALENDAR
    job.refresh_from_db()
    assert job.version is None and not CalendarVersion.objects.exists()
    assert job.explanation["conflicts"]
    assert any(c["rule_id"] == "FREQ-CEB-QUARTER" for c in job.explanation["conflicts"])
    client = Client()
    client.force_login(user)
    page = client.get(f"/solve/{job.pk}/").content.decode()
    assert "FREQ-CEB-QUARTER" in page and "календарь невозможен" in page.lower()


def test_workspace_round_trip(seeded, tmp_path):
    """Export the half-year's versions to a CLI workspace and read them back: same
    numbers, same calendars, each with its inputs."""
    from scheduler.workspace import versions

    folder = tmp_path / "ws"
    assert s.export_workspace(seeded["halfyear"], folder) == [1]
    found = versions(folder)
    assert [v.number for v in found] == [1]
    for name in ("calendar.json", "calendar.csv", "instance.json", "profile.toml"):
        assert (found[0].path / name).exists()
    CalendarVersion.objects.all().delete()
    made = s.import_workspace(folder)
    assert [v.number for v in made] == [1]
    assert made[0].calendar == seeded["version"].calendar
