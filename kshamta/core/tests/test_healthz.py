from __future__ import annotations

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from kshamta.core.models import WorkerHeartbeat
from kshamta.notifications.actions import queue_message
from kshamta.notifications.models import Message

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


class HealthzTests(TestCase):
    def test_reports_database_migrations_and_a_missing_worker(self) -> None:
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertTrue(body["checks"]["database"]["ok"])
        self.assertTrue(body["checks"]["migrations"]["ok"])
        self.assertEqual(body["checks"]["migrations"]["pending"], 0)
        self.assertFalse(body["checks"]["worker"]["ok"])
        self.assertFalse(body["ok"])

    def test_healthy_with_a_recent_heartbeat_and_unhealthy_when_it_is_stale(self) -> None:
        now = timezone.now()
        beat = WorkerHeartbeat.objects.create(worker_id="w1", started_at=now, last_seen=now)
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertTrue(response.json()["ok"])
        beat.last_seen = now - datetime.timedelta(minutes=5)
        beat.save()
        self.assertEqual(self.client.get("/healthz").status_code, 503)


@override_settings(TASKS=DB_TASKS)
class RealWorkerTests(TransactionTestCase):
    """Jobs go through the database queue and a real worker process loop, as in production."""

    def test_queued_message_is_delivered_by_the_worker(self) -> None:
        mail.outbox.clear()
        message = queue_message(channel="email", to="sita@mp.gov.in", subject="Hello", body="नमस्ते", kind="test")
        from django_tasks_db.models import DBTaskResult

        self.assertEqual(DBTaskResult.objects.ready().count(), 1)
        self.assertEqual(len(mail.outbox), 0)
        call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
        message.refresh_from_db()
        self.assertEqual(message.status, Message.Status.SENT)
        self.assertEqual(mail.outbox[-1].body, "नमस्ते")
        self.assertEqual(DBTaskResult.objects.ready().count(), 0)
        # A worker that stopped removes its heartbeat.
        self.assertFalse(WorkerHeartbeat.objects.exists())
