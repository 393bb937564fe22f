"""Framework files and small frameworks for the competency tests."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.accounts.models import User
from kshamta.competencies import actions
from kshamta.competencies.importing import COLUMNS
from kshamta.competencies.models import Competency, Framework
from kshamta.core.testing import CastTestCase

HEADER = list(COLUMNS)


def row(code: str | int = "FUN-RTI", **overrides: Any) -> dict[str, Any]:
    values = {
        "code": code,
        "kind": "functional",
        "name_en": "Right to Information",
        "name_hi": "सूचना का अधिकार",
        "description_en": "Handling RTI applications and appeals.",
        "description_hi": "आरटीआई आवेदनों और अपीलों का निराकरण।",
        "level_1": "Knows the Act | अधिनियम की जानकारी",
        "level_2": "Drafts replies | उत्तर का प्रारूप",
        "level_3": "Handles cases alone | स्वतंत्र निराकरण",
        "level_4": "Leads an office | कार्यालय का नेतृत्व",
        "level_5": "Shapes policy | नीति-निर्माण",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict[str, Any]], header: list[str] | None = None, encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header or HEADER, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[dict[str, Any]], header: list[str] | None = None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    columns = header or HEADER
    sheet.append(columns)
    for values in rows:
        sheet.append([values.get(column, "") for column in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def levels(prefix: str = "Level") -> list[dict[str, str]]:
    return [{"en": f"{prefix} {n}", "hi": f"स्तर {n}"} for n in range(1, 6)]


def make_framework(
    code: str = "TEST-FW", *, active: bool = True, competencies: tuple[tuple[str, str], ...] = ()
) -> Framework:
    """A framework with competencies given as (code, kind)."""
    framework, _ = actions.do_save_framework(code=code, name_en=f"{code} framework", activate=False, acting_user=None)
    for competency_code, kind in competencies:
        actions.do_save_competency(
            framework=framework,
            code=competency_code,
            kind=kind,
            name_en=f"{competency_code} work",
            name_hi=f"{competency_code} कार्य",
            levels=levels(competency_code),
            acting_user=None,
        )
    if active:
        actions.do_activate_framework(framework, acting_user=None)
        framework.refresh_from_db()
    return framework


STANDARD = (
    ("BEH-INTEGRITY", Competency.Kind.BEHAVIOURAL),
    ("FUN-RTI", Competency.Kind.FUNCTIONAL),
    ("FUN-PROCUREMENT", Competency.Kind.FUNCTIONAL),
    ("DOM-LANDREC", Competency.Kind.DOMAIN),
    ("DOM-PUBHEALTH", Competency.Kind.DOMAIN),
)


class PageTestCase(CastTestCase):
    def assertSignInRedirect(self, url: str, method: str = "get") -> None:
        self.client.logout()
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
