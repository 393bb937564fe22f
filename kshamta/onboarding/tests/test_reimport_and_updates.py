"""Re-importing changes nothing; changed rows update, are audited and open postings."""

from __future__ import annotations

from kshamta.accounts.models import Posting, Profile
from kshamta.core.models import AuditEvent
from kshamta.onboarding.tests.helpers import HEADER, ImportTestCase, csv_text, person


class ReimportTests(ImportTestCase):
    def test_reimporting_the_same_file_changes_nothing(self) -> None:
        rows = [person(f"R3{i:03d}") for i in range(40)]
        first = self.run_import(csv_text(rows), chunk_size=7)
        self.assertEqual(first.created, 40)
        events = AuditEvent.objects.count()
        postings = Posting.objects.count()
        again = self.run_import(csv_text(rows), chunk_size=7)
        self.assertEqual(again.counts(), {"rows": 40, "created": 0, "updated": 0, "unchanged": 40, "rejected": 0})
        # Only the job's own events (create, confirm, apply), none about people.
        self.assertEqual(AuditEvent.objects.count() - events, 3)
        self.assertEqual(Posting.objects.count(), postings)

    def test_five_percent_changed_rows_update_and_are_audited(self) -> None:
        rows = [person(f"R4{i:03d}") for i in range(100)]
        self.run_import(csv_text(rows), chunk_size=25)
        for i in range(0, 100, 20):
            rows[i]["name_en"] = f"Renamed {i}"
        job = self.run_import(csv_text(rows), chunk_size=25)
        self.assertEqual((job.updated, job.unchanged, job.created), (5, 95, 0))
        self.assertEqual(Profile.objects.get(employee_code="R4020").user.name_en, "Renamed 20")
        self.assertIn("renamed 20", Profile.objects.get(employee_code="R4020").search_text)
        updates = AuditEvent.objects.filter(action="person.update")
        self.assertEqual(updates.count(), 5)
        event = updates.get(target_id=str(Profile.objects.get(employee_code="R4040").pk))
        self.assertEqual(event.before["name_en"], "Person R4040")
        self.assertEqual(event.after["name_en"], "Renamed 40")
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.org_path, self.district_a.path)

    def test_transfer_opens_a_posting_and_is_audited_on_both_sides(self) -> None:
        self.run_import(csv_text([person("R5001")]))
        user = Profile.objects.get(employee_code="R5001").user
        job = self.run_import(csv_text([person("R5001", org_code="MP-REV", designation="Tehsildar")]))
        self.assertEqual(job.updated, 1)
        profile = Profile.objects.get(employee_code="R5001")
        self.assertEqual((profile.org, profile.designation), (self.dept_a, self.tehsildar))
        postings = list(Posting.objects.filter(user=user).order_by("id"))
        self.assertEqual(len(postings), 2)
        self.assertIsNotNone(postings[0].ended_on)
        self.assertIsNone(postings[1].ended_on)
        self.assertEqual(postings[1].reason, "transfer")
        self.assertEqual(postings[1].org, self.dept_a)
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer", org_path=self.dept_a.path).exists())
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer_out", org_path=self.district_a.path).exists())

    def test_designation_change_in_hindi_opens_a_posting(self) -> None:
        self.run_import(csv_text([person("R5002")]))
        self.run_import(csv_text([person("R5002", designation="तहसीलदार")]))
        profile = Profile.objects.get(employee_code="R5002")
        self.assertEqual(profile.designation, self.tehsildar)
        latest = Posting.objects.filter(user_id=profile.pk).order_by("-id").first()
        assert latest is not None
        self.assertEqual(latest.reason, "designation change")

    def test_existing_person_from_the_cast_is_updated_by_code(self) -> None:
        job = self.run_import(
            csv_text([person("MP0003", name_en="Sita Devi", email="sita.devi@mp.gov.in", mobile="9000000003")])
        )
        self.assertEqual((job.created, job.updated), (0, 1))
        self.assertEqual(Profile.objects.get(employee_code="MP0003").pk, self.learner_a.pk)

    def test_retirement_through_the_status_column(self) -> None:
        header = [*HEADER, "status"]
        self.run_import(csv_text([person("R5003")], header=header))
        self.assertEqual(Profile.objects.get(employee_code="R5003").status, "active")
        job = self.run_import(csv_text([person("R5003", status="Retired")], header=header))
        self.assertEqual(job.updated, 1)
        self.assertEqual(Profile.objects.get(employee_code="R5003").status, "retired")

    def test_blank_cells_do_not_erase_what_is_known(self) -> None:
        self.run_import(csv_text([person("R5004")]))
        job = self.run_import(csv_text([person("R5004", email="", date_of_birth="", name_hi="")]))
        self.assertEqual(job.unchanged, 1)
        profile = Profile.objects.select_related("user").get(employee_code="R5004")
        self.assertEqual(profile.user.email, "pr5004@mp.gov.in")
