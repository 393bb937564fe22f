"""manage.py assignment_runs: list runs, and run a queued or stopped one in-process."""

from __future__ import annotations

import io
import json

from django.core.management import CommandError, call_command

from kshamta.learning import assignments
from kshamta.learning.models import AssignmentJob
from kshamta.learning.tests.assignment_helpers import AssignmentTestCase


class AssignmentRunsCommandTests(AssignmentTestCase):
    def run_command(self, *args: str) -> str:
        out = io.StringIO()
        call_command("assignment_runs", *args, stdout=out)
        return out.getvalue()

    def test_runs_a_queued_run_then_lists_it(self) -> None:
        with self.captureOnCommitCallbacks(execute=False):
            job = assignments.do_publish_assignment_rules(
                source_type="cbp", source_id=1, rules=[self.spec()], acting_user=None
            )
        assert job is not None
        result = json.loads(self.run_command(str(job.pk), "--json"))
        self.assertEqual((result["status"], result["people_assigned"], result["org"]), ("done", 2, "MP-REV"))
        self.assertEqual(self.assigned_people(), {"MP0003", "MP1001"})
        self.assertIn(f"{job.pk} ", self.run_command())
        self.assertIn("2 assigned", self.run_command())
        with self.assertRaisesMessage(CommandError, "already done"):
            self.run_command(str(job.pk))

    def test_resumes_a_run_that_stopped(self) -> None:
        with self.captureOnCommitCallbacks(execute=False):
            job = assignments.do_publish_assignment_rules(
                source_type="cbp", source_id=1, rules=[self.spec()], acting_user=None
            )
        assert job is not None
        AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.RUNNING)
        result = json.loads(self.run_command(str(job.pk), "--json"))
        self.assertEqual((result["status"], result["people_assigned"]), ("done", 2))
        with self.assertRaisesMessage(CommandError, "no assignment run"):
            self.run_command("999999")
