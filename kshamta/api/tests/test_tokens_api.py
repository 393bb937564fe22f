from __future__ import annotations

from django.test import Client

from kshamta.accounts.models import APIToken, User
from kshamta.api.tests.helpers import API, APITestCase


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


class TokenEndpointTests(APITestCase):
    def test_create_shows_the_key_once_and_the_key_works(self) -> None:
        body = self.assert_ok(self.send("POST", self.learner_a, "/tokens", {"name": "HRMS sync"}), 201)
        key = body["key"]
        self.assertTrue(key.startswith("ksh_"))
        self.assertEqual(body["prefix"], key[:12])
        self.assertTrue(body["is_active"])
        token = APIToken.objects.get(pk=body["id"])
        self.assertNotIn(key, token.key_hash)
        listed = self.assert_ok(self.get(self.learner_a, "/tokens"))
        self.assertEqual([t["name"] for t in listed], ["HRMS sync"])
        self.assertNotIn("key", listed[0])
        me = self.assert_ok(Client().get(f"{API}/me", headers=bearer(key)))
        self.assertEqual(me["id"], self.learner_a.pk)
        token.refresh_from_db()
        self.assertIsNotNone(token.last_used_at)

    def test_a_name_is_required(self) -> None:
        self.assert_error(self.send("POST", self.learner_a, "/tokens", {"name": ""}), 422, "invalid_request")

    def test_revoked_token_stops_working(self) -> None:
        key = self.token_for(self.nodal_a)
        client = Client()
        self.assertEqual(client.get(f"{API}/people", headers=bearer(key)).status_code, 200)
        token = APIToken.objects.get(user=self.nodal_a)
        response = self.send("DELETE", self.nodal_a, f"/tokens/{token.pk}")
        self.assertEqual(response.status_code, 204)
        self.assert_error(client.get(f"{API}/people", headers=bearer(key)), 401, "unauthenticated")
        # Revoking again changes nothing.
        self.assertEqual(self.send("DELETE", self.nodal_a, f"/tokens/{token.pk}").status_code, 204)
        listed = self.assert_ok(self.get(self.nodal_a, "/tokens"))
        self.assertFalse(listed[0]["is_active"])
        self.assertIsNotNone(listed[0]["revoked_at"])

    def test_token_of_a_deactivated_person_stops_working(self) -> None:
        key = self.token_for(self.nodal_a)
        User.objects.filter(pk=self.nodal_a.pk).update(is_active=False)
        self.assert_error(Client().get(f"{API}/me", headers=bearer(key)), 401, "unauthenticated")

    def test_denies_the_outsider(self) -> None:
        key = self.token_for(self.nodal_a)
        token = APIToken.objects.get(user=self.nodal_a)
        self.assertEqual(self.assert_ok(self.get(self.outsider, "/tokens")), [])
        self.assert_error(self.send("DELETE", self.outsider, f"/tokens/{token.pk}"), 404, "not_found")
        token.refresh_from_db()
        self.assertIsNone(token.revoked_at)
        self.assertEqual(Client().get(f"{API}/me", headers=bearer(key)).status_code, 200)


class AuthenticationTests(APITestCase):
    def test_no_credentials_or_a_bad_token_is_401(self) -> None:
        for headers in ({}, bearer("ksh_not-a-real-token"), {"Authorization": "Basic dXNlcjpwYXNz"}):
            response = Client().get(f"{API}/people", headers=headers)
            self.assert_error(response, 401, "unauthenticated")
            self.assertIn("Bearer", response["WWW-Authenticate"])

    def test_unauthenticated_unsafe_call_is_401_not_a_csrf_refusal(self) -> None:
        client = Client(enforce_csrf_checks=True)
        response = client.post(f"{API}/tokens", data='{"name": "x"}', content_type="application/json")
        self.assert_error(response, 401, "unauthenticated")
        response = client.post(
            f"{API}/tokens", data='{"name": "x"}', content_type="application/json", headers=bearer("ksh_revoked")
        )
        self.assert_error(response, 401, "unauthenticated")

    def test_session_needs_csrf_for_unsafe_methods(self) -> None:
        client = self.client_for(self.nodal_a, enforce_csrf_checks=True)
        # Safe methods need no token.
        self.assertEqual(client.get(f"{API}/people").status_code, 200)
        response = client.post(f"{API}/tokens", data='{"name": "x"}', content_type="application/json")
        self.assert_error(response, 403, "csrf_failed")
        response = client.patch(
            f"{API}/people/{self.learner_a.pk}", data='{"name_en": "X"}', content_type="application/json"
        )
        self.assert_error(response, 403, "csrf_failed")
        self.assertFalse(APIToken.objects.exists())
        self.assertEqual(User.objects.get(pk=self.learner_a.pk).name_en, "Sita Devi")
        # The docs page hands out the CSRF cookie; with the header the same call succeeds.
        client.get(f"{API}/docs")
        csrf = client.cookies["csrftoken"].value
        response = client.post(
            f"{API}/tokens", data='{"name": "x"}', content_type="application/json", headers={"X-CSRFToken": csrf}
        )
        self.assertEqual(response.status_code, 201, response.content)

    def test_a_token_needs_no_csrf(self) -> None:
        key = self.token_for(self.learner_a)
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            f"{API}/tokens", data='{"name": "second"}', content_type="application/json", headers=bearer(key)
        )
        self.assertEqual(response.status_code, 201, response.content)
