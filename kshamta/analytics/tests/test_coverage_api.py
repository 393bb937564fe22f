from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kshamta.analytics.tests.data import EXPECTED_OWN, EXPECTED_TOTAL, CoverageTestCase
from kshamta.api.tests.helpers import APITestCase
from kshamta.orgs import actions as org_actions


def triple(figures: dict[str, int]) -> tuple[int, int, int]:
    return (figures["sanctioned"], figures["onboarded"], figures["activated"])


class CoverageAPITests(CoverageTestCase, APITestCase):
    def test_state_figures_and_each_department(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/coverage", {"org": "MP"}))
        self.assertEqual(body["org"]["code"], "MP")
        self.assertEqual(triple(body["org"]["own"]), EXPECTED_OWN["MP"])
        self.assertEqual(triple(body["total"]), EXPECTED_TOTAL["MP"])
        self.assertEqual(body["total"]["coverage_pct"], 33.3)  # 7 of 21
        self.assertEqual(body["total"]["activation_pct"], 57.1)  # 4 of 7
        self.assertEqual([c["code"] for c in body["children"]], ["MP-REV", "MP-HLT"])  # tree order
        revenue = body["children"][0]
        self.assertEqual(triple(revenue["total"]), EXPECTED_TOTAL["MP-REV"])
        self.assertEqual(revenue["children"], 2)
        self.assertEqual(revenue["kind"], "department")
        self.assertEqual(revenue["name_hi"], "राजस्व विभाग")

    def test_without_org_gives_the_callers_scope_root(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/coverage"))
        self.assertEqual(body["org"]["code"], "MP-REV")
        self.assertEqual([c["code"] for c in body["children"]], ["MP-REV-BPL", "MP-REV-SEH"])
        sehore = body["children"][1]["total"]
        self.assertIsNone(sehore["coverage_pct"])
        self.assertIsNone(sehore["activation_pct"])

    def test_names_follow_the_callers_language(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/coverage", HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(body["org"]["name"], "राजस्व विभाग")

    def test_denies_the_outsider(self) -> None:
        for code in ("MP-REV", "MP-REV-BPL", "MP"):
            self.assert_error(self.get(self.outsider, "/coverage", {"org": code}), 404, "not_found")
        self.assert_error(self.get(self.state_admin, "/coverage", {"org": "NO-SUCH"}), 404, "not_found")

    def test_learner_is_forbidden_and_anonymous_is_unauthenticated(self) -> None:
        self.assert_error(self.get(self.learner_a, "/coverage"), 403, "forbidden")
        self.assert_error(self.get(None, "/coverage"), 401, "unauthenticated")

    def test_bearer_token_works(self) -> None:
        key = self.token_for(self.state_admin)
        response = self.client.get("/api/v1/coverage", {"org": "MP-HLT"}, headers={"Authorization": f"Bearer {key}"})
        self.assertEqual(triple(self.assert_ok(response)["total"]), EXPECTED_TOTAL["MP-HLT"])

    def test_query_count_is_flat_however_big_the_tree_and_staff(self) -> None:
        client = self.client_for(self.state_admin)

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assert_ok(client.get("/api/v1/coverage", {"org": "MP"}))
            return len(queries)

        before = count()
        parent = self.district_b
        for i in range(5):
            parent = org_actions.do_create_org(
                code=f"MP-HLT-IND-{i}", kind="office", name_en=f"PHC {i}", parent=parent, acting_user=None
            )
        self.add_people(5, org=parent, designation=self.nurse, prefix="API")
        self.assertEqual(count(), before)
