"""Enrolments and per-resource progress.

An enrolment pins the course version the learner started, so a new version never
changes what a learner in progress sees; progress rows point at that version's
resources. Both big tables carry ``user`` so they can be distributed by user id.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
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


# --- assignments: from plan to people ------------------------------------------------------


class AssignmentRule(models.Model):
    """Who must take a course, and by when: everyone active in an organisation subtree, or only
    those there who hold ``designation``.

    Rules come in sets, one set per source: an approved capacity building plan (``cbp``,
    ``source_id`` = the plan) or the mandatory courses of an organisation (``mandatory``,
    ``source_id`` = that organisation, which is also every rule's ``org``). Publishing a source
    replaces its set (``assignments.do_publish_assignment_rules``). A rule is never deleted: a
    withdrawn rule is made inactive and keeps the history of what it assigned.
    """

    class SourceType(models.TextChoices):
        CBP = "cbp", _("Capacity building plan")
        MANDATORY = "mandatory", _("Mandatory course")

    source_type = models.CharField(_("source"), max_length=20, choices=SourceType.choices)
    source_id = models.PositiveBigIntegerField()
    org = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    # Null: everyone in the subtree, whatever their designation.
    designation = models.ForeignKey(
        "orgs.Designation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("designation"),
    )
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.PROTECT, related_name="assignment_rules", verbose_name=_("course")
    )
    due_on = models.DateField(_("due date"))
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["source_type", "source_id", "id"]
        constraints = [
            # NULL designations are distinct in a unique index, hence two partial constraints.
            models.UniqueConstraint(
                fields=["source_type", "source_id", "org", "designation", "course"],
                condition=Q(is_active=True, designation__isnull=False),
                name="assignment_rule_active_once",
            ),
            models.UniqueConstraint(
                fields=["source_type", "source_id", "org", "course"],
                condition=Q(is_active=True, designation__isnull=True),
                name="assignment_rule_everyone_active_once",
            ),
        ]
        indexes = [
            models.Index(fields=["source_type", "source_id", "is_active"], name="assignment_rule_source"),
            models.Index(fields=["org", "is_active"], name="assignment_rule_org_active"),
        ]

    def __str__(self) -> str:
        who = self.designation_id or "everyone"
        return f"{self.source_type}:{self.source_id} {self.course_id} for {who} in {self.org_id} by {self.due_on}"


class Assignment(models.Model):
    """One rule applied to one person: the enrolment it assigned them, from ``assigned_at`` until
    ``closed_at``.

    A person has at most one open assignment per rule. It is closed when they leave the rule's
    subtree or designation (or stop being active), or when the rule is withdrawn; the row stays,
    and so does the enrolment with its progress.
    """

    rule = models.ForeignKey(AssignmentRule, on_delete=models.PROTECT, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="assignments")
    assigned_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "user"], condition=Q(closed_at__isnull=True), name="assignment_open_once_per_rule"
            )
        ]

    def __str__(self) -> str:
        state = "closed" if self.closed_at else "open"
        return f"rule {self.rule_id} → {self.user_id} ({state})"


class AssignmentJob(models.Model):
    """One background run that brings a source's enrolments in line with its rules, with its progress.

    Idempotent: each chunk of people is assigned in one transaction that finds only people not
    yet assigned by the rule, so a re-run (or a second worker) adds nothing twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Assigning")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    source_type = models.CharField(max_length=20, choices=AssignmentRule.SourceType.choices)
    source_id = models.PositiveBigIntegerField()
    # The smallest subtree holding every rule of the source: whose administrators see the job.
    org = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    rules_total = models.PositiveIntegerField(default=0)
    rules_done = models.PositiveIntegerField(default=0)
    people_assigned = models.PositiveIntegerField(default=0)
    enrolments_created = models.PositiveIntegerField(default=0)
    enrolments_updated = models.PositiveIntegerField(default=0)
    already_completed = models.PositiveIntegerField(default=0)
    assignments_closed = models.PositiveIntegerField(default=0)
    # Rules whose due date changed in this publication: their enrolments' due dates are recomputed.
    due_changed_rule_ids = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["source_type", "source_id", "-created_at"], name="assignment_job_source")]

    def __str__(self) -> str:
        return f"assignment job {self.pk} {self.source_type}:{self.source_id} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.rules_total:
            return 0
        return min(99, self.rules_done * 100 // self.rules_total)
