"""POST /api/v1/progress and the player's /learn/progress: the contract, limits, auth, query counts."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.catalog.models import Course, Resource
from kshamta.catalog.testing import make_course
from kshamta.learning import actions
from kshamta.learning.models import ResourceProgress
from kshamta.learning.tests.helpers import LearningTestCase, at, resources_of, update


def wire(*updates: dict[str, object]) -> dict[str, object]:
    """A request body as a client sends it (times as ISO-8601 text)."""
    return {"updates": [{**u, "at": u["at"].isoformat()} for u in updates]}  # type: ignore[attr-defined]


class ProgressAPITests(LearningTestCase):
    def setUp(self) -> None:
        self.enrol(self.learner_a)

    def test_contract(self) -> None:
        other = make_course("POSH-1", provider=self.provider, resources=("video",))
        body = wire(
            update(self.video, 50, position=300, when=at(1)),
            update(self.text, 100, when=at(2)),
            update(resources_of(other)["video"], 100, when=at(3)),
        )
        data = self.api("POST", self.learner_a, "/progress", body).json()
        self.assertEqual(
            data["results"],
            [
                {"resource": self.video.pk, "percent": 50, "completed": False, "error": None},
                {"resource": self.text.pk, "percent": 100, "completed": True, "error": None},
                {"resource": data["results"][2]["resource"], "percent": 0, "completed": False,
                 "error": "resource_not_in_your_courses"},
            ],
        )  # fmt: skip
        self.assertEqual(data["enrolments"], [{"course": "RTI-101", "progress_percent": 25, "completed": False}])

    def test_bearer_token(self) -> None:
        _token, key = account_actions.do_create_api_token(self.learner_a, name="app", acting_user=self.learner_a)
        response = self.client_for(None).post(
            "/api/v1/progress",
            data=json.dumps(wire(update(self.video, 10))),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(self.progress_of(self.learner_a, self.video).percent, 10)

    def test_bad_input(self) -> None:
        too_many = wire(*[update(self.video, 1) for _ in range(actions.MAX_UPDATES + 1)])
        response = self.api("POST", self.learner_a, "/progress", too_many)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid_request")
        bad_bodies: tuple[dict[str, Any], ...] = (
            {"updates": []},
            {"updates": [{"resource": self.video.pk, "percent": 101, "at": "2026-01-01"}]},
            {"updates": [{"resource": self.video.pk, "percent": 10}]},
            {"user": self.learner_b.pk},
        )
        for body in bad_bodies:
            response = self.api("POST", self.learner_a, "/progress", body)
            self.assertEqual(response.status_code, 422, body)
            self.assertTrue(response.json()["message"])
        self.assertFalse(ResourceProgress.objects.exists())

    def test_a_user_in_the_body_is_ignored(self) -> None:
        # The learner comes from authentication; naming someone else in the body changes nothing.
        self.enrol(self.learner_b)
        body = wire(update(self.video, 70))
        body["user"] = self.learner_b.pk
        body["updates"][0]["user"] = self.learner_b.pk  # type: ignore[index]
        self.assertEqual(self.api("POST", self.learner_a, "/progress", body).status_code, 200)
        self.assertEqual(self.progress_of(self.learner_a, self.video).percent, 70)
        self.assertFalse(ResourceProgress.objects.filter(user=self.learner_b).exists())

    def test_anonymous(self) -> None:
        response = self.api("POST", None, "/progress", wire(update(self.video, 10)))
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")

    def test_the_outsider_writes_nothing(self) -> None:
        data = self.api("POST", self.outsider, "/progress", wire(update(self.video, 100))).json()
        self.assertEqual(data["results"][0]["error"], "resource_not_in_your_courses")
        self.assertEqual(data["enrolments"], [])
        self.assertFalse(ResourceProgress.objects.exists())

    def queries(self, body: dict[str, object]) -> int:
        client = self.client_for(self.learner_a)
        with CaptureQueriesContext(connection) as context:
            response = client.post("/api/v1/progress", data=json.dumps(body), content_type="application/json")
        self.assertEqual(response.status_code, 200)
        return len(context.captured_queries)

    def test_query_count_is_flat_in_the_number_of_updates(self) -> None:
        courses = [make_course(f"BIG-{i}", provider=self.provider, resources=("video",) * 10) for i in range(2)]
        for course in courses:
            self.enrol(self.learner_a, course)
        pool = [r for c in courses for r in resources_of_all(c)]
        self.assertEqual(len(pool), 20)
        now = timezone.now()
        # First reports (progress rows created), then later reports (rows updated).
        first_five = self.queries(wire(*[update(r, 10, position=60, when=now) for r in pool[:5]]))
        first_twenty = self.queries(wire(*[update(r, 10, position=60, when=now) for r in pool[5:]] +
                                         [update(self.video, 10, when=now)]))  # fmt: skip
        self.assertEqual(first_five, first_twenty)
        later = timezone.now()
        self.assertEqual(
            self.queries(wire(*[update(r, 20, position=120, when=later) for r in pool[:5]])),
            self.queries(wire(*[update(r, 20, position=120, when=later) for r in pool])),
        )
        client = self.client_for(self.learner_a)
        with self.assertNumQueries(first_five - 2):  # rows exist: no insert, no re-select
            client.post(
                "/api/v1/progress",
                data=json.dumps(wire(*[update(r, 30, when=timezone.now()) for r in pool])),
                content_type="application/json",
            )
        self.assertEqual(ResourceProgress.objects.filter(user=self.learner_a, percent=30).count(), 20)


def resources_of_all(course: Course) -> list[Resource]:
    return list(Resource.objects.filter(module__version__course=course).order_by("pk"))


class PlayerProgressEndpointTests(LearningTestCase):
    """/learn/progress: what the player and its beacons post (form-encoded, CSRF in a field)."""

    url = "/learn/progress"

    def setUp(self) -> None:
        self.enrol(self.learner_a)
        self.client = self.client_for(self.learner_a, enforce_csrf_checks=True)
        self.client.get(reverse("learning:my_learning"))  # sets the CSRF cookie
        self.token = self.client.cookies["csrftoken"].value

    def updates(self, *items: dict[str, object]) -> str:
        return json.dumps(wire(*items)["updates"])

    def test_form_post_with_the_token_in_a_field(self) -> None:
        response = self.client.post(
            self.url, {"csrfmiddlewaretoken": self.token, "updates": self.updates(update(self.video, 33))}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["results"][0]["percent"], 33)
        self.assertEqual(response.json()["enrolments"][0]["course"], "RTI-101")
        self.assertEqual(self.progress_of(self.learner_a, self.video).percent, 33)

    def test_json_post_with_the_header(self) -> None:
        response = self.client.post(
            self.url, data=wire_json(update(self.pdf, 20, page=2)), content_type="application/json",
            HTTP_X_CSRFTOKEN=self.token,
        )  # fmt: skip
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.progress_of(self.learner_a, self.pdf).page, 2)

    def test_without_the_token_nothing_is_written(self) -> None:
        response = self.client.post(self.url, {"updates": self.updates(update(self.video, 33))})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ResourceProgress.objects.exists())

    def test_bad_input(self) -> None:
        for updates in ("not json", "[]", self.updates(*[update(self.video, 1)] * (actions.MAX_UPDATES + 1))):
            response = self.client.post(self.url, {"csrfmiddlewaretoken": self.token, "updates": updates})
            self.assertEqual(response.status_code, 422)
            self.assertEqual(response.json()["code"], "invalid_request")
        self.assertFalse(ResourceProgress.objects.exists())

    def test_anonymous_and_outsider(self) -> None:
        response = self.client_for(None).post(self.url, {"updates": self.updates(update(self.video, 10))})
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")
        outsider = self.client_for(self.outsider).post(self.url, {"updates": self.updates(update(self.video, 10))})
        self.assertEqual(outsider.json()["results"][0]["error"], "resource_not_in_your_courses")
        self.assertFalse(ResourceProgress.objects.exists())
        self.assertEqual(self.client.get(self.url).status_code, 405)


def wire_json(*updates: dict[str, object]) -> str:
    return json.dumps(wire(*updates))
