"""Import an HRMS export of employees from the command line, with the same checks and upsert as the web."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.core.text import indian_number
from kshamta.onboarding import actions
from kshamta.onboarding.models import ImportJob
from kshamta.orgs.models import Organisation


class Command(BaseCommand):
    help = (
        "Import employees from a CSV or XLSX HRMS export into an organisation's subtree. "
        "Columns: employee_code, name_en, name_hi, email, mobile, designation, group, org_code, "
        "date_of_birth, gender, category, date_of_joining[, status] (Hindi headers work too). "
        "Re-running the same file changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file")
        parser.add_argument("--org", required=True, help="code of the organisation whose subtree the rows may use")
        parser.add_argument("--dry-run", action="store_true", help="check every row, change nothing")
        parser.add_argument("--create-designations", action="store_true", help="create unknown designations at --org")
        parser.add_argument("--chunk-size", type=int, default=actions.DEFAULT_CHUNK_SIZE)
        parser.add_argument("--resume", type=int, metavar="JOB_ID", help="resume an import that stopped while applying")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the counts")

    def handle(self, *args: Any, **options: Any) -> None:
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._show = options["verbosity"] > 0
        if options["resume"]:
            job = ImportJob.objects.filter(pk=options["resume"]).first()
            if job is None:
                raise CommandError(f"no import {options['resume']}")
            try:
                actions.do_resume_import_job(job, None, enqueue=False)
            except actions.ImportRefused as exc:
                raise CommandError(str(exc)) from exc
        else:
            job = self._create(options)
            job = actions.run_validation(job.pk, progress=self._progress("checking"))
            self._end_bar()
            if job.status == ImportJob.Status.FAILED:
                raise CommandError(job.message_en)
            if not options["dry_run"]:
                actions.do_confirm_import_job(job, None, enqueue=False)
        if not options["dry_run"] or options["resume"]:
            job = actions.run_apply(job.pk, progress=self._progress("importing"))
            self._end_bar()
            if job.status == ImportJob.Status.FAILED:
                raise CommandError(job.message_en)
        self._report(job, options)

    def _create(self, options: dict[str, Any]) -> ImportJob:
        org = Organisation.objects.filter(code=options["org"]).first()
        if org is None:
            raise CommandError(f"unknown organisation code {options['org']}")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            with path.open("rb") as handle:
                return actions.do_create_import_job(
                    upload=handle,
                    filename=path.name,
                    org=org,
                    acting_user=None,
                    dry_run=options["dry_run"],
                    create_designations=options["create_designations"],
                    chunk_size=options["chunk_size"],
                    enqueue=False,
                )
        except actions.ImportRefused as exc:
            raise CommandError(str(exc)) from exc

    def _progress(self, phase: str) -> actions.Progress:
        def draw(job: ImportJob) -> None:
            now = time.monotonic()
            if not self._show or now - self._last_draw < 0.2:
                return
            self._last_draw = now
            elapsed = now - self._started
            rate = job.processed_rows / elapsed if elapsed else 0
            if phase == "importing" and job.rows:
                width = 30
                filled = width * job.processed_rows // job.rows
                bar = "#" * filled + "-" * (width - filled)
                text = f"{phase} [{bar}] {indian_number(job.processed_rows)}/{indian_number(job.rows)}"
            else:
                text = f"{phase} {indian_number(job.processed_rows)} rows"
            self.stderr.write(f"\r{text} ({int(rate)} rows/s)", ending="")
            self.stderr.flush()

        return draw

    def _end_bar(self) -> None:
        if self._show and self._last_draw:
            self.stderr.write("")
            self._last_draw = 0.0

    def _report(self, job: ImportJob, options: dict[str, Any]) -> None:
        result = {**job.counts(), "error_file": actions.error_file_path(job)}
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        verb = "would be" if job.dry_run else "were"
        self.stdout.write(
            f"import {job.pk}: {indian_number(job.rows)} rows; {indian_number(job.created)} {verb} created, "
            f"{indian_number(job.updated)} updated, {indian_number(job.unchanged)} unchanged, "
            f"{indian_number(job.rejected)} rejected"
        )
        if result["error_file"]:
            self.stdout.write(f"rejected rows and reasons: {result['error_file']}")
