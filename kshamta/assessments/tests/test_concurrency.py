"""Two requests at the same moment, for real (PostgreSQL: row locks and separate connections).

Two starts of the same assessment give one attempt; two submissions of the same attempt score it
once. On SQLite the same rules are covered by simulated races in test_attempts.
"""

from __future__ import annotations

import threading
import unittest
from collections.abc import Callable
from typing import Any

from django.db import connection, connections
from django.test import TransactionTestCase

from kshamta.accounts.models import User
from kshamta.assessments import actions
from kshamta.assessments.models import Attempt
from kshamta.assessments.tests.helpers import ALL_RIGHT_KEYS, add_every_kind, attach_and_publish, draft_version, enrol
from kshamta.catalog.testing import make_course
from kshamta.core.testing import build_cast
from kshamta.engagement.karma import Rule
from kshamta.engagement.models import KarmaEntry


def at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(index)`` in ``count`` threads released together; each result or the exception raised."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as exc:  # the test looks at what each thread got
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@unittest.skipUnless(connection.vendor == "postgresql", "needs row locks and concurrent connections")
class ConcurrentAttemptTests(TransactionTestCase):
    learner_a: User

    def setUp(self) -> None:
        build_cast(self)
        course = make_course(resources=("assessment",), publish=False)
        version = draft_version(course)
        self.assessment = actions.do_create_assessment(
            version, acting_user=None, title_en="Quiz", time_limit_minutes=10
        )
        section = actions.do_add_section(self.assessment, title_en="All", acting_user=None)
        self.questions = add_every_kind(section)
        course = attach_and_publish(version, self.assessment)
        self.enrolment = enrol(self.learner_a, course)

    def test_simultaneous_starts_make_one_attempt(self) -> None:
        results = at_once(4, lambda _i: actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment).pk)
        self.assertTrue(all(isinstance(r, int) for r in results), results)
        self.assertEqual(len(set(results)), 1)
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 1)

    def test_simultaneous_submissions_score_once(self) -> None:
        attempt = actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment)
        answers = {str(self.questions[kind].pk): value for kind, value in ALL_RIGHT_KEYS.items()}
        results = at_once(3, lambda _i: actions.do_submit_attempt(Attempt.objects.get(pk=attempt.pk), answers).status)
        self.assertEqual(results.count(Attempt.Status.SUBMITTED), 1, results)
        refusals = [r for r in results if isinstance(r, actions.AssessmentError)]
        self.assertEqual([r.code for r in refusals], ["already_submitted", "already_submitted"])
        attempt.refresh_from_db()
        self.assertTrue(attempt.passed)
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED).count(), 1)

    def test_a_start_and_a_submission_at_once_do_not_deadlock(self) -> None:
        attempt = actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment)

        def either(index: int) -> Any:
            if index == 0:
                return actions.do_submit_attempt(Attempt.objects.get(pk=attempt.pk), {}).status
            return actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment).pk

        results = at_once(2, either)
        self.assertFalse([r for r in results if isinstance(r, Exception)], results)
