"""Benchmark: publish rules assigning 5 courses to a set of designations held by 50,000 people.

Builds a scratch database (PostgreSQL ``kshamta_bench_assign``, or a temporary SQLite file):
``generate_state`` with enough employees that the largest designations of the state cover at least
``--people`` active people, and five published courses. Then it times, in this process:

- ``publish_assignments``: ``do_publish_assignment_rules`` (one rule per designation and course, at
  the state root) plus the whole ``AssignmentJob`` (chunks of 2,000 people, one transaction each):
  total seconds and assignments per second;
- ``publish_assignments_rerun``: the same job run again (finds nobody left: the idempotent re-run);
- ``sync_import_chunk``: ``sync_people_assignments`` for 5,000 people who are already assigned (what
  every chunk of an HRMS import costs when nothing changed for them).

Baseline, measured in the same run before the publication: the same enrolment rows and assignment
rows written by two raw ``INSERT … SELECT`` statements into the real tables (with their indexes and
constraints) in one committed transaction, then removed again: the least the database itself must do.

Prints one JSON line per figure: {"name", "value", "unit", "baseline", "ratio", ...}.

    .venv/bin/python bench/publish_assignments.py --db postgres
    .venv/bin/python bench/publish_assignments.py --db sqlite --people 50000
    .venv/bin/python bench/publish_assignments.py --db both

The PostgreSQL database is dropped and re-created first and dropped at the end; it is never a
database named anything else.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "kshamta_bench_assign"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
COURSES = 5
SYNC_PEOPLE = 5000


def _pg_recreate(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}"')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{PG_NAME}"')


def _designation_set(people: int) -> tuple[list[int], int]:
    """The largest designations (by active people) until they cover ``people``; and how many they cover."""
    from django.db.models import Count

    from kshamta.accounts.models import Profile

    counts = (
        Profile.objects.filter(status=Profile.Status.ACTIVE, designation__isnull=False)
        .values("designation_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "designation_id")
    )
    chosen: list[int] = []
    covered = 0
    for row in counts:
        if covered >= people:
            break
        chosen.append(row["designation_id"])
        covered += row["n"]
    return chosen, covered


def _baseline_seconds(db: str, designation_ids: list[int], course_ids: list[int], due: datetime.date) -> float:
    """INSERT … SELECT of the same enrolment and assignment rows in one transaction, committed; then removed."""
    from django.db import connection, transaction
    from django.utils import timezone

    from kshamta.learning.models import AssignmentRule

    now = timezone.now()
    people = ", ".join(str(int(d)) for d in designation_ids)
    courses = ", ".join(str(int(c)) for c in course_ids)
    true = "true" if db == "postgres" else "1"
    false = "false" if db == "postgres" else "0"
    enrolments = f"""
        INSERT INTO learning_enrolment (user_id, course_id, version_id, status, source, due_on, enrolled_at,
                                        progress_percent, learning_seconds, final_assessment_passed)
        SELECT p.user_id, c.id, c.published_version_id, 'active', 'assigned', %s, %s, 0, 0, {false}
        FROM accounts_profile p CROSS JOIN catalog_course c
        WHERE p.status = 'active' AND p.designation_id IN ({people}) AND c.id IN ({courses})
    """  # noqa: S608 - only integers are formatted in
    rule_table = AssignmentRule._meta.db_table
    links = f"""
        INSERT INTO learning_assignment (rule_id, user_id, enrolment_id, assigned_at)
        SELECT r.id, e.user_id, e.id, %s
        FROM learning_enrolment e
        JOIN accounts_profile p ON p.user_id = e.user_id
        JOIN {rule_table} r
          ON r.course_id = e.course_id AND r.designation_id = p.designation_id AND r.is_active = {true}
    """  # noqa: S608 - only a table name is formatted in
    with connection.cursor() as cursor:
        started = time.perf_counter()
        with transaction.atomic():
            cursor.execute(enrolments, [due, now])
            cursor.execute(links, [now])
        # Committed: the deferred foreign-key checks run at commit, as they do for the job's chunks.
        seconds = time.perf_counter() - started
        # Make room for the measured run (nothing else in the scratch database refers to these rows).
        if db == "postgres":
            cursor.execute("TRUNCATE learning_assignment, learning_enrolment CASCADE")
        else:
            cursor.execute("DELETE FROM learning_assignment")
            cursor.execute("DELETE FROM learning_enrolment")
    return seconds


def child(db: str, people: int, chunk_size: int) -> list[dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="kshamta-bench-assign-"))
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    else:
        _pg_recreate()
        os.environ["DATABASE_URL"] = PG_URL
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kshamta.catalog.testing import make_course, make_provider
    from kshamta.learning import assignments
    from kshamta.learning.assignments import AssignmentSpec
    from kshamta.learning.models import AssignmentJob, AssignmentRule, Enrolment
    from kshamta.orgs.generate import generate_state, state_root
    from kshamta.orgs.models import Designation

    try:
        call_command("migrate", verbosity=0)
        # About 96 % of generated people are active, and the largest designations hold most of them.
        started = time.perf_counter()
        generated = generate_state(employees=int(people * 1.25), departments=40, seed=1)
        setup_s = time.perf_counter() - started
        root = state_root()
        assert root is not None
        designation_ids, covered = _designation_set(people)
        provider = make_provider(org=root)
        courses = [
            make_course(f"BENCH-{n}", provider=provider, title_en=f"Course {n}", resources=("text",))
            for n in range(COURSES)
        ]
        due = datetime.date.today() + datetime.timedelta(days=90)
        designations = list(Designation.objects.filter(pk__in=designation_ids))
        specs = [AssignmentSpec(org=root, designation=d, course=c, due_on=due) for d in designations for c in courses]

        # The baseline needs the rules (for the assignment rows' rule ids): publish without running.
        job = assignments.do_publish_assignment_rules(
            source_type="cbp", source_id=1, rules=specs, acting_user=None, enqueue=False
        )
        assert job is not None
        baseline_s = _baseline_seconds(db, designation_ids, [c.pk for c in courses], due)
        # Start again from nothing, then time the publication and its job together.
        AssignmentJob.objects.all().delete()
        AssignmentRule.objects.all().delete()
        if db == "postgres":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        started = time.perf_counter()
        job = assignments.do_publish_assignment_rules(
            source_type="cbp", source_id=1, rules=specs, acting_user=None, enqueue=False
        )
        assert job is not None
        done = assignments.run_assignment_job(job.pk, chunk_size=chunk_size)
        publish_s = time.perf_counter() - started

        AssignmentJob.objects.filter(pk=job.pk).update(status=AssignmentJob.Status.RUNNING)
        started = time.perf_counter()
        again = assignments.run_assignment_job(job.pk, chunk_size=chunk_size)
        rerun_s = time.perf_counter() - started

        sample = list(Enrolment.objects.order_by("user_id").values_list("user_id", flat=True).distinct()[:SYNC_PEOPLE])
        started = time.perf_counter()
        synced = assignments.sync_people_assignments(sample)
        sync_s = time.perf_counter() - started

        made = done.people_assigned
        enrolments = Enrolment.objects.count()
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version" if db == "postgres" else "SELECT sqlite_version()")
            database = f"{'PostgreSQL' if db == 'postgres' else 'SQLite'} {cursor.fetchone()[0]}"
    finally:
        connection.close()
        if db == "postgres":
            _pg_recreate(drop_only=True)
        shutil.rmtree(work, ignore_errors=True)

    rate = made / publish_s
    baseline_rate = made / baseline_s
    common = {
        "database": database,
        "people": covered,
        "designations": len(designation_ids),
        "courses": COURSES,
        "rules": len(specs),
        "chunk_size": chunk_size,
        "employees_generated": generated.employees,
        "setup_s": round(setup_s, 1),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    return [
        {
            "name": f"publish_assignments_{db}",
            "value": round(publish_s, 2),
            "unit": "s",
            "baseline": round(baseline_s, 2),
            "ratio": round(publish_s / baseline_s, 1),
            "assignments": made,
            "enrolments": enrolments,
            "baseline_method": "INSERT … SELECT of the same enrolment and assignment rows, one transaction",
            **common,
        },
        {
            "name": f"publish_assignments_rate_{db}",
            "value": round(rate),
            "unit": "assignments/s",
            "baseline": round(baseline_rate),
            "ratio": round(rate / baseline_rate, 3),
            **common,
        },
        {
            "name": f"publish_assignments_rerun_{db}",
            "value": round(rerun_s, 2),
            "unit": "s",
            "baseline": round(baseline_s, 2),
            "ratio": round(rerun_s / baseline_s, 2),
            "assignments_added": again.people_assigned - made,
            **common,
        },
        {
            "name": f"sync_import_chunk_{db}",
            "value": round(sync_s, 3),
            "unit": "s",
            "baseline": round(baseline_s * len(sample) / max(covered, 1), 3),
            "ratio": round(sync_s / (baseline_s * len(sample) / max(covered, 1)), 1),
            "people_synced": len(sample),
            "assignments_added": synced.assigned,
            "note": "baseline: the raw INSERT … SELECT time pro rata for this many people",
            **common,
        },
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="postgres")
    parser.add_argument("--people", type=int, default=50_000, help="people the designation set must cover")
    parser.add_argument("--chunk-size", type=int, default=2000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        for line in child(args.db, args.people, args.chunk_size):
            print(json.dumps(line, ensure_ascii=False))
        return
    for db in ["postgres", "sqlite"] if args.db == "both" else [args.db]:
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--db",
                db,
                "--people",
                str(args.people),
                "--chunk-size",
                str(args.chunk_size),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        for text in result.stdout.strip().splitlines():
            if text.startswith("{"):
                print(text)


if __name__ == "__main__":
    main()
