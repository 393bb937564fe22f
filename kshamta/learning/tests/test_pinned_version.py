"""A new version of a course never changes what a learner in progress sees or must do."""

from __future__ import annotations

from kshamta.catalog.models import Resource
from kshamta.learning import actions
from kshamta.learning.models import Enrolment
from kshamta.learning.tests.helpers import LearningTestCase, update


class PinnedVersionTests(LearningTestCase):
    def test_learners_in_progress_keep_version_one_and_newcomers_get_version_two(self) -> None:
        enrolment = self.enrol(self.learner_a)
        actions.do_record_progress(self.learner_a, [update(self.video, 100)])
        v1 = self.course.published_version_id
        v2 = self.new_published_version(self.course, resource_title="Amendments of 2026")
        self.assertEqual(self.course.published_version_id, v2.pk)
        new_video = Resource.objects.get(module__version=v2, title_en="Amendments of 2026")

        # The learner in progress: still version 1, its outline, and v2 resources are not theirs.
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.version_id, v1)
        client = self.client_for(self.learner_a)
        page = client.get(f"/learn/{self.course.code}/")
        self.assertContains(page, "video resource")
        self.assertNotContains(page, "Amendments of 2026")
        self.assertContains(page, "You are following version 1 of this course")
        self.assertEqual(client.get(f"/learn/{self.course.code}/r/{new_video.pk}/").status_code, 404)
        [refused] = actions.do_record_progress(self.learner_a, [update(new_video, 100)])
        self.assertEqual(refused["error"], actions.NOT_IN_YOUR_COURSES)
        # ... and finishing version 1 completes the course.
        results = actions.do_record_progress(
            self.learner_a, [update(self.pdf, 100), update(self.text, 100), update(self.link, 100)]
        )
        self.assertTrue(results[-1]["enrolment"]["completed"])

        # A newcomer is pinned to version 2 and must also watch the new video.
        newcomer = self.enrol(self.learner_b)
        self.assertEqual(newcomer.version_id, v2.pk)
        v2_resources = list(Resource.objects.filter(module__version=v2).exclude(pk=new_video.pk))
        self.assertEqual(len(v2_resources), 4)
        [old_video] = actions.do_record_progress(self.learner_b, [update(self.video, 100)])
        self.assertEqual(old_video["error"], actions.NOT_IN_YOUR_COURSES)
        actions.do_record_progress(self.learner_b, [update(r, 100) for r in v2_resources])
        newcomer.refresh_from_db()
        self.assertEqual((newcomer.status, newcomer.progress_percent), (Enrolment.Status.ACTIVE, 80))
        actions.do_record_progress(self.learner_b, [update(new_video, 95)])
        newcomer.refresh_from_db()
        self.assertEqual(newcomer.status, Enrolment.Status.COMPLETED)

    def test_enrolling_again_after_a_new_version_stays_on_the_old_one(self) -> None:
        enrolment = self.enrol(self.learner_a)
        actions.do_unenrol(enrolment, acting_user=self.learner_a)
        self.new_published_version(self.course)
        again = self.enrol(self.learner_a)
        self.assertEqual(again.version_id, enrolment.version_id)
