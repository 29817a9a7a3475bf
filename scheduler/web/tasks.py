"""Background tasks (django-tasks with the database backend; run by ``db_worker``)."""

from django_tasks import task


@task()
def plan_task(job_id: int) -> str:
    from scheduler.web.services import run_solve

    return run_solve(job_id)
