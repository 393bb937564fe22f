"""The framework pages: list and active switch, a framework's competencies, a competency,
editing one, the upload page and the download."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.access import visible_audit_events
from kshamta.accounts.models import Role
from kshamta.competencies import actions
from kshamta.competencies.models import Competency, Framework
from kshamta.competencies.tests.helpers import STANDARD, PageTestCase, csv_bytes, make_framework, row, xlsx_bytes
from kshamta.core.models import AuditEvent


class FrameworkPagesTestCase(PageTestCase):
    def setUp(self) -> None:
        self.active = make_framework("MP-KCM", competencies=STANDARD)
        self.other = make_framework("MP-2026", active=False, competencies=STANDARD[:2])


class FrameworkListTest(FrameworkPagesTestCase):
    url = reverse("competencies:frameworks")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_everyone_signed_in_reads_it_but_only_state_admins_get_the_switch(self) -> None:
        self.client.force_login(self.learner_b)
        response = self.client.get(self.url)
        self.assertContains(response, "MP-KCM framework")
        self.assertContains(response, "MP-2026")
        self.assertNotContains(response, reverse("competencies:activate", args=["MP-2026"]))
        self.assertNotContains(response, reverse("competencies:import"))

        self.client.force_login(self.state_admin)
        response = self.client.get(self.url)
        self.assertContains(response, reverse("competencies:activate", args=["MP-2026"]))
        self.assertNotContains(response, reverse("competencies:activate", args=["MP-KCM"]))

    def test_query_count_is_flat(self) -> None:
        self.client.force_login(self.state_admin)
        before = self.count_queries(self.url)
        for n in range(4):
            make_framework(f"EXTRA-{n}", active=False, competencies=STANDARD[:1])
        with self.assertNumQueries(before):
            response = self.client.get(self.url)
        self.assertContains(response, "EXTRA-3")


class ActiveSwitchTest(FrameworkPagesTestCase):
    url = reverse("competencies:activate", args=["MP-2026"])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)
        self.assertSignInRedirect(self.url, "post")

    def test_denies_everyone_but_state_admins(self) -> None:
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.assertNotFoundFor(user, self.url)
            self.assertNotFoundFor(user, self.url, "post", {"confirm": "on"})
        self.assertTrue(Framework.objects.get(code="MP-KCM").is_active)

    def test_confirmation_page_then_post_switches_and_audits(self) -> None:
        self.client.force_login(self.state_admin)
        page = self.client.get(self.url)
        self.assertContains(page, "It replaces MP-KCM as the active framework.")

        unconfirmed = self.client.post(self.url, {})
        self.assertEqual(unconfirmed.status_code, 400)
        self.assertTrue(Framework.objects.get(code="MP-KCM").is_active)

        response = self.client.post(self.url, {"confirm": "on"}, follow=True)

        self.assertContains(response, "MP-2026 is now the active framework.")
        self.assertEqual(list(Framework.objects.filter(is_active=True).values_list("code", flat=True)), ["MP-2026"])
        activate = AuditEvent.objects.get(action="framework.activate", actor=self.state_admin)
        self.assertEqual(activate.target_label, "MP-2026")
        deactivate = AuditEvent.objects.get(action="framework.deactivate", actor=self.state_admin)
        self.assertEqual(deactivate.target_label, "MP-KCM")
        # The switch shows in the state admin's audit log.
        self.assertEqual(
            set(visible_audit_events(self.state_admin).filter(action__startswith="framework.", actor=self.state_admin)),
            {activate, deactivate},
        )

    def test_an_empty_framework_is_not_made_active(self) -> None:
        actions.do_save_framework(code="EMPTY", name_en="Empty", acting_user=None)
        self.client.force_login(self.state_admin)
        response = self.client.post(reverse("competencies:activate", args=["EMPTY"]), {"confirm": "on"}, follow=True)
        self.assertContains(response, "has no competencies yet")
        self.assertTrue(Framework.objects.get(code="MP-KCM").is_active)

    def test_unknown_framework(self) -> None:
        self.assertNotFoundFor(self.state_admin, reverse("competencies:activate", args=["NOPE"]))


class FrameworkPageTest(FrameworkPagesTestCase):
    url = reverse("competencies:framework", args=["MP-KCM"])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_grouped_by_kind(self) -> None:
        self.client.force_login(self.learner_a)
        response = self.client.get(self.url)
        html = response.content.decode()
        self.assertLess(html.index('id="kind-behavioural"'), html.index('id="kind-functional"'))
        self.assertLess(html.index('id="kind-functional"'), html.index('id="kind-domain"'))
        self.assertLess(html.index("FUN-PROCUREMENT"), html.index('id="kind-domain"'))
        self.assertEqual([group.kind for group in response.context["groups"]], ["behavioural", "functional", "domain"])
        self.assertNotContains(response, reverse("competencies:import"))

    def test_search_in_either_language_and_by_kind(self) -> None:
        self.client.force_login(self.learner_a)
        codes = lambda response: [c.code for g in response.context["groups"] for c in g.competencies]  # noqa: E731
        self.assertEqual(codes(self.client.get(self.url, {"q": "procurement"})), ["FUN-PROCUREMENT"])
        self.assertEqual(codes(self.client.get(self.url, {"q": "DOM-LANDREC कार्य"})), ["DOM-LANDREC"])
        self.assertEqual(codes(self.client.get(self.url, {"kind": "domain"})), ["DOM-LANDREC", "DOM-PUBHEALTH"])
        response = self.client.get(self.url, {"q": "nothing-like-this"})
        self.assertContains(response, "No competency matches.")
        everything = ["BEH-INTEGRITY", "FUN-PROCUREMENT", "FUN-RTI", "DOM-LANDREC", "DOM-PUBHEALTH"]
        self.assertEqual(codes(self.client.get(self.url, {"kind": "bogus"})), everything)

    def test_htmx_gets_the_results_alone(self) -> None:
        self.client.force_login(self.learner_a)
        response = self.client.get(self.url, {"q": "rti"}, HTTP_HX_REQUEST="true")
        self.assertTemplateUsed(response, "competencies/_competency_groups.html")
        self.assertTemplateNotUsed(response, "competencies/framework.html")
        self.assertContains(response, "FUN-RTI")

    def test_unknown_framework(self) -> None:
        self.assertNotFoundFor(self.learner_a, reverse("competencies:framework", args=["NOPE"]))

    def test_query_count_is_flat(self) -> None:
        self.client.force_login(self.learner_a)
        before = self.count_queries(self.url)
        for n in range(10):
            actions.do_save_competency(
                framework=self.active, code=f"DOM-X{n}", kind="domain", name_en=f"X {n}", acting_user=None
            )
        with self.assertNumQueries(before):
            response = self.client.get(self.url)
        self.assertContains(response, "DOM-X9")


class CompetencyPageTest(FrameworkPagesTestCase):
    url = reverse("competencies:competency", args=["MP-KCM", "FUN-RTI"])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_five_levels_in_both_languages(self) -> None:
        self.client.force_login(self.learner_b)
        response = self.client.get(self.url)
        for n in range(1, 6):
            self.assertContains(response, f'<td lang="en">FUN-RTI {n}</td>', html=True)
            self.assertContains(response, f'<td lang="hi">स्तर {n}</td>', html=True)
        self.assertContains(response, f"{reverse('catalog:browse')}?competency=FUN-RTI")
        self.assertNotContains(response, reverse("competencies:edit_competency", args=["MP-KCM", "FUN-RTI"]))

    def test_unknown_competency_or_other_framework(self) -> None:
        self.assertNotFoundFor(self.learner_a, reverse("competencies:competency", args=["MP-KCM", "NOPE"]))
        self.assertNotFoundFor(self.learner_a, reverse("competencies:competency", args=["MP-2026", "DOM-LANDREC"]))


class EditCompetencyTest(FrameworkPagesTestCase):
    url = reverse("competencies:edit_competency", args=["MP-KCM", "FUN-RTI"])

    def form_data(self, **overrides: str) -> dict[str, str]:
        data = {"kind": "functional", "name_en": "RTI", "name_hi": "सूचना का अधिकार", "description_en": "d"}
        for n in range(1, 6):
            data[f"level_{n}_en"] = f"New level {n}"
            data[f"level_{n}_hi"] = f"नया स्तर {n}"
        data.update(overrides)
        return data

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_denies_everyone_but_state_admins(self) -> None:
        account_actions.do_grant_role(user=self.outsider, role=Role.CBP_AUTHOR, org=self.state, acting_user=None)
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.assertNotFoundFor(user, self.url)
            self.assertNotFoundFor(user, self.url, "post", self.form_data())
        self.assertEqual(Competency.objects.get(framework=self.active, code="FUN-RTI").name_en, "FUN-RTI work")

    def test_state_admin_edits_and_it_is_audited(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertContains(self.client.get(self.url), "FUN-RTI 3")

        response = self.client.post(self.url, self.form_data(), follow=True)

        self.assertContains(response, "The competency was saved.")
        competency = Competency.objects.get(framework=self.active, code="FUN-RTI")
        self.assertEqual(competency.name_en, "RTI")
        self.assertEqual(competency.levels[4], {"en": "New level 5", "hi": "नया स्तर 5"})
        event = AuditEvent.objects.get(action="competency.update")
        self.assertEqual(event.actor, self.state_admin)

        again = self.client.post(self.url, self.form_data(), follow=True)
        self.assertContains(again, "Nothing was changed.")
        self.assertEqual(AuditEvent.objects.filter(action="competency.update").count(), 1)

    def test_a_level_without_descriptor_is_refused(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(self.url, self.form_data(level_3_en="", level_3_hi=" "))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Level 3 has no descriptor.", status_code=400)
        self.assertEqual(Competency.objects.get(framework=self.active, code="FUN-RTI").name_en, "FUN-RTI work")


class ImportPageTest(FrameworkPagesTestCase):
    url = reverse("competencies:import")

    def upload(self, data: bytes, name: str = "framework.csv", **fields: str) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, data, content_type="text/csv")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_denies_everyone_but_state_admins(self) -> None:
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.assertNotFoundFor(user, self.url)
            self.assertNotFoundFor(
                user, self.url, "post", {"file": self.upload(csv_bytes([row("FUN-NEW")])), "framework": "MP-KCM"}
            )
        self.assertFalse(Competency.objects.filter(code="FUN-NEW").exists())

    def test_upload_shows_counts_and_rejected_rows(self) -> None:
        self.client.force_login(self.state_admin)
        page = self.client.get(self.url)
        self.assertEqual(page.context["form"].initial["framework"], "MP-KCM")

        data = csv_bytes([row("FUN-NEW"), row("FUN-RTI", name_en="RTI"), row("FUN-BAD", kind="technical")])
        response = self.client.post(self.url, {"file": self.upload(data), "framework": "MP-KCM"})

        self.assertEqual(response.status_code, 200)
        summary = response.context["summary"]
        self.assertEqual(summary.counts(), {"rows": 3, "created": 1, "updated": 1, "unchanged": 0, "rejected": 1})
        self.assertContains(response, "The kind &#x27;technical&#x27; is not one of")
        self.assertTrue(Competency.objects.filter(framework=self.active, code="FUN-NEW").exists())
        self.assertEqual(
            AuditEvent.objects.get(action="competency.create", target_label__startswith="FUN-NEW ").actor,
            self.state_admin,
        )

    def test_new_framework_from_xlsx_made_active(self) -> None:
        self.client.force_login(self.state_admin)
        upload = SimpleUploadedFile("f.xlsx", xlsx_bytes([row("FUN-X"), row("BEH-Y", kind="व्यवहारात्मक")]))
        response = self.client.post(
            self.url,
            {"file": upload, "framework": "mp-2027", "name_en": "MP 2027", "name_hi": "म.प्र. 2027", "activate": "on"},
        )
        self.assertContains(response, "It is now the active framework.")
        framework = Framework.objects.get(code="MP-2027")
        self.assertTrue(framework.is_active)
        self.assertEqual((framework.name_hi, framework.competencies.count()), ("म.प्र. 2027", 2))

    def test_a_malformed_file_writes_nothing_and_says_why(self) -> None:
        self.client.force_login(self.state_admin)
        header = ["code", "kind", "name_en"]
        response = self.client.post(
            self.url,
            {"file": self.upload(csv_bytes([row("FUN-NEW")], header=header)), "framework": "NEWFW", "activate": "on"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Required columns are missing: name_hi", status_code=400)
        self.assertFalse(Framework.objects.filter(code="NEWFW").exists())
        self.assertFalse(Competency.objects.filter(code="FUN-NEW").exists())

        pdf = self.client.post(self.url, {"file": self.upload(b"%PDF-1.4", "plan.pdf"), "framework": "MP-KCM"})
        self.assertContains(pdf, "Unsupported file type", status_code=400)


class ExportTest(FrameworkPagesTestCase):
    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(reverse("competencies:export", args=["MP-KCM"]))

    def test_csv_and_xlsx_for_anyone_signed_in(self) -> None:
        self.client.force_login(self.learner_b)
        response = self.client.get(reverse("competencies:export", args=["MP-KCM"]))
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        body = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
        self.assertIn("FUN-RTI,functional,FUN-RTI work,FUN-RTI कार्य", body)
        self.assertIn("FUN-RTI 1 | स्तर 1", body)

        xlsx = self.client.get(reverse("competencies:export", args=["MP-2026"]), {"format": "xlsx"})
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active  # type: ignore[attr-defined]
        assert sheet is not None
        self.assertEqual([c.value for c in sheet[2]][:2], ["BEH-INTEGRITY", "behavioural"])

    def test_unknown_framework(self) -> None:
        self.assertNotFoundFor(self.learner_a, reverse("competencies:export", args=["NOPE"]))
