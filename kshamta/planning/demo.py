"""The planner's demo: a published 2026-27 plan for the Revenue Department and a draft for Health.

Both are drawn from the sample documents in ``demo_docs/`` through the real actions: the demo
CBP author creates the Revenue plan, uploads its organogram, work allocation, annual report and
acts and rules, runs the analysis, sets a few modes and quarters and submits it; the demo CBP
approver approves and publishes it (its courses become assignments). The Health nodal officer is
made CBP author of Health and leaves that department's plan as a draft.

``load_planning_demo`` is idempotent: a department that already has a 2026-27 plan is left alone.
It needs the demo state, accounts and catalogue (``seed_demo`` loads them first).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.orgs.models import Organisation
from kshamta.planning import actions
from kshamta.planning.models import IN_PLAN, Plan, PlanCourse, PlanDocument

DEMO_DOCS = Path(__file__).resolve().parent / "demo_docs"
YEAR = "2026-27"
REVENUE = "MP-REV"
HEALTH = "MP-HLT"
AUTHOR = "cbp.author@mp.gov.in"
APPROVER = "cbp.approver@mp.gov.in"
HEALTH_AUTHOR = "nodal.health@mp.gov.in"
STATE_ADMIN = "admin@mp.gov.in"

REVENUE_FILES = (
    (PlanDocument.Kind.ORGANOGRAM, "revenue_organogram.xlsx"),
    (PlanDocument.Kind.WORK_ALLOCATION, "revenue_work_allocation.docx"),
    (PlanDocument.Kind.ANNUAL_REPORT, "revenue_annual_report.pdf"),
    (PlanDocument.Kind.ACTS_RULES, "revenue_acts_rules.txt"),
)
HEALTH_FILES = (
    (PlanDocument.Kind.ORGANOGRAM, "health_organogram.csv"),
    (PlanDocument.Kind.WORK_ALLOCATION, "health_work_allocation.txt"),
)


def _upload_and_analyse(plan: Plan, files: tuple[tuple[str, str], ...], author: User) -> None:
    for kind, name in files:
        data = (DEMO_DOCS / name).read_bytes()
        actions.do_upload_document(
            plan, kind=kind, upload=ContentFile(data, name=name), filename=name, acting_user=author
        )
    analysis = actions.do_start_analysis(plan, acting_user=author, enqueue=False)
    actions.run_analysis(analysis.pk)


def _author_choices(plan: Plan, author: User) -> None:
    """What an author typically changes after the analysis: urgent needs in the first quarter, the
    field staff's land-records course as a blended programme, a second course where the gap is wide."""
    for line in PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).select_related(
        "plan_competency__competency", "plan_competency__plan_designation__designation"
    ):
        competency = line.plan_competency.competency.code
        designation = line.plan_competency.plan_designation.designation.code
        quarter = "Q1" if line.priority == PlanCourse.Priority.HIGH else "Q3"
        mode = (
            PlanCourse.Mode.BLENDED
            if designation in {"PATWARI", "REVENUE-INSPECTOR"} and competency == "DOM-LANDREC"
            else None
        )
        actions.do_update_course_line(line, acting_user=author, quarter=quarter, mode=mode)
    second = (
        PlanCourse.objects.filter(
            plan=plan,
            status=PlanCourse.Status.SUGGESTED,
            plan_competency__plan_designation__designation__code="PATWARI",
        )
        .order_by("plan_competency__position", "position")
        .first()
    )
    if second is not None:
        actions.do_update_course_line(second, acting_user=author, status=PlanCourse.Status.ACCEPTED, quarter="Q2")


def _revenue_plan(author: User, approver: User) -> Plan:
    plan = actions.do_create_plan(org=Organisation.objects.get(code=REVENUE), year=YEAR, acting_user=author)
    _upload_and_analyse(plan, REVENUE_FILES, author)
    _author_choices(plan, author)
    actions.do_comment(
        plan,
        "Kotwar is not in the state's designation list; their training is planned with the Collectorates "
        "separately. Land-records training for Patwaris and Revenue Inspectors runs as a blended programme "
        "at the divisional training centres.",
        acting_user=author,
    )
    actions.do_submit_plan(plan, acting_user=author, comment="For approval. / अनुमोदन हेतु प्रस्तुत।")
    actions.do_approve_plan(
        plan,
        acting_user=approver,
        comment="Approved. Complete the land-records and RTI courses before the monsoon. / अनुमोदित।",
    )
    return actions.do_publish_plan(plan, acting_user=approver)


def _health_plan(author: User, admin: User | None) -> Plan:
    health = Organisation.objects.get(code=HEALTH)
    account_actions.do_grant_role(user=author, role=Role.CBP_AUTHOR, org=health, acting_user=admin)
    plan = actions.do_create_plan(org=health, year=YEAR, acting_user=author)
    _upload_and_analyse(plan, HEALTH_FILES, author)
    return plan


def load_planning_demo() -> dict[str, Any]:
    """Create what is missing; returns what was created ({} when nothing was, or the demo is not loaded)."""
    users = {u.email: u for u in User.objects.filter(email__in=[AUTHOR, APPROVER, HEALTH_AUTHOR, STATE_ADMIN])}
    if AUTHOR not in users or APPROVER not in users:
        return {}
    created: dict[str, Any] = {}
    if (
        Organisation.objects.filter(code=REVENUE).exists()
        and not Plan.objects.filter(org__code=REVENUE, year=YEAR).exists()
    ):
        plan = _revenue_plan(users[AUTHOR], users[APPROVER])
        created["revenue"] = {
            "plan": plan.pk,
            "designations": plan.designations.count(),
            "competencies": plan.competencies.count(),
            "courses": PlanCourse.objects.filter(plan=plan, status__in=IN_PLAN).count(),
        }
    if (
        HEALTH_AUTHOR in users
        and Organisation.objects.filter(code=HEALTH).exists()
        and not Plan.objects.filter(org__code=HEALTH, year=YEAR).exists()
    ):
        plan = _health_plan(users[HEALTH_AUTHOR], users.get(STATE_ADMIN))
        created["health"] = {"plan": plan.pk, "designations": plan.designations.count()}
    return created
