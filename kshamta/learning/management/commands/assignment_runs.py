"""Assignment runs from the command line: list them, or run (resume) one in this process."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.core.text import indian_number
from kshamta.learning import assignments
from kshamta.learning.models import AssignmentJob

COUNTS = (
    "rules_total",
    "rules_done",
    "people_assigned",
    "enrolments_created",
    "enrolments_updated",
    "already_completed",
    "assignments_closed",
)


def _counts(job: AssignmentJob) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "source_type": job.source_type,
        "source_id": job.source_id,
        "org": job.org.code,
        **{name: getattr(job, name) for name in COUNTS},
    }


class Command(BaseCommand):
    help = (
        "Without an id: the latest assignment runs and their progress. With an id: run that assignment "
        "run here (a queued one, or one that failed or stopped while running); nothing is assigned twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("run", nargs="?", type=int, help="the id of the run to run")
        parser.add_argument("--limit", type=int, default=20, help="how many runs to list")
        parser.add_argument("--json", action="store_true", help="one JSON object per run")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["run"] is None:
            for job in AssignmentJob.objects.select_related("org").order_by("-created_at", "-pk")[: options["limit"]]:
                self._show(job, options["json"])
            return
        found = AssignmentJob.objects.select_related("org").filter(pk=options["run"]).first()
        if found is None:
            raise CommandError(f"no assignment run {options['run']}")
        job = found
        if job.status == AssignmentJob.Status.DONE:
            raise CommandError(f"assignment run {job.pk} is already done")
        if job.status != AssignmentJob.Status.QUEUED:
            assignments.do_rerun_assignment_job(job, acting_user=None, enqueue=False)
        try:
            job = assignments.run_assignment_job(job.pk)
        except Exception as exc:
            raise CommandError(f"assignment run {job.pk} stopped: {exc!r}") from exc
        self._show(job, options["json"])

    def _show(self, job: AssignmentJob, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(_counts(job)))
            return
        self.stdout.write(
            f"{job.pk:>6} {job.created_at:%d-%m-%Y %H:%M} {job.source_type}:{job.source_id} {job.org.code} "
            f"{job.status}: {job.rules_done}/{job.rules_total} rules, "
            f"{indian_number(job.people_assigned)} assigned, {indian_number(job.enrolments_created)} new enrolments, "
            f"{indian_number(job.assignments_closed)} closed"
        )
