"""HTTP API of the learning app (mounted under /api/v1/): the caller's own enrolments and progress.

The learner is always the authenticated caller; no body or parameter names a user.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from kshamta.api.common import AUTH_ERRORS, MAX_PAGE_SIZE, caller, error_responses, paginate
from kshamta.api.errors import invalid
from kshamta.catalog.models import Resource
from kshamta.learning import actions, pages
from kshamta.learning.access import access_enrolment_for_course, my_enrolments, published_course_by_code
from kshamta.learning.models import Enrolment
from kshamta.learning.schemas import ProgressIn, ProgressOut, progress_report

router = Router(tags=["learning"])


class EnrolmentOut(Schema):
    course: str = Field(description="Course code.")
    title: str = Field(description="Course title in the caller's language.")
    version: int = Field(description="The course version this enrolment is pinned to.")
    status: Enrolment.Status
    source: Enrolment.Source
    due_on: datetime.date | None
    enrolled_at: datetime.datetime
    completed_at: datetime.datetime | None
    progress_percent: int = Field(description="Share of the required resources complete.")
    learning_seconds: int
    certificate: uuid.UUID | None = Field(description="Id of the certificate, once the course is completed.")


class EnrolmentPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[EnrolmentOut]


class ResourceProgressOut(Schema):
    resource: int
    module: int
    kind: Resource.Kind
    title: str
    required: bool
    percent: int
    completed: bool
    position: int = Field(description="Media position to resume at, in seconds.")
    page: int = Field(description="PDF page to resume at.")


class CourseProgressOut(Schema):
    course: str
    version: int
    status: Enrolment.Status
    progress_percent: int
    learning_seconds: int
    final_assessment_passed: bool
    resume_resource: int | None = Field(description="Where to continue.")
    resources: list[ResourceProgressOut] = Field(description="Every resource of the pinned version, in order.")


def enrolment_out(enrolment: Enrolment) -> dict[str, Any]:
    certificate = getattr(enrolment, "certificate", None)
    return {
        "course": enrolment.course.code,
        "title": enrolment.course.title,
        "version": enrolment.version.number,
        "status": enrolment.status,
        "source": enrolment.source,
        "due_on": enrolment.due_on,
        "enrolled_at": enrolment.enrolled_at,
        "completed_at": enrolment.completed_at,
        "progress_percent": enrolment.progress_percent,
        "learning_seconds": enrolment.learning_seconds,
        "certificate": certificate.pk if certificate else None,
    }


def _my_enrolment_rows(user: Any) -> Any:
    return (
        my_enrolments(user)
        .select_related("course", "version", "certificate")
        .defer("course__search_text", "course__summary_en", "course__summary_hi")
    )


@router.post(
    "/progress",
    response={200: ProgressOut, **error_responses(*AUTH_ERRORS)},
    summary="Record learning progress",
    description="Up to 100 updates in one request, for resources of courses you are enrolled in. Idempotent: "
    "the share consumed never goes down, and the resume point (position, page) follows the newest update by "
    "`at`, so repeated or out-of-order updates never move progress back. An update for a resource outside "
    "your courses is refused on its own (`error` in its result) and the others still apply. Completing the "
    "last required resource completes the course and issues its certificate.",
)
def record_progress(request: HttpRequest, payload: ProgressIn) -> dict[str, Any]:
    return progress_report(actions.do_record_progress(caller(request), payload.as_dicts()))


@router.get(
    "/enrolments",
    response={200: EnrolmentPage, **error_responses(*AUTH_ERRORS)},
    summary="My enrolments",
    description="Your courses in progress and completed, most recently active first.",
)
def list_my_enrolments(
    request: HttpRequest,
    status: Enrolment.Status | None = None,
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE, description="Default 50, at most 200."),
) -> dict[str, Any]:
    rows = _my_enrolment_rows(caller(request)).order_by("-last_active_at", "-enrolled_at", "-id")
    if status is not None:
        rows = rows.filter(status=status.value)
    return paginate(rows, page=page, page_size=page_size, serialise=enrolment_out)


@router.post(
    "/courses/{code}/enrolment",
    response={200: EnrolmentOut, 201: EnrolmentOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Enrol in a course",
    description="Enrols you in a published course (201), or answers your existing enrolment (200). Enrolling "
    "again after leaving brings back your progress. A retired course refuses new enrolments (400).",
)
def enrol_in_course(request: HttpRequest, code: str) -> Status[dict[str, Any]]:
    user = caller(request)
    course = published_course_by_code(code)
    already = my_enrolments(user).filter(course=course).exists()
    try:
        actions.do_enrol(user, course, acting_user=user)
    except actions.EnrolmentRefused as exc:
        raise invalid(str(exc)) from exc
    enrolment = _my_enrolment_rows(user).get(course=course)
    return Status(200 if already else 201, enrolment_out(enrolment))


@router.delete(
    "/courses/{code}/enrolment",
    response={204: None, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Leave a course",
    description="Withdraws you from a course in progress; your progress is kept if you enrol again. A completed "
    "course, or one assigned to you, cannot be left (400).",
)
def unenrol_from_course(request: HttpRequest, code: str) -> Status[None]:
    user = caller(request)
    enrolment = access_enrolment_for_course(user, code)
    try:
        actions.do_unenrol(enrolment, acting_user=user)
    except actions.EnrolmentRefused as exc:
        raise invalid(str(exc)) from exc
    return Status(204, None)


@router.get(
    "/courses/{code}/progress",
    response={200: CourseProgressOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="My progress in a course",
    description="Your progress in each resource of the course version you are enrolled in.",
)
def get_my_course_progress(request: HttpRequest, code: str) -> dict[str, Any]:
    enrolment = access_enrolment_for_course(caller(request), code)
    outline = pages.outline_for(enrolment)
    resume = outline.resume_line(enrolment.last_resource_id)
    return {
        "course": enrolment.course.code,
        "version": enrolment.version.number,
        "status": enrolment.status,
        "progress_percent": enrolment.progress_percent,
        "learning_seconds": enrolment.learning_seconds,
        "final_assessment_passed": enrolment.final_assessment_passed,
        "resume_resource": resume.resource.pk if resume else None,
        "resources": [
            {
                "resource": line.resource.pk,
                "module": line.resource.module_id,
                "kind": line.resource.kind,
                "title": line.resource.title,
                "required": line.resource.is_required,
                "percent": line.percent,
                "completed": line.is_complete,
                "position": line.progress.position_seconds if line.progress else 0,
                "page": line.progress.page if line.progress else 0,
            }
            for line in outline.lines
        ],
    }
