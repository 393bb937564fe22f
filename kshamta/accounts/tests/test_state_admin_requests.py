from __future__ import annotations

from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import EmailDomain, Profile, StateAdminRequest
from kshamta.accounts.tests.registration_helpers import register
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.notifications.models import Message
from kshamta.orgs.models import Designation

PAGE = "/org/requests/"


class StateAdminRequestTests(CastTestCase):
    def setUp(self) -> None:
        self.pending = register(
            self, "geeta@mpsedc.in", request_domain=True, designation=None, new_designation_en="Revenue Inspector"
        ).request
        self.domain_request = StateAdminRequest.objects.get(kind="email_domain")
        self.designation_request = StateAdminRequest.objects.get(kind="designation")

    def post(self, data: dict[str, object]) -> object:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(PAGE, data)

    def test_state_admin_sees_both_requests_and_the_allow_list(self) -> None:
        self.assertEqual(reverse("accounts:state_admin_requests"), PAGE)
        self.client.force_login(self.state_admin)
        page = self.client.get(PAGE)
        self.assertContains(page, "mpsedc.in")
        self.assertContains(page, "Revenue Inspector")
        self.assertContains(page, "<code>gov.in</code>", html=True)

    def test_approving_a_domain_allows_it(self) -> None:
        self.client.force_login(self.state_admin)
        self.post({"action": f"approve:{self.domain_request.pk}"})
        self.domain_request.refresh_from_db()
        self.assertEqual(self.domain_request.status, "approved")
        entry = EmailDomain.objects.get(domain="mpsedc.in")
        self.assertEqual(entry.added_by, self.state_admin)
        self.assertTrue(actions.email_domain_is_allowed("ravi@office.mpsedc.in"))
        self.assertTrue(AuditEvent.objects.filter(action="email_domain.add", actor=self.state_admin).exists())

    def test_approving_a_designation_creates_it_at_the_department_and_gives_it_to_the_registrant(self) -> None:
        self.client.force_login(self.state_admin)
        self.post({"action": f"approve:{self.designation_request.pk}"})
        designation = Designation.objects.get(name_en="Revenue Inspector")
        self.assertEqual(designation.org, self.dept_a)
        self.assertEqual(designation.code, "REVENUE-INSPECTOR")
        self.pending.refresh_from_db()
        self.assertEqual(self.pending.designation, designation)
        self.assertTrue(AuditEvent.objects.filter(action="designation.create", actor=self.state_admin).exists())

    def test_designation_requested_by_an_active_registrant_is_set_on_their_profile(self) -> None:
        outcome = register(
            self, "ravi@mp.gov.in", employee_code="MP9101", designation=None, new_designation_en="Naib Tehsildar"
        )
        request = StateAdminRequest.objects.get(designation_name_en="Naib Tehsildar")
        actions.do_approve_state_admin_request(request, acting_user=self.state_admin)
        assert outcome.profile is not None
        self.assertEqual(Profile.objects.get(pk=outcome.profile.pk).designation.name_en, "Naib Tehsildar")  # type: ignore[union-attr]

    def test_reject_needs_a_reason_and_tells_the_requester(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.post({"action": f"reject:{self.domain_request.pk}"})
        self.assertEqual(response.status_code, 400)  # type: ignore[attr-defined]
        self.post({"action": f"reject:{self.domain_request.pk}", "reason": "Not a government domain"})
        self.domain_request.refresh_from_db()
        self.assertEqual(
            (self.domain_request.status, self.domain_request.reason), ("rejected", "Not a government domain")
        )
        self.assertFalse(EmailDomain.objects.filter(domain="mpsedc.in").exists())
        self.assertIn("Not a government domain", Message.objects.get(kind="state_request_rejected").body)

    def test_nodal_officers_and_learners_cannot_reach_the_page(self) -> None:
        for user in (self.nodal_a, self.outsider, self.learner_a):
            self.client.force_login(user)
            self.assertEqual(self.client.get(PAGE).status_code, 404)
            self.assertEqual(self.post({"action": f"approve:{self.domain_request.pk}"}).status_code, 404)  # type: ignore[attr-defined]
        self.assertFalse(EmailDomain.objects.filter(domain="mpsedc.in").exists())
