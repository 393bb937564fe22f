"""API: the organisation tree and designations, as far as the caller administers them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kshamta.accounts import access
from kshamta.api.common import AUTH_ERRORS, MAX_PAGE_SIZE, error_responses, paginate, require_admin_scope
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation, Organisation

router = Router(tags=["organisations"])


class OrgRef(Schema):
    code: str
    kind: Organisation.Kind
    name_en: str
    name_hi: str
    name: str = Field(description="The name in the caller's language.")


class OrgOut(OrgRef):
    parent: str | None = Field(description="Code of the parent organisation; null for the root.")
    depth: int = Field(description="0 for the root, 1 for its children, and so on.")
    is_active: bool


class OrgDetailOut(OrgOut):
    ancestors: list[OrgRef] = Field(description="The organisations above this one, root first.")
    children: list[str] = Field(description="Codes of the organisations directly under this one.")


class OrgPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[OrgOut]


class DesignationOut(Schema):
    id: int
    code: str
    name_en: str
    name_hi: str
    name: str = Field(description="The name in the caller's language.")
    group: str = Field(description="A, B, C, D or empty.")
    cadre: str
    org: str = Field(description="Code of the organisation where it is defined; it is usable in that subtree.")


class DesignationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DesignationOut]


def org_ref(org: Organisation) -> dict[str, Any]:
    return {"code": org.code, "kind": org.kind, "name_en": org.name_en, "name_hi": org.name_hi, "name": org.name}


def org_out(org: Organisation) -> dict[str, Any]:
    return {
        **org_ref(org),
        "parent": org.parent.code if org.parent else None,
        "depth": org.depth,
        "is_active": org.is_active,
    }


def designation_out(designation: Designation) -> dict[str, Any]:
    return {
        "id": designation.pk,
        "code": designation.code,
        "name_en": designation.name_en,
        "name_hi": designation.name_hi,
        "name": designation.name,
        "group": designation.group,
        "cadre": designation.cadre,
        "org": designation.org.code,
    }


def _text_q(text: str, *fields: str) -> Q:
    q = Q()
    for name in fields:
        q |= Q(**{f"{name}__icontains": text})
    return q


@router.get(
    "/orgs",
    response={200: OrgPage, **error_responses(*AUTH_ERRORS, 403, 404)},
    summary="Organisations you administer",
    description="Every organisation in the subtrees you administer, root first (tree order). "
    "`parent` narrows to the direct children of one organisation; `q` matches the code or either name. "
    "Callers who administer nothing get 403.",
)
def list_orgs(
    request: HttpRequest,
    parent: str = Query("", description="Code of an organisation: list only its direct children."),
    q: str = Query("", description="Part of a code or of the English or Hindi name."),
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    user = require_admin_scope(request)
    orgs = access.visible_orgs(user).select_related("parent")
    if parent:
        orgs = orgs.filter(parent=access.access_org_by_code(user, clean_text(parent)))
    text = clean_text(q)
    if text:
        orgs = orgs.filter(_text_q(text, "code", "name_en", "name_hi"))
    return paginate(orgs.order_by("path"), page=page, page_size=page_size, serialise=org_out)


@router.get(
    "/orgs/{code}",
    response={200: OrgDetailOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="One organisation",
    description="An organisation in your subtrees, with the path of its ancestors and its children's codes.",
)
def get_org(request: HttpRequest, code: str) -> dict[str, Any]:
    org = access.access_org_by_code(request.user, code)
    ancestors = Organisation.objects.filter(pk__in=org.ancestor_ids()).exclude(pk=org.pk).order_by("path")
    parent = next((a for a in ancestors if a.pk == org.parent_id), None)
    return {
        **org_ref(org),
        "parent": parent.code if parent else None,
        "depth": org.depth,
        "is_active": org.is_active,
        "ancestors": [org_ref(a) for a in ancestors],
        "children": list(org.children.order_by("path").values_list("code", flat=True)),
    }


@router.get(
    "/designations",
    response={200: DesignationPage, **error_responses(*AUTH_ERRORS, 403, 404)},
    summary="Designations you can use",
    description="Designations defined in your subtrees or above them. `org` narrows to those that people "
    "at that organisation can hold (defined at it or at one of its ancestors).",
)
def list_designations(
    request: HttpRequest,
    org: str = Query("", description="Code of an organisation in your subtrees."),
    q: str = Query("", description="Part of the code or of the English or Hindi name."),
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    user = require_admin_scope(request)
    if org:
        designations = access.designations_usable_at(user, access.access_org_by_code(user, clean_text(org)))
    else:
        designations = access.visible_designations(user)
    text = clean_text(q)
    if text:
        designations = designations.filter(_text_q(text, "code", "name_en", "name_hi"))
    designations = designations.select_related("org").order_by("name_en", "code")
    return paginate(designations, page=page, page_size=page_size, serialise=designation_out)
