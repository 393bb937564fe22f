"""Test settings: the real settings with jobs run inline and messages kept in memory."""

import os

os.environ.setdefault("KSHAMTA_TESTING", "1")

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_DELIVERY = "memory"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# Database sessions whatever REDIS_URL says, so query counts asserted in tests are the same
# on every run (the Redis-backed cached_db engine saves a query).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
