"""Benchmark: planning 1,200 officers into 10 batches under the constraints, against a naive round-robin split.

Builds a scratch database (never the one named "test"): a Revenue Department with 52 districts of uneven
size (2 tehsil offices each), 1,200 Patwaris, and one in ten of them already holding a seat in another
programme's batch that overlaps one of the ten new batches. Then, in the same run:

- ``plan``: ``actions.do_create_plan`` end to end — read the target group (districts, other batches), the
  bin-packing proposal, the stored plan — with 10 batches of 130 seats, districts together, no clashes;
- ``baseline``: the same read (``planning.load_people``) plus ``planning.round_robin``: person i to batch i mod 10;
- ``confirm``: writing the plan (10 batches, the seats, their audit events and messages) as the job does.

Prints one JSON line: {"name", "value" (ms, plan end to end), "unit", "baseline" (ms, read + round robin),
"ratio", "propose_ms", "round_robin_ms", "confirm_ms", "people", "batches", "placed", "overbooked",
"clashes", "districts_split", "round_robin_clashes", "round_robin_districts_split", ...}.

    .venv/bin/python bench/batch_planning.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kshamta_bench_programmes .venv/bin/python bench/batch_planning.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SQLITE = ROOT / "var" / "bench" / "programmes-planning.sqlite3"
DEFAULT_PG_NAME = "kshamta_bench_programmes"


def setup_django() -> None:
    url = os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")  # no worker here
    os.environ.setdefault("EMAIL_DELIVERY", "memory")
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        recreate_postgres(url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def recreate_postgres(url: str) -> None:
    """Drop and create the scratch database named in ``url`` (refusing the shared one named "test")."""
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    if name in ("test", "postgres", "") or not name.startswith("kshamta_bench"):
        raise SystemExit(f"refusing to recreate database {name!r}: use a scratch kshamta_bench_* database")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def build_state(people: int, seed: int) -> dict[str, Any]:
    """Organisations, 1,200 Patwaris (bulk-inserted) and the other programme's seats that clash."""
    from django.contrib.auth.hashers import make_password

    from kshamta.accounts.actions import do_grant_role
    from kshamta.accounts.models import Profile, Role, User
    from kshamta.orgs import actions as org_actions
    from kshamta.orgs.models import Organisation
    from kshamta.programmes import actions
    from kshamta.programmes.models import Nomination

    rng = random.Random(seed)
    create = org_actions.do_create_org
    state = create(code="MP", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None, acting_user=None)
    revenue = create(
        code="MP-REV", kind="department", name_en="Revenue", name_hi="राजस्व", parent=state, acting_user=None
    )
    ati = create(code="MP-ATI", kind="institute", name_en="ATI", name_hi="एटीआई", parent=state, acting_user=None)
    patwari, _ = org_actions.do_save_designation(
        org=revenue, code="PATWARI", name_en="Patwari", name_hi="पटवारी", group="C", acting_user=None
    )
    offices: list[Organisation] = []
    weights: list[float] = []
    for d in range(52):
        district = create(code=f"MP-REV-D{d:02d}", kind="district", name_en=f"Collectorate {d}",
                          name_hi=f"कलेक्टोरेट {d}", parent=revenue, acting_user=None)  # fmt: skip
        size = rng.uniform(0.4, 2.0)
        for t in range(2):
            offices.append(create(code=f"MP-REV-D{d:02d}-T{t}", kind="office", name_en=f"Tehsil {d}-{t}",
                                  name_hi=f"तहसील {d}-{t}", parent=district, acting_user=None))  # fmt: skip
            weights.append(size)
    password = make_password(None)
    users = [
        User(email=f"patwari{i:05d}@mp.gov.in", name_en=f"Patwari {i}", name_hi=f"पटवारी {i}", password=password)
        for i in range(people)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    users = list(User.objects.filter(email__startswith="patwari").order_by("email"))
    homes = rng.choices(offices, weights=weights, k=people)
    Profile.objects.bulk_create(
        [
            Profile(user=u, employee_code=f"PW{i:05d}", org=homes[i], designation=patwari, group="C")
            for i, u in enumerate(users)
        ],
        batch_size=1000,
    )
    coordinator = User.objects.create(email="coordinator@mp.gov.in", name_en="Coordinator", password=password)
    Profile.objects.create(user=coordinator, employee_code="CO00001", org=ati)
    do_grant_role(user=coordinator, role=Role.PROGRAMME_COORDINATOR, org=ati, acting_user=None)

    first_day = datetime.date(2030, 7, 1)
    other = actions.do_create_programme(code="RTI-WS", title_en="RTI workshop", org=ati, acting_user=None)
    # One in ten already has a seat in a 3-day workshop overlapping one of the ten new batches.
    workshops = []
    for w in range(10):
        start = first_day + datetime.timedelta(days=7 * w + 2)
        workshops.append(actions.do_create_batch(
            other, code=f"W{w + 1}", seat_limit=people, starts_on=start, ends_on=start + datetime.timedelta(days=2),
            enrolment_ends_on=start, acting_user=None,
        ))  # fmt: skip
    busy = rng.sample(users, people // 10)
    Nomination.objects.bulk_create(
        [Nomination(batch=rng.choice(workshops), user=u, status=Nomination.Status.APPROVED) for u in busy]
    )
    return {"coordinator": coordinator, "patwari": patwari, "revenue": revenue, "ati": ati, "first_day": first_day}


def check(proposal: Any, people: list[Any], district_of: dict[int, int]) -> dict[str, int]:
    by_id = {p.user_id: p for p in people}
    overbooked = sum(max(0, len(m) - s.seats) for s, m in zip(proposal.slots, proposal.members, strict=True))
    clashes = sum(1 for s, m in zip(proposal.slots, proposal.members, strict=True) for u in m if by_id[u].clash_with(s))
    homes: dict[int, set[int]] = {}
    for index, members in enumerate(proposal.members):
        for uid in members:
            homes.setdefault(district_of[uid], set()).add(index)
    split = sum(1 for batches in homes.values() if len(batches) > 1)
    return {"overbooked": overbooked, "clashes": clashes, "districts_split": split, "districts": len(homes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=1200)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--seats", type=int, default=130)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each timing; the median is reported")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    setup_django()

    from django.db import connection

    from kshamta.programmes import actions, planning
    from kshamta.programmes.models import Plan

    world = build_state(args.people, args.seed)
    programme = actions.do_create_programme(
        code="PATWARI-IND", title_en="Induction for Patwaris", org=world["ati"], acting_user=None
    )
    slots = planning.even_slots(
        count=args.batches, seats=args.seats, first_day=world["first_day"], days=5, gap_days=2, venue="ATI Bhopal"
    )
    target = planning.Target(designation_ids=[world["patwari"].pk], org_ids=[world["revenue"].pk])
    plan_input = actions.PlanInput(target=target, slots=slots)

    plan_ms, baseline_ms, propose_ms, robin_ms = [], [], [], []
    plan = None
    for _ in range(max(1, args.repeat)):
        Plan.objects.all().delete()
        started = time.perf_counter()
        plan = actions.do_create_plan(programme, plan_input, acting_user=world["coordinator"])
        plan_ms.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        loaded = planning.load_people(programme, target)
        robin = planning.round_robin(loaded.people, slots)
        baseline_ms.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        proposal = planning.propose(loaded.people, slots)
        propose_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        planning.round_robin(loaded.people, slots)
        robin_ms.append((time.perf_counter() - started) * 1000)
    assert plan is not None
    district_of = {p.user_id: p.district_id for p in loaded.people}
    ours = check(proposal, loaded.people, district_of)
    naive = check(robin, loaded.people, district_of)

    actions.do_confirm_plan(plan, acting_user=world["coordinator"])
    started = time.perf_counter()
    plan = actions.run_plan(plan.pk, world["coordinator"])
    confirm_ms = (time.perf_counter() - started) * 1000

    value, baseline = statistics.median(plan_ms), statistics.median(baseline_ms)
    print(
        json.dumps(
            {
                "name": "batch_planning_1200_into_10",
                "value": round(value, 1),
                "unit": "ms",
                "baseline": round(baseline, 1),
                "ratio": round(value / baseline, 2) if baseline else None,
                "propose_ms": round(statistics.median(propose_ms), 1),
                "round_robin_ms": round(statistics.median(robin_ms), 2),
                "confirm_ms": round(confirm_ms, 1),
                "people": args.people,
                "batches": args.batches,
                "seats_per_batch": args.seats,
                "placed": proposal.placed_count(),
                "unplaced": len(proposal.unplaced),
                "overbooked": ours["overbooked"],
                "clashes": ours["clashes"],
                "districts": ours["districts"],
                "districts_split": ours["districts_split"],
                "round_robin_placed": robin.placed_count(),
                "round_robin_clashes": naive["clashes"],
                "round_robin_districts_split": naive["districts_split"],
                "nominations_written": plan.nominations_created,
                "database": connection.vendor,
                "repeat": args.repeat,
            }
        )
    )


if __name__ == "__main__":
    main()
