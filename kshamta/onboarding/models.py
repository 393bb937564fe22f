from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import TimeStamped
from kshamta.orgs.models import Organisation


class ImportJob(TimeStamped):
    """One uploaded HRMS file on its way in: validated, then applied chunk by chunk.

    ``last_applied_chunk`` is written in the same transaction as the chunk it
    names, so after a crash the apply step starts again right after it.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        VALIDATING = "validating", _("Checking")
        VALIDATED = "validated", _("Checked")
        APPLYING = "applying", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="import_jobs", verbose_name=_("organisation")
    )
    file = models.CharField(max_length=300)  # name in default_storage
    filename = models.CharField(_("file name"), max_length=255)
    # The file's header as written, for the error file (jsonb would not keep a dict's key order).
    header = models.JSONField(default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UPLOADED)
    dry_run = models.BooleanField(_("check only"), default=False)
    create_designations = models.BooleanField(_("create unknown designations"), default=False)
    chunk_size = models.PositiveIntegerField(default=5000)

    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    last_applied_chunk = models.IntegerField(default=-1)

    error_file = models.CharField(max_length=300, blank=True)  # name in default_storage
    message_en = models.TextField(blank=True)
    message_hi = models.TextField(blank=True)

    validated_at = models.DateTimeField(null=True, blank=True)
    apply_started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("employee import")
        verbose_name_plural = _("employee imports")
        indexes = [models.Index(fields=["org", "-created_at"], name="importjob_org_created")]

    def __str__(self) -> str:
        return f"import {self.pk} {self.filename} ({self.status})"

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }

    @property
    def percent_done(self) -> int:
        if not self.rows:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, self.processed_rows * 100 // self.rows)


class ImportRowError(models.Model):
    """A rejected row of an import, kept as it was in the file, with the reason in both languages."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="row_errors")
    line = models.PositiveIntegerField(_("line"))
    row = models.JSONField(default=dict)
    reason_en = models.TextField()
    reason_hi = models.TextField()

    class Meta:
        ordering = ["job", "line"]
        indexes = [models.Index(fields=["job", "line"], name="importrowerror_job_line")]

    def __str__(self) -> str:
        return f"job {self.job_id} line {self.line}: {self.reason_en}"
