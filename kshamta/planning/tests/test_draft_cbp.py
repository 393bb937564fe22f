"""manage.py draft_cbp: the draft plan from files, printed, nothing saved."""

from __future__ import annotations

import io
import json

from django.core.management import CommandError, call_command

from kshamta.planning.models import Plan, Statement
from kshamta.planning.tests.helpers import DEMO_DOCS, PlanTestCase


class DraftCBPCommandTests(PlanTestCase):
    def run_command(self, *extra: str) -> str:
        out = io.StringIO()
        call_command(
            "draft_cbp",
            "--org",
            "MP-REV",
            "--organogram",
            str(DEMO_DOCS / "revenue_organogram.xlsx"),
            "--work-allocation",
            str(DEMO_DOCS / "revenue_work_allocation.docx"),
            "--annual-report",
            str(DEMO_DOCS / "revenue_annual_report.pdf"),
            "--acts",
            str(DEMO_DOCS / "revenue_acts_rules.txt"),
            *extra,
            stdout=out,
        )
        return out.getvalue()

    def test_json_shape_and_nothing_saved(self) -> None:
        data = json.loads(self.run_command("--json", "--framework", "KCM-DEFAULT"))
        self.assertEqual(set(data), {"org", "framework", "designations", "problems", "totals"})
        self.assertEqual((data["org"], data["framework"]), ("MP-REV", "KCM-DEFAULT"))
        self.assertEqual(len(data["designations"]), 12)
        designation = next(d for d in data["designations"] if d["code"] == "ASSISTANT-GR2")
        self.assertLessEqual({"code", "name_en", "people", "competencies"}, set(designation))
        competency = next(c for c in designation["competencies"] if c["code"] == "FUN-PROCUREMENT")
        self.assertLessEqual({"code", "level", "score", "evidence", "courses"}, set(competency))
        self.assertEqual(set(competency["evidence"][0]), {"document", "kind", "page", "sentence"})
        self.assertIn("निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।", [e["sentence"] for e in competency["evidence"]])
        self.assertEqual(set(competency["courses"][0]), {"code", "score", "status", "reasons"})
        self.assertTrue(competency["courses"][0]["reasons"])
        self.assertEqual([p["value"] for p in data["problems"]], ["कोटवार"])
        self.assertLessEqual(
            {"designations", "people_covered", "share_covered", "learning_hours_per_person", "courses"},
            set(data["totals"]),
        )
        self.assertFalse(Plan.objects.exists())
        self.assertFalse(Statement.objects.exists())

    def test_plain_output_and_bad_arguments(self) -> None:
        text = self.run_command()
        self.assertIn("Assistant Grade-2 (ASSISTANT-GR2)", text)
        self.assertIn("FUN-PROCUREMENT level", text)
        self.assertIn("! line 14:", text)
        with self.assertRaisesMessage(CommandError, "No organisation has the code NOPE"):
            call_command("draft_cbp", "--org", "NOPE", "--organogram", "x.csv", "--work-allocation", "y.txt")
        with self.assertRaisesMessage(CommandError, "No competency framework"):
            call_command(
                "draft_cbp", "--org", "MP-REV", "--organogram", "x.csv", "--work-allocation", "y.txt",
                "--framework", "NOPE",
            )  # fmt: skip
        with self.assertRaises(CommandError):
            call_command("draft_cbp", "--org", "MP-REV", "--organogram", "missing.csv", "--work-allocation", "y.txt")
