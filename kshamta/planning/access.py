"""Who may see and change capacity building plans.

Readers: CBP authors, CBP approvers, state admins and nodal officers whose subtree holds the
plan's department. Authors (CBP_AUTHOR over the department) prepare drafts and publish approved
plans; approvers (CBP_APPROVER over it) approve or return submitted plans, never one they made
or submitted themselves, and may publish an approved plan. A plan outside the caller's subtrees
answers 404; a visible plan the caller may not change, 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import role_orgs
from kshamta.accounts.models import Role
from kshamta.orgs.models import Organisation, subtree_range
from kshamta.planning.models import Plan, PlanCompetency, PlanCourse, PlanDesignation, PlanDocument

READER_ROLES = (Role.CBP_AUTHOR, Role.CBP_APPROVER, Role.STATE_ADMIN, Role.NODAL_OFFICER)


def _in_subtrees(orgs: list[Organisation], prefix: str) -> Q:
    q = Q(pk__in=[])
    for org in orgs:
        low, high = subtree_range(org.path)
        q |= Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    return q


def _covers(user: Any, role: str, org: Organisation) -> bool:
    return any(org.path.startswith(o.path) for o in role_orgs(user, [role]))


def is_planning_user(user: Any) -> bool:
    return bool(role_orgs(user, READER_ROLES))


def visible_plans(user: Any) -> QuerySet[Plan]:
    return Plan.objects.filter(_in_subtrees(role_orgs(user, READER_ROLES), "org__"))


def authoring_orgs(user: Any) -> QuerySet[Organisation]:
    """Organisations the user may start a plan for: where they are a CBP author, and the
    departments (and ministries) inside those subtrees."""
    orgs = role_orgs(user, [Role.CBP_AUTHOR])
    if not orgs:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(pk__in=[o.pk for o in orgs])
        | (_in_subtrees(orgs, "") & Q(kind__in=[Organisation.Kind.DEPARTMENT, Organisation.Kind.MINISTRY]))
    ).order_by("path")


def can_author_org(user: Any, org: Organisation) -> bool:
    return _covers(user, Role.CBP_AUTHOR, org)


def can_author(user: Any, plan: Plan) -> bool:
    return _covers(user, Role.CBP_AUTHOR, plan.org)


def is_approver_of(user: Any, plan: Plan) -> bool:
    return _covers(user, Role.CBP_APPROVER, plan.org)


def is_own_plan(user: Any, plan: Plan) -> bool:
    return user.pk is not None and user.pk in (plan.created_by_id, plan.submitted_by_id)


def can_approve(user: Any, plan: Plan) -> bool:
    """An approver over the department who neither made nor submitted this plan."""
    return is_approver_of(user, plan) and not is_own_plan(user, plan)


def can_publish(user: Any, plan: Plan) -> bool:
    return can_author(user, plan) or is_approver_of(user, plan)


def access_plan_by_id(user: Any, plan_id: int) -> Plan:
    plan = (
        visible_plans(user)
        .select_related("org", "created_by", "submitted_by", "approved_by", "published_by", "framework")
        .filter(pk=plan_id)
        .first()
    )
    if plan is None:
        raise Http404("No such plan")
    return plan


def access_plan_for_author(user: Any, plan_id: int) -> Plan:
    """A plan the user may change as its author (403 for a reader who is not one)."""
    plan = access_plan_by_id(user, plan_id)
    if not can_author(user, plan):
        raise PermissionDenied
    return plan


def access_plan_document_by_id(user: Any, plan: Plan, document_id: int) -> PlanDocument:
    document = PlanDocument.objects.filter(plan=plan, pk=document_id).first()
    if document is None:
        raise Http404("No such document")
    return document


def access_plan_designation_by_id(user: Any, plan: Plan, designation_id: int) -> PlanDesignation:
    row = PlanDesignation.objects.select_related("designation").filter(plan=plan, pk=designation_id).first()
    if row is None:
        raise Http404("No such designation in this plan")
    return row


def access_plan_competency_by_id(user: Any, plan: Plan, competency_id: int) -> PlanCompetency:
    row = (
        PlanCompetency.objects.select_related("competency", "plan_designation__designation")
        .filter(plan=plan, pk=competency_id)
        .first()
    )
    if row is None:
        raise Http404("No such competency in this plan")
    return row


def access_plan_course_by_id(user: Any, line_id: int) -> PlanCourse:
    """A course line of a plan the user can read (its plan comes with it)."""
    line = (
        PlanCourse.objects.select_related("course", "plan_competency__competency", "plan__org")
        .filter(pk=line_id, plan__in=visible_plans(user))
        .first()
    )
    if line is None:
        raise Http404("No such course line")
    return line
