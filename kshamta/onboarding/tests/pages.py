"""Helpers for the import page tests: upload through the page as a signed-in person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kshamta.accounts.models import User
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import ImportTestCase
from kshamta.orgs.models import Organisation


class ImportPageTestCase(ImportTestCase):
    new_url = reverse("onboarding:import_new")
    list_url = reverse("onboarding:imports")

    def upload(
        self,
        content: bytes | str,
        filename: str = "people.csv",
        *,
        org: Organisation | None = None,
        as_user: User | None = None,
        **fields: Any,
    ) -> Any:
        """POST the upload form; the check runs (inline) when the upload commits."""
        if as_user is not None:
            self.client.force_login(as_user)
        data = content.encode("utf-8") if isinstance(content, str) else content
        payload = {"file": SimpleUploadedFile(filename, data), "org": (org or self.dept_a).pk, **fields}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.new_url, payload)
        return response

    def uploaded_job(self, response: Any) -> ImportJob:
        self.assertEqual(response.status_code, 302, getattr(response, "content", b"")[:2000])
        job = ImportJob.objects.order_by("-id").first()
        assert job is not None
        self.assertEqual(response["Location"], reverse("onboarding:import", args=[job.pk]))
        return job

    def job_urls(self, job: ImportJob) -> dict[str, tuple[str, str]]:
        """Every URL about one job, with the method it takes."""
        return {
            "page": ("get", reverse("onboarding:import", args=[job.pk])),
            "progress": ("get", reverse("onboarding:import_progress", args=[job.pk])),
            "errors": ("get", reverse("onboarding:import_errors", args=[job.pk])),
            "confirm": ("post", reverse("onboarding:import_confirm", args=[job.pk])),
            "resume": ("post", reverse("onboarding:import_resume", args=[job.pk])),
        }

    def stored_uploads(self) -> list[Path]:
        return [p for p in Path(self.media).rglob("*") if p.is_file()]
