"""Sorting the coverage table and the rows of the exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kshamta.analytics.coverage import CoverageNode, CoverageTree

# key → (column heading, value to sort by; None sorts last whichever the direction)
SORT_KEYS: dict[str, tuple[Any, Callable[[CoverageNode], Any]]] = {
    "name": (gettext_lazy("Organisation"), lambda n: n.org.name.casefold()),
    "sanctioned": (gettext_lazy("Sanctioned"), lambda n: n.total.sanctioned),
    "onboarded": (gettext_lazy("Onboarded"), lambda n: n.total.onboarded),
    "coverage": (gettext_lazy("Coverage"), lambda n: n.total.coverage_pct),
    "activated": (gettext_lazy("Activated"), lambda n: n.total.activated),
    "activation": (gettext_lazy("Activation"), lambda n: n.total.activation_pct),
}
DEFAULT_SORT = "name"


@dataclass
class SortColumn:
    key: str
    label: Any
    aria_sort: str  # "ascending", "descending" or "none"
    link_sort: str  # the ?sort= value the heading links to


def parse_sort(value: str) -> tuple[str, bool]:
    """(key, descending) from ?sort=coverage or ?sort=-coverage; unknown values give the default."""
    descending = value.startswith("-")
    key = value.lstrip("-")
    if key not in SORT_KEYS:
        return DEFAULT_SORT, False
    return key, descending


def sort_rows(rows: list[CoverageNode], key: str, descending: bool) -> list[CoverageNode]:
    value_of = SORT_KEYS[key][1]
    known = [row for row in rows if value_of(row) is not None]
    unknown = [row for row in rows if value_of(row) is None]
    # Ties keep tree order in both directions (sort is stable, also with reverse=True).
    known.sort(key=lambda row: row.org.path)
    known.sort(key=value_of, reverse=descending)
    return known + unknown


def sort_columns(key: str, descending: bool) -> list[SortColumn]:
    columns = []
    for name, (label, _value) in SORT_KEYS.items():
        if name == key:
            aria, link = ("descending", name) if descending else ("ascending", f"-{name}")
        else:
            # Names read best A→Z; figures are most useful highest first.
            aria, link = "none", name if name == "name" else f"-{name}"
        columns.append(SortColumn(name, label, aria, link))
    return columns


def pct_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def export_header() -> list[str]:
    return [
        _("Code"),
        _("Parent code"),
        _("Name (English)"),
        _("Name (Hindi)"),
        _("Type"),
        _("Depth"),
        _("Sanctioned here"),
        _("Onboarded here"),
        _("Activated here"),
        _("Sanctioned (with sub-organisations)"),
        _("Onboarded (with sub-organisations)"),
        _("Activated (with sub-organisations)"),
        _("Coverage % (with sub-organisations)"),
        _("Activation % (with sub-organisations)"),
    ]


def export_rows(tree: CoverageTree) -> Iterator[list[Any]]:
    """One row per organisation of the tree, parents before children. Percentages are numbers with
    one decimal, or None when there is nothing to divide by."""
    code_of = {node.org.pk: node.org.code for node in tree.nodes}
    for node in tree.nodes:
        org, own, total = node.org, node.own, node.total
        yield [
            org.code,
            code_of.get(org.parent_id or 0, ""),
            org.name_en,
            org.name_hi,
            org.get_kind_display(),
            org.depth,
            own.sanctioned,
            own.onboarded,
            own.activated,
            total.sanctioned,
            total.onboarded,
            total.activated,
            None if total.coverage_pct is None else round(total.coverage_pct, 1),
            None if total.activation_pct is None else round(total.activation_pct, 1),
        ]
