"""The course page /courses/<code>/: both scripts, facts, competencies with level descriptors, outline."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from kshamta.catalog import actions
from kshamta.catalog.tests.test_search import CatalogueFixtures, build_catalogue, build_course
from kshamta.competencies.models import Competency
from kshamta.core.testing import CastTestCase
from kshamta.learning.actions import do_enrol


def page(code: str) -> str:
    return reverse("catalog:detail", args=[code])


class CoursePageTests(CatalogueFixtures, CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)
        Competency.objects.filter(code="RTI").update(
            levels=[
                {"en": "Knows the Act exists", "hi": "अधिनियम की जानकारी"},
                {"en": "Answers routine applications", "hi": "सामान्य आवेदनों का उत्तर देता है"},
            ]
        )

    def setUp(self) -> None:
        self.client.force_login(self.learner_a)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = Client().get(page("RTI-101"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_shows_both_scripts_and_the_facts(self) -> None:
        response = self.client.get(page("RTI-101"))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertInHTML('<h1 lang="en">Right to Information</h1>', html)
        self.assertInHTML('<p class="aside other-script" lang="hi">सूचना का अधिकार</p>', html)
        self.assertIn("How to file and answer applications under the RTI Act, 2005.", html)
        self.assertIn("आरटीआई अधिनियम, 2005 के अंतर्गत आवेदन करना और उत्तर देना।", html)
        self.assertIn("RCVP Noronha Academy", html)
        self.assertIn("1 hour", html)
        self.assertIn("Beginner", html)
        self.assertIn("Hindi, English", html)
        self.assertInHTML("<dd>transparency, law</dd>", html)

    def test_hindi_reader_gets_the_hindi_title_first(self) -> None:
        html = self.client.get(page("RTI-101"), HTTP_ACCEPT_LANGUAGE="hi").content.decode()
        self.assertInHTML('<h1 lang="hi">सूचना का अधिकार</h1>', html)

    def test_competencies_with_their_level_descriptor(self) -> None:
        html = self.client.get(page("RTI-101")).content.decode()
        self.assertIn("RTI handling", html)
        self.assertIn("2 of 5", html)
        self.assertIn("Answers routine applications", html)
        self.assertNotIn("Knows the Act exists", html)  # level 1's descriptor: not the level this course builds

    def test_outline_lists_modules_and_resources_without_their_content(self) -> None:
        html = self.client.get(page("FIN-201")).content.decode()
        self.assertIn("Module 1", html)
        self.assertIn("Reading:", html)
        self.assertIn("text part", html)
        self.assertNotIn("Secret reading text", html)
        rti = self.client.get(page("RTI-101")).content.decode()
        self.assertIn("Video:", rti)
        self.assertIn("10 minutes", rti)  # the video's length
        self.assertIn("12 pages", rti)
        self.assertNotIn("https://example.org/media.mp4", rti)

    def test_enrol_box_and_ratings_are_on_the_page(self) -> None:
        html = self.client.get(page("RTI-101")).content.decode()
        self.assertIn("enrol-box", html)
        self.assertIn("course-ratings", html)

    def test_code_is_matched_ignoring_case(self) -> None:
        self.assertEqual(self.client.get(page("rti-101")).status_code, 200)

    def test_unknown_and_draft_only_courses_are_not_found(self) -> None:
        self.assertEqual(self.client.get(page("NOPE-1")).status_code, 404)
        self.assertEqual(self.client.get(page("DRAFT-1")).status_code, 404)
        # Not for a catalogue manager either: drafts live in the studio.
        self.client.force_login(self.state_admin)
        self.assertEqual(self.client.get(page("DRAFT-1")).status_code, 404)

    def test_retired_course_is_not_found_by_someone_not_enrolled(self) -> None:
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(page("OLD-1")).status_code, 404)

    def test_retired_course_stays_visible_to_people_enrolled_in_it_with_a_notice(self) -> None:
        course = build_course("LATE-1", provider=self.ati, title_en="Disaster management", kinds=("video",))
        do_enrol(self.learner_a, course, acting_user=self.learner_a)
        actions.do_retire(course, acting_user=self.state_admin)
        response = self.client.get(page("LATE-1"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("This course has been retired", response.content.decode())
        self.client.force_login(self.learner_b)
        self.assertEqual(self.client.get(page("LATE-1")).status_code, 404)
