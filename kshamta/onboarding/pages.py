"""Helpers for the import pages: what a job page shows, the size guard on uploads, the blank templates.

Reads only; every write goes through ``actions``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kshamta.accounts.access import administered_orgs, designations_usable_at
from kshamta.onboarding.models import ImportJob, ImportRowError
from kshamta.onboarding.rows import COLUMNS, REQUIRED_COLUMNS
from kshamta.orgs.models import localised

ERRORS_SHOWN = 50
POLL_SECONDS = 2

RUNNING = {ImportJob.Status.UPLOADED, ImportJob.Status.VALIDATING, ImportJob.Status.APPLYING}

# The headers of the Hindi template: each one is an alias that rows.column_index maps to its column
# (a test keeps the two in step).
HINDI_HEADERS = {
    "employee_code": "कर्मचारी कोड",
    "name_en": "नाम (अंग्रेज़ी)",
    "name_hi": "नाम (हिंदी)",
    "email": "ई-मेल",
    "mobile": "मोबाइल नंबर",
    "designation": "पदनाम",
    "group": "समूह",
    "org_code": "संगठन कोड",
    "date_of_birth": "जन्म तिथि",
    "gender": "लिंग",
    "category": "श्रेणी",
    "date_of_joining": "कार्यभार ग्रहण तिथि",
    "status": "स्थिति",
}


def in_language(en: str, hi: str) -> str:
    """A bilingual message (from the import engine) in the page's language."""
    return localised(en, hi)


# --- the job page ----------------------------------------------------------------


@dataclass
class Count:
    key: str
    label: str
    value: int


@dataclass
class RowErrorLine:
    line: int
    reason: str


def is_running(job: ImportJob) -> bool:
    return job.status in RUNNING


def has_applied(job: ImportJob) -> bool:
    """Whether the counts are of people written (after applying) rather than predicted by the check."""
    return job.apply_started_at is not None or job.status in {ImportJob.Status.APPLYING, ImportJob.Status.DONE}


def job_counts(job: ImportJob) -> list[Count]:
    if has_applied(job):
        labels = (_("Created"), _("Updated"), _("Unchanged"), _("Rejected"))
    else:
        labels = (_("Will be created"), _("Will be updated"), _("Unchanged"), _("Rejected"))
    return [
        Count("rows", _("Rows read"), job.rows),
        Count("created", labels[0], job.created),
        Count("updated", labels[1], job.updated),
        Count("unchanged", labels[2], job.unchanged),
        Count("rejected", labels[3], job.rejected),
    ]


def first_row_errors(job: ImportJob) -> list[RowErrorLine]:
    field = "reason_hi" if (get_language() or "en").startswith("hi") else "reason_en"
    rows = ImportRowError.objects.filter(job=job).order_by("line").values_list("line", field)[:ERRORS_SHOWN]
    return [RowErrorLine(line, reason) for line, reason in rows]


def job_context(job: ImportJob) -> dict[str, Any]:
    """Everything the status part of a job page shows (the same for the page and its polled partial)."""
    running = is_running(job)
    failed = job.status == ImportJob.Status.FAILED
    return {
        "job": job,
        "running": running,
        "applied": has_applied(job),
        "counts": job_counts(job),
        "message": in_language(job.message_en, job.message_hi),
        # While a job runs the partial is fetched every few seconds: keep it small on slow lines.
        "row_errors": [] if running else first_row_errors(job),
        "errors_shown": ERRORS_SHOWN,
        "can_confirm": job.status == ImportJob.Status.VALIDATED and not job.dry_run,
        "can_resume": failed and job.apply_started_at is not None,
        "has_error_file": bool(job.error_file) and job.rejected > 0 and not running,
        "poll_seconds": POLL_SECONDS,
    }


# --- uploads: refuse a file that is too large while it streams in --------------------


class ImportSizeLimit(FileUploadHandler):
    """Stops storing an uploaded file once it passes ``limit`` bytes; the rest of the form is still read.

    Put first in ``request.upload_handlers`` before the request body is read. When the request
    announces a body far beyond the limit, not even the first chunk is kept.
    """

    # Room for the other form fields and multipart boundaries in the announced length.
    FORM_ALLOWANCE = 64 * 1024

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.exceeded = False
        self.received = 0
        self.body_too_big = False

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        self.body_too_big = content_length > self.limit + self.FORM_ALLOWANCE
        return None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.body_too_big:
            self.exceeded = True
            raise SkipFile()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"


# --- blank templates to fill in ----------------------------------------------------


def template_header(language: str) -> list[str]:
    if language == "hi":
        return [HINDI_HEADERS[c] for c in COLUMNS]
    return list(COLUMNS)


def example_row(user: Any) -> list[str]:
    """One filled-in row in the user's own organisation, with a designation that is used there."""
    orgs = administered_orgs(user)
    org = orgs[0] if orgs else None
    designation = designations_usable_at(user, org).order_by("name_en").first() if org else None
    values = {
        "employee_code": "EMP000123",
        "name_en": "Ramesh Kumar",
        "name_hi": "रमेश कुमार",
        "email": "ramesh.kumar@example.gov.in",
        "mobile": "+91 98765 43210",
        "designation": designation.code if designation else "",
        "group": (designation.group if designation else "") or "C",
        "org_code": org.code if org else "",
        "date_of_birth": "15-08-1985",
        "gender": "M",
        "category": "GEN",
        "date_of_joining": "01-04-2010",
        "status": "active",
    }
    return [values.get(c, "") for c in COLUMNS]


def template_csv(header: list[str]) -> bytes:
    """The header alone, UTF-8 with a BOM so Excel shows Hindi headers correctly. No example row:
    an officer who uploads the template unchanged must not create a made-up person."""
    text = io.StringIO(newline="")
    csv.writer(text).writerow(header)
    return text.getvalue().encode("utf-8-sig")


EXAMPLE_SHEET = "example"


def template_xlsx(header: list[str], example: list[str]) -> bytes:
    """The first sheet (the one imported) has the header alone; a second sheet shows a filled-in row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "employees"
    sheet.append(header)
    example_sheet = workbook.create_sheet(EXAMPLE_SHEET)
    example_sheet.append(header)
    example_sheet.append(example)
    required = {COLUMNS.index(c) for c in REQUIRED_COLUMNS}
    for i, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(14, len(str(cell.value)) + 4)
        # Text columns, so Excel keeps codes, mobiles and dates exactly as typed (no lost leading zeros).
        sheet.column_dimensions[letter].number_format = "@"
        example_sheet.column_dimensions[letter].width = sheet.column_dimensions[letter].width
        if i in required:
            cell.font = Font(bold=True, underline="single")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
