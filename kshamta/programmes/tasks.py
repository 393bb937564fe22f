"""Background jobs of programmes: writing a confirmed batch plan, sending the day-before reminders."""

from __future__ import annotations

import logging

from django_tasks import task

from kshamta.accounts.models import User
from kshamta.programmes import actions

logger = logging.getLogger(__name__)


@task()
def apply_plan(plan_id: int, acting_user_id: int | None = None) -> str:
    acting_user = User.objects.filter(pk=acting_user_id).first() if acting_user_id else None
    try:
        plan = actions.run_plan(plan_id, acting_user)
    except Exception:
        logger.exception("writing batch plan %s failed", plan_id)
        actions.mark_plan_failed(plan_id, "The batches could not all be written; confirming again continues.")
        raise
    return plan.status


@task()
def send_session_reminders() -> int:
    return actions.send_session_reminders()
