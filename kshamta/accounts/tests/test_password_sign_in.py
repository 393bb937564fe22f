from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import SignInFailure
from kshamta.core.testing import CastTestCase

PASSWORD = "correct-horse-battery"


class PasswordSignInTests(CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        for user in (cls.nodal_a, cls.learner_a):
            user.set_password(PASSWORD)
            user.save()

    def test_admin_role_can_sign_in_with_a_password(self) -> None:
        response = self.client.post(
            reverse("accounts:password_sign_in"), {"identity": "Nodal.Revenue@mp.gov.in", "password": PASSWORD}
        )
        self.assertRedirects(response, reverse("home"))

    def test_learner_cannot_use_a_password_even_if_one_is_set(self) -> None:
        response = self.client.post(
            reverse("accounts:password_sign_in"), {"identity": "sita.devi@mp.gov.in", "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "does not use a password")
        self.assertNotIn("_auth_user_id", self.client.session)

    @override_settings(PASSWORD_MAX_FAILURES_PER_HOUR=3)
    def test_repeated_failures_lock_the_identity_even_for_the_right_password(self) -> None:
        for _ in range(3):
            with self.assertRaises(actions.SignInError):
                actions.do_password_sign_in("nodal.revenue@mp.gov.in", "wrong-password")
        self.assertEqual(SignInFailure.objects.count(), 3)
        with self.assertRaises(actions.SignInLocked):
            actions.do_password_sign_in("nodal.revenue@mp.gov.in", PASSWORD)

    def test_sign_in_sets_the_language_cookie_from_the_saved_preference(self) -> None:
        actions.do_set_language(self.nodal_a, "hi")
        response = self.client.post(
            reverse("accounts:password_sign_in"), {"identity": "nodal.revenue@mp.gov.in", "password": PASSWORD}
        )
        self.assertEqual(response.cookies["kshamta_language"].value, "hi")

    def test_language_chosen_before_sign_in_is_kept_and_saved(self) -> None:
        self.client.cookies["kshamta_language"] = "hi"
        response = self.client.post(
            reverse("accounts:password_sign_in"), {"identity": "nodal.revenue@mp.gov.in", "password": PASSWORD}
        )
        self.assertEqual(response.cookies["kshamta_language"].value, "hi")
        self.nodal_a.refresh_from_db()
        self.assertEqual(self.nodal_a.preferred_language, "hi")
