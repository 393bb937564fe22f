from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from kshamta.accounts import actions as account_actions
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.core.testing import CastTestCase
from kshamta.engagement.actions import do_rate_course
from kshamta.engagement.models import KarmaEntry, Rating
from kshamta.engagement.tests.helpers import active_enrolment, completed_enrolment

TAG = Template("{% load engagement_tags %}{% course_ratings course %}")


class RatingPageTestCase(CastTestCase):
    course: Course

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.course = make_course("RTI-101")
        completed_enrolment(cls.learner_a, cls.course)
        completed_enrolment(cls.learner_b, cls.course)
        active_enrolment(cls.nodal_a, cls.course)

    def render(self, user: Any) -> str:
        request = RequestFactory().get(f"/courses/{self.course.code}/")
        request.user = user or AnonymousUser()
        # As a page's template sees it, after the context processors (whose queries are the page's).
        return TAG.render(Context({"course": self.course, "request": request, "csrf_token": get_token(request)}))

    def course_url(self) -> str:
        return reverse("catalog:detail", args=[self.course.code]) + "#ratings"

    def messages_of(self, response: Any) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]


class CourseRatingsIncludeTests(RatingPageTestCase):
    def test_average_and_count_in_words_for_everyone(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=4, review="Clear and short.", acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=5, acting_user=self.learner_b)
        self.course.refresh_from_db()
        html = self.render(None)
        self.assertIn("4.5 out of 5, 2 ratings", html)
        self.assertIn('<span class="stars" aria-hidden="true">★★★★★</span>', html)  # 4.5 rounds to 5 stars shown
        self.assertIn("Clear and short.", html)
        # Names are for signed-in colleagues only, should the include ever reach a public page.
        self.assertNotIn("Sita Devi", html)
        self.assertIn("A learner", html)
        self.assertIn("Sita Devi", self.render(self.outsider))
        self.assertIn("4 stars out of 5", html)
        self.assertNotIn("<form", html)  # anonymous: no form

    def test_one_rating_is_singular_and_no_ratings_says_so(self) -> None:
        self.assertIn("No ratings yet.", self.render(None))
        do_rate_course(self.learner_a, self.course, stars=3, acting_user=self.learner_a)
        self.course.refresh_from_db()
        self.assertIn("3.0 out of 5, 1 rating<", self.render(None))
        self.assertNotIn("Recent reviews", self.render(None))  # stars alone are not a review

    def test_reviewers_name_in_the_readers_language(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=4, review="अच्छा", acting_user=self.learner_a)
        with translation.override("hi"):
            html = self.render(self.learner_b)
        self.assertIn("सीता देवी", html)

    def test_only_a_learner_who_completed_it_gets_the_form(self) -> None:
        html = self.render(self.learner_a)
        self.assertIn(f'action="{reverse("engagement:rate", args=[self.course.code])}"', html)
        self.assertEqual(html.count('type="radio" name="stars"'), 5)
        self.assertIn('name="csrfmiddlewaretoken"', html)
        self.assertIn("Rate this course", html)
        self.assertNotIn("Remove my rating", html)
        for user in (self.nodal_a, self.outsider):  # still in progress; never enrolled
            self.assertNotIn("<form", self.render(user))

    def test_form_shows_the_learners_own_rating_to_change(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=2, review="Too long.", acting_user=self.learner_a)
        html = self.render(self.learner_a)
        self.assertIn('value="2" id="id_stars_1" required style="width:auto" checked', html)
        self.assertIn("Too long.</textarea>", html)
        self.assertIn("Change your rating", html)
        self.assertIn(f'action="{reverse("engagement:delete_rating", args=[self.course.code])}"', html)

    def test_markup_and_odd_text_in_a_review_is_shown_escaped(self) -> None:
        review = '<script>alert("x")</script> <img src=x onerror=alert(1)> & “quotes” 😀 पटवारी\nsecond line'
        do_rate_course(self.learner_a, self.course, stars=1, review=review, acting_user=self.learner_a)
        html = self.render(self.learner_b)
        self.assertNotIn("<script>alert", html)
        self.assertNotIn("<img src=x", html)
        self.assertIn(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;", html
        )
        self.assertIn("“quotes” 😀 पटवारी<br>second line", html)

    def test_queries_stay_flat(self) -> None:
        for n in range(8):
            learner = account_actions.do_create_person(
                employee_code=f"MP09{n:02d}",
                name_en=f"Learner {n}",
                name_hi=f"शिक्षार्थी {n}",
                org=self.district_a,
                designation=None,
                email=f"learner{n}@mp.gov.in",
                mobile=f"90000009{n:02d}",
                acting_user=None,
            ).user
            completed_enrolment(learner, self.course)
            do_rate_course(learner, self.course, stars=1 + n % 5, review=f"Review {n}", acting_user=learner)
        self.course.refresh_from_db()
        with self.assertNumQueries(1):
            html = self.render(None)
        self.assertEqual(html.count('<li class="review">'), 5)
        with self.assertNumQueries(3):  # reviews, completed?, own rating
            self.render(self.learner_a)
        with self.assertNumQueries(2):  # reviews, completed? (no)
            self.render(self.outsider)


class RatePageTests(RatingPageTestCase):
    def rate(self, user: Any, code: str | None = None, **data: Any) -> Any:
        self.client.cookies.pop("messages", None)  # only this request's messages
        if user is not None:
            self.client.force_login(user)
        return self.client.post(reverse("engagement:rate", args=[code or self.course.code]), data)

    def test_rating_from_the_course_page(self) -> None:
        response = self.rate(self.learner_a, stars="4", review="  Clear\r\n\r\nand short. ")
        self.assertRedirects(response, self.course_url(), fetch_redirect_response=False)
        self.assertEqual(self.messages_of(response), ["Thank you for rating this course."])
        rating = Rating.objects.get(user=self.learner_a, course=self.course)
        self.assertEqual((rating.stars, rating.review), (4, "Clear\n\nand short."))
        self.course.refresh_from_db()
        self.assertEqual((self.course.rating_count, self.course.rating_sum), (1, 4))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 1)

        response = self.rate(self.learner_a, stars="2")
        self.assertEqual(self.messages_of(response), ["Your rating is updated."])
        self.course.refresh_from_db()
        self.assertEqual((self.course.rating_count, self.course.rating_sum), (1, 2))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 1)

    def test_the_course_page_shows_the_form_the_message_and_the_new_average(self) -> None:
        self.client.force_login(self.learner_a)
        page = self.client.get(reverse("catalog:detail", args=[self.course.code]))
        self.assertContains(page, f'action="{reverse("engagement:rate", args=[self.course.code])}"')
        response = self.rate(self.learner_a, stars="4", review="<i>Useful</i>")
        page = self.client.get(response["Location"])
        self.assertContains(page, "Thank you for rating this course.")
        self.assertContains(page, "4.0 out of 5, 1 rating<")
        self.assertContains(page, "&lt;i&gt;Useful&lt;/i&gt;")
        self.assertNotContains(page, "<i>Useful</i>")

    def test_before_completion_the_rating_is_refused_with_the_reason(self) -> None:
        response = self.rate(self.nodal_a, stars="5")
        self.assertRedirects(response, self.course_url(), fetch_redirect_response=False)
        self.assertEqual(self.messages_of(response), ["You can rate this course once you have completed it."])
        response = self.rate(self.outsider, stars="5")
        self.assertEqual(self.messages_of(response), ["You can rate this course once you have completed it."])
        self.assertFalse(Rating.objects.exists())

    def test_stars_out_of_range_are_refused(self) -> None:
        for stars in ("0", "6", "", "five", "4.5"):
            response = self.rate(self.learner_a, stars=stars)
            self.assertEqual(self.messages_of(response), ["Choose from 1 to 5 stars."], stars)
        response = self.rate(self.learner_a)  # no stars at all
        self.assertEqual(self.messages_of(response), ["Choose from 1 to 5 stars."])
        self.assertFalse(Rating.objects.exists())

    def test_a_review_too_long_is_refused(self) -> None:
        response = self.rate(self.learner_a, stars="3", review="x" * 2001)
        self.assertEqual(
            self.messages_of(response), ["A review can be at most 2,000 characters long; this one has 2,001."]
        )
        self.assertFalse(Rating.objects.exists())

    def test_unknown_or_unpublished_course_is_not_found(self) -> None:
        draft = make_course("DRAFT-1", publish=False)
        self.assertEqual(self.rate(self.learner_a, code="NO-SUCH", stars="4").status_code, 404)
        self.assertEqual(self.rate(self.learner_a, code=draft.code, stars="4").status_code, 404)

    def test_anonymous_is_sent_to_sign_in_and_nothing_is_saved(self) -> None:
        response = self.rate(None, stars="5")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")))
        self.assertFalse(Rating.objects.exists())

    def test_only_post(self) -> None:
        self.client.force_login(self.learner_a)
        self.assertEqual(self.client.get(reverse("engagement:rate", args=[self.course.code])).status_code, 405)

    def test_removing_ones_own_rating(self) -> None:
        do_rate_course(self.learner_a, self.course, stars=5, acting_user=self.learner_a)
        do_rate_course(self.learner_b, self.course, stars=1, acting_user=self.learner_b)
        url = reverse("engagement:delete_rating", args=[self.course.code])
        self.client.force_login(self.outsider)  # has no rating here, so cannot remove one
        self.assertEqual(self.client.post(url).status_code, 404)
        self.client.force_login(self.learner_a)
        response = self.client.post(url)
        self.assertRedirects(response, self.course_url(), fetch_redirect_response=False)
        self.assertEqual(self.messages_of(response), ["Your rating is removed."])
        self.assertEqual(list(Rating.objects.values_list("user_id", flat=True)), [self.learner_b.pk])
        self.course.refresh_from_db()
        self.assertEqual((self.course.rating_count, self.course.rating_sum), (1, 1))
        self.assertEqual(self.client.post(url).status_code, 404)  # already gone
        self.client.logout()
        response = self.client.post(url)
        self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")))
