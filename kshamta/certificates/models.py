"""Certificates: issued once per completion, signed, verifiable by anyone at /verify/<id>."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kshamta.orgs.models import localised


class Certificate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Short, unambiguous code to type on the verification page (no 0/O, 1/I/L).
    access_code = models.CharField(_("access code"), max_length=12, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates")
    # One certificate per completion: the unique enrolment makes a second issue impossible.
    enrolment = models.OneToOneField(
        "learning.Enrolment", null=True, blank=True, on_delete=models.PROTECT, related_name="certificate"
    )
    course = models.ForeignKey("catalog.Course", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(db_index=True)
    # What the certificate says, frozen at issue (names and titles can change later).
    learner_name_en = models.CharField(max_length=200)
    learner_name_hi = models.CharField(max_length=200, blank=True)
    title_en = models.CharField(max_length=300)
    title_hi = models.CharField(max_length=300, blank=True)
    provider_name_en = models.CharField(max_length=200, blank=True)
    provider_name_hi = models.CharField(max_length=200, blank=True)
    hours = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    competencies = models.JSONField(default=list, blank=True)  # [{"code", "level", "name_en", "name_hi"}]
    # The signed statement (canonical JSON) and its Ed25519 signature, base64.
    payload = models.JSONField(default=dict)
    signature = models.CharField(max_length=200)
    key_id = models.CharField(max_length=32)
    pdf = models.FileField(upload_to="certificates/%Y/%m/", blank=True, max_length=300)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["user", "-issued_at"], name="certificate_user_issued")]

    def __str__(self) -> str:
        return f"{self.access_code} {self.user_id}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def kind(self) -> str:
        """What it certifies: "programme" when the signed ``course`` block says so, else "course"."""
        block = self.payload.get("course") if isinstance(self.payload, dict) else None
        return "programme" if isinstance(block, dict) and block.get("kind") == "programme" else "course"

    @property
    def is_for_programme(self) -> bool:
        return self.kind == "programme"

    @property
    def title(self) -> str:
        return localised(self.title_en, self.title_hi)

    @property
    def learner_name(self) -> str:
        return localised(self.learner_name_en, self.learner_name_hi)

    @property
    def provider_name(self) -> str:
        return localised(self.provider_name_en, self.provider_name_hi)

    @property
    def display_code(self) -> str:
        """The access code as printed and read out: two groups of five (ABCDE-FGHJK)."""
        half = len(self.access_code) // 2
        return f"{self.access_code[:half]}-{self.access_code[half:]}"

    def competency_list(self) -> list[dict[str, object]]:
        """The competencies as issued, each with its name in the page's language."""
        return [{**c, "name": localised(c.get("name_en", ""), c.get("name_hi", ""))} for c in self.competencies]
