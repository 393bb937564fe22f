"""The planner's test cast: the named cast, the default framework, the Revenue designations of the
demo documents, a CBP author and approver over Revenue, a CBP author over Health, and a generated
catalogue."""

from __future__ import annotations

import datetime
import decimal
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.catalog.generate import generate_catalogue
from kshamta.certificates.actions import do_issue_certificate_for
from kshamta.competencies.actions import do_load_default_framework
from kshamta.core.testing import CastTestCase
from kshamta.orgs.demo import ensure_designation
from kshamta.planning import actions
from kshamta.planning.models import Plan, PlanDocument

DEMO_DOCS = Path(__file__).resolve().parent.parent / "demo_docs"
REVENUE_CODES = (
    "COLLECTOR",
    "DEPUTY-COLLECTOR",
    "NAIB-TEHSILDAR",
    "REVENUE-INSPECTOR",
    "LAND-RECORDS-SUPDT",
    "SETTLEMENT-OFFICER",
    "COPYIST",
    "OFFICE-SUPERINTENDENT",
    "ACCOUNTANT",
    "ASSISTANT-GR2",
)
DEMO_FILES: dict[str, str] = {
    PlanDocument.Kind.ORGANOGRAM: "revenue_organogram.xlsx",
    PlanDocument.Kind.WORK_ALLOCATION: "revenue_work_allocation.docx",
    PlanDocument.Kind.ANNUAL_REPORT: "revenue_annual_report.pdf",
    PlanDocument.Kind.ACTS_RULES: "revenue_acts_rules.txt",
}


def make_person(code: str, name: str, org: Any, designation: Any, email: str, mobile: str) -> User:
    return account_actions.do_create_person(
        employee_code=code,
        name_en=name,
        name_hi="",
        org=org,
        designation=designation,
        email=email,
        mobile=mobile,
        acting_user=None,
    ).user


def certify(user: User, competencies: dict[str, int], title: str = "Land records in practice") -> Any:
    """A valid certificate saying ``user`` holds these competency codes at these levels."""
    return do_issue_certificate_for(
        user=user,
        subject={"kind": "course", "code": "EXTERNAL-1"},
        title_en=title,
        title_hi="",
        provider_name_en="State ATI",
        provider_name_hi="",
        hours=decimal.Decimal("2"),
        competencies=[
            {"code": code, "level": level, "name_en": code, "name_hi": ""} for code, level in competencies.items()
        ],
        issued_at=timezone.now() - datetime.timedelta(days=3),
        notify=False,
    )


class PlanTestCase(CastTestCase):
    author: User
    approver: User
    author_b: User

    @classmethod
    def setUpClass(cls) -> None:
        # Uploaded documents go to a folder of this class's own, removed afterwards.
        media = tempfile.mkdtemp(prefix="kshamta-planning-test-")
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        cls.addClassCleanup(shutil.rmtree, media, ignore_errors=True)
        cls.addClassCleanup(override.disable)
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        do_load_default_framework(acting_user=None)
        for code in REVENUE_CODES:
            ensure_designation(code, acting_user=None)
        cls.author = make_person(
            "MP0101", "Sanjay Mishra", cls.dept_a, cls.tehsildar, "cbp.author@mp.gov.in", "9000000101"
        )
        cls.approver = make_person(
            "MP0102", "Kavita Joshi", cls.dept_a, cls.tehsildar, "cbp.approver@mp.gov.in", "9000000102"
        )
        cls.author_b = make_person("MP0103", "Asha Rao", cls.dept_b, cls.nurse, "cbp.health@mp.gov.in", "9000000103")
        grant = account_actions.do_grant_role
        grant(user=cls.author, role=Role.CBP_AUTHOR, org=cls.dept_a, acting_user=None)
        grant(user=cls.approver, role=Role.CBP_APPROVER, org=cls.dept_a, acting_user=None)
        grant(user=cls.author_b, role=Role.CBP_AUTHOR, org=cls.dept_b, acting_user=None)
        generate_catalogue(150, seed=11, code_prefix="TST")

    # --- building plans -----------------------------------------------------------------

    def new_plan(self, year: str = "2026-27") -> Plan:
        return actions.do_create_plan(org=self.dept_a, year=year, acting_user=self.author)

    def upload(self, plan: Plan, kind: str, filename: str | None = None, data: bytes | None = None) -> PlanDocument:
        name = filename or DEMO_FILES[kind]
        body = data if data is not None else (DEMO_DOCS / name).read_bytes()
        return actions.do_upload_document(
            plan, kind=kind, upload=ContentFile(body, name=name), filename=name, acting_user=self.author
        )

    def analysed_plan(self, year: str = "2026-27") -> Plan:
        """A plan with the four demo documents, analysed (the job run inline)."""
        plan = self.new_plan(year)
        for kind in DEMO_FILES:
            self.upload(plan, kind)
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_start_analysis(plan, acting_user=self.author)
        plan.refresh_from_db()
        return plan


class AnalysedPlanTestCase(PlanTestCase):
    """The planner's cast plus the Revenue plan analysed from the four demo documents, once per class.

    Four Patwaris besides learner_a: two certified in land records at level 3, one at level 1, and one
    whose level-3 certificate was revoked.
    """

    plan: Plan
    patwaris: list[User]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        from kshamta.certificates.actions import do_revoke_certificate

        cls.patwaris = [
            make_person(f"MP02{n:02d}", f"Patwari {n}", cls.district_a, cls.patwari, f"patwari{n}@mp.gov.in",
                        f"90000002{n:02d}")
            for n in range(1, 5)
        ]  # fmt: skip
        certify(cls.patwaris[0], {"DOM-LANDREC": 3, "FUN-RTI": 2})
        certify(cls.patwaris[1], {"DOM-LANDREC": 4})
        certify(cls.patwaris[2], {"DOM-LANDREC": 1})
        revoked = certify(cls.patwaris[3], {"DOM-LANDREC": 3})
        do_revoke_certificate(revoked, reason="Issued in error", acting_user=None)
        plan = actions.do_create_plan(org=cls.dept_a, year="2026-27", acting_user=cls.author)
        for kind, name in DEMO_FILES.items():
            body = (DEMO_DOCS / name).read_bytes()
            actions.do_upload_document(
                plan, kind=kind, upload=ContentFile(body, name=name), filename=name, acting_user=cls.author
            )
        analysis = actions.do_start_analysis(plan, acting_user=cls.author, enqueue=False)
        actions.run_analysis(analysis.pk)
        plan.refresh_from_db()
        cls.plan = plan
