"""Enrolments and per-resource progress.

An enrolment pins the course version the learner started, so a new version never
changes what a learner in progress sees; progress rows point at that version's
resources. Both big tables carry ``user`` so they can be distributed by user id.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Unenrolled")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="enrolments")
    version = models.ForeignKey("catalog.CourseVersion", on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.SELF)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    enrolled_at = models.DateTimeField()
    last_active_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    progress_percent = models.PositiveSmallIntegerField(default=0)
    # Seconds of learning time credited (sum over resources of the consumed share of their duration).
    learning_seconds = models.PositiveIntegerField(default=0)
    final_assessment_passed = models.BooleanField(default=False)
    # The resource the learner last reported progress on: where "continue" takes them.
    last_resource = models.ForeignKey(
        "catalog.Resource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-enrolled_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrolment_once_per_course")]
        indexes = [
            models.Index(fields=["user", "status"], name="enrolment_user_status"),
            models.Index(fields=["course", "status"], name="enrolment_course_status"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.course_id} ({self.status})"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class ResourceProgress(models.Model):
    """How far one learner got in one resource. ``percent`` only ever grows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    resource = models.ForeignKey("catalog.Resource", on_delete=models.CASCADE, related_name="progress")
    percent = models.PositiveSmallIntegerField(default=0)
    # Where to resume: the latest position/page by the client's clock (``reported_at``).
    position_seconds = models.PositiveIntegerField(default=0)
    page = models.PositiveIntegerField(default=0)
    reported_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "resource"], name="progress_once_per_resource"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_100"),
        ]
        indexes = [models.Index(fields=["user", "updated_at"], name="progress_user_updated")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.resource_id} {self.percent}%"
