"""Reading competencies and designation profiles, and who may change them.

The framework and the profiles are public within the platform: every signed-in person
may read them, so the reading getters take no user. Frameworks are changed by state
admins only; a designation's profile by a CBP author whose subtree holds the
organisation the designation is defined at, or by a state admin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import is_state_admin, role_orgs
from kshamta.accounts.models import Role
from kshamta.competencies.models import (
    ActivityCompetency,
    Competency,
    Framework,
    ProfileActivity,
    ProfileRole,
    kind_order,
)
from kshamta.orgs.models import Designation, subtree_range

PROFILE_EDITOR_ROLES = (Role.CBP_AUTHOR, Role.STATE_ADMIN)


def active_framework() -> Framework | None:
    return Framework.objects.filter(is_active=True).first()


def active_competencies() -> QuerySet[Competency]:
    """The active framework's competencies, behavioural first, then functional and domain."""
    return Competency.objects.filter(framework__is_active=True).order_by(kind_order(), "code")


def competencies_by_code(codes: Iterable[str]) -> dict[str, Competency]:
    """The active framework's competencies among ``codes`` (upper-cased), by code."""
    wanted = {code.strip().upper() for code in codes if code and code.strip()}
    return {c.code: c for c in active_competencies().filter(code__in=wanted)}


def access_competency_by_code(code: str) -> Competency:
    competency = active_competencies().filter(code=code.strip().upper()).first()
    if competency is None:
        raise Http404("no such competency")
    return competency


# --- frameworks -------------------------------------------------------------------------


def may_manage_frameworks(user: Any) -> bool:
    """Import, edit and switch frameworks: state admins."""
    return bool(getattr(user, "is_authenticated", False)) and is_state_admin(user)


def access_framework_by_code(code: str) -> Framework:
    framework = Framework.objects.filter(code=code.strip().upper()).first()
    if framework is None:
        raise Http404("no such framework")
    return framework


def access_framework_for_change(user: Any, code: str) -> Framework:
    if not may_manage_frameworks(user):
        raise Http404("no such framework")
    return access_framework_by_code(code)


def access_framework_competency(framework: Framework, code: str) -> Competency:
    competency = framework.competencies.filter(code=code.strip().upper()).first()
    if competency is None:
        raise Http404("no such competency")
    return competency


def search_competencies(framework: Framework, *, q: str = "", kind: str = "") -> QuerySet[Competency]:
    """A framework's competencies whose code, names or descriptions contain every word of ``q``."""
    from kshamta.core.text import clean_text

    competencies = framework.competencies.all()
    if kind:
        competencies = competencies.filter(kind=kind)
    for word in clean_text(q).split()[:10]:
        competencies = competencies.filter(
            Q(code__icontains=word)
            | Q(name_en__icontains=word)
            | Q(name_hi__icontains=word)
            | Q(description_en__icontains=word)
            | Q(description_hi__icontains=word)
        )
    return competencies.order_by(kind_order(), "code")


# --- designation profiles ---------------------------------------------------------------


def access_designation_by_id(designation_id: int) -> Designation:
    """Any designation, for reading its profile."""
    designation = Designation.objects.select_related("org").filter(pk=designation_id).first()
    if designation is None:
        raise Http404("no such designation")
    return designation


def editable_designations(user: Any) -> QuerySet[Designation]:
    """Designations whose profile ``user`` may edit: defined at an organisation inside a subtree
    where they are a CBP author or a state admin."""
    q = Q(pk__in=[])
    if getattr(user, "is_authenticated", False):
        for org in role_orgs(user, PROFILE_EDITOR_ROLES):
            low, high = subtree_range(org.path)
            q |= Q(org__path__gte=low, org__path__lt=high)
    return Designation.objects.filter(q)


def may_edit_profile(user: Any, designation: Designation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return any(org.contains(designation.org) for org in role_orgs(user, PROFILE_EDITOR_ROLES))


def may_edit_any_profile(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(role_orgs(user, PROFILE_EDITOR_ROLES))


def access_designation_for_profile_edit(user: Any, designation_id: int) -> Designation:
    designation = Designation.objects.select_related("org").filter(pk=designation_id).first()
    if designation is None or not may_edit_profile(user, designation):
        raise Http404("no such designation")
    return designation


def access_profile_role_for_edit(user: Any, role_id: int) -> ProfileRole:
    role = ProfileRole.objects.select_related("profile__designation__org").filter(pk=role_id).first()
    if role is None or not may_edit_profile(user, role.profile.designation):
        raise Http404("no such role")
    return role


def access_profile_activity_for_edit(user: Any, activity_id: int) -> ProfileActivity:
    activity = ProfileActivity.objects.select_related("role__profile__designation__org").filter(pk=activity_id).first()
    if activity is None or not may_edit_profile(user, activity.role.profile.designation):
        raise Http404("no such activity")
    return activity


def access_activity_competency_for_edit(user: Any, link_id: int) -> ActivityCompetency:
    link = (
        ActivityCompetency.objects.select_related("competency", "activity__role__profile__designation__org")
        .filter(pk=link_id)
        .first()
    )
    if link is None or not may_edit_profile(user, link.activity.role.profile.designation):
        raise Http404("no such competency link")
    return link
