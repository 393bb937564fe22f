"""Writing the listed catalogue in the import format (CSV or XLSX), a chunk of courses at a time.

Each row carries the course's published version, so importing an export changes nothing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.db.models import QuerySet

from kshamta.catalog.importing import COLUMNS
from kshamta.catalog.models import Course, CourseCompetency

CHUNK = 500


def _competencies(links: Iterable[CourseCompetency]) -> str:
    return ";".join(f"{link.competency.code}:{link.level}" for link in links)


def export_rows(courses: QuerySet[Course]) -> Iterator[list[Any]]:
    """The header, then one row per published course of ``courses`` by code.

    Courses are read CHUNK at a time by code (keyset), with one more query per chunk for the
    competencies, so memory stays flat however large the catalogue.
    """
    yield list(COLUMNS)
    base = (
        courses.filter(published_version__isnull=False).select_related("provider", "published_version").order_by("code")
    )
    last_code = ""
    while True:
        chunk = list(base.filter(code__gt=last_code)[:CHUNK]) if last_code else list(base[:CHUNK])
        if not chunk:
            return
        links: dict[int, list[CourseCompetency]] = defaultdict(list)
        for link in (
            CourseCompetency.objects.filter(version_id__in=[c.published_version_id for c in chunk])
            .select_related("competency")
            .order_by("version_id", "competency__code")
        ):
            links[link.version_id].append(link)
        for course in chunk:
            version = course.published_version
            assert version is not None
            yield [
                course.code,
                version.title_en,
                version.title_hi,
                version.summary_en,
                version.summary_hi,
                course.provider.code,
                version.duration_minutes,
                version.languages,
                _competencies(links[version.pk]),
                ", ".join(version.tag_list()),
                version.level,
            ]
        last_code = chunk[-1].code


class _Line:
    """A file-like object whose write() hands back what was written (for a streamed csv.writer)."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """UTF-8 CSV with a BOM (so Excel shows Hindi correctly), one encoded line at a time."""
    writer = csv.writer(_Line())
    yield "\ufeff".encode()
    for row in rows:
        yield str(writer.writerow(row)).encode()


def write_csv(rows: Iterable[list[Any]], handle: IO[bytes]) -> None:
    for chunk in csv_chunks(rows):
        handle.write(chunk)


def write_xlsx(rows: Iterable[list[Any]], handle: IO[bytes]) -> None:
    """A one-sheet workbook written row by row (openpyxl's write-only mode)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("courses")
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                # Text that starts with "=" stays text: never a formula in someone else's Excel.
                cell.data_type = "s"
            else:
                cell = WriteOnlyCell(sheet, value=value)
            cells.append(cell)
        sheet.append(cells)
    workbook.save(handle)
