"""Helpers shared by the organisation-admin page tests."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import User
from kshamta.core.testing import CastTestCase
from kshamta.orgs.models import Designation, Organisation


class AdminPageTestCase(CastTestCase):
    def assertSignInRedirect(self, url: str, method: str = "get") -> None:
        response = getattr(self.client, method)(url)
        self.assertEqual(response.status_code, 302, url)
        self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")), response["Location"])

    def assertNotFoundFor(self, user: User, url: str, method: str = "get", data: dict[str, Any] | None = None) -> None:
        self.client.force_login(user)
        response = getattr(self.client, method)(url, data or {})
        self.assertEqual(response.status_code, 404, f"{method.upper()} {url} as {user}")

    def count_queries(self, url: str, **extra: Any) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, **extra)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def add_people(
        self, count: int, *, org: Organisation, designation: Designation | None, prefix: str, acting_user: Any = None
    ) -> None:
        for i in range(count):
            account_actions.do_create_person(
                employee_code=f"{prefix}{i:04d}",
                name_en=f"Extra Person {prefix} {i}",
                name_hi=f"अतिरिक्त व्यक्ति {i}",
                org=org,
                designation=designation,
                email=f"{prefix.lower()}.{i}@example.gov.in",
                acting_user=acting_user,
            )
