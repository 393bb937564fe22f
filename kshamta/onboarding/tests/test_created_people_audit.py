"""Every person an import creates gets one person.create event, the same as one added on the web."""

from __future__ import annotations

from kshamta.accounts.actions import PROFILE_FIELDS, USER_FIELDS
from kshamta.accounts.models import Profile, User
from kshamta.core import audit
from kshamta.core.models import AuditEvent
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class CreatedPeopleAuditTests(ImportTestCase):
    def test_one_create_event_per_person_with_the_new_values(self) -> None:
        job = self.run_import(csv_text([person(f"RA{i:03d}") for i in range(12)]), chunk_size=5)
        self.assertEqual(job.created, 12)
        imported = [
            str(pk) for pk in Profile.objects.filter(employee_code__startswith="RA").values_list("pk", flat=True)
        ]
        events = AuditEvent.objects.filter(
            action="person.create", target_type="accounts.profile", target_id__in=imported
        )
        self.assertEqual(events.count(), 12)
        profile = Profile.objects.select_related("user").get(employee_code="RA007")
        event = events.get(target_id=str(profile.pk))
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.org_path, self.district_a.path)
        self.assertEqual(event.target_label, str(profile))
        self.assertEqual(event.after["employee_code"], "RA007")
        self.assertEqual(event.after["email"], "pra007@mp.gov.in")
        self.assertEqual(event.after["org"], self.district_a.pk)
        self.assertEqual(event.after["date_of_birth"], "1985-08-15")
        self.assertEqual(event.after["preferred_language"], profile.user.preferred_language)
        self.assertIs(event.after["is_active"], True)
        self.assertEqual(event.before, {})
        # Exactly what the instance-based importer recorded before.
        expected = {**audit.snapshot(profile.user, USER_FIELDS), **audit.snapshot(profile, PROFILE_FIELDS)}
        self.assertEqual(event.after, expected)

    def test_new_users_get_fresh_ids_after_a_deleted_one(self) -> None:
        self.run_import(csv_text([person("RB001")]))
        gone = Profile.objects.get(employee_code="RB001").pk
        User.objects.filter(pk=gone).delete()
        self.run_import(csv_text([person("RB002")]))
        self.assertGreater(Profile.objects.get(employee_code="RB002").pk, gone)
        self.assertFalse(User.objects.filter(pk=gone).exists())
