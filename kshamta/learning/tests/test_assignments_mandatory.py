"""Mandatory courses: the page, who may set them where, withdrawal, and the assignment run page."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.catalog.testing import make_course
from kshamta.core.models import AuditEvent
from kshamta.learning import assignments
from kshamta.learning.models import AssignmentJob, AssignmentRule, Enrolment
from kshamta.learning.tests.assignment_helpers import URLCONF, AssignmentTestCase
from kshamta.orgs.models import Organisation

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

PAGE = "/assignments/mandatory/"


def future(days: int = 30) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@override_settings(ROOT_URLCONF=URLCONF)
class MandatoryCoursePageTests(AssignmentTestCase):
    def post(
        self, user: User, org: Organisation, code: str = "POSH-1", due_on: datetime.date | None = None
    ) -> Response:
        client = self.client_for(user)
        with self.captureOnCommitCallbacks(execute=True):
            return client.post(PAGE, {"org": org.pk, "course": code, "due_on": (due_on or future()).isoformat()})

    def test_url_names(self) -> None:
        self.assertEqual(reverse("assignments:mandatory"), PAGE)
        self.assertEqual(reverse("assignments:withdraw_mandatory", args=[3]), "/assignments/mandatory/3/withdraw/")
        self.assertEqual(reverse("assignments:job", args=[3]), "/assignments/runs/3/")

    def test_a_nodal_officer_makes_a_course_mandatory_for_their_department(self) -> None:
        response = self.post(self.nodal_a, self.dept_a, code="posh-1")
        job = AssignmentJob.objects.get()
        self.assertRedirects(response, reverse("assignments:job", args=[job.pk]))
        rule = AssignmentRule.objects.get()
        self.assertEqual(
            (rule.source_type, rule.source_id, rule.org, rule.designation, rule.course, rule.due_on),
            ("mandatory", self.dept_a.pk, self.dept_a, None, self.posh, future()),
        )
        # Everyone active in Revenue, whatever their designation; nobody in Health.
        self.assertEqual(self.assigned_people(self.posh), {"MP0002", "MP0003", "MP1001", "MP1003"})
        self.assertEqual(AuditEvent.objects.filter(action="assignments.publish", actor=self.nodal_a).count(), 1)

        page = self.client_for(self.nodal_a).get(reverse("assignments:job", args=[job.pk]))
        self.assertContains(page, "Every course has been assigned")
        self.assertEqual(page.context["job"].people_assigned, 4)
        self.assertNotContains(page, 'hx-trigger="every')
        listing = self.client_for(self.nodal_a).get(PAGE)
        self.assertContains(listing, "POSH Act")
        self.assertContains(listing, reverse("assignments:withdraw_mandatory", args=[rule.pk]))

    def test_a_new_date_for_a_course_already_mandatory_replaces_the_old(self) -> None:
        self.post(self.nodal_a, self.dept_a)
        self.post(self.nodal_a, self.dept_a, due_on=future(10))
        self.assertEqual([r.due_on for r in self.rules(is_active=True)], [future(10)])
        self.assertEqual(self.enrolment(self.learner_a, self.posh).due_on, future(10))

    def test_a_nodal_officer_cannot_set_one_for_another_department(self) -> None:
        response = self.post(self.nodal_a, self.dept_b)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Select a valid choice", status_code=400)
        self.assertFalse(AssignmentRule.objects.exists())
        self.assertFalse(Enrolment.objects.exists())

    def test_a_state_admin_sets_one_for_the_whole_state(self) -> None:
        self.post(self.state_admin, self.state)
        self.assertEqual(
            self.assigned_people(self.posh),
            {"MP0001", "MP0002", "MP0003", "MP0004", "MP0005", "MP1001", "MP1003", "MP1004"},
        )
        # The Revenue nodal officer sees it, set above them, and cannot withdraw it.
        rule = AssignmentRule.objects.get()
        listing = self.client_for(self.nodal_a).get(PAGE)
        self.assertContains(listing, "Set above your organisations")
        self.assertNotContains(listing, reverse("assignments:withdraw_mandatory", args=[rule.pk]))
        response = self.client_for(self.nodal_a).post(reverse("assignments:withdraw_mandatory", args=[rule.pk]))
        self.assertEqual(response.status_code, 404)
        rule.refresh_from_db()
        self.assertTrue(rule.is_active)

    def test_bad_input(self) -> None:
        draft_code = "NOPE-1"
        cases = [
            ({"org": self.dept_a.pk, "course": draft_code, "due_on": future().isoformat()}, "no course with the code"),
            ({"org": self.dept_a.pk, "course": "POSH-1", "due_on": "2001-01-01"}, "cannot be in the past"),
            ({"org": self.dept_a.pk, "course": "POSH-1", "due_on": "31-02-2031"}, "Enter a valid date"),
            ({"org": self.dept_a.pk, "course": "", "due_on": future().isoformat()}, "This field is required"),
        ]
        client = self.client_for(self.nodal_a)
        for data, message in cases:
            with self.subTest(message):
                self.assertContains(client.post(PAGE, data), message, status_code=400)
        self.assertFalse(AssignmentRule.objects.exists())

    def test_withdrawing_closes_the_assignments_and_keeps_the_enrolments(self) -> None:
        self.post(self.nodal_a, self.dept_a)
        rule = AssignmentRule.objects.get()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client_for(self.nodal_a).post(reverse("assignments:withdraw_mandatory", args=[rule.pk]))
        job = AssignmentJob.objects.order_by("-pk").first()
        assert job is not None
        self.assertRedirects(response, reverse("assignments:job", args=[job.pk]))
        rule.refresh_from_db()
        self.assertFalse(rule.is_active)
        self.assertEqual(self.assigned_people(self.posh), set())
        self.assertEqual(self.enrolment(self.learner_a, self.posh).source, Enrolment.Source.SELF)
        self.assertEqual(job.assignments_closed, 4)
        listing = self.client_for(self.nodal_a).get(PAGE)
        self.assertContains(listing, "Withdrawn on")
        # Withdrawing again changes nothing.
        again = self.client_for(self.nodal_a).post(reverse("assignments:withdraw_mandatory", args=[rule.pk]))
        self.assertRedirects(again, PAGE)
        self.assertEqual(AssignmentJob.objects.count(), 2)

    def test_outsiders_and_learners_are_denied(self) -> None:
        self.post(self.nodal_a, self.dept_a)
        rule = AssignmentRule.objects.get()
        job = AssignmentJob.objects.get()
        for user in (self.outsider, self.learner_a):
            client = self.client_for(user)
            with self.subTest(user=str(user)):
                withdraw = client.post(reverse("assignments:withdraw_mandatory", args=[rule.pk]))
                self.assertEqual(withdraw.status_code, 404)
                self.assertEqual(client.get(reverse("assignments:job", args=[job.pk])).status_code, 404)
                self.assertEqual(client.post(reverse("assignments:rerun_job", args=[job.pk])).status_code, 404)
        # The learner administers nothing, so even the list is not there for them.
        self.assertEqual(self.client_for(self.learner_a).get(PAGE).status_code, 404)
        # The Health nodal officer's list shows nothing of Revenue's.
        self.assertNotContains(self.client_for(self.outsider).get(PAGE), "POSH Act")
        rule.refresh_from_db()
        self.assertTrue(rule.is_active)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        client = self.client_for(None)
        for url in (PAGE, reverse("assignments:job", args=[1])):
            response = client.get(url)
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("accounts:sign_in"), response["Location"])
        response = client.post(reverse("assignments:withdraw_mandatory", args=[1]))
        self.assertEqual(response.status_code, 302)

    def test_a_waiting_run_polls_and_a_failed_one_can_run_again(self) -> None:
        with self.captureOnCommitCallbacks(execute=False):
            job = assignments.do_add_mandatory_course(
                org=self.dept_a, course=self.posh, due_on=future(), acting_user=self.nodal_a
            )
        client = self.client_for(self.nodal_a)
        waiting = client.get(reverse("assignments:job", args=[job.pk]))
        self.assertContains(waiting, 'hx-trigger="every 2s"')
        fragment = client.get(reverse("assignments:job", args=[job.pk]), headers={"HX-Request": "true"})
        self.assertNotContains(fragment, "<html")
        self.assertContains(fragment, 'id="job-status"')
        # Not failed: nothing to run again.
        refused = client.post(reverse("assignments:rerun_job", args=[job.pk]), follow=True)
        self.assertContains(refused, "Only an assignment run that stopped")
        AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.FAILED)
        self.assertContains(client.get(reverse("assignments:job", args=[job.pk])), "Run it again")
        with self.captureOnCommitCallbacks(execute=True):
            client.post(reverse("assignments:rerun_job", args=[job.pk]))
        job.refresh_from_db()
        self.assertEqual((job.status, job.people_assigned), (AssignmentJob.Status.DONE, 4))

    def test_list_query_count_stays_flat(self) -> None:
        self.post(self.nodal_a, self.dept_a)
        client = self.client_for(self.nodal_a)
        client.get(PAGE)
        # session, user, roles, count, page of rules, recent runs, the organisation menu (twice: the
        # widget looks at its first choice to decide on the required attribute).
        with self.assertNumQueries(8):
            client.get(PAGE)
        for code in ("ETH-1", "GST-1", "RTS-1"):
            make_course(code, provider=self.provider, resources=("text",))
            self.post(self.nodal_a, self.district_a, code=code)
        with self.assertNumQueries(8):
            response = client.get(PAGE)
        self.assertEqual(len(response.context["page"].object_list), 4)
