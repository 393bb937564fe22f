"""Shared shape of the table-import commands: read a file, run an importer, report."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.core.spreadsheets import SpreadsheetError, iter_rows
from kshamta.orgs.actions import ImportReport


class TableImportCommand(BaseCommand):
    required_columns: list[str] = []

    def importer(self) -> Callable[..., ImportReport]:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file")
        parser.add_argument("--json", action="store_true", help="print one JSON object with the counts")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rows: list[dict[str, Any]] = list(iter_rows(options["file"]))
        except (OSError, SpreadsheetError) as exc:
            raise CommandError(str(exc)) from exc
        if rows:
            missing = [c for c in self.required_columns if c not in rows[0]]
            if missing:
                raise CommandError(f"missing columns: {', '.join(missing)}")
        report = self.importer()(rows, acting_user=None)
        for line, reason in report.errors:
            self.stderr.write(f"line {line}: {reason}")
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict()))
        else:
            self.stdout.write(
                "rows {rows}, created {created}, updated {updated}, unchanged {unchanged}, rejected {rejected}".format(
                    **report.as_dict()
                )
            )
        if report.rejected and not (report.created or report.updated or report.unchanged):
            raise CommandError("nothing was imported")
