"""The assignments API: compliance per designation, making a course mandatory, following a run."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from django.test import override_settings
from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.learning.models import AssignmentRule, Enrolment
from kshamta.learning.tests.assignment_helpers import API, URLCONF, AssignmentTestCase

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


@override_settings(ROOT_URLCONF=URLCONF)
class AssignmentAPITests(AssignmentTestCase):
    def call(self, method: str, user: User | None, path: str, body: Any = None) -> Response:
        client = self.client_for(user)
        if method == "GET":
            return client.get(API + path)
        with self.captureOnCommitCallbacks(execute=True):
            return client.post(API + path, data=json.dumps(body, default=str), content_type="application/json")

    def due(self, days: int = 30) -> datetime.date:
        return timezone.localdate() + datetime.timedelta(days=days)

    def test_make_mandatory_then_follow_the_run_and_read_compliance(self) -> None:
        response = self.call(
            "POST", self.nodal_a, "/assignments/mandatory", {"org": "MP-REV", "course": "POSH-1", "due_on": self.due()}
        )
        self.assertEqual(response.status_code, 202, response.content)
        run = response.json()
        self.assertEqual((run["org"], run["source_type"], run["status"]), ("MP-REV", "mandatory", "queued"))
        followed = self.call("GET", self.nodal_a, f"/assignments/runs/{run['id']}").json()
        self.assertEqual((followed["status"], followed["people_assigned"]), ("done", 4))

        Enrolment.objects.filter(user=self.learner_a, course=self.posh).update(
            due_on=timezone.localdate() - datetime.timedelta(days=1)
        )
        compliance = self.call("GET", self.nodal_a, "/assignments/compliance").json()
        self.assertEqual(compliance["org"], "MP-REV")
        self.assertEqual(compliance["total"]["assigned"], 4)
        by_code = {row["designation"]: row["figures"] for row in compliance["designations"]}
        self.assertEqual(by_code["PATWARI"]["overdue"], 1)
        self.assertEqual(by_code["PATWARI"]["in_progress"], 1)
        self.assertEqual(by_code["TEHSILDAR"]["assigned"], 2)
        self.assertEqual(by_code["TEHSILDAR"]["completed_pct"], 0.0)
        district = self.call("GET", self.nodal_a, "/assignments/compliance?org=MP-REV-BPL").json()
        self.assertEqual(district["total"]["assigned"], 2)

    def test_refusals(self) -> None:
        cases = [
            ({"org": "MP-HLT", "course": "POSH-1", "due_on": self.due()}, 404, "not_found"),
            ({"org": "NOPE", "course": "POSH-1", "due_on": self.due()}, 404, "not_found"),
            ({"org": "MP-REV", "course": "NOPE-1", "due_on": self.due()}, 400, "invalid"),
            ({"org": "MP-REV", "course": "POSH-1", "due_on": "2001-01-01"}, 400, "invalid"),
            ({"org": "MP-REV", "course": "POSH-1", "due_on": "31-31-2031"}, 422, "invalid_request"),
            ({"org": "MP-REV"}, 422, "invalid_request"),
        ]
        for body, status, code in cases:
            with self.subTest(body=body):
                response = self.call("POST", self.nodal_a, "/assignments/mandatory", body)
                self.assertEqual(response.status_code, status, response.content)
                self.assertEqual(response.json()["code"], code)
        self.assertFalse(AssignmentRule.objects.exists())

    def test_outsiders_learners_and_anonymous_are_denied(self) -> None:
        run = self.call(
            "POST", self.nodal_a, "/assignments/mandatory", {"org": "MP-REV", "course": "POSH-1", "due_on": self.due()}
        ).json()
        self.assertEqual(self.call("GET", self.outsider, "/assignments/compliance?org=MP-REV").status_code, 404)
        self.assertEqual(self.call("GET", self.outsider, f"/assignments/runs/{run['id']}").status_code, 404)
        for path in ("/assignments/compliance", f"/assignments/runs/{run['id']}"):
            with self.subTest(path):
                self.assertEqual(self.call("GET", self.learner_a, path).status_code, 403)
                self.assertEqual(self.call("GET", None, path).status_code, 401)
        self.assertEqual(
            self.call(
                "POST",
                self.learner_a,
                "/assignments/mandatory",
                {"org": "MP-REV", "course": "POSH-1", "due_on": self.due()},
            ).status_code,
            403,
        )
        self.assertEqual(self.call("POST", None, "/assignments/mandatory", {}).status_code, 401)
        self.assertEqual(AssignmentRule.objects.count(), 1)

    def test_state_admin_compliance_of_the_whole_state(self) -> None:
        self.call(
            "POST", self.state_admin, "/assignments/mandatory", {"org": "MP", "course": "POSH-1", "due_on": self.due()}
        )
        compliance = self.call("GET", self.state_admin, "/assignments/compliance").json()
        self.assertEqual(compliance["total"]["assigned"], 8)
        self.assertIn(None, {row["designation"] for row in compliance["designations"]})

    def test_operations_are_documented(self) -> None:
        from kshamta.learning.tests.assignment_helpers import test_api

        schema = test_api.get_openapi_schema()
        operations = {
            (path.replace("/api-test/v1", ""), method): op
            for path, methods in schema["paths"].items()
            for method, op in methods.items()
        }
        self.assertEqual(
            {(key, op["operationId"]) for key, op in operations.items()},
            {
                (("/assignments/compliance", "get"), "get_assignment_compliance"),
                (("/assignments/mandatory", "post"), "add_mandatory_course"),
                (("/assignments/runs/{run_id}", "get"), "get_assignment_run"),
            },
        )
        self.assertTrue(all(op.get("summary") for op in operations.values()))
