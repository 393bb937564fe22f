"""API: my certificates, public verification (no authentication), revocation in scope."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.test import Client

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import User
from kshamta.certificates import signing
from kshamta.certificates.models import Certificate
from kshamta.certificates.tests.cast import COURSE_TITLE_HI, CertificateTestCase

API = "/api/v1"


class CertificateAPITests(CertificateTestCase):
    def bearer(self, user: User) -> str:
        _token, key = account_actions.do_create_api_token(user, name="test", acting_user=user)
        return f"Bearer {key}"

    def post(self, user: User | None, path: str, body: Any) -> Any:
        headers = {"Authorization": self.bearer(user)} if user else {}
        return Client().post(API + path, data=json.dumps(body), content_type="application/json", headers=headers)

    def assert_error(self, response: Any, status: int, code: str) -> None:
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["message"])

    def test_my_certificates(self) -> None:
        client = Client(headers={"Authorization": self.bearer(self.learner_a)})
        with self.assertNumQueries(4):  # token, its touch; count, page
            response = client.get(f"{API}/certificates")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["count"], 1)
        [item] = body["results"]
        self.assertEqual(item["id"], str(self.certificate_a.pk))
        self.assertEqual(item["course"], "RTI-101")
        self.assertEqual(item["title_hi"], COURSE_TITLE_HI)
        self.assertEqual(item["hours"], "1.00")
        self.assertEqual(item["competencies"][0]["code"], "RTI")
        self.assertTrue(item["valid"])
        self.assertEqual(item["verify_url"], f"https://kshamta.mp.gov.in/verify/{self.certificate_a.pk}/")

    def test_my_certificates_needs_authentication(self) -> None:
        self.assert_error(Client().get(f"{API}/certificates"), 401, "unauthenticated")

    def test_anyone_verifies_without_authentication(self) -> None:
        response = Client().get(f"{API}/certificates/{self.certificate_a.pk}/verify")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertTrue(body["valid"])
        self.assertTrue(body["signature_valid"])
        self.assertEqual(body["learner_name_hi"], "सीता देवी")
        self.assertTrue(signing.verify_payload(body["payload"], body["signature"], body["key_id"]))

    def test_verify_unknown_or_malformed_is_404(self) -> None:
        for certificate_id in (str(uuid.uuid4()), "not-a-uuid", "1"):
            self.assert_error(Client().get(f"{API}/certificates/{certificate_id}/verify"), 404, "not_found")

    def test_revoke_in_scope_with_a_reason(self) -> None:
        response = self.post(self.nodal_a, f"/certificates/{self.certificate_a.pk}/revoke", {"reason": "Proxy attempt"})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertFalse(response.json()["valid"])
        self.assertEqual(response.json()["revoked_reason"], "Proxy attempt")
        verified = Client().get(f"{API}/certificates/{self.certificate_a.pk}/verify").json()
        self.assertFalse(verified["valid"])
        self.assertTrue(verified["signature_valid"])
        self.assertEqual(verified["revoked_reason"], "Proxy attempt")
        again = self.post(self.nodal_a, f"/certificates/{self.certificate_a.pk}/revoke", {"reason": "Again"})
        self.assert_error(again, 400, "invalid")

    def test_revoke_needs_a_reason(self) -> None:
        path = f"/certificates/{self.certificate_a.pk}/revoke"
        self.assert_error(self.post(self.nodal_a, path, {"reason": "  "}), 400, "invalid")
        self.assert_error(self.post(self.nodal_a, path, {}), 422, "invalid_request")
        self.assertIsNone(Certificate.objects.get(pk=self.certificate_a.pk).revoked_at)

    def test_revoke_outside_scope_is_404_and_anonymous_401(self) -> None:
        path = f"/certificates/{self.certificate_a.pk}/revoke"
        for user in (self.outsider, self.learner_a, self.learner_b):
            self.assert_error(self.post(user, path, {"reason": "Because"}), 404, "not_found")
        self.assert_error(self.post(None, path, {"reason": "Because"}), 401, "unauthenticated")
        self.assert_error(
            self.post(self.state_admin, f"/certificates/{uuid.uuid4()}/revoke", {"reason": "x"}), 404, "not_found"
        )
        self.assertIsNone(Certificate.objects.get(pk=self.certificate_a.pk).revoked_at)

    def test_operations_are_in_the_schema(self) -> None:
        schema = Client().get(f"{API}/openapi.json").json()
        operations = {op["operationId"]: op for ops in schema["paths"].values() for op in ops.values()}
        self.assertIn("list_my_certificates", operations)
        self.assertIn("revoke_certificate", operations)
        self.assertEqual(operations["verify_certificate"]["security"], [])  # public
