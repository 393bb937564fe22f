"""manage.py draft_cbp: the draft capacity building plan of a department, from its files.

Nothing is saved: the draft is computed in memory (the analysis only reads the database) and
printed, as JSON with --json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.competencies.models import Framework
from kshamta.orgs.models import Organisation
from kshamta.planning.analysis import Draft, SourceDocument, build_draft, wrapped_lines
from kshamta.planning.ingest import DocumentError, read_document, read_organogram
from kshamta.planning.models import PlanDocument


class Command(BaseCommand):
    help = (
        "Print the draft capacity building plan of a department: designations → competencies with evidence "
        "(document, page, sentence) → ranked courses, and the totals. Nothing is saved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="code of the department")
        parser.add_argument("--organogram", required=True, help="XLSX or CSV: designation, group, sanctioned_posts, …")
        parser.add_argument("--work-allocation", required=True, help="PDF, DOCX or TXT")
        parser.add_argument("--annual-report", help="PDF, DOCX or TXT")
        parser.add_argument("--acts", action="append", default=[], help="acts and rules (repeatable)")
        parser.add_argument("--framework", help="competency framework code (default: the active one)")
        parser.add_argument("--language", choices=["hi", "en"], default="hi", help="preferred course language")
        parser.add_argument("--json", action="store_true", help="print the draft as one JSON object")
        parser.add_argument("--progress", action="store_true", help="report the steps on stderr")

    def handle(self, *args: Any, **options: Any) -> None:
        org = Organisation.objects.filter(code=options["org"].strip().upper()).first()
        if org is None:
            raise CommandError(f"No organisation has the code {options['org']}.")
        framework = None
        if options["framework"]:
            framework = Framework.objects.filter(code=options["framework"].strip().upper()).first()
            if framework is None:
                raise CommandError(f"No competency framework has the code {options['framework']}.")
        started = time.monotonic()
        try:
            rows, problems = read_organogram(Path(options["organogram"]), filename=options["organogram"])
            documents = [self._document(options["work_allocation"], PlanDocument.Kind.WORK_ALLOCATION)]
            if options["annual_report"]:
                documents.append(self._document(options["annual_report"], PlanDocument.Kind.ANNUAL_REPORT))
            documents += [self._document(path, PlanDocument.Kind.ACTS_RULES) for path in options["acts"]]
        except (DocumentError, OSError) as exc:
            raise CommandError(getattr(exc, "en", str(exc))) from exc

        def progress(step: str, done: int, total: int) -> None:
            if options["progress"]:
                sys.stderr.write(f"[{time.monotonic() - started:7.1f}s] {step} {done}/{total}\n")

        draft = build_draft(
            org=org,
            organogram=rows,
            documents=documents,
            framework=framework,
            language=options["language"],
            progress=progress,
            organogram_problems=problems,
        )
        if options["json"]:
            self.stdout.write(json.dumps(draft.as_json(), ensure_ascii=False))
        else:
            self._print(draft)

    def _document(self, path: str, kind: str) -> SourceDocument:
        return SourceDocument(
            name=Path(path).name,
            kind=kind,
            pages=read_document(Path(path), filename=path),
            wrapped=wrapped_lines(path),
        )

    def _print(self, draft: Draft) -> None:
        data = draft.as_json()
        write = self.stdout.write
        write(f"Draft capacity building plan of {draft.org.name_en} ({draft.org.code})")
        for problem in data["problems"]:
            write(f"  ! line {problem['line']}: {problem['message']}")
        for designation in data["designations"]:
            write("")
            write(f"{designation['name_en']} ({designation['code']}), {designation['people']} people")
            for competency in designation["competencies"]:
                write(
                    f"  {competency['code']} level {competency['level']} (score {competency['score']}, "
                    f"{competency['evidence_count']} statements, gap {competency['gap']})"
                )
                for evidence in competency["evidence"][:2]:
                    write(f"      “{evidence['sentence']}” — {evidence['document']} p.{evidence['page']}")
                for course in competency["courses"]:
                    marker = "*" if course["status"] == "accepted" else "-"
                    write(f"    {marker} {course['code']} ({course['score']}): {'; '.join(course['reasons'])}")
        totals = data["totals"]
        write("")
        write(
            f"{totals['designations_planned']} of {totals['designations']} designations planned, "
            f"{totals['people_covered']} of {totals['people_in_department']} people covered "
            f"({round(totals['share_covered'] * 100, 1)} %), {totals['courses']} courses, "
            f"{totals['learning_hours_per_person']} learning hours per person."
        )
