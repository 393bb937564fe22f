"""Review and publishing through the pages: submit, comment, approve, reject, publish, retire, new version."""

from __future__ import annotations

from django.urls import reverse

from kshamta.catalog.models import Course, CourseVersion, ReviewComment
from kshamta.catalog.tests.studio_cast import StudioTestCase

Status = CourseVersion.Status


class ReviewPageTests(StudioTestCase):
    def post(self, user: object, name: str, pk: int, data: dict[str, str] | None = None) -> str:
        """POST a step as ``user``; returns the text of the page it leads to (with its messages)."""
        self.client.force_login(user)  # type: ignore[arg-type]
        response = self.client.post(reverse(f"studio:{name}", args=[pk]), data or {}, follow=True)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_whole_way_through_the_pages(self) -> None:
        version = self.draft()
        page = self.post(self.creator_a, "submit", version.pk, {"comment": "Please check the Hindi."})
        self.assertIn("The version was sent for review.", page)
        self.assertIn("Please check the Hindi.", page)
        page = self.post(self.reviewer_a, "comment", version.pk, {"text": "Which portal version?"})
        self.assertIn("Which portal version?", page)
        page = self.post(self.reviewer_a, "approve", version.pk, {"comment": "Fine."})
        self.assertIn("The version was approved.", page)
        page = self.post(self.publisher_a, "publish", version.pk)
        self.assertIn("The version was published", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.PUBLISHED)
        course = Course.objects.get(pk=version.course_id)
        self.assertTrue(course.is_listed)

        page = self.post(self.publisher_a, "retire", course.pk)
        self.assertIn("The course was retired", page)
        course.refresh_from_db()
        self.assertTrue(course.is_retired)

        page = self.post(self.creator_a, "new_version", course.pk)
        self.assertIn("Version 2 was started as a draft.", page)
        page = self.post(self.creator_a, "new_version", course.pk)
        self.assertIn("Version 2 is still being worked on", page)
        self.assertEqual(course.versions.count(), 2)

    def test_rejection_without_a_comment_is_refused_on_the_page(self) -> None:
        version = self.draft()
        self.post(self.creator_a, "submit", version.pk)
        page = self.post(self.reviewer_a, "reject", version.pk, {"comment": "  "})
        self.assertIn("a rejection needs a comment", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)
        page = self.post(self.reviewer_a, "reject", version.pk, {"comment": "Add the appeal procedure."})
        self.assertIn("sent back to its authors", page)
        self.assertIn("Add the appeal procedure.", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.DRAFT)

    def test_self_approval_is_refused_on_the_page(self) -> None:
        version = self.draft(by=self.state_admin)
        self.post(self.state_admin, "submit", version.pk)
        page = self.post(self.state_admin, "approve", version.pk)
        self.assertIn("someone else must review it", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)
        self.post(self.reviewer_a, "approve", version.pk)
        page = self.post(self.state_admin, "publish", version.pk)
        self.assertIn("someone else must publish it", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.REVIEWED)
        self.assertEqual(list(ReviewComment.objects.values_list("decision", flat=True)), ["approved"])

    def test_wrong_role_gets_a_clear_refusal(self) -> None:
        version = self.draft()
        page = self.post(self.reviewer_a, "submit", version.pk)
        self.assertIn("You are not a content creator", page)
        self.post(self.creator_a, "submit", version.pk)
        page = self.post(self.creator_a, "approve", version.pk)
        self.assertIn("You are not a reviewer", page)
        version.refresh_from_db()
        self.assertEqual(version.status, Status.IN_REVIEW)

    def test_steps_are_post_only(self) -> None:
        version = self.draft()
        self.client.force_login(self.creator_a)
        for name in ("submit", "approve", "reject", "publish", "comment"):
            with self.subTest(name):
                self.assertEqual(self.client.get(reverse(f"studio:{name}", args=[version.pk])).status_code, 405)
