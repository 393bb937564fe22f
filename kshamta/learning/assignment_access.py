"""Reads of assignments that need permission: mandatory courses, assignment runs, compliance.

People administrators (nodal officers, state admins) see and change what lies in the subtrees
they administer; anything else is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import access_org_by_id, administered_orgs, can_administer_org
from kshamta.learning.models import AssignmentJob, AssignmentRule
from kshamta.orgs.models import Organisation


def _subtrees_q(orgs: list[Organisation], prefix: str) -> Q:
    q = Q(pk__in=[])
    for org in orgs:
        q |= org.subtree_q(prefix)
    return q


def mandatory_rules_for(user: Any) -> QuerySet[AssignmentRule]:
    """Mandatory courses that apply to people the user administers: set inside their subtrees (which
    they may change) or above them (set by the state or a parent organisation: shown, not changed)."""
    scope = administered_orgs(user)
    above = {pk for org in scope for pk in org.ancestor_ids() if pk != org.pk}
    return AssignmentRule.objects.filter(source_type=AssignmentRule.SourceType.MANDATORY).filter(
        _subtrees_q(scope, "org__") | Q(org_id__in=above)
    )


def access_mandatory_rule_by_id(user: Any, rule_id: int) -> AssignmentRule:
    """A mandatory course the user may withdraw: set at an organisation they administer."""
    rule = (
        AssignmentRule.objects.select_related("org", "course")
        .filter(pk=rule_id, source_type=AssignmentRule.SourceType.MANDATORY)
        .first()
    )
    if rule is None or not can_administer_org(user, rule.org):
        raise Http404("No such mandatory course")
    return rule


def assignment_jobs_for(user: Any) -> QuerySet[AssignmentJob]:
    return AssignmentJob.objects.filter(_subtrees_q(administered_orgs(user), "org__"))


def access_assignment_job_by_id(user: Any, job_id: int) -> AssignmentJob:
    """An assignment run over organisations the user administers."""
    job = AssignmentJob.objects.select_related("org", "created_by").filter(pk=job_id).first()
    if job is None or not can_administer_org(user, job.org):
        raise Http404("No such assignment run")
    return job


def compliance_scope(user: Any, org_id: int | None) -> tuple[Organisation | None, list[Organisation]]:
    """The organisation whose compliance to show (404 outside the user's scope) and the user's scope
    roots. Without ``org_id``: the scope root when there is one, else None (the page lists them)."""
    scope = administered_orgs(user)
    if org_id is not None:
        return access_org_by_id(user, org_id), scope
    return (scope[0] if len(scope) == 1 else None), scope
