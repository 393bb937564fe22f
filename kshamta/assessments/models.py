"""Question banks, assessments and attempts.

An assessment belongs to one course version (copied with it when a new version is
made) and is placed in the course as a resource of kind "assessment". Correct answers
live in ``Question.answer`` and never leave the server before an attempt is submitted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kshamta.orgs.models import localised


class Assessment(models.Model):
    version = models.ForeignKey("catalog.CourseVersion", on_delete=models.CASCADE, related_name="assessments")
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    instructions_en = models.TextField(_("instructions (English)"), blank=True)
    instructions_hi = models.TextField(_("instructions (Hindi)"), blank=True)
    pass_percent = models.PositiveSmallIntegerField(_("pass mark (%)"), default=60)
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"), null=True, blank=True)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), null=True, blank=True, default=3)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    # The course's final assessment: passing it is required for completion.
    is_final = models.BooleanField(_("final assessment"), default=False)

    class Meta:
        ordering = ["version", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(pass_percent__lte=100), name="assessment_pass_percent_100"),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_hi

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def instructions(self) -> str:
        return localised(self.instructions_en, self.instructions_hi)


class Section(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(default=0)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    # Draw this many questions at random from the section; all of them when empty.
    draw_count = models.PositiveIntegerField(_("questions drawn"), null=True, blank=True)

    class Meta:
        ordering = ["assessment", "position", "id"]

    def __str__(self) -> str:
        return self.title_en or self.title_hi

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        FILL_BLANK = "fill_blank", _("Fill in the blank")
        MATCH = "match", _("Match the pairs")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    text_en = models.TextField(_("question (English)"), blank=True)
    text_hi = models.TextField(_("question (Hindi)"), blank=True)
    points = models.PositiveSmallIntegerField(_("points"), default=1)
    # What the learner sees. single/multiple: {"options": [{"id": "a", "en": ..., "hi": ...}]};
    # match: {"left": [{"id", "en", "hi"}], "right": [{"id", "en", "hi"}]}; others: {}.
    choices = models.JSONField(default=dict, blank=True)
    # Never sent to the browser before submission. single: "a"; multiple: ["a", "c"];
    # true_false: true; fill_blank: ["accepted", "answers"]; match: {"left id": "right id"}.
    answer = models.JSONField(default=dict, blank=True)
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    explanation_hi = models.TextField(_("explanation (Hindi)"), blank=True)

    class Meta:
        ordering = ["section", "position", "id"]

    def __str__(self) -> str:
        return (self.text_en or self.text_hi)[:60]

    @property
    def text(self) -> str:
        return localised(self.text_en, self.text_hi)

    @property
    def explanation(self) -> str:
        return localised(self.explanation_en, self.explanation_hi)


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Time ran out")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    enrolment = models.ForeignKey("learning.Enrolment", on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField()
    deadline_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The questions drawn for this attempt, in the order shown: [{"q": id, "options": ["b", "a", ...]}].
    layout = models.JSONField(default=list)
    answers = models.JSONField(default=dict, blank=True)  # {"question id": answer}
    score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["assessment", "user", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user", "number"], name="attempt_number_once"),
            models.UniqueConstraint(
                fields=["assessment", "user"], condition=Q(status="in_progress"), name="one_open_attempt"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "assessment"], name="attempt_user"),
            # The sweep that closes abandoned attempts whose time ran out.
            models.Index(fields=["deadline_at"], condition=Q(status="in_progress"), name="attempt_open_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} #{self.number} on {self.assessment_id}"
