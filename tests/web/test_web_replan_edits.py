"""An edit made while a re-plan runs: the re-plan's version keeps the inputs it started
from, the edit stays in the newest instance revision (the one the editors and the next
re-plan read), and the re-plan's page names it and asks for a new re-plan (ru, kk)."""

from __future__ import annotations

import pytest

from scheduler.web import replans
from scheduler.web import services as s
from scheduler.web.models import ReplanJob, StoredInstance


@pytest.fixture
def immediate(settings):
    """Enqueued tasks are kept, not run: the test runs the worker's part itself."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": ["default", "files"]}}


ISSUE = {"op": "add", "issue_id": "", "region_id": "almaty-city", "weight": "7",
         "text_ru": "Очереди в поликлиниках", "text_kk": "Емханалардағы кезектер",
         "text_en": "Queues at polyclinics"}


def texts(stored: StoredInstance) -> set[str]:
    return {i.text.ru for i in s.instance_of(stored).issues}


@pytest.mark.django_db(transaction=True)  # the progress writer has its own connection
def test_edit_during_a_replan_is_kept_and_named(as_role, seeded, immediate):
    editor = as_role("health-editor")
    assert editor.post("/body/health/absence/", {
        "official": "health-deputy-1", "start": "2027-05-03", "end": "2027-05-07",
        "reason": "delegation", "note": "forum"}).status_code == 302
    started = replans.newest_instance(seeded["halfyear"])
    planner = as_role("planner")
    assert planner.post("/h/2027-H1/replan/", {"base": 1, "as_of": "2027-03-20",
                                               "recorded": "on", "time_limit": 10}
                        ).status_code == 302
    job = ReplanJob.objects.get()
    assert job.started_from == started
    editor = as_role("health-editor")  # while it runs, Health adds a topical issue
    assert editor.post("/body/health/edit/issue/", ISSUE).status_code == 302
    edited = replans.newest_instance(seeded["halfyear"])
    assert edited.parent == started and "Очереди в поликлиниках" in texts(edited)
    assert replans.run(job.pk) == "done"
    job.refresh_from_db()
    version = job.version
    # the version keeps its own inputs; the edit stays in the newest revision
    assert version.instance.version_only and "Очереди в поликлиниках" not in texts(
        version.instance)
    assert replans.newest_instance(seeded["halfyear"]) == edited
    assert "Очереди в поликлиниках" in editor.get("/body/health/").content.decode()
    assert "Очереди в поликлиниках" in {i.text.ru for i in replans.replan_instance(
        version).issues}  # the next re-plan includes it
    # the re-plan's page says so, in Russian and in Kazakh
    planner = as_role("planner")
    page = planner.get(f"/replan/{job.pk}/").content.decode()
    later = page.split('id="later-edits"')[1].split("</div>")[0]
    assert "Изменения, внесённые во время перепланирования" in later
    assert f"в версию {version.number} они не вошли" in later
    assert edited.note in later and "health-editor" in later
    assert "forum" not in later and started.note not in later  # not the ones it started with
    planner.cookies["django_language"] = "kk"
    later = planner.get(f"/replan/{job.pk}/").content.decode().split('id="later-edits"')[1]
    assert "Қайта жоспарлау кезінде енгізілген өзгерістер" in later
    assert "Денсаулық сақтау министрлігі" in later  # the edit, said in Kazakh
    assert "жаңа қайта жоспарлауды бастаңыз" in later
