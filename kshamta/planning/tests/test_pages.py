"""The planner's pages: who sees them, what they show, the author's htmx edits, the workflow
buttons, exports and imports; query counts stay flat."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kshamta.planning import actions, exporting
from kshamta.planning.models import Plan, PlanAnalysis, PlanCompetency, PlanCourse, PlanDesignation, PlanDocument
from kshamta.planning.tests.helpers import AnalysedPlanTestCase, PlanTestCase


class PlanPageTests(AnalysedPlanTestCase):
    def url(self, name: str, *args: object) -> str:
        return reverse(f"planning:{name}", args=[self.plan.pk, *args])

    def designation(self, code: str) -> PlanDesignation:
        return PlanDesignation.objects.get(plan=self.plan, designation__code=code)

    def test_the_list_shows_the_plans_of_ones_departments(self) -> None:
        for user in (self.author, self.approver, self.nodal_a, self.state_admin):
            self.client.force_login(user)
            self.assertContains(self.client.get(reverse("planning:plans")), self.url("plan"))
        self.client.force_login(self.author_b)
        page = self.client.get(reverse("planning:plans"))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, self.url("plan"))
        self.client.force_login(self.learner_a)
        self.assertEqual(self.client.get(reverse("planning:plans")).status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get(reverse("planning:plans")).status_code, 302)

    def test_list_query_count_is_flat(self) -> None:
        self.client.force_login(self.author)
        self.client.get(reverse("planning:plans"))
        with self.assertNumQueries(6):
            self.client.get(reverse("planning:plans"))
        actions.do_create_plan(org=self.dept_a, year="2027-28", acting_user=self.author)
        with self.assertNumQueries(6):
            self.client.get(reverse("planning:plans"))

    def test_the_plan_page_for_the_author(self) -> None:
        self.client.force_login(self.author)
        with self.assertNumQueries(13):
            page = self.client.get(self.url("plan"))
        self.assertContains(page, "Patwari")
        self.assertContains(page, "FUN-PROCUREMENT")
        self.assertContains(page, "Learning hours per person")
        self.assertContains(page, "कोटवार")  # the organogram's problem
        self.assertContains(page, self.url("submit"))
        self.assertContains(page, self.url("designation", self.designation("PATWARI").pk))
        self.assertNotContains(page, self.url("approve"))

    def test_the_plan_page_for_readers_and_outsiders(self) -> None:
        self.client.force_login(self.nodal_a)
        page = self.client.get(self.url("plan"))
        self.assertContains(page, "Patwari")
        self.assertNotContains(page, self.url("submit"))
        for user in (self.author_b, self.outsider, self.learner_a):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.url("plan")).status_code, 404, user)
            self.assertEqual(self.client.get(self.url("designation", self.designation("PATWARI").pk)).status_code, 404)
            self.assertEqual(self.client.get(self.url("export_pdf")).status_code, 404)
        self.client.logout()
        self.assertRedirects(
            self.client.get(self.url("plan")), f"{reverse('accounts:sign_in')}?next={self.url('plan')}",
            fetch_redirect_response=False,
        )  # fmt: skip

    def test_the_designation_page_shows_evidence_gap_and_courses(self) -> None:
        self.client.force_login(self.author)
        assistant = self.designation("ASSISTANT-GR2")
        with self.assertNumQueries(13):
            page = self.client.get(self.url("designation", assistant.pk))
        self.assertContains(page, "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।")
        self.assertContains(page, "revenue_work_allocation.docx")
        self.assertContains(page, "Tagged with")
        self.assertContains(page, 'hx-post="')
        patwari = self.designation("PATWARI")
        with self.assertNumQueries(13):
            page = self.client.get(self.url("designation", patwari.pk))
        self.assertContains(page, "2 of 5 people already certified at it")

    def test_the_author_accepts_removes_and_schedules_courses_with_htmx(self) -> None:
        line = PlanCourse.objects.filter(plan=self.plan, status=PlanCourse.Status.ACCEPTED).first()
        assert line is not None
        url = self.url("course_line", line.pk)
        self.client.force_login(self.author)
        response = self.client.post(url, {"status": "removed"}, headers={"HX-Request": "true"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'id="line-{line.pk}"')
        self.assertContains(response, "Removed")
        self.assertNotContains(response, "<html")
        response = self.client.post(
            url, {"mode": "blended", "priority": "high", "quarter": "Q1"}, headers={"HX-Request": "true"}
        )
        line.refresh_from_db()
        self.assertEqual((line.status, line.mode, line.priority, line.quarter), ("removed", "blended", "high", "Q1"))
        response = self.client.post(url, {"status": "accepted"})
        self.assertEqual(response.status_code, 302)
        line.refresh_from_db()
        self.assertEqual(line.status, "accepted")
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.post(url, {"status": "removed"}).status_code, 403)
        self.client.force_login(self.author_b)
        self.assertEqual(self.client.post(url, {"status": "removed"}).status_code, 404)

    def test_the_author_adds_a_course_found_in_the_catalogue(self) -> None:
        competency = PlanCompetency.objects.get(
            plan=self.plan, plan_designation__designation__code="PATWARI", competency__code="DOM-LANDREC"
        )
        listed = set(competency.courses.values_list("course__code", flat=True))
        self.client.force_login(self.author)
        url = self.url("add_course", competency.pk)
        results = self.client.get(url, {"q": "RTI"}, headers={"HX-Request": "true"})
        self.assertEqual(results.status_code, 200)
        self.assertNotContains(results, "<html")
        code = next(c for c in results.context["results"] if c.code not in listed).code
        self.assertContains(self.client.get(url, {"q": "RTI"}), "<html")  # without JavaScript
        response = self.client.post(url, {"course": code, "mode": "offline", "priority": "low", "quarter": "Q4"})
        self.assertEqual(response.status_code, 302)
        line = PlanCourse.objects.get(plan_competency=competency, course__code=code)
        self.assertEqual((line.status, line.mode, line.quarter), ("added", "offline", "Q4"))
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(url, {"q": "RTI"}).status_code, 403)
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(url, {"q": "RTI"}).status_code, 404)

    def test_the_required_level_can_be_changed(self) -> None:
        competency = PlanCompetency.objects.get(
            plan=self.plan, plan_designation__designation__code="PATWARI", competency__code="DOM-LANDREC"
        )
        self.client.force_login(self.author)
        self.client.post(self.url("competency_level", competency.pk), {"level": "4"})
        competency.refresh_from_db()
        self.assertEqual((competency.required_level, competency.holders), (4, 1))

    def test_workflow_buttons(self) -> None:
        self.client.force_login(self.author)
        self.client.post(self.url("submit"))
        self.assertNotContains(self.client.get(self.url("plan")), self.url("approve"))
        self.client.post(self.url("approve"))  # the author is no approver: refused, nothing changes
        self.assertEqual(Plan.objects.get(pk=self.plan.pk).status, "submitted")
        self.client.force_login(self.approver)
        page = self.client.get(self.url("plan"))
        self.assertContains(page, self.url("approve"))
        self.assertContains(page, self.url("return"))
        response = self.client.post(self.url("return"), {"comment": ""}, follow=True)
        self.assertContains(response, "needs a comment")
        self.client.post(self.url("approve"), {"comment": "Looks right."})
        self.assertEqual(Plan.objects.get(pk=self.plan.pk).status, "approved")
        self.assertContains(self.client.get(self.url("plan")), "Looks right.")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url("publish"))
        self.assertEqual(Plan.objects.get(pk=self.plan.pk).status, "published")
        self.client.force_login(self.author)
        response = self.client.post(self.url("revise"))
        revision = Plan.objects.get(org=self.dept_a, year="2026-27", version=2)
        self.assertRedirects(response, reverse("planning:plan", args=[revision.pk]), fetch_redirect_response=False)
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.post(self.url("comment"), {"text": "Hello"}).status_code, 404)

    def test_comments(self) -> None:
        self.client.force_login(self.nodal_a)
        self.client.post(self.url("comment"), {"text": "Include the e-Office course for clerks."})
        self.assertContains(self.client.get(self.url("plan")), "Include the e-Office course for clerks.")

    def test_exports(self) -> None:
        self.client.force_login(self.nodal_a)
        pdf = self.client.get(self.url("export_pdf"))
        self.assertEqual((pdf.status_code, pdf["Content-Type"]), (200, "application/pdf"))
        self.assertTrue(pdf.content.startswith(b"%PDF"))
        xlsx = self.client.get(self.url("export_xlsx"))
        self.assertEqual(xlsx.status_code, 200)
        data = json.loads(self.client.get(self.url("export_json")).content)
        self.assertEqual(data["org"], "MP-REV")
        self.client.logout()
        self.assertEqual(self.client.get(self.url("export_json")).status_code, 302)

    def test_the_import_page(self) -> None:
        self.client.force_login(self.author)
        bad = SimpleUploadedFile("lines.csv", b"designation_code,competency_code,level\nKOTWAR,DOM-LANDREC,9\n")
        response = self.client.post(self.url("import"), {"file": bad})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "KOTWAR is not a designation of this department", status_code=400)
        good = SimpleUploadedFile(
            "plan.json", json.dumps(exporting.plan_json(self.plan)).encode(), content_type="application/json"
        )
        self.assertRedirects(
            self.client.post(self.url("import"), {"file": good}), self.url("plan"), fetch_redirect_response=False
        )
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(self.url("import")).status_code, 403)


class NewPlanPageTests(PlanTestCase):
    def test_start_upload_and_analyse_through_the_pages(self) -> None:
        self.client.force_login(self.author)
        form = self.client.get(reverse("planning:plan_new"))
        self.assertEqual([o.code for o in form.context["form"].fields["org"].queryset], ["MP-REV"])
        response = self.client.post(
            reverse("planning:plan_new"), {"org": self.dept_a.pk, "year": "2026-27", "language": "en"}
        )
        plan = Plan.objects.get(org=self.dept_a)
        documents = reverse("planning:documents", args=[plan.pk])
        self.assertRedirects(response, documents, fetch_redirect_response=False)
        again = self.client.post(
            reverse("planning:plan_new"), {"org": self.dept_a.pk, "year": "2026-27", "language": "en"}
        )
        self.assertContains(again, "already has a plan for 2026-27", status_code=400)
        bad_year = self.client.post(
            reverse("planning:plan_new"), {"org": self.dept_a.pk, "year": "2026-28", "language": "en"}
        )
        self.assertContains(bad_year, "2026-27", status_code=400)

        wrong = SimpleUploadedFile("organogram.docx", b"PK")
        response = self.client.post(documents, {"kind": "organogram", "file": wrong})
        self.assertContains(response, "must be a spreadsheet", status_code=400)
        organogram = SimpleUploadedFile("organogram.csv", "पदनाम,समूह\nपटवारी,ग\nकोटवार,घ\n".encode())
        self.client.post(documents, {"kind": "organogram", "file": organogram})
        duties = SimpleUploadedFile("duties.txt", "कर्तव्य — पटवारी\n- खसरा एवं नक्शे का अद्यतन करना।\n".encode())
        self.client.post(documents, {"kind": "work_allocation", "file": duties})
        page = self.client.get(documents)
        self.assertContains(page, "कोटवार")
        self.assertContains(page, "duties.txt")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("planning:analyse", args=[plan.pk]))
        self.assertEqual(PlanAnalysis.objects.get(plan=plan).status, "done")
        status = self.client.get(reverse("planning:analysis_progress", args=[plan.pk]))
        self.assertContains(status, "Done")
        self.assertNotContains(status, "hx-trigger")
        self.assertEqual(list(plan.designations.values_list("designation__code", flat=True)), ["PATWARI"])

        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(reverse("planning:plan_new")).status_code, 404)
        self.assertEqual(self.client.post(documents, {"kind": "organogram", "file": organogram}).status_code, 403)
        self.assertEqual(self.client.post(reverse("planning:analyse", args=[plan.pk])).status_code, 403)
        self.client.force_login(self.author_b)
        self.assertEqual(self.client.get(documents).status_code, 404)
        self.assertEqual(self.client.get(reverse("planning:analysis_progress", args=[plan.pk])).status_code, 404)
        document = PlanDocument.objects.filter(plan=plan).first()
        assert document is not None
        self.assertEqual(
            self.client.get(reverse("planning:document_file", args=[plan.pk, document.pk])).status_code, 404
        )
        self.assertEqual(
            self.client.post(reverse("planning:document_delete", args=[plan.pk, document.pk])).status_code, 404
        )
