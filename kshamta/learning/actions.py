"""Every write about learning: enrolment, progress and completion.

Progress arrives in batches from the player. A batch costs the same few queries whatever
its size: the structure of the courses involved, the learner's enrolments in them (locked),
their progress rows (locked), at most one insert and one re-select for rows seen for the
first time, one bulk update of progress rows and one of enrolments. Every writer of an
enrolment's progress locks the enrolment row first, so the enrolment's totals are always
recomputed from a complete, current picture, and completion happens exactly once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from kshamta.accounts.models import Profile
from kshamta.assessments.models import Assessment
from kshamta.catalog.models import Course, Resource
from kshamta.certificates.actions import do_issue_certificate
from kshamta.core import audit
from kshamta.engagement.actions import do_award_karma
from kshamta.engagement.karma import Rule
from kshamta.learning.models import Enrolment, ResourceProgress

MAX_UPDATES = 100

# Per-update error codes of do_record_progress (stable: clients switch on them).
NOT_IN_YOUR_COURSES = "resource_not_in_your_courses"
COMPLETED_BY_ASSESSMENT = "completed_by_assessment"

# Kinds whose completion is a share consumed (resource.completion_threshold); text and links
# complete when marked read (100 %), assessments only by passing (do_record_assessment_result).
MEASURED_KINDS = frozenset({Resource.Kind.VIDEO, Resource.Kind.AUDIO, Resource.Kind.PDF})

OPEN_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
ENROLMENT_FIELDS = ("status", "source", "due_on", "version")


class EnrolmentRefused(Exception):
    """An enrolment change the rules do not allow; the message says why, in the user's language."""


# --- enrolment -------------------------------------------------------------------------


def _learner_org_path(user: Any) -> str:
    return Profile.objects.filter(pk=user.pk).values_list("org__path", flat=True).first() or ""


def _acts_for_someone_else(acting_user: Any, learner: Any) -> bool:
    return getattr(acting_user, "pk", None) != learner.pk


@transaction.atomic
def do_enrol(
    user: Any,
    course: Course,
    *,
    acting_user: Any,
    source: str = Enrolment.Source.SELF,
    due_on: datetime.date | None = None,
) -> Enrolment:
    """Enrol ``user`` in a listed course, pinned to its published version.

    Enrolling again after unenrolling reactivates the same enrolment, with its progress and
    its version. An assignment (``source="assigned"``) of a course the learner is already
    taking sets its due date. Audited when someone enrols another person.
    """
    listed = Course.objects.filter(pk=course.pk).values("published_version_id", "is_retired").first()
    if listed is None or listed["published_version_id"] is None or listed["is_retired"]:
        raise EnrolmentRefused(_("This course is not open for enrolment."))
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course_id=course.pk).first()
    before: dict[str, Any] = {}
    if enrolment is None:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(
                    user=user,
                    course_id=course.pk,
                    version_id=listed["published_version_id"],
                    source=source,
                    due_on=due_on,
                    enrolled_at=timezone.now(),
                )
        except IntegrityError:
            # The same person enrolled at the same moment from another request.
            return Enrolment.objects.get(user=user, course_id=course.pk)
        action = "learning.enrol"
    elif enrolment.status == Enrolment.Status.WITHDRAWN:
        before = audit.snapshot(enrolment, ENROLMENT_FIELDS)
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.source = source
        enrolment.due_on = due_on
        enrolment.save(update_fields=["status", "source", "due_on"])
        action = "learning.reenrol"
    elif (
        source == Enrolment.Source.ASSIGNED
        and enrolment.status == Enrolment.Status.ACTIVE
        and (enrolment.source, enrolment.due_on) != (source, due_on)
    ):
        before = audit.snapshot(enrolment, ENROLMENT_FIELDS)
        enrolment.source = source
        enrolment.due_on = due_on
        enrolment.save(update_fields=["source", "due_on"])
        _audit_if_for_someone_else(enrolment, "learning.assign", acting_user, before)
        return enrolment
    else:
        return enrolment
    Course.objects.filter(pk=course.pk).update(enrolment_count=F("enrolment_count") + 1)
    _audit_if_for_someone_else(enrolment, action, acting_user, before)
    return enrolment


def _audit_if_for_someone_else(enrolment: Enrolment, action: str, acting_user: Any, before: dict[str, Any]) -> None:
    # A learner enrolling themselves is their own business and millions of rows; what an
    # administrator does to someone else's learning is what the audit log is for.
    if _acts_for_someone_else(acting_user, enrolment.user):
        audit.record(
            actor=acting_user,
            action=action,
            target=enrolment,
            org_path=_learner_org_path(enrolment.user),
            before=before,
            after=audit.snapshot(enrolment, ENROLMENT_FIELDS),
        )


@transaction.atomic
def do_unenrol(enrolment: Enrolment, *, acting_user: Any) -> Enrolment:
    """Withdraw from a course. Progress is kept, for a later re-enrolment.

    A completed course stays in the learner's record, and an assigned course can only be
    withdrawn by someone other than the learner (the administrator who assigned it).
    """
    row = Enrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)
    if row.status == Enrolment.Status.COMPLETED:
        raise EnrolmentRefused(_("You have completed this course, so it stays in your record."))
    if row.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = row.status
        return row
    if row.source == Enrolment.Source.ASSIGNED and not _acts_for_someone_else(acting_user, row.user):
        raise EnrolmentRefused(
            _("This course was assigned to you, so you cannot drop it. Ask your nodal officer if it should not be.")
        )
    before = audit.snapshot(row, ENROLMENT_FIELDS)
    row.status = Enrolment.Status.WITHDRAWN
    row.save(update_fields=["status"])
    Course.objects.filter(pk=row.course_id, enrolment_count__gt=0).update(enrolment_count=F("enrolment_count") - 1)
    _audit_if_for_someone_else(row, "learning.unenrol", acting_user, before)
    enrolment.status = row.status
    return row


# --- progress --------------------------------------------------------------------------


@dataclass(frozen=True)
class _ResourceFacts:
    id: int
    version_id: int
    kind: str
    is_required: bool
    duration_seconds: int
    completion_threshold: int

    def is_complete_at(self, percent: int) -> bool:
        if self.kind in MEASURED_KINDS:
            return percent >= self.completion_threshold
        if self.kind == Resource.Kind.ASSESSMENT:
            return False
        return percent >= 100


@dataclass(frozen=True)
class _Update:
    index: int
    resource_id: int
    percent: int
    position: int | None
    page: int | None
    at: datetime.datetime


def _clamp(value: Any, low: int, high: int | None = None) -> int:
    number = max(low, int(value))
    return number if high is None else min(number, high)


def _moment(value: Any, now: datetime.datetime) -> datetime.datetime:
    """The client's time of an update, aware, and never later than now.

    A device whose clock runs fast must not pin the resume point in the future, where no
    later update could move it.
    """
    if isinstance(value, str):
        value = parse_datetime(value)
    if not isinstance(value, datetime.datetime):
        return now
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return min(value, now)


def _normalise(updates: Iterable[Mapping[str, Any]], now: datetime.datetime) -> list[_Update]:
    normalised = []
    for index, update in enumerate(updates):
        position, page = update.get("position"), update.get("page")
        normalised.append(
            _Update(
                index=index,
                resource_id=int(update["resource"]),
                percent=_clamp(update.get("percent") or 0, 0, 100),
                position=None if position is None else _clamp(position, 0),
                page=None if page is None else _clamp(page, 0),
                at=_moment(update.get("at"), now),
            )
        )
    return normalised


def _version_structure(resource_ids: Iterable[int]) -> dict[int, _ResourceFacts]:
    """Every resource of every course version that holds one of ``resource_ids``, in one query."""
    versions = Resource.objects.filter(pk__in=resource_ids).order_by().values("module__version_id")
    return {row[0]: _ResourceFacts(*row) for row in _facts_rows(module__version_id__in=versions)}


def _facts_rows(**where: Any) -> Any:
    # No ordering: the model's default ordering would join the course tables for nothing.
    return (
        Resource.objects.filter(**where)
        .order_by()
        .values_list("id", "module__version_id", "kind", "is_required", "duration_seconds", "completion_threshold")
    )


def _apply(row: ResourceProgress, update: _Update, facts: _ResourceFacts, now: datetime.datetime) -> bool:
    """Fold one update into a progress row; True when the row changed.

    The share consumed only grows. The resume point (position, page) follows the newest
    update by the client's clock, so a late-arriving older update cannot move it back.
    """
    changed = False
    if update.percent > row.percent:
        row.percent = update.percent
        changed = True
    reports_place = update.position is not None or update.page is not None
    if reports_place and (row.reported_at is None or update.at >= row.reported_at):
        if update.position is not None and update.position != row.position_seconds:
            row.position_seconds = update.position
            changed = True
        if update.page is not None and update.page != row.page:
            row.page = update.page
            changed = True
        if row.reported_at != update.at:
            row.reported_at = update.at
            changed = True
    if row.completed_at is None and facts.is_complete_at(row.percent):
        row.completed_at = now
        changed = True
    return changed


def _recompute(enrolment: Enrolment, structure: Iterable[_ResourceFacts], rows: Mapping[int, ResourceProgress]) -> bool:
    """Set the enrolment's progress_percent and learning_seconds from its progress rows.

    Both are derived, never added to, so sending the same updates twice counts nothing twice.
    Returns whether every required resource is complete.
    """
    required = done = seconds = 0
    for facts in structure:
        row = rows.get(facts.id)
        complete = row is not None and row.completed_at is not None
        if facts.is_required:
            required += 1
            done += complete
        if row is not None:
            seconds += facts.duration_seconds if complete else facts.duration_seconds * row.percent // 100
    enrolment.progress_percent = 100 * done // required if required else 100
    enrolment.learning_seconds = seconds
    return done == required


def enrolment_summary(enrolment: Enrolment, course_code: str) -> dict[str, Any]:
    return {
        "course": course_code,
        "progress_percent": enrolment.progress_percent,
        "completed": enrolment.status == Enrolment.Status.COMPLETED,
    }


def _locked_progress_rows(
    user: Any, accepted: list[tuple[_Update, _ResourceFacts, Enrolment]], enrolment_ids: Iterable[int]
) -> dict[tuple[int, int], ResourceProgress]:
    """Every progress row of the enrolments, locked, keyed by (enrolment, resource); the rows
    the batch needs and that do not exist yet are created first (get-or-create in bulk: a
    concurrent insert of the same row is ignored, then the row is read back under the lock)."""
    rows = {
        (p.enrolment_id, p.resource_id): p
        for p in ResourceProgress.objects.select_for_update().filter(enrolment_id__in=enrolment_ids)
    }
    missing = {(e.pk, f.id) for _u, f, e in accepted if (e.pk, f.id) not in rows}
    if missing:
        ResourceProgress.objects.bulk_create(
            [ResourceProgress(user_id=user.pk, enrolment_id=e, resource_id=r) for e, r in sorted(missing)],
            ignore_conflicts=True,
        )
        created = ResourceProgress.objects.select_for_update().filter(
            enrolment_id__in={e for e, _r in missing}, resource_id__in={r for _e, r in missing}
        )
        rows.update({(p.enrolment_id, p.resource_id): p for p in created})
    return rows


@transaction.atomic
def do_record_progress(user: Any, updates: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Record up to MAX_UPDATES progress updates of ``user`` (always the authenticated person).

    Each update is ``{"resource": id, "percent": 0-100, "position": seconds|None,
    "page": int|None, "at": datetime or ISO-8601}``. Returns one result per update, in order:
    ``{"resource", "percent", "completed"}`` plus ``"enrolment"`` (the course's summary after
    the batch) when it was applied, or ``"error"`` (a code) when it was not. An update for a
    resource outside the versions of the user's own active or completed enrolments is refused
    on its own; the rest of the batch still applies.
    """
    now = timezone.now()
    batch = _normalise(updates, now)
    if len(batch) > MAX_UPDATES:
        raise ValueError(f"at most {MAX_UPDATES} updates in one call")
    results: list[dict[str, Any]] = [
        {"resource": u.resource_id, "percent": 0, "completed": False, "error": NOT_IN_YOUR_COURSES} for u in batch
    ]
    if not batch:
        return results

    structure = _version_structure({u.resource_id for u in batch})
    # Locked in id order, like every writer of progress, so two batches cannot deadlock.
    enrolments: dict[int, Enrolment] = {
        e.version_id: e
        for e in Enrolment.objects.select_for_update(of=("self",))
        .filter(user_id=user.pk, status__in=OPEN_STATUSES, version_id__in={f.version_id for f in structure.values()})
        .annotate(course_code=F("course__code"))
        .order_by("pk")
    }
    accepted: list[tuple[_Update, _ResourceFacts, Enrolment]] = []
    for update in batch:
        facts = structure.get(update.resource_id)
        owner = enrolments.get(facts.version_id) if facts else None
        if facts is None or owner is None:
            continue
        if facts.kind == Resource.Kind.ASSESSMENT:
            results[update.index]["error"] = COMPLETED_BY_ASSESSMENT
            continue
        accepted.append((update, facts, owner))
    if not accepted:
        return results

    touched = {e.pk: e for _u, _f, e in accepted}
    rows = _locked_progress_rows(user, accepted, touched)
    changed: dict[int, ResourceProgress] = {}
    latest: dict[int, _Update] = {}
    for update, facts, enrolment in accepted:
        row = rows[(enrolment.pk, facts.id)]
        if _apply(row, update, facts, now):
            row.updated_at = now
            changed[row.pk] = row
        if enrolment.pk not in latest or update.at >= latest[enrolment.pk].at:
            latest[enrolment.pk] = update
    if changed:
        ResourceProgress.objects.bulk_update(
            list(changed.values()),
            ["percent", "position_seconds", "page", "reported_at", "completed_at", "updated_at"],
        )

    by_version: dict[int, list[_ResourceFacts]] = {}
    for facts in structure.values():
        by_version.setdefault(facts.version_id, []).append(facts)
    ready: list[Enrolment] = []
    for enrolment in touched.values():
        own_rows = {r: p for (e, r), p in rows.items() if e == enrolment.pk}
        if _recompute(enrolment, by_version[enrolment.version_id], own_rows):
            ready.append(enrolment)
        enrolment.last_active_at = now
        enrolment.last_resource_id = latest[enrolment.pk].resource_id
    Enrolment.objects.bulk_update(
        list(touched.values()), ["progress_percent", "learning_seconds", "last_active_at", "last_resource"]
    )
    for enrolment in ready:
        if enrolment.status == Enrolment.Status.ACTIVE and evaluate_completion(enrolment.pk):
            enrolment.status = Enrolment.Status.COMPLETED

    summaries = {e.pk: enrolment_summary(e, e.course_code) for e in touched.values()}  # type: ignore[attr-defined]
    for update, facts, enrolment in accepted:
        row = rows[(enrolment.pk, facts.id)]
        results[update.index] = {
            "resource": facts.id,
            "percent": row.percent,
            "completed": row.completed_at is not None,
            "enrolment": summaries[enrolment.pk],
        }
    return results


# --- completion ------------------------------------------------------------------------


def _required_resources_complete(enrolment: Enrolment) -> bool:
    required = (
        Resource.objects.filter(module__version_id=enrolment.version_id, is_required=True).order_by().values("pk")
    )
    missing = required.exclude(
        pk__in=ResourceProgress.objects.filter(enrolment_id=enrolment.pk, completed_at__isnull=False).values(
            "resource_id"
        )
    )
    return not missing.exists()


def _final_assessment_satisfied(enrolment: Enrolment) -> bool:
    if enrolment.final_assessment_passed:
        return True
    return not Assessment.objects.filter(version_id=enrolment.version_id, is_final=True).exists()


def _recheck_programmes_after_commit(user_id: int) -> None:
    """A course completed or an assessment passed can be the last step of the person's blended programme.

    After commit, so the programme sees this step; one query when the person has no open nomination.
    Robust: the learner's step is already saved, and a failure here is logged and caught up by
    ``manage.py complete_programmes``.
    """

    def recheck() -> None:
        from kshamta.programmes.actions import evaluate_completions_for_user

        evaluate_completions_for_user(user_id)

    transaction.on_commit(recheck, robust=True)


@transaction.atomic
def evaluate_completion(enrolment_id: int) -> bool:
    """Complete the enrolment if the course's rules are met; True only for the call that completed it.

    The rules: every required resource complete, and the final assessment passed if the
    course version has one. Completing issues the certificate and awards the karma points
    inside the same transaction, under the enrolment's row lock, so two requests completing
    the same course at the same moment issue one certificate. After commit, the person's open
    blended programmes are checked again (the course may have been the last they needed).
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment_id)
    if enrolment.status != Enrolment.Status.ACTIVE:
        return False
    if not (_required_resources_complete(enrolment) and _final_assessment_satisfied(enrolment)):
        return False
    now = timezone.now()
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = now
    enrolment.progress_percent = 100
    enrolment.save(update_fields=["status", "completed_at", "progress_percent"])
    do_issue_certificate(enrolment)
    source_key = f"enrolment:{enrolment.pk}"
    do_award_karma(user=enrolment.user, rule=Rule.COURSE_COMPLETED, source_key=source_key, at=now)
    if (
        enrolment.source == Enrolment.Source.ASSIGNED
        and enrolment.due_on is not None
        and timezone.localdate(now) <= enrolment.due_on
    ):
        do_award_karma(user=enrolment.user, rule=Rule.ASSIGNED_ON_TIME, source_key=source_key, at=now)
    _recheck_programmes_after_commit(enrolment.user_id)
    return True


@transaction.atomic
def do_record_assessment_result(attempt: Any) -> bool:
    """Take a scored attempt into the learner's progress; True when it completed the course.

    A passed attempt completes the assessment resources that point at its assessment in the
    enrolment's version, and a passed final assessment is recorded on the enrolment. After
    commit, the person's open programmes are checked again (their final assessment may be it).
    """
    if not attempt.passed:
        return False
    enrolment = Enrolment.objects.select_for_update().get(pk=attempt.enrolment_id)
    now = timezone.now()
    resource_ids = list(
        Resource.objects.filter(
            module__version_id=enrolment.version_id,
            kind=Resource.Kind.ASSESSMENT,
            assessment_id=attempt.assessment_id,
        ).values_list("pk", flat=True)
    )
    if resource_ids:
        ResourceProgress.objects.bulk_create(
            [ResourceProgress(user_id=enrolment.user_id, enrolment=enrolment, resource_id=r) for r in resource_ids],
            ignore_conflicts=True,
        )
        ResourceProgress.objects.filter(enrolment=enrolment, resource_id__in=resource_ids).update(
            percent=100, updated_at=now
        )
        ResourceProgress.objects.filter(
            enrolment=enrolment, resource_id__in=resource_ids, completed_at__isnull=True
        ).update(completed_at=now)
    if Assessment.objects.filter(pk=attempt.assessment_id, is_final=True).exists():
        enrolment.final_assessment_passed = True
    structure = [_ResourceFacts(*row) for row in _facts_rows(module__version_id=enrolment.version_id)]
    rows = {p.resource_id: p for p in ResourceProgress.objects.filter(enrolment=enrolment)}
    _recompute(enrolment, structure, rows)
    enrolment.last_active_at = now
    enrolment.save(update_fields=["final_assessment_passed", "progress_percent", "learning_seconds", "last_active_at"])
    completed = evaluate_completion(enrolment.pk)
    if not completed:
        # A programme's final assessment can be passed without completing the course it sits in.
        _recheck_programmes_after_commit(enrolment.user_id)
    return completed
