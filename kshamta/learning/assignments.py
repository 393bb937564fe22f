"""From plan to people: assignment rules, the background job that applies them, and keeping people in step.

A rule says "everyone active in this organisation subtree (holding this designation) takes this
course by this date". Rules come in sets, one per source: an approved CBP or the mandatory courses
of an organisation. ``do_publish_assignment_rules`` replaces a source's set and queues an
``AssignmentJob``, which:

1. closes the open assignments of the source's withdrawn rules;
2. takes the active rules by audience (organisation and designation: one planned designation's
   courses share one), and the people each audience matches 2,000 at a time, each chunk in one
   transaction under the rules' row locks; for each rule, the people without an open assignment
   from it are
   - enrolled when not enrolled in the course yet (one bulk insert for the chunk, pinned to the
     published version, ``source="assigned"``, the rule's due date),
   - or, when taking it already of their own accord (or when they left it earlier: it is re-opened
     with its progress), made assigned with the due date,
   - with the earliest due date kept when several rules assign the same course,
   - and a completed enrolment left exactly as it is (a completed course counts as done);
   and an ``Assignment`` row links the rule, the person and the enrolment;
3. recomputes the due dates of the enrolments of rules whose due date changed.

Each chunk looks for missing assignments inside the transaction that makes them, under the rules'
locks, so a re-run or a second worker adds nothing twice. ``Course.enrolment_count`` grows by
exactly the enrolments inserted (the insert returns them) or re-opened.

People move: ``sync_person_assignments(user_id)`` (after a person is created, transferred or changes
designation or status) and ``sync_people_assignments(user_ids)`` (after a chunk of an HRMS import)
apply the active rules that match each person's organisation and designation now, and close the
assignments whose rules no longer match. **Closing** sets ``closed_at`` and keeps everything else:
an active enrolment with no other open assignment goes back to ``source="self"`` with no due date
(it leaves "Assigned to you" in My learning and stays under "In progress" with its progress, which
the learner may continue or leave); one that another rule still assigns takes the earliest due date
of the rules left. Completed and withdrawn enrolments are not touched.

Assigning in bulk is audited once per publication (the ``Assignment`` rows are the per-person
record), as self-enrolment is not audited per person either.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, F, Min, Model, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from kshamta.accounts.models import Profile
from kshamta.catalog.models import Course
from kshamta.core import audit
from kshamta.learning.models import Assignment, AssignmentJob, AssignmentRule, Enrolment
from kshamta.orgs.models import PATH_SEGMENT_WIDTH, Designation, Organisation

logger = logging.getLogger(__name__)

CHUNK_SIZE = 2000
SOURCE_TYPES = frozenset(AssignmentRule.SourceType.values)


class AssignmentRefused(ValueError):
    """Rules that cannot be published as given; the message says why, in the user's language."""


@dataclass(frozen=True)
class AssignmentSpec:
    """One rule to publish: ``course`` by ``due_on`` for everyone in ``org``'s subtree (holding
    ``designation``, when given)."""

    org: Organisation
    designation: Designation | None
    course: Course
    due_on: datetime.date


@dataclass
class Outcome:
    """What applying one rule to some people did."""

    assigned: int = 0  # new open assignments
    created: int = 0  # enrolments inserted
    reopened: int = 0  # enrolments left earlier, made active again
    updated: int = 0  # active enrolments made assigned or given an earlier due date
    completed: int = 0  # completed enrolments linked as they are
    closed: int = 0  # assignments closed

    def add(self, other: Outcome) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


# --- publishing ----------------------------------------------------------------------------


def _rule_key(org_id: int, designation_id: int | None, course_id: int) -> tuple[int, int | None, int]:
    return (org_id, designation_id, course_id)


def _check_spec(spec: AssignmentSpec) -> None:
    designation = spec.designation
    # A designation is held below where it is defined; a rule may sit above it (a department's
    # Patwaris from the state) or below it (a district's Patwaris), not beside it.
    if designation is not None:
        home = designation.org.path
        if not (spec.org.path.startswith(home) or home.startswith(spec.org.path)):
            raise AssignmentRefused(
                _("The designation %(designation)s is not used in %(org)s.")
                % {"designation": designation.name, "org": spec.org.name}
            )
    if not isinstance(spec.due_on, datetime.date):
        raise AssignmentRefused(_("Every assigned course needs a due date."))


def _listed_course_ids(course_ids: Iterable[int]) -> set[int]:
    return set(
        Course.objects.filter(pk__in=set(course_ids), published_version__isnull=False, is_retired=False).values_list(
            "pk", flat=True
        )
    )


def common_path(paths: Iterable[str]) -> str:
    """The path of the smallest subtree holding every path (whole segments only)."""
    paths = list(paths)
    if not paths:
        return ""
    shortest = min(paths, key=len)
    width = PATH_SEGMENT_WIDTH
    end = 0
    while end + width <= len(shortest) and all(p[end : end + width] == shortest[end : end + width] for p in paths):
        end += width
    return shortest[:end]


def _org_id_of(path: str) -> int:
    return int(path[-PATH_SEGMENT_WIDTH:])


@transaction.atomic
def do_publish_assignment_rules(
    *,
    source_type: str,
    source_id: int,
    rules: Sequence[AssignmentSpec],
    acting_user: Any,
    enqueue: bool = True,
) -> AssignmentJob | None:
    """Make ``rules`` the active rules of the source, and queue the job that syncs enrolments.

    Rules already active with the same organisation, designation and course are kept (a new due
    date replaces the old one); the others are withdrawn. When one course is given twice for the
    same people, the earlier due date wins. Returns the queued job, or None when the source had no
    rules and gets none. Audited once.
    """
    if source_type not in SOURCE_TYPES:
        raise AssignmentRefused(_("Unknown source of assignments."))
    for spec in rules:
        _check_spec(spec)
    listed = _listed_course_ids(spec.course.pk for spec in rules)
    unlisted = sorted({spec.course.code for spec in rules if spec.course.pk not in listed})
    if unlisted:
        raise AssignmentRefused(
            _("These courses are not open for enrolment: %(codes)s.") % {"codes": ", ".join(unlisted)}
        )
    wanted: dict[tuple[int, int | None, int], AssignmentSpec] = {}
    for spec in rules:
        key = _rule_key(spec.org.pk, spec.designation.pk if spec.designation else None, spec.course.pk)
        if key not in wanted or spec.due_on < wanted[key].due_on:
            wanted[key] = spec

    # Locked, so two publications of one source cannot interleave (and a running chunk finishes first).
    current = {
        _rule_key(rule.org_id, rule.designation_id, rule.course_id): rule
        for rule in AssignmentRule.objects.select_for_update(of=("self",))
        .select_related("org")
        .filter(source_type=source_type, source_id=source_id, is_active=True)
        .order_by("pk")
    }
    if not current and not wanted:
        return None
    now = timezone.now()
    creator = acting_user if getattr(acting_user, "pk", None) else None
    removed = [rule for key, rule in current.items() if key not in wanted]
    changed: list[int] = []
    for key, spec in wanted.items():
        rule = current.get(key)
        if rule is not None and rule.due_on != spec.due_on:
            AssignmentRule.objects.filter(pk=rule.pk).update(due_on=spec.due_on)
            changed.append(rule.pk)
    added = [
        AssignmentRule(
            source_type=source_type,
            source_id=source_id,
            org=spec.org,
            designation=spec.designation,
            course=spec.course,
            due_on=spec.due_on,
            created_by=creator,
            created_at=now,
        )
        for key, spec in wanted.items()
        if key not in current
    ]
    AssignmentRule.objects.bulk_create(added)
    if removed:
        AssignmentRule.objects.filter(pk__in=[r.pk for r in removed]).update(is_active=False, deactivated_at=now)

    path = common_path([spec.org.path for spec in wanted.values()] + [rule.org.path for rule in removed])
    job = AssignmentJob.objects.create(
        source_type=source_type,
        source_id=source_id,
        org_id=_org_id_of(path),
        created_by=creator,
        rules_total=len(wanted),
        due_changed_rule_ids=changed,
        created_at=now,
    )
    audit.record(
        actor=acting_user,
        action="assignments.publish",
        target=job,
        org_path=path,
        after={
            "source_type": source_type,
            "source_id": source_id,
            "rules": len(wanted),
            "added": len(added),
            "due_changed": len(changed),
            "withdrawn": len(removed),
        },
    )
    if enqueue:
        job_id = job.pk

        def queue() -> None:
            from kshamta.learning.assignment_tasks import run_assignment_job_task

            run_assignment_job_task.enqueue(job_id)

        transaction.on_commit(queue)
    return job


# --- mandatory courses -------------------------------------------------------------------


def mandatory_specs(org: Organisation) -> list[AssignmentSpec]:
    """The active mandatory courses of ``org`` as specs (what a new publication starts from)."""
    rules = AssignmentRule.objects.filter(
        source_type=AssignmentRule.SourceType.MANDATORY, source_id=org.pk, is_active=True
    ).select_related("course")
    return [AssignmentSpec(org=org, designation=None, course=r.course, due_on=r.due_on) for r in rules]


@transaction.atomic
def do_add_mandatory_course(
    *, org: Organisation, course: Course, due_on: datetime.date, acting_user: Any, enqueue: bool = True
) -> AssignmentJob:
    """Make ``course`` mandatory for everyone active in ``org``'s subtree by ``due_on`` (for a course
    already mandatory there: a new due date). Callers check that ``acting_user`` administers ``org``."""
    # The organisation's row serialises changes to its set of mandatory courses.
    Organisation.objects.select_for_update().filter(pk=org.pk).first()
    specs = [s for s in mandatory_specs(org) if s.course.pk != course.pk]
    specs.append(AssignmentSpec(org=org, designation=None, course=course, due_on=due_on))
    job = do_publish_assignment_rules(
        source_type=AssignmentRule.SourceType.MANDATORY,
        source_id=org.pk,
        rules=specs,
        acting_user=acting_user,
        enqueue=enqueue,
    )
    assert job is not None
    return job


@transaction.atomic
def do_withdraw_mandatory_course(rule: AssignmentRule, *, acting_user: Any, enqueue: bool = True) -> AssignmentJob:
    """Withdraw one mandatory course: its open assignments are closed by the job (progress stays)."""
    if rule.source_type != AssignmentRule.SourceType.MANDATORY:
        raise AssignmentRefused(_("Only a mandatory course can be withdrawn here."))
    org = Organisation.objects.select_for_update().get(pk=rule.source_id)
    specs = [s for s in mandatory_specs(org) if s.course.pk != rule.course_id]
    job = do_publish_assignment_rules(
        source_type=AssignmentRule.SourceType.MANDATORY,
        source_id=org.pk,
        rules=specs,
        acting_user=acting_user,
        enqueue=enqueue,
    )
    assert job is not None
    return job


# --- applying rules to people ------------------------------------------------------------


def _open_assignments() -> QuerySet[Assignment]:
    return Assignment.objects.filter(closed_at__isnull=True)


def people_matching(org: Organisation, designation_id: int | None) -> QuerySet[Profile]:
    """Active people in ``org``'s subtree (holding the designation, when there is one)."""
    org_ids = Organisation.objects.filter(org.subtree_q()).values("id")
    people = Profile.objects.filter(status=Profile.Status.ACTIVE, org_id__in=org_ids)
    if designation_id is not None:
        people = people.filter(designation_id=designation_id)
    return people


def _lock_active_rules(rule_ids: Iterable[int]) -> list[AssignmentRule]:
    """The rules that are still active, locked in id order (so two writers cannot deadlock)."""
    return list(
        AssignmentRule.objects.select_for_update(of=("self",))
        .select_related("org")
        .filter(pk__in=sorted(set(rule_ids)), is_active=True)
        .order_by("pk")
    )


def _missing(rules: Sequence[AssignmentRule], user_ids: Sequence[int]) -> dict[int, list[int]]:
    """For each rule, the people among ``user_ids`` without an open assignment from it (one query)."""
    have = set(
        _open_assignments()
        .filter(rule_id__in=[r.pk for r in rules], user_id__in=user_ids)
        .order_by()
        .values_list("rule_id", "user_id")
    )
    return {rule.pk: [u for u in user_ids if (rule.pk, u) not in have] for rule in rules}


def _assign(rules: Sequence[AssignmentRule], people: dict[int, list[int]], now: datetime.datetime) -> Outcome:
    """Assign each rule's course to its people (``people``: rule id -> user ids, none of them with an
    open assignment from the rule; the caller holds the rules' row locks). A handful of statements
    for the whole lot, however many people and rules:

    - the enrolments that exist for these people and courses (one query);
    - one bulk insert of the missing ones, pinned to the published version, with the earliest due
      date among the rules, and one query to read them back;
    - per due date: re-open enrolments left earlier, make active self-enrolments assigned, and
      bring an assigned one's due date forward when this rule's is earlier;
    - ``enrolment_count`` per course, by what was inserted or re-opened;
    - one bulk insert of the assignments.
    A completed enrolment is linked and left as it is.
    """
    outcome = Outcome()
    wanted = {rule.pk: rule for rule in rules if people.get(rule.pk)}
    if not wanted:
        return outcome
    versions = dict(
        Course.objects.filter(
            pk__in={r.course_id for r in wanted.values()}, is_retired=False, published_version__isnull=False
        ).values_list("pk", "published_version_id")
    )
    # Courses retired since publication are assigned to nobody new: nobody can enrol in them.
    wanted = {pk: rule for pk, rule in wanted.items() if rule.course_id in versions}
    due: dict[tuple[int, int], datetime.date] = {}  # (user, course) -> earliest due date of these rules
    for pk, rule in wanted.items():
        for user_id in people[pk]:
            key = (user_id, rule.course_id)
            if key not in due or rule.due_on < due[key]:
                due[key] = rule.due_on
    if not due:
        return outcome
    user_ids = sorted({user_id for user_id, _course in due})
    course_ids = sorted({course_id for _user, course_id in due})
    found: dict[tuple[int, int], tuple[int, str]] = {
        (user_id, course_id): (pk, status)
        for user_id, course_id, pk, status in Enrolment.objects.filter(course_id__in=course_ids, user_id__in=user_ids)
        .order_by()
        .values_list("user_id", "course_id", "pk", "status")
    }
    missing = [key for key in due if key not in found]
    created: set[int] = set()
    gained: dict[int, int] = defaultdict(int)  # course -> enrolments inserted or re-opened
    if missing:
        inserted = insert_ignoring_conflicts(
            Enrolment,
            ["user_id", "course_id", "version_id", "due_on"],
            [(user_id, course_id, versions[course_id], due[(user_id, course_id)]) for user_id, course_id in missing],
            constants={"status": Enrolment.Status.ACTIVE, "source": Enrolment.Source.ASSIGNED, "enrolled_at": now},
            returning=["id", "user_id", "course_id"],
        )
        for pk, user_id, course_id in inserted:
            found[(user_id, course_id)] = (pk, Enrolment.Status.ACTIVE)
            created.add(pk)
            gained[course_id] += 1
        raced = [key for key in missing if key not in found]
        if raced:
            # The person enrolled themself at the same moment: their row is taken like one found before.
            rows = (
                Enrolment.objects.filter(course_id__in={c for _u, c in raced}, user_id__in={u for u, _c in raced})
                .order_by()
                .values_list("user_id", "course_id", "pk", "status")
            )
            for user_id, course_id, pk, status in rows:
                found.setdefault((user_id, course_id), (pk, status))
    outcome.created = len(created)
    by_due: dict[datetime.date, list[int]] = defaultdict(list)
    for key, (pk, status) in found.items():
        if pk in created or key not in due:
            continue
        if status == Enrolment.Status.COMPLETED:
            outcome.completed += 1
        else:
            by_due[due[key]].append(pk)
    for due_on, pks in sorted(by_due.items()):
        reopened = Enrolment.objects.filter(pk__in=pks, status=Enrolment.Status.WITHDRAWN)
        for course_id in reopened.order_by().values_list("course_id", flat=True):
            gained[course_id] += 1
        outcome.reopened += reopened.update(
            status=Enrolment.Status.ACTIVE, source=Enrolment.Source.ASSIGNED, due_on=due_on
        )
        # Self-enrolled become assigned; assigned keep the earliest due date.
        outcome.updated += (
            Enrolment.objects.filter(pk__in=pks, status=Enrolment.Status.ACTIVE)
            .filter(~Q(source=Enrolment.Source.ASSIGNED) | Q(due_on__isnull=True) | Q(due_on__gt=due_on))
            .update(source=Enrolment.Source.ASSIGNED, due_on=due_on)
        )
    for course_id, count in sorted(gained.items()):
        Course.objects.filter(pk=course_id).update(enrolment_count=F("enrolment_count") + count)
    links = insert_ignoring_conflicts(
        Assignment,
        ["rule_id", "user_id", "enrolment_id"],
        [
            (pk, user_id, found[(user_id, rule.course_id)][0])
            for pk, rule in wanted.items()
            for user_id in people[pk]
            if (user_id, rule.course_id) in found
        ],
        constants={"assigned_at": now},
        returning=["id"],
    )
    outcome.assigned = len(links)
    return outcome


def insert_ignoring_conflicts(
    model: type[Model],
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    constants: dict[str, Any],
    returning: Sequence[str],
) -> list[tuple[Any, ...]]:
    """``INSERT … ON CONFLICT DO NOTHING … RETURNING`` of many rows in one statement: the rows inserted.

    Only quoted table and column names and placeholders go into the SQL text; every value is a parameter.

    ``bulk_create`` builds a model instance and prepares every field of every row, which took most
    of a publication's time; and with ``ignore_conflicts`` it cannot say which rows went in. Here the
    rows are tuples for ``columns`` (attnames), ``constants`` are the same for every row, and every
    other field gets its model default, prepared once. PostgreSQL takes one array per column
    (``unnest``), SQLite one JSON document (``json_each``), so the statement has a handful of
    parameters however many rows it carries. Run it inside the caller's transaction.
    """
    if not rows:
        return []
    meta = model._meta
    fields: dict[str, Any] = {f.attname: f for f in meta.concrete_fields}
    fixed = dict(constants)
    for attname, field in fields.items():
        if attname not in columns and attname not in fixed and not field.primary_key:
            fixed[attname] = field.get_default()
    fixed_sql = [connection.ops.quote_name(fields[a].column) for a in fixed]
    fixed_params = [fields[a].get_db_prep_save(value, connection) for a, value in fixed.items()]
    names = ", ".join([*(connection.ops.quote_name(fields[c].column) for c in columns), *fixed_sql])
    back = ", ".join(connection.ops.quote_name(fields[c].column) for c in returning)
    table = connection.ops.quote_name(meta.db_table)
    placeholders = ", ".join(["%s"] * len(fixed))
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"%s::{fields[c].cast_db_type(connection)}[]" for c in columns)
        aliases = ", ".join(f"c{i}" for i in range(len(columns)))
        source = f"SELECT {aliases}{', ' if fixed else ''}{placeholders} FROM unnest({arrays}) AS t({aliases})"  # noqa: S608
        params: list[Any] = [*fixed_params, *(list(column) for column in zip(*rows, strict=True))]
    else:
        picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(columns)))
        # "WHERE true": SQLite needs it to tell the upsert clause from a join constraint.
        source = f"SELECT {picks}{', ' if fixed else ''}{placeholders} FROM json_each(%s) WHERE true"  # noqa: S608
        document = json.dumps([[_json_ready(v) for v in row] for row in rows])
        params = [*fixed_params, document]
    sql = f"INSERT INTO {table} ({names}) {source} ON CONFLICT DO NOTHING RETURNING {back}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def _json_ready(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def _earliest_open_due() -> Subquery:
    return Subquery(
        _open_assignments()
        .filter(enrolment_id=OuterRef("pk"))
        .order_by()
        .values("enrolment_id")
        .annotate(earliest=Min("rule__due_on"))
        .values("earliest")[:1]
    )


def _settle(enrolment_ids: Sequence[int]) -> None:
    """After assignments of these enrolments closed or changed due dates: an active assigned
    enrolment that no open assignment holds goes back to self-enrolled with no due date; the others
    take the earliest due date of their open assignments. Completed and withdrawn stay as they are."""
    if not enrolment_ids:
        return
    still_open = _open_assignments().filter(enrolment_id=OuterRef("pk"))
    active = Enrolment.objects.filter(
        pk__in=enrolment_ids, status=Enrolment.Status.ACTIVE, source=Enrolment.Source.ASSIGNED
    )
    active.filter(~Exists(still_open)).update(source=Enrolment.Source.SELF, due_on=None)
    active.filter(Exists(still_open)).update(due_on=_earliest_open_due())


def _close(assignment_ids: Sequence[int], now: datetime.datetime) -> int:
    """Close open assignments (history and enrolments stay); returns how many were closed."""
    if not assignment_ids:
        return 0
    rows = _open_assignments().filter(pk__in=assignment_ids)
    enrolment_ids = list(rows.values_list("enrolment_id", flat=True))
    closed = rows.update(closed_at=now)
    _settle(enrolment_ids)
    return closed


# --- the job -------------------------------------------------------------------------------


def _record(job_id: int, outcome: Outcome, **extra: Any) -> None:
    AssignmentJob.objects.filter(pk=job_id).update(
        people_assigned=F("people_assigned") + outcome.assigned,
        enrolments_created=F("enrolments_created") + outcome.created,
        enrolments_updated=F("enrolments_updated") + outcome.updated + outcome.reopened,
        already_completed=F("already_completed") + outcome.completed,
        assignments_closed=F("assignments_closed") + outcome.closed,
        **extra,
    )


def _close_withdrawn_rules(job: AssignmentJob, chunk_size: int) -> None:
    withdrawn = (
        AssignmentRule.objects.filter(source_type=job.source_type, source_id=job.source_id, is_active=False)
        .filter(Exists(_open_assignments().filter(rule_id=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for rule_id in list(withdrawn):
        while True:
            with transaction.atomic():
                # The lock orders this after any chunk still assigning from the rule.
                AssignmentRule.objects.select_for_update().filter(pk=rule_id).first()
                ids = list(
                    _open_assignments().filter(rule_id=rule_id).order_by("pk").values_list("pk", flat=True)[:chunk_size]
                )
                if not ids:
                    break
                _record(job.pk, Outcome(closed=_close(ids, timezone.now())))


def _apply_audience(
    job: AssignmentJob, org: Organisation, designation_id: int | None, rule_ids: list[int], chunk_size: int
) -> None:
    """Assign the rules that share an audience (organisation and designation: one CBP designation's
    courses, say) to the people it matches, ``chunk_size`` people per transaction. The job's progress
    is written in the same transactions, the last one included, so an audience costs one commit per
    chunk and nothing more."""
    after_user = 0
    while True:
        with transaction.atomic():
            rules = _lock_active_rules(rule_ids)
            user_ids = (
                list(
                    people_matching(org, designation_id)
                    .filter(user_id__gt=after_user)
                    .order_by("user_id")
                    .values_list("user_id", flat=True)[:chunk_size]
                )
                if rules
                else []
            )
            outcome = _assign(rules, _missing(rules, user_ids), timezone.now()) if user_ids else Outcome()
            last = len(user_ids) < chunk_size
            # Rules withdrawn meanwhile count as done: the next job closes what they assigned.
            _record(job.pk, outcome, **({"rules_done": F("rules_done") + len(rule_ids)} if last else {}))
            if last:
                return
            after_user = user_ids[-1]


def _refresh_due_dates(rule_id: int, chunk_size: int) -> None:
    after = 0
    while True:
        with transaction.atomic():
            ids = list(
                _open_assignments()
                .filter(rule_id=rule_id, enrolment_id__gt=after)
                .order_by("enrolment_id")
                .values_list("enrolment_id", flat=True)[:chunk_size]
            )
            if not ids:
                return
            _settle(ids)
            after = ids[-1]


def run_assignment_job(job_id: int, *, chunk_size: int = CHUNK_SIZE) -> AssignmentJob:
    """Apply the job's source: close what withdrawn rules assigned, then assign each active rule.

    Safe to run again (after a crash, or twice at once): it only ever adds what is missing.
    """
    with transaction.atomic():
        job = AssignmentJob.objects.select_for_update().get(pk=job_id)
        if job.status == AssignmentJob.Status.DONE:
            return job
        job.status = AssignmentJob.Status.RUNNING
        job.started_at = job.started_at or timezone.now()
        job.rules_done = 0
        job.message = ""
        job.save(update_fields=["status", "started_at", "rules_done", "message"])
    try:
        _close_withdrawn_rules(job, chunk_size)
        active = list(
            AssignmentRule.objects.filter(source_type=job.source_type, source_id=job.source_id, is_active=True)
            .select_related("org")
            .order_by("pk")
        )
        AssignmentJob.objects.filter(pk=job.pk).update(rules_total=len(active))
        audiences: dict[tuple[int, int | None], list[AssignmentRule]] = defaultdict(list)
        for rule in active:
            audiences[(rule.org_id, rule.designation_id)].append(rule)
        for (_org, designation_id), rules in audiences.items():
            for rule in rules:
                if rule.pk in job.due_changed_rule_ids:
                    _refresh_due_dates(rule.pk, chunk_size)
            _apply_audience(job, rules[0].org, designation_id, [r.pk for r in rules], chunk_size)
    except Exception as exc:
        logger.exception("assignment job %s failed", job_id)
        # For the logs and the administrators of the site; the page shows a translated notice.
        AssignmentJob.objects.filter(pk=job_id).update(
            status=AssignmentJob.Status.FAILED, message=repr(exc)[:2000], finished_at=timezone.now()
        )
        raise
    AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.DONE, finished_at=timezone.now())
    job.refresh_from_db()
    return job


@transaction.atomic
def do_rerun_assignment_job(job: AssignmentJob, *, acting_user: Any, enqueue: bool = True) -> AssignmentJob:
    """Queue a job again that failed, or that shows as running but stopped (a worker restarted). It
    continues where it stopped: only what is missing is added, so running it twice is harmless."""
    job = AssignmentJob.objects.select_for_update().get(pk=job.pk)
    if job.status not in (AssignmentJob.Status.FAILED, AssignmentJob.Status.RUNNING):
        raise AssignmentRefused(_("Only an assignment run that stopped can be run again."))
    job.status = AssignmentJob.Status.QUEUED
    job.save(update_fields=["status"])
    audit.record(
        actor=acting_user, action="assignments.rerun", target=job, org_path=job.org.path, after={"job": job.pk}
    )
    if enqueue:
        job_id = job.pk

        def queue() -> None:
            from kshamta.learning.assignment_tasks import run_assignment_job_task

            run_assignment_job_task.enqueue(job_id)

        transaction.on_commit(queue)
    return job


# --- keeping people in step ----------------------------------------------------------------


def _ancestor_ids(path: str) -> list[int]:
    width = PATH_SEGMENT_WIDTH
    return [int(path[i : i + width]) for i in range(0, len(path), width)]


def sync_people_assignments(user_ids: Iterable[int], *, chunk_size: int = CHUNK_SIZE) -> Outcome:
    """Bring these people's assignments in line with the active rules that match them now.

    A person matches a rule when they are active, work in the rule's subtree and (for a rule with
    a designation) hold it. Missing assignments are made; open assignments of rules that no longer
    match (a transfer, a new designation, retirement) or that were withdrawn are closed. A few
    queries per chunk of people plus one short transaction per rule that has someone to assign.
    """
    outcome = Outcome()
    ordered = sorted(set(user_ids))
    for start in range(0, len(ordered), chunk_size):
        outcome.add(_sync_chunk(ordered[start : start + chunk_size]))
    return outcome


def sync_person_assignments(user_id: int) -> Outcome:
    """``sync_people_assignments`` for one person (called after they join, move or change designation)."""
    return sync_people_assignments([user_id])


def _sync_chunk(user_ids: list[int]) -> Outcome:
    outcome = Outcome()
    people = {
        user_id: (path, designation_id, status)
        for user_id, path, designation_id, status in Profile.objects.filter(user_id__in=user_ids)
        .order_by()
        .values_list("user_id", "org__path", "designation_id", "status")
    }
    orgs: set[int] = set()
    for path, _designation, status in people.values():
        if status == Profile.Status.ACTIVE:
            orgs.update(_ancestor_ids(path))
    rules: dict[int, list[tuple[int, int | None]]] = defaultdict(list)  # org id -> (rule, designation)
    if orgs:
        for rule_id, org_id, designation_id in (
            AssignmentRule.objects.filter(is_active=True, org_id__in=orgs)
            .order_by()
            .values_list("pk", "org_id", "designation_id")
        ):
            rules[org_id].append((rule_id, designation_id))
    open_now: dict[tuple[int, int], int] = {
        (user_id, rule_id): pk
        for pk, user_id, rule_id in _open_assignments()
        .filter(user_id__in=user_ids)
        .order_by()
        .values_list("pk", "user_id", "rule_id")
    }
    wanted: dict[int, list[int]] = defaultdict(list)  # rule -> people to assign
    matched: set[tuple[int, int]] = set()
    for user_id, (path, designation_id, status) in people.items():
        if status != Profile.Status.ACTIVE:
            continue
        for org_id in _ancestor_ids(path):
            for rule_id, rule_designation in rules.get(org_id, ()):
                if rule_designation is not None and rule_designation != designation_id:
                    continue
                matched.add((user_id, rule_id))
                if (user_id, rule_id) not in open_now:
                    wanted[rule_id].append(user_id)
    stale = [pk for key, pk in open_now.items() if key not in matched]
    if stale:
        with transaction.atomic():
            outcome.closed = _close(stale, timezone.now())
    if wanted:
        with transaction.atomic():
            locked = _lock_active_rules(wanted)
            # Checked again under the locks: a job may have assigned some of them meanwhile.
            have = set(
                _open_assignments()
                .filter(rule_id__in=[r.pk for r in locked], user_id__in=user_ids)
                .order_by()
                .values_list("rule_id", "user_id")
            )
            people_by_rule = {r.pk: [u for u in wanted[r.pk] if (r.pk, u) not in have] for r in locked}
            outcome.add(_assign(locked, people_by_rule, timezone.now()))
    return outcome


def queue_people_sync(user_ids: Iterable[int]) -> None:
    """After the current transaction commits, sync these people's assignments in a background job
    (one job for the lot: the bulk variant for imports)."""
    ids = sorted(set(user_ids))
    if not ids:
        return

    def queue() -> None:
        from kshamta.learning.assignment_tasks import sync_people_assignments_task

        sync_people_assignments_task.enqueue(ids)

    transaction.on_commit(queue, robust=True)


def sync_person_after_commit(user_id: int) -> None:
    """After the current transaction commits, sync one person's assignments (they joined, moved or
    changed designation or status). Robust: the change to the person is already saved, and a
    failure here is logged (the next publication or sync catches the person up)."""
    transaction.on_commit(lambda: sync_person_assignments(user_id), robust=True)
