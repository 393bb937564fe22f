"""The background-job worker: django-tasks-db's ``db_worker`` plus a heartbeat for /healthz."""

from __future__ import annotations

import socket
import threading
from typing import Any

from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from kshamta.core.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 15


def beat(worker_id: str, started_at: Any) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname()[:255], "started_at": started_at, "last_seen": timezone.now()},
    )


class Command(DbWorkerCommand):
    help = "Run a background-job worker that reports its heartbeat to /healthz."

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options["worker_id"]
        started_at = timezone.now()
        stop = threading.Event()
        beat(worker_id, started_at)

        def heartbeat_loop() -> None:
            while not stop.wait(HEARTBEAT_SECONDS):
                try:
                    close_old_connections()
                    beat(worker_id, started_at)
                except OperationalError:
                    continue  # SQLite busy: the next beat will do
            connection.close()

        thread = threading.Thread(target=heartbeat_loop, name="worker-heartbeat", daemon=True)
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
