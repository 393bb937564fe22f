"""Benchmark: the people list page and API on a generated state of lakhs of people.

Run bench/generate_state.py first (same DATABASE_URL): this script reads that state.
It starts gunicorn on 127.0.0.1, signs a state admin in (a session for the page, a
bearer token for the API) and sends a fixed mix of searches and filters, one request
at a time: a Hindi name, an English name, an employee code, each with or without a
designation, organisation and status filter and a later page.

Prints one JSON line: {"name", "value" (p95 ms of the page /org/people/), "unit",
"baseline" (p95 ms of a bare SELECT of the same 50 rows through a database cursor),
"ratio", "page_p50_ms", "api_p50_ms", "api_p95_ms", ...}.

    .venv/bin/python bench/people_list.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kshamta_bench .venv/bin/python bench/people_list.py
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchlib import bench_admin, percentile  # noqa: E402

DEFAULT_SQLITE = ROOT / "var" / "bench" / "state.sqlite3"
PAGE_SIZE = 50
SELECT_PAGE = (
    "SELECT p.*, u.*, o.*, d.* FROM accounts_profile p "
    "JOIN accounts_user u ON u.id = p.user_id "
    "JOIN orgs_organisation o ON o.id = p.org_id "
    "LEFT JOIN orgs_designation d ON d.id = p.designation_id"
)
MAX_REQUESTS = 1000  # requests go to 127.0.0.1 only, and never more than this per kind


@dataclass
class Search:
    kind: str
    q: str = ""
    designation_id: int | None = None
    designation_code: str = ""
    org_id: int | None = None
    org_code: str = ""
    org_path: str = ""
    status: str = ""
    page: int = 1

    def page_query(self) -> str:
        params: dict[str, Any] = {"q": self.q}
        if self.designation_id:
            params["designation"] = self.designation_id
        if self.org_id:
            params["org"] = self.org_id
        if self.status:
            params["status"] = self.status
        if self.page > 1:
            params["page"] = self.page
        return urlencode(params)

    def api_query(self) -> str:
        params: dict[str, Any] = {"q": self.q}
        if self.designation_code:
            params["designation"] = self.designation_code
        if self.org_code:
            params["org"] = self.org_code
        if self.status:
            params["status"] = self.status
        if self.page > 1:
            params["page"] = self.page
        return urlencode(params)


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()


def bench_credentials() -> tuple[str, str]:
    """(session id, API token) of a state admin made for the benchmark."""
    from django.conf import settings
    from django.test import Client

    from kshamta.accounts import actions
    from kshamta.accounts.models import APIToken

    user = bench_admin()
    for old in APIToken.objects.filter(user=user, revoked_at__isnull=True):
        actions.do_revoke_api_token(old, acting_user=None)
    _, key = actions.do_create_api_token(user, name="bench/people_list.py", acting_user=None)
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value, key


def build_searches(count: int, seed: int) -> list[Search]:
    from kshamta.accounts.models import Profile

    rng = random.Random(seed)
    ids = list(Profile.objects.values_list("pk", flat=True))
    sample = rng.sample(ids, min(len(ids), count))
    people = {
        p.pk: p for p in Profile.objects.filter(pk__in=sample).select_related("user", "org__parent", "designation")
    }
    searches: list[Search] = []
    for i, pk in enumerate(sample):
        person = people[pk]
        user, org, designation = person.user, person.org, person.designation
        department = org
        while department.parent is not None and department.depth > 1:
            department = department.parent
        first_en, last_en = user.name_en.split()[0], user.name_en.split()[-1]
        first_hi, last_hi = user.name_hi.split()[0], user.name_hi.split()[-1]
        d_id, d_code = (designation.pk, designation.code) if designation else (None, "")
        kind = i % 6
        if kind == 0:  # English first name within a department
            s = Search("english_name+org", q=first_en.lower(), org_id=department.pk, org_code=department.code)
            s.org_path = department.path
        elif kind == 1:  # Hindi surname, one designation
            s = Search("hindi_name+designation", q=last_hi, designation_id=d_id, designation_code=d_code)
        elif kind == 2:
            s = Search("employee_code", q=person.employee_code)
        elif kind == 3:  # full Hindi name
            s = Search("hindi_full_name", q=f"{first_hi} {last_hi}" if len(user.name_hi.split()) == 2 else first_hi)
        elif kind == 4:  # no text: designation in a district office, active only, pages 1-3
            s = Search(
                "filters_only",
                designation_id=d_id,
                designation_code=d_code,
                org_id=org.pk,
                org_code=org.code,
                org_path=org.path,
                status="active",
                page=rng.randint(1, 3),
            )
        else:  # English surname, active only, a later page
            s = Search("english_surname+status", q=last_en.lower(), status="active", page=2)
        searches.append(s)
    return searches


def baseline_timings(searches: list[Search]) -> list[float]:
    """Milliseconds of a bare SELECT of the same page of rows (joined, ordered, LIMIT 50)."""
    from django.db import connection

    from kshamta.orgs.models import subtree_range

    timings = []
    like = "LIKE %s ESCAPE '\\'" if connection.vendor == "sqlite" else "LIKE %s"
    with connection.cursor() as cursor:
        for s in searches:
            where: list[str] = ["1 = 1"]
            params: list[Any] = []
            if s.q:
                escaped = s.q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                where.append(f"p.search_text {like}")
                params.append(f"%{escaped}%")
            if s.designation_id:
                where.append("p.designation_id = %s")
                params.append(s.designation_id)
            if s.org_path:
                low, high = subtree_range(s.org_path)
                where.append("o.path >= %s AND o.path < %s")
                params += [low, high]
            if s.status:
                where.append("p.status = %s")
                params.append(s.status)
            # The WHERE clauses are fixed strings from above; every value is a bound parameter.
            sql = SELECT_PAGE + f" WHERE {' AND '.join(where)} ORDER BY p.employee_code LIMIT {PAGE_SIZE} OFFSET %s"
            params.append((s.page - 1) * PAGE_SIZE)
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(port: int, workers: int) -> subprocess.Popen[bytes]:
    static_root = ROOT / "var" / "bench" / "staticfiles"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "STATIC_ROOT": str(static_root),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
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


def timed_requests(
    port: int, paths: list[str], headers: dict[str, str], counts: list[int] | None = None
) -> tuple[list[float], list[str]]:
    """Milliseconds per request, one at a time on a kept-alive connection; ``counts`` gets the API's totals."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    timings, errors = [], []
    for path in paths:
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            errors.append(f"{response.status} {path}: {body[:200]!r}")
        elif counts is not None:
            counts.append(int(json.loads(body)["count"]))
    conn.close()
    return timings, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    count = max(1, min(args.requests, MAX_REQUESTS))

    setup_django()
    from django.db import connection

    from kshamta.accounts.models import Profile

    people = Profile.objects.count()
    session, token = bench_credentials()
    searches = build_searches(count, args.seed)
    warmup = build_searches(10, args.seed + 1)
    baseline_timings(warmup)  # warm the database's caches as the server's warm-up requests do
    baseline = baseline_timings(searches)
    vendor = connection.vendor
    connection.close()

    port = free_port()
    server = start_gunicorn(port, args.workers)
    try:
        page_headers = {"Cookie": f"sessionid={session}", "Accept-Language": "hi"}
        api_headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        timed_requests(port, [f"/org/people/?{s.page_query()}" for s in warmup], page_headers)
        timed_requests(port, [f"/api/v1/people?{s.api_query()}" for s in warmup], api_headers)
        page, page_errors = timed_requests(port, [f"/org/people/?{s.page_query()}" for s in searches], page_headers)
        matches: list[int] = []
        api, api_errors = timed_requests(
            port, [f"/api/v1/people?{s.api_query()}" for s in searches], api_headers, matches
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    by_kind: dict[str, list[float]] = {}
    for search, ms in zip(searches, page, strict=True):
        by_kind.setdefault(search.kind, []).append(ms)
    value, base = percentile(page, 95), percentile(baseline, 95)
    print(
        json.dumps(
            {
                "name": "people_list",
                "value": round(value, 1),
                "unit": "ms",
                "baseline": round(base, 2),
                "ratio": round(value / base, 1) if base else None,
                "page_p50_ms": round(percentile(page, 50), 1),
                "page_p95_ms": round(value, 1),
                "api_p50_ms": round(percentile(api, 50), 1),
                "api_p95_ms": round(percentile(api, 95), 1),
                "select_p50_ms": round(percentile(baseline, 50), 2),
                "select_p95_ms": round(base, 2),
                "page_p50_ms_by_kind": {k: round(statistics.median(v), 1) for k, v in sorted(by_kind.items())},
                "requests_per_endpoint": len(searches),
                "matches_median": statistics.median(matches) if matches else None,
                "searches_with_no_match": sum(1 for m in matches if m == 0),
                "errors": len(page_errors) + len(api_errors),
                "first_errors": (page_errors + api_errors)[:3],
                "people": people,
                "database": vendor,
                "gunicorn_workers": args.workers,
                "cpus": os.cpu_count(),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
