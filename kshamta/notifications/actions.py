from __future__ import annotations

from django.db import transaction
from django.utils import translation

from kshamta.notifications.models import Message
from kshamta.notifications.tasks import deliver_message


def queue_message(*, channel: str, to: str, subject: str, body: str, kind: str, sensitive: bool = False) -> Message:
    """Write a message to the outbox and deliver it from the job worker after commit."""
    message = Message.objects.create(
        channel=channel, to=to, subject=subject[:200], body=body, kind=kind, sensitive=sensitive
    )
    transaction.on_commit(lambda: deliver_message.enqueue(message.pk))
    return message


def render_in(language: str, render: object) -> object:
    """Call ``render()`` with ``language`` active, for text addressed to someone else."""
    with translation.override(language):
        return render()  # type: ignore[operator]
