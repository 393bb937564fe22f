from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kshamta.programmes.actions import send_session_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminder for every programme session that starts tomorrow, to each person with a seat, "
        "with the venue or video-conference link. Run it daily (or more often): nobody is reminded twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_session_reminders()
        self.stdout.write(f"Queued {sent} session reminders.")
