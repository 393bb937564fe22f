"""Reading the karma ledger: balances are sums of entries, never stored anywhere else."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from kshamta.catalog.models import Course
from kshamta.engagement.karma import Rule, month_of, parse_source
from kshamta.engagement.models import KarmaEntry


@dataclass(frozen=True)
class Totals:
    balance: int
    this_month: int


def balance(user: Any) -> int:
    """Every point the person ever earned."""
    return KarmaEntry.objects.filter(user=user).aggregate(total=Sum("points"))["total"] or 0


def month_points(user: Any, month: datetime.date) -> int:
    """Points earned in the calendar month starting on ``month`` (the first of the month)."""
    return KarmaEntry.objects.filter(user=user, month=month).aggregate(total=Sum("points"))["total"] or 0


def totals(user: Any, now: datetime.datetime | None = None) -> Totals:
    """The balance and this month's points, in one query."""
    month = month_of(now or timezone.now())
    row = KarmaEntry.objects.filter(user=user).aggregate(
        balance=Sum("points"), this_month=Sum("points", filter=Q(month=month))
    )
    return Totals(balance=row["balance"] or 0, this_month=row["this_month"] or 0)


def history(user: Any) -> QuerySet[KarmaEntry]:
    """The person's entries, newest first."""
    return KarmaEntry.objects.filter(user=user).order_by("-created_at", "-id")


@dataclass(frozen=True)
class HistoryLine:
    """One ledger entry as a reader sees it: what rule, how many points, when, and for what."""

    entry: KarmaEntry
    rule_label: str
    course: Course | None
    detail: str  # e.g. the assessment's title, when the entry is about one

    @property
    def points(self) -> int:
        return self.entry.points

    @property
    def created_at(self) -> datetime.datetime:
        return self.entry.created_at


def rule_label(rule: str) -> str:
    return str(Rule(rule).label) if rule in Rule.values else rule


# Other spellings of a source kind found in the ledger; entries are never rewritten, so they stay readable.
SOURCE_ALIASES = {"attempt-pass": "assessment"}


def _source(source_key: str) -> tuple[str, int | None]:
    kind, ident = parse_source(source_key)
    return SOURCE_ALIASES.get(kind, kind), ident


def describe(entries: Iterable[KarmaEntry]) -> list[HistoryLine]:
    """Entries with their rule's label and the course they were for.

    At most one query per kind of source on the page (courses, enrolments, assessments),
    however many entries there are.
    """
    from kshamta.assessments.models import Assessment
    from kshamta.learning.models import Enrolment

    rows = list(entries)
    course_fields = ("id", "code", "title_en", "title_hi")
    wanted: dict[str, set[int]] = {}
    for entry in rows:
        kind, ident = _source(entry.source_key)
        if ident is not None:
            wanted.setdefault(kind, set()).add(ident)
    courses: dict[int, Course] = {}
    if wanted.get("course"):
        courses = {c.pk: c for c in Course.objects.filter(pk__in=wanted["course"]).only(*course_fields)}
    by_enrolment: dict[int, Course] = {}
    if wanted.get("enrolment"):
        enrolments = Enrolment.objects.filter(pk__in=wanted["enrolment"]).select_related("course")
        for enrolment in enrolments.only("id", "course", *(f"course__{f}" for f in course_fields)):
            by_enrolment[enrolment.pk] = enrolment.course
    by_assessment: dict[int, tuple[Course, str]] = {}
    if wanted.get("assessment"):
        assessments = Assessment.objects.filter(pk__in=wanted["assessment"]).select_related("version__course")
        only = (
            "id",
            "title_en",
            "title_hi",
            "version",
            "version__course",
            *(f"version__course__{f}" for f in course_fields),
        )
        for assessment in assessments.only(*only):
            by_assessment[assessment.pk] = (assessment.version.course, assessment.title)
    lines = []
    for entry in rows:
        kind, ident = _source(entry.source_key)
        course: Course | None = None
        detail = ""
        if ident is not None:
            if kind == "course":
                course = courses.get(ident)
            elif kind == "enrolment":
                course = by_enrolment.get(ident)
            elif kind == "assessment" and ident in by_assessment:
                course, detail = by_assessment[ident]
        lines.append(HistoryLine(entry=entry, rule_label=rule_label(entry.rule), course=course, detail=detail))
    return lines
