"""An importer works only inside the subtree they administer."""

from __future__ import annotations

from django.http import Http404

from kshamta.accounts.models import Profile
from kshamta.onboarding.access import access_import_job_by_id, visible_import_jobs
from kshamta.onboarding.actions import ImportRefused
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class ScopeTests(ImportTestCase):
    def test_outsider_importing_rows_of_dept_a_gets_them_all_rejected(self) -> None:
        rows = [
            person("R8001"),
            person("R8002", org_code="MP-REV"),
            person("R8003", designation="STAFF-NURSE", org_code="MP-HLT-IND"),
        ]
        job = self.run_import(csv_text(rows), user=self.outsider, org=self.dept_b)
        self.assertEqual((job.rows, job.created, job.rejected), (3, 1, 2))
        self.assertFalse(Profile.objects.filter(employee_code__in=["R8001", "R8002"]).exists())
        for _line, en, hi in self.errors(job):
            self.assertIn("is outside your organisation MP-HLT", en)
            self.assertIn("आपके संगठन MP-HLT के बाहर है", hi)

    def test_outsider_cannot_transfer_someone_out_of_another_department(self) -> None:
        row = person(
            "MP0003", designation="STAFF-NURSE", org_code="MP-HLT-IND", email="sita.devi@mp.gov.in", mobile="9000000003"
        )
        job = self.run_import(csv_text([row]), user=self.outsider, org=self.dept_b)
        self.assertEqual(job.rejected, 1)
        [(_line, en, hi)] = self.errors(job)
        self.assertEqual(en, "employee MP0003 works in MP-REV-BPL, outside your organisation")
        self.assertIn("आपके संगठन के बाहर है", hi)
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)

    def test_state_admin_can_import_anywhere(self) -> None:
        rows = [person("R8004"), person("R8005", designation="Staff Nurse", org_code="MP-HLT-IND")]
        job = self.run_import(csv_text(rows), user=self.state_admin, org=self.state)
        self.assertEqual(job.created, 2)

    def test_starting_an_import_outside_ones_subtree_is_refused(self) -> None:
        with self.assertRaises(ImportRefused):
            self.start(csv_text([person("R8006")]), user=self.outsider, org=self.dept_a)
        with self.assertRaises(ImportRefused):
            self.start(csv_text([person("R8006")]), user=self.learner_a, org=self.district_a)

    def test_access_to_jobs_denies_the_outsider(self) -> None:
        job = self.start(csv_text([person("R8007")]))
        self.assertEqual(access_import_job_by_id(self.nodal_a, job.pk), job)
        self.assertEqual(access_import_job_by_id(self.state_admin, job.pk), job)
        with self.assertRaises(Http404):
            access_import_job_by_id(self.outsider, job.pk)
        with self.assertRaises(Http404):
            access_import_job_by_id(self.learner_a, job.pk)
        self.assertEqual(list(visible_import_jobs(self.nodal_a)), [job])
        self.assertEqual(list(visible_import_jobs(self.outsider)), [])
