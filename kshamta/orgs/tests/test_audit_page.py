from __future__ import annotations

from typing import Any

from django.urls import reverse

from kshamta.accounts import actions
from kshamta.core.models import AuditEvent
from kshamta.orgs.tests.pages import AdminPageTestCase


class AuditPageTests(AdminPageTestCase):
    url = reverse("orgs:audit")

    def actions_shown(self, **params: Any) -> list[str]:
        response = self.client.get(self.url, params)
        self.assertEqual(response.status_code, 200)
        return [row.event.action for row in response.context["rows"]]

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url)

    def test_denies_the_outsider(self) -> None:
        actions.do_update_person(self.profile_of(self.learner_a), name_en="Sita D.", acting_user=self.nodal_a)
        self.client.force_login(self.outsider)
        response = self.client.get(self.url, {"action": "person."})
        self.assertNotContains(response, "MP0003")
        self.assertNotContains(response, "Sita")
        self.assertNotContains(response, "MP0002")
        targets = {row.event.target_label for row in response.context["rows"]}
        self.assertTrue(targets)
        self.assertTrue(all("MP0004" in t or "MP0005" in t for t in targets), targets)

    def test_newest_first_with_who_when_and_changes(self) -> None:
        actions.do_update_person(
            self.profile_of(self.learner_a), name_en="Sita D.", designation=self.tehsildar, acting_user=self.nodal_a
        )
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url)
        first = response.context["rows"][0]
        self.assertEqual(first.event.action, "person.update")
        changes = {c.field: (c.before, c.after) for c in first.changes}
        self.assertEqual(changes["name_en"], ("Sita Devi", "Sita D."))
        self.assertEqual(changes["designation"], ("Patwari (PATWARI)", "Tehsildar (TEHSILDAR)"))
        self.assertContains(response, "Ramesh Kumar")  # who
        self.assertContains(response, "<del>Sita Devi</del>", html=True)
        self.assertContains(response, "<ins>Sita D.</ins>", html=True)
        self.assertContains(response, "<time datetime=")
        self.assertContains(response, '<th scope="col">When</th>', html=True)

    def test_filter_by_action(self) -> None:
        actions.do_update_person(self.profile_of(self.learner_a), status="retired", acting_user=self.nodal_a)
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.actions_shown(action="person.update"), ["person.update"])
        self.assertEqual(set(self.actions_shown(action="person.")), {"person.update", "person.create"})
        self.assertEqual(self.actions_shown(action="no.such.action"), [])
        self.assertTrue(self.actions_shown(action="role."))

    def test_paged_without_counting(self) -> None:
        self.add_people(55, org=self.district_a, designation=self.patwari, prefix="AU", acting_user=self.nodal_a)
        self.client.force_login(self.nodal_a)
        first = self.client.get(self.url, {"action": "person.create"})
        page = first.context["page"]
        self.assertEqual((len(page.items), page.has_next, page.has_previous), (50, True, False))
        self.assertContains(first, 'aria-current="page"')
        self.assertContains(first, "?action=person.create&amp;page=2")
        second = self.client.get(self.url, {"action": "person.create", "page": "2"})
        self.assertEqual(len(second.context["page"].items), 57 - 50)  # 55 extra + nodal_a + learner_a
        self.assertFalse(second.context["page"].has_next)
        self.assertEqual(self.client.get(self.url, {"page": "nonsense"}).context["page"].number, 1)

    def test_query_count_stays_flat(self) -> None:
        actions.do_update_person(self.profile_of(self.learner_a), designation=self.tehsildar, acting_user=self.nodal_a)
        self.client.force_login(self.state_admin)
        before = self.count_queries(self.url)
        self.add_people(20, org=self.district_a, designation=self.patwari, prefix="AQ", acting_user=self.nodal_a)
        for person in AuditEvent.objects.filter(action="person.create").values_list("target_id", flat=True)[:10]:
            profile = self.profile_of(actions.User.objects.get(pk=int(person)))
            actions.do_update_person(profile, designation=self.tehsildar, acting_user=self.nodal_a)
        with self.assertNumQueries(before):
            self.client.get(self.url)
