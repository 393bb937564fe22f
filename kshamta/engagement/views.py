"""Pages: the karma page, and the rating form's targets (the form is on the course page)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.catalog.models import Course
from kshamta.engagement import actions, ledger
from kshamta.engagement.access import access_course_by_code, access_own_rating
from kshamta.engagement.forms import RatingForm
from kshamta.engagement.karma import MONTHLY_CAP, POINTS, Rule


def _back_to_course(course: Course) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("catalog:detail", args=[course.code]) + "#ratings")


@login_required
def karma(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(ledger.history(user), settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    rules = [(rule.label, POINTS[rule], MONTHLY_CAP.get(rule)) for rule in Rule]
    return render(
        request,
        "engagement/karma.html",
        {"totals": ledger.totals(user), "page": page, "lines": ledger.describe(page.object_list), "rules": rules},
    )


@login_required
@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    course = access_course_by_code(user, code)
    form = RatingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
        return _back_to_course(course)
    try:
        _rating, created = actions.do_rate_course(
            user, course, stars=form.cleaned_data["stars"], review=form.cleaned_data["review"], acting_user=user
        )
    except actions.RatingRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Thank you for rating this course.") if created else _("Your rating is updated."))
    return _back_to_course(course)


@login_required
@require_POST
def delete_rating(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    course = access_course_by_code(user, code)
    actions.do_delete_rating(access_own_rating(user, course), acting_user=user)
    messages.success(request, _("Your rating is removed."))
    return _back_to_course(course)
