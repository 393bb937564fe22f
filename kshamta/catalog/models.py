"""Providers, courses and their versions, modules and resources.

A ``Course`` is the stable identity (code, provider) that learners enrol in and that
the catalogue lists. Its content lives in ``CourseVersion`` rows: one draft at a time
moves draft → in review → reviewed → published; a published version is never edited
again (editing it makes the next version). The course copies the catalogue fields of
its published version onto itself at publish time, so search and browse read one
table with no joins.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kshamta.competencies.models import Competency
from kshamta.core.models import TimeStamped
from kshamta.orgs.models import Organisation, localised


class Provider(TimeStamped):
    """An institution that owns courses; content roles over ``org``'s subtree act for it."""

    class Kind(models.TextChoices):
        STATE_ATI = "state_ati", _("State administrative training institute")
        DEPARTMENT_CELL = "department_cell", _("Departmental training cell")
        NATIONAL = "national", _("National provider")
        OTHER = "other", _("Other institution")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    org = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="providers",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Language(models.TextChoices):
    HINDI = "hi", _("Hindi")
    ENGLISH = "en", _("English")


class Course(TimeStamped):
    code = models.CharField(_("code"), max_length=60, unique=True)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="courses", verbose_name=_("provider"))
    published_version = models.OneToOneField(
        "CourseVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_retired = models.BooleanField(default=False)
    # Catalogue fields copied from the published version (see module docstring).
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_hi = models.TextField(_("summary (Hindi)"), blank=True)
    languages = models.CharField(_("languages"), max_length=10, blank=True)  # "hi", "en" or "hi,en"
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=0)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    resource_kinds = models.CharField(max_length=120, blank=True)  # "video,pdf,assessment"
    competency_codes = models.CharField(max_length=500, blank=True)  # ",code1,code2," for cheap filtering
    # Lower-cased, NFC, both scripts: titles, summaries, tags, provider and competency names.
    search_text = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    rating_count = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    enrolment_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["code"]
        indexes = [
            models.Index(fields=["is_retired", "published_at"], name="course_catalogue"),
            models.Index(fields=["provider", "published_at"], name="course_provider"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def summary(self) -> str:
        return localised(self.summary_en, self.summary_hi)

    @property
    def is_listed(self) -> bool:
        return self.published_version_id is not None and not self.is_retired

    @property
    def rating_average(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None


class CourseVersion(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        REVIEWED = "reviewed", _("Reviewed")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")
        RETIRED = "retired", _("Retired")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_hi = models.TextField(_("summary (Hindi)"), blank=True)
    languages = models.CharField(_("languages"), max_length=10, default="hi,en")
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    tags = models.CharField(_("tags"), max_length=500, blank=True)  # comma separated
    thumbnail = models.ImageField(_("thumbnail"), upload_to="thumbnails/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["course", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["course", "number"], name="course_version_number"),
            # One version in the editorial pipeline at a time.
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(status__in=["draft", "in_review", "reviewed"]),
                name="one_open_version_per_course",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_id} v{self.number} ({self.status})"

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def summary(self) -> str:
        return localised(self.summary_en, self.summary_hi)

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class CourseCompetency(models.Model):
    version = models.ForeignKey(CourseVersion, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="course_links")
    level = models.PositiveSmallIntegerField(_("level"), default=1)

    class Meta:
        ordering = ["competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "competency"], name="course_competency_once"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="course_competency_level_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.competency_id}:{self.level}"


class ReviewComment(models.Model):
    """A reviewer's or author's remark on a version; a rejection always carries one."""

    version = models.ForeignKey(CourseVersion, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("comment"))
    decision = models.CharField(max_length=20, blank=True)  # "", "rejected", "approved", "published"
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.version_id}: {self.decision or 'comment'}"


class Module(models.Model):
    version = models.ForeignKey(CourseVersion, on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveIntegerField(default=0)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)

    class Meta:
        ordering = ["version", "position", "id"]

    def __str__(self) -> str:
        return self.title_en or self.title_hi

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)


class Resource(models.Model):
    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        PDF = "pdf", _("PDF document")
        TEXT = "text", _("Reading")
        LINK = "link", _("External link")
        AUDIO = "audio", _("Audio")
        ASSESSMENT = "assessment", _("Assessment")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="resources")
    # The same across versions of a course, so a resource can be followed from one version to the next.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_hi = models.CharField(_("title (Hindi)"), max_length=300, blank=True)
    is_required = models.BooleanField(_("required for completion"), default=True)
    file = models.FileField(_("file"), upload_to="resources/%Y/%m/", blank=True, max_length=300)
    url = models.URLField(_("address (URL)"), blank=True, max_length=1000)
    body_html = models.TextField(_("text"), blank=True)  # sanitised on save by the action
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), default=0)
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    # Share (percent) of a video/audio/PDF that counts as complete.
    completion_threshold = models.PositiveSmallIntegerField(_("complete at (%)"), default=95)
    assessment = models.ForeignKey(
        "assessments.Assessment", null=True, blank=True, on_delete=models.PROTECT, related_name="resources"
    )

    class Meta:
        ordering = ["module", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completion_threshold__gte=1, completion_threshold__lte=100),
                name="resource_threshold_1_100",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title_en or self.title_hi}"

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)
