"""Karma points (an append-only ledger) and course ratings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class KarmaEntryQuerySet(models.QuerySet["KarmaEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise TypeError("The karma ledger is append-only: entries are never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("The karma ledger is append-only: entries are never deleted.")


class KarmaEntry(models.Model):
    """One award of points. Never updated or deleted; the balance is the sum.

    ``source_key`` names what earned the points (``course:42``, ``assessment:7``: see
    ``karma.py``), and is unique per user and rule, so re-running an award never counts twice.
    Only ``actions.do_award_karma`` writes here. (Deleting a person still removes their
    entries: the database cascade does not go through this model's delete.)
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="karma")
    rule = models.CharField(_("rule"), max_length=40)
    points = models.IntegerField(_("points"))
    source_key = models.CharField(max_length=120)
    month = models.DateField()  # first day of the month it was earned, for monthly caps and boards
    created_at = models.DateTimeField(db_index=True)

    objects = KarmaEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "rule", "source_key"], name="karma_once_per_source")]
        indexes = [models.Index(fields=["user", "month", "rule"], name="karma_user_month")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.rule} {self.points:+d}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("The karma ledger is append-only: entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("The karma ledger is append-only: entries are never deleted.")


class Rating(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings")
    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="ratings")
    stars = models.PositiveSmallIntegerField(_("stars"))
    review = models.TextField(_("review"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="rating_once_per_course"),
            models.CheckConstraint(condition=Q(stars__gte=1, stars__lte=5), name="rating_stars_1_5"),
        ]
        indexes = [models.Index(fields=["course", "-updated_at"], name="rating_course_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.course_id}: {self.stars}"
