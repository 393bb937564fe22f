from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from django.core import mail
from django.test import TestCase, override_settings

from kshamta.notifications.actions import queue_message
from kshamta.notifications.models import Message


class _Gateway(BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []
    status = 200

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        _Gateway.received.append(
            {"body": json.loads(self.rfile.read(length)), "auth": self.headers.get("Authorization")}
        )
        self.send_response(_Gateway.status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return


class DeliveryTests(TestCase):
    def deliver(self, **kwargs: Any) -> Message:
        with self.captureOnCommitCallbacks(execute=True):
            message = queue_message(**kwargs)
        message.refresh_from_db()
        return message

    def test_email_is_sent_and_sensitive_body_redacted(self) -> None:
        message = self.deliver(
            channel="email", to="a@mp.gov.in", subject="S", body="123456 code", kind="otp", sensitive=True
        )
        self.assertEqual(message.status, Message.Status.SENT)
        self.assertEqual(mail.outbox[-1].body, "123456 code")
        self.assertNotIn("123456", message.body)

    def test_http_sms_gateway_receives_json_with_token(self) -> None:
        server = HTTPServer(("127.0.0.1", 0), _Gateway)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        _Gateway.received.clear()
        _Gateway.status = 200
        try:
            url = f"http://127.0.0.1:{server.server_port}/send"
            with override_settings(SMS_DELIVERY="http", SMS_HTTP_URL=url, SMS_HTTP_TOKEN="t0k"):
                message = self.deliver(channel="sms", to="9876543210", subject="", body="नमस्ते", kind="test")
                self.assertEqual(message.status, Message.Status.SENT)
                self.assertEqual(_Gateway.received[-1]["body"]["to"], "+919876543210")
                self.assertEqual(_Gateway.received[-1]["body"]["message"], "नमस्ते")
                self.assertEqual(_Gateway.received[-1]["auth"], "Bearer t0k")
                _Gateway.status = 500
                failed = self.deliver(channel="sms", to="9876543210", subject="", body="x", kind="test")
        finally:
            server.shutdown()
        # A failed delivery stays queued for a retry, with the reason kept.
        self.assertEqual(failed.status, Message.Status.QUEUED)
        self.assertEqual(failed.attempts, 1)
        self.assertIn("500", failed.error)

    def test_unreachable_gateway_is_recorded_not_raised(self) -> None:
        with override_settings(SMS_DELIVERY="http", SMS_HTTP_URL="http://127.0.0.1:9/none"):
            message = self.deliver(channel="sms", to="9876543210", subject="", body="x", kind="test")
        self.assertEqual(message.status, Message.Status.QUEUED)
        self.assertIn("unreachable", message.error)
