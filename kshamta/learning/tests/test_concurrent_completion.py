"""Two requests completing the same course at the same moment issue one certificate.

Real concurrency needs real row locks, so the threaded tests run on PostgreSQL only; the
sequential double completion is tested everywhere (test_completion).
"""

from __future__ import annotations

import threading
import unittest
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import TransactionTestCase
from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.catalog.testing import make_course, make_provider
from kshamta.certificates.models import Certificate
from kshamta.core.testing import build_cast
from kshamta.engagement.karma import Rule
from kshamta.engagement.models import KarmaEntry
from kshamta.learning import actions
from kshamta.learning.models import Enrolment, ResourceProgress
from kshamta.learning.tests.helpers import resources_of, update


def run_together(work: Callable[[], Any], times: int = 2) -> list[Any]:
    """Run ``work`` in ``times`` threads released at the same instant; their results."""
    barrier = threading.Barrier(times)
    results: list[Any] = [None] * times
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work()
        except BaseException as exc:  # handed to the test, which re-raises it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL row locks")
class ConcurrentCompletionTests(TransactionTestCase):
    learner_a: User

    def setUp(self) -> None:
        build_cast(self)
        self.course = make_course("RTI-101", provider=make_provider(), resources=("video", "text"))
        found = resources_of(self.course)
        self.video, self.text = found["video"], found["text"]
        self.enrolment = actions.do_enrol(self.learner_a, self.course, acting_user=self.learner_a)

    def assert_completed_once(self) -> None:
        self.enrolment.refresh_from_db()
        self.assertEqual(self.enrolment.status, Enrolment.Status.COMPLETED)
        self.assertEqual(Certificate.objects.filter(enrolment=self.enrolment).count(), 1)
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a, rule=Rule.COURSE_COMPLETED).count(), 1)

    def test_two_progress_requests_finishing_the_course_at_once(self) -> None:
        actions.do_record_progress(self.learner_a, [update(self.video, 100)])
        batch = [update(self.text, 100)]
        results = run_together(lambda: actions.do_record_progress(self.learner_a, batch), times=4)
        self.assertTrue(all(r[0]["completed"] and r[0]["enrolment"]["completed"] for r in results))
        self.assert_completed_once()

    def test_two_evaluations_at_once(self) -> None:
        now = timezone.now()
        ResourceProgress.objects.bulk_create(
            ResourceProgress(user=self.learner_a, enrolment=self.enrolment, resource=r, percent=100, completed_at=now)
            for r in (self.video, self.text)
        )
        results = run_together(lambda: actions.evaluate_completion(self.enrolment.pk), times=4)
        self.assertEqual(sorted(results), [False, False, False, True])
        self.assert_completed_once()

    def test_first_progress_of_many_requests_at_once_makes_one_row(self) -> None:
        # Rows seen for the first time: inserted with ignore_conflicts, then locked and re-read.
        run_together(lambda: actions.do_record_progress(self.learner_a, [update(self.video, 50)]), times=4)
        self.assertEqual(ResourceProgress.objects.filter(resource=self.video).count(), 1)
        self.assertEqual(ResourceProgress.objects.get(resource=self.video).percent, 50)
