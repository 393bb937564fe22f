"""Shaping rows for the organisation-admin pages: the nested tree, readable audit changes, cheap paging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import AuditEvent
from kshamta.orgs.models import Designation, Organisation

# --- the organisation tree --------------------------------------------------------


@dataclass
class TreeNode:
    org: Organisation
    level: int
    children: int = 0
    people: int = 0
    subtree_people: int = 0
    # How many nested lists end before this node, and whether its children follow in a new one.
    closes: int = 0
    opens: bool = False

    @property
    def close_range(self) -> range:
        return range(self.closes)


def build_tree(orgs: Sequence[Organisation], people_by_org: dict[int, int]) -> tuple[list[TreeNode], int]:
    """Nodes in path order (depth-first) with the bookkeeping to print them as nested lists.

    Returns the nodes and the number of nested lists left open after the last one.
    """
    nodes: list[TreeNode] = []
    by_id: dict[int, TreeNode] = {}
    for org in orgs:
        parent = by_id.get(org.parent_id) if org.parent_id else None
        node = TreeNode(org=org, level=parent.level + 1 if parent else 0, people=people_by_org.get(org.pk, 0))
        if parent:
            parent.children += 1
        by_id[org.pk] = node
        nodes.append(node)
    # Children come after their parent in path order, so a backward pass sums subtrees.
    for node in reversed(nodes):
        node.subtree_people += node.people
        parent = by_id.get(node.org.parent_id) if node.org.parent_id else None
        if parent:
            parent.subtree_people += node.subtree_people
    open_lists = 0
    for i, node in enumerate(nodes):
        node.closes = open_lists - node.level
        following = nodes[i + 1] if i + 1 < len(nodes) else None
        node.opens = following is not None and following.level > node.level
        open_lists = node.level + 1 if node.opens else node.level
    return nodes, open_lists


# --- audit events -----------------------------------------------------------------

ACTION_LABELS: dict[str, Promise] = {
    "org.create": _("Organisation created"),
    "org.update": _("Organisation changed"),
    "designation.create": _("Designation created"),
    "designation.update": _("Designation changed"),
    "sanctioned.set": _("Sanctioned strength set"),
    "person.create": _("Person added"),
    "person.update": _("Person changed"),
    "person.transfer": _("Person transferred in"),
    "person.transfer_out": _("Person transferred out"),
    "role.grant": _("Role granted"),
    "role.revoke": _("Role revoked"),
    "user.activate": _("First sign-in"),
}

FIELD_LABELS: dict[str, Promise] = {
    "code": _("code"),
    "parent": _("parent"),
    "kind": _("type"),
    "name_en": _("name (English)"),
    "name_hi": _("name (Hindi)"),
    "is_active": _("active"),
    "org": _("organisation"),
    "designation": _("designation"),
    "group": _("group"),
    "cadre": _("cadre / service"),
    "sanctioned": _("sanctioned strength"),
    "employee_code": _("employee code"),
    "date_of_birth": _("date of birth"),
    "date_of_joining": _("date of joining"),
    "gender": _("gender"),
    "category": _("category"),
    "status": _("status"),
    "email": _("e-mail"),
    "mobile": _("mobile"),
    "preferred_language": _("preferred language"),
    "user": _("person"),
    "role": _("role"),
    "first_sign_in_at": _("first sign-in"),
}

# Snapshot keys that hold the id of another row, and where to look it up.
_ORG_KEYS = {"org", "parent"}
_DESIGNATION_KEYS = {"designation"}
_USER_KEYS = {"user"}


@dataclass
class Change:
    field: str
    label: Any
    before: Any
    after: Any


@dataclass
class AuditRow:
    event: AuditEvent
    action_label: Any
    changes: list[Change] = field(default_factory=list)


def _ids(events: Iterable[AuditEvent], keys: set[str]) -> set[int]:
    found: set[int] = set()
    for event in events:
        for snapshot in (event.before, event.after):
            for key in keys:
                value = snapshot.get(key)
                if isinstance(value, int) and not isinstance(value, bool):
                    found.add(value)
    return found


def _names(model: type[Model], ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    queryset: QuerySet[Any] = model._default_manager.filter(pk__in=ids)
    return {obj.pk: str(obj) for obj in queryset}


def audit_rows(events: Sequence[AuditEvent]) -> list[AuditRow]:
    """Events with a readable action and before → after list; ids of organisations,
    designations and people become their names (one query per kind, not per row)."""
    from kshamta.accounts.models import User

    names = {
        "org": _names(Organisation, _ids(events, _ORG_KEYS)),
        "designation": _names(Designation, _ids(events, _DESIGNATION_KEYS)),
        "user": _names(User, _ids(events, _USER_KEYS)),
    }

    def shown(key: str, value: Any) -> Any:
        if value is None or value == "":
            return "—"
        kind = "org" if key in _ORG_KEYS else "designation" if key in _DESIGNATION_KEYS else key
        if kind in names and isinstance(value, int) and not isinstance(value, bool):
            return names[kind].get(value, value)
        return value

    rows = []
    for event in events:
        changes = [
            Change(field=key, label=FIELD_LABELS.get(key, key), before=shown(key, old), after=shown(key, new))
            for key, old, new in event.changes()
        ]
        rows.append(AuditRow(event=event, action_label=ACTION_LABELS.get(event.action, event.action), changes=changes))
    return rows


# --- paging without a COUNT -------------------------------------------------------


@dataclass
class SlicePage:
    """A page fetched as one LIMIT query of size + 1: it knows whether a next page
    exists without counting a table that may hold crores of rows."""

    number: int
    items: list[Any]
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


MAX_PAGE = 100_000


def page_number(raw: object) -> int:
    try:
        return min(max(1, int(str(raw))), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def slice_page(queryset: QuerySet[Any], raw_number: object, size: int) -> SlicePage:
    number = page_number(raw_number)
    start = (number - 1) * size
    items = list(queryset[start : start + size + 1])
    return SlicePage(number=number, items=items[:size], has_next=len(items) > size)
