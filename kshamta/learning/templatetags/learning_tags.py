from __future__ import annotations

from typing import Any

from django import template

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
