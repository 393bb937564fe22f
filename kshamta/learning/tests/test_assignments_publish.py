"""Publishing assignment rules: who gets enrolled, idempotence, due dates, what existing enrolments become."""

from __future__ import annotations

import datetime

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.core.models import AuditEvent
from kshamta.learning import actions, assignments
from kshamta.learning.assignments import AssignmentRefused
from kshamta.learning.models import Assignment, AssignmentJob, AssignmentRule, Enrolment, ResourceProgress
from kshamta.learning.tests.assignment_helpers import DUE, AssignmentTestCase
from kshamta.learning.tests.helpers import update

EARLIER = datetime.date(2030, 1, 15)


class PublishTests(AssignmentTestCase):
    def test_enrols_exactly_the_active_holders_of_the_designation_in_the_subtree(self) -> None:
        job = self.publish(self.spec())
        assert job is not None
        # learner_a (district) and patwari_2 (the department itself); not the retired Patwari, not a
        # Tehsildar, not anyone in the Health Department.
        self.assertEqual(self.assigned_people(), {"MP0003", "MP1001"})
        enrolment = self.enrolment(self.learner_a)
        self.assertEqual(
            (enrolment.source, enrolment.due_on, enrolment.status, enrolment.version_id),
            (Enrolment.Source.ASSIGNED, DUE, Enrolment.Status.ACTIVE, self.course.published_version_id),
        )
        self.assertFalse(Enrolment.objects.filter(user=self.retired_patwari).exists())
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)
        self.assertEqual(
            (job.status, job.rules_total, job.rules_done, job.people_assigned, job.enrolments_created),
            (AssignmentJob.Status.DONE, 1, 1, 2, 2),
        )
        self.assertEqual(job.percent_done, 100)
        self.assertEqual(job.org, self.dept_a)

    def test_a_rule_without_designation_takes_everyone_active_in_the_subtree(self) -> None:
        self.publish(self.spec(self.posh, org=self.dept_b, designation=None))
        self.assertEqual(self.assigned_people(self.posh), {"MP0004", "MP0005", "MP1004"})

    def test_a_rule_in_a_district_takes_only_that_district(self) -> None:
        self.publish(self.spec(org=self.district_a))
        self.assertEqual(self.assigned_people(), {"MP0003"})

    def test_running_again_adds_nothing(self) -> None:
        job = self.publish(self.spec(), self.spec(self.posh, designation=self.tehsildar))
        assert job is not None
        before = (Enrolment.objects.count(), Assignment.objects.count())
        with self.captureOnCommitCallbacks(execute=True):
            AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.FAILED)
            assignments.do_rerun_assignment_job(job, acting_user=self.nodal_a)
        again = self.publish(self.spec(), self.spec(self.posh, designation=self.tehsildar))
        assert again is not None
        self.assertEqual((Enrolment.objects.count(), Assignment.objects.count()), before)
        self.assertEqual((again.people_assigned, again.enrolments_created, again.enrolments_updated), (0, 0, 0))
        self.course.refresh_from_db()
        self.posh.refresh_from_db()
        self.assertEqual((self.course.enrolment_count, self.posh.enrolment_count), (2, 2))
        self.assertEqual(len(self.rules(is_active=True)), 2)

    def test_small_chunks_give_the_same_result(self) -> None:
        with self.captureOnCommitCallbacks(execute=False):
            job = assignments.do_publish_assignment_rules(
                source_type="cbp", source_id=1, rules=[self.spec(designation=None)], acting_user=None
            )
        assert job is not None
        done = assignments.run_assignment_job(job.pk, chunk_size=1)
        self.assertEqual(self.assigned_people(), {"MP0001", "MP0002", "MP0003", "MP1001", "MP1003"} - {"MP0001"})
        self.assertEqual(done.people_assigned, 4)
        # A second run finds nobody left.
        AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.RUNNING)
        self.assertEqual(assignments.run_assignment_job(job.pk, chunk_size=1).people_assigned, 4)
        self.assertEqual(Assignment.objects.count(), 4)

    def test_earliest_due_date_wins_across_sources(self) -> None:
        self.publish(self.spec())
        self.publish(self.spec(org=self.district_a, due_on=EARLIER), source_type="mandatory", source_id=self.dept_a.pk)
        self.assertEqual(self.enrolment(self.learner_a).due_on, EARLIER)
        self.assertEqual(self.enrolment(self.patwari_2).due_on, DUE)
        self.assertEqual(Assignment.objects.filter(enrolment=self.enrolment(self.learner_a)).count(), 2)
        # A later due date from another rule does not move it.
        self.publish(self.spec(due_on=datetime.date(2031, 1, 1)), source_id=2)
        self.assertEqual(self.enrolment(self.learner_a).due_on, EARLIER)
        # Withdrawing the earlier rule: the earliest of the rules left.
        self.publish(source_type="mandatory", source_id=self.dept_a.pk)
        self.assertEqual(self.enrolment(self.learner_a).due_on, DUE)
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)

    def test_a_new_due_date_moves_the_enrolments(self) -> None:
        self.publish(self.spec())
        job = self.publish(self.spec(due_on=EARLIER))
        assert job is not None
        self.assertEqual(len(self.rules()), 1)
        self.assertEqual(self.enrolment(self.learner_a).due_on, EARLIER)
        later = datetime.date(2030, 6, 30)
        self.publish(self.spec(due_on=later))
        self.assertEqual(self.enrolment(self.learner_a).due_on, later)
        self.assertEqual(Assignment.objects.count(), 2)

    def test_the_same_course_twice_in_one_publication_keeps_the_earlier_date(self) -> None:
        self.publish(self.spec(), self.spec(due_on=EARLIER))
        self.assertEqual(len(self.rules()), 1)
        self.assertEqual(self.rules()[0].due_on, EARLIER)

    def test_a_self_enrolled_learner_becomes_assigned_and_keeps_progress(self) -> None:
        mine = self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 40)])
        job = self.publish(self.spec())
        assert job is not None
        enrolment = self.enrolment(self.learner_a)
        self.assertEqual(enrolment.pk, mine.pk)
        self.assertEqual((enrolment.source, enrolment.due_on), (Enrolment.Source.ASSIGNED, DUE))
        self.assertEqual(ResourceProgress.objects.get(enrolment=enrolment).percent, 40)
        self.assertEqual((job.enrolments_created, job.enrolments_updated), (1, 1))
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)

    def test_a_completed_enrolment_is_linked_and_left_alone(self) -> None:
        done = self.enrol(self.learner_a)
        self.complete_everything(self.learner_a)
        done.refresh_from_db()
        self.assertEqual(done.status, Enrolment.Status.COMPLETED)
        job = self.publish(self.spec())
        assert job is not None
        after = self.enrolment(self.learner_a)
        self.assertEqual(
            (after.status, after.source, after.due_on, after.completed_at),
            (Enrolment.Status.COMPLETED, Enrolment.Source.SELF, None, done.completed_at),
        )
        self.assertTrue(Assignment.objects.filter(enrolment=after, closed_at__isnull=True).exists())
        self.assertEqual(job.already_completed, 1)

    def test_a_course_left_earlier_is_reopened_with_its_progress(self) -> None:
        mine = self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 30)])
        actions.do_unenrol(mine, acting_user=self.learner_a)
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 0)
        self.publish(self.spec())
        enrolment = self.enrolment(self.learner_a)
        self.assertEqual(
            (enrolment.pk, enrolment.status, enrolment.source), (mine.pk, "active", Enrolment.Source.ASSIGNED)
        )
        self.assertEqual(enrolment.progress_percent, mine.progress_percent)
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)

    def test_withdrawing_a_rule_closes_its_assignments_and_keeps_the_enrolments(self) -> None:
        self.publish(self.spec(), self.spec(self.posh))
        actions.do_record_progress(self.learner_a, [update(self.video, 50)])
        job = self.publish(self.spec(self.posh))
        assert job is not None
        self.assertEqual(job.assignments_closed, 2)
        enrolment = self.enrolment(self.learner_a)
        self.assertEqual((enrolment.status, enrolment.source, enrolment.due_on), ("active", "self", None))
        self.assertEqual(ResourceProgress.objects.get(enrolment=enrolment).percent, 50)
        closed = Assignment.objects.get(enrolment=enrolment)
        self.assertIsNotNone(closed.closed_at)
        self.assertEqual(self.assigned_people(), set())
        self.assertEqual(self.assigned_people(self.posh), {"MP0003", "MP1001"})
        rule = self.rules(course=self.course)[0]
        self.assertFalse(rule.is_active)
        self.assertIsNotNone(rule.deactivated_at)
        # Published again later: the same enrolment is assigned again, with a new assignment row.
        self.publish(self.spec(), self.spec(self.posh))
        self.assertEqual(self.enrolment(self.learner_a).source, Enrolment.Source.ASSIGNED)
        self.assertEqual(Assignment.objects.filter(enrolment=enrolment).count(), 2)
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)

    def test_withdrawing_everything_and_nothing_to_publish(self) -> None:
        self.assertIsNone(self.publish())
        self.publish(self.spec())
        job = self.publish()
        assert job is not None
        self.assertEqual((job.rules_total, job.assignments_closed), (0, 2))
        self.assertEqual(job.org, self.dept_a)

    def test_publication_is_audited_once(self) -> None:
        job = self.publish(self.spec(), self.spec(self.posh), acting_user=self.state_admin)
        assert job is not None
        events = AuditEvent.objects.filter(action__startswith="assignments.")
        self.assertEqual(events.count(), 1)
        event = events.get()
        self.assertEqual(
            (event.actor, event.target_id, event.org_path), (self.state_admin, str(job.pk), self.dept_a.path)
        )
        self.assertEqual((event.after["added"], event.after["rules"], event.after["withdrawn"]), (2, 2, 0))
        # Enrolments made by a publication are not audited one by one.
        self.assertFalse(AuditEvent.objects.filter(action__startswith="learning.").exists())

    def test_rules_spanning_departments_belong_to_their_common_ancestor(self) -> None:
        job = self.publish(self.spec(), self.spec(self.posh, org=self.dept_b, designation=self.nurse))
        assert job is not None
        self.assertEqual(job.org, self.state)

    def test_refusals(self) -> None:
        draft = make_course("DRAFT-1", provider=self.provider, publish=False)
        retired = make_course("OLD-1", provider=self.provider)
        Course.objects.filter(pk=retired.pk).update(is_retired=True)
        cases = [
            ("plan", [self.spec()], "Unknown source"),
            ("cbp", [self.spec(draft)], "DRAFT-1"),
            ("cbp", [self.spec(retired)], "OLD-1"),
            ("cbp", [self.spec(org=self.dept_b)], "not used in"),
            ("cbp", [self.spec(org=self.district_b, designation=self.patwari)], "not used in"),
        ]
        for source_type, specs, message in cases:
            with self.subTest(message), self.assertRaisesMessage(AssignmentRefused, message):
                assignments.do_publish_assignment_rules(
                    source_type=source_type, source_id=1, rules=specs, acting_user=None
                )
        self.assertFalse(AssignmentRule.objects.exists())
        self.assertFalse(AssignmentJob.objects.exists())

    def test_a_designation_defined_above_the_rule_is_fine(self) -> None:
        self.publish(self.spec(org=self.district_a))
        self.assertEqual(self.assigned_people(), {"MP0003"})

    def test_a_course_retired_after_publication_assigns_nobody_new(self) -> None:
        with self.captureOnCommitCallbacks(execute=False):
            job = assignments.do_publish_assignment_rules(
                source_type="cbp", source_id=1, rules=[self.spec()], acting_user=None
            )
        assert job is not None
        Course.objects.filter(pk=self.course.pk).update(is_retired=True)
        done = assignments.run_assignment_job(job.pk)
        self.assertEqual((done.status, done.people_assigned), (AssignmentJob.Status.DONE, 0))
        self.assertFalse(Enrolment.objects.exists())
