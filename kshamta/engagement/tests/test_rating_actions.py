from __future__ import annotations

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.core.testing import CastTestCase
from kshamta.engagement import ledger
from kshamta.engagement.actions import MAX_REVIEW_LENGTH, RatingRefused, clean_review, do_delete_rating, do_rate_course
from kshamta.engagement.karma import MONTHLY_CAP, POINTS, Rule, course_source
from kshamta.engagement.models import KarmaEntry, Rating
from kshamta.engagement.tests.helpers import active_enrolment, completed_enrolment, courses


class RatingTestCase(CastTestCase):
    course: Course

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.course = make_course("RTI-101")
        completed_enrolment(cls.learner_a, cls.course)
        completed_enrolment(cls.learner_b, cls.course)

    def totals(self) -> tuple[int, int]:
        self.course.refresh_from_db()
        return self.course.rating_count, self.course.rating_sum

    def refused(self, code: str, user: object = None, **kwargs: object) -> RatingRefused:
        rater = user or self.learner_a
        with self.assertRaises(RatingRefused) as caught:
            do_rate_course(rater, self.course, acting_user=rater, **{"stars": 4, **kwargs})  # type: ignore[arg-type]
        self.assertEqual(caught.exception.code, code)
        self.assertTrue(caught.exception.message)
        return caught.exception


class RateCourseTests(RatingTestCase):
    def test_rating_counts_in_the_course_totals_and_earns_karma_once(self) -> None:
        rating, created = do_rate_course(
            self.learner_a, self.course, stars=4, review="Useful.", acting_user=self.learner_a
        )
        self.assertTrue(created)
        self.assertEqual((rating.stars, rating.review), (4, "Useful."))
        self.assertEqual(self.totals(), (1, 4))
        do_rate_course(self.learner_b, self.course, stars=5, acting_user=self.learner_b)
        self.assertEqual(self.totals(), (2, 9))
        self.assertEqual(self.course.rating_average, 4.5)
        entries = KarmaEntry.objects.filter(user=self.learner_a)
        self.assertEqual(
            list(entries.values_list("rule", "points", "source_key")),
            [(Rule.COURSE_RATED, POINTS[Rule.COURSE_RATED], course_source(self.course.pk))],
        )

    def test_editing_adjusts_the_sum_by_the_difference_and_earns_nothing_more(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=2, acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=5, acting_user=self.learner_b)
        rating, created = do_rate_course(
            self.learner_a, self.course, stars=4, review="Better on a second look.", acting_user=self.learner_a
        )
        self.assertFalse(created)
        self.assertEqual(self.totals(), (2, 9))
        rating, created = do_rate_course(self.learner_a, self.course, stars=1, acting_user=self.learner_a)
        self.assertEqual(self.totals(), (2, 6))
        self.assertEqual(rating.review, "")
        self.assertEqual(Rating.objects.filter(user=self.learner_a, course=self.course).count(), 1)
        self.assertEqual(ledger.balance(self.learner_a), POINTS[Rule.COURSE_RATED])

    def test_deleting_takes_it_out_and_rerating_earns_no_second_award(self) -> None:
        rating, _ = do_rate_course(self.learner_a, self.course, stars=3, acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=5, acting_user=self.learner_b)
        do_delete_rating(rating, acting_user=self.learner_a)
        self.assertEqual(self.totals(), (1, 5))
        do_delete_rating(rating, acting_user=self.learner_a)  # a second click changes nothing
        self.assertEqual(self.totals(), (1, 5))
        _, created = do_rate_course(self.learner_a, self.course, stars=4, acting_user=self.learner_a)
        self.assertTrue(created)
        self.assertEqual(self.totals(), (2, 9))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a, rule=Rule.COURSE_RATED).count(), 1)
        self.assertEqual(ledger.balance(self.learner_a), POINTS[Rule.COURSE_RATED])

    def test_nobody_deletes_or_makes_anyone_elses_rating(self) -> None:
        rating, _ = do_rate_course(self.learner_a, self.course, stars=3, acting_user=self.learner_a)
        with self.assertRaises(RatingRefused):
            do_delete_rating(rating, acting_user=self.learner_b)
        with self.assertRaises(RatingRefused) as caught:
            do_rate_course(self.learner_b, self.course, stars=1, acting_user=self.learner_a)
        self.assertEqual(caught.exception.code, "forbidden")
        self.assertEqual(self.totals(), (1, 3))

    def test_ratings_earn_karma_up_to_the_monthly_cap(self) -> None:
        allowed = MONTHLY_CAP[Rule.COURSE_RATED] // POINTS[Rule.COURSE_RATED]
        many = courses(allowed + 2)
        for course in many:
            completed_enrolment(self.learner_a, course)
            do_rate_course(self.learner_a, course, stars=5, acting_user=self.learner_a)
        self.assertEqual(Rating.objects.filter(user=self.learner_a).count(), allowed + 2)
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), allowed)
        self.assertEqual(ledger.balance(self.learner_a), MONTHLY_CAP[Rule.COURSE_RATED])


class RefusedRatingTests(RatingTestCase):
    def test_no_rating_before_completion(self) -> None:
        other = make_course("POSH-01")
        active_enrolment(self.learner_a, other)
        with self.assertRaises(RatingRefused) as caught:
            do_rate_course(self.learner_a, other, stars=5, acting_user=self.learner_a)
        self.assertEqual(caught.exception.code, "not_completed")
        self.assertEqual(str(caught.exception), "You can rate this course once you have completed it.")
        with self.assertRaises(RatingRefused):  # not even enrolled
            do_rate_course(self.outsider, other, stars=5, acting_user=self.outsider)
        other.refresh_from_db()
        self.assertEqual((other.rating_count, other.rating_sum), (0, 0))
        self.assertFalse(KarmaEntry.objects.exists())

    def test_stars_must_be_one_to_five(self) -> None:
        for stars in (0, 6, -1, 100, True, "4", 3.5, None):
            self.refused("invalid_stars", stars=stars)
        self.assertEqual(self.totals(), (0, 0))
        self.assertFalse(Rating.objects.exists())

    def test_a_refused_edit_keeps_the_old_rating(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=4, review="Good.", acting_user=self.learner_a)
        self.refused("invalid_stars", stars=9)
        self.refused("review_too_long", stars=1, review="x" * (MAX_REVIEW_LENGTH + 1))
        rating = Rating.objects.get(user=self.learner_a)
        self.assertEqual((rating.stars, rating.review), (4, "Good."))
        self.assertEqual(self.totals(), (1, 4))

    def test_review_length_is_counted_after_tidying(self) -> None:
        # Surrounding spaces and runs of spaces do not count against the limit.
        padded = "  " + "a " * (MAX_REVIEW_LENGTH // 2) + "      "
        rating, _ = do_rate_course(self.learner_a, self.course, stars=3, review=padded, acting_user=self.learner_a)
        self.assertLessEqual(len(rating.review), MAX_REVIEW_LENGTH)
        error = self.refused("review_too_long", review="क" * (MAX_REVIEW_LENGTH + 1))
        self.assertIn("2,000", error.message)


class ReviewTextTests(RatingTestCase):
    def test_review_is_stored_as_tidy_plain_text(self) -> None:
        raw = " <b>Good</b>\u200b course\x00!\r\n\r\n\r\n\r\nनमस्ते\u0915\u094d\u200d\u0937   end \x07\u202eevil"
        rating, _ = do_rate_course(self.learner_a, self.course, stars=5, review=raw, acting_user=self.learner_a)
        rating.refresh_from_db()
        # Markup is kept as the text it is (shown escaped), NUL and bell removed, paragraphs kept,
        # the zero-width space and the right-to-left override dropped but the joiner inside Devanagari kept.
        self.assertEqual(rating.review, "<b>Good</b> course!\n\nनमस्ते\u0915\u094d\u200d\u0937 end evil")

    def test_clean_review_of_nothing_is_empty(self) -> None:
        self.assertEqual(clean_review(""), "")
        self.assertEqual(clean_review(" \n\t\n "), "")
