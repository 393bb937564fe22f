"""Compliance with assigned courses: the figures (on time, late, overdue, in progress), the pages and the CSV."""

from __future__ import annotations

import csv
import datetime
import io

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.learning import actions
from kshamta.learning.compliance import Figures, State, compliance_by_designation, people_rows
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.assignment_helpers import DUE, URLCONF, AssignmentTestCase
from kshamta.learning.tests.helpers import update

IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))


def at_ist(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=IST)


class ComplianceFiguresTests(AssignmentTestCase):
    """RTI-101 for Revenue's Patwaris, POSH-1 for everyone in Revenue, both due 31-03-2030."""

    def setUp(self) -> None:
        super().setUp()
        self.publish(self.spec())
        self.publish(self.spec(self.posh, designation=None), source_type="mandatory", source_id=self.dept_a.pk)

    def finish(self, user: User, course: Course, when: datetime.datetime) -> None:
        Enrolment.objects.filter(user=user, course=course).update(status="completed", completed_at=when)

    def set_the_scene(self) -> None:
        self.finish(self.learner_a, self.course, at_ist(datetime.date(2030, 3, 20), 11))  # on time
        self.finish(self.patwari_2, self.course, at_ist(datetime.date(2030, 4, 5), 9))  # late
        # learner_a's POSH-1 is still open: overdue after 31-03.
        Enrolment.objects.filter(user=self.patwari_2, course=self.posh).update(due_on=datetime.date(2030, 4, 30))
        # The due date itself is on time, up to midnight in India ...
        self.finish(self.nodal_a, self.posh, at_ist(DUE, 23, 30))
        # ... and half an hour later (still 31-03 in UTC) it is late.
        self.finish(self.tehsildar_b, self.posh, at_ist(DUE + datetime.timedelta(days=1), 0, 30))

    def test_per_designation_on_a_fixed_day(self) -> None:
        self.set_the_scene()
        report = compliance_by_designation(self.dept_a, datetime.date(2030, 4, 10))
        by_code = {row.designation.code if row.designation else None: row.figures for row in report.rows}
        self.assertEqual(
            by_code,
            {
                "PATWARI": Figures(assigned=4, on_time=1, late=1, overdue=1, in_progress=1),
                "TEHSILDAR": Figures(assigned=2, on_time=1, late=1),
            },
        )
        self.assertEqual(report.total, Figures(assigned=6, on_time=2, late=2, overdue=1, in_progress=1))
        self.assertEqual(report.total.completed_pct, 100 * 4 / 6)
        # Before the due date nothing is overdue yet.
        early = compliance_by_designation(self.dept_a, datetime.date(2030, 3, 31))
        self.assertEqual((early.total.overdue, early.total.in_progress), (0, 2))

    def test_people_rows_filter_by_state_and_designation(self) -> None:
        self.set_the_scene()
        today = datetime.date(2030, 4, 10)
        overdue = people_rows(self.dept_a, today=today, state=State.OVERDUE)
        self.assertEqual([(e.user_id, e.course_id) for e in overdue], [(self.learner_a.pk, self.posh.pk)])
        late_tehsildars = people_rows(self.dept_a, today=today, designation=self.tehsildar, state=State.LATE)
        self.assertEqual([e.user_id for e in late_tehsildars], [self.tehsildar_b.pk])
        rti = people_rows(self.dept_a, today=today, course=self.course)
        self.assertEqual({e.user_id for e in rti}, {self.learner_a.pk, self.patwari_2.pk})
        self.assertEqual(people_rows(self.district_a, today=today, no_designation=True).count(), 0)

    def test_a_course_finished_before_it_was_assigned_is_on_time(self) -> None:
        done = make_course("ETH-1", provider=self.provider, resources=("text",))
        self.enrol(self.learner_a, done)
        self.complete_everything(self.learner_a, done)
        self.publish(self.spec(done, due_on=datetime.date(2020, 1, 1)), source_id=2)
        report = compliance_by_designation(self.district_a, timezone.localdate())
        self.assertEqual(report.total.on_time, 1)

    def test_closed_assignments_and_people_who_left_do_not_count(self) -> None:
        self.publish(source_type="mandatory", source_id=self.dept_a.pk)
        self.assertEqual(compliance_by_designation(self.dept_a, DUE).total.assigned, 2)
        # A withdrawal by an administrator is shown as such.
        actions.do_unenrol(self.enrolment(self.patwari_2), acting_user=self.nodal_a)
        self.assertEqual(
            compliance_by_designation(self.dept_a, DUE).total, Figures(assigned=2, in_progress=1, withdrawn=1)
        )


@override_settings(ROOT_URLCONF=URLCONF)
class CompliancePageTests(AssignmentTestCase):
    def setUp(self) -> None:
        super().setUp()
        today = timezone.localdate()
        self.publish(self.spec(due_on=today + datetime.timedelta(days=10)))
        self.publish(
            self.spec(self.posh, org=self.state, designation=None, due_on=today + datetime.timedelta(days=10)),
            source_type="mandatory",
            source_id=self.state.pk,
        )
        # Sita Devi's POSH-1 is overdue; Patwari 2 finished RTI-101 on time.
        Enrolment.objects.filter(user=self.learner_a, course=self.posh).update(
            due_on=today - datetime.timedelta(days=3)
        )
        actions.do_record_progress(self.learner_a, [update(self.video, 20)])
        self.complete_everything(self.patwari_2)

    def url(self, name: str, org_id: int | None = None) -> str:
        return reverse(f"assignments:{name}", args=[org_id] if org_id else [])

    def test_url_names(self) -> None:
        self.assertEqual(self.url("compliance"), "/assignments/compliance/")
        self.assertEqual(self.url("compliance_org", 4), "/assignments/compliance/4/")
        self.assertEqual(self.url("compliance_people", 4), "/assignments/compliance/4/people/")
        self.assertEqual(self.url("compliance_csv", 4), "/assignments/compliance/4/people.csv")

    def test_the_nodal_officer_sees_their_department_by_designation(self) -> None:
        response = self.client_for(self.nodal_a).get(self.url("compliance"))
        self.assertEqual(response.context["org"], self.dept_a)
        rows = {
            row.designation.code if row.designation else None: row.figures for row in response.context["report"].rows
        }
        self.assertEqual(rows["PATWARI"], Figures(assigned=4, on_time=1, overdue=1, in_progress=2))
        self.assertEqual(rows["TEHSILDAR"], Figures(assigned=2, in_progress=2))
        self.assertContains(response, "Patwari")
        self.assertContains(
            response, f"{self.url('compliance_people', self.dept_a.pk)}?designation={self.patwari.pk}&amp;state=overdue"
        )
        self.assertContains(response, self.url("compliance_org", self.district_a.pk))
        self.assertNotContains(response, "Staff Nurse")

    def test_the_state_admin_chooses_any_level(self) -> None:
        state = self.client_for(self.state_admin).get(self.url("compliance"))
        self.assertEqual(state.context["report"].total.assigned, 6 + 4)
        district = self.client_for(self.state_admin).get(self.url("compliance_org", self.district_a.pk))
        self.assertEqual(
            district.context["report"].total.assigned, 2 + 1
        )  # Sita Devi: both courses; the Tehsildar: POSH-1
        self.assertContains(district, self.url("compliance_org", self.dept_a.pk))  # up one level

    def test_someone_administering_two_departments_chooses_one(self) -> None:
        account_actions.do_grant_role(user=self.nodal_a, role=Role.NODAL_OFFICER, org=self.dept_b, acting_user=None)
        response = self.client_for(self.nodal_a).get(self.url("compliance"))
        self.assertTemplateUsed(response, "learning/assignments/compliance_choose.html")
        self.assertContains(response, self.url("compliance_org", self.dept_a.pk))
        self.assertContains(response, self.url("compliance_org", self.dept_b.pk))

    def test_people_list_with_filters(self) -> None:
        client = self.client_for(self.nodal_a)
        base = self.url("compliance_people", self.dept_a.pk)
        everyone = client.get(base)
        self.assertEqual(everyone.context["page"].paginator.count, 6)
        overdue = client.get(base, {"state": "overdue"})
        self.assertEqual(
            [(e.user_id, e.course_id) for e in overdue.context["page"]], [(self.learner_a.pk, self.posh.pk)]
        )
        self.assertContains(overdue, "Overdue")
        self.assertContains(overdue, "Sita Devi")
        on_time = client.get(
            base, {"designation": str(self.patwari.pk), "state": "on_time", "course": str(self.course.pk)}
        )
        self.assertEqual([e.user_id for e in on_time.context["page"]], [self.patwari_2.pk])
        none = client.get(base, {"designation": "none"})
        self.assertEqual(none.context["page"].paginator.count, 0)
        # A designation or course from elsewhere is not a choice: the filter is left out.
        foreign = client.get(base, {"designation": str(self.nurse.pk), "state": "bogus"})
        self.assertEqual(foreign.context["page"].paginator.count, 6)
        self.assertTrue(foreign.context["form"].errors)

    def test_csv_export_streams_the_filtered_rows(self) -> None:
        response = self.client_for(self.nodal_a).get(
            self.url("compliance_csv", self.dept_a.pk), {"designation": self.patwari.pk}
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.streaming)
        self.assertIn("attachment", response["Content-Disposition"])
        text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(rows[0][0], "Employee code")
        self.assertEqual(len(rows), 1 + 4)
        by_key = {(r[0], r[7]): r for r in rows[1:]}
        self.assertEqual(by_key[("MP0003", "POSH-1")][9], "Overdue")
        self.assertEqual(by_key[("MP0003", "POSH-1")][2], "सीता देवी")
        self.assertEqual(by_key[("MP1001", "RTI-101")][9], "Completed on time")
        self.assertEqual(by_key[("MP1001", "RTI-101")][11], timezone.localdate().isoformat())

    def test_outsiders_learners_and_anonymous_are_denied(self) -> None:
        urls = [self.url(name, self.dept_a.pk) for name in ("compliance_org", "compliance_people", "compliance_csv")]
        for url in urls:
            with self.subTest(url):
                self.assertEqual(self.client_for(self.outsider).get(url).status_code, 404)
                self.assertEqual(self.client_for(self.learner_a).get(url).status_code, 404)
                anonymous = self.client_for(None).get(url)
                self.assertEqual(anonymous.status_code, 302)
                self.assertIn(reverse("accounts:sign_in"), anonymous["Location"])
        self.assertEqual(self.client_for(self.learner_a).get(self.url("compliance")).status_code, 404)
        # The Health nodal officer's own page shows Health only.
        health = self.client_for(self.outsider).get(self.url("compliance"))
        self.assertEqual(health.context["org"], self.dept_b)
        self.assertNotContains(health, "Patwari")

    def test_query_counts_stay_flat(self) -> None:
        client = self.client_for(self.state_admin)
        overview = self.url("compliance_org", self.state.pk)
        people = self.url("compliance_people", self.state.pk)
        client.get(overview)
        # session, user, roles, the organisation, the figures, their designations, the organisations below
        with self.assertNumQueries(7):
            client.get(overview)
        # session, user, roles, the organisation, designations and courses to filter by, count, page
        with self.assertNumQueries(8):
            client.get(people)
        more = [self.make_person(f"MP40{n:02d}", self.district_b, self.nurse) for n in range(3)]
        extra = make_course("ETH-1", provider=self.provider, resources=("text",))
        self.publish(self.spec(extra, org=self.dept_b, designation=self.nurse), source_id=3)
        self.publish(
            self.spec(self.posh, org=self.state, designation=None), source_type="mandatory", source_id=self.state.pk
        )
        self.assertEqual(len(more), 3)
        with self.assertNumQueries(7):
            response = client.get(overview)
        self.assertGreater(response.context["report"].total.assigned, 10)
        with self.assertNumQueries(8):
            response = client.get(people)
        self.assertGreater(response.context["page"].paginator.count, 10)
