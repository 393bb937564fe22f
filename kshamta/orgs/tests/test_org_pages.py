from __future__ import annotations

from django.urls import reverse

from kshamta.accounts.models import Profile
from kshamta.orgs import actions as org_actions
from kshamta.orgs.tests.pages import AdminPageTestCase


class OrgTreePageTests(AdminPageTestCase):
    url = reverse("orgs:tree")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url)

    def test_nodal_sees_own_subtree_nested_with_counts(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url)
        self.assertContains(response, "MP-REV-BPL")
        self.assertContains(response, "Revenue Department")
        self.assertContains(response, '<small lang="hi">राजस्व विभाग</small>', html=True)
        # The district is nested inside the department's list item.
        html = response.content.decode()
        self.assertLess(html.index("MP-REV<"), html.index("<ul>", html.index("MP-REV<")))
        self.assertLess(html.index("<ul>", html.index("MP-REV<")), html.index("MP-REV-BPL"))
        nodes = {node.org.code: node for node in response.context["nodes"]}
        self.assertEqual(nodes["MP-REV"].children, 1)
        self.assertEqual(nodes["MP-REV"].people, 1)  # nodal_a
        self.assertEqual(nodes["MP-REV"].subtree_people, 2)  # and learner_a below
        self.assertEqual(nodes["MP-REV-BPL"].level, 1)

    def test_denies_the_outsider(self) -> None:
        self.client.force_login(self.outsider)
        response = self.client.get(self.url)
        self.assertContains(response, "MP-HLT-IND")
        self.assertNotContains(response, "MP-REV")
        self.assertNotContains(response, "Revenue")

    def test_hindi_page_shows_hindi_name_first(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url, HTTP_ACCEPT_LANGUAGE="hi")
        self.assertContains(response, '<span lang="hi">राजस्व विभाग</span> <small lang="en">Revenue Department</small>')

    def test_query_count_is_flat_however_big_the_tree(self) -> None:
        self.client.force_login(self.state_admin)
        before = self.count_queries(self.url)
        parent = self.district_a
        for i in range(5):
            parent = org_actions.do_create_org(
                code=f"MP-REV-X{i}", kind="office", name_en=f"Office {i}", parent=parent, acting_user=None
            )
        self.add_people(3, org=parent, designation=self.patwari, prefix="TREE")
        # Session, user, roles; then the organisations and one aggregate of people.
        with self.assertNumQueries(before):
            response = self.client.get(self.url)
        self.assertEqual(before, 5)
        self.assertContains(response, "MP-REV-X4")


class OrgDetailPageTests(AdminPageTestCase):
    def url(self, org_id: int) -> str:
        return reverse("orgs:detail", args=[org_id])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.dept_a.pk))

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url(self.district_a.pk))

    def test_denies_the_outsider(self) -> None:
        self.assertNotFoundFor(self.outsider, self.url(self.dept_a.pk))
        self.assertNotFoundFor(self.outsider, self.url(self.district_a.pk))
        self.assertNotFoundFor(self.outsider, self.url(self.state.pk))

    def test_unknown_org_is_404(self) -> None:
        self.assertNotFoundFor(self.state_admin, self.url(999999))

    def test_breadcrumbs_children_and_strength(self) -> None:
        org_actions.do_set_sanctioned_strength(
            org=self.district_a, designation=self.patwari, sanctioned=12, acting_user=None
        )
        org_actions.do_set_sanctioned_strength(
            org=self.dept_a, designation=self.patwari, sanctioned=3, acting_user=None
        )
        self.add_people(2, org=self.district_a, designation=self.patwari, prefix="DET")
        retired = Profile.objects.get(employee_code="DET0001")
        retired.status = Profile.Status.RETIRED
        retired.save()
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.dept_a.pk))
        crumbs = response.context["crumbs"]
        self.assertEqual([(a.code, linked) for a, linked in crumbs], [("MP", False)])
        self.assertContains(response, 'aria-current="page"')
        self.assertContains(response, "MP-REV-BPL")
        strength = {row["designation"].code: row for row in response.context["strength"]}
        # Designations defined at the department; the nurse (Health) is not usable here.
        self.assertEqual(set(strength), {"PATWARI", "TEHSILDAR"})
        self.assertEqual(strength["PATWARI"]["sanctioned"], 15)
        self.assertEqual(strength["PATWARI"]["filled"], 2)  # learner_a and one active extra person
        self.assertEqual(strength["PATWARI"]["vacant"], 13)
        self.assertEqual(strength["TEHSILDAR"]["filled"], 1)  # nodal_a
        self.assertEqual(response.context["people_total"], 3)
        self.assertEqual(response.context["people_here"], 1)
        self.assertEqual(response.context["children"][0].people_count, 2)

    def test_state_admin_sees_linked_ancestors(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.get(self.url(self.district_b.pk))
        self.assertEqual(
            [(a.code, linked) for a, linked in response.context["crumbs"]], [("MP", True), ("MP-HLT", True)]
        )
        self.assertContains(response, reverse("orgs:detail", args=[self.dept_b.pk]))


class DesignationsPageTests(AdminPageTestCase):
    url = reverse("orgs:designations")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_b, self.url)

    def test_denies_the_outsider(self) -> None:
        self.client.force_login(self.outsider)
        response = self.client.get(self.url)
        self.assertContains(response, "STAFF-NURSE")
        self.assertNotContains(response, "PATWARI")
        self.assertNotContains(response, "TEHSILDAR")

    def test_totals_count_only_the_admins_scope(self) -> None:
        state_wide, _ = org_actions.do_save_designation(
            org=self.state,
            code="ASST-2",
            name_en="Assistant Grade-2",
            name_hi="सहायक ग्रेड-2",
            group="C",
            acting_user=None,
        )
        org_actions.do_set_sanctioned_strength(
            org=self.district_a, designation=state_wide, sanctioned=4, acting_user=None
        )
        org_actions.do_set_sanctioned_strength(
            org=self.district_b, designation=state_wide, sanctioned=9, acting_user=None
        )
        self.add_people(1, org=self.district_a, designation=state_wide, prefix="DA")
        self.add_people(2, org=self.district_b, designation=state_wide, prefix="DB")
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url)
        rows = {row["designation"].code: row for row in response.context["rows"]}
        self.assertEqual(set(rows), {"ASST-2", "PATWARI", "TEHSILDAR"})
        self.assertEqual((rows["ASST-2"]["sanctioned"], rows["ASST-2"]["filled"]), (4, 1))
        self.assertContains(response, "Madhya Pradesh")  # defined at
        self.client.force_login(self.state_admin)
        rows = {row["designation"].code: row for row in self.client.get(self.url).context["rows"]}
        self.assertEqual((rows["ASST-2"]["sanctioned"], rows["ASST-2"]["filled"]), (13, 3))
        self.assertIn("STAFF-NURSE", rows)
