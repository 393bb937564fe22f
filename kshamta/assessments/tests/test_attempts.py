"""Attempts: starting (limits, draws, order), answering, scoring on the server, time limits."""

from __future__ import annotations

import datetime
import random
import unicodedata
from decimal import Decimal
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from kshamta.assessments import actions
from kshamta.assessments.models import Attempt, Question
from kshamta.assessments.tests.helpers import (
    MATCH,
    POINTS,
    QANUNGO_HI,
    AssessmentTestCase,
    add_every_kind,
    attach_and_publish,
    draft_version,
    enrol,
)
from kshamta.catalog.models import Resource
from kshamta.catalog.testing import make_course, make_provider
from kshamta.engagement.karma import Rule
from kshamta.engagement.models import KarmaEntry
from kshamta.learning.models import Enrolment, ResourceProgress

Kind = Question.Kind


def deadline(attempt: Attempt) -> datetime.datetime:
    assert attempt.deadline_at is not None
    return attempt.deadline_at


TOTAL = sum(POINTS.values())


class StartTests(AssessmentTestCase):
    def test_start_draws_every_question_with_a_deadline(self) -> None:
        before = timezone.now()
        attempt = self.start()
        self.assertEqual(attempt.status, Attempt.Status.IN_PROGRESS)
        self.assertEqual(attempt.number, 1)
        self.assertEqual(sorted(e["q"] for e in attempt.layout), sorted(q.pk for q in self.questions.values()))
        self.assertGreaterEqual(deadline(attempt), before + datetime.timedelta(minutes=20))
        self.assertLessEqual(deadline(attempt), timezone.now() + datetime.timedelta(minutes=20))
        by_id = {e["q"]: e for e in attempt.layout}
        single = by_id[self.questions[Kind.SINGLE].pk]
        self.assertEqual(sorted(single["options"]), ["a", "b", "c"])
        match = by_id[self.questions[Kind.MATCH].pk]
        self.assertEqual(sorted(match["left"]), ["l1", "l2", "l3"])
        self.assertEqual(sorted(match["right"]), ["r9x", "rk2", "rq7"])

    def test_starting_again_returns_the_open_attempt(self) -> None:
        first = self.start()
        second = self.start()
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 1)

    def test_a_start_that_loses_the_race_gets_the_winners_attempt(self) -> None:
        """Two requests both pass the checks before either inserts (SQLite has no row locks):
        the second insert hits a unique constraint, and the winner's attempt is returned."""
        winner = self.start()
        with mock.patch("kshamta.assessments.actions._open_attempt", return_value=None):
            again = self.start()
        self.assertEqual(again.pk, winner.pk)
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 1)

    def test_questions_and_options_come_in_a_different_order_across_attempts(self) -> None:
        layouts = []
        for seed in range(3):
            attempt = self.start(rng=random.Random(seed))
            layouts.append([e["q"] for e in attempt.layout])
            actions.do_submit_attempt(attempt, {})
        self.assertEqual(len({tuple(layout) for layout in layouts}), 3, layouts)
        for layout in layouts:
            self.assertEqual(sorted(layout), sorted(q.pk for q in self.questions.values()))

    def test_no_shuffle_keeps_the_authored_order_except_the_match_answers(self) -> None:
        self.assessment.shuffle_questions = False
        self.assessment.shuffle_options = False
        layout = actions.draw_layout(self.assessment, random.Random(7))
        self.assertEqual([e["q"] for e in layout], [q.pk for q in self.questions.values()])
        self.assertEqual(layout[0]["options"], ["a", "b", "c"])
        self.assertEqual(layout[4]["left"], ["l1", "l2", "l3"])
        rights = {tuple(actions.draw_layout(self.assessment, random.Random(s))[4]["right"]) for s in range(6)}
        self.assertGreater(len(rights), 1)

    def test_a_section_draws_its_number_of_questions(self) -> None:
        self.section.draw_count = 2
        self.section.save()
        drawn = [frozenset(e["q"] for e in actions.draw_layout(self.assessment, random.Random(s))) for s in range(8)]
        self.assertTrue(all(len(d) == 2 for d in drawn))
        self.assertGreater(len(set(drawn)), 1)
        self.assertTrue(set().union(*drawn) <= {q.pk for q in self.questions.values()})

    def test_attempt_limit(self) -> None:
        for _ in range(3):
            actions.do_submit_attempt(self.start(), {})
        with self.assertRaises(actions.AssessmentError) as refused:
            self.start()
        self.assertEqual(refused.exception.code, "no_attempts_left")
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 3)

    def test_no_limit_when_max_attempts_is_empty(self) -> None:
        self.assessment.max_attempts = None
        self.assessment.save()
        for _ in range(5):
            actions.do_submit_attempt(self.start(), {})
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 5)

    def test_no_retake_after_a_pass(self) -> None:
        actions.do_submit_attempt(self.start(), self.all_right())
        with self.assertRaises(actions.AssessmentError) as refused:
            self.start()
        self.assertEqual(refused.exception.code, "already_passed")

    def test_refused_without_an_enrolment_in_its_version(self) -> None:
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment_b)
        self.assertEqual(refused.exception.code, "not_enrolled")
        Enrolment.objects.filter(pk=self.enrolment_a.pk).update(status=Enrolment.Status.WITHDRAWN)
        self.enrolment_a.refresh_from_db()
        with self.assertRaises(actions.AssessmentError):
            actions.do_start_attempt(self.assessment, self.learner_a, self.enrolment_a)

    def test_refused_when_there_are_no_questions(self) -> None:
        Question.objects.filter(section=self.section).delete()
        with self.assertRaises(actions.AssessmentError) as refused:
            self.start()
        self.assertEqual(refused.exception.code, "no_questions")


class ScoringTests(AssessmentTestCase):
    def submit(self, **by_kind: object) -> Attempt:
        return actions.do_submit_attempt(self.start(), self.answers(**by_kind))

    def test_every_kind_right(self) -> None:
        attempt = actions.do_submit_attempt(self.start(), self.all_right())
        self.assertEqual(attempt.status, Attempt.Status.SUBMITTED)
        self.assertEqual((attempt.score, attempt.max_score, attempt.percent), (TOTAL, TOTAL, 100))
        self.assertTrue(attempt.passed)

    def test_each_kind_right_and_wrong_on_its_own(self) -> None:
        self.assessment.max_attempts = None
        self.assessment.pass_percent = 100
        self.assessment.save()
        cases = [
            (Kind.SINGLE, "a", 1),
            (Kind.SINGLE, "b", 0),
            (Kind.MULTIPLE, ["c", "a"], 2),
            (Kind.MULTIPLE, ["a"], 0),
            (Kind.MULTIPLE, ["a", "b", "c"], 0),
            (Kind.TRUE_FALSE, True, 1),
            (Kind.TRUE_FALSE, False, 0),
            (Kind.FILL_BLANK, "  qanungo. ", 1),
            (Kind.FILL_BLANK, "  " + unicodedata.normalize("NFD", QANUNGO_HI) + "   ", 1),
            (Kind.FILL_BLANK, "Tehsildar", 0),
            (Kind.MATCH, MATCH["answer"], 3),
            (Kind.MATCH, {"l1": "rq7", "l2": "r9x", "l3": "r9x"}, 2),
            (Kind.MATCH, {"l1": "rq7"}, 1),
            (Kind.MATCH, {"l1": "r9x", "l2": "rq7", "l3": "rq7"}, 0),
        ]
        for kind, given, points in cases:
            with self.subTest(kind=kind, given=given):
                attempt = self.submit(**{kind: given})
                self.assertEqual(attempt.score, Decimal(points))
                self.assertEqual(attempt.max_score, TOTAL)
                self.assertFalse(attempt.passed)

    def test_hindi_fill_in_typed_decomposed_with_spaces_counts(self) -> None:
        typed = "   " + unicodedata.normalize("NFD", QANUNGO_HI) + "  "
        self.assertNotIn(QANUNGO_HI, typed)
        attempt = self.submit(fill_blank=typed)
        self.assertEqual(attempt.score, 1)

    def test_percent_is_rounded_for_show_but_the_pass_mark_is_compared_exactly(self) -> None:
        # 5 of 8 points = 62.5 %; with a match pair wrong, 4 of 8 = 50 %.
        attempt = self.submit(single="a", multiple=["a", "c"], true_false=True, fill_blank="qanungo")
        self.assertEqual((attempt.score, attempt.percent), (Decimal(5), Decimal("62.50")))
        self.assertTrue(attempt.passed)

    def test_pass_mark_boundary(self) -> None:
        self.assessment.max_attempts = None
        for pass_percent, passed in ((50, True), (51, False)):
            self.assessment.pass_percent = pass_percent
            self.assessment.save()
            Attempt.objects.filter(user=self.learner_a).delete()
            with self.subTest(pass_percent=pass_percent):
                # 4 of 8 points: exactly 50 %.
                attempt = self.submit(single="a", multiple=["a", "c"], true_false=True)
                self.assertEqual(attempt.percent, 50)
                self.assertEqual(attempt.passed, passed)

    def test_two_thirds_does_not_pass_a_67_percent_mark(self) -> None:
        # Only the match question, 2 of 3 pairs: 66.67 % shown, 66.666… % compared.
        Question.objects.exclude(pk=self.questions[Kind.MATCH].pk).delete()
        self.assessment.pass_percent = 67
        self.assessment.max_attempts = None
        self.assessment.save()
        attempt = self.submit(match={"l1": "rq7", "l2": "r9x", "l3": "r9x"})
        self.assertEqual((attempt.score, attempt.max_score, attempt.percent), (2, 3, Decimal("66.67")))
        self.assertFalse(attempt.passed)
        self.assessment.pass_percent = 66
        self.assessment.save()
        self.assertTrue(self.submit(match={"l1": "rq7", "l2": "r9x", "l3": "r9x"}).passed)

    def test_answers_to_questions_outside_the_attempt_or_of_the_wrong_shape_are_ignored(self) -> None:
        self.section.draw_count = 1
        self.section.save()
        attempt = self.start(rng=random.Random(3))
        [drawn] = [e["q"] for e in attempt.layout]
        other = next(q for q in self.questions.values() if q.pk != drawn)
        closed = actions.do_submit_attempt(attempt, {str(other.pk): "a", "999999": "a", str(drawn): {"x": 1}})
        self.assertEqual(closed.answers, {})
        self.assertEqual((closed.score, closed.max_score), (0, self.questions_by_id()[drawn].points))
        self.assertEqual(actions.clean_answers(attempt, ["not", "a", "dict"]), {})

    def questions_by_id(self) -> dict[int, Question]:
        return {q.pk: q for q in self.questions.values()}


class SubmitTests(AssessmentTestCase):
    def test_submit_twice_is_refused_and_the_score_stays(self) -> None:
        attempt = self.start()
        first = actions.do_submit_attempt(attempt, self.answers(single="a"))
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_submit_attempt(attempt, self.all_right())
        self.assertEqual(refused.exception.code, "already_submitted")
        attempt.refresh_from_db()
        self.assertEqual((attempt.score, attempt.submitted_at, attempt.answers), (1, first.submitted_at, first.answers))

    def test_autosaved_answers_count_and_the_submission_has_the_last_word(self) -> None:
        attempt = self.start()
        actions.do_save_answers(attempt, self.answers(single="a", true_false=False, multiple=["a"]))
        actions.do_save_answers(attempt, self.answers(true_false=True))
        attempt.refresh_from_db()
        self.assertEqual(attempt.answers, self.answers(single="a", true_false=True, multiple=["a"]))
        closed = actions.do_submit_attempt(attempt, {**self.answers(multiple=["a", "c"]), **self.answers(single=None)})
        # single cleared (null), true_false kept from the autosave, multiple replaced: 1 + 2 points.
        self.assertEqual(closed.score, 3)
        self.assertNotIn(str(self.questions[Kind.SINGLE].pk), closed.answers)

    def test_autosave_refused_once_closed(self) -> None:
        attempt = self.start()
        actions.do_submit_attempt(attempt, {})
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_save_answers(attempt, self.all_right())
        self.assertEqual(refused.exception.code, "attempt_closed")

    def test_submission_after_the_deadline_expires_the_attempt_and_ignores_late_answers(self) -> None:
        attempt = self.start()
        actions.do_save_answers(
            attempt, self.answers(single="a"), now=deadline(attempt) - datetime.timedelta(minutes=1)
        )
        late = deadline(attempt) + actions.SUBMIT_GRACE + datetime.timedelta(seconds=1)
        closed = actions.do_submit_attempt(attempt, self.all_right(), now=late)
        self.assertEqual(closed.status, Attempt.Status.EXPIRED)
        self.assertEqual(closed.answers, self.answers(single="a"))
        self.assertEqual(closed.score, 1)
        self.assertFalse(closed.passed)
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_submit_attempt(attempt, self.all_right(), now=late)
        self.assertEqual(refused.exception.code, "attempt_closed")

    def test_submission_within_the_grace_counts(self) -> None:
        attempt = self.start()
        on_its_way = deadline(attempt) + actions.SUBMIT_GRACE
        closed = actions.do_submit_attempt(attempt, self.all_right(), now=on_its_way)
        self.assertEqual((closed.status, closed.score), (Attempt.Status.SUBMITTED, TOTAL))

    def test_autosave_after_the_deadline_closes_the_attempt_without_the_late_answers(self) -> None:
        attempt = self.start()
        late = deadline(attempt) + datetime.timedelta(minutes=5)
        closed = actions.do_save_answers(attempt, self.all_right(), now=late)
        self.assertEqual((closed.status, closed.answers, closed.score), (Attempt.Status.EXPIRED, {}, 0))

    def test_a_deadline_set_in_the_past_expires_on_the_next_start(self) -> None:
        attempt = self.start()
        actions.do_save_answers(attempt, self.all_right())
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(hours=1))
        with self.assertRaises(actions.AssessmentError) as refused:
            self.start()
        # The abandoned attempt was scored on what it had saved, and it passed: no second attempt,
        # and the refusal did not undo closing the first one.
        self.assertEqual(refused.exception.code, "already_passed")
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.score, attempt.passed), (Attempt.Status.EXPIRED, TOTAL, True))

    def test_a_failed_abandoned_attempt_makes_way_for_the_next(self) -> None:
        attempt = self.start()
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(hours=1))
        second = self.start()
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, second.number, second.status), ("expired", 2, "in_progress"))

    def test_expire_command_closes_abandoned_attempts(self) -> None:
        open_a = self.start()
        open_b = self.start(self.learner_b)
        Attempt.objects.filter(pk=open_a.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=2))
        out = StringIO()
        call_command("expire_attempts", "--json", stdout=out)
        self.assertEqual(out.getvalue().strip(), '{"expired": 1}')
        open_a.refresh_from_db()
        open_b.refresh_from_db()
        self.assertEqual((open_a.status, open_b.status), (Attempt.Status.EXPIRED, Attempt.Status.IN_PROGRESS))
        self.assertIsNotNone(open_a.submitted_at)

    def test_no_time_limit_never_expires(self) -> None:
        self.assessment.time_limit_minutes = None
        self.assessment.save()
        attempt = self.start()
        self.assertIsNone(attempt.deadline_at)
        closed = actions.do_submit_attempt(attempt, self.all_right(), now=timezone.now() + datetime.timedelta(days=30))
        self.assertEqual(closed.status, Attempt.Status.SUBMITTED)


class ResultRecordingTests(AssessmentTestCase):
    def test_a_pass_completes_the_assessment_resource_and_earns_karma_once(self) -> None:
        resource = Resource.objects.get(module__version=self.version, kind=Resource.Kind.ASSESSMENT)
        actions.do_submit_attempt(self.start(), self.answers(single="b"))
        self.assertFalse(ResourceProgress.objects.filter(resource=resource, completed_at__isnull=False).exists())
        self.assertFalse(KarmaEntry.objects.filter(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED).exists())
        actions.do_submit_attempt(self.start(), self.all_right())
        progress = ResourceProgress.objects.get(resource=resource, enrolment=self.enrolment_a)
        self.assertEqual(progress.percent, 100)
        self.assertIsNotNone(progress.completed_at)
        self.enrolment_a.refresh_from_db()
        self.assertTrue(self.enrolment_a.final_assessment_passed)
        entries = KarmaEntry.objects.filter(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED)
        self.assertEqual([e.source_key for e in entries], [f"attempt-pass:{self.assessment.pk}"])

    def test_every_closed_attempt_is_reported_to_the_course(self) -> None:
        with mock.patch("kshamta.learning.actions.do_record_assessment_result") as record:
            failed = actions.do_submit_attempt(self.start(), {})
            expired_attempt = self.start()
            late = deadline(expired_attempt) + datetime.timedelta(hours=1)
            actions.expire_if_overdue(expired_attempt, now=late)
        self.assertEqual([c.args[0].pk for c in record.call_args_list], [failed.pk, expired_attempt.pk])
        self.assertFalse(record.call_args_list[0].args[0].passed)

    def test_if_recording_the_result_fails_the_submission_is_undone(self) -> None:
        attempt = self.start()
        with (
            mock.patch("kshamta.learning.actions.do_record_assessment_result", side_effect=RuntimeError("down")),
            self.assertRaises(RuntimeError),
        ):
            actions.do_submit_attempt(attempt, self.all_right())
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.score), (Attempt.Status.IN_PROGRESS, 0))


class VersionTests(AssessmentTestCase):
    def test_an_enrolment_on_an_older_version_keeps_its_assessment(self) -> None:
        """A learner pinned to version 1 takes version 1's assessment; a copy made for version 2
        belongs to learners who enrol after it is published."""
        from kshamta.catalog.models import CourseVersion

        provider = make_provider("ATI-REV", org=self.dept_a)
        other = make_course("LAND-201", provider=provider, resources=("assessment",), publish=False)
        v1 = draft_version(other)
        quiz = actions.do_create_assessment(v1, acting_user=self.author, title_en="Land quiz")
        add_every_kind(actions.do_add_section(quiz, title_en="All", acting_user=None))
        course = attach_and_publish(v1, quiz)
        old_learner = enrol(self.learner_a, course)
        v2 = CourseVersion.objects.create(course=course, number=2)
        copies = actions.copy_assessments(v1, v2)
        copy = copies[quiz.pk]
        self.assertEqual(copy.version, v2)
        self.assertEqual(copy.sections.get().questions.count(), 5)
        self.assertEqual(
            sorted(copy.sections.get().questions.values_list("kind", "answer", "points")),
            sorted(quiz.sections.get().questions.values_list("kind", "answer", "points")),
        )
        with self.assertRaises(actions.AssessmentError):
            actions.do_start_attempt(copy, self.learner_a, old_learner)
        attempt = actions.do_start_attempt(quiz, self.learner_a, old_learner)
        self.assertEqual(attempt.assessment, quiz)
