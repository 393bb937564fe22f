"""Attendance by roster and by the session's rotating QR code; forged, expired and misused codes write nothing."""

from __future__ import annotations

import datetime
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from kshamta.core.models import AuditEvent
from kshamta.programmes import actions, qr
from kshamta.programmes.actions import CheckInRefused, ProgrammeError
from kshamta.programmes.models import Attendance
from kshamta.programmes.tests.helpers import ProgrammeTestCase


class RosterTests(ProgrammeTestCase):
    def test_the_roster_sets_exactly_who_was_present(self) -> None:
        session = self.add_session(self.batch)
        people = self.patwaris(3)
        for person in people:
            self.seat(person)
        change = actions.do_set_attendance(session, [people[0].pk, people[1].pk], acting_user=self.coordinator)
        self.assertEqual(change.added, sorted([people[0].pk, people[1].pk]))
        change = actions.do_set_attendance(session, [people[1].pk, people[2].pk], acting_user=self.coordinator)
        self.assertEqual((change.added, change.removed), ([people[2].pk], [people[0].pk]))
        self.assertEqual(
            set(Attendance.objects.filter(session=session).values_list("user_id", flat=True)),
            {people[1].pk, people[2].pk},
        )
        self.assertEqual(AuditEvent.objects.filter(action="attendance.roster", target_id=str(session.pk)).count(), 2)

    def test_marking_someone_not_in_the_batch_is_refused_and_saves_nothing(self) -> None:
        session = self.add_session(self.batch)
        holder = self.patwaris(1)[0]
        self.seat(holder)
        waiting = actions.do_request_seat(self.batch, user=self.learner_a)  # nominated but no seat yet
        for strangers in ([self.learner_b.pk], [waiting.user_id]):
            with self.assertRaisesMessage(ProgrammeError, "Not in this batch (no confirmed seat)"):
                actions.do_set_attendance(session, [holder.pk, *strangers], acting_user=self.coordinator)
        self.assertFalse(Attendance.objects.exists())

    def test_only_the_programmes_managers_mark_the_roster(self) -> None:
        session = self.add_session(self.batch)
        with self.assertRaisesMessage(ProgrammeError, "You cannot change this programme."):
            actions.do_set_attendance(session, [], acting_user=self.nodal_a)


class TokenTests(ProgrammeTestCase):
    def setUp(self) -> None:
        self.session = self.add_session(self.batch, 0, 10, 13)
        self.during = self.session.starts_at + datetime.timedelta(minutes=30)

    def test_a_token_is_valid_in_its_window_and_the_next_only(self) -> None:
        token = qr.current_token(self.session, self.during)
        self.assertEqual(qr.check_token(self.session, token, self.during), qr.TokenCheck.VALID)
        step = datetime.timedelta(seconds=qr.WINDOW_SECONDS)
        self.assertEqual(qr.check_token(self.session, token, self.during + step), qr.TokenCheck.VALID)
        self.assertEqual(qr.check_token(self.session, token, self.during + 2 * step), qr.TokenCheck.EXPIRED)
        self.assertEqual(qr.check_token(self.session, token, self.during + 40 * step), qr.TokenCheck.EXPIRED)

    def test_forged_and_foreign_tokens_are_invalid(self) -> None:
        other = self.add_session(self.batch, 1)
        foreign = qr.current_token(other, self.during)
        for token in ("0" * qr.TOKEN_LENGTH, foreign, "short", qr.current_token(self.session, self.during)[:-1] + "x"):
            self.assertEqual(qr.check_token(self.session, token, self.during), qr.TokenCheck.INVALID, token)

    def test_outside_the_session_window_even_a_current_token_fails(self) -> None:
        before = self.session.starts_at - qr.MARGIN - datetime.timedelta(minutes=1)
        after = self.session.ends_at + qr.MARGIN + datetime.timedelta(minutes=1)
        for moment in (before, after):
            token = qr.current_token(self.session, moment)
            self.assertEqual(qr.check_token(self.session, token, moment), qr.TokenCheck.OUTSIDE_SESSION)
        edge = self.session.starts_at - qr.MARGIN + datetime.timedelta(seconds=1)
        self.assertEqual(qr.check_token(self.session, qr.current_token(self.session, edge), edge), qr.TokenCheck.VALID)


class CheckInTests(ProgrammeTestCase):
    def setUp(self) -> None:
        self.session = self.add_session(self.batch, 0, 10, 13)
        self.during = self.session.starts_at + datetime.timedelta(minutes=30)
        self.nomination = self.seat(self.learner_a)

    def check_in(self, user: object, token: str, now: datetime.datetime) -> Attendance:
        return actions.do_check_in(self.session, token, user=user, now=now)

    def assert_refused(self, code: str, message: str, user: object, token: str, now: datetime.datetime) -> None:
        with self.assertRaises(CheckInRefused) as caught:
            self.check_in(user, token, now)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(str(caught.exception), message)
        self.assertFalse(Attendance.objects.exists())

    def test_a_seat_holder_checks_in_once(self) -> None:
        token = qr.current_token(self.session, self.during)
        attendance = self.check_in(self.learner_a, token, self.during)
        self.assertEqual((attendance.user_id, attendance.method), (self.learner_a.pk, Attendance.Method.QR))
        again = self.check_in(self.learner_a, token, self.during + datetime.timedelta(seconds=5))
        self.assertEqual(again.pk, attendance.pk)
        self.assertEqual(Attendance.objects.count(), 1)

    def test_expired_forged_outside_and_not_in_batch_are_refused_and_write_nothing(self) -> None:
        old = qr.current_token(self.session, self.during - datetime.timedelta(minutes=5))
        self.assert_refused(
            "expired",
            "This check-in code has expired. Scan the code on the screen in the room again.",
            self.learner_a,
            old,
            self.during,
        )
        self.assert_refused(
            "invalid", "This is not a valid check-in code for this session.", self.learner_a, "f" * 20, self.during
        )
        late = self.session.ends_at + datetime.timedelta(hours=2)
        self.assert_refused(
            "outside_session",
            "Check-in is open only while the session runs.",
            self.learner_a,
            qr.current_token(self.session, late),
            late,
        )
        self.assert_refused(
            "not_in_batch",
            "You do not have a confirmed seat in this batch.",
            self.learner_b,
            qr.current_token(self.session, self.during),
            self.during,
        )

    def test_a_code_seen_before_signing_in_still_works_after_signing_in_but_not_after_the_session(self) -> None:
        token = qr.current_token(self.session, self.during)
        later = self.during + datetime.timedelta(minutes=4)
        with self.assertRaises(CheckInRefused):
            self.check_in(self.learner_a, token, later)
        attendance = actions.do_check_in(self.session, token, user=self.learner_a, now=later, token_seen_at=self.during)
        self.assertEqual(attendance.user_id, self.learner_a.pk)


class CheckInPageTests(ProgrammeTestCase):
    def setUp(self) -> None:
        self.session = self.add_session(self.batch, 0, 10, 13)
        self.during = self.session.starts_at + datetime.timedelta(minutes=30)
        self.seat(self.learner_a)

    def url(self, token: str) -> str:
        return reverse("programmes:checkin", args=[self.session.pk, token])

    def test_scanning_while_signed_in_marks_present(self) -> None:
        self.client.force_login(self.learner_a)
        with mock.patch("django.utils.timezone.now", return_value=self.during):
            response = self.client.get(self.url(qr.current_token(self.session, self.during)))
        self.assertContains(response, "You are marked present")
        self.assertTrue(Attendance.objects.filter(user=self.learner_a, method="qr").exists())

    def test_anonymous_scan_goes_to_sign_in_and_the_code_still_counts_afterwards(self) -> None:
        token = qr.current_token(self.session, self.during)
        with mock.patch("django.utils.timezone.now", return_value=self.during):
            response = self.client.get(self.url(token))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
        self.assertFalse(Attendance.objects.exists())
        self.client.force_login(self.learner_a)  # keeps the session's data, as signing in does
        three_minutes_later = self.during + datetime.timedelta(minutes=3)
        with mock.patch("django.utils.timezone.now", return_value=three_minutes_later):
            response = self.client.get(self.url(token))
        self.assertContains(response, "You are marked present")

    def test_a_forwarded_photo_fails_and_nothing_is_written(self) -> None:
        token = qr.current_token(self.session, self.during)
        self.client.force_login(self.learner_a)
        with mock.patch("django.utils.timezone.now", return_value=self.during + datetime.timedelta(minutes=3)):
            response = self.client.get(self.url(token))
        self.assertContains(response, "This check-in code has expired.", status_code=400)
        self.assertFalse(Attendance.objects.exists())

    def test_someone_without_a_seat_is_told_so(self) -> None:
        self.client.force_login(self.learner_b)
        with mock.patch("django.utils.timezone.now", return_value=self.during):
            response = self.client.get(self.url(qr.current_token(self.session, self.during)))
        self.assertContains(response, "You do not have a confirmed seat in this batch.", status_code=403)
        self.assertFalse(Attendance.objects.exists())

    def test_unknown_session_is_404(self) -> None:
        self.client.force_login(self.learner_a)
        self.assertEqual(self.client.get(reverse("programmes:checkin", args=[999999, "x" * 20])).status_code, 404)

    def test_the_qr_screen_shows_a_code_of_the_check_in_address(self) -> None:
        self.client.force_login(self.coordinator)
        with mock.patch("django.utils.timezone.now", return_value=self.during):
            response = self.client.get(reverse("programmes:qr", args=[self.session.pk]))
        url = "http://testserver" + self.url(qr.current_token(self.session, self.during))
        self.assertContains(response, f'data-checkin-url="{url}"')
        # The SVG on the page is exactly the QR code of that address.
        expected = qr.qr_svg(url, title=f"Check-in code for {self.session.title}")
        self.assertIn(expected, response.content.decode())
        self.assertContains(response, 'hx-get="' + reverse("programmes:qr_code", args=[self.session.pk]) + '"')
        self.assertContains(response, "Present: 0 of 1")

    def test_the_qr_screen_outside_the_session_shows_no_code(self) -> None:
        self.client.force_login(self.coordinator)
        with mock.patch("django.utils.timezone.now", return_value=timezone.now()):
            response = self.client.get(reverse("programmes:qr_code", args=[self.session.pk]))
        self.assertNotContains(response, "data-checkin-url")
        self.assertContains(response, "Check-in opens 15 minutes before the session starts")

    def test_the_qr_screen_and_roster_deny_everyone_but_the_managers(self) -> None:
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.client.force_login(user)
            for name in ("qr", "qr_code", "roster"):
                self.assertEqual(
                    self.client.get(reverse(f"programmes:{name}", args=[self.session.pk])).status_code, 404
                )
        self.client.logout()
        response = self.client.get(reverse("programmes:qr", args=[self.session.pk]))
        self.assertEqual(response.status_code, 302)

    def test_the_roster_page_saves_ticks_and_refuses_strangers(self) -> None:
        self.client.force_login(self.coordinator)
        roster = reverse("programmes:roster", args=[self.session.pk])
        page = self.client.get(roster)
        self.assertContains(page, f'name="present" value="{self.learner_a.pk}"')
        response = self.client.post(roster, {"present": [self.learner_a.pk, self.learner_b.pk]})
        self.assertContains(response, "Not in this batch (no confirmed seat): MP0004", status_code=400)
        self.assertFalse(Attendance.objects.exists())
        response = self.client.post(roster, {"present": [self.learner_a.pk]})
        self.assertRedirects(response, roster)
        self.assertTrue(Attendance.objects.filter(user=self.learner_a, method="roster").exists())
