from __future__ import annotations

from django.db import models
from django.db.models import Q
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
