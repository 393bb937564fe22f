"""The planner's API: the same scope as the pages, JSON errors with reasons."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kshamta.planning import exporting
from kshamta.planning.models import Plan, PlanCourse
from kshamta.planning.tests.helpers import AnalysedPlanTestCase

API = "/api/v1"


class PlanningAPITests(AnalysedPlanTestCase):
    def call(self, user: Any, method: str, path: str, body: Any = None) -> Any:
        client = Client()
        if user is not None:
            client.force_login(user)
        if method == "GET":
            return client.get(API + path)
        if method == "PATCH":
            return client.patch(API + path, data=json.dumps(body or {}), content_type="application/json")
        return client.post(API + path, data=json.dumps(body or {}), content_type="application/json")

    def assert_error(self, response: Any, status: int, code: str) -> dict[str, Any]:
        self.assertEqual(response.status_code, status, response.content)
        body: dict[str, Any] = response.json()
        self.assertEqual(body["code"], code)
        self.assertTrue(body["message"])
        return body

    def test_list_and_read_plans_within_scope(self) -> None:
        plans = self.call(self.nodal_a, "GET", "/plans").json()
        self.assertEqual(
            [(p["id"], p["org"], p["year"], p["status"]) for p in plans], [(self.plan.pk, "MP-REV", "2026-27", "draft")]
        )
        self.assertEqual(self.call(self.author_b, "GET", "/plans").json(), [])
        body = self.call(self.author, "GET", f"/plans/{self.plan.pk}").json()
        self.assertEqual((body["id"], body["format"], len(body["designations"])), (self.plan.pk, "kshamta-cbp/1", 12))
        documents = self.call(self.approver, "GET", f"/plans/{self.plan.pk}/documents").json()
        self.assertEqual(len(documents), 4)
        self.assertEqual(next(d for d in documents if d["kind"] == "organogram")["problems"][0]["value"], "कोटवार")
        self.assertEqual(self.call(self.author, "GET", f"/plans/{self.plan.pk}/analysis").json()["status"], "done")
        for path in (f"/plans/{self.plan.pk}", f"/plans/{self.plan.pk}/documents", f"/plans/{self.plan.pk}/analysis"):
            self.assert_error(self.call(self.author_b, "GET", path), 404, "not_found")
        self.assert_error(self.call(self.learner_a, "GET", f"/plans/{self.plan.pk}"), 404, "not_found")
        self.assert_error(self.call(None, "GET", "/plans"), 401, "unauthenticated")

    def test_create_upload_and_analyse(self) -> None:
        created = self.call(self.author, "POST", "/plans", {"org": "MP-REV", "year": "2027-28", "language": "en"})
        self.assertEqual(created.status_code, 201, created.content)
        plan_id = created.json()["id"]
        self.assert_error(
            self.call(self.author, "POST", "/plans", {"org": "MP-REV", "year": "2027-28"}), 400, "invalid"
        )
        self.assert_error(
            self.call(self.author_b, "POST", "/plans", {"org": "MP-REV", "year": "2028-29"}), 404, "not_found"
        )
        self.assert_error(
            self.call(self.author, "POST", "/plans", {"org": "MP-REV", "year": "2028"}), 422, "invalid_request"
        )

        client = Client()
        client.force_login(self.author)
        upload = SimpleUploadedFile("organogram.csv", b"designation,group\nPATWARI,C\n")
        response = client.post(f"{API}/plans/{plan_id}/documents", {"kind": "organogram", "file": upload})
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual((response.json()["rows"], response.json()["status"]), (1, "read"))
        wrong = client.post(
            f"{API}/plans/{plan_id}/documents", {"kind": "annual_report", "file": SimpleUploadedFile("r.exe", b"MZ")}
        )
        self.assert_error(wrong, 400, "invalid")
        client.force_login(self.nodal_a)
        refused = client.post(
            f"{API}/plans/{plan_id}/documents",
            {"kind": "organogram", "file": SimpleUploadedFile("o.csv", b"designation\nPATWARI\n")},
        )
        self.assert_error(refused, 400, "invalid")

        with self.captureOnCommitCallbacks(execute=True):
            started = self.call(self.author, "POST", f"/plans/{plan_id}/analysis")
        self.assertEqual(started.status_code, 202, started.content)
        self.assertEqual(self.call(self.author, "GET", f"/plans/{plan_id}/analysis").json()["status"], "done")
        self.assert_error(self.call(self.outsider, "POST", f"/plans/{plan_id}/analysis"), 404, "not_found")

    def test_update_a_line_and_walk_the_workflow(self) -> None:
        line = PlanCourse.objects.filter(plan=self.plan, status="accepted").first()
        assert line is not None
        path = f"/plans/{self.plan.pk}/lines/{line.pk}"
        body = self.call(self.author, "PATCH", path, {"quarter": "Q1", "mode": "blended"}).json()
        self.assertEqual((body["quarter"], body["mode"], body["status"]), ("Q1", "blended", "accepted"))
        self.assert_error(self.call(self.author, "PATCH", path, {"quarter": "Q9"}), 422, "invalid_request")
        self.assert_error(self.call(self.nodal_a, "PATCH", path, {"status": "removed"}), 400, "invalid")
        self.assert_error(self.call(self.author_b, "PATCH", path, {"status": "removed"}), 404, "not_found")

        self.assertEqual(self.call(self.author, "POST", f"/plans/{self.plan.pk}/submit").json()["status"], "submitted")
        self.assert_error(self.call(self.author, "POST", f"/plans/{self.plan.pk}/approve"), 400, "invalid")
        self.assert_error(
            self.call(self.approver, "POST", f"/plans/{self.plan.pk}/return", {"comment": ""}), 400, "invalid"
        )
        returned = self.call(self.approver, "POST", f"/plans/{self.plan.pk}/return", {"comment": "Add GeM training."})
        self.assertEqual(returned.json()["status"], "returned")
        self.call(self.author, "POST", f"/plans/{self.plan.pk}/submit")
        self.assertEqual(
            self.call(self.approver, "POST", f"/plans/{self.plan.pk}/approve").json()["status"], "approved"
        )
        with self.captureOnCommitCallbacks(execute=True):
            published = self.call(self.approver, "POST", f"/plans/{self.plan.pk}/publish")
        self.assertEqual(published.json()["status"], "published")
        revised = self.call(self.author, "POST", f"/plans/{self.plan.pk}/revise")
        self.assertEqual(revised.status_code, 201)
        self.assertEqual((revised.json()["version"], revised.json()["previous_version"]), (2, self.plan.pk))
        self.assert_error(self.call(self.outsider, "POST", f"/plans/{self.plan.pk}/submit"), 404, "not_found")

    def test_import_lines(self) -> None:
        data = exporting.plan_json(self.plan)
        result = self.call(self.author, "POST", f"/plans/{self.plan.pk}/import", data)
        self.assertEqual(result.status_code, 200, result.content)
        self.assertEqual(
            result.json()["courses"],
            PlanCourse.objects.filter(plan=self.plan, status__in=["accepted", "added"]).count(),
        )
        bad = self.call(
            self.author, "POST", f"/plans/{self.plan.pk}/import",
            {"lines": [{"designation_code": "PATWARI", "competency_code": "DOM-LANDREC", "level": 9}]},
        )  # fmt: skip
        body = self.assert_error(bad, 400, "invalid_lines")
        self.assertEqual(body["errors"][0]["line"], 2)
        self.assert_error(self.call(self.author_b, "POST", f"/plans/{self.plan.pk}/import", data), 404, "not_found")
        self.assertEqual(Plan.objects.get(pk=self.plan.pk).status, "draft")
