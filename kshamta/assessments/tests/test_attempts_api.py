"""The attempts API: start, read, autosave, submit; no answers before submission; only one's own."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.test import Client
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.assessments import actions
from kshamta.assessments.models import Attempt, Question
from kshamta.assessments.tests.helpers import POINTS, AssessmentTestCase

API = "/api/v1"
Kind = Question.Kind


class AttemptsAPITests(AssessmentTestCase):
    def call(self, method: str, user: Any, path: str, body: Any = None) -> Any:
        client = Client()
        headers: dict[str, Any] = {}
        if user is not None:
            _token, key = account_actions.do_create_api_token(user, name="test", acting_user=user)
            headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
        if method == "get":
            return client.get(API + path, **headers)
        data = json.dumps(body) if body is not None else ""
        return getattr(client, method)(API + path, data=data, content_type="application/json", **headers)

    def assert_error(self, response: Any, status: int, code: str) -> None:
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["message"])

    def test_start_returns_the_questions_without_answers(self) -> None:
        response = self.call("post", self.learner_a, f"/assessments/{self.assessment.pk}/attempts")
        self.assertEqual(response.status_code, 201, response.content)
        body = response.json()
        self.assertEqual(self.secrets_in(response.content.decode()), [])
        self.assertEqual((body["status"], body["number"], body["result"]), ("in_progress", 1, None))
        self.assertLessEqual(body["seconds_left"], 20 * 60)
        self.assertEqual(len(body["questions"]), 5)
        by_kind = {q["kind"]: q for q in body["questions"]}
        self.assertEqual({o["id"] for o in by_kind["single"]["options"]}, {"a", "b", "c"})
        self.assertEqual({i["id"] for i in by_kind["match"]["right"]}, {"r9x", "rk2", "rq7"})
        self.assertEqual(set(by_kind["single"]), set(by_kind["match"]))  # one shape, no answer field anywhere
        again = self.call("post", self.learner_a, f"/assessments/{self.assessment.pk}/attempts")
        self.assertEqual(again.json()["id"], body["id"])

    def test_reading_an_open_attempt_shows_no_answers(self) -> None:
        attempt = self.start()
        actions.do_save_answers(attempt, self.answers(single="b"))
        response = self.call("get", self.learner_a, f"/attempts/{attempt.pk}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.secrets_in(response.content.decode()), [])
        self.assertEqual(response.json()["answers"], self.answers(single="b"))

    def test_save_then_submit_scores_on_the_server_and_returns_the_review(self) -> None:
        attempt = self.start()
        saved = self.call(
            "put", self.learner_a, f"/attempts/{attempt.pk}/answers", {"answers": self.answers(single="a")}
        )
        self.assertEqual(saved.status_code, 200, saved.content)
        self.assertEqual(saved.json()["answers"], self.answers(single="a"))
        response = self.call(
            "post",
            self.learner_a,
            f"/attempts/{attempt.pk}/submit",
            {"answers": self.answers(multiple=["a", "c"], match={"l1": "rq7", "l2": "rk2", "l3": "r9x"})},
        )
        self.assertEqual(response.status_code, 200, response.content)
        body = response.json()
        self.assertEqual(body["status"], "submitted")
        result = body["result"]
        self.assertEqual((result["score"], result["max_score"], result["percent"]), (4.0, 8.0, 50.0))
        self.assertFalse(result["passed"])
        review = {r["question"]: r for r in result["questions"]}
        match = review[self.questions[Kind.MATCH].pk]
        self.assertEqual((match["outcome"], match["earned"], match["points"]), ("partial", 1.0, POINTS[Kind.MATCH]))
        self.assertEqual(match["correct_answer"], {"l1": "rq7", "l2": "r9x", "l3": "rk2"})
        self.assertEqual(review[self.questions[Kind.SINGLE].pk]["explanation_en"], "EXPLAIN-single-7731")

    def test_submitting_twice_is_refused_and_changes_nothing(self) -> None:
        attempt = self.start()
        self.call("post", self.learner_a, f"/attempts/{attempt.pk}/submit", {"answers": {}})
        response = self.call("post", self.learner_a, f"/attempts/{attempt.pk}/submit", {"answers": self.all_right()})
        self.assert_error(response, 409, "already_submitted")
        attempt.refresh_from_db()
        self.assertEqual(attempt.score, 0)
        self.assert_error(
            self.call("put", self.learner_a, f"/attempts/{attempt.pk}/answers", {"answers": {}}), 409, "attempt_closed"
        )

    def test_late_submission_is_expired_and_scored_on_answers_saved_in_time(self) -> None:
        attempt = self.start()
        actions.do_save_answers(attempt, self.answers(multiple=["a", "c"]))
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=2))
        response = self.call("post", self.learner_a, f"/attempts/{attempt.pk}/submit", {"answers": self.all_right()})
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual((body["status"], body["result"]["score"]), ("expired", 2.0))

    def test_late_autosave_answers_time_up(self) -> None:
        attempt = self.start()
        Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - datetime.timedelta(minutes=2))
        response = self.call("put", self.learner_a, f"/attempts/{attempt.pk}/answers", {"answers": self.all_right()})
        self.assert_error(response, 409, "time_up")
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.answers), ("expired", {}))

    def test_start_refusals_are_conflicts_with_a_code(self) -> None:
        actions.do_submit_attempt(self.start(), self.all_right())
        response = self.call("post", self.learner_a, f"/assessments/{self.assessment.pk}/attempts")
        self.assert_error(response, 409, "already_passed")

    def test_malformed_body_is_invalid_request(self) -> None:
        attempt = self.start()
        response = self.call("post", self.learner_a, f"/attempts/{attempt.pk}/submit", {"answers": ["a"]})
        self.assert_error(response, 422, "invalid_request")
        attempt.refresh_from_db()
        self.assertEqual(attempt.status, "in_progress")

    def test_another_learners_attempt_is_404(self) -> None:
        attempt = self.start()
        for method, path, body in (
            ("get", f"/attempts/{attempt.pk}", None),
            ("put", f"/attempts/{attempt.pk}/answers", {"answers": self.all_right()}),
            ("post", f"/attempts/{attempt.pk}/submit", {"answers": self.all_right()}),
        ):
            with self.subTest(path=path, method=method):
                self.assert_error(self.call(method, self.learner_b, path, body), 404, "not_found")
        attempt.refresh_from_db()
        self.assertEqual((attempt.status, attempt.answers), ("in_progress", {}))

    def test_an_assessment_outside_ones_enrolments_is_404(self) -> None:
        response = self.call("post", self.outsider, f"/assessments/{self.assessment.pk}/attempts")
        self.assert_error(response, 404, "not_found")
        self.assert_error(self.call("post", self.learner_a, "/assessments/999999/attempts"), 404, "not_found")
        self.assertFalse(Attempt.objects.exists())

    def test_anonymous_is_401(self) -> None:
        attempt = self.start()
        for method, path in (
            ("get", f"/attempts/{attempt.pk}"),
            ("post", f"/assessments/{self.assessment.pk}/attempts"),
            ("put", f"/attempts/{attempt.pk}/answers"),
            ("post", f"/attempts/{attempt.pk}/submit"),
        ):
            with self.subTest(path=path, method=method):
                self.assert_error(self.call(method, None, path, {"answers": {}}), 401, "unauthenticated")

    def test_session_callers_need_the_csrf_token(self) -> None:
        attempt = self.start()
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.learner_a)
        response = client.post(
            f"{API}/attempts/{attempt.pk}/submit", data=json.dumps({"answers": {}}), content_type="application/json"
        )
        self.assert_error(response, 403, "csrf_failed")
        attempt.refresh_from_db()
        self.assertEqual(attempt.status, "in_progress")
