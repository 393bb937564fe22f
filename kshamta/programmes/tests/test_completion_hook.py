"""A learning step that is a programme's last (the last online course, the final assessment) completes it after commit;
the programme's certificate is issued once per completed nomination."""

from __future__ import annotations

import datetime
import shutil
import tempfile
import threading
import unittest
from pathlib import Path
from types import SimpleNamespace

from django.db import connection, connections
from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.assessments import actions as assessment_actions
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.testing import make_course
from kshamta.certificates.models import Certificate
from kshamta.core.testing import build_cast
from kshamta.learning import actions as learning_actions
from kshamta.notifications.models import Message
from kshamta.orgs import actions as org_actions
from kshamta.programmes import actions
from kshamta.programmes.models import Nomination
from kshamta.programmes.tests.helpers import ProgrammeTestCase, complete_course, make_person


@override_settings(CERTIFICATE_KEY_AUTO_CREATE=True)
class CompletionHookTests(ProgrammeTestCase):
    def setUp(self) -> None:
        self.sessions = [self.add_session(self.batch, day) for day in range(4)]  # 75 % = 3 of 4
        self.nomination = self.seat(self.learner_a)

    def attend(self, count: int) -> None:
        for session in self.sessions[:count]:
            actions.do_set_attendance(session, [self.learner_a.pk], acting_user=self.coordinator)

    def nomination_now(self) -> Nomination:
        return Nomination.objects.select_related("certificate").get(pk=self.nomination.pk)

    def test_completing_the_last_online_course_completes_the_programme(self) -> None:
        self.attend(3)
        self.assertFalse(self.nomination_now().is_completed)
        with self.captureOnCommitCallbacks(execute=True):
            complete_course(self.learner_a, self.course)
        nomination = self.nomination_now()
        self.assertTrue(nomination.is_completed)
        certificate = nomination.certificate
        assert certificate is not None
        self.assertEqual(certificate.kind, "programme")
        self.assertEqual(certificate.payload["course"]["batch"], "B1")
        # The course's own certificate as well, and only those two.
        self.assertEqual(Certificate.objects.filter(user=self.learner_a).count(), 2)
        # One message for each: the course's certificate, the programme's completion (with its certificate).
        kinds = sorted(Message.objects.filter(to=self.learner_a.email).values_list("kind", flat=True))
        self.assertEqual(
            [k for k in kinds if k in ("certificate", "programme_completed")], ["certificate", "programme_completed"]
        )

    def test_without_enough_attendance_the_course_leaves_the_programme_open(self) -> None:
        self.attend(2)
        with self.captureOnCommitCallbacks(execute=True):
            complete_course(self.learner_a, self.course)
        self.assertFalse(self.nomination_now().is_completed)
        self.assertFalse(Certificate.objects.filter(user=self.learner_a, enrolment__isnull=True).exists())

    def test_passing_the_final_assessment_completes_the_programme(self) -> None:
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
        self.attend(4)
        with self.captureOnCommitCallbacks(execute=True):
            complete_course(self.learner_a, self.course)
        self.assertFalse(self.nomination_now().is_completed)  # the assessment is still to pass
        exam = learning_actions.do_enrol(self.learner_a, exam_version.course, acting_user=self.learner_a)
        with self.captureOnCommitCallbacks(execute=True):
            failed = assessment_actions.do_submit_attempt(
                assessment_actions.do_start_attempt(assessment, self.learner_a, exam), {str(question.pk): False}
            )
        self.assertFalse(failed.passed)
        self.assertFalse(self.nomination_now().is_completed)
        with self.captureOnCommitCallbacks(execute=True):
            passed = assessment_actions.do_submit_attempt(
                assessment_actions.do_start_attempt(assessment, self.learner_a, exam), {str(question.pk): True}
            )
        self.assertTrue(passed.passed)
        self.assertTrue(self.nomination_now().is_completed)

    def test_the_check_is_one_query_for_someone_with_no_open_nomination(self) -> None:
        with self.assertNumQueries(1):
            self.assertEqual(actions.evaluate_completions_for_user(self.learner_b.pk), 0)

    def test_issuing_twice_gives_the_one_certificate_of_the_nomination(self) -> None:
        self.attend(3)
        with self.captureOnCommitCallbacks(execute=True):
            complete_course(self.learner_a, self.course)
        nomination = self.nomination_now()
        first = nomination.certificate
        assert first is not None
        again = actions.issue_programme_certificate(nomination, at=timezone.now())
        self.assertEqual(again.pk, first.pk)
        self.assertFalse(actions.evaluate_programme_completion(nomination.pk))
        self.assertEqual(actions.evaluate_completions_for_user(self.learner_a.pk), 0)
        self.assertEqual(Certificate.objects.filter(user=self.learner_a, enrolment__isnull=True).count(), 1)


@unittest.skipUnless(connection.vendor == "postgresql", "row locks are only real on PostgreSQL")
class ConcurrentProgrammeCompletionTests(TransactionTestCase):
    """Two evaluations of the same nomination at the same moment (a check-in and a finished course): one certificate."""

    def test_two_threads_issue_one_programme_certificate(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="kshamta-programme-race-"))
        self.addCleanup(shutil.rmtree, folder, True)
        with override_settings(
            CERTIFICATE_SIGNING_KEY_FILE=folder / "signing.pem",
            CERTIFICATE_PUBLIC_KEYS_DIR=folder / "public",
            MEDIA_ROOT=str(folder / "media"),
        ):
            cast = SimpleNamespace()
            build_cast(cast)
            ati = org_actions.do_create_org(
                code="MP-ATI", kind="institute", name_en="ATI", name_hi="एटीआई", parent=cast.state, acting_user=None
            )
            coordinator = make_person("CO001", ati)
            account_actions.do_grant_role(user=coordinator, role=Role.PROGRAMME_COORDINATOR, org=ati, acting_user=None)
            # No online course and no attendance needed: the first evaluation completes it.
            programme = actions.do_create_programme(
                code="RACE", title_en="Race", org=ati, attendance_threshold=0, acting_user=coordinator
            )
            start = timezone.localdate() + datetime.timedelta(days=5)
            batch = actions.do_create_batch(
                programme,
                code="B1",
                seat_limit=10,
                starts_on=start,
                ends_on=start,
                enrolment_ends_on=start,
                acting_user=coordinator,
            )
            [outcome] = actions.do_nominate(batch, [cast.learner_a], acting_user=coordinator)
            assert outcome.nomination is not None
            nomination = outcome.nomination
            self.assertFalse(nomination.is_completed)
            barrier = threading.Barrier(2)
            results: list[bool] = []
            errors: list[BaseException] = []

            def evaluate() -> None:
                try:
                    barrier.wait(timeout=10)
                    results.append(actions.evaluate_programme_completion(nomination.pk))
                except BaseException as exc:  # reported below; a thread must not die silently
                    errors.append(exc)
                finally:
                    connections.close_all()

            threads = [threading.Thread(target=evaluate) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(results), [False, True])
        self.assertEqual(Certificate.objects.filter(user=cast.learner_a, enrolment__isnull=True).count(), 1)
        nomination.refresh_from_db()
        self.assertIsNotNone(nomination.certificate_id)
