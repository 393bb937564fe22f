"""HTTP API of the assessments app (mounted under /api/v1/): a learner's attempts.

Before an attempt is submitted its answers never leave the server: the attempt carries the
questions and options in the attempt's order, and the learner's own answers. Once it is
closed (submitted, or expired when the time ran out) it carries the result and the review.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kshamta.api.common import AUTH_ERRORS, caller, error_responses
from kshamta.api.errors import APIError
from kshamta.assessments import access, actions, papers
from kshamta.assessments.models import Attempt, Question

router = Router(tags=["assessments"])


# --- schemas ---------------------------------------------------------------------------


class ItemOut(Schema):
    id: str
    en: str
    hi: str
    label: str = Field(description="The text in the caller's language.")


class QuestionOut(Schema):
    id: int
    number: int = Field(description="Position in this attempt, from 1.")
    section: int | None
    kind: Question.Kind
    text_en: str
    text_hi: str
    text: str = Field(description="The question in the caller's language.")
    points: int
    options: list[ItemOut] = Field(description="single and multiple: the options in this attempt's order.")
    left: list[ItemOut] = Field(description="match: the items to match, in this attempt's order.")
    right: list[ItemOut] = Field(description="match: the choices for every item on the left.")


class ReviewOut(Schema):
    question: int
    outcome: str = Field(description="correct, partial (some pairs of a match) or wrong.")
    earned: float
    points: int
    given: Any = Field(description="The learner's answer, as stored.")
    correct_answer: Any = Field(
        description="single: an option id; multiple: ids; true_false: a boolean; "
        "fill_blank: accepted texts; match: {left id: right id}."
    )
    explanation_en: str
    explanation_hi: str


class ResultOut(Schema):
    score: float
    max_score: float
    percent: float
    passed: bool
    pass_percent: int
    questions: list[ReviewOut]


class AttemptOut(Schema):
    id: int
    assessment: int
    assessment_title: str
    number: int
    status: Attempt.Status
    started_at: datetime.datetime
    deadline_at: datetime.datetime | None = Field(description="When time runs out; null when there is no limit.")
    seconds_left: int | None
    submitted_at: datetime.datetime | None
    questions: list[QuestionOut]
    answers: dict[str, Any] = Field(description="The learner's answers so far, by question id.")
    result: ResultOut | None = Field(description="Only once the attempt is closed.")


class AnswersIn(Schema):
    answers: dict[str, Any] = Field(
        default_factory=dict,
        description="By question id: single an option id; multiple a list of option ids; true_false a boolean; "
        "fill_blank a text; match {left id: right id}; null clears an answer. Questions left out keep their "
        "saved answer. Answers that do not fit the question count as not answered.",
    )


class SavedOut(Schema):
    status: Attempt.Status
    seconds_left: int | None
    answers: dict[str, Any]


# --- serialisers --------------------------------------------------------------------------


def _items(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": i["id"], "en": i["en"], "hi": i["hi"], "label": i["label"]} for i in raw]


def _seconds_left(attempt: Attempt) -> int | None:
    if attempt.deadline_at is None or attempt.status != Attempt.Status.IN_PROGRESS:
        return None
    return max(int((attempt.deadline_at - timezone.now()).total_seconds()), 0)


def attempt_out(attempt: Attempt) -> dict[str, Any]:
    questions = papers.questions_of(attempt)
    items = papers.paper(attempt, questions)
    result = None
    if attempt.status != Attempt.Status.IN_PROGRESS:
        result = {
            "score": float(attempt.score),
            "max_score": float(attempt.max_score),
            "percent": float(attempt.percent),
            "passed": attempt.passed,
            "pass_percent": attempt.assessment.pass_percent,
            "questions": [
                {
                    "question": r["id"],
                    "outcome": r["outcome"],
                    "earned": r["earned"],
                    "points": r["points"],
                    "given": r["saved"],
                    "correct_answer": r["correct_answer_raw"],
                    "explanation_en": r["explanation_en"],
                    "explanation_hi": r["explanation_hi"],
                }
                for r in papers.review(attempt, questions)
            ],
        }
    return {
        "id": attempt.pk,
        "assessment": attempt.assessment_id,
        "assessment_title": attempt.assessment.title,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline_at": attempt.deadline_at,
        "seconds_left": _seconds_left(attempt),
        "submitted_at": attempt.submitted_at,
        "questions": [
            {
                "id": i["id"],
                "number": i["number"],
                "section": i["section"],
                "kind": i["kind"],
                "text_en": i["text_en"],
                "text_hi": i["text_hi"],
                "text": i["text"],
                "points": i["points"],
                "options": _items(i["options"]),
                "left": _items(i["left"]),
                "right": _items(i["right"]),
            }
            for i in items
        ],
        "answers": attempt.answers,
        "result": result,
    }


@contextmanager
def attempt_rules() -> Iterator[None]:
    """A refused step (no attempts left, already submitted…) becomes 409 with the action's code."""
    try:
        yield
    except actions.AssessmentError as exc:
        raise APIError(exc.code, exc.message, 409) from exc


# --- endpoints -----------------------------------------------------------------------------


@router.get(
    "/attempts/{attempt_id}",
    response={200: AttemptOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="One of your assessment attempts",
    description="The questions in this attempt's order and your answers so far; no correct answers until it "
    "is closed. An attempt whose time ran out is closed (expired) when it is next read.",
)
def get_attempt(request: HttpRequest, attempt_id: int) -> dict[str, Any]:
    attempt = actions.expire_if_overdue(access.access_attempt_by_id(caller(request), attempt_id))
    return attempt_out(attempt)


@router.post(
    "/assessments/{assessment_id}/attempts",
    response={201: AttemptOut, **error_responses(*AUTH_ERRORS, 404, 409)},
    summary="Start an assessment attempt",
    description="Starts an attempt at an assessment of a course you are enrolled in, or returns the attempt "
    "already open. 409 `already_passed`, `no_attempts_left` or `no_questions` when it cannot start.",
)
def start_attempt(request: HttpRequest, assessment_id: int) -> Status[dict[str, Any]]:
    user = caller(request)
    assessment, enrolment = access.access_assessment_for_learner(user, assessment_id)
    with attempt_rules():
        attempt = actions.do_start_attempt(assessment, user, enrolment)
    return Status(201, attempt_out(attempt))


@router.put(
    "/attempts/{attempt_id}/answers",
    response={200: SavedOut, **error_responses(*AUTH_ERRORS, 404, 409)},
    summary="Save answers of an open attempt",
    description="Keeps answers given so far (autosave). 409 `time_up` once the time ran out (the attempt is then "
    "closed and scored on the answers saved in time), `attempt_closed` after it was submitted.",
)
def save_attempt_answers(request: HttpRequest, attempt_id: int, payload: AnswersIn) -> dict[str, Any]:
    attempt = access.access_attempt_by_id(caller(request), attempt_id)
    with attempt_rules():
        saved = actions.do_save_answers(attempt, payload.answers)
    if saved.status != Attempt.Status.IN_PROGRESS:
        raise APIError("time_up", _("Time ran out. Your answers saved before the deadline were scored."), 409)
    return {"status": saved.status, "seconds_left": _seconds_left(saved), "answers": saved.answers}


@router.post(
    "/attempts/{attempt_id}/submit",
    response={200: AttemptOut, **error_responses(*AUTH_ERRORS, 404, 409, 422)},
    summary="Submit an assessment attempt",
    description="Scores the attempt on the server and returns the result with the review. After the time limit "
    "(and 30 seconds' grace) the attempt is closed as `expired` and scored on the answers saved before the "
    "deadline only; the answers sent late are ignored. A second submission is refused: 409 `already_submitted`.",
)
def submit_attempt(request: HttpRequest, attempt_id: int, payload: AnswersIn) -> dict[str, Any]:
    attempt = access.access_attempt_by_id(caller(request), attempt_id)
    with attempt_rules():
        closed = actions.do_submit_attempt(attempt, payload.answers)
    return attempt_out(closed)
