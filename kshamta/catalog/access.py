"""Who may author, review and publish which courses. Studio scoping lives here and nowhere else.

Content roles (content creator, reviewer, publisher; a state admin holds all three) are
granted over an organisation subtree, and act on the courses of providers whose
organisation lies in that subtree. A provider with no organisation (a national provider
loaded from a catalogue file, say) belongs to the whole platform: only roles held at a top
organisation act for it. Everything out of scope is a 404, so the studio does not even
reveal that a course exists.

Nobody reviews or publishes their own work: whoever made or submitted a version cannot
approve or publish it (``is_own_work``), whatever roles they hold.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import role_orgs
from kshamta.accounts.models import Role
from kshamta.catalog.models import Course, CourseVersion, Module, Provider, Resource
from kshamta.orgs.models import Organisation

STUDIO_ROLES = (Role.CONTENT_CREATOR, Role.REVIEWER, Role.PUBLISHER, Role.STATE_ADMIN)

# The roles that may act as each content role: a state admin may do everything.
ACTING_ROLES: dict[str | None, tuple[str, ...]] = {
    None: STUDIO_ROLES,
    Role.CONTENT_CREATOR: (Role.CONTENT_CREATOR, Role.STATE_ADMIN),
    Role.REVIEWER: (Role.REVIEWER, Role.STATE_ADMIN),
    Role.PUBLISHER: (Role.PUBLISHER, Role.STATE_ADMIN),
    Role.STATE_ADMIN: (Role.STATE_ADMIN,),
}


def _orgs(user: Any, for_role: str | None) -> list[Organisation]:
    if for_role not in ACTING_ROLES:
        raise ValueError(f"not a content role: {for_role}")
    if not getattr(user, "is_authenticated", False):
        return []
    return role_orgs(user, ACTING_ROLES[for_role])


def _provider_q(orgs: list[Organisation], prefix: str = "") -> Q:
    """Providers (``prefix`` "" ) or rows reaching a provider through ``prefix`` in these subtrees."""
    q = Q(pk__in=[])
    for org in orgs:
        q |= org.subtree_q(f"{prefix}org__")
    if any(org.depth == 0 for org in orgs):
        q |= Q(**{f"{prefix}org__isnull": True})
    return q


def _covers(orgs: list[Organisation], provider: Provider) -> bool:
    if provider.org is None:
        return any(org.depth == 0 for org in orgs)
    return any(org.contains(provider.org) for org in orgs)


# --- questions about one user ----------------------------------------------------------


def is_studio_user(user: Any) -> bool:
    return bool(_orgs(user, None))


def holds(user: Any, role: str) -> bool:
    """Whether ``user`` may act as ``role`` (a content role) anywhere."""
    return bool(_orgs(user, role))


def acts_for(user: Any, course: Course, role: str | None = None) -> bool:
    """Whether ``user`` holds ``role`` (or any content role) over the course's provider."""
    return _covers(_orgs(user, role), course.provider)


def is_own_work(user: Any, version: CourseVersion) -> bool:
    pk = getattr(user, "pk", None)
    return pk is not None and pk in (version.created_by_id, version.submitted_by_id)


def can_author(user: Any, version_or_course: CourseVersion | Course) -> bool:
    course = version_or_course.course if isinstance(version_or_course, CourseVersion) else version_or_course
    return acts_for(user, course, Role.CONTENT_CREATOR)


def can_review(user: Any, version: CourseVersion) -> bool:
    """A reviewer over the provider who did not make or submit this version."""
    return acts_for(user, version.course, Role.REVIEWER) and not is_own_work(user, version)


def can_publish(user: Any, version: CourseVersion) -> bool:
    """A publisher over the provider who did not make or submit this version."""
    return acts_for(user, version.course, Role.PUBLISHER) and not is_own_work(user, version)


def can_retire(user: Any, course: Course) -> bool:
    return acts_for(user, course, Role.PUBLISHER)


# --- lists -----------------------------------------------------------------------------


def studio_courses(user: Any, role: str | None = None) -> QuerySet[Course]:
    """Courses whose provider lies in the subtrees where ``user`` holds ``role`` (any content role)."""
    return Course.objects.filter(_provider_q(_orgs(user, role), "provider__"))


def studio_versions(user: Any, role: str | None = None) -> QuerySet[CourseVersion]:
    return CourseVersion.objects.filter(_provider_q(_orgs(user, role), "course__provider__"))


def authoring_providers(user: Any) -> QuerySet[Provider]:
    """Providers ``user`` may create courses for."""
    return Provider.objects.filter(_provider_q(_orgs(user, Role.CONTENT_CREATOR))).select_related("org")


def administered_providers(user: Any) -> QuerySet[Provider]:
    """Providers a state admin manages (creates, renames, moves between organisations)."""
    return Provider.objects.filter(_provider_q(_orgs(user, Role.STATE_ADMIN))).select_related("org")


def provider_orgs(user: Any) -> QuerySet[Organisation]:
    """Organisations a state admin may attach a provider to: their subtrees."""
    q = Q(pk__in=[])
    for org in _orgs(user, Role.STATE_ADMIN):
        q |= org.subtree_q()
    return Organisation.objects.filter(q)


# --- one row, or a 404 -------------------------------------------------------------------


def access_course_by_id(user: Any, course_id: int, *, for_role: str | None = None) -> Course:
    course = Course.objects.select_related("provider__org", "published_version").filter(pk=course_id).first()
    if course is None or not acts_for(user, course, for_role):
        raise Http404("No such course")
    return course


def access_version_by_id(user: Any, version_id: int, *, for_role: str | None = None) -> CourseVersion:
    """A course version for someone holding ``for_role`` (a content role; any of them when None)
    over its provider."""
    version = (
        CourseVersion.objects.select_related(
            "course__provider__org",
            "course__published_version",
            "created_by",
            "submitted_by",
            "reviewed_by",
            "published_by",
        )
        .filter(pk=version_id)
        .first()
    )
    if version is None or not acts_for(user, version.course, for_role):
        raise Http404("No such course version")
    return version


def access_module_by_id(user: Any, module_id: int, *, for_role: str | None = Role.CONTENT_CREATOR) -> Module:
    module = Module.objects.select_related("version__course__provider__org").filter(pk=module_id).first()
    if module is None or not acts_for(user, module.version.course, for_role):
        raise Http404("No such module")
    return module


def access_resource_by_id(user: Any, resource_id: int, *, for_role: str | None = Role.CONTENT_CREATOR) -> Resource:
    resource = (
        Resource.objects.select_related("module__version__course__provider__org", "assessment")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None or not acts_for(user, resource.module.version.course, for_role):
        raise Http404("No such resource")
    return resource


def access_provider_by_id(user: Any, provider_id: int) -> Provider:
    """A provider, for a state admin over its organisation."""
    provider = administered_providers(user).filter(pk=provider_id).first()
    if provider is None:
        raise Http404("No such provider")
    return provider
