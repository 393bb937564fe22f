"""API: compliance with assigned courses per designation, mandatory courses, and assignment runs.

Every operation is for people administrators and limited to the organisation subtrees they
administer (anything else answers 404). ``router`` is what the site's API mounts; ``build_router``
makes a fresh one (a router belongs to one API).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kshamta.accounts.access import access_org_by_code
from kshamta.api.common import AUTH_ERRORS, error_responses, require_admin_scope
from kshamta.api.errors import invalid
from kshamta.catalog.models import Course
from kshamta.learning import assignments
from kshamta.learning.assignment_access import access_assignment_job_by_id, compliance_scope
from kshamta.learning.compliance import Figures, compliance_by_designation
from kshamta.learning.models import AssignmentJob


class FiguresOut(Schema):
    assigned: int = Field(description="Assigned courses (one per person and course) with an open assignment.")
    completed_on_time: int = Field(description="Completed on or before the due date.")
    completed_late: int = Field(description="Completed after the due date.")
    overdue: int = Field(description="Still in progress after the due date.")
    in_progress: int = Field(description="Still in progress, due today or later.")
    withdrawn: int = Field(description="Withdrawn by an administrator.")
    completed_pct: float | None = Field(description="Completed (on time or late) / assigned * 100, one decimal.")


class DesignationComplianceOut(Schema):
    designation: str | None = Field(description="The designation's code; null for people with no designation.")
    name_en: str
    name_hi: str
    figures: FiguresOut


class ComplianceOut(Schema):
    org: str = Field(description="The organisation's code; the figures include every organisation below it.")
    as_of: datetime.date
    total: FiguresOut
    designations: list[DesignationComplianceOut]


class MandatoryCourseIn(Schema):
    org: str = Field(description="Code of the organisation whose whole subtree must take the course.")
    course: str = Field(description="The course's code (published and not retired).")
    due_on: datetime.date = Field(description="The date to complete it by (today or later).")


class AssignmentRunOut(Schema):
    id: int
    status: AssignmentJob.Status
    source_type: str
    source_id: int
    org: str
    rules_total: int
    rules_done: int
    people_assigned: int
    enrolments_created: int
    enrolments_updated: int
    already_completed: int
    assignments_closed: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None


def figures_out(figures: Figures) -> dict[str, Any]:
    pct = figures.completed_pct
    return {
        "assigned": figures.assigned,
        "completed_on_time": figures.on_time,
        "completed_late": figures.late,
        "overdue": figures.overdue,
        "in_progress": figures.in_progress,
        "withdrawn": figures.withdrawn,
        "completed_pct": None if pct is None else round(pct, 1),
    }


def run_out(job: AssignmentJob) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "source_type": job.source_type,
        "source_id": job.source_id,
        "org": job.org.code,
        "rules_total": job.rules_total,
        "rules_done": job.rules_done,
        "people_assigned": job.people_assigned,
        "enrolments_created": job.enrolments_created,
        "enrolments_updated": job.enrolments_updated,
        "already_completed": job.already_completed,
        "assignments_closed": job.assignments_closed,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def build_router() -> Router:
    router = Router(tags=["assignments"])

    @router.get(
        "/assignments/compliance",
        response={200: ComplianceOut, **error_responses(*AUTH_ERRORS, 400, 403, 404)},
        summary="Compliance with assigned courses, per designation",
        description="For an organisation you administer and everything below it: per designation, the courses "
        "assigned (by capacity building plans and mandatory courses) to the people who work there now, and how "
        "many were completed on time, completed late, are overdue or in progress. Without `org`: your scope, "
        "when you administer one subtree (400 when you administer several).",
    )
    def get_assignment_compliance(request: HttpRequest, org: str | None = None) -> dict[str, Any]:
        user = require_admin_scope(request)
        chosen = access_org_by_code(user, org) if org else compliance_scope(user, None)[0]
        if chosen is None:
            raise invalid(_("You administer several organisations: choose one with org."))
        report = compliance_by_designation(chosen, timezone.localdate())
        return {
            "org": chosen.code,
            "as_of": report.today,
            "total": figures_out(report.total),
            "designations": [
                {
                    "designation": row.designation.code if row.designation else None,
                    "name_en": row.designation.name_en if row.designation else "",
                    "name_hi": row.designation.name_hi if row.designation else "",
                    "figures": figures_out(row.figures),
                }
                for row in report.rows
            ],
        }

    @router.post(
        "/assignments/mandatory",
        response={202: AssignmentRunOut, **error_responses(*AUTH_ERRORS, 400, 403, 404)},
        summary="Make a course mandatory for an organisation's subtree",
        description="Everyone in service in the organisation and below it is assigned the course with the due "
        "date, in a background run (202, with the run to follow at /assignments/runs/{id}); people who join or "
        "move in later are assigned it too. For a course already mandatory there, the due date is changed.",
    )
    def add_mandatory_course(request: HttpRequest, payload: MandatoryCourseIn) -> Status[dict[str, Any]]:
        user = require_admin_scope(request)
        org = access_org_by_code(user, payload.org)
        course = Course.objects.filter(code__iexact=payload.course.strip()).first()
        if course is None or not course.is_listed:
            raise invalid(_("The course %(code)s is not open for enrolment.") % {"code": payload.course})
        if payload.due_on < timezone.localdate():
            raise invalid(_("The date to complete by cannot be in the past."))
        job = assignments.do_add_mandatory_course(org=org, course=course, due_on=payload.due_on, acting_user=user)
        job.refresh_from_db()
        return Status(202, run_out(job))

    @router.get(
        "/assignments/runs/{run_id}",
        response={200: AssignmentRunOut, **error_responses(*AUTH_ERRORS, 403, 404)},
        summary="An assignment run's progress",
        description="What a publication of assignment rules (a plan's or a mandatory course's) has done so far.",
    )
    def get_assignment_run(request: HttpRequest, run_id: int) -> dict[str, Any]:
        user = require_admin_scope(request)
        return run_out(access_assignment_job_by_id(user, run_id))

    return router


router = build_router()
