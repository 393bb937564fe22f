"""Completing a course: the rules, one certificate, karma once, the final assessment."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.catalog.models import Resource
from kshamta.catalog.testing import make_course
from kshamta.certificates.models import Certificate
from kshamta.engagement.karma import Rule
from kshamta.engagement.models import KarmaEntry
from kshamta.learning import actions
from kshamta.learning.models import Enrolment, ResourceProgress
from kshamta.learning.tests.helpers import LearningTestCase, resources_of, update


class CompletionTests(LearningTestCase):
    def karma(self, user: User, rule: str) -> int:
        return KarmaEntry.objects.filter(user=user, rule=rule).count()

    def test_finishing_every_required_resource_completes_once(self) -> None:
        enrolment = self.enrol(self.learner_a)
        results = actions.do_record_progress(self.learner_a, [update(self.video, 100), update(self.pdf, 100)])
        self.assertFalse(results[-1]["enrolment"]["completed"])
        self.assertEqual(results[-1]["enrolment"]["progress_percent"], 50)
        results = actions.do_record_progress(self.learner_a, [update(self.text, 100), update(self.link, 100)])
        self.assertEqual(results[-1]["enrolment"], {"course": "RTI-101", "progress_percent": 100, "completed": True})
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, Enrolment.Status.COMPLETED)
        self.assertIsNotNone(enrolment.completed_at)
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)
        self.assertEqual(self.karma(self.learner_a, Rule.COURSE_COMPLETED), 1)
        self.assertEqual(self.karma(self.learner_a, Rule.ASSIGNED_ON_TIME), 0)

        # Reporting the finish again changes nothing.
        self.complete_everything(self.learner_a)
        self.assertFalse(actions.evaluate_completion(enrolment.pk))
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)
        self.assertEqual(self.karma(self.learner_a, Rule.COURSE_COMPLETED), 1)

    def test_evaluating_twice_in_a_row_issues_one_certificate(self) -> None:
        enrolment = self.enrol(self.learner_a)
        # Progress written behind the action's back, so that nothing has completed it yet.
        now = timezone.now()
        ResourceProgress.objects.bulk_create(
            ResourceProgress(user=self.learner_a, enrolment=enrolment, resource=r, percent=100, completed_at=now)
            for r in (self.video, self.pdf, self.text, self.link)
        )
        self.assertEqual([actions.evaluate_completion(enrolment.pk) for _ in range(2)], [True, False])
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)
        self.assertEqual(self.karma(self.learner_a, Rule.COURSE_COMPLETED), 1)

    def test_optional_resources_do_not_block_completion(self) -> None:
        Resource.objects.filter(pk__in=[self.pdf.pk, self.link.pk]).update(is_required=False)
        enrolment = self.enrol(self.learner_a)
        results = actions.do_record_progress(self.learner_a, [update(self.video, 96), update(self.text, 100)])
        self.assertTrue(results[-1]["enrolment"]["completed"])
        enrolment.refresh_from_db()
        self.assertEqual((enrolment.status, enrolment.progress_percent), (Enrolment.Status.COMPLETED, 100))

    def test_a_final_assessment_must_be_passed(self) -> None:
        assessment = self.add_final_assessment(self.course)
        enrolment = self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, Enrolment.Status.ACTIVE)
        self.assertEqual(enrolment.progress_percent, 80)  # 4 of 5 required parts
        self.assertFalse(Certificate.objects.exists())

        failed = self.submitted_attempt(enrolment, assessment, passed=False)
        self.assertFalse(actions.do_record_assessment_result(failed))
        enrolment.refresh_from_db()
        self.assertFalse(enrolment.final_assessment_passed)

        passed = self.submitted_attempt(enrolment, assessment, passed=True)
        self.assertTrue(actions.do_record_assessment_result(passed))
        enrolment.refresh_from_db()
        self.assertTrue(enrolment.final_assessment_passed)
        self.assertEqual((enrolment.status, enrolment.progress_percent), (Enrolment.Status.COMPLETED, 100))
        quiz = Resource.objects.get(assessment=assessment)
        self.assertIsNotNone(self.progress_of(self.learner_a, quiz).completed_at)
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)
        # Recording the same pass again completes nothing twice.
        self.assertFalse(actions.do_record_assessment_result(passed))
        self.assertEqual(Certificate.objects.count(), 1)

    def test_a_final_assessment_outside_the_outline_still_gates_completion(self) -> None:
        assessment = self.add_final_assessment(self.course, as_resource=False)
        enrolment = self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        enrolment.refresh_from_db()
        self.assertEqual((enrolment.status, enrolment.progress_percent), (Enrolment.Status.ACTIVE, 100))
        self.assertTrue(actions.do_record_assessment_result(self.submitted_attempt(enrolment, assessment, passed=True)))

    def test_passing_first_then_finishing_the_rest_completes(self) -> None:
        assessment = self.add_final_assessment(self.course)
        enrolment = self.enrol(self.learner_a)
        passed = self.submitted_attempt(enrolment, assessment, passed=True)
        self.assertFalse(actions.do_record_assessment_result(passed))
        results = self.complete_everything(self.learner_a)
        self.assertTrue(results[-1]["enrolment"]["completed"])

    def test_an_assigned_course_finished_by_its_due_date_earns_the_bonus(self) -> None:
        on_time = self.enrol(
            self.learner_a,
            acting_user=self.nodal_a,
            source=Enrolment.Source.ASSIGNED,
            due_on=timezone.localdate() + datetime.timedelta(days=7),
        )
        self.complete_everything(self.learner_a)
        self.assertEqual(self.karma(self.learner_a, Rule.ASSIGNED_ON_TIME), 1)
        entry = KarmaEntry.objects.get(user=self.learner_a, rule=Rule.ASSIGNED_ON_TIME)
        self.assertEqual(entry.source_key, f"enrolment:{on_time.pk}")

        late_course = make_course("LATE-1", provider=self.provider, resources=("text",))
        self.enrol(
            self.learner_a,
            late_course,
            acting_user=self.nodal_a,
            source=Enrolment.Source.ASSIGNED,
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )
        actions.do_record_progress(self.learner_a, [update(resources_of(late_course)["text"], 100)])
        self.assertEqual(self.karma(self.learner_a, Rule.COURSE_COMPLETED), 2)
        self.assertEqual(self.karma(self.learner_a, Rule.ASSIGNED_ON_TIME), 1)
