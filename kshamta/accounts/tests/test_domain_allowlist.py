from __future__ import annotations

from kshamta.accounts import actions
from kshamta.accounts.models import EmailDomain, RegistrationRequest, StateAdminRequest
from kshamta.accounts.tests.registration_helpers import register
from kshamta.core.testing import CastTestCase


class EmailDomainTests(CastTestCase):
    def test_gov_in_and_nic_in_are_allowed_by_default(self) -> None:
        self.assertEqual(set(EmailDomain.objects.values_list("domain", flat=True)), {"gov.in", "nic.in"})

    def test_a_domain_matches_itself_and_its_subdomains_only(self) -> None:
        allowed = actions.email_domain_is_allowed
        self.assertTrue(allowed("a@gov.in"))
        self.assertTrue(allowed("a@mp.gov.in"))
        self.assertTrue(allowed("a@revenue.mp.gov.in"))
        self.assertTrue(allowed("a@mp.nic.in"))
        self.assertFalse(allowed("a@notgov.in"))
        self.assertFalse(allowed("a@gov.in.example.com"))
        self.assertFalse(allowed("a@gmail.com"))

    def test_domain_names_are_normalised(self) -> None:
        self.assertEqual(actions.normalise_email_domain(" @MP.Gov.IN. "), "mp.gov.in")
        self.assertIsNone(actions.normalise_email_domain("localhost"))
        self.assertIsNone(actions.normalise_email_domain("bad_domain.in"))
        with self.assertRaises(actions.PersonError):
            actions.do_add_email_domain("not a domain", acting_user=self.state_admin)

    def test_allow_listed_subdomain_registers_active_at_once(self) -> None:
        outcome = register(self, "geeta@revenue.mp.nic.in")
        self.assertIsNotNone(outcome.profile)
        self.assertEqual(outcome.request.status, "approved")
        self.assertIsNone(outcome.request.decided_by)

    def test_other_domain_waits_and_may_ask_for_the_domain(self) -> None:
        outcome = register(self, "geeta@mpsedc.in", request_domain=True)
        self.assertIsNone(outcome.profile)
        self.assertEqual(outcome.request.status, "pending")
        request = StateAdminRequest.objects.get(kind="email_domain")
        self.assertEqual((request.domain, request.registration), ("mpsedc.in", outcome.request))
        # A second registrant from the same domain does not duplicate the request.
        register(self, "ravi@mpsedc.in", employee_code="MP9101", request_domain=True)
        self.assertEqual(StateAdminRequest.objects.filter(kind="email_domain").count(), 1)

    def test_a_domain_added_later_activates_later_registrations(self) -> None:
        actions.do_add_email_domain("mpsedc.in", acting_user=self.state_admin)
        outcome = register(self, "geeta@mpsedc.in")
        self.assertIsNotNone(outcome.profile)
        self.assertEqual(RegistrationRequest.objects.get().status, "approved")
