from __future__ import annotations

from unittest import mock

from django.contrib.staticfiles import finders
from django.test import Client

from kshamta.api.tests.helpers import API, APITestCase

EXPECTED_OPERATIONS = {
    ("/api/v1/me", "get"),
    ("/api/v1/orgs", "get"),
    ("/api/v1/orgs/{code}", "get"),
    ("/api/v1/designations", "get"),
    ("/api/v1/people", "get"),
    ("/api/v1/people", "post"),
    ("/api/v1/people/{user_id}", "get"),
    ("/api/v1/people/{user_id}", "patch"),
    ("/api/v1/people/{user_id}/transfer", "post"),
    ("/api/v1/people/{user_id}/roles", "get"),
    ("/api/v1/people/{user_id}/roles", "post"),
    ("/api/v1/roles/{assignment_id}", "delete"),
    ("/api/v1/audit", "get"),
    ("/api/v1/coverage", "get"),
    ("/api/v1/tokens", "get"),
    ("/api/v1/tokens", "post"),
    ("/api/v1/tokens/{token_id}", "delete"),
    ("/api/v1/registrations", "get"),
    ("/api/v1/registrations/{registration_id}/approve", "post"),
    ("/api/v1/registrations/{registration_id}/reject", "post"),
    ("/api/v1/profile-changes", "get"),
    ("/api/v1/profile-changes/{request_id}/approve", "post"),
    ("/api/v1/profile-changes/{request_id}/reject", "post"),
    ("/api/v1/assessments/{assessment_id}/attempts", "post"),
    ("/api/v1/attempts/{attempt_id}", "get"),
    ("/api/v1/attempts/{attempt_id}/answers", "put"),
    ("/api/v1/attempts/{attempt_id}/submit", "post"),
    ("/api/v1/courses", "get"),
    ("/api/v1/courses/{code}", "get"),
    ("/api/v1/certificates", "get"),
    ("/api/v1/certificates/{certificate_id}/verify", "get"),
    ("/api/v1/certificates/{certificate_id}/revoke", "post"),
    ("/api/v1/karma", "get"),
    ("/api/v1/courses/{code}/rating", "post"),
    ("/api/v1/courses/{code}/rating", "delete"),
    ("/api/v1/courses/{code}/ratings", "get"),
    ("/api/v1/plans", "get"),
    ("/api/v1/plans", "post"),
    ("/api/v1/plans/{plan_id}", "get"),
    ("/api/v1/plans/{plan_id}/documents", "get"),
    ("/api/v1/plans/{plan_id}/documents", "post"),
    ("/api/v1/plans/{plan_id}/analysis", "post"),
    ("/api/v1/plans/{plan_id}/analysis", "get"),
    ("/api/v1/plans/{plan_id}/lines/{line_id}", "patch"),
    ("/api/v1/plans/{plan_id}/submit", "post"),
    ("/api/v1/plans/{plan_id}/approve", "post"),
    ("/api/v1/plans/{plan_id}/return", "post"),
    ("/api/v1/plans/{plan_id}/publish", "post"),
    ("/api/v1/plans/{plan_id}/revise", "post"),
    ("/api/v1/plans/{plan_id}/import", "post"),
    ("/api/v1/assignments/compliance", "get"),
    ("/api/v1/assignments/mandatory", "post"),
    ("/api/v1/assignments/runs/{run_id}", "get"),
    ("/api/v1/progress", "post"),
    ("/api/v1/enrolments", "get"),
    ("/api/v1/courses/{code}/enrolment", "post"),
    ("/api/v1/courses/{code}/enrolment", "delete"),
    ("/api/v1/courses/{code}/progress", "get"),
    ("/api/v1/programmes", "get"),
    ("/api/v1/programmes/{code}/batches", "get"),
    ("/api/v1/batches/{batch_id}/nominations", "get"),
    ("/api/v1/batches/{batch_id}/nominations", "post"),
    ("/api/v1/batches/{batch_id}/seat-request", "post"),
    ("/api/v1/nominations/{nomination_id}/approve", "post"),
    ("/api/v1/nominations/{nomination_id}/reject", "post"),
    ("/api/v1/nominations/{nomination_id}/withdraw", "post"),
    ("/api/v1/sessions/{session_id}/attendance", "get"),
    ("/api/v1/sessions/{session_id}/attendance", "post"),
}


class SchemaTests(APITestCase):
    def test_openapi_schema_lists_every_operation_documented(self) -> None:
        schema = self.assert_ok(Client().get(f"{API}/openapi.json"))
        self.assertTrue(schema["openapi"].startswith("3."))
        operations = {(path, method): op for path, ops in schema["paths"].items() for method, op in ops.items()}
        self.assertEqual(set(operations), EXPECTED_OPERATIONS)
        operation_ids = [op["operationId"] for op in operations.values()]
        self.assertEqual(len(operation_ids), len(set(operation_ids)))
        self.assertIn("list_people", operation_ids)
        for key, op in operations.items():
            self.assertTrue(op.get("summary"), key)
            self.assertTrue(op.get("tags"), key)
            self.assertIn("security", op, key)
            for status, response in op["responses"].items():
                if status.startswith("4") and key != ("/api/v1/me", "get"):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    self.assertIn(ref.rsplit("/", 1)[1], {"ErrorOut", "ValidationErrorOut"}, key)
        schemes = schema["components"]["securitySchemes"]
        self.assertEqual(schemes["TokenAuth"], {"type": "http", "scheme": "bearer"})
        self.assertEqual(schemes["SessionAuth"]["in"], "cookie")
        self.assertEqual(set(schema["components"]["schemas"]["ErrorOut"]["required"]), {"code", "message"})

    def test_docs_page_uses_only_local_assets(self) -> None:
        response = Client().get(f"{API}/docs")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("/static/ninja/swagger-ui-bundle.js", html)
        self.assertIn(f"{API}/openapi.json", html)
        self.assertNotIn("cdn", html.lower())
        self.assertNotIn("https://", html)
        for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
            self.assertTrue(finders.find(asset), asset)


class ErrorTests(APITestCase):
    def test_unknown_path_and_wrong_method_are_json(self) -> None:
        self.assert_error(self.get(self.nodal_a, "/no-such-thing"), 404, "not_found")
        self.assert_error(Client().get(f"{API}/people/1/no-such-thing"), 404, "not_found")
        response = self.send("PUT", self.nodal_a, f"/people/{self.learner_a.pk}", {})
        self.assert_error(response, 405, "method_not_allowed")
        self.assertEqual(set(response["Allow"].split(", ")), {"GET", "PATCH"})

    def test_malformed_bodies_are_invalid_requests(self) -> None:
        client = self.client_for(self.nodal_a)
        for data in ("{not json", "[1, 2", ""):
            response = client.post(f"{API}/tokens", data=data, content_type="application/json")
            self.assert_error(response, 422, "invalid_request")
        self.assert_error(self.send("POST", self.nodal_a, "/tokens", ["a list"]), 422, "invalid_request")

    def test_validation_errors_say_where_but_do_not_echo_input(self) -> None:
        body = self.assert_error(
            self.send("PATCH", self.nodal_a, f"/people/{self.learner_a.pk}", {"gender": "secret-value"}),
            422,
            "invalid_request",
        )
        self.assertEqual(body["errors"][0]["loc"], ["body", "payload", "gender"])
        self.assertNotIn("secret-value", str(body))
        self.assert_error(self.get(self.nodal_a, "/people/not-a-number"), 422, "invalid_request")

    def test_codes_stay_stable_in_every_language(self) -> None:
        for language in ("en", "hi"):
            response = self.get(None, "/people", HTTP_ACCEPT_LANGUAGE=language)
            self.assert_error(response, 401, "unauthenticated")
            self.assertEqual(response["Content-Language"], language)
            response = self.get(self.outsider, f"/people/{self.learner_a.pk}", HTTP_ACCEPT_LANGUAGE=language)
            self.assert_error(response, 404, "not_found")
            self.assertEqual(response["Content-Language"], language)
            response = self.get(self.learner_a, "/people", HTTP_ACCEPT_LANGUAGE=language)
            self.assert_error(response, 403, "forbidden")
        # The language cookie wins over the header, as on the pages.
        client = self.client_for(self.learner_a)
        client.cookies["kshamta_language"] = "hi"
        response = client.get(f"{API}/people", HTTP_ACCEPT_LANGUAGE="en")
        self.assert_error(response, 403, "forbidden")
        self.assertEqual(response["Content-Language"], "hi")

    def test_an_unexpected_failure_is_a_json_500(self) -> None:
        with (
            mock.patch("kshamta.accounts.api.person_detail_out", side_effect=RuntimeError("boom")),
            self.assertLogs("kshamta.api.errors", "ERROR"),
        ):
            response = self.get(self.nodal_a, f"/people/{self.learner_a.pk}")
        body = self.assert_error(response, 500, "server_error")
        self.assertNotIn("boom", body["message"])
