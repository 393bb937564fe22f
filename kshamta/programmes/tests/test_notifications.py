"""Queued, bilingual messages: selected, waitlisted, rejected, and the reminder the day before (sent once)."""

from __future__ import annotations

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.notifications.models import Message
from kshamta.programmes import actions
from kshamta.programmes.models import SessionReminder
from kshamta.programmes.tests.helpers import ProgrammeTestCase


class DecisionMessageTests(ProgrammeTestCase):
    def messages_to(self, user: User, kind: str) -> list[Message]:
        return list(Message.objects.filter(to=user.email, kind=kind))

    def test_selected_waitlisted_and_rejected_are_queued_to_the_person(self) -> None:
        batch = self.make_batch("TWO", seats=1, start_in_days=20)
        first, second = self.patwaris(2)
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_nominate(batch, [first, second], acting_user=self.coordinator)
        [selected] = self.messages_to(first, "programme_selected")
        self.assertEqual(selected.subject, "Selected: Induction for newly appointed Patwaris")
        self.assertIn("you have a seat in batch TWO", selected.body)
        self.assertEqual(selected.status, Message.Status.SENT)
        [waitlisted] = self.messages_to(second, "programme_waitlisted")
        self.assertIn("You are on its waitlist", waitlisted.body)
        request = actions.do_request_seat(self.batch, user=self.learner_a)
        actions.do_reject_nomination(request, reason="Already trained last year", acting_user=self.nodal_a)
        [rejected] = self.messages_to(self.learner_a, "programme_rejected")
        self.assertIn("Reason: Already trained last year", rejected.body)

    def test_a_person_who_prefers_hindi_gets_the_programme_in_hindi(self) -> None:
        User.objects.filter(pk=self.learner_a.pk).update(preferred_language="hi")
        self.learner_a.refresh_from_db()
        self.seat(self.learner_a)
        [message] = self.messages_to(self.learner_a, "programme_selected")
        self.assertIn("नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण", message.subject)
        self.assertIn("सीता देवी", message.body)
        self.assertNotIn("Induction for newly appointed Patwaris", message.body)

    def test_promotion_from_the_waitlist_tells_the_person(self) -> None:
        batch = self.make_batch("ONE", seats=1, start_in_days=20)
        first, second = self.patwaris(2, prefix="PR")
        outcomes = actions.do_nominate(batch, [first, second], acting_user=self.coordinator)
        assert outcomes[0].nomination is not None
        actions.do_withdraw_nomination(outcomes[0].nomination, acting_user=first)
        self.assertEqual(len(self.messages_to(second, "programme_selected")), 1)


class ReminderTests(ProgrammeTestCase):
    def test_the_day_before_each_session_everyone_with_a_seat_is_reminded_once(self) -> None:
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        batch = self.make_batch("SOON", start_in_days=1, days=2)
        room = self.add_session(batch, 0, 10, 13, title_en="Mutation procedure")
        vc = self.add_session(
            batch,
            0,
            15,
            16,
            title_en="Q&A with the Commissioner",
            venue_name="",
            venue_address="",
            vc_link="https://vc.mp.gov.in/room/land-42",
        )
        self.add_session(batch, 1, 10, 12)  # the day after tomorrow: not yet
        holder, waiting = self.patwaris(2, prefix="RM")
        self.seat(holder, batch)
        actions.do_request_seat(batch, user=waiting)
        self.assertEqual(room.starts_at.date(), tomorrow)

        sent = actions.send_session_reminders()
        self.assertEqual(sent, 2)
        reminders = Message.objects.filter(kind="programme_session_reminder", to=holder.email).order_by("subject")
        self.assertEqual(
            [m.subject for m in reminders], ["Tomorrow: Mutation procedure", "Tomorrow: Q&A with the Commissioner"]
        )
        bodies = {m.subject: m.body for m in reminders}
        self.assertIn(
            "Venue: Hall 2, RCVP Noronha Academy, Shyamla Hills, Bhopal.", bodies["Tomorrow: Mutation procedure"]
        )
        self.assertIn(
            "Join by video conference: https://vc.mp.gov.in/room/land-42", bodies["Tomorrow: Q&A with the Commissioner"]
        )
        self.assertFalse(Message.objects.filter(kind="programme_session_reminder", to=waiting.email).exists())
        self.assertEqual(SessionReminder.objects.filter(session=vc).count(), 1)

        out = StringIO()
        call_command("send_session_reminders", stdout=out)
        self.assertIn("Queued 0 session reminders.", out.getvalue())
        self.assertEqual(Message.objects.filter(kind="programme_session_reminder").count(), 2)
