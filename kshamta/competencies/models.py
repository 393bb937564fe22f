from __future__ import annotations

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import TimeStamped
from kshamta.orgs.models import localised

LEVELS = (1, 2, 3, 4, 5)


class Framework(TimeStamped):
    """A named competency framework. Exactly one is active: mapping, plans and imports use it."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=False)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="one_active_framework")
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)


class Competency(TimeStamped):
    class Kind(models.TextChoices):
        BEHAVIOURAL = "behavioural", _("Behavioural")
        FUNCTIONAL = "functional", _("Functional")
        DOMAIN = "domain", _("Domain")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    code = models.CharField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hi = models.TextField(_("description (Hindi)"), blank=True)
    # Five proficiency-level descriptors, level 1 first: [{"en": ..., "hi": ...}, ...].
    levels = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["framework", "kind", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="competency_code_per_framework")]
        verbose_name_plural = "competencies"

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)

    def level_descriptor(self, level: int) -> str:
        if not 1 <= level <= len(self.levels):
            return ""
        entry = self.levels[level - 1] or {}
        return localised(entry.get("en", ""), entry.get("hi", ""))


# --- Designation profiles (FRAC style) --------------------------------------------------
# designation → roles → activities → competencies with a required level. Designations are
# unique within the state, so one profile serves every department and office that uses the
# designation.


def kind_order(prefix: str = "") -> Case:
    """Behavioural, then functional, then domain: the order the framework is read in."""
    field = f"{prefix}kind"
    return Case(
        When(**{field: Competency.Kind.BEHAVIOURAL}, then=Value(0)),
        When(**{field: Competency.Kind.FUNCTIONAL}, then=Value(1)),
        default=Value(2),
        output_field=models.PositiveSmallIntegerField(),
    )


class DesignationProfile(TimeStamped):
    """What a designation does and which competencies, at which level, its work needs."""

    designation = models.OneToOneField(
        "orgs.Designation", on_delete=models.CASCADE, related_name="competency_profile", verbose_name=_("designation")
    )

    class Meta:
        verbose_name = _("designation profile")
        verbose_name_plural = _("designation profiles")

    def __str__(self) -> str:
        return f"profile of {self.designation_id}"


class ProfileRole(TimeStamped):
    """One role of a designation (e.g. "Maintaining land records"), in display order."""

    profile = models.ForeignKey(DesignationProfile, on_delete=models.CASCADE, related_name="roles")
    title_en = models.CharField(_("role (English)"), max_length=200)
    title_hi = models.CharField(_("role (Hindi)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        ordering = ["profile", "position", "id"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.title_en or self.title_hi

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)


class ProfileActivity(TimeStamped):
    """One activity of a role (e.g. "Records mutations in the khasra"), in display order."""

    role = models.ForeignKey(ProfileRole, on_delete=models.CASCADE, related_name="activities")
    text_en = models.TextField(_("activity (English)"), blank=True)
    text_hi = models.TextField(_("activity (Hindi)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        ordering = ["role", "position", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return (self.text_en or self.text_hi)[:80]

    @property
    def text(self) -> str:
        return localised(self.text_en, self.text_hi)


class ActivityCompetency(TimeStamped):
    """A competency an activity needs, at a proficiency level from 1 to 5."""

    activity = models.ForeignKey(ProfileActivity, on_delete=models.CASCADE, related_name="competency_links")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="activity_links")
    level = models.PositiveSmallIntegerField(_("required level"))

    class Meta:
        ordering = ["activity", "competency__kind", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "competency"], name="activity_competency_once"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="activity_competency_level_1_to_5"),
        ]
        verbose_name = _("activity competency")
        verbose_name_plural = _("activity competencies")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.competency_id} level {self.level}"
