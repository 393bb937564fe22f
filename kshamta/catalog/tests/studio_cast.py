"""The studio's cast on top of the named cast (kshamta.core.testing), built once per class.

provider_a   Revenue training cell (org: dept_a)     creator_a, reviewer_a, publisher_a act for it
provider_b   Health training cell (org: dept_b)      outsider is its content creator
state_admin  may do everything, but still not approve or publish their own work

Files go to a private media folder that is removed after each test.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.catalog import actions
from kshamta.catalog.models import CourseVersion, Provider, Resource
from kshamta.catalog.testing import make_competency, make_provider
from kshamta.competencies.models import Competency
from kshamta.core.testing import CastTestCase


def _content_person(code: str, name: str, org: Any, email: str, mobile: str) -> User:
    profile = account_actions.do_create_person(
        employee_code=code,
        name_en=name,
        name_hi="",
        org=org,
        designation=None,
        email=email,
        mobile=mobile,
        acting_user=None,
    )
    return profile.user


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 80, 20)).save(out, format="PNG")
    return out.getvalue()


def pdf_bytes(pages: int = 3) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# The start of a real MP4 (an ftyp box) and of an MP3 with an ID3 tag; enough for sniffing.
MP4_START = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 64
MP3_START = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 64


class StudioTestCase(CastTestCase):
    competency: Competency
    provider_a: Provider
    provider_b: Provider
    creator_a: User
    reviewer_a: User
    publisher_a: User
    media: str

    def setUp(self) -> None:
        super().setUp()
        # A private media folder per test, so a test sees only the files it stored.
        self.media = tempfile.mkdtemp(prefix="kshamta-studio-test-")
        media_override = override_settings(MEDIA_ROOT=self.media)
        media_override.enable()
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        self.addCleanup(media_override.disable)

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        grant = account_actions.do_grant_role
        cls.provider_a, _ = actions.do_save_provider(
            code="MP-REV-TC",
            name_en="Revenue training cell",
            name_hi="राजस्व प्रशिक्षण प्रकोष्ठ",
            kind=Provider.Kind.DEPARTMENT_CELL,
            org=cls.dept_a,
            acting_user=None,
        )
        cls.provider_b = make_provider("MP-HLT-TC", org=cls.dept_b)
        cls.creator_a = _content_person("MP0101", "Kavita Rao", cls.dept_a, "kavita.rao@mp.gov.in", "9000000101")
        cls.reviewer_a = _content_person("MP0102", "Arun Mehta", cls.dept_a, "arun.mehta@mp.gov.in", "9000000102")
        cls.publisher_a = _content_person("MP0103", "Neha Joshi", cls.dept_a, "neha.joshi@mp.gov.in", "9000000103")
        grant(user=cls.creator_a, role=Role.CONTENT_CREATOR, org=cls.dept_a, acting_user=None)
        grant(user=cls.reviewer_a, role=Role.REVIEWER, org=cls.dept_a, acting_user=None)
        grant(user=cls.publisher_a, role=Role.PUBLISHER, org=cls.dept_a, acting_user=None)
        grant(user=cls.outsider, role=Role.CONTENT_CREATOR, org=cls.dept_b, acting_user=None)
        cls.competency = make_competency("RTI")

    # --- building courses through the real actions ---------------------------------------

    def draft(
        self, code: str = "REV-101", *, by: User | None = None, provider: Provider | None = None
    ) -> CourseVersion:
        """A complete draft (one module, a link and a text), ready to go for review."""
        author = by or self.creator_a
        version = actions.do_create_course(
            code=code,
            provider=provider or self.provider_a,
            acting_user=author,
            title_en="Land records",
            title_hi="भू-अभिलेख",
            summary_en="Keeping land records.",
            summary_hi="भू-अभिलेख रखना।",
            duration_minutes=90,
        )
        actions.do_set_competencies(version, {self.competency: 2}, acting_user=author)
        module = actions.do_add_module(version, title_en="Basics", title_hi="मूल बातें", acting_user=author)
        actions.do_add_resource(
            module,
            kind=Resource.Kind.LINK,
            acting_user=author,
            title_en="Bhulekh portal",
            url="https://mpbhulekh.gov.in/",
        )
        actions.do_add_resource(
            module,
            kind=Resource.Kind.TEXT,
            acting_user=author,
            title_en="Khasra",
            body_html="<p>A khasra lists plots.</p>",
        )
        return version

    def published(self, code: str = "REV-101") -> CourseVersion:
        version = self.draft(code)
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        actions.do_approve_review(version, acting_user=self.reviewer_a)
        actions.do_publish_reviewed(version, acting_user=self.publisher_a)
        version.refresh_from_db()
        return version

    # --- pages -------------------------------------------------------------------------------

    def assertSignInRedirect(self, url: str, method: str = "get") -> None:
        self.client.logout()
        response = getattr(self.client, method)(url)
        self.assertEqual(response.status_code, 302, f"{method.upper()} {url}")
        self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")), response["Location"])

    def assertNotFoundFor(self, user: User, url: str, method: str = "get", data: dict[str, Any] | None = None) -> None:
        self.client.force_login(user)
        response = getattr(self.client, method)(url, data or {})
        self.assertEqual(response.status_code, 404, f"{method.upper()} {url} as {user}")

    def stored_files(self) -> list[Path]:
        return sorted(p for p in Path(self.media).rglob("*") if p.is_file())


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
