"""The planner's demo: a published Revenue plan and a Health draft, drawn from the sample documents."""

from __future__ import annotations

import shutil
import tempfile

from django.test import TestCase, override_settings

from kshamta.catalog.generate import generate_catalogue
from kshamta.competencies.actions import do_load_default_framework
from kshamta.learning.models import AssignmentRule
from kshamta.orgs.demo import load_demo
from kshamta.planning.demo import load_planning_demo
from kshamta.planning.models import IN_PLAN, Plan, PlanCourse


class PlanningDemoTests(TestCase):
    def setUp(self) -> None:
        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)

    def test_a_published_revenue_plan_and_a_health_draft_once(self) -> None:
        self.assertEqual(load_planning_demo(), {})  # no demo state yet: nothing to build on
        load_demo()
        do_load_default_framework(acting_user=None)
        generate_catalogue(120, seed=3, code_prefix="DEMO")
        with self.captureOnCommitCallbacks(execute=True):
            result = load_planning_demo()
        self.assertEqual(set(result), {"revenue", "health"})
        revenue = Plan.objects.select_related("created_by", "approved_by").get(org__code="MP-REV", year="2026-27")
        self.assertEqual(revenue.status, Plan.Status.PUBLISHED)
        self.assertEqual(revenue.created_by.email, "cbp.author@mp.gov.in")  # type: ignore[union-attr]
        self.assertEqual(revenue.approved_by.email, "cbp.approver@mp.gov.in")  # type: ignore[union-attr]
        self.assertEqual(revenue.designations.count(), 12)
        self.assertEqual(revenue.documents.count(), 4)
        organogram = revenue.documents.get(kind="organogram")
        self.assertEqual([p["value"] for p in organogram.problems], ["कोटवार"])
        self.assertTrue(
            PlanCourse.objects.filter(plan=revenue, status__in=IN_PLAN, mode=PlanCourse.Mode.BLENDED).exists()
        )
        self.assertTrue(AssignmentRule.objects.filter(source_type="cbp", source_id=revenue.pk, is_active=True).exists())
        health = Plan.objects.get(org__code="MP-HLT", year="2026-27")
        self.assertEqual(health.status, Plan.Status.DRAFT)
        self.assertGreater(health.designations.count(), 3)
        self.assertEqual(load_planning_demo(), {})
        self.assertEqual(Plan.objects.count(), 2)
