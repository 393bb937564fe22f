"""The home page's learning card."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kshamta.catalog.testing import make_course
from kshamta.core.testing import CastTestCase
from kshamta.learning import actions
from kshamta.learning.models import Enrolment


class HomeSummaryTests(CastTestCase):
    def test_counts_continue_link_and_overdue(self) -> None:
        rti = make_course("RTI-101", title_en="Right to Information")
        posh = make_course("POSH-1", title_en="POSH Act")
        actions.do_enrol(self.learner_a, rti, acting_user=self.learner_a)
        assigned = actions.do_enrol(self.learner_a, posh, acting_user=self.learner_a)
        Enrolment.objects.filter(pk=assigned.pk).update(
            source=Enrolment.Source.ASSIGNED, due_on=timezone.localdate() - datetime.timedelta(days=3)
        )
        self.client.force_login(self.learner_a)
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        card = response.context["counts"]
        self.assertEqual((card["in_progress"], card["assigned"], card["overdue"], card["completed"]), (2, 1, 1, 0))
        self.assertContains(response, "1 overdue")
        self.assertContains(response, "/learn/")

    def test_someone_with_no_enrolments_sees_zeroes_and_no_continue(self) -> None:
        self.client.force_login(self.learner_b)
        response = self.client.get("/")
        self.assertIsNone(response.context["latest"])
        self.assertEqual(response.context["counts"]["in_progress"], 0)
        self.assertNotContains(response, "/continue/")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = self.client.get("/")
        self.assertEqual(response.status_code, 302)
