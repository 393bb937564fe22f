"""People who join, move, change designation or retire: their assignments follow them."""

from __future__ import annotations

from kshamta.accounts import actions as account_actions
from kshamta.learning import actions, assignments
from kshamta.learning.models import Assignment, Enrolment, ResourceProgress
from kshamta.learning.tests.assignment_helpers import DUE, AssignmentTestCase
from kshamta.learning.tests.helpers import update
from kshamta.onboarding.actions import do_confirm_import_job
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class PeopleWhoMoveTests(AssignmentTestCase):
    def setUp(self) -> None:
        super().setUp()
        # Patwaris of Revenue take RTI-101; everyone in Health takes POSH-1.
        self.publish(self.spec())
        self.publish(
            self.spec(self.posh, org=self.dept_b, designation=None), source_type="mandatory", source_id=self.dept_b.pk
        )

    def test_a_new_joiner_is_assigned_when_the_person_is_created(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            newcomer = self.make_person("MP2001", self.district_a, self.patwari)
        enrolment = self.enrolment(newcomer)
        self.assertEqual((enrolment.source, enrolment.due_on), (Enrolment.Source.ASSIGNED, DUE))
        self.assertEqual(self.assigned_people(), {"MP0003", "MP1001", "MP2001"})
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 3)

    def test_someone_joining_elsewhere_gets_nothing(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            newcomer = self.make_person("MP2002", self.district_a, self.tehsildar)
        self.assertFalse(Enrolment.objects.filter(user=newcomer).exists())

    def test_transfer_out_closes_and_transfer_in_assigns(self) -> None:
        actions.do_record_progress(self.learner_a, [update(self.video, 60)])
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_transfer_person(
                self.profile_of(self.learner_a),
                to_org=self.district_b,
                designation=self.nurse,
                acting_user=self.nodal_a,
            )
        # Out of Revenue's Patwaris: RTI-101 is no longer assigned, but kept with its progress.
        rti = self.enrolment(self.learner_a)
        self.assertEqual((rti.status, rti.source, rti.due_on), ("active", "self", None))
        self.assertEqual(ResourceProgress.objects.get(enrolment=rti).percent, 60)
        self.assertIsNotNone(Assignment.objects.get(enrolment=rti).closed_at)
        # Into Health: everyone there takes POSH-1.
        posh = self.enrolment(self.learner_a, self.posh)
        self.assertEqual((posh.source, posh.due_on), (Enrolment.Source.ASSIGNED, DUE))
        self.assertEqual(self.assigned_people(), {"MP1001"})
        self.assertIn("MP0003", self.assigned_people(self.posh))

        # And back again: RTI-101 is assigned again (a new assignment), POSH-1 is closed.
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_transfer_person(
                self.profile_of(self.learner_a), to_org=self.district_a, designation=self.patwari, acting_user=None
            )
        self.assertEqual(self.enrolment(self.learner_a).source, Enrolment.Source.ASSIGNED)
        self.assertEqual(Assignment.objects.filter(enrolment=rti).count(), 2)
        self.assertEqual(self.enrolment(self.learner_a, self.posh).source, Enrolment.Source.SELF)
        self.course.refresh_from_db()
        self.assertEqual(self.course.enrolment_count, 2)

    def test_a_change_of_designation_moves_assignments(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_update_person(
                self.profile_of(self.tehsildar_b), designation=self.patwari, acting_user=self.nodal_a
            )
        self.assertIn("MP1003", self.assigned_people())
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_update_person(
                self.profile_of(self.learner_a), designation=self.tehsildar, acting_user=self.nodal_a
            )
        self.assertNotIn("MP0003", self.assigned_people())

    def test_retirement_closes_and_other_changes_do_not_sync(self) -> None:
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            account_actions.do_update_person(self.profile_of(self.learner_a), name_en="Sita D.", acting_user=None)
        self.assertEqual(callbacks, [])
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_update_person(self.profile_of(self.learner_a), status="retired", acting_user=None)
        self.assertNotIn("MP0003", self.assigned_people())
        self.assertEqual(self.enrolment(self.learner_a).source, Enrolment.Source.SELF)

    def test_a_completed_course_stays_completed_when_its_assignment_closes(self) -> None:
        self.complete_everything(self.learner_a)
        before = self.enrolment(self.learner_a)
        self.assertEqual((before.status, before.source), ("completed", "assigned"))
        outcome = assignments.sync_person_assignments(self.learner_a.pk)
        self.assertEqual(outcome.assigned, 0)
        with self.captureOnCommitCallbacks(execute=True):
            account_actions.do_update_person(self.profile_of(self.learner_a), status="suspended", acting_user=None)
        after = self.enrolment(self.learner_a)
        self.assertEqual((after.status, after.source, after.due_on), ("completed", "assigned", DUE))
        self.assertIsNotNone(Assignment.objects.get(enrolment=after).closed_at)

    def test_sync_is_idempotent_and_covers_many_people(self) -> None:
        everyone = [self.learner_a.pk, self.patwari_2.pk, self.learner_b.pk, self.nurse_2.pk, self.outsider.pk]
        first = assignments.sync_people_assignments(everyone)
        self.assertEqual((first.assigned, first.closed), (0, 0))
        Assignment.objects.filter(user=self.nurse_2).delete()
        Enrolment.objects.filter(user=self.nurse_2).delete()
        second = assignments.sync_people_assignments(everyone, chunk_size=2)
        self.assertEqual((second.assigned, second.created), (1, 1))
        self.assertIn("MP1004", self.assigned_people(self.posh))

    def test_a_withdrawn_rule_is_closed_by_a_sync_too(self) -> None:
        # The rule is withdrawn but its job has not run yet: a person's sync closes their part.
        with self.captureOnCommitCallbacks(execute=False):
            assignments.do_publish_assignment_rules(source_type="cbp", source_id=1, rules=[], acting_user=None)
        outcome = assignments.sync_person_assignments(self.learner_a.pk)
        self.assertEqual(outcome.closed, 1)
        self.assertEqual(self.assigned_people(), {"MP1001"})

    def test_a_person_without_a_profile_has_nothing_to_sync(self) -> None:
        self.assertEqual(assignments.sync_person_assignments(10**9).assigned, 0)


class ImportedPeopleTests(AssignmentTestCase, ImportTestCase):
    def test_an_import_assigns_new_and_moved_people_in_one_background_sync_per_chunk(self) -> None:
        self.publish(self.spec())
        rows = [
            person("MP3001"),  # a new Patwari at Collectorate Bhopal
            person("MP3002", designation="TEHSILDAR"),
            # Sita Devi becomes a Tehsildar: RTI-101 is no longer assigned to her.
            person(
                "MP0003",
                name_en="Sita Devi",
                email="sita.devi@mp.gov.in",
                mobile="9000000003",
                designation="TEHSILDAR",
            ),
        ]
        job = self.start(csv_text(rows))
        self.assertEqual(job.status, ImportJob.Status.VALIDATED, job.message_en)
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            do_confirm_import_job(job, self.nodal_a)
        job.refresh_from_db()
        self.assertEqual((job.status, job.created, job.updated), (ImportJob.Status.DONE, 2, 1))
        self.assertEqual(self.assigned_people(), {"MP1001", "MP3001"})
        # One apply task, then one sync for the chunk (not one per person).
        self.assertEqual(len(callbacks), 2)
