"""Completing a programme: online courses, attendance at the threshold, the final assessment; certificate and karma."""

from __future__ import annotations

import datetime
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import override_settings

from kshamta.assessments import actions as assessment_actions
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.testing import make_course
from kshamta.certificates import signing
from kshamta.certificates.models import Certificate
from kshamta.engagement.karma import Rule
from kshamta.engagement.models import KarmaEntry
from kshamta.learning import actions as learning_actions
from kshamta.programmes import actions, qr
from kshamta.programmes.models import Nomination
from kshamta.programmes.tests.helpers import ProgrammeTestCase, complete_course


@override_settings(CERTIFICATE_KEY_AUTO_CREATE=True)
class CompletionTests(ProgrammeTestCase):
    def setUp(self) -> None:
        self.sessions = [self.add_session(self.batch, day) for day in range(4)]  # 75 % = 3 of 4
        self.nomination = self.seat(self.learner_a)

    def attend(self, count: int) -> None:
        for session in self.sessions[:count]:
            actions.do_set_attendance(session, [self.learner_a.pk], acting_user=self.coordinator)

    def test_attendance_below_the_threshold_does_not_complete(self) -> None:
        complete_course(self.learner_a, self.course)
        self.attend(2)
        status = actions.completion_status(self.nomination)
        self.assertEqual((status.sessions_attended, status.sessions_total, status.attendance_percent), (2, 4, 50))
        self.assertTrue(status.courses_met)
        self.assertFalse(status.complete)
        self.assertFalse(actions.evaluate_programme_completion(self.nomination.pk))
        self.assertFalse(Certificate.objects.filter(enrolment__isnull=True).exists())  # only the course's

    def test_unfinished_online_course_does_not_complete(self) -> None:
        self.attend(4)
        status = actions.completion_status(self.nomination)
        self.assertEqual((status.courses_done, status.courses_total), (0, 1))
        self.assertFalse(status.complete)
        self.nomination.refresh_from_db()
        self.assertIsNone(self.nomination.completed_at)

    def test_the_third_of_four_sessions_completes_and_issues_a_signed_certificate_and_karma(self) -> None:
        complete_course(self.learner_a, self.course)
        with self.captureOnCommitCallbacks(execute=False):
            self.attend(3)
        self.nomination.refresh_from_db()
        self.assertIsNotNone(self.nomination.completed_at)
        certificate = self.nomination.certificate
        assert certificate is not None
        self.assertIsNone(certificate.enrolment_id)
        self.assertEqual(certificate.user, self.learner_a)
        self.assertEqual(
            (certificate.title_en, certificate.title_hi),
            ("Induction for newly appointed Patwaris", "नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण"),
        )
        self.assertEqual(certificate.provider_name_en, "RCVP Noronha Academy")
        # Four sessions of 3 hours and the course's 60 minutes.
        self.assertEqual(str(certificate.hours), "13.00")
        self.assertEqual(certificate.payload["course"]["kind"], "programme")
        self.assertEqual(certificate.payload["course"]["code"], "PATWARI-IND")
        self.assertTrue(signing.verify_payload(certificate.payload, certificate.signature, certificate.key_id))
        tampered = {**certificate.payload, "hours": "99.00"}
        self.assertFalse(signing.verify_payload(tampered, certificate.signature, certificate.key_id))
        karma = KarmaEntry.objects.get(user=self.learner_a, rule=Rule.PROGRAMME_COMPLETED)
        self.assertEqual(karma.source_key, f"nomination:{self.nomination.pk}")
        # Attending the fourth session, or evaluating again, changes nothing.
        actions.do_set_attendance(self.sessions[3], [self.learner_a.pk], acting_user=self.coordinator)
        self.assertFalse(actions.evaluate_programme_completion(self.nomination.pk))
        self.assertEqual(Certificate.objects.filter(enrolment__isnull=True).count(), 1)
        self.assertEqual(KarmaEntry.objects.filter(rule=Rule.PROGRAMME_COMPLETED).count(), 1)

    def test_a_qr_check_in_can_be_the_step_that_completes(self) -> None:
        complete_course(self.learner_a, self.course)
        self.attend(2)
        session = self.sessions[2]
        during = session.starts_at + datetime.timedelta(minutes=10)
        actions.do_check_in(session, qr.current_token(session, during), user=self.learner_a, now=during)
        self.nomination.refresh_from_db()
        self.assertTrue(self.nomination.is_completed)

    def test_a_final_assessment_must_be_passed_when_the_programme_has_one(self) -> None:
        exam_version = make_course("EXAM-1", title_en="Induction exam", resources=(), publish=False).versions.get()
        assessment = assessment_actions.do_create_assessment(
            exam_version, title_en="Induction exam", pass_percent=60, acting_user=None
        )
        section = assessment_actions.do_add_section(assessment, title_en="Land law", acting_user=None)
        question = assessment_actions.do_add_question(
            section,
            kind="true_false",
            text_en="A khasra records the plots of a village.",
            choices={},
            answer=True,
            acting_user=None,
        )
        catalog_actions.do_publish(exam_version, acting_user=None)
        actions.do_update_programme(self.programme, final_assessment=assessment, acting_user=self.coordinator)
        complete_course(self.learner_a, self.course)
        self.attend(4)
        self.nomination.refresh_from_db()
        self.assertFalse(self.nomination.is_completed)
        status = actions.completion_status(self.nomination)
        self.assertTrue(status.assessment_required)
        self.assertFalse(status.assessment_met)
        exam = learning_actions.do_enrol(self.learner_a, exam_version.course, acting_user=self.learner_a)
        attempt = assessment_actions.do_start_attempt(assessment, self.learner_a, exam)
        attempt = assessment_actions.do_submit_attempt(attempt, {str(question.pk): False})
        self.assertFalse(attempt.passed)
        self.assertFalse(actions.evaluate_programme_completion(self.nomination.pk))
        attempt = assessment_actions.do_start_attempt(assessment, self.learner_a, exam)
        attempt = assessment_actions.do_submit_attempt(attempt, {str(question.pk): True})
        self.assertTrue(attempt.passed)
        self.assertTrue(actions.evaluate_programme_completion(self.nomination.pk))

    def test_withdrawn_or_waitlisted_people_never_complete(self) -> None:
        complete_course(self.learner_a, self.course)
        actions.do_withdraw_nomination(self.nomination, acting_user=self.learner_a)
        self.assertFalse(actions.evaluate_programme_completion(self.nomination.pk))
        self.assertEqual(Nomination.objects.get(pk=self.nomination.pk).status, Nomination.Status.WITHDRAWN)

    def test_the_my_programmes_page_shows_the_steps_then_the_certificate(self) -> None:
        self.client.force_login(self.learner_a)
        page = self.client.get("/programmes/mine/")
        self.assertContains(page, "Online courses: 0 of 1 completed")
        self.assertContains(page, "Attendance: 0 of 4 sessions (0 %; 75 % needed)")
        complete_course(self.learner_a, self.course)
        self.attend(3)
        page = self.client.get("/programmes/mine/")
        certificate = Nomination.objects.get(pk=self.nomination.pk).certificate
        assert certificate is not None
        self.assertContains(page, f"/certificates/{certificate.pk}.pdf")
        self.assertContains(page, f"/verify/{certificate.pk}/")

    def test_the_complete_button_completes_after_a_course_finished_last(self) -> None:
        self.attend(3)
        self.client.force_login(self.learner_a)
        with mock.patch.object(actions, "notify_completed") as told:
            complete_course(self.learner_a, self.course)
            response = self.client.post(f"/programmes/nominations/{self.nomination.pk}/complete/")
        self.assertRedirects(response, "/programmes/mine/")
        told.assert_called_once()
        self.assertTrue(Nomination.objects.get(pk=self.nomination.pk).is_completed)
        self.client.force_login(self.learner_b)
        self.assertEqual(self.client.post(f"/programmes/nominations/{self.nomination.pk}/complete/").status_code, 404)

    def test_finishing_the_course_last_completes_through_the_hook_and_the_daily_command(self) -> None:
        self.attend(3)
        complete_course(self.learner_a, self.course)
        self.assertEqual(actions.evaluate_completions_for_user(self.learner_b.pk), 0)
        self.assertEqual(actions.evaluate_completions_for_user(self.learner_a.pk), 1)
        self.assertEqual(actions.evaluate_completions_for_user(self.learner_a.pk), 0)
        other = self.patwaris(1, prefix="DC")[0]
        self.seat(other)
        for session in self.sessions:
            actions.do_set_attendance(session, [self.learner_a.pk, other.pk], acting_user=self.coordinator)
        complete_course(other, self.course)
        out = StringIO()
        call_command("complete_programmes", stdout=out)
        self.assertIn("Completed 1 programme participants.", out.getvalue())
        self.assertTrue(Nomination.objects.get(user=other).is_completed)
