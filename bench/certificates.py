"""Benchmark: certificates — issue rate, PDF render rate, verification latency.

Each database runs in its own process on a scratch database made for the run (a temporary
SQLite file; the PostgreSQL database kshamta_bench_cert, dropped afterwards). Prints one
JSON line per figure and database:

- certificate_issue_<db>: certificates/s issuing N certificates for N completed enrolments
  with the real action (one transaction each: payload, Ed25519 signature, one row, the
  render job and the learner's e-mail queued in the database). Baseline: bulk_create of
  the same rows, unsigned, 500 a statement.
- certificate_pdf_<db>: PDFs/s rendering the bilingual A4 certificate (fonts, shaping,
  QR code) in memory. Baseline: an fpdf2 page with one line of Latin text (core font).
- certificate_verify_<db>: p95 ms of GET /verify/<id>/ (gunicorn, anonymous, one request
  at a time on a kept-alive connection); p50 alongside. Baseline: p95 ms of a bare
  SELECT of the certificate row by primary key through a database cursor.

    .venv/bin/python bench/certificates.py                 # both databases
    .venv/bin/python bench/certificates.py --db sqlite --count 500
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchlib import percentile  # noqa: E402

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DB = "kshamta_bench_cert"
PDF_COUNT = 50
VERIFY_REQUESTS = 300


def _setup(db: str, work: Path) -> None:
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    else:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
            conn.execute(f"CREATE DATABASE {PG_DB}")
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MEDIA_ROOT": str(work / "media"),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",  # jobs are queued, as in production
            "EMAIL_DELIVERY": "memory",
            "CERTIFICATE_SIGNING_KEY_FILE": str(work / "keys" / "signing.pem"),
            "CERTIFICATE_PUBLIC_KEYS_DIR": str(work / "keys" / "public"),
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()


def _build(count: int) -> tuple[list[int], list[int]]:
    """A state, a provider, a course and twice count people who completed it: (to issue, for the baseline)."""
    import datetime

    from django.utils import timezone

    from kshamta.accounts.models import Profile, User
    from kshamta.catalog.testing import make_competency, make_course, make_provider
    from kshamta.learning.models import Enrolment
    from kshamta.orgs.actions import do_create_org

    state = do_create_org(
        code="B", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None, acting_user=None
    )
    dept = do_create_org(
        code="B-REV", kind="department", name_en="Revenue", name_hi="राजस्व विभाग", parent=state, acting_user=None
    )
    make_competency("RTI")
    course = make_course(
        "RTI-101",
        provider=make_provider("ATI", org=state),
        title_en="Right to Information Act, 2005",
        title_hi="सूचना का अधिकार अधिनियम, 2005",
    )
    users = User.objects.bulk_create(
        [
            User(email=f"learner{i}@bench.gov.in", name_en=f"Learner {i}", name_hi=f"शिक्षार्थी {i}")
            for i in range(2 * count)
        ],
        batch_size=1000,
    )
    Profile.objects.bulk_create(
        [Profile(user=u, employee_code=f"E{i:07d}", org=dept) for i, u in enumerate(users)], batch_size=1000
    )
    done = timezone.now()
    version_id = course.published_version_id
    assert version_id is not None
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=u,
                course=course,
                version_id=version_id,
                status=Enrolment.Status.COMPLETED,
                enrolled_at=done - datetime.timedelta(days=2),
                completed_at=done,
                progress_percent=100,
                learning_seconds=3600,
            )
            for u in users
        ],
        batch_size=1000,
    )
    ids = [e.pk for e in enrolments]
    return ids[:count], ids[count:]


def _issue(ids: list[int]) -> float:
    from kshamta.certificates.actions import do_issue_certificate
    from kshamta.learning.models import Enrolment

    enrolments = list(Enrolment.objects.filter(pk__in=ids).select_related("user", "course__provider", "version"))
    do_issue_certificate(enrolments[0])  # the key is created once, outside the timing
    started = time.perf_counter()
    for enrolment in enrolments[1:]:
        do_issue_certificate(enrolment)
    return (len(enrolments) - 1) / (time.perf_counter() - started)


def _bulk_baseline(ids: list[int]) -> float:
    """The same rows (payload included, no signature), bulk inserted."""
    import uuid

    from django.utils import timezone

    from kshamta.certificates import actions
    from kshamta.certificates.models import Certificate
    from kshamta.learning.models import Enrolment

    rows = []
    for enrolment in Enrolment.objects.filter(pk__in=ids).select_related("user", "course__provider", "version"):
        code = actions.new_access_code()
        certificate_id = uuid.uuid4()
        course, user = enrolment.course, enrolment.user
        rows.append(
            Certificate(
                id=certificate_id,
                access_code=code,
                user=user,
                enrolment=enrolment,
                course=course,
                issued_at=timezone.now(),
                learner_name_en=user.name_en,
                learner_name_hi=user.name_hi,
                title_en=course.title_en,
                title_hi=course.title_hi,
                provider_name_en=course.provider.name_en,
                provider_name_hi=course.provider.name_hi,
                hours=1,
                competencies=[{"code": "RTI", "level": 2}],
                payload={"id": str(certificate_id), "access_code": code},
                signature="",
                key_id="",
            )
        )
    started = time.perf_counter()
    Certificate.objects.bulk_create(rows, batch_size=500)
    return len(rows) / (time.perf_counter() - started)


def _pdf_rates() -> tuple[float, float]:
    from fpdf import FPDF

    from kshamta.certificates.models import Certificate
    from kshamta.certificates.render import certificate_pdf, platform_names

    certificates = list(Certificate.objects.exclude(signature="")[: PDF_COUNT + 1])
    platform = platform_names()
    certificate_pdf(certificates[0], platform=platform)  # imports and font coverage, once
    started = time.perf_counter()
    for certificate in certificates[1:]:
        certificate_pdf(certificate, platform=platform)
    rate = (len(certificates) - 1) / (time.perf_counter() - started)

    def plain() -> bytes:
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=14)
        pdf.cell(text="Certificate of completion")
        return bytes(pdf.output())

    plain()
    started = time.perf_counter()
    for _ in range(PDF_COUNT):
        plain()
    return rate, PDF_COUNT / (time.perf_counter() - started)


def _verify_latency(workers: int) -> dict[str, Any]:
    from django.db import connection

    from bench.people_list import free_port, start_gunicorn, timed_requests
    from kshamta.certificates.models import Certificate

    ids = [str(pk) for pk in Certificate.objects.exclude(signature="").values_list("pk", flat=True)]
    sample = random.Random(7).choices(ids, k=VERIFY_REQUESTS)
    table = Certificate._meta.db_table
    key = [pk.replace("-", "") if connection.vendor == "sqlite" else pk for pk in sample]
    baseline: list[float] = []
    with connection.cursor() as cursor:
        for pk in key[:20] + key:
            started = time.perf_counter()
            cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608 - fixed table name
            row = cursor.fetchone()
            baseline.append((time.perf_counter() - started) * 1000)
            assert row is not None
    baseline = baseline[20:]
    connection.close()
    port = free_port()
    server = start_gunicorn(port, workers)
    try:
        timed_requests(port, [f"/verify/{pk}/" for pk in sample[:20]], {})
        timings, errors = timed_requests(port, [f"/verify/{pk}/" for pk in sample], {"Accept-Language": "hi"})
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"timings": timings, "errors": errors, "baseline": baseline}


def child(db: str, count: int, workers: int) -> list[dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="kshamta-bench-cert-"))
    try:
        _setup(db, work)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        to_issue, for_baseline = _build(count)
        issue_rate = _issue(to_issue)
        bulk_rate = _bulk_baseline(for_baseline)
        pdf_rate, plain_rate = _pdf_rates()
        verify = _verify_latency(workers)
        vendor = connection.vendor
        connection.close()
    finally:
        from django.db import connections

        connections.close_all()
        if db == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
        shutil.rmtree(work, ignore_errors=True)
    common = {"database": vendor, "cpus": os.cpu_count()}
    timings, baseline = verify["timings"], verify["baseline"]
    p95, base95 = percentile(timings, 95), percentile(baseline, 95)
    return [
        {
            "name": f"certificate_issue_{db}",
            "value": round(issue_rate, 1),
            "unit": "certificates/s",
            "baseline": round(bulk_rate, 1),
            "ratio": round(issue_rate / bulk_rate, 4),
            "certificates": count,
            "includes": "payload, Ed25519 signature, row, render job and e-mail queued; one transaction each",
            **common,
        },
        {
            "name": f"certificate_pdf_{db}",
            "value": round(pdf_rate, 2),
            "unit": "PDFs/s",
            "baseline": round(plain_rate, 1),
            "ratio": round(pdf_rate / plain_rate, 4),
            "pdfs": PDF_COUNT,
            "ms_per_pdf": round(1000 / pdf_rate, 1),
            **common,
        },
        {
            "name": f"certificate_verify_{db}",
            "value": round(p95, 2),
            "unit": "ms",
            "baseline": round(base95, 3),
            "ratio": round(p95 / base95, 1) if base95 else None,
            "p50_ms": round(percentile(timings, 50), 2),
            "p95_ms": round(p95, 2),
            "select_p50_ms": round(percentile(baseline, 50), 3),
            "requests": len(timings),
            "errors": len(verify["errors"]),
            "first_errors": verify["errors"][:3],
            "gunicorn_workers": workers,
            **common,
        },
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="certificates to issue (default 2,000)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        for figure in child(args.db, args.count, args.workers):
            print(json.dumps(figure, ensure_ascii=False))
        return
    for db in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--db",
                db,
                "--count",
                str(args.count),
                "--workers",
                str(args.workers),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        for line in result.stdout.strip().splitlines():
            if line.startswith("{"):
                print(line)


if __name__ == "__main__":
    main()
