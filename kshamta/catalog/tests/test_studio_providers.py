"""The providers page: state admins create and edit providers of their subtree; nobody else sees it."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.catalog import actions
from kshamta.catalog.models import Provider
from kshamta.catalog.tests.studio_cast import StudioTestCase
from kshamta.core.models import AuditEvent


class ProviderPageTests(StudioTestCase):
    list_url = reverse("studio:providers")
    new_url = reverse("studio:provider_new")

    def test_state_admin_creates_and_edits_a_provider(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(
            self.new_url,
            {
                "code": "mp-ati",
                "name_en": "RCVP Noronha Academy",
                "name_hi": "आरसीवीपी नरोन्हा अकादमी",
                "kind": "state_ati",
                "org": self.state.pk,
            },
        )
        self.assertRedirects(response, self.list_url)
        provider = Provider.objects.get(code="MP-ATI")
        self.assertEqual((provider.kind, provider.org), ("state_ati", self.state))
        edit_url = reverse("studio:provider_edit", args=[provider.pk])
        response = self.client.post(
            edit_url,
            {
                "code": "CHANGED",
                "name_en": "Academy of Administration",
                "name_hi": "",
                "kind": "state_ati",
                "org": self.dept_a.pk,
            },
        )
        self.assertRedirects(response, self.list_url)
        provider.refresh_from_db()
        self.assertEqual(
            (provider.code, provider.name_en, provider.org), ("MP-ATI", "Academy of Administration", self.dept_a)
        )
        self.assertEqual(
            list(
                AuditEvent.objects.filter(target_type="catalog.provider", target_id=str(provider.pk))
                .order_by("id")
                .values_list("action", flat=True)
            ),
            ["provider.create", "provider.update"],
        )
        page = self.client.get(self.list_url)
        self.assertContains(page, "MP-ATI")
        self.assertContains(page, "MP-REV-TC")

    def test_duplicate_code_is_refused(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(
            self.new_url, {"code": "MP-REV-TC", "name_en": "Copy", "kind": "other", "org": self.dept_a.pk}
        )
        self.assertContains(response, "already exists", status_code=400)
        self.assertEqual(Provider.objects.get(code="MP-REV-TC").name_en, "Revenue training cell")

    def test_a_state_admin_of_a_department_stays_in_it(self) -> None:
        account_actions.do_grant_role(user=self.nodal_a, role=Role.STATE_ADMIN, org=self.dept_a, acting_user=None)
        self.client.force_login(self.nodal_a)
        page = self.client.get(self.list_url)
        self.assertContains(page, "MP-REV-TC")
        self.assertNotContains(page, "MP-HLT-TC")
        self.assertEqual(self.client.get(reverse("studio:provider_edit", args=[self.provider_b.pk])).status_code, 404)
        response = self.client.post(self.new_url, {"code": "X", "name_en": "X", "kind": "other", "org": self.dept_b.pk})
        self.assertContains(response, "Select a valid choice", status_code=400)

    def test_only_state_admins(self) -> None:
        for user in (self.creator_a, self.reviewer_a, self.publisher_a, self.outsider, self.nodal_a, self.learner_a):
            for url in (self.list_url, self.new_url, reverse("studio:provider_edit", args=[self.provider_a.pk])):
                with self.subTest(user=str(user), url=url):
                    self.assertNotFoundFor(user, url)
        self.assertNotFoundFor(
            self.outsider, self.new_url, "post", {"code": "EVIL", "name_en": "Evil", "kind": "other"}
        )
        self.assertFalse(Provider.objects.filter(code="EVIL").exists())

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.list_url)
        self.assertSignInRedirect(self.new_url, "post")

    def test_query_count_is_flat(self) -> None:
        self.client.force_login(self.state_admin)
        with CaptureQueriesContext(connection) as first:
            self.client.get(self.list_url)
        for n in range(5):
            actions.do_save_provider(code=f"P{n}", name_en=f"Provider {n}", org=self.district_a, acting_user=None)
        with self.assertNumQueries(len(first)):
            response = self.client.get(self.list_url)
        self.assertEqual(response.context["page"].paginator.count, 7)
