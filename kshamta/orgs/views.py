"""Organisation-admin pages: the tree, one organisation, designations and the audit log.

The people pages live in kshamta/accounts/views.py; all are routed in kshamta/orgs/urls.py.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kshamta.accounts import access
from kshamta.accounts.decorators import people_admin_required
from kshamta.accounts.models import Profile
from kshamta.orgs.display import ACTION_LABELS, audit_rows, build_tree, slice_page
from kshamta.orgs.forms import AuditFilterForm
from kshamta.orgs.models import PATH_SEGMENT_WIDTH, Designation, Organisation, SanctionedStrength

ACTIVE = Profile.Status.ACTIVE


def _strength_row(designation: Designation, sanctioned: dict[int, int], filled: dict[int, int]) -> dict[str, Any]:
    posts, people = sanctioned.get(designation.pk, 0), filled.get(designation.pk, 0)
    return {"designation": designation, "sanctioned": posts, "filled": people, "vacant": max(posts - people, 0)}


@people_admin_required
def org_tree(request: HttpRequest) -> HttpResponse:
    """Two queries whatever the size of the tree: the organisations, and active people per organisation."""
    orgs = list(access.visible_orgs(request.user).order_by("path"))
    people_by_org = dict(
        access.visible_people(request.user)
        .filter(status=ACTIVE)
        .values("org_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("org_id", "n")
    )
    nodes, still_open = build_tree(orgs, people_by_org)
    return render(request, "orgs/tree.html", {"nodes": nodes, "final_close_range": range(still_open)})


@people_admin_required
def org_detail(request: HttpRequest, org_id: int) -> HttpResponse:
    org = access.access_org_by_id(request.user, org_id)
    ancestors = list(Organisation.objects.filter(pk__in=org.ancestor_ids()).exclude(pk=org.pk).order_by("path"))
    crumbs = [(a, access.can_administer_org(request.user, a)) for a in ancestors]
    children = list(org.children.order_by("path"))

    # Active people per branch: the path cut to one level below this org groups each child's subtree.
    branch_length = len(org.path) + PATH_SEGMENT_WIDTH
    by_branch = dict(
        Profile.objects.filter(org.subtree_q("org__"), status=ACTIVE)
        .annotate(branch=Substr("org__path", 1, branch_length))
        .values("branch")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("branch", "n")
    )
    for child in children:
        child.people_count = by_branch.get(child.path, 0)  # type: ignore[attr-defined]

    designations = list(access.designations_usable_at(request.user, org).select_related("org").order_by("name_en"))
    ids = [d.pk for d in designations]
    sanctioned = dict(
        SanctionedStrength.objects.filter(org.subtree_q("org__"), designation_id__in=ids)
        .values("designation_id")
        .annotate(total=Sum("sanctioned"))
        .order_by()
        .values_list("designation_id", "total")
    )
    filled = dict(
        Profile.objects.filter(org.subtree_q("org__"), status=ACTIVE, designation_id__in=ids)
        .values("designation_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("designation_id", "n")
    )
    strength = [_strength_row(d, sanctioned, filled) for d in designations]
    context = {
        "org": org,
        "crumbs": crumbs,
        "children": children,
        "people_total": sum(by_branch.values()),
        "people_here": by_branch.get(org.path, 0),
        "strength": strength,
    }
    return render(request, "orgs/detail.html", context)


@people_admin_required
def designation_list(request: HttpRequest) -> HttpResponse:
    """Designations usable in the admin's scope, with sanctioned and filled posts inside that scope."""
    designations = access.visible_designations(request.user).select_related("org").order_by("name_en", "pk")
    page = Paginator(designations, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    ids = [d.pk for d in page]
    sanctioned = dict(
        SanctionedStrength.objects.filter(org__in=access.visible_orgs(request.user), designation_id__in=ids)
        .values("designation_id")
        .annotate(total=Sum("sanctioned"))
        .order_by()
        .values_list("designation_id", "total")
    )
    filled = dict(
        access.visible_people(request.user)
        .filter(status=ACTIVE, designation_id__in=ids)
        .values("designation_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("designation_id", "n")
    )
    rows = [_strength_row(d, sanctioned, filled) for d in page]
    return render(request, "orgs/designations.html", {"page": page, "rows": rows})


@people_admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Newest first. Paged without a COUNT: the log of a state grows to crores of rows."""
    form = AuditFilterForm(request.GET)
    events = access.visible_audit_events(request.user).select_related("actor").order_by("-created_at", "-id")
    if form.is_valid() and form.cleaned_data["action"]:
        events = events.filter(action__startswith=form.cleaned_data["action"])
    page = slice_page(events, request.GET.get("page"), settings.KSHAMTA_PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "rows": audit_rows(page.items),
        "known_actions": sorted(ACTION_LABELS.items()),
    }
    return render(request, "orgs/audit.html", context)
