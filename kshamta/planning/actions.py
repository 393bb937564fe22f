"""Every write of the CBP planner: plans, their documents, the analysis, the author's choices,
the approval workflow, publication as assignment rules, revisions and imports.

Workflow: draft → submitted → approved | returned (→ submitted again) → published. Publishing a
revision supersedes the version it revises. Only a draft or returned plan can be changed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import IO, Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kshamta.catalog.models import Course
from kshamta.core import audit
from kshamta.orgs.models import Organisation, localised
from kshamta.planning import access
from kshamta.planning.analysis import (
    Draft,
    SourceDocument,
    build_draft,
    certified_levels,
    holders_at,
    resolve_designations,
    wrapped_lines,
)
from kshamta.planning.ingest import DocumentError, OrganogramRow, check_upload, read_document, read_organogram
from kshamta.planning.models import (
    IN_PLAN,
    Plan,
    PlanAnalysis,
    PlanComment,
    PlanCompetency,
    PlanCourse,
    PlanDesignation,
    PlanDocument,
    Quarter,
    Statement,
    financial_year_start,
    quarter_end,
)

logger = logging.getLogger(__name__)

STALE_ANALYSIS = datetime.timedelta(hours=2)


class PlanError(ValueError):
    """A refused step; the message says why, in the user's language."""


def _user(acting_user: Any) -> Any:
    return acting_user if getattr(acting_user, "pk", None) else None


def _record(acting_user: Any, action: str, plan: Plan, **after: Any) -> None:
    audit.record(actor=acting_user, action=action, target=plan, org_path=plan.org.path, after=after)


def _lock(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("org").get(pk=plan.pk)


def _require_editable(plan: Plan) -> None:
    if not plan.is_editable:
        raise PlanError(
            _("Only a draft or returned plan can be changed; this one is %(status)s.")
            % {"status": plan.get_status_display().lower()}
        )


def _require_author(acting_user: Any, plan: Plan) -> None:
    if acting_user is not None and not access.can_author(acting_user, plan):
        raise PlanError(_("Only a CBP author of this department can do this."))


# --- plans ---------------------------------------------------------------------------------------------


@transaction.atomic
def do_create_plan(*, org: Organisation, year: str, acting_user: Any, language: str = "hi") -> Plan:
    """Start version 1 of a department's plan for a financial year. ``acting_user=None`` is the system."""
    if acting_user is not None and not access.can_author_org(acting_user, org):
        raise PlanError(_("Only a CBP author of this department can start its plan."))
    year = (year or "").strip()
    if financial_year_start(year) is None:
        raise PlanError(_("Write the financial year as 2026-27."))
    if language not in Plan.Language.values:
        raise PlanError(_("Choose Hindi or English as the course language."))
    if Plan.objects.filter(org=org, year=year).exists():
        raise PlanError(
            _("%(org)s already has a plan for %(year)s: open it, or revise it once it is published.")
            % {"org": org.name, "year": year}
        )
    plan = Plan.objects.create(org=org, year=year, language=language, created_by=_user(acting_user))
    _record(acting_user, "plan.create", plan, org=org.code, year=year, language=language)
    return plan


# --- documents --------------------------------------------------------------------------------------------


def _size_of(upload: IO[bytes] | File) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(position)
    return int(size)


def do_upload_document(
    plan: Plan, *, kind: str, upload: IO[bytes] | File, filename: str, acting_user: Any
) -> PlanDocument:
    """Read an uploaded input and keep it with its text (or rows). A file of the wrong type or too
    large is refused with the reason; a file that cannot be read is kept, marked as failed, with
    the reason, so the author sees what went wrong. A new organogram replaces the old one."""
    _require_author(acting_user, plan)
    if kind not in PlanDocument.Kind.values:
        raise PlanError(_("Unknown kind of document."))
    organogram = kind == PlanDocument.Kind.ORGANOGRAM
    try:
        check_upload(filename, _size_of(upload), organogram=organogram)
    except DocumentError as exc:
        raise PlanError(localised(exc.en, exc.hi)) from exc
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read()
    pages: list[dict] = []
    rows: list[dict] = []
    problems: list[dict] = []
    error_en = error_hi = ""
    try:
        if organogram:
            parsed, problems = read_organogram(ContentFile(data, name=filename), filename=filename)
            _matched, unknown = resolve_designations(plan.org, parsed)
            problems = problems + unknown
            rows = [row.as_dict() for row in parsed]
        else:
            pages = read_document(ContentFile(data, name=filename), filename=filename)
    except DocumentError as exc:
        error_en, error_hi = exc.en, exc.hi
    with transaction.atomic():
        plan = _lock(plan)
        _require_editable(plan)
        if organogram:
            PlanDocument.objects.filter(plan=plan, kind=kind).delete()
        document = PlanDocument(
            plan=plan,
            kind=kind,
            original_name=filename.rsplit("/", 1)[-1][:255],
            size=len(data),
            pages=pages,
            rows=rows,
            problems=problems,
            status=PlanDocument.Status.FAILED if error_en else PlanDocument.Status.READ,
            error=error_en,
            error_hi=error_hi,
            uploaded_by=_user(acting_user),
        )
        document.file.save(document.original_name, ContentFile(data), save=False)
        document.save()
        _record(
            acting_user,
            "plan.document_upload",
            plan,
            document=document.pk,
            kind=kind,
            filename=document.original_name,
            pages=len(pages),
            rows=len(rows),
            problems=len(problems),
            error=error_en,
        )
    return document


@transaction.atomic
def do_delete_document(document: PlanDocument, *, acting_user: Any) -> None:
    """Take a document out of a draft plan. The stored file stays: an earlier version of the plan
    may share it."""
    plan = _lock(document.plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    _record(acting_user, "plan.document_delete", plan, document=document.pk, filename=document.original_name)
    document.delete()


# --- analysis -----------------------------------------------------------------------------------------------


@transaction.atomic
def do_start_analysis(plan: Plan, *, acting_user: Any, enqueue: bool = True) -> PlanAnalysis:
    """Queue the needs analysis of a draft plan. It replaces the plan's designations, competencies
    and courses with those drawn from the documents now uploaded."""
    plan = _lock(plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    if not plan.documents.filter(kind=PlanDocument.Kind.ORGANOGRAM, status=PlanDocument.Status.READ).exists():
        raise PlanError(_("Upload the organogram first: the plan is made for its designations."))
    running = PlanAnalysis.objects.filter(
        plan=plan, status__in=[PlanAnalysis.Status.QUEUED, PlanAnalysis.Status.RUNNING]
    )
    # A run that has not finished in this long lost its worker (a restart); it may be started again.
    running.filter(created_at__lt=timezone.now() - STALE_ANALYSIS).update(
        status=PlanAnalysis.Status.FAILED,
        message_en="The analysis was interrupted.",
        message_hi="विश्लेषण बीच में रुक गया।",
        finished_at=timezone.now(),
    )
    if running.exists():
        raise PlanError(_("The analysis is already running."))
    analysis = PlanAnalysis.objects.create(plan=plan, created_by=_user(acting_user))
    _record(acting_user, "plan.analyse", plan, analysis=analysis.pk)
    if enqueue:
        from kshamta.planning.tasks import analyse_plan

        analysis_id = analysis.pk
        transaction.on_commit(lambda: analyse_plan.enqueue(analysis_id))
    return analysis


def _progress_of(analysis_id: int) -> Callable[[str, int, int], None]:
    def progress(step: str, done: int, total: int) -> None:
        PlanAnalysis.objects.filter(pk=analysis_id).update(step=step, done=done, total=total)

    return progress


def source_documents(plan: Plan) -> tuple[list[OrganogramRow], list[dict], list[SourceDocument]]:
    organogram: list[OrganogramRow] = []
    problems: list[dict] = []
    documents: list[SourceDocument] = []
    for document in plan.documents.filter(status=PlanDocument.Status.READ).order_by("kind", "pk"):
        if document.kind == PlanDocument.Kind.ORGANOGRAM:
            organogram = [OrganogramRow.from_dict(row) for row in document.rows]
            # Unknown designations are found again by the analysis; keep the rest (blank rows, bad numbers).
            problems = [p for p in document.problems if not str(p.get("en", "")).startswith("Unknown designation")]
        else:
            documents.append(
                SourceDocument(
                    name=document.original_name,
                    kind=document.kind,
                    pages=document.pages,
                    wrapped=wrapped_lines(document.original_name),
                    key=document.pk,
                )
            )
    return organogram, problems, documents


def run_analysis(analysis_id: int) -> PlanAnalysis:
    """The analysis job: build the draft (reads only, progress written as it goes), then save it
    into the plan in one transaction."""
    claimed = PlanAnalysis.objects.filter(pk=analysis_id, status=PlanAnalysis.Status.QUEUED).update(
        status=PlanAnalysis.Status.RUNNING, started_at=timezone.now(), step=PlanAnalysis.Step.READING
    )
    analysis = PlanAnalysis.objects.select_related("plan__org").get(pk=analysis_id)
    if not claimed:
        return analysis
    plan = analysis.plan
    organogram, problems, documents = source_documents(plan)
    draft = build_draft(
        org=plan.org,
        organogram=organogram,
        documents=documents,
        language=plan.language,
        progress=_progress_of(analysis_id),
        organogram_problems=problems,
    )
    PlanAnalysis.objects.filter(pk=analysis_id).update(step=PlanAnalysis.Step.SAVING)
    with transaction.atomic():
        plan = _lock(plan)
        if not plan.is_editable:
            mark_analysis_failed(
                analysis_id,
                "The plan was submitted while it was being analysed; nothing was changed.",
                "विश्लेषण के दौरान योजना प्रस्तुत कर दी गई; कुछ नहीं बदला गया।",
            )
            return PlanAnalysis.objects.get(pk=analysis_id)
        save_draft(plan, draft)
        PlanAnalysis.objects.filter(pk=analysis_id).update(
            status=PlanAnalysis.Status.DONE, finished_at=timezone.now(), done=0, total=0
        )
        totals = draft.totals()
        _record(
            analysis.created_by,
            "plan.analysed",
            plan,
            analysis=analysis_id,
            designations=len(draft.designations),
            statements=len(draft.statements),
            competencies=totals.competencies,
            problems=len(draft.problems),
        )
    analysis.refresh_from_db()
    return analysis


def mark_analysis_failed(analysis_id: int, en: str, hi: str) -> None:
    PlanAnalysis.objects.filter(pk=analysis_id).update(
        status=PlanAnalysis.Status.FAILED, message_en=en, message_hi=hi, finished_at=timezone.now()
    )


def save_draft(plan: Plan, draft: Draft) -> None:
    """Replace the plan's designations, statements, competencies and courses with the draft's.
    Call inside a transaction holding the plan's lock."""
    Statement.objects.filter(plan=plan).delete()
    PlanDesignation.objects.filter(plan=plan).delete()
    designations = PlanDesignation.objects.bulk_create(
        PlanDesignation(
            plan=plan,
            designation=row.designation,
            name_as_written=row.name_as_written[:200],
            group=row.group,
            sanctioned_posts=row.sanctioned_posts,
            reports_to=row.reports_to[:200],
            wing=row.wing[:200],
            people_count=row.people,
            position=row.position,
        )
        for row in draft.designations
    )
    by_code = {row.designation.code: saved for row, saved in zip(draft.designations, designations, strict=True)}
    statements = Statement.objects.bulk_create(
        (
            Statement(
                plan=plan,
                document_id=s.document.key or 0,
                page=s.extracted.page,
                position=s.extracted.position,
                text=s.extracted.text,
                kind=s.extracted.kind,
                heading=s.extracted.heading[:300],
                label=s.extracted.label[:200],
                designation=by_code.get(s.extracted.designation or ""),
                wing=s.extracted.wing[:200],
                competencies=[{"code": code, "score": round(score, 4)} for code, score in s.matches],
            )
            for s in draft.statements
        ),
        batch_size=1000,
    )
    statement_ids = [s.pk for s in statements]
    competency_rows: list[PlanCompetency] = []
    courses_of: list[list[Any]] = []
    for row, saved in zip(draft.designations, designations, strict=True):
        for position, pc in enumerate(row.competencies, start=1):
            competency_rows.append(
                PlanCompetency(
                    plan=plan,
                    plan_designation=saved,
                    competency=pc.competency,
                    required_level=pc.level,
                    proposed_level=pc.proposed_level,
                    score=round(pc.score, 4),
                    evidence=[statement_ids[i] for i in pc.evidence],
                    evidence_count=pc.evidence_count,
                    from_profile=pc.from_profile,
                    holders=pc.holders,
                    position=position,
                )
            )
            courses_of.append(pc.courses)
    saved_competencies = PlanCompetency.objects.bulk_create(competency_rows, batch_size=1000)
    PlanCourse.objects.bulk_create(
        (
            PlanCourse(
                plan=plan,
                plan_competency=saved,
                course=course.course,
                score=round(course.score, 4),
                reasons=course.reasons,
                status=course.status,
                position=position,
                priority=_priority_for(saved),
            )
            for saved, courses in zip(saved_competencies, courses_of, strict=True)
            for position, course in enumerate(courses, start=1)
        ),
        batch_size=1000,
    )
    plan.framework = draft.framework
    plan.people_in_org = draft.people_in_org
    plan.analysed_at = timezone.now()
    plan.save(update_fields=["framework", "people_in_org", "analysed_at", "updated_at"])


def _priority_for(competency: PlanCompetency) -> str:
    """High when most of the designation lacks a competency its own work needs; low for a small gap."""
    people = competency.plan_designation.people_count
    if people and competency.holders * 2 >= people:
        return PlanCourse.Priority.LOW
    if competency.evidence_count >= 3 or competency.from_profile:
        return PlanCourse.Priority.HIGH
    return PlanCourse.Priority.MEDIUM


# --- the author's choices -------------------------------------------------------------------------------------


def _line_for_update(line: PlanCourse, acting_user: Any) -> tuple[Plan, PlanCourse]:
    plan = _lock(line.plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    return plan, PlanCourse.objects.select_related("course", "plan_competency").get(pk=line.pk)


@transaction.atomic
def do_update_course_line(
    line: PlanCourse,
    *,
    acting_user: Any,
    status: str | None = None,
    mode: str | None = None,
    priority: str | None = None,
    quarter: str | None = None,
) -> PlanCourse:
    """Accept or remove a suggested course, or set its mode, priority or target quarter."""
    plan, line = _line_for_update(line, acting_user)
    before = {"status": line.status, "mode": line.mode, "priority": line.priority, "quarter": line.quarter}
    if status is not None:
        if status not in (PlanCourse.Status.ACCEPTED, PlanCourse.Status.REMOVED, PlanCourse.Status.SUGGESTED):
            raise PlanError(_("A course line is accepted, removed or left as a suggestion."))
        if status == PlanCourse.Status.ACCEPTED and line.status == PlanCourse.Status.ADDED:
            status = PlanCourse.Status.ADDED  # still the author's own addition
        line.status = status
    if mode is not None:
        if mode not in PlanCourse.Mode.values:
            raise PlanError(_("Choose online, offline or blended."))
        line.mode = mode
    if priority is not None:
        if priority not in PlanCourse.Priority.values:
            raise PlanError(_("Choose a high, medium or low priority."))
        line.priority = priority
    if quarter is not None:
        if quarter not in Quarter.values:
            raise PlanError(_("Choose a quarter from Q1 to Q4."))
        line.quarter = quarter
    line.save(update_fields=["status", "mode", "priority", "quarter"])
    after = {"status": line.status, "mode": line.mode, "priority": line.priority, "quarter": line.quarter}
    if after != before:
        audit.record(
            actor=acting_user,
            action="plan.course_line",
            target=plan,
            org_path=plan.org.path,
            before={"line": line.pk, **before},
            after={"line": line.pk, "course": line.course.code, **after},
        )
    return line


@transaction.atomic
def do_add_course(
    competency: PlanCompetency,
    course: Course,
    *,
    acting_user: Any,
    mode: str = PlanCourse.Mode.ONLINE,
    priority: str = PlanCourse.Priority.MEDIUM,
    quarter: str = Quarter.Q2,
) -> PlanCourse:
    """Put a course of the catalogue in the plan for one competency of a designation."""
    plan = _lock(competency.plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    if not course.is_listed:
        raise PlanError(_("%(code)s is not open for enrolment.") % {"code": course.code})
    if (
        mode not in PlanCourse.Mode.values
        or priority not in PlanCourse.Priority.values
        or quarter not in Quarter.values
    ):
        raise PlanError(_("Choose a mode, a priority and a quarter."))
    line = PlanCourse.objects.filter(plan_competency=competency, course=course).first()
    if line is not None and line.is_in_plan:
        raise PlanError(_("%(code)s is already in the plan for this competency.") % {"code": course.code})
    if line is None:
        position = (competency.courses.aggregate(n=Max("position"))["n"] or 0) + 1
        line = PlanCourse(plan=plan, plan_competency=competency, course=course, position=position)
        line.status = PlanCourse.Status.ADDED
        line.reasons = [_("Added by the author.")]
    else:
        line.status = PlanCourse.Status.ACCEPTED
    line.mode, line.priority, line.quarter = mode, priority, quarter
    line.save()
    _record(acting_user, "plan.course_add", plan, line=line.pk, course=course.code, competency=competency.pk)
    return line


@transaction.atomic
def do_set_required_level(competency: PlanCompetency, level: int, *, acting_user: Any) -> PlanCompetency:
    """Change the level a designation needs; the holders (and so the gap) are counted again."""
    plan = _lock(competency.plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    if level not in range(1, 6):
        raise PlanError(_("A level is from 1 to 5."))
    competency = PlanCompetency.objects.select_related("competency", "plan_designation").get(pk=competency.pk)
    before = competency.required_level
    designation_id = competency.plan_designation.designation_id
    levels = certified_levels(plan.org, [designation_id]).get(designation_id, {})
    competency.required_level = level
    competency.holders = holders_at(levels, competency.competency.code, level)
    competency.save(update_fields=["required_level", "holders"])
    audit.record(
        actor=acting_user,
        action="plan.competency_level",
        target=plan,
        org_path=plan.org.path,
        before={"competency": competency.competency.code, "level": before},
        after={"competency": competency.competency.code, "level": level},
    )
    return competency


# --- comments and the workflow ----------------------------------------------------------------------------------


def _comment(plan: Plan, acting_user: Any, text: str, decision: str = "") -> PlanComment:
    return PlanComment.objects.create(plan=plan, author=_user(acting_user), text=text.strip(), decision=decision)


@transaction.atomic
def do_comment(plan: Plan, text: str, *, acting_user: Any) -> PlanComment:
    text = (text or "").strip()
    if not text:
        raise PlanError(_("Write a comment first."))
    plan = _lock(plan)
    comment = _comment(plan, acting_user, text)
    _record(acting_user, "plan.comment", plan, comment=comment.pk)
    return comment


@transaction.atomic
def do_submit_plan(plan: Plan, *, acting_user: Any, comment: str = "") -> Plan:
    plan = _lock(plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    if not PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).exists():
        raise PlanError(_("Put at least one course in the plan before submitting it."))
    plan.status = Plan.Status.SUBMITTED
    plan.submitted_by = _user(acting_user)
    plan.submitted_at = timezone.now()
    plan.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    _comment(plan, acting_user, comment, PlanComment.Decision.SUBMITTED)
    _record(acting_user, "plan.submit", plan, status=plan.status)
    return plan


def _require_approver(acting_user: Any, plan: Plan) -> None:
    if acting_user is None:
        return
    if not access.is_approver_of(acting_user, plan):
        raise PlanError(_("Only a CBP approver of this department can decide on its plan."))
    if access.is_own_plan(acting_user, plan):
        raise PlanError(_("You cannot approve or return a plan you made or submitted yourself."))


@transaction.atomic
def do_approve_plan(plan: Plan, *, acting_user: Any, comment: str = "") -> Plan:
    plan = _lock(plan)
    _require_approver(acting_user, plan)
    if plan.status != Plan.Status.SUBMITTED:
        raise PlanError(_("Only a submitted plan can be approved."))
    plan.status = Plan.Status.APPROVED
    plan.approved_by = _user(acting_user)
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    _comment(plan, acting_user, comment, PlanComment.Decision.APPROVED)
    _record(acting_user, "plan.approve", plan, status=plan.status)
    return plan


@transaction.atomic
def do_return_plan(plan: Plan, *, acting_user: Any, comment: str) -> Plan:
    """Send a submitted plan back to its author, saying what to change."""
    if not (comment or "").strip():
        raise PlanError(_("Say what should change: a returned plan needs a comment."))
    plan = _lock(plan)
    _require_approver(acting_user, plan)
    if plan.status != Plan.Status.SUBMITTED:
        raise PlanError(_("Only a submitted plan can be returned."))
    plan.status = Plan.Status.RETURNED
    plan.save(update_fields=["status", "updated_at"])
    _comment(plan, acting_user, comment, PlanComment.Decision.RETURNED)
    _record(acting_user, "plan.return", plan, status=plan.status)
    return plan


def assignment_specs(plan: Plan) -> list[Any]:
    """One rule per designation and course in the plan, due at the end of its target quarter
    (the earliest, when one course serves several competencies of the designation)."""
    from kshamta.learning.assignments import AssignmentSpec

    due: dict[tuple[int, int], Any] = {}
    lines = PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).select_related(
        "course", "plan_competency__plan_designation__designation__org"
    )
    designations: dict[int, Any] = {}
    courses: dict[int, Course] = {}
    for line in lines:
        designation = line.plan_competency.plan_designation.designation
        end = quarter_end(plan.year, line.quarter)
        key = (designation.pk, line.course_id)
        designations[designation.pk] = designation
        courses[line.course_id] = line.course
        if end is not None and (key not in due or end < due[key]):
            due[key] = end
    return [
        AssignmentSpec(org=plan.org, designation=designations[d], course=courses[c], due_on=date)
        for (d, c), date in sorted(due.items())
    ]


@transaction.atomic
def do_publish_plan(plan: Plan, *, acting_user: Any, enqueue: bool = True) -> Plan:
    """Publish an approved plan: its courses become assignment rules for everyone in the department
    who holds a planned designation (synced by a background job), and the version it revises, if
    any, is superseded. The rules belong to the plan's series, so a revision replaces them."""
    from kshamta.learning.assignments import AssignmentRefused, do_publish_assignment_rules

    plan = _lock(plan)
    if acting_user is not None and not access.can_publish(acting_user, plan):
        raise PlanError(_("Only a CBP author or approver of this department can publish its plan."))
    if plan.status != Plan.Status.APPROVED:
        raise PlanError(_("Only an approved plan can be published."))
    specs = assignment_specs(plan)
    try:
        do_publish_assignment_rules(
            source_type="cbp", source_id=plan.series_id, rules=specs, acting_user=acting_user, enqueue=enqueue
        )
    except AssignmentRefused as exc:
        raise PlanError(str(exc)) from exc
    now = timezone.now()
    Plan.objects.filter(pk__in=_series_ids(plan), status=Plan.Status.PUBLISHED).exclude(pk=plan.pk).update(
        status=Plan.Status.SUPERSEDED, updated_at=now
    )
    plan.status = Plan.Status.PUBLISHED
    plan.published_by = _user(acting_user)
    plan.published_at = now
    plan.save(update_fields=["status", "published_by", "published_at", "updated_at"])
    _comment(plan, acting_user, "", PlanComment.Decision.PUBLISHED)
    _record(acting_user, "plan.publish", plan, status=plan.status, rules=len(specs), series=plan.series_id)
    if enqueue:
        from kshamta.planning.tasks import render_plan_pdf

        plan_id = plan.pk
        transaction.on_commit(lambda: render_plan_pdf.enqueue(plan_id))
    return plan


def _series_ids(plan: Plan) -> list[int]:
    return list(Plan.objects.filter(org=plan.org, year=plan.year).values_list("pk", flat=True))


@transaction.atomic
def do_revise_plan(plan: Plan, *, acting_user: Any) -> Plan:
    """A new draft version of a published plan, with everything copied: documents, designations,
    statements, competencies and courses. The published version stays as it is, read-only."""
    plan = _lock(plan)
    _require_author(acting_user, plan)
    if plan.status != Plan.Status.PUBLISHED:
        raise PlanError(_("Only the published version of a plan can be revised."))
    version = (Plan.objects.filter(org=plan.org, year=plan.year).aggregate(n=Max("version"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            revision = Plan.objects.create(
                org=plan.org,
                year=plan.year,
                version=version,
                language=plan.language,
                previous_version=plan,
                origin_id=plan.series_id,
                framework=plan.framework,
                created_by=_user(acting_user),
                analysed_at=plan.analysed_at,
                people_in_org=plan.people_in_org,
            )
    except IntegrityError as exc:
        raise PlanError(_("A newer version of this plan is already being prepared.")) from exc
    _copy_contents(plan, revision)
    _record(acting_user, "plan.revise", revision, previous=plan.pk, version=version)
    return revision


def _copy_contents(source: Plan, target: Plan) -> None:
    documents = {}
    for document in source.documents.order_by("pk"):
        old = document.pk
        document.pk = None
        document.plan = target
        document.save()
        documents[old] = document.pk
    designations = {}
    for row in source.designations.order_by("pk"):
        old = row.pk
        row.pk = None
        row.plan = target
        designations[old] = row
    PlanDesignation.objects.bulk_create(designations.values())
    statements: dict[int, Statement] = {}
    for statement in Statement.objects.filter(plan=source).order_by("pk").iterator(chunk_size=2000):
        old = statement.pk
        statement.pk = None
        statement.plan = target
        statement.document_id = documents[statement.document_id]
        if statement.designation_id:
            statement.designation = designations[statement.designation_id]
        statements[old] = statement
    Statement.objects.bulk_create(statements.values(), batch_size=1000)
    competencies = {}
    for competency in PlanCompetency.objects.filter(plan=source).order_by("pk"):
        old = competency.pk
        competency.pk = None
        competency.plan = target
        competency.plan_designation = designations[competency.plan_designation_id]
        competency.evidence = [statements[i].pk for i in competency.evidence if i in statements]
        competencies[old] = competency
    PlanCompetency.objects.bulk_create(competencies.values(), batch_size=1000)
    lines = []
    for line in PlanCourse.objects.filter(plan=source).order_by("pk"):
        line.pk = None
        line.plan = target
        line.plan_competency = competencies[line.plan_competency_id]
        lines.append(line)
    PlanCourse.objects.bulk_create(lines, batch_size=1000)


# --- importing plan lines --------------------------------------------------------------------------------------


@transaction.atomic
def do_import_lines(plan: Plan, lines: list[Any], *, acting_user: Any) -> dict[str, int]:
    """Make ``lines`` (checked ``importing.PlanLine`` values) the plan's courses and competencies.

    Competencies not in the lines leave the plan; those in them keep their evidence and take the
    level given. Courses in the lines are in the plan (accepted, or added when the analysis did
    not suggest them) with their mode, priority and quarter; other accepted or added courses are
    removed; suggestions stay suggestions.
    """
    from kshamta.planning.importing import PlanLine

    plan = _lock(plan)
    _require_author(acting_user, plan)
    _require_editable(plan)
    typed: list[PlanLine] = list(lines)
    existing_designations = {row.designation_id: row for row in plan.designations.select_related("designation")}
    position = max((row.position for row in existing_designations.values()), default=0)
    new_designations = {}
    for line in typed:
        if line.designation.pk not in existing_designations and line.designation.pk not in new_designations:
            position += 1
            new_designations[line.designation.pk] = PlanDesignation(
                plan=plan, designation=line.designation, group=line.designation.group, position=position
            )
    if new_designations:
        from kshamta.planning.analysis import people_by_designation

        people = people_by_designation(plan.org, new_designations)
        for designation_id, row in new_designations.items():
            row.people_count = people.get(designation_id, 0)
        PlanDesignation.objects.bulk_create(new_designations.values())
    designations = {**existing_designations, **new_designations}

    current = {
        (c.plan_designation_id, c.competency_id): c
        for c in PlanCompetency.objects.filter(plan=plan).select_related("competency")
    }
    wanted: dict[tuple[int, int], tuple[Any, int]] = {}
    for line in typed:
        row = designations[line.designation.pk]
        key = (row.pk, line.competency.pk)
        wanted[key] = (line, max(line.level, wanted[key][1]) if key in wanted else line.level)
    levels_by_designation = certified_levels(plan.org, list(designations))
    kept: dict[tuple[int, int], PlanCompetency] = {}
    for key, (line, level) in wanted.items():
        row = designations[line.designation.pk]
        held = holders_at(levels_by_designation.get(line.designation.pk, {}), line.competency.code, level)
        competency = current.get(key)
        if competency is None:
            competency = PlanCompetency.objects.create(
                plan=plan,
                plan_designation=row,
                competency=line.competency,
                required_level=level,
                holders=held,
                position=1000 + len(kept),
            )
        elif competency.required_level != level or competency.holders != held:
            competency.required_level, competency.holders = level, held
            competency.save(update_fields=["required_level", "holders"])
        kept[key] = competency
    dropped = [c.pk for key, c in current.items() if key not in kept]
    PlanCompetency.objects.filter(pk__in=dropped).delete()

    existing_lines = {
        (c.plan_competency_id, c.course_id): c
        for c in PlanCourse.objects.filter(plan=plan, plan_competency__in=list(kept.values()))
    }
    in_import: set[int] = set()
    added = 0
    for line in typed:
        if line.course is None:
            continue
        competency = kept[(designations[line.designation.pk].pk, line.competency.pk)]
        course_line = existing_lines.get((competency.pk, line.course.pk))
        if course_line is None:
            course_line = PlanCourse(
                plan=plan,
                plan_competency=competency,
                course=line.course,
                status=PlanCourse.Status.ADDED,
                reasons=[_("Imported from a file.")],
                position=100 + added,
            )
            existing_lines[(competency.pk, line.course.pk)] = course_line
            added += 1
        elif course_line.status != PlanCourse.Status.ADDED:
            course_line.status = PlanCourse.Status.ACCEPTED
        course_line.mode, course_line.priority, course_line.quarter = line.mode, line.priority, line.quarter
        course_line.save()
        in_import.add(course_line.pk)
    PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).exclude(pk__in=in_import).update(
        status=PlanCourse.Status.REMOVED
    )
    result = {
        "lines": len(typed),
        "designations_added": len(new_designations),
        "competencies": len(kept),
        "competencies_removed": len(dropped),
        "courses": sum(1 for line in typed if line.course is not None),
    }
    _record(acting_user, "plan.import", plan, **result)
    return result
