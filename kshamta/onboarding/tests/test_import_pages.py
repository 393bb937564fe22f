from __future__ import annotations

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.accounts.models import Profile
from kshamta.onboarding.actions import do_create_import_job
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import csv_text, person
from kshamta.onboarding.tests.pages import ImportPageTestCase

GOOD_AND_BAD = csv_text(
    [
        person("R2001"),
        person("R2002", designation="Tehsildar", group="B"),
        person("R2003", mobile="12345"),
        person("R2004"),
    ]
)


class ImportFlowPageTests(ImportPageTestCase):
    def test_upload_check_confirm_apply_through_the_pages(self) -> None:
        self.client.force_login(self.nodal_a)
        form_page = self.client.get(self.new_url)
        self.assertEqual(form_page.status_code, 200)
        self.assertEqual({o.code for o in form_page.context["form"].fields["org"].queryset}, {"MP-REV", "MP-REV-BPL"})
        self.assertContains(form_page, 'enctype="multipart/form-data"')

        job = self.uploaded_job(self.upload(GOOD_AND_BAD, "hrms-bhopal.csv"))
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)
        self.assertEqual(job.created_by, self.nodal_a)
        self.assertEqual((job.rows, job.created, job.rejected), (4, 3, 1))
        self.assertFalse(Profile.objects.filter(employee_code="R2001").exists())

        page = self.client.get(reverse("onboarding:import", args=[job.pk]))
        self.assertContains(page, "hrms-bhopal.csv")
        self.assertContains(page, "Will be created")
        self.assertContains(page, "Confirm and apply")
        self.assertContains(page, "12345 is not a valid Indian mobile number")
        self.assertContains(page, '<td class="num">4</td>', html=False)
        self.assertContains(page, reverse("onboarding:import_errors", args=[job.pk]))
        self.assertNotContains(page, "hx-trigger")  # nothing runs, so nothing polls

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("onboarding:import_confirm", args=[job.pk]))
        self.assertRedirects(response, reverse("onboarding:import", args=[job.pk]))
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.DONE)
        self.assertEqual(job.counts(), {"rows": 4, "created": 3, "updated": 0, "unchanged": 0, "rejected": 1})
        self.assertEqual(
            set(Profile.objects.filter(employee_code__startswith="R200").values_list("employee_code", flat=True)),
            {"R2001", "R2002", "R2004"},
        )

        page = self.client.get(reverse("onboarding:import", args=[job.pk]))
        self.assertContains(page, "The import is finished.")
        self.assertContains(page, '<progress id="import-progress-bar" max="100" value="100">')
        self.assertNotContains(page, "Confirm and apply")
        self.assertNotContains(page, "Will be created")
        self.assertContains(page, "Download error file")

        # A second confirmation changes nothing and says why.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("onboarding:import_confirm", args=[job.pk]), follow=True)
        self.assertContains(response, "Only a checked import that has not started can be applied.")
        self.assertEqual(Profile.objects.filter(employee_code__startswith="R200").count(), 3)

        listing = self.client.get(self.list_url)
        self.assertContains(listing, "hrms-bhopal.csv")
        self.assertContains(listing, "Ramesh Kumar")  # who uploaded it

    def test_dry_run_offers_no_confirmation(self) -> None:
        job = self.uploaded_job(self.upload(GOOD_AND_BAD, as_user=self.nodal_a, dry_run="on"))
        self.assertTrue(job.dry_run)
        page = self.client.get(reverse("onboarding:import", args=[job.pk]))
        self.assertContains(page, "The check is finished. Nothing was changed.")
        self.assertNotContains(page, "Confirm and apply")
        response = self.client.post(reverse("onboarding:import_confirm", args=[job.pk]), follow=True)
        self.assertContains(response, "This import was a check only.")
        self.assertFalse(Profile.objects.filter(employee_code="R2001").exists())

    def test_create_designations_box_reaches_the_job(self) -> None:
        rows = csv_text([person("R2101", designation="Revenue Inspector")])
        job = self.uploaded_job(self.upload(rows, as_user=self.nodal_a, create_designations="on"))
        self.assertTrue(job.create_designations)
        self.assertEqual((job.created, job.rejected), (1, 0))

    def test_state_admin_imports_anywhere_and_sees_every_job(self) -> None:
        rows = csv_text([person("H2001", designation="STAFF-NURSE", org_code="MP-HLT-IND")])
        job = self.uploaded_job(self.upload(rows, as_user=self.state_admin, org=self.dept_b))
        self.assertEqual((job.created, job.rejected), (1, 0))
        self.assertContains(self.client.get(self.list_url), reverse("onboarding:import", args=[job.pk]))

    def test_a_file_that_cannot_be_read_shows_the_reason(self) -> None:
        job = self.uploaded_job(self.upload("a,b\n1,2\n", as_user=self.nodal_a))
        self.assertEqual(job.status, ImportJob.Status.FAILED)
        page = self.client.get(reverse("onboarding:import", args=[job.pk]))
        self.assertContains(page, "The import stopped.")
        self.assertContains(page, "Missing columns: employee_code")

    def test_nav_link_for_people_admins_only(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertContains(self.client.get(reverse("orgs:people")), f'href="{self.list_url}"')
        self.client.force_login(self.learner_a)
        self.assertNotContains(self.client.get(reverse("home")), f'href="{self.list_url}"')


class ImportProgressTests(ImportPageTestCase):
    def pending_job(self) -> ImportJob:
        # Uploaded but not yet checked: the on-commit task is not run.
        return do_create_import_job(
            upload=io.BytesIO(csv_text([person("R3001")]).encode()),
            filename="pending.csv",
            org=self.dept_a,
            acting_user=self.nodal_a,
        )

    def test_partial_polls_every_two_seconds_while_running_and_stops_when_done(self) -> None:
        job = self.pending_job()
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.VALIDATING, rows=0, processed_rows=800)
        self.client.force_login(self.nodal_a)
        progress_url = reverse("onboarding:import_progress", args=[job.pk])

        page = self.client.get(reverse("onboarding:import", args=[job.pk]))
        self.assertContains(page, f'hx-get="{progress_url}" hx-trigger="every 2s" hx-swap="outerHTML"')

        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.APPLYING, rows=12_00_000, processed_rows=3_00_000
        )
        partial = self.client.get(progress_url)
        self.assertEqual(partial.status_code, 200)
        self.assertTemplateNotUsed(partial, "base.html")
        self.assertContains(partial, 'hx-trigger="every 2s"')
        self.assertContains(partial, '<progress id="import-progress-bar" max="100" value="25">25 %</progress>')
        self.assertContains(partial, '<label for="import-progress-bar">')
        self.assertContains(partial, "Importing: 3,00,000 of 12,00,000 rows.")
        self.assertIn("no-cache", partial["Cache-Control"])

        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, processed_rows=12_00_000)
        partial = self.client.get(progress_url)
        self.assertNotContains(partial, "hx-trigger")
        self.assertNotContains(partial, "hx-get")
        self.assertContains(partial, "The import is finished.")
        self.assertContains(partial, "12,00,000")

    def test_partial_after_the_check(self) -> None:
        job = self.uploaded_job(self.upload(GOOD_AND_BAD, as_user=self.nodal_a))
        partial = self.client.get(reverse("onboarding:import_progress", args=[job.pk]))
        self.assertNotContains(partial, "hx-trigger")
        self.assertContains(partial, "Confirm and apply")


class HindiPageTests(ImportPageTestCase):
    def test_reasons_in_hindi_when_hindi_is_chosen(self) -> None:
        job = self.uploaded_job(self.upload(GOOD_AND_BAD, as_user=self.nodal_a))
        url = reverse("onboarding:import", args=[job.pk])
        english = self.client.get(url)
        self.assertContains(english, "12345 is not a valid Indian mobile number")
        self.assertNotContains(english, "मान्य भारतीय मोबाइल नंबर नहीं है")

        self.client.cookies["kshamta_language"] = "hi"
        hindi = self.client.get(url)
        self.assertContains(hindi, '<html lang="hi">')
        self.assertContains(hindi, "12345 मान्य भारतीय मोबाइल नंबर नहीं है")
        self.assertNotContains(hindi, "is not a valid Indian mobile number")

    def test_refusal_message_in_hindi(self) -> None:
        job = self.uploaded_job(self.upload(GOOD_AND_BAD, as_user=self.nodal_a, dry_run="on"))
        self.client.cookies["kshamta_language"] = "hi"
        response = self.client.post(reverse("onboarding:import_confirm", args=[job.pk]), follow=True)
        self.assertContains(response, "यह आयात केवल जाँच के लिए था।")


class ErrorFileTests(ImportPageTestCase):
    def test_download_has_bom_original_columns_and_both_reasons(self) -> None:
        job = self.uploaded_job(self.upload(GOOD_AND_BAD, as_user=self.nodal_a))
        response = self.client.get(reverse("onboarding:import_errors", args=[job.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertIn("people-rejected-rows.csv", response["Content-Disposition"])
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        self.assertEqual(rows[0][-2:], ["reason_en", "reason_hi"])
        self.assertEqual(rows[0][0], "employee_code")
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][0], "R2003")
        self.assertIn("मान्य भारतीय मोबाइल नंबर नहीं है", rows[1][-1])

    def test_no_error_file_is_404(self) -> None:
        job = self.uploaded_job(self.upload(csv_text([person("R4001")]), as_user=self.nodal_a))
        self.assertEqual(job.rejected, 0)
        self.assertEqual(self.client.get(reverse("onboarding:import_errors", args=[job.pk])).status_code, 404)
        self.assertNotContains(self.client.get(reverse("onboarding:import", args=[job.pk])), "Download error file")


class ImportPagesDenyTests(ImportPageTestCase):
    def dept_a_job(self) -> ImportJob:
        response = self.upload(GOOD_AND_BAD, as_user=self.nodal_a)
        job = self.uploaded_job(response)
        self.client.logout()
        return job

    def test_denies_the_outsider(self) -> None:
        job = self.dept_a_job()
        self.client.force_login(self.outsider)
        # Importing into dept_a's organisation is refused on the form; nothing is stored.
        before = ImportJob.objects.count()
        response = self.upload(csv_text([person("R5001")]), org=self.dept_a)
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.context["form"].errors["org"])
        self.assertEqual(ImportJob.objects.count(), before)
        # Dept_a's job: every URL is a 404, and the job does not move.
        for name, (method, url) in self.job_urls(job).items():
            with self.captureOnCommitCallbacks(execute=True):
                response = getattr(self.client, method)(url)
            self.assertEqual(response.status_code, 404, name)
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)
        self.assertFalse(Profile.objects.filter(employee_code="R2001").exists())
        # Nor is it listed.
        self.assertNotContains(self.client.get(self.list_url), "people.csv")
        self.assertEqual(list(self.client.get(self.list_url).context["page"].object_list), [])

    def test_learner_gets_404_everywhere(self) -> None:
        job = self.dept_a_job()
        self.client.force_login(self.learner_a)
        urls = [
            ("get", self.list_url),
            ("get", self.new_url),
            ("post", self.new_url),
            ("get", reverse("onboarding:template_xlsx")),
            ("get", reverse("onboarding:template_csv")),
            *self.job_urls(job).values(),
        ]
        for method, url in urls:
            self.assertEqual(getattr(self.client, method)(url).status_code, 404, f"{method} {url}")
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        job = self.dept_a_job()
        urls = [
            ("get", self.list_url),
            ("get", self.new_url),
            ("post", self.new_url),
            ("get", reverse("onboarding:template_xlsx")),
            *self.job_urls(job).values(),
        ]
        for method, url in urls:
            response = getattr(self.client, method)(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertTrue(response["Location"].startswith(reverse("accounts:sign_in")), url)
        job.refresh_from_db()
        self.assertEqual(job.status, ImportJob.Status.VALIDATED)

    def test_unknown_job_is_404(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertEqual(self.client.get(reverse("onboarding:import", args=[999999])).status_code, 404)


class ImportListTests(ImportPageTestCase):
    def add_jobs(self, count: int) -> None:
        for i in range(count):
            do_create_import_job(
                upload=io.BytesIO(b"employee_code\n"),
                filename=f"list-{i}.csv",
                org=self.district_a,
                acting_user=self.nodal_a,
                enqueue=False,
            )

    def queries_for_list(self) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.list_url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_stays_flat(self) -> None:
        self.client.force_login(self.nodal_a)
        self.add_jobs(2)
        few = self.queries_for_list()
        self.add_jobs(8)
        # session, user, roles, count, one page of jobs with their organisation and uploader
        with self.assertNumQueries(few):
            response = self.client.get(self.list_url)
        self.assertEqual(len(response.context["page"].object_list), 10)
        self.assertEqual(few, 5)

    def test_paginated_newest_first(self) -> None:
        self.add_jobs(3)
        self.client.force_login(self.nodal_a)
        with self.settings(KSHAMTA_PAGE_SIZE=2):
            first = self.client.get(self.list_url)
            second = self.client.get(self.list_url, {"page": 2})
        self.assertEqual([j.filename for j in first.context["page"].object_list], ["list-2.csv", "list-1.csv"])
        self.assertEqual([j.filename for j in second.context["page"].object_list], ["list-0.csv"])
        self.assertContains(first, 'rel="next"')
