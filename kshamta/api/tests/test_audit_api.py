from __future__ import annotations

from typing import Any

from kshamta.accounts import actions
from kshamta.api.tests.helpers import API, APITestCase


def labels(body: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["action"], e["target_label"]) for e in body["results"]}


class AuditTests(APITestCase):
    def test_state_admin_sees_every_departments_events_newest_first(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/audit", {"action": "person.create"}))
        self.assertEqual(body["count"], 5)
        ids = [e["id"] for e in body["results"]]
        self.assertEqual(ids, sorted(ids, reverse=True))

    def test_nodal_officer_sees_their_subtree_with_actor_and_changes(self) -> None:
        actions.do_update_person(self.profile_of(self.learner_a), name_en="Sita Devi Sharma", acting_user=self.nodal_a)
        body = self.assert_ok(self.get(self.nodal_a, "/audit", {"action": "person.update"}))
        self.assertEqual(body["count"], 1)
        event = body["results"][0]
        self.assertEqual((event["actor"], event["actor_name"]), (self.nodal_a.pk, "Ramesh Kumar"))
        self.assertEqual(event["target_type"], "accounts.profile")
        self.assertEqual((event["before"]["name_en"], event["after"]["name_en"]), ("Sita Devi", "Sita Devi Sharma"))

    def test_filters(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/audit", {"target_type": "orgs.designation"}))
        self.assertEqual({e["target_label"] for e in body["results"]}, {"Patwari (PATWARI)", "Tehsildar (TEHSILDAR)"})
        body = self.assert_ok(self.get(self.nodal_a, "/audit", {"action": "no.such.action"}))
        self.assertEqual(body["results"], [])

    def test_people_who_left_show_in_the_old_departments_trail(self) -> None:
        actions.do_transfer_person(
            self.profile_of(self.learner_a),
            to_org=self.district_b,
            designation=self.nurse,
            acting_user=self.state_admin,
        )
        old = self.assert_ok(self.get(self.nodal_a, "/audit", {"action": "person.transfer_out"}))
        self.assertEqual(old["count"], 1)
        new = self.assert_ok(self.get(self.outsider, "/audit", {"action": "person.transfer"}))
        self.assertEqual(new["count"], 1)

    def test_learner_is_forbidden(self) -> None:
        self.assert_error(self.get(self.learner_a, "/audit"), 403, "forbidden")

    def test_denies_the_outsider(self) -> None:
        actions.do_update_person(self.profile_of(self.learner_a), name_en="Sita Devi Sharma", acting_user=self.nodal_a)
        body = self.assert_ok(self.get(self.outsider, "/audit", {"page_size": 200}))
        seen = labels(body)
        self.assertTrue(seen)
        self.assertFalse([label for _, label in seen if "MP0003" in label or "MP0002" in label or "PATWARI" in label])
        self.assertEqual(self.assert_ok(self.get(self.outsider, "/audit", {"action": "person.update"}))["count"], 0)

    def test_query_count_stays_flat(self) -> None:
        client = self.client_for(self.nodal_a)
        with self.assertNumQueries(5):
            client.get(f"{API}/audit")
        for n in range(20):
            actions.do_update_person(self.profile_of(self.learner_a), name_en=f"Sita {n}", acting_user=self.nodal_a)
        with self.assertNumQueries(5):
            response = client.get(f"{API}/audit")
        # The cast's 7 events in dept_a (2 orgs, 2 designations, 2 people, 1 role) and the 20 updates.
        self.assertEqual(response.json()["count"], 27)
