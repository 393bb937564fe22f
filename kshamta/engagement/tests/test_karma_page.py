from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from kshamta.assessments.models import Assessment
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.core.testing import CastTestCase
from kshamta.engagement.actions import do_award_karma
from kshamta.engagement.karma import Rule, assessment_source, course_source, enrolment_source, programme_source
from kshamta.engagement.tests.helpers import completed_enrolment

URL = "/karma/"


class KarmaPageTestCase(CastTestCase):
    course: Course
    assessment: Assessment

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.course = make_course("RTI-101")
        assert cls.course.published_version is not None
        cls.assessment = Assessment.objects.create(
            version=cls.course.published_version, title_en="Final quiz", title_hi="अंतिम प्रश्नोत्तरी", is_final=True
        )
        last_month = timezone.now() - datetime.timedelta(days=40)
        do_award_karma(
            user=cls.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(cls.course.pk), at=last_month
        )
        do_award_karma(user=cls.learner_a, rule=Rule.ASSESSMENT_PASSED, source_key=assessment_source(cls.assessment.pk))
        do_award_karma(user=cls.learner_a, rule=Rule.COURSE_RATED, source_key=course_source(cls.course.pk))
        do_award_karma(user=cls.learner_b, rule=Rule.COURSE_COMPLETED, source_key=course_source(cls.course.pk))


class KarmaPageTests(KarmaPageTestCase):
    def test_url_name(self) -> None:
        self.assertEqual(reverse("engagement:karma"), URL)

    def test_balance_this_month_and_history_with_links(self) -> None:
        self.client.force_login(self.learner_a)
        response = self.client.get(URL)
        self.assertContains(response, '<dd id="karma-balance">17</dd>', html=True)
        self.assertContains(response, '<dd id="karma-this-month">7</dd>', html=True)
        course_link = f'<a href="{reverse("catalog:detail", args=["RTI-101"])}">Right to Information</a>'
        self.assertContains(response, f"Completed a course: {course_link}", html=False)
        self.assertContains(response, f"Rated a course: {course_link}", html=False)
        self.assertContains(response, f"Passed an assessment: {course_link}", html=False)
        self.assertContains(response, "(Final quiz)")
        self.assertContains(response, "3 awards, newest first")
        # Newest first: the rating (this month) before the completion (last month).
        html = response.content.decode()
        self.assertLess(html.index("Rated a course:"), html.index("Completed a course:"))
        # The rules are explained on the page.
        self.assertContains(response, "How to earn karma points")
        self.assertContains(response, "Completed an assigned course before its due date")

    def test_in_hindi_the_course_title_is_hindi(self) -> None:
        self.client.force_login(self.learner_a)
        response = self.client.get(URL, headers={"Accept-Language": "hi"})
        self.assertContains(response, "सूचना का अधिकार")
        self.assertContains(response, "(अंतिम प्रश्नोत्तरी)")

    def test_each_person_sees_only_their_own_points(self) -> None:
        self.client.force_login(self.learner_b)
        response = self.client.get(URL)
        self.assertContains(response, '<dd id="karma-balance">10</dd>', html=True)
        self.assertNotContains(response, "Rated a course:")
        self.assertNotContains(response, "Final quiz")
        self.client.force_login(self.outsider)
        response = self.client.get(URL)
        self.assertContains(response, '<dd id="karma-balance">0</dd>', html=True)
        self.assertContains(response, "No karma points yet.")
        # ?user= or similar is not a way in to someone else's ledger.
        self.assertContains(
            self.client.get(URL, {"user": self.learner_a.pk}), '<dd id="karma-balance">0</dd>', html=True
        )

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")))

    def test_sources_without_a_course_still_show(self) -> None:
        do_award_karma(user=self.learner_a, rule=Rule.PROGRAMME_COMPLETED, source_key=programme_source(9))
        do_award_karma(user=self.learner_a, rule=Rule.ASSIGNED_ON_TIME, source_key="legacy-key")
        enrolment = completed_enrolment(self.learner_a, make_course("POSH-01", title_en="POSH Act"))
        do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=enrolment_source(enrolment.pk))
        other = make_course("RTI-201", title_en="RTI appeals")
        assert other.published_version is not None
        quiz = Assessment.objects.create(version=other.published_version, title_en="Appeals quiz")
        do_award_karma(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED, source_key=f"attempt-pass:{quiz.pk}")
        self.client.force_login(self.learner_a)
        response = self.client.get(URL)
        self.assertContains(response, f'<a href="{reverse("catalog:detail", args=["RTI-201"])}">RTI appeals</a>')
        self.assertContains(response, "(Appeals quiz)")
        self.assertContains(response, "<td>Completed a programme</td>", html=True)
        self.assertContains(response, "<td>Completed an assigned course before its due date</td>", html=True)
        self.assertContains(response, f'<a href="{reverse("catalog:detail", args=["POSH-01"])}">POSH Act</a>')

    def test_queries_stay_flat_and_history_is_paginated(self) -> None:
        self.client.force_login(self.learner_a)
        self.client.get(URL)
        # session, user, roles (base page), totals, count, page, its courses, its assessments
        with self.assertNumQueries(8):
            self.client.get(URL)
        courses = [make_course(f"C-{n:02d}", title_en=f"Course {n}") for n in range(55)]
        for course in courses:
            do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(course.pk))
        with self.assertNumQueries(7):  # page 1 now holds courses only: no assessments to look up
            response = self.client.get(URL)
        self.assertContains(response, "58 awards, newest first")
        self.assertContains(response, "page 1 of 2")
        self.assertContains(response, '<dd id="karma-balance">567</dd>', html=True)
        response = self.client.get(URL, {"page": 2})
        self.assertContains(response, "Final quiz")
