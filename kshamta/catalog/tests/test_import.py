"""Loading the catalogue from CSV/XLSX: the command, the upload page, every row rule, re-running."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.catalog import actions, importing
from kshamta.catalog.models import Course, CourseVersion, Provider, Resource
from kshamta.catalog.search import CourseQuery, search_courses
from kshamta.catalog.testing import make_competency, make_provider
from kshamta.catalog.tests.test_search import build_course
from kshamta.competencies.models import Competency
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase

HEADER = list(importing.COLUMNS)


def row(code: str = "RTI-101", **overrides: Any) -> dict[str, Any]:
    values = {
        "code": code,
        "title_en": "Right to Information",
        "title_hi": "सूचना का अधिकार",
        "summary_en": "Filing and answering RTI applications.",
        "summary_hi": "आरटीआई आवेदन करना और उनका उत्तर देना।",
        "provider_code": "ATI",
        "duration_minutes": "90",
        "language": "hi,en",
        "competencies": "RTI:2;FIN:1",
        "tags": "transparency; law",
        "level": "beginner",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict[str, Any]], header: list[str] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header or HEADER, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for values in rows:
        sheet.append([values.get(column, "") for column in HEADER])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class ImportTestCase(CastTestCase):
    ati: Provider
    rti: Competency
    fin: Competency

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.ati = make_provider("ATI", org=cls.dept_a)
        cls.rti = make_competency("RTI")
        cls.fin = make_competency("FIN")

    def write(self, content: bytes, suffix: str = ".csv") -> Path:
        folder = tempfile.mkdtemp()
        path = Path(folder) / f"courses{suffix}"
        path.write_bytes(content)
        self.addCleanup(shutil.rmtree, folder)
        return path

    def run_command(self, content: bytes, *args: str, suffix: str = ".csv") -> dict[str, int]:
        out = io.StringIO()
        call_command("import_courses", str(self.write(content, suffix)), "--json", *args, stdout=out)
        result: dict[str, int] = json.loads(out.getvalue())
        return result

    def load(
        self, rows: list[dict[str, Any]], *, user: Any = None, create_providers: bool = False
    ) -> importing.ImportSummary:
        return importing.import_catalogue(
            io.BytesIO(csv_bytes(rows)), filename="courses.csv", acting_user=user, create_providers=create_providers
        )

    def reasons(self, summary: importing.ImportSummary) -> list[str]:
        return [error.reason_en for error in summary.errors]


class CommandTests(ImportTestCase):
    def test_json_output_has_exactly_the_five_counts(self) -> None:
        result = self.run_command(csv_bytes([row("RTI-101"), row("RTI-102", title_en="RTI appeals")]))
        self.assertEqual(result, {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0})

    def test_created_courses_are_published_with_every_column(self) -> None:
        self.run_command(csv_bytes([row("rti-101")]))
        course = Course.objects.select_related("published_version", "provider").get(code="RTI-101")
        self.assertTrue(course.is_listed)
        version = course.published_version
        assert version is not None
        self.assertEqual(version.status, CourseVersion.Status.PUBLISHED)
        self.assertEqual((course.title_en, course.title_hi), ("Right to Information", "सूचना का अधिकार"))
        self.assertEqual(course.duration_minutes, 90)
        self.assertEqual(course.languages, "hi,en")
        self.assertEqual(course.provider, self.ati)
        self.assertEqual(version.tag_list(), ["transparency", "law"])
        self.assertEqual(
            sorted((link.competency.code, link.level) for link in version.competencies.all()), [("FIN", 1), ("RTI", 2)]
        )
        self.assertEqual(course.competency_codes, ",FIN,RTI,")
        self.assertEqual([c.code for c in search_courses(CourseQuery(q="सूचना"))], ["RTI-101"])

    def test_readable_summary_lists_rejected_rows_with_reasons(self) -> None:
        out = io.StringIO()
        path = self.write(csv_bytes([row("A-1"), row("A-2", duration_minutes="5")]))
        call_command("import_courses", str(path), stdout=out)
        text = out.getvalue()
        self.assertIn("2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected", text)
        self.assertIn("row 3 (A-2): duration_minutes must be a whole number of minutes from 7 to 129600", text)

    def test_running_again_changes_nothing(self) -> None:
        content = csv_bytes([row("RTI-101"), row("RTI-102", title_en="RTI appeals")])
        self.run_command(content)
        events = AuditEvent.objects.count()
        result = self.run_command(content)
        self.assertEqual(result, {"rows": 2, "created": 0, "updated": 0, "unchanged": 2, "rejected": 0})
        self.assertEqual(CourseVersion.objects.count(), 2)
        self.assertEqual(AuditEvent.objects.count(), events)

    def test_a_changed_row_publishes_a_new_version_with_the_old_content(self) -> None:
        course = build_course(
            "RTI-101",
            provider=self.ati,
            title_en="Right to Information",
            kinds=("video", "pdf"),
            competencies={"RTI": 2},
        )
        old_version = course.published_version
        assert old_version is not None
        old_keys = sorted(
            str(k) for k in Resource.objects.filter(module__version=old_version).values_list("key", flat=True)
        )
        result = self.run_command(
            csv_bytes([row("RTI-101", title_en="Right to Information Act, 2005", competencies="RTI:3")]),
            "--as",
            self.state_admin.email or "",
        )
        self.assertEqual(result["updated"], 1)
        course.refresh_from_db()
        new_version = course.published_version
        assert new_version is not None
        self.assertEqual(new_version.number, 2)
        self.assertEqual(new_version.title_en, "Right to Information Act, 2005")
        self.assertEqual([(link.competency.code, link.level) for link in new_version.competencies.all()], [("RTI", 3)])
        new_keys = sorted(
            str(k) for k in Resource.objects.filter(module__version=new_version).values_list("key", flat=True)
        )
        self.assertEqual(new_keys, old_keys)
        self.assertEqual(course.resource_kinds, "pdf,video")
        old_version.refresh_from_db()
        self.assertEqual(old_version.status, CourseVersion.Status.SUPERSEDED)
        self.assertEqual(old_version.title_en, "Right to Information")  # a published version is never edited
        self.assertTrue(
            AuditEvent.objects.filter(
                action="course.publish", actor=self.state_admin, target_id=str(course.pk)
            ).exists()
        )
        # And once more: now identical.
        again = self.run_command(
            csv_bytes([row("RTI-101", title_en="Right to Information Act, 2005", competencies="RTI:3")]),
            "--as",
            self.state_admin.email or "",
        )
        self.assertEqual(again["unchanged"], 1)

    def test_a_changed_row_without_as_updates_too(self) -> None:
        self.run_command(csv_bytes([row("RTI-101")]))
        result = self.run_command(csv_bytes([row("RTI-101", duration_minutes="120")]))
        self.assertEqual(result, {"rows": 1, "created": 0, "updated": 1, "unchanged": 0, "rejected": 0})
        course = Course.objects.select_related("published_version").get(code="RTI-101")
        self.assertEqual(
            (course.duration_minutes, course.published_version and course.published_version.number), (120, 2)
        )

    def test_as_names_the_importing_person_in_the_audit_log(self) -> None:
        self.run_command(csv_bytes([row("RTI-101")]), "--as", self.state_admin.email or "")
        course = Course.objects.get(code="RTI-101")
        self.assertEqual(
            set(
                AuditEvent.objects.filter(target_id=str(course.pk), target_type="catalog.course").values_list(
                    "actor", flat=True
                )
            ),
            {self.state_admin.pk},
        )

    def test_as_someone_who_is_not_a_publisher_is_refused(self) -> None:
        with self.assertRaisesMessage(CommandError, "neither a publisher nor a state admin"):
            self.run_command(csv_bytes([row()]), "--as", self.learner_a.email or "")
        self.assertFalse(Course.objects.exists())

    def test_unknown_provider_is_rejected_unless_providers_may_be_created(self) -> None:
        content = csv_bytes([row("NAT-1", provider_code="iGOT")])
        result = self.run_command(content)
        self.assertEqual(result["rejected"], 1)
        self.assertFalse(Provider.objects.filter(code="IGOT").exists())
        result = self.run_command(content, "--create-providers")
        self.assertEqual(result["created"], 1)
        provider = Provider.objects.get(code="IGOT")
        self.assertEqual(provider.name_en, "IGOT")
        self.assertEqual(Course.objects.get(code="NAT-1").provider, provider)

    def test_xlsx_file(self) -> None:
        rows = [row("RTI-101", duration_minutes=90), row("RTI-102", title_en="RTI appeals", duration_minutes=45)]
        result = self.run_command(xlsx_bytes(rows), suffix=".xlsx")
        self.assertEqual(result, {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "rejected": 0})
        self.assertEqual(Course.objects.get(code="RTI-102").duration_minutes, 45)

    def test_not_a_spreadsheet_is_refused_and_nothing_written(self) -> None:
        with self.assertRaisesMessage(CommandError, "Unsupported file type"):
            self.run_command(b"%PDF-1.4 ...", suffix=".pdf")
        with self.assertRaisesMessage(CommandError, "could not be read"):
            self.run_command(b"this is not a zip file", suffix=".xlsx")
        self.assertFalse(Course.objects.exists())

    def test_missing_columns_are_refused_before_any_row(self) -> None:
        header = [c for c in HEADER if c not in ("competencies", "tags")]
        with self.assertRaisesMessage(CommandError, "Required columns are missing: competencies, tags"):
            self.run_command(csv_bytes([row()], header=header))
        self.assertFalse(Course.objects.exists())

    def test_empty_file_and_header_only(self) -> None:
        with self.assertRaisesMessage(CommandError, "The file is empty"):
            self.run_command(b"")
        with self.assertRaisesMessage(CommandError, "no courses"):
            self.run_command(csv_bytes([]))


class RowRuleTests(ImportTestCase):
    def test_one_bad_row_loses_nothing_else(self) -> None:
        summary = self.load([row("A-1"), row("A-2", competencies="RTI:9"), row("A-3")])
        self.assertEqual(summary.counts(), {"rows": 3, "created": 2, "updated": 0, "unchanged": 0, "rejected": 1})
        self.assertEqual(sorted(Course.objects.values_list("code", flat=True)), ["A-1", "A-3"])
        self.assertEqual((summary.errors[0].row, summary.errors[0].code), (3, "A-2"))

    def test_unknown_competency_is_rejected(self) -> None:
        summary = self.load([row(competencies="RTI:2;GHOST:1")])
        self.assertEqual(summary.rejected, 1)
        self.assertIn("Unknown competency code GHOST", self.reasons(summary)[0])
        self.assertIn("GHOST", summary.errors[0].reason_hi)
        self.assertFalse(Course.objects.exists())

    def test_competency_levels_and_format(self) -> None:
        for value, reason in [
            ("RTI:0", "must be 1 to 5"),
            ("RTI:6", "must be 1 to 5"),
            ("RTI:two", "must be 1 to 5"),
            ("RTI", "code:level;code:level"),
            ("RTI:2;RTI:3", "listed twice"),
        ]:
            with self.subTest(value=value):
                summary = self.load([row(competencies=value)])
                self.assertEqual(summary.rejected, 1)
                self.assertIn(reason, self.reasons(summary)[0])
        self.assertFalse(Course.objects.exists())

    def test_blank_competencies_are_allowed(self) -> None:
        self.assertEqual(self.load([row(competencies="")]).created, 1)

    def test_duration_limits(self) -> None:
        for value in ("6", "129601", "1.5", "ninety", "", "-10"):
            with self.subTest(value=value):
                summary = self.load([row(duration_minutes=value)])
                self.assertEqual(summary.rejected, 1, value)
                self.assertIn("duration_minutes", self.reasons(summary)[0])
        summary = self.load([row("SHORT", duration_minutes="7"), row("LONG", duration_minutes="129600")])
        self.assertEqual(summary.created, 2)

    def test_language_values(self) -> None:
        summary = self.load(
            [
                row("L-1", language="hi"),
                row("L-2", language="EN"),
                row("L-3", language="hi;en"),
                row("L-4", language="both"),
                row("L-5", language="en, hi"),
                row("L-6", language="fr"),
                row("L-7", language=""),
            ]
        )
        self.assertEqual((summary.created, summary.rejected), (5, 2))
        self.assertEqual(
            dict(Course.objects.values_list("code", "languages")),
            {"L-1": "hi", "L-2": "en", "L-3": "hi,en", "L-4": "hi,en", "L-5": "hi,en"},
        )

    def test_a_title_in_one_language_is_enough_but_not_none(self) -> None:
        summary = self.load([row("H-1", title_en=""), row("H-2", title_en="", title_hi="")])
        self.assertEqual((summary.created, summary.rejected), (1, 1))
        self.assertIn("Give a title", self.reasons(summary)[0])

    def test_code_rules(self) -> None:
        summary = self.load([row(""), row("HAS SPACE"), row("X" * 61)])
        self.assertEqual(summary.rejected, 3)
        self.assertIn("code is missing", self.reasons(summary)[0])

    def test_bad_level_is_rejected_and_a_missing_level_column_is_fine(self) -> None:
        summary = self.load([row("LV-1", level="expert"), row("LV-2", level="Advanced"), row("LV-3", level="")])
        self.assertEqual((summary.created, summary.rejected), (2, 1))
        self.assertIn("level must be beginner, intermediate or advanced", self.reasons(summary)[0])
        self.assertEqual(Course.objects.get(code="LV-2").level, "advanced")
        self.assertEqual(Course.objects.get(code="LV-3").level, "beginner")
        header = [c for c in HEADER if c != "level"]
        out = importing.import_catalogue(
            io.BytesIO(csv_bytes([row("LV-2", level="")], header=header)), filename="c.csv", acting_user=None
        )
        self.assertEqual(out.unchanged, 1)  # without the column, the course keeps its level

    def test_a_code_twice_in_one_file(self) -> None:
        summary = self.load([row("D-1"), row("d-1", title_en="Other")])
        self.assertEqual((summary.created, summary.rejected), (1, 1))
        self.assertIn("appears already on row 2", self.reasons(summary)[0])

    def test_a_course_does_not_move_between_providers(self) -> None:
        make_provider("OTHER")
        self.load([row("M-1")])
        summary = self.load([row("M-1", provider_code="OTHER")])
        self.assertEqual(summary.rejected, 1)
        self.assertIn("belongs to provider ATI", self.reasons(summary)[0])

    def test_retired_and_draft_only_courses_are_left_alone(self) -> None:
        retired = build_course("OLD-1", provider=self.ati, title_en="Old")
        actions.do_retire(retired, acting_user=self.state_admin)
        build_course("DRAFT-1", provider=self.ati, title_en="Draft", publish=False)
        summary = self.load([row("OLD-1"), row("DRAFT-1")])
        self.assertEqual(summary.rejected, 2)
        self.assertIn("is retired", self.reasons(summary)[0])
        self.assertIn("still a draft", self.reasons(summary)[1])

    def test_a_version_open_in_the_studio_blocks_an_update(self) -> None:
        course = build_course("S-1", provider=self.ati, title_en="Studio course")
        actions.do_new_version(course, acting_user=self.state_admin)
        summary = self.load([row("S-1", title_en="Changed")], user=self.state_admin)
        self.assertEqual(summary.rejected, 1)
        self.assertIn("being edited in the studio", self.reasons(summary)[0])

    def test_odd_unicode_in_titles(self) -> None:
        nfd_title = unicodedata.normalize("NFD", "Café governance")
        zwj_title = "क्\u200dषमता निर्माण"  # a ZWJ asks for the half form of क; it is part of the text
        summary = self.load([row("U-1", title_en=nfd_title, title_hi=" " + zwj_title + "\u200b ")])
        self.assertEqual(summary.created, 1)
        course = Course.objects.get(code="U-1")
        self.assertEqual(course.title_en, "Café governance")
        self.assertTrue(unicodedata.is_normalized("NFC", course.title_en))
        self.assertEqual(course.title_hi, zwj_title)
        self.assertEqual([c.code for c in search_courses(CourseQuery(q="café"))], ["U-1"])
        self.assertEqual([c.code for c in search_courses(CourseQuery(q="क्\u200dषमता"))], ["U-1"])
        # The same row in NFC (and without the stray zero-width space) is the same course.
        again = self.load([row("U-1", title_en="Café governance", title_hi=zwj_title)])
        self.assertEqual(again.unchanged, 1)


class ScopeTests(ImportTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        account_actions.do_grant_role(user=cls.learner_b, role=Role.PUBLISHER, org=cls.dept_b, acting_user=None)

    def test_a_publisher_loads_only_their_providers_courses(self) -> None:
        summary = self.load([row("P-1")], user=self.learner_b)  # ATI belongs to the revenue department
        self.assertEqual(summary.rejected, 1)
        self.assertIn("You do not publish courses for provider ATI", self.reasons(summary)[0])
        health = make_provider("HEALTH-ATI", org=self.dept_b)
        summary = self.load([row("P-2", provider_code=health.code)], user=self.learner_b)
        self.assertEqual(summary.created, 1)

    def test_a_publisher_updates_their_providers_course(self) -> None:
        health = make_provider("HEALTH-ATI", org=self.dept_b)
        self.load([row("P-4", provider_code=health.code)], user=self.learner_b)
        summary = self.load([row("P-4", provider_code=health.code, title_en="Renamed")], user=self.learner_b)
        self.assertEqual(summary.updated, 1, self.reasons(summary))
        self.assertEqual(Course.objects.get(code="P-4").title_en, "Renamed")

    def test_only_a_state_admin_creates_providers(self) -> None:
        summary = self.load([row("P-3", provider_code="NEWP")], user=self.learner_b, create_providers=True)
        self.assertIn("Only a state admin can create providers", self.reasons(summary)[0])
        summary = self.load([row("P-3", provider_code="NEWP")], user=self.state_admin, create_providers=True)
        self.assertEqual(summary.created, 1)
        self.assertEqual(Provider.objects.get(code="NEWP").org, self.state)


class UploadPageTests(ImportTestCase):
    url = reverse("catalog:import")

    def upload(self, client: Client, content: bytes, name: str = "courses.csv", **data: Any) -> Any:
        return client.post(self.url, {"file": SimpleUploadedFile(name, content), **data}, follow=True)

    def admin_client(self, **defaults: Any) -> Client:
        client = Client(**defaults)
        client.force_login(self.state_admin)
        return client

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = Client().get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])

    def test_learners_and_other_administrators_do_not_see_it(self) -> None:
        for user in (self.learner_a, self.outsider, self.nodal_a):
            client = Client()
            client.force_login(user)
            self.assertEqual(client.get(self.url).status_code, 404, user)
            self.assertEqual(self.upload(client, csv_bytes([row()])).status_code, 404)
        self.assertFalse(Course.objects.exists())

    def test_upload_imports_and_shows_the_summary_and_rejected_rows(self) -> None:
        client = self.admin_client()
        self.assertContains(client.get(self.url), "create_providers")
        response = self.upload(client, csv_bytes([row("W-1"), row("W-2", competencies="NOPE:1"), row("W-3")]))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("The import is complete.", html)
        self.assertInHTML('<td class="num" data-count="created">2</td>', html)
        self.assertInHTML('<td class="num" data-count="rejected">1</td>', html)
        self.assertIn("Unknown competency code NOPE", html)
        self.assertEqual(sorted(Course.objects.values_list("code", flat=True)), ["W-1", "W-3"])
        self.assertTrue(AuditEvent.objects.filter(action="course.publish", actor=self.state_admin).exists())

    def test_reasons_are_in_the_readers_language(self) -> None:
        client = self.admin_client(HTTP_ACCEPT_LANGUAGE="hi")
        html = self.upload(client, csv_bytes([row("W-1", duration_minutes="3")])).content.decode()
        self.assertIn("duration_minutes मिनटों की पूर्ण संख्या होनी चाहिए", html)

    def test_create_providers_checkbox(self) -> None:
        client = self.admin_client()
        self.upload(client, csv_bytes([row("W-1", provider_code="NEWP")]))
        self.assertFalse(Provider.objects.filter(code="NEWP").exists())
        self.upload(client, csv_bytes([row("W-1", provider_code="NEWP")]), create_providers="on")
        self.assertTrue(Course.objects.filter(code="W-1", provider__code="NEWP").exists())

    def test_a_publisher_gets_no_create_providers_checkbox(self) -> None:
        account_actions.do_grant_role(user=self.nodal_a, role=Role.PUBLISHER, org=self.dept_a, acting_user=None)
        client = Client()
        client.force_login(self.nodal_a)
        response = client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "create_providers")
        self.upload(client, csv_bytes([row("W-1", provider_code="NEWP")]), create_providers="on")
        self.assertFalse(Provider.objects.filter(code="NEWP").exists())

    def test_malformed_files_are_refused_with_a_reason_and_nothing_is_written(self) -> None:
        client = self.admin_client()
        cases = [
            (b"", "courses.csv", "The submitted file is empty."),
            (b"  \n\n", "courses.csv", "The file is empty."),
            (b"%PDF-1.7 binary", "courses.pdf", "Unsupported file type"),
            (b"MZ\x90\x00 program", "courses.csv", "This file is not really a CSV file"),
            (b"just,some,columns\n1,2,3\n", "courses.csv", "Required columns are missing"),
            (b"PK\x03\x04 not really a workbook", "courses.xlsx", "could not be read"),
        ]
        for content, name, message in cases:
            with self.subTest(name=name, message=message):
                response = client.post(self.url, {"file": SimpleUploadedFile(name, content)})
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
        self.assertFalse(Course.objects.exists())

    def test_missing_columns_message_in_hindi(self) -> None:
        client = self.admin_client(HTTP_ACCEPT_LANGUAGE="hi")
        response = client.post(self.url, {"file": SimpleUploadedFile("c.csv", b"code,title_en\nA,B\n")})
        self.assertContains(response, "ये आवश्यक कॉलम नहीं हैं", status_code=400)

    def test_someone_elses_import_result_is_not_found(self) -> None:
        response = self.upload(self.admin_client(), csv_bytes([row("W-1")]))
        status_url = response.redirect_chain[-1][0]
        account_actions.do_grant_role(user=self.nodal_a, role=Role.PUBLISHER, org=self.dept_a, acting_user=None)
        other = Client()
        other.force_login(self.nodal_a)
        self.assertEqual(other.get(status_url).status_code, 404)
        self.assertEqual(other.get(reverse("catalog:import_status", args=["0" * 32])).status_code, 404)
        self.assertEqual(other.get("/courses/import/..%2F..%2Fetc/").status_code, 404)
        self.assertEqual(
            self.admin_client().get(reverse("catalog:import_status", args=["NOT-A-TOKEN"])).status_code, 404
        )

    def test_result_page_fragment_for_polling(self) -> None:
        client = self.admin_client()
        response = self.upload(client, csv_bytes([row("W-1")]))
        status_url = response.redirect_chain[-1][0]
        fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
        self.assertTrue(fragment.strip().startswith('<div id="import-status"'))
        self.assertNotIn("hx-trigger", fragment)  # finished: no more polling
