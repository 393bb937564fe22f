"""The needs analysis end to end on the demo's Revenue documents: designations, statements mapped to
competencies with their evidence, levels, the gap against passports, recommended courses and totals."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kshamta.competencies import actions as competency_actions
from kshamta.competencies.models import Competency
from kshamta.planning import actions
from kshamta.planning.models import (
    IN_PLAN,
    PlanAnalysis,
    PlanCompetency,
    PlanCourse,
    PlanDesignation,
    PlanDocument,
    Statement,
)
from kshamta.planning.tests.helpers import AnalysedPlanTestCase, PlanTestCase
from kshamta.planning.totals import plan_figures

PROCUREMENT_HI = "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।"
PROCUREMENT_EN = "Evaluation of bids and issue of supply orders for stationery and computer consumables."


class AnalysisTests(AnalysedPlanTestCase):
    def competency(self, designation: str, code: str) -> PlanCompetency:
        return PlanCompetency.objects.select_related("plan_designation").get(
            plan=self.plan, plan_designation__designation__code=designation, competency__code=code
        )

    def test_the_analysis_finishes_and_keeps_the_organogram_order(self) -> None:
        analysis = PlanAnalysis.objects.get(plan=self.plan)
        self.assertEqual(analysis.status, PlanAnalysis.Status.DONE)
        codes = list(PlanDesignation.objects.filter(plan=self.plan).values_list("designation__code", flat=True))
        self.assertEqual(codes[:3], ["COLLECTOR", "DEPUTY-COLLECTOR", "TEHSILDAR"])
        self.assertEqual(len(codes), 12)
        patwari = PlanDesignation.objects.get(plan=self.plan, designation__code="PATWARI")
        self.assertEqual((patwari.group, patwari.sanctioned_posts), ("C", 19000))
        self.assertEqual(patwari.people_count, 5)  # learner_a and the four test Patwaris
        # nodal_a, the CBP author and approver (Tehsildars), learner_a and four Patwaris.
        self.assertEqual(self.plan.people_in_org, 8)

    def test_the_unknown_designation_is_a_problem_of_the_organogram(self) -> None:
        organogram = self.plan.documents.get(kind=PlanDocument.Kind.ORGANOGRAM)
        self.assertEqual([p["value"] for p in organogram.problems], ["कोटवार"])

    def test_the_procurement_statements_map_to_public_procurement_in_both_languages(self) -> None:
        for text in (PROCUREMENT_HI, PROCUREMENT_EN):
            statement = Statement.objects.get(plan=self.plan, text=text)
            self.assertEqual(statement.competencies[0]["code"], "FUN-PROCUREMENT", text)
            self.assertEqual(statement.kind, Statement.Kind.DUTY)
        hindi = Statement.objects.select_related("designation__designation", "document").get(
            plan=self.plan, text=PROCUREMENT_HI
        )
        assert hindi.designation is not None
        self.assertEqual(hindi.designation.designation.code, "ASSISTANT-GR2")
        self.assertEqual(hindi.document.kind, PlanDocument.Kind.WORK_ALLOCATION)
        english = Statement.objects.get(plan=self.plan, text=PROCUREMENT_EN)
        self.assertIsNone(english.designation)
        self.assertEqual(english.wing, "Establishment and Stores / स्थापना एवं भंडार शाखा")

    def test_each_competency_carries_its_evidence_document_page_and_sentence(self) -> None:
        procurement = self.competency("ASSISTANT-GR2", "FUN-PROCUREMENT")
        evidence = list(Statement.objects.filter(pk__in=procurement.evidence).select_related("document"))
        self.assertIn(PROCUREMENT_HI, [s.text for s in evidence])
        self.assertIn(PROCUREMENT_EN, [s.text for s in evidence])  # from the wing's section
        for statement in evidence:
            self.assertEqual(statement.document.original_name, "revenue_work_allocation.docx")
            self.assertGreaterEqual(statement.page, 2)
        self.assertEqual(procurement.evidence_count, len(procurement.evidence))
        # The wing's procurement duty also reaches the other designation of the wing.
        self.assertIn(PROCUREMENT_EN, Statement.objects.filter(
            pk__in=self.competency("OFFICE-SUPERINTENDENT", "FUN-PROCUREMENT").evidence
        ).values_list("text", flat=True))  # fmt: skip

    def test_levels_follow_the_group_and_grow_with_the_evidence(self) -> None:
        rti = self.competency("OFFICE-SUPERINTENDENT", "FUN-RTI")
        self.assertEqual(rti.required_level, 2)  # group C
        land_records = self.competency("PATWARI", "DOM-LANDREC")
        self.assertGreaterEqual(land_records.evidence_count, 4)
        self.assertEqual(land_records.required_level, 3)  # group C, bumped for its many own statements
        officer = PlanCompetency.objects.filter(plan=self.plan, plan_designation__designation__code="COLLECTOR")
        self.assertTrue(all(c.required_level >= 4 for c in officer))  # group A

    def test_the_gap_counts_people_without_a_valid_certificate_at_the_level(self) -> None:
        land_records = self.competency("PATWARI", "DOM-LANDREC")
        # Level 3 and 4 count; level 1 does not, nor a revoked certificate, nor learner_a (none).
        self.assertEqual(land_records.holders, 2)
        self.assertEqual(land_records.gap(land_records.plan_designation.people_count), 3)

    def test_every_gap_has_ranked_courses_with_reasons_and_the_first_is_proposed(self) -> None:
        for competency in PlanCompetency.objects.filter(plan=self.plan).select_related("plan_designation"):
            lines = list(competency.courses.order_by("position"))
            self.assertTrue(lines, competency)
            self.assertLessEqual(len(lines), 5)
            accepted = [line for line in lines if line.status == PlanCourse.Status.ACCEPTED]
            self.assertEqual(len(accepted), 1, competency)
            self.assertTrue(all(line.reasons for line in lines))
            # The best-ranked course of at most a working week is proposed; a longer one only stays first
            # when no shorter one was found.
            short = [line for line in lines if line.course.duration_minutes <= 40 * 60]
            self.assertEqual(accepted[0], short[0] if short else lines[0])
        procurement = self.competency("ASSISTANT-GR2", "FUN-PROCUREMENT").courses.order_by("position").first()
        assert procurement is not None
        self.assertIn("FUN-PROCUREMENT", procurement.course.competency_codes)
        self.assertTrue(any("Tagged with" in reason for reason in procurement.reasons))

    def test_annual_report_and_acts_give_schemes_acts_and_department_wide_themes(self) -> None:
        labels = set(Statement.objects.filter(plan=self.plan).exclude(label="").values_list("label", flat=True))
        self.assertIn("SVAMITVA scheme", labels)
        self.assertIn("Right to Information Act, 2005", labels)
        self.assertIn("Madhya Pradesh Land Revenue Code, 1959", labels)
        kinds = set(Statement.objects.filter(plan=self.plan).values_list("kind", flat=True))
        self.assertEqual(kinds, {"duty", "scheme", "theme", "act"})
        report = Statement.objects.filter(plan=self.plan, document__kind=PlanDocument.Kind.ANNUAL_REPORT)
        self.assertTrue(report.filter(designation__isnull=True, wing="").exists())  # the whole department

    def test_totals(self) -> None:
        totals, figures = plan_figures(self.plan)
        self.assertEqual(totals.designations, 12)
        self.assertEqual(totals.designations_planned, 12)
        self.assertEqual(totals.people_in_org, 8)
        people = sum(PlanDesignation.objects.filter(plan=self.plan).values_list("people_count", flat=True))
        self.assertEqual(people, 8)
        self.assertEqual(totals.people_covered, 8)
        self.assertEqual(totals.share_covered, 1.0)
        patwari = PlanDesignation.objects.get(plan=self.plan, designation__code="PATWARI")
        minutes = {
            line.course_id: line.course.duration_minutes
            for line in PlanCourse.objects.filter(
                plan=self.plan, plan_competency__plan_designation=patwari, status__in=IN_PLAN
            ).select_related("course")
        }
        self.assertEqual(figures[patwari.pk].hours_per_person, round(sum(minutes.values()) / 60, 1))
        self.assertGreater(totals.learning_hours_per_person, 0)


class AnalysisRunTests(AnalysedPlanTestCase):
    def test_one_run_at_a_time_and_a_lost_run_can_be_replaced(self) -> None:
        first = actions.do_start_analysis(self.plan, acting_user=self.author, enqueue=False)
        with self.assertRaisesMessage(actions.PlanError, "already running"):
            actions.do_start_analysis(self.plan, acting_user=self.author, enqueue=False)
        PlanAnalysis.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(hours=3))
        second = actions.do_start_analysis(self.plan, acting_user=self.author, enqueue=False)
        first.refresh_from_db()
        self.assertEqual(first.status, PlanAnalysis.Status.FAILED)
        self.assertEqual(second.status, PlanAnalysis.Status.QUEUED)
        with self.assertRaisesMessage(actions.PlanError, "Only a CBP author"):
            actions.do_start_analysis(self.plan, acting_user=self.nodal_a, enqueue=False)


class DesignationProfileTests(PlanTestCase):
    def test_the_frac_profile_adds_its_competencies_and_sets_their_levels(self) -> None:
        role = competency_actions.do_add_profile_role(self.patwari, title_en="Village records", acting_user=None)
        activity = competency_actions.do_add_profile_activity(
            role, text_en="Hearing villagers' complaints about records", acting_user=None
        )
        for code, level in (("FUN-GRIEVANCE", 3), ("DOM-LANDREC", 4)):
            competency = Competency.objects.get(framework__is_active=True, code=code)
            competency_actions.do_set_activity_competency(activity, competency, level, acting_user=None)
        plan = self.analysed_plan()
        by_code = {
            c.competency.code: c
            for c in PlanCompetency.objects.filter(
                plan=plan, plan_designation__designation=self.patwari
            ).select_related("competency")
        }
        self.assertEqual((by_code["FUN-GRIEVANCE"].required_level, by_code["FUN-GRIEVANCE"].from_profile), (3, True))
        land_records = by_code["DOM-LANDREC"]
        self.assertEqual((land_records.required_level, land_records.from_profile), (4, True))
        self.assertGreater(land_records.evidence_count, 0)  # the documents' evidence is kept with it
