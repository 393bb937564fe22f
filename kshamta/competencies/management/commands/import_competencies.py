"""Load or update a competency framework from a CSV or XLSX file (the upload page's import, from the command line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.accounts.access import is_state_admin
from kshamta.accounts.models import User
from kshamta.competencies import importing
from kshamta.competencies.models import Framework
from kshamta.core.text import indian_number


class Command(BaseCommand):
    help = (
        "Load or update competencies from CSV/XLSX with the columns code, kind, name_en, name_hi, description_en, "
        "description_hi, level_1 ... level_5 (see docs/formats.md) into the framework --framework CODE (created if "
        "new; default: the active framework). --activate makes that framework the active one. Identical rows "
        "change nothing, so running the same file again is safe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file")
        parser.add_argument(
            "--framework", metavar="CODE", help="the framework to create or update (default: the active one)"
        )
        parser.add_argument("--name", default="", help="the framework's English name (default: its code when new)")
        parser.add_argument("--name-hi", default="", help="the framework's Hindi name")
        parser.add_argument("--activate", action="store_true", help="make the framework the active one")
        parser.add_argument(
            "--as",
            dest="as_email",
            metavar="EMAIL",
            help="act as this state admin: the audit log names them",
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
            if not is_state_admin(user):
                raise CommandError(f"{user.email} is not a state admin")
        try:
            summary = importing.import_framework(
                path,
                filename=path.name,
                framework_code=options["framework"],
                name_en=options["name"],
                name_hi=options["name_hi"],
                activate=options["activate"],
                acting_user=user,
            )
        except importing.ImportRefused as exc:
            message = str(exc)
            if not options["framework"] and not Framework.objects.filter(is_active=True).exists():
                message += " (--framework CODE)"
            raise CommandError(message) from exc
        if options["json"]:
            self.stdout.write(json.dumps(summary.counts()))
            return
        counts = {key: indian_number(value) for key, value in summary.counts().items()}
        state = " (now active)" if summary.activated else ""
        self.stdout.write(
            f"Framework {summary.framework} ({summary.framework_outcome}){state}: "
            "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected".format(
                **counts
            )
        )
        for error in summary.errors:
            self.stdout.write(f"row {error.row} ({error.code or 'no code'}): {error.reason}")
