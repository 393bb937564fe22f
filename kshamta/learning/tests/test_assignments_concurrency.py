"""Two workers running the same assignment run, and a person's sync racing a run, add nothing twice.

Real concurrency needs real row locks, so these run on PostgreSQL only; re-running in sequence is
tested everywhere (test_assignments_publish).
"""

from __future__ import annotations

import datetime
import threading
import unittest
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import TransactionTestCase

from kshamta.accounts.models import User
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course, make_provider
from kshamta.core.testing import build_cast
from kshamta.learning import assignments
from kshamta.learning.assignments import AssignmentSpec
from kshamta.learning.models import Assignment, AssignmentJob, Enrolment
from kshamta.learning.tests.test_concurrent_completion import run_together
from kshamta.orgs.models import Designation, Organisation


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL row locks")
class ConcurrentAssignmentTests(TransactionTestCase):
    dept_a: Organisation
    patwari: Designation
    learner_a: User

    def setUp(self) -> None:
        build_cast(self)
        self.course = make_course("RTI-101", provider=make_provider(), resources=("text",))
        self.posh = make_course("POSH-1", provider=make_provider(), resources=("text",))
        self.job = assignments.do_publish_assignment_rules(
            source_type="cbp",
            source_id=1,
            rules=[
                AssignmentSpec(self.dept_a, None, self.course, datetime.date(2030, 3, 31)),
                AssignmentSpec(self.dept_a, self.patwari, self.posh, datetime.date(2030, 3, 31)),
            ],
            acting_user=None,
            enqueue=False,
        )

    def test_two_workers_on_one_run(self) -> None:
        assert self.job is not None
        job_id = self.job.pk
        run_together(lambda: assignments.run_assignment_job(job_id, chunk_size=1), times=3)
        # Revenue: the nodal officer (Tehsildar) and Sita Devi (Patwari) take RTI-101; Sita Devi POSH-1.
        self.assertEqual(Enrolment.objects.count(), 3)
        self.assertEqual(Assignment.objects.count(), 3)
        self.assertEqual(
            dict(Course.objects.filter(code__in=["RTI-101", "POSH-1"]).values_list("code", "enrolment_count")),
            {"RTI-101": 2, "POSH-1": 1},
        )
        self.assertEqual(AssignmentJob.objects.get(pk=job_id).status, AssignmentJob.Status.DONE)

    def test_a_persons_sync_racing_the_run(self) -> None:
        assert self.job is not None
        job_id = self.job.pk
        user_id = self.learner_a.pk
        run_each(lambda: assignments.run_assignment_job(job_id), lambda: assignments.sync_person_assignments(user_id))
        self.assertEqual(Enrolment.objects.filter(user_id=user_id).count(), 2)
        self.assertEqual(Assignment.objects.filter(user_id=user_id).count(), 2)
        self.assertEqual(Course.objects.get(code="POSH-1").enrolment_count, 1)


def run_each(*works: Callable[[], Any]) -> None:
    """Run each callable in its own thread, released at the same instant; re-raise the first error."""
    barrier = threading.Barrier(len(works))
    errors: list[BaseException] = []

    def worker(work: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            work()
        except BaseException as exc:  # handed to the test, which re-raises it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
