"""Coverage pages and exports: access check (kshamta.analytics.access) → sort → render or stream."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from typing import Any, cast

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from kshamta.accounts.decorators import people_admin_required
from kshamta.analytics.access import CoverageReport, coverage_for_user
from kshamta.analytics.display import export_header, export_rows, parse_sort, sort_columns, sort_rows

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@people_admin_required
def coverage(request: HttpRequest, org_id: int | None = None) -> HttpResponse:
    report = coverage_for_user(request.user, org_id)
    key, descending = parse_sort(request.GET.get("sort", ""))
    context = {
        "report": report,
        "rows": sort_rows(report.rows, key, descending),
        "columns": sort_columns(key, descending),
        "sort": f"-{key}" if descending else key,
    }
    return render(request, "analytics/coverage.html", context)


def _filename(report: CoverageReport, extension: str) -> str:
    code = report.org.code if report.org else "scope"
    return f"coverage-{code}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _served(response: HttpResponseBase) -> HttpResponse:
    # The shared view guard is typed for HttpResponse; Django serves any HttpResponseBase (streams too).
    return cast(HttpResponse, response)


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(report: CoverageReport) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte-order mark makes Excel read the file as UTF-8 (Hindi names), not the system code page.
    yield "\ufeff" + writer.writerow(export_header())
    for row in export_rows(report.tree):
        yield writer.writerow(["" if value is None else value for value in row])


@people_admin_required
def export_csv(request: HttpRequest, org_id: int) -> HttpResponse:
    report = coverage_for_user(request.user, org_id)
    response = StreamingHttpResponse(_csv_lines(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "csv")}"'
    return _served(response)


@people_admin_required
def export_xlsx(request: HttpRequest, org_id: int) -> HttpResponse:
    report = coverage_for_user(request.user, org_id)
    # write_only streams rows to a temporary file instead of building every cell in memory;
    # the response then streams that file in chunks.
    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(_("Coverage"))
    sheet.append(export_header())
    for row in export_rows(report.tree):
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(spool)
    spool.seek(0)
    return _served(FileResponse(spool, as_attachment=True, filename=_filename(report, "xlsx"), content_type=XLSX_TYPE))
