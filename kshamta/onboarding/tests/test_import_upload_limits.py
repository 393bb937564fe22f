from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from kshamta.onboarding.forms import ImportUploadForm
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import HEADER, csv_text, person
from kshamta.onboarding.tests.pages import ImportPageTestCase


def padded_csv(size: int) -> bytes:
    """A real HRMS CSV of at least ``size`` bytes."""
    rows, out = [], b""
    n = 0
    while len(out) < size:
        n += 100
        rows += [person(f"B{i:06d}") for i in range(n - 100, n)]
        out = csv_text(rows).encode()
    return out


class UploadLimitTests(ImportPageTestCase):
    def assertRefusedAsTooBig(self, response: Any, files_before: list[Path]) -> None:
        self.assertEqual(response.status_code, 400)
        errors = response.context["form"].errors["file"]
        self.assertIn("The file is larger than", errors[0])
        self.assertEqual(ImportJob.objects.count(), 0)
        self.assertEqual(self.stored_uploads(), files_before)

    @override_settings(KSHAMTA_MAX_IMPORT_BYTES=10_000)
    def test_file_over_the_limit_is_stopped_while_it_streams_in(self) -> None:
        before = self.stored_uploads()
        # Within the form allowance of the announced length, so the guard counts the bytes as they come.
        response = self.upload(padded_csv(30_000), as_user=self.nodal_a, dry_run="on")
        self.assertRefusedAsTooBig(response, before)
        # The rest of the form was still read.
        self.assertTrue(response.context["form"]["dry_run"].value())
        self.assertContains(response, "10000", status_code=400)  # the page tells the browser the limit

    @override_settings(KSHAMTA_MAX_IMPORT_BYTES=1_000)
    def test_request_announcing_a_huge_body_is_refused_before_any_byte_is_kept(self) -> None:
        before = self.stored_uploads()
        self.assertRefusedAsTooBig(self.upload(padded_csv(200_000), as_user=self.nodal_a), before)

    @override_settings(KSHAMTA_MAX_IMPORT_BYTES=1024 * 1024 * 1024)
    def test_limit_is_shown_in_megabytes(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertContains(self.client.get(self.new_url), "Up to 1024 MB.")

    def test_file_at_the_limit_is_accepted(self) -> None:
        content = csv_text([person("B1")]).encode()
        with override_settings(KSHAMTA_MAX_IMPORT_BYTES=len(content)):
            job = self.uploaded_job(self.upload(content, as_user=self.nodal_a))
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)

    @override_settings(KSHAMTA_MAX_IMPORT_BYTES=100)
    def test_form_checks_the_size_of_the_stored_upload_too(self) -> None:
        # Without the streaming guard (e.g. a file handed to the form by other code), size is still checked.
        upload = SimpleUploadedFile("people.csv", b"x" * 101)
        form = ImportUploadForm({"org": self.dept_a.pk}, {"file": upload}, user=self.nodal_a)
        self.assertFalse(form.is_valid())
        self.assertIn("The file is larger than", form.errors["file"][0])


class UploadFileTypeTests(ImportPageTestCase):
    def refused(self, content: bytes, filename: str) -> str:
        response: Any = self.upload(content, filename, as_user=self.nodal_a)
        self.assertEqual(response.status_code, 400, filename)
        self.assertEqual(ImportJob.objects.count(), 0)
        return str(response.context["form"].errors["file"][0])

    def test_wrong_extensions_are_refused(self) -> None:
        self.assertIn("Unsupported file type", self.refused(b"%PDF-1.7\n...", "people.pdf"))
        self.assertIn("Unsupported file type", self.refused(b"MZ\x90\x00\x03", "setup.exe"))
        self.assertIn("Unsupported file type", self.refused(b"employee_code\n", "people"))

    def test_renamed_files_are_refused_by_their_content(self) -> None:
        self.assertIn("not really a CSV file", self.refused(b"MZ\x90\x00\x03\x00\x00\x00", "people.csv"))
        self.assertIn("not really a CSV file", self.refused(b"%PDF-1.7\n%\xe2\xe3", "people.csv"))
        self.assertIn("not really a XLSX file", self.refused(b"employee_code,name_en\n", "people.xlsx"))
        self.assertIn("not really a XLS file", self.refused(b"PK\x03\x04rest", "people.xls"))

    def test_empty_files_are_refused(self) -> None:
        self.assertIn("empty", self.refused(b"", "people.csv"))
        self.assertIn("empty", self.refused(b"\n\n  \n", "people.csv"))

    def test_utf16_csv_is_accepted(self) -> None:
        content = csv_text([person("U1", name_hi="उमा")]).encode("utf-16")
        job = self.uploaded_job(self.upload(content, as_user=self.nodal_a))
        self.assertEqual((job.status, job.created, job.rejected), (ImportJob.Status.VALIDATED, 1, 0))

    def test_xlsx_upload_is_checked(self) -> None:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(HEADER)
        row = person("X1")
        sheet.append([row[h] for h in HEADER])
        out = io.BytesIO()
        workbook.save(out)
        job = self.uploaded_job(self.upload(out.getvalue(), "people.xlsx", as_user=self.nodal_a))
        self.assertEqual((job.status, job.created, job.rejected), (ImportJob.Status.VALIDATED, 1, 0))

    def test_upload_still_needs_the_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.nodal_a)
        response = client.post(
            reverse("onboarding:import_new"),
            {"file": SimpleUploadedFile("people.csv", csv_text([person("C1")]).encode()), "org": self.dept_a.pk},
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(ImportJob.objects.count(), 0)
