"""Versions: a published version never changes; editing a course makes the next version, which
shares files and resource keys, and learners pinned to the old version keep seeing it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from kshamta.assessments.actions import do_create_assessment
from kshamta.assessments.models import Assessment
from kshamta.catalog import actions
from kshamta.catalog.actions import CatalogError
from kshamta.catalog.models import Course, CourseVersion, Module, Resource
from kshamta.catalog.tests.studio_cast import StudioTestCase, pdf_bytes, upload
from kshamta.core.models import AuditEvent
from kshamta.learning.models import Enrolment

Status = CourseVersion.Status


class PublishedVersionIsImmutableTests(StudioTestCase):
    def test_every_edit_of_a_published_version_is_refused(self) -> None:
        version = self.published()
        module = version.modules.get()
        resource = module.resources.first()
        assert resource is not None
        by: dict[str, Any] = {"acting_user": self.creator_a}
        attempts = {
            "update version": lambda: actions.do_update_version(version, title_en="Changed", **by),
            "competencies": lambda: actions.do_set_competencies(version, {}, **by),
            "add module": lambda: actions.do_add_module(version, title_en="More", **by),
            "rename module": lambda: actions.do_update_module(module, title_en="Renamed", **by),
            "delete module": lambda: actions.do_delete_module(module, **by),
            "move module": lambda: actions.do_move_module(module, "down", **by),
            "add resource": lambda: actions.do_add_resource(module, kind="link", url="https://x.gov.in/", **by),
            "edit resource": lambda: actions.do_update_resource(resource, title_en="Renamed", **by),
            "delete resource": lambda: actions.do_delete_resource(resource, **by),
            "move resource": lambda: actions.do_move_resource(resource, "down", **by),
        }
        for name, attempt in attempts.items():
            with self.subTest(name), self.assertRaisesMessage(CatalogError, "can no longer be changed"):
                attempt()
        version.refresh_from_db()
        self.assertEqual(version.title_en, "Land records")
        self.assertEqual(version.competencies.count(), 1)
        self.assertEqual(Module.objects.filter(version=version).count(), 1)
        self.assertEqual([r.title_en for r in module.resources.all()], ["Bhulekh portal", "Khasra"])

    def test_a_version_in_review_cannot_be_edited_either(self) -> None:
        version = self.draft()
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        with self.assertRaisesMessage(CatalogError, "can no longer be changed"):
            actions.do_update_version(version, acting_user=self.creator_a, title_en="Sneaky change")


class NewVersionTests(StudioTestCase):
    def test_new_version_copies_everything_and_shares_files(self) -> None:
        first = self.draft()
        module = first.modules.get()
        pdf = actions.do_add_resource(
            module, kind="pdf", acting_user=self.creator_a, title_en="Manual", file=upload("manual.pdf", pdf_bytes(4))
        )
        assessment = do_create_assessment(first, acting_user=self.creator_a, title_en="Final quiz", is_final=True)
        quiz = actions.do_add_resource(
            module, kind="assessment", acting_user=self.creator_a, title_en="Quiz", assessment=assessment
        )
        actions.do_submit_for_review(first, acting_user=self.creator_a)
        actions.do_approve_review(first, acting_user=self.reviewer_a)
        actions.do_publish_reviewed(first, acting_user=self.publisher_a)
        files_before = self.stored_files()

        second = actions.do_new_version(first.course, acting_user=self.creator_a)

        self.assertEqual((second.number, second.status, second.created_by), (2, Status.DRAFT, self.creator_a))
        for name in actions.VERSION_FIELDS:
            self.assertEqual(getattr(second, name), getattr(first, name), name)
        self.assertEqual(
            list(second.competencies.values_list("competency__code", "level")),
            list(first.competencies.values_list("competency__code", "level")),
        )
        old = list(Resource.objects.filter(module__version=first).order_by("position"))
        new = list(Resource.objects.filter(module__version=second).order_by("position"))
        self.assertEqual([r.key for r in new], [r.key for r in old])
        self.assertEqual([r.title_en for r in new], ["Bhulekh portal", "Khasra", "Manual", "Quiz"])
        self.assertTrue({r.pk for r in new}.isdisjoint(r.pk for r in old))
        new_pdf = next(r for r in new if r.key == pdf.key)
        self.assertEqual(new_pdf.file.name, Resource.objects.get(pk=pdf.pk).file.name)
        self.assertEqual(new_pdf.page_count, 4)
        self.assertEqual(self.stored_files(), files_before)  # the file is shared, not copied
        new_quiz = next(r for r in new if r.key == quiz.key)
        assert new_quiz.assessment is not None
        self.assertNotEqual(new_quiz.assessment_id, assessment.pk)
        self.assertEqual((new_quiz.assessment.version, new_quiz.assessment.title_en), (second, "Final quiz"))
        self.assertEqual(Assessment.objects.filter(version=first).get(), assessment)
        # The published version and what the catalogue shows are untouched.
        course = Course.objects.get(pk=first.course_id)
        self.assertEqual(course.published_version_id, first.pk)
        first.refresh_from_db()
        self.assertEqual(first.status, Status.PUBLISHED)
        event = AuditEvent.objects.get(action="course.new_version")
        self.assertEqual(event.after, {"version": 2, "from_version": 1})

    def test_new_version_is_refused_while_one_is_open(self) -> None:
        version = self.published()
        second = actions.do_new_version(version.course, acting_user=self.creator_a)
        for status in (Status.DRAFT, Status.IN_REVIEW, Status.REVIEWED):
            CourseVersion.objects.filter(pk=second.pk).update(status=status)
            with self.subTest(status), self.assertRaisesMessage(CatalogError, "Version 2 is still being worked on"):
                actions.do_new_version(version.course, acting_user=self.creator_a)
        self.assertEqual(CourseVersion.objects.filter(course=version.course).count(), 2)

    def test_only_authors_start_a_new_version_in_the_studio(self) -> None:
        version = self.published()
        url = reverse("studio:new_version", args=[version.course_id])
        self.client.force_login(self.reviewer_a)
        response = self.client.post(url, follow=True)
        self.assertContains(response, "Only a content creator can start a new version.")
        self.assertNotFoundFor(self.outsider, url, "post")
        self.assertEqual(CourseVersion.objects.filter(course=version.course).count(), 1)
        self.client.force_login(self.creator_a)
        self.client.post(url)
        self.assertEqual(CourseVersion.objects.filter(course=version.course).count(), 2)

    def test_learner_pinned_to_v1_keeps_seeing_v1(self) -> None:
        first = self.published()
        course = first.course
        enrolment = Enrolment.objects.create(
            user=self.learner_a, course=course, version=first, enrolled_at=timezone.now()
        )
        v1_resources = list(Resource.objects.filter(module__version=first).values_list("pk", "title_en", "url"))

        second = actions.do_new_version(course, acting_user=self.creator_a)
        module = second.modules.get()
        link, text = module.resources.order_by("position")
        actions.do_update_resource(
            link, acting_user=self.creator_a, title_en="New portal", url="https://bhulekh.mp.gov.in/"
        )
        actions.do_delete_resource(text, acting_user=self.creator_a)
        actions.do_add_module(second, title_en="Mutation", acting_user=self.creator_a)
        actions.do_update_version(second, acting_user=self.creator_a, title_en="Land records, revised")
        actions.do_submit_for_review(second, acting_user=self.creator_a)
        actions.do_approve_review(second, acting_user=self.reviewer_a)
        actions.do_publish_reviewed(second, acting_user=self.publisher_a)

        course.refresh_from_db()
        first.refresh_from_db()
        enrolment.refresh_from_db()
        self.assertEqual(course.published_version, second)
        self.assertEqual(course.title_en, "Land records, revised")
        self.assertEqual(first.status, Status.SUPERSEDED)
        self.assertEqual(enrolment.version, first)
        self.assertEqual(
            list(Resource.objects.filter(module__version=enrolment.version).values_list("pk", "title_en", "url")),
            v1_resources,
        )
        self.assertEqual(first.modules.count(), 1)
        self.assertEqual(second.modules.count(), 2)


class ReorderTests(StudioTestCase):
    def test_modules_and_resources_move_up_and_down(self) -> None:
        version = self.draft()
        first = version.modules.get()
        second = actions.do_add_module(version, title_en="Advanced", acting_user=self.creator_a)
        self.assertTrue(actions.do_move_module(second, "up", acting_user=self.creator_a))
        self.assertEqual([m.title_en for m in version.modules.order_by("position")], ["Advanced", "Basics"])
        self.assertFalse(actions.do_move_module(second, "up", acting_user=self.creator_a))  # already first
        link, text = first.resources.order_by("position")
        self.assertTrue(actions.do_move_resource(text, "up", acting_user=self.creator_a))
        self.assertEqual([r.title_en for r in first.resources.order_by("position")], ["Khasra", "Bhulekh portal"])
        self.assertFalse(actions.do_move_resource(link, "down", acting_user=self.creator_a))  # already last
        self.assertFalse(actions.do_move_resource(link, "sideways", acting_user=self.creator_a))
        actions.do_delete_resource(text, acting_user=self.creator_a)
        added = actions.do_add_resource(
            first, kind="link", acting_user=self.creator_a, title_en="RoR", url="https://x.in/"
        )
        self.assertEqual([r.title_en for r in first.resources.order_by("position")], ["Bhulekh portal", "RoR"])
        self.assertGreater(added.position, link.position)
        self.assertEqual(
            AuditEvent.objects.filter(action__in=["course.module.move", "course.resource.move"]).count(), 2
        )
