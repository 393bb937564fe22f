"""What a learner sees of assignments in My learning: due dates, overdue, and a closed assignment."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kshamta.learning.tests.assignment_helpers import AssignmentTestCase

URL = "/learn/"


class AssignedInMyLearningTests(AssignmentTestCase):
    def test_assigned_courses_show_due_dates_and_overdue_then_leave_when_closed(self) -> None:
        today = timezone.localdate()
        self.publish(self.spec(due_on=today + datetime.timedelta(days=20)))
        self.publish(
            self.spec(self.posh, designation=None, due_on=today + datetime.timedelta(days=5)),
            source_type="mandatory",
            source_id=self.dept_a.pk,
        )
        # The mandatory course's date is moved into the past: it is overdue now.
        self.publish(
            self.spec(self.posh, designation=None, due_on=today - datetime.timedelta(days=1)),
            source_type="mandatory",
            source_id=self.dept_a.pk,
        )
        response = self.client_for(self.learner_a).get(URL)
        groups = response.context["groups"]
        self.assertEqual([e.course.code for e in groups.assigned], ["POSH-1", "RTI-101"])
        self.assertEqual([e.is_overdue for e in groups.assigned], [True, False])
        self.assertContains(response, "Assigned to you")
        self.assertContains(response, "Overdue", count=1)
        self.assertContains(response, (today + datetime.timedelta(days=20)).strftime("%d-%m-%Y"))

        # The mandatory course is withdrawn: it leaves "Assigned to you" and stays under "In progress".
        self.publish(source_type="mandatory", source_id=self.dept_a.pk)
        groups = self.client_for(self.learner_a).get(URL).context["groups"]
        self.assertEqual([e.course.code for e in groups.assigned], ["RTI-101"])
        self.assertEqual([e.course.code for e in groups.in_progress], ["POSH-1"])
