"""The learner's pages: intro, start, the attempt (no answers in it), autosave, submit and result."""

from __future__ import annotations

import datetime
import unicodedata

from django.urls import reverse
from django.utils import timezone

from kshamta.assessments import actions
from kshamta.assessments.models import Attempt, Question
from kshamta.assessments.tests.helpers import EXPLANATIONS, QANUNGO_HI, AssessmentTestCase

Kind = Question.Kind


class IntroAndStartPageTests(AssessmentTestCase):
    def test_intro_shows_the_rules_and_starts_an_attempt(self) -> None:
        client = self.client_for(self.learner_a)
        response = client.get(reverse("assessments:intro", args=[self.assessment.pk]))
        self.assertContains(response, "RTI and land records quiz")
        self.assertContains(response, "Answer every question.")
        self.assertContains(response, "60%")
        self.assertContains(response, "20 minutes")
        self.assertContains(response, "3 of 3")
        self.assertContains(response, reverse("assessments:start", args=[self.assessment.pk]))
        response = client.post(reverse("assessments:start", args=[self.assessment.pk]))
        attempt = Attempt.objects.get(user=self.learner_a)
        self.assertRedirects(response, reverse("assessments:take", args=[attempt.pk]))

    def test_intro_in_hindi_shows_the_hindi_title(self) -> None:
        client = self.client_for(self.learner_a)
        response = client.get(reverse("assessments:intro", args=[self.assessment.pk]), HTTP_ACCEPT_LANGUAGE="hi")
        self.assertContains(response, "सूचना का अधिकार और भू-अभिलेख प्रश्नोत्तरी")

    def test_start_refused_after_the_last_attempt_says_why(self) -> None:
        self.assessment.max_attempts = 1
        self.assessment.save()
        actions.do_submit_attempt(self.start(), {})
        client = self.client_for(self.learner_a)
        response = client.post(reverse("assessments:start", args=[self.assessment.pk]), follow=True)
        self.assertContains(response, "You have used every attempt allowed for this assessment.")
        self.assertEqual(Attempt.objects.filter(user=self.learner_a).count(), 1)

    def test_start_must_be_a_post(self) -> None:
        response = self.client_for(self.learner_a).get(reverse("assessments:start", args=[self.assessment.pk]))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(Attempt.objects.exists())

    def test_someone_not_enrolled_gets_404(self) -> None:
        for user in (self.outsider, self.author):
            with self.subTest(user=user.name_en):
                client = self.client_for(user)
                self.assertEqual(client.get(reverse("assessments:intro", args=[self.assessment.pk])).status_code, 404)
                self.assertEqual(client.post(reverse("assessments:start", args=[self.assessment.pk])).status_code, 404)
        self.assertFalse(Attempt.objects.exists())

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for name, method in (("assessments:intro", "get"), ("assessments:start", "post")):
            response = getattr(self.client_for(None), method)(reverse(name, args=[self.assessment.pk]))
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("accounts:sign_in"), response["Location"])


class TakePageTests(AssessmentTestCase):
    def test_the_page_has_every_question_and_no_answer_or_explanation(self) -> None:
        attempt = self.start()
        response = self.client_for(self.learner_a).get(reverse("assessments:take", args=[attempt.pk]))
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertEqual(self.secrets_in(body), [])
        for question in self.questions.values():
            self.assertIn(f'name="q-{question.pk}', body)
        self.assertIn("Which law gives citizens the right to ask for government information?", body)
        self.assertIn("Right to Information Act, 2005", body)
        self.assertIn(f'type="checkbox" name="q-{self.questions[Kind.MULTIPLE].pk}"', body)
        match = self.questions[Kind.MATCH].pk
        for left in ("l1", "l2", "l3"):
            self.assertIn(f'<select id="q-{match}-{left}" name="q-{match}-{left}">', body)
        self.assertIn('data-seconds-left="', body)
        self.assertIn("js/assessment.js", body)
        self.assertIn("no-store", response["Cache-Control"])

    def test_options_appear_in_the_attempts_order(self) -> None:
        attempt = self.start()
        entry = next(e for e in attempt.layout if e["q"] == self.questions[Kind.SINGLE].pk)
        body = self.client_for(self.learner_a).get(reverse("assessments:take", args=[attempt.pk])).content.decode()
        labels = {"a": "Right to Information Act", "b": "Official Secrets Act", "c": "Indian Evidence Act"}
        positions = [body.index(labels[i]) for i in entry["options"]]
        self.assertEqual(positions, sorted(positions))

    def test_saved_answers_are_filled_in(self) -> None:
        attempt = self.start()
        actions.do_save_answers(
            attempt, self.answers(single="b", fill_blank="Tehsildar sahib", match={"l2": "rk2"}, true_false=False)
        )
        body = self.client_for(self.learner_a).get(reverse("assessments:take", args=[attempt.pk])).content.decode()
        self.assertIn('value="b" checked', body)
        self.assertIn('value="Tehsildar sahib"', body)
        self.assertIn('value="rk2" selected', body)
        self.assertIn('value="false" checked', body)
        self.assertNotIn('value="true" checked', body)

    def test_another_learners_attempt_is_404(self) -> None:
        attempt = self.start()
        client = self.client_for(self.learner_b)
        for name in ("assessments:take", "assessments:result"):
            self.assertEqual(client.get(reverse(name, args=[attempt.pk])).status_code, 404)
        for name in ("assessments:autosave", "assessments:submit"):
            self.assertEqual(client.post(reverse(name, args=[attempt.pk]), {}).status_code, 404)
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.answers), (Attempt.Status.IN_PROGRESS, {}))

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        attempt = self.start()
        for name, method in (
            ("assessments:take", "get"),
            ("assessments:result", "get"),
            ("assessments:autosave", "post"),
            ("assessments:submit", "post"),
        ):
            with self.subTest(name=name):
                response = getattr(self.client_for(None), method)(reverse(name, args=[attempt.pk]))
                self.assertEqual(response.status_code, 302)
                self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_result_of_an_open_attempt_goes_back_to_the_attempt(self) -> None:
        attempt = self.start()
        response = self.client_for(self.learner_a).get(reverse("assessments:result", args=[attempt.pk]))
        self.assertRedirects(response, reverse("assessments:take", args=[attempt.pk]))

    def test_an_attempt_whose_time_ran_out_opens_as_its_result(self) -> None:
        attempt = self.start()
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=5))
        response = self.client_for(self.learner_a).get(reverse("assessments:take", args=[attempt.pk]))
        self.assertRedirects(response, reverse("assessments:result", args=[attempt.pk]))
        attempt.refresh_from_db()
        self.assertEqual(attempt.status, Attempt.Status.EXPIRED)


class SubmitAndResultPageTests(AssessmentTestCase):
    def form_for_all_right(self) -> dict[str, object]:
        q = {kind: question.pk for kind, question in self.questions.items()}
        return {
            f"q-{q[Kind.SINGLE]}": "a",
            f"q-{q[Kind.MULTIPLE]}": ["a", "c"],
            f"q-{q[Kind.TRUE_FALSE]}": "true",
            f"q-{q[Kind.FILL_BLANK]}": "  " + unicodedata.normalize("NFD", QANUNGO_HI) + " ",
            f"q-{q[Kind.MATCH]}-l1": "rq7",
            f"q-{q[Kind.MATCH]}-l2": "r9x",
            f"q-{q[Kind.MATCH]}-l3": "rk2",
        }

    def test_submitting_the_form_scores_it_and_shows_the_review(self) -> None:
        attempt = self.start()
        client = self.client_for(self.learner_a)
        response = client.post(reverse("assessments:submit", args=[attempt.pk]), self.form_for_all_right())
        self.assertRedirects(response, reverse("assessments:result", args=[attempt.pk]))
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.score, attempt.passed), (Attempt.Status.SUBMITTED, 8, True))
        body = client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
        self.assertIn("Passed", body)
        self.assertIn("8 of 8 points", body)
        self.assertIn("100%", body)
        for explanation in EXPLANATIONS.values():
            self.assertIn(explanation, body)
        self.assertIn("Patwari → Halka", body)

    def test_the_review_shows_wrong_and_partly_right_answers_with_the_correct_ones(self) -> None:
        attempt = self.start()
        form = self.form_for_all_right()
        q = {kind: question.pk for kind, question in self.questions.items()}
        form[f"q-{q[Kind.SINGLE]}"] = "b"
        form[f"q-{q[Kind.MATCH]}-l3"] = "r9x"
        del form[f"q-{q[Kind.TRUE_FALSE]}"]
        client = self.client_for(self.learner_a)
        client.post(reverse("assessments:submit", args=[attempt.pk]), form)
        body = client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
        attempt.refresh_from_db()
        self.assertEqual(attempt.score, 5)  # 8 - single (1) - true/false (1) - a third of the match (1)
        self.assertTrue(attempt.passed)  # 62.5 %
        self.assertIn("Passed", body)
        self.assertIn("Official Secrets Act, 1923", body)  # the learner's answer
        self.assertIn("Right to Information Act, 2005", body)  # the correct one
        self.assertIn("Partly correct", body)
        self.assertIn("Not answered", body)
        self.assertIn(unicodedata.normalize("NFC", QANUNGO_HI), body)

    def test_a_blank_form_clears_what_was_autosaved(self) -> None:
        attempt = self.start()
        client = self.client_for(self.learner_a)
        q = self.questions[Kind.SINGLE].pk
        response = client.post(reverse("assessments:autosave", args=[attempt.pk]), {f"q-{q}": "a"})
        self.assertEqual(response.json()["saved"], True)
        attempt.refresh_from_db()
        self.assertEqual(attempt.answers, {str(q): "a"})
        client.post(reverse("assessments:submit", args=[attempt.pk]), {})
        attempt.refresh_from_db()
        self.assertEqual((attempt.answers, attempt.score), ({}, 0))

    def test_submitting_twice_is_refused_with_a_message(self) -> None:
        attempt = self.start()
        client = self.client_for(self.learner_a)
        client.post(reverse("assessments:submit", args=[attempt.pk]), {})
        response = client.post(reverse("assessments:submit", args=[attempt.pk]), self.form_for_all_right(), follow=True)
        self.assertContains(response, "This attempt has already been submitted.")
        attempt.refresh_from_db()
        self.assertEqual(attempt.score, 0)

    def test_a_late_form_counts_only_what_was_saved_in_time(self) -> None:
        attempt = self.start()
        client = self.client_for(self.learner_a)
        q = self.questions[Kind.SINGLE].pk
        client.post(reverse("assessments:autosave", args=[attempt.pk]), {f"q-{q}": "a"})
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=1))
        response = client.post(reverse("assessments:submit", args=[attempt.pk]), self.form_for_all_right(), follow=True)
        self.assertContains(response, "Only the answers saved before the deadline were scored.")
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.score), (Attempt.Status.EXPIRED, 1))

    def test_autosave_after_time_ran_out_points_to_the_result(self) -> None:
        attempt = self.start()
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=1))
        response = self.client_for(self.learner_a).post(
            reverse("assessments:autosave", args=[attempt.pk]), self.form_for_all_right()
        )
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "time_up")
        self.assertEqual(response.json()["result_url"], reverse("assessments:result", args=[attempt.pk]))
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.answers), (Attempt.Status.EXPIRED, {}))

    def test_intro_lists_earlier_attempts(self) -> None:
        actions.do_submit_attempt(self.start(), self.answers(single="a"))
        open_attempt = self.start()
        client = self.client_for(self.learner_a)
        # Session, user, assessment with its course, enrolment, attempts, question count, roles (menu).
        with self.assertNumQueries(7):
            response = client.get(reverse("assessments:intro", args=[self.assessment.pk]))
        self.assertContains(response, "12.50%")
        self.assertContains(response, reverse("assessments:take", args=[open_attempt.pk]))
        self.assertContains(response, "Continue attempt 2")
