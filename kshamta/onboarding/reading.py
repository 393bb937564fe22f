"""Streaming the rows of a large CSV or XLSX file, whatever Excel saved it as.

The formats and the streaming live in ``kshamta.core.spreadsheets``; this module opens
an upload from the storage API (a local path, or a temporary copy for object storage)
and keeps the original headers for the error file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.storage import Storage

from kshamta.core.spreadsheets import (
    TEXT_SUFFIXES,
    WORKBOOK_SUFFIXES,
    SpreadsheetError,
    Table,
    csv_table,
    is_supported,
    unsupported,
    workbook_table,
)

__all__ = ["SpreadsheetError", "Table", "is_supported", "open_table"]


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
            yield workbook_table(local_path)
            return
        # Object storage: calamine wants a seekable file, so copy to a local temporary one.
        with tempfile.NamedTemporaryFile(suffix=os.path.splitext(lower)[1]) as tmp, storage.open(name, "rb") as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                tmp.write(block)
            tmp.flush()
            yield workbook_table(tmp.name)
        return
    if lower.endswith(TEXT_SUFFIXES):
        with storage.open(name, "rb") as stored:
            # A local file's own handle gives the text layer read1() and fast reads.
            yield csv_table(getattr(stored, "file", stored))
        return
    raise unsupported()
