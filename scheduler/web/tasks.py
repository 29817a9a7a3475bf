"""Background tasks (django-tasks with the database backend; run by ``db_worker``)."""

from django_tasks import task


@task()
def plan_task(job_id: int) -> str:
    from scheduler.web.services import run_solve

    return run_solve(job_id)


@task()
def replan_task(job_id: int) -> str:
    from scheduler.web.replans import run

    return run(job_id)


@task(queue_name="files")  # its own worker: files never hold up a solve
def prepare_task(version_id: int, lang: str) -> str:
    from scheduler.web.models import CalendarVersion
    from scheduler.web.services import warm_downloads

    warm_downloads(CalendarVersion.objects.select_related("instance").get(pk=version_id), lang)
    return "ok"
