"""Benchmark: the coverage page and API for the state root of a generated state (lakhs of people).

Run bench/generate_state.py first (same DATABASE_URL): this script reads that state. It signs a
state admin in and requests, one at a time and in-process through Django's test Client (no network,
no server), the coverage page /coverage/<state>/ and the API /api/v1/coverage?org=<state code>,
``--requests`` times each after a few warm-up requests.

Prints one JSON line: {"name", "value" (p95 ms of the page), "unit", "baseline" (p95 ms of a bare
``SELECT org_id, COUNT(*) FROM accounts_profile GROUP BY org_id`` through a database cursor),
"ratio", "page_p50_ms", "api_p50_ms", "api_p95_ms", "compute_p50_ms" (the three coverage queries
and the roll-up alone), ...}.

    .venv/bin/python bench/coverage.py
    DATABASE_URL=sqlite:////tmp/cov.sqlite3 .venv/bin/python bench/coverage.py --requests 50
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchlib import bench_admin, percentile  # noqa: E402

DEFAULT_SQLITE = ROOT / "var" / "bench" / "state.sqlite3"
BASELINE_SQL = "SELECT org_id, COUNT(*) FROM accounts_profile GROUP BY org_id"
MAX_REQUESTS = 1000


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"  # no query log: it would grow with every request and slow them
    # Pages name hashed static files (manifest storage): collect them once, away from the tree.
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="kshamta-bench-static-"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)


def timed(call: Callable[[], object], count: int) -> list[float]:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50, help="requests per endpoint (default 50)")
    args = parser.parse_args()
    count = max(1, min(args.requests, MAX_REQUESTS))

    setup_django()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from kshamta.accounts.models import Profile
    from kshamta.analytics.coverage import compute_coverage
    from kshamta.orgs.generate import state_root
    from kshamta.orgs.models import Organisation

    user = bench_admin()
    root = state_root()
    assert root is not None
    client = Client()
    client.force_login(user)
    page_url = reverse("analytics:coverage_org", args=[root.pk])
    api_url = f"/api/v1/coverage?org={root.code}"

    def get(url: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(url, headers={"Accept-Language": "hi"})
            if response.status_code != 200:
                raise SystemExit(f"{response.status_code} from {url}: {response.content[:200]!r}")
            return response

        return call

    def baseline_query() -> object:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_SQL)
            return cursor.fetchall()

    for warm in (baseline_query, get(page_url), get(api_url)):
        timed(warm, 3)
    baseline = timed(baseline_query, count)
    compute = timed(lambda: compute_coverage([root]), count)
    page = timed(get(page_url), count)
    api = timed(get(api_url), count)
    total = compute_coverage([root]).roots[0].total

    value, base = percentile(page, 95), percentile(baseline, 95)
    print(
        json.dumps(
            {
                "name": "coverage_state_page",
                "value": round(value, 1),
                "unit": "ms",
                "baseline": round(base, 1),
                "ratio": round(value / base, 2) if base else None,
                "page_p50_ms": round(percentile(page, 50), 1),
                "page_p95_ms": round(value, 1),
                "api_p50_ms": round(percentile(api, 50), 1),
                "api_p95_ms": round(percentile(api, 95), 1),
                "compute_p50_ms": round(percentile(compute, 50), 1),
                "compute_p95_ms": round(percentile(compute, 95), 1),
                "select_p50_ms": round(percentile(baseline, 50), 1),
                "select_p95_ms": round(base, 1),
                "requests_per_endpoint": count,
                "people": Profile.objects.count(),
                "organisations": Organisation.objects.count(),
                "onboarded": total.onboarded,
                "sanctioned": total.sanctioned,
                "database": connection.vendor,
                "client": "django.test.Client, in-process",
                "cpus": os.cpu_count(),
                "load_average_1m": round(os.getloadavg()[0], 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
