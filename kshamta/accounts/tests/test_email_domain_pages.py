from __future__ import annotations

from django.urls import reverse

from kshamta.accounts.actions import email_domain_is_allowed
from kshamta.accounts.models import EmailDomain
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase


class EmailDomainPageTests(CastTestCase):
    """The state admin keeps the allow-list: adds domains and removes them."""

    def test_state_admin_adds_and_removes_a_domain(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(reverse("accounts:add_email_domain"), {"domain": " MPInfo.ORG "}, follow=True)
        self.assertContains(response, "mpinfo.org was added")
        self.assertTrue(email_domain_is_allowed("someone@dept.mpinfo.org"))
        entry = EmailDomain.objects.get(domain="mpinfo.org")
        self.assertTrue(AuditEvent.objects.filter(action="email_domain.add", actor=self.state_admin).exists())
        self.client.post(reverse("accounts:remove_email_domain", args=[entry.pk]))
        self.assertFalse(email_domain_is_allowed("someone@dept.mpinfo.org"))
        self.assertTrue(AuditEvent.objects.filter(action="email_domain.remove", actor=self.state_admin).exists())

    def test_a_bad_domain_is_explained_and_nothing_added(self) -> None:
        self.client.force_login(self.state_admin)
        before = EmailDomain.objects.count()
        response = self.client.post(reverse("accounts:add_email_domain"), {"domain": "not a domain"}, follow=True)
        self.assertContains(response, "is not a valid domain name")
        self.assertEqual(EmailDomain.objects.count(), before)

    def test_denies_the_outsider_and_the_learner(self) -> None:
        entry = EmailDomain.objects.get(domain="gov.in")
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.client.force_login(user)
            self.assertEqual(
                self.client.post(reverse("accounts:add_email_domain"), {"domain": "x.org"}).status_code, 404
            )
            remove = self.client.post(reverse("accounts:remove_email_domain", args=[entry.pk]))
            self.assertEqual(remove.status_code, 404)
        self.assertTrue(EmailDomain.objects.filter(pk=entry.pk).exists())
        self.assertFalse(EmailDomain.objects.filter(domain="x.org").exists())
