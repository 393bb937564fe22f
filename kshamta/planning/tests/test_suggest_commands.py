"""manage.py suggest_competencies / suggest_courses: input, options and the exact output."""

from __future__ import annotations

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from kshamta.catalog import actions as catalog_actions
from kshamta.competencies.actions import do_load_default_framework, do_save_framework
from kshamta.competencies.models import Competency, Framework
from kshamta.planning import matching
from kshamta.planning.embedder import reset_embedders
from kshamta.planning.tests.test_matching import ISSUE_EXAMPLES, publish_course


class SuggestCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        do_load_default_framework(acting_user=None)
        framework = Framework.objects.get(code="KCM-DEFAULT")
        procurement = Competency.objects.get(framework=framework, code="FUN-PROCUREMENT")
        rti = Competency.objects.get(framework=framework, code="FUN-RTI")
        provider, _ = catalog_actions.do_save_provider(code="MP-ATI", name_en="State ATI", acting_user=None)
        publish_course(
            "EPROC-1",
            provider,
            title_en="E-tendering and evaluation of bids",
            title_hi="ई-टेंडरिंग एवं निविदाओं का मूल्यांकन",
            competencies={procurement: 3},
        )
        publish_course("RTI-1", provider, title_en="The RTI Act", title_hi="सूचना का अधिकार", competencies={rti: 2})
        publish_course("YOGA-1", provider, title_en="Yoga for wellbeing", title_hi="कल्याण के लिए योग")

    def setUp(self) -> None:
        reset_embedders()
        matching.clear_indexes()
        self.addCleanup(matching.clear_indexes)
        directory = Path(tempfile.mkdtemp(prefix="kshamta-test-statements-"))
        self.file = directory / "statements.txt"
        # a byte order mark, blank and whitespace-only lines, and surrounding spaces
        self.file.write_bytes(("\ufeff" + ISSUE_EXAMPLES[0] + "\n\n   \n  " + ISSUE_EXAMPLES[1] + "  \r\n").encode())

    def run_command(self, *args: str) -> str:
        out = StringIO()
        call_command(*args, stdout=out)
        return out.getvalue()

    def json_lines(self, *args: str) -> list[dict]:
        return [json.loads(line) for line in self.run_command(*args).splitlines()]

    def test_suggest_competencies_prints_one_json_line_per_statement(self) -> None:
        output = self.run_command("suggest_competencies", str(self.file), "--top", "3", "--json")
        lines = output.splitlines()
        self.assertEqual(len(lines), 2)  # blank lines skipped
        self.assertIn("निविदाओं", lines[0])  # Hindi as it is, not \u escapes
        rows = [json.loads(line) for line in lines]
        self.assertEqual([row["text"] for row in rows], ISSUE_EXAMPLES)  # BOM and spaces gone
        for row in rows:
            self.assertEqual(list(row), ["text", "competencies"])
            self.assertEqual(len(row["competencies"]), 3)
            for item in row["competencies"]:
                self.assertEqual(list(item), ["code", "score"])
                self.assertEqual(item["score"], round(item["score"], 4))
            scores = [item["score"] for item in row["competencies"]]
            self.assertEqual(scores, sorted(scores, reverse=True))
            self.assertIn("FUN-PROCUREMENT", [item["code"] for item in row["competencies"]])

    def test_suggest_courses_prints_one_json_line_per_statement(self) -> None:
        rows = self.json_lines("suggest_courses", str(self.file), "--top", "2", "--json")
        self.assertEqual([row["text"] for row in rows], ISSUE_EXAMPLES)
        for row in rows:
            self.assertEqual(list(row), ["text", "courses"])
            self.assertEqual(len(row["courses"]), 2)
            self.assertEqual(list(row["courses"][0]), ["code", "score"])
            self.assertEqual(row["courses"][0]["code"], "EPROC-1")

    def test_without_json_a_readable_list_is_printed(self) -> None:
        output = self.run_command("suggest_competencies", str(self.file), "--top", "2")
        self.assertIn("1. " + ISSUE_EXAMPLES[0], output)
        self.assertIn("Public procurement / लोक क्रय", output)
        output = self.run_command("suggest_courses", str(self.file), "--top", "1")
        self.assertIn("EPROC-1", output)
        self.assertIn("Tagged with Public procurement at level 3", output)

    def test_a_named_framework_is_used_and_an_unknown_one_is_an_error(self) -> None:
        rows = self.json_lines("suggest_competencies", str(self.file), "--framework", "kcm-default", "--json")
        self.assertEqual(len(rows[0]["competencies"]), 5)
        do_save_framework(code="EMPTY", name_en="Empty framework", acting_user=None)
        rows = self.json_lines("suggest_competencies", str(self.file), "--framework", "EMPTY", "--json")
        self.assertEqual([row["competencies"] for row in rows], [[], []])
        for command in ("suggest_competencies", "suggest_courses"):
            with self.assertRaisesMessage(CommandError, "Unknown competency framework 'NOPE'"):
                self.run_command(command, str(self.file), "--framework", "NOPE", "--json")

    def test_no_active_framework_bad_top_and_missing_or_non_utf8_files_are_errors(self) -> None:
        with self.assertRaisesMessage(CommandError, "--top must be from 1 to 100"):
            self.run_command("suggest_competencies", str(self.file), "--top", "0")
        with self.assertRaisesMessage(CommandError, "No such file"):
            self.run_command("suggest_courses", str(self.file.with_name("missing.txt")))
        latin1 = self.file.with_name("latin1.txt")
        latin1.write_bytes("first line\nRésumé of duties\n".encode("latin-1"))
        with self.assertRaisesMessage(CommandError, "is not UTF-8 text (line 2)"):
            self.run_command("suggest_competencies", str(latin1))
        Framework.objects.update(is_active=False)
        with self.assertRaisesMessage(CommandError, "No competency framework is active"):
            self.run_command("suggest_competencies", str(self.file))
