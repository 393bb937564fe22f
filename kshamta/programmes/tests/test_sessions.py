"""Sessions of a batch: times, venue or VC link, and no overlaps within a batch."""

from __future__ import annotations

import datetime

from kshamta.core.models import AuditEvent
from kshamta.programmes import actions
from kshamta.programmes.actions import ProgrammeError
from kshamta.programmes.models import Attendance, Session
from kshamta.programmes.tests.helpers import ProgrammeTestCase


class SessionTests(ProgrammeTestCase):
    def test_a_session_with_a_venue_and_one_by_video_conference(self) -> None:
        room = self.add_session(self.batch, 0, 10, 13)
        vc = self.add_session(
            self.batch, 0, 14, 16, venue_name="", venue_address="", vc_link="https://vc.mp.gov.in/r/42"
        )
        self.assertFalse(room.is_online)
        self.assertTrue(vc.is_online)
        self.assertEqual(list(self.batch.sessions.all()), [room, vc])
        self.assertTrue(AuditEvent.objects.filter(action="session.create", target_id=str(vc.pk)).exists())

    def test_overlapping_sessions_of_one_batch_are_refused(self) -> None:
        self.add_session(self.batch, 0, 10, 13, title_en="Land records")
        for start, end in ((12, 14), (9, 11), (10, 13), (11, 12), (9, 14)):
            with self.assertRaisesMessage(ProgrammeError, "This session overlaps the session “Land records”"):
                self.add_session(self.batch, 0, start, end)
        self.assertEqual(Session.objects.filter(batch=self.batch).count(), 1)
        # Back to back is fine, and so is the same hour in another batch.
        self.add_session(self.batch, 0, 13, 14)
        other = self.make_batch("B2")
        self.add_session(other, 0, 10, 13)

    def test_moving_a_session_onto_another_is_refused(self) -> None:
        self.add_session(self.batch, 0, 10, 13)
        later = self.add_session(self.batch, 1, 10, 13)
        day = self.batch.starts_on
        with self.assertRaises(ProgrammeError):
            actions.do_update_session(
                later, starts_at=self.at(day, 12), ends_at=self.at(day, 15), acting_user=self.coordinator
            )
        later.refresh_from_db()
        self.assertEqual(later.starts_at.date(), day + datetime.timedelta(days=1))
        actions.do_update_session(
            later, starts_at=self.at(day, 14), ends_at=self.at(day, 15), acting_user=self.coordinator
        )

    def test_bad_times_and_places_are_refused(self) -> None:
        with self.assertRaisesMessage(ProgrammeError, "A session must end after it starts."):
            self.add_session(self.batch, 0, 13, 10)
        with self.assertRaisesMessage(ProgrammeError, "Give a venue or a video-conference link."):
            self.add_session(self.batch, 0, venue_name="", vc_link="")
        with self.assertRaisesMessage(ProgrammeError, "The session must fall within the batch's dates"):
            self.add_session(self.batch, 10)
        with self.assertRaisesMessage(ProgrammeError, "You cannot change this programme."):
            actions.do_add_session(
                self.batch,
                title_en="Intruder",
                starts_at=self.at(self.batch.starts_on, 9),
                ends_at=self.at(self.batch.starts_on, 10),
                venue_name="Somewhere",
                acting_user=self.nodal_a,
            )
        self.assertFalse(Session.objects.exists())

    def test_a_session_with_attendance_cannot_be_deleted(self) -> None:
        session = self.add_session(self.batch)
        nomination = self.seat(self.learner_a)
        actions.do_set_attendance(session, [nomination.user_id], acting_user=self.coordinator)
        with self.assertRaises(ProgrammeError):
            actions.do_delete_session(session, acting_user=self.coordinator)
        actions.do_set_attendance(session, [], acting_user=self.coordinator)
        self.assertFalse(Attendance.objects.exists())
        actions.do_delete_session(session, acting_user=self.coordinator)
        self.assertFalse(Session.objects.exists())

    def test_batch_dates_are_checked(self) -> None:
        with self.assertRaisesMessage(ProgrammeError, "A batch cannot end before it starts."):
            actions.do_create_batch(
                self.programme,
                code="BAD",
                seat_limit=5,
                starts_on=self.batch.starts_on,
                ends_on=self.batch.starts_on - datetime.timedelta(days=1),
                enrolment_ends_on=self.batch.starts_on,
                acting_user=self.coordinator,
            )
        with self.assertRaisesMessage(ProgrammeError, "A batch needs at least one seat."):
            actions.do_create_batch(
                self.programme,
                code="BAD",
                seat_limit=0,
                starts_on=self.batch.starts_on,
                ends_on=self.batch.ends_on,
                enrolment_ends_on=self.batch.starts_on,
                acting_user=self.coordinator,
            )
        with self.assertRaisesMessage(ProgrammeError, "This programme already has a batch B1."):
            self.make_batch("b1")
