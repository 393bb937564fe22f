from __future__ import annotations

from django.http import Http404

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.analytics.access import coverage_for_user, coverage_for_user_by_code
from kshamta.analytics.coverage import CoverageNode, Figures, compute_coverage
from kshamta.analytics.tests.data import EXPECTED_OWN, EXPECTED_TOTAL, CoverageTestCase
from kshamta.orgs import actions as org_actions


def figures(f: Figures) -> tuple[int, int, int]:
    return (f.sanctioned, f.onboarded, f.activated)


class CoverageNumbersTests(CoverageTestCase):
    def test_own_and_rolled_up_figures_match_the_hand_built_state(self) -> None:
        tree = compute_coverage([self.state])
        self.assertEqual([n.org.code for n in tree.nodes], list(EXPECTED_OWN))  # path order
        for node in tree.nodes:
            self.assertEqual(figures(node.own), EXPECTED_OWN[node.org.code], node.org.code)
            self.assertEqual(figures(node.total), EXPECTED_TOTAL[node.org.code], node.org.code)
        self.assertEqual(figures(tree.total), EXPECTED_TOTAL["MP"])

    def test_every_total_is_own_plus_the_sum_of_its_childrens_totals(self) -> None:
        def check(node: CoverageNode) -> None:
            expected = Figures()
            expected.add(node.own)
            for child in node.children:
                expected.add(child.total)
                check(child)
            self.assertEqual(figures(node.total), figures(expected), node.org.code)

        tree = compute_coverage([self.state])
        check(tree.roots[0])
        self.assertEqual([c.org.code for c in tree.roots[0].children], ["MP-REV", "MP-HLT"])

    def test_suspended_count_as_onboarded_retired_and_transferred_do_not(self) -> None:
        bhopal = next(n for n in compute_coverage([self.dept_a]).nodes if n.org == self.district_a)
        # learner_a, the active one and the suspended one; the retired one signed in but has left.
        self.assertEqual(bhopal.own.onboarded, 3)
        self.assertEqual(bhopal.own.activated, 2)

    def test_percentages_and_nothing_to_divide_by(self) -> None:
        tree = compute_coverage([self.state])
        by_code = {n.org.code: n for n in tree.nodes}
        revenue = by_code["MP-REV"].total
        self.assertAlmostEqual(revenue.coverage_pct or 0, 100 * 4 / 13)
        self.assertEqual(revenue.activation_pct, 50.0)
        empty = by_code["MP-REV-SEH"].total
        self.assertIsNone(empty.coverage_pct)
        self.assertIsNone(empty.activation_pct)
        # People but nothing sanctioned at the Health department itself.
        self.assertIsNone(by_code["MP-HLT"].own.coverage_pct)
        self.assertEqual(by_code["MP-HLT"].own.activation_pct, 0.0)

    def test_coverage_can_exceed_100_when_sanctioned_strength_is_short(self) -> None:
        org_actions.do_set_sanctioned_strength(
            org=self.district_b, designation=self.nurse, sanctioned=0, acting_user=None
        )
        org_actions.do_set_sanctioned_strength(org=self.dept_b, designation=self.nurse, sanctioned=1, acting_user=None)
        health = compute_coverage([self.dept_b]).roots[0].total
        self.assertEqual(health.coverage_pct, 200.0)

    def test_three_queries_however_big_the_tree_and_the_staff(self) -> None:
        with self.assertNumQueries(3):
            compute_coverage([self.state])
        parent = self.sehore
        for i in range(4):
            parent = org_actions.do_create_org(
                code=f"MP-REV-SEH-{i}", kind="office", name_en=f"Office {i}", parent=parent, acting_user=None
            )
        self.add_people(6, org=parent, designation=self.patwari, prefix="DEEP")
        with self.assertNumQueries(3):
            tree = compute_coverage([self.state])
        self.assertEqual(tree.roots[0].total.onboarded, EXPECTED_TOTAL["MP"][1] + 6)
        deep = tree.nodes[[n.org.code for n in tree.nodes].index("MP-REV-SEH")]
        self.assertEqual(deep.total.onboarded, 6)


class CoverageScopeTests(CoverageTestCase):
    def test_default_is_the_users_scope_root(self) -> None:
        self.assertEqual(coverage_for_user(self.state_admin).org, self.state)
        report = coverage_for_user(self.nodal_a)
        self.assertEqual(report.org, self.dept_a)
        self.assertEqual(figures(report.total), EXPECTED_TOTAL["MP-REV"])
        self.assertEqual([r.org.code for r in report.rows], ["MP-REV-BPL", "MP-REV-SEH"])

    def test_breadcrumbs_stop_at_the_users_scope_root(self) -> None:
        self.assertEqual(coverage_for_user(self.state_admin, self.district_a.pk).crumbs, [self.state, self.dept_a])
        self.assertEqual(coverage_for_user(self.nodal_a, self.district_a.pk).crumbs, [self.dept_a])
        self.assertEqual(coverage_for_user(self.nodal_a, self.dept_a.pk).crumbs, [])

    def test_several_subtrees_give_one_row_each(self) -> None:
        account_actions.do_grant_role(user=self.outsider, role=Role.NODAL_OFFICER, org=self.sehore, acting_user=None)
        report = coverage_for_user(self.outsider)
        self.assertIsNone(report.org)
        self.assertEqual([r.org.code for r in report.rows], ["MP-REV-SEH", "MP-HLT"])
        self.assertEqual(figures(report.total), EXPECTED_TOTAL["MP-HLT"])

    def test_denies_the_outsider(self) -> None:
        for org in (self.dept_a, self.district_a, self.state):
            with self.assertRaises(Http404):
                coverage_for_user(self.outsider, org.pk)
        with self.assertRaises(Http404):
            coverage_for_user_by_code(self.outsider, "MP-REV")
        with self.assertRaises(Http404):
            coverage_for_user(self.learner_a, self.district_a.pk)
