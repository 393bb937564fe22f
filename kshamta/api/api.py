"""The HTTP API under /api/v1/. Each app contributes a router from its own api.py."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI, Router, Schema
from ninja.operation import Operation

from kshamta.accounts.api import router as accounts_router
from kshamta.analytics.api import router as analytics_router
from kshamta.api import errors
from kshamta.api.auth import SessionAuth, TokenAuth
from kshamta.assessments.api import router as assessments_router
from kshamta.catalog.api import router as catalog_router
from kshamta.certificates.api import router as certificates_router
from kshamta.core.api import router as core_router
from kshamta.engagement.api import router as engagement_router
from kshamta.learning.api import router as learning_router
from kshamta.learning.assignment_api import router as assignments_router
from kshamta.orgs.api import router as orgs_router
from kshamta.planning.api import router as planning_router
from kshamta.programmes.api import router as programmes_router


class KshamtaAPI(NinjaAPI):
    """A NinjaAPI whose every answer under its prefix is JSON, even 405 and unknown paths."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Plain, unique names (list_people, grant_role) make readable generated clients.
        return operation.view_func.__name__

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = self._json_method_not_allowed(pattern.callback)
        return urls

    def _json_method_not_allowed(self, view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseNotAllowed):
                json = self.create_response(request, errors.method_not_allowed_body(), status=405)
                json["Allow"] = response["Allow"]
                return json
            return response

        return wrapper


api = KshamtaAPI(
    title="Kshamta API",
    version="1",
    description="Competency-based training for government employees. Authenticate with a bearer "
    "token (create one under Account → API tokens, or with POST /api/v1/tokens) or a signed-in browser session "
    "(unsafe methods then need the X-CSRFToken header). Every error is JSON: "
    '`{"code": "...", "message": "..."}`; `code` is stable, `message` follows Accept-Language (en, hi). '
    "Every list and lookup is limited to the organisation subtrees you administer; anything outside them "
    "answers 404.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-v1",
    docs_url="/docs",
)
errors.install(api)


class MeOut(Schema):
    id: int
    name_en: str
    name_hi: str
    email: str | None
    mobile: str | None
    preferred_language: str
    roles: list[dict[str, str]]


@api.get("/me", response=MeOut, tags=["accounts"], summary="The signed-in person")
def me(request: HttpRequest) -> dict[str, object]:
    user = request.user
    return {
        "id": user.pk,
        "name_en": user.name_en,  # type: ignore[union-attr]
        "name_hi": user.name_hi,  # type: ignore[union-attr]
        "email": user.email,  # type: ignore[union-attr]
        "mobile": user.mobile,  # type: ignore[union-attr]
        "preferred_language": user.preferred_language,  # type: ignore[union-attr]
        "roles": [{"role": a.role, "org": a.org.code} for a in user.roles.select_related("org")],  # type: ignore[union-attr]
    }


api.add_router("", orgs_router)
api.add_router("", accounts_router)
api.add_router("", core_router)
api.add_router("", analytics_router)
api.add_router("", catalog_router)
api.add_router("", learning_router)
api.add_router("", assignments_router)
api.add_router("", assessments_router)
api.add_router("", certificates_router)
api.add_router("", engagement_router)
api.add_router("", planning_router)
api.add_router("", programmes_router)

# Registered last so that it only catches paths no other operation matched.
unknown_paths = Router(auth=None)


@unknown_paths.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], "/{path:unknown}", include_in_schema=False
)
def unknown_path(request: HttpRequest, unknown: str) -> None:
    raise errors.APIError(**errors.not_found_body(), status=404)


api.add_router("", unknown_paths)
