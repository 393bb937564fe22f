"""Enrol, unenrol, enrol again; only listed courses; assignments; the audit of acts for others."""

from __future__ import annotations

import datetime

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.core.models import AuditEvent
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase, update


class EnrolmentTests(LearningTestCase):
    def count(self) -> int:
        return Course.objects.get(pk=self.course.pk).enrolment_count

    def test_enrol_pins_the_published_version_and_counts_once(self) -> None:
        enrolment = self.enrol(self.learner_a)
        self.assertEqual(enrolment.version_id, self.course.published_version_id)
        self.assertEqual((enrolment.status, enrolment.source), (Enrolment.Status.ACTIVE, Enrolment.Source.SELF))
        self.assertEqual(self.count(), 1)
        again = self.enrol(self.learner_a)
        self.assertEqual(again.pk, enrolment.pk)
        self.assertEqual(self.count(), 1)
        self.assertEqual(Enrolment.objects.filter(user=self.learner_a).count(), 1)

    def test_unenrol_then_enrol_again_reactivates_the_same_row_with_its_progress(self) -> None:
        enrolment = self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 40, position=240)])
        actions.do_unenrol(enrolment, acting_user=self.learner_a)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, Enrolment.Status.WITHDRAWN)
        self.assertEqual(self.count(), 0)
        # Withdrawn: progress can no longer be written.
        [result] = actions.do_record_progress(self.learner_a, [update(self.video, 60)])
        self.assertEqual(result["error"], actions.NOT_IN_YOUR_COURSES)

        again = self.enrol(self.learner_a)
        self.assertEqual(again.pk, enrolment.pk)
        self.assertEqual(again.status, Enrolment.Status.ACTIVE)
        self.assertEqual(again.version_id, enrolment.version_id)
        self.assertEqual(self.count(), 1)
        progress = self.progress_of(self.learner_a, self.video)
        self.assertEqual((progress.percent, progress.position_seconds), (40, 240))

    def test_unenrolling_twice_is_harmless(self) -> None:
        enrolment = self.enrol(self.learner_a)
        actions.do_unenrol(enrolment, acting_user=self.learner_a)
        actions.do_unenrol(enrolment, acting_user=self.learner_a)
        self.assertEqual(self.count(), 0)

    def test_a_completed_enrolment_cannot_be_unenrolled(self) -> None:
        enrolment = self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        with self.assertRaises(actions.EnrolmentRefused):
            actions.do_unenrol(enrolment, acting_user=self.learner_a)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, Enrolment.Status.COMPLETED)

    def test_unlisted_courses_refuse_enrolment(self) -> None:
        draft = make_course("DRAFT-1", provider=self.provider, publish=False)
        with self.assertRaises(actions.EnrolmentRefused):
            self.enrol(self.learner_a, draft)
        retired = make_course("OLD-1", provider=self.provider)
        Course.objects.filter(pk=retired.pk).update(is_retired=True)
        with self.assertRaises(actions.EnrolmentRefused):
            self.enrol(self.learner_a, retired)
        self.assertFalse(Enrolment.objects.filter(user=self.learner_a).exists())

    def test_self_enrolment_is_not_audited_but_enrolling_someone_else_is(self) -> None:
        self.enrol(self.learner_a)
        self.assertFalse(AuditEvent.objects.filter(action__startswith="learning.").exists())
        due = datetime.date(2030, 3, 31)
        enrolment = self.enrol(self.learner_b, acting_user=self.outsider, source=Enrolment.Source.ASSIGNED, due_on=due)
        event = AuditEvent.objects.get(action="learning.enrol")
        self.assertEqual(event.actor, self.outsider)
        self.assertEqual(event.target_id, str(enrolment.pk))
        self.assertEqual(event.after["source"], "assigned")
        self.assertEqual(event.after["due_on"], "2030-03-31")
        self.assertEqual(event.org_path, self.profile_of(self.learner_b).org.path)

    def test_assigning_a_course_already_taken_sets_its_due_date(self) -> None:
        enrolment = self.enrol(self.learner_a)
        due = datetime.date(2030, 1, 31)
        assigned = self.enrol(self.learner_a, acting_user=self.nodal_a, source=Enrolment.Source.ASSIGNED, due_on=due)
        self.assertEqual(assigned.pk, enrolment.pk)
        self.assertEqual((assigned.source, assigned.due_on), (Enrolment.Source.ASSIGNED, due))
        self.assertEqual(self.count(), 1)
        self.assertTrue(AuditEvent.objects.filter(action="learning.assign", actor=self.nodal_a).exists())

    def test_an_assigned_course_cannot_be_dropped_by_the_learner_but_can_by_an_administrator(self) -> None:
        enrolment = self.enrol(self.learner_a, acting_user=self.nodal_a, source=Enrolment.Source.ASSIGNED)
        with self.assertRaises(actions.EnrolmentRefused):
            actions.do_unenrol(enrolment, acting_user=self.learner_a)
        actions.do_unenrol(enrolment, acting_user=self.nodal_a)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, Enrolment.Status.WITHDRAWN)
        self.assertTrue(AuditEvent.objects.filter(action="learning.unenrol", actor=self.nodal_a).exists())
