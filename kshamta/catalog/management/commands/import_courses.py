"""Load or update the course catalogue from a CSV or XLSX file (the upload page's import, from the command line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.accounts.models import User
from kshamta.catalog import importing
from kshamta.core.spreadsheets import SpreadsheetError
from kshamta.core.text import indian_number


class Command(BaseCommand):
    help = (
        "Load or update courses from CSV/XLSX with the columns code, title_en, title_hi, summary_en, summary_hi, "
        "provider_code, duration_minutes, language, competencies (code:level;code:level), tags (and optionally "
        "level); see docs/formats.md. New and changed courses are published; identical rows change nothing, so "
        "running the same file again is safe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file")
        parser.add_argument(
            "--create-providers", action="store_true", help="create providers the file names but that do not exist"
        )
        parser.add_argument(
            "--as",
            dest="as_email",
            metavar="EMAIL",
            help="act as this publisher or state admin: the audit log names them and their scope applies",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help='print one JSON object: {"rows", "created", "updated", "unchanged", "rejected"}',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        user = None
        if options["as_email"]:
            user = User.objects.filter(email=options["as_email"].strip().lower(), is_active=True).first()
            if user is None:
                raise CommandError(f"no active user with the e-mail {options['as_email']}")
            if not importing.may_import(user):
                raise CommandError(f"{user.email} is neither a publisher nor a state admin")
        try:
            summary = importing.import_catalogue(
                path, filename=path.name, acting_user=user, create_providers=options["create_providers"]
            )
        except SpreadsheetError as exc:
            raise CommandError(exc.en) from exc
        if options["json"]:
            self.stdout.write(json.dumps(summary.counts()))
            return
        counts = {key: indian_number(value) for key, value in summary.counts().items()}
        self.stdout.write(
            "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected".format(
                **counts
            )
        )
        for error in summary.errors:
            self.stdout.write(f"row {error.row} ({error.code or 'no code'}): {error.reason_en}")
