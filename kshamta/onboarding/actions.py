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
from kshamta.onboarding.access import can_import_into
from kshamta.onboarding.models import ImportJob, ImportRowError
from kshamta.onboarding.reading import FileProblem, is_supported, open_table
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

DEFAULT_CHUNK_SIZE = 2000
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
    row: Row
    profile: Profile
    before: dict[str, Any]
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


def _plan_chunk(ctx: JobContext, chunk: list[tuple[int, list[Any]]], *, applying: bool) -> Plan:
    plan = Plan()
    rows: list[Row] = []
    for line, cells in chunk:
        parsed = ctx.parser.parse(line, cells)
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

    profiles = {
        p.employee_code: p
        for p in Profile.objects.filter(employee_code__in=[r.employee_code for r in rows]).select_related("user")
    }
    emails = [r.email for r in rows if r.email]
    mobiles = [r.mobile for r in rows if r.mobile]
    email_owner = dict(User.objects.filter(email__in=emails).values_list("email", "id")) if emails else {}
    mobile_owner = dict(User.objects.filter(mobile__in=mobiles).values_list("mobile", "id")) if mobiles else {}
    scope_path = ctx.parser.scope.path

    for row in rows:
        existing = profiles.get(row.employee_code)
        user_id = existing.user_id if existing else None
        problems: list[Problem] = []
        if existing is not None:
            current = ctx.orgs_by_id.get(existing.org_id)
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


def _diff(row: Row, profile: Profile) -> Update | None:
    """What the row changes about an existing person. Blank cells leave a value as it is."""
    user = profile.user
    wanted_user: dict[str, Any] = {}
    if row.name_en:
        wanted_user["name_en"] = row.name_en
    if row.name_hi:
        wanted_user["name_hi"] = row.name_hi
    if row.email:
        wanted_user["email"] = row.email
    if row.mobile:
        wanted_user["mobile"] = row.mobile
    wanted_profile: dict[str, Any] = {"org_id": row.org.id}
    if row.designation is not None:
        wanted_profile["designation_id"] = row.designation.id
    for name in ("group", "gender", "category", "status", "date_of_birth", "date_of_joining"):
        value = getattr(row, name)
        if value:
            wanted_profile[name] = value
    user_fields = [k for k, v in wanted_user.items() if getattr(user, k) != v]
    profile_fields = [k for k, v in wanted_profile.items() if getattr(profile, k) != v]
    if not user_fields and not profile_fields:
        return None
    before = {**audit.snapshot(user, USER_FIELDS), **audit.snapshot(profile, PROFILE_FIELDS)}
    for name in user_fields:
        setattr(user, name, wanted_user[name])
    for name in profile_fields:
        setattr(profile, name, wanted_profile[name])
    return Update(
        row=row,
        profile=profile,
        before=before,
        user_fields=user_fields,
        profile_fields=[f.removesuffix("_id") for f in profile_fields],
    )


# --- writing a chunk ------------------------------------------------------------


def _unusable_password() -> str:
    # What set_unusable_password stores ("!" + random), without its slow per-character RNG loop.
    return "!" + secrets.token_urlsafe(30)


def _write(ctx: JobContext, creates: list[Row], updates: list[Update], now: datetime.datetime) -> None:
    actor = ctx.actor
    events: list[AuditEvent] = []
    postings: list[Posting] = []
    if creates:
        users = [
            User(
                email=r.email,
                mobile=r.mobile,
                name_en=r.name_en,
                name_hi=r.name_hi,
                password=_unusable_password(),
                date_joined=now,
            )
            for r in creates
        ]
        User.objects.bulk_create(users)
        if any(u.pk is None for u in users):  # a backend that cannot return ids from a bulk insert
            ids = _ids_by_identity(users)
            for u in users:
                u.pk = ids[u.email or u.mobile or ""]
        profiles = []
        for r, u in zip(creates, users, strict=True):
            designation = r.designation
            profiles.append(
                Profile(
                    user=u,
                    employee_code=r.employee_code,
                    org_id=r.org.id,
                    designation_id=designation.id if designation else None,
                    group=r.group or (designation.group if designation else ""),
                    date_of_birth=r.date_of_birth,
                    date_of_joining=r.date_of_joining,
                    gender=r.gender,
                    category=r.category,
                    status=r.status or Profile.Status.ACTIVE,
                    search_text=Profile.build_search_text(
                        employee_code=r.employee_code,
                        name_en=r.name_en,
                        name_hi=r.name_hi,
                        email=r.email,
                        mobile=r.mobile,
                    ),
                )
            )
            postings.append(
                Posting(
                    user=u,
                    org_id=r.org.id,
                    designation_id=designation.id if designation else None,
                    started_on=r.date_of_joining or ctx.today,
                    reason="joined",
                )
            )
        Profile.objects.bulk_create(profiles)
        for r, u, p in zip(creates, users, profiles, strict=True):
            events.append(
                audit.audit_row(
                    actor=actor,
                    action="person.create",
                    target=p,
                    org_path=r.org.path,
                    after={**audit.snapshot(u, USER_FIELDS), **audit.snapshot(p, PROFILE_FIELDS)},
                )
            )
    if updates:
        changed_users = [upd.profile.user for upd in updates if upd.user_fields]
        user_fields = sorted({f for upd in updates for f in upd.user_fields})
        for upd in updates:
            p, usr = upd.profile, upd.profile.user
            p.search_text = Profile.build_search_text(
                employee_code=p.employee_code,
                name_en=usr.name_en,
                name_hi=usr.name_hi,
                email=usr.email,
                mobile=usr.mobile,
            )
            p.updated_at = now
        if changed_users:
            User.objects.bulk_update(changed_users, user_fields)
        profile_fields = sorted({f for upd in updates for f in upd.profile_fields} | {"search_text", "updated_at"})
        Profile.objects.bulk_update([upd.profile for upd in updates], profile_fields)
        moved = [upd for upd in updates if upd.moved]
        if moved:
            Posting.objects.filter(user_id__in=[upd.profile.pk for upd in moved], ended_on__isnull=True).update(
                ended_on=ctx.today
            )
        for upd in updates:
            p = upd.profile
            after = {**audit.snapshot(p.user, USER_FIELDS), **audit.snapshot(p, PROFILE_FIELDS)}
            transferred = "org" in upd.profile_fields
            if upd.moved:
                postings.append(
                    Posting(
                        user_id=p.pk,
                        org_id=p.org_id,
                        designation_id=p.designation_id,
                        started_on=ctx.today,
                        reason="transfer" if transferred else "designation change",
                    )
                )
            org_path = ctx.orgs_by_id[p.org_id].path
            events.append(
                audit.audit_row(
                    actor=actor,
                    action="person.transfer" if transferred else "person.update",
                    target=p,
                    org_path=org_path,
                    before=upd.before,
                    after=after,
                )
            )
            old_org = ctx.orgs_by_id.get(upd.before["org"])
            if transferred and old_org is not None and old_org.path != org_path:
                events.append(
                    audit.audit_row(
                        actor=actor,
                        action="person.transfer_out",
                        target=p,
                        org_path=old_org.path,
                        before={"org": upd.before["org"]},
                        after={"org": p.org_id},
                    )
                )
    if postings:
        Posting.objects.bulk_create(postings)
    if events:
        AuditEvent.objects.bulk_create(events)


def _ids_by_identity(users: list[User]) -> dict[str, int]:
    emails = [u.email for u in users if u.email]
    mobiles = [u.mobile for u in users if u.mobile and not u.email]
    found: dict[str, int] = {}
    for identity, pk in User.objects.filter(email__in=emails).values_list("email", "id"):
        found[identity or ""] = pk
    for identity, pk in User.objects.filter(mobile__in=mobiles).values_list("mobile", "id"):
        found[identity or ""] = pk
    return found


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
        raise FileProblem(
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
    except FileProblem as problem:
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
    except FileProblem as problem:
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
        job.created += outcome.created
        job.updated += outcome.updated
        job.unchanged += outcome.unchanged
        job.rejected += len(outcome.rejected)
        job.processed_rows += len(chunk)
        job.rows = max(job.rows, job.processed_rows)
        job.last_applied_chunk = number
        job.save(update_fields=[*_COUNT_FIELDS, "last_applied_chunk", "updated_at"])


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
