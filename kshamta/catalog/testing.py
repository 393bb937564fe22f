"""Building published courses for tests in other apps, with the real actions."""

from __future__ import annotations

from typing import Any

from kshamta.catalog import actions
from kshamta.catalog.models import Course, Provider, Resource
from kshamta.competencies.models import Competency, Framework


def make_framework() -> Framework:
    framework, _ = Framework.objects.get_or_create(
        code="TEST", defaults={"name_en": "Test framework", "is_active": True}
    )
    return framework


def make_competency(code: str = "RTI", kind: str = Competency.Kind.FUNCTIONAL) -> Competency:
    competency, _ = Competency.objects.get_or_create(
        framework=make_framework(),
        code=code,
        defaults={"kind": kind, "name_en": f"{code} handling", "name_hi": f"{code} निपटान"},
    )
    return competency


def make_provider(code: str = "ATI", org: Any = None) -> Provider:
    provider, _ = actions.do_save_provider(
        code=code,
        name_en="State ATI",
        name_hi="राज्य प्रशासन अकादमी",
        kind=Provider.Kind.STATE_ATI,
        org=org,
        acting_user=None,
    )
    return provider


def make_course(
    code: str = "RTI-101",
    *,
    provider: Provider | None = None,
    title_en: str = "Right to Information",
    title_hi: str = "सूचना का अधिकार",
    resources: tuple[str, ...] = ("video", "pdf"),
    publish: bool = True,
) -> Course:
    """A course with one module holding one resource of each kind in ``resources``, published.

    A video lasts 600 s, a PDF has 10 pages. An "assessment" resource is added without an
    assessment attached; tests that need one attach it themselves.
    """
    version = actions.do_create_course(
        code=code,
        provider=provider or make_provider(),
        title_en=title_en,
        title_hi=title_hi,
        summary_en=f"{title_en}: a course.",
        summary_hi=f"{title_hi}: एक पाठ्यक्रम।",
        duration_minutes=60,
        acting_user=None,
    )
    actions.do_set_competencies(version, {make_competency(): 2}, acting_user=None)
    module = actions.do_add_module(version, title_en="Module 1", title_hi="मॉड्यूल 1", acting_user=None)
    for kind in resources:
        fields: dict[str, Any] = {"title_en": f"{kind} resource", "title_hi": f"{kind} संसाधन"}
        if kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO):
            fields["duration_seconds"] = 600
            fields["url"] = "https://example.org/media.mp4"
        elif kind == Resource.Kind.PDF:
            fields["page_count"] = 10
        elif kind == Resource.Kind.TEXT:
            fields["body_html"] = "<p>Read this.</p>"
            fields["duration_seconds"] = 120
        elif kind == Resource.Kind.LINK:
            fields["url"] = "https://rti.gov.in/"
        actions.do_add_resource(module, kind=kind, acting_user=None, **fields)
    if publish:
        actions.do_publish(version, acting_user=None)
    version.course.refresh_from_db()
    return version.course
