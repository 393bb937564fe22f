from __future__ import annotations

import csv
import io
from typing import Any

from django.urls import reverse
from openpyxl import load_workbook

from kshamta.analytics.tests.data import EXPECTED_OWN, EXPECTED_TOTAL, CoverageTestCase
from kshamta.orgs import actions as org_actions

# Columns: code, parent code, name en, name hi, type, depth, own (3), total (3), coverage %, activation %.
CODE, PARENT, NAME_EN, NAME_HI, KIND, DEPTH = range(6)


def body_of(response: Any) -> bytes:
    return b"".join(response.streaming_content)


class CoverageExportTests(CoverageTestCase):
    def csv_url(self, org_id: int) -> str:
        return reverse("analytics:export_csv", args=[org_id])

    def xlsx_url(self, org_id: int) -> str:
        return reverse("analytics:export_xlsx", args=[org_id])

    def read_csv(self, org_id: int) -> list[list[str]]:
        response = self.client.get(self.csv_url(org_id))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.streaming)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        raw = body_of(response)
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel")
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))

    def read_xlsx(self, org_id: int) -> list[tuple[Any, ...]]:
        response = self.client.get(self.xlsx_url(org_id))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.streaming)
        self.assertIn(".xlsx", response["Content-Disposition"])
        workbook = load_workbook(io.BytesIO(body_of(response)))
        return list(workbook.worksheets[0].iter_rows(values_only=True))

    def test_csv_lists_every_node_of_the_subtree_with_own_and_rolled_up_figures(self) -> None:
        self.client.force_login(self.state_admin)
        header, *rows = self.read_csv(self.state.pk)
        self.assertEqual(len(header), 14)
        self.assertEqual([r[CODE] for r in rows], list(EXPECTED_OWN))
        by_code = {r[CODE]: r for r in rows}
        for code in EXPECTED_OWN:
            row = by_code[code]
            self.assertEqual(tuple(int(v) for v in row[6:9]), EXPECTED_OWN[code], code)
            self.assertEqual(tuple(int(v) for v in row[9:12]), EXPECTED_TOTAL[code], code)
        bhopal = by_code["MP-REV-BPL"]
        self.assertEqual(bhopal[PARENT], "MP-REV")
        self.assertEqual(bhopal[NAME_HI], "कलेक्टोरेट भोपाल")
        self.assertEqual(bhopal[KIND], "District office")
        self.assertEqual(bhopal[DEPTH], "2")
        self.assertEqual(bhopal[12:], ["27.3", "66.7"])
        self.assertEqual(by_code["MP-REV-SEH"][12:], ["", ""])

    def test_xlsx_reads_back_with_numbers_as_numbers(self) -> None:
        self.client.force_login(self.nodal_a)
        header, *rows = self.read_xlsx(self.dept_a.pk)
        self.assertEqual(header[0], "Code")
        self.assertEqual([r[CODE] for r in rows], ["MP-REV", "MP-REV-BPL", "MP-REV-SEH"])
        revenue = rows[0]
        self.assertEqual(revenue[NAME_EN], "Revenue Department")
        self.assertEqual(revenue[NAME_HI], "राजस्व विभाग")
        self.assertEqual(revenue[9:12], EXPECTED_TOTAL["MP-REV"])
        self.assertEqual(revenue[12:], (30.8, 50.0))
        self.assertEqual(rows[2][12:], (None, None))

    def test_export_follows_the_subtree_as_it_grows(self) -> None:
        self.client.force_login(self.nodal_a)
        for i in range(30):
            org_actions.do_create_org(
                code=f"MP-REV-T{i:02d}", kind="office", name_en=f"Tehsil {i}", parent=self.sehore, acting_user=None
            )
        _header, *rows = self.read_csv(self.dept_a.pk)
        self.assertEqual(len(rows), 3 + 30)
        self.assertEqual(len(self.read_xlsx(self.dept_a.pk)), 1 + 3 + 30)

    def test_hindi_headers_and_names_survive(self) -> None:
        self.client.force_login(self.state_admin)
        self.client.cookies["kshamta_language"] = "hi"
        _header, *rows = self.read_csv(self.dept_b.pk)
        self.assertEqual([r[NAME_HI] for r in rows], ["स्वास्थ्य विभाग", "सीएमएचओ इंदौर"])

    def test_denies_the_outsider_the_learner_and_anonymous(self) -> None:
        for url in (self.csv_url(self.dept_a.pk), self.xlsx_url(self.district_a.pk)):
            self.assertNotFoundFor(self.outsider, url)
            self.assertNotFoundFor(self.learner_a, url)
            self.client.logout()
            self.assertSignInRedirect(url)
