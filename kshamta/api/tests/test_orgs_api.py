from __future__ import annotations

from kshamta.api.tests.helpers import APITestCase
from kshamta.orgs import actions as org_actions


class OrgListTests(APITestCase):
    def test_state_admin_sees_the_whole_tree_in_tree_order(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/orgs"))
        self.assertEqual([o["code"] for o in body["results"]], ["MP", "MP-REV", "MP-REV-BPL", "MP-HLT", "MP-HLT-IND"])
        self.assertEqual(body["count"], 5)
        first = body["results"][1]
        self.assertEqual(first["parent"], "MP")
        self.assertEqual(first["kind"], "department")
        self.assertEqual(first["name_hi"], "राजस्व विभाग")

    def test_nodal_officer_sees_only_their_subtree(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/orgs"))
        self.assertEqual([o["code"] for o in body["results"]], ["MP-REV", "MP-REV-BPL"])

    def test_parent_lists_direct_children_and_q_matches_either_name(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/orgs", {"parent": "MP"}))
        self.assertEqual([o["code"] for o in body["results"]], ["MP-REV", "MP-HLT"])
        body = self.assert_ok(self.get(self.state_admin, "/orgs", {"q": "भोपाल"}))
        self.assertEqual([o["code"] for o in body["results"]], ["MP-REV-BPL"])
        body = self.assert_ok(self.get(self.state_admin, "/orgs", {"q": "indore"}))
        self.assertEqual([o["code"] for o in body["results"]], ["MP-HLT-IND"])

    def test_names_follow_the_callers_language(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/orgs", HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(body["results"][0]["name"], "राजस्व विभाग")
        body = self.assert_ok(self.get(self.nodal_a, "/orgs", HTTP_ACCEPT_LANGUAGE="en"))
        self.assertEqual(body["results"][0]["name"], "Revenue Department")

    def test_learner_is_forbidden_and_anonymous_is_unauthenticated(self) -> None:
        self.assert_error(self.get(self.learner_a, "/orgs"), 403, "forbidden")
        self.assert_error(self.get(None, "/orgs"), 401, "unauthenticated")

    def test_denies_the_outsider(self) -> None:
        body = self.assert_ok(self.get(self.outsider, "/orgs"))
        codes = [o["code"] for o in body["results"]]
        self.assertEqual(codes, ["MP-HLT", "MP-HLT-IND"])
        self.assert_error(self.get(self.outsider, "/orgs", {"parent": "MP-REV"}), 404, "not_found")
        body = self.assert_ok(self.get(self.outsider, "/orgs", {"q": "Revenue"}))
        self.assertEqual(body["results"], [])


class OrgDetailTests(APITestCase):
    def test_detail_has_ancestors_root_first_and_children(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/orgs/MP-REV-BPL"))
        self.assertEqual(body["code"], "MP-REV-BPL")
        self.assertEqual(body["parent"], "MP-REV")
        self.assertEqual([a["code"] for a in body["ancestors"]], ["MP", "MP-REV"])
        self.assertEqual(body["children"], [])
        body = self.assert_ok(self.get(self.nodal_a, "/orgs/MP-REV"))
        self.assertEqual(body["children"], ["MP-REV-BPL"])
        body = self.assert_ok(self.get(self.state_admin, "/orgs/MP"))
        self.assertIsNone(body["parent"])
        self.assertEqual(body["ancestors"], [])
        self.assertEqual(body["children"], ["MP-REV", "MP-HLT"])

    def test_denies_the_outsider_exactly_like_a_missing_code(self) -> None:
        outside = self.assert_error(self.get(self.outsider, "/orgs/MP-REV"), 404, "not_found")
        missing = self.assert_error(self.get(self.outsider, "/orgs/NO-SUCH-ORG"), 404, "not_found")
        self.assertEqual(outside, missing)
        self.assert_error(self.get(self.outsider, "/orgs/MP-REV-BPL"), 404, "not_found")
        self.assert_error(self.get(self.learner_a, "/orgs/MP-REV-BPL"), 404, "not_found")


class DesignationTests(APITestCase):
    def test_nodal_officer_sees_their_own_and_state_designations(self) -> None:
        org_actions.do_save_designation(
            org=self.state, code="ASST-2", name_en="Assistant Grade-2", group="C", acting_user=None
        )
        body = self.assert_ok(self.get(self.nodal_a, "/designations"))
        self.assertEqual([d["code"] for d in body["results"]], ["ASST-2", "PATWARI", "TEHSILDAR"])
        patwari = body["results"][1]
        self.assertEqual(patwari["org"], "MP-REV")
        self.assertEqual(patwari["group"], "C")
        self.assertEqual(patwari["id"], self.patwari.pk)

    def test_org_filter_gives_designations_usable_there(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/designations", {"org": "MP-HLT-IND"}))
        self.assertEqual([d["code"] for d in body["results"]], ["STAFF-NURSE"])
        body = self.assert_ok(self.get(self.state_admin, "/designations", {"org": "MP-REV-BPL", "q": "पटवारी"}))
        self.assertEqual([d["code"] for d in body["results"]], ["PATWARI"])

    def test_learner_is_forbidden(self) -> None:
        self.assert_error(self.get(self.learner_a, "/designations"), 403, "forbidden")

    def test_denies_the_outsider(self) -> None:
        body = self.assert_ok(self.get(self.outsider, "/designations"))
        self.assertEqual([d["code"] for d in body["results"]], ["STAFF-NURSE"])
        self.assert_error(self.get(self.outsider, "/designations", {"org": "MP-REV"}), 404, "not_found")
        body = self.assert_ok(self.get(self.outsider, "/designations", {"q": "PATWARI"}))
        self.assertEqual(body["count"], 0)
