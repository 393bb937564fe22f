from __future__ import annotations

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import ProtectedError

from kshamta.orgs import state_data
from kshamta.orgs.generate import GenerationError, clear_state, generate_state


class Command(BaseCommand):
    help = (
        "Generate a realistic Madhya Pradesh: departments, directorates and district offices, "
        "designations, sanctioned strength and N employees with Hindi and English names. "
        "Progress goes to stderr; a one-line JSON summary to stdout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--employees", type=int, required=True, help="how many people to create")
        parser.add_argument(
            "--departments",
            type=int,
            default=40,
            help=f"how many departments (1-{len(state_data.DEPARTMENTS)}, largest first; default 40)",
        )
        parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same state (default 1)")
        parser.add_argument(
            "--activated",
            type=float,
            default=0.7,
            help="share of people who have already signed in once (default 0.7)",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--append", action="store_true", help="add people to the existing generated state")
        mode.add_argument(
            "--clear",
            action="store_true",
            help="first delete all organisations, designations and employees (the audit log is kept)",
        )
        parser.add_argument("--chunk-size", type=int, default=10_000, help="people per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()

        def progress(message: str) -> None:
            self.stderr.write(f"[{time.monotonic() - started:7.1f}s] {message}")

        if not 0 <= options["activated"] <= 1:
            raise CommandError("--activated is a share between 0 and 1.")
        if options["chunk_size"] < 1:
            raise CommandError("--chunk-size must be at least 1.")
        if options["clear"]:
            try:
                counts = clear_state(progress=progress)
            except ProtectedError as exc:
                raise CommandError(f"cannot clear: other records still refer to the state ({exc.args[0]})") from exc
            progress("cleared: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        try:
            result = generate_state(
                employees=options["employees"],
                departments=options["departments"],
                seed=options["seed"],
                activated=options["activated"],
                append=options["append"],
                chunk_size=options["chunk_size"],
                progress=progress,
            )
        except GenerationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result.as_dict()))
