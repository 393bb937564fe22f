"""Who may see which assessment and attempt.

A learner reaches an assessment only through an enrolment (in progress or completed) pinned to
the course version the assessment belongs to, and only their own attempts. Authors reach
assessments through the studio's rule (``kshamta.catalog.access``): a content creator (or state
admin) over the course's provider. Everything else is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kshamta.accounts.models import Role
from kshamta.assessments.models import Assessment, Attempt, Question, Section
from kshamta.catalog import access as catalog_access
from kshamta.catalog.models import CourseVersion
from kshamta.learning.models import Enrolment

LEARNING_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


# --- learners ----------------------------------------------------------------------------


def access_assessment_for_learner(user: Any, assessment_id: int) -> tuple[Assessment, Enrolment]:
    """The assessment and the user's enrolment in its course version (active or completed)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such assessment")
    assessment = Assessment.objects.select_related("version__course").filter(pk=assessment_id).first()
    enrolment = (
        Enrolment.objects.filter(user_id=user.pk, version_id=assessment.version_id, status__in=LEARNING_STATUSES)
        .select_related("course")
        .first()
        if assessment is not None
        else None
    )
    if assessment is None or enrolment is None:
        raise Http404("No such assessment")
    return assessment, enrolment


def access_attempt_by_id(user: Any, attempt_id: int) -> Attempt:
    """One of the user's own attempts; nobody sees another person's."""
    user_id = getattr(user, "pk", None)
    attempt = (
        Attempt.objects.select_related("assessment__version__course").filter(pk=attempt_id, user_id=user_id).first()
        if user_id is not None
        else None
    )
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def learner_attempts(user: Any, assessment: Assessment) -> list[Attempt]:
    return list(Attempt.objects.filter(assessment=assessment, user_id=user.pk).order_by("number"))


# --- authors -----------------------------------------------------------------------------


def access_version_for_author(user: Any, version_id: int) -> CourseVersion:
    return catalog_access.access_version_by_id(user, version_id, for_role=Role.CONTENT_CREATOR)


def _author_check(user: Any, version: CourseVersion, what: str) -> None:
    if not catalog_access.can_author(user, version):
        raise Http404(f"No such {what}")


def access_assessment_for_author(user: Any, assessment_id: int) -> Assessment:
    assessment = Assessment.objects.select_related("version__course__provider__org").filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404("No such assessment")
    _author_check(user, assessment.version, "assessment")
    return assessment


def access_section_for_author(user: Any, section_id: int) -> Section:
    section = Section.objects.select_related("assessment__version__course__provider__org").filter(pk=section_id).first()
    if section is None:
        raise Http404("No such section")
    _author_check(user, section.assessment.version, "section")
    return section


def access_question_for_author(user: Any, question_id: int) -> Question:
    question = (
        Question.objects.select_related("section__assessment__version__course__provider__org")
        .filter(pk=question_id)
        .first()
    )
    if question is None:
        raise Http404("No such question")
    _author_check(user, question.section.assessment.version, "question")
    return question
