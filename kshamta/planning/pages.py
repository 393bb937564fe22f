"""What the planner's pages show: reads only, in a fixed number of queries; writes are in ``actions``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kshamta.planning import access
from kshamta.planning.models import Plan, PlanAnalysis, PlanCompetency, PlanDesignation, PlanDocument
from kshamta.planning.totals import DesignationFigures, plan_figures

POLL_SECONDS = 2
SEARCH_RESULTS = 10


@dataclass
class CompetencyChip:
    code: str
    name: str
    level: int
    gap: int
    evidence_count: int
    from_profile: bool


@dataclass
class DesignationSummary:
    row: PlanDesignation
    figures: DesignationFigures
    competencies: list[CompetencyChip] = field(default_factory=list)


def permissions(user: Any, plan: Plan) -> dict[str, bool]:
    author = access.can_author(user, plan)
    return {
        "can_edit": author and plan.is_editable,
        "can_submit": author and plan.is_editable,
        "can_decide": plan.status == Plan.Status.SUBMITTED and access.can_approve(user, plan),
        "is_own_plan": access.is_own_plan(user, plan),
        "is_approver": access.is_approver_of(user, plan),
        "can_publish": plan.status == Plan.Status.APPROVED and access.can_publish(user, plan),
        "can_revise": author and plan.status == Plan.Status.PUBLISHED,
    }


def latest_analysis(plan: Plan) -> PlanAnalysis | None:
    return PlanAnalysis.objects.filter(plan=plan).order_by("-created_at", "-id").first()


def analysis_context(plan: Plan, analysis: PlanAnalysis | None) -> dict[str, Any]:
    return {
        "plan": plan,
        "analysis": analysis,
        "running": bool(analysis and analysis.is_running),
        "poll_seconds": POLL_SECONDS,
    }


def plan_page_context(user: Any, plan: Plan) -> dict[str, Any]:
    totals, figures = plan_figures(plan)
    summaries = {
        row.pk: DesignationSummary(row=row, figures=figures.get(row.pk) or DesignationFigures(people=row.people_count))
        for row in PlanDesignation.objects.filter(plan=plan).select_related("designation").order_by("position", "pk")
    }
    competencies = (
        PlanCompetency.objects.filter(plan=plan)
        .select_related("competency")
        .order_by("plan_designation_id", "position", "pk")
    )
    for row in competencies:
        summary = summaries.get(row.plan_designation_id)
        if summary is not None:
            summary.competencies.append(
                CompetencyChip(
                    code=row.competency.code,
                    name=row.competency.name,
                    level=row.required_level,
                    gap=row.gap(summary.row.people_count),
                    evidence_count=row.evidence_count,
                    from_profile=row.from_profile,
                )
            )
    documents = list(plan.documents.order_by("kind", "pk"))
    problems = [p for d in documents for p in d.problem_messages()]
    analysis = latest_analysis(plan)
    versions = [
        {**v, "status_label": Plan.Status(v["status"]).label}
        for v in Plan.objects.filter(org_id=plan.org_id, year=plan.year)
        .order_by("version")
        .values("pk", "version", "status")
    ]
    return {
        "plan": plan,
        "totals": totals,
        "designations": list(summaries.values()),
        "documents": documents,
        "problems": problems,
        "comments": list(plan.comments.select_related("author")),
        "versions": versions if len(versions) > 1 else [],
        **analysis_context(plan, analysis),
        **permissions(user, plan),
    }


def documents_context(user: Any, plan: Plan) -> dict[str, Any]:
    documents = list(plan.documents.select_related("uploaded_by").order_by("kind", "pk"))
    kinds_present = {d.kind for d in documents if d.status == PlanDocument.Status.READ}
    return {
        "plan": plan,
        "documents": documents,
        "missing_kinds": [label for value, label in PlanDocument.Kind.choices if value not in kinds_present],
        "has_organogram": PlanDocument.Kind.ORGANOGRAM in kinds_present,
        **analysis_context(plan, latest_analysis(plan)),
        **permissions(user, plan),
    }
