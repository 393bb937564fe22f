"""Benchmark: learning progress updates over HTTP (POST /api/v1/progress) on PostgreSQL.

Builds a scratch PostgreSQL database (dropped and made again on every run), migrates it,
and creates N learners, each enrolled in one published course of R videos, each with an API
bearer token. Starts gunicorn on 127.0.0.1 (DEBUG off) with bench/bare_wsgi.py — the
Kshamta application plus a bare /bench/bare endpoint that answers 200 without entering
Django — and runs locust headless three times against it, back to back with no think time:

    bare     POST /bench/bare with a one-update body          (the baseline: the HTTP stack alone)
    single   POST /api/v1/progress with 1 update per request
    batch    POST /api/v1/progress with 10 updates per request

Each run uses its own learners; every update moves a resource forward, so each is a real
write. Prints one JSON line per progress run: {"name", "value" (updates/s), "unit",
"p50_ms", "p99_ms", "errors", "baseline" (bare requests/s), "ratio", ...}. The load
generator, gunicorn and PostgreSQL share this machine's cores: the lines say how much CPU
each used.

    .venv/bin/python bench/progress_http.py
    .venv/bin/python bench/progress_http.py --learners 500 --duration 20   # a quick look
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kshamta_bench_progress"
WORK = ROOT / "var" / "bench" / "progress_http"
COURSE_CODE = "BENCH-PROGRESS"
WARMUP_LEARNERS = 20  # extra learners whose progress only the warm-up touches
IGOT_UPDATES_PER_S = 300  # iGOT Karmayogi's published soak test: ~300 learner-state updates/s on 7 x 8 vCPU


# --- the scratch database ------------------------------------------------------------


def check_database_url(url: str) -> str:
    """The database name, if the URL is a PostgreSQL scratch database this script may drop."""
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise SystemExit(f"{url}: this benchmark needs PostgreSQL")
    if name == "test" or not name.startswith("kshamta_bench"):
        raise SystemExit(f"{url}: the database is dropped and made again, so its name must start with kshamta_bench")
    return name


def recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = check_database_url(url)
    with psycopg.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = check_database_url(url)
    with psycopg.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()


def build_learners(count: int, resources: int) -> dict[str, Any]:
    """``count`` learners enrolled in one course of ``resources`` videos, each with a token.

    The course is made with the real actions. The learners, their enrolments and tokens are
    written in bulk with the same fields the actions set (one by one, 4,000 learners would
    take minutes of a five-minute benchmark); the progress endpoint reads them as it reads any.
    """
    import secrets

    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone

    from kshamta.accounts.models import APIToken, Profile, User
    from kshamta.catalog.models import Course, Resource
    from kshamta.catalog.testing import make_course, make_provider
    from kshamta.learning.models import Enrolment
    from kshamta.orgs import actions as org_actions

    call_command("migrate", verbosity=0)
    state = org_actions.do_create_org(
        code="BENCH", kind="state", name_en="Bench State", name_hi="बेंच राज्य", parent=None, acting_user=None
    )
    course = make_course(
        COURSE_CODE,
        provider=make_provider("BENCH-ATI", org=state),
        title_en="Progress benchmark course",
        title_hi="प्रगति बेंचमार्क पाठ्यक्रम",
        resources=("video",) * resources,
    )
    resource_ids = list(
        Resource.objects.filter(module__version=course.published_version)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    version_id = course.published_version_id
    assert version_id is not None
    now = timezone.now()
    unusable = make_password(None)
    keys = ["ksh_" + secrets.token_urlsafe(32) for _ in range(count)]
    with transaction.atomic():
        users = User.objects.bulk_create(
            [
                User(
                    email=f"bench.learner{n}@bench.gov.in",
                    name_en=f"Bench Learner {n}",
                    name_hi=f"बेंच शिक्षार्थी {n}",
                    password=unusable,
                )
                for n in range(count)
            ],
            batch_size=1000,
        )
        Profile.objects.bulk_create(
            [
                Profile(
                    user=user,
                    employee_code=f"BP{n:06d}",
                    org=state,
                    search_text=Profile.build_search_text(
                        employee_code=f"BP{n:06d}",
                        name_en=user.name_en,
                        name_hi=user.name_hi,
                        email=user.email,
                        mobile=None,
                    ),
                )
                for n, user in enumerate(users)
            ],
            batch_size=1000,
        )
        Enrolment.objects.bulk_create(
            [Enrolment(user=user, course=course, version_id=version_id, enrolled_at=now) for user in users],
            batch_size=1000,
        )
        Course.objects.filter(pk=course.pk).update(enrolment_count=F("enrolment_count") + count)
        APIToken.objects.bulk_create(
            [
                APIToken(user=user, name="bench/progress_http.py", prefix=key[:12], key_hash=APIToken.hash_key(key))
                for user, key in zip(users, keys, strict=True)
            ],
            batch_size=1000,
        )
    connection.close()
    return {"tokens": keys, "resources": resource_ids}


def progress_rows() -> tuple[int, int]:
    """(progress rows, the sum of their percents) after the runs: what actually landed."""
    from django.db import connection
    from django.db.models import Count, Sum

    from kshamta.learning.models import ResourceProgress

    row = ResourceProgress.objects.aggregate(rows=Count("id"), percent=Sum("percent"))
    connection.close()
    return row["rows"] or 0, row["percent"] or 0


# --- processes -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(url: str) -> dict[str, str]:
    # Each worker thread keeps its database connection for the whole run (the default, 60 s,
    # would reconnect once a minute mid-run, and the per-process CPU accounting would lose the
    # old backends' time).
    env = {
        **os.environ,
        "DATABASE_URL": f"{url}{'&' if '?' in url else '?'}conn_max_age=600",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "STATIC_ROOT": str(WORK / "staticfiles"),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("KSHAMTA_PRODUCTION", None)
    return env


def start_gunicorn(url: str, port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    # No collectstatic: the endpoints measured render no templates and serve no static files.
    env = server_env(url)
    (WORK / "staticfiles").mkdir(parents=True, exist_ok=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "bench.bare_wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
    if threads > 1:
        command += ["-k", "gthread", "--threads", str(threads)]
    command += ["--log-level", "warning", "--backlog", "2048"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not start within 60 seconds")


def warm_up(port: int, tokens: list[str], resource_id: int, workers: int) -> None:
    """Load Django and open database connections in every worker before anything is timed."""
    for i in range(workers * 10):
        token = tokens[i % len(tokens)]
        body = json.dumps(
            {"updates": [{"resource": resource_id, "percent": 1 + i // len(tokens), "at": "2026-01-01T00:00:00Z"}]}
        )
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request(
            "POST",
            "/api/v1/progress",
            body=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        response = conn.getresponse()
        text = response.read()
        conn.close()
        if response.status != 200:
            raise SystemExit(f"warm-up request failed: {response.status} {text[:300]!r}")


def _cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _postgres_backends(database: str) -> list[int]:
    """The PostgreSQL server processes serving ``database`` (not other databases' sessions)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if title.startswith("postgres:") and f" {database} " in title:
                pids.append(int(entry.name))
    return pids


def run_locust(
    mode: str, port: int, users: int, duration: int, batch: int, learners: str, data_file: Path
) -> dict[str, Any]:
    """One headless locust run; its aggregated stats and how much CPU each party used."""
    prefix = WORK / f"locust_{mode}"
    env = {
        **os.environ,
        "BENCH_PROGRESS_DATA": str(data_file),
        "BENCH_MODE": mode,
        "BENCH_BATCH": str(batch),
        "BENCH_LEARNERS": learners,
    }
    command = [
        str(Path(sys.executable).with_name("locust")),
        "-f",
        str(ROOT / "bench" / "locustfile_progress.py"),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(users),
        "-t",
        f"{duration}s",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "10",
    ]
    load_before = os.getloadavg()[0]
    server_pids = [SERVER_PID, *_children(SERVER_PID)]
    postgres = _postgres_backends(DATABASE_NAME)
    server_before, postgres_before = _cpu_seconds(server_pids), _cpu_seconds(postgres)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    # Locust exits non-zero when any request failed; the failures are counted from its CSV.
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)
    wall = time.monotonic() - started
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    locust_cpu = (children_after.ru_utime + children_after.ru_stime) - (
        children_before.ru_utime + children_before.ru_stime
    )
    stats = read_stats(prefix)
    stats.update(
        {
            "locust_cpu_s": round(locust_cpu, 1),
            "server_cpu_s": round(_cpu_seconds(server_pids) - server_before, 1),
            "postgres_cpu_s": round(_cpu_seconds(postgres) - postgres_before, 1),
            "wall_s": round(wall, 1),
            "loadavg_1m": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "first_failures": read_failures(prefix),
        }
    )
    return stats


def read_stats(prefix: Path) -> dict[str, Any]:
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "requests_per_s": float(total["Requests/s"]),
        "p50_ms": float(total["50%"]),
        "p99_ms": float(total["99%"]),
    }


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return [f"{r['Occurrences']}x {r['Name']}: {r['Error'][:200]}" for r in csv.DictReader(handle)][:3]


SERVER_PID = 0
DATABASE_NAME = ""
STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def main() -> None:
    global SERVER_PID, DATABASE_NAME
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="a kshamta_bench* PostgreSQL database")
    parser.add_argument("--learners", type=int, default=2000, help="learners per progress run (default 2000)")
    parser.add_argument("--resources", type=int, default=20, help="videos in the course (default 20)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker, gthread (default 2)")
    parser.add_argument("--users", type=int, default=16, help="concurrent locust users (default 16)")
    parser.add_argument("--duration", type=int, default=60, help="seconds per run (default 60)")
    parser.add_argument("--batch", type=int, default=10, help="updates per batched request (default 10)")
    parser.add_argument("--keep-db", action="store_true", help="keep the scratch database afterwards")
    args = parser.parse_args()
    if args.users >= args.learners:
        raise SystemExit("--users must be fewer than --learners, so that no learner has two requests in flight")

    url = args.database_url
    DATABASE_NAME = check_database_url(url)
    WORK.mkdir(parents=True, exist_ok=True)
    setup_started = time.monotonic()
    log(f"making the scratch database {check_database_url(url)}")
    recreate_database(url)
    setup_django(url)
    # Each progress run has its own learners (progress only moves forward, so reusing one
    # would turn updates into no-ops); the bare run sends no updates and reuses the first.
    data = build_learners(2 * args.learners + WARMUP_LEARNERS, args.resources)
    log(f"{len(data['tokens'])} learners enrolled, each with a token")
    data_file = WORK / "data.json"
    data_file.write_text(json.dumps(data))
    setup_s = time.monotonic() - setup_started

    from django.db import connection

    server_version = connection.cursor().connection.info.server_version
    connection.close()
    port = free_port()
    server = start_gunicorn(url, port, args.workers, args.threads)
    SERVER_PID = server.pid
    runs: dict[str, dict[str, Any]] = {}
    try:
        log(f"gunicorn on 127.0.0.1:{port}; warming up")
        warm_up(port, data["tokens"][-WARMUP_LEARNERS:], data["resources"][0], args.workers)
        n = args.learners
        for mode, batch, learners in (
            ("bare", 1, f"0:{n}"),
            ("single", 1, f"0:{n}"),
            ("batch", args.batch, f"{n}:{2 * n}"),
        ):
            log(f"locust: {mode}, {args.users} users, {args.duration} s")
            runs[mode] = run_locust(mode, port, args.users, args.duration, batch, learners, data_file)
            log(f"{mode}: {runs[mode]['requests_per_s']:.1f} requests/s, {runs[mode]['failures']} failures")
    finally:
        server.terminate()
        server.wait(timeout=30)
        data_file.unlink(missing_ok=True)  # bearer tokens

    rows, percent_sum = progress_rows()
    if not args.keep_db:
        drop_database(url)
    bare = runs["bare"]
    machine = {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "database": f"postgresql {server_version // 10000}.{server_version % 10000}",
        "server": f"gunicorn {args.workers} workers x {args.threads} threads (gthread), DEBUG off",
        "load": f"locust {args.users} users, no think time, {args.duration} s per run",
        "note": "locust, gunicorn and PostgreSQL share this machine's cores; cpu_s gives each one's CPU "
        "seconds in the run (postgres: the backends serving this database only)",
        "learners": args.learners,
        "resources_per_course": args.resources,
        "setup_s": round(setup_s, 1),
        "progress_rows_after": rows,
        "progress_percent_sum_after": percent_sum,
    }
    for name, mode, batch in (("progress_single", "single", 1), ("progress_batch", "batch", args.batch)):
        run = runs[mode]
        updates_per_s = run["requests_per_s"] * batch
        print(
            json.dumps(
                {
                    "name": name,
                    "value": round(updates_per_s, 1),
                    "unit": "updates/s",
                    "p50_ms": run["p50_ms"],
                    "p99_ms": run["p99_ms"],
                    "errors": run["failures"],
                    "baseline": round(bare["requests_per_s"], 1),
                    "ratio": round(updates_per_s / bare["requests_per_s"], 3) if bare["requests_per_s"] else None,
                    "updates_per_request": batch,
                    "requests": run["requests"],
                    "requests_per_s": round(run["requests_per_s"], 1),
                    "baseline_p50_ms": bare["p50_ms"],
                    "baseline_p99_ms": bare["p99_ms"],
                    "baseline_errors": bare["failures"],
                    "igot_updates_per_s": IGOT_UPDATES_PER_S,
                    "vs_igot": round(updates_per_s / IGOT_UPDATES_PER_S, 2),
                    # Updates per CPU second of the server side (gunicorn + PostgreSQL): what the
                    # endpoint costs, less sensitive than updates/s to what else the machine runs.
                    "updates_per_server_cpu_s": round(
                        run["requests"] * batch / max(0.1, run["server_cpu_s"] + run["postgres_cpu_s"]), 1
                    ),
                    "cpu_s": {
                        "locust": run["locust_cpu_s"],
                        "gunicorn": run["server_cpu_s"],
                        "postgres": run["postgres_cpu_s"],
                        "wall": run["wall_s"],
                    },
                    "loadavg_1m_before_after": run["loadavg_1m"],
                    "baseline_cpu_s": {
                        "locust": bare["locust_cpu_s"],
                        "gunicorn": bare["server_cpu_s"],
                        "wall": bare["wall_s"],
                    },
                    "first_failures": run["first_failures"],
                    **machine,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
