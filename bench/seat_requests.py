"""Benchmark: 200 concurrent seat approvals for a batch of 30 seats on PostgreSQL — no overbooking, and latency.

Builds a scratch PostgreSQL database (``kshamta_bench_programmes`` by default; never the one named "test"):
a coordinator, a batch with 30 seats and 200 people who asked for a seat. Then ``--threads`` threads (each
with its own database connection, all released at once by a barrier) take the 200 requests from a queue
and call ``actions.do_approve_nomination`` — the step that gives a seat under the batch's row lock, or
a waitlist place once the seats are gone. Checked afterwards: exactly 30 seats, 170 waitlisted with the
positions 1..170, nobody twice.

Baseline, in the same run: the same 200 approvals for a second batch of 30 seats, one after the other in
one thread (no lock waits).

Prints one JSON line: {"name", "value" (p95 ms of a concurrent approval), "unit", "baseline" (p95 ms of a
sequential one), "ratio", "p50_ms", "max_ms", "seats", "approved", "waitlisted", "overbooked",
"positions_ok", "requests", "threads", "wall_ms", "database"}.

    .venv/bin/python bench/seat_requests.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kshamta_bench_programmes .venv/bin/python bench/seat_requests.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.batch_planning import recreate_postgres  # noqa: E402
from bench.benchlib import percentile  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kshamta_bench_programmes"


def setup_django() -> None:
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("Row locks are what this measures: point DATABASE_URL at a scratch PostgreSQL database.")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")  # no worker here
    os.environ.setdefault("EMAIL_DELIVERY", "memory")
    recreate_postgres(url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def build(requests: int, seats: int) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password

    from kshamta.accounts.actions import do_grant_role
    from kshamta.accounts.models import Profile, Role, User
    from kshamta.orgs import actions as org_actions
    from kshamta.programmes import actions
    from kshamta.programmes.models import Nomination

    create = org_actions.do_create_org
    state = create(code="MP", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None, acting_user=None)
    ati = create(code="MP-ATI", kind="institute", name_en="ATI", name_hi="एटीआई", parent=state, acting_user=None)
    district = create(code="MP-BPL", kind="district", name_en="Bhopal", name_hi="भोपाल", parent=state, acting_user=None)
    password = make_password(None)
    coordinator = User.objects.create(email="coordinator@mp.gov.in", name_en="Coordinator", password=password)
    Profile.objects.create(user=coordinator, employee_code="CO00001", org=ati)
    do_grant_role(user=coordinator, role=Role.PROGRAMME_COORDINATOR, org=ati, acting_user=None)
    User.objects.bulk_create(
        [User(email=f"officer{i:04d}@mp.gov.in", name_en=f"Officer {i}", password=password) for i in range(requests)]
    )
    people = list(User.objects.filter(email__startswith="officer").order_by("email"))
    Profile.objects.bulk_create(
        [Profile(user=u, employee_code=f"OF{i:04d}", org=district) for i, u in enumerate(people)]
    )
    # The sequential baseline runs in another programme a month later, so the same people never clash.
    batches = []
    for code, start in (("CONCURRENT", datetime.date(2030, 8, 3)), ("SEQUENTIAL", datetime.date(2030, 9, 7))):
        programme = actions.do_create_programme(
            code=f"RACE-{code}", title_en="Seat race", org=ati, acting_user=coordinator
        )
        batches.append(
            actions.do_create_batch(
                programme, code=code, seat_limit=seats, starts_on=start, ends_on=start, enrolment_ends_on=start,
                acting_user=coordinator,
            )
        )  # fmt: skip
    nominations = {}
    for batch in batches:
        Nomination.objects.bulk_create([Nomination(batch=batch, user=u) for u in people])
        nominations[batch.code] = list(Nomination.objects.filter(batch=batch).select_related("user").order_by("pk"))
    return {"coordinator": coordinator, "batches": batches, "nominations": nominations}


def outcome(batch: Any, seats: int) -> dict[str, Any]:
    from kshamta.programmes.models import Nomination

    rows = Nomination.objects.filter(batch=batch)
    approved = rows.filter(status=Nomination.Status.APPROVED).count()
    positions = sorted(
        p or 0 for p in rows.filter(status=Nomination.Status.WAITLISTED).values_list("waitlist_position", flat=True)
    )
    return {
        "approved": approved,
        "waitlisted": len(positions),
        "overbooked": max(0, approved - seats),
        "positions_ok": positions == list(range(1, len(positions) + 1)),
        "people_once": rows.values("user_id").distinct().count() == rows.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="concurrent threads (default: the requests, capped below max_connections)",
    )
    args = parser.parse_args()
    setup_django()

    from django.db import connection, connections

    from kshamta.programmes import actions

    world = build(args.requests, args.seats)
    coordinator = world["coordinator"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
    threads = args.threads or min(args.requests, max_connections - 20)

    # Concurrent: every thread waits at the barrier, then takes requests until none are left.
    work: queue.Queue[Any] = queue.Queue()
    for nomination in world["nominations"]["CONCURRENT"]:
        work.put(nomination)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads + 1)

    def worker() -> None:
        try:
            barrier.wait(timeout=60)
            while True:
                try:
                    nomination = work.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    actions.do_approve_nomination(nomination, acting_user=coordinator)
                except Exception as exc:  # counted and reported, never hidden
                    with lock:
                        errors.append(repr(exc))
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait(timeout=60)
    wall_started = time.perf_counter()
    for thread in pool:
        thread.join(timeout=600)
    wall_ms = (time.perf_counter() - wall_started) * 1000
    concurrent = outcome(world["batches"][0], args.seats)

    sequential_latencies = []
    for nomination in world["nominations"]["SEQUENTIAL"]:
        started = time.perf_counter()
        actions.do_approve_nomination(nomination, acting_user=coordinator)
        sequential_latencies.append((time.perf_counter() - started) * 1000)
    sequential = outcome(world["batches"][1], args.seats)

    value = percentile(latencies, 95) if latencies else float("nan")
    baseline = percentile(sequential_latencies, 95)
    print(
        json.dumps(
            {
                "name": "seat_requests_200_for_30_seats",
                "value": round(value, 1),
                "unit": "ms",
                "baseline": round(baseline, 1),
                "ratio": round(value / baseline, 2) if baseline else None,
                "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
                "max_ms": round(max(latencies), 1) if latencies else None,
                "seats": args.seats,
                **concurrent,
                "errors": len(errors),
                "sequential_ok": sequential["overbooked"] == 0 and sequential["positions_ok"],
                "requests": args.requests,
                "threads": threads,
                "wall_ms": round(wall_ms, 1),
                "database": connection.vendor,
            }
        )
    )
    if errors:
        print("\n".join(errors[:5]), file=sys.stderr)
    if concurrent["overbooked"] or not concurrent["positions_ok"] or errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
