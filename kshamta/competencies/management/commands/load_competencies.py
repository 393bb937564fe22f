from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kshamta.competencies.actions import do_load_default_framework


class Command(BaseCommand):
    help = (
        "Load the default competency framework, the Kshamta Competency Model (KCM-DEFAULT), or bring it up "
        "to date. It becomes the active framework when no framework is active. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object with the counts")

    def handle(self, *args: Any, **options: Any) -> None:
        result = do_load_default_framework(acting_user=None)
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        state = "active" if result["active"] else "not active (another framework is)"
        self.stdout.write(
            f"Framework {result['framework']} ({result['framework_outcome']}, {state}): "
            f"{result['created']} competencies created, {result['updated']} updated, "
            f"{result['unchanged']} unchanged."
        )
