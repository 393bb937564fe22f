"""HTTP API of the engagement app (mounted under /api/v1/): karma points and course ratings.

Thin endpoints: access check (kshamta.engagement.access) → schema → action (kshamta.engagement.actions).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from kshamta.api.common import AUTH_ERRORS, MAX_PAGE_SIZE, caller, error_responses, page_size_or_default
from kshamta.api.errors import APIError
from kshamta.catalog.models import Course
from kshamta.engagement import actions, ledger
from kshamta.engagement.access import access_course_by_code, access_own_rating, course_reviews
from kshamta.engagement.models import Rating

router = Router(tags=["engagement"])


# --- schemas ------------------------------------------------------------------------


class KarmaEntryOut(Schema):
    rule: str = Field(description="course_completed, assessment_passed, assigned_on_time, course_rated, ...")
    rule_label: str = Field(description="The rule in the caller's language.")
    points: int
    source_key: str = Field(description="What earned the points, e.g. course:42 or assessment:7.")
    course: str | None = Field(description="Code of the course the points were for, when there is one.")
    course_title: str | None
    detail: str = Field(description="More about the source, e.g. the assessment's title; may be empty.")
    created_at: datetime.datetime


class KarmaOut(Schema):
    balance: int = Field(description="Every point ever earned (the sum of the ledger).")
    this_month: int = Field(description="Points earned this calendar month.")
    count: int = Field(description="Entries in the history.")
    page: int
    page_size: int
    results: list[KarmaEntryOut] = Field(description="The history, newest first.")


class RatingIn(Schema):
    stars: int = Field(ge=1, le=5, description="1 to 5.")
    review: str = Field(
        "",
        max_length=4 * actions.MAX_REVIEW_LENGTH,
        description=f"Optional plain text; at most {actions.MAX_REVIEW_LENGTH:,} characters once spaces are "
        "tidied. It is never read as HTML.",
    )


class RatingOut(Schema):
    stars: int
    review: str = Field(description="Plain text; escape it when showing it in HTML.")
    name: str = Field(description="The learner's name in the caller's language.")
    mine: bool = Field(description="Whether this is the caller's own rating.")
    created_at: datetime.datetime
    updated_at: datetime.datetime


class CourseRatingOut(Schema):
    course: str
    rating_count: int
    rating_average: float | None = Field(description="Mean stars to one decimal; null with no ratings.")
    rating: RatingOut


class RatingsPage(Schema):
    course: str
    rating_count: int
    rating_average: float | None
    count: int = Field(description="Ratings in the list (the same as rating_count).")
    page: int
    page_size: int
    results: list[RatingOut] = Field(description="Newest first (by the last change).")


# --- serialisers ---------------------------------------------------------------------


def karma_entry_out(line: ledger.HistoryLine) -> dict[str, Any]:
    entry = line.entry
    return {
        "rule": entry.rule,
        "rule_label": line.rule_label,
        "points": entry.points,
        "source_key": entry.source_key,
        "course": line.course.code if line.course else None,
        "course_title": line.course.title if line.course else None,
        "detail": line.detail,
        "created_at": entry.created_at,
    }


def rating_out(rating: Rating, user: Any) -> dict[str, Any]:
    return {
        "stars": rating.stars,
        "review": rating.review,
        "name": rating.user.name,
        "mine": rating.user_id == user.pk,
        "created_at": rating.created_at,
        "updated_at": rating.updated_at,
    }


def _refused(exc: actions.RatingRefused) -> APIError:
    status = 403 if exc.code in {"not_completed", "forbidden"} else 400
    return APIError(exc.code, exc.message, status)


# --- karma ---------------------------------------------------------------------------


@router.get(
    "/karma",
    response={200: KarmaOut, **error_responses(*AUTH_ERRORS)},
    summary="My karma points",
    description="Your balance, this month's points and the history of awards, newest first. The balance is "
    "the sum of the ledger, so it is always exactly what the history adds up to.",
)
def get_my_karma(
    request: HttpRequest,
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE, description="Default 50, at most 200."),
) -> dict[str, Any]:
    user = caller(request)
    totals = ledger.totals(user)
    entries = ledger.history(user)
    size = page_size_or_default(page_size)
    start = (page - 1) * size
    return {
        "balance": totals.balance,
        "this_month": totals.this_month,
        "count": entries.count(),
        "page": page,
        "page_size": size,
        "results": [karma_entry_out(line) for line in ledger.describe(entries[start : start + size])],
    }


# --- ratings -------------------------------------------------------------------------


def _course_rating_out(course: Course, rating: Rating, user: Any) -> dict[str, Any]:
    return {
        "course": course.code,
        "rating_count": course.rating_count,
        "rating_average": course.rating_average,
        "rating": rating_out(rating, user),
    }


@router.post(
    "/courses/{code}/rating",
    response={200: CourseRatingOut, 201: CourseRatingOut, **error_responses(*AUTH_ERRORS, 400, 403, 404)},
    summary="Rate a course",
    description="Rates a course you have completed (403 `not_completed` before that): 1 to 5 stars and an "
    "optional review. One rating per person and course: sending again changes it (200; 201 when new). The "
    "first rating of a course earns karma points, once.",
)
def rate_course(request: HttpRequest, code: str, payload: RatingIn) -> Status[dict[str, Any]]:
    user = caller(request)
    course = access_course_by_code(user, code)
    try:
        rating, created = actions.do_rate_course(
            user, course, stars=payload.stars, review=payload.review, acting_user=user
        )
    except actions.RatingRefused as exc:
        raise _refused(exc) from exc
    rating.user = user
    return Status(201 if created else 200, _course_rating_out(course, rating, user))


@router.delete(
    "/courses/{code}/rating",
    response={204: None, **error_responses(*AUTH_ERRORS, 404)},
    summary="Remove my rating of a course",
    description="Removes your rating from the course's ratings and average. The karma points it earned stay, "
    "and rating the course again does not earn them twice.",
)
def delete_course_rating(request: HttpRequest, code: str) -> Status[None]:
    user = caller(request)
    course = access_course_by_code(user, code)
    try:
        actions.do_delete_rating(access_own_rating(user, course), acting_user=user)
    except actions.RatingRefused as exc:
        raise _refused(exc) from exc
    return Status(204, None)


@router.get(
    "/courses/{code}/ratings",
    response={200: RatingsPage, **error_responses(*AUTH_ERRORS, 404)},
    summary="Ratings of a course",
    description="The average, the count and every rating of a published course with the learner's name, newest first.",
)
def list_course_ratings(
    request: HttpRequest,
    code: str,
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE, description="Default 50, at most 200."),
) -> dict[str, Any]:
    user = caller(request)
    course = access_course_by_code(user, code)
    ratings = course_reviews(course)
    size = page_size_or_default(page_size)
    start = (page - 1) * size
    return {
        "course": course.code,
        "rating_count": course.rating_count,
        "rating_average": course.rating_average,
        "count": ratings.count(),
        "page": page,
        "page_size": size,
        "results": [rating_out(r, user) for r in ratings[start : start + size]],
    }
