"""Who may see and change what. Organisation-subtree scoping lives here and nowhere else."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.models import (
    ADMIN_ROLES,
    APIToken,
    EmailDomain,
    Profile,
    ProfileChangeRequest,
    RegistrationRequest,
    Role,
    RoleAssignment,
    StateAdminRequest,
    User,
)
from kshamta.core.models import AuditEvent
from kshamta.orgs.models import Designation, Organisation, subtree_range

# Roles that administer people (see, edit, grant roles) within their subtree.
PEOPLE_ADMIN_ROLES = (Role.NODAL_OFFICER, Role.STATE_ADMIN)


def _cached_roles(user: Any) -> list[RoleAssignment]:
    cached = getattr(user, "_kshamta_roles", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user).select_related("org")) if user.is_authenticated else []
        user._kshamta_roles = cached
    return cached


def forget_roles(user: Any) -> None:
    if hasattr(user, "_kshamta_roles"):
        del user._kshamta_roles


def role_orgs(user: Any, roles: Iterable[str]) -> list[Organisation]:
    """The organisations whose subtrees ``user`` holds any of ``roles`` over, outermost only."""
    wanted = set(roles)
    orgs = sorted({a.org.path: a.org for a in _cached_roles(user) if a.role in wanted}.values(), key=lambda o: o.path)
    outermost: list[Organisation] = []
    for org in orgs:
        if not any(org.path.startswith(o.path) for o in outermost):
            outermost.append(org)
    return outermost


def has_role(user: Any, *roles: str) -> bool:
    return bool(role_orgs(user, roles))


def has_admin_role(user: Any) -> bool:
    return any(a.role in ADMIN_ROLES for a in _cached_roles(user))


def administered_orgs(user: Any) -> list[Organisation]:
    return role_orgs(user, PEOPLE_ADMIN_ROLES)


def _paths_q(orgs: list[Organisation], prefix: str) -> Q:
    q = Q(pk__in=[])
    for org in orgs:
        low, high = subtree_range(org.path)
        q |= Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    return q


def can_administer_org(user: Any, org: Organisation) -> bool:
    return any(org.path.startswith(o.path) for o in administered_orgs(user))


# --- organisations ------------------------------------------------------------


def visible_orgs(user: Any) -> QuerySet[Organisation]:
    """Organisations a people-administrator can manage: their subtrees."""
    return Organisation.objects.filter(_paths_q(administered_orgs(user), ""))


def access_org_by_id(user: Any, org_id: int) -> Organisation:
    org = Organisation.objects.filter(pk=org_id).first()
    if org is None or not can_administer_org(user, org):
        raise Http404("No such organisation")
    return org


def access_org_by_code(user: Any, code: str) -> Organisation:
    org = Organisation.objects.filter(code=code).first()
    if org is None or not can_administer_org(user, org):
        raise Http404("No such organisation")
    return org


# --- designations -------------------------------------------------------------


def visible_designations(user: Any) -> QuerySet[Designation]:
    """Designations usable in the user's subtrees: those defined there or at an ancestor."""
    ancestor_ids: set[int] = set()
    for org in administered_orgs(user):
        ancestor_ids.update(org.ancestor_ids())
    return Designation.objects.filter(_paths_q(administered_orgs(user), "org__") | Q(org_id__in=ancestor_ids))


def access_designation_by_id(user: Any, designation_id: int) -> Designation:
    designation = visible_designations(user).filter(pk=designation_id).first()
    if designation is None:
        raise Http404("No such designation")
    return designation


# --- people -------------------------------------------------------------------


def _in_orgs(orgs: list[Organisation]) -> Q:
    """People whose organisation lies in these subtrees.

    Written as ``org_id IN (SELECT id … path range)`` rather than a join on the path: SQLite
    then walks profiles in the list's order and stops at the page size, instead of visiting
    every profile of the subtree (1 s → 0.25 s for a rare search among 4 lakh people).
    """
    return Q(org_id__in=Organisation.objects.filter(_paths_q(orgs, "")).values("id"))


def visible_people(user: Any) -> QuerySet[Profile]:
    """Profiles in the subtrees the user administers (never anyone else's)."""
    return Profile.objects.filter(_in_orgs(administered_orgs(user)))


def access_person_by_id(user: Any, person_id: int) -> Profile:
    """A person's profile for an administrator of their organisation, or the person themself."""
    profile = Profile.objects.select_related("user", "org", "designation").filter(pk=person_id).first()
    if profile is None:
        raise Http404("No such person")
    if profile.pk == user.pk or can_administer_org(user, profile.org):
        return profile
    raise Http404("No such person")


def can_grant(user: Any, role: str, org: Organisation) -> bool:
    """Nodal officers grant roles inside their subtree; only state admins make state admins."""
    if role == Role.STATE_ADMIN:
        return any(org.path.startswith(o.path) for o in role_orgs(user, [Role.STATE_ADMIN]))
    return can_administer_org(user, org)


# --- audit --------------------------------------------------------------------


def visible_audit_events(user: Any) -> QuerySet[AuditEvent]:
    q = Q(pk__in=[])
    for org in administered_orgs(user):
        low, high = subtree_range(org.path)
        q |= Q(org_path__gte=low, org_path__lt=high)
    return AuditEvent.objects.filter(q)


def search_people(
    user: Any,
    *,
    q: str = "",
    designation_id: int | None = None,
    org_id: int | None = None,
    status: str = "",
) -> QuerySet[Profile]:
    """The people list behind both the page and the API: scoped, searched, filtered.

    ``q`` matches a name in either script, the employee code, e-mail or mobile
    (one lower-cased column; a trigram index serves it on PostgreSQL). ``org_id``
    narrows to that organisation's subtree, and only within the user's scope.
    """
    from kshamta.core.text import clean_text, normalise_mobile

    people = visible_people(user)
    typed = clean_text(q)
    # A mobile number typed as +91 98765-43210 is stored as its ten digits.
    text = normalise_mobile(typed) or typed.lower()
    if text:
        people = people.filter(search_text__contains=text)
    if designation_id:
        people = people.filter(designation_id=designation_id)
    if org_id:
        org = access_org_by_id(user, org_id)
        people = people.filter(_in_orgs([org]))
    if status:
        people = people.filter(status=status)
    return people.select_related("user", "org", "designation").order_by("employee_code")


# --- for the API (and any page that needs the same) -------------------------


def access_person_for_admin(user: Any, person_id: int) -> Profile:
    """A person's profile for an administrator of their organisation only (not the person themself),
    for changes: transfers, edits, roles."""
    profile = Profile.objects.select_related("user", "org", "designation").filter(pk=person_id).first()
    if profile is None or not can_administer_org(user, profile.org):
        raise Http404("No such person")
    return profile


def access_designation_by_code(user: Any, code: str) -> Designation:
    designation = visible_designations(user).select_related("org").filter(code=code).first()
    if designation is None:
        raise Http404("No such designation")
    return designation


def designations_usable_at(user: Any, org: Organisation) -> QuerySet[Designation]:
    """Visible designations that people at ``org`` can hold: those defined at it or an ancestor."""
    return visible_designations(user).filter(org_id__in=org.ancestor_ids())


def access_role_assignment_by_id(user: Any, assignment_id: int) -> RoleAssignment:
    """A role assignment over an organisation the user administers."""
    assignment = RoleAssignment.objects.select_related("user", "org").filter(pk=assignment_id).first()
    if assignment is None or not can_administer_org(user, assignment.org):
        raise Http404("No such role assignment")
    return assignment


def access_api_token_by_id(user: Any, token_id: int) -> APIToken:
    """One of the user's own API tokens; nobody sees another person's tokens."""
    token = APIToken.objects.filter(pk=token_id, user_id=user.pk).first()
    if token is None:
        raise Http404("No such token")
    return token


def signed_in_user(request: Any) -> User:
    """The request's user as a ``User`` (for views behind ``login_required``)."""
    user = request.user
    if not isinstance(user, User):
        raise Http404("Not signed in")
    return user


# --- organisation-admin pages -------------------------------------------------


def access_revocable_role_by_id(user: Any, assignment_id: int) -> RoleAssignment:
    """A role assignment the user may revoke: over an organisation they administer, and of a role
    they could grant there (a nodal officer cannot revoke a state admin, even one scoped to their department)."""
    assignment = RoleAssignment.objects.select_related("user", "org").filter(pk=assignment_id).first()
    # can_grant implies the org is in the user's scope (a state admin also administers people there).
    if assignment is None or not can_grant(user, assignment.role, assignment.org):
        raise Http404("No such role assignment")
    return assignment


def grantable_roles(user: Any) -> list[Role]:
    """Roles the user may grant at one or more organisations of their scope."""
    orgs = administered_orgs(user)
    return [role for role in Role if any(can_grant(user, role, org) for org in orgs)]


def person_audit_events(user: Any, person_id: int) -> QuerySet[AuditEvent]:
    """Events about one person (profile, account, roles held) that the user may see."""
    key = str(person_id)
    about = (
        Q(target_type="accounts.profile", target_id=key)
        | Q(target_type="accounts.user", target_id=key)
        | (Q(target_type="accounts.roleassignment") & (Q(after__user=person_id) | Q(before__user=person_id)))
    )
    return visible_audit_events(user).filter(about)


# --- registration, requests for approval ----------------------------------------------


def visible_registration_requests(user: Any) -> QuerySet[RegistrationRequest]:
    """Registrations to organisations in the subtrees the user administers."""
    return RegistrationRequest.objects.filter(_paths_q(administered_orgs(user), "org__"))


def access_registration_request_by_id(user: Any, request_id: int) -> RegistrationRequest:
    registration = (
        visible_registration_requests(user).select_related("org", "designation").filter(pk=request_id).first()
    )
    if registration is None:
        raise Http404("No such registration")
    return registration


def visible_profile_change_requests(user: Any) -> QuerySet[ProfileChangeRequest]:
    """Requests of people who work now in the subtrees the user administers."""
    return ProfileChangeRequest.objects.filter(_paths_q(administered_orgs(user), "person__profile__org__"))


def access_profile_change_request_by_id(user: Any, request_id: int) -> ProfileChangeRequest:
    request = (
        visible_profile_change_requests(user)
        .select_related("person", "new_org", "new_designation")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise Http404("No such request")
    return request


def own_profile_change_requests(user: Any) -> QuerySet[ProfileChangeRequest]:
    return ProfileChangeRequest.objects.filter(person_id=user.pk).select_related("new_org", "new_designation")


def is_state_admin(user: Any) -> bool:
    return has_role(user, Role.STATE_ADMIN)


def visible_state_admin_requests(user: Any) -> QuerySet[StateAdminRequest]:
    """Requests from organisations under the user's state-admin role (none for anyone else)."""
    return StateAdminRequest.objects.filter(_paths_q(role_orgs(user, [Role.STATE_ADMIN]), "org__"))


def access_state_admin_request_by_id(user: Any, request_id: int) -> StateAdminRequest:
    request = visible_state_admin_requests(user).select_related("org", "registration").filter(pk=request_id).first()
    if request is None:
        raise Http404("No such request")
    return request


# Public reads for the registration form: the organisation tree and its designations are not secret.


def registration_departments() -> QuerySet[Organisation]:
    """The top organisations under each state or ministry: the first step of choosing where one works."""
    return Organisation.objects.filter(depth=1, is_active=True).order_by("name_en")


def registration_offices(department: Organisation) -> QuerySet[Organisation]:
    """The department itself and every office in it, in tree order."""
    return Organisation.objects.filter(department.subtree_q(), is_active=True).order_by("path")


def designations_in_department(department: Organisation) -> QuerySet[Designation]:
    """Designations someone in the department can hold: defined at it, inside it, or above it."""
    return Designation.objects.filter(department.subtree_q("org__") | Q(org_id__in=department.ancestor_ids()))


def access_email_domain_by_id(user: Any, domain_id: int) -> EmailDomain:
    """An allow-listed e-mail domain, for a state admin (the list is the state's)."""
    entry = EmailDomain.objects.filter(pk=domain_id).first() if is_state_admin(user) else None
    if entry is None:
        raise Http404("No such domain")
    return entry
