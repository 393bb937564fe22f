"""Pages for people administrators: mandatory courses, assignment runs, and compliance.

Thin views: access check (``assignment_access``) → form → action (``assignments``) or read
(``compliance``) → redirect or render.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kshamta.accounts.access import can_administer_org, signed_in_user
from kshamta.accounts.decorators import people_admin_required
from kshamta.catalog.models import Course
from kshamta.learning import assignments, compliance
from kshamta.learning.assignment_access import (
    access_assignment_job_by_id,
    access_mandatory_rule_by_id,
    assignment_jobs_for,
    compliance_scope,
    mandatory_rules_for,
)
from kshamta.learning.assignment_forms import ComplianceFilterForm, MandatoryCourseForm
from kshamta.learning.models import AssignmentRule
from kshamta.orgs.models import Organisation

POLL_SECONDS = 2
RECENT_JOBS = 5


# --- mandatory courses ---------------------------------------------------------------------


@people_admin_required
@require_http_methods(["GET", "POST"])
def mandatory(request: HttpRequest) -> HttpResponse:
    """The mandatory courses that apply in the user's scope, and a form to add one."""
    user = signed_in_user(request)
    form = MandatoryCourseForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        org, course = form.cleaned_data["org"], form.cleaned_data["course"]
        job = assignments.do_add_mandatory_course(
            org=org, course=course, due_on=form.cleaned_data["due_on"], acting_user=user
        )
        messages.success(
            request,
            _("%(course)s is now mandatory for everyone in %(org)s. The courses are being assigned.")
            % {"course": course.title, "org": org.name},
        )
        return redirect("assignments:job", job_id=job.pk)
    rules = (
        mandatory_rules_for(user)
        .select_related("org", "course")
        .only(
            "pk",
            "org__id",
            "org__code",
            "org__name_en",
            "org__name_hi",
            "org__path",
            "course__id",
            "course__code",
            "course__title_en",
            "course__title_hi",
            "due_on",
            "is_active",
            "created_at",
            "deactivated_at",
        )
        .order_by("-is_active", "org__path", "course__code", "-pk")
    )
    page = Paginator(rules, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    for rule in page:
        rule.can_change = can_administer_org(user, rule.org)  # type: ignore[attr-defined]
    jobs = list(
        assignment_jobs_for(user)
        .filter(source_type=AssignmentRule.SourceType.MANDATORY)
        .select_related("org")
        .order_by("-created_at", "-pk")[:RECENT_JOBS]
    )
    status = 200 if request.method == "GET" else 400
    return render(
        request, "learning/assignments/mandatory.html", {"form": form, "page": page, "jobs": jobs}, status=status
    )


@people_admin_required
@require_POST
def withdraw_mandatory(request: HttpRequest, rule_id: int) -> HttpResponse:
    user = signed_in_user(request)
    rule = access_mandatory_rule_by_id(user, rule_id)
    if not rule.is_active:
        messages.info(request, _("This mandatory course was already withdrawn."))
        return redirect("assignments:mandatory")
    job = assignments.do_withdraw_mandatory_course(rule, acting_user=user)
    messages.success(
        request,
        _("%(course)s is no longer mandatory in %(org)s. Progress already made is kept.")
        % {"course": rule.course.title, "org": rule.org.name},
    )
    return redirect("assignments:job", job_id=job.pk)


# --- assignment runs -----------------------------------------------------------------------


@people_admin_required
def job(request: HttpRequest, job_id: int) -> HttpResponse:
    """An assignment run's progress; while it runs, the status part asks for itself again (htmx)."""
    run = access_assignment_job_by_id(signed_in_user(request), job_id)
    unavailable = list(
        Course.objects.filter(
            assignment_rules__source_type=run.source_type,
            assignment_rules__source_id=run.source_id,
            assignment_rules__is_active=True,
        )
        .exclude(published_version__isnull=False, is_retired=False)
        .distinct()
        .values_list("code", flat=True)
    )
    context = {"job": run, "poll_seconds": POLL_SECONDS, "unavailable": unavailable}
    partial = request.headers.get("HX-Request") == "true"
    template = "learning/assignments/_job_status.html" if partial else "learning/assignments/job.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@people_admin_required
@require_POST
def rerun_job(request: HttpRequest, job_id: int) -> HttpResponse:
    user = signed_in_user(request)
    run = access_assignment_job_by_id(user, job_id)
    try:
        assignments.do_rerun_assignment_job(run, acting_user=user)
    except assignments.AssignmentRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The assignment is running again. What was done already is not repeated."))
    return redirect("assignments:job", job_id=run.pk)


# --- compliance ----------------------------------------------------------------------------


@people_admin_required
def compliance_overview(request: HttpRequest, org_id: int | None = None) -> HttpResponse:
    """Per designation: assigned, completed on time or late, overdue, in progress, withdrawn."""
    org, scope = compliance_scope(signed_in_user(request), org_id)
    if org is None:
        return render(request, "learning/assignments/compliance_choose.html", {"scope": scope})
    report = compliance.compliance_by_designation(org, timezone.localdate())
    children = list(Organisation.objects.filter(parent=org).order_by("name_en"))
    parent_in_scope = org.parent_id is not None and any(
        org.path.startswith(root.path) and org.pk != root.pk for root in scope
    )
    context = {
        "report": report,
        "org": org,
        "children": children,
        "parent_id": org.parent_id if parent_in_scope else None,
        "states": compliance.State,
    }
    return render(request, "learning/assignments/compliance.html", context)


@people_admin_required
def compliance_people(request: HttpRequest, org_id: int) -> HttpResponse:
    """Per person and course, filtered by designation, status and course; a page at a time."""
    org, _scope = compliance_scope(signed_in_user(request), org_id)
    assert org is not None
    today = timezone.localdate()
    form = ComplianceFilterForm(request.GET or None, org=org)
    rows = (
        compliance.people_rows(org, today=today, **form.filters())
        .select_related("course", "user", "user__profile", "user__profile__designation", "user__profile__org")
        .defer("course__search_text", "course__summary_en", "course__summary_hi")
    )
    page = Paginator(rows, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    for enrolment in page:
        completed_on = timezone.localdate(enrolment.completed_at) if enrolment.completed_at else None
        enrolment.state = compliance.state_of(enrolment.status, enrolment.due_on, completed_on, today)  # type: ignore[attr-defined]
        enrolment.completed_on = completed_on  # type: ignore[attr-defined]
    context = {"org": org, "form": form, "page": page, "today": today}
    return render(request, "learning/assignments/compliance_people.html", context)


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows: Iterator[list[object]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    header = [
        _("Employee code"),
        _("Name (English)"),
        _("Name (Hindi)"),
        _("Designation code"),
        _("Designation"),
        _("Organisation code"),
        _("Organisation"),
        _("Course code"),
        _("Course"),
        _("Status"),
        _("Due by"),
        _("Completed on"),
        _("Progress (%)"),
    ]
    # The byte-order mark makes Excel read the file as UTF-8 (Hindi names), not the system code page.
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if value is None else value for value in row])


@people_admin_required
def compliance_csv(request: HttpRequest, org_id: int) -> HttpResponse:
    """Every row of the per-person list with the same filters, streamed."""
    org, _scope = compliance_scope(signed_in_user(request), org_id)
    assert org is not None
    today = timezone.localdate()
    form = ComplianceFilterForm(request.GET or None, org=org)
    rows = compliance.people_rows(org, today=today, **form.filters())
    response = StreamingHttpResponse(
        _csv_lines(compliance.export_rows(rows, today)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="compliance-{org.code}-{today:%Y-%m-%d}.csv"'
    return cast(HttpResponse, response)
