"""What every app's API router shares: the error schema, pagination, the caller and their scope."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from kshamta.accounts.access import administered_orgs
from kshamta.accounts.models import User
from kshamta.api.errors import forbidden

MAX_PAGE_SIZE = 200

M = TypeVar("M", bound=Model)


class ErrorOut(Schema):
    code: str = Field(description="A stable machine-readable code, e.g. not_found, forbidden, invalid.")
    message: str = Field(description="What went wrong, in the caller's language (Accept-Language or cookie).")


class ValidationErrorOut(ErrorOut):
    errors: list[dict[str, Any]] = Field(description="Each problem with its location (body, query, path) and field.")


def error_responses(*statuses: int) -> dict[int, type[Schema]]:
    """OpenAPI documentation of the error bodies an operation can answer with."""
    return {status: ValidationErrorOut if status == 422 else ErrorOut for status in statuses}


# Errors every authenticated operation can give.
AUTH_ERRORS = (401, 422)


def no_default(schema: dict[str, Any]) -> None:
    """json_schema_extra for optional PATCH fields: leaving one out means 'unchanged', not null."""
    schema.pop("default", None)


def caller(request: HttpRequest) -> User:
    """The authenticated person making the request (set by TokenAuth or SessionAuth)."""
    return cast(User, request.user)


def require_admin_scope(request: HttpRequest) -> User:
    """The caller, if they administer at least one organisation subtree; else 403."""
    user = caller(request)
    if not administered_orgs(user):
        raise forbidden()
    return user


def page_size_or_default(page_size: int | None) -> int:
    return min(page_size or settings.KSHAMTA_PAGE_SIZE, MAX_PAGE_SIZE)


def paginate(
    queryset: QuerySet[M], *, page: int, page_size: int | None, serialise: Callable[[M], Any]
) -> dict[str, Any]:
    """One page of a queryset in the envelope every list endpoint uses. Two queries: count and page."""
    size = page_size_or_default(page_size)
    start = (page - 1) * size
    rows: Iterable[M] = queryset[start : start + size]
    return {
        "count": queryset.count(),
        "page": page,
        "page_size": size,
        "results": [serialise(row) for row in rows],
    }
