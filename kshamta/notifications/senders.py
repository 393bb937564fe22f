"""Delivery backends. E-mail goes through Django's mail backends (console, file,
SMTP); SMS through the backend named by ``SMS_DELIVERY``."""

from __future__ import annotations

import json
import sys
import threading
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

# Test runs read what was "sent" here, like django.core.mail.outbox for e-mail.
sms_outbox: list[dict[str, str]] = []
_lock = threading.Lock()


class DeliveryError(Exception):
    pass


def send_email(to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, to=[to]).send(fail_silently=False)


def send_sms(to: str, body: str) -> None:
    mode = settings.SMS_DELIVERY
    if mode == "memory":
        with _lock:
            sms_outbox.append({"to": to, "body": body})
    elif mode == "console":
        sys.stdout.write(f"[SMS to {to}] {body}\n")
        sys.stdout.flush()
    elif mode == "file":
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d")
        with (folder / f"sms-{stamp}.log").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"at": timezone.now().isoformat(), "to": to, "body": body}, ensure_ascii=False) + "\n")
    elif mode == "http":
        _send_sms_http(to, body)
    else:  # pragma: no cover - settings validate the choice
        raise DeliveryError(f"unknown SMS_DELIVERY {mode}")


def _send_sms_http(to: str, body: str) -> None:
    """POST JSON {"to", "message", "sender"} to the gateway; any 2xx is success.

    Most Indian SMS gateways (including NIC's) accept a variant of this; an
    adapter service can translate if a gateway wants another shape.
    """
    url = settings.SMS_HTTP_URL
    if not url.startswith(("http://", "https://")):
        raise DeliveryError("SMS_HTTP_URL must be an http(s) URL")
    payload = json.dumps({"to": "+91" + to, "message": body, "sender": settings.SMS_HTTP_SENDER_ID}).encode()
    request = urllib.request.Request(url, data=payload, method="POST")  # noqa: S310
    request.add_header("Content-Type", "application/json; charset=utf-8")
    if settings.SMS_HTTP_TOKEN:
        request.add_header("Authorization", f"Bearer {settings.SMS_HTTP_TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=settings.SMS_HTTP_TIMEOUT) as response:  # noqa: S310
            if not 200 <= response.status < 300:
                raise DeliveryError(f"SMS gateway answered {response.status}")
    except OSError as exc:
        raise DeliveryError(f"SMS gateway unreachable: {exc}") from exc
