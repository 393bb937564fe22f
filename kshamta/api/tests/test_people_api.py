from __future__ import annotations

from typing import Any

from django.test import Client

from kshamta.accounts import actions
from kshamta.accounts.models import Posting, Profile, User
from kshamta.api.tests.helpers import API, APITestCase
from kshamta.core.models import AuditEvent


def codes(body: dict[str, Any]) -> list[str]:
    return [p["employee_code"] for p in body["results"]]


class PeopleListTests(APITestCase):
    def test_nodal_officer_lists_their_subtree_with_envelope(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, "/people"))
        self.assertEqual(codes(body), ["MP0002", "MP0003"])
        self.assertEqual((body["count"], body["page"], body["page_size"]), (2, 1, 50))
        sita = body["results"][1]
        self.assertEqual(sita["id"], self.learner_a.pk)
        self.assertEqual(sita["org"], "MP-REV-BPL")
        self.assertEqual(sita["designation"], "PATWARI")
        self.assertEqual(sita["mobile"], "9000000003")
        self.assertEqual(sita["status"], "active")

    def test_state_admin_lists_everyone(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/people"))
        self.assertEqual(codes(body), ["MP0001", "MP0002", "MP0003", "MP0004", "MP0005"])

    def test_search_and_filters(self) -> None:
        admin = self.state_admin
        self.assertEqual(codes(self.assert_ok(self.get(admin, "/people", {"q": "सीता"}))), ["MP0003"])
        self.assertEqual(codes(self.assert_ok(self.get(admin, "/people", {"q": "IMRAN.khan"}))), ["MP0004"])
        by_code = self.assert_ok(self.get(admin, "/people", {"designation": "STAFF-NURSE"}))
        self.assertEqual(codes(by_code), ["MP0004"])
        by_id = self.assert_ok(self.get(admin, "/people", {"designation": str(self.nurse.pk)}))
        self.assertEqual(codes(by_id), ["MP0004"])
        self.assertEqual(codes(self.assert_ok(self.get(admin, "/people", {"org": "MP-HLT"}))), ["MP0004", "MP0005"])
        actions.do_update_person(self.profile_of(self.learner_b), status="retired", acting_user=None)
        self.assertEqual(codes(self.assert_ok(self.get(admin, "/people", {"status": "retired"}))), ["MP0004"])

    def test_pages(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, "/people", {"page_size": 2, "page": 2}))
        self.assertEqual(codes(body), ["MP0003", "MP0004"])
        self.assertEqual((body["count"], body["page"], body["page_size"]), (5, 2, 2))
        body = self.assert_ok(self.get(self.state_admin, "/people", {"page_size": 2, "page": 9}))
        self.assertEqual(body["results"], [])

    def test_bad_query_values_are_invalid_requests(self) -> None:
        for params in ({"page_size": 201}, {"page": 0}, {"status": "on_leave"}):
            self.assert_error(self.get(self.state_admin, "/people", params), 422, "invalid_request")

    def test_learner_is_forbidden(self) -> None:
        self.assert_error(self.get(self.learner_a, "/people"), 403, "forbidden")

    def test_denies_the_outsider(self) -> None:
        body = self.assert_ok(self.get(self.outsider, "/people"))
        self.assertEqual(codes(body), ["MP0004", "MP0005"])
        self.assertEqual(self.assert_ok(self.get(self.outsider, "/people", {"q": "sita"}))["count"], 0)
        for params in (
            {"org": "MP-REV"},
            {"org": "MP-REV-BPL"},
            {"designation": "PATWARI"},
            {"designation": str(self.patwari.pk)},
        ):
            self.assert_error(self.get(self.outsider, "/people", params), 404, "not_found")

    def test_query_count_stays_flat_as_people_are_added(self) -> None:
        client = self.client_for(self.nodal_a)

        def add_people(start: int, count: int) -> None:
            for n in range(start, start + count):
                actions.do_create_person(
                    employee_code=f"MPX{n:04d}",
                    name_en=f"Person {n}",
                    org=self.district_a,
                    designation=self.patwari,
                    mobile=f"98{n:08d}",
                    acting_user=None,
                )

        def count_queries(params: dict[str, str], expected: int) -> None:
            # session, user, the caller's roles, count, page (+ lookups for each filter).
            with self.assertNumQueries(expected):
                response = client.get(f"{API}/people", params)
            self.assertEqual(response.status_code, 200)

        add_people(0, 3)
        count_queries({}, 5)
        count_queries({"org": "MP-REV-BPL", "designation": "PATWARI", "q": "person"}, 8)
        add_people(3, 40)
        count_queries({}, 5)
        count_queries({"org": "MP-REV-BPL", "designation": "PATWARI", "q": "person"}, 8)


class PersonDetailTests(APITestCase):
    def test_admin_sees_detail_with_postings(self) -> None:
        body = self.assert_ok(self.get(self.nodal_a, f"/people/{self.learner_a.pk}"))
        self.assertEqual(body["employee_code"], "MP0003")
        self.assertEqual(body["name_hi"], "सीता देवी")
        self.assertEqual(body["email"], "sita.devi@mp.gov.in")
        self.assertEqual([(p["org"], p["designation"]) for p in body["postings"]], [("MP-REV-BPL", "PATWARI")])

    def test_a_person_sees_themself_but_no_one_else(self) -> None:
        self.assert_ok(self.get(self.learner_a, f"/people/{self.learner_a.pk}"))
        self.assert_error(self.get(self.learner_a, f"/people/{self.learner_b.pk}"), 404, "not_found")
        self.assert_error(self.get(self.learner_a, f"/people/{self.nodal_a.pk}"), 404, "not_found")

    def test_denies_the_outsider(self) -> None:
        outside = self.assert_error(self.get(self.outsider, f"/people/{self.learner_a.pk}"), 404, "not_found")
        missing = self.assert_error(self.get(self.outsider, "/people/999999"), 404, "not_found")
        self.assertEqual(outside, missing)


class PersonUpdateTests(APITestCase):
    def patch(self, user: User, target: User, body: dict[str, Any]) -> Any:
        return self.send("PATCH", user, f"/people/{target.pk}", body)

    def test_partial_update_changes_only_what_is_sent_and_is_audited(self) -> None:
        body = self.assert_ok(self.patch(self.nodal_a, self.learner_a, {"name_hi": "सीता देवी शर्मा", "mobile": None}))
        self.assertEqual(body["name_hi"], "सीता देवी शर्मा")
        self.assertIsNone(body["mobile"])
        self.assertEqual(body["name_en"], "Sita Devi")
        self.assertEqual(body["email"], "sita.devi@mp.gov.in")
        event = AuditEvent.objects.filter(action="person.update").latest("id")
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.after["name_hi"], "सीता देवी शर्मा")

    def test_mobile_is_normalised_and_choices_are_checked(self) -> None:
        body = self.assert_ok(
            self.patch(self.nodal_a, self.learner_a, {"mobile": "+91 98765-43210", "gender": "F", "status": "retired"})
        )
        self.assertEqual((body["mobile"], body["gender"], body["status"]), ("9876543210", "F", "retired"))
        self.assert_error(self.patch(self.nodal_a, self.learner_a, {"gender": "female"}), 422, "invalid_request")
        self.assert_error(self.patch(self.nodal_a, self.learner_a, {"name_en": None}), 422, "invalid_request")

    def test_designation_change_opens_a_posting(self) -> None:
        body = self.assert_ok(self.patch(self.nodal_a, self.learner_a, {"designation": "TEHSILDAR"}))
        self.assertEqual(body["designation"], "TEHSILDAR")
        self.assertEqual(len(body["postings"]), 2)
        self.assertEqual(body["postings"][0]["reason"], "designation change")

    def test_rules_refused_by_the_action_are_400_invalid_with_its_message(self) -> None:
        body = self.assert_error(self.patch(self.nodal_a, self.learner_a, {"email": "not-an-email"}), 400, "invalid")
        self.assertIn("not-an-email", body["message"])
        self.assert_error(self.patch(self.nodal_a, self.learner_a, {"email": None, "mobile": None}), 400, "invalid")
        self.assert_error(self.patch(self.nodal_a, self.learner_a, {"mobile": "9000000004"}), 400, "invalid")
        # A designation of another department does not fit the person's organisation.
        self.assert_error(self.patch(self.state_admin, self.learner_a, {"designation": "STAFF-NURSE"}), 400, "invalid")
        self.assertEqual(self.profile_of(self.learner_a).designation, self.patwari)

    def test_a_person_cannot_change_their_own_record(self) -> None:
        self.assert_error(self.patch(self.learner_a, self.learner_a, {"status": "retired"}), 404, "not_found")
        self.assertEqual(self.profile_of(self.learner_a).status, "active")

    def test_denies_the_outsider(self) -> None:
        self.assert_error(self.patch(self.outsider, self.learner_a, {"name_en": "Hacked"}), 404, "not_found")
        self.assertEqual(User.objects.get(pk=self.learner_a.pk).name_en, "Sita Devi")
        # Nor can a nodal officer hand out another department's designation.
        self.assert_error(self.patch(self.nodal_a, self.learner_a, {"designation": "STAFF-NURSE"}), 404, "not_found")
        self.assertFalse(AuditEvent.objects.filter(action="person.update").exists())


class PersonCreateTests(APITestCase):
    def new_person(self, **overrides: Any) -> dict[str, Any]:
        return {
            "employee_code": "MP0100",
            "name_en": "Mohan Lal",
            "name_hi": "मोहन लाल",
            "org": "MP-REV-BPL",
            "designation": "PATWARI",
            "mobile": "0 98260 12345",
            "date_of_joining": "2019-07-01",
            **overrides,
        }

    def test_nodal_officer_adds_a_person(self) -> None:
        body = self.assert_ok(self.send("POST", self.nodal_a, "/people", self.new_person()), 201)
        self.assertEqual((body["employee_code"], body["org"], body["designation"]), ("MP0100", "MP-REV-BPL", "PATWARI"))
        self.assertEqual(body["mobile"], "9826012345")
        self.assertEqual(body["group"], "C")
        self.assertEqual(body["postings"][0]["started_on"], "2019-07-01")
        profile = Profile.objects.get(employee_code="MP0100")
        self.assertEqual(body["id"], profile.pk)
        self.assertTrue(AuditEvent.objects.filter(action="person.create", actor=self.nodal_a).exists())

    def test_refusals(self) -> None:
        self.assert_error(
            self.send("POST", self.nodal_a, "/people", self.new_person(employee_code="MP0003")), 400, "invalid"
        )
        self.assert_error(self.send("POST", self.nodal_a, "/people", self.new_person(mobile=None)), 400, "invalid")
        body = self.assert_error(
            self.send("POST", self.nodal_a, "/people", {"name_en": "No Code", "org": "MP-REV"}),
            422,
            "invalid_request",
        )
        self.assertIn(["body", "payload", "employee_code"], [e["loc"] for e in body["errors"]])
        self.assertFalse(Profile.objects.filter(employee_code="MP0100").exists())

    def test_learner_is_forbidden(self) -> None:
        self.assert_error(self.send("POST", self.learner_a, "/people", self.new_person()), 403, "forbidden")
        self.assertFalse(Profile.objects.filter(employee_code="MP0100").exists())

    def test_denies_the_outsider(self) -> None:
        self.assert_error(self.send("POST", self.outsider, "/people", self.new_person()), 404, "not_found")
        self.assert_error(
            self.send("POST", self.outsider, "/people", self.new_person(org="MP-HLT-IND")), 404, "not_found"
        )
        self.assertFalse(Profile.objects.filter(employee_code="MP0100").exists())


class TransferTests(APITestCase):
    def transfer(self, user: User, target: User, body: dict[str, Any]) -> Any:
        return self.send("POST", user, f"/people/{target.pk}/transfer", body)

    def test_state_admin_transfers_across_departments_with_a_new_designation(self) -> None:
        body = self.assert_ok(
            self.transfer(self.state_admin, self.learner_a, {"org": "MP-HLT-IND", "designation": "STAFF-NURSE"})
        )
        self.assertEqual((body["org"], body["designation"]), ("MP-HLT-IND", "STAFF-NURSE"))
        self.assertEqual([p["org"] for p in body["postings"]], ["MP-HLT-IND", "MP-REV-BPL"])
        self.assertIsNotNone(Posting.objects.get(user=self.learner_a, org=self.district_a).ended_on)
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer_out", org_path=self.district_a.path).exists())

    def test_designation_left_out_is_kept_and_null_removes_it(self) -> None:
        body = self.assert_ok(self.transfer(self.nodal_a, self.learner_a, {"org": "MP-REV"}))
        self.assertEqual((body["org"], body["designation"]), ("MP-REV", "PATWARI"))
        body = self.assert_ok(self.transfer(self.state_admin, self.learner_a, {"org": "MP-HLT", "designation": None}))
        self.assertEqual((body["org"], body["designation"]), ("MP-HLT", None))

    def test_a_designation_that_does_not_fit_is_invalid(self) -> None:
        self.assert_error(self.transfer(self.state_admin, self.learner_a, {"org": "MP-HLT"}), 400, "invalid")
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)

    def test_denies_the_outsider(self) -> None:
        # Pulling someone out of another department, or pushing someone into it.
        self.assert_error(self.transfer(self.outsider, self.learner_a, {"org": "MP-HLT"}), 404, "not_found")
        self.assert_error(
            self.transfer(self.outsider, self.learner_b, {"org": "MP-REV-BPL", "designation": None}), 404, "not_found"
        )
        self.assert_error(self.transfer(self.nodal_a, self.learner_a, {"org": "MP-HLT-IND"}), 404, "not_found")
        self.assert_error(self.transfer(self.learner_a, self.learner_a, {"org": "MP-REV"}), 404, "not_found")
        self.assertEqual(self.profile_of(self.learner_a).org, self.district_a)
        self.assertEqual(self.profile_of(self.learner_b).org, self.district_b)
        self.assertFalse(AuditEvent.objects.filter(action="person.transfer").exists())


class TokenAuthOnPeopleTests(APITestCase):
    def test_a_token_reads_and_writes_without_csrf(self) -> None:
        key = self.token_for(self.nodal_a)
        client = Client(enforce_csrf_checks=True)
        auth = {"Authorization": f"Bearer {key}"}
        response = client.get(f"{API}/people", headers=auth)
        self.assertEqual(response.status_code, 200)
        response = client.patch(
            f"{API}/people/{self.learner_a.pk}",
            data='{"name_en": "Sita Devi Sharma"}',
            content_type="application/json",
            headers=auth,
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(User.objects.get(pk=self.learner_a.pk).name_en, "Sita Devi Sharma")
