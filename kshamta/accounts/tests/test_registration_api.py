from __future__ import annotations

from kshamta.accounts import actions
from kshamta.accounts.models import Profile, ProfileChangeRequest, RegistrationRequest
from kshamta.accounts.tests.registration_helpers import register
from kshamta.api.tests.helpers import APITestCase
from kshamta.notifications.models import Message


class RegistrationAPITests(APITestCase):
    def setUp(self) -> None:
        self.mine = register(self, "9826012345").request
        self.health = register(
            self, "9826012399", employee_code="MP9102", org=self.district_b, designation=self.nurse
        ).request

    def test_list_is_scoped(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/registrations"))
        self.assertEqual([r["employee_code"] for r in body["results"]], ["MP9100"])
        self.assertEqual(body["results"][0]["org"], "MP-REV-BPL")
        self.assertEqual(body["results"][0]["designation"], "PATWARI")
        outsider = self.assert_ok(self.get(self.outsider, "/registrations"))
        self.assertEqual([r["employee_code"] for r in outsider["results"]], ["MP9102"])
        everyone = self.assert_ok(self.get(self.state_admin, "/registrations"))
        self.assertEqual(everyone["count"], 2)

    def test_learner_is_forbidden_and_anonymous_unauthenticated(self) -> None:
        self.assert_error(self.get(self.learner_a, "/registrations"), 403, "forbidden")
        self.assert_error(self.get(None, "/registrations"), 401, "unauthenticated")

    def test_approve_once(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            body = self.assert_ok(self.send("POST", self.nodal_a, f"/registrations/{self.mine.pk}/approve"))
        self.assertEqual(body["status"], "approved")
        self.assertEqual(Profile.objects.get(employee_code="MP9100").pk, body["user"])
        again = self.send("POST", self.nodal_a, f"/registrations/{self.mine.pk}/approve")
        self.assertIn("already decided", self.assert_error(again, 400, "invalid")["message"])
        self.assertEqual(Message.objects.filter(kind="welcome").count(), 1)

    def test_reject_needs_a_reason(self) -> None:
        self.assert_error(
            self.send("POST", self.nodal_a, f"/registrations/{self.mine.pk}/reject", {}), 422, "invalid_request"
        )
        blank = self.send("POST", self.nodal_a, f"/registrations/{self.mine.pk}/reject", {"reason": "  "})
        self.assert_error(blank, 400, "invalid")
        body = self.assert_ok(
            self.send("POST", self.nodal_a, f"/registrations/{self.mine.pk}/reject", {"reason": "Not known here"})
        )
        self.assertEqual((body["status"], body["reason"]), ("rejected", "Not known here"))

    def test_outsider_gets_404_and_nothing_changes(self) -> None:
        self.assert_error(self.send("POST", self.outsider, f"/registrations/{self.mine.pk}/approve"), 404, "not_found")
        reject = self.send("POST", self.outsider, f"/registrations/{self.mine.pk}/reject", {"reason": "x"})
        self.assert_error(reject, 404, "not_found")
        self.assertEqual(RegistrationRequest.objects.get(pk=self.mine.pk).status, "pending")
        self.assertFalse(Profile.objects.filter(employee_code="MP9100").exists())

    def test_token_caller_can_approve(self) -> None:
        key = self.token_for(self.nodal_a)
        response = self.client.post(f"/api/v1/registrations/{self.mine.pk}/approve", HTTP_AUTHORIZATION=f"Bearer {key}")
        self.assertEqual(response.status_code, 200, response.content)


class ProfileChangeAPITests(APITestCase):
    def setUp(self) -> None:
        self.designation, self.group = actions.do_request_profile_change(
            self.learner_a, designation=self.tehsildar, group="B"
        )

    def test_list_is_scoped(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/profile-changes"))
        self.assertEqual([r["field"] for r in body["results"]], ["designation", "group"])
        self.assertEqual(body["results"][0]["new_designation"], "TEHSILDAR")
        self.assertEqual(body["results"][0]["employee_code"], "MP0003")
        self.assertEqual(self.assert_ok(self.get(self.outsider, "/profile-changes"))["count"], 0)
        self.assert_error(self.get(self.learner_a, "/profile-changes"), 403, "forbidden")

    def test_approve_and_reject_per_field(self) -> None:
        body = self.assert_ok(self.send("POST", self.nodal_a, f"/profile-changes/{self.designation.pk}/approve"))
        self.assertEqual(body["status"], "approved")
        self.assert_error(
            self.send("POST", self.nodal_a, f"/profile-changes/{self.group.pk}/reject", {"reason": ""}),
            422,
            "invalid_request",
        )
        body = self.assert_ok(
            self.send("POST", self.nodal_a, f"/profile-changes/{self.group.pk}/reject", {"reason": "No"})
        )
        self.assertEqual(body["status"], "rejected")
        profile = self.profile_of(self.learner_a)
        self.assertEqual((profile.designation, profile.group), (self.tehsildar, "C"))

    def test_outsider_gets_404_and_nothing_changes(self) -> None:
        self.assert_error(
            self.send("POST", self.outsider, f"/profile-changes/{self.designation.pk}/approve"), 404, "not_found"
        )
        self.assert_error(
            self.send("POST", self.outsider, f"/profile-changes/{self.group.pk}/reject", {"reason": "x"}),
            404,
            "not_found",
        )
        self.assertEqual(set(ProfileChangeRequest.objects.values_list("status", flat=True)), {"pending"})
        self.assertEqual(self.profile_of(self.learner_a).designation, self.patwari)
