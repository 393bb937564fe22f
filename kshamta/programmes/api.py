"""API: programmes and batches, nominations and their approval, session attendance.

The same scoping as the pages: what the caller may not see answers 404; a refused step
(outside the nominator's subtree, no seat in the batch, a rejection without a reason) 400
with the reason in the caller's language.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from kshamta.accounts.models import Profile
from kshamta.api.common import AUTH_ERRORS, caller, error_responses
from kshamta.api.errors import APIError, invalid
from kshamta.programmes import access, actions
from kshamta.programmes.models import Attendance, Batch, Nomination, Programme, Session

router = Router(tags=["programmes"])


class ProgrammeOut(Schema):
    code: str
    title_en: str
    title_hi: str
    title: str = Field(description="The title in the caller's language.")
    org: str = Field(description="Code of the owning organisation.")
    status: Programme.Status
    approval_mode: Programme.ApprovalMode
    attendance_threshold: int = Field(description="Attendance (% of the batch's sessions) needed to complete.")
    courses: list[str] = Field(description="Codes of the online courses every participant completes.")
    final_assessment: int | None = Field(description="Id of the final assessment to pass, if any.")
    you_coordinate: bool


class SessionOut(Schema):
    id: int
    title_en: str
    title_hi: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue_name: str
    venue_address: str
    vc_link: str
    trainer_name: str


class BatchOut(Schema):
    id: int
    programme: str
    code: str
    seat_limit: int
    seats_taken: int
    waitlisted: int
    starts_on: datetime.date
    ends_on: datetime.date
    enrolment_ends_on: datetime.date
    venue: str
    status: Batch.Status
    eligible_designations: list[str] = Field(description="Designation codes; empty means every designation.")
    eligible_groups: list[str] = Field(description="Service groups (A-D); empty means every group.")
    eligible_orgs: list[str] = Field(description="Organisation codes (with their subtrees); empty means everywhere.")
    sessions: list[SessionOut]


class NominationOut(Schema):
    id: int
    batch: int
    programme: str
    employee_code: str
    name: str
    status: Nomination.Status
    source: Nomination.Source
    waitlist_position: int | None
    reason: str
    completed: bool


class NominateIn(Schema):
    employee_codes: list[str] = Field(min_length=1, max_length=500)


class NominationResult(Schema):
    employee_code: str
    nomination: NominationOut | None
    error: str = Field(description="Why this person was not nominated; empty when they were.")


class NominateOut(Schema):
    nominated: int
    failed: int
    results: list[NominationResult]


class RejectIn(Schema):
    reason: str = Field(min_length=1, max_length=1000)


class WithdrawIn(Schema):
    reason: str = Field("", max_length=1000)


class AttendanceIn(Schema):
    employee_codes: list[str] = Field(min_length=1, max_length=1000, description="People present (added).")


class PresentOut(Schema):
    employee_code: str
    name: str
    method: Attendance.Method
    at: datetime.datetime


class AttendanceOut(Schema):
    session: int
    seats: int
    present: list[PresentOut]


def _refused(exc: actions.ProgrammeError) -> APIError:
    return invalid(str(exc))


def programme_out(programme: Programme, managed: set[int]) -> dict[str, Any]:
    return {
        "code": programme.code,
        "title_en": programme.title_en,
        "title_hi": programme.title_hi,
        "title": programme.title,
        "org": programme.org.code,
        "status": programme.status,
        "approval_mode": programme.approval_mode,
        "attendance_threshold": programme.attendance_threshold,
        "courses": [c.code for c in programme.courses.all()],
        "final_assessment": programme.final_assessment_id,
        "you_coordinate": programme.pk in managed,
    }


def session_out(session: Session) -> dict[str, Any]:
    return {name: getattr(session, name) for name in ("id", *actions.SESSION_FIELDS)}


def batch_out(batch: Any) -> dict[str, Any]:
    return {
        "id": batch.pk,
        "programme": batch.programme.code,
        "code": batch.code,
        "seat_limit": batch.seat_limit,
        "seats_taken": batch.seats_taken,
        "waitlisted": batch.waitlisted,
        "starts_on": batch.starts_on,
        "ends_on": batch.ends_on,
        "enrolment_ends_on": batch.enrolment_ends_on,
        "venue": batch.venue,
        "status": batch.status,
        "eligible_designations": [d.code for d in batch.eligible_designations.all()],
        "eligible_groups": batch.group_list(),
        "eligible_orgs": [o.code for o in batch.eligible_orgs.all()],
        "sessions": [session_out(s) for s in batch.sessions.all()],
    }


def nomination_out(nomination: Nomination) -> dict[str, Any]:
    profile = getattr(nomination.user, "profile", None)
    return {
        "id": nomination.pk,
        "batch": nomination.batch_id,
        "programme": nomination.batch.programme.code,
        "employee_code": profile.employee_code if profile else "",
        "name": nomination.user.name,
        "status": nomination.status,
        "source": nomination.source,
        "waitlist_position": nomination.waitlist_position,
        "reason": nomination.reason,
        "completed": nomination.completed_at is not None,
    }


def _fresh(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_related("batch__programme", "user__profile").get(pk=nomination.pk)


@router.get(
    "/programmes",
    response={200: list[ProgrammeOut], **error_responses(*AUTH_ERRORS)},
    summary="Programmes you can see",
    description="Programmes you coordinate, are nominated in, can nominate people to, or are eligible for.",
)
def list_programmes(request: HttpRequest) -> list[dict[str, Any]]:
    user = caller(request)
    programmes = access.visible_programmes(user)
    managed = set(access.managed_programmes(user).values_list("pk", flat=True))
    courses: dict[int, list[Any]] = {}
    for link in Programme.courses.through.objects.filter(programme__in=programmes).select_related("course"):
        courses.setdefault(link.programme_id, []).append(link.course)
    out = []
    for programme in programmes:
        programme._prefetched_objects_cache["courses"] = courses.get(programme.pk, [])  # type: ignore[attr-defined]
        out.append(programme_out(programme, managed))
    return out


@router.get(
    "/programmes/{code}/batches",
    response={200: list[BatchOut], **error_responses(*AUTH_ERRORS, 404)},
    summary="A programme's batches, with their sessions and seats",
)
def list_programme_batches(request: HttpRequest, code: str) -> list[dict[str, Any]]:
    user = caller(request)
    programme = access.access_programme_by_code(user, code)
    batches = Batch.objects.filter(programme=programme)
    if not access.can_manage_programme(user, programme):
        batches = batches.filter(pk__in=[b.pk for b in programme.batches.all()])
    batches = (
        batches.annotate(
            seats_taken=Count("nominations", filter=Q(nominations__status=Nomination.Status.APPROVED)),
            waitlisted=Count("nominations", filter=Q(nominations__status=Nomination.Status.WAITLISTED)),
        )
        .select_related("programme")
        .prefetch_related("eligible_designations", "eligible_orgs", "sessions")
        .order_by("starts_on", "code")
    )
    return [batch_out(b) for b in batches]


@router.get(
    "/batches/{batch_id}/nominations",
    response={200: list[NominationOut], **error_responses(*AUTH_ERRORS, 404)},
    summary="A batch's nominations",
    description="Every nomination for the programme's coordinators; those of your subtrees for nodal officers; "
    "your own otherwise.",
)
def list_batch_nominations(request: HttpRequest, batch_id: int) -> list[dict[str, Any]]:
    user = caller(request)
    batch = access.access_batch_by_id(user, batch_id)
    nominations = (
        access.nominations_in_scope(user, batch)
        .select_related("batch__programme", "user__profile")
        .order_by("status", "waitlist_position", "user__profile__employee_code")
    )
    return [nomination_out(n) for n in nominations]


@router.post(
    "/batches/{batch_id}/nominations",
    response={200: NominateOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Nominate people to a batch",
    description="By employee code, in bulk. A nodal officer nominates people of their own subtrees; the "
    "coordinators anyone eligible. Each person succeeds or fails alone (see `results`).",
)
def nominate_to_batch(request: HttpRequest, batch_id: int, payload: NominateIn) -> dict[str, Any]:
    user = caller(request)
    batch = access.access_batch_for_nominator(user, batch_id)
    codes = actions.parse_codes("\n".join(payload.employee_codes))
    try:
        outcomes = actions.do_nominate_codes(batch, codes, acting_user=user)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    results = [
        {
            "employee_code": o.code,
            "nomination": nomination_out(_fresh(o.nomination)) if o.nomination else None,
            "error": o.error,
        }
        for o in outcomes
    ]
    nominated = sum(1 for o in outcomes if o.ok)
    return {"nominated": nominated, "failed": len(outcomes) - nominated, "results": results}


@router.post(
    "/batches/{batch_id}/seat-request",
    response={200: NominationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Request a seat in a batch for yourself",
)
def request_batch_seat(request: HttpRequest, batch_id: int) -> dict[str, Any]:
    user = caller(request)
    batch = access.access_batch_by_id(user, batch_id)
    try:
        nomination = actions.do_request_seat(batch, user=user)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    return nomination_out(_fresh(nomination))


@router.post(
    "/nominations/{nomination_id}/approve",
    response={200: NominationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Take the next approval step",
    description="The nodal officer's step, or the coordinator's; the step that gives a seat puts the person on "
    "the waitlist when the batch is full.",
)
def approve_nomination(request: HttpRequest, nomination_id: int) -> dict[str, Any]:
    user = caller(request)
    nomination = access.access_nomination_for_decision(user, nomination_id)
    try:
        nomination = actions.do_approve_nomination(nomination, acting_user=user)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    return nomination_out(_fresh(nomination))


@router.post(
    "/nominations/{nomination_id}/reject",
    response={200: NominationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Reject a nomination (a reason is required)",
)
def reject_nomination(request: HttpRequest, nomination_id: int, payload: RejectIn) -> dict[str, Any]:
    user = caller(request)
    nomination = access.access_nomination_for_decision(user, nomination_id)
    try:
        nomination = actions.do_reject_nomination(nomination, reason=payload.reason, acting_user=user)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    return nomination_out(_fresh(nomination))


@router.post(
    "/nominations/{nomination_id}/withdraw",
    response={200: NominationOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Withdraw a nomination",
    description="The person themself, their nodal officer or a coordinator. A freed seat goes to the first "
    "person on the waitlist.",
)
def withdraw_nomination(request: HttpRequest, nomination_id: int, payload: WithdrawIn) -> dict[str, Any]:
    user = caller(request)
    nomination = access.access_nomination_for_withdrawal(user, nomination_id)
    try:
        nomination = actions.do_withdraw_nomination(nomination, acting_user=user, reason=payload.reason)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    return nomination_out(_fresh(nomination))


def _attendance_out(session: Session) -> dict[str, Any]:
    present = (
        Attendance.objects.filter(session=session)
        .select_related("user__profile")
        .order_by("user__profile__employee_code")
    )
    return {
        "session": session.pk,
        "seats": Nomination.objects.filter(batch_id=session.batch_id, status=Nomination.Status.APPROVED).count(),
        "present": [
            {
                "employee_code": a.user.profile.employee_code if hasattr(a.user, "profile") else "",
                "name": a.user.name,
                "method": a.method,
                "at": a.at,
            }
            for a in present
        ],
    }


@router.get(
    "/sessions/{session_id}/attendance",
    response={200: AttendanceOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="Who attended a session",
)
def list_session_attendance(request: HttpRequest, session_id: int) -> dict[str, Any]:
    session = access.access_session_for_manager(caller(request), session_id)
    return _attendance_out(session)


@router.post(
    "/sessions/{session_id}/attendance",
    response={200: AttendanceOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Mark people present at a session",
    description="By employee code. Everyone must hold a confirmed seat in the session's batch; otherwise "
    "nothing is saved and the answer names who is not in the batch.",
)
def mark_session_attendance(request: HttpRequest, session_id: int, payload: AttendanceIn) -> dict[str, Any]:
    user = caller(request)
    session = access.access_session_for_manager(user, session_id)
    codes = actions.parse_codes("\n".join(payload.employee_codes))
    found = dict(Profile.objects.filter(employee_code__in=codes).values_list("employee_code", "user_id"))
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise invalid(
            _("Not in this batch (no confirmed seat): %(people)s. No attendance was saved.")
            % {"people": ", ".join(unknown)}
        )
    try:
        actions.do_mark_attendance(session, found.values(), acting_user=user)
    except actions.ProgrammeError as exc:
        raise _refused(exc) from exc
    return _attendance_out(session)
