"""Writes for karma points and ratings."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from kshamta.engagement.karma import MONTHLY_CAP, POINTS
from kshamta.engagement.models import KarmaEntry


def _month_of(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment).replace(day=1)


def do_award_karma(*, user: Any, rule: str, source_key: str, at: datetime.datetime | None = None) -> KarmaEntry | None:
    """Award ``rule``'s points for ``source_key`` once; None when already awarded or capped."""
    moment = at or timezone.now()
    month = _month_of(moment)
    points = POINTS[rule]
    cap = MONTHLY_CAP.get(rule)
    try:
        with transaction.atomic():
            if cap is not None:
                earned = (
                    KarmaEntry.objects.filter(user=user, rule=rule, month=month).aggregate(total=Sum("points"))[
                        "total"
                    ]
                    or 0
                )
                points = min(points, cap - earned)
                if points <= 0:
                    return None
            return KarmaEntry.objects.create(
                user=user, rule=rule, points=points, source_key=source_key, month=month, created_at=moment
            )
    except IntegrityError:
        return None
