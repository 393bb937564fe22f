"""The HTTP API under /api/v1/. Each app contributes a router from its own api.py."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

from kshamta.api import errors
from kshamta.api.auth import SessionAuth, TokenAuth

api = NinjaAPI(
    title="Kshamta API",
    version="1",
    description="Competency-based training for government employees. Authenticate with a bearer "
    "token (create one under Account → API tokens) or a signed-in browser session.",
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
