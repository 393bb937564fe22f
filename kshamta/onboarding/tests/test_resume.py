"""A crash mid-apply resumes after the last committed chunk and never makes a person twice."""

from __future__ import annotations

from unittest import mock

from kshamta.accounts.models import Posting, Profile, User
from kshamta.onboarding import actions
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class WorkerCrash(Exception):
    pass


class ResumeTests(ImportTestCase):
    def test_crash_after_some_chunks_then_resume(self) -> None:
        rows = [person(f"R9{i:03d}") for i in range(50)]
        rows.insert(10, person("R9003"))  # a duplicate in an early chunk: the in-file memory must survive the restart
        rows.append(person("R9999", email="bad"))
        users_before = User.objects.count()
        job = self.start(csv_text(rows), chunk_size=8)
        real_apply_chunk = actions._apply_chunk
        calls = {"n": 0}

        def crash_on_the_fourth(*args: object, **kwargs: object) -> None:
            calls["n"] += 1
            if calls["n"] == 4:
                raise WorkerCrash
            real_apply_chunk(*args, **kwargs)  # type: ignore[arg-type]

        with mock.patch.object(actions, "_apply_chunk", side_effect=crash_on_the_fourth):
            # Confirm without running the queued task, then run apply as a worker would, and let it die.
            with self.captureOnCommitCallbacks(execute=False):
                actions.do_confirm_import_job(job, self.nodal_a)
            with self.assertRaises(WorkerCrash):
                actions.run_apply(job.pk)
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.APPLYING)
        self.assertEqual(job.last_applied_chunk, 2)
        self.assertEqual(job.processed_rows, 24)
        self.assertEqual(Profile.objects.filter(employee_code__startswith="R9").count(), 23)

        # The stopped job is resumed (a worker restart runs the apply task again).
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_resume_import_job(job, self.nodal_a)
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.DONE)
        self.assertEqual(job.counts(), {"rows": 52, "created": 50, "updated": 0, "unchanged": 0, "rejected": 2})
        self.assertEqual(User.objects.count() - users_before, 50)
        self.assertEqual(Profile.objects.filter(employee_code__startswith="R9").count(), 50)
        self.assertEqual(Posting.objects.filter(user__profile__employee_code__startswith="R9").count(), 50)
        self.assertEqual([e[0] for e in self.errors(job)], [12, 53])

    def test_running_apply_twice_does_nothing_more(self) -> None:
        job = self.run_import(csv_text([person("R9501"), person("R9502")]), chunk_size=1)
        self.assertEqual(actions.run_apply(job.pk).counts(), job.counts())
        self.assertEqual(Profile.objects.filter(employee_code__startswith="R95").count(), 2)

    def test_confirming_twice_is_refused(self) -> None:
        job = self.run_import(csv_text([person("R9601")]))
        with self.assertRaises(actions.ImportRefused):
            actions.do_confirm_import_job(job, self.nodal_a)

    def test_a_chunk_the_database_refuses_is_retried_row_by_row(self) -> None:
        rows = [person("R9701"), person("R9702"), person("R9703")]
        job = self.start(csv_text(rows), chunk_size=10)
        real_write = actions._write

        def refuse_bulk_and_r9702(ctx, creates, updates, now):
            if len(creates) > 1 or any(r.employee_code == "R9702" for r in creates):
                from django.db import IntegrityError

                raise IntegrityError("UNIQUE constraint failed: simulated")
            real_write(ctx, creates, updates, now)

        with mock.patch.object(actions, "_write", side_effect=refuse_bulk_and_r9702):
            job = self.confirm(job)
        self.assertEqual((job.created, job.rejected), (2, 1))
        [(line, en, hi)] = self.errors(job)
        self.assertEqual(line, 3)
        self.assertEqual(en, "the row could not be saved: UNIQUE constraint failed: simulated")
        self.assertIn("पंक्ति सहेजी नहीं जा सकी", hi)
