"""Exports of a plan (bilingual PDF, XLSX, JSON) and imports of plan lines back into a draft."""

from __future__ import annotations

import io
import json

from openpyxl import load_workbook
from pypdf import PdfReader

from kshamta.planning import actions, exporting, importing
from kshamta.planning.models import IN_PLAN, Plan, PlanCompetency, PlanCourse
from kshamta.planning.tests.helpers import AnalysedPlanTestCase

Line = tuple[str, str, int, str, str, str, str]


def lines_of(plan: Plan) -> set[Line]:
    """What the plan holds: every competency with each course in the plan (or none)."""
    lines: set[Line] = set()
    for competency in PlanCompetency.objects.filter(plan=plan).select_related(
        "competency", "plan_designation__designation"
    ):
        base = (competency.plan_designation.designation.code, competency.competency.code, competency.required_level)
        planned = PlanCourse.objects.filter(plan_competency=competency, status__in=IN_PLAN).select_related("course")
        if not planned:
            lines.add((*base, "", "", "", ""))
        for line in planned:
            lines.add((*base, line.course.code, line.mode, line.priority, line.quarter))
    return lines


class ExportTests(AnalysedPlanTestCase):
    def test_the_pdf_reads_back_in_hindi_and_english(self) -> None:
        reader = PdfReader(io.BytesIO(exporting.plan_pdf(self.plan)))
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
        self.assertIn("क्षमता निर्माण योजना", text)
        self.assertIn("Capacity Building Plan", text)
        self.assertIn("राजस्व विभाग", text)
        self.assertIn("पटवारी", text)
        self.assertIn("FUN-PROCUREMENT", text)
        self.assertIn("लोक क्रय", text)
        self.assertGreaterEqual(len(reader.pages), 2 + 12)  # cover, summary, a page per designation

    def test_json_export_has_the_plan_with_evidence_and_totals(self) -> None:
        data = exporting.plan_json(self.plan)
        self.assertEqual(
            (data["format"], data["org"], data["year"], data["version"]), ("kshamta-cbp/1", "MP-REV", "2026-27", 1)
        )
        assistant = next(d for d in data["designations"] if d["code"] == "ASSISTANT-GR2")
        procurement = next(c for c in assistant["competencies"] if c["code"] == "FUN-PROCUREMENT")
        self.assertEqual(set(procurement["evidence"][0]), {"document", "page", "sentence"})
        self.assertTrue(procurement["courses"][0]["reasons"])
        self.assertEqual(data["totals"]["designations"], 12)

    def test_xlsx_has_importable_lines_designations_and_evidence(self) -> None:
        workbook = load_workbook(io.BytesIO(exporting.plan_xlsx(self.plan)), read_only=True)
        self.assertEqual(workbook.sheetnames, ["Lines", "Designations", "Evidence"])
        header = next(workbook["Lines"].iter_rows(values_only=True))
        self.assertEqual(header[:7], importing.LINE_COLUMNS)

    def test_xlsx_round_trip_into_a_new_plan(self) -> None:
        data = exporting.plan_xlsx(self.plan)
        fresh = actions.do_create_plan(org=self.dept_a, year="2027-28", acting_user=self.author)
        raw = importing.raw_lines_from_file(io.BytesIO(data), "plan.xlsx")
        lines, errors = importing.check_lines(fresh, raw)
        self.assertEqual(errors, [])
        result = actions.do_import_lines(fresh, lines, acting_user=self.author)
        self.assertEqual(result["designations_added"], 12)
        self.assertEqual(lines_of(fresh), lines_of(self.plan))

    def test_json_round_trip_into_the_same_plan_keeps_it_as_it_was_and_applies_edits(self) -> None:
        before = lines_of(self.plan)
        data = json.loads(json.dumps(exporting.plan_json(self.plan)))
        lines, errors = importing.check_lines(self.plan, importing.raw_lines_from_json(data))
        self.assertEqual(errors, [])
        actions.do_import_lines(self.plan, lines, acting_user=self.author)
        self.assertEqual(lines_of(self.plan), before)
        evidence_kept = PlanCompetency.objects.filter(plan=self.plan).exclude(evidence=[]).count()
        self.assertGreater(evidence_kept, 0)

        # An edited file: one designation's courses dropped, one level raised.
        patwari = next(d for d in data["designations"] if d["code"] == "PATWARI")
        for competency in patwari["competencies"]:
            competency["courses"] = []
        patwari["competencies"][0]["level"] = 5
        lines, errors = importing.check_lines(self.plan, importing.raw_lines_from_json(data))
        actions.do_import_lines(self.plan, lines, acting_user=self.author)
        after = lines_of(self.plan)
        self.assertFalse([line for line in after if line[0] == "PATWARI" and line[3]])
        self.assertIn(5, {line[2] for line in after if line[0] == "PATWARI"})

    def test_bad_lines_are_reported_by_line_and_nothing_changes(self) -> None:
        before = lines_of(self.plan)
        csv = (
            "designation_code,competency_code,level,course_code,mode,priority,quarter\n"
            "PATWARI,DOM-LANDREC,3,,online,high,Q1\n"
            "KOTWAR,DOM-LANDREC,2,,,,\n"
            "PATWARI,NOPE,7,NO-SUCH-COURSE,bus,urgent,Q5\n"
            "PATWARI,DOM-LANDREC,3,,online,high,Q1\n"
        )
        _lines, errors = importing.check_lines(
            self.plan, importing.raw_lines_from_file(io.BytesIO(csv.encode()), "l.csv")
        )
        self.assertEqual([e.line for e in errors], [3, 4, 5])
        self.assertIn("KOTWAR is not a designation of this department", errors[0].message)
        for text in ("NOPE is not a competency", "level must be", "NO-SUCH-COURSE is not a course", "mode must",
                     "priority must", "quarter must"):  # fmt: skip
            self.assertIn(text, errors[1].message)
        self.assertIn("already on line 2", errors[2].message)
        self.assertEqual(lines_of(self.plan), before)
        with self.assertRaisesMessage(importing.ImportRefused, "not valid JSON"):
            importing.raw_lines_from_file(io.BytesIO(b"{oops"), "plan.json")

    def test_only_a_draft_takes_an_import(self) -> None:
        actions.do_submit_plan(self.plan, acting_user=self.author)
        lines, _errors = importing.check_lines(self.plan, importing.raw_lines_from_json(exporting.plan_json(self.plan)))
        with self.assertRaisesMessage(actions.PlanError, "Only a draft or returned plan can be changed"):
            actions.do_import_lines(self.plan, lines, acting_user=self.author)


class StoredPDFTests(AnalysedPlanTestCase):
    def test_a_submitted_plan_is_rendered_once_and_again_after_a_return(self) -> None:
        from django.core.files.storage import default_storage

        self.assertFalse(default_storage.exists(exporting.stored_pdf_name(self.plan)))  # drafts are not kept
        exporting.plan_pdf_bytes(self.plan)
        self.assertFalse(default_storage.exists(exporting.stored_pdf_name(self.plan)))
        plan = actions.do_submit_plan(self.plan, acting_user=self.author)
        first = exporting.plan_pdf_bytes(plan)
        self.assertTrue(default_storage.exists(exporting.stored_pdf_name(plan)))
        self.assertEqual(exporting.plan_pdf_bytes(plan), first)
        plan = actions.do_return_plan(plan, acting_user=self.approver, comment="Again.")
        plan = actions.do_submit_plan(plan, acting_user=self.author)
        self.assertFalse(default_storage.exists(exporting.stored_pdf_name(plan)))
