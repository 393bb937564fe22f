"""The certificates' cast on top of the named cast (kshamta.core.testing), built once per class.

provider_a     Revenue training cell (org: dept_a); publisher_a publishes for it
course_a       RTI-101 "Right to Information Act, 2005" / "सूचना का अधिकार अधिनियम, 2005",
               60 minutes, competency RTI at level 2, by provider_a
enrolment_a    learner_a (Sita Devi / सीता देवी) completed course_a; certificate_a issued
enrolment_b    learner_b (Health) completed course_a; certificate_b issued

The signing key and the PDFs go to private folders, removed after the class.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.test import override_settings
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import Course, Provider
from kshamta.catalog.testing import make_competency, make_course
from kshamta.certificates.actions import do_issue_certificate
from kshamta.certificates.models import Certificate
from kshamta.competencies.models import Competency
from kshamta.core.testing import CastTestCase
from kshamta.learning.models import Enrolment

COURSE_TITLE_HI = "सूचना का अधिकार अधिनियम, 2005"
RTI_LEVELS = [
    {"en": "Knows the Act exists", "hi": "अधिनियम की जानकारी"},
    {"en": "Answers routine applications", "hi": "सामान्य आवेदनों का उत्तर देता है"},
    {"en": "Handles first appeals", "hi": "प्रथम अपील का निपटान करता है"},
    {"en": "Guides others", "hi": "दूसरों का मार्गदर्शन करता है"},
    {"en": "Shapes policy", "hi": "नीति निर्धारण"},
]


def completed_enrolment(
    user: Any, course: Course, *, completed_at: datetime.datetime | None = None, learning_seconds: int = 3000
) -> Enrolment:
    """A completed enrolment, made directly (completion rules are the learning app's)."""
    done = completed_at or timezone.now()
    assert course.published_version is not None
    return Enrolment.objects.create(
        user=user,
        course=course,
        version=course.published_version,
        status=Enrolment.Status.COMPLETED,
        enrolled_at=done - datetime.timedelta(days=3),
        completed_at=done,
        last_active_at=done,
        progress_percent=100,
        learning_seconds=learning_seconds,
    )


class CertificateTestCase(CastTestCase):
    provider_a: Provider
    publisher_a: User
    course_a: Course
    rti: Competency
    enrolment_a: Enrolment
    enrolment_b: Enrolment
    certificate_a: Certificate
    certificate_b: Certificate
    folder: Path
    _override: override_settings

    @classmethod
    def setUpClass(cls) -> None:
        cls.folder = Path(tempfile.mkdtemp(prefix="kshamta-certificates-test-"))
        cls._override = override_settings(
            MEDIA_ROOT=str(cls.folder / "media"),
            CERTIFICATE_SIGNING_KEY_FILE=cls.folder / "keys" / "signing.pem",
            CERTIFICATE_PUBLIC_KEYS_DIR=cls.folder / "keys" / "public",
            SITE_URL="https://kshamta.mp.gov.in",
        )
        cls._override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        cls._override.disable()
        shutil.rmtree(cls.folder, ignore_errors=True)

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.provider_a, _ = catalog_actions.do_save_provider(
            code="MP-REV-TC",
            name_en="Revenue training cell",
            name_hi="राजस्व प्रशिक्षण प्रकोष्ठ",
            kind=Provider.Kind.DEPARTMENT_CELL,
            org=cls.dept_a,
            acting_user=None,
        )
        cls.publisher_a = account_actions.do_create_person(
            employee_code="MP0103",
            name_en="Neha Joshi",
            name_hi="नेहा जोशी",
            org=cls.dept_a,
            designation=None,
            email="neha.joshi@mp.gov.in",
            mobile="9000000103",
            acting_user=None,
        ).user
        account_actions.do_grant_role(user=cls.publisher_a, role=Role.PUBLISHER, org=cls.dept_a, acting_user=None)
        cls.rti = make_competency("RTI")
        Competency.objects.filter(pk=cls.rti.pk).update(
            name_en="Right to Information", name_hi="सूचना का अधिकार", levels=RTI_LEVELS
        )
        cls.course_a = make_course(
            "RTI-101",
            provider=cls.provider_a,
            title_en="Right to Information Act, 2005",
            title_hi=COURSE_TITLE_HI,
        )
        cls.enrolment_a = completed_enrolment(cls.learner_a, cls.course_a)
        cls.enrolment_b = completed_enrolment(cls.learner_b, cls.course_a)
        cls.certificate_a = do_issue_certificate(cls.enrolment_a)
        cls.certificate_b = do_issue_certificate(cls.enrolment_b)

    @classmethod
    def another_course(cls, code: str, *, title_en: str, title_hi: str, level: int) -> Course:
        """A published course of provider_a that builds RTI at ``level``."""
        course = make_course(code, provider=cls.provider_a, title_en=title_en, title_hi=title_hi, publish=False)
        version = course.versions.get()
        catalog_actions.do_set_competencies(version, {cls.rti: level}, acting_user=None)
        catalog_actions.do_publish(version, acting_user=None)
        course.refresh_from_db()
        return course
