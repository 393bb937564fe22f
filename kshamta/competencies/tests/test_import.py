"""Loading a competency framework from CSV/XLSX with import_competencies: every row rule,
re-running, --framework and --activate, malformed files, odd Unicode, export round trip."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.management import CommandError, call_command

from kshamta.competencies import importing
from kshamta.competencies.models import Competency, Framework
from kshamta.competencies.tests.helpers import STANDARD, csv_bytes, make_framework, row, xlsx_bytes
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase


class ImportTestCase(CastTestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)
        self.state_fw = make_framework("MP-KCM", competencies=STANDARD)

    def write(self, data: bytes, name: str = "framework.csv") -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    def run_command(self, path: Path, *args: str) -> dict[str, Any]:
        out = io.StringIO()
        call_command("import_competencies", str(path), "--json", *args, stdout=out)
        return dict(json.loads(out.getvalue()))

    def load(self, rows: list[dict[str, Any]], **kwargs: Any) -> importing.ImportSummary:
        return importing.import_framework(
            io.BytesIO(csv_bytes(rows)), filename="f.csv", acting_user=self.state_admin, **kwargs
        )


class CreateUpdateUnchangedTest(ImportTestCase):
    def test_new_rows_are_created_in_the_active_framework(self) -> None:
        path = self.write(csv_bytes([row("FUN-NEW"), row("dom-gst", kind="domain", name_en="GST")]))

        result = self.run_command(path)

        self.assertEqual(result, {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0})
        gst = Competency.objects.get(framework=self.state_fw, code="DOM-GST")
        self.assertEqual((gst.kind, gst.name_en, gst.name_hi), ("domain", "GST", "सूचना का अधिकार"))
        self.assertEqual(gst.levels[0], {"en": "Knows the Act", "hi": "अधिनियम की जानकारी"})
        self.assertEqual(gst.levels[4], {"en": "Shapes policy", "hi": "नीति-निर्माण"})
        self.assertEqual(Framework.objects.count(), 1)

    def test_running_again_changes_nothing(self) -> None:
        path = self.write(csv_bytes([row("FUN-NEW"), row("FUN-OTHER")]))
        self.run_command(path)
        events = AuditEvent.objects.count()

        again = self.run_command(path)

        self.assertEqual(again, {"rows": 2, "created": 0, "updated": 0, "unchanged": 2, "rejected": 0})
        self.assertEqual(AuditEvent.objects.count(), events)
        self.assertEqual(Competency.objects.filter(code="FUN-NEW").count(), 1)

    def test_a_changed_row_is_updated_and_audited(self) -> None:
        self.load([row("FUN-NEW"), row("FUN-OTHER")])

        summary = self.load([row("FUN-NEW", name_hi="नया नाम", level_3="Independent | स्वतंत्र"), row("FUN-OTHER")])

        self.assertEqual(summary.counts(), {"rows": 2, "created": 0, "updated": 1, "unchanged": 1, "rejected": 0})
        competency = Competency.objects.get(code="FUN-NEW")
        self.assertEqual(competency.name_hi, "नया नाम")
        self.assertEqual(competency.levels[2], {"en": "Independent", "hi": "स्वतंत्र"})
        event = AuditEvent.objects.filter(action="competency.update").get()
        self.assertEqual(event.actor, self.state_admin)
        self.assertEqual(event.before["name_hi"], "सूचना का अधिकार")

    def test_an_existing_competency_of_the_framework_is_updated_not_duplicated(self) -> None:
        summary = self.load([row("FUN-RTI", name_en="RTI handling")])
        self.assertEqual(summary.updated, 1)
        self.assertEqual(self.state_fw.competencies.filter(code="FUN-RTI").get().name_en, "RTI handling")
        # Competencies missing from the file are kept.
        self.assertEqual(self.state_fw.competencies.count(), len(STANDARD))

    def test_xlsx_with_numbers_in_cells(self) -> None:
        path = self.write(xlsx_bytes([row("FUN-XL"), row(101, kind="Domain")]), "framework.xlsx")

        result = self.run_command(path)

        self.assertEqual(result["created"], 2)
        self.assertTrue(Competency.objects.filter(code="101", kind="domain").exists())

    def test_plain_output_lists_rejected_rows(self) -> None:
        path = self.write(csv_bytes([row("FUN-A"), row("", name_en="Nameless code")]))
        out = io.StringIO()
        call_command("import_competencies", str(path), stdout=out)
        text = out.getvalue()
        self.assertIn("Framework MP-KCM (unchanged): 2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected", text)
        self.assertIn("row 3 (no code): The code is missing.", text)


class RowRulesTest(ImportTestCase):
    def reasons(self, summary: importing.ImportSummary) -> dict[int, str]:
        return {error.row: error.reason for error in summary.errors}

    def test_each_bad_row_is_rejected_with_its_reason_and_the_rest_load(self) -> None:
        rows = [
            row("FUN-GOOD"),
            row(""),  # 3: no code
            row("FUN-NONAME", name_en="", name_hi=""),  # 4
            row("FUN-KIND", kind="technical"),  # 5
            row("FUN-GOOD", name_en="Again"),  # 6: duplicate of row 2
            row("FUN-LEVEL", level_4=" | "),  # 7
            row("FUN/SLASH"),  # 8
            row("FUN-NOKIND", kind=""),  # 9
            row("X" * 61),  # 10
            row("FUN-LONG", name_en="n" * 201),  # 11
        ]
        summary = self.load(rows)

        self.assertEqual(summary.counts(), {"rows": 10, "created": 1, "updated": 0, "unchanged": 0, "rejected": 9})
        reasons = self.reasons(summary)
        self.assertEqual(reasons[3], "The code is missing.")
        self.assertIn("Give a name in English or in Hindi", reasons[4])
        self.assertIn("The kind 'technical' is not one of behavioural, functional or domain", reasons[5])
        self.assertEqual(reasons[6], "The code FUN-GOOD appears already on row 2 of this file.")
        self.assertIn("level_4 is empty", reasons[7])
        self.assertIn("may use only letters, digits", reasons[8])
        self.assertIn("(empty)", reasons[9])
        self.assertIn("may use only letters, digits", reasons[10])
        self.assertIn("longer than 200", reasons[11])
        self.assertEqual({e.code for e in summary.errors if e.row == 6}, {"FUN-GOOD"})
        self.assertEqual(Competency.objects.get(code="FUN-GOOD").name_en, "Right to Information")
        self.assertFalse(Competency.objects.filter(code__in=["FUN-NONAME", "FUN-KIND", "FUN-LEVEL"]).exists())

    def test_hindi_and_english_kind_words(self) -> None:
        rows = [
            row("BEH-HI", kind="व्यवहारात्मक"),
            row("FUN-HI", kind="कार्यात्मक"),
            row("DOM-HI", kind="डोमेन"),
            row("BEH-US", kind="Behavioral"),
            row("FUN-CAPS", kind=" FUNCTIONAL "),
        ]
        summary = self.load(rows)
        self.assertEqual(summary.created, 5)
        kinds = dict(Competency.objects.filter(code__in=[r["code"] for r in rows]).values_list("code", "kind"))
        self.assertEqual(
            kinds,
            {
                "BEH-HI": "behavioural",
                "FUN-HI": "functional",
                "DOM-HI": "domain",
                "BEH-US": "behavioural",
                "FUN-CAPS": "functional",
            },
        )

    def test_level_cells_in_one_or_both_languages(self) -> None:
        self.load(
            [
                row(
                    "FUN-LEVELS",
                    level_1="Only English",
                    level_2="केवल हिंदी",
                    level_3="स्वतंत्र निराकरण | Handles alone",  # Hindi first: put right
                    level_4="English, explicitly |",
                    level_5="| GST (जीएसटी) के नियमों पर नीति",
                )
            ]
        )
        levels = Competency.objects.get(code="FUN-LEVELS").levels
        self.assertEqual(
            levels,
            [
                {"en": "Only English", "hi": ""},
                {"en": "", "hi": "केवल हिंदी"},
                {"en": "Handles alone", "hi": "स्वतंत्र निराकरण"},
                {"en": "English, explicitly", "hi": ""},
                {"en": "", "hi": "GST (जीएसटी) के नियमों पर नीति"},
            ],
        )


class FrameworkOptionTest(ImportTestCase):
    def test_framework_code_creates_a_new_inactive_framework(self) -> None:
        path = self.write(csv_bytes([row("FUN-A"), row("FUN-B")]))

        result = self.run_command(path, "--framework", "mp-2026", "--name", "MP framework 2026")

        self.assertEqual(result["created"], 2)
        framework = Framework.objects.get(code="MP-2026")
        self.assertEqual(framework.name_en, "MP framework 2026")
        self.assertFalse(framework.is_active)
        self.assertEqual(framework.competencies.count(), 2)
        self.state_fw.refresh_from_db()
        self.assertTrue(self.state_fw.is_active)
        self.assertFalse(self.state_fw.competencies.filter(code="FUN-A").exists())

    def test_same_code_in_two_frameworks_is_two_competencies(self) -> None:
        path = self.write(csv_bytes([row("FUN-RTI", name_en="RTI, 2026 edition")]))
        self.run_command(path, "--framework", "MP-2026")
        self.assertEqual(Competency.objects.filter(code="FUN-RTI").count(), 2)
        self.assertEqual(self.state_fw.competencies.get(code="FUN-RTI").name_en, "FUN-RTI work")

    def test_activate_switches_the_active_framework_in_one_transaction(self) -> None:
        path = self.write(csv_bytes([row("FUN-A")]))
        out = io.StringIO()
        call_command("import_competencies", str(path), "--framework", "MP-2026", "--activate", stdout=out)

        self.assertIn("(now active)", out.getvalue())
        self.assertEqual(list(Framework.objects.filter(is_active=True).values_list("code", flat=True)), ["MP-2026"])
        self.assertTrue(AuditEvent.objects.filter(action="framework.deactivate", target_id=str(self.state_fw.pk)))
        self.assertTrue(AuditEvent.objects.filter(action="framework.activate", target_label="MP-2026"))

        # Back to the first one: --activate with the framework's code, the file changing nothing there.
        path = self.write(csv_bytes([row("FUN-RTI", name_en="FUN-RTI work", name_hi="FUN-RTI कार्य")]))
        call_command("import_competencies", str(path), "--framework", "MP-KCM", "--activate", stdout=io.StringIO())
        self.assertEqual(list(Framework.objects.filter(is_active=True).values_list("code", flat=True)), ["MP-KCM"])

    def test_activating_a_framework_left_empty_writes_nothing(self) -> None:
        path = self.write(csv_bytes([row("", name_en="no code")]))
        with self.assertRaisesMessage(CommandError, "has no competencies yet"):
            call_command("import_competencies", str(path), "--framework", "EMPTY", "--activate", stdout=io.StringIO())
        self.assertFalse(Framework.objects.filter(code="EMPTY").exists())
        self.state_fw.refresh_from_db()
        self.assertTrue(self.state_fw.is_active)

    def test_without_an_active_framework_the_code_must_be_given(self) -> None:
        Framework.objects.update(is_active=False)
        path = self.write(csv_bytes([row("FUN-A")]))
        with self.assertRaisesMessage(CommandError, "No competency framework is active"):
            self.run_command(path)
        self.assertFalse(Competency.objects.filter(code="FUN-A").exists())

        result = self.run_command(path, "--framework", "NEW", "--activate")
        self.assertEqual(result["created"], 1)
        self.assertTrue(Framework.objects.get(code="NEW").is_active)

    def test_bad_framework_code_is_refused(self) -> None:
        path = self.write(csv_bytes([row("FUN-A")]))
        with self.assertRaisesMessage(CommandError, "may use only letters"):
            self.run_command(path, "--framework", "MP/2026")
        self.assertEqual(Framework.objects.count(), 1)

    def test_as_must_be_a_state_admin(self) -> None:
        path = self.write(csv_bytes([row("FUN-A")]))
        with self.assertRaisesMessage(CommandError, "is not a state admin"):
            self.run_command(path, "--as", "nodal.revenue@mp.gov.in")
        self.run_command(path, "--as", "admin@mp.gov.in")
        self.assertEqual(
            AuditEvent.objects.get(action="competency.create", target_label__startswith="FUN-A").actor, self.state_admin
        )


class MalformedFileTest(ImportTestCase):
    def assertRefused(self, data: bytes, name: str, message: str) -> None:
        path = self.write(data, name)
        competencies, events = Competency.objects.count(), AuditEvent.objects.count()
        with self.assertRaisesMessage(CommandError, message):
            self.run_command(path, "--framework", "BROKEN")
        self.assertEqual((Competency.objects.count(), AuditEvent.objects.count()), (competencies, events))
        self.assertFalse(Framework.objects.filter(code="BROKEN").exists())

    def test_missing_columns(self) -> None:
        header = [c for c in csv_bytes([]).decode().strip().split(",") if c not in ("kind", "level_5")]
        self.assertRefused(
            csv_bytes([row("FUN-A")], header=header), "f.csv", "Required columns are missing: kind, level_5."
        )

    def test_header_only_and_empty_file(self) -> None:
        self.assertRefused(csv_bytes([]), "f.csv", "The file has a header row but no competencies.")
        self.assertRefused(b"", "f.csv", "The file could not be read as a table")
        self.assertRefused(b"\n\n  \n", "f.csv", "no header row")

    def test_wrong_type_and_broken_workbook(self) -> None:
        self.assertRefused(csv_bytes([row()]), "f.txt", "Unsupported file type")
        self.assertRefused(b"PK\x03\x04 not really a workbook", "f.xlsx", "The file could not be read as a table")
        self.assertRefused(b"%PDF-1.7\x00\x00\x00binary", "f.csv", "not a text CSV file")

    def test_too_many_rows(self) -> None:
        with mock.patch.object(importing, "MAX_ROWS", 3):
            self.assertRefused(
                csv_bytes([row(f"FUN-{n}") for n in range(4)]), "f.csv", "a framework file may have at most 3 rows"
            )


class OddUnicodeTest(ImportTestCase):
    def test_bom_zero_width_nbsp_and_decomposed_nukta(self) -> None:
        # ज़ typed as one code point (U+095B) or as ज + nukta: NFC makes them one spelling.
        precomposed, decomposed = "\u095bमीन", "\u091c\u093cमीन"
        self.assertNotEqual(precomposed, decomposed)
        rows = [
            row(
                "\u200bfun-\u200bodd\ufeff",
                name_en="Land\u00a0records  \n management",
                name_hi=f"{precomposed} अभिलेख",
                description_hi="क्\u200dष का रूप",  # a ZWJ inside Hindi shapes a half form: kept
            )
        ]
        path = self.write(csv_bytes(rows, encoding="utf-8-sig"))

        self.assertEqual(self.run_command(path)["created"], 1)

        competency = Competency.objects.get(code="FUN-ODD")
        self.assertEqual(competency.name_en, "Land records management")
        self.assertEqual(competency.name_hi, unicodedata.normalize("NFC", f"{decomposed} अभिलेख"))
        self.assertTrue(unicodedata.is_normalized("NFC", competency.name_hi))
        self.assertIn("\u200d", competency.description_hi)
        # The same row typed the other way is the same competency, unchanged.
        rows[0]["name_hi"] = f"{decomposed} अभिलेख"
        rows[0]["code"] = "FUN-ODD"
        self.assertEqual(self.load(rows).unchanged, 1)

    def test_windows_code_page_and_semicolons(self) -> None:
        text = "code;kind;name_en;name_hi;description_en;description_hi;level_1;level_2;level_3;level_4;level_5\n"
        text += "FUN-CAFE;functional;Café management;;Menus \u2013 and prices;;a;b;c;d;e\n"
        path = self.write(text.encode("cp1252"))
        self.assertEqual(self.run_command(path)["created"], 1)
        competency = Competency.objects.get(code="FUN-CAFE")
        self.assertEqual(competency.name_en, "Café management")
        self.assertEqual(competency.description_en, "Menus \u2013 and prices")

    def test_utf16_from_excel(self) -> None:
        path = self.write(csv_bytes([row("DOM-UTF")], encoding="utf-16"))
        self.assertEqual(self.run_command(path)["created"], 1)
        self.assertEqual(Competency.objects.get(code="DOM-UTF").name_hi, "सूचना का अधिकार")


class ExportRoundTripTest(ImportTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.load(
            [
                row("FUN-BOTH"),
                row("FUN-ONE", level_1="English only", level_2="केवल हिंदी", level_3="स्तर | ", level_4=" | Level"),
                row("BEH-COMMA", kind="व्यवहारात्मक", name_en='Says "no", politely', description_en="Line one\nline two"),
            ]
        )

    def export(self, name: str, *args: str) -> Path:
        path = self.folder / name
        out = io.StringIO()
        call_command("export_competencies", str(path), *args, stdout=out)
        self.assertIn(f"{len(STANDARD) + 3} competencies of framework MP-KCM written", out.getvalue())
        return path

    def test_csv_and_xlsx_exports_import_back_unchanged(self) -> None:
        for name in ("out.csv", "out.xlsx"):
            with self.subTest(name):
                path = self.export(name)
                events = AuditEvent.objects.count()
                result = self.run_command(path)
                self.assertEqual(result["unchanged"], len(STANDARD) + 3)
                self.assertEqual((result["created"], result["updated"], result["rejected"]), (0, 0, 0))
                self.assertEqual(AuditEvent.objects.count(), events)

    def test_export_into_another_framework_copies_it(self) -> None:
        path = self.export("out.csv", "--framework", "mp-kcm")
        self.run_command(path, "--framework", "COPY")
        original = {c.code: (c.kind, c.name_hi, c.levels) for c in self.state_fw.competencies.all()}
        copy = {c.code: (c.kind, c.name_hi, c.levels) for c in Framework.objects.get(code="COPY").competencies.all()}
        self.assertEqual(copy, original)

    def test_export_writes_the_level_cells_as_documented(self) -> None:
        path = self.export("out.csv")
        text = path.read_text(encoding="utf-8-sig")
        self.assertTrue(text.startswith(",".join(importing.COLUMNS)))
        self.assertIn("Knows the Act | अधिनियम की जानकारी", text)
        self.assertIn(",English only,केवल हिंदी,स्तर |,| Level,", text)

    def test_export_needs_a_framework(self) -> None:
        with self.assertRaisesMessage(CommandError, "no framework with the code NOPE"):
            call_command("export_competencies", str(self.folder / "x.csv"), "--framework", "NOPE")
        with self.assertRaisesMessage(CommandError, ".csv or .xlsx"):
            call_command("export_competencies", str(self.folder / "x.pdf"))
