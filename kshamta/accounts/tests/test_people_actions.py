from __future__ import annotations

import unicodedata

from kshamta.accounts import actions
from kshamta.accounts.access import search_people, visible_people
from kshamta.accounts.models import Posting, Profile, User
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase


class CreatePersonTests(CastTestCase):
    def create(self, **overrides: object) -> Profile:
        values: dict[str, object] = {
            "employee_code": "MP9001",
            "name_en": "Geeta Bai",
            "name_hi": "गीता बाई",
            "org": self.district_a,
            "designation": self.patwari,
            "email": "geeta@mp.gov.in",
            "acting_user": self.nodal_a,
        }
        values.update(overrides)
        return actions.do_create_person(**values)  # type: ignore[arg-type]

    def test_creates_user_profile_posting_and_audit(self) -> None:
        profile = self.create(mobile="+91 98260-12345")
        self.assertEqual(profile.user.mobile, "9826012345")
        self.assertEqual(profile.group, "C")  # from the designation
        self.assertEqual(Posting.objects.get(user=profile.user).org, self.district_a)
        event = AuditEvent.objects.get(action="person.create", target_id=str(profile.pk))
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.after["employee_code"], "MP9001")
        self.assertEqual(event.org_path, self.district_a.path)

    def test_duplicate_employee_code_is_refused_and_nothing_is_written(self) -> None:
        users = User.objects.count()
        with self.assertRaisesMessage(actions.PersonError, "MP0003 is already in use"):
            self.create(employee_code="MP0003")
        self.assertEqual(User.objects.count(), users)

    def test_email_in_odd_case_is_stored_lower_case_and_clashes_detected(self) -> None:
        profile = self.create(email="Geeta.BAI@MP.Gov.In")
        self.assertEqual(profile.user.email, "geeta.bai@mp.gov.in")
        with self.assertRaisesMessage(actions.PersonError, "belongs to another person"):
            self.create(employee_code="MP9002", email="GEETA.bai@mp.gov.in")

    def test_bad_mobile_and_email_are_explained(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "not a valid Indian mobile number"):
            self.create(mobile="12345")
        with self.assertRaisesMessage(actions.PersonError, "not a valid e-mail address"):
            self.create(email="geeta@@mp")

    def test_hindi_name_with_zero_width_and_decomposed_forms_is_normalised(self) -> None:
        typed = unicodedata.normalize("NFD", "ऩीलम\u200b Andr\u00e9")
        profile = self.create(name_hi=typed)
        self.assertEqual(profile.user.name_hi, unicodedata.normalize("NFC", "ऩीलम Andr\u00e9"))
        self.assertTrue(search_people(self.nodal_a, q="ऩीलम").filter(pk=profile.pk).exists())

    def test_designation_from_another_department_is_refused(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "not used in"):
            self.create(designation=self.nurse)


class TransferTests(CastTestCase):
    def test_transfer_moves_the_person_keeps_history_and_changes_who_sees_them(self) -> None:
        profile = self.profile_of(self.learner_a)
        self.assertTrue(visible_people(self.nodal_a).filter(pk=profile.pk).exists())
        actions.do_transfer_person(
            profile, to_org=self.district_b, designation=self.nurse, acting_user=self.state_admin
        )
        postings = list(Posting.objects.filter(user=self.learner_a).order_by("id"))
        self.assertEqual(len(postings), 2)
        self.assertIsNotNone(postings[0].ended_on)
        self.assertEqual((postings[1].org, postings[1].reason), (self.district_b, "transfer"))
        self.assertFalse(visible_people(self.nodal_a).filter(pk=profile.pk).exists())
        self.assertTrue(visible_people(self.outsider).filter(pk=profile.pk).exists())
        # Both departments' audit trails record the move.
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer", org_path=self.district_b.path).exists())
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer_out", org_path=self.district_a.path).exists())

    def test_update_without_change_writes_nothing(self) -> None:
        profile = self.profile_of(self.learner_a)
        events = AuditEvent.objects.count()
        actions.do_update_person(profile, acting_user=self.nodal_a, name_en="Sita Devi")
        self.assertEqual(AuditEvent.objects.count(), events)

    def test_update_records_before_and_after(self) -> None:
        profile = self.profile_of(self.learner_a)
        actions.do_update_person(profile, acting_user=self.nodal_a, status=Profile.Status.SUSPENDED)
        event = AuditEvent.objects.filter(action="person.update").latest("id")
        self.assertEqual(event.before["status"], "active")
        self.assertEqual(event.after["status"], "suspended")


class ScopeTests(CastTestCase):
    def test_nodal_officer_sees_only_their_subtree_and_state_admin_sees_all(self) -> None:
        codes_a = set(visible_people(self.nodal_a).values_list("employee_code", flat=True))
        self.assertEqual(codes_a, {"MP0002", "MP0003"})
        self.assertEqual(visible_people(self.state_admin).count(), 5)
        self.assertEqual(visible_people(self.learner_a).count(), 0)

    def test_search_by_either_script_and_code(self) -> None:
        self.assertEqual([p.pk for p in search_people(self.state_admin, q="सीता")], [self.learner_a.pk])
        self.assertEqual([p.pk for p in search_people(self.state_admin, q="SITA")], [self.learner_a.pk])
        self.assertEqual([p.pk for p in search_people(self.state_admin, q="mp0004")], [self.learner_b.pk])
        self.assertEqual(list(search_people(self.nodal_a, q="imran")), [])

    def test_search_by_mobile_in_any_written_form(self) -> None:
        found = search_people(self.state_admin, q="+91 90000-00005")
        self.assertEqual([p.pk for p in found], [self.outsider.pk])
