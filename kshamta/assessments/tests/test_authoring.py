"""Authoring assessments: only in a draft version, with each kind's rules, audited; copying to a new version."""

from __future__ import annotations

from typing import Any

from kshamta.assessments import actions
from kshamta.assessments.models import Assessment, Question, Section
from kshamta.assessments.tests.helpers import MATCH, SINGLE, AssessmentTestCase, add_every_kind, draft_version
from kshamta.catalog.models import CourseVersion, Resource
from kshamta.catalog.testing import make_course, make_provider
from kshamta.core.models import AuditEvent

Kind = Question.Kind


class DraftAuthoringTests(AssessmentTestCase):
    def setUp(self) -> None:
        provider = make_provider("ATI-REV", org=self.dept_a)
        self.draft = draft_version(make_course("LAND-201", provider=provider, resources=("assessment",), publish=False))

    def test_build_an_assessment_with_every_kind(self) -> None:
        quiz = actions.do_create_assessment(
            self.draft, acting_user=self.author, title_hi="भू-अभिलेख", pass_percent=70, time_limit_minutes=None
        )
        section = actions.do_add_section(quiz, title_en="Part A", draw_count=3, acting_user=self.author)
        added = add_every_kind(section, acting_user=self.author)
        self.assertEqual([q.position for q in added.values()], [1, 2, 3, 4, 5])
        self.assertEqual(section.questions.count(), 5)
        events = AuditEvent.objects.filter(actor=self.author, action__startswith="assessment.")
        self.assertTrue(events.filter(action="assessment.create", target_id=str(quiz.pk)).exists())
        question_events = events.filter(
            action="assessment.question.create", target_id__in=[str(q.pk) for q in added.values()]
        )
        self.assertEqual(question_events.count(), 5)
        self.assertEqual({e.org_path for e in question_events}, {self.dept_a.path})

    def test_settings_are_checked(self) -> None:
        for fields in (
            {"title_en": "", "title_hi": ""},
            {"title_en": "Quiz", "pass_percent": 101},
            {"title_en": "Quiz", "time_limit_minutes": 0},
            {"title_en": "Quiz", "max_attempts": 0},
        ):
            with self.subTest(fields=fields), self.assertRaises(actions.AssessmentError):
                actions.do_create_assessment(self.draft, acting_user=self.author, **fields)
        with self.assertRaises(TypeError):
            not_a_setting: dict[str, Any] = {"version": None}
            actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz", **not_a_setting)
        self.assertFalse(Assessment.objects.filter(version=self.draft).exists())

    def test_a_question_breaking_its_kinds_rules_is_refused_with_a_reason(self) -> None:
        quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz")
        section = actions.do_add_section(quiz, title_en="A", acting_user=self.author)
        cases = [
            (Kind.SINGLE, SINGLE["choices"], "z"),
            (Kind.MULTIPLE, SINGLE["choices"], []),
            (Kind.TRUE_FALSE, {}, "yes"),
            (Kind.FILL_BLANK, {}, []),
            (Kind.MATCH, MATCH["choices"], {"l1": "rq7"}),
        ]
        for kind, choices, answer in cases:
            with self.subTest(kind=kind), self.assertRaises(actions.AssessmentError) as refused:
                actions.do_add_question(
                    section, kind=kind, text_en="Q?", choices=choices, answer=answer, acting_user=self.author
                )
            self.assertEqual(refused.exception.code, "invalid_question")
            self.assertTrue(refused.exception.message)
        with self.assertRaises(actions.AssessmentError):
            actions.do_add_question(
                section, kind=Kind.TRUE_FALSE, text_en=" ", choices={}, answer=True, acting_user=None
            )
        self.assertFalse(section.questions.exists())

    def test_edit_and_delete_a_question(self) -> None:
        quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz")
        section = actions.do_add_section(quiz, title_en="A", acting_user=self.author)
        question = add_every_kind(section)[Kind.SINGLE]
        actions.do_update_question(question, acting_user=self.author, answer="c", points=4)
        question.refresh_from_db()
        self.assertEqual((question.answer, question.points, question.kind), ("c", 4, Kind.SINGLE))
        with self.assertRaises(actions.AssessmentError):
            actions.do_update_question(question, acting_user=self.author, kind=Kind.TRUE_FALSE)  # answer "c" is no bool
        actions.do_update_question(question, acting_user=self.author, kind=Kind.TRUE_FALSE, choices={}, answer=False)
        question.refresh_from_db()
        self.assertEqual((question.kind, question.answer, question.choices), (Kind.TRUE_FALSE, False, {}))
        actions.do_delete_question(question, acting_user=self.author)
        self.assertFalse(Question.objects.filter(pk=question.pk).exists())
        self.assertTrue(AuditEvent.objects.filter(action="assessment.question.delete", before__answer=False).exists())

    def test_sections_edit_and_delete_with_their_questions(self) -> None:
        quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz")
        section = actions.do_add_section(quiz, title_en="A", acting_user=self.author)
        add_every_kind(section)
        actions.do_update_section(section, title_en="Part A", draw_count=2, acting_user=self.author)
        section.refresh_from_db()
        self.assertEqual((section.title_en, section.draw_count), ("Part A", 2))
        with self.assertRaises(actions.AssessmentError):
            actions.do_update_section(section, title_en="Part A", draw_count=0, acting_user=self.author)
        actions.do_delete_section(section, acting_user=self.author)
        self.assertFalse(Question.objects.filter(section_id=section.pk).exists())

    def test_an_assessment_shown_by_a_resource_cannot_be_deleted(self) -> None:
        quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz")
        Resource.objects.filter(module__version=self.draft).update(assessment=quiz)
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_delete_assessment(quiz, acting_user=self.author)
        self.assertEqual(refused.exception.code, "in_use")
        Resource.objects.filter(module__version=self.draft).update(assessment=None)
        quiz_id = quiz.pk
        actions.do_delete_assessment(quiz, acting_user=self.author)
        self.assertFalse(Assessment.objects.filter(pk=quiz_id).exists())
        self.assertTrue(AuditEvent.objects.filter(action="assessment.delete", target_id=str(quiz_id)).exists())

    def test_question_bank_import_is_all_or_nothing(self) -> None:
        quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Quiz")
        section = actions.do_add_section(quiz, title_en="A", acting_user=self.author)
        rows: list[dict[str, Any]] = [
            {"kind": "true_false", "text_en": "The sky is blue.", "answer": True},
            {"kind": "single", "text_en": "Pick", "answer": "a", **{"choices": SINGLE["choices"]}},
            {"kind": "fill_blank", "text_hi": "राजधानी ____ है।", "answer": ["भोपाल"], "points": 2},
        ]
        added = actions.do_import_questions(section, rows, acting_user=self.author)
        self.assertEqual([q.kind for q in added], ["true_false", "single", "fill_blank"])
        bad = [*rows, {"kind": "match", "text_en": "Pairs", "choices": MATCH["choices"], "answer": {}}]
        with self.assertRaises(actions.AssessmentError) as refused:
            actions.do_import_questions(section, bad, acting_user=self.author)
        self.assertIn("Question 4", refused.exception.message)
        self.assertEqual(section.questions.count(), 3)


class PublishedVersionTests(AssessmentTestCase):
    def test_nothing_in_a_published_version_can_change(self) -> None:
        self.assertEqual(self.version.status, CourseVersion.Status.PUBLISHED)
        question = self.questions[Kind.SINGLE]
        refused_calls = [
            lambda: actions.do_create_assessment(self.version, acting_user=self.author, title_en="Another"),
            lambda: actions.do_update_assessment(self.assessment, acting_user=self.author, pass_percent=10),
            lambda: actions.do_delete_assessment(self.assessment, acting_user=self.author),
            lambda: actions.do_add_section(self.assessment, title_en="More", acting_user=self.author),
            lambda: actions.do_update_section(self.section, title_en="X", acting_user=self.author),
            lambda: actions.do_delete_section(self.section, acting_user=self.author),
            lambda: actions.do_add_question(
                self.section, kind=Kind.TRUE_FALSE, text_en="Q", choices={}, answer=True, acting_user=self.author
            ),
            lambda: actions.do_update_question(question, acting_user=self.author, answer="b"),
            lambda: actions.do_delete_question(question, acting_user=self.author),
            lambda: actions.do_import_questions(
                self.section, [{"kind": "true_false", "text_en": "Q", "answer": True}], acting_user=self.author
            ),
        ]
        for number, call in enumerate(refused_calls):
            with self.subTest(number=number), self.assertRaises(actions.AssessmentError) as refused:
                call()
            self.assertEqual(refused.exception.code, "not_editable")
        question.refresh_from_db()
        self.assessment.refresh_from_db()
        self.assertEqual((question.answer, self.assessment.pass_percent), ("a", 60))
        self.assertEqual(Section.objects.filter(assessment=self.assessment).count(), 1)
        self.assertEqual(Question.objects.filter(section=self.section).count(), 5)


class CopyTests(AssessmentTestCase):
    def test_a_new_version_gets_copies_and_the_original_keeps_its_attempts(self) -> None:
        attempt = self.start()
        new_version = CourseVersion.objects.create(course=self.course, number=2)
        copies = actions.copy_assessments(self.version, new_version)
        self.assertEqual(list(copies), [self.assessment.pk])
        copy = copies[self.assessment.pk]
        self.assertNotEqual(copy.pk, self.assessment.pk)
        self.assertEqual(
            (copy.title_en, copy.pass_percent, copy.time_limit_minutes, copy.is_final),
            ("RTI and land records quiz", 60, 20, True),
        )
        [section] = copy.sections.all()
        self.assertEqual(section.title_en, "Basics")
        copied = list(section.questions.values_list("kind", "choices", "answer", "points", "explanation_en"))
        original = list(self.section.questions.values_list("kind", "choices", "answer", "points", "explanation_en"))
        self.assertEqual(copied, original)
        self.assertFalse(copy.attempts.exists())
        self.assertEqual(attempt.assessment_id, self.assessment.pk)
        # The copy belongs to a draft: it can be edited without touching the published original.
        actions.do_update_question(section.questions.get(kind=Kind.SINGLE), acting_user=self.author, answer="b")
        self.assertEqual(self.questions[Kind.SINGLE].answer, "a")
        self.assertEqual(Question.objects.get(pk=self.questions[Kind.SINGLE].pk).answer, "a")
