"""Every API error is JSON: {"code": <stable machine code>, "message": <text in the user's language>}."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError


class APIError(Exception):
    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def install(api: NinjaAPI) -> None:
    def error(request: HttpRequest, status: int, code: str, message: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"code": code, "message": message, **extra}, status=status)

    @api.exception_handler(APIError)
    def on_api_error(request: HttpRequest, exc: APIError) -> HttpResponse:
        return error(request, exc.status, exc.code, exc.message)

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error(request, 404, "not_found", _("Not found, or you do not have access to it."))

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error(request, 401, "unauthenticated", _("Sign in or send a valid API token."))

    @api.exception_handler(ValidationError)
    def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return error(request, 422, "invalid_request", _("The request is not valid."), errors=exc.errors)

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        codes = {403: "forbidden", 404: "not_found", 405: "method_not_allowed", 429: "rate_limited"}
        return error(request, exc.status_code, codes.get(exc.status_code, "error"), str(exc))
