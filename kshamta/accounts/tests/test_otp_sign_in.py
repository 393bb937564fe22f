from __future__ import annotations

import datetime
import re
from unittest import mock

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kshamta.accounts import actions
from kshamta.accounts.models import OTPChallenge
from kshamta.core.testing import CastTestCase
from kshamta.notifications.models import Message
from kshamta.notifications.senders import sms_outbox


def code_from_last_email() -> str:
    match = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return match.group(1)


@override_settings(OTP_RESEND_COOLDOWN_SECONDS=0)
class OTPSignInTests(CastTestCase):
    def setUp(self) -> None:
        mail.outbox.clear()
        sms_outbox.clear()

    def request_code(self, identity: str) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_request_otp(identity)

    def test_code_is_six_digits_stored_hashed_and_delivered_by_email(self) -> None:
        self.request_code("Sita.Devi@MP.gov.in")
        code = code_from_last_email()
        challenge = OTPChallenge.objects.get(identity="sita.devi@mp.gov.in")
        self.assertNotIn(code, challenge.code_hash)
        self.assertEqual(len(challenge.code_hash), 64)
        self.assertEqual(mail.outbox[-1].to, ["sita.devi@mp.gov.in"])
        # The outbox keeps no copy of the code once delivered.
        self.assertNotIn(code, Message.objects.get(kind="otp").body)
        user = actions.do_verify_otp("sita.devi@mp.gov.in", code)
        self.assertEqual(user, self.learner_a)

    def test_mobile_with_prefix_and_spaces_gets_sms(self) -> None:
        self.request_code("+91 90000-00003")
        self.assertEqual(sms_outbox[-1]["to"], "9000000003")
        code = re.search(r"\d{6}", sms_outbox[-1]["body"]).group(0)  # type: ignore[union-attr]
        self.assertEqual(actions.do_verify_otp("09000000003", code), self.learner_a)

    def test_wrong_code_counts_attempts_and_then_the_code_dies(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        code = code_from_last_email()
        wrong = "000000" if code != "000000" else "111111"
        for left in (2, 1):
            with self.assertRaisesMessage(actions.SignInError, f"{left} attempts left"):
                actions.do_verify_otp("sita.devi@mp.gov.in", wrong)
        with self.assertRaisesMessage(actions.SignInError, "Too many wrong attempts"):
            actions.do_verify_otp("sita.devi@mp.gov.in", wrong)
        # Even the right code no longer works.
        with self.assertRaises(actions.SignInError):
            actions.do_verify_otp("sita.devi@mp.gov.in", code)

    def test_expired_code_is_refused(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        code = code_from_last_email()
        later = timezone.now() + datetime.timedelta(minutes=11)
        with (
            mock.patch("django.utils.timezone.now", return_value=later),
            self.assertRaisesMessage(actions.SignInError, "expired"),
        ):
            actions.do_verify_otp("sita.devi@mp.gov.in", code)

    def test_reused_code_is_refused(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        code = code_from_last_email()
        actions.do_verify_otp("sita.devi@mp.gov.in", code)
        with self.assertRaisesMessage(actions.SignInError, "already used"):
            actions.do_verify_otp("sita.devi@mp.gov.in", code)

    def test_a_new_code_replaces_the_old_one(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        first = code_from_last_email()
        self.request_code("sita.devi@mp.gov.in")
        second = code_from_last_email()
        if first != second:
            with self.assertRaises(actions.SignInError):
                actions.do_verify_otp("sita.devi@mp.gov.in", first)
        self.assertEqual(actions.do_verify_otp("sita.devi@mp.gov.in", second), self.learner_a)

    def test_brute_force_is_capped_per_hour_and_the_lock_says_until_when(self) -> None:
        identity = "sita.devi@mp.gov.in"
        guesses = 0
        for _ in range(5):
            self.request_code(identity)
            for _ in range(3):
                with self.assertRaises(actions.SignInError):
                    actions.do_verify_otp(identity, "999999" if code_from_last_email() != "999999" else "999998")
                guesses += 1
        self.assertEqual(guesses, 15)
        with self.assertRaises(actions.SignInLocked) as locked:
            self.request_code(identity)
        self.assertGreater(locked.exception.until, timezone.now() + datetime.timedelta(minutes=55))
        self.assertIn("locked until", str(locked.exception))
        with self.assertRaises(actions.SignInLocked):
            actions.do_verify_otp(identity, "123456")
        self.assertEqual(OTPChallenge.objects.filter(identity=identity).count(), 5)

    @override_settings(OTP_RESEND_COOLDOWN_SECONDS=60)
    def test_resend_has_a_cooldown(self) -> None:
        self.request_code("sita.devi@mp.gov.in")
        with self.assertRaises(actions.ResendTooSoon) as too_soon:
            self.request_code("sita.devi@mp.gov.in")
        self.assertLessEqual(too_soon.exception.seconds, 61)

    def test_unknown_identity_gets_the_same_answer_but_nothing_is_sent(self) -> None:
        known = self.client.post(reverse("accounts:sign_in"), {"identity": "sita.devi@mp.gov.in"})
        unknown = self.client.post(reverse("accounts:sign_in"), {"identity": "nobody@mp.gov.in"})
        self.assertEqual(known.status_code, unknown.status_code)
        self.assertEqual(known["Location"], unknown["Location"])
        page = self.client.get(unknown["Location"])
        self.assertContains(page, "If nobody@mp.gov.in is registered")
        self.assertEqual(Message.objects.filter(to="nobody@mp.gov.in").count(), 0)
        self.assertTrue(OTPChallenge.objects.filter(identity="nobody@mp.gov.in", delivered=False).exists())
        with self.assertRaises(actions.SignInError):
            actions.do_verify_otp("nobody@mp.gov.in", "123456")

    def test_invalid_identity_is_explained(self) -> None:
        response = self.client.post(reverse("accounts:sign_in"), {"identity": "12345"})
        self.assertContains(response, "valid e-mail address or a 10-digit mobile number")

    def test_sign_in_pages_end_to_end_and_activation_is_recorded(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("accounts:sign_in"), {"identity": "sita.devi@mp.gov.in"})
        response = self.client.post(reverse("accounts:verify"), {"code": code_from_last_email()})
        self.assertRedirects(response, reverse("home"))
        self.learner_a.refresh_from_db()
        self.assertIsNotNone(self.learner_a.first_sign_in_at)
        self.assertContains(self.client.get(reverse("home")), "MP0003")

    def test_hindi_speaker_gets_the_code_in_hindi(self) -> None:
        actions.do_set_language(self.learner_a, "hi")
        self.request_code("sita.devi@mp.gov.in")
        self.assertIn("कोड", mail.outbox[-1].body)
