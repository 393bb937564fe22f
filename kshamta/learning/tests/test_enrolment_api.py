"""The API of one's own enrolments: list, enrol, leave, progress per resource."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.certificates.models import Certificate
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase, update


class EnrolmentAPITests(LearningTestCase):
    def test_enrol_then_again_then_leave_then_back(self) -> None:
        first = self.api("POST", self.learner_a, "/courses/RTI-101/enrolment")
        self.assertEqual(first.status_code, 201, first.content)
        body = first.json()
        self.assertEqual((body["course"], body["status"], body["version"]), ("RTI-101", "active", 1))
        self.assertEqual(self.api("POST", self.learner_a, "/courses/RTI-101/enrolment").status_code, 200)
        actions.do_record_progress(self.learner_a, [update(self.video, 100)])

        left = self.api("DELETE", self.learner_a, "/courses/RTI-101/enrolment")
        self.assertEqual(left.status_code, 204)
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.WITHDRAWN)
        self.assertEqual(self.api("DELETE", self.learner_a, "/courses/RTI-101/enrolment").status_code, 404)

        back = self.api("POST", self.learner_a, "/courses/RTI-101/enrolment")
        self.assertEqual(back.status_code, 201)
        self.assertEqual(back.json()["progress_percent"], 25)

    def test_refusals(self) -> None:
        make_course("DRAFT-1", provider=self.provider, publish=False)
        response = self.api("POST", self.learner_a, "/courses/DRAFT-1/enrolment")
        self.assertEqual((response.status_code, response.json()["code"]), (404, "not_found"))
        Course.objects.filter(pk=self.course.pk).update(is_retired=True)
        response = self.api("POST", self.learner_a, "/courses/RTI-101/enrolment")
        self.assertEqual((response.status_code, response.json()["code"]), (400, "invalid"))
        self.assertFalse(Enrolment.objects.exists())

    def test_a_completed_course_cannot_be_left(self) -> None:
        self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        response = self.api("DELETE", self.learner_a, "/courses/RTI-101/enrolment")
        self.assertEqual((response.status_code, response.json()["code"]), (400, "invalid"))

    def test_list_is_ones_own(self) -> None:
        self.enrol(self.learner_a)
        done = make_course("ETH-1", provider=self.provider, resources=("text",))
        finished = self.enrol(self.learner_a, done)
        self.complete_everything(self.learner_a, done)
        self.enrol(self.learner_b)
        data = self.api("GET", self.learner_a, "/enrolments").json()
        self.assertEqual(data["count"], 2)
        by_course = {row["course"]: row for row in data["results"]}
        self.assertEqual(by_course["ETH-1"]["certificate"], str(Certificate.objects.get(enrolment=finished).pk))
        self.assertIsNone(by_course["RTI-101"]["certificate"])
        completed = self.api("GET", self.learner_a, "/enrolments?status=completed").json()
        self.assertEqual([row["course"] for row in completed["results"]], ["ETH-1"])
        self.assertEqual(self.api("GET", self.outsider, "/enrolments").json()["count"], 0)

    def test_list_query_count_is_flat(self) -> None:
        self.enrol(self.learner_a)
        client = self.client_for(self.learner_a)
        with CaptureQueriesContext(connection) as one:
            client.get("/api/v1/enrolments")
        for index in range(3):
            course = make_course(f"MORE-{index}", provider=self.provider, resources=("text",))
            self.enrol(self.learner_a, course)
            self.complete_everything(self.learner_a, course)
        with self.assertNumQueries(len(one.captured_queries)):
            self.assertEqual(client.get("/api/v1/enrolments").json()["count"], 4)

    def test_course_progress(self) -> None:
        self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 40, position=240), update(self.pdf, 30, page=3)])
        data = self.api("GET", self.learner_a, "/courses/RTI-101/progress").json()
        self.assertEqual((data["course"], data["version"], data["status"]), ("RTI-101", 1, "active"))
        self.assertEqual(data["resume_resource"], self.pdf.pk)
        rows = {row["kind"]: row for row in data["resources"]}
        self.assertEqual((rows["video"]["percent"], rows["video"]["position"]), (40, 240))
        self.assertEqual((rows["pdf"]["page"], rows["pdf"]["completed"]), (3, False))
        self.assertEqual(rows["text"]["percent"], 0)

    def test_denies_the_outsider_and_anonymous(self) -> None:
        self.enrol(self.learner_a)
        for method, path in (
            ("GET", "/courses/RTI-101/progress"),
            ("DELETE", "/courses/RTI-101/enrolment"),
        ):
            response = self.api(method, self.outsider, path)
            self.assertEqual((response.status_code, response.json()["code"]), (404, "not_found"), path)
        for method, path in (
            ("GET", "/enrolments"),
            ("GET", "/courses/RTI-101/progress"),
            ("POST", "/courses/RTI-101/enrolment"),
            ("DELETE", "/courses/RTI-101/enrolment"),
        ):
            response = self.api(method, None, path)
            self.assertEqual((response.status_code, response.json()["code"]), (401, "unauthenticated"), path)
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.ACTIVE)

    def test_operations_are_in_the_schema(self) -> None:
        schema = self.client_for(None).get("/api/v1/openapi.json").json()
        operations = {op["operationId"] for ops in schema["paths"].values() for op in ops.values()}
        self.assertLessEqual(
            {"record_progress", "list_my_enrolments", "enrol_in_course", "unenrol_from_course",
             "get_my_course_progress"},
            operations,
        )  # fmt: skip
        progress = schema["paths"]["/api/v1/progress"]["post"]
        ref = progress["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        self.assertEqual(schema["components"]["schemas"][ref]["properties"]["updates"]["maxItems"], 100)
