"""The karma rules: what earns points, how many, and the monthly caps (docs/karma.md)."""

from __future__ import annotations

from django.db import models
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

# Points a rule may earn a person in one calendar month; rules not listed are uncapped.
MONTHLY_CAP: dict[str, int] = {
    Rule.COURSE_RATED: 20,
}
