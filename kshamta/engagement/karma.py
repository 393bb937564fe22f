"""The karma rules: what earns points, how many, and the monthly caps (docs/karma.md).

An award is named by its rule and a *source key* saying what earned it. The ledger keeps
one entry per (person, rule, source key), so the same achievement never counts twice.
Build keys with the helpers below; the karma page links back to the course for these:

    course:<course id>          rating a course
    enrolment:<enrolment id>    completing a course, completing an assigned one on time
    assessment:<assessment id>  passing an assessment (the first pass only)
    programme:<programme id>    completing a blended programme

A key, once used for a rule, is never respelled: the new spelling would let every past
achievement earn again.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Rule(models.TextChoices):
    COURSE_COMPLETED = "course_completed", _("Completed a course")
    ASSESSMENT_PASSED = "assessment_passed", _("Passed an assessment")
    ASSIGNED_ON_TIME = "assigned_on_time", _("Completed an assigned course before its due date")
    COURSE_RATED = "course_rated", _("Rated a course")
    PROGRAMME_COMPLETED = "programme_completed", _("Completed a programme")


POINTS: dict[str, int] = {
    Rule.COURSE_COMPLETED: 10,
    Rule.ASSESSMENT_PASSED: 5,
    Rule.ASSIGNED_ON_TIME: 5,
    Rule.COURSE_RATED: 2,
    Rule.PROGRAMME_COMPLETED: 20,
}

# Points a rule may earn a person in one calendar month (Indian time); rules not listed are
# uncapped. Rating takes a few clicks on any course already completed, so without a cap a
# learner could harvest points by rating a backlog of courses in one sitting: 20 points is
# ten ratings' worth.
MONTHLY_CAP: dict[str, int] = {
    Rule.COURSE_RATED: 20,
}


def month_of(moment: datetime.datetime) -> datetime.date:
    """The first day of the calendar month (in the platform's time zone) that ``moment`` falls in."""
    return timezone.localdate(moment).replace(day=1)


def course_source(course_id: int) -> str:
    return f"course:{course_id}"


def assessment_source(assessment_id: int) -> str:
    return f"assessment:{assessment_id}"


def enrolment_source(enrolment_id: int) -> str:
    return f"enrolment:{enrolment_id}"


def programme_source(programme_id: int) -> str:
    return f"programme:{programme_id}"


def parse_source(source_key: str) -> tuple[str, int | None]:
    """("course", 42) for "course:42"; (kind, None) when the key does not end in an id."""
    kind, _sep, rest = source_key.partition(":")
    return kind, int(rest) if rest.isdigit() else None
