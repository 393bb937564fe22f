"""created + updated + unchanged + rejected == rows, in a file with a bit of everything; checks report early."""

from __future__ import annotations

from kshamta.onboarding.models import ImportJob, ImportRowError
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class CountsInvariantTests(ImportTestCase):
    def test_mixed_file_adds_up_in_check_and_apply(self) -> None:
        self.run_import(csv_text([person(f"RI{i:03d}") for i in range(10)]))
        rows = [person(f"RI{i:03d}") for i in range(10)]  # 10 existing
        rows[0]["name_en"] = "Changed"  # 1 update
        rows += [person(f"RJ{i + 100:03d}") for i in range(7)]  # 7 new
        rows += [person("RJ100"), person("RK201", email="x"), person("RK202", org_code="??")]  # 3 rejected
        rows += [{"employee_code": ""}]  # blank-ish row with only an empty code counts as blank
        job = self.start(csv_text(rows), chunk_size=4)
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)
        predicted = job.counts()
        self.assertEqual(predicted, {"rows": 20, "created": 7, "updated": 1, "unchanged": 9, "rejected": 3})
        self.assertEqual(ImportRowError.objects.filter(job=job).count(), 3)
        self.assertTrue(job.error_file)
        job = self.confirm(job)
        self.assertEqual(job.counts(), predicted)
        self.assertEqual(job.created + job.updated + job.unchanged + job.rejected, job.rows)
        self.assertEqual(ImportRowError.objects.filter(job=job).count(), 3)

    def test_dry_run_job_cannot_be_confirmed(self) -> None:
        from kshamta.onboarding.actions import ImportRefused, do_confirm_import_job

        job = self.start(csv_text([person("RL001")]), dry_run=True)
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)
        with self.assertRaises(ImportRefused):
            do_confirm_import_job(job, self.nodal_a)
