"""What the registration and request tests share: registering through the real action."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import TestCase

from kshamta.accounts import actions
from kshamta.notifications.senders import sms_outbox


def last_code() -> str:
    """The 6-digit code in the newest e-mail or SMS, whichever came last."""
    texts = [str(m.body) for m in mail.outbox] + [m["body"] for m in sms_outbox]
    match = re.search(r"\b(\d{6})\b", texts[-1]) if texts else None
    assert match, texts
    return match.group(1)


def register(test: TestCase, identity: str, **overrides: Any) -> actions.RegistrationOutcome:
    """Register ``identity`` (as if its code were verified) at district_a as a Patwari, running on-commit jobs."""
    values: dict[str, Any] = {
        "employee_code": "MP9100",
        "name_en": "Geeta Bai",
        "name_hi": "गीता बाई",
        "org": test.district_a,  # type: ignore[attr-defined]
        "designation": test.patwari,  # type: ignore[attr-defined]
        "gender": "F",
        "category": "OBC",
    }
    values.update(overrides)
    with test.captureOnCommitCallbacks(execute=True):
        return actions.do_register(identity=identity, **values)
