"""What the learning tests share: published courses, enrolments, progress calls."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from django.test import Client
from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.assessments.models import Assessment, Attempt
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import Course, CourseVersion, Provider, Resource
from kshamta.catalog.testing import make_course, make_provider
from kshamta.core.testing import CastTestCase
from kshamta.learning import actions
from kshamta.learning.models import Enrolment, ResourceProgress

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

API = "/api/v1"
T0 = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC)


def at(seconds: int) -> datetime.datetime:
    """A client time ``seconds`` after a fixed moment in the past."""
    return T0 + datetime.timedelta(seconds=seconds)


def update(resource: Resource | int, percent: int, *, position: int | None = None, page: int | None = None,
           when: datetime.datetime | None = None) -> dict[str, Any]:  # fmt: skip
    return {
        "resource": getattr(resource, "pk", resource),
        "percent": percent,
        "position": position,
        "page": page,
        "at": when or timezone.now(),
    }


def resources_of(course: Course, version: CourseVersion | None = None) -> dict[str, Resource]:
    """The resources of a version (the published one by default) by kind."""
    version_id = version.pk if version else course.published_version_id
    return {r.kind: r for r in Resource.objects.filter(module__version_id=version_id).order_by("position", "id")}


class LearningTestCase(CastTestCase):
    """The cast, plus a published course with a video, a PDF, a reading and a link (all required)."""

    provider: Provider
    course: Course
    video: Resource
    pdf: Resource
    text: Resource
    link: Resource

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.provider = make_provider(org=cls.state)
        cls.course = make_course("RTI-101", provider=cls.provider, resources=("video", "pdf", "text", "link"))
        found = resources_of(cls.course)
        cls.video, cls.pdf, cls.text, cls.link = found["video"], found["pdf"], found["text"], found["link"]

    # --- building -------------------------------------------------------------------

    def enrol(self, user: User, course: Course | None = None, **kwargs: Any) -> Enrolment:
        return actions.do_enrol(user, course or self.course, acting_user=kwargs.pop("acting_user", user), **kwargs)

    def progress_of(self, user: User, resource: Resource) -> ResourceProgress:
        return ResourceProgress.objects.get(user=user, resource=resource)

    def complete_everything(self, user: User, course: Course | None = None) -> list[dict[str, Any]]:
        course = course or self.course
        updates = [
            update(r, 100, position=r.duration_seconds or None, page=r.page_count or None)
            for r in resources_of(course).values()
            if r.kind != Resource.Kind.ASSESSMENT
        ]
        return actions.do_record_progress(user, updates)

    def add_final_assessment(self, course: Course, *, as_resource: bool = True) -> Assessment:
        """A final assessment in the published version, placed in the course as a required resource."""
        version = course.published_version
        assert version is not None
        assessment = Assessment.objects.create(version=version, title_en="Final test", is_final=True)
        if as_resource:
            module = version.modules.first()
            assert module is not None
            Resource.objects.create(
                module=module, kind=Resource.Kind.ASSESSMENT, title_en="Final test", position=99, assessment=assessment
            )
        return assessment

    def submitted_attempt(self, enrolment: Enrolment, assessment: Assessment, *, passed: bool) -> Attempt:
        now = timezone.now()
        number = Attempt.objects.filter(assessment=assessment, user_id=enrolment.user_id).count() + 1
        return Attempt.objects.create(
            assessment=assessment,
            user_id=enrolment.user_id,
            enrolment=enrolment,
            number=number,
            status=Attempt.Status.SUBMITTED,
            started_at=now - datetime.timedelta(minutes=5),
            submitted_at=now,
            score=8 if passed else 2,
            max_score=10,
            percent=80 if passed else 20,
            passed=passed,
        )

    def new_published_version(self, course: Course, *, resource_title: str = "New video") -> CourseVersion:
        """The next version of ``course``: a copy of the published one (same resource keys) plus one
        more required video, published. Built directly with the catalogue's content actions, so it
        does not depend on the studio's editorial roles."""
        source = course.published_version
        assert source is not None
        version = CourseVersion.objects.create(
            course=course,
            number=source.number + 1,
            **{name: getattr(source, name) for name in catalog_actions.VERSION_FIELDS},
        )
        module = None
        for old_module in source.modules.order_by("position", "id"):
            module = catalog_actions.do_add_module(
                version, title_en=old_module.title_en, title_hi=old_module.title_hi, acting_user=None
            )
            for r in old_module.resources.order_by("position", "id"):
                copy = catalog_actions.do_add_resource(
                    module,
                    kind=r.kind,
                    title_en=r.title_en,
                    title_hi=r.title_hi,
                    is_required=r.is_required,
                    url=r.url,
                    body_html=r.body_html,
                    duration_seconds=r.duration_seconds,
                    page_count=r.page_count,
                    acting_user=None,
                )
                Resource.objects.filter(pk=copy.pk).update(key=r.key)
        assert module is not None
        catalog_actions.do_add_resource(
            module,
            kind=Resource.Kind.VIDEO,
            title_en=resource_title,
            url="https://example.org/new.mp4",
            duration_seconds=300,
            acting_user=None,
        )
        catalog_actions.do_publish(version, acting_user=None)
        course.refresh_from_db()
        return version

    # --- HTTP -----------------------------------------------------------------------

    def client_for(self, user: User | None, **kwargs: Any) -> Client:
        client = Client(**kwargs)
        if user is not None:
            client.force_login(user)
        return client

    def api(self, method: str, user: User | None, path: str, body: Any = None, **kwargs: Any) -> Response:
        client = self.client_for(user, **kwargs)
        if method == "GET":
            return client.get(API + path)
        data = json.dumps(body, default=str) if body is not None else ""
        return getattr(client, method.lower())(API + path, data=data, content_type="application/json")
