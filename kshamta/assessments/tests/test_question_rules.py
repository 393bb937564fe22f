"""The rules of each kind of question: what an author may write, typed-answer matching, scoring."""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from django.test import SimpleTestCase

from kshamta.assessments.models import Question
from kshamta.assessments.questions import (
    QuestionInvalid,
    clean_learner_answer,
    normalise_typed,
    share_correct,
    validate_points,
    validate_question,
)
from kshamta.assessments.tests.helpers import MATCH, MULTIPLE, QANUNGO_HI, SINGLE

Kind = Question.Kind


class AuthoringRulesTests(SimpleTestCase):
    def test_single_choice_needs_two_options_with_unique_ids_and_one_of_them_as_answer(self) -> None:
        choices, answer = validate_question(Kind.SINGLE, SINGLE["choices"], "a")
        self.assertEqual(answer, "a")
        self.assertEqual([o["id"] for o in choices["options"]], ["a", "b", "c"])
        bad = [
            ({"options": [{"id": "a", "en": "Only one"}]}, "a"),
            ({"options": [{"id": "a", "en": "One"}, {"id": "a", "en": "Two"}]}, "a"),
            ({"options": [{"id": "a", "en": "One"}, {"id": "", "en": "Two"}]}, "a"),
            ({"options": [{"id": "a", "en": "One"}, {"id": "b", "en": "", "hi": ""}]}, "a"),
            ({"options": [{"id": "a b", "en": "One"}, {"id": "c", "en": "Two"}]}, "c"),
            (SINGLE["choices"], "z"),
            (SINGLE["choices"], ["a"]),
            ({}, "a"),
            ("a,b", "a"),
        ]
        for choices, answer in bad:
            with self.subTest(choices=choices, answer=answer), self.assertRaises(QuestionInvalid):
                validate_question(Kind.SINGLE, choices, answer)

    def test_multiple_choice_answer_is_a_non_empty_subset_kept_in_option_order(self) -> None:
        _choices, answer = validate_question(Kind.MULTIPLE, MULTIPLE["choices"], ["c", "a"])
        self.assertEqual(answer, ["a", "c"])
        for answer in ([], ["a", "z"], "a", ["a", "a"], [1]):
            with self.subTest(answer=answer), self.assertRaises(QuestionInvalid):
                validate_question(Kind.MULTIPLE, MULTIPLE["choices"], answer)

    def test_true_false_answer_is_a_boolean_and_there_are_no_options(self) -> None:
        self.assertEqual(validate_question(Kind.TRUE_FALSE, {}, False), ({}, False))
        for choices, answer in (({}, "true"), ({}, 1), ({}, None), (SINGLE["choices"], True)):
            with self.subTest(choices=choices, answer=answer), self.assertRaises(QuestionInvalid):
                validate_question(Kind.TRUE_FALSE, choices, answer)

    def test_fill_blank_answer_is_a_list_of_accepted_texts_cleaned_and_without_repeats(self) -> None:
        _choices, answer = validate_question(Kind.FILL_BLANK, {}, ["  Qanungo ", "qanungo", "कानूनगो"])
        self.assertEqual(answer, ["Qanungo", "कानूनगो"])
        for answer in ([], [""], "Qanungo", [3], ["x" * 501]):
            with self.subTest(answer=answer), self.assertRaises(QuestionInvalid):
                validate_question(Kind.FILL_BLANK, {}, answer)

    def test_match_answer_maps_every_left_item_to_a_right_item(self) -> None:
        choices, answer = validate_question(Kind.MATCH, MATCH["choices"], MATCH["answer"])
        self.assertEqual(answer, MATCH["answer"])
        self.assertEqual(len(choices["right"]), 3)
        missing = {"l1": "rq7", "l2": "r9x"}
        unknown = {**MATCH["answer"], "l3": "nowhere"}
        extra = {**MATCH["answer"], "l9": "rq7"}
        for answer in (missing, unknown, extra, ["l1", "rq7"]):
            with self.subTest(answer=answer), self.assertRaises(QuestionInvalid):
                validate_question(Kind.MATCH, MATCH["choices"], answer)
        one_left = {"left": MATCH["choices"]["left"][:1], "right": MATCH["choices"]["right"]}
        with self.assertRaises(QuestionInvalid):
            validate_question(Kind.MATCH, one_left, {"l1": "rq7"})

    def test_unknown_kind_and_bad_points_are_refused(self) -> None:
        with self.assertRaises(QuestionInvalid):
            validate_question("essay", {}, "anything")
        for points in (0, -1, 101, "2", True, 1.5):
            with self.subTest(points=points), self.assertRaises(QuestionInvalid):
                validate_points(points)
        self.assertEqual(validate_points(5), 5)


class TypedAnswerTests(SimpleTestCase):
    def test_case_spaces_and_full_stops_do_not_matter(self) -> None:
        self.assertEqual(normalise_typed("  Right   to\tInformation. "), "right to information")
        self.assertEqual(normalise_typed("STRASSE"), normalise_typed("straße"))

    def test_hindi_in_nfd_with_extra_spaces_and_a_danda_matches_the_nfc_answer(self) -> None:
        typed = "  " + unicodedata.normalize("NFD", QANUNGO_HI) + "   ।"
        self.assertNotEqual(typed.strip(" ।"), QANUNGO_HI)  # really a different code point sequence
        self.assertEqual(normalise_typed(typed), normalise_typed(QANUNGO_HI))
        self.assertEqual(share_correct(Kind.FILL_BLANK, [QANUNGO_HI], typed), 1)

    def test_joiners_and_devanagari_digits_do_not_matter(self) -> None:
        with_zwj = "क्\u200dष"  # क्‍ष: the half form, written with a zero-width joiner
        self.assertEqual(normalise_typed(with_zwj), normalise_typed("क्ष"))
        self.assertEqual(normalise_typed("धारा ६(१)"), normalise_typed("धारा 6(1)"))

    def test_different_words_stay_different(self) -> None:
        self.assertEqual(share_correct(Kind.FILL_BLANK, [QANUNGO_HI], "कानूनगो"), 0)  # no nukta: another spelling
        self.assertEqual(share_correct(Kind.FILL_BLANK, ["Tehsildar"], "Tehsil"), 0)


class ScoringTests(SimpleTestCase):
    def test_single_and_true_false_are_right_or_wrong(self) -> None:
        self.assertEqual(share_correct(Kind.SINGLE, "a", "a"), 1)
        self.assertEqual(share_correct(Kind.SINGLE, "a", "b"), 0)
        self.assertEqual(share_correct(Kind.SINGLE, "a", None), 0)
        self.assertEqual(share_correct(Kind.TRUE_FALSE, False, False), 1)
        self.assertEqual(share_correct(Kind.TRUE_FALSE, False, True), 0)

    def test_multiple_is_all_or_nothing(self) -> None:
        self.assertEqual(share_correct(Kind.MULTIPLE, ["a", "c"], ["c", "a"]), 1)
        self.assertEqual(share_correct(Kind.MULTIPLE, ["a", "c"], ["a"]), 0)
        self.assertEqual(share_correct(Kind.MULTIPLE, ["a", "c"], ["a", "b", "c"]), 0)

    def test_match_scores_each_pair(self) -> None:
        answer = MATCH["answer"]
        self.assertEqual(share_correct(Kind.MATCH, answer, dict(answer)), 1)
        self.assertEqual(share_correct(Kind.MATCH, answer, {"l1": "rq7", "l2": "r9x", "l3": "r9x"}), Fraction(2, 3))
        self.assertEqual(share_correct(Kind.MATCH, answer, {"l1": "rq7"}), Fraction(1, 3))
        self.assertEqual(share_correct(Kind.MATCH, answer, {"l1": "r9x", "l2": "rq7"}), 0)


class LearnerAnswerTests(SimpleTestCase):
    def test_answers_that_do_not_fit_the_question_count_as_not_answered(self) -> None:
        options = SINGLE["choices"]
        self.assertEqual(clean_learner_answer(Kind.SINGLE, options, "b"), "b")
        self.assertIsNone(clean_learner_answer(Kind.SINGLE, options, "zz"))
        self.assertIsNone(clean_learner_answer(Kind.SINGLE, options, ["a"]))
        self.assertEqual(clean_learner_answer(Kind.MULTIPLE, MULTIPLE["choices"], ["d", "a", "x"]), ["a", "d"])
        self.assertEqual(clean_learner_answer(Kind.MULTIPLE, MULTIPLE["choices"], "c"), ["c"])
        self.assertIsNone(clean_learner_answer(Kind.MULTIPLE, MULTIPLE["choices"], {"a": 1}))
        self.assertIs(clean_learner_answer(Kind.TRUE_FALSE, {}, "false"), False)
        self.assertIsNone(clean_learner_answer(Kind.TRUE_FALSE, {}, "maybe"))
        self.assertEqual(clean_learner_answer(Kind.FILL_BLANK, {}, "  x  y "), "x y")
        self.assertEqual(len(clean_learner_answer(Kind.FILL_BLANK, {}, "y" * 5000)), 500)
        self.assertIsNone(clean_learner_answer(Kind.FILL_BLANK, {}, 42))
        self.assertEqual(
            clean_learner_answer(Kind.MATCH, MATCH["choices"], {"l1": "rq7", "l2": "bogus", "l9": "r9x"}),
            {"l1": "rq7"},
        )
        self.assertIsNone(clean_learner_answer(Kind.MATCH, MATCH["choices"], "l1=rq7"))
