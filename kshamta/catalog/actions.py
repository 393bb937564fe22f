"""Every write to the catalogue: courses, versions, modules, resources, publishing.

Publishing copies the version's catalogue fields onto the course (see models), and is
the only place that sets ``Course.published_version``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import transaction
from django.utils import timezone

from kshamta.catalog.models import Course, CourseCompetency, CourseVersion, Module, Provider, Resource
from kshamta.competencies.models import Competency
from kshamta.core import audit
from kshamta.core.text import clean_text

VERSION_FIELDS = (
    "title_en",
    "title_hi",
    "summary_en",
    "summary_hi",
    "languages",
    "duration_minutes",
    "level",
    "tags",
)


def _org_path(course: Course) -> str:
    org = course.provider.org
    return org.path if org else ""


@transaction.atomic
def do_save_provider(
    *, code: str, name_en: str, name_hi: str = "", kind: str = Provider.Kind.OTHER, org: Any = None, acting_user: Any
) -> tuple[Provider, bool]:
    """Create the provider ``code`` or update its names; returns (provider, created)."""
    code = clean_text(code).upper()
    provider = Provider.objects.select_for_update().filter(code=code).first()
    created = provider is None
    before = audit.snapshot(provider, ["name_en", "name_hi", "kind", "org"]) if provider else {}
    if provider is None:
        provider = Provider(code=code)
    provider.name_en = clean_text(name_en)
    provider.name_hi = clean_text(name_hi)
    provider.kind = kind
    if org is not None or created:
        provider.org = org
    provider.save()
    audit.record(
        actor=acting_user,
        action="provider.create" if created else "provider.update",
        target=provider,
        org_path=provider.org.path if provider.org else "",
        before=before,
        after=audit.snapshot(provider, ["name_en", "name_hi", "kind", "org"]),
    )
    return provider, created


@transaction.atomic
def do_create_course(*, code: str, provider: Provider, acting_user: Any, **fields: Any) -> CourseVersion:
    """A new course with its first (draft) version; ``fields`` are version fields."""
    course = Course.objects.create(code=clean_text(code).upper(), provider=provider)
    version = CourseVersion.objects.create(course=course, number=1, created_by=_user_or_none(acting_user))
    _apply_version_fields(version, fields)
    version.save()
    audit.record(
        actor=acting_user,
        action="course.create",
        target=course,
        org_path=_org_path(course),
        after=audit.snapshot(version, VERSION_FIELDS),
    )
    return version


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def _apply_version_fields(version: CourseVersion, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name not in VERSION_FIELDS:
            raise TypeError(f"not a course version field: {name}")
        setattr(version, name, clean_text(value) if isinstance(value, str) else value)


@transaction.atomic
def do_update_version(version: CourseVersion, *, acting_user: Any, **fields: Any) -> CourseVersion:
    if not version.is_editable:
        raise ValueError("only a draft version can be edited")
    before = audit.snapshot(version, VERSION_FIELDS)
    _apply_version_fields(version, fields)
    version.save()
    audit.record(
        actor=acting_user,
        action="course.edit",
        target=version.course,
        org_path=_org_path(version.course),
        before=before,
        after=audit.snapshot(version, VERSION_FIELDS),
    )
    return version


@transaction.atomic
def do_set_competencies(version: CourseVersion, levels: dict[Competency, int], *, acting_user: Any) -> None:
    if not version.is_editable:
        raise ValueError("only a draft version can be edited")
    version.competencies.all().delete()
    CourseCompetency.objects.bulk_create(
        CourseCompetency(version=version, competency=c, level=level) for c, level in levels.items()
    )


@transaction.atomic
def do_add_module(version: CourseVersion, *, title_en: str, title_hi: str = "", acting_user: Any) -> Module:
    if not version.is_editable:
        raise ValueError("only a draft version can be edited")
    position = version.modules.count()
    return Module.objects.create(
        version=version, position=position, title_en=clean_text(title_en), title_hi=clean_text(title_hi)
    )


@transaction.atomic
def do_add_resource(module: Module, *, kind: str, acting_user: Any, **fields: Any) -> Resource:
    """Add a resource to a draft module. Uploaded files and HTML must already be checked
    (see ``kshamta.catalog.uploads``)."""
    if not module.version.is_editable:
        raise ValueError("only a draft version can be edited")
    resource = Resource(module=module, kind=kind, position=module.resources.count(), **fields)
    resource.save()
    return resource


def search_text_for(version: CourseVersion) -> str:
    course = version.course
    parts = [
        course.code,
        version.title_en,
        version.title_hi,
        version.summary_en,
        version.summary_hi,
        version.tags,
        course.provider.name_en,
        course.provider.name_hi,
    ]
    for link in version.competencies.select_related("competency"):
        parts += [link.competency.code, link.competency.name_en, link.competency.name_hi]
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()


@transaction.atomic
def do_publish(version: CourseVersion, *, acting_user: Any) -> Course:
    """Make ``version`` the course's published version (the previous one is superseded).

    The editorial checks (reviewed, not one's own work) belong to the caller's workflow
    action; this is the single place that flips what the catalogue shows.
    """
    course = Course.objects.select_for_update().get(pk=version.course_id)
    previous = course.published_version
    now = timezone.now()
    if previous is not None and previous.pk != version.pk:
        CourseVersion.objects.filter(pk=previous.pk).update(status=CourseVersion.Status.SUPERSEDED)
    version.status = CourseVersion.Status.PUBLISHED
    version.published_at = now
    version.published_by = _user_or_none(acting_user)
    version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    kinds = sorted({r.kind for m in version.modules.prefetch_related("resources") for r in m.resources.all()})
    codes = [link.competency.code for link in version.competencies.select_related("competency")]
    course.published_version = version
    course.is_retired = False
    for name in ("title_en", "title_hi", "summary_en", "summary_hi", "languages", "duration_minutes", "level"):
        setattr(course, name, getattr(version, name))
    course.resource_kinds = ",".join(kinds)
    course.competency_codes = "," + ",".join(codes) + "," if codes else ""
    course.search_text = search_text_for(version)
    course.published_at = course.published_at or now
    course.save()
    audit.record(
        actor=acting_user,
        action="course.publish",
        target=course,
        org_path=_org_path(course),
        after={"version": version.number},
    )
    return course
