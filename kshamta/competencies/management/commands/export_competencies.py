"""Write a competency framework to a CSV or XLSX file in the format import_competencies reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.competencies import importing
from kshamta.competencies.models import Framework


class Command(BaseCommand):
    help = (
        "Export the competencies of --framework CODE (default: the active framework) to FILE (.csv or .xlsx) in "
        "the format import_competencies reads; importing it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="where to write: a .csv or .xlsx file")
        parser.add_argument("--framework", metavar="CODE", help="the framework to export (default: the active one)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError("the file name must end in .csv or .xlsx")
        if options["framework"]:
            framework = Framework.objects.filter(code=options["framework"].strip().upper()).first()
            if framework is None:
                raise CommandError(f"no framework with the code {options['framework']}")
        else:
            framework = Framework.objects.filter(is_active=True).first()
            if framework is None:
                raise CommandError("no framework is active: name one with --framework CODE")
        rows = list(importing.export_rows(framework))
        with path.open("wb") as handle:
            if suffix == ".xlsx":
                importing.write_xlsx(rows, handle)
            else:
                importing.write_csv(rows, handle)
        count = len(rows) - 1
        noun = "competency" if count == 1 else "competencies"
        self.stdout.write(f"{count} {noun} of framework {framework.code} written to {path}")
