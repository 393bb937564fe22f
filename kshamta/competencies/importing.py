"""Loading a competency framework from CSV/XLSX, and writing one out in the same format.

One row is one competency: ``code, kind, name_en, name_hi, description_en,
description_hi, level_1 … level_5`` (docs/formats.md, "Competency framework"). A
framework is small (tens to a few hundred competencies; at most ``MAX_ROWS``), so the
whole file is read and checked first and then loaded in one transaction, the page and
the command alike: a malformed file writes nothing, a bad row is reported with its
reason and the other rows load. Rows go through ``do_save_competency``, so running a
file again reports identical rows as unchanged and writes nothing for them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from kshamta.competencies import actions
from kshamta.competencies.models import LEVELS, Competency, Framework, kind_order
from kshamta.core.spreadsheets import WORKBOOK_SUFFIXES, SpreadsheetError, csv_table, workbook_table
from kshamta.core.text import clean_text

LEVEL_COLUMNS = tuple(f"level_{n}" for n in LEVELS)
COLUMNS = ("code", "kind", "name_en", "name_hi", "description_en", "description_hi", *LEVEL_COLUMNS)
SUPPORTED_SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 2000
MAX_CODE = 60
LEVEL_SEPARATOR = "|"

# What people write in the kind column, case-insensitively.
KIND_WORDS: dict[str, str] = {
    "behavioural": Competency.Kind.BEHAVIOURAL,
    "behavioral": Competency.Kind.BEHAVIOURAL,
    "व्यवहारात्मक": Competency.Kind.BEHAVIOURAL,
    "व्यवहारिक": Competency.Kind.BEHAVIOURAL,
    "व्यावहारिक": Competency.Kind.BEHAVIOURAL,
    "functional": Competency.Kind.FUNCTIONAL,
    "कार्यात्मक": Competency.Kind.FUNCTIONAL,
    "domain": Competency.Kind.DOMAIN,
    "डोमेन": Competency.Kind.DOMAIN,
    "क्षेत्रीय": Competency.Kind.DOMAIN,
}

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


class ImportRefused(ValueError):
    """The file as a whole cannot be loaded (not a table, columns missing, no framework to
    load into ...). Nothing has been written; the message is in the reader's language."""


class RowRejected(ValueError):
    pass


@dataclass
class RowError:
    row: int  # line in the file; the header is line 1
    code: str
    reason: str


@dataclass
class ImportSummary:
    framework: str = ""
    framework_outcome: str = ""  # created / updated / unchanged
    activated: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Exactly what ``import_competencies --json`` prints."""
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }


@dataclass
class CompetencyRow:
    line: int
    code: str
    kind: str
    name_en: str
    name_hi: str
    description_en: str
    description_hi: str
    levels: list[dict[str, str]]


# --- reading the file --------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value)


def read_rows(source: str | Path | IO[bytes] | Any, *, filename: str = "") -> list[tuple[int, dict[str, Any]]]:
    """Every data row of a framework file as (line, {column: cell}); raises ImportRefused for a
    file that is not a framework table."""
    name = (filename or str(getattr(source, "name", source))).lower()
    if not name.endswith(SUPPORTED_SUFFIXES):
        raise ImportRefused(_("Unsupported file type: upload a .csv or .xlsx file."))
    try:
        if isinstance(source, str | Path):
            with Path(source).open("rb") as handle:
                return _read_table(handle, name)
        binary = getattr(source, "file", source)  # a Django File: its underlying binary file
        binary.seek(0)
        return _read_table(binary, name)
    except SpreadsheetError as exc:
        raise ImportRefused(_("The file could not be read as a table: %(reason)s") % {"reason": exc}) from exc
    except UnicodeError as exc:
        raise ImportRefused(_("The file could not be read as text.")) from exc


def _read_table(handle: IO[bytes], name: str) -> list[tuple[int, dict[str, Any]]]:
    table = workbook_table(handle) if name.endswith(WORKBOOK_SUFFIXES) else csv_table(handle)
    missing = [column for column in COLUMNS if column not in table.keys]
    if missing:
        raise ImportRefused(
            _("Required columns are missing: %(missing)s. The first row must name the columns %(columns)s.")
            % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}
        )
    width = len(table.keys)
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, cells in table.rows:
        if len(rows) == MAX_ROWS:
            raise ImportRefused(
                _("The file has more than %(limit)d competencies; a framework file may have at most %(limit)d rows.")
                % {"limit": MAX_ROWS}
            )
        padded = [*cells, *[""] * (width - len(cells))]
        rows.append((line, {key: padded[i] for i, key in enumerate(table.keys) if key}))
    if not rows:
        raise ImportRefused(_("The file has a header row but no competencies."))
    return rows


# --- checking one row --------------------------------------------------------------------


def parse_kind(value: Any) -> str:
    text = _cell(value).casefold()
    kind = KIND_WORDS.get(text)
    if kind is None:
        raise RowRejected(
            _("The kind %(kind)s is not one of behavioural, functional or domain (व्यवहारात्मक, कार्यात्मक, डोमेन).")
            % {"kind": repr(text) if text else _("(empty)")}
        )
    return str(kind)


def _mostly_hindi(text: str) -> bool:
    return len(_DEVANAGARI.findall(text)) > len(_LATIN.findall(text))


def parse_level(value: Any) -> dict[str, str]:
    """A level cell: "English | हिंदी", or one language alone (Hindi is told by its script).

    With the separator, an empty side is that language missing ("text |" is English,
    "| text" Hindi); two sides written Hindi first are put the right way round.
    """
    text = _cell(value)
    if LEVEL_SEPARATOR in text:
        left, right = (clean_text(part) for part in text.split(LEVEL_SEPARATOR, 1))
        if left and right and _mostly_hindi(left) and not _mostly_hindi(right):
            left, right = right, left
        return {"en": left, "hi": right}
    if _mostly_hindi(text):
        return {"en": "", "hi": text}
    return {"en": text, "hi": ""}


def format_level(entry: Any) -> str:
    """The inverse of ``parse_level``: what an export writes in a level cell."""
    entry = entry if isinstance(entry, dict) else {"en": str(entry or "")}
    en, hi = clean_text(entry.get("en", "")), clean_text(entry.get("hi", ""))
    if en and hi:
        return f"{en} {LEVEL_SEPARATOR} {hi}"
    if en:
        return en if not _mostly_hindi(en) else f"{en} {LEVEL_SEPARATOR}"
    if hi:
        return hi if _mostly_hindi(hi) else f"{LEVEL_SEPARATOR} {hi}"
    return ""


def parse_row(line: int, cells: dict[str, Any]) -> CompetencyRow:
    code = _cell(cells.get("code")).upper().replace(" ", "-")
    if not code:
        raise RowRejected(_("The code is missing."))
    if len(code) > MAX_CODE or not actions.CODE_PATTERN.match(code):
        raise RowRejected(
            _("The code %(code)s may use only letters, digits, '.', '_' and '-' (up to %(limit)d).")
            % {"code": code, "limit": MAX_CODE}
        )
    kind = parse_kind(cells.get("kind"))
    name_en, name_hi = _cell(cells.get("name_en")), _cell(cells.get("name_hi"))
    if not (name_en or name_hi):
        raise RowRejected(_("Give a name in English or in Hindi (name_en or name_hi)."))
    levels = []
    for number, column in enumerate(LEVEL_COLUMNS, start=1):
        entry = parse_level(cells.get(column))
        if not (entry["en"] or entry["hi"]):
            raise RowRejected(
                _("%(column)s is empty: describe level %(level)d in English, in Hindi or both (English | हिंदी).")
                % {"column": column, "level": number}
            )
        levels.append(entry)
    return CompetencyRow(
        line=line,
        code=code,
        kind=kind,
        name_en=name_en,
        name_hi=name_hi,
        description_en=_cell(cells.get("description_en")),
        description_hi=_cell(cells.get("description_hi")),
        levels=levels,
    )


# --- loading -----------------------------------------------------------------------------


def _target_framework(code: str | None) -> tuple[str, Framework | None]:
    if code:
        cleaned = clean_text(code).upper().replace(" ", "-")
        return cleaned, Framework.objects.filter(code=cleaned).first()
    active = Framework.objects.filter(is_active=True).first()
    if active is None:
        raise ImportRefused(
            _("No competency framework is active, so name the framework to load the file into (its code).")
        )
    return active.code, active


def import_framework(
    source: Any,
    *,
    filename: str = "",
    framework_code: str | None = None,
    name_en: str = "",
    name_hi: str = "",
    activate: bool = False,
    acting_user: Any,
) -> ImportSummary:
    """Load a framework file into the framework ``framework_code`` (created if new; default:
    the active framework) and, with ``activate``, make that framework the active one.

    Raises ImportRefused, with nothing written, for a malformed file, when there is no
    framework to load into, or when the framework to activate would have no competencies.
    """
    rows = read_rows(source, filename=filename)
    code, existing = _target_framework(framework_code)
    summary = ImportSummary(framework=code, rows=len(rows))
    try:
        with transaction.atomic():
            framework, summary.framework_outcome = actions.do_save_framework(
                code=code,
                name_en=name_en or (existing.name_en if existing else code),
                name_hi=name_hi,
                acting_user=acting_user,
            )
            seen: dict[str, int] = {}
            for line, cells in rows:
                _load_row(framework, line, cells, seen, summary, acting_user)
            if activate:
                summary.activated = actions.do_activate_framework(framework, acting_user=acting_user)
    except actions.CompetencyError as exc:
        raise ImportRefused(str(exc)) from exc
    return summary


def _load_row(
    framework: Framework,
    line: int,
    cells: dict[str, Any],
    seen: dict[str, int],
    summary: ImportSummary,
    acting_user: Any,
) -> None:
    code = _cell(cells.get("code")).upper()
    try:
        row = parse_row(line, cells)
        code = row.code
        if row.code in seen:
            raise RowRejected(
                _("The code %(code)s appears already on row %(row)d of this file.")
                % {"code": row.code, "row": seen[row.code]}
            )
        seen[row.code] = line
        _competency, outcome = actions.do_save_competency(
            framework=framework,
            code=row.code,
            kind=row.kind,
            name_en=row.name_en,
            name_hi=row.name_hi,
            description_en=row.description_en,
            description_hi=row.description_hi,
            levels=row.levels,
            acting_user=acting_user,
        )
    except (RowRejected, actions.CompetencyError) as exc:
        summary.rejected += 1
        summary.errors.append(RowError(row=line, code=code, reason=str(exc)))
        return
    setattr(summary, outcome, getattr(summary, outcome) + 1)


# --- writing -------------------------------------------------------------------------------


def export_rows(framework: Framework) -> Iterator[list[str]]:
    """The header, then one row per competency of ``framework``: behavioural, functional, domain, by code."""
    yield list(COLUMNS)
    for competency in framework.competencies.order_by(kind_order(), "code"):
        levels = list(competency.levels or [])
        levels += [{}] * (len(LEVELS) - len(levels))
        yield [
            competency.code,
            competency.kind,
            competency.name_en,
            competency.name_hi,
            competency.description_en,
            competency.description_hi,
            *(format_level(entry) for entry in levels[: len(LEVELS)]),
        ]


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
    """A one-sheet workbook; every cell is text, so nothing turns into a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("competencies")
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(handle)
