from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import TimeStamped

PATH_SEGMENT_WIDTH = 10


def path_segment(pk: int) -> str:
    return str(pk).zfill(PATH_SEGMENT_WIDTH)


def subtree_range(path: str) -> tuple[str, str]:
    """Bounds [low, high) of every path that starts with ``path``.

    Paths are digits only, so the successor of ``path`` as a same-length digit
    string bounds the subtree under any collation, and a plain B-tree index on
    ``path`` answers a subtree query with one range scan on SQLite and PostgreSQL.
    """
    high = str(int(path) + 1).zfill(len(path))
    return path, high


def localised(en: str, hi: str) -> str:
    if (get_language() or "en").startswith("hi") and hi:
        return hi
    return en or hi


class Organisation(TimeStamped):
    class Kind(models.TextChoices):
        STATE = "state", _("State")
        MINISTRY = "ministry", _("Ministry")
        DEPARTMENT = "department", _("Department")
        DIRECTORATE = "directorate", _("Directorate")
        WING = "wing", _("Wing")
        DIVISION = "division", _("Division")
        DISTRICT = "district", _("District office")
        OFFICE = "office", _("Office")
        INSTITUTE = "institute", _("Training institute")

    code = models.CharField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    # Materialised path: the zero-padded ids of the ancestors and self, root first.
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)

    def subtree_q(self, prefix: str = "") -> Q:
        low, high = subtree_range(self.path)
        return Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})

    def contains(self, other: Organisation) -> bool:
        return other.path.startswith(self.path)

    def ancestor_ids(self) -> list[int]:
        w = PATH_SEGMENT_WIDTH
        return [int(self.path[i : i + w]) for i in range(0, len(self.path), w)]


class Designation(TimeStamped):
    """A post title defined at an organisation and usable throughout its subtree."""

    class Group(models.TextChoices):
        A = "A", _("Group A")
        B = "B", _("Group B")
        C = "C", _("Group C")
        D = "D", _("Group D")

    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="designations", verbose_name=_("defined at")
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    group = models.CharField(_("group"), max_length=1, choices=Group.choices, blank=True)
    cadre = models.CharField(_("cadre / service"), max_length=120, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")
        constraints = [
            models.UniqueConstraint(Lower("name_en"), name="designation_unique_name_en"),
            models.UniqueConstraint("name_hi", condition=~Q(name_hi=""), name="designation_unique_name_hi"),
        ]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)


class SanctionedStrength(TimeStamped):
    """Sanctioned posts of one designation at one organisation."""

    org = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="sanctioned_posts")
    designation = models.ForeignKey(Designation, on_delete=models.CASCADE, related_name="sanctioned_posts")
    sanctioned = models.PositiveIntegerField(_("sanctioned strength"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["org", "designation"], name="sanctioned_one_per_org_designation")
        ]

    def __str__(self) -> str:
        return f"{self.designation.code}@{self.org.code}: {self.sanctioned}"
