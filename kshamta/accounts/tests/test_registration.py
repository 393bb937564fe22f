from __future__ import annotations

import datetime

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kshamta.accounts import actions
from kshamta.accounts.models import OTPChallenge, Profile, RegistrationRequest, User
from kshamta.accounts.tests.registration_helpers import last_code, register
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.notifications.models import Message
from kshamta.notifications.senders import sms_outbox


@override_settings(OTP_RESEND_COOLDOWN_SECONDS=0)
class RegistrationPagesTests(CastTestCase):
    def setUp(self) -> None:
        mail.outbox.clear()
        sms_outbox.clear()

    def verify(self, identity: str) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("accounts:register"), {"identity": identity})
        self.assertRedirects(response, reverse("accounts:register_verify"))
        response = self.client.post(reverse("accounts:register_verify"), {"code": last_code()})
        self.assertRedirects(response, reverse("accounts:register_details"))

    def details(self, **overrides: object) -> dict[str, object]:
        data: dict[str, object] = {
            "employee_code": "MP9100",
            "name_en": "Geeta Bai",
            "name_hi": "गीता बाई",
            "department": self.dept_a.pk,
            "org": self.district_a.pk,
            "designation": self.patwari.pk,
            "group": "C",
            "date_of_birth": "15-08-1990",
            "gender": "F",
            "category": "OBC",
        }
        data.update(overrides)
        return data

    def test_allow_listed_email_is_active_at_once_and_signed_in(self) -> None:
        self.verify("Geeta.Bai@MP.gov.in")
        # Choosing the department lists its offices (htmx fetches the same page).
        page = self.client.get(reverse("accounts:register_details"), {"department": self.dept_a.pk})
        self.assertContains(page, "Collectorate Bhopal")
        self.assertNotContains(page, "CMHO Indore")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("accounts:register_details"), self.details())
        self.assertRedirects(response, reverse("home"))
        profile = Profile.objects.select_related("user").get(employee_code="MP9100")
        self.assertEqual(profile.user.email, "geeta.bai@mp.gov.in")
        self.assertEqual((profile.org, profile.designation), (self.district_a, self.patwari))
        self.assertEqual((profile.gender, profile.category, profile.group), ("F", "OBC", "C"))
        self.assertEqual(profile.date_of_birth, datetime.date(1990, 8, 15))
        self.assertIsNotNone(profile.user.first_sign_in_at)
        self.assertEqual(int(self.client.session["_auth_user_id"]), profile.pk)
        self.assertEqual(Message.objects.filter(kind="welcome", to="geeta.bai@mp.gov.in").count(), 1)
        self.assertEqual(RegistrationRequest.objects.get(employee_code="MP9100").status, "approved")

    def test_mobile_only_waits_for_the_nodal_officer(self) -> None:
        self.verify("+91 98260-12345")
        self.assertEqual(sms_outbox[-1]["to"], "9826012345")
        response = self.client.post(reverse("accounts:register_details"), self.details())
        self.assertRedirects(response, reverse("accounts:register_submitted"))
        self.assertContains(self.client.get(response["Location"]), "Collectorate Bhopal")
        registration = RegistrationRequest.objects.get(identity="9826012345")
        self.assertEqual(registration.status, "pending")
        self.assertFalse(User.objects.filter(mobile="9826012345").exists())
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertTrue(
            AuditEvent.objects.filter(action="registration.request", org_path=self.district_a.path).exists()
        )

    def test_without_javascript_show_offices_redisplays_the_form(self) -> None:
        self.verify("9826012345")
        response = self.client.post(
            reverse("accounts:register_details"), {"department": self.dept_b.pk, "pick_department": "1"}
        )
        self.assertContains(response, "CMHO Indore")
        self.assertContains(response, "Staff Nurse")
        self.assertFalse(RegistrationRequest.objects.exists())

    def test_office_outside_the_chosen_department_is_refused(self) -> None:
        self.verify("9826012345")
        response = self.client.post(
            reverse("accounts:register_details"), self.details(department=self.dept_b.pk, designation="")
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(RegistrationRequest.objects.exists())

    def test_duplicate_employee_code_is_refused_with_a_clear_message(self) -> None:
        self.verify("9826012345")
        response = self.client.post(reverse("accounts:register_details"), self.details(employee_code="MP0003"))
        self.assertContains(response, "The employee code MP0003 is already registered")
        self.assertFalse(RegistrationRequest.objects.exists())

    def test_existing_persons_identity_is_sent_to_sign_in_after_the_code(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("accounts:register"), {"identity": "sita.devi@mp.gov.in"})
        response = self.client.post(reverse("accounts:register_verify"), {"code": last_code()}, follow=True)
        self.assertRedirects(response, reverse("accounts:sign_in"))
        self.assertContains(response, "already registered")

    def test_details_page_needs_a_verified_identity(self) -> None:
        response = self.client.get(reverse("accounts:register_details"))
        self.assertRedirects(response, reverse("accounts:register"))
        self.assertEqual(self.client.post(reverse("accounts:register_details"), self.details()).status_code, 302)
        self.assertFalse(RegistrationRequest.objects.exists())


@override_settings(OTP_RESEND_COOLDOWN_SECONDS=0)
class RegistrationCodeTests(CastTestCase):
    def setUp(self) -> None:
        mail.outbox.clear()
        sms_outbox.clear()

    def request_code(self, identity: str, purpose: str = "register") -> None:
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_request_otp(identity, purpose=purpose)

    def test_code_is_sent_to_an_unknown_identity_and_stored_hashed(self) -> None:
        self.request_code("new.person@mp.gov.in")
        code = last_code()
        challenge = OTPChallenge.objects.get(identity="new.person@mp.gov.in")
        self.assertEqual((challenge.purpose, challenge.delivered), ("register", True))
        self.assertNotIn(code, challenge.code_hash)
        self.assertIn("registration code", mail.outbox[-1].body)
        self.assertEqual(actions.do_verify_registration_otp("New.Person@mp.gov.in", code), "new.person@mp.gov.in")

    def test_a_registration_code_does_not_sign_in_and_a_sign_in_code_does_not_register(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        with self.assertRaises(actions.SignInError):
            actions.do_verify_otp("sita.devi@mp.gov.in", last_code())
        self.request_code("sita.devi@mp.gov.in", purpose="sign_in")
        with self.assertRaises(actions.SignInError):
            actions.do_verify_registration_otp("sita.devi@mp.gov.in", last_code())

    def test_sign_in_still_sends_nothing_to_unknown_identities(self) -> None:
        self.request_code("nobody@mp.gov.in", purpose="sign_in")
        self.assertEqual(Message.objects.filter(to="nobody@mp.gov.in").count(), 0)

    def test_wrong_code_counts_attempts(self) -> None:
        self.request_code("9826012345")
        wrong = "000000" if last_code() != "000000" else "111111"
        for left in (2, 1):
            with self.assertRaisesMessage(actions.SignInError, f"{left} attempts left"):
                actions.do_verify_registration_otp("9826012345", wrong)
        with self.assertRaisesMessage(actions.SignInError, "Too many wrong attempts"):
            actions.do_verify_registration_otp("9826012345", wrong)

    def test_brute_force_is_capped_like_sign_in_and_shares_the_hourly_allowance(self) -> None:
        identity = "9826012345"
        for _ in range(5):
            self.request_code(identity)
            wrong = "999999" if last_code() != "999999" else "999998"
            for _ in range(3):
                with self.assertRaises(actions.SignInError):
                    actions.do_verify_registration_otp(identity, wrong)
        with self.assertRaises(actions.SignInLocked) as locked:
            self.request_code(identity)
        self.assertGreater(locked.exception.until, timezone.now() + datetime.timedelta(minutes=55))
        with self.assertRaises(actions.SignInLocked):
            self.request_code(identity, purpose="sign_in")
        with self.assertRaises(actions.SignInLocked):
            actions.do_verify_registration_otp(identity, "123456")

    def test_wrong_code_on_the_page_is_explained(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("accounts:register"), {"identity": "9826012345"})
        wrong = "000000" if last_code() != "000000" else "111111"
        response = self.client.post(reverse("accounts:register_verify"), {"code": wrong})
        self.assertContains(response, "Wrong code. 2 attempts left.")
        self.assertNotIn("register_verified", self.client.session)


class RegisterActionTests(CastTestCase):
    def test_hindi_name_with_odd_unicode_is_normalised(self) -> None:
        # A decomposed nukta (ख + ़), a zero-width space and doubled spaces, as copy-paste leaves them.
        outcome = register(self, "9826012345", name_en="  Imran   Ali ", name_hi="इमरान\u200b  ख\u093cान ")
        self.assertEqual(outcome.request.name_hi, "इमरान ख़ान")
        self.assertEqual(outcome.request.name_en, "Imran Ali")

    def test_existing_email_or_mobile_is_refused_with_a_clear_message(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "sita.devi@mp.gov.in is already registered"):
            register(self, "Sita.Devi@mp.gov.in")
        with self.assertRaisesMessage(actions.PersonError, "9000000003 is already registered"):
            register(self, "+91 90000 00003")

    def test_duplicate_employee_code_or_pending_registration_is_refused(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "MP0003 is already registered"):
            register(self, "9826012345", employee_code="MP0003")
        register(self, "9826012345")
        with self.assertRaisesMessage(actions.PersonError, "already waiting for approval"):
            register(self, "9826012345", employee_code="MP9101")
        with self.assertRaisesMessage(actions.PersonError, "already waiting for approval"):
            register(self, "9826012346")

    def test_designation_not_used_at_the_office_is_refused(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "is not used in"):
            register(self, "9826012345", designation=self.nurse)
