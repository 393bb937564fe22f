"""The figures of a plan: people covered, learning hours per person, courses, share of the department.

A designation is *planned* when at least one course is in the plan for it (accepted or added);
its people are then *covered*. Learning hours per person of a designation are the durations of
its distinct planned courses added up; the plan's figure is the average over covered people.
The share covered is covered people over the active people of the department's subtree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kshamta.planning.models import IN_PLAN, Plan, PlanCourse, PlanDesignation


@dataclass
class DesignationFigures:
    people: int
    courses: dict[int, int] = field(default_factory=dict)  # course id → minutes
    competencies: int = 0

    @property
    def planned(self) -> bool:
        return bool(self.courses)

    @property
    def course_count(self) -> int:
        return len(self.courses)

    @property
    def minutes(self) -> int:
        return sum(self.courses.values())

    @property
    def hours_per_person(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass
class Totals:
    designations: int = 0
    designations_planned: int = 0
    competencies: int = 0
    courses: int = 0  # distinct courses over the plan
    course_lines: int = 0  # courses per designation, added up
    people_in_org: int = 0
    people_covered: int = 0
    learning_hours_per_person: float = 0.0

    @property
    def share_covered(self) -> float:
        return round(self.people_covered / self.people_in_org, 4) if self.people_in_org else 0.0

    @property
    def percent_covered(self) -> float:
        return round(self.share_covered * 100, 1)

    @property
    def courses_per_designation(self) -> float:
        return round(self.course_lines / self.designations_planned, 1) if self.designations_planned else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "designations": self.designations,
            "designations_planned": self.designations_planned,
            "competencies": self.competencies,
            "courses": self.courses,
            "courses_per_designation": self.courses_per_designation,
            "people_in_department": self.people_in_org,
            "people_covered": self.people_covered,
            "share_covered": self.share_covered,
            "learning_hours_per_person": self.learning_hours_per_person,
        }


def compute_totals(figures: list[DesignationFigures], people_in_org: int) -> Totals:
    totals = Totals(designations=len(figures), people_in_org=people_in_org)
    courses: set[int] = set()
    weighted_minutes = 0
    for figure in figures:
        totals.competencies += figure.competencies
        if not figure.planned:
            continue
        totals.designations_planned += 1
        totals.people_covered += figure.people
        totals.course_lines += figure.course_count
        courses.update(figure.courses)
        weighted_minutes += figure.minutes * figure.people
    totals.courses = len(courses)
    if totals.people_covered:
        totals.learning_hours_per_person = round(weighted_minutes / totals.people_covered / 60, 1)
    elif totals.designations_planned:
        # Nobody holds the planned designations yet: the plain average over them.
        planned = [f for f in figures if f.planned]
        totals.learning_hours_per_person = round(sum(f.minutes for f in planned) / len(planned) / 60, 1)
    return totals


def plan_figures(plan: Plan) -> tuple[Totals, dict[int, DesignationFigures]]:
    """The plan's totals and each designation's figures (by PlanDesignation id). Three queries."""
    figures: dict[int, DesignationFigures] = {
        row.pk: DesignationFigures(people=row.people_count)
        for row in PlanDesignation.objects.filter(plan=plan).only("pk", "people_count")
    }
    competencies: dict[int, int] = defaultdict(int)
    for designation_id in plan.competencies.values_list("plan_designation_id", flat=True):
        competencies[designation_id] += 1
    lines = PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).values_list(
        "plan_competency__plan_designation_id", "course_id", "course__duration_minutes"
    )
    for designation_id, course_id, minutes in lines:
        figure = figures.get(designation_id)
        if figure is not None:
            figure.courses[course_id] = minutes or 0
    for designation_id, count in competencies.items():
        if designation_id in figures:
            figures[designation_id].competencies = count
    return compute_totals(list(figures.values()), plan.people_in_org), figures
