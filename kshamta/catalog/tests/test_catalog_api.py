"""API: GET /api/v1/courses (search, filters, limit/offset) and GET /api/v1/courses/{code}."""

from __future__ import annotations

from django.urls import reverse

from kshamta.api.tests.helpers import APITestCase
from kshamta.catalog import actions
from kshamta.catalog.tests.test_search import CatalogueFixtures, build_catalogue, build_course
from kshamta.competencies.models import Competency
from kshamta.learning.actions import do_enrol


class CourseListAPITests(CatalogueFixtures, APITestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)

    def codes(self, **params: object) -> list[str]:
        body = self.assert_ok(self.get(self.learner_a, "/courses", dict(params)))
        return [item["code"] for item in body["items"]]

    def test_anonymous_gets_a_json_401(self) -> None:
        self.assert_error(self.get(None, "/courses"), 401, "unauthenticated")
        self.assert_error(self.get(None, "/courses/RTI-101"), 401, "unauthenticated")

    def test_lists_listed_courses_with_count_and_items(self) -> None:
        body = self.assert_ok(self.get(self.outsider, "/courses"))
        self.assertEqual(body["count"], 4)
        self.assertEqual((body["limit"], body["offset"]), (20, 0))
        self.assertEqual({item["code"] for item in body["items"]}, {"RTI-101", "FIN-201", "POSH-01", "PR-01"})

    def test_item_fields(self) -> None:
        body = self.assert_ok(self.get(self.learner_a, "/courses", {"q": "सूचना"}))
        (item,) = body["items"]
        self.assertEqual(item["code"], "RTI-101")
        self.assertEqual(
            (item["title_en"], item["title_hi"], item["title"]),
            ("Right to Information", "सूचना का अधिकार", "Right to Information"),
        )
        self.assertEqual(item["provider"]["code"], "MP-ATI")
        self.assertEqual(item["duration_minutes"], 60)
        self.assertEqual(item["duration"], "1 hour")
        self.assertEqual(item["languages"], ["hi", "en"])
        self.assertEqual(item["resource_kinds"], ["pdf", "video"])
        self.assertEqual(item["competency_codes"], ["RTI"])
        self.assertIsNone(item["rating_average"])
        self.assertEqual(item["url"], reverse("catalog:detail", args=["RTI-101"]))

    def test_title_follows_accept_language(self) -> None:
        body = self.assert_ok(self.get(self.learner_a, "/courses", {"q": "RTI-101"}, HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(body["items"][0]["title"], "सूचना का अधिकार")

    def test_search_and_filters(self) -> None:
        self.assertEqual(self.codes(q="information"), ["RTI-101", "FIN-201"])
        self.assertEqual(self.codes(q="सूचना right"), ["RTI-101"])
        self.assertEqual(self.codes(competency="FIN"), ["FIN-201"])
        self.assertEqual(self.codes(provider="NIC"), ["FIN-201"])
        self.assertEqual(sorted(self.codes(language="hi")), ["POSH-01", "PR-01", "RTI-101"])
        self.assertEqual(self.codes(duration="30m"), ["POSH-01"])
        self.assertEqual(self.codes(kind="assessment"), ["PR-01"])
        self.assertEqual(self.codes(level="intermediate"), ["FIN-201"])

    def test_limit_and_offset(self) -> None:
        everything = self.codes()
        body = self.assert_ok(self.get(self.learner_a, "/courses", {"limit": 2, "offset": 1}))
        self.assertEqual(body["count"], 4)
        self.assertEqual([item["code"] for item in body["items"]], everything[1:3])
        self.assertEqual(self.codes(offset=10), [])

    def test_bad_parameters_are_a_json_422(self) -> None:
        for params in ({"language": "fr"}, {"duration": "forever"}, {"limit": 0}, {"limit": 101}, {"offset": -1}):
            with self.subTest(params=params):
                self.assert_error(self.get(self.learner_a, "/courses", params), 422, "invalid_request")

    def test_bearer_token_works(self) -> None:
        token = self.token_for(self.learner_b)
        response = self.client_for(None).get("/api/v1/courses", {"q": "posh"}, HTTP_AUTHORIZATION=f"Bearer {token}")
        self.assertEqual([item["code"] for item in self.assert_ok(response)["items"]], ["POSH-01"])

    def test_queries_stay_flat(self) -> None:
        token = self.token_for(self.learner_a)
        client = self.client_for(None)
        client.get("/api/v1/courses", HTTP_AUTHORIZATION=f"Bearer {token}")  # the token's last use is stamped once
        for params in ({}, {"q": "information", "language": "en"}):
            with self.subTest(params=params), self.assertNumQueries(3):  # token, count, page
                response = client.get("/api/v1/courses", params, HTTP_AUTHORIZATION=f"Bearer {token}")
            self.assertEqual(response.status_code, 200)


class CourseDetailAPITests(CatalogueFixtures, APITestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)
        Competency.objects.filter(code="RTI").update(
            levels=[
                {"en": "Aware", "hi": "जागरूक"},
                {"en": "Answers routine applications", "hi": "सामान्य आवेदनों का उत्तर"},
            ]
        )

    def test_details_with_competencies_and_outline(self) -> None:
        body = self.assert_ok(self.get(self.learner_a, "/courses/rti-101"))
        self.assertEqual(body["code"], "RTI-101")
        self.assertEqual(body["version"], 1)
        self.assertEqual(body["tags"], ["transparency", "law"])
        self.assertFalse(body["is_retired"])
        (competency,) = body["competencies"]
        self.assertEqual(
            {k: competency[k] for k in ("code", "level", "level_descriptor", "kind")},
            {"code": "RTI", "level": 2, "level_descriptor": "Answers routine applications", "kind": "functional"},
        )
        (module,) = body["modules"]
        self.assertEqual(module["title_en"], "Module 1")
        self.assertEqual([r["kind"] for r in module["resources"]], ["video", "pdf"])
        self.assertEqual(module["resources"][0]["duration_seconds"], 600)
        self.assertEqual(module["resources"][1]["page_count"], 12)
        self.assertNotIn("url", module["resources"][0])

    def test_level_descriptor_in_hindi(self) -> None:
        body = self.assert_ok(self.get(self.learner_a, "/courses/RTI-101", HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(body["competencies"][0]["level_descriptor"], "सामान्य आवेदनों का उत्तर")

    def test_unknown_draft_and_retired_are_json_404(self) -> None:
        for code in ("NOPE", "DRAFT-1", "OLD-1"):
            with self.subTest(code=code):
                self.assert_error(self.get(self.outsider, f"/courses/{code}"), 404, "not_found")

    def test_retired_course_for_someone_enrolled(self) -> None:
        course = build_course("LATE-1", provider=self.ati, title_en="Disaster management")
        do_enrol(self.learner_a, course, acting_user=self.learner_a)
        actions.do_retire(course, acting_user=self.state_admin)
        body = self.assert_ok(self.get(self.learner_a, "/courses/LATE-1"))
        self.assertTrue(body["is_retired"])
        self.assert_error(self.get(self.learner_b, "/courses/LATE-1"), 404, "not_found")
