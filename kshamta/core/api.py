"""API: the audit trail of the organisations the caller administers."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kshamta.accounts.access import visible_audit_events
from kshamta.api.common import AUTH_ERRORS, MAX_PAGE_SIZE, error_responses, paginate, require_admin_scope
from kshamta.core.models import AuditEvent
from kshamta.core.text import clean_text

router = Router(tags=["audit"])


class AuditEventOut(Schema):
    id: int
    created_at: datetime.datetime
    actor: int | None = Field(description="User id of who made the change; null for the system or an import.")
    actor_name: str | None
    action: str = Field(description="What was done, e.g. person.create, person.transfer, role.grant.")
    target_type: str = Field(description="The kind of row changed, e.g. accounts.profile.")
    target_id: str
    target_label: str
    before: dict[str, Any]
    after: dict[str, Any]


class AuditPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[AuditEventOut]


def audit_event_out(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "created_at": event.created_at,
        "actor": event.actor_id,
        "actor_name": str(event.actor) if event.actor else None,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "before": event.before,
        "after": event.after,
    }


@router.get(
    "/audit",
    response={200: AuditPage, **error_responses(*AUTH_ERRORS, 403)},
    summary="Audit trail",
    description="Recorded changes in the organisation subtrees you administer, newest first. "
    "Callers who administer nothing get 403.",
)
def list_audit_events(
    request: HttpRequest,
    action: str = Query("", description="Exact action, e.g. person.transfer."),
    target_type: str = Query("", description="Exact target type, e.g. accounts.profile."),
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    user = require_admin_scope(request)
    events = visible_audit_events(user).select_related("actor")
    if action:
        events = events.filter(action=clean_text(action))
    if target_type:
        events = events.filter(target_type=clean_text(target_type))
    return paginate(events.order_by("-created_at", "-id"), page=page, page_size=page_size, serialise=audit_event_out)
