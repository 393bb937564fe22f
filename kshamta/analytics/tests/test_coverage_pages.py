from __future__ import annotations

import re

from django.urls import reverse

from kshamta.analytics.tests.data import CoverageTestCase
from kshamta.orgs import actions as org_actions


def row_codes(html: str) -> list[str]:
    """Organisation codes of the table rows, in the order shown."""
    body = html[html.index("<tbody>") :]
    return re.findall(r"<code>([A-Z-]+)</code></small></th>", body)


class CoveragePageTests(CoverageTestCase):
    def url(self, org_id: int | None = None) -> str:
        return reverse("analytics:coverage_org", args=[org_id]) if org_id else reverse("analytics:coverage")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url())
        self.assertSignInRedirect(self.url(self.dept_a.pk))

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url())
        self.assertNotFoundFor(self.learner_a, self.url(self.district_a.pk))

    def test_denies_the_outsider(self) -> None:
        for org in (self.dept_a, self.district_a, self.state):
            self.assertNotFoundFor(self.outsider, self.url(org.pk))
        self.assertNotFoundFor(self.outsider, self.url(999999))
        response = self.client.get(self.url())
        self.assertContains(response, "MP-HLT-IND")
        self.assertNotContains(response, "MP-REV")

    def test_state_admin_sees_the_state_and_its_departments(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.get(self.url())
        self.assertEqual(response.context["report"].org, self.state)
        self.assertEqual(row_codes(response.content.decode()), ["MP-HLT", "MP-REV"])  # by name, A→Z
        self.assertContains(response, f'href="{self.url(self.dept_a.pk)}"')
        self.assertContains(response, f'href="{reverse("analytics:export_xlsx", args=[self.state.pk])}"')
        self.assertContains(response, f'<a href="{self.url()}" aria-current="page">Coverage</a>', html=True)

    def test_drill_down_shows_children_figures_and_breadcrumbs(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.get(self.url(self.dept_a.pk))
        html = response.content.decode()
        self.assertEqual(row_codes(html), ["MP-REV-BPL", "MP-REV-SEH"])
        self.assertContains(response, "30.8 %")  # Revenue: 4 of 13
        self.assertContains(response, "27.3 %")  # Bhopal: 3 of 11
        self.assertContains(response, "—")  # Sehore: nothing sanctioned
        crumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))]
        self.assertIn(f'href="{self.url(self.state.pk)}"', crumbs)
        self.assertIn('aria-current="page">Revenue Department<', crumbs)

    def test_nodal_breadcrumbs_start_at_their_department(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.district_a.pk))
        self.assertContains(response, f'href="{self.url(self.dept_a.pk)}"')
        self.assertNotContains(response, f'href="{self.url(self.state.pk)}"')
        self.assertContains(response, "No organisations below this one.")

    def test_sorting_by_each_column_with_aria_sort(self) -> None:
        self.client.force_login(self.state_admin)
        # Revenue 4/13 = 30.8 %, Health 2/5 = 40 %; activation 50 % both; sanctioned 13 and 5.
        cases = {
            "-coverage": ["MP-HLT", "MP-REV"],
            "coverage": ["MP-REV", "MP-HLT"],
            "-sanctioned": ["MP-REV", "MP-HLT"],
            "onboarded": ["MP-HLT", "MP-REV"],
            "-name": ["MP-REV", "MP-HLT"],
            "-activation": ["MP-REV", "MP-HLT"],  # a tie keeps tree order
            "nonsense": ["MP-HLT", "MP-REV"],
        }
        for sort, expected in cases.items():
            response = self.client.get(self.url(), {"sort": sort})
            self.assertEqual(row_codes(response.content.decode()), expected, sort)
        response = self.client.get(self.url(), {"sort": "-coverage"})
        html = response.content.decode()
        self.assertEqual(html.count('aria-sort="descending"'), 1)
        self.assertEqual(html.count('aria-sort="ascending"'), 0)
        self.assertIn('href="?sort=coverage"', html)  # the sorted column's link flips the direction
        self.assertIn('href="?sort=-sanctioned"', html)

    def test_unknown_percentages_sort_last_both_ways(self) -> None:
        self.client.force_login(self.nodal_a)
        for sort in ("coverage", "-coverage"):
            response = self.client.get(self.url(self.dept_a.pk), {"sort": sort})
            self.assertEqual(row_codes(response.content.decode()), ["MP-REV-BPL", "MP-REV-SEH"], sort)

    def test_numbers_in_indian_grouping_and_the_bar_is_hidden_from_screen_readers(self) -> None:
        org_actions.do_set_sanctioned_strength(
            org=self.district_a, designation=self.patwari, sanctioned=1_200_000, acting_user=None
        )
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.dept_a.pk))
        self.assertContains(response, "12,00,003")  # 12,00,000 patwaris + 1 tehsildar + 2 at the department
        self.assertContains(
            response, '<svg class="bar" width="100" height="10" viewBox="0 0 100 10" aria-hidden="true"'
        )

    def test_hindi_page(self) -> None:
        self.client.force_login(self.state_admin)
        self.client.cookies["kshamta_language"] = "hi"
        response = self.client.get(self.url())
        self.assertContains(response, '<html lang="hi">')
        self.assertContains(response, '<span lang="hi">राजस्व विभाग</span> <small lang="en">Revenue Department</small>')
        # Sorted by the Hindi names on a Hindi page: राजस्व before स्वास्थ्य.
        self.assertEqual(row_codes(response.content.decode()), ["MP-REV", "MP-HLT"])

    def test_nav_link_for_people_admins_only(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertContains(self.client.get(reverse("orgs:tree")), f'href="{self.url()}"')
        self.client.force_login(self.learner_a)
        self.assertNotContains(self.client.get(reverse("home")), f'href="{self.url()}"')

    def test_query_count_is_flat_however_big_the_tree_and_staff(self) -> None:
        self.client.force_login(self.state_admin)
        url = self.url(self.dept_a.pk)
        before = self.count_queries(url)
        parent = self.district_a
        for i in range(5):
            parent = org_actions.do_create_org(
                code=f"MP-REV-BPL-{i}", kind="office", name_en=f"Office {i}", parent=parent, acting_user=None
            )
            org_actions.do_create_org(
                code=f"MP-REV-X{i}", kind="office", name_en=f"Wing {i}", parent=self.dept_a, acting_user=None
            )
        self.add_people(5, org=parent, designation=self.patwari, prefix="FLAT")
        with self.assertNumQueries(before):
            response = self.client.get(url)
        self.assertContains(response, "MP-REV-X4")
        # Session, user, roles; the organisation; the three of coverage; its ancestors for the breadcrumbs.
        self.assertEqual(before, 8)
