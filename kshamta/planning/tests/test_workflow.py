"""The approval workflow: submit, approve or return with a comment, publish into assignment rules,
revise into a new version; nobody approves their own plan, and only drafts change."""

from __future__ import annotations

import datetime

from kshamta.accounts import actions as account_actions
from kshamta.accounts.access import forget_roles
from kshamta.accounts.models import Role
from kshamta.learning.models import Assignment, AssignmentRule, Enrolment
from kshamta.planning import actions
from kshamta.planning.models import IN_PLAN, Plan, PlanComment, PlanCompetency, PlanCourse, Statement
from kshamta.planning.tests.helpers import AnalysedPlanTestCase


class WorkflowTests(AnalysedPlanTestCase):
    def submitted(self) -> Plan:
        return actions.do_submit_plan(self.plan, acting_user=self.author, comment="Please approve.")

    def published(self) -> Plan:
        self.submitted()
        actions.do_approve_plan(self.plan, acting_user=self.approver, comment="Approved.")
        with self.captureOnCommitCallbacks(execute=True):
            return actions.do_publish_plan(self.plan, acting_user=self.approver)

    def test_submit_then_approve_with_a_comment(self) -> None:
        with self.assertRaisesMessage(actions.PlanError, "Only a CBP author"):
            actions.do_submit_plan(self.plan, acting_user=self.nodal_a)
        plan = self.submitted()
        self.assertEqual((plan.status, plan.submitted_by), (Plan.Status.SUBMITTED, self.author))
        line = PlanCourse.objects.filter(plan=plan).first()
        assert line is not None
        with self.assertRaisesMessage(actions.PlanError, "Only a draft or returned plan can be changed"):
            actions.do_update_course_line(line, acting_user=self.author, status=PlanCourse.Status.REMOVED)
        plan = actions.do_approve_plan(plan, acting_user=self.approver, comment="Good plan.")
        self.assertEqual((plan.status, plan.approved_by), (Plan.Status.APPROVED, self.approver))
        self.assertIsNotNone(plan.approved_at)
        self.assertEqual(
            list(PlanComment.objects.filter(plan=plan).values_list("decision", "text")),
            [("submitted", "Please approve."), ("approved", "Good plan.")],
        )

    def test_nobody_approves_their_own_plan(self) -> None:
        account_actions.do_grant_role(user=self.author, role=Role.CBP_APPROVER, org=self.dept_a, acting_user=None)
        forget_roles(self.author)
        self.submitted()
        with self.assertRaisesMessage(actions.PlanError, "you made or submitted yourself"):
            actions.do_approve_plan(self.plan, acting_user=self.author)
        with self.assertRaisesMessage(actions.PlanError, "you made or submitted yourself"):
            actions.do_return_plan(self.plan, acting_user=self.author, comment="Hmm.")
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.status, Plan.Status.SUBMITTED)

    def test_only_an_approver_of_the_department_decides(self) -> None:
        self.submitted()
        account_actions.do_grant_role(user=self.outsider, role=Role.CBP_APPROVER, org=self.dept_b, acting_user=None)
        forget_roles(self.outsider)
        for user in (self.outsider, self.nodal_a, self.author_b):
            with self.assertRaisesMessage(actions.PlanError, "Only a CBP approver of this department"):
                actions.do_approve_plan(self.plan, acting_user=user)

    def test_return_needs_a_comment_and_gives_the_plan_back_to_the_author(self) -> None:
        self.submitted()
        with self.assertRaisesMessage(actions.PlanError, "needs a comment"):
            actions.do_return_plan(self.plan, acting_user=self.approver, comment="  ")
        plan = actions.do_return_plan(self.plan, acting_user=self.approver, comment="Add e-Office training.")
        self.assertEqual(plan.status, Plan.Status.RETURNED)
        self.assertEqual(PlanComment.objects.filter(plan=plan).last().text, "Add e-Office training.")  # type: ignore[union-attr]
        line = PlanCourse.objects.filter(plan=plan, status=PlanCourse.Status.SUGGESTED).first()
        assert line is not None
        actions.do_update_course_line(line, acting_user=self.author, status=PlanCourse.Status.ACCEPTED, quarter="Q1")
        self.assertEqual(actions.do_submit_plan(plan, acting_user=self.author).status, Plan.Status.SUBMITTED)

    def test_only_an_approved_plan_is_published(self) -> None:
        with self.assertRaisesMessage(actions.PlanError, "Only an approved plan can be published"):
            actions.do_publish_plan(self.plan, acting_user=self.author)
        self.submitted()
        with self.assertRaisesMessage(actions.PlanError, "Only an approved plan can be published"):
            actions.do_publish_plan(self.plan, acting_user=self.approver)

    def test_publishing_creates_assignment_rules_and_assigns_the_people(self) -> None:
        plan = self.published()
        self.assertEqual(plan.status, Plan.Status.PUBLISHED)
        rules = AssignmentRule.objects.filter(source_type="cbp", source_id=plan.pk, is_active=True)
        expected = {
            (line.plan_competency.plan_designation.designation_id, line.course_id)
            for line in PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).select_related(
                "plan_competency__plan_designation"
            )
        }
        self.assertEqual({(r.designation_id, r.course_id) for r in rules}, expected)
        self.assertEqual({r.org_id for r in rules}, {self.dept_a.pk})
        # Due at the end of the line's quarter of 2026-27 (the earliest, for a course planned twice).
        quarter_ends = {datetime.date(2026, 6, 30), datetime.date(2026, 9, 30), datetime.date(2026, 12, 31),
                        datetime.date(2027, 3, 31)}  # fmt: skip
        self.assertTrue({r.due_on for r in rules} <= quarter_ends)
        patwari_courses = {course for designation, course in expected if designation == self.patwari.pk}
        assigned = set(
            Assignment.objects.filter(user=self.learner_a, closed_at__isnull=True).values_list(
                "rule__course_id", flat=True
            )
        )
        self.assertEqual(assigned, patwari_courses)
        enrolment = Enrolment.objects.filter(user=self.learner_a, course_id__in=patwari_courses).first()
        assert enrolment is not None
        self.assertEqual(enrolment.source, Enrolment.Source.ASSIGNED)
        self.assertIsNotNone(enrolment.due_on)

    def test_revising_keeps_the_published_version_and_copies_everything(self) -> None:
        v1 = self.published()
        v2 = actions.do_revise_plan(v1, acting_user=self.author)
        self.assertEqual((v2.version, v2.status, v2.previous_version, v2.series_id), (2, "draft", v1, v1.pk))
        for model in (Statement, PlanCompetency, PlanCourse):
            self.assertEqual(model.objects.filter(plan=v2).count(), model.objects.filter(plan=v1).count(), model)
        self.assertEqual(v2.documents.count(), 4)
        copied = PlanCompetency.objects.filter(plan=v2).exclude(evidence=[]).first()
        assert copied is not None
        self.assertEqual(
            set(Statement.objects.filter(pk__in=copied.evidence).values_list("plan_id", flat=True)), {v2.pk}
        )
        with self.assertRaisesMessage(actions.PlanError, "already being prepared"):
            actions.do_revise_plan(v1, acting_user=self.author)
        old_line = PlanCourse.objects.filter(plan=v1).first()
        assert old_line is not None
        with self.assertRaisesMessage(actions.PlanError, "Only a draft or returned plan can be changed"):
            actions.do_update_course_line(old_line, acting_user=self.author, status=PlanCourse.Status.REMOVED)

        # v2 drops one course; publishing it replaces the rules of v1 and supersedes it.
        dropped = PlanCourse.objects.filter(plan=v2, status__in=IN_PLAN).order_by("pk").first()
        assert dropped is not None
        actions.do_update_course_line(dropped, acting_user=self.author, status=PlanCourse.Status.REMOVED)
        actions.do_submit_plan(v2, acting_user=self.author)
        actions.do_approve_plan(v2, acting_user=self.approver)
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_publish_plan(v2, acting_user=self.author)
        v1.refresh_from_db()
        self.assertEqual(v1.status, Plan.Status.SUPERSEDED)
        active = AssignmentRule.objects.filter(source_type="cbp", source_id=v1.pk, is_active=True)
        expected = {
            (line.plan_competency.plan_designation.designation_id, line.course_id)
            for line in PlanCourse.objects.filter(plan=v2, status__in=IN_PLAN).select_related(
                "plan_competency__plan_designation"
            )
        }
        self.assertEqual({(r.designation_id, r.course_id) for r in active}, expected)
        self.assertFalse(AssignmentRule.objects.filter(source_type="cbp", source_id=v2.pk).exists())
