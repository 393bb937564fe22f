"""Nominating, approving (in one step or two), rejecting, withdrawing; scope and eligibility."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import override

from kshamta.core.models import AuditEvent
from kshamta.programmes import access, actions
from kshamta.programmes.actions import ProgrammeError
from kshamta.programmes.models import Nomination, Programme
from kshamta.programmes.tests.helpers import ProgrammeTestCase, make_person


class NodalNominationTests(ProgrammeTestCase):
    def test_nodal_officer_nominates_someone_of_their_subtree_and_one_step_gives_the_seat(self) -> None:
        [outcome] = actions.do_nominate(self.batch, [self.learner_a], acting_user=self.nodal_a)
        self.assertTrue(outcome.ok, outcome.error)
        nomination = outcome.nomination
        assert nomination is not None
        self.assertEqual(nomination.status, Nomination.Status.APPROVED)
        self.assertEqual(nomination.nominated_by, self.nodal_a)
        self.assertEqual(nomination.source, Nomination.Source.NOMINATED)
        self.assertTrue(
            AuditEvent.objects.filter(action="nomination.create", target_id=str(nomination.pk), actor=self.nodal_a)
        )
        self.assertTrue(AuditEvent.objects.filter(action="nomination.seat", target_id=str(nomination.pk)))

    def test_nominating_someone_outside_ones_subtree_is_refused_with_a_clear_reason(self) -> None:
        batch = self.make_batch("B-ANY", orgs=[], designations=[])  # open to everyone
        [outcome] = actions.do_nominate(batch, [self.learner_b], acting_user=self.nodal_a)
        self.assertFalse(outcome.ok)
        self.assertEqual(outcome.error, "MP0004 works outside the organisations you are the nodal officer for.")
        self.assertFalse(Nomination.objects.filter(user=self.learner_b).exists())

    def test_the_refusal_is_translated_into_the_acting_persons_language(self) -> None:
        batch = self.make_batch("B-ANY2", orgs=[], designations=[])
        with override("hi"):
            [outcome] = actions.do_nominate(batch, [self.learner_b], acting_user=self.nodal_a)
        self.assertFalse(outcome.ok)
        self.assertIn("MP0004", outcome.error)
        self.assertFalse(Nomination.objects.filter(user=self.learner_b).exists())

    def test_the_outsider_cannot_reach_the_batch_at_all(self) -> None:
        with self.assertRaises(Http404):
            access.access_batch_for_nominator(self.outsider, self.batch.pk)
        with self.assertRaises(Http404):
            access.access_batch_for_nominator(self.learner_a, self.batch.pk)

    def test_bulk_nomination_by_codes_reports_each_person(self) -> None:
        others = [make_person(f"PW90{i}", self.district_a, self.patwari) for i in range(3)]
        codes = [*(p.profile.employee_code for p in others), "NO-SUCH", self.learner_b.profile.employee_code]
        outcomes = actions.do_nominate_codes(self.batch, codes, acting_user=self.nodal_a)
        self.assertEqual([o.code for o in outcomes], codes)
        self.assertEqual([o.ok for o in outcomes], [True, True, True, False, False])
        self.assertEqual(outcomes[3].error, "No one has the employee code NO-SUCH.")
        self.assertIn("MP0004", outcomes[4].error)
        self.assertEqual(Nomination.objects.filter(batch=self.batch).count(), 3)

    def test_parse_codes_accepts_commas_spaces_and_lines_once_each(self) -> None:
        self.assertEqual(actions.parse_codes("A1, B2;C3\nA1\tD4  E5"), ["A1", "B2", "C3", "D4", "E5"])

    def test_eligibility_is_enforced(self) -> None:
        tehsildar = make_person("TH001", self.district_a, self.tehsildar)  # not a Patwari
        [outcome] = actions.do_nominate(self.batch, [tehsildar], acting_user=self.nodal_a)
        self.assertEqual(outcome.error, "TH001 does not hold a designation this batch is for.")
        batch_c = self.make_batch("B-C", orgs=[], designations=[])
        actions.do_update_batch(batch_c, eligible_groups=["A"], acting_user=self.coordinator)
        [outcome] = actions.do_nominate(batch_c, [self.learner_a], acting_user=self.nodal_a)
        self.assertEqual(outcome.error, "MP0003 is not in a service group this batch is for.")

    def test_a_person_is_nominated_once_per_programme(self) -> None:
        self.seat(self.learner_a)
        [again] = actions.do_nominate(self.batch, [self.learner_a], acting_user=self.nodal_a)
        self.assertIn("already nominated to this batch", again.error)
        other = self.make_batch("B2", start_in_days=30)
        [elsewhere] = actions.do_nominate(other, [self.learner_a], acting_user=self.nodal_a)
        self.assertEqual(elsewhere.error, "MP0003 is already nominated to batch B1 of this programme.")

    def test_a_seat_in_an_overlapping_batch_of_another_programme_is_refused(self) -> None:
        self.seat(self.learner_a)
        other = actions.do_create_programme(
            code="RTI-WS", title_en="RTI workshop", org=self.ati, acting_user=self.coordinator
        )
        clashing = self.make_batch("W1", programme=other, start_in_days=9)
        [outcome] = actions.do_nominate(clashing, [self.learner_a], acting_user=self.nodal_a)
        self.assertEqual(outcome.error, "MP0003 already has a seat in PATWARI-IND/B1 on overlapping dates.")

    def test_closed_nominations_are_refused(self) -> None:
        actions.do_update_batch(
            self.batch,
            enrolment_ends_on=timezone.localdate() - datetime.timedelta(days=1),
            acting_user=self.coordinator,
        )
        with self.assertRaisesMessage(ProgrammeError, "This batch no longer takes nominations."):
            actions.do_nominate(self.batch, [self.learner_a], acting_user=self.nodal_a)
        with self.assertRaisesMessage(ProgrammeError, "This batch no longer takes nominations."):
            actions.do_request_seat(self.batch, user=self.learner_a)


class TwoStepApprovalTests(ProgrammeTestCase):
    def setUp(self) -> None:
        actions.do_update_programme(
            self.programme, approval_mode=Programme.ApprovalMode.TWO_STEPS, acting_user=self.coordinator
        )

    def test_self_request_goes_nodal_then_coordinator(self) -> None:
        nomination = actions.do_request_seat(self.batch, user=self.learner_a)
        self.assertEqual((nomination.status, nomination.source), (Nomination.Status.REQUESTED, Nomination.Source.SELF))
        with self.assertRaisesMessage(ProgrammeError, "The person's nodal officer approves first."):
            actions.do_approve_nomination(nomination, acting_user=self.coordinator)
        nomination = actions.do_approve_nomination(nomination, acting_user=self.nodal_a)
        self.assertEqual(nomination.status, Nomination.Status.NODAL_APPROVED)
        self.assertEqual(nomination.nodal_approved_by, self.nodal_a)
        with self.assertRaisesMessage(ProgrammeError, "The programme's coordinator approves this step."):
            actions.do_approve_nomination(nomination, acting_user=self.nodal_a)
        nomination = actions.do_approve_nomination(nomination, acting_user=self.coordinator)
        self.assertEqual(nomination.status, Nomination.Status.APPROVED)
        self.assertEqual(nomination.decided_by, self.coordinator)

    def test_a_nodal_officers_nomination_waits_for_the_coordinator(self) -> None:
        [outcome] = actions.do_nominate(self.batch, [self.learner_a], acting_user=self.nodal_a)
        assert outcome.nomination is not None
        self.assertEqual(outcome.nomination.status, Nomination.Status.NODAL_APPROVED)
        queue = access.approval_queue(self.coordinator)
        self.assertEqual(list(queue), [outcome.nomination])
        self.assertEqual(list(access.approval_queue(self.nodal_a)), [])
        self.assertEqual(list(access.approval_queue(self.outsider)), [])

    def test_the_outsider_cannot_decide(self) -> None:
        nomination = actions.do_request_seat(self.batch, user=self.learner_a)
        with self.assertRaises(Http404):
            access.access_nomination_for_decision(self.outsider, nomination.pk)
        with self.assertRaisesMessage(ProgrammeError, "You cannot decide on this nomination."):
            actions.do_approve_nomination(nomination, acting_user=self.outsider)
        nomination.refresh_from_db()
        self.assertEqual(nomination.status, Nomination.Status.REQUESTED)


class RejectAndWithdrawTests(ProgrammeTestCase):
    def test_rejection_needs_a_reason(self) -> None:
        nomination = actions.do_request_seat(self.batch, user=self.learner_a)
        for blank in ("", "   \n"):
            with self.assertRaisesMessage(ProgrammeError, "Give the reason for the rejection."):
                actions.do_reject_nomination(nomination, reason=blank, acting_user=self.nodal_a)
        nomination.refresh_from_db()
        self.assertEqual(nomination.status, Nomination.Status.REQUESTED)
        nomination = actions.do_reject_nomination(
            nomination, reason="Posted to election duty", acting_user=self.nodal_a
        )
        self.assertEqual(
            (nomination.status, nomination.reason), (Nomination.Status.REJECTED, "Posted to election duty")
        )

    def test_a_rejected_person_can_be_nominated_again(self) -> None:
        nomination = actions.do_request_seat(self.batch, user=self.learner_a)
        actions.do_reject_nomination(nomination, reason="Wrong batch", acting_user=self.nodal_a)
        [outcome] = actions.do_nominate(self.batch, [self.learner_a], acting_user=self.nodal_a)
        assert outcome.nomination is not None
        self.assertEqual(outcome.nomination.pk, nomination.pk)
        self.assertEqual((outcome.nomination.status, outcome.nomination.reason), (Nomination.Status.APPROVED, ""))

    def test_withdrawing_a_seat_promotes_the_first_waitlisted(self) -> None:
        batch = self.make_batch("SMALL", seats=2, start_in_days=40)
        people = self.patwaris(4)
        outcomes = actions.do_nominate(batch, people, acting_user=self.coordinator)
        statuses = [(o.nomination.status, o.nomination.waitlist_position) for o in outcomes if o.nomination]
        self.assertEqual(
            statuses,
            [("approved", None), ("approved", None), ("waitlisted", 1), ("waitlisted", 2)],
        )
        first = outcomes[0].nomination
        assert first is not None
        actions.do_withdraw_nomination(first, acting_user=people[0], reason="Transferred")
        rows = {n.user_id: (n.status, n.waitlist_position) for n in Nomination.objects.filter(batch=batch)}
        self.assertEqual(rows[people[0].pk], ("withdrawn", None))
        self.assertEqual(rows[people[2].pk], ("approved", None))
        self.assertEqual(rows[people[3].pk], ("waitlisted", 2))
        self.assertEqual(Nomination.objects.filter(batch=batch, status="approved").count(), 2)

    def test_someone_else_cannot_withdraw_a_persons_nomination(self) -> None:
        nomination = self.seat(self.learner_a)
        with self.assertRaises(Http404):
            access.access_nomination_for_withdrawal(self.learner_b, nomination.pk)
        with self.assertRaisesMessage(ProgrammeError, "You cannot decide on this nomination."):
            actions.do_withdraw_nomination(nomination, acting_user=self.outsider)

    def test_more_seats_promote_the_waitlist(self) -> None:
        batch = self.make_batch("GROW", seats=1, start_in_days=50)
        people = self.patwaris(3, prefix="GR")
        actions.do_nominate(batch, people, acting_user=self.coordinator)
        actions.do_update_batch(batch, seat_limit=2, acting_user=self.coordinator)
        self.assertEqual(Nomination.objects.filter(batch=batch, status="approved").count(), 2)
        with self.assertRaisesMessage(ProgrammeError, "2 seats are already taken: the batch cannot have fewer."):
            actions.do_update_batch(batch, seat_limit=1, acting_user=self.coordinator)
