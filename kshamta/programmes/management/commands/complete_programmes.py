from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kshamta.programmes.actions import evaluate_programme_completion
from kshamta.programmes.models import Nomination


class Command(BaseCommand):
    help = (
        "Complete every programme participant who now meets the rules (online courses done, attendance, final "
        "assessment) and issue their certificate. Attendance completes people at once; run this daily to catch "
        "those whose last step was an online course."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        pending = Nomination.objects.filter(status=Nomination.Status.APPROVED, completed_at__isnull=True)
        completed = sum(
            1 for pk in pending.values_list("pk", flat=True).iterator() if evaluate_programme_completion(pk)
        )
        self.stdout.write(f"Completed {completed} programme participants.")
