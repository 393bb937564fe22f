"""Write the listed course catalogue to a CSV or XLSX file in the import format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.catalog import exporting, search
from kshamta.core.text import indian_number


class Command(BaseCommand):
    help = (
        "Export the published, not retired courses to FILE (.csv or .xlsx) in the format import_courses reads, "
        "optionally only those matching a search or filters."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="where to write: a .csv or .xlsx file")
        parser.add_argument("--q", default="", help="only courses matching these words")
        parser.add_argument("--provider", default="", help="only this provider's courses (code)")
        parser.add_argument("--competency", default="", help="only courses building this competency (code)")
        parser.add_argument("--language", default="", choices=["", "hi", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError("the file name must end in .csv or .xlsx")
        query = search.CourseQuery.from_mapping(options)
        courses = search.filter_courses(search.listed_courses(), query)
        written = 0

        def counted() -> Any:
            nonlocal written
            for row in exporting.export_rows(courses):
                written += 1
                yield row

        with path.open("wb") as handle:
            if suffix == ".xlsx":
                exporting.write_xlsx(counted(), handle)
            else:
                exporting.write_csv(counted(), handle)
        courses_written = max(0, written - 1)  # the header is not a course
        noun = "course" if courses_written == 1 else "courses"
        self.stdout.write(f"{indian_number(courses_written)} {noun} written to {path}")
