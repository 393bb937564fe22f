"""manage.py import_employees: the same checks and upsert, in-process, with --json for scripts."""

from __future__ import annotations

import csv
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from kshamta.accounts.models import Profile
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class ImportEmployeesCommandTests(ImportTestCase):
    def write(self, text: str, name: str = "hrms.csv") -> str:
        path = Path(tempfile.mkdtemp(dir=self.media)) / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def call(self, *args: str) -> tuple[str, str]:
        out, err = StringIO(), StringIO()
        call_command("import_employees", *args, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def test_json_output_is_one_object_with_the_counts_and_error_file(self) -> None:
        path = self.write(csv_text([person("RC001"), person("RC002"), person("RC003", email="nope")]))
        out, err = self.call(path, "--org", "MP-REV", "--json", "--chunk-size", "1")
        result = json.loads(out)
        self.assertEqual(out.strip().count("\n"), 0)
        self.assertEqual(set(result), {"rows", "created", "updated", "unchanged", "rejected", "error_file"})
        self.assertEqual(
            {k: result[k] for k in ("rows", "created", "updated", "unchanged", "rejected")},
            {"rows": 3, "created": 2, "updated": 0, "unchanged": 0, "rejected": 1},
        )
        self.assertIn("importing", err)
        raw = Path(result["error_file"]).read_bytes()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["employee_code"], "RC003")
        self.assertEqual(rows[0]["email"], "nope")
        self.assertEqual(rows[0]["reason_en"], "nope is not a valid e-mail address")
        self.assertEqual(rows[0]["reason_hi"], "nope मान्य ई-मेल पता नहीं है")

        out, _err = self.call(path, "--org", "MP-REV", "--json")
        again = json.loads(out)
        self.assertEqual((again["unchanged"], again["rejected"], again["created"]), (2, 1, 0))

    def test_dry_run_changes_nothing(self) -> None:
        path = self.write(csv_text([person("RC101")]))
        out, _err = self.call(path, "--org", "MP-REV", "--dry-run", "--json")
        self.assertEqual(json.loads(out)["created"], 1)
        self.assertIsNone(json.loads(out)["error_file"])
        self.assertFalse(Profile.objects.filter(employee_code="RC101").exists())

    def test_create_designations(self) -> None:
        path = self.write(
            csv_text([person("RC201", designation="Naib Tehsildar"), person("RC202", designation="राजस्व निरीक्षक")])
        )
        out, _err = self.call(path, "--org", "MP-REV", "--json")
        self.assertEqual(json.loads(out)["rejected"], 2)
        out, _err = self.call(path, "--org", "MP-REV", "--json", "--create-designations")
        self.assertEqual(json.loads(out)["created"], 2)
        naib = Profile.objects.select_related("designation").get(employee_code="RC201").designation
        assert naib is not None
        self.assertEqual((naib.code, naib.org), ("NAIB-TEHSILDAR", self.dept_a))
        hindi = Profile.objects.select_related("designation").get(employee_code="RC202").designation
        assert hindi is not None
        self.assertEqual(hindi.name_hi, "राजस्व निरीक्षक")

    def test_unknown_org_and_missing_file(self) -> None:
        with self.assertRaises(CommandError):
            self.call(self.write(csv_text([person("RC301")])), "--org", "NOPE")
        with self.assertRaises(CommandError):
            self.call("/nonexistent/file.csv", "--org", "MP-REV")

    def test_missing_columns_fail(self) -> None:
        with self.assertRaises(CommandError) as caught:
            self.call(self.write("employee_code,name_en\nX,Y\n"), "--org", "MP-REV")
        self.assertIn("Missing columns", str(caught.exception))
