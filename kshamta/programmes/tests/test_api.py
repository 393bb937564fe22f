"""The programmes API: same scope as the pages; refusals are JSON with a reason."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.test import Client
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.programmes import actions
from kshamta.programmes.models import Attendance, Nomination
from kshamta.programmes.tests.helpers import ProgrammeTestCase

API = "/api/v1"


class ProgrammesAPITests(ProgrammeTestCase):
    def call(self, user: Any, method: str, path: str, body: Any = None) -> Any:
        client = Client()
        if user is not None:
            client.force_login(user)
        if method == "GET":
            return client.get(API + path)
        return client.post(API + path, data=json.dumps(body or {}), content_type="application/json")

    def assert_error(self, response: Any, status: int, code: str) -> dict[str, Any]:
        self.assertEqual(response.status_code, status, response.content)
        body: dict[str, Any] = response.json()
        self.assertEqual(body["code"], code)
        self.assertTrue(body["message"])
        return body

    def test_lists_programmes_and_batches_as_far_as_the_caller_may_see(self) -> None:
        self.add_session(self.batch)
        body = self.call(self.learner_a, "GET", "/programmes").json()
        self.assertEqual([p["code"] for p in body], ["PATWARI-IND"])
        self.assertEqual(body[0]["courses"], ["LAND-101"])
        self.assertFalse(body[0]["you_coordinate"])
        self.assertTrue(self.call(self.coordinator, "GET", "/programmes").json()[0]["you_coordinate"])
        self.assertEqual(self.call(self.learner_b, "GET", "/programmes").json(), [])
        batches = self.call(self.nodal_a, "GET", "/programmes/PATWARI-IND/batches").json()
        self.assertEqual(batches[0]["code"], "B1")
        self.assertEqual(batches[0]["eligible_designations"], ["PATWARI"])
        self.assertEqual(len(batches[0]["sessions"]), 1)
        self.assert_error(self.call(self.outsider, "GET", "/programmes/PATWARI-IND/batches"), 404, "not_found")
        self.assert_error(self.call(None, "GET", "/programmes"), 401, "unauthenticated")

    def test_nominate_approve_reject_withdraw(self) -> None:
        response = self.call(
            self.nodal_a, "POST", f"/batches/{self.batch.pk}/nominations", {"employee_codes": ["MP0003", "MP0004"]}
        )
        body = response.json()
        self.assertEqual((body["nominated"], body["failed"]), (1, 1))
        self.assertEqual(body["results"][0]["nomination"]["status"], "approved")
        self.assertIn("outside the organisations you are the nodal officer for", body["results"][1]["error"])
        self.assert_error(
            self.call(self.outsider, "POST", f"/batches/{self.batch.pk}/nominations", {"employee_codes": ["MP0003"]}),
            404,
            "not_found",
        )
        self.assert_error(
            self.call(self.nodal_a, "POST", f"/batches/{self.batch.pk}/nominations", {"employee_codes": []}),
            422,
            "invalid_request",
        )
        other = self.patwaris(1)[0]
        request = self.call(other, "POST", f"/batches/{self.batch.pk}/seat-request").json()
        self.assertEqual((request["status"], request["source"]), ("requested", "self"))
        self.assert_error(self.call(self.outsider, "POST", f"/nominations/{request['id']}/approve"), 404, "not_found")
        self.assert_error(
            self.call(self.nodal_a, "POST", f"/nominations/{request['id']}/reject", {"reason": ""}),
            422,
            "invalid_request",
        )
        approved = self.call(self.nodal_a, "POST", f"/nominations/{request['id']}/approve").json()
        self.assertEqual(approved["status"], "approved")
        again = self.assert_error(
            self.call(self.coordinator, "POST", f"/nominations/{request['id']}/approve"), 400, "invalid"
        )
        self.assertIn("cannot be approved", again["message"])
        withdrawn = self.call(other, "POST", f"/nominations/{request['id']}/withdraw", {"reason": "Transferred"}).json()
        self.assertEqual((withdrawn["status"], withdrawn["reason"]), ("withdrawn", "Transferred"))
        listed = self.call(self.nodal_a, "GET", f"/batches/{self.batch.pk}/nominations").json()
        self.assertEqual({n["employee_code"] for n in listed}, {"MP0003", "PW001"})
        self.assertEqual(
            self.call(other, "GET", f"/batches/{self.batch.pk}/nominations").json()[0]["employee_code"], "PW001"
        )

    def test_attendance_by_api_refuses_people_not_in_the_batch(self) -> None:
        session = self.add_session(self.batch)
        self.seat(self.learner_a)
        refused = self.assert_error(
            self.call(
                self.coordinator, "POST", f"/sessions/{session.pk}/attendance", {"employee_codes": ["MP0003", "MP0004"]}
            ),
            400,
            "invalid",
        )
        self.assertIn("MP0004", refused["message"])
        self.assertFalse(Attendance.objects.exists())
        body = self.call(
            self.coordinator, "POST", f"/sessions/{session.pk}/attendance", {"employee_codes": ["MP0003"]}
        ).json()
        self.assertEqual([p["employee_code"] for p in body["present"]], ["MP0003"])
        self.assertEqual(body["seats"], 1)
        self.assert_error(self.call(self.nodal_a, "GET", f"/sessions/{session.pk}/attendance"), 404, "not_found")
        self.assert_error(
            self.call(self.outsider, "POST", f"/sessions/{session.pk}/attendance", {"employee_codes": ["MP0003"]}),
            404,
            "not_found",
        )

    def test_bearer_tokens_work_too(self) -> None:
        _token, key = account_actions.do_create_api_token(self.coordinator, name="test", acting_user=self.coordinator)
        response = Client().get(f"{API}/programmes", HTTP_AUTHORIZATION=f"Bearer {key}")
        self.assertEqual(response.status_code, 200)

    def test_closed_batches_refuse_seat_requests(self) -> None:
        actions.do_update_batch(
            self.batch,
            enrolment_ends_on=timezone.localdate() - datetime.timedelta(days=1),
            acting_user=self.coordinator,
        )
        body = self.assert_error(
            self.call(self.learner_a, "POST", f"/batches/{self.batch.pk}/seat-request"), 400, "invalid"
        )
        self.assertEqual(body["message"], "This batch no longer takes nominations.")
        self.assertFalse(Nomination.objects.exists())
