"""Pieces the benchmark scripts share. Import after ``django.setup()`` where Django is used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kshamta.accounts.models import User

BENCH_ADMIN = "bench.admin@mp.gov.in"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench_admin() -> User:
    """A state admin over the generated state, made once for the benchmarks."""
    from kshamta.accounts import actions
    from kshamta.accounts.models import Role, User
    from kshamta.orgs.generate import state_root

    root = state_root()
    if root is None:
        raise SystemExit("No state in this database: run bench/generate_state.py first (same DATABASE_URL).")
    user = User.objects.filter(email=BENCH_ADMIN).first()
    if user is None:
        user = actions.do_create_person(
            employee_code="BENCH-ADMIN",
            name_en="Benchmark Admin",
            name_hi="बेंचमार्क प्रशासक",
            org=root,
            email=BENCH_ADMIN,
            acting_user=None,
        ).user
    actions.do_grant_role(user=user, role=Role.STATE_ADMIN, org=root, acting_user=None)
    return user
