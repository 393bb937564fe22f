from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k, None) for k in ["
    "'SESSION_COOKIE_SECURE','CSRF_COOKIE_SECURE','SECURE_HSTS_SECONDS','SECURE_SSL_REDIRECT',"
    "'SESSION_COOKIE_HTTPONLY','DEBUG']}))"
)


def load_settings(**env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "KSHAMTA_PRODUCTION", "SECRET_KEY"}}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode:
        return {"error": result.stderr}
    return json.loads(result.stdout.strip().splitlines()[-1])


class ProductionSettingsTests(SimpleTestCase):
    def test_production_turns_on_secure_cookies_hsts_and_https(self) -> None:
        values = load_settings(KSHAMTA_PRODUCTION="1", SECRET_KEY="x" * 50)
        self.assertEqual(values["SESSION_COOKIE_SECURE"], True, values)
        self.assertEqual(values["CSRF_COOKIE_SECURE"], True)
        self.assertEqual(values["SECURE_HSTS_SECONDS"], 31536000)
        self.assertEqual(values["SECURE_SSL_REDIRECT"], True)
        self.assertEqual(values["DEBUG"], False)

    def test_production_without_a_secret_key_refuses_to_start(self) -> None:
        values = load_settings(KSHAMTA_PRODUCTION="1")
        self.assertIn("SECRET_KEY must be set", str(values.get("error")))

    def test_a_bad_boolean_fails_loudly(self) -> None:
        values = load_settings(DEBUG="perhaps")
        self.assertIn("DEBUG='perhaps' is not a boolean", str(values.get("error")))
