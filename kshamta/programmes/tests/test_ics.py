"""The .ics export of a person's sessions: valid RFC 5545 written by hand."""

from __future__ import annotations

import datetime

from django.test import SimpleTestCase
from django.urls import reverse

from kshamta.programmes import ics
from kshamta.programmes.tests.helpers import ProgrammeTestCase

IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))


class ICalendarFormatTests(SimpleTestCase):
    def test_text_is_escaped(self) -> None:
        self.assertEqual(ics.escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
        self.assertEqual(ics.escape_text("one\r\ntwo"), "one\\ntwo")

    def test_times_are_utc(self) -> None:
        self.assertEqual(ics.utc(datetime.datetime(2026, 8, 3, 10, 0, tzinfo=IST)), "20260803T043000Z")

    def test_long_lines_fold_at_75_octets_without_splitting_a_character(self) -> None:
        line = "SUMMARY:" + "नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण " * 4
        folded = ics.fold(line)
        parts = folded.split("\r\n")
        self.assertGreater(len(parts), 1)
        for i, part in enumerate(parts):
            self.assertLessEqual(len(part.encode("utf-8")), 75)
            if i:
                self.assertTrue(part.startswith(" "))
        self.assertEqual("".join(p[1:] if i else p for i, p in enumerate(parts)), line)

    def test_a_calendar_has_the_required_properties_and_crlf_everywhere(self) -> None:
        event = ics.Event(
            uid="session-1@example.org",
            starts_at=datetime.datetime(2026, 8, 3, 10, tzinfo=IST),
            ends_at=datetime.datetime(2026, 8, 3, 13, tzinfo=IST),
            summary="Land records, day 1",
            location="Hall 2; Bhopal",
        )
        text = ics.calendar([event], name="Mine", stamp=datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC))
        self.assertTrue(text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        self.assertTrue(text.endswith("END:VCALENDAR\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""))
        needed = [
            "UID:session-1@example.org",
            "DTSTAMP:20260801T000000Z",
            "DTSTART:20260803T043000Z",
            "DTEND:20260803T073000Z",
            "SUMMARY:Land records\\, day 1",
            "LOCATION:Hall 2\\; Bhopal",
        ]
        for property_line in needed:
            self.assertIn(property_line + "\r\n", text)


class MySessionsExportTests(ProgrammeTestCase):
    def test_the_export_lists_the_sessions_of_batches_where_the_person_has_a_seat(self) -> None:
        self.add_session(self.batch, 0, 10, 13, title_en="Khasra, khatauni and B-1")
        self.add_session(self.batch, 1, 10, 11, venue_name="", venue_address="", vc_link="https://vc.mp.gov.in/r/1")
        other = self.make_batch("B2", start_in_days=30)  # learner_a has no seat in B2
        self.add_session(other, 0, 10, 13, title_en="Not mine")
        self.seat(self.learner_a)
        self.client.force_login(self.learner_a)
        response = self.client.get(reverse("programmes:my_sessions_ics"))
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        text = response.content.decode("utf-8")
        self.assertEqual(text.count("BEGIN:VEVENT"), 2)
        self.assertIn("SUMMARY:Khasra\\, khatauni and B-1\r\n", text)
        self.assertIn("URL:https://vc.mp.gov.in/r/1\r\n", text)
        self.assertIn("LOCATION:Hall 2\\, RCVP Noronha Academy\\, Shyamla Hills\\, Bhopal\r\n", text)
        self.assertNotIn("Not mine", text)

    def test_someone_else_gets_an_empty_calendar_and_anonymous_is_sent_to_sign_in(self) -> None:
        self.add_session(self.batch)
        self.seat(self.learner_a)
        self.client.force_login(self.outsider)
        text = self.client.get(reverse("programmes:my_sessions_ics")).content.decode()
        self.assertNotIn("BEGIN:VEVENT", text)
        self.client.logout()
        self.assertEqual(self.client.get(reverse("programmes:my_sessions_ics")).status_code, 302)
