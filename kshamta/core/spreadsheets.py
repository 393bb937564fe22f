"""Reading the CSV and XLSX files people upload, whatever Excel saved them as.

Rows are streamed, never loaded whole: an HRMS export may have 12 lakh of them. Any
encoding Excel writes (UTF-8 with or without a BOM, UTF-16, the Windows code page),
comma, semicolon or tab separators, and the first sheet of a workbook.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import get_language

from kshamta.core.text import clean_text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


class SpreadsheetError(ValueError):
    """The file cannot be read as a table. It carries the message in English and Hindi (an
    import job stores both); ``str()`` gives the one for the active language."""

    def __init__(self, en: str, hi: str):
        super().__init__(en)
        self.en = en
        self.hi = hi

    def __str__(self) -> str:
        return self.hi if (get_language() or "en").startswith("hi") else self.en


def unsupported() -> SpreadsheetError:
    return SpreadsheetError(
        "Unsupported file type: upload a .csv or .xlsx file.",
        "यह फ़ाइल प्रकार समर्थित नहीं है: .csv या .xlsx फ़ाइल अपलोड करें।",
    )


@dataclass
class Table:
    """A header and an iterator of (line number, cells) for every non-blank data row."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    keys: list[str] = field(default_factory=list)


def header_key(value: object) -> str:
    return clean_text(value).lower().replace(" ", "_")


def is_supported(filename: str) -> bool:
    return filename.lower().endswith(WORKBOOK_SUFFIXES + TEXT_SUFFIXES)


def _blank(cells: list[Any]) -> bool:
    try:
        return not "".join(cells).strip()  # every cell is text (CSV): one C call
    except TypeError:
        return not any(c is not None and str(c).strip() for c in cells)


def _detect_encoding(handle: IO[bytes]) -> str:
    """The encoding of a text file: BOM if any, else UTF-8 if every byte decodes, else cp1252."""
    start = handle.read(4)
    handle.seek(0)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := handle.read(1 << 20):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows writes the ANSI code page.
        return "cp1252"
    finally:
        handle.seek(0)
    return "utf-8"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_table(handle: IO[bytes]) -> Table:
    """Stream a seekable binary CSV handle."""
    encoding = _detect_encoding(handle)
    probe = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    sample = probe.read(8192)
    probe.detach()  # keep the underlying file open
    if "\x00" in sample:
        raise SpreadsheetError("The file is not a text CSV file.", "यह फ़ाइल टेक्स्ट CSV फ़ाइल नहीं है।")
    first = next((line for line in sample.splitlines() if line.strip()), "")
    delimiter = _sniff_delimiter(first)
    handle.seek(0)
    text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text, delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        previous_line = 0
        for cells in reader:
            # reader.line_num counts physical lines, so a quoted multi-line cell keeps later numbers right.
            line = previous_line + 1
            previous_line = reader.line_num
            yield line, cells

    return _with_header(numbered())


def workbook_table(path_or_handle: Any) -> Table:
    """Stream the first sheet of a workbook (a path or a seekable binary handle)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_object(path_or_handle)
        sheet = workbook.get_sheet_by_index(0)
        first_row = (sheet.start or (0, 0))[0]
        # iter_rows converts one row to Python objects at a time.
        rows = sheet.iter_rows()
    except Exception as exc:
        raise SpreadsheetError(f"The spreadsheet could not be read: {exc}", f"स्प्रेडशीट पढ़ी नहीं जा सकी: {exc}") from exc
    return _with_header((first_row + i + 1, list(cells)) for i, cells in enumerate(rows))


def _with_header(numbered: Iterator[tuple[int, list[Any]]]) -> Table:
    for _line, cells in numbered:
        if _blank(cells):
            continue
        header = [str(c).strip() if c is not None else "" for c in cells]
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        body = ((line, cells) for line, cells in numbered if not _blank(cells))
        return Table(header=header, rows=body, keys=[header_key(h) for h in header])
    raise SpreadsheetError("The file is empty: it has no header row.", "फ़ाइल खाली है: इसमें शीर्ष पंक्ति (हेडर) नहीं है।")


def iter_rows(source: str | Path | IO[bytes], *, filename: str = "") -> Iterator[dict[str, Any]]:
    """Yield each data row as {normalised header: cell}. Headers match ignoring case and spaces."""
    name = (filename or str(getattr(source, "name", source))).lower()
    if not is_supported(name):
        raise unsupported()
    with Path(source).open("rb") if isinstance(source, str | Path) else _seekable(source) as handle:
        table = workbook_table(handle) if name.endswith(WORKBOOK_SUFFIXES) else csv_table(handle)
        width = len(table.keys)
        for _line, cells in table.rows:
            cells = [*cells, *[""] * (width - len(cells))]
            yield {key: cells[i] for i, key in enumerate(table.keys) if key}


def _seekable(handle: IO[bytes]) -> IO[bytes]:
    if handle.seekable():
        return handle
    data = handle.read()
    return io.BytesIO(data if isinstance(data, bytes) else str(data).encode())
