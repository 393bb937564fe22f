"""Blended programmes: online courses plus classroom or video-conference sessions, run in batches.

A ``Programme`` names the online courses every participant completes, the attendance
needed and an optional final assessment. It runs in ``Batch``es with a seat limit,
dates, an enrolment deadline and eligibility rules. A ``Nomination`` is one person's
place in one batch, on its way from requested to a seat (or the waitlist); seats are
handed out with the batch row locked, so concurrent approvals never overbook.
``Attendance`` is one person present at one ``Session``. A ``Plan`` is a proposed split
of a large group into batches that the coordinator reviews before it is written.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import TimeStamped
from kshamta.orgs.models import Designation, Organisation, localised


class Programme(TimeStamped):
    class ApprovalMode(models.TextChoices):
        ONE_STEP = "one_step", _("One step: the nodal officer or the coordinator approves")
        TWO_STEPS = "two_steps", _("Two steps: the nodal officer, then the coordinator")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    code = models.CharField(_("code"), max_length=40, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hi = models.TextField(_("description (Hindi)"), blank=True)
    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("owning organisation")
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_programmes", verbose_name=_("coordinators")
    )
    courses = models.ManyToManyField(
        "catalog.Course", blank=True, related_name="programmes", verbose_name=_("online courses (required)")
    )
    attendance_threshold = models.PositiveSmallIntegerField(_("attendance needed (%)"), default=75)
    final_assessment = models.ForeignKey(
        "assessments.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("final assessment"),
    )
    approval_mode = models.CharField(
        _("approval"), max_length=10, choices=ApprovalMode.choices, default=ApprovalMode.ONE_STEP
    )
    status = models.CharField(_("status"), max_length=6, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(condition=Q(attendance_threshold__lte=100), name="programme_threshold_100"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def description(self) -> str:
        return localised(self.description_en, self.description_hi)

    @property
    def is_two_steps(self) -> bool:
        return self.approval_mode == self.ApprovalMode.TWO_STEPS


class Batch(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for nominations")
        CLOSED = "closed", _("Nominations closed")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="batches")
    code = models.CharField(_("code"), max_length=40)
    seat_limit = models.PositiveIntegerField(_("seats"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    enrolment_ends_on = models.DateField(_("nominations close on"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    # Eligibility: each rule that is set must hold; an empty rule lets everyone through.
    eligible_designations = models.ManyToManyField(
        Designation, blank=True, related_name="+", verbose_name=_("eligible designations")
    )
    eligible_groups = models.CharField(_("eligible groups"), max_length=7, blank=True)  # "A,B"
    eligible_orgs = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("eligible organisations (with their subtrees)")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["programme", "starts_on", "code"]
        verbose_name = _("batch")
        verbose_name_plural = _("batches")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="batch_code_per_programme"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="batch_ends_after_start"),
            models.CheckConstraint(condition=Q(seat_limit__gte=1), name="batch_has_a_seat"),
        ]
        indexes = [models.Index(fields=["status", "starts_on"], name="batch_status_start")]

    def __str__(self) -> str:
        return f"{self.programme_id}/{self.code}"

    def group_list(self) -> list[str]:
        return [g for g in self.eligible_groups.split(",") if g]

    def overlaps(self, starts_on: datetime.date, ends_on: datetime.date) -> bool:
        return self.starts_on <= ends_on and starts_on <= self.ends_on

    def accepts_nominations(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and today <= self.enrolment_ends_on


class Session(TimeStamped):
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="sessions")
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue_name = models.CharField(_("venue"), max_length=300, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    vc_link = models.URLField(_("video-conference link"), max_length=500, blank=True)
    trainer_name = models.CharField(_("trainer"), max_length=200, blank=True)

    class Meta:
        ordering = ["batch", "starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
            models.CheckConstraint(condition=~Q(venue_name="") | ~Q(vc_link=""), name="session_has_venue_or_vc_link"),
        ]
        indexes = [models.Index(fields=["starts_at"], name="session_starts")]

    def __str__(self) -> str:
        return f"{self.batch_id}: {self.title_en} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def is_online(self) -> bool:
        return bool(self.vc_link)

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class Nomination(TimeStamped):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        NODAL_APPROVED = "nodal_approved", _("Approved by the nodal officer")
        APPROVED = "approved", _("Seat confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        SELF = "self", _("Requested by the person")
        PLANNED = "planned", _("Placed by batch planning")

    # Statuses that hold or wait for a place in the batch.
    ACTIVE = (Status.REQUESTED, Status.NODAL_APPROVED, Status.APPROVED, Status.WAITLISTED)

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="nominations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nominations")
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.NOMINATED)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.REQUESTED)
    waitlist_position = models.PositiveIntegerField(_("waitlist position"), null=True, blank=True)
    # Why it was rejected or withdrawn.
    reason = models.TextField(_("reason"), blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    nodal_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nodal_approved_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    certificate = models.OneToOneField(
        "certificates.Certificate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme_nomination",
    )

    class Meta:
        ordering = ["batch", "requested_at", "id"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            # Nominating someone again reopens their row, so a person is never twice in a batch.
            models.UniqueConstraint(fields=["batch", "user"], name="nomination_once_per_batch"),
            models.UniqueConstraint(
                fields=["batch", "waitlist_position"],
                condition=Q(waitlist_position__isnull=False),
                name="nomination_waitlist_position_unique",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""), name="nomination_rejection_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_position__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True)),
                name="nomination_waitlist_position_iff_waitlisted",
            ),
        ]
        indexes = [
            models.Index(fields=["batch", "status"], name="nomination_batch_status"),
            models.Index(fields=["user", "status"], name="nomination_user_status"),
            models.Index(fields=["status", "batch"], name="nomination_status_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.batch_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def holds_seat(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class Attendance(models.Model):
    class Method(models.TextChoices):
        ROSTER = "roster", _("Marked on the roster")
        QR = "qr", _("Scanned the session QR code")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=6, choices=Method.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["session", "at", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="attendance_once_per_session")]
        indexes = [models.Index(fields=["user", "session"], name="attendance_user_session")]

    def __str__(self) -> str:
        return f"{self.user_id} at {self.session_id} ({self.method})"


class SessionReminder(models.Model):
    """A reminder the day before a session, sent once per person and session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="session_reminder_once")]

    def __str__(self) -> str:
        return f"reminder {self.session_id} → {self.user_id}"


class Plan(TimeStamped):
    """A proposed split of a target group into batches, reviewed and adjusted, then confirmed.

    ``proposal`` is {"batches": [{"code", "venue", "starts_on", "ends_on", "seats", "members": [user ids]}],
    "unplaced": [{"user": id, "reason": code, "detail": text}]}. Confirming writes the batches and the
    nominations chunk by chunk in a background job; ``processed`` counts the people written so far.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed: waiting for review")
        CONFIRMING = "confirming", _("Creating batches")
        CONFIRMED = "confirmed", _("Confirmed")
        FAILED = "failed", _("Failed")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="plans")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    target = models.JSONField(default=dict, blank=True)
    constraints = models.JSONField(default=dict, blank=True)
    proposal = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    batches_created = models.PositiveIntegerField(default=0)
    nominations_created = models.PositiveIntegerField(default=0)
    # People who could no longer be placed when the plan was written (they took a seat elsewhere meanwhile).
    skipped = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("batch plan")
        verbose_name_plural = _("batch plans")

    def __str__(self) -> str:
        return f"plan {self.pk} for {self.programme_id} ({self.status})"

    @property
    def percent_done(self) -> int:
        if not self.total:
            return 100 if self.status == self.Status.CONFIRMED else 0
        return min(100, self.processed * 100 // self.total)

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.CONFIRMING
