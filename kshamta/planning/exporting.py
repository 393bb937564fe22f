"""A plan as a bilingual PDF document, an XLSX workbook and structured JSON (docs/formats.md).

The JSON and the workbook's first sheet ("Lines") can be imported back into a draft plan.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from kshamta.core.pdf import MUTED, new_document
from kshamta.core.text import indian_number
from kshamta.planning.contents import PlanContents, plan_contents
from kshamta.planning.importing import LINE_COLUMNS
from kshamta.planning.models import Plan, PlanCourse, Quarter

JSON_FORMAT = "kshamta-cbp/1"
STATUS_HI: dict[str, str] = {
    Plan.Status.DRAFT: "प्रारूप",
    Plan.Status.SUBMITTED: "अनुमोदन हेतु प्रस्तुत",
    Plan.Status.RETURNED: "लेखक को लौटाई गई",
    Plan.Status.APPROVED: "अनुमोदित",
    Plan.Status.PUBLISHED: "प्रकाशित",
    Plan.Status.SUPERSEDED: "नए संस्करण द्वारा प्रतिस्थापित",
}
MODE_HI: dict[str, str] = {
    PlanCourse.Mode.ONLINE: "ऑनलाइन पाठ्यक्रम",
    PlanCourse.Mode.OFFLINE: "ऑफ़लाइन कार्यक्रम",
    PlanCourse.Mode.BLENDED: "मिश्रित कार्यक्रम",
}
PRIORITY_HI: dict[str, str] = {
    PlanCourse.Priority.HIGH: "उच्च",
    PlanCourse.Priority.MEDIUM: "मध्यम",
    PlanCourse.Priority.LOW: "निम्न",
}
MODE_EN: dict[str, str] = {
    PlanCourse.Mode.ONLINE: "Online course",
    PlanCourse.Mode.OFFLINE: "Offline",
    PlanCourse.Mode.BLENDED: "Blended",
}


def _date(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _hours(minutes: int) -> float:
    return round(minutes / 60, 1)


# --- JSON -----------------------------------------------------------------------------------------


def plan_json(plan: Plan, contents: PlanContents | None = None) -> dict[str, Any]:
    contents = contents or plan_contents(plan)
    names = contents.document_names
    return {
        "format": JSON_FORMAT,
        "org": plan.org.code,
        "org_name_en": plan.org.name_en,
        "org_name_hi": plan.org.name_hi,
        "year": plan.year,
        "version": plan.version,
        "status": plan.status,
        "language": plan.language,
        "framework": plan.framework.code if plan.framework else None,
        "approved_at": _date(plan.approved_at),
        "published_at": _date(plan.published_at),
        "designations": [
            {
                "code": d.row.designation.code,
                "name_en": d.row.designation.name_en,
                "name_hi": d.row.designation.name_hi,
                "group": d.row.group,
                "wing": d.row.wing,
                "reports_to": d.row.reports_to,
                "sanctioned_posts": d.row.sanctioned_posts,
                "people": d.row.people_count,
                "learning_hours_per_person": d.figures.hours_per_person,
                "competencies": [
                    {
                        "code": c.row.competency.code,
                        "name_en": c.row.competency.name_en,
                        "name_hi": c.row.competency.name_hi,
                        "level": c.row.required_level,
                        "score": round(c.row.score, 3),
                        "from_profile": c.row.from_profile,
                        "holders": c.row.holders,
                        "gap": c.gap,
                        "evidence_count": c.row.evidence_count,
                        "evidence": [
                            {"document": names.get(s.document_id, ""), "page": s.page, "sentence": s.text}
                            for s in c.evidence
                        ],
                        "courses": [
                            {
                                "code": line.course.code,
                                "title_en": line.course.title_en,
                                "title_hi": line.course.title_hi,
                                "hours": _hours(line.course.duration_minutes),
                                "score": round(line.score, 3),
                                "status": line.status,
                                "mode": line.mode,
                                "priority": line.priority,
                                "quarter": line.quarter,
                                "reasons": line.reasons,
                            }
                            for line in c.courses
                        ],
                    }
                    for c in d.competencies
                ],
            }
            for d in contents.designations
        ],
        "totals": contents.totals.as_json(),
    }


# --- XLSX -----------------------------------------------------------------------------------------


def plan_xlsx(plan: Plan) -> bytes:
    """Three sheets: Lines (importable), Designations (figures), Evidence."""
    from openpyxl import Workbook

    contents = plan_contents(plan)
    workbook = Workbook(write_only=True)
    lines = workbook.create_sheet("Lines")
    lines.append(
        [
            *LINE_COLUMNS,
            "status",
            "designation_name_en",
            "designation_name_hi",
            "competency_name_en",
            "competency_name_hi",
            "course_title_en",
            "course_title_hi",
            "course_hours",
            "people",
            "holders",
            "gap",
            "evidence_count",
        ]
    )
    for d in contents.designations:
        designation = d.row.designation
        for c in d.competencies:
            base = [designation.code, c.row.competency.code, c.row.required_level]
            names = [designation.name_en, designation.name_hi, c.row.competency.name_en, c.row.competency.name_hi]
            figures = [d.row.people_count, c.row.holders, c.gap, c.row.evidence_count]
            planned = c.planned_courses
            if not planned:
                lines.append([*base, "", "", "", "", "", *names, "", "", "", *figures])
            for line in planned:
                course = line.course
                lines.append(
                    [
                        *base,
                        course.code,
                        line.mode,
                        line.priority,
                        line.quarter,
                        line.status,
                        *names,
                        course.title_en,
                        course.title_hi,
                        _hours(course.duration_minutes),
                        *figures,
                    ]
                )
    sheet = workbook.create_sheet("Designations")
    sheet.append(
        ["designation_code", "name_en", "name_hi", "group", "wing", "sanctioned_posts", "people", "competencies",
         "courses", "learning_hours_per_person"]
    )  # fmt: skip
    for d in contents.designations:
        sheet.append(
            [
                d.row.designation.code,
                d.row.designation.name_en,
                d.row.designation.name_hi,
                d.row.group,
                d.row.wing,
                d.row.sanctioned_posts,
                d.row.people_count,
                len(d.competencies),
                d.figures.course_count,
                d.figures.hours_per_person,
            ]
        )
    evidence = workbook.create_sheet("Evidence")
    evidence.append(["designation_code", "competency_code", "document", "page", "kind", "sentence"])
    for d in contents.designations:
        for c in d.competencies:
            for statement in c.evidence:
                evidence.append(
                    [
                        d.row.designation.code,
                        c.row.competency.code,
                        contents.document_names.get(statement.document_id, ""),
                        statement.page,
                        statement.kind,
                        statement.text,
                    ]
                )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------------------


def _bi(en: str, hi: str) -> str:
    return f"{en} / {hi}" if hi and hi != en else en


def plan_pdf(plan: Plan) -> bytes:
    """The plan document: a cover, the totals, and per designation its competencies (level,
    evidence, gap) and its courses (mode, priority, quarter, hours). Every label in English and Hindi."""
    contents = plan_contents(plan)
    totals = contents.totals
    pdf = new_document()
    pdf.set_title(f"Capacity Building Plan {plan.year} - {plan.org.name_en}")
    pdf.add_page()

    # Cover.
    pdf.y = 60
    pdf.text_line("क्षमता निर्माण योजना", 24, bold=True, align="C")
    pdf.text_line("Capacity Building Plan", 20, bold=True, align="C")
    pdf.y += 6
    pdf.text_line(plan.org.name_hi or plan.org.name_en, 16, align="C", fit=True)
    if plan.org.name_hi:
        pdf.text_line(plan.org.name_en, 14, align="C", fit=True)
    pdf.y += 6
    pdf.text_line(f"वित्तीय वर्ष / Financial year {plan.year}", 13, align="C")
    pdf.text_line(f"संस्करण / Version {plan.version}", 12, align="C", colour=MUTED)
    pdf.text_line(
        f"स्थिति / Status: {STATUS_HI.get(plan.status, plan.status)} / {plan.get_status_display()}",
        12,
        align="C",
        colour=MUTED,
    )
    if plan.approved_by and plan.approved_at:
        approver = plan.approved_by
        pdf.text_line(
            f"अनुमोदनकर्ता / Approved by: {_bi(approver.name_en, approver.name_hi)}, "
            f"{timezone.localtime(plan.approved_at):%d-%m-%Y}",
            11,
            align="C",
            colour=MUTED,
            fit=True,
        )
    if plan.framework:
        pdf.text_line(f"दक्षता ढाँचा / Competency framework: {plan.framework.code}", 10, align="C", colour=MUTED)

    # Totals.
    pdf.add_page()
    pdf.text_line("सारांश / Summary", 16, bold=True)
    pdf.rule()
    pdf.simple_table(
        [
            [_bi("Designations in the plan", "योजना में पदनाम"), indian_number(totals.designations)],
            [_bi("Designations with courses", "पाठ्यक्रमों वाले पदनाम"), indian_number(totals.designations_planned)],
            [_bi("People in the department", "विभाग में कार्मिक"), indian_number(totals.people_in_org)],
            [_bi("People covered", "आच्छादित कार्मिक"), indian_number(totals.people_covered)],
            [_bi("Share of the department covered", "विभाग का आच्छादित अंश"), f"{totals.percent_covered} %"],
            [_bi("Distinct courses", "भिन्न पाठ्यक्रम"), indian_number(totals.courses)],
            [_bi("Courses per designation", "प्रति पदनाम पाठ्यक्रम"), str(totals.courses_per_designation)],
            [_bi("Learning hours per person", "प्रति व्यक्ति अधिगम घंटे"), str(totals.learning_hours_per_person)],
        ],
        [0.7, 0.3],
        size=10,
    )
    pdf.y += 4
    pdf.simple_table(
        [
            [
                _bi(d.row.designation.name_en, d.row.designation.name_hi),
                d.row.group or "—",
                indian_number(d.row.people_count),
                str(len(d.competencies)),
                str(d.figures.course_count),
                str(d.figures.hours_per_person),
            ]
            for d in contents.designations
        ],
        [0.4, 0.1, 0.12, 0.13, 0.12, 0.13],
        header=[
            "पदनाम / Designation",
            "समूह / Group",
            "कार्मिक / People",
            "दक्षताएँ / Competencies",
            "पाठ्यक्रम / Courses",
            "घंटे / Hours",
        ],
        size=8.5,
    )

    # Each designation.
    for d in contents.designations:
        designation = d.row.designation
        pdf.add_page()
        pdf.text_line(_bi(designation.name_hi or designation.name_en, designation.name_en), 14, bold=True, fit=True)
        facts = [f"{designation.code}", f"समूह / Group {d.row.group or '—'}"]
        if d.row.wing:
            facts.append(f"शाखा / Wing: {d.row.wing}")
        facts.append(f"कार्मिक / People: {indian_number(d.row.people_count)}")
        facts.append(f"स्वीकृत पद / Sanctioned: {indian_number(d.row.sanctioned_posts)}")
        pdf.paragraph(" · ".join(facts), 9.5, colour=MUTED)
        pdf.text_line("दक्षताएँ / Competencies", 11.5, bold=True)
        pdf.simple_table(
            [
                [
                    f"{c.row.competency.code}\n{_bi(c.row.competency.name_en, c.row.competency.name_hi)}",
                    str(c.row.required_level),
                    str(c.row.evidence_count) + (" + FRAC" if c.row.from_profile else ""),
                    f"{indian_number(c.row.holders)} / {indian_number(d.row.people_count)}",
                    indian_number(c.gap),
                ]
                for c in d.competencies
            ],
            [0.5, 0.1, 0.14, 0.14, 0.12],
            header=["दक्षता / Competency", "स्तर / Level", "साक्ष्य / Evidence", "धारक / Holders", "अंतर / Gap"],
            size=8.5,
        )
        course_rows = [
            [
                f"{line.course.code}\n{_bi(line.course.title_en, line.course.title_hi)}",
                c.row.competency.code,
                f"{MODE_EN.get(line.mode, line.mode)} / {MODE_HI.get(line.mode, '')}",
                f"{line.get_priority_display()} / {PRIORITY_HI.get(line.priority, '')}",
                line.quarter,
                str(_hours(line.course.duration_minutes)),
            ]
            for c in d.competencies
            for line in c.planned_courses
        ]
        if course_rows:
            pdf.y += 2
            pdf.text_line("पाठ्यक्रम / Courses", 11.5, bold=True)
            pdf.simple_table(
                course_rows,
                [0.4, 0.15, 0.15, 0.1, 0.08, 0.12],
                header=[
                    "पाठ्यक्रम / Course",
                    "दक्षता / Comp.",
                    "माध्यम / Mode",
                    "प्राथमिकता / Priority",
                    "तिमाही / Qtr",
                    "घंटे / Hours",
                ],
                size=8,
            )
    pdf.add_page()
    pdf.text_line("तिमाहियाँ / Quarters", 11, bold=True)
    for quarter in Quarter:
        pdf.paragraph(f"{quarter.value}: {quarter.label}", 9, colour=MUTED)
    return bytes(pdf.output())


# A plan that can no longer change is rendered once: a department's document of 150 designations
# takes some 20 seconds to set.
FROZEN = (Plan.Status.SUBMITTED, Plan.Status.APPROVED, Plan.Status.PUBLISHED, Plan.Status.SUPERSEDED)


def stored_pdf_name(plan: Plan) -> str:
    # A return and a second submission change ``updated_at``: the name changes with the content.
    return f"plans/pdf/plan-{plan.pk}-v{plan.version}-{plan.status}-{plan.updated_at:%Y%m%d%H%M%S%f}.pdf"


def plan_pdf_bytes(plan: Plan) -> bytes:
    """The plan's PDF: rendered now for a plan still being edited; for a submitted, approved or
    published one, the copy stored the first time it is asked for."""
    if plan.status not in FROZEN:
        return plan_pdf(plan)
    name = stored_pdf_name(plan)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    data = plan_pdf(plan)
    default_storage.save(name, ContentFile(data))
    return data
