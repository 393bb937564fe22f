from __future__ import annotations

import shutil
import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from kshamta.accounts.models import ProfileChangeRequest, RegistrationRequest, StateAdminRequest
from kshamta.onboarding.models import ImportJob, ImportRowError


class OnboardingDemoTests(TestCase):
    """`make run` shows every onboarding page with something on it."""

    def setUp(self) -> None:
        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)

    def test_seed_demo_adds_imports_registrations_and_requests_once(self) -> None:
        call_command("seed_demo", "--quiet", stdout=StringIO(), stderr=StringIO())
        applied = ImportJob.objects.get(status=ImportJob.Status.DONE)
        self.assertEqual(
            (applied.rows, applied.created + applied.updated + applied.unchanged, applied.rejected), (36, 33, 3)
        )
        self.assertEqual(ImportRowError.objects.filter(job=applied).count(), 3)
        waiting = ImportJob.objects.get(status=ImportJob.Status.VALIDATED)
        self.assertEqual((waiting.rows, waiting.rejected), (24, 1))
        self.assertEqual(RegistrationRequest.objects.filter(status="pending").count(), 3)
        self.assertTrue(StateAdminRequest.objects.filter(status="pending").exists())
        self.assertEqual(ProfileChangeRequest.objects.filter(status="pending").count(), 1)

        out = StringIO()
        call_command("seed_demo", "--quiet", stdout=out, stderr=StringIO())
        self.assertIn("already loaded", out.getvalue())
        self.assertEqual(ImportJob.objects.count(), 2)
        self.assertEqual(RegistrationRequest.objects.count(), 3)
