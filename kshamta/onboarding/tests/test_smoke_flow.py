from __future__ import annotations

from kshamta.accounts.models import Posting, Profile
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class ImportFlowTests(ImportTestCase):
    def test_check_then_apply_creates_people_with_postings(self) -> None:
        job = self.start(csv_text([person("R1001"), person("R1002", designation="tehsildar", group="B")]))
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)
        self.assertEqual((job.rows, job.created, job.rejected), (2, 2, 0))
        self.assertFalse(Profile.objects.filter(employee_code="R1001").exists())
        job = self.confirm(job)
        self.assertEqual(job.status, ImportJob.Status.DONE)
        self.assertEqual(job.counts(), {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0})
        profile = Profile.objects.select_related("user", "designation").get(employee_code="R1002")
        self.assertEqual(profile.designation, self.tehsildar)
        self.assertEqual(profile.org, self.district_a)
        self.assertFalse(profile.user.has_usable_password())
        self.assertEqual(profile.user.mobile, "9800001002")
        self.assertIn("r1002", profile.search_text)
        self.assertEqual(Posting.objects.filter(user=profile.user, ended_on__isnull=True).count(), 1)
        self.assertEqual(job.processed_rows, 2)
        self.assertEqual(job.percent_done, 100)
