"""Close abandoned attempts whose time ran out, scoring the answers saved in time.

Attempts are also closed when they are next opened; run this (e.g. every few minutes from cron
or a scheduler) so that results, course completion and reports do not wait for the learner.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kshamta.assessments.actions import expire_overdue_attempts


class Command(BaseCommand):
    help = "Close assessment attempts whose time limit has passed (scored on the answers saved in time)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help='Print {"expired": n}.')

    def handle(self, *args: Any, **options: Any) -> None:
        closed = expire_overdue_attempts()
        if options["json"]:
            self.stdout.write(json.dumps({"expired": closed}))
        else:
            self.stdout.write(f"{closed} attempt(s) closed.")
