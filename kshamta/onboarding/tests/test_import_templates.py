from __future__ import annotations

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from kshamta.core.spreadsheets import iter_rows
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.pages import EXAMPLE_SHEET, HINDI_HEADERS
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

    def example_sheet(self, content: bytes) -> list[list[object]]:
        book = load_workbook(io.BytesIO(content), read_only=True)
        return [list(row) for row in book[EXAMPLE_SHEET].iter_rows(values_only=True)]

    def test_templates_have_the_documented_columns_and_nothing_to_import(self) -> None:
        self.client.force_login(self.nodal_a)
        for kind in ("xlsx", "csv"):
            content = self.download(kind, "en")
            # Uploading a template unchanged creates nobody: the imported sheet has no rows.
            self.assertEqual(self.read_back(content, kind), [], kind)
        csv_header = self.download("csv", "en").decode("utf-8-sig").strip().split(",")
        self.assertEqual(csv_header, COLUMNS)

    def test_xlsx_example_sheet_shows_a_row_in_the_officers_own_organisation(self) -> None:
        self.client.force_login(self.nodal_a)
        header, example = self.example_sheet(self.download("xlsx", "en"))
        self.assertEqual(header, COLUMNS)
        values = dict(zip(COLUMNS, example, strict=True))
        self.assertEqual(values["org_code"], "MP-REV")  # the nodal officer's own organisation
        self.assertIn(values["designation"], {"PATWARI", "TEHSILDAR"})
        self.assertEqual(values["mobile"], "+91 98765 43210")
        self.assertEqual(values["date_of_birth"], "15-08-1985")

    def test_hindi_templates_have_hindi_headers_the_import_understands(self) -> None:
        self.client.force_login(self.nodal_a)
        hindi = [HINDI_HEADERS[c] for c in COLUMNS]
        self.assertEqual(column_index(hindi), {c: i for i, c in enumerate(COLUMNS)})
        content = self.download("csv", "hi")
        self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(content.decode("utf-8-sig").strip().split(","), hindi)
        header, example = self.example_sheet(self.download("xlsx", "hi"))
        self.assertEqual(header, hindi)
        self.assertEqual(example[COLUMNS.index("name_hi")], "रमेश कुमार")

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
        header, example = self.example_sheet(self.download("xlsx", "hi"))
        text = io.StringIO()
        csv.writer(text).writerows([header, example])
        job = self.uploaded_job(self.upload(text.getvalue().encode("utf-8"), "filled.csv"))
        self.assertEqual(job.status, ImportJob.Status.VALIDATED, job.message_en)
        self.assertEqual((job.rows, job.created, job.rejected), (1, 1, 0))

    def test_outsider_gets_their_own_organisation_in_the_example(self) -> None:
        self.client.force_login(self.outsider)
        _header, example = self.example_sheet(self.download("xlsx", "en"))
        values = dict(zip(COLUMNS, example, strict=True))
        self.assertEqual((values["org_code"], values["designation"]), ("MP-HLT", "STAFF-NURSE"))
