from __future__ import annotations

import time
import unicodedata
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kshamta.catalog.demo import load_catalog_demo
from kshamta.competencies.demo import load_profiles_demo
from kshamta.core.text import indian_number
from kshamta.onboarding.demo import load_onboarding_demo
from kshamta.orgs.demo import account_rows, load_demo
from kshamta.planning.demo import load_planning_demo
from kshamta.programmes.demo import load_programmes_demo


def _width(text: str) -> int:
    """Terminal columns: combining marks (Devanagari matras below/above, halant) take none."""
    return sum(1 for ch in text if unicodedata.category(ch) not in {"Mn", "Me", "Cf"})


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def catalogue_summary(created: dict[str, int]) -> str:
    """One line on what the catalogue demo added."""
    if not created:
        return "The demo catalogue is already loaded; nothing was changed."
    parts = []
    if created.get("courses"):
        parts.append(
            f"{created['courses']} courses ({created.get('published', 0)} published, "
            f"{created.get('in_review', 0)} in review, {created.get('drafts', 0)} draft)"
        )
    if created.get("generated"):
        parts.append(f"{indian_number(created['generated'])} generated courses")
    if created.get("competencies"):
        parts.append(f"{created['competencies']} competencies")
    if created.get("enrolments"):
        parts.append(
            f"learner history of {indian_number(created['enrolments'])} enrolments and "
            f"{indian_number(created.get('certificates', 0))} certificates"
        )
    return "Catalogue: " + (", ".join(parts) or "brought up to date") + "."


class Command(BaseCommand):
    help = (
        "Load the demo: a generated state of about 2,000 employees in 12 departments, one account per role, "
        "and the demo catalogue (real courses, a generated long tail and learner history). Does nothing "
        "(but print the accounts) when the demo is already loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="do not print generation progress")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()

        def progress(message: str) -> None:
            if not options["quiet"]:
                self.stderr.write(f"[{time.monotonic() - started:6.1f}s] {message}")

        result = load_demo(progress=progress)
        if result.already_loaded:
            self.stdout.write("The demo is already loaded; nothing was changed.")
        else:
            generated = result.generated
            if generated:
                self.stdout.write(
                    f"Generated {generated['departments']} departments, {generated['organisations']} organisations "
                    f"and {indian_number(generated['employees'])} employees "
                    f"({indian_number(generated['activated'])} already signed in) in {generated['seconds']}s."
                )
            else:
                self.stdout.write("A state was already loaded; the demo accounts were added to it.")
            self.stdout.write(
                f"Created {result.accounts_created} demo accounts and {result.history_events} audit events of history."
            )
        onboarding = load_onboarding_demo()
        if onboarding:
            self.stdout.write(
                f"Added {onboarding['imports']} HRMS imports (the first applied, the second waiting for "
                f"confirmation), {onboarding['registrations']} registrations and "
                f"{onboarding['profile_changes']} profile-change request waiting for a decision."
            )
        catalogue = load_catalog_demo(progress=progress)
        self.stdout.write(catalogue_summary(catalogue))
        profiles = load_profiles_demo()
        if profiles:
            self.stdout.write(
                f"Designation profiles: {profiles['profiles']} designations, {profiles['roles']} roles, "
                f"{profiles['activities']} activities, {profiles['competencies']} competency links."
            )
        programmes = load_programmes_demo()
        if programmes:
            self.stdout.write(
                f"Programme {programmes['programme']}: {programmes['batches']} batches, {programmes['seats']} seats "
                f"filled, {programmes['requests']} seat requests waiting, {programmes['completed']} completed."
            )
        planning = load_planning_demo()
        if planning.get("revenue"):
            revenue = planning["revenue"]
            self.stdout.write(
                f"Capacity building plan 2026-27 of the Revenue Department published: {revenue['designations']} "
                f"designations, {revenue['competencies']} competencies, {revenue['courses']} courses assigned"
                + ("; the Health plan is a draft at /cbp/." if planning.get("health") else ".")
            )
        rows = account_rows()
        # The name goes last: terminals disagree on the width of Devanagari, so nothing follows it.
        headers = {
            "role": "Role",
            "identity": "E-mail / mobile",
            "password": "Password",
            "scope": "Over",
            "name": "Name",
        }
        widths = {k: max(_width(h), *(_width(r[k]) for r in rows)) for k, h in headers.items()}
        line = "  ".join("-" * widths[k] for k in headers)
        self.stdout.write("")
        self.stdout.write("  ".join(_pad(h, widths[k]) for k, h in headers.items()).rstrip())
        self.stdout.write(line)
        for row in rows:
            self.stdout.write("  ".join(_pad(row[k], widths[k]) for k in headers).rstrip())
        self.stdout.write("")
        self.stdout.write(
            "Sign in with the password (admin roles) or with a one-time code (everyone). "
            "Sign-in codes appear in this console (development e-mail/SMS backend)."
        )
