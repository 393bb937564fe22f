"""Every write of blended programmes: programmes, batches, sessions, nominations, attendance, completion, plans.

Seats: every step that can hand out a seat (approval, a coordinator's or planned nomination,
promotion from the waitlist) runs with the batch row locked (``select_for_update``) and counts
the seats taken under that lock, so concurrent approvals queue on the lock and never overbook;
who comes too late goes on the waitlist. A withdrawal from a seat promotes the first waitlisted.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from kshamta.accounts.models import Profile, User
from kshamta.certificates.actions import do_issue_certificate_for, verify_url
from kshamta.certificates.models import Certificate
from kshamta.core import audit
from kshamta.core.text import clean_text, identity_kind
from kshamta.engagement.actions import do_award_karma
from kshamta.engagement.karma import Rule
from kshamta.notifications.actions import queue_message
from kshamta.orgs.models import Designation, Organisation
from kshamta.programmes import access, planning, qr
from kshamta.programmes.models import Attendance, Batch, Nomination, Plan, Programme, Session, SessionReminder

logger = logging.getLogger(__name__)

PLAN_CHUNK = 200


class ProgrammeError(ValueError):
    """A refused programme action; the message is in the acting person's language."""


def _actor(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


# --- Programmes ---------------------------------------------------------------------------------------

PROGRAMME_FIELDS = (
    "code",
    "title_en",
    "title_hi",
    "description_en",
    "description_hi",
    "org",
    "attendance_threshold",
    "final_assessment",
    "approval_mode",
    "status",
)


@transaction.atomic
def do_create_programme(
    *,
    code: str,
    title_en: str,
    org: Organisation,
    acting_user: Any,
    title_hi: str = "",
    description_en: str = "",
    description_hi: str = "",
    courses: Iterable[Any] = (),
    coordinators: Iterable[User] = (),
    attendance_threshold: int = 75,
    final_assessment: Any = None,
    approval_mode: str = Programme.ApprovalMode.ONE_STEP,
    status: str = Programme.Status.OPEN,
) -> Programme:
    """A new programme owned by ``org``; ``acting_user`` must coordinate there (None is the system)."""
    if acting_user is not None and not access.can_own_programme_at(acting_user, org):
        raise ProgrammeError(_("You cannot create programmes for this organisation."))
    code = clean_text(code).upper()
    if not code or not clean_text(title_en):
        raise ProgrammeError(_("A programme needs a code and an English title."))
    if Programme.objects.filter(code=code).exists():
        raise ProgrammeError(_("A programme with the code %(code)s already exists.") % {"code": code})
    if not 0 <= attendance_threshold <= 100:
        raise ProgrammeError(_("The attendance needed must be between 0 and 100 %."))
    programme = Programme.objects.create(
        code=code,
        title_en=clean_text(title_en),
        title_hi=clean_text(title_hi),
        description_en=description_en.strip(),
        description_hi=description_hi.strip(),
        org=org,
        attendance_threshold=attendance_threshold,
        final_assessment=final_assessment,
        approval_mode=approval_mode,
        status=status,
        created_by=_actor(acting_user),
    )
    programme.courses.set(list(courses))
    coordinator_list = list(coordinators) or ([acting_user] if _actor(acting_user) else [])
    programme.coordinators.set(coordinator_list)
    audit.record(
        actor=acting_user,
        action="programme.create",
        target=programme,
        org_path=org.path,
        after={
            **audit.snapshot(programme, PROGRAMME_FIELDS),
            "courses": sorted(c.pk for c in programme.courses.all()),
            "coordinators": sorted(u.pk for u in coordinator_list),
        },
    )
    return programme


@transaction.atomic
def do_update_programme(
    programme: Programme,
    *,
    acting_user: Any,
    courses: Iterable[Any] | None = None,
    coordinators: Iterable[User] | None = None,
    **fields: Any,
) -> Programme:
    if acting_user is not None and not access.can_manage_programme(acting_user, programme):
        raise ProgrammeError(_("You cannot change this programme."))
    before = audit.snapshot(programme, PROGRAMME_FIELDS)
    for name, value in fields.items():
        if name not in PROGRAMME_FIELDS or name == "code":
            raise ValueError(f"unknown programme field {name}")
        setattr(programme, name, clean_text(value) if name.startswith("title") else value)
    if "org" in fields and acting_user is not None and not access.can_own_programme_at(acting_user, fields["org"]):
        raise ProgrammeError(_("You cannot create programmes for this organisation."))
    if not 0 <= programme.attendance_threshold <= 100:
        raise ProgrammeError(_("The attendance needed must be between 0 and 100 %."))
    programme.save()
    if courses is not None:
        programme.courses.set(list(courses))
    if coordinators is not None:
        programme.coordinators.set(list(coordinators))
        if hasattr(programme, "_coordinator_ids"):
            del programme._coordinator_ids
    audit.record(
        actor=acting_user,
        action="programme.update",
        target=programme,
        org_path=programme.org.path,
        before=before,
        after=audit.snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


# --- Batches ------------------------------------------------------------------------------------------

BATCH_FIELDS = ("code", "seat_limit", "starts_on", "ends_on", "enrolment_ends_on", "venue", "eligible_groups", "status")


def _check_batch_dates(starts_on: datetime.date, ends_on: datetime.date, enrolment_ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ProgrammeError(_("A batch cannot end before it starts."))
    if enrolment_ends_on > ends_on:
        raise ProgrammeError(_("Nominations must close before the batch ends."))


def _groups_value(groups: Iterable[str]) -> str:
    valid = {g.value for g in Designation.Group}
    chosen = sorted({g.strip().upper() for g in groups if g and g.strip()})
    unknown = [g for g in chosen if g not in valid]
    if unknown:
        raise ProgrammeError(_("Unknown service group: %(groups)s.") % {"groups": ", ".join(unknown)})
    return ",".join(chosen)


@transaction.atomic
def do_create_batch(
    programme: Programme,
    *,
    code: str,
    seat_limit: int,
    starts_on: datetime.date,
    ends_on: datetime.date,
    enrolment_ends_on: datetime.date,
    acting_user: Any,
    venue: str = "",
    eligible_designations: Iterable[Designation] = (),
    eligible_groups: Iterable[str] = (),
    eligible_orgs: Iterable[Organisation] = (),
    status: str = Batch.Status.OPEN,
) -> Batch:
    if acting_user is not None and not access.can_manage_programme(acting_user, programme):
        raise ProgrammeError(_("You cannot change this programme."))
    code = clean_text(code).upper()
    if not code:
        raise ProgrammeError(_("A batch needs a code."))
    if seat_limit < 1:
        raise ProgrammeError(_("A batch needs at least one seat."))
    _check_batch_dates(starts_on, ends_on, enrolment_ends_on)
    if Batch.objects.filter(programme=programme, code=code).exists():
        raise ProgrammeError(_("This programme already has a batch %(code)s.") % {"code": code})
    batch = Batch.objects.create(
        programme=programme,
        code=code,
        seat_limit=seat_limit,
        starts_on=starts_on,
        ends_on=ends_on,
        enrolment_ends_on=enrolment_ends_on,
        venue=clean_text(venue),
        eligible_groups=_groups_value(eligible_groups),
        status=status,
        created_by=_actor(acting_user),
    )
    batch.eligible_designations.set(list(eligible_designations))
    batch.eligible_orgs.set(list(eligible_orgs))
    audit.record(
        actor=acting_user,
        action="batch.create",
        target=batch,
        org_path=programme.org.path,
        after={
            **audit.snapshot(batch, BATCH_FIELDS),
            "eligible_designations": sorted(d.pk for d in batch.eligible_designations.all()),
            "eligible_orgs": sorted(o.pk for o in batch.eligible_orgs.all()),
        },
    )
    return batch


@transaction.atomic
def do_update_batch(
    batch: Batch,
    *,
    acting_user: Any,
    eligible_designations: Iterable[Designation] | None = None,
    eligible_groups: Iterable[str] | None = None,
    eligible_orgs: Iterable[Organisation] | None = None,
    **fields: Any,
) -> Batch:
    """Change a batch. More seats promote people from the waitlist; fewer than are taken is refused."""
    if acting_user is not None and not access.can_manage_programme(acting_user, batch.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    batch = _lock_batch(batch.pk)
    before = audit.snapshot(batch, BATCH_FIELDS)
    for name, value in fields.items():
        if name not in BATCH_FIELDS or name in ("code", "eligible_groups"):
            raise ValueError(f"unknown batch field {name}")
        setattr(batch, name, value)
    if eligible_groups is not None:
        batch.eligible_groups = _groups_value(eligible_groups)
    if batch.seat_limit < 1:
        raise ProgrammeError(_("A batch needs at least one seat."))
    _check_batch_dates(batch.starts_on, batch.ends_on, batch.enrolment_ends_on)
    taken = _seats_taken(batch)
    if batch.seat_limit < taken:
        raise ProgrammeError(_("%(taken)s seats are already taken: the batch cannot have fewer.") % {"taken": taken})
    outside = batch.sessions.filter(
        Q(starts_at__date__lt=batch.starts_on) | Q(starts_at__date__gt=batch.ends_on)
    ).exists()
    if outside:
        raise ProgrammeError(_("Some sessions fall outside the new dates: move them first."))
    batch.save()
    if eligible_designations is not None:
        batch.eligible_designations.set(list(eligible_designations))
    if eligible_orgs is not None:
        batch.eligible_orgs.set(list(eligible_orgs))
    audit.record(
        actor=acting_user,
        action="batch.update",
        target=batch,
        org_path=batch.programme.org.path,
        before=before,
        after=audit.snapshot(batch, BATCH_FIELDS),
    )
    while taken < batch.seat_limit and _promote_from_waitlist(batch, acting_user=acting_user):
        taken += 1
    return batch


def _lock_batch(batch_id: int) -> Batch:
    return Batch.objects.select_for_update(of=("self",)).select_related("programme__org").get(pk=batch_id)


def _seats_taken(batch: Batch) -> int:
    return Nomination.objects.filter(batch=batch, status=Nomination.Status.APPROVED).count()


# --- Sessions -----------------------------------------------------------------------------------------

SESSION_FIELDS = (
    "title_en",
    "title_hi",
    "starts_at",
    "ends_at",
    "venue_name",
    "venue_address",
    "vc_link",
    "trainer_name",
)


def _check_session(batch: Batch, values: dict[str, Any], *, exclude_id: int | None = None) -> None:
    starts_at, ends_at = values["starts_at"], values["ends_at"]
    if not clean_text(values.get("title_en", "")):
        raise ProgrammeError(_("A session needs an English title."))
    if ends_at <= starts_at:
        raise ProgrammeError(_("A session must end after it starts."))
    if not clean_text(values.get("venue_name", "")) and not clean_text(values.get("vc_link", "")):
        raise ProgrammeError(_("Give a venue or a video-conference link."))
    start_day, end_day = _local(starts_at).date(), _local(ends_at).date()
    if start_day < batch.starts_on or end_day > batch.ends_on:
        raise ProgrammeError(
            _("The session must fall within the batch's dates (%(start)s to %(end)s).")
            % {"start": batch.starts_on.strftime("%d-%m-%Y"), "end": batch.ends_on.strftime("%d-%m-%Y")}
        )
    overlapping = Session.objects.filter(batch=batch, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if exclude_id is not None:
        overlapping = overlapping.exclude(pk=exclude_id)
    clash = overlapping.first()
    if clash is not None:
        raise ProgrammeError(
            _("This session overlaps the session “%(title)s” (%(start)s to %(end)s) of the same batch.")
            % {
                "title": clash.title,
                "start": _local(clash.starts_at).strftime("%d-%m-%Y %H:%M"),
                "end": _local(clash.ends_at).strftime("%H:%M"),
            }
        )


def _session_values(fields: dict[str, Any]) -> dict[str, Any]:
    values = dict(fields)
    for name in ("title_en", "title_hi", "venue_name", "trainer_name", "vc_link"):
        if name in values:
            values[name] = clean_text(values[name])
    if "venue_address" in values:
        values["venue_address"] = (values["venue_address"] or "").strip()
    return values


@transaction.atomic
def do_add_session(batch: Batch, *, acting_user: Any, **fields: Any) -> Session:
    """Add a session; refused if it overlaps another session of the batch (checked with the batch locked)."""
    if acting_user is not None and not access.can_manage_programme(acting_user, batch.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"unknown session fields {sorted(unknown)}")
    batch = _lock_batch(batch.pk)
    values = _session_values(fields)
    _check_session(batch, values)
    session = Session.objects.create(batch=batch, **values)
    audit.record(
        actor=acting_user,
        action="session.create",
        target=session,
        org_path=batch.programme.org.path,
        after=audit.snapshot(session, SESSION_FIELDS),
    )
    return session


@transaction.atomic
def do_update_session(session: Session, *, acting_user: Any, **fields: Any) -> Session:
    if acting_user is not None and not access.can_manage_programme(acting_user, session.batch.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    batch = _lock_batch(session.batch_id)
    before = audit.snapshot(session, SESSION_FIELDS)
    values = {**before, **_session_values(fields)}
    values["starts_at"] = fields.get("starts_at", session.starts_at)
    values["ends_at"] = fields.get("ends_at", session.ends_at)
    _check_session(batch, values, exclude_id=session.pk)
    for name in SESSION_FIELDS:
        setattr(session, name, values[name])
    session.save()
    audit.record(
        actor=acting_user,
        action="session.update",
        target=session,
        org_path=batch.programme.org.path,
        before=before,
        after=audit.snapshot(session, SESSION_FIELDS),
    )
    return session


@transaction.atomic
def do_delete_session(session: Session, *, acting_user: Any) -> None:
    if acting_user is not None and not access.can_manage_programme(acting_user, session.batch.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    if session.attendance.exists():
        raise ProgrammeError(_("Attendance has been recorded for this session: it cannot be deleted."))
    audit.record(
        actor=acting_user,
        action="session.delete",
        target=session,
        org_path=session.batch.programme.org.path,
        before=audit.snapshot(session, SESSION_FIELDS),
    )
    session.delete()


# --- Nominations --------------------------------------------------------------------------------------


@dataclass
class NominationOutcome:
    """What happened to one person of a (bulk) nomination: the nomination, or why not."""

    code: str
    name: str = ""
    nomination: Nomination | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.nomination is not None


def _profile(user: Any) -> Profile | None:
    return Profile.objects.select_related("org", "designation", "user").filter(pk=user.pk).first()


def _overlapping_seat(user_id: int, batch: Batch) -> Nomination | None:
    """A seat the person holds in another batch whose dates overlap ``batch``'s."""
    return (
        Nomination.objects.filter(
            user_id=user_id,
            status=Nomination.Status.APPROVED,
            batch__starts_on__lte=batch.ends_on,
            batch__ends_on__gte=batch.starts_on,
        )
        .exclude(batch=batch)
        .select_related("batch__programme")
        .first()
    )


def _in_programme_elsewhere(user_id: int, batch: Batch) -> Nomination | None:
    return (
        Nomination.objects.filter(user_id=user_id, batch__programme_id=batch.programme_id, status__in=Nomination.ACTIVE)
        .exclude(batch=batch)
        .select_related("batch")
        .first()
    )


def _nomination_problem(batch: Batch, profile: Profile, rules: access.Eligibility) -> str | None:
    problem = rules.problem(profile)
    if problem:
        return problem
    elsewhere = _in_programme_elsewhere(profile.pk, batch)
    if elsewhere is not None:
        return _("%(code)s is already nominated to batch %(batch)s of this programme.") % {
            "code": profile.employee_code,
            "batch": elsewhere.batch.code,
        }
    clash = _overlapping_seat(profile.pk, batch)
    if clash is not None:
        return _("%(code)s already has a seat in %(batch)s on overlapping dates.") % {
            "code": profile.employee_code,
            "batch": f"{clash.batch.programme.code}/{clash.batch.code}",
        }
    return None


def _open_nomination(
    batch: Batch, profile: Profile, *, source: str, nominated_by: Any, now: datetime.datetime
) -> Nomination:
    """A new (or reopened) nomination in ``requested`` state; raises ProgrammeError if one is active."""
    existing = Nomination.objects.select_for_update().filter(batch=batch, user_id=profile.pk).first()
    if existing is not None:
        if existing.is_active:
            raise ProgrammeError(
                _("%(code)s is already nominated to this batch (%(status)s).")
                % {"code": profile.employee_code, "status": existing.get_status_display()}
            )
        existing.status = Nomination.Status.REQUESTED
        existing.source = source
        existing.nominated_by = _actor(nominated_by)
        existing.reason = ""
        existing.requested_at = now
        existing.nodal_approved_by = None
        existing.nodal_approved_at = None
        existing.decided_by = None
        existing.decided_at = None
        existing.waitlist_position = None
        existing.save()
        return existing
    return Nomination.objects.create(
        batch=batch,
        user_id=profile.pk,
        source=source,
        nominated_by=_actor(nominated_by),
        status=Nomination.Status.REQUESTED,
        requested_at=now,
    )


def _nominate_one(
    batch: Batch,
    profile: Profile,
    *,
    acting_user: Any,
    rules: access.Eligibility,
    as_manager: bool,
    now: datetime.datetime,
) -> Nomination:
    if not as_manager and not access.can_nominate_person(acting_user, profile):
        raise ProgrammeError(
            _("%(code)s works outside the organisations you are the nodal officer for.")
            % {"code": profile.employee_code}
        )
    problem = _nomination_problem(batch, profile, rules)
    if problem:
        raise ProgrammeError(problem)
    with transaction.atomic():
        nomination = _open_nomination(
            batch, profile, source=Nomination.Source.NOMINATED, nominated_by=acting_user, now=now
        )
        audit.record(
            actor=acting_user,
            action="nomination.create",
            target=nomination,
            org_path=profile.org.path,
            after={"batch": batch.pk, "user": profile.pk, "source": nomination.source},
        )
        # Nominating is the nominator's approval: a coordinator's or a one-step nodal officer's gives a seat
        # at once; in two-step mode a nodal officer's nomination waits for the coordinator.
        if as_manager or not batch.programme.is_two_steps:
            _allocate_seat(nomination, batch, acting_user=acting_user, now=now)
        else:
            _mark_nodal_approved(nomination, acting_user=acting_user, now=now)
    return nomination


def do_nominate(batch: Batch, people: Sequence[User], *, acting_user: Any) -> list[NominationOutcome]:
    """Nominate each person to the batch; each one succeeds or fails alone (a list of outcomes).

    A nodal officer may nominate only people of their own subtrees; the batch's managers anyone eligible.
    """
    as_manager = access.can_manage_programme(acting_user, batch.programme)
    if not as_manager and not access.nominator_orgs(acting_user):
        raise ProgrammeError(_("Only a nodal officer or the programme's coordinator can nominate people."))
    outcomes: list[NominationOutcome] = []
    now = timezone.now()
    with transaction.atomic():
        locked = _lock_batch(batch.pk)
        if not locked.accepts_nominations(timezone.localdate(now)):
            raise ProgrammeError(_("This batch no longer takes nominations."))
        rules = access.Eligibility.of(locked)
        profiles = {
            p.pk: p
            for p in Profile.objects.select_related("org", "designation", "user").filter(pk__in=[u.pk for u in people])
        }
        for person in people:
            profile = profiles.get(person.pk)
            if profile is None:
                outcomes.append(
                    NominationOutcome(code="", name=str(person), error=_("This person has no service record."))
                )
                continue
            outcome = NominationOutcome(code=profile.employee_code, name=profile.user.name)
            try:
                with transaction.atomic():
                    outcome.nomination = _nominate_one(
                        locked, profile, acting_user=acting_user, rules=rules, as_manager=as_manager, now=now
                    )
            except ProgrammeError as exc:
                outcome.error = str(exc)
            outcomes.append(outcome)
    return outcomes


def parse_codes(text: str) -> list[str]:
    """Employee codes typed or pasted: separated by commas, semicolons, spaces or lines; duplicates once."""
    seen: dict[str, None] = {}
    for part in text.replace(";", ",").replace("\n", ",").replace("\t", ",").replace(" ", ",").split(","):
        code = clean_text(part)
        if code:
            seen.setdefault(code, None)
    return list(seen)


def do_nominate_codes(batch: Batch, codes: Sequence[str], *, acting_user: Any) -> list[NominationOutcome]:
    """Bulk nomination from a list of employee codes (typed or from an uploaded file)."""
    found = {
        p.employee_code: p.user for p in Profile.objects.select_related("user").filter(employee_code__in=list(codes))
    }
    people = [found[c] for c in codes if c in found]
    by_code = {o.code: o for o in do_nominate(batch, people, acting_user=acting_user)} if people else {}
    return [
        by_code.get(code)
        or NominationOutcome(code=code, error=_("No one has the employee code %(code)s.") % {"code": code})
        for code in codes
    ]


def do_request_seat(batch: Batch, *, user: Any) -> Nomination:
    """A learner asks for a seat in a batch they are eligible for; their nodal officer (or the coordinator) decides."""
    profile = _profile(user)
    if profile is None:
        raise ProgrammeError(_("You need a service record to request a seat."))
    now = timezone.now()
    with transaction.atomic():
        locked = _lock_batch(batch.pk)
        if not locked.accepts_nominations(timezone.localdate(now)):
            raise ProgrammeError(_("This batch no longer takes nominations."))
        problem = _nomination_problem(locked, profile, access.Eligibility.of(locked))
        if problem:
            raise ProgrammeError(problem)
        nomination = _open_nomination(locked, profile, source=Nomination.Source.SELF, nominated_by=None, now=now)
        audit.record(
            actor=user,
            action="nomination.request",
            target=nomination,
            org_path=profile.org.path,
            after={"batch": locked.pk, "user": profile.pk, "source": nomination.source},
        )
    return nomination


def _mark_nodal_approved(nomination: Nomination, *, acting_user: Any, now: datetime.datetime) -> None:
    nomination.status = Nomination.Status.NODAL_APPROVED
    nomination.nodal_approved_by = _actor(acting_user)
    nomination.nodal_approved_at = now
    nomination.save(update_fields=["status", "nodal_approved_by", "nodal_approved_at", "updated_at"])


def _allocate_seat(nomination: Nomination, batch: Batch, *, acting_user: Any, now: datetime.datetime) -> None:
    """Give a seat or a waitlist place. The caller holds the batch row lock (``_lock_batch``)."""
    clash = _overlapping_seat(nomination.user_id, batch)
    if clash is not None:
        raise ProgrammeError(
            _("This person already has a seat in %(batch)s on overlapping dates.")
            % {"batch": f"{clash.batch.programme.code}/{clash.batch.code}"}
        )
    nomination.decided_by = _actor(acting_user)
    nomination.decided_at = now
    if _seats_taken(batch) < batch.seat_limit:
        nomination.status = Nomination.Status.APPROVED
        nomination.waitlist_position = None
    else:
        last = Nomination.objects.filter(batch=batch).aggregate(last=Max("waitlist_position"))["last"] or 0
        nomination.status = Nomination.Status.WAITLISTED
        nomination.waitlist_position = last + 1
    nomination.save(update_fields=["status", "waitlist_position", "decided_by", "decided_at", "updated_at"])
    audit.record(
        actor=acting_user,
        action="nomination.seat" if nomination.holds_seat else "nomination.waitlist",
        target=nomination,
        org_path=batch.programme.org.path,
        after={"status": nomination.status, "waitlist_position": nomination.waitlist_position},
    )
    notify_nomination(nomination)


def do_approve_nomination(nomination: Nomination, *, acting_user: Any) -> Nomination:
    """One approval step, by whoever may take it: the nodal officer first in two-step programmes, then the
    coordinator; in one-step programmes either of them. The step that gives a seat runs under the batch lock."""
    now = timezone.now()
    # Who may decide is settled before the batch is locked, to keep the time others wait for the lock short.
    person = Profile.objects.select_related("org").filter(pk=nomination.user_id).first()
    programme = Programme.objects.select_related("org").get(batches__pk=nomination.batch_id)
    is_manager = access.can_manage_programme(acting_user, programme)
    is_nodal = person is not None and access.can_nominate_person(acting_user, person)
    if not (is_manager or is_nodal):
        raise ProgrammeError(_("You cannot decide on this nomination."))
    with transaction.atomic():
        batch = _lock_batch(nomination.batch_id)
        nomination = Nomination.objects.select_for_update(of=("self",)).select_related("user").get(pk=nomination.pk)
        programme = batch.programme
        if batch.status == Batch.Status.CANCELLED:
            raise ProgrammeError(_("This batch is cancelled."))
        status = nomination.status
        if status == Nomination.Status.REQUESTED and programme.is_two_steps:
            if not is_nodal:
                raise ProgrammeError(_("The person's nodal officer approves first."))
            _mark_nodal_approved(nomination, acting_user=acting_user, now=now)
            audit.record(
                actor=acting_user,
                action="nomination.nodal_approve",
                target=nomination,
                org_path=programme.org.path,
                after={"status": nomination.status},
            )
        elif status == Nomination.Status.REQUESTED or (
            status == Nomination.Status.NODAL_APPROVED and programme.is_two_steps
        ):
            if status == Nomination.Status.NODAL_APPROVED and not is_manager:
                raise ProgrammeError(_("The programme's coordinator approves this step."))
            if status == Nomination.Status.REQUESTED and is_nodal and not programme.is_two_steps:
                nomination.nodal_approved_by = _actor(acting_user)
                nomination.nodal_approved_at = now
            _allocate_seat(nomination, batch, acting_user=acting_user, now=now)
        elif status == Nomination.Status.NODAL_APPROVED:
            # A programme switched from two steps to one: the nodal approval is all it needs.
            _allocate_seat(nomination, batch, acting_user=acting_user, now=now)
        else:
            raise ProgrammeError(
                _("A nomination that is “%(status)s” cannot be approved.") % {"status": nomination.get_status_display()}
            )
    return nomination


def do_reject_nomination(nomination: Nomination, *, reason: str, acting_user: Any) -> Nomination:
    reason = (reason or "").strip()
    if not reason:
        raise ProgrammeError(_("Give the reason for the rejection."))
    now = timezone.now()
    with transaction.atomic():
        batch = _lock_batch(nomination.batch_id)
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("user__profile__org")
            .get(pk=nomination.pk)
        )
        is_manager = access.can_manage_programme(acting_user, batch.programme)
        profile = getattr(nomination.user, "profile", None)
        is_nodal = profile is not None and access.can_nominate_person(acting_user, profile)
        allowed: dict[str, bool] = {
            Nomination.Status.REQUESTED: is_manager or is_nodal,
            Nomination.Status.NODAL_APPROVED: is_manager,
            Nomination.Status.WAITLISTED: is_manager,
        }
        if not (is_manager or is_nodal):
            raise ProgrammeError(_("You cannot decide on this nomination."))
        if not allowed.get(nomination.status, False):
            raise ProgrammeError(
                _("A nomination that is “%(status)s” cannot be rejected.") % {"status": nomination.get_status_display()}
            )
        nomination.status = Nomination.Status.REJECTED
        nomination.reason = reason
        nomination.waitlist_position = None
        nomination.decided_by = _actor(acting_user)
        nomination.decided_at = now
        nomination.save(
            update_fields=["status", "reason", "waitlist_position", "decided_by", "decided_at", "updated_at"]
        )
        audit.record(
            actor=acting_user,
            action="nomination.reject",
            target=nomination,
            org_path=batch.programme.org.path,
            after={"status": nomination.status, "reason": reason},
        )
        notify_nomination(nomination)
    return nomination


def do_withdraw_nomination(nomination: Nomination, *, acting_user: Any, reason: str = "") -> Nomination:
    """The person (or their nodal officer, or the coordinator) withdraws; a freed seat goes to the first waitlisted."""
    now = timezone.now()
    with transaction.atomic():
        batch = _lock_batch(nomination.batch_id)
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("user__profile__org")
            .get(pk=nomination.pk)
        )
        is_self = nomination.user_id == getattr(acting_user, "pk", None)
        if not is_self and not access.can_decide_nomination(acting_user, nomination):
            raise ProgrammeError(_("You cannot decide on this nomination."))
        if not nomination.is_active:
            raise ProgrammeError(
                _("A nomination that is “%(status)s” cannot be withdrawn.")
                % {"status": nomination.get_status_display()}
            )
        if nomination.is_completed:
            raise ProgrammeError(_("A completed programme cannot be withdrawn from."))
        had_seat = nomination.holds_seat
        nomination.status = Nomination.Status.WITHDRAWN
        nomination.reason = (reason or "").strip()
        nomination.waitlist_position = None
        nomination.decided_at = now
        nomination.save(update_fields=["status", "reason", "waitlist_position", "decided_at", "updated_at"])
        audit.record(
            actor=acting_user,
            action="nomination.withdraw",
            target=nomination,
            org_path=batch.programme.org.path,
            after={"status": nomination.status, "had_seat": had_seat},
        )
        if had_seat:
            _promote_from_waitlist(batch, acting_user=acting_user)
    return nomination


def _promote_from_waitlist(batch: Batch, *, acting_user: Any) -> Nomination | None:
    """Give a free seat to the first waitlisted person who can take it. The caller holds the batch lock."""
    if _seats_taken(batch) >= batch.seat_limit:
        return None
    now = timezone.now()
    for waiting in Nomination.objects.filter(batch=batch, status=Nomination.Status.WAITLISTED).order_by(
        "waitlist_position"
    ):
        if _overlapping_seat(waiting.user_id, batch) is not None:
            continue  # they took a seat elsewhere meanwhile; they keep their place for now
        waiting.status = Nomination.Status.APPROVED
        waiting.waitlist_position = None
        waiting.decided_at = now
        waiting.save(update_fields=["status", "waitlist_position", "decided_at", "updated_at"])
        audit.record(
            actor=acting_user,
            action="nomination.promote",
            target=waiting,
            org_path=batch.programme.org.path,
            after={"status": waiting.status},
        )
        notify_nomination(waiting)
        return waiting
    return None


# --- Attendance ---------------------------------------------------------------------------------------


def _seat_holders(batch: Batch) -> set[int]:
    return set(
        Nomination.objects.filter(batch=batch, status=Nomination.Status.APPROVED).values_list("user_id", flat=True)
    )


@dataclass
class RosterChange:
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


def do_set_attendance(session: Session, present: Iterable[int], *, acting_user: Any) -> RosterChange:
    """The roster: exactly the people in ``present`` (user ids) attended. Everyone must hold a seat in the batch."""
    if acting_user is not None and not access.can_manage_programme(acting_user, session.batch.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    wanted = set(present)
    with transaction.atomic():
        holders = _seat_holders(session.batch)
        strangers = wanted - holders
        if strangers:
            codes = sorted(Profile.objects.filter(pk__in=strangers).values_list("employee_code", flat=True)) or sorted(
                str(s) for s in strangers
            )
            raise ProgrammeError(
                _("Not in this batch (no confirmed seat): %(people)s. No attendance was saved.")
                % {"people": ", ".join(codes)}
            )
        existing = set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))
        change = RosterChange(added=sorted(wanted - existing), removed=sorted(existing - wanted))
        now = timezone.now()
        Attendance.objects.bulk_create(
            [
                Attendance(
                    session=session, user_id=uid, method=Attendance.Method.ROSTER, marked_by=_actor(acting_user), at=now
                )
                for uid in change.added
            ]
        )
        if change.removed:
            Attendance.objects.filter(session=session, user_id__in=change.removed).delete()
        if change.added or change.removed:
            audit.record(
                actor=acting_user,
                action="attendance.roster",
                target=session,
                org_path=session.batch.programme.org.path,
                before={"removed": change.removed},
                after={"added": change.added},
            )
    for uid in change.added:
        nomination = Nomination.objects.filter(batch=session.batch, user_id=uid).first()
        if nomination is not None:
            evaluate_programme_completion(nomination.pk)
    return change


def do_mark_attendance(session: Session, user_ids: Iterable[int], *, acting_user: Any) -> list[int]:
    """Add people to a session's attendance (the API's call); returns the ids newly marked."""
    current = set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))
    return do_set_attendance(session, current | set(user_ids), acting_user=acting_user).added


class CheckInRefused(ProgrammeError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def check_in_problem(result: qr.TokenCheck) -> CheckInRefused | None:
    if result == qr.TokenCheck.VALID:
        return None
    if result == qr.TokenCheck.EXPIRED:
        return CheckInRefused(
            "expired", _("This check-in code has expired. Scan the code on the screen in the room again.")
        )
    if result == qr.TokenCheck.OUTSIDE_SESSION:
        return CheckInRefused("outside_session", _("Check-in is open only while the session runs."))
    return CheckInRefused("invalid", _("This is not a valid check-in code for this session."))


def do_check_in(
    session: Session,
    token: str,
    *,
    user: Any,
    now: datetime.datetime | None = None,
    token_seen_at: datetime.datetime | None = None,
) -> Attendance:
    """Mark the signed-in person present by the session's rotating QR code.

    ``token_seen_at`` is when this browser first opened the code (before signing in): the code must have
    been current then, and the session must still be running now.
    """
    now = now or timezone.now()
    problem = check_in_problem(qr.check_token(session, token, token_seen_at or now))
    if problem is None and not qr.in_session_window(session, now):
        problem = check_in_problem(qr.TokenCheck.OUTSIDE_SESSION)
    if problem is not None:
        raise problem
    nomination = Nomination.objects.filter(batch_id=session.batch_id, user_id=user.pk).first()
    if nomination is None or not nomination.holds_seat:
        raise CheckInRefused("not_in_batch", _("You do not have a confirmed seat in this batch."))
    try:
        with transaction.atomic():
            attendance, created = Attendance.objects.get_or_create(
                session=session, user_id=user.pk, defaults={"method": Attendance.Method.QR, "at": now}
            )
    except IntegrityError:
        attendance, created = Attendance.objects.get(session=session, user_id=user.pk), False
    if created:
        evaluate_programme_completion(nomination.pk)
    return attendance


# --- Completion ---------------------------------------------------------------------------------------


@dataclass
class CompletionStatus:
    courses_total: int
    courses_done: int
    sessions_total: int
    sessions_attended: int
    threshold: int
    assessment_required: bool
    assessment_passed: bool

    @property
    def attendance_percent(self) -> int:
        if not self.sessions_total:
            return 0
        return self.sessions_attended * 100 // self.sessions_total

    @property
    def attendance_met(self) -> bool:
        if self.threshold == 0:
            return True
        return self.sessions_total > 0 and self.sessions_attended * 100 >= self.threshold * self.sessions_total

    @property
    def courses_met(self) -> bool:
        return self.courses_done >= self.courses_total

    @property
    def assessment_met(self) -> bool:
        return not self.assessment_required or self.assessment_passed

    @property
    def complete(self) -> bool:
        return self.courses_met and self.attendance_met and self.assessment_met


def completion_status(nomination: Nomination) -> CompletionStatus:
    from kshamta.assessments.models import Attempt
    from kshamta.learning.models import Enrolment

    programme = nomination.batch.programme
    course_ids = list(programme.courses.values_list("pk", flat=True))
    done = Enrolment.objects.filter(
        user_id=nomination.user_id, course_id__in=course_ids, status=Enrolment.Status.COMPLETED
    ).count()
    sessions = Session.objects.filter(batch_id=nomination.batch_id)
    attended = Attendance.objects.filter(session__batch_id=nomination.batch_id, user_id=nomination.user_id).count()
    passed = False
    if programme.final_assessment_id:
        passed = Attempt.objects.filter(
            user_id=nomination.user_id, assessment_id=programme.final_assessment_id, passed=True
        ).exists()
    return CompletionStatus(
        courses_total=len(course_ids),
        courses_done=done,
        sessions_total=sessions.count(),
        sessions_attended=attended,
        threshold=programme.attendance_threshold,
        assessment_required=programme.final_assessment_id is not None,
        assessment_passed=passed,
    )


@transaction.atomic
def evaluate_programme_completion(nomination_id: int) -> bool:
    """Complete the nomination if the programme's rules are met; True only for the call that completed it.

    Runs under the nomination's row lock, so two check-ins at once issue one certificate.
    """
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("batch__programme__org", "user")
        .get(pk=nomination_id)
    )
    if nomination.completed_at is not None or not nomination.holds_seat:
        return False
    if not completion_status(nomination).complete:
        return False
    now = timezone.now()
    nomination.completed_at = now
    nomination.certificate = issue_programme_certificate(nomination, at=now)
    nomination.save(update_fields=["completed_at", "certificate", "updated_at"])
    do_award_karma(
        user=nomination.user, rule=Rule.PROGRAMME_COMPLETED, source_key=f"nomination:{nomination.pk}", at=now
    )
    notify_completed(nomination)
    audit.record(
        actor=None,
        action="nomination.complete",
        target=nomination,
        org_path=nomination.batch.programme.org.path,
        after={"completed_at": now.isoformat(), "certificate": str(nomination.certificate_id)},
    )
    return True


def evaluate_completions_for_user(user_id: int) -> int:
    """Complete every programme of this person that now meets its rules; how many completed.

    For the learning and assessment steps that can be a programme's last (a course completed, a final
    assessment passed): call it after they commit.
    """
    pending = Nomination.objects.filter(
        user_id=user_id, status=Nomination.Status.APPROVED, completed_at__isnull=True
    ).values_list("pk", flat=True)
    return sum(1 for pk in list(pending) if evaluate_programme_completion(pk))


def programme_hours(nomination: Nomination) -> Decimal:
    """Hours a programme certificate states: its sessions plus its online courses' durations."""
    session_seconds = sum(
        (s.ends_at - s.starts_at).total_seconds() for s in Session.objects.filter(batch_id=nomination.batch_id)
    )
    course_minutes = sum(nomination.batch.programme.courses.values_list("duration_minutes", flat=True))
    return (Decimal(int(session_seconds)) / 3600 + Decimal(course_minutes) / 60).quantize(Decimal("0.01"))


def issue_programme_certificate(nomination: Nomination, *, at: datetime.datetime) -> Certificate:
    """The signed certificate of a completed programme, made once: the caller holds the nomination's row lock
    and keeps the certificate on it (a one-to-one, so no certificate can stand for two nominations)."""
    if nomination.certificate_id:
        return Certificate.objects.get(pk=nomination.certificate_id)
    programme = nomination.batch.programme
    org = programme.org
    # The person hears of it once, from notify_completed, with the way to their programmes.
    return do_issue_certificate_for(
        user=nomination.user,
        subject={"kind": "programme", "code": programme.code, "batch": nomination.batch.code},
        title_en=programme.title_en,
        title_hi=programme.title_hi,
        provider_code=org.code,
        provider_name_en=org.name_en,
        provider_name_hi=org.name_hi,
        hours=programme_hours(nomination),
        competencies=_programme_competencies(programme),
        issued_at=at,
        notify=False,
    )


def _programme_competencies(programme: Programme) -> list[dict[str, Any]]:
    from kshamta.catalog.models import CourseCompetency

    best: dict[str, dict[str, Any]] = {}
    links = CourseCompetency.objects.filter(
        version__course__in=programme.courses.all(), version__status="published"
    ).select_related("competency")
    for link in links:
        code = link.competency.code
        if code not in best or best[code]["level"] < link.level:
            best[code] = {
                "id": link.competency_id,
                "code": code,
                "level": link.level,
                "name_en": link.competency.name_en,
                "name_hi": link.competency.name_hi,
            }
    return [best[k] for k in sorted(best)]


# --- Notifications ------------------------------------------------------------------------------------


def _contact(user: User) -> tuple[str, str] | None:
    identity = user.email or user.mobile or ""
    if not identity:
        return None
    return ("email" if identity_kind(identity) == "email" else "sms"), identity


def _notify(user: User, kind: str, render: Callable[[], tuple[str, str]]) -> None:
    contact = _contact(user)
    if contact is None:
        return
    with override(user.preferred_language or "en"):
        subject, body = render()
    queue_message(channel=contact[0], to=contact[1], subject=subject, body=body, kind=kind)


def _name_in(user: User, language: str) -> str:
    return (user.name_hi if language == "hi" and user.name_hi else user.name_en) or user.name_hi


def _title_in(programme: Programme, language: str) -> str:
    return (programme.title_hi if language == "hi" and programme.title_hi else programme.title_en) or programme.title_hi


def notify_nomination(nomination: Nomination) -> None:
    """Tell the person their seat, waitlist place or rejection, in their language, after the commit."""
    user = nomination.user
    batch = nomination.batch
    language = user.preferred_language or "en"
    kinds = {
        Nomination.Status.APPROVED: "programme_selected",
        Nomination.Status.WAITLISTED: "programme_waitlisted",
        Nomination.Status.REJECTED: "programme_rejected",
    }
    kind = kinds.get(nomination.status)  # type: ignore[call-overload]
    if kind is None:
        return

    def render() -> tuple[str, str]:
        values: dict[str, Any] = {
            "name": _name_in(user, language),
            "programme": _title_in(batch.programme, language),
            "batch": batch.code,
            "start": batch.starts_on.strftime("%d-%m-%Y"),
            "end": batch.ends_on.strftime("%d-%m-%Y"),
        }
        if nomination.status == Nomination.Status.APPROVED:
            subject = _("Selected: %(programme)s") % values
            body = (
                _(
                    "Dear %(name)s, you have a seat in batch %(batch)s of “%(programme)s”, %(start)s to %(end)s. "
                    "Your sessions are listed under My programmes in Kshamta, and you will get a reminder the day "
                    "before each one."
                )
                % values
            )
        elif nomination.status == Nomination.Status.WAITLISTED:
            values["position"] = nomination.waitlist_position
            subject = _("Waitlisted: %(programme)s") % values
            body = (
                _(
                    "Dear %(name)s, batch %(batch)s of “%(programme)s” (%(start)s to %(end)s) is full. You are on "
                    "its waitlist and will get a seat, with a message, as soon as one is free."
                )
                % values
            )
        else:
            values["reason"] = nomination.reason
            subject = _("Not selected: %(programme)s") % values
            body = (
                _(
                    "Dear %(name)s, your nomination to batch %(batch)s of “%(programme)s” was not accepted. "
                    "Reason: %(reason)s"
                )
                % values
            )
        return str(subject), str(body)

    _notify(user, kind, render)


def notify_completed(nomination: Nomination) -> None:
    """Congratulate the person, with the address where anyone can verify their certificate."""
    user = nomination.user
    language = user.preferred_language or "en"

    def render() -> tuple[str, str]:
        values = {
            "name": _name_in(user, language),
            "programme": _title_in(nomination.batch.programme, language),
            "url": verify_url(nomination.certificate_id) if nomination.certificate_id else "",
        }
        subject = _("Completed: %(programme)s") % values
        body = (
            _(
                "Dear %(name)s, you have completed “%(programme)s”. Your certificate is under My programmes in "
                "Kshamta; anyone can check it at %(url)s"
            )
            % values
        )
        return str(subject), str(body)

    _notify(user, "programme_completed", render)


def _reminder_text(session: Session, user: User) -> tuple[str, str]:
    language = user.preferred_language or "en"
    start = _local(session.starts_at)
    values = {
        "name": _name_in(user, language),
        "session": (session.title_hi if language == "hi" and session.title_hi else session.title_en),
        "programme": _title_in(session.batch.programme, language),
        "date": start.strftime("%d-%m-%Y"),
        "start": start.strftime("%H:%M"),
        "end": _local(session.ends_at).strftime("%H:%M"),
    }
    subject = _("Tomorrow: %(session)s") % values
    body = (
        _("Dear %(name)s, “%(session)s” of “%(programme)s” is tomorrow, %(date)s, from %(start)s to %(end)s.") % values
    )
    if session.venue_name:
        venue = session.venue_name + (f", {session.venue_address}" if session.venue_address else "")
        body += " " + _("Venue: %(venue)s.") % {"venue": venue}
    if session.vc_link:
        body += " " + _("Join by video conference: %(link)s") % {"link": session.vc_link}
    if session.trainer_name:
        body += " " + _("Trainer: %(trainer)s.") % {"trainer": session.trainer_name}
    return str(subject), str(body)


def send_session_reminders(now: datetime.datetime | None = None) -> int:
    """Queue the reminder for every session that starts tomorrow (local date), once per person and session.

    Safe to run as often as wanted: a ``SessionReminder`` row records each one sent, written in the same
    transaction as the message, under the session's row lock.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    sent = 0
    session_ids = list(
        Session.objects.filter(
            starts_at__date=tomorrow, batch__status__in=(Batch.Status.OPEN, Batch.Status.CLOSED)
        ).values_list("pk", flat=True)
    )
    for session_id in session_ids:
        with transaction.atomic():
            session = (
                Session.objects.select_for_update(of=("self",)).select_related("batch__programme").get(pk=session_id)
            )
            already = set(SessionReminder.objects.filter(session=session).values_list("user_id", flat=True))
            people = User.objects.filter(
                nominations__batch_id=session.batch_id, nominations__status=Nomination.Status.APPROVED
            ).exclude(pk__in=already)
            for user in people:
                SessionReminder.objects.create(session=session, user=user, sent_at=now)
                _notify(user, "programme_session_reminder", functools.partial(_reminder_text, session, user))
                sent += 1
    return sent


# --- Batch planning -----------------------------------------------------------------------------------


@dataclass
class PlanInput:
    target: planning.Target
    slots: list[planning.Slot]
    keep_districts: bool = True
    avoid_clashes: bool = True
    eligible_from_target: bool = True


@transaction.atomic
def do_create_plan(programme: Programme, plan_input: PlanInput, *, acting_user: Any) -> Plan:
    """Propose a split of the target group into the given batches (nothing else is written until confirmed)."""
    if acting_user is not None and not access.can_manage_programme(acting_user, programme):
        raise ProgrammeError(_("You cannot change this programme."))
    if not plan_input.slots:
        raise ProgrammeError(_("Give at least one batch: a number of batches, or venues with dates."))
    taken = {c.upper() for c in planning.existing_codes(programme)}
    codes = [s.code.upper() for s in plan_input.slots]
    if len(set(codes)) != len(codes) or taken & set(codes):
        raise ProgrammeError(_("Batch codes must be new to the programme and different from each other."))
    for slot in plan_input.slots:
        if slot.ends_on < slot.starts_on:
            raise ProgrammeError(_("A batch cannot end before it starts."))
        if slot.seats < 1:
            raise ProgrammeError(_("A batch needs at least one seat."))
    loaded = planning.load_people(programme, plan_input.target)
    if not loaded.people and not loaded.unplaced:
        raise ProgrammeError(_("No one in active service matches this target group."))
    proposal = planning.propose(
        loaded.people,
        plan_input.slots,
        keep_districts=plan_input.keep_districts,
        avoid_clashes=plan_input.avoid_clashes,
    )
    districts = {p.user_id: p.district_id for p in loaded.people}
    plan = Plan.objects.create(
        programme=programme,
        created_by=_actor(acting_user),
        target=plan_input.target.as_json(),
        constraints={
            "keep_districts": plan_input.keep_districts,
            "avoid_clashes": plan_input.avoid_clashes,
            "eligible_from_target": plan_input.eligible_from_target,
        },
        proposal=planning.proposal_json(proposal, districts, loaded.unplaced),
        total=proposal.placed_count(),
    )
    audit.record(
        actor=acting_user,
        action="plan.create",
        target=plan,
        org_path=programme.org.path,
        after={"batches": len(plan_input.slots), "placed": plan.total, "unplaced": len(plan.proposal["unplaced"])},
    )
    return plan


def _editable_plan(plan_id: int) -> Plan:
    plan = Plan.objects.select_for_update(of=("self",)).select_related("programme").get(pk=plan_id)
    if plan.status != Plan.Status.PROPOSED:
        raise ProgrammeError(_("This plan is already confirmed; change the batches themselves."))
    return plan


def _find_member(batches: list[dict[str, Any]], user_id: int) -> int | None:
    return next((i for i, b in enumerate(batches) if user_id in b["members"]), None)


def _user_by_code(code: str) -> int:
    user_id = Profile.objects.filter(employee_code=clean_text(code)).values_list("pk", flat=True).first()
    if user_id is None:
        raise ProgrammeError(_("No one has the employee code %(code)s.") % {"code": code})
    return user_id


def _check_fits(plan: Plan, user_id: int, slot: planning.Slot) -> None:
    if not plan.constraints.get("avoid_clashes", True):
        return
    clash = next((b for b in planning.busy_of(user_id, plan.programme) if slot.overlaps(b.starts_on, b.ends_on)), None)
    if clash is not None:
        raise ProgrammeError(
            _("This person's batch %(other)s overlaps batch %(batch)s.") % {"other": clash.label, "batch": slot.code}
        )


@transaction.atomic
def do_move_in_plan(plan: Plan, *, code: str, to_index: int, acting_user: Any) -> Plan:
    """Move one person (by employee code) to another proposed batch, or place someone left out."""
    plan = _editable_plan(plan.pk)
    user_id = _user_by_code(code)
    batches = plan.proposal["batches"]
    if not 0 <= to_index < len(batches):
        raise ProgrammeError(_("No such batch in this plan."))
    target = batches[to_index]
    current = _find_member(batches, user_id)
    unplaced = [u for u in plan.proposal.get("unplaced", []) if u.get("user") == user_id]
    if current is None and not unplaced:
        raise ProgrammeError(_("%(code)s is not part of this plan.") % {"code": code})
    if unplaced and unplaced[0]["reason"] == planning.ALREADY:
        raise ProgrammeError(_("%(code)s is already in a batch of this programme.") % {"code": code})
    if current == to_index:
        return plan
    if len(target["members"]) >= int(target["seats"]):
        raise ProgrammeError(_("Batch %(batch)s is full: swap two people instead.") % {"batch": target["code"]})
    _check_fits(plan, user_id, planning.slots_of(plan.proposal)[to_index])
    if current is not None:
        batches[current]["members"].remove(user_id)
    else:
        plan.proposal["unplaced"] = [u for u in plan.proposal["unplaced"] if u.get("user") != user_id]
        plan.total += 1
        if str(user_id) not in plan.proposal.setdefault("districts", {}):
            org_id = Profile.objects.values_list("org_id", flat=True).get(pk=user_id)
            plan.proposal["districts"][str(user_id)] = planning.district_of_orgs([org_id])[org_id]
    target["members"].append(user_id)
    plan.save(update_fields=["proposal", "total", "updated_at"])
    audit.record(
        actor=acting_user,
        action="plan.move",
        target=plan,
        org_path=plan.programme.org.path,
        after={"user": user_id, "to": target["code"]},
    )
    return plan


@transaction.atomic
def do_swap_in_plan(plan: Plan, *, code_a: str, code_b: str, acting_user: Any) -> Plan:
    """Swap two people between their proposed batches."""
    plan = _editable_plan(plan.pk)
    a, b = _user_by_code(code_a), _user_by_code(code_b)
    batches = plan.proposal["batches"]
    index_a, index_b = _find_member(batches, a), _find_member(batches, b)
    if index_a is None or index_b is None:
        raise ProgrammeError(_("Both people must be placed in a batch of this plan."))
    if index_a == index_b:
        raise ProgrammeError(_("Both people are in the same batch."))
    slots = planning.slots_of(plan.proposal)
    _check_fits(plan, a, slots[index_b])
    _check_fits(plan, b, slots[index_a])
    batches[index_a]["members"][batches[index_a]["members"].index(a)] = b
    batches[index_b]["members"][batches[index_b]["members"].index(b)] = a
    plan.save(update_fields=["proposal", "updated_at"])
    audit.record(
        actor=acting_user,
        action="plan.swap",
        target=plan,
        org_path=plan.programme.org.path,
        after={"a": a, "b": b},
    )
    return plan


@transaction.atomic
def do_confirm_plan(plan: Plan, *, acting_user: Any) -> Plan:
    """Write the reviewed plan: a background job creates the batches and the approved nominations."""
    if acting_user is not None and not access.can_manage_programme(acting_user, plan.programme):
        raise ProgrammeError(_("You cannot change this programme."))
    plan = Plan.objects.select_for_update(of=("self",)).select_related("programme").get(pk=plan.pk)
    if plan.status not in (Plan.Status.PROPOSED, Plan.Status.FAILED):
        raise ProgrammeError(_("This plan is already confirmed; change the batches themselves."))
    plan.status = Plan.Status.CONFIRMING
    plan.confirmed_at = plan.confirmed_at or timezone.now()
    plan.save(update_fields=["status", "confirmed_at", "updated_at"])
    audit.record(actor=acting_user, action="plan.confirm", target=plan, org_path=plan.programme.org.path)
    from kshamta.programmes.tasks import apply_plan

    plan_id = plan.pk
    actor_id = getattr(_actor(acting_user), "pk", None)
    transaction.on_commit(lambda: apply_plan.enqueue(plan_id, actor_id))
    return plan


def _plan_batch(plan: Plan, index: int, spec: dict[str, Any], acting_user: Any) -> Batch:
    """The batch for one proposed slot, made once (a rerun finds it by code)."""
    programme = plan.programme
    existing = Batch.objects.filter(programme=programme, code=spec["code"]).first()
    if existing is not None:
        return existing
    starts_on = datetime.date.fromisoformat(spec["starts_on"])
    ends_on = datetime.date.fromisoformat(spec["ends_on"])
    target = planning.Target.from_json(plan.target)
    use_target = plan.constraints.get("eligible_from_target", True) and not target.codes
    batch = do_create_batch(
        programme,
        code=spec["code"],
        seat_limit=int(spec["seats"]),
        starts_on=starts_on,
        ends_on=ends_on,
        # The day before it starts; for a batch starting today (or planned in the past), its last possible day.
        enrolment_ends_on=max(starts_on - datetime.timedelta(days=1), min(timezone.localdate(), ends_on)),
        venue=spec.get("venue", ""),
        eligible_designations=Designation.objects.filter(pk__in=target.designation_ids) if use_target else (),
        eligible_groups=target.groups if use_target else (),
        eligible_orgs=Organisation.objects.filter(pk__in=target.org_ids) if use_target else (),
        acting_user=None,
    )
    plan.batches_created += 1
    return batch


def run_plan(plan_id: int, acting_user: Any = None, *, chunk_size: int = PLAN_CHUNK) -> Plan:
    """Apply a confirmed plan: batches, then nominations with a seat, one chunk per transaction.

    Idempotent: a rerun after a crash skips the batches and nominations already written, and ``processed``
    moves on with each committed chunk (the progress the plan page shows).
    """
    plan = Plan.objects.select_related("programme__org").get(pk=plan_id)
    if plan.status not in (Plan.Status.CONFIRMING, Plan.Status.FAILED):
        return plan
    specs = plan.proposal.get("batches", [])
    batches: list[Batch] = []
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        for index, spec in enumerate(specs):
            batches.append(_plan_batch(locked, index, spec, acting_user))
        locked.status = Plan.Status.CONFIRMING
        locked.save(update_fields=["batches_created", "status", "updated_at"])
        plan = locked
    work = [(batch, uid) for batch, spec in zip(batches, specs, strict=True) for uid in spec["members"]]
    skipped: list[dict[str, Any]] = list(plan.skipped)
    processed = 0
    for start in range(0, len(work), chunk_size):
        chunk = work[start : start + chunk_size]
        with transaction.atomic():
            created, chunk_skipped = _apply_plan_chunk(plan, chunk, acting_user)
            processed += len(chunk)
            Plan.objects.filter(pk=plan.pk).update(
                processed=processed,
                nominations_created=plan.nominations_created + created,
                updated_at=timezone.now(),
            )
            plan.nominations_created += created
            skipped += chunk_skipped
    Plan.objects.filter(pk=plan.pk).update(
        status=Plan.Status.CONFIRMED, skipped=skipped, finished_at=timezone.now(), processed=len(work)
    )
    plan.refresh_from_db()
    return plan


def _apply_plan_chunk(plan: Plan, chunk: list[tuple[Batch, int]], acting_user: Any) -> tuple[int, list[dict[str, Any]]]:
    """Seats for one chunk of a plan: checked and written a batch at a time, under that batch's lock."""
    from kshamta.core.models import AuditEvent

    created = 0
    skipped: list[dict[str, Any]] = []
    now = timezone.now()
    by_batch: dict[int, list[int]] = {}
    for batch, uid in chunk:
        by_batch.setdefault(batch.pk, []).append(uid)
    actor = _actor(acting_user)
    for batch_id, user_ids in by_batch.items():
        batch = _lock_batch(batch_id)
        existing = set(Nomination.objects.filter(batch=batch, user_id__in=user_ids).values_list("user_id", flat=True))
        profiles = {p.pk: p for p in Profile.objects.filter(pk__in=user_ids).select_related("org", "user")}
        # Taken meanwhile: a place in another batch of this programme, or a seat on overlapping dates.
        others = Nomination.objects.filter(user_id__in=user_ids).exclude(batch=batch)
        taken_elsewhere = set(
            others.filter(batch__programme_id=batch.programme_id, status__in=Nomination.ACTIVE).values_list(
                "user_id", flat=True
            )
        )
        if plan.constraints.get("avoid_clashes", True):
            taken_elsewhere |= set(
                others.filter(
                    status=Nomination.Status.APPROVED,
                    batch__starts_on__lte=batch.ends_on,
                    batch__ends_on__gte=batch.starts_on,
                ).values_list("user_id", flat=True)
            )
        free = batch.seat_limit - _seats_taken(batch)
        rows: list[Nomination] = []
        for uid in user_ids:
            if uid in existing:
                continue
            if uid not in profiles or uid in taken_elsewhere or len(rows) >= free:
                skipped.append({"user": uid, "batch": batch.code})
                continue
            rows.append(
                Nomination(
                    batch=batch,
                    user=profiles[uid].user,
                    source=Nomination.Source.PLANNED,
                    nominated_by=actor,
                    status=Nomination.Status.APPROVED,
                    requested_at=now,
                    decided_by=actor,
                    decided_at=now,
                )
            )
        Nomination.objects.bulk_create(rows)
        AuditEvent.objects.bulk_create(
            [
                audit.audit_row(
                    actor=acting_user,
                    action="nomination.plan",
                    target=row,
                    org_path=profiles[row.user_id].org.path,
                    after={"batch": batch.pk, "user": row.user_id, "plan": plan.pk},
                )
                for row in rows
            ]
        )
        for row in rows:
            notify_nomination(row)
        created += len(rows)
    return created, skipped


def mark_plan_failed(plan_id: int, message: str) -> None:
    Plan.objects.filter(pk=plan_id).update(status=Plan.Status.FAILED, message=message, updated_at=timezone.now())
