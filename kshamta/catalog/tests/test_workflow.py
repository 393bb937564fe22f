"""The editorial workflow: draft → in review → reviewed → published → retired, and back to draft on rejection."""

from __future__ import annotations

from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.access import forget_roles
from kshamta.accounts.models import Role
from kshamta.catalog import actions
from kshamta.catalog.actions import CatalogError
from kshamta.catalog.models import Course, CourseVersion, ReviewComment
from kshamta.catalog.tests.studio_cast import StudioTestCase
from kshamta.core.models import AuditEvent
from kshamta.learning.models import Enrolment

Status = CourseVersion.Status


class WorkflowTests(StudioTestCase):
    def test_the_whole_way_from_draft_to_published(self) -> None:
        version = self.draft()
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        self.assertEqual((version.status, version.submitted_by), (Status.IN_REVIEW, self.creator_a))
        actions.do_approve_review(version, acting_user=self.reviewer_a, comment="Clear and correct.")
        self.assertEqual((version.status, version.reviewed_by), (Status.REVIEWED, self.reviewer_a))
        course = actions.do_publish_reviewed(version, acting_user=self.publisher_a)
        version.refresh_from_db()
        self.assertEqual((version.status, version.published_by), (Status.PUBLISHED, self.publisher_a))
        self.assertEqual(course.published_version, version)
        self.assertTrue(course.is_listed)
        self.assertEqual(course.title_hi, "भू-अभिलेख")
        self.assertEqual(course.resource_kinds, "link,text")
        decisions = list(ReviewComment.objects.filter(version=version).values_list("decision", "text"))
        self.assertEqual(decisions, [("approved", "Clear and correct."), ("published", "")])
        audited = list(
            AuditEvent.objects.filter(target_type="catalog.course", target_id=str(course.pk))
            .order_by("id")
            .values_list("action", flat=True)
        )
        for action in ("course.create", "course.submit", "course.approve", "course.publish"):
            self.assertIn(action, audited)
        event = AuditEvent.objects.get(action="course.approve")
        self.assertEqual((event.actor, event.org_path), (self.reviewer_a, self.dept_a.path))

    def test_self_approval_is_refused(self) -> None:
        # The state admin may review anything, but not a version they made.
        version = self.draft(by=self.state_admin)
        actions.do_submit_for_review(version, acting_user=self.state_admin)
        with self.assertRaisesMessage(CatalogError, "someone else must review it"):
            actions.do_approve_review(version, acting_user=self.state_admin)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)
        self.assertFalse(ReviewComment.objects.filter(version=version).exists())

    def test_submitter_cannot_approve_even_with_the_reviewer_role(self) -> None:
        version = self.draft()
        account_actions.do_grant_role(
            user=self.reviewer_a, role=Role.CONTENT_CREATOR, org=self.dept_a, acting_user=None
        )
        forget_roles(self.reviewer_a)
        actions.do_submit_for_review(version, acting_user=self.reviewer_a)
        with self.assertRaisesMessage(CatalogError, "someone else must review it"):
            actions.do_approve_review(version, acting_user=self.reviewer_a)

    def test_nobody_publishes_their_own_work(self) -> None:
        version = self.draft(by=self.state_admin)
        actions.do_submit_for_review(version, acting_user=self.state_admin)
        actions.do_approve_review(version, acting_user=self.reviewer_a)
        with self.assertRaisesMessage(CatalogError, "someone else must publish it"):
            actions.do_publish_reviewed(version, acting_user=self.state_admin)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.REVIEWED)
        self.assertIsNone(Course.objects.get(pk=version.course_id).published_version)

    def test_rejection_needs_a_comment_and_returns_to_draft(self) -> None:
        version = self.draft()
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        for empty in ("", "   "):
            with self.assertRaisesMessage(CatalogError, "a rejection needs a comment"):
                actions.do_reject(version, acting_user=self.reviewer_a, comment=empty)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)
        actions.do_reject(version, acting_user=self.reviewer_a, comment="Add the mutation procedure.")
        version.refresh_from_db()
        self.assertEqual(version.status, Status.DRAFT)
        comment = ReviewComment.objects.get(version=version)
        self.assertEqual(
            (comment.decision, comment.text, comment.author),
            ("rejected", "Add the mutation procedure.", self.reviewer_a),
        )
        self.assertTrue(AuditEvent.objects.filter(action="course.reject", actor=self.reviewer_a).exists())
        # The draft can be changed and sent again.
        actions.do_update_version(version, acting_user=self.creator_a, title_en="Land records and mutation")
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        self.assertEqual(version.status, Status.IN_REVIEW)

    def test_a_publisher_can_send_a_reviewed_version_back(self) -> None:
        version = self.draft()
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        actions.do_approve_review(version, acting_user=self.reviewer_a)
        actions.do_reject(version, acting_user=self.publisher_a, comment="The Hindi title has a typo.")
        version.refresh_from_db()
        self.assertEqual(version.status, Status.DRAFT)

    def test_roles_are_checked(self) -> None:
        version = self.draft()
        with self.assertRaisesMessage(CatalogError, "not a content creator"):
            actions.do_submit_for_review(version, acting_user=self.reviewer_a)
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        with self.assertRaisesMessage(CatalogError, "not a reviewer"):
            actions.do_approve_review(version, acting_user=self.publisher_a)
        with self.assertRaisesMessage(CatalogError, "not a reviewer"):
            actions.do_approve_review(version, acting_user=self.outsider)
        actions.do_approve_review(version, acting_user=self.reviewer_a)
        with self.assertRaisesMessage(CatalogError, "not a publisher"):
            actions.do_publish_reviewed(version, acting_user=self.reviewer_a)
        with self.assertRaisesMessage(CatalogError, "signed-in person"):
            actions.do_publish_reviewed(version, acting_user=None)

    def test_steps_out_of_order_are_refused(self) -> None:
        version = self.draft()
        with self.assertRaisesMessage(CatalogError, "is draft"):
            actions.do_approve_review(version, acting_user=self.reviewer_a)
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        with self.assertRaisesMessage(CatalogError, "is in review"):
            actions.do_publish_reviewed(version, acting_user=self.publisher_a)
        with self.assertRaisesMessage(CatalogError, "is in review"):
            actions.do_submit_for_review(version, acting_user=self.creator_a)

    def test_an_incomplete_draft_cannot_go_for_review(self) -> None:
        version = actions.do_create_course(
            code="EMPTY-1", provider=self.provider_a, acting_user=self.creator_a, title_en="Empty"
        )
        with self.assertRaises(CatalogError) as caught:
            actions.do_submit_for_review(version, acting_user=self.creator_a)
        self.assertIn("no summary", caught.exception.message)
        self.assertIn("no resources", caught.exception.message)
        module = actions.do_add_module(version, title_en="One", acting_user=self.creator_a)
        actions.do_add_resource(module, kind="video", acting_user=self.creator_a, title_en="Talk")
        actions.do_update_version(version, acting_user=self.creator_a, summary_en="Nothing yet.")
        problems = actions.submission_problems(version)
        self.assertEqual(problems, ["“Talk” has no file or address.", "“Talk” has no duration."])

    def test_comments_without_a_decision(self) -> None:
        version = self.draft()
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        comment = actions.do_comment(version, acting_user=self.reviewer_a, text="Is the portal link current?")
        actions.do_comment(version, acting_user=self.creator_a, text="Yes, checked today.")
        self.assertEqual(comment.decision, "")
        self.assertEqual(ReviewComment.objects.filter(version=version).count(), 2)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)
        with self.assertRaisesMessage(CatalogError, "Write a comment"):
            actions.do_comment(version, acting_user=self.reviewer_a, text=" ")
        with self.assertRaisesMessage(CatalogError, "no content role"):
            actions.do_comment(version, acting_user=self.outsider, text="Hello")
        self.assertEqual(AuditEvent.objects.filter(action="course.comment").count(), 2)

    def test_retired_course_leaves_the_catalogue_but_learners_keep_it(self) -> None:
        version = self.published()
        course = version.course
        enrolment = Enrolment.objects.create(
            user=self.learner_a, course=course, version=version, enrolled_at=timezone.now()
        )
        with self.assertRaisesMessage(CatalogError, "not a publisher"):
            actions.do_retire(course, acting_user=self.creator_a)
        actions.do_retire(course, acting_user=self.publisher_a)
        course.refresh_from_db()
        version.refresh_from_db()
        self.assertTrue(course.is_retired)
        self.assertFalse(course.is_listed)
        self.assertEqual(version.status, Status.RETIRED)
        self.assertEqual(course.published_version, version)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.version, version)
        self.assertEqual(enrolment.version.modules.get().resources.count(), 2)
        self.assertTrue(AuditEvent.objects.filter(action="course.retire", actor=self.publisher_a).exists())
        with self.assertRaisesMessage(CatalogError, "Only a course in the catalogue"):
            actions.do_retire(course, acting_user=self.publisher_a)

    def test_publishing_a_new_version_brings_a_retired_course_back(self) -> None:
        version = self.published()
        actions.do_retire(version.course, acting_user=self.publisher_a)
        course = Course.objects.get(pk=version.course_id)
        second = actions.do_new_version(course, acting_user=self.creator_a)
        actions.do_submit_for_review(second, acting_user=self.creator_a)
        actions.do_approve_review(second, acting_user=self.reviewer_a)
        actions.do_publish_reviewed(second, acting_user=self.publisher_a)
        course.refresh_from_db()
        version.refresh_from_db()
        self.assertTrue(course.is_listed)
        self.assertEqual(course.published_version, second)
        self.assertEqual(version.status, Status.SUPERSEDED)
