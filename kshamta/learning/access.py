"""Reads that need permission: a learner sees only their own enrolments and what they pin.

Anything else (another person's enrolment, a resource of another course or of another
version of the same course, a course one is not enrolled in) is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kshamta.catalog.models import Course, Resource
from kshamta.learning.models import Enrolment

OPEN_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def published_course_by_code(code: str) -> Course:
    """A course that has been published (it may since have been retired); 404 for drafts."""
    course = Course.objects.filter(code=code, published_version__isnull=False).first()
    if course is None:
        raise Http404("No such course")
    return course


def my_enrolments(user: Any) -> QuerySet[Enrolment]:
    """The user's own enrolments that are in progress or completed."""
    return Enrolment.objects.filter(user_id=user.pk, status__in=OPEN_STATUSES)


def access_enrolment_for_course(user: Any, code: str) -> Enrolment:
    """The user's own in-progress or completed enrolment in course ``code``."""
    enrolment = my_enrolments(user).select_related("course", "version").filter(course__code=code).first()
    if enrolment is None:
        raise Http404("Not enrolled in this course")
    return enrolment


def access_resource_for_learner(user: Any, code: str, resource_id: int) -> tuple[Enrolment, Resource]:
    """The user's enrolment in ``code`` and one resource of the version it is pinned to."""
    enrolment = access_enrolment_for_course(user, code)
    resource = (
        Resource.objects.select_related("module", "assessment")
        .filter(pk=resource_id, module__version_id=enrolment.version_id)
        .first()
    )
    if resource is None:
        raise Http404("No such resource in this course")
    return enrolment, resource
