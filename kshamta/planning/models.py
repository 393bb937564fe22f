"""Departmental capacity building plans (CBP): their source documents, the needs analysis
drawn from them, and the courses chosen for each designation.

A ``Plan`` is one version of a department's plan for one financial year. It moves
draft → submitted → approved (or returned, back to the author) → published; publishing a
revision supersedes the version before it, which stays, read-only. The analysis fills
``PlanDesignation`` (from the organogram), ``Statement`` (sentences of the documents, each
attributed to a designation, a wing or the whole department, with the competencies it maps
to), ``PlanCompetency`` (per designation: required level, evidence and gap) and
``PlanCourse`` (ranked courses per competency, which the author accepts, removes or adds).
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kshamta.competencies.models import Competency, Framework
from kshamta.core.models import TimeStamped
from kshamta.orgs.models import Designation, Organisation, localised

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def financial_year_start(year: str) -> int | None:
    """2026 for "2026-27"; None when ``year`` is not a financial year written that way."""
    match = YEAR_PATTERN.match(year or "")
    if not match:
        return None
    start = int(match.group(1))
    return start if (start + 1) % 100 == int(match.group(2)) else None


class Quarter(models.TextChoices):
    Q1 = "Q1", _("Q1 (April to June)")
    Q2 = "Q2", _("Q2 (July to September)")
    Q3 = "Q3", _("Q3 (October to December)")
    Q4 = "Q4", _("Q4 (January to March)")


def quarter_end(year: str, quarter: str) -> datetime.date | None:
    """The last day of ``quarter`` of the financial year ``year`` ("2026-27", "Q4" → 31-03-2027)."""
    start = financial_year_start(year)
    if start is None or quarter not in Quarter.values:
        return None
    return {
        "Q1": datetime.date(start, 6, 30),
        "Q2": datetime.date(start, 9, 30),
        "Q3": datetime.date(start, 12, 31),
        "Q4": datetime.date(start + 1, 3, 31),
    }[quarter]


class Plan(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        RETURNED = "returned", _("Returned to the author")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded by a later version")

    class Language(models.TextChoices):
        HINDI = "hi", _("Hindi")
        ENGLISH = "en", _("English")

    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="capacity_plans", verbose_name=_("department")
    )
    year = models.CharField(_("financial year"), max_length=7, help_text=_("For example 2026-27."))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # The preferred language of courses (recommendations rank courses in it higher).
    language = models.CharField(_("course language"), max_length=2, choices=Language.choices, default=Language.HINDI)
    previous_version = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    # Version 1 of this plan (null on version 1 itself): the versions of one plan share its
    # assignment rules, so publishing a revision replaces them rather than adding to them.
    origin = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    framework = models.ForeignKey(Framework, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)
    # Active people in the department's subtree when the plan was last analysed (the
    # denominator of the share covered).
    people_in_org = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year", "org__name_en", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["org", "year", "version"], name="plan_version_once"),
            # One version of a department's plan for a year may be open for work at a time.
            models.UniqueConstraint(
                fields=["org", "year"],
                condition=Q(status__in=["draft", "submitted", "returned", "approved"]),
                name="plan_one_open_version",
            ),
        ]
        indexes = [models.Index(fields=["org", "year"], name="plan_org_year")]

    def __str__(self) -> str:
        return f"CBP {self.org_id} {self.year} v{self.version} ({self.status})"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def series_id(self) -> int:
        """The id shared by every version of this plan (that of version 1)."""
        return self.origin_id or self.pk


class PlanAnalysis(models.Model):
    """One run of the needs analysis of a plan: the progress record the page polls."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Step(models.TextChoices):
        READING = "reading", _("Reading the documents")
        MATCHING = "matching", _("Matching statements to competencies")
        GAPS = "gaps", _("Comparing with the passports")
        RECOMMENDING = "recommending", _("Ranking courses")
        SAVING = "saving", _("Saving the plan")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="analyses")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(max_length=14, choices=Step.choices, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message_en = models.TextField(blank=True)
    message_hi = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One run at a time per plan.
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status__in=["queued", "running"]), name="plan_analysis_one_running"
            )
        ]

    def __str__(self) -> str:
        return f"analysis {self.pk} of plan {self.plan_id} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def message(self) -> str:
        return localised(self.message_en, self.message_hi)


class PlanDocument(TimeStamped):
    """An uploaded input of a plan, with its text per page (or, for the organogram, its rows)."""

    class Kind(models.TextChoices):
        ORGANOGRAM = "organogram", _("Organogram")
        WORK_ALLOCATION = "work_allocation", _("Work allocation (कार्य आवंटन)")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        ACTS_RULES = "acts_rules", _("Acts and rules")

    class Status(models.TextChoices):
        READ = "read", _("Read")
        FAILED = "failed", _("Could not be read")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="plans/%Y/%m/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(default=0)
    # [{"page": n, "text": ...}] for documents; [] for the organogram.
    pages = models.JSONField(default=list, blank=True)
    # The organogram's rows as read: [{"line", "designation", "group", "sanctioned_posts", "reports_to", "wing"}].
    rows = models.JSONField(default=list, blank=True)
    # What could not be used, each {"line", "value", "en", "hi"} (e.g. a designation nobody knows).
    problems = models.JSONField(default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.READ)
    error = models.TextField(_("error"), blank=True)
    error_hi = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan", "kind", "id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.original_name}"

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def error_message(self) -> str:
        return localised(self.error, self.error_hi)

    def problem_messages(self) -> list[dict]:
        return [{**p, "message": localised(p.get("en", ""), p.get("hi", ""))} for p in self.problems]


class PlanDesignation(models.Model):
    """A designation of the department's organogram, in one plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="designations")
    designation = models.ForeignKey(Designation, on_delete=models.PROTECT, related_name="+")
    name_as_written = models.CharField(max_length=200, blank=True)
    group = models.CharField(_("group"), max_length=1, choices=Designation.Group.choices, blank=True)
    sanctioned_posts = models.PositiveIntegerField(_("sanctioned posts"), default=0)
    reports_to = models.CharField(_("reports to"), max_length=200, blank=True)
    wing = models.CharField(_("wing"), max_length=200, blank=True)
    # Active people in the department's subtree who hold the designation (at analysis).
    people_count = models.PositiveIntegerField(_("people"), default=0)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "designation"], name="plan_designation_once")]

    def __str__(self) -> str:
        return f"{self.designation_id} in plan {self.plan_id}"


class Statement(models.Model):
    """One sentence of a plan document, where it was, whom it is about, and what it maps to."""

    class Kind(models.TextChoices):
        DUTY = "duty", _("Duty")
        SCHEME = "scheme", _("Scheme")
        THEME = "theme", _("Theme")
        ACT = "act", _("Act or rule")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statements")
    document = models.ForeignKey(PlanDocument, on_delete=models.CASCADE, related_name="statements")
    page = models.PositiveIntegerField(default=1)
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DUTY)
    heading = models.CharField(max_length=300, blank=True)
    # A scheme's or act's name when the sentence names one.
    label = models.CharField(max_length=200, blank=True)
    designation = models.ForeignKey(
        PlanDesignation, null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    wing = models.CharField(max_length=200, blank=True)
    # [{"code": ..., "score": ...}], best first.
    competencies = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["document", "position"]
        indexes = [models.Index(fields=["plan", "designation"], name="statement_plan_designation")]

    def __str__(self) -> str:
        return f"{self.document_id} p{self.page}: {self.text[:60]}"


class PlanCompetency(models.Model):
    """A competency one designation needs, at a level, with the evidence for it and the gap."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="competencies")
    plan_designation = models.ForeignKey(PlanDesignation, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    required_level = models.PositiveSmallIntegerField(_("required level"), default=2)
    proposed_level = models.PositiveSmallIntegerField(default=0)  # what the analysis proposed; 0 = not analysed
    score = models.FloatField(default=0.0)  # strength of the evidence
    # Ids of the strongest supporting statements (at most EVIDENCE_KEPT), strongest first.
    evidence = models.JSONField(default=list, blank=True)
    evidence_count = models.PositiveIntegerField(default=0)
    from_profile = models.BooleanField(default=False)  # the designation's FRAC profile asks for it
    holders = models.PositiveIntegerField(default=0)  # people already certified at the required level or above
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan_designation", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan_designation", "competency"], name="plan_competency_once"),
            models.CheckConstraint(
                condition=Q(required_level__gte=1, required_level__lte=5), name="plan_competency_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency_id}@{self.required_level} for {self.plan_designation_id}"

    def gap(self, people: int) -> int:
        return max(0, people - self.holders)


class PlanCourse(models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        REMOVED = "removed", _("Removed")
        ADDED = "added", _("Added by the author")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online course")
        OFFLINE = "offline", _("Offline programme")
        BLENDED = "blended", _("Blended programme")

    class Priority(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    Quarter = Quarter  # for templates: line.Quarter.choices

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="courses")
    plan_competency = models.ForeignKey(PlanCompetency, on_delete=models.CASCADE, related_name="courses")
    course = models.ForeignKey("catalog.Course", on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    priority = models.CharField(_("priority"), max_length=6, choices=Priority.choices, default=Priority.MEDIUM)
    quarter = models.CharField(_("target quarter"), max_length=2, choices=Quarter.choices, default=Quarter.Q2)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan_competency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["plan_competency", "course"], name="plan_course_once")]
        indexes = [models.Index(fields=["plan", "status"], name="plan_course_status")]

    def __str__(self) -> str:
        return f"{self.course_id} for {self.plan_competency_id} ({self.status})"

    @property
    def is_in_plan(self) -> bool:
        return self.status in IN_PLAN


IN_PLAN = (PlanCourse.Status.ACCEPTED, PlanCourse.Status.ADDED)


class PlanComment(models.Model):
    """A remark on a plan; a return or an approval carries one."""

    class Decision(models.TextChoices):
        NONE = "", _("Comment")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")
        PUBLISHED = "published", _("Published")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("comment"), blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"plan {self.plan_id}: {self.decision or 'comment'}"
