from __future__ import annotations

from django.urls import reverse

from kshamta.accounts.models import APIToken
from kshamta.core.testing import CastTestCase


class APITokenPageTests(CastTestCase):
    def test_create_shows_the_key_once_and_keeps_only_its_hash(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(reverse("accounts:api_tokens"), {"name": "HRMS sync"})
        key = response.context["new_key"]
        self.assertContains(response, key)
        token = APIToken.objects.get(user=self.nodal_a)
        self.assertEqual(token.key_hash, APIToken.hash_key(key))
        self.assertNotContains(self.client.get(reverse("accounts:api_tokens")), key)

    def test_revoke_own_token_and_the_api_stops_accepting_it(self) -> None:
        self.client.force_login(self.nodal_a)
        key = self.client.post(reverse("accounts:api_tokens"), {"name": "t"}).context["new_key"]
        self.assertEqual(self.client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code, 200)
        token = APIToken.objects.get(user=self.nodal_a)
        self.client.post(reverse("accounts:revoke_api_token", args=[token.pk]))
        self.client.logout()
        self.assertEqual(self.client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).status_code, 401)

    def test_denies_the_outsider_revoking_someone_elses_token(self) -> None:
        self.client.force_login(self.nodal_a)
        self.client.post(reverse("accounts:api_tokens"), {"name": "t"})
        token = APIToken.objects.get(user=self.nodal_a)
        self.client.force_login(self.outsider)
        response = self.client.post(reverse("accounts:revoke_api_token", args=[token.pk]))
        self.assertEqual(response.status_code, 404)
        token.refresh_from_db()
        self.assertIsNone(token.revoked_at)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = self.client.get(reverse("accounts:api_tokens"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
