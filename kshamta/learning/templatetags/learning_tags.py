from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, F, Q
from django.utils import timezone

from kshamta.learning.models import Enrolment

register = template.Library()


@register.inclusion_tag("learning/includes/enrol_box.html", takes_context=True)
def enrol_box(context: dict[str, Any], course: Any) -> dict[str, Any]:
    """The course page's call to action: sign in, enrol, continue (with progress), or completed
    (with the certificate); a retired course says it is closed. One query when signed in."""
    request = context.get("request")
    user = getattr(request, "user", None)
    enrolment = None
    if user is not None and user.is_authenticated:
        enrolment = Enrolment.objects.select_related("certificate").filter(user_id=user.pk, course_id=course.pk).first()
        if enrolment is not None and enrolment.status == Enrolment.Status.WITHDRAWN:
            enrolment = None
    return {
        "course": course,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "signed_in": bool(user is not None and user.is_authenticated),
        "enrolment": enrolment,
        "certificate": getattr(enrolment, "certificate", None) if enrolment else None,
        "is_open": course.published_version_id is not None and not course.is_retired,
    }


@register.inclusion_tag("learning/includes/home_summary.html", takes_context=True)
def learning_summary(context: dict[str, Any]) -> dict[str, Any]:
    """The home page's learning card: what to continue, what is due, what is done. Two queries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"signed_in": False}
    today = timezone.localdate()
    counts = Enrolment.objects.filter(user_id=user.pk).aggregate(
        in_progress=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE)),
        assigned=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE, source=Enrolment.Source.ASSIGNED)),
        overdue=Count(
            "pk", filter=Q(status=Enrolment.Status.ACTIVE, source=Enrolment.Source.ASSIGNED, due_on__lt=today)
        ),
        completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
    )
    latest = (
        Enrolment.objects.filter(user_id=user.pk, status=Enrolment.Status.ACTIVE)
        .select_related("course")
        .order_by(F("last_active_at").desc(nulls_last=True), "-enrolled_at")
        .first()
    )
    return {"signed_in": True, "counts": counts, "latest": latest}
