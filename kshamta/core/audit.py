"""Recording writes. Called from actions only, inside their transaction."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models

from kshamta.core.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a row as JSON-ready values (foreign keys as their id)."""
    data: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        data[name] = _plain(getattr(instance, attname))
    return data


def audit_row(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    org_path: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Build (not save) an event, for importers that bulk_create them."""
    return AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        org_path=org_path,
        before=before or {},
        after=after or {},
    )


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    org_path: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one write; call inside the action's transaction."""
    event = audit_row(actor=actor, action=action, target=target, org_path=org_path, before=before, after=after)
    event.save()
    return event
