"""Permission-checked reads for ratings: which course, whose rating, what the viewer may do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kshamta.catalog.models import Course
from kshamta.engagement.models import Rating
from kshamta.learning.models import Enrolment

RECENT_REVIEWS = 5


def access_course_by_code(user: Any, code: str) -> Course:
    """A course that has been published (its ratings are public to signed-in people); 404 otherwise.

    A retired course keeps its ratings: people who completed it may still rate it.
    """
    course = Course.objects.filter(code=code, published_version__isnull=False).first()
    if course is None:
        raise Http404("No such course")
    return course


def access_own_rating(user: Any, course: Course) -> Rating:
    """The signed-in person's own rating of ``course``; 404 when they have none."""
    rating = Rating.objects.filter(user_id=user.pk, course=course).first() if user.is_authenticated else None
    if rating is None:
        raise Http404("No rating")
    return rating


def course_reviews(course: Course) -> QuerySet[Rating]:
    """Every rating of a course, newest first, with the rater (for their name)."""
    return Rating.objects.filter(course=course).select_related("user").order_by("-updated_at", "-id")


def recent_reviews(course: Course, limit: int = RECENT_REVIEWS) -> list[Rating]:
    """The latest ratings that say something (a review text), for the course page."""
    return list(course_reviews(course).exclude(review="")[:limit])


@dataclass(frozen=True)
class Viewer:
    """What the person looking at a course page may do with its ratings."""

    can_rate: bool
    rating: Rating | None


def viewer_of(user: Any, course: Course) -> Viewer:
    """Whether ``user`` completed the course (and so may rate it), and their rating if any."""
    if user is None or not user.is_authenticated:
        return Viewer(can_rate=False, rating=None)
    completed = Enrolment.objects.filter(user_id=user.pk, course=course, status=Enrolment.Status.COMPLETED).exists()
    if not completed:
        return Viewer(can_rate=False, rating=None)
    return Viewer(can_rate=True, rating=Rating.objects.filter(user_id=user.pk, course=course).first())
