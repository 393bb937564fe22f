"""Who may see and change programmes, batches, nominations and attendance.

- A programme is *managed* by its coordinators and by anyone holding the programme
  coordinator or state admin role over a subtree containing its owning organisation.
- A nodal officer (or state admin) *nominates* people of their own subtrees, into the
  batches whose eligible organisations reach those subtrees.
- A learner sees the programmes they are nominated in or eligible for.
Everyone else gets a 404: the pages do not reveal that a programme exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from kshamta.accounts.access import administered_orgs, role_orgs
from kshamta.accounts.models import Profile, Role
from kshamta.orgs.models import Organisation, subtree_range
from kshamta.programmes.models import Batch, Nomination, Plan, Programme, Session

COORDINATOR_ROLES = (Role.PROGRAMME_COORDINATOR, Role.STATE_ADMIN)


def coordinator_orgs(user: Any) -> list[Organisation]:
    return role_orgs(user, COORDINATOR_ROLES)


def nominator_orgs(user: Any) -> list[Organisation]:
    """The subtrees whose people the user may nominate (nodal officers and state admins)."""
    return administered_orgs(user)


def _under(org: Organisation, orgs: list[Organisation]) -> bool:
    return any(org.path.startswith(o.path) for o in orgs)


def _subtrees_q(orgs: list[Organisation], prefix: str) -> Q:
    q = Q(pk__in=[])
    for org in orgs:
        low, high = subtree_range(org.path)
        q |= Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    return q


def can_create_programmes(user: Any) -> bool:
    return bool(coordinator_orgs(user))


def can_own_programme_at(user: Any, org: Organisation) -> bool:
    return _under(org, coordinator_orgs(user))


def can_manage_programme(user: Any, programme: Programme) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if _under(programme.org, coordinator_orgs(user)):
        return True
    coordinator_ids = getattr(programme, "_coordinator_ids", None)
    if coordinator_ids is None:
        coordinator_ids = set(programme.coordinators.values_list("pk", flat=True))
        programme._coordinator_ids = coordinator_ids  # type: ignore[attr-defined]
    return user.pk in coordinator_ids


def managed_programmes(user: Any) -> QuerySet[Programme]:
    if not getattr(user, "is_authenticated", False):
        return Programme.objects.none()
    q = Q(coordinators=user) | _subtrees_q(coordinator_orgs(user), "org__")
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def can_nominate_person(user: Any, profile: Profile) -> bool:
    return _under(profile.org, nominator_orgs(user))


def batch_reaches(batch: Batch, orgs: list[Organisation], eligible_orgs: list[Organisation] | None = None) -> bool:
    """Whether people of ``orgs``' subtrees can be eligible for the batch (its organisations overlap them)."""
    if not orgs:
        return False
    eligible = eligible_orgs if eligible_orgs is not None else list(batch.eligible_orgs.all())
    if not eligible:
        return True
    return any(e.path.startswith(o.path) or o.path.startswith(e.path) for e in eligible for o in orgs)


# --- Eligibility ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Eligibility:
    """A batch's rules, read once: designation ids, groups and organisations (subtrees)."""

    designation_ids: frozenset[int]
    groups: frozenset[str]
    orgs: tuple[Organisation, ...]

    @classmethod
    def of(cls, batch: Batch) -> Eligibility:
        return cls(
            designation_ids=frozenset(d.pk for d in batch.eligible_designations.all()),
            groups=frozenset(batch.group_list()),
            orgs=tuple(batch.eligible_orgs.all()),
        )

    def problem(self, profile: Profile) -> str | None:
        """Why the person may not join, in the active language; None when they may."""
        if profile.status != Profile.Status.ACTIVE:
            return _("%(code)s is not in active service.") % {"code": profile.employee_code}
        if self.designation_ids and profile.designation_id not in self.designation_ids:
            return _("%(code)s does not hold a designation this batch is for.") % {"code": profile.employee_code}
        if self.groups:
            group = profile.group or (profile.designation.group if profile.designation else "")
            if group not in self.groups:
                return _("%(code)s is not in a service group this batch is for.") % {"code": profile.employee_code}
        if self.orgs and not _under(profile.org, list(self.orgs)):
            return _("%(code)s does not work in an organisation this batch is for.") % {"code": profile.employee_code}
        return None

    def people_q(self, prefix: str = "") -> Q:
        """The same rules as a filter on profiles (``prefix`` leads to a Profile)."""
        q = Q(**{f"{prefix}status": Profile.Status.ACTIVE})
        if self.designation_ids:
            q &= Q(**{f"{prefix}designation_id__in": self.designation_ids})
        if self.groups:
            q &= Q(**{f"{prefix}group__in": self.groups}) | Q(
                **{f"{prefix}group": "", f"{prefix}designation__group__in": self.groups}
            )
        if self.orgs:
            q &= Q(
                **{f"{prefix}org_id__in": Organisation.objects.filter(_subtrees_q(list(self.orgs), "")).values("id")}
            )
        return q


def eligible_profile(batch: Batch, user: Any) -> bool:
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    return profile is not None and Eligibility.of(batch).problem(profile) is None


# --- Programmes -------------------------------------------------------------------------------------

LISTED_BATCH_STATUSES = (Batch.Status.OPEN, Batch.Status.CLOSED)


def _listed_batches() -> QuerySet[Batch]:
    return Batch.objects.filter(status__in=LISTED_BATCH_STATUSES).prefetch_related(
        "eligible_orgs", "eligible_designations"
    )


def _programme_visible(
    user: Any, programme: Programme, *, managed: set[int], nominated: set[int], profile: Profile | None
) -> bool:
    if programme.pk in managed or programme.pk in nominated:
        return True
    if programme.status == Programme.Status.DRAFT:
        return False
    nominating = nominator_orgs(user)
    for batch in programme.batches.all():  # prefetched: listed batches only
        eligible_orgs = list(batch.eligible_orgs.all())
        if nominating and batch_reaches(batch, nominating, eligible_orgs):
            return True
        if profile is not None and batch.status == Batch.Status.OPEN:
            rules = Eligibility(
                designation_ids=frozenset(d.pk for d in batch.eligible_designations.all()),
                groups=frozenset(batch.group_list()),
                orgs=tuple(eligible_orgs),
            )
            if rules.problem(profile) is None:
                return True
    return False


def visible_programmes(user: Any) -> list[Programme]:
    """Programmes the user manages, is nominated in, can nominate people to, or is eligible for."""
    if not getattr(user, "is_authenticated", False):
        return []
    managed = set(managed_programmes(user).values_list("pk", flat=True))
    nominated = set(
        Nomination.objects.filter(user=user).order_by().values_list("batch__programme_id", flat=True).distinct()
    )
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    programmes = (
        Programme.objects.filter(Q(pk__in=managed | nominated) | ~Q(status=Programme.Status.DRAFT))
        .select_related("org")
        .prefetch_related(Prefetch("batches", queryset=_listed_batches()))
        .order_by("code")
    )
    return [p for p in programmes if _programme_visible(user, p, managed=managed, nominated=nominated, profile=profile)]


def access_programme_by_code(user: Any, code: str) -> Programme:
    programme = (
        Programme.objects.select_related("org", "final_assessment")
        .prefetch_related(Prefetch("batches", queryset=_listed_batches()))
        .filter(code=code)
        .first()
    )
    if programme is None or not getattr(user, "is_authenticated", False):
        raise Http404("No such programme")
    managed = {programme.pk} if can_manage_programme(user, programme) else set()
    nominated = {programme.pk} if Nomination.objects.filter(user=user, batch__programme=programme).exists() else set()
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    if not _programme_visible(user, programme, managed=managed, nominated=nominated, profile=profile):
        raise Http404("No such programme")
    return programme


def access_programme_for_manager(user: Any, code: str) -> Programme:
    programme = Programme.objects.select_related("org", "final_assessment").filter(code=code).first()
    if programme is None or not can_manage_programme(user, programme):
        raise Http404("No such programme")
    return programme


# --- Batches ---------------------------------------------------------------------------------------


def _batch(batch_id: int) -> Batch | None:
    return Batch.objects.select_related("programme__org").filter(pk=batch_id).first()


def access_batch_for_manager(user: Any, batch_id: int) -> Batch:
    batch = _batch(batch_id)
    if batch is None or not can_manage_programme(user, batch.programme):
        raise Http404("No such batch")
    return batch


def access_batch_for_nominator(user: Any, batch_id: int) -> Batch:
    """A batch the user may nominate people to: they manage it, or it reaches their subtrees."""
    batch = _batch(batch_id)
    if batch is None:
        raise Http404("No such batch")
    if can_manage_programme(user, batch.programme):
        return batch
    listed = batch.status in LISTED_BATCH_STATUSES and batch.programme.status != Programme.Status.DRAFT
    if listed and batch_reaches(batch, nominator_orgs(user)):
        return batch
    raise Http404("No such batch")


def access_batch_by_id(user: Any, batch_id: int) -> Batch:
    """A batch page: for its managers, nominators it reaches, people nominated in it and eligible people."""
    batch = _batch(batch_id)
    if batch is None or not getattr(user, "is_authenticated", False):
        raise Http404("No such batch")
    if can_manage_programme(user, batch.programme):
        return batch
    if Nomination.objects.filter(batch=batch, user=user).exists():
        return batch
    if batch.status in LISTED_BATCH_STATUSES and batch.programme.status != Programme.Status.DRAFT:
        if batch_reaches(batch, nominator_orgs(user)):
            return batch
        if batch.status == Batch.Status.OPEN and eligible_profile(batch, user):
            return batch
    raise Http404("No such batch")


def nominations_in_scope(user: Any, batch: Batch) -> QuerySet[Nomination]:
    """The batch's nominations the user may see: all for its managers, their subtrees' for nodal officers."""
    nominations = Nomination.objects.filter(batch=batch)
    if can_manage_programme(user, batch.programme):
        return nominations
    orgs = nominator_orgs(user)
    if not orgs:
        return nominations.filter(user=user)
    return nominations.filter(user__profile__org_id__in=Organisation.objects.filter(_subtrees_q(orgs, "")).values("id"))


# --- Sessions ---------------------------------------------------------------------------------------


def access_session_for_manager(user: Any, session_id: int) -> Session:
    session = Session.objects.select_related("batch__programme__org").filter(pk=session_id).first()
    if session is None or not can_manage_programme(user, session.batch.programme):
        raise Http404("No such session")
    return session


# --- Nominations ------------------------------------------------------------------------------------


def _nomination(nomination_id: int) -> Nomination | None:
    return (
        Nomination.objects.select_related("batch__programme__org", "user__profile__org", "user__profile__designation")
        .filter(pk=nomination_id)
        .first()
    )


def can_decide_nomination(user: Any, nomination: Nomination) -> bool:
    if can_manage_programme(user, nomination.batch.programme):
        return True
    profile = getattr(nomination.user, "profile", None)
    return profile is not None and can_nominate_person(user, profile)


def access_nomination_for_decision(user: Any, nomination_id: int) -> Nomination:
    """A nomination the user may approve, reject or withdraw: as a manager, or as the person's nodal officer."""
    nomination = _nomination(nomination_id)
    if nomination is None or not can_decide_nomination(user, nomination):
        raise Http404("No such nomination")
    return nomination


def access_nomination_for_withdrawal(user: Any, nomination_id: int) -> Nomination:
    """The person's own nomination, or one the user may decide on."""
    nomination = _nomination(nomination_id)
    if nomination is None:
        raise Http404("No such nomination")
    if nomination.user_id == user.pk or can_decide_nomination(user, nomination):
        return nomination
    raise Http404("No such nomination")


def access_own_nomination(user: Any, nomination_id: int) -> Nomination:
    nomination = _nomination(nomination_id)
    if nomination is None or nomination.user_id != user.pk:
        raise Http404("No such nomination")
    return nomination


def approval_queue(user: Any) -> QuerySet[Nomination]:
    """Nominations waiting for this user's decision.

    Nodal officers decide the requests of people in their subtrees (the first step); managers decide the
    requests of their programmes in one-step mode and the nodal-approved ones in two-step mode.
    """
    q = Q(pk__in=[])
    orgs = nominator_orgs(user)
    if orgs:
        q |= Q(
            status=Nomination.Status.REQUESTED,
            user__profile__org_id__in=Organisation.objects.filter(_subtrees_q(orgs, "")).values("id"),
        )
    managed = managed_programmes(user)
    q |= Q(
        batch__programme__in=managed.filter(approval_mode=Programme.ApprovalMode.ONE_STEP),
        status=Nomination.Status.REQUESTED,
    )
    q |= Q(
        batch__programme__in=managed.filter(approval_mode=Programme.ApprovalMode.TWO_STEPS),
        status=Nomination.Status.NODAL_APPROVED,
    )
    return Nomination.objects.filter(q, batch__status__in=LISTED_BATCH_STATUSES)


# --- Plans ------------------------------------------------------------------------------------------


def access_plan_for_manager(user: Any, plan_id: int) -> Plan:
    plan = Plan.objects.select_related("programme__org").filter(pk=plan_id).first()
    if plan is None or not can_manage_programme(user, plan.programme):
        raise Http404("No such plan")
    return plan
