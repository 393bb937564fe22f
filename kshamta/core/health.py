"""What /healthz checks: the database answers, migrations are applied, a job worker is alive."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from kshamta.core.models import WorkerHeartbeat


def check_database() -> dict[str, Any]:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": True, "vendor": connections[DEFAULT_DB_ALIAS].vendor}


def check_migrations() -> dict[str, Any]:
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": not pending, "pending": len(pending)}


def check_worker() -> dict[str, Any]:
    try:
        newest = WorkerHeartbeat.objects.order_by("-last_seen").first()
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.ready().count()
    except Exception as exc:
        return {"ok": False, "error": str(exc)[:200]}
    if newest is None:
        return {"ok": False, "error": "no worker has reported", "queued": waiting}
    age = (timezone.now() - newest.last_seen).total_seconds()
    stale = datetime.timedelta(seconds=settings.KSHAMTA_WORKER_STALE_SECONDS).total_seconds()
    alive = WorkerHeartbeat.objects.filter(last_seen__gt=timezone.now() - datetime.timedelta(seconds=stale)).count()
    return {"ok": age <= stale, "last_seen_seconds_ago": round(age, 1), "workers": alive, "queued": waiting}


def report() -> dict[str, Any]:
    database = check_database()
    checks = {"database": database}
    if database["ok"]:
        checks["migrations"] = check_migrations()
        checks["worker"] = check_worker()
    return {"ok": all(c["ok"] for c in checks.values()), "checks": checks}
