from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("learning/includes/enrol_box.html", takes_context=True)
def enrol_box(context: dict[str, Any], course: Any) -> dict[str, Any]:
    """The course page's call to action: enrol, continue, or completed (with the certificate)."""
    return {"course": course, "request": context.get("request")}
