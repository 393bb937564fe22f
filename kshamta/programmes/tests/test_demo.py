from __future__ import annotations

import shutil
import tempfile

from django.test import TestCase, override_settings

from kshamta.orgs.demo import load_demo
from kshamta.programmes.demo import PROGRAMME_CODE, load_programmes_demo
from kshamta.programmes.models import Attendance, Batch, Nomination, Session


class ProgrammesDemoTests(TestCase):
    """`make run` shows every programme page with something on it."""

    def setUp(self) -> None:
        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)

    def test_the_demo_has_batches_sessions_attendance_and_nominations_in_every_state_once(self) -> None:
        self.assertEqual(load_programmes_demo(), {})  # no demo state yet: nothing to build on
        load_demo()
        result = load_programmes_demo()
        self.assertEqual((result["programme"], result["batches"]), (PROGRAMME_CODE, 4))
        batches = list(Batch.objects.filter(programme__code=PROGRAMME_CODE).order_by("starts_on"))
        for batch in batches:
            seated = batch.nominations.filter(status="approved").count()
            self.assertLessEqual(seated, batch.seat_limit)
            self.assertEqual(batch.sessions.count(), 4)
        self.assertTrue(Session.objects.filter(batch__in=batches).exclude(vc_link="").exists())
        statuses = set(Nomination.objects.filter(batch__in=batches).values_list("status", flat=True))
        self.assertEqual(statuses, {s.value for s in Nomination.Status})
        self.assertTrue(Attendance.objects.filter(session__batch=batches[0]).exists())
        self.assertGreater(result["completed"], 0)
        self.assertTrue(Nomination.objects.filter(user__email="learner@mp.gov.in", batch__in=batches).exists())
        count = Nomination.objects.count()
        self.assertEqual(load_programmes_demo(), {})
        self.assertEqual(Nomination.objects.count(), count)
