"""The programme pages: who sees what, the forms, bulk nomination, the approval queue, reports; flat query counts."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kshamta.programmes import actions
from kshamta.programmes.models import Batch, Nomination, Programme, Session
from kshamta.programmes.tests.helpers import ProgrammeTestCase


class DenialTests(ProgrammeTestCase):
    """Every page answers 404 to those it is not for, and sends the anonymous to sign in."""

    def setUp(self) -> None:
        self.session = self.add_session(self.batch)
        self.nomination = actions.do_request_seat(self.batch, user=self.learner_a)

    def manager_urls(self) -> list[str]:
        code, batch, session = self.programme.code, self.batch.pk, self.session.pk
        return [
            reverse("programmes:edit", args=[code]),
            reverse("programmes:batch_new", args=[code]),
            reverse("programmes:plan_new", args=[code]),
            reverse("programmes:programme_report", args=[code]),
            reverse("programmes:programme_report_xlsx", args=[code]),
            reverse("programmes:batch_edit", args=[batch]),
            reverse("programmes:session_new", args=[batch]),
            reverse("programmes:session_edit", args=[session]),
            reverse("programmes:roster", args=[session]),
            reverse("programmes:qr", args=[session]),
        ]

    def test_manager_pages_deny_the_outsider_the_nodal_officer_and_learners(self) -> None:
        for user in (self.outsider, self.nodal_a, self.learner_a, self.learner_b):
            self.client.force_login(user)
            for url in self.manager_urls():
                self.assertEqual(self.client.get(url).status_code, 404, (user, url))
        self.client.force_login(self.coordinator)
        for url in self.manager_urls():
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_the_outsider_cannot_see_the_programme_or_its_batch(self) -> None:
        self.client.force_login(self.outsider)
        urls = [
            reverse("programmes:detail", args=[self.programme.code]),
            reverse("programmes:batch", args=[self.batch.pk]),
            reverse("programmes:nominate", args=[self.batch.pk]),
            reverse("programmes:batch_report", args=[self.batch.pk]),
            reverse("programmes:batch_report_xlsx", args=[self.batch.pk]),
            reverse("programmes:reject", args=[self.nomination.pk]),
        ]
        for url in urls:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        for name in ("approve", "reject", "withdraw", "complete"):
            self.assertEqual(
                self.client.post(reverse(f"programmes:{name}", args=[self.nomination.pk])).status_code, 404
            )
        self.assertEqual(self.client.post(reverse("programmes:request_seat", args=[self.batch.pk])).status_code, 404)
        self.assertEqual(
            self.client.post(reverse("programmes:session_delete", args=[self.session.pk])).status_code, 404
        )
        self.assertNotContains(self.client.get(reverse("programmes:list")), self.programme.code)
        self.nomination.refresh_from_db()
        self.assertEqual(self.nomination.status, Nomination.Status.REQUESTED)
        self.assertTrue(Session.objects.filter(pk=self.session.pk).exists())

    def test_a_learner_has_no_approval_queue_and_cannot_create_programmes(self) -> None:
        self.client.force_login(self.learner_b)
        self.assertEqual(self.client.get(reverse("programmes:approvals")).status_code, 404)
        self.assertEqual(self.client.get(reverse("programmes:new")).status_code, 404)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        urls = [
            *self.manager_urls(),
            reverse("programmes:list"),
            reverse("programmes:mine"),
            reverse("programmes:approvals"),
            reverse("programmes:new"),
            reverse("programmes:detail", args=[self.programme.code]),
            reverse("programmes:batch", args=[self.batch.pk]),
            reverse("programmes:nominate", args=[self.batch.pk]),
        ]
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn(reverse("accounts:sign_in"), response["Location"])


class ProgrammeAndBatchFormTests(ProgrammeTestCase):
    def test_a_coordinator_creates_a_programme_a_batch_and_a_session(self) -> None:
        self.client.force_login(self.coordinator)
        response = self.client.post(
            reverse("programmes:new"),
            {
                "code": "rev-orient",
                "title_en": "Revenue orientation",
                "title_hi": "राजस्व अभिमुखीकरण",
                "org": "MP-ATI",
                "courses": "LAND-101",
                "attendance_threshold": 80,
                "approval_mode": "two_steps",
                "status": "open",
            },
        )
        self.assertRedirects(response, reverse("programmes:detail", args=["REV-ORIENT"]))
        programme = Programme.objects.get(code="REV-ORIENT")
        self.assertEqual(list(programme.courses.all()), [self.course])
        self.assertEqual(list(programme.coordinators.all()), [self.coordinator])
        response = self.client.post(
            reverse("programmes:batch_new", args=["REV-ORIENT"]),
            {
                "code": "b1",
                "seat_limit": 30,
                "starts_on": "03-08-2030",
                "ends_on": "2030-08-07",
                "enrolment_ends_on": "2030-07-31",
                "eligible_designations": "PATWARI, TEHSILDAR",
                "eligible_groups": ["B", "C"],
                "eligible_orgs": "MP-REV",
                "status": "open",
            },
        )
        batch = Batch.objects.get(programme=programme)
        self.assertRedirects(response, reverse("programmes:batch", args=[batch.pk]))
        self.assertEqual(batch.eligible_groups, "B,C")
        self.assertEqual({d.code for d in batch.eligible_designations.all()}, {"PATWARI", "TEHSILDAR"})
        response = self.client.post(
            reverse("programmes:session_new", args=[batch.pk]),
            {
                "title_en": "Opening",
                "starts_at": "2030-08-03T10:00",
                "ends_at": "2030-08-03T13:00",
                "vc_link": "https://vc.mp.gov.in/r/9",
            },
        )
        self.assertRedirects(response, reverse("programmes:batch", args=[batch.pk]))
        overlapping = self.client.post(
            reverse("programmes:session_new", args=[batch.pk]),
            {"title_en": "Clash", "starts_at": "2030-08-03T12:00", "ends_at": "2030-08-03T14:00", "venue_name": "Hall"},
        )
        self.assertContains(overlapping, "This session overlaps the session “Opening”", status_code=400)
        self.assertEqual(batch.sessions.count(), 1)

    def test_bad_programme_and_batch_input_is_refused(self) -> None:
        self.client.force_login(self.coordinator)
        response = self.client.post(
            reverse("programmes:new"),
            {
                "code": "X",
                "title_en": "X",
                "org": "MP-REV",
                "courses": "NO-SUCH",
                "attendance_threshold": 120,
                "approval_mode": "one_step",
                "status": "open",
            },
        )
        self.assertContains(
            response, "Give the code of an organisation you coordinate programmes for.", status_code=400
        )
        self.assertContains(response, "Unknown course codes: NO-SUCH", status_code=400)
        self.assertFalse(Programme.objects.filter(code="X").exists())
        response = self.client.post(
            reverse("programmes:batch_new", args=[self.programme.code]),
            {
                "code": "Z",
                "seat_limit": 5,
                "starts_on": "2030-08-07",
                "ends_on": "2030-08-03",
                "enrolment_ends_on": "2030-08-10",
                "eligible_orgs": "NOWHERE",
                "status": "open",
            },
        )
        self.assertContains(response, "A batch cannot end before it starts.", status_code=400)
        self.assertContains(response, "Unknown organisation codes: NOWHERE", status_code=400)


class NominationPageTests(ProgrammeTestCase):
    def test_bulk_nomination_by_ticks_codes_and_a_file(self) -> None:
        people = self.patwaris(4)
        self.client.force_login(self.nodal_a)
        url = reverse("programmes:nominate", args=[self.batch.pk])
        page = self.client.get(url)
        self.assertContains(page, "5 eligible people")
        self.assertNotContains(page, "MP0004")
        upload = SimpleUploadedFile("codes.csv", b"employee_code\r\nPW003\r\nNO-SUCH\r\n", content_type="text/csv")
        response = self.client.post(
            url,
            {"people": [people[0].pk, people[1].pk], "codes": "MP0003, MP0004", "file": upload},
        )
        self.assertEqual(response.status_code, 400)  # some could not be nominated
        self.assertContains(response, "4 people nominated.", status_code=400)
        self.assertContains(
            response, "MP0004 works outside the organisations you are the nodal officer for.", status_code=400
        )
        self.assertContains(response, "No one has the employee code NO-SUCH.", status_code=400)
        self.assertEqual(
            set(Nomination.objects.filter(batch=self.batch).values_list("user__profile__employee_code", flat=True)),
            {"PW001", "PW002", "PW003", "MP0003"},
        )

    def test_nothing_chosen_is_an_error(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(reverse("programmes:nominate", args=[self.batch.pk]), {"codes": " "})
        self.assertContains(response, "Tick people in the list, or give employee codes.", status_code=400)

    def test_the_approval_queue_approves_and_rejects_in_bulk(self) -> None:
        people = self.patwaris(3, prefix="AQ")
        requests = [actions.do_request_seat(self.batch, user=p) for p in people]
        self.client.force_login(self.nodal_a)
        url = reverse("programmes:approvals")
        with self.assertNumQueries(5):
            page = self.client.get(url)
        self.assertContains(page, "AQ001")
        response = self.client.post(url, {"nomination": [requests[0].pk, requests[1].pk], "decision": "approve"})
        self.assertRedirects(response, url)
        refused = self.client.post(url, {"nomination": [requests[2].pk], "decision": "reject", "reason": ""})
        self.assertContains(refused, "Give the reason for the rejection.", status_code=400)
        self.assertEqual(Nomination.objects.get(pk=requests[2].pk).status, "requested")
        self.client.post(url, {"nomination": [requests[2].pk], "decision": "reject", "reason": "Not relieved"})
        self.assertEqual(
            list(
                Nomination.objects.filter(pk__in=[r.pk for r in requests])
                .order_by("pk")
                .values_list("status", flat=True)
            ),
            ["approved", "approved", "rejected"],
        )
        self.client.force_login(self.outsider)
        self.assertNotContains(self.client.get(url), "AQ00")

    def test_the_queue_has_the_same_number_of_queries_for_more_rows(self) -> None:
        for person in self.patwaris(2, prefix="Q1"):
            actions.do_request_seat(self.batch, user=person)
        self.client.force_login(self.nodal_a)
        with self.assertNumQueries(5):
            self.client.get(reverse("programmes:approvals"))
        for person in self.patwaris(6, prefix="Q2"):
            actions.do_request_seat(self.batch, user=person)
        with self.assertNumQueries(5):
            self.client.get(reverse("programmes:approvals"))

    def test_a_learner_requests_a_seat_from_the_batch_page_and_withdraws(self) -> None:
        self.client.force_login(self.learner_a)
        page = self.client.get(reverse("programmes:batch", args=[self.batch.pk]))
        self.assertContains(page, "Request a seat")
        self.assertNotContains(page, "Nominate people")
        self.client.post(reverse("programmes:request_seat", args=[self.batch.pk]))
        nomination = Nomination.objects.get(user=self.learner_a)
        self.assertEqual(nomination.source, "self")
        self.client.post(reverse("programmes:withdraw", args=[nomination.pk]))
        self.assertEqual(Nomination.objects.get(pk=nomination.pk).status, "withdrawn")

    def test_the_reject_page_needs_a_reason(self) -> None:
        nomination = actions.do_request_seat(self.batch, user=self.learner_a)
        self.client.force_login(self.nodal_a)
        url = reverse("programmes:reject", args=[nomination.pk])
        self.assertContains(
            self.client.post(url, {"reason": "  "}), "Give the reason for the rejection.", status_code=400
        )
        self.assertRedirects(
            self.client.post(url, {"reason": "On leave"}), reverse("programmes:batch", args=[self.batch.pk])
        )


class ListAndReportTests(ProgrammeTestCase):
    def test_the_programme_list_shows_what_each_person_may_see_in_flat_queries(self) -> None:
        self.client.force_login(self.learner_a)
        with self.assertNumQueries(11):
            page = self.client.get(reverse("programmes:list"))
        self.assertContains(page, "नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण")
        for i in range(3):
            other = actions.do_create_programme(
                code=f"P{i}", title_en=f"Programme {i}", org=self.ati, acting_user=self.coordinator
            )
            self.make_batch("B1", programme=other)
        with self.assertNumQueries(11):
            page = self.client.get(reverse("programmes:list"))
        self.assertContains(page, "Programme 2")
        self.client.force_login(self.learner_b)  # a nurse: eligible for none
        self.assertNotContains(self.client.get(reverse("programmes:list")), "PATWARI-IND")

    def test_a_draft_programme_is_seen_by_its_managers_only(self) -> None:
        actions.do_update_programme(self.programme, status=Programme.Status.DRAFT, acting_user=self.coordinator)
        self.client.force_login(self.learner_a)
        self.assertEqual(self.client.get(reverse("programmes:detail", args=[self.programme.code])).status_code, 404)
        self.client.force_login(self.coordinator)
        self.assertEqual(self.client.get(reverse("programmes:detail", args=[self.programme.code])).status_code, 200)

    def test_the_batch_page_lists_seats_and_waitlist_for_managers_and_the_nodal_officers_people_only(self) -> None:
        batch = self.make_batch("TINY", seats=1, start_in_days=60, orgs=[])
        first, second = self.patwaris(2, prefix="TN")
        actions.do_nominate(batch, [first, second], acting_user=self.coordinator)
        self.client.force_login(self.coordinator)
        page = self.client.get(reverse("programmes:batch", args=[batch.pk]))
        self.assertContains(page, "1 of 1 taken")
        self.assertContains(page, "1 on the waitlist")
        self.assertContains(page, "TN002")

    def test_reports_and_their_spreadsheets(self) -> None:
        sessions = [self.add_session(self.batch, d) for d in range(2)]
        holder, absent = self.patwaris(2, prefix="RP")
        self.seat(holder)
        self.seat(absent)
        actions.do_set_attendance(sessions[0], [holder.pk, absent.pk], acting_user=self.coordinator)
        actions.do_set_attendance(sessions[1], [holder.pk], acting_user=self.coordinator)
        self.client.force_login(self.coordinator)
        page = self.client.get(reverse("programmes:batch_report", args=[self.batch.pk]))
        self.assertContains(page, "2 participants; 1 at or above the 75 % needed; 0 completed.")
        download = self.client.get(reverse("programmes:batch_report_xlsx", args=[self.batch.pk]))
        self.assertEqual(download["Content-Disposition"], 'attachment; filename="attendance-patwari-ind-b1.xlsx"')
        sheet = load_workbook(io.BytesIO(download.content)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:2], ("Employee code", "Name"))
        self.assertEqual(rows[1][0], "RP001")
        self.assertEqual(rows[1][4:], ("Present", "Present", 2, 100, "Yes", "No"))
        self.assertEqual(rows[2][4:], ("Present", "Absent", 1, 50, "No", "No"))
        with self.assertNumQueries(8):
            page = self.client.get(reverse("programmes:programme_report", args=[self.programme.code]))
        self.assertContains(page, '<td class="num">75 %</td>', html=False)  # the average of 100 % and 50 %
        workbook = load_workbook(
            io.BytesIO(self.client.get(reverse("programmes:programme_report_xlsx", args=[self.programme.code])).content)
        )
        self.assertEqual(workbook.sheetnames, ["Batches", "B1"])
        # A nodal officer sees the report for their own people only.
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(reverse("programmes:batch_report", args=[self.batch.pk])).status_code, 200)
