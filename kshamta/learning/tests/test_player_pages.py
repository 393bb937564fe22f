"""The player for every kind of resource, its no-JavaScript buttons, and who may open it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.test import Client
from django.urls import reverse

from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import CourseVersion, Resource
from kshamta.catalog.testing import make_course
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase, resources_of, update

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


class PlayerTests(LearningTestCase):
    def setUp(self) -> None:
        self.enrolment = self.enrol(self.learner_a)
        self.client = self.client_for(self.learner_a)

    def open(self, resource: Resource, code: str = "RTI-101") -> Response:
        return self.client.get(reverse("learning:resource", args=[code, resource.pk]))

    def test_video_resumes_where_the_learner_stopped(self) -> None:
        actions.do_record_progress(self.learner_a, [update(self.video, 40, position=241)])
        response = self.open(self.video)
        self.assertContains(response, '<video controls preload="metadata" src="https://example.org/media.mp4"')
        self.assertContains(response, 'data-position="241"')
        self.assertContains(response, 'data-percent="40"')
        self.assertContains(response, "40 % done")
        self.assertContains(response, "/static/js/player.js")
        self.assertContains(response, f'data-progress-url="{reverse("learning:progress")}"')
        self.assertContains(response, 'rel="next"')
        self.assertNotContains(response, 'rel="prev"')

    def test_audio(self) -> None:
        course = make_course("RADIO-1", provider=self.provider, resources=("audio",))
        self.enrol(self.learner_a, course)
        response = self.open(resources_of(course)["audio"], "RADIO-1")
        self.assertContains(response, '<audio controls preload="metadata" src="https://example.org/media.mp4"')

    def test_pdf_with_a_page_counter(self) -> None:
        Resource.objects.filter(pk=self.pdf.pk).update(url="https://example.org/rules.pdf")
        actions.do_record_progress(self.learner_a, [update(self.pdf, 40, page=4)])
        response = self.open(self.pdf)
        self.assertContains(response, 'data="https://example.org/rules.pdf#page=5"')
        self.assertContains(response, 'name="pages"')
        self.assertContains(response, 'value="4"')
        self.assertContains(response, "I have read the whole document")
        self.assertContains(response, f'action="{reverse("learning:mark", args=["RTI-101", self.pdf.pk])}"')

    def test_reading_is_rendered_as_html(self) -> None:
        response = self.open(self.text)
        self.assertContains(response, "<p>Read this.</p>", html=True)
        self.assertContains(response, "Mark as read")

    def test_reading_html_was_sanitised_on_save(self) -> None:
        course = make_course("XSS-1", provider=self.provider, resources=())
        draft = CourseVersion.objects.create(course=course, number=2, title_en="x")
        module = catalog_actions.do_add_module(draft, title_en="M", acting_user=None)
        catalog_actions.do_add_resource(
            module,
            kind=Resource.Kind.TEXT,
            title_en="Unsafe",
            body_html='<p onclick="steal()">Hello</p><script>steal()</script>',
            acting_user=None,
        )
        catalog_actions.do_publish(draft, acting_user=None)
        self.enrol(self.learner_a, course)
        response = self.open(Resource.objects.get(title_en="Unsafe"), "XSS-1")
        self.assertContains(response, "Hello")
        self.assertNotContains(response, "<script>steal()")
        self.assertNotContains(response, "onclick")

    def test_link_opens_in_a_new_tab(self) -> None:
        response = self.open(self.link)
        self.assertContains(response, 'href="https://rti.gov.in/" target="_blank" rel="noopener noreferrer"')
        self.assertContains(response, "Mark as done")
        self.assertContains(response, 'rel="prev"')
        self.assertNotContains(response, 'rel="next"')

    def test_assessment_links_to_its_start(self) -> None:
        assessment = self.add_final_assessment(self.course)
        quiz = Resource.objects.get(assessment=assessment)
        attempt = self.submitted_attempt(self.enrolment, assessment, passed=False)
        response = self.open(quiz)
        self.assertContains(response, f'href="{reverse("assessments:intro", args=[assessment.pk])}"')
        self.assertContains(response, "you need to pass it to complete the course")
        self.assertContains(response, reverse("assessments:result", args=[attempt.pk]))
        self.assertContains(response, "Go to the assessment to try again")

    def test_a_completed_course_can_still_be_opened(self) -> None:
        self.complete_everything(self.learner_a)
        self.assertEqual(self.open(self.video).status_code, 200)

    def test_denies_the_outsider_another_course_and_anonymous(self) -> None:
        other = make_course("POSH-1", provider=self.provider, resources=("video",))
        other_video = resources_of(other)["video"]
        url = reverse("learning:resource", args=["RTI-101", self.video.pk])
        self.assertEqual(self.client_for(self.learner_b).get(url).status_code, 404)
        self.assertEqual(self.client_for(self.outsider).get(url).status_code, 404)
        # A resource of another course, under this course's address or its own.
        self.assertEqual(self.open(other_video).status_code, 404)
        self.assertEqual(self.open(other_video, "POSH-1").status_code, 404)
        response = self.client_for(None).get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])


class MarkTests(LearningTestCase):
    def setUp(self) -> None:
        self.enrolment = self.enrol(self.learner_a)
        self.client = self.client_for(self.learner_a)

    def mark(self, resource: Resource, data: dict[str, str] | None = None, client: Client | None = None) -> Response:
        url = reverse("learning:mark", args=["RTI-101", resource.pk])
        return (client or self.client).post(url, data or {})

    def test_marking_a_reading_and_a_link_done(self) -> None:
        response = self.mark(self.text)
        self.assertRedirects(response, reverse("learning:resource", args=["RTI-101", self.text.pk]))
        self.assertIsNotNone(self.progress_of(self.learner_a, self.text).completed_at)
        self.mark(self.link)
        self.assertIsNotNone(self.progress_of(self.learner_a, self.link).completed_at)

    def test_pdf_pages_read(self) -> None:
        self.mark(self.pdf, {"pages": "4"})
        progress = self.progress_of(self.learner_a, self.pdf)
        self.assertEqual((progress.percent, progress.page, progress.completed_at), (40, 4, None))
        self.mark(self.pdf, {"pages": "2"})  # never backwards
        self.assertEqual(self.progress_of(self.learner_a, self.pdf).percent, 40)
        response = self.mark(self.pdf, {"pages": "11"})
        self.assertEqual(self.progress_of(self.learner_a, self.pdf).percent, 40)
        self.assertEqual(response.status_code, 302)
        self.mark(self.pdf, {"whole": "1"})
        progress = self.progress_of(self.learner_a, self.pdf)
        self.assertEqual((progress.percent, progress.page), (100, 10))
        self.assertIsNotNone(progress.completed_at)

    def test_the_last_mark_completes_the_course(self) -> None:
        actions.do_record_progress(self.learner_a, [update(self.video, 100), update(self.pdf, 100)])
        self.mark(self.text)
        response = self.mark(self.link)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Enrolment.objects.get(pk=self.enrolment.pk).status, Enrolment.Status.COMPLETED)

    def test_media_cannot_be_marked_done_by_hand(self) -> None:
        self.assertEqual(self.mark(self.video).status_code, 404)
        self.assertFalse(self.enrolment.progress.exists())

    def test_denies_others(self) -> None:
        self.assertEqual(self.mark(self.text, client=self.client_for(self.learner_b)).status_code, 404)
        self.assertEqual(self.mark(self.text, client=self.client_for(self.outsider)).status_code, 404)
        self.assertEqual(self.mark(self.text, client=self.client_for(None)).status_code, 302)
        self.assertFalse(self.enrolment.progress.exists())
        self.assertEqual(self.client.get(reverse("learning:mark", args=["RTI-101", self.text.pk])).status_code, 405)
