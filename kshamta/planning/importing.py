"""Reading plan lines from a file (JSON, XLSX or CSV) and checking each one before anything changes.

A plan line is one competency a designation needs, optionally with one course for it:
``designation_code, competency_code, level, course_code, mode, priority, quarter``
(docs/formats.md, "Capacity building plan"). Every line is checked; when any is wrong, the
reasons are listed by line and the plan is left as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _

from kshamta.accounts.access import designations_in_department
from kshamta.catalog.models import Course
from kshamta.competencies.access import active_framework
from kshamta.competencies.models import Competency
from kshamta.core.spreadsheets import SpreadsheetError, iter_rows
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation
from kshamta.planning.models import IN_PLAN, Plan, PlanCourse, Quarter

MAX_LINES = 20000
LINE_COLUMNS = ("designation_code", "competency_code", "level", "course_code", "mode", "priority", "quarter")


@dataclass
class PlanLine:
    line: int
    designation: Designation
    competency: Competency
    level: int
    course: Course | None
    mode: str
    priority: str
    quarter: str


@dataclass
class LineError:
    line: int
    message: str


class ImportRefused(ValueError):
    """The file cannot be read as plan lines at all (the message says why)."""


def raw_lines_from_json(data: Any) -> list[dict[str, Any]]:
    """Flat lines from the JSON export's shape (designations → competencies → courses) or from
    ``{"lines": [...]}``. Courses whose status is "removed" or "suggested" are not part of the plan
    and are skipped."""
    if not isinstance(data, dict):
        raise ImportRefused(_("The JSON file must hold one object with designations (or lines)."))
    if isinstance(data.get("lines"), list):
        return [dict(line) if isinstance(line, dict) else {"_bad": True} for line in data["lines"]]
    designations = data.get("designations")
    if not isinstance(designations, list):
        raise ImportRefused(_("The JSON file must hold one object with designations (or lines)."))
    lines: list[dict[str, Any]] = []
    for designation in designations:
        if not isinstance(designation, dict):
            lines.append({"_bad": True})
            continue
        for competency in designation.get("competencies") or []:
            if not isinstance(competency, dict):
                lines.append({"_bad": True})
                continue
            base = {
                "designation_code": designation.get("code"),
                "competency_code": competency.get("code"),
                "level": competency.get("level"),
            }
            courses = [
                c
                for c in competency.get("courses") or []
                if not isinstance(c, dict) or str(c.get("status") or "accepted") in IN_PLAN
            ]
            if not courses:
                lines.append({**base, "course_code": ""})
            for course in courses:
                if not isinstance(course, dict):
                    lines.append({"_bad": True})
                    continue
                lines.append(
                    {
                        **base,
                        "course_code": course.get("code"),
                        "mode": course.get("mode"),
                        "priority": course.get("priority"),
                        "quarter": course.get("quarter"),
                    }
                )
    return lines


def raw_lines_from_file(handle: IO[bytes], filename: str) -> list[dict[str, Any]]:
    name = filename.lower()
    if name.endswith(".json"):
        try:
            data = json.loads(handle.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ImportRefused(_("The file is not valid JSON: %(error)s") % {"error": exc}) from exc
        return raw_lines_from_json(data)
    try:
        return [dict(row) for row in iter_rows(handle, filename=filename)]
    except SpreadsheetError as exc:
        raise ImportRefused(str(exc)) from exc


def _quarter(value: str) -> str:
    text = value.upper().replace(" ", "")
    if text in {"1", "2", "3", "4"}:
        text = f"Q{text}"
    return text


def check_lines(plan: Plan, raw_lines: list[dict[str, Any]]) -> tuple[list[PlanLine], list[LineError]]:
    """Every line checked against the department's designations, the plan's framework and the
    catalogue. Line numbers count from 2 (the first row under a spreadsheet's header)."""
    if len(raw_lines) > MAX_LINES:
        raise ImportRefused(_("A plan has at most %(n)s lines.") % {"n": MAX_LINES})
    if not raw_lines:
        raise ImportRefused(_("The file has no plan lines."))
    framework = plan.framework or active_framework()
    designations: dict[str, Designation] = {d.code.upper(): d for d in designations_in_department(plan.org)}
    competencies = {c.code: c for c in Competency.objects.filter(framework=framework)} if framework else {}
    wanted_courses = {clean_text(r.get("course_code")).upper() for r in raw_lines if clean_text(r.get("course_code"))}
    courses = {c.code: c for c in Course.objects.filter(code__in=wanted_courses)}
    lines: list[PlanLine] = []
    errors: list[LineError] = []
    seen: dict[tuple[int, int, int | None], int] = {}
    for number, raw in enumerate(raw_lines, start=2):
        if raw.get("_bad"):
            errors.append(LineError(number, _("This entry is not an object with the plan-line fields.")))
            continue
        problems: list[str] = []
        designation_code = clean_text(raw.get("designation_code")).upper()
        designation: Designation | None = designations.get(designation_code)
        if designation is None:
            problems.append(_("%(code)s is not a designation of this department.") % {"code": designation_code or "—"})
        competency_code = clean_text(raw.get("competency_code")).upper()
        competency: Competency | None = competencies.get(competency_code)
        if competency is None:
            problems.append(
                _("%(code)s is not a competency of the framework %(framework)s.")
                % {"code": competency_code or "—", "framework": framework.code if framework else "—"}
            )
        level_text = clean_text(raw.get("level"))
        try:
            level = int(float(level_text)) if level_text else 0
        except ValueError:
            level = 0
        if level not in range(1, 6):
            problems.append(_("The level must be a whole number from 1 to 5."))
        course_code = clean_text(raw.get("course_code")).upper()
        course = courses.get(course_code) if course_code else None
        if course_code and (course is None or not course.is_listed):
            problems.append(_("%(code)s is not a course open for enrolment.") % {"code": course_code})
        mode = clean_text(raw.get("mode")).lower() or PlanCourse.Mode.ONLINE
        if mode not in PlanCourse.Mode.values:
            problems.append(_("The mode must be online, offline or blended."))
        priority = clean_text(raw.get("priority")).lower() or PlanCourse.Priority.MEDIUM
        if priority not in PlanCourse.Priority.values:
            problems.append(_("The priority must be high, medium or low."))
        quarter = _quarter(clean_text(raw.get("quarter"))) or Quarter.Q2
        if quarter not in Quarter.values:
            problems.append(_("The quarter must be Q1, Q2, Q3 or Q4."))
        if problems:
            errors.append(LineError(number, " ".join(problems)))
            continue
        assert designation is not None and competency is not None
        key = (designation.pk, competency.pk, course.pk if course else None)
        if key in seen:
            errors.append(LineError(number, _("The same line is already on line %(line)s.") % {"line": seen[key]}))
            continue
        seen[key] = number
        lines.append(PlanLine(number, designation, competency, level, course, mode, priority, quarter))
    return lines, errors
