"""What the assignment tests share: more people in the cast's departments, publishing and running jobs."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns
from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import User
from kshamta.api import errors
from kshamta.api.api import KshamtaAPI
from kshamta.api.auth import SessionAuth, TokenAuth
from kshamta.catalog.models import Course
from kshamta.catalog.testing import make_course
from kshamta.learning import assignments
from kshamta.learning.assignment_api import build_router
from kshamta.learning.assignments import AssignmentSpec
from kshamta.learning.models import AssignmentJob, AssignmentRule, Enrolment
from kshamta.learning.tests.helpers import LearningTestCase
from kshamta.orgs.models import Designation, Organisation

DUE = datetime.date(2030, 3, 31)

# The site's URLs with the assignment pages, whether or not the site mounts them yet, and the
# assignment API on its own at /api-test/v1/ (a router belongs to one API, so this is a fresh one).
API = "/api-test/v1"
test_api = KshamtaAPI(
    title="Assignments API under test",
    version="test",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-assignments-test",
    docs_url=None,
)
errors.install(test_api)
test_api.add_router("", build_router())
urlpatterns = list(site_urlpatterns)
if not any(getattr(p, "namespace", None) == "assignments" for p in site_urlpatterns):
    urlpatterns.append(path("assignments/", include("kshamta.learning.assignment_urls")))
urlpatterns.insert(0, path("api-test/v1/", test_api.urls))
URLCONF = __name__


class AssignmentTestCase(LearningTestCase):
    """The cast and RTI-101, plus: a second Patwari at the department itself, a retired Patwari, a
    Tehsildar in the district, a second Staff Nurse, and a second course (POSH-1)."""

    patwari_2: User
    retired_patwari: User
    tehsildar_b: User
    nurse_2: User
    posh: Course

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.patwari_2 = cls.make_person("MP1001", cls.dept_a, cls.patwari)
        cls.retired_patwari = cls.make_person("MP1002", cls.district_a, cls.patwari, status="retired")
        cls.tehsildar_b = cls.make_person("MP1003", cls.district_a, cls.tehsildar)
        cls.nurse_2 = cls.make_person("MP1004", cls.district_b, cls.nurse)
        cls.posh = make_course("POSH-1", provider=cls.provider, title_en="POSH Act", resources=("text",))

    @classmethod
    def make_person(
        cls, code: str, org: Organisation, designation: Designation | None, *, status: str = "active"
    ) -> User:
        profile = account_actions.do_create_person(
            employee_code=code,
            name_en=f"Person {code}",
            name_hi=f"व्यक्ति {code}",
            org=org,
            designation=designation,
            email=f"{code.lower()}@mp.gov.in",
            acting_user=None,
        )
        if status != "active":
            account_actions.do_update_person(profile, status=status, acting_user=None)
        return profile.user

    def spec(
        self,
        course: Course | None = None,
        *,
        org: Organisation | None = None,
        designation: Designation | str | None = "patwari",
        due_on: datetime.date = DUE,
    ) -> AssignmentSpec:
        chosen = self.patwari if designation == "patwari" else designation
        assert not isinstance(chosen, str)
        return AssignmentSpec(org=org or self.dept_a, designation=chosen, course=course or self.course, due_on=due_on)

    def publish(
        self, *specs: AssignmentSpec, source_type: str = "cbp", source_id: int = 1, acting_user: Any = None
    ) -> AssignmentJob | None:
        """Publish and run the job (the task runs when the publication commits)."""
        with self.captureOnCommitCallbacks(execute=True):
            job = assignments.do_publish_assignment_rules(
                source_type=source_type,
                source_id=source_id,
                rules=list(specs),
                acting_user=acting_user or self.nodal_a,
            )
        if job is not None:
            job.refresh_from_db()
        return job

    def enrolment(self, user: User, course: Course | None = None) -> Enrolment:
        return Enrolment.objects.get(user=user, course=course or self.course)

    def assigned_people(self, course: Course | None = None) -> set[str]:
        """Employee codes of the people the course is assigned to now (open assignments)."""
        return set(
            Enrolment.objects.filter(course=course or self.course, assignments__closed_at__isnull=True).values_list(
                "user__profile__employee_code", flat=True
            )
        )

    def rules(self, **filters: Any) -> list[AssignmentRule]:
        return list(AssignmentRule.objects.filter(**filters).order_by("pk"))
