"""What the API tests share: a client signed in as a cast member, JSON calls, error checks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.test import Client

from kshamta.accounts import actions
from kshamta.accounts.models import User
from kshamta.core.testing import CastTestCase

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

API = "/api/v1"


class APITestCase(CastTestCase):
    def client_for(self, user: User | None, **kwargs: Any) -> Client:
        """A client with ``user``'s browser session (CSRF not enforced unless asked)."""
        client = Client(**kwargs)
        if user is not None:
            client.force_login(user)
        return client

    def token_for(self, user: User, name: str = "test") -> str:
        _token, key = actions.do_create_api_token(user, name=name, acting_user=user)
        return key

    def get(self, user: User | None, path: str, data: dict[str, Any] | None = None, **meta: Any) -> Response:
        """GET ``/api/v1<path>``; ``meta`` are WSGI keys such as HTTP_ACCEPT_LANGUAGE."""
        return self.client_for(user).get(API + path, data or {}, **meta)

    def send(self, method: str, user: User | None, path: str, body: Any = None, **meta: Any) -> Response:
        """POST/PATCH/DELETE ``body`` as JSON to ``/api/v1<path>``."""
        call = getattr(self.client_for(user), method.lower())
        data = json.dumps(body) if body is not None else ""
        return call(API + path, data=data, content_type="application/json", **meta)

    def assert_error(self, response: Response, status: int, code: str) -> dict[str, Any]:
        """An error answer: the status, JSON with the stable ``code`` and a non-empty ``message``."""
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        body: dict[str, Any] = response.json()
        self.assertEqual(body["code"], code, body)
        self.assertIsInstance(body["message"], str)
        self.assertTrue(body["message"])
        return body

    def assert_ok(self, response: Response, status: int = 200) -> Any:
        self.assertEqual(response.status_code, status, response.content)
        return response.json()
