"""Coverage as far as the user may see it: the one entry point for the pages, exports and API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kshamta.accounts.access import access_org_by_code, access_org_by_id, administered_orgs
from kshamta.analytics.coverage import CoverageNode, CoverageTree, Figures, compute_coverage
from kshamta.orgs.models import Organisation


@dataclass
class CoverageReport:
    """One organisation's coverage (``org``), or, with ``org`` None, the whole of the user's scope
    when it is made of several subtrees (a nodal officer of two departments)."""

    org: Organisation | None
    node: CoverageNode | None
    total: Figures
    rows: list[CoverageNode]
    crumbs: list[Organisation]
    tree: CoverageTree


def _report(user: Any, org: Organisation | None) -> CoverageReport:
    scope = administered_orgs(user)
    if org is None and len(scope) == 1:
        org = scope[0]
    if org is None:
        tree = compute_coverage(scope)
        return CoverageReport(org=None, node=None, total=tree.total, rows=tree.roots, crumbs=[], tree=tree)
    tree = compute_coverage([org])
    node = tree.roots[0]
    # Ancestors inside the user's scope, outermost first: at most one query, and none at a scope root.
    scope_root = next(o for o in scope if org.path.startswith(o.path))
    ancestor_ids = [pk for pk in org.ancestor_ids() if pk != org.pk]
    in_scope = ancestor_ids[scope_root.depth :]
    crumbs = list(Organisation.objects.filter(pk__in=in_scope).order_by("path")) if in_scope else []
    return CoverageReport(org=org, node=node, total=node.total, rows=node.children, crumbs=crumbs, tree=tree)


def coverage_for_user(user: Any, org_id: int | None = None) -> CoverageReport:
    """Coverage of an organisation the user administers (Http404 otherwise), or of their whole scope."""
    return _report(user, access_org_by_id(user, org_id) if org_id is not None else None)


def coverage_for_user_by_code(user: Any, code: str = "") -> CoverageReport:
    return _report(user, access_org_by_code(user, code) if code else None)
