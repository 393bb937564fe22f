"""Pages of the CBP planner under /cbp/: plans, documents and analysis, the plan with its designations,
competencies and courses, the approval workflow, exports and imports."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.catalog.models import Course
from kshamta.catalog.search import CourseQuery, search_courses
from kshamta.core.text import clean_text
from kshamta.planning import access, actions, exporting, importing, pages
from kshamta.planning.contents import plan_contents
from kshamta.planning.forms import (
    AddCourseForm,
    CommentForm,
    CourseLineForm,
    DecisionForm,
    DocumentForm,
    ImportForm,
    LevelForm,
    PlanForm,
)
from kshamta.planning.models import Plan

View = Callable[..., HttpResponse]


def planning_user_required(view: View) -> View:
    """Signed-in CBP authors, approvers, nodal officers and state admins; a 404 for everyone else."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.is_planning_user(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(guarded)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _refused(request: HttpRequest, exc: Exception) -> None:
    messages.error(request, str(exc))


# --- plans ------------------------------------------------------------------------------------------


@planning_user_required
def plan_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    plans = access.visible_plans(user).select_related("org", "created_by").order_by("-year", "org__name_en", "-version")
    page = Paginator(plans, 50).get_page(request.GET.get("page"))
    return render(
        request, "planning/plan_list.html", {"page": page, "can_create": access.authoring_orgs(user).exists()}
    )


@planning_user_required
def plan_new(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not access.authoring_orgs(user).exists():
        raise Http404
    form = PlanForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.do_create_plan(
                org=form.cleaned_data["org"],
                year=form.cleaned_data["year"],
                language=form.cleaned_data["language"],
                acting_user=user,
            )
        except actions.PlanError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The plan was created. Upload its documents, then run the analysis."))
            return redirect("planning:documents", plan_id=plan.pk)
    return render(request, "planning/plan_new.html", {"form": form}, status=400 if form.errors else 200)


@planning_user_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    context = pages.plan_page_context(user, plan)
    context["decision_form"] = DecisionForm()
    context["comment_form"] = CommentForm()
    return render(request, "planning/plan_detail.html", context)


# --- documents and analysis ---------------------------------------------------------------------------


@planning_user_required
def plan_documents(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    form = DocumentForm()
    status = 200
    if request.method == "POST":
        plan = access.access_plan_for_author(user, plan_id)
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                document = actions.do_upload_document(
                    plan, kind=form.cleaned_data["kind"], upload=upload, filename=upload.name, acting_user=user
                )
            except actions.PlanError as exc:
                form.add_error("file", str(exc))
            else:
                if document.error:
                    messages.error(request, document.error_message)
                else:
                    messages.success(request, _("%(name)s was read.") % {"name": document.original_name})
                return redirect("planning:documents", plan_id=plan.pk)
        status = 400
    context = pages.documents_context(user, plan)
    context["form"] = form
    return render(request, "planning/documents.html", context, status=status)


@planning_user_required
@require_POST
def document_delete(request: HttpRequest, plan_id: int, document_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    document = access.access_plan_document_by_id(user, plan, document_id)
    try:
        actions.do_delete_document(document, acting_user=user)
    except actions.PlanError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The document was taken out of the plan."))
    return redirect("planning:documents", plan_id=plan.pk)


@planning_user_required
def document_file(request: HttpRequest, plan_id: int, document_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    document = access.access_plan_document_by_id(user, plan, document_id)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("No file") from exc
    response = FileResponse(handle, as_attachment=True, filename=document.original_name)
    return response  # type: ignore[return-value]


@planning_user_required
@require_POST
def plan_analyse(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    try:
        actions.do_start_analysis(plan, acting_user=user)
    except actions.PlanError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The analysis has started. This page shows how far it has got."))
    return redirect("planning:documents", plan_id=plan.pk)


@never_cache
@planning_user_required
def analysis_progress(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The analysis status box, polled by htmx while the analysis runs."""
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    context = {**pages.analysis_context(plan, pages.latest_analysis(plan)), **pages.permissions(user, plan)}
    return render(request, "planning/_analysis_status.html", context)


# --- one designation: competencies, evidence, courses --------------------------------------------------


def _designation_context(user: Any, plan: Plan, designation_id: int) -> dict[str, Any]:
    row = access.access_plan_designation_by_id(user, plan, designation_id)
    contents = plan_contents(plan, designation=row)
    return {
        "plan": plan,
        "designation": contents.designations[0],
        "document_names": contents.document_names,
        "levels": range(1, 6),
        "add_form": AddCourseForm(),
        **pages.permissions(user, plan),
    }


@planning_user_required
def designation_detail(request: HttpRequest, plan_id: int, designation_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    return render(request, "planning/designation.html", _designation_context(user, plan, designation_id))


def _back_to_designation(plan: Plan, designation_id: int, anchor: str = "") -> HttpResponse:
    url = reverse("planning:designation", args=[plan.pk, designation_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


@planning_user_required
@require_POST
def course_line(request: HttpRequest, plan_id: int, line_id: int) -> HttpResponse:
    """Accept or remove a course, or set its mode, priority or quarter. htmx gets the row back."""
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    line = access.access_plan_course_by_id(user, line_id)
    if line.plan_id != plan.pk:
        raise Http404
    form = CourseLineForm(request.POST)
    error = ""
    if form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if v}
        try:
            line = actions.do_update_course_line(line, acting_user=user, **values)
        except actions.PlanError as exc:
            error = str(exc)
    else:
        error = _("Choose a valid value.")
    competency = line.plan_competency
    if _is_htmx(request):
        context = {"plan": plan, "line": line, "error": error, **pages.permissions(user, plan)}
        return render(request, "planning/_course_line.html", context, status=400 if error else 200)
    if error:
        messages.error(request, error)
    return _back_to_designation(plan, competency.plan_designation_id, f"competency-{competency.pk}")


@planning_user_required
def add_course(request: HttpRequest, plan_id: int, competency_id: int) -> HttpResponse:
    """GET: catalogue search for a competency (a fragment for htmx). POST: put a course in the plan."""
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    competency = access.access_plan_competency_by_id(user, plan, competency_id)
    if request.method == "POST":
        form = AddCourseForm(request.POST)
        if form.is_valid():
            course = Course.objects.filter(code=clean_text(form.cleaned_data["course"]).upper()).first()
            try:
                if course is None:
                    raise actions.PlanError(_("No course has that code."))
                actions.do_add_course(
                    competency,
                    course,
                    acting_user=user,
                    mode=form.cleaned_data["mode"],
                    priority=form.cleaned_data["priority"],
                    quarter=form.cleaned_data["quarter"],
                )
            except actions.PlanError as exc:
                _refused(request, exc)
            else:
                messages.success(request, _("%(code)s is in the plan.") % {"code": course.code})
        else:
            messages.error(request, _("Choose a course, a mode, a priority and a quarter."))
        return _back_to_designation(plan, competency.plan_designation_id, f"competency-{competency.pk}")
    q = clean_text(request.GET.get("q"))[:200]
    in_plan = set(competency.courses.values_list("course_id", flat=True))
    results = []
    if q:
        results = list(search_courses(CourseQuery(q=q))[: pages.SEARCH_RESULTS])
    context = {
        "plan": plan,
        "competency": competency,
        "q": q,
        "results": results,
        "in_plan": in_plan,
        "add_form": AddCourseForm(),
    }
    template = "planning/_course_search.html" if _is_htmx(request) else "planning/course_search.html"
    return render(request, template, context)


@planning_user_required
@require_POST
def competency_level(request: HttpRequest, plan_id: int, competency_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    competency = access.access_plan_competency_by_id(user, plan, competency_id)
    form = LevelForm(request.POST)
    if form.is_valid():
        try:
            actions.do_set_required_level(competency, form.cleaned_data["level"], acting_user=user)
        except actions.PlanError as exc:
            _refused(request, exc)
    else:
        messages.error(request, _("A level is from 1 to 5."))
    return _back_to_designation(plan, competency.plan_designation_id, f"competency-{competency.pk}")


# --- comments and the workflow ---------------------------------------------------------------------------


@planning_user_required
@require_POST
def plan_comment(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    form = CommentForm(request.POST)
    try:
        if not form.is_valid():
            raise actions.PlanError(_("Write a comment first."))
        actions.do_comment(plan, form.cleaned_data["text"], acting_user=user)
    except actions.PlanError as exc:
        _refused(request, exc)
    return redirect(f"{reverse('planning:plan', args=[plan.pk])}#comments")


def _workflow(request: HttpRequest, plan_id: int, step: str) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_by_id(user, plan_id)
    comment = clean_text(request.POST.get("comment"))[:4000]
    done = {
        "submit": _("The plan was submitted for approval."),
        "approve": _("The plan was approved. It can now be published."),
        "return": _("The plan was returned to its author."),
        "publish": _("The plan was published: its courses are being assigned to the people who hold its designations."),
    }
    try:
        if step == "submit":
            actions.do_submit_plan(plan, acting_user=user, comment=comment)
        elif step == "approve":
            actions.do_approve_plan(plan, acting_user=user, comment=comment)
        elif step == "return":
            actions.do_return_plan(plan, acting_user=user, comment=comment)
        elif step == "publish":
            actions.do_publish_plan(plan, acting_user=user)
        elif step == "revise":
            revision = actions.do_revise_plan(plan, acting_user=user)
            messages.success(
                request,
                _("Version %(version)s was made from the published plan. Change it, then submit it again.")
                % {"version": revision.version},
            )
            return redirect("planning:plan", plan_id=revision.pk)
    except actions.PlanError as exc:
        _refused(request, exc)
    else:
        messages.success(request, done[step])
    return redirect("planning:plan", plan_id=plan.pk)


@planning_user_required
@require_POST
def plan_submit(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _workflow(request, plan_id, "submit")


@planning_user_required
@require_POST
def plan_approve(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _workflow(request, plan_id, "approve")


@planning_user_required
@require_POST
def plan_return(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _workflow(request, plan_id, "return")


@planning_user_required
@require_POST
def plan_publish(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _workflow(request, plan_id, "publish")


@planning_user_required
@require_POST
def plan_revise(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _workflow(request, plan_id, "revise")


# --- exports and imports -----------------------------------------------------------------------------------


def _filename(plan: Plan, extension: str) -> str:
    return f"cbp-{slugify(plan.org.code)}-{plan.year}-v{plan.version}.{extension}"


@planning_user_required
def export_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan_by_id(signed_in_user(request), plan_id)
    response = HttpResponse(exporting.plan_pdf_bytes(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "pdf")}"'
    return response


@planning_user_required
def export_xlsx(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan_by_id(signed_in_user(request), plan_id)
    response = HttpResponse(
        exporting.plan_xlsx(plan), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "xlsx")}"'
    return response


@planning_user_required
def export_json(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan_by_id(signed_in_user(request), plan_id)
    body = json.dumps(exporting.plan_json(plan), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "json")}"'
    return response


@planning_user_required
def plan_import(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_author(user, plan_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[importing.LineError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            raw = importing.raw_lines_from_file(upload, upload.name)
            lines, errors = importing.check_lines(plan, raw)
            if not errors:
                result = actions.do_import_lines(plan, lines, acting_user=user)
                messages.success(
                    request,
                    _("%(lines)s lines imported: %(competencies)s competencies, %(courses)s courses in the plan.")
                    % result,
                )
                return redirect("planning:plan", plan_id=plan.pk)
        except (importing.ImportRefused, actions.PlanError) as exc:
            form.add_error("file", str(exc))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "planning/import.html",
        {"plan": plan, "form": form, "errors": errors, "can_edit": plan.is_editable},
        status=status,
    )
