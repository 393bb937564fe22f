"""Reading the CSV and XLSX files people upload, whatever Excel saved them as."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from kshamta.core.text import clean_text


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; the message is for the user."""


def _decode(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows writes the ANSI code page.
        return raw.decode("cp1252", errors="replace")


def _sniff_delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def header_key(value: object) -> str:
    return clean_text(value).lower().replace(" ", "_")


def iter_rows(source: str | Path | IO[bytes], *, filename: str = "") -> Iterator[dict[str, Any]]:
    """Yield each data row as {normalised header: cell}. Headers match ignoring case and spaces."""
    name = (filename or str(getattr(source, "name", source))).lower()
    if name.endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        yield from _iter_workbook(source)
    elif name.endswith((".csv", ".txt", ".tsv")):
        yield from _iter_csv(source)
    else:
        raise SpreadsheetError(_("Unsupported file type: upload a .csv or .xlsx file."))


def _read_bytes(source: str | Path | IO[bytes]) -> bytes:
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    data = source.read()
    return data if isinstance(data, bytes) else str(data).encode()


def _iter_csv(source: str | Path | IO[bytes]) -> Iterator[dict[str, Any]]:
    text = _decode(_read_bytes(source))
    if "\x00" in text:
        raise SpreadsheetError(_("The file is not a text CSV file."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text[:4096]))
    yield from _rows_with_header(reader)


def _iter_workbook(source: str | Path | IO[bytes]) -> Iterator[dict[str, Any]]:
    from python_calamine import CalamineWorkbook

    try:
        if isinstance(source, str | Path):
            workbook = CalamineWorkbook.from_path(str(source))
        else:
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(_read_bytes(source)))
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except Exception as exc:
        raise SpreadsheetError(_("The spreadsheet could not be read: %(error)s") % {"error": exc}) from exc
    yield from _rows_with_header(rows)


def _rows_with_header(rows: Any) -> Iterator[dict[str, Any]]:
    header: list[str] | None = None
    for raw in rows:
        cells = list(raw)
        if header is None:
            if not any(str(c).strip() for c in cells):
                continue
            header = [header_key(c) for c in cells]
            continue
        if not any(str(c).strip() for c in cells if c is not None):
            continue
        cells += [""] * (len(header) - len(cells))
        yield {key: cells[i] for i, key in enumerate(header) if key}
    if header is None:
        raise SpreadsheetError(_("The file is empty: it has no header row."))


def require_columns(row: dict[str, Any], required: list[str]) -> None:
    missing = [c for c in required if c not in row]
    if missing:
        raise SpreadsheetError(_("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})
