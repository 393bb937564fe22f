"""Every write of the bulk HRMS import: jobs, their checks, and the chunked upsert of people.

Flow: ``do_create_import_job`` stores the upload and queues ``validate_import_job``;
``run_validation`` reads the file once, writes rejected rows as it goes and counts
what would be created, updated or left unchanged; ``do_confirm_import_job`` queues
``apply_import_job``; ``run_apply`` upserts people by employee code, one chunk per
transaction, and records the chunk it finished in that same transaction, so a
crash resumes after the last committed chunk and never makes a person twice.
The management command calls the same ``run_*`` functions in-process.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import logging
import re
import secrets
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from kshamta.accounts.actions import PROFILE_FIELDS, USER_FIELDS
from kshamta.accounts.models import Posting, Profile, User
from kshamta.core import audit
from kshamta.core.models import AuditEvent
from kshamta.onboarding import bulk
from kshamta.onboarding.access import can_import_into
from kshamta.onboarding.models import ImportJob, ImportRowError
from kshamta.onboarding.reading import SpreadsheetError, is_supported, open_table
from kshamta.onboarding.rows import (
    COLUMNS,
    DesignationRef,
    OrgRef,
    Problem,
    Rejected,
    Row,
    RowParser,
    column_index,
    missing_columns,
    reasons,
)
from kshamta.orgs.actions import OrgError, do_save_designation
from kshamta.orgs.models import Designation, Organisation

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 5000
Progress = Callable[[ImportJob], None]


class ImportRefused(ValueError):
    """The import cannot be started or moved on; the message is in English and Hindi."""

    def __init__(self, en: str, hi: str):
        super().__init__(en)
        self.en = en
        self.hi = hi


class ChunkConflict(RuntimeError):
    """Another worker has already moved this job on; this one stops."""


# --- starting, confirming, resuming ----------------------------------------------


def do_create_import_job(
    *,
    upload: IO[bytes] | File,
    filename: str,
    org: Organisation,
    acting_user: Any,
    dry_run: bool = False,
    create_designations: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    enqueue: bool = True,
) -> ImportJob:
    """Store an uploaded HRMS file and queue its check. ``acting_user=None`` is the system (the CLI)."""
    if acting_user is not None and not can_import_into(acting_user, org):
        raise ImportRefused("You cannot import people into this organisation.", "आप इस संगठन में कर्मचारी आयात नहीं कर सकते।")
    if not is_supported(filename):
        raise ImportRefused(
            "Unsupported file type: upload a .csv or .xlsx file.",
            "यह फ़ाइल प्रकार समर्थित नहीं है: .csv या .xlsx फ़ाइल अपलोड करें।",
        )
    safe_name = get_valid_filename(filename.rsplit("/", 1)[-1]) or "upload.csv"
    stored = default_storage.save(
        f"imports/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}-{safe_name}",
        upload if isinstance(upload, File) else File(upload),
    )
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            org=org,
            file=stored,
            filename=filename[:255],
            dry_run=dry_run,
            create_designations=create_designations,
            chunk_size=max(1, chunk_size),
        )
        audit.record(
            actor=acting_user,
            action="import.create",
            target=job,
            org_path=org.path,
            after={"filename": job.filename, "dry_run": dry_run, "create_designations": create_designations},
        )
        if enqueue:
            from kshamta.onboarding.tasks import validate_import_job

            transaction.on_commit(lambda: validate_import_job.enqueue(job.pk))
    return job


@transaction.atomic
def do_confirm_import_job(job: ImportJob, acting_user: Any, *, enqueue: bool = True) -> ImportJob:
    """Apply a checked import. Only once: a second confirmation is refused."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.dry_run:
        raise ImportRefused("This import was a check only.", "यह आयात केवल जाँच के लिए था।")
    if job.status != ImportJob.Status.VALIDATED:
        raise ImportRefused(
            "Only a checked import that has not started can be applied.",
            "केवल जाँचा गया और अभी शुरू न हुआ आयात ही लागू किया जा सकता है।",
        )
    _start_applying(job, acting_user, action="import.confirm", enqueue=enqueue)
    return job


@transaction.atomic
def do_resume_import_job(job: ImportJob, acting_user: Any, *, enqueue: bool = True) -> ImportJob:
    """Continue an apply that stopped (worker restart, crash) after its last committed chunk."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    stopped_applying = job.status == ImportJob.Status.APPLYING or (
        job.status == ImportJob.Status.FAILED and job.apply_started_at is not None
    )
    if not stopped_applying:
        raise ImportRefused(
            "Only an import that stopped while applying can be resumed.",
            "केवल वही आयात फिर से शुरू हो सकता है जो लागू होते समय रुक गया हो।",
        )
    _start_applying(job, acting_user, action="import.resume", enqueue=enqueue)
    return job


def _start_applying(job: ImportJob, acting_user: Any, *, action: str, enqueue: bool) -> None:
    job.status = ImportJob.Status.APPLYING
    job.message_en = job.message_hi = ""
    job.save(update_fields=["status", "message_en", "message_hi", "updated_at"])
    audit.record(actor=acting_user, action=action, target=job, org_path=job.org.path, after={"job": job.pk})
    if enqueue:
        from kshamta.onboarding.tasks import apply_import_job

        job_id = job.pk
        transaction.on_commit(lambda: apply_import_job.enqueue(job_id))


def mark_failed(job_id: int, en: str, hi: str) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.FAILED, message_en=en, message_hi=hi, finished_at=timezone.now()
    )


# --- lookups, once per job --------------------------------------------------------


def _org_refs() -> tuple[dict[str, OrgRef], dict[int, OrgRef]]:
    by_code: dict[str, OrgRef] = {}
    by_id: dict[int, OrgRef] = {}
    for pk, code, path in Organisation.objects.values_list("id", "code", "path").iterator(chunk_size=5000):
        ref = OrgRef(pk, code, path)
        by_code[code] = ref
        by_id[pk] = ref
    return by_code, by_id


def _designation_refs() -> dict[str, DesignationRef]:
    refs: dict[str, DesignationRef] = {}
    rows = Designation.objects.values_list("id", "code", "name_en", "name_hi", "group", "org__path")
    for pk, code, name_en, name_hi, group, path in rows:
        ref = DesignationRef(pk, code, path, group)
        # Codes win over names when a code happens to equal another designation's name.
        if name_hi:
            refs.setdefault(name_hi, ref)
        if name_en:
            refs.setdefault(name_en.lower(), ref)
    for pk, code, _en, _hi, group, path in rows:
        refs[code.upper()] = DesignationRef(pk, code, path, group)
    return refs


@dataclass
class JobContext:
    job: ImportJob
    parser: RowParser
    orgs_by_id: dict[int, OrgRef]
    actor: User | None
    today: datetime.date


def _context(job: ImportJob, header: list[str]) -> JobContext:
    orgs, orgs_by_id = _org_refs()
    scope = orgs_by_id[job.org_id]
    today = timezone.localdate()
    parser = RowParser(
        header=header,
        scope=scope,
        orgs=orgs,
        designations=_designation_refs(),
        create_designations=job.create_designations,
        today=today,
    )
    return JobContext(job=job, parser=parser, orgs_by_id=orgs_by_id, actor=job.created_by, today=today)


def _chunks(rows: Iterator[tuple[int, list[Any]]], size: int) -> Iterator[list[tuple[int, list[Any]]]]:
    chunk: list[tuple[int, list[Any]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- planning a chunk (reads only) ------------------------------------------------


@dataclass
class Update:
    """An existing person the row changes: their fields before and after, by USER_FIELDS/PROFILE_FIELDS name."""

    row: Row
    user_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    user_fields: list[str]
    profile_fields: list[str]

    @property
    def moved(self) -> bool:
        return "org" in self.profile_fields or "designation" in self.profile_fields


@dataclass
class Plan:
    creates: list[Row] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def _create_missing_designations(ctx: JobContext, rows: list[Row]) -> list[Rejected]:
    """Make the designations the file names but the state lacks, defined at the importer's organisation."""
    rejected: list[Rejected] = []
    for row in rows:
        if row.designation is not None:
            continue
        ref = ctx.parser.find_designation(row.designation_value)
        if ref is None:
            value = row.designation_value
            devanagari = not value.isascii()
            try:
                designation, _outcome = do_save_designation(
                    org=ctx.job.org,
                    code=_new_designation_code(value),
                    name_en=value,
                    name_hi=value if devanagari else "",
                    group=row.group,
                    acting_user=ctx.actor,
                )
            except OrgError:
                rejected.append(Rejected(row.line, row.cells, [Problem("unknown_designation", {"value": value})]))
                continue
            ref = DesignationRef(designation.pk, designation.code, ctx.job.org.path, designation.group)
            ctx.parser.add_designation(ref, designation.name_en, designation.name_hi)
        row.designation = ref
    return rejected


def _new_designation_code(value: str) -> str:
    base = re.sub(r"[^A-Z0-9]+", "-", value.upper()).strip("-")[:32] if value.isascii() else ""
    if not base:
        base = "DESIG-" + hashlib.sha1(value.encode(), usedforsecurity=False).hexdigest()[:8].upper()
    code, n = base, 1
    while Designation.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


# What an existing person looks like, read per chunk as plain tuples (no model instances):
# the user's and the profile's audited fields, by name, then compared as one tuple.
_USER_COLUMNS = [f"user__{name}" for name in USER_FIELDS]
_PROFILE_COLUMNS = [bulk.field(Profile, name).attname for name in PROFILE_FIELDS]
_SNAPSHOT_NAMES = [*USER_FIELDS, *PROFILE_FIELDS]
# The fields a row can set, in the order of ``_wanted``; each is (snapshot name, is a user field).
_SETTABLE = [
    ("name_en", True),
    ("name_hi", True),
    ("email", True),
    ("mobile", True),
    ("org", False),
    ("designation", False),
    ("group", False),
    ("gender", False),
    ("category", False),
    ("status", False),
    ("date_of_birth", False),
    ("date_of_joining", False),
]
_SETTABLE_AT = [_SNAPSHOT_NAMES.index(name) for name, _user in _SETTABLE]


def _json_value(value: Any) -> Any:
    # As audit.snapshot writes a value: dates as ISO text (the rest here is str, int, bool or None).
    return value.isoformat() if isinstance(value, datetime.date) else value


def _existing(codes: list[str]) -> dict[str, tuple[Any, ...]]:
    """employee code -> (user id, *snapshot values) of the people with these codes."""
    found: dict[str, tuple[Any, ...]] = {}
    rows = Profile.objects.filter(employee_code__in=bulk.value_set(codes)).values_list(
        "employee_code", "user_id", *_USER_COLUMNS, *_PROFILE_COLUMNS
    )
    for code, *values in rows.order_by():
        found[code] = tuple(values)
    return found


def _plan_chunk(ctx: JobContext, chunk: list[tuple[int, list[Any]]], *, applying: bool) -> Plan:
    plan = Plan()
    rows: list[Row] = []
    parse = ctx.parser.parse
    for line, cells in chunk:
        parsed = parse(line, cells)
        if isinstance(parsed, Row):
            rows.append(parsed)
        else:
            plan.rejected.append(parsed)
    if applying and ctx.job.create_designations:
        failed = _create_missing_designations(ctx, rows)
        if failed:
            plan.rejected.extend(failed)
            failed_lines = {r.line for r in failed}
            rows = [r for r in rows if r.line not in failed_lines]
    if not rows:
        return plan

    existing_people = _existing([r.employee_code for r in rows])
    emails = [r.email for r in rows if r.email]
    mobiles = [r.mobile for r in rows if r.mobile]
    email_owner = (
        dict(User.objects.filter(email__in=bulk.value_set(emails)).values_list("email", "id").order_by())
        if emails
        else {}
    )
    mobile_owner = (
        dict(User.objects.filter(mobile__in=bulk.value_set(mobiles)).values_list("mobile", "id").order_by())
        if mobiles
        else {}
    )
    scope_path = ctx.parser.scope.path
    orgs_by_id = ctx.orgs_by_id
    org_at = 1 + _SNAPSHOT_NAMES.index("org")

    for row in rows:
        existing = existing_people.get(row.employee_code)
        user_id = existing[0] if existing else None
        problems: list[Problem] = []
        if existing is not None:
            current = orgs_by_id.get(existing[org_at])
            if current is None or not current.path.startswith(scope_path):
                problems.append(
                    Problem(
                        "person_out_of_scope", {"value": row.employee_code, "org": current.code if current else "?"}
                    )
                )
        if row.email and email_owner.get(row.email, user_id) != user_id:
            problems.append(Problem("email_taken", {"value": row.email}))
        if row.mobile and mobile_owner.get(row.mobile, user_id) != user_id:
            problems.append(Problem("mobile_taken", {"value": row.mobile}))
        if existing is None and not (row.email or row.mobile):
            problems.append(Problem("identity_missing"))
        if problems:
            plan.rejected.append(Rejected(row.line, row.cells, problems))
            continue
        if existing is None:
            plan.creates.append(row)
            continue
        update = _diff(row, existing)
        if update is None:
            plan.unchanged += 1
        else:
            plan.updates.append(update)
    return plan


def _diff(row: Row, existing: tuple[Any, ...]) -> Update | None:
    """What the row changes about an existing person (one tuple comparison). Blank cells leave a value as it is."""
    current = tuple(existing[1 + i] for i in _SETTABLE_AT)
    designation = row.designation
    wanted = (
        row.name_en or current[0],
        row.name_hi or current[1],
        row.email or current[2],
        row.mobile or current[3],
        row.org.id,
        designation.id if designation is not None else current[5],
        row.group or current[6],
        row.gender or current[7],
        row.category or current[8],
        row.status or current[9],
        row.date_of_birth or current[10],
        row.date_of_joining or current[11],
    )
    if wanted == current:
        return None
    before = dict(zip(_SNAPSHOT_NAMES, existing[1:], strict=True))
    after = dict(before)
    user_fields: list[str] = []
    profile_fields: list[str] = []
    for (name, is_user), old, new in zip(_SETTABLE, current, wanted, strict=True):
        if old != new:
            after[name] = new
            (user_fields if is_user else profile_fields).append(name)
    return Update(
        row=row,
        user_id=existing[0],
        before={k: _json_value(v) for k, v in before.items()},
        after=after,
        user_fields=user_fields,
        profile_fields=profile_fields,
    )


# --- writing a chunk ------------------------------------------------------------


def _unusable_password() -> str:
    # What set_unusable_password stores ("!" + random), without its slow per-character RNG loop.
    return "!" + secrets.token_urlsafe(30)


_PERSON_TARGET = Profile._meta.label_lower


def _new_person_defaults() -> dict[str, Any]:
    """Audited fields a row does not set (preferred language, active...): their model defaults."""
    fields = {name: bulk.field(User, name) for name in USER_FIELDS}
    fields |= {name: bulk.field(Profile, name) for name in PROFILE_FIELDS}
    return {name: _json_value(f.get_default()) for name, f in fields.items()}


def _person_label(code: str, user_id: int, name_en: str, name_hi: str, email: str | None, mobile: str | None) -> str:
    # str(profile), without building one.
    return f"{code} {name_en or name_hi or email or mobile or f'user {user_id}'}"[:300]


def _write(ctx: JobContext, creates: list[Row], updates: list[Update], now: datetime.datetime) -> None:
    """Write a chunk's new and changed people, their postings and audit events: a few statements per chunk."""
    actor_id = ctx.actor.pk if ctx.actor is not None and ctx.actor.pk else None
    db_now = bulk.db_datetime(now)
    db_date = bulk.db_date
    db_json = bulk.db_json
    events: list[tuple[Any, ...]] = []
    postings: list[tuple[Any, ...]] = []
    if creates:
        ids = bulk.new_ids(User, len(creates))
        _USERS.insert(
            [
                (uid, r.email, r.mobile, r.name_en, r.name_hi, _unusable_password(), db_now)
                for uid, r in zip(ids, creates, strict=True)
            ],
            now,
        )
        profiles = []
        defaults = _new_person_defaults()
        today = db_date(ctx.today)
        for uid, r in zip(ids, creates, strict=True):
            designation = r.designation
            designation_id = designation.id if designation else None
            group = r.group or (designation.group if designation else "")
            status = r.status or Profile.Status.ACTIVE
            search_text = Profile.build_search_text(
                employee_code=r.employee_code, name_en=r.name_en, name_hi=r.name_hi, email=r.email, mobile=r.mobile
            )
            birth, joining = db_date(r.date_of_birth), db_date(r.date_of_joining)
            profiles.append(
                (
                    uid,
                    r.employee_code,
                    r.org.id,
                    designation_id,
                    group,
                    birth,
                    joining,
                    r.gender,
                    r.category,
                    str(status),
                    search_text,
                    db_now,
                    db_now,
                )
            )
            postings.append((uid, r.org.id, designation_id, db_date(r.date_of_joining) or today, "joined"))
            after = defaults | {
                "email": r.email,
                "mobile": r.mobile,
                "name_en": r.name_en,
                "name_hi": r.name_hi,
                "employee_code": r.employee_code,
                "org": r.org.id,
                "designation": designation_id,
                "group": group,
                "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else None,
                "date_of_joining": r.date_of_joining.isoformat() if r.date_of_joining else None,
                "gender": r.gender,
                "category": r.category,
                "status": str(status),
            }
            label = _person_label(r.employee_code, uid, r.name_en, r.name_hi, r.email, r.mobile)
            events.append(
                (db_now, actor_id, "person.create", _PERSON_TARGET, str(uid), label, r.org.path, "{}", db_json(after))
            )
        _PROFILES.insert(profiles, now)
    if updates:
        user_rows = []
        profile_rows = []
        for upd in updates:
            a = upd.after
            if upd.user_fields:
                user_rows.append((a["email"], a["mobile"], a["name_en"], a["name_hi"], upd.user_id))
            search_text = Profile.build_search_text(
                employee_code=a["employee_code"],
                name_en=a["name_en"],
                name_hi=a["name_hi"],
                email=a["email"],
                mobile=a["mobile"],
            )
            profile_rows.append(
                (
                    a["org"],
                    a["designation"],
                    a["group"],
                    db_date(a["date_of_birth"]),
                    db_date(a["date_of_joining"]),
                    a["gender"],
                    a["category"],
                    a["status"],
                    search_text,
                    db_now,
                    upd.user_id,
                )
            )
        bulk.update_rows(User, ["email", "mobile", "name_en", "name_hi"], user_rows)
        bulk.update_rows(
            Profile,
            _PROFILE_UPDATE_COLUMNS,
            profile_rows,
        )
        moved = [upd for upd in updates if upd.moved]
        if moved:
            Posting.objects.filter(user_id__in=[upd.user_id for upd in moved], ended_on__isnull=True).update(
                ended_on=ctx.today
            )
        for upd in updates:
            a = upd.after
            after = {k: _json_value(v) for k, v in a.items()}
            transferred = "org" in upd.profile_fields
            if upd.moved:
                postings.append(
                    (
                        upd.user_id,
                        a["org"],
                        a["designation"],
                        db_date(ctx.today),
                        "transfer" if transferred else "designation change",
                    )
                )
            org_path = ctx.orgs_by_id[a["org"]].path
            label = _person_label(a["employee_code"], upd.user_id, a["name_en"], a["name_hi"], a["email"], a["mobile"])
            action = "person.transfer" if transferred else "person.update"
            events.append(
                (
                    db_now,
                    actor_id,
                    action,
                    _PERSON_TARGET,
                    str(upd.user_id),
                    label,
                    org_path,
                    db_json(upd.before),
                    db_json(after),
                )
            )
            old_org = ctx.orgs_by_id.get(upd.before["org"])
            if transferred and old_org is not None and old_org.path != org_path:
                events.append(
                    (
                        db_now,
                        actor_id,
                        "person.transfer_out",
                        _PERSON_TARGET,
                        str(upd.user_id),
                        label,
                        old_org.path,
                        db_json({"org": upd.before["org"]}),
                        db_json({"org": a["org"]}),
                    )
                )
    if postings:
        _POSTINGS.insert(postings, now)
    if events:
        _EVENTS.insert(events, now)


_USERS = bulk.Inserter(User, ["id", "email", "mobile", "name_en", "name_hi", "password", "date_joined"])
_PROFILES = bulk.Inserter(
    Profile,
    [
        "user_id",
        "employee_code",
        "org_id",
        "designation_id",
        "group",
        "date_of_birth",
        "date_of_joining",
        "gender",
        "category",
        "status",
        "search_text",
        "created_at",
        "updated_at",
    ],
)
_PROFILE_UPDATE_COLUMNS = [
    "org",
    "designation",
    "group",
    "date_of_birth",
    "date_of_joining",
    "gender",
    "category",
    "status",
    "search_text",
    "updated_at",
]
_POSTINGS = bulk.Inserter(Posting, ["user_id", "org_id", "designation_id", "started_on", "reason"])
_EVENTS = bulk.Inserter(
    AuditEvent,
    ["created_at", "actor_id", "action", "target_type", "target_id", "target_label", "org_path", "before", "after"],
)


@dataclass
class ChunkOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def _apply_plan(ctx: JobContext, plan: Plan) -> ChunkOutcome:
    """Write the chunk in one go; if the database refuses it, row by row so good rows still land."""
    now = timezone.now()
    outcome = ChunkOutcome(unchanged=plan.unchanged, rejected=list(plan.rejected))
    try:
        with transaction.atomic():
            _write(ctx, plan.creates, plan.updates, now)
        outcome.created, outcome.updated = len(plan.creates), len(plan.updates)
        return outcome
    except DatabaseError as exc:
        logger.info("import %s: a chunk was refused (%s); retrying row by row", ctx.job.pk, exc)
    singles: list[tuple[list[Row], list[Update], Row]] = [([r], [], r) for r in plan.creates]
    singles += [([], [u], u.row) for u in plan.updates]
    for creates, updates, row in sorted(singles, key=lambda s: s[2].line):
        try:
            with transaction.atomic():
                _write(ctx, creates, updates, now)
        except DatabaseError as exc:
            error = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            outcome.rejected.append(Rejected(row.line, row.cells, [Problem("not_saved", {"error": error})]))
            continue
        if creates:
            outcome.created += 1
        else:
            outcome.updated += 1
    return outcome


def _error_rows(ctx: JobContext, rejected: Iterable[Rejected]) -> list[ImportRowError]:
    out = []
    for r in rejected:
        en, hi = reasons(r.problems)
        out.append(
            ImportRowError(job_id=ctx.job.pk, line=r.line, row=ctx.parser.raw_dict(r.cells), reason_en=en, reason_hi=hi)
        )
    return out


# --- the two passes ---------------------------------------------------------------


def _open(job: ImportJob) -> Any:
    return open_table(default_storage, job.file, job.filename)


def _check_header(job: ImportJob, header: list[str]) -> None:
    missing = missing_columns(column_index(header))
    if missing:
        columns = ", ".join(missing)
        raise SpreadsheetError(
            f"Missing columns: {columns}. Expected columns: {', '.join(COLUMNS)}.",
            f"ये स्तंभ (कॉलम) नहीं मिले: {columns}। अपेक्षित स्तंभ: {', '.join(COLUMNS)}।",
        )


def run_validation(job_id: int, *, progress: Progress | None = None) -> ImportJob:
    """Check every row without changing any person; rejected rows are saved as they are found."""
    job = ImportJob.objects.select_related("org", "created_by").get(pk=job_id)
    if job.status not in {ImportJob.Status.UPLOADED, ImportJob.Status.VALIDATING}:
        return job
    job.status = ImportJob.Status.VALIDATING
    _reset_counts(job)
    job.save()
    ImportRowError.objects.filter(job=job).delete()
    try:
        with _open(job) as table:
            _check_header(job, table.header)
            job.header = table.header
            ctx = _context(job, table.header)
            for chunk in _chunks(table.rows, job.chunk_size):
                plan = _plan_chunk(ctx, chunk, applying=False)
                with transaction.atomic():
                    ImportRowError.objects.bulk_create(_error_rows(ctx, plan.rejected))
                    job.rows += len(chunk)
                    job.processed_rows = job.rows
                    job.created += len(plan.creates)
                    job.updated += len(plan.updates)
                    job.unchanged += plan.unchanged
                    job.rejected += len(plan.rejected)
                    job.save(update_fields=[*_COUNT_FIELDS, "header", "updated_at"])
                if progress:
                    progress(job)
    except SpreadsheetError as problem:
        mark_failed(job.pk, problem.en, problem.hi)
        job.refresh_from_db()
        return job
    job.status = ImportJob.Status.VALIDATED
    job.validated_at = timezone.now()
    if job.dry_run:
        job.finished_at = job.validated_at
    job.error_file = write_error_file(job)
    job.save()
    return job


_COUNT_FIELDS = ["rows", "created", "updated", "unchanged", "rejected", "processed_rows"]


def _reset_counts(job: ImportJob) -> None:
    for name in _COUNT_FIELDS:
        setattr(job, name, 0)


def run_apply(job_id: int, *, progress: Progress | None = None) -> ImportJob:
    """Upsert every row, chunk by chunk, starting after the last committed chunk."""
    job = ImportJob.objects.select_related("org", "created_by").get(pk=job_id)
    if job.status != ImportJob.Status.APPLYING:
        return job
    if job.last_applied_chunk < 0:
        # A fresh apply: the check's predictions and rejected rows make way for the real ones.
        with transaction.atomic():
            ImportRowError.objects.filter(job=job).delete()
            _reset_counts(job)
            job.apply_started_at = timezone.now()
            job.save()
    try:
        with _open(job) as table:
            _check_header(job, table.header)
            ctx = _context(job, table.header)
            for number, chunk in enumerate(_chunks(table.rows, job.chunk_size)):
                if number <= job.last_applied_chunk:
                    # Committed before a restart: only re-read, so the in-file memory
                    # (codes, e-mails, mobiles seen) is as it was.
                    for line, cells in chunk:
                        ctx.parser.parse(line, cells)
                    continue
                _apply_chunk(ctx, number, chunk)
                if progress:
                    progress(ctx.job)
            job = ctx.job
    except SpreadsheetError as problem:
        mark_failed(job.pk, problem.en, problem.hi)
        job.refresh_from_db()
        return job
    except ChunkConflict:
        job.refresh_from_db()
        return job
    job.rows = job.processed_rows
    job.status = ImportJob.Status.DONE
    job.finished_at = timezone.now()
    job.error_file = write_error_file(job)
    with transaction.atomic():
        job.save()
        audit.record(actor=job.created_by, action="import.apply", target=job, org_path=job.org.path, after=job.counts())
    return job


def _apply_chunk(ctx: JobContext, number: int, chunk: list[tuple[int, list[Any]]]) -> None:
    job = ctx.job
    with transaction.atomic():
        marker = (
            ImportJob.objects.select_for_update().filter(pk=job.pk).values_list("status", "last_applied_chunk").first()
        )
        if marker != (ImportJob.Status.APPLYING, number - 1):
            raise ChunkConflict(f"import {job.pk}: chunk {number} is not next ({marker})")
        plan = _plan_chunk(ctx, chunk, applying=True)
        outcome = _apply_plan(ctx, plan)
        ImportRowError.objects.bulk_create(_error_rows(ctx, outcome.rejected))
        _queue_assignment_sync(plan)
        job.created += outcome.created
        job.updated += outcome.updated
        job.unchanged += outcome.unchanged
        job.rejected += len(outcome.rejected)
        job.processed_rows += len(chunk)
        job.rows = max(job.rows, job.processed_rows)
        job.last_applied_chunk = number
        job.save(update_fields=[*_COUNT_FIELDS, "last_applied_chunk", "updated_at"])


def _queue_assignment_sync(plan: Plan) -> None:
    """New people, and people who moved or changed designation or status, get the courses assigned to
    their organisation and designation: one background sync for the chunk, after it commits."""
    from kshamta.learning.assignments import queue_people_sync

    user_ids = [u.user_id for u in plan.updates if u.moved or "status" in u.profile_fields]
    codes = [row.employee_code for row in plan.creates]
    if codes:
        created = Profile.objects.filter(employee_code__in=bulk.value_set(codes)).order_by()
        user_ids.extend(created.values_list("user_id", flat=True))
    queue_people_sync(user_ids)


# --- the error file -----------------------------------------------------------------


def write_error_file(job: ImportJob) -> str:
    """Rejected rows as they were, plus reason_en and reason_hi: CSV in UTF-8 with a BOM for Excel."""
    errors = ImportRowError.objects.filter(job=job).order_by("line")
    name = f"imports/errors/import-{job.pk}-rejected.csv"
    if job.error_file and default_storage.exists(job.error_file):
        default_storage.delete(job.error_file)
    if not errors.exists():
        return ""
    # Spooled: small error files stay in memory, a huge one goes to a temporary file.
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
        text = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        header = list(job.header)
        writer.writerow([*header, "reason_en", "reason_hi"])
        for error in errors.iterator(chunk_size=2000):
            raw = error.row
            writer.writerow(
                [*("" if raw.get(h) is None else raw.get(h) for h in header), error.reason_en, error.reason_hi]
            )
        text.flush()
        text.detach()
        spool.seek(0)
        if default_storage.exists(name):
            default_storage.delete(name)
        return default_storage.save(name, File(spool, name=name))


def error_file_path(job: ImportJob) -> str | None:
    """A local path to the error file when the storage has one, else its storage name."""
    if not job.error_file:
        return None
    try:
        return default_storage.path(job.error_file)
    except NotImplementedError:
        return job.error_file


def uses_bulk_returning() -> bool:
    return bool(connection.features.can_return_rows_from_bulk_insert)
