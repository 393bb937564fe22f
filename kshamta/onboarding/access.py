"""Who may see and start employee imports: administrators of the import's organisation subtree."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import administered_orgs, can_administer_org
from kshamta.onboarding.models import ImportJob
from kshamta.orgs.models import Organisation, subtree_range


def can_import_into(user: Any, org: Organisation) -> bool:
    return can_administer_org(user, org)


def visible_import_jobs(user: Any) -> QuerySet[ImportJob]:
    """Imports into the subtrees the user administers (including other admins' imports there)."""
    q = Q(pk__in=[])
    for org in administered_orgs(user):
        low, high = subtree_range(org.path)
        q |= Q(org__path__gte=low, org__path__lt=high)
    return ImportJob.objects.filter(q).select_related("org", "created_by")


def access_import_job_by_id(user: Any, job_id: int) -> ImportJob:
    job = ImportJob.objects.select_related("org", "created_by").filter(pk=job_id).first()
    if job is None or not can_administer_org(user, job.org):
        raise Http404("No such import")
    return job
