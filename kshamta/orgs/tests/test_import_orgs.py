from __future__ import annotations

import contextlib
import json
import tempfile
from io import StringIO
from pathlib import Path

import openpyxl
from django.core.management import CommandError, call_command
from django.test import TestCase

from kshamta.core.models import AuditEvent
from kshamta.orgs.models import Organisation

HEADER = "code,parent_code,type,name_en,name_hi\n"
TREE = (
    HEADER
    + "UP,,state,Uttar Pradesh,उत्तर प्रदेश\n"
    + "UP-REV,UP,department,Revenue Department,राजस्व विभाग\n"
    + "UP-REV-BR,UP-REV,directorate,Board of Revenue,राजस्व परिषद\n"
    + "UP-REV-LKO,UP-REV-BR,district,Collectorate Lucknow,कलेक्ट्रेट लखनऊ\n"
    + "UP-HLT,UP,department,Health Department,स्वास्थ्य विभाग\n"
)


class ImportOrgsCommandTests(TestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp())

    def write(self, name: str, text: str, encoding: str = "utf-8") -> str:
        path = self.folder / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    def run_import(self, path: str) -> dict[str, int]:
        out = StringIO()
        call_command("import_orgs", path, "--json", stdout=out, stderr=StringIO())
        return json.loads(out.getvalue().strip().splitlines()[-1])

    def test_loads_a_tree_with_paths_and_rerun_changes_nothing(self) -> None:
        path = self.write("tree.csv", TREE)
        self.assertEqual(self.run_import(path), {"rows": 5, "created": 5, "updated": 0, "unchanged": 0, "rejected": 0})
        lucknow = Organisation.objects.get(code="UP-REV-LKO")
        self.assertEqual(lucknow.depth, 3)
        self.assertEqual(lucknow.name_hi, "कलेक्ट्रेट लखनऊ")
        revenue = Organisation.objects.get(code="UP-REV")
        self.assertEqual(
            set(Organisation.objects.filter(revenue.subtree_q()).values_list("code", flat=True)),
            {"UP-REV", "UP-REV-BR", "UP-REV-LKO"},
        )
        events = AuditEvent.objects.count()
        self.assertEqual(self.run_import(path), {"rows": 5, "created": 0, "updated": 0, "unchanged": 5, "rejected": 0})
        self.assertEqual(Organisation.objects.count(), 5)
        self.assertEqual(AuditEvent.objects.count(), events)

    def test_rename_and_move_update_in_place(self) -> None:
        self.run_import(self.write("tree.csv", TREE))
        lucknow_id = Organisation.objects.get(code="UP-REV-LKO").pk
        moved = TREE.replace(
            "UP-REV-LKO,UP-REV-BR,district,Collectorate Lucknow", "UP-REV-LKO,UP-HLT,district,CMO Lucknow"
        )
        result = self.run_import(self.write("moved.csv", moved))
        self.assertEqual(result["updated"], 1)
        lucknow = Organisation.objects.get(code="UP-REV-LKO")
        self.assertEqual(lucknow.pk, lucknow_id)
        self.assertEqual(lucknow.name_en, "CMO Lucknow")
        health = Organisation.objects.get(code="UP-HLT")
        self.assertTrue(lucknow.path.startswith(health.path))
        self.assertEqual(lucknow.depth, 2)

    def test_cycle_is_rejected_and_nothing_is_written(self) -> None:
        self.run_import(self.write("tree.csv", TREE))
        before = list(Organisation.objects.values_list("code", "path"))
        cyclic = TREE.replace("UP-REV,UP,department", "UP-REV,UP-REV-LKO,department")
        err = StringIO()
        with self.assertRaisesMessage(CommandError, "nothing was imported"):
            call_command("import_orgs", self.write("cycle.csv", cyclic), stdout=StringIO(), stderr=err)
        self.assertIn("cycle", err.getvalue())
        self.assertEqual(list(Organisation.objects.values_list("code", "path")), before)

    def test_missing_parent_and_duplicate_code_are_reported_with_line_numbers(self) -> None:
        bad = HEADER + "UP,,state,Uttar Pradesh,उत्तर प्रदेश\nX1,NOPE,office,Lost office,\nUP,,state,Again,\n"
        err = StringIO()
        with self.assertRaises(CommandError):
            call_command("import_orgs", self.write("bad.csv", bad), stdout=StringIO(), stderr=err)
        text = err.getvalue()
        self.assertIn("line 3: parent NOPE does not exist", text)
        self.assertIn("line 4: code UP appears twice", text)
        self.assertEqual(Organisation.objects.count(), 0)

    def test_excel_csv_with_bom_semicolons_and_odd_header_case(self) -> None:
        text = " Code ;Parent_Code; TYPE ;Name_EN;Name_HI\nUP;;state;Uttar Pradesh;उत्तर प्रदेश\n"
        path = self.folder / "bom.csv"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        self.assertEqual(self.run_import(str(path))["created"], 1)
        self.assertEqual(Organisation.objects.get().name_hi, "उत्तर प्रदेश")

    def test_xlsx_file(self) -> None:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for line in TREE.strip().splitlines():
            sheet.append(line.split(","))
        path = self.folder / "tree.xlsx"
        workbook.save(path)
        self.assertEqual(self.run_import(str(path))["created"], 5)

    def test_decomposed_hindi_and_zero_width_space_are_normalised(self) -> None:
        decomposed = "राजस्व विभाग".replace("ज", "ज\u200b")
        text = HEADER + f"UP,,state,Uttar Pradesh,उत्तर प्रदेश\nUP-REV,UP,department,Revenue,{decomposed}\n"
        self.run_import(self.write("zw.csv", text))
        self.assertEqual(Organisation.objects.get(code="UP-REV").name_hi, "राजस्व विभाग")

    def test_unsupported_file_type_is_a_clear_error(self) -> None:
        with self.assertRaisesMessage(CommandError, "Unsupported file type"):
            call_command("import_orgs", self.write("tree.pdf", "x"), stdout=StringIO())


class ImportDesignationsCommandTests(TestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp())
        (self.folder / "tree.csv").write_text(TREE, encoding="utf-8")
        call_command("import_orgs", str(self.folder / "tree.csv"), stdout=StringIO())

    def run_import(self, text: str) -> tuple[dict[str, int], str]:
        path = self.folder / "d.csv"
        path.write_text(text, encoding="utf-8")
        out, err = StringIO(), StringIO()
        with contextlib.suppress(CommandError):  # raised when every row was rejected
            call_command("import_designations", str(path), "--json", stdout=out, stderr=err)
        return json.loads(out.getvalue().strip().splitlines()[-1]), err.getvalue()

    def test_designations_with_sanctioned_strength_and_rerun(self) -> None:
        text = (
            "org_code,code,name_en,name_hi,group,sanctioned\n"
            "UP-REV,TEH,Tehsildar,तहसीलदार,B,350\n"
            "UP-REV-LKO,TEH,Tehsildar,तहसीलदार,B,12\n"
            "UP-REV,PAT,Patwari,पटवारी,C,27000\n"
        )
        report, _ = self.run_import(text)
        self.assertEqual(report, {"rows": 3, "created": 3, "updated": 0, "unchanged": 0, "rejected": 0})
        from kshamta.orgs.models import Designation, SanctionedStrength

        tehsildar = Designation.objects.get(code="TEH")
        self.assertEqual(tehsildar.org.code, "UP-REV")
        self.assertEqual(SanctionedStrength.objects.get(designation=tehsildar, org__code="UP-REV-LKO").sanctioned, 12)
        report, _ = self.run_import(text)
        self.assertEqual(report["unchanged"], 3)
        report, _ = self.run_import(text.replace("27000", "26000"))
        self.assertEqual((report["updated"], report["unchanged"]), (1, 2))

    def test_bad_rows_are_rejected_with_reasons_and_good_rows_still_load(self) -> None:
        text = (
            "org_code,code,name_en,name_hi,group,sanctioned\n"
            "NOPE,X,Ghost,भूत,C,1\n"
            "UP-REV,PAT,Patwari,पटवारी,C,10\n"
            "UP-REV,PAT2,patwari,,C,10\n"
            "UP-REV,RI,Revenue Inspector,राजस्व निरीक्षक,Z,5\n"
            "UP-REV,TEH,Tehsildar,तहसीलदार,B,many\n"
            "UP-HLT,TEH3,Staff Nurse,स्टाफ नर्स,C,40\n"
            "UP-REV-LKO,TEH3,Staff Nurse,स्टाफ नर्स,C,4\n"
        )
        report, err = self.run_import(text)
        self.assertEqual(report["rows"], 7)
        self.assertEqual(report["created"], 2)
        self.assertEqual(report["rejected"], 5)
        self.assertIn("line 2: unknown org_code NOPE", err)
        self.assertIn("line 4: The name patwari is already used by designation PAT", err)
        self.assertIn("line 5: Group must be A, B, C or D", err)
        self.assertIn("line 6: sanctioned must be a whole number", err)
        self.assertIn("line 8: Designation TEH3 is defined at UP-HLT and cannot be used at UP-REV-LKO", err)
