"""API: onboarding coverage of an organisation and its direct children, within the caller's scope."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kshamta.analytics.access import coverage_for_user_by_code
from kshamta.analytics.coverage import CoverageNode, Figures
from kshamta.api.common import AUTH_ERRORS, error_responses, require_admin_scope
from kshamta.core.text import clean_text
from kshamta.orgs.models import Organisation

router = Router(tags=["coverage"])


class FiguresOut(Schema):
    sanctioned: int = Field(description="Sanctioned strength.")
    onboarded: int = Field(description="People in service (status active or suspended).")
    activated: int = Field(description="Onboarded people who have signed in at least once.")
    coverage_pct: float | None = Field(
        description="onboarded / sanctioned * 100, one decimal; null if none sanctioned."
    )
    activation_pct: float | None = Field(
        description="activated / onboarded * 100, one decimal; null if none onboarded."
    )


class CoverageNodeOut(Schema):
    code: str
    kind: Organisation.Kind
    name_en: str
    name_hi: str
    name: str = Field(description="The name in the caller's language.")
    depth: int
    children: int = Field(description="How many organisations are directly under this one.")
    own: FiguresOut = Field(description="At this organisation itself.")
    total: FiguresOut = Field(description="This organisation and everything under it.")


class CoverageOut(Schema):
    org: CoverageNodeOut | None = Field(
        description="The organisation asked for; null when `org` was left out and you administer several subtrees."
    )
    total: FiguresOut = Field(description="The organisation with everything under it (or your whole scope).")
    children: list[CoverageNodeOut] = Field(
        description="Organisations directly under it, in tree order (or, with `org` null, the roots of your scope)."
    )


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def figures_out(figures: Figures) -> dict[str, Any]:
    return {
        "sanctioned": figures.sanctioned,
        "onboarded": figures.onboarded,
        "activated": figures.activated,
        "coverage_pct": _pct(figures.coverage_pct),
        "activation_pct": _pct(figures.activation_pct),
    }


def node_out(node: CoverageNode) -> dict[str, Any]:
    org = node.org
    return {
        "code": org.code,
        "kind": org.kind,
        "name_en": org.name_en,
        "name_hi": org.name_hi,
        "name": org.name,
        "depth": org.depth,
        "children": len(node.children),
        "own": figures_out(node.own),
        "total": figures_out(node.total),
    }


@router.get(
    "/coverage",
    response={200: CoverageOut, **error_responses(*AUTH_ERRORS, 403, 404)},
    summary="Onboarding coverage",
    description="Sanctioned strength, people onboarded (in service: active or suspended) and activated (signed "
    "in at least once) for an organisation you administer, rolled up over everything under it, and the same for "
    "each organisation directly under it. Without `org`: the organisation you administer (or all of them). An "
    "organisation outside your subtrees gives 404; callers who administer nothing get 403.",
)
def get_coverage(
    request: HttpRequest,
    org: str = Query("", description="Organisation code; leave out for the root of your scope."),
) -> dict[str, Any]:
    user = require_admin_scope(request)
    report = coverage_for_user_by_code(user, clean_text(org))
    return {
        "org": node_out(report.node) if report.node else None,
        "total": figures_out(report.total),
        "children": [node_out(child) for child in report.rows],
    }
