"""The course page's enrol box in each state: signed out, not enrolled, enrolled, completed, retired."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse

from kshamta.accounts.models import User
from kshamta.catalog.models import Course
from kshamta.certificates.models import Certificate
from kshamta.learning import actions
from kshamta.learning.tests.helpers import LearningTestCase, update

BOX = Template("{% load learning_tags %}{% enrol_box course %}")


class EnrolBoxTests(LearningTestCase):
    def render(self, user: User | None, course: Course | None = None) -> str:
        request = RequestFactory().get("/courses/RTI-101/")
        request.user = user or AnonymousUser()
        course = Course.objects.get(pk=(course or self.course).pk)
        return BOX.render(RequestContext(request, {"course": course}))

    def test_the_course_page_shows_it(self) -> None:
        response = self.client_for(self.learner_a).get(reverse("catalog:detail", args=["RTI-101"]))
        self.assertContains(response, f'action="{reverse("learning:enrol", args=["RTI-101"])}"')
        self.enrol(self.learner_a)
        response = self.client_for(self.learner_a).get(reverse("catalog:detail", args=["RTI-101"]))
        self.assertContains(response, reverse("learning:resume", args=["RTI-101"]))

    def test_signed_out(self) -> None:
        html = self.render(None)
        self.assertIn("Sign in to enrol", html)
        self.assertIn(f"{reverse('accounts:sign_in')}?next=/courses/RTI-101/", html)

    def test_not_enrolled(self) -> None:
        html = self.render(self.learner_a)
        self.assertIn(f'action="{reverse("learning:enrol", args=["RTI-101"])}"', html)
        self.assertIn('name="csrfmiddlewaretoken"', html)

    def test_enrolled_shows_progress_and_continue(self) -> None:
        self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 100)])
        request = RequestFactory().get("/courses/RTI-101/")
        request.user = self.learner_a
        course = Course.objects.get(pk=self.course.pk)
        with self.assertNumQueries(1):
            html = BOX.render(Context({"course": course, "request": request}))
        self.assertIn('value="25"', html)
        self.assertIn(reverse("learning:resume", args=["RTI-101"]), html)
        self.assertIn("Continue", html)
        # Someone else's enrolment does not count for learner_b.
        self.assertIn("Enrol", self.render(self.learner_b))

    def test_completed_links_the_certificate(self) -> None:
        enrolment = self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        certificate = Certificate.objects.get(enrolment=enrolment)
        html = self.render(self.learner_a)
        self.assertIn("Completed", html)
        self.assertIn(reverse("certificates:download", args=[certificate.pk]), html)

    def test_withdrawn_can_enrol_again(self) -> None:
        actions.do_unenrol(self.enrol(self.learner_a), acting_user=self.learner_a)
        self.assertIn(f'action="{reverse("learning:enrol", args=["RTI-101"])}"', self.render(self.learner_a))

    def test_retired(self) -> None:
        self.enrol(self.learner_b)
        Course.objects.filter(pk=self.course.pk).update(is_retired=True)
        html = self.render(self.learner_a)
        self.assertIn("no longer open for enrolment", html)
        self.assertNotIn(reverse("learning:enrol", args=["RTI-101"]), html)
        # A learner already in it can still finish.
        html = self.render(self.learner_b)
        self.assertIn("You can still finish it.", html)
        self.assertIn(reverse("learning:resume", args=["RTI-101"]), html)
