"""A plan's contents read in a fixed number of queries, for its pages and its exports.

designations → competencies (with their evidence statements) → course lines, plus the
figures of ``totals``. Six queries whatever the size of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kshamta.orgs.models import localised
from kshamta.planning.models import Plan, PlanCompetency, PlanCourse, PlanDesignation, Statement
from kshamta.planning.totals import DesignationFigures, Totals, plan_figures


@dataclass
class CompetencyContent:
    row: PlanCompetency
    people: int
    evidence: list[Statement] = field(default_factory=list)
    courses: list[PlanCourse] = field(default_factory=list)

    @property
    def gap(self) -> int:
        return self.row.gap(self.people)

    @property
    def planned_courses(self) -> list[PlanCourse]:
        return [c for c in self.courses if c.is_in_plan]


@dataclass
class DesignationContent:
    row: PlanDesignation
    figures: DesignationFigures
    competencies: list[CompetencyContent] = field(default_factory=list)

    @property
    def name(self) -> str:
        return localised(self.row.designation.name_en, self.row.designation.name_hi)


@dataclass
class PlanContents:
    plan: Plan
    totals: Totals
    designations: list[DesignationContent]
    document_names: dict[int, str]


def plan_contents(plan: Plan, *, designation: PlanDesignation | None = None, with_courses: bool = True) -> PlanContents:
    """Everything (or one designation) of ``plan``, loaded in a handful of queries."""
    totals, figures = plan_figures(plan)
    rows = PlanDesignation.objects.filter(plan=plan).select_related("designation")
    if designation is not None:
        rows = rows.filter(pk=designation.pk)
    designations = [
        DesignationContent(row=row, figures=figures.get(row.pk) or DesignationFigures(people=row.people_count))
        for row in rows.order_by("position", "pk")
    ]
    by_id = {d.row.pk: d for d in designations}
    competencies = PlanCompetency.objects.filter(plan=plan, plan_designation_id__in=list(by_id)).select_related(
        "competency"
    )
    by_competency: dict[int, CompetencyContent] = {}
    evidence_ids: set[int] = set()
    for row in competencies.order_by("plan_designation_id", "position", "pk"):
        owner = by_id[row.plan_designation_id]
        content = CompetencyContent(row=row, people=owner.row.people_count)
        owner.competencies.append(content)
        by_competency[row.pk] = content
        evidence_ids.update(row.evidence)
    statements = {s.pk: s for s in Statement.objects.filter(pk__in=evidence_ids)} if evidence_ids else {}
    for content in by_competency.values():
        content.evidence = [statements[i] for i in content.row.evidence if i in statements]
    if with_courses and by_competency:
        lines = PlanCourse.objects.filter(plan=plan, plan_competency_id__in=list(by_competency)).select_related(
            "course"
        )
        for line in lines.order_by("plan_competency_id", "position", "pk"):
            by_competency[line.plan_competency_id].courses.append(line)
    documents = dict(plan.documents.values_list("pk", "original_name"))
    return PlanContents(plan=plan, totals=totals, designations=designations, document_names=documents)
