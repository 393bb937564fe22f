"""What the engagement tests share: courses with completed enrolments."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.learning.models import Enrolment


def completed_enrolment(user: Any, course: Course, at: datetime.datetime | None = None) -> Enrolment:
    """``user`` has finished ``course`` (completion itself is the learning app's business)."""
    done = at or timezone.now()
    assert course.published_version is not None
    return Enrolment.objects.create(
        user=user,
        course=course,
        version=course.published_version,
        status=Enrolment.Status.COMPLETED,
        enrolled_at=done - datetime.timedelta(days=3),
        completed_at=done,
        progress_percent=100,
    )


def active_enrolment(user: Any, course: Course) -> Enrolment:
    now = timezone.now()
    assert course.published_version is not None
    return Enrolment.objects.create(
        user=user, course=course, version=course.published_version, status=Enrolment.Status.ACTIVE, enrolled_at=now
    )


def courses(count: int, prefix: str = "C") -> list[Course]:
    return [make_course(f"{prefix}-{n:03d}", title_en=f"Course {n}", title_hi=f"पाठ्यक्रम {n}") for n in range(count)]
