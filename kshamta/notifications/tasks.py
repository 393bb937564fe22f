from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kshamta.notifications.models import Message
from kshamta.notifications.senders import send_email, send_sms

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@task()
def deliver_message(message_id: int) -> str:
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status == Message.Status.SENT:
            return "skipped"
        message.attempts += 1
        try:
            if message.channel == Message.Channel.EMAIL:
                send_email(message.to, message.subject, message.body)
            else:
                send_sms(message.to, message.body)
        except Exception as exc:
            logger.warning("delivery of message %s failed: %s", message.pk, exc)
            message.error = str(exc)[:2000]
            message.status = Message.Status.FAILED if message.attempts >= MAX_ATTEMPTS else Message.Status.QUEUED
            message.save(update_fields=["attempts", "error", "status"])
            # A backend that cannot defer (the inline one used in tests) leaves it queued with its error.
            if message.status == Message.Status.QUEUED and deliver_message.get_backend().supports_defer:
                # Retry later with back-off; the worker picks it up when due.
                delay = datetime.timedelta(seconds=30 * 2**message.attempts)
                transaction.on_commit(
                    lambda: deliver_message.using(run_after=timezone.now() + delay).enqueue(message_id)
                )
            return "failed"
        message.status = Message.Status.SENT
        message.sent_at = timezone.now()
        message.error = ""
        if message.sensitive:
            message.body = "[redacted after delivery]"
        message.save(update_fields=["attempts", "status", "sent_at", "error", "body"])
    return "sent"
