from __future__ import annotations

from typing import Any

from django import template

from kshamta.engagement.access import recent_reviews, viewer_of
from kshamta.engagement.forms import RatingForm

register = template.Library()


@register.inclusion_tag("engagement/includes/course_ratings.html", takes_context=True)
def course_ratings(context: template.Context, course: Any) -> dict[str, Any]:
    """Average, count, recent reviews and (for a learner who completed it) the rating form.

    One query for the reviews, plus two for a signed-in viewer (did they complete it, their rating).
    """
    request = context.get("request")
    viewer = viewer_of(getattr(request, "user", None), course)
    form = None
    if viewer.can_rate:
        mine = viewer.rating
        form = RatingForm(initial={"stars": mine.stars, "review": mine.review} if mine else None)
    average = course.rating_average
    # Whole stars, halves rounded up (round() would show 4.5 as four stars).
    shown = int(average + 0.5) if average else 0
    return {
        "course": course,
        "average": average,
        "filled": range(shown),
        "empty": range(5 - shown),
        "count": course.rating_count,
        "reviews": recent_reviews(course),
        "viewer": viewer,
        "form": form,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
