from __future__ import annotations

from django.test import Client

from kshamta.api.tests.helpers import API, APITestCase
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.engagement.actions import do_award_karma, do_rate_course
from kshamta.engagement.karma import MONTHLY_CAP, POINTS, Rule, course_source
from kshamta.engagement.models import KarmaEntry, Rating
from kshamta.engagement.tests.helpers import active_enrolment, completed_enrolment


class EngagementAPITestCase(APITestCase):
    course: Course

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.course = make_course("RTI-101")
        completed_enrolment(cls.learner_a, cls.course)
        completed_enrolment(cls.learner_b, cls.course)
        active_enrolment(cls.nodal_a, cls.course)

    def totals(self) -> tuple[int, int]:
        self.course.refresh_from_db()
        return self.course.rating_count, self.course.rating_sum


class KarmaAPITests(EngagementAPITestCase):
    def test_own_balance_and_history(self) -> None:
        do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(self.course.pk))
        do_award_karma(user=self.learner_a, rule=Rule.COURSE_RATED, source_key=course_source(self.course.pk))
        do_award_karma(user=self.learner_b, rule=Rule.COURSE_COMPLETED, source_key=course_source(self.course.pk))
        key = self.token_for(self.learner_a)
        body = self.assert_ok(Client().get(f"{API}/karma", headers={"Authorization": f"Bearer {key}"}))
        self.assertEqual((body["balance"], body["this_month"], body["count"]), (12, 12, 2))
        first = body["results"][0]
        self.assertEqual(
            {k: first[k] for k in ("rule", "rule_label", "points", "source_key", "course", "course_title")},
            {
                "rule": "course_rated",
                "rule_label": "Rated a course",
                "points": 2,
                "source_key": f"course:{self.course.pk}",
                "course": "RTI-101",
                "course_title": "Right to Information",
            },
        )
        hindi = self.assert_ok(self.get(self.learner_a, "/karma", HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(hindi["results"][0]["course_title"], "सूचना का अधिकार")

    def test_paginated(self) -> None:
        for n in range(5):
            do_award_karma(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED, source_key=f"assessment:{n}")
        body = self.assert_ok(self.get(self.learner_a, "/karma", {"page": 2, "page_size": 2}))
        self.assertEqual((body["count"], body["page"], body["page_size"], len(body["results"])), (5, 2, 2, 2))
        self.assertEqual(body["balance"], 25)
        self.assert_error(self.get(self.learner_a, "/karma", {"page_size": 1000}), 422, "invalid_request")

    def test_nobody_sees_anyone_elses_karma(self) -> None:
        do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(self.course.pk))
        body = self.assert_ok(self.get(self.outsider, "/karma", {"user": self.learner_a.pk}))
        self.assertEqual((body["balance"], body["count"], body["results"]), (0, 0, []))

    def test_anonymous_gets_401(self) -> None:
        self.assert_error(self.get(None, "/karma"), 401, "unauthenticated")


class RateCourseAPITests(EngagementAPITestCase):
    def path(self, code: str = "RTI-101") -> str:
        return f"/courses/{code}/rating"

    def test_rate_then_change(self) -> None:
        body = self.assert_ok(
            self.send("POST", self.learner_a, self.path(), {"stars": 4, "review": " Good <b>course</b> "}), 201
        )
        self.assertEqual((body["course"], body["rating_count"], body["rating_average"]), ("RTI-101", 1, 4.0))
        self.assertEqual(body["rating"]["review"], "Good <b>course</b>")  # plain text, as typed
        self.assertTrue(body["rating"]["mine"])
        self.assertEqual(body["rating"]["name"], "Sita Devi")
        body = self.assert_ok(self.send("POST", self.learner_a, self.path(), {"stars": 2}))
        self.assertEqual((body["rating_count"], body["rating_average"], body["rating"]["review"]), (1, 2.0, ""))
        self.assertEqual(self.totals(), (1, 2))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 1)

    def test_before_completion_refused_with_a_clear_message(self) -> None:
        body = self.assert_error(self.send("POST", self.nodal_a, self.path(), {"stars": 5}), 403, "not_completed")
        self.assertEqual(body["message"], "You can rate this course once you have completed it.")
        self.assert_error(self.send("POST", self.outsider, self.path(), {"stars": 5}), 403, "not_completed")
        self.assertFalse(Rating.objects.exists())
        self.assertEqual(self.totals(), (0, 0))

    def test_stars_out_of_range_or_missing(self) -> None:
        for payload in ({"stars": 0}, {"stars": 6}, {"stars": "many"}, {"review": "no stars"}, {"stars": 4.5}):
            self.assert_error(self.send("POST", self.learner_a, self.path(), payload), 422, "invalid_request")
        self.assertFalse(Rating.objects.exists())

    def test_review_too_long(self) -> None:
        body = self.assert_error(
            self.send("POST", self.learner_a, self.path(), {"stars": 3, "review": "x" * 2001}), 400, "review_too_long"
        )
        self.assertIn("2,000", body["message"])

    def test_unknown_or_unpublished_course_404(self) -> None:
        make_course("DRAFT-1", publish=False)
        self.assert_error(self.send("POST", self.learner_a, self.path("NO-SUCH"), {"stars": 4}), 404, "not_found")
        self.assert_error(self.send("POST", self.learner_a, self.path("DRAFT-1"), {"stars": 4}), 404, "not_found")
        self.assert_error(self.get(self.learner_a, "/courses/DRAFT-1/ratings"), 404, "not_found")

    def test_anonymous_gets_401(self) -> None:
        self.assert_error(self.send("POST", None, self.path(), {"stars": 4}), 401, "unauthenticated")
        self.assert_error(self.get(None, "/courses/RTI-101/ratings"), 401, "unauthenticated")
        self.assert_error(self.send("DELETE", None, self.path()), 401, "unauthenticated")
        self.assertFalse(Rating.objects.exists())

    def test_browser_session_needs_the_csrf_header(self) -> None:
        client = self.client_for(self.learner_a, enforce_csrf_checks=True)
        response = client.post(f"{API}{self.path()}", data='{"stars": 4}', content_type="application/json")
        self.assert_error(response, 403, "csrf_failed")
        self.assertFalse(Rating.objects.exists())

    def test_delete_own_rating(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=5, acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=3, acting_user=self.learner_b)
        self.assert_error(self.send("DELETE", self.outsider, self.path()), 404, "not_found")  # has none to delete
        response = self.send("DELETE", self.learner_a, self.path())
        self.assertEqual(response.status_code, 204)
        self.assertEqual(self.totals(), (1, 3))
        self.assert_error(self.send("DELETE", self.learner_a, self.path()), 404, "not_found")
        # Rating again: counted again, but no second karma award.
        self.assert_ok(self.send("POST", self.learner_a, self.path(), {"stars": 4}), 201)
        self.assertEqual(self.totals(), (2, 7))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 1)

    def test_karma_for_ratings_stops_at_the_monthly_cap(self) -> None:
        allowed = MONTHLY_CAP[Rule.COURSE_RATED] // POINTS[Rule.COURSE_RATED]
        for n in range(allowed + 1):
            course = make_course(f"C-{n:02d}")
            completed_enrolment(self.learner_a, course)
            self.assert_ok(self.send("POST", self.learner_a, self.path(course.code), {"stars": 5}), 201)
        body = self.assert_ok(self.get(self.learner_a, "/karma"))
        self.assertEqual((body["balance"], body["count"]), (MONTHLY_CAP[Rule.COURSE_RATED], allowed))


class CourseRatingsAPITests(EngagementAPITestCase):
    def test_list_with_average_names_and_mine(self) -> None:
        do_rate_course(
            self.learner_a, self.course, stars=4, review="<script>x</script> ठीक है", acting_user=self.learner_a
        )
        do_rate_course(self.learner_b, self.course, stars=5, acting_user=self.learner_b)
        body = self.assert_ok(self.get(self.learner_b, "/courses/RTI-101/ratings"))
        self.assertEqual((body["rating_count"], body["rating_average"], body["count"]), (2, 4.5, 2))
        self.assertEqual(
            [(r["name"], r["stars"], r["mine"]) for r in body["results"]],
            [("Imran Khan", 5, True), ("Sita Devi", 4, False)],
        )
        self.assertEqual(body["results"][1]["review"], "<script>x</script> ठीक है")
        self.assertNotIn("user", body["results"][0])  # no ids of other people
        hindi = self.assert_ok(self.get(self.outsider, "/courses/RTI-101/ratings", HTTP_ACCEPT_LANGUAGE="hi"))
        self.assertEqual(hindi["results"][1]["name"], "सीता देवी")

    def test_paginated_with_flat_queries(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=4, acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=2, acting_user=self.learner_b)
        key = self.token_for(self.outsider)
        client = Client(headers={"Authorization": f"Bearer {key}"})
        client.get(f"{API}/courses/RTI-101/ratings")
        with self.assertNumQueries(4):  # token, course, count, page
            body = self.assert_ok(client.get(f"{API}/courses/RTI-101/ratings", {"page": 2, "page_size": 1}))
        self.assertEqual(([r["stars"] for r in body["results"]], body["count"]), ([4], 2))
