"""Every API error is JSON: {"code": <stable machine code>, "message": <text in the user's language>}."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

logger = logging.getLogger(__name__)


class APIError(Exception):
    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def forbidden() -> APIError:
    return APIError("forbidden", _("You do not have permission to do this."), 403)


def invalid(message: str) -> APIError:
    """A request that is well-formed but that the rules refuse (the message says why)."""
    return APIError("invalid", message, 400)


def _http_error_body(status: int) -> tuple[str, str]:
    if status == 400:
        # Ninja raises 400 only when it cannot parse the body (e.g. broken JSON).
        return "invalid_request", _("The request is not valid.")
    if status == 403:
        return "forbidden", _("You do not have permission to do this.")
    if status == 404:
        return "not_found", _("Not found, or you do not have access to it.")
    if status == 405:
        return "method_not_allowed", _("This method is not allowed here.")
    if status == 429:
        return "rate_limited", _("Too many requests. Please wait and try again.")
    return "error", _("The request could not be completed.")


def method_not_allowed_body() -> dict[str, str]:
    code, message = _http_error_body(405)
    return {"code": code, "message": message}


def not_found_body() -> dict[str, str]:
    code, message = _http_error_body(404)
    return {"code": code, "message": message}


def _plain_validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Pydantic's entries may carry the submitted input (which can be a secret) and
    # exception objects in ``ctx`` that are not JSON; keep where, what and why.
    return [{"loc": list(e.get("loc", ())), "type": e.get("type", ""), "msg": str(e.get("msg", ""))} for e in errors]


def install(api: NinjaAPI) -> None:
    def error(request: HttpRequest, status: int, code: str, message: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"code": code, "message": message, **extra}, status=status)

    @api.exception_handler(APIError)
    def on_api_error(request: HttpRequest, exc: APIError) -> HttpResponse:
        return error(request, exc.status, exc.code, exc.message)

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error(request, 404, **not_found_body())

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = error(request, 401, "unauthenticated", _("Sign in or send a valid API token."))
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    @api.exception_handler(ValidationError)
    def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return error(
            request,
            422,
            "invalid_request",
            _("The request is not valid."),
            errors=_plain_validation_errors(exc.errors),
        )

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = 422 if exc.status_code == 400 else exc.status_code
        code, message = _http_error_body(exc.status_code)
        return error(request, status, code, message)

    @api.exception_handler(Exception)
    def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return error(request, 500, "server_error", _("Something went wrong on our side. Please try again later."))
