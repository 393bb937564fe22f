"""Onboarding coverage of an organisation tree: sanctioned strength, people onboarded, people activated.

Definitions (the same on the page, in the exports and over the API):

- **sanctioned**: the sum of ``SanctionedStrength.sanctioned`` recorded at the organisation.
- **onboarded**: profiles at the organisation that are still in service, i.e. whose status is
  *active* or *suspended* (a suspended employee still holds the post and still has to be
  trained). *Transferred* (moved out of the state's service) and *retired* profiles are kept
  for the record but do not count against the sanctioned strength.
- **activated**: onboarded people whose account has been used to sign in at least once
  (``User.first_sign_in_at`` is set).
- **coverage %** = onboarded / sanctioned (None when nothing is sanctioned, shown as "—"; it can
  exceed 100 when sanctioned strength is incomplete); **activation %** = activated / onboarded.

Each node has its *own* figures (at the organisation itself) and *total* figures (own plus
every organisation under it). Three queries, whatever the size of the tree or the number of
people: the organisations, one GROUP BY org over profiles, one GROUP BY org over sanctioned
strength. The roll-up is done in Python, children before parents (reverse path order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from kshamta.accounts.models import Profile
from kshamta.orgs.models import Organisation, SanctionedStrength, subtree_range

IN_SERVICE = (Profile.Status.ACTIVE, Profile.Status.SUSPENDED)

# Only what the page, exports and API show: a state has a few thousand organisations.
ORG_FIELDS = ("id", "code", "parent_id", "kind", "name_en", "name_hi", "path", "depth", "is_active")


def percent(part: int, whole: int) -> float | None:
    return None if whole <= 0 else 100.0 * part / whole


@dataclass
class Figures:
    sanctioned: int = 0
    onboarded: int = 0
    activated: int = 0

    def add(self, other: Figures) -> None:
        self.sanctioned += other.sanctioned
        self.onboarded += other.onboarded
        self.activated += other.activated

    @property
    def coverage_pct(self) -> float | None:
        return percent(self.onboarded, self.sanctioned)

    @property
    def activation_pct(self) -> float | None:
        return percent(self.activated, self.onboarded)


@dataclass
class CoverageNode:
    org: Organisation
    own: Figures = field(default_factory=Figures)
    total: Figures = field(default_factory=Figures)
    children: list[CoverageNode] = field(default_factory=list)


@dataclass
class CoverageTree:
    """The nodes of one or more subtrees, in path order (each parent before its children)."""

    roots: list[CoverageNode]
    nodes: list[CoverageNode]

    @property
    def total(self) -> Figures:
        figures = Figures()
        for root in self.roots:
            figures.add(root.total)
        return figures


def _subtrees_q(roots: Iterable[Organisation], prefix: str = "") -> Q:
    q = Q(pk__in=[])
    for root in roots:
        low, high = subtree_range(root.path)
        q |= Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    return q


def compute_coverage(roots: list[Organisation]) -> CoverageTree:
    """Coverage of the subtrees under ``roots`` (which must not overlap). No permission check:
    callers go through ``kshamta.analytics.access``."""
    orgs = list(Organisation.objects.filter(_subtrees_q(roots)).only(*ORG_FIELDS).order_by("path"))
    nodes = [CoverageNode(org) for org in orgs]
    by_id = {node.org.pk: node for node in nodes}

    people = (
        Profile.objects.filter(_subtrees_q(roots, "org__"), status__in=IN_SERVICE)
        .values("org_id")
        .annotate(onboarded=Count("pk"), activated=Count("pk", filter=Q(user__first_sign_in_at__isnull=False)))
        .order_by()
        .values_list("org_id", "onboarded", "activated")
    )
    for org_id, onboarded, activated in people:
        if org_id in by_id:
            by_id[org_id].own.onboarded = onboarded
            by_id[org_id].own.activated = activated

    sanctioned = (
        SanctionedStrength.objects.filter(_subtrees_q(roots, "org__"))
        .values("org_id")
        .annotate(total=Sum("sanctioned"))
        .order_by()
        .values_list("org_id", "total")
    )
    for org_id, total in sanctioned:
        if org_id in by_id:
            by_id[org_id].own.sanctioned = total or 0

    root_ids = {root.pk for root in roots}
    # Reverse path order visits every child before its parent, so a node's total is complete
    # when it is added to its parent's.
    for node in reversed(nodes):
        node.total.add(node.own)
        parent_id = node.org.parent_id
        parent = by_id.get(parent_id) if parent_id is not None and node.org.pk not in root_ids else None
        if parent is not None:
            parent.total.add(node.total)
            parent.children.append(node)
    for node in nodes:
        node.children.reverse()  # back to path order
    return CoverageTree(roots=[by_id[r.pk] for r in roots if r.pk in by_id], nodes=nodes)
