"""Compliance with assigned courses, in an organisation subtree: per designation and per person.

An assigned course is an enrolment with at least one open assignment, of a person who works in
the subtree now. Each one is in exactly one state, judged by the enrolment's own due date (the
earliest of its rules while it was being taken; a course finished before it was assigned, with no
due date of its own, is on time):

- completed on time: completed on or before the due date (or with none);
- completed late: completed after it;
- overdue: still in progress after the due date;
- in progress: still in progress, due today or later;
- withdrawn: an administrator took the person off the course.

Reads only. Callers pass an organisation they have already checked the user administers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kshamta.catalog.models import Course
from kshamta.learning.models import Assignment, AssignmentRule, Enrolment
from kshamta.orgs.models import Designation, Organisation

COMPLETED = Enrolment.Status.COMPLETED
ACTIVE = Enrolment.Status.ACTIVE


class State(TextChoices):
    ON_TIME = "on_time", _("Completed on time")
    LATE = "late", _("Completed late")
    OVERDUE = "overdue", _("Overdue")
    IN_PROGRESS = "in_progress", _("In progress")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def state_q(state: str, today: datetime.date) -> Q:
    """The enrolments in ``state`` on ``today``, as a filter."""
    no_due = Q(due_on__isnull=True)
    if state == State.ON_TIME:
        return Q(status=COMPLETED) & (no_due | Q(completed_at__date__lte=F("due_on")))
    if state == State.LATE:
        return Q(status=COMPLETED, due_on__isnull=False, completed_at__date__gt=F("due_on"))
    if state == State.OVERDUE:
        return Q(status=ACTIVE, due_on__lt=today)
    if state == State.IN_PROGRESS:
        return Q(status=ACTIVE) & (no_due | Q(due_on__gte=today))
    if state == State.WITHDRAWN:
        return Q(status=Enrolment.Status.WITHDRAWN)
    raise ValueError(f"unknown state {state}")


def state_of(
    status: str, due_on: datetime.date | None, completed_on: datetime.date | None, today: datetime.date
) -> State:
    """The same rules as ``state_q``, for one row already read (``completed_on`` in local time)."""
    if status == COMPLETED:
        return State.ON_TIME if due_on is None or (completed_on is not None and completed_on <= due_on) else State.LATE
    if status == ACTIVE:
        return State.OVERDUE if due_on is not None and due_on < today else State.IN_PROGRESS
    return State.WITHDRAWN


def assigned_enrolments(org: Organisation) -> QuerySet[Enrolment]:
    """Enrolments with an open assignment, of people who work in ``org``'s subtree now."""
    org_ids = Organisation.objects.filter(org.subtree_q()).values("id")
    still_assigned = Assignment.objects.filter(enrolment_id=OuterRef("pk"), closed_at__isnull=True)
    return Enrolment.objects.filter(user__profile__org_id__in=org_ids).filter(Exists(still_assigned))


@dataclass
class Figures:
    assigned: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0
    withdrawn: int = 0

    @property
    def completed(self) -> int:
        return self.on_time + self.late

    @property
    def completed_pct(self) -> float | None:
        return 100 * self.completed / self.assigned if self.assigned else None

    def add(self, other: Figures) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class DesignationRow:
    designation: Designation | None  # None: people with no designation
    figures: Figures = field(default_factory=Figures)


@dataclass
class ComplianceReport:
    org: Organisation
    today: datetime.date
    rows: list[DesignationRow]
    total: Figures


def compliance_by_designation(org: Organisation, today: datetime.date) -> ComplianceReport:
    """One row per designation of the people with assigned courses in the subtree. Two queries."""
    counts = {state.value: Count("pk", filter=state_q(state, today)) for state in State}
    grouped: Any = (
        assigned_enrolments(org)
        .values("user__profile__designation_id")
        .annotate(assigned=Count("pk"), **counts)
        .order_by()
    )
    figures = {
        row["user__profile__designation_id"]: Figures(**{name: row[name] for name in Figures.__dataclass_fields__})
        for row in grouped
    }
    designations = Designation.objects.in_bulk([pk for pk in figures if pk is not None])
    rows = [DesignationRow(designation=designations.get(pk) if pk else None, figures=f) for pk, f in figures.items()]
    rows.sort(key=lambda r: (r.designation is None, r.designation.name if r.designation else ""))
    total = Figures()
    for row in rows:
        total.add(row.figures)
    return ComplianceReport(org=org, today=today, rows=rows, total=total)


def people_rows(
    org: Organisation,
    *,
    today: datetime.date,
    designation: Designation | None = None,
    no_designation: bool = False,
    state: str = "",
    course: Course | None = None,
) -> QuerySet[Enrolment]:
    """The assigned courses of the subtree's people, one row per person and course, filtered."""
    rows = assigned_enrolments(org)
    if designation is not None:
        rows = rows.filter(user__profile__designation=designation)
    elif no_designation:
        rows = rows.filter(user__profile__designation__isnull=True)
    if state:
        rows = rows.filter(state_q(state, today))
    if course is not None:
        rows = rows.filter(course=course)
    return rows.order_by("user__profile__employee_code", "course__code", "pk")


def assigned_courses(org: Organisation) -> QuerySet[Course]:
    """Courses that active rules assign to anyone in the subtree (from it, below it or above it)."""
    inside = Organisation.objects.filter(org.subtree_q()).values("id")
    rules = AssignmentRule.objects.filter(is_active=True).filter(
        Q(org_id__in=inside) | Q(org_id__in=org.ancestor_ids())
    )
    return Course.objects.filter(pk__in=rules.values("course_id")).order_by("code")


EXPORT_FIELDS = (
    "user__profile__employee_code",
    "user__name_en",
    "user__name_hi",
    "user__profile__designation__code",
    "user__profile__designation__name_en",
    "user__profile__org__code",
    "user__profile__org__name_en",
    "course__code",
    "course__title_en",
    "status",
    "due_on",
    "completed_at",
    "progress_percent",
)


def export_rows(rows: QuerySet[Enrolment], today: datetime.date) -> Iterator[list[Any]]:
    """The rows as plain values, read 2,000 at a time (a whole state streams in constant memory)."""
    for values in rows.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        (code, name_en, name_hi, d_code, d_name, o_code, o_name, c_code, c_title, status, due, done, pct) = values
        completed_on = timezone.localdate(done) if done else None
        yield [
            code,
            name_en,
            name_hi,
            d_code or "",
            d_name or "",
            o_code,
            o_name,
            c_code,
            c_title,
            str(state_of(status, due, completed_on, today).label),
            due.isoformat() if due else "",
            completed_on.isoformat() if completed_on else "",
            pct,
        ]
