from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("engagement/includes/course_ratings.html", takes_context=True)
def course_ratings(context: dict[str, Any], course: Any) -> dict[str, Any]:
    """Average, count, recent reviews and (for a learner who completed it) the rating form."""
    return {"course": course, "request": context.get("request")}
