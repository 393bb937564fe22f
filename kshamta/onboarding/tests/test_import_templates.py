from __future__ import annotations

import io

from django.urls import reverse

from kshamta.core.spreadsheets import header_key, iter_rows
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.pages import HINDI_HEADERS
from kshamta.onboarding.rows import COLUMNS, column_index
from kshamta.onboarding.tests.pages import ImportPageTestCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportTemplateTests(ImportPageTestCase):
    def download(self, kind: str, lang: str | None = None) -> bytes:
        url = reverse(f"onboarding:template_{kind}")
        response = self.client.get(url, {"lang": lang} if lang else {})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], XLSX if kind == "xlsx" else "text/csv; charset=utf-8")
        self.assertIn(f'filename="kshamta-employees-{lang or "en"}.{kind}"', response["Content-Disposition"])
        return response.content

    def read_back(self, content: bytes, kind: str) -> list[dict[str, object]]:
        return list(iter_rows(io.BytesIO(content), filename=f"template.{kind}"))

    def test_english_templates_have_the_documented_columns_and_an_example(self) -> None:
        self.client.force_login(self.nodal_a)
        for kind in ("xlsx", "csv"):
            rows = self.read_back(self.download(kind, "en"), kind)
            self.assertEqual(len(rows), 1, kind)
            self.assertEqual(list(rows[0]), COLUMNS, kind)
            example = rows[0]
            self.assertEqual(example["org_code"], "MP-REV", kind)  # the nodal officer's own organisation
            self.assertIn(example["designation"], {"PATWARI", "TEHSILDAR"}, kind)
            self.assertEqual(example["mobile"], "+91 98765 43210", kind)
            self.assertEqual(example["date_of_birth"], "15-08-1985", kind)

    def test_hindi_templates_have_hindi_headers_the_import_understands(self) -> None:
        self.client.force_login(self.nodal_a)
        hindi = [HINDI_HEADERS[c] for c in COLUMNS]
        self.assertEqual(column_index(hindi), {c: i for i, c in enumerate(COLUMNS)})
        for kind in ("xlsx", "csv"):
            content = self.download(kind, "hi")
            if kind == "csv":
                self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
            rows = self.read_back(content, kind)
            self.assertEqual(list(rows[0]), [header_key(h) for h in hindi], kind)
            self.assertEqual(rows[0][header_key("नाम (हिंदी)")], "रमेश कुमार", kind)

    def test_language_follows_the_page_when_not_asked(self) -> None:
        self.client.force_login(self.nodal_a)
        self.client.cookies["kshamta_language"] = "hi"
        response = self.client.get(reverse("onboarding:template_csv"))
        self.assertIn('filename="kshamta-employees-hi.csv"', response["Content-Disposition"])
        self.assertIn("कर्मचारी कोड", response.content.decode("utf-8-sig"))
        response = self.client.get(reverse("onboarding:template_csv"), {"lang": "fr"})
        self.assertIn("employee_code", response.content.decode("utf-8-sig"))

    def test_the_example_row_passes_the_check(self) -> None:
        self.client.force_login(self.nodal_a)
        for kind, lang in (("xlsx", "hi"), ("csv", "en")):
            content = self.download(kind, lang)
            job = self.uploaded_job(self.upload(content, f"template.{kind}"))
            self.assertEqual(job.status, ImportJob.Status.VALIDATED, job.message_en)
            self.assertEqual((job.rows, job.created, job.rejected), (1, 1, 0), kind)

    def test_outsider_gets_their_own_organisation_in_the_example(self) -> None:
        self.client.force_login(self.outsider)
        rows = self.read_back(self.download("csv", "en"), "csv")
        self.assertEqual((rows[0]["org_code"], rows[0]["designation"]), ("MP-HLT", "STAFF-NURSE"))
