"""API: people, their roles, and the caller's own API tokens.

Thin endpoints: access check (kshamta.accounts.access) → schema → action (kshamta.accounts.actions).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status

from kshamta.accounts import access, actions
from kshamta.accounts.models import APIToken, DecisionStatus, Posting, Profile, Role, RoleAssignment
from kshamta.api.common import (
    AUTH_ERRORS,
    MAX_PAGE_SIZE,
    caller,
    error_responses,
    no_default,
    paginate,
    require_admin_scope,
)
from kshamta.api.errors import forbidden, invalid
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation

router = Router()

Group = Literal["", "A", "B", "C", "D"]
Gender = Literal["", "M", "F", "O"]
Category = Literal["", "GEN", "OBC", "SC", "ST", "EWS"]
Language = Literal["en", "hi"]


# --- schemas ------------------------------------------------------------------------


class PersonOut(Schema):
    id: int = Field(description="The person's user id.")
    employee_code: str
    name_en: str
    name_hi: str
    name: str = Field(description="The name in the caller's language.")
    email: str | None
    mobile: str | None = Field(description="10 digits, without +91.")
    org: str = Field(description="Code of the organisation the person works in.")
    org_name: str
    designation: str | None = Field(description="Code of the person's designation.")
    designation_name: str | None
    group: str
    status: Profile.Status
    is_active: bool


class PostingOut(Schema):
    org: str
    designation: str | None
    started_on: datetime.date
    ended_on: datetime.date | None
    reason: str


class PersonDetailOut(PersonOut):
    gender: str
    category: str
    date_of_birth: datetime.date | None
    date_of_joining: datetime.date | None
    preferred_language: str
    postings: list[PostingOut] = Field(description="Service history, newest first.")


class PersonPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PersonOut]


def _optional(**kwargs: Any) -> Any:
    return Field(None, json_schema_extra=no_default, **kwargs)


class PersonCreateIn(Schema):
    employee_code: str = Field(min_length=1, max_length=40)
    name_en: str = Field("", max_length=200)
    name_hi: str = Field("", max_length=200)
    org: str = Field(description="Code of an organisation you administer.", max_length=40)
    designation: str | None = Field(None, description="Designation code, usable at `org`.", max_length=40)
    email: str | None = Field(None, max_length=254)
    mobile: str | None = Field(None, max_length=20, description="Indian mobile; +91, spaces and hyphens are fine.")
    group: Group = ""
    gender: Gender = ""
    category: Category = ""
    date_of_birth: datetime.date | None = None
    date_of_joining: datetime.date | None = None
    preferred_language: Language = "en"


class PersonPatchIn(Schema):
    """Only the fields sent are changed. Use the transfer endpoint to change the organisation."""

    employee_code: str = _optional(min_length=1, max_length=40)
    name_en: str = _optional(max_length=200)
    name_hi: str = _optional(max_length=200)
    email: str | None = _optional(max_length=254, description="null removes it (a mobile must remain).")
    mobile: str | None = _optional(max_length=20, description="null removes it (an e-mail must remain).")
    designation: str | None = _optional(max_length=40, description="Designation code; null removes it.")
    group: Group = _optional()
    gender: Gender = _optional()
    category: Category = _optional()
    status: Profile.Status = _optional()
    date_of_birth: datetime.date | None = _optional()
    date_of_joining: datetime.date | None = _optional()
    preferred_language: Language = _optional()
    is_active: bool = _optional(description="false stops the person from signing in.")


class TransferIn(Schema):
    org: str = Field(description="Code of the organisation to move to (one you administer).", max_length=40)
    designation: str | None = _optional(
        max_length=40,
        description="Designation code at the new organisation. Leave out to keep the current one; null removes it.",
    )


class RoleOut(Schema):
    id: int
    role: Role
    role_label: str
    org: str
    org_name: str
    granted_by: int | None
    created_at: datetime.datetime


class RoleIn(Schema):
    role: Role
    org: str = Field(description="Code of the organisation whose subtree the role covers.", max_length=40)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters of the key, to recognise it.")
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    is_active: bool


class TokenCreatedOut(TokenOut):
    key: str = Field(description="The secret key. It is shown only this once; send it as `Authorization: Bearer`.")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="What the token is for, e.g. 'HRMS sync'.")


# --- serialisers ---------------------------------------------------------------------


def person_out(profile: Profile) -> dict[str, Any]:
    user, designation = profile.user, profile.designation
    return {
        "id": profile.pk,
        "employee_code": profile.employee_code,
        "name_en": user.name_en,
        "name_hi": user.name_hi,
        "name": user.name,
        "email": user.email,
        "mobile": user.mobile,
        "org": profile.org.code,
        "org_name": profile.org.name,
        "designation": designation.code if designation else None,
        "designation_name": designation.name if designation else None,
        "group": profile.group,
        "status": profile.status,
        "is_active": user.is_active,
    }


def person_detail_out(profile: Profile) -> dict[str, Any]:
    postings = Posting.objects.filter(user_id=profile.pk).select_related("org", "designation")
    return {
        **person_out(profile),
        "gender": profile.gender,
        "category": profile.category,
        "date_of_birth": profile.date_of_birth,
        "date_of_joining": profile.date_of_joining,
        "preferred_language": profile.user.preferred_language,
        "postings": [
            {
                "org": p.org.code,
                "designation": p.designation.code if p.designation else None,
                "started_on": p.started_on,
                "ended_on": p.ended_on,
                "reason": p.reason,
            }
            for p in postings
        ],
    }


def role_out(assignment: RoleAssignment) -> dict[str, Any]:
    return {
        "id": assignment.pk,
        "role": assignment.role,
        "role_label": str(Role(assignment.role).label),
        "org": assignment.org.code,
        "org_name": assignment.org.name,
        "granted_by": assignment.granted_by_id,
        "created_at": assignment.created_at,
    }


def token_out(token: APIToken) -> dict[str, Any]:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "is_active": token.is_active,
    }


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


@contextmanager
def person_rules() -> Iterator[None]:
    """A change the rules refuse (PersonError) becomes 400 {"code": "invalid"} with the action's message."""
    try:
        yield
    except actions.PersonError as exc:
        raise invalid(str(exc)) from exc


def _designation(user: Any, code: str | None) -> Designation | None:
    return access.access_designation_by_code(user, clean_text(code)) if code else None


def _designation_id_filter(user: Any, value: str) -> int:
    """A designation given by code (or, failing that, by numeric id) that the user can see."""
    value = clean_text(value)
    found = access.visible_designations(user).filter(code=value).values_list("pk", flat=True).first()
    if found is not None:
        return found
    if value.isdigit():
        return access.access_designation_by_id(user, int(value)).pk
    raise Http404("No such designation")


# --- people --------------------------------------------------------------------------


@router.get(
    "/people",
    response={200: PersonPage, **error_responses(*AUTH_ERRORS, 403, 404)},
    tags=["people"],
    summary="Search people you administer",
    description="People in the organisation subtrees you administer, by employee code. `q` matches a name in "
    "either script, the employee code, e-mail or mobile. A filter naming something outside your subtrees gives "
    "404. Callers who administer nothing get 403.",
)
def list_people(
    request: HttpRequest,
    q: str = Query("", description="Part of a name, employee code, e-mail or mobile."),
    designation: str = Query("", description="Designation code or id."),
    org: str = Query("", description="Organisation code: that organisation and everything under it."),
    status: Profile.Status | None = None,
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE, description="Default 50, at most 200."),
) -> dict[str, Any]:
    user = require_admin_scope(request)
    people = access.search_people(
        user,
        q=q,
        designation_id=_designation_id_filter(user, designation) if designation else None,
        org_id=access.access_org_by_code(user, clean_text(org)).pk if org else None,
        status=status.value if status else "",
    )
    return paginate(people, page=page, page_size=page_size, serialise=person_out)


@router.post(
    "/people",
    response={201: PersonDetailOut, **error_responses(*AUTH_ERRORS, 400, 403, 404)},
    tags=["people"],
    summary="Add a person",
    description="Creates the person's account and service record at an organisation you administer. "
    "An e-mail address or a mobile number is required (it is how they sign in).",
)
def create_person(request: HttpRequest, payload: PersonCreateIn) -> Status[dict[str, Any]]:
    user = require_admin_scope(request)
    org = access.access_org_by_code(user, clean_text(payload.org))
    designation = _designation(user, payload.designation)
    with person_rules():
        profile = actions.do_create_person(
            employee_code=payload.employee_code,
            name_en=payload.name_en,
            name_hi=payload.name_hi,
            org=org,
            designation=designation,
            email=payload.email,
            mobile=payload.mobile,
            group=payload.group,
            gender=payload.gender,
            category=payload.category,
            date_of_birth=payload.date_of_birth,
            date_of_joining=payload.date_of_joining,
            preferred_language=payload.preferred_language,
            acting_user=user,
        )
    return Status(201, person_detail_out(access.access_person_for_admin(user, profile.pk)))


@router.get(
    "/people/{user_id}",
    response={200: PersonDetailOut, **error_responses(*AUTH_ERRORS, 404)},
    tags=["people"],
    summary="One person",
    description="A person in your subtrees (or yourself), with their service history.",
)
def get_person(request: HttpRequest, user_id: int) -> dict[str, Any]:
    return person_detail_out(access.access_person_by_id(caller(request), user_id))


@router.patch(
    "/people/{user_id}",
    response={200: PersonDetailOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["people"],
    summary="Change a person's details",
    description="Changes only the fields sent. A new designation opens a new posting in the service history. "
    "People cannot change their own service record here; an administrator of their organisation can.",
)
def update_person(request: HttpRequest, user_id: int, payload: PersonPatchIn) -> dict[str, Any]:
    user = caller(request)
    profile = access.access_person_for_admin(user, user_id)
    changes = {name: _plain(value) for name, value in payload.model_dump(exclude_unset=True).items()}
    if "designation" in changes:
        changes["designation"] = _designation(user, changes["designation"])
    with person_rules():
        actions.do_update_person(profile, acting_user=user, **changes)
    return person_detail_out(access.access_person_for_admin(user, user_id))


@router.post(
    "/people/{user_id}/transfer",
    response={200: PersonDetailOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["people"],
    summary="Transfer a person",
    description="Moves a person to another organisation you administer, closing the current posting.",
)
def transfer_person(request: HttpRequest, user_id: int, payload: TransferIn) -> dict[str, Any]:
    user = caller(request)
    profile = access.access_person_for_admin(user, user_id)
    to_org = access.access_org_by_code(user, clean_text(payload.org))
    with person_rules():
        if "designation" not in payload.model_fields_set:
            actions.do_transfer_person(profile, to_org=to_org, acting_user=user)
        elif payload.designation is None:
            # do_transfer_person keeps the designation when given none; removing it is a plain update.
            actions.do_update_person(profile, acting_user=user, reason="transfer", org=to_org, designation=None)
        else:
            actions.do_transfer_person(
                profile, to_org=to_org, designation=_designation(user, payload.designation), acting_user=user
            )
    return person_detail_out(access.access_person_for_admin(user, user_id))


# --- roles ---------------------------------------------------------------------------


@router.get(
    "/people/{user_id}/roles",
    response={200: list[RoleOut], **error_responses(*AUTH_ERRORS, 404)},
    tags=["roles"],
    summary="A person's roles",
    description="The roles a person in your subtrees (or you) holds, each over an organisation subtree.",
)
def list_roles(request: HttpRequest, user_id: int) -> list[dict[str, Any]]:
    profile = access.access_person_by_id(caller(request), user_id)
    assignments = RoleAssignment.objects.filter(user_id=profile.pk).select_related("org")
    return [role_out(a) for a in assignments]


@router.post(
    "/people/{user_id}/roles",
    response={201: RoleOut, **error_responses(*AUTH_ERRORS, 403, 404)},
    tags=["roles"],
    summary="Grant a role",
    description="Grants a role over an organisation in your subtrees to a person in your subtrees. Only state "
    "admins make state admins (403 otherwise). Granting a role the person already holds returns it unchanged.",
)
def grant_role(request: HttpRequest, user_id: int, payload: RoleIn) -> Status[dict[str, Any]]:
    user = caller(request)
    profile = access.access_person_for_admin(user, user_id)
    org = access.access_org_by_code(user, clean_text(payload.org))
    if not access.can_grant(user, payload.role, org):
        raise forbidden()
    with person_rules():
        assignment = actions.do_grant_role(user=profile.user, role=payload.role.value, org=org, acting_user=user)
    return Status(201, role_out(assignment))


@router.delete(
    "/roles/{assignment_id}",
    response={204: None, **error_responses(*AUTH_ERRORS, 403, 404)},
    tags=["roles"],
    summary="Revoke a role",
    description="Removes a role assignment over an organisation in your subtrees.",
)
def revoke_role(request: HttpRequest, assignment_id: int) -> Status[None]:
    user = caller(request)
    assignment = access.access_role_assignment_by_id(user, assignment_id)
    if not access.can_grant(user, assignment.role, assignment.org):
        raise forbidden()
    actions.do_revoke_role(assignment, acting_user=user)
    return Status(204, None)


# --- the caller's API tokens ---------------------------------------------------------


@router.get(
    "/tokens",
    response={200: list[TokenOut], **error_responses(*AUTH_ERRORS)},
    tags=["tokens"],
    summary="Your API tokens",
    description="Your own tokens, newest first, including revoked ones. Keys are never shown again.",
)
def list_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    return [token_out(t) for t in APIToken.objects.filter(user_id=caller(request).pk)]


@router.post(
    "/tokens",
    response={201: TokenCreatedOut, **error_responses(*AUTH_ERRORS)},
    tags=["tokens"],
    summary="Create an API token",
    description="A new token that acts as you. The response carries the secret key, once; only its hash is kept.",
)
def create_token(request: HttpRequest, payload: TokenIn) -> Status[dict[str, Any]]:
    user = caller(request)
    token, key = actions.do_create_api_token(user, name=payload.name, acting_user=user)
    return Status(201, {**token_out(token), "key": key})


@router.delete(
    "/tokens/{token_id}",
    response={204: None, **error_responses(*AUTH_ERRORS, 404)},
    tags=["tokens"],
    summary="Revoke one of your API tokens",
    description="The token stops working at once. Revoking a revoked token changes nothing.",
)
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    user = caller(request)
    actions.do_revoke_api_token(access.access_api_token_by_id(user, token_id), acting_user=user)
    return Status(204, None)


# --- registrations and profile-change requests awaiting a decision ------------------------


class RegistrationOut(Schema):
    id: int
    identity: str = Field(description="The e-mail address or mobile number the registrant proved with a code.")
    employee_code: str
    name_en: str
    name_hi: str
    org: str = Field(description="Code of the organisation the registrant chose.")
    designation: str | None
    group: str
    date_of_birth: datetime.date | None
    gender: str
    category: str
    status: str
    reason: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    user: int | None = Field(description="The person created on approval.")


class RegistrationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[RegistrationOut]


class ProfileChangeOut(Schema):
    id: int
    person: int
    employee_code: str
    field: str = Field(description="designation, org or group.")
    old_value: str
    new_org: str | None
    new_designation: str | None
    new_group: str
    status: str
    reason: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None


class ProfileChangePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ProfileChangeOut]


class RejectIn(Schema):
    reason: str = Field(min_length=1, max_length=2000, description="Why; sent to the person.")


def registration_out(registration: Any) -> dict[str, Any]:
    return {
        "id": registration.pk,
        "identity": registration.identity,
        "employee_code": registration.employee_code,
        "name_en": registration.name_en,
        "name_hi": registration.name_hi,
        "org": registration.org.code,
        "designation": registration.designation.code if registration.designation else None,
        "group": registration.group,
        "date_of_birth": registration.date_of_birth,
        "gender": registration.gender,
        "category": registration.category,
        "status": registration.status,
        "reason": registration.reason,
        "created_at": registration.created_at,
        "decided_at": registration.decided_at,
        "user": registration.user_id,
    }


def profile_change_out(row: Any) -> dict[str, Any]:
    return {
        "id": row.pk,
        "person": row.person_id,
        "employee_code": row.person.profile.employee_code,
        "field": row.field,
        "old_value": row.old_value,
        "new_org": row.new_org.code if row.new_org else None,
        "new_designation": row.new_designation.code if row.new_designation else None,
        "new_group": row.new_group,
        "status": row.status,
        "reason": row.reason,
        "created_at": row.created_at,
        "decided_at": row.decided_at,
    }


@contextmanager
def decision_rules() -> Iterator[None]:
    """A refused decision (already decided, no reason, a clash) is a 400 with the reason."""
    try:
        yield
    except actions.PersonError as exc:
        raise invalid(str(exc)) from exc


@router.get(
    "/registrations",
    response={200: RegistrationPage, **error_responses(*AUTH_ERRORS, 403)},
    tags=["registrations"],
    summary="Registrations waiting for a decision",
    description="Pending registrations to organisations in your subtrees, oldest first.",
)
def list_registrations(
    request: HttpRequest, page: int = Query(1, ge=1), page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE)
) -> dict[str, Any]:
    user = require_admin_scope(request)
    pending = (
        access.visible_registration_requests(user)
        .filter(status=DecisionStatus.PENDING)
        .select_related("org", "designation")
        .order_by("created_at", "id")
    )
    return paginate(pending, page=page, page_size=page_size, serialise=registration_out)


@router.post(
    "/registrations/{registration_id}/approve",
    response={200: RegistrationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["registrations"],
    summary="Approve a registration",
    description="Creates the person and queues their welcome message. A request already decided answers 400.",
)
def approve_registration(request: HttpRequest, registration_id: int) -> dict[str, Any]:
    user = caller(request)
    registration = access.access_registration_request_by_id(user, registration_id)
    with decision_rules():
        actions.do_approve_registration(registration, acting_user=user)
    return registration_out(access.access_registration_request_by_id(user, registration_id))


@router.post(
    "/registrations/{registration_id}/reject",
    response={200: RegistrationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["registrations"],
    summary="Reject a registration",
    description="The reason is required and is sent to the registrant.",
)
def reject_registration(request: HttpRequest, registration_id: int, payload: RejectIn) -> dict[str, Any]:
    user = caller(request)
    registration = access.access_registration_request_by_id(user, registration_id)
    with decision_rules():
        actions.do_reject_registration(registration, reason=payload.reason, acting_user=user)
    return registration_out(access.access_registration_request_by_id(user, registration_id))


@router.get(
    "/profile-changes",
    response={200: ProfileChangePage, **error_responses(*AUTH_ERRORS, 403)},
    tags=["profile changes"],
    summary="Profile changes waiting for a decision",
    description="Pending requests of people working in your subtrees, one per requested field, oldest first.",
)
def list_profile_changes(
    request: HttpRequest, page: int = Query(1, ge=1), page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE)
) -> dict[str, Any]:
    user = require_admin_scope(request)
    pending = (
        access.visible_profile_change_requests(user)
        .filter(status=DecisionStatus.PENDING)
        .select_related("person__profile", "new_org", "new_designation")
        .order_by("created_at", "id")
    )
    return paginate(pending, page=page, page_size=page_size, serialise=profile_change_out)


@router.post(
    "/profile-changes/{request_id}/approve",
    response={200: ProfileChangeOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["profile changes"],
    summary="Approve a profile change",
    description="Applies the change to the person's record (a transfer for org). "
    "A request already decided answers 400.",
)
def approve_profile_change(request: HttpRequest, request_id: int) -> dict[str, Any]:
    user = caller(request)
    row = access.access_profile_change_request_by_id(user, request_id)
    with decision_rules():
        actions.do_approve_profile_change(row, acting_user=user)
    row.refresh_from_db()
    return profile_change_out(row)


@router.post(
    "/profile-changes/{request_id}/reject",
    response={200: ProfileChangeOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    tags=["profile changes"],
    summary="Reject a profile change",
    description="The reason is required and is sent to the person.",
)
def reject_profile_change(request: HttpRequest, request_id: int, payload: RejectIn) -> dict[str, Any]:
    user = caller(request)
    row = access.access_profile_change_request_by_id(user, request_id)
    with decision_rules():
        actions.do_reject_profile_change(row, reason=payload.reason, acting_user=user)
    row.refresh_from_db()
    return profile_change_out(row)
