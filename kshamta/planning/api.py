"""HTTP API of the CBP planner (mounted under /api/v1/).

The same scope as the pages: a plan outside the caller's subtrees answers 404; a step the caller
may not take, or that the plan's state refuses, 400 with the reason in the caller's language.
A plan's full content has the shape of its JSON export (docs/formats.md).
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from kshamta.api.common import AUTH_ERRORS, ValidationErrorOut, caller, error_responses
from kshamta.api.errors import APIError, invalid
from kshamta.orgs.models import Organisation
from kshamta.planning import access, actions, exporting, importing
from kshamta.planning.models import Plan, PlanAnalysis, PlanCourse, PlanDocument, Quarter

router = Router(tags=["planning"])


class PlanOut(Schema):
    id: int
    org: str = Field(description="Code of the department.")
    year: str
    version: int
    status: Plan.Status
    language: str
    created_at: datetime.datetime
    approved_at: datetime.datetime | None
    published_at: datetime.datetime | None
    previous_version: int | None = Field(description="Id of the version this one revises.")


class PlanIn(Schema):
    org: str = Field(description="Code of the department.")
    year: str = Field(description="Financial year, e.g. 2026-27.", pattern=r"^\d{4}-\d{2}$")
    language: Literal["hi", "en"] = "hi"


class DocumentOut(Schema):
    id: int
    kind: PlanDocument.Kind
    name: str
    status: PlanDocument.Status
    pages: int
    rows: int
    error: str
    problems: list[dict[str, Any]] = Field(description="Each {line, value, message}: e.g. an unknown designation.")


class AnalysisOut(Schema):
    id: int
    status: PlanAnalysis.Status
    step: str
    done: int
    total: int
    percent: int
    message: str


class LineIn(Schema):
    status: Literal["accepted", "removed", "suggested"] | None = None
    mode: PlanCourse.Mode | None = None
    priority: PlanCourse.Priority | None = None
    quarter: Quarter | None = None


class LineOut(Schema):
    id: int
    course: str
    status: PlanCourse.Status
    mode: PlanCourse.Mode
    priority: PlanCourse.Priority
    quarter: Quarter


class DecisionIn(Schema):
    comment: str = Field("", max_length=4000)


class ImportOut(Schema):
    lines: int
    competencies: int
    competencies_removed: int
    courses: int
    designations_added: int


def plan_out(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "org": plan.org.code,
        "year": plan.year,
        "version": plan.version,
        "status": plan.status,
        "language": plan.language,
        "created_at": plan.created_at,
        "approved_at": plan.approved_at,
        "published_at": plan.published_at,
        "previous_version": plan.previous_version_id,
    }


def document_out(document: PlanDocument) -> dict[str, Any]:
    return {
        "id": document.pk,
        "kind": document.kind,
        "name": document.original_name,
        "status": document.status,
        "pages": document.page_count,
        "rows": len(document.rows),
        "error": document.error_message,
        "problems": [
            {"line": p.get("line"), "value": p.get("value", ""), "message": p["message"]}
            for p in document.problem_messages()
        ],
    }


def analysis_out(analysis: PlanAnalysis) -> dict[str, Any]:
    return {
        "id": analysis.pk,
        "status": analysis.status,
        "step": analysis.step,
        "done": analysis.done,
        "total": analysis.total,
        "percent": analysis.percent_done,
        "message": analysis.message,
    }


def _refused(exc: Exception) -> APIError:
    return invalid(str(exc))


def _author_plan(request: HttpRequest, plan_id: int) -> Plan:
    user = caller(request)
    plan = access.access_plan_by_id(user, plan_id)
    if not access.can_author(user, plan):
        raise invalid(_("Only a CBP author of this department can do this."))
    return plan


@router.get(
    "/plans",
    response={200: list[PlanOut], **error_responses(*AUTH_ERRORS)},
    summary="Capacity building plans you can see",
    description="Plans of the departments in the subtrees where you are a CBP author or approver, a nodal "
    "officer or a state admin; latest year first.",
)
def list_plans(request: HttpRequest) -> list[dict[str, Any]]:
    plans = access.visible_plans(caller(request)).select_related("org").order_by("-year", "org__code", "-version")
    return [plan_out(plan) for plan in plans[:500]]


@router.post(
    "/plans",
    response={201: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Start a plan",
    description="Version 1 of a department's plan for a financial year (CBP authors of the department).",
)
def create_plan(request: HttpRequest, payload: PlanIn) -> Status:
    user = caller(request)
    org = Organisation.objects.filter(code=payload.org.strip().upper()).first()
    if org is None or not access.can_author_org(user, org):
        raise APIError("not_found", _not_found(), 404)
    try:
        plan = actions.do_create_plan(org=org, year=payload.year, language=payload.language, acting_user=user)
    except actions.PlanError as exc:
        raise _refused(exc) from exc
    return Status(201, plan_out(plan))


def _not_found() -> str:
    return _("Not found, or you do not have access to it.")


@router.get(
    "/plans/{plan_id}",
    response={200: dict[str, Any], **error_responses(*AUTH_ERRORS, 404)},
    summary="A plan with its designations, competencies, evidence and courses",
    description="The plan's JSON export (docs/formats.md): designations → competencies (level, evidence "
    "with document, page and sentence, holders and gap) → courses (status, mode, priority, quarter, reasons), "
    "and the totals.",
)
def get_plan(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    plan = access.access_plan_by_id(caller(request), plan_id)
    return {"id": plan.pk, **exporting.plan_json(plan)}


@router.get(
    "/plans/{plan_id}/documents",
    response={200: list[DocumentOut], **error_responses(*AUTH_ERRORS, 404)},
    summary="A plan's documents",
)
def list_plan_documents(request: HttpRequest, plan_id: int) -> list[dict[str, Any]]:
    plan = access.access_plan_by_id(caller(request), plan_id)
    return [document_out(d) for d in plan.documents.order_by("kind", "pk")]


@router.post(
    "/plans/{plan_id}/documents",
    response={201: DocumentOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Upload a document to a draft plan",
    description="Multipart form: `kind` (organogram, work_allocation, annual_report, acts_rules) and `file`. "
    "A file of the wrong type or too large is refused (400); one that cannot be read is kept with status "
    "failed and the reason in `error`.",
)
def upload_plan_document(
    request: HttpRequest, plan_id: int, kind: Form[PlanDocument.Kind], file: File[UploadedFile]
) -> Status:
    plan = _author_plan(request, plan_id)
    try:
        document = actions.do_upload_document(
            plan, kind=kind, upload=file, filename=file.name or "upload", acting_user=caller(request)
        )
    except actions.PlanError as exc:
        raise _refused(exc) from exc
    return Status(201, document_out(document))


@router.post(
    "/plans/{plan_id}/analysis",
    response={202: AnalysisOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Start the needs analysis of a draft plan",
    description="Runs in the background; follow it with GET on the same path.",
)
def start_plan_analysis(request: HttpRequest, plan_id: int) -> Status:
    plan = _author_plan(request, plan_id)
    try:
        analysis = actions.do_start_analysis(plan, acting_user=caller(request))
    except actions.PlanError as exc:
        raise _refused(exc) from exc
    return Status(202, analysis_out(analysis))


@router.get(
    "/plans/{plan_id}/analysis",
    response={200: AnalysisOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="The latest analysis of a plan and how far it has got",
)
def get_plan_analysis(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    plan = access.access_plan_by_id(caller(request), plan_id)
    analysis = PlanAnalysis.objects.filter(plan=plan).order_by("-created_at", "-id").first()
    if analysis is None:
        raise APIError("not_found", _not_found(), 404)
    return analysis_out(analysis)


@router.patch(
    "/plans/{plan_id}/lines/{line_id}",
    response={200: LineOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Accept or remove a course of a plan, or set its mode, priority or quarter",
)
def update_plan_line(request: HttpRequest, plan_id: int, line_id: int, payload: LineIn) -> dict[str, Any]:
    plan = _author_plan(request, plan_id)
    line = access.access_plan_course_by_id(caller(request), line_id)
    if line.plan_id != plan.pk:
        raise APIError("not_found", _not_found(), 404)
    try:
        line = actions.do_update_course_line(line, acting_user=caller(request), **payload.model_dump(exclude_none=True))
    except actions.PlanError as exc:
        raise _refused(exc) from exc
    return {
        "id": line.pk,
        "course": line.course.code,
        "status": line.status,
        "mode": line.mode,
        "priority": line.priority,
        "quarter": line.quarter,
    }


def _step(request: HttpRequest, plan_id: int, step: str, comment: str = "") -> dict[str, Any]:
    user = caller(request)
    plan = access.access_plan_by_id(user, plan_id)
    try:
        if step == "submit":
            plan = actions.do_submit_plan(plan, acting_user=user, comment=comment)
        elif step == "approve":
            plan = actions.do_approve_plan(plan, acting_user=user, comment=comment)
        elif step == "return":
            plan = actions.do_return_plan(plan, acting_user=user, comment=comment)
        elif step == "publish":
            plan = actions.do_publish_plan(plan, acting_user=user)
        else:
            plan = actions.do_revise_plan(plan, acting_user=user)
    except actions.PlanError as exc:
        raise _refused(exc) from exc
    return plan_out(plan)


@router.post(
    "/plans/{plan_id}/submit",
    response={200: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Submit a draft or returned plan for approval",
)
def submit_plan(request: HttpRequest, plan_id: int, payload: DecisionIn) -> dict[str, Any]:
    return _step(request, plan_id, "submit", payload.comment)


@router.post(
    "/plans/{plan_id}/approve",
    response={200: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Approve a submitted plan",
    description="CBP approvers of the department; nobody approves a plan they made or submitted.",
)
def approve_plan(request: HttpRequest, plan_id: int, payload: DecisionIn) -> dict[str, Any]:
    return _step(request, plan_id, "approve", payload.comment)


@router.post(
    "/plans/{plan_id}/return",
    response={200: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Return a submitted plan to its author, with a comment",
)
def return_plan(request: HttpRequest, plan_id: int, payload: DecisionIn) -> dict[str, Any]:
    return _step(request, plan_id, "return", payload.comment)


@router.post(
    "/plans/{plan_id}/publish",
    response={200: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Publish an approved plan",
    description="Its courses become assignments, with due dates from their target quarters, for everyone in "
    "the department who holds a planned designation (a background job).",
)
def publish_plan(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    return _step(request, plan_id, "publish")


@router.post(
    "/plans/{plan_id}/revise",
    response={201: PlanOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Revise a published plan into a new draft version",
)
def revise_plan(request: HttpRequest, plan_id: int) -> Status:
    return Status(201, _step(request, plan_id, "revise"))


@router.post(
    "/plans/{plan_id}/import",
    response={200: ImportOut, 400: ValidationErrorOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="Replace a draft plan's lines",
    description='Body: the plan JSON export (designations → competencies → courses) or `{"lines": '
    "[{designation_code, competency_code, level, course_code, mode, priority, quarter}]}`. Every line is "
    'checked; if any is wrong the answer is 400 `{"code": "invalid_lines", "message", "errors": [{line, '
    "message}]}` and nothing changes.",
)
def import_plan_lines(request: HttpRequest, plan_id: int, payload: Body[dict[str, Any]]) -> Any:
    plan = _author_plan(request, plan_id)
    try:
        lines, errors = importing.check_lines(plan, importing.raw_lines_from_json(payload))
    except importing.ImportRefused as exc:
        raise invalid(str(exc)) from exc
    if errors:
        return Status(
            400,
            {
                "code": "invalid_lines",
                "message": _("Some lines are wrong; nothing was changed."),
                "errors": [{"line": e.line, "message": e.message} for e in errors],
            },
        )
    try:
        return actions.do_import_lines(plan, lines, acting_user=caller(request))
    except actions.PlanError as exc:
        raise _refused(exc) from exc
