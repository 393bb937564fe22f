"""Exporting the catalogue in the import format, and the round trip export → import → unchanged."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kshamta.catalog import importing
from kshamta.catalog.models import Course, CourseVersion
from kshamta.catalog.tests.test_search import CatalogueFixtures, build_catalogue, build_course
from kshamta.core.testing import CastTestCase

EXPORT = reverse("catalog:export")


class ExportTests(CatalogueFixtures, CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)
        build_course(
            "FORMULA-1",
            provider=cls.ati,
            title_en='=HYPERLINK("http://x") is not a formula',
            title_hi='क्\u200dषमता, "उद्धरण" और; विराम',
            summary_en="Line one, with commas; and semicolons",
            tags="one, two",
            competencies={"RTI": 5, "FIN": 1},
            level="advanced",
            languages="en",
        )

    def setUp(self) -> None:
        self.client.force_login(self.state_admin)

    def csv_rows(self, response: object) -> list[dict[str, str]]:
        body = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
        self.assertTrue(body.startswith("\ufeff"))
        return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))

    def test_anonymous_and_people_who_do_not_manage_the_catalogue_are_refused(self) -> None:
        response = Client().get(EXPORT)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
        for user in (self.learner_a, self.outsider):
            client = Client()
            client.force_login(user)
            self.assertEqual(client.get(EXPORT).status_code, 404)

    def test_csv_is_streamed_with_the_import_columns_and_only_listed_courses(self) -> None:
        response = self.client.get(EXPORT, {"format": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.streaming)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        rows = self.csv_rows(response)
        self.assertEqual(list(rows[0]), list(importing.COLUMNS))
        self.assertEqual([r["code"] for r in rows], ["FIN-201", "FORMULA-1", "POSH-01", "PR-01", "RTI-101"])
        rti = rows[-1]
        self.assertEqual(rti["provider_code"], "MP-ATI")
        self.assertEqual(rti["competencies"], "RTI:2")
        self.assertEqual(rti["tags"], "transparency, law")
        self.assertEqual(rti["language"], "hi,en")
        self.assertEqual(rti["duration_minutes"], "60")
        self.assertEqual(rti["level"], "beginner")
        self.assertEqual(rows[1]["competencies"], "FIN:1;RTI:5")

    def test_filters_like_the_browse_page(self) -> None:
        rows = self.csv_rows(self.client.get(EXPORT, {"language": "hi", "q": "सूचना"}))
        self.assertEqual([r["code"] for r in rows], ["RTI-101"])

    def test_csv_round_trip_changes_nothing(self) -> None:
        body = b"".join(self.client.get(EXPORT).streaming_content)  # type: ignore[attr-defined]
        versions = CourseVersion.objects.count()
        summary = importing.import_catalogue(io.BytesIO(body), filename="export.csv", acting_user=None)
        self.assertEqual(summary.counts(), {"rows": 5, "created": 0, "updated": 0, "unchanged": 5, "rejected": 0})
        self.assertEqual(CourseVersion.objects.count(), versions)

    def test_xlsx_round_trip_changes_nothing_and_keeps_text_as_text(self) -> None:
        response = self.client.get(EXPORT, {"format": "xlsx"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(".xlsx", response["Content-Disposition"])
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        assert sheet is not None
        cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
        formula_title = cells["FORMULA-1"][1]
        self.assertEqual(formula_title.data_type, "s")
        self.assertEqual(formula_title.value, '=HYPERLINK("http://x") is not a formula')
        summary = importing.import_catalogue(io.BytesIO(body), filename="export.xlsx", acting_user=None)
        self.assertEqual(summary.counts(), {"rows": 5, "created": 0, "updated": 0, "unchanged": 5, "rejected": 0})

    def test_round_trip_into_an_empty_catalogue_recreates_the_rows(self) -> None:
        body = b"".join(self.client.get(EXPORT).streaming_content)  # type: ignore[attr-defined]
        before = {
            c.code: (c.title_en, c.title_hi, c.languages, c.duration_minutes, c.competency_codes)
            for c in Course.objects.filter(published_version__isnull=False, is_retired=False)
        }
        renamed = body.decode("utf-8").replace("\nFIN-201,", "\nFIN-201-COPY,")
        summary = importing.import_catalogue(
            io.BytesIO(renamed.encode("utf-8")), filename="export.csv", acting_user=None
        )
        self.assertEqual((summary.created, summary.unchanged), (1, 4))
        copy = Course.objects.get(code="FIN-201-COPY")
        self.assertEqual(
            (copy.title_en, copy.title_hi, copy.languages, copy.duration_minutes, copy.competency_codes),
            before["FIN-201"],
        )

    def test_management_command_writes_csv_and_xlsx(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            for name in ("catalogue.csv", "catalogue.xlsx"):
                path = Path(folder) / name
                out = io.StringIO()
                call_command("export_courses", str(path), stdout=out)
                self.assertIn("5 courses written", out.getvalue())
                summary = importing.import_catalogue(path, filename=name, acting_user=None)
                self.assertEqual(summary.unchanged, 5, name)
            out = io.StringIO()
            call_command("export_courses", str(Path(folder) / "nic.csv"), "--provider", "NIC", stdout=out)
            self.assertIn("1 course written", out.getvalue())
