"""Background steps of assignments: apply a source's rules, and sync people after an import chunk."""

from __future__ import annotations

from django_tasks import task

from kshamta.learning import assignments


@task()
def run_assignment_job_task(job_id: int) -> str:
    return assignments.run_assignment_job(job_id).status


@task()
def sync_people_assignments_task(user_ids: list[int]) -> int:
    return assignments.sync_people_assignments(user_ids).assigned
