from __future__ import annotations

import unicodedata
from typing import Any

from django.urls import reverse

from kshamta.accounts.models import Posting, Profile, User
from kshamta.core.models import AuditEvent
from kshamta.orgs.tests.pages import AdminPageTestCase


class PersonEditPageTests(AdminPageTestCase):
    def url(self, user_id: int) -> str:
        return reverse("orgs:person_edit", args=[user_id])

    def form_data(self, user: User, **changes: Any) -> dict[str, Any]:
        profile = self.profile_of(user)
        data = {
            "employee_code": profile.employee_code,
            "name_en": user.name_en,
            "name_hi": user.name_hi,
            "email": user.email or "",
            "mobile": user.mobile or "",
            "designation": profile.designation_id or "",
            "group": profile.group,
            "date_of_birth": "",
            "date_of_joining": "",
            "gender": profile.gender,
            "category": profile.category,
            "status": profile.status,
            "preferred_language": user.preferred_language,
        }
        data.update(changes)
        return data

    def post(self, user: User, **changes: Any) -> Any:
        self.client.force_login(self.nodal_a)
        return self.client.post(self.url(user.pk), self.form_data(user, **changes))

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.learner_a.pk))
        self.assertSignInRedirect(self.url(self.learner_a.pk), method="post")

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url(self.learner_a.pk))
        self.assertNotFoundFor(self.learner_a, self.url(self.learner_a.pk), "post", self.form_data(self.learner_a))

    def test_denies_the_outsider(self) -> None:
        self.assertNotFoundFor(self.outsider, self.url(self.learner_a.pk))
        data = self.form_data(self.learner_a, name_en="Hacked", status="retired")
        self.assertNotFoundFor(self.outsider, self.url(self.learner_a.pk), "post", data)
        self.assertNotFoundFor(self.outsider, self.url(self.nodal_a.pk), "post", self.form_data(self.nodal_a))
        learner = self.profile_of(self.learner_a)
        self.assertEqual((learner.user.name_en, learner.status), ("Sita Devi", "active"))
        self.assertFalse(AuditEvent.objects.filter(actor=self.outsider).exists())

    def test_form_is_prefilled_and_offers_designations_usable_there(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.learner_a.pk))
        form = response.context["form"]
        self.assertEqual(form.initial["email"], "sita.devi@mp.gov.in")
        self.assertEqual({d.code for d in form.fields["designation"].queryset}, {"PATWARI", "TEHSILDAR"})
        for name in form.fields:
            self.assertContains(response, f'<label for="id_{name}">')

    def test_edit_writes_audit_event_with_before_and_after(self) -> None:
        response = self.post(
            self.learner_a,
            name_en="Sita Devi Sharma",
            designation=self.tehsildar.pk,
            status="suspended",
            date_of_birth="15-08-1990",
            gender="F",
        )
        self.assertRedirects(response, reverse("orgs:person", args=[self.learner_a.pk]))
        profile = self.profile_of(self.learner_a)
        self.assertEqual(profile.user.name_en, "Sita Devi Sharma")
        self.assertEqual(profile.designation, self.tehsildar)
        self.assertEqual(str(profile.date_of_birth), "1990-08-15")
        event = AuditEvent.objects.get(action="person.update", target_id=str(self.learner_a.pk))
        self.assertEqual(event.actor, self.nodal_a)
        changes = {key: (old, new) for key, old, new in event.changes()}
        self.assertEqual(changes["name_en"], ("Sita Devi", "Sita Devi Sharma"))
        self.assertEqual(changes["status"], ("active", "suspended"))
        self.assertEqual(changes["designation"], (self.patwari.pk, self.tehsildar.pk))
        self.assertEqual(changes["gender"], ("", "F"))
        # A new designation opens a new posting.
        self.assertEqual(Posting.objects.filter(user=self.learner_a).count(), 2)

    def test_unchanged_form_writes_nothing(self) -> None:
        events = AuditEvent.objects.count()
        self.assertEqual(self.post(self.learner_a).status_code, 302)
        self.assertEqual(AuditEvent.objects.count(), events)

    def test_duplicate_employee_code_is_explained_and_nothing_changes(self) -> None:
        events = AuditEvent.objects.count()
        response = self.post(self.learner_a, employee_code="MP0004", name_en="Changed too")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The employee code MP0004 is already in use.")
        self.assertContains(response, 'role="alert"')
        profile = self.profile_of(self.learner_a)
        self.assertEqual((profile.employee_code, profile.user.name_en), ("MP0003", "Sita Devi"))
        self.assertEqual(AuditEvent.objects.count(), events)

    def test_email_of_another_person_is_explained_and_nothing_changes(self) -> None:
        response = self.post(self.learner_a, email="IMRAN.KHAN@mp.gov.in", name_en="Changed too")
        self.assertContains(response, "The e-mail imran.khan@mp.gov.in belongs to another person.")
        user = User.objects.get(pk=self.learner_a.pk)
        self.assertEqual((user.email, user.name_en), ("sita.devi@mp.gov.in", "Sita Devi"))

    def test_designation_outside_the_admins_scope_is_refused(self) -> None:
        response = self.post(self.learner_a, designation=self.nurse.pk)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["designation"])
        self.assertEqual(self.profile_of(self.learner_a).designation, self.patwari)

    def test_decomposed_hindi_with_zero_width_space_is_stored_nfc(self) -> None:
        # न + nukta is the decomposed form of ऩ; a zero-width space hides in the middle.
        typed = "सीता \u0928\u093c\u200bन्दा"
        self.assertNotEqual(unicodedata.normalize("NFC", typed), typed)
        self.post(self.learner_a, name_hi=typed)
        stored = User.objects.get(pk=self.learner_a.pk).name_hi
        self.assertEqual(stored, "सीता \u0929न्दा")
        self.assertEqual(stored, unicodedata.normalize("NFC", stored))
        self.assertIn("सीता \u0929न्दा", Profile.objects.get(pk=self.learner_a.pk).search_text)

    def test_email_in_odd_case_is_stored_lower_case(self) -> None:
        self.post(self.learner_a, email="  Sita.DEVI2@MP.Gov.IN ")
        self.assertEqual(User.objects.get(pk=self.learner_a.pk).email, "sita.devi2@mp.gov.in")

    def test_mobile_with_prefixes_and_spaces_is_stored_as_ten_digits(self) -> None:
        for typed in ("+91 98260 12345", "098260-12345", "91 9826012345"):
            self.post(self.learner_a, mobile=typed)
            self.assertEqual(User.objects.get(pk=self.learner_a.pk).mobile, "9826012345", typed)

    def test_bad_mobile_is_explained(self) -> None:
        response = self.post(self.learner_a, mobile="12345")
        self.assertContains(response, "is not a valid Indian mobile number")
        self.assertEqual(User.objects.get(pk=self.learner_a.pk).mobile, "9000000003")


class PersonNewPageTests(AdminPageTestCase):
    url = reverse("orgs:person_new")

    def data(self, **changes: Any) -> dict[str, Any]:
        values = {
            "employee_code": "MP7001",
            "name_en": "Geeta Bai",
            "name_hi": "गीता बाई",
            "email": "Geeta.Bai@MP.gov.in",
            "mobile": "+91 98260-55555",
            "org": self.district_a.pk,
            "designation": self.patwari.pk,
            "preferred_language": "hi",
            "date_of_joining": "2024-04-01",
        }
        values.update(changes)
        return values

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url, "post", self.data())
        self.assertFalse(Profile.objects.filter(employee_code="MP7001").exists())

    def test_denies_the_outsider(self) -> None:
        # The outsider cannot place a person in dept_a: the org is not among their choices.
        self.client.force_login(self.outsider)
        response = self.client.post(self.url, self.data())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["org"])
        self.assertFalse(Profile.objects.filter(employee_code="MP7001").exists())

    def test_creates_person_with_normalised_identity(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url, self.data())
        profile = Profile.objects.select_related("user").get(employee_code="MP7001")
        self.assertRedirects(response, reverse("orgs:person", args=[profile.pk]))
        self.assertEqual(profile.user.email, "geeta.bai@mp.gov.in")
        self.assertEqual(profile.user.mobile, "9826055555")
        self.assertEqual(profile.user.preferred_language, "hi")
        self.assertEqual(Posting.objects.get(user=profile.user).started_on.isoformat(), "2024-04-01")
        self.assertEqual(AuditEvent.objects.get(action="person.create", target_id=str(profile.pk)).actor, self.nodal_a)

    def test_duplicate_email_is_explained(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url, self.data(email="SITA.DEVI@mp.gov.in"))
        self.assertContains(response, "belongs to another person")
        self.assertFalse(Profile.objects.filter(employee_code="MP7001").exists())

    def test_designation_must_fit_the_org(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(self.url, self.data(org=self.district_b.pk))
        self.assertContains(response, "is not used in")
        self.assertFalse(Profile.objects.filter(employee_code="MP7001").exists())


class PersonTransferPageTests(AdminPageTestCase):
    def url(self, user_id: int) -> str:
        return reverse("orgs:person_transfer", args=[user_id])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.learner_a.pk))

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url(self.learner_a.pk))

    def test_denies_the_outsider(self) -> None:
        self.assertNotFoundFor(self.outsider, self.url(self.learner_a.pk))
        # Pulling dept_a's person into the outsider's own department is refused too.
        data = {"to_org": self.district_b.pk, "designation": self.nurse.pk}
        self.assertNotFoundFor(self.outsider, self.url(self.learner_a.pk), "post", data)
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)
        self.assertEqual(Posting.objects.filter(user=self.learner_a).count(), 1)

    def test_nodal_cannot_send_someone_outside_their_scope(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(self.learner_a.pk), {"to_org": self.district_b.pk})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["to_org"])
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)

    def test_transfer_within_scope_creates_a_posting(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(self.learner_a.pk), {"to_org": self.dept_a.pk})
        self.assertRedirects(response, reverse("orgs:person", args=[self.learner_a.pk]))
        self.assertEqual(self.profile_of(self.learner_a).org, self.dept_a)
        newest, older = Posting.objects.filter(user=self.learner_a)
        self.assertEqual((newest.org, newest.reason, newest.ended_on), (self.dept_a, "transfer", None))
        self.assertIsNotNone(older.ended_on)

    def test_transfer_out_hides_the_person_from_the_old_admin(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(
            self.url(self.learner_a.pk), {"to_org": self.district_b.pk, "designation": self.nurse.pk}
        )
        self.assertRedirects(response, reverse("orgs:person", args=[self.learner_a.pk]))
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_b)
        self.assertEqual(Posting.objects.filter(user=self.learner_a).count(), 2)
        self.assertNotFoundFor(self.nodal_a, reverse("orgs:person", args=[self.learner_a.pk]))
        self.assertNotContains(self.client.get(reverse("orgs:people")), "MP0003")
        # The old department still sees that the person left; the new one sees them arrive.
        self.client.force_login(self.nodal_a)
        audit = self.client.get(reverse("orgs:audit"))
        self.assertIn("person.transfer_out", [row.event.action for row in audit.context["rows"]])
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(reverse("orgs:person", args=[self.learner_a.pk])).status_code, 200)

    def test_designation_that_does_not_fit_the_new_org_is_explained(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(self.url(self.learner_a.pk), {"to_org": self.district_b.pk})
        self.assertContains(response, "is not used in")
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)
