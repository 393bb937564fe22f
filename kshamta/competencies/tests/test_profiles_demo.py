"""The demo designation profiles: loaded with the actions, reused, and loaded once."""

from __future__ import annotations

import re

from kshamta.competencies.demo import PROFILES, load_profiles_demo
from kshamta.competencies.models import ActivityCompetency, ProfileActivity, ProfileRole
from kshamta.competencies.profiles import required_competencies
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.orgs.models import Designation

DEVANAGARI = re.compile(r"[\u0900-\u097f]")


class ProfilesDemoTest(CastTestCase):
    def test_loads_bilingual_profiles_once(self) -> None:
        counts = load_profiles_demo()

        self.assertEqual(counts["profiles"], len(PROFILES) + 1)  # and the Revenue Inspector's copy
        self.assertEqual(counts["roles"], ProfileRole.objects.count())
        self.assertEqual(counts["activities"], ProfileActivity.objects.count())
        self.assertEqual(counts["competencies"], ActivityCompetency.objects.count())
        for role in ProfileRole.objects.all():
            self.assertRegex(role.title_hi, DEVANAGARI)
        for activity in ProfileActivity.objects.all():
            self.assertTrue(activity.text_en)
            self.assertRegex(activity.text_hi, DEVANAGARI)
        patwari = {c.code: level for c, level in required_competencies(self.patwari).items()}
        self.assertEqual(patwari["DOM-LANDREC"], 3)
        self.assertEqual(patwari["BEH-CITIZEN"], 3)
        nurse = {c.code: level for c, level in required_competencies(self.nurse).items()}
        self.assertEqual(nurse["DOM-PUBHEALTH"], 3)
        inspector = Designation.objects.get(code="REVENUE-INSPECTOR")
        inspector_levels = {c.code: level for c, level in required_competencies(inspector).items()}
        self.assertEqual(inspector_levels["DOM-LANDREC"], 4)  # the Patwari's 3, raised by the added role
        self.assertEqual(inspector_levels["BEH-CITIZEN"], 3)  # copied from the Patwari's
        self.assertTrue(AuditEvent.objects.filter(action="profile.copy", after__copied_from="PATWARI").exists())
        clerk = Designation.objects.get(code="ASSISTANT-GR2")
        self.assertEqual(clerk.org, self.state)  # one profile for every department

        events = AuditEvent.objects.count()
        self.assertEqual(load_profiles_demo(), {})
        self.assertEqual(AuditEvent.objects.count(), events)
