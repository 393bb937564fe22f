from __future__ import annotations

from django.core import mail
from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import Profile, RegistrationRequest, User
from kshamta.accounts.tests.registration_helpers import register
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.notifications.models import Message
from kshamta.notifications.senders import sms_outbox

PAGE = "/org/registrations/"


class RegistrationApprovalTests(CastTestCase):
    def setUp(self) -> None:
        mail.outbox.clear()
        sms_outbox.clear()
        self.first = register(self, "9826012345", preferred_language="hi").request
        self.second = register(self, "geeta@example.com", employee_code="MP9101").request
        self.health = register(self, "9826012399", employee_code="MP9102", org=self.district_b, designation=self.nurse)
        self.health_request = self.health.request

    def post(self, data: dict[str, object]) -> object:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(PAGE, data)

    def test_page_lists_only_the_nodal_officers_scope(self) -> None:
        self.assertEqual(reverse("accounts:registrations"), PAGE)
        self.client.force_login(self.nodal_a)
        page = self.client.get(PAGE)
        self.assertContains(page, "MP9100")
        self.assertContains(page, "MP9101")
        self.assertNotContains(page, "MP9102")

    def test_approve_one_creates_the_person_and_welcomes_them_once(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.post({"action": f"approve:{self.first.pk}"})
        self.assertRedirects(response, PAGE)  # type: ignore[arg-type]
        self.first.refresh_from_db()
        self.assertEqual((self.first.status, self.first.decided_by), ("approved", self.nodal_a))
        profile = Profile.objects.select_related("user").get(employee_code="MP9100")
        self.assertEqual(profile.user.mobile, "9826012345")
        self.assertEqual(profile.user.preferred_language, "hi")
        self.assertEqual(self.first.user_id, profile.pk)
        welcome = Message.objects.get(kind="welcome", to="9826012345")
        self.assertIn("9826012345", welcome.body)  # how to sign in
        self.assertTrue(AuditEvent.objects.filter(action="registration.approve", actor=self.nodal_a).exists())
        self.assertTrue(AuditEvent.objects.filter(action="person.create", actor=self.nodal_a).exists())
        # Approving again (a double click, a second officer) sends nothing more.
        with self.assertRaisesMessage(actions.PersonError, "already decided"):
            actions.do_approve_registration(self.first, acting_user=self.state_admin)
        response = self.post({"action": f"approve:{self.first.pk}"})
        self.assertEqual(response.status_code, 404)  # type: ignore[attr-defined]
        self.assertEqual(Message.objects.filter(kind="welcome", to="9826012345").count(), 1)

    def test_reject_one_needs_a_reason_and_tells_the_registrant(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.post({"action": f"reject:{self.first.pk}", "reason": "   "})
        self.assertEqual(response.status_code, 400)  # type: ignore[attr-defined]
        self.assertContains(response, "Give a reason", status_code=400)  # type: ignore[arg-type]
        self.first.refresh_from_db()
        self.assertEqual(self.first.status, "pending")
        self.post({"action": f"reject:{self.first.pk}", "reason": "Not an employee of this office"})
        self.first.refresh_from_db()
        self.assertEqual((self.first.status, self.first.reason), ("rejected", "Not an employee of this office"))
        self.assertFalse(User.objects.filter(mobile="9826012345").exists())
        message = Message.objects.get(kind="registration_rejected", to="9826012345")
        self.assertIn("Not an employee of this office", message.body)
        self.assertEqual(sms_outbox[-1]["to"], "9826012345")

    def test_rejection_without_reason_is_refused_by_the_action(self) -> None:
        with self.assertRaisesMessage(actions.PersonError, "Give a reason"):
            actions.do_reject_registration(self.first, reason="", acting_user=self.nodal_a)

    def test_bulk_approve_and_bulk_reject(self) -> None:
        self.client.force_login(self.nodal_a)
        self.post({"action": "approve", "ids": [self.first.pk, self.second.pk]})
        self.assertEqual(
            set(
                RegistrationRequest.objects.filter(pk__in=[self.first.pk, self.second.pk]).values_list(
                    "status", flat=True
                )
            ),
            {"approved"},
        )
        self.assertEqual(Message.objects.filter(kind="welcome").count(), 2)
        third = register(self, "9826012377", employee_code="MP9103").request
        fourth = register(self, "9826012388", employee_code="MP9104").request
        response = self.post({"action": "reject", "ids": [third.pk, fourth.pk]})
        self.assertEqual(response.status_code, 400)  # type: ignore[attr-defined]
        self.post({"action": "reject", "ids": [third.pk, fourth.pk], "reason": "Duplicate"})
        self.assertEqual(
            set(RegistrationRequest.objects.filter(pk__in=[third.pk, fourth.pk]).values_list("reason", flat=True)),
            {"Duplicate"},
        )

    def test_bulk_reports_the_one_that_fails_and_decides_the_others(self) -> None:
        # Someone took the employee code after the registration was made.
        actions.do_create_person(
            employee_code="MP9101", name_en="X", org=self.district_a, mobile="9826011111", acting_user=None
        )
        result = actions.do_decide_registrations([self.first, self.second], approve=True, acting_user=self.nodal_a)
        self.assertEqual(result.decided, 1)
        self.assertIn("MP9101 is already in use", result.failed[0][1])
        self.second.refresh_from_db()
        self.assertEqual(self.second.status, "pending")

    def test_outsider_approving_dept_a_requests_gets_404_and_nothing_changes(self) -> None:
        self.client.force_login(self.outsider)
        self.assertEqual(self.post({"action": f"approve:{self.first.pk}"}).status_code, 404)  # type: ignore[attr-defined]
        bulk = self.post({"action": "approve", "ids": [self.first.pk, self.health_request.pk]})
        self.assertEqual(bulk.status_code, 404)  # type: ignore[attr-defined]
        self.assertEqual(
            set(RegistrationRequest.objects.exclude(status="approved").values_list("status", flat=True)), {"pending"}
        )
        self.assertEqual(RegistrationRequest.objects.filter(status="pending").count(), 3)
        self.assertFalse(Profile.objects.filter(employee_code__in=["MP9100", "MP9102"]).exists())

    def test_learner_cannot_reach_admin_pages(self) -> None:
        self.client.force_login(self.learner_a)
        for url in (PAGE, "/org/profile-changes/", "/org/requests/"):
            self.assertEqual(self.client.get(url).status_code, 404, url)
            self.assertEqual(self.client.post(url, {"action": f"approve:{self.first.pk}"}).status_code, 404, url)
        self.first.refresh_from_db()
        self.assertEqual(self.first.status, "pending")

    def test_signed_out_visitor_is_sent_to_sign_in(self) -> None:
        response = self.client.get(PAGE)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_list_query_count_stays_flat(self) -> None:
        self.client.force_login(self.state_admin)
        self.client.get(PAGE)
        with self.assertNumQueries(5) as first:
            self.client.get(PAGE)
        for n in range(5):
            register(self, f"98260100{n:02d}", employee_code=f"MP92{n:02d}")
        with self.assertNumQueries(len(first.captured_queries)):
            self.client.get(PAGE)
