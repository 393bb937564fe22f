"""Streaming the rows of a large CSV or XLSX file, whatever Excel saved it as.

``kshamta.core.spreadsheets.iter_rows`` reads a whole file into memory; an HRMS
export of 12 lakh rows is better read row by row, so this module streams the
same formats (any Excel encoding, with or without BOM, comma, semicolon or tab)
and keeps the original headers for the error file.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.files.storage import Storage

from kshamta.core.spreadsheets import header_key

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


class FileProblem(ValueError):
    """The file cannot be read as a table; the message comes in English and Hindi."""

    def __init__(self, en: str, hi: str):
        super().__init__(en)
        self.en = en
        self.hi = hi


@dataclass
class Table:
    """A header and an iterator of (line number, cells) for every non-blank data row."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    keys: list[str] = field(default_factory=list)


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


def _csv_table(handle: IO[bytes]) -> Table:
    encoding = _detect_encoding(handle)
    probe = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    sample = probe.read(8192)
    probe.detach()  # keep the underlying file open
    if "\x00" in sample:
        raise FileProblem("The file is not a text CSV file.", "यह फ़ाइल टेक्स्ट CSV फ़ाइल नहीं है।")
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


def _workbook_table(path_or_handle: Any) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_object(path_or_handle)
        sheet = workbook.get_sheet_by_index(0)
        first_row = (sheet.start or (0, 0))[0]
        # iter_rows converts one row to Python objects at a time.
        rows = sheet.iter_rows()
    except Exception as exc:
        raise FileProblem(f"The spreadsheet could not be read: {exc}", f"स्प्रेडशीट पढ़ी नहीं जा सकी: {exc}") from exc
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
    raise FileProblem("The file is empty: it has no header row.", "फ़ाइल खाली है: इसमें शीर्ष पंक्ति (हेडर) नहीं है।")


@contextmanager
def open_table(storage: Storage, name: str, filename: str) -> Iterator[Table]:
    """Open a stored upload and stream its rows; the file is closed on exit."""
    lower = filename.lower()
    if lower.endswith(WORKBOOK_SUFFIXES):
        try:
            local_path: str | None = storage.path(name)
        except NotImplementedError:
            local_path = None
        if local_path is not None:
            yield _workbook_table(local_path)
            return
        # Object storage: calamine wants a seekable file, so copy to a local temporary one.
        with tempfile.NamedTemporaryFile(suffix=os.path.splitext(lower)[1]) as tmp, storage.open(name, "rb") as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                tmp.write(block)
            tmp.flush()
            yield _workbook_table(tmp.name)
        return
    if lower.endswith(TEXT_SUFFIXES):
        with storage.open(name, "rb") as stored:
            # A local file's own handle gives the text layer read1() and fast reads.
            yield _csv_table(getattr(stored, "file", stored))
        return
    raise FileProblem(
        "Unsupported file type: upload a .csv or .xlsx file.",
        "यह फ़ाइल प्रकार समर्थित नहीं है: .csv या .xlsx फ़ाइल अपलोड करें।",
    )
