"""Enrol and unenrol pages, the course outline and "continue where you left off"."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase, update


class EnrolPageTests(LearningTestCase):
    def test_enrol_from_the_course_page(self) -> None:
        client = self.client_for(self.learner_a)
        response = client.post(reverse("learning:enrol", args=["RTI-101"]))
        self.assertRedirects(response, reverse("learning:course", args=["RTI-101"]))
        enrolment = Enrolment.objects.get(user=self.learner_a)
        self.assertEqual(enrolment.status, Enrolment.Status.ACTIVE)
        self.assertEqual(client.get(reverse("learning:enrol", args=["RTI-101"])).status_code, 405)

    def test_enrol_denies_anonymous_and_unknown_or_unpublished_courses(self) -> None:
        response = self.client_for(None).post(reverse("learning:enrol", args=["RTI-101"]))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
        make_course("DRAFT-1", provider=self.provider, publish=False)
        client = self.client_for(self.learner_a)
        self.assertEqual(client.post(reverse("learning:enrol", args=["DRAFT-1"])).status_code, 404)
        self.assertEqual(client.post(reverse("learning:enrol", args=["NOPE"])).status_code, 404)
        self.assertFalse(Enrolment.objects.exists())

    def test_a_retired_course_explains_itself(self) -> None:
        Course.objects.filter(pk=self.course.pk).update(is_retired=True)
        client = self.client_for(self.learner_a)
        response = client.post(reverse("learning:enrol", args=["RTI-101"]), follow=True)
        self.assertRedirects(response, reverse("catalog:browse"))
        self.assertContains(response, "This course is not open for enrolment.")
        self.assertFalse(Enrolment.objects.exists())


class UnenrolPageTests(LearningTestCase):
    def test_confirm_then_leave(self) -> None:
        self.enrol(self.learner_a)
        client = self.client_for(self.learner_a)
        url = reverse("learning:unenrol", args=["RTI-101"])
        confirm = client.get(url)
        self.assertContains(confirm, "Leave the course?")
        self.assertContains(confirm, f'action="{url}"')
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.ACTIVE)
        response = client.post(url)
        self.assertRedirects(response, reverse("learning:my_learning"))
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.WITHDRAWN)
        # Gone from the learner's pages.
        self.assertEqual(client.get(reverse("learning:course", args=["RTI-101"])).status_code, 404)

    def test_a_completed_course_cannot_be_left(self) -> None:
        self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        client = self.client_for(self.learner_a)
        response = client.post(reverse("learning:unenrol", args=["RTI-101"]), follow=True)
        self.assertContains(response, "stays in your record")
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.COMPLETED)

    def test_denies_others(self) -> None:
        self.enrol(self.learner_a)
        url = reverse("learning:unenrol", args=["RTI-101"])
        self.assertEqual(self.client_for(self.learner_b).get(url).status_code, 404)
        self.assertEqual(self.client_for(self.learner_b).post(url).status_code, 404)
        self.assertEqual(self.client_for(self.outsider).post(url).status_code, 404)
        self.assertEqual(self.client_for(None).post(url).status_code, 302)
        self.assertEqual(Enrolment.objects.get().status, Enrolment.Status.ACTIVE)


class OutlineTests(LearningTestCase):
    def test_outline_shows_each_part_with_its_status_and_where_to_continue(self) -> None:
        self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 100), update(self.pdf, 30, page=3)])
        response = self.client_for(self.learner_a).get(reverse("learning:course", args=["RTI-101"]))
        self.assertContains(response, "Module 1")
        self.assertContains(response, "✓ Complete", count=1)
        self.assertContains(response, "30 % done")
        self.assertContains(response, "Not started", count=2)
        self.assertContains(response, "25 % of the required parts complete")
        resume = response.context["resume"]
        self.assertEqual(resume.resource, self.pdf)
        self.assertContains(response, "Continue where you left off: pdf resource")

    def test_continue_goes_to_the_unfinished_part_last_worked_on_or_the_next(self) -> None:
        self.enrol(self.learner_a)
        client = self.client_for(self.learner_a)
        url = reverse("learning:resume", args=["RTI-101"])
        self.assertRedirects(client.get(url), reverse("learning:resource", args=["RTI-101", self.video.pk]))
        actions.do_record_progress(self.learner_a, [update(self.pdf, 20, page=2)])
        self.assertRedirects(client.get(url), reverse("learning:resource", args=["RTI-101", self.pdf.pk]))
        actions.do_record_progress(self.learner_a, [update(self.pdf, 100, page=10)])
        self.assertRedirects(client.get(url), reverse("learning:resource", args=["RTI-101", self.text.pk]))
        actions.do_record_progress(self.learner_a, [update(self.text, 100), update(self.link, 100)])
        # Only the video is left: from the last part, "continue" wraps round to it.
        self.assertRedirects(client.get(url), reverse("learning:resource", args=["RTI-101", self.video.pk]))

    def test_denies_the_outsider_and_anonymous(self) -> None:
        self.enrol(self.learner_a)
        for name in ("learning:course", "learning:resume"):
            url = reverse(name, args=["RTI-101"])
            self.assertEqual(self.client_for(self.learner_b).get(url).status_code, 404, name)
            self.assertEqual(self.client_for(self.outsider).get(url).status_code, 404, name)
            response = self.client_for(None).get(url)
            self.assertEqual(response.status_code, 302, name)
            self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_query_count_does_not_grow_with_progress(self) -> None:
        self.enrol(self.learner_a)
        client = self.client_for(self.learner_a)
        url = reverse("learning:course", args=["RTI-101"])
        actions.do_record_progress(self.learner_a, [update(self.video, 10)])
        client.get(url)
        with CaptureQueriesContext(connection) as one_started:
            client.get(url)
        actions.do_record_progress(self.learner_a, [update(r, 50) for r in (self.pdf, self.text, self.link)])
        with self.assertNumQueries(len(one_started.captured_queries)):
            response = client.get(url)
        self.assertEqual(len([line for line in response.context["outline"].lines if line.is_started]), 4)
