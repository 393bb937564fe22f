"""Recording progress: monotonic, idempotent, out-of-order safe, and only in one's own courses."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from kshamta.catalog.testing import make_course
from kshamta.learning import actions
from kshamta.learning.models import Enrolment, ResourceProgress
from kshamta.learning.tests.helpers import LearningTestCase, at, resources_of, update


class ProgressTests(LearningTestCase):
    def setUp(self) -> None:
        self.enrolment = self.enrol(self.learner_a)

    def record(self, *updates: dict[str, Any]) -> list[dict[str, Any]]:
        return actions.do_record_progress(self.learner_a, list(updates))

    def test_percent_never_goes_back(self) -> None:
        self.record(update(self.video, 60, position=360, when=at(10)))
        [result] = self.record(update(self.video, 20, position=120, when=at(20)))
        self.assertEqual(result["percent"], 60)
        progress = self.progress_of(self.learner_a, self.video)
        self.assertEqual(progress.percent, 60)
        # The resume point follows the newest report even when the share does not grow (a rewatch).
        self.assertEqual(progress.position_seconds, 120)

    def test_an_older_update_arriving_late_does_not_move_the_resume_point_back(self) -> None:
        self.record(update(self.video, 50, position=300, when=at(50)))
        self.record(update(self.video, 30, position=180, when=at(30)))
        progress = self.progress_of(self.learner_a, self.video)
        self.assertEqual((progress.percent, progress.position_seconds), (50, 300))
        self.assertEqual(progress.reported_at, at(50))
        # Out of order inside one batch too.
        self.record(update(self.pdf, 40, page=4, when=at(90)), update(self.pdf, 30, page=3, when=at(80)))
        pdf = self.progress_of(self.learner_a, self.pdf)
        self.assertEqual((pdf.percent, pdf.page), (40, 4))

    def test_a_client_clock_in_the_future_cannot_pin_the_resume_point(self) -> None:
        future = timezone.now() + datetime.timedelta(days=365)
        self.record(update(self.video, 10, position=60, when=future))
        self.record(update(self.video, 20, position=120))
        self.assertEqual(self.progress_of(self.learner_a, self.video).position_seconds, 120)

    def test_the_same_batch_twice_gives_the_same_state(self) -> None:
        batch = [
            update(self.video, 50, position=300, when=at(1)),
            update(self.pdf, 30, page=3, when=at(2)),
        ]
        first = self.record(*batch)
        enrolment = Enrolment.objects.get(pk=self.enrolment.pk)
        rows = list(ResourceProgress.objects.order_by("pk").values())
        second = self.record(*batch)
        self.assertEqual(first, second)
        again = Enrolment.objects.get(pk=self.enrolment.pk)
        self.assertEqual(
            (again.progress_percent, again.learning_seconds), (enrolment.progress_percent, enrolment.learning_seconds)
        )
        self.assertEqual(list(ResourceProgress.objects.order_by("pk").values()), rows)
        # Half of a 600 s video; the PDF has no duration.
        self.assertEqual(again.learning_seconds, 300)

    def test_learning_seconds_and_course_percent_are_derived(self) -> None:
        self.record(update(self.video, 100), update(self.text, 100))
        enrolment = Enrolment.objects.get(pk=self.enrolment.pk)
        self.assertEqual(enrolment.learning_seconds, 600 + 120)
        self.assertEqual(enrolment.progress_percent, 50)  # 2 of 4 required
        self.assertEqual(enrolment.last_resource_id, self.text.pk)

    def test_completion_thresholds_per_kind(self) -> None:
        results = self.record(update(self.video, 94), update(self.pdf, 90, page=9), update(self.text, 99))
        self.assertEqual([r["completed"] for r in results], [False, False, False])
        results = self.record(update(self.video, 95), update(self.pdf, 100, page=10), update(self.text, 100))
        self.assertEqual([r["completed"] for r in results], [True, True, True])
        completed_at = self.progress_of(self.learner_a, self.video).completed_at
        self.record(update(self.video, 100))
        self.assertEqual(self.progress_of(self.learner_a, self.video).completed_at, completed_at)

    def test_a_resource_outside_ones_courses_is_refused_alone(self) -> None:
        other = make_course("POSH-1", provider=self.provider, resources=("video",))
        other_video = resources_of(other)["video"]
        results = self.record(update(other_video, 100), update(self.video, 30), update(999999, 10))
        self.assertEqual(results[0]["error"], actions.NOT_IN_YOUR_COURSES)
        self.assertEqual(results[2]["error"], actions.NOT_IN_YOUR_COURSES)
        self.assertNotIn("error", results[1])
        self.assertEqual(results[1]["percent"], 30)
        self.assertFalse(ResourceProgress.objects.filter(resource=other_video).exists())
        self.assertEqual(ResourceProgress.objects.count(), 1)

    def test_progress_is_always_the_callers_own(self) -> None:
        # learner_b is not enrolled: their update for the same resource is refused and
        # learner_a's progress is untouched.
        self.record(update(self.video, 40))
        [result] = actions.do_record_progress(self.learner_b, [update(self.video, 100)])
        self.assertEqual(result["error"], actions.NOT_IN_YOUR_COURSES)
        self.assertEqual(self.progress_of(self.learner_a, self.video).percent, 40)
        # Once enrolled, learner_b writes only their own row.
        self.enrol(self.learner_b)
        actions.do_record_progress(self.learner_b, [update(self.video, 100)])
        self.assertEqual(self.progress_of(self.learner_a, self.video).percent, 40)
        self.assertEqual(self.progress_of(self.learner_b, self.video).percent, 100)

    def test_assessment_resources_complete_only_by_passing(self) -> None:
        course = make_course("QUIZ-1", provider=self.provider, resources=("text", "assessment"))
        self.enrol(self.learner_a, course)
        quiz = resources_of(course)["assessment"]
        [result] = self.record(update(quiz, 100))
        self.assertEqual(result["error"], actions.COMPLETED_BY_ASSESSMENT)
        self.assertFalse(ResourceProgress.objects.filter(resource=quiz).exists())

    def test_more_than_the_limit_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            self.record(*[update(self.video, 1) for _ in range(actions.MAX_UPDATES + 1)])

    def test_progress_in_a_completed_course_is_still_recorded(self) -> None:
        self.complete_everything(self.learner_a)
        self.assertEqual(Enrolment.objects.get(pk=self.enrolment.pk).status, Enrolment.Status.COMPLETED)
        [result] = self.record(update(self.video, 100, position=30, when=timezone.now()))
        self.assertNotIn("error", result)
        self.assertTrue(result["enrolment"]["completed"])
        self.assertEqual(self.progress_of(self.learner_a, self.video).position_seconds, 30)
