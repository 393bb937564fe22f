"""My learning: in progress, assigned (due dates, overdue) and completed (certificate links)."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kshamta.catalog.testing import make_course
from kshamta.certificates.models import Certificate
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase

URL = "/learn/"


class MyLearningPageTests(LearningTestCase):
    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = self.client_for(None).get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_empty(self) -> None:
        response = self.client_for(self.learner_a).get(URL)
        self.assertContains(response, "You are not enrolled in any course yet.")

    def test_sections(self) -> None:
        self.enrol(self.learner_a)
        overdue = make_course("POSH-1", provider=self.provider, title_en="POSH Act", resources=("text",))
        self.enrol(
            self.learner_a,
            overdue,
            acting_user=self.nodal_a,
            source=Enrolment.Source.ASSIGNED,
            due_on=timezone.localdate() - datetime.timedelta(days=2),
        )
        done = make_course("ETH-1", provider=self.provider, title_en="Ethics", resources=("text",))
        finished = self.enrol(self.learner_a, done)
        self.complete_everything(self.learner_a, done)
        certificate = Certificate.objects.get(enrolment=finished)
        withdrawn = make_course("LEFT-1", provider=self.provider, title_en="Left behind", resources=("text",))
        actions.do_unenrol(self.enrol(self.learner_a, withdrawn), acting_user=self.learner_a)

        response = self.client_for(self.learner_a).get(URL)
        groups = response.context["groups"]
        self.assertEqual([e.course.code for e in groups.in_progress], ["RTI-101"])
        self.assertEqual([e.course.code for e in groups.assigned], ["POSH-1"])
        self.assertEqual([e.course.code for e in groups.completed], ["ETH-1"])
        self.assertContains(response, "Overdue")
        self.assertContains(response, reverse("learning:resume", args=["RTI-101"]))
        self.assertContains(response, reverse("certificates:download", args=[certificate.pk]))
        self.assertNotContains(response, "Left behind")
        # Someone else's learning never shows.
        other = self.client_for(self.learner_b).get(URL)
        self.assertNotContains(other, "Right to Information")

    def test_query_count_does_not_grow_with_enrolments(self) -> None:
        self.enrol(self.learner_a)
        client = self.client_for(self.learner_a)
        client.get(URL)
        with CaptureQueriesContext(connection) as few:
            client.get(URL)
        for index in range(4):
            course = make_course(f"MORE-{index}", provider=self.provider, resources=("text",))
            self.enrol(self.learner_a, course)
            if index % 2:
                self.complete_everything(self.learner_a, course)
        with self.assertNumQueries(len(few.captured_queries)):
            response = client.get(URL)
        groups = response.context["groups"]
        self.assertEqual((len(groups.in_progress), len(groups.completed)), (3, 2))
