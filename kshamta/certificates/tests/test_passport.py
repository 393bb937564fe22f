"""The competency passport: highest level per competency from valid certificates, hours, and a PDF."""

from __future__ import annotations

import io

from django.test import Client
from pypdf import PdfReader

from kshamta.certificates import actions
from kshamta.certificates.models import Certificate
from kshamta.certificates.passport import passport_for
from kshamta.certificates.tests.cast import COURSE_TITLE_HI, CertificateTestCase, completed_enrolment
from kshamta.learning.models import Enrolment


class PassportTests(CertificateTestCase):
    advanced: Certificate

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        # learner_a: RTI-101 (RTI level 2, above), RTI-201 (level 4), RTI-301 (level 5, revoked),
        # and one course in progress with learning time.
        advanced = cls.another_course("RTI-201", title_en="RTI appeals", title_hi="आरटीआई अपील", level=4)
        expert = cls.another_course("RTI-301", title_en="RTI policy", title_hi="आरटीआई नीति", level=5)
        cls.advanced = actions.do_issue_certificate(completed_enrolment(cls.learner_a, advanced, learning_seconds=5400))
        revoked = actions.do_issue_certificate(completed_enrolment(cls.learner_a, expert))
        actions.do_revoke_certificate(revoked, reason="Assessment was compromised", acting_user=cls.state_admin)
        in_progress = cls.another_course("RTI-401", title_en="RTI for trainers", title_hi="प्रशिक्षकों हेतु आरटीआई", level=3)
        assert in_progress.published_version is not None
        Enrolment.objects.create(
            user=cls.learner_a,
            course=in_progress,
            version=in_progress.published_version,
            enrolled_at=cls.enrolment_a.enrolled_at,
            learning_seconds=600,
        )

    def client_for(self, user: object) -> Client:
        client = Client()
        client.force_login(user)  # type: ignore[arg-type]
        return client

    def test_passport_counts_valid_certificates_only(self) -> None:
        passport = passport_for(self.learner_a)
        self.assertEqual({c.pk for c in passport.certificates}, {self.advanced.pk, self.certificate_a.pk})
        self.assertEqual(passport.revoked_count, 1)
        [rti] = passport.competencies
        self.assertEqual((rti.code, rti.level), ("RTI", 4))  # the best valid level; the revoked 5 does not count
        self.assertEqual(rti.descriptor_en, "Guides others")
        self.assertEqual(rti.name_hi, "सूचना का अधिकार")
        self.assertEqual(str(passport.certificate_hours), "2.00")
        self.assertEqual(passport.learning_seconds, 3000 + 5400 + 3000 + 600)
        self.assertEqual(passport.courses_completed, 3)

    def test_passport_page(self) -> None:
        client = self.client_for(self.learner_a)
        with self.assertNumQueries(7):  # session, user, roles; profile, certificates, competencies, enrolments
            response = client.get("/passport/")
        self.assertEqual(response.status_code, 200)
        for text in (
            "Competency passport",
            "सीता देवी",
            "Right to Information",
            "Guides others",
            "RTI appeals",
            COURSE_TITLE_HI,
            "1 revoked certificate is not counted",
            "/passport.pdf",
        ):
            self.assertContains(response, text)
        self.assertNotContains(response, "RTI policy")

    def test_passport_queries_do_not_grow_with_certificates(self) -> None:
        for n in range(5):
            course = self.another_course(f"EXTRA-{n}", title_en=f"Extra {n}", title_hi=f"अतिरिक्त {n}", level=1)
            actions.do_issue_certificate(completed_enrolment(self.learner_a, course))
        client = self.client_for(self.learner_a)
        with self.assertNumQueries(7):
            self.assertEqual(client.get("/passport/").status_code, 200)

    def test_passport_pdf_reads_back_in_hindi(self) -> None:
        response = self.client_for(self.learner_a).get("/passport.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(response.content))
        page = reader.pages[0]
        self.assertLess(float(page.mediabox.width), float(page.mediabox.height))  # portrait
        text = "\n".join(p.extract_text() for p in reader.pages)
        lines = text.splitlines()
        self.assertIn("दक्षता पासपोर्ट", lines)
        self.assertIn("सीता देवी", lines)
        flat = " ".join(text.split())
        for expected in (
            "Competency passport",
            "Sita Devi",
            "Employee code / कर्मचारी कोड: MP0003",
            "सूचना का अधिकार",
            "Guides others / दूसरों का मार्गदर्शन करता है",
            COURSE_TITLE_HI,
            "आरटीआई अपील",
            self.certificate_a.display_code,
        ):
            self.assertIn(expected, flat)
        self.assertNotIn("आरटीआई नीति", flat)  # revoked

    def test_an_empty_passport(self) -> None:
        response = self.client_for(self.outsider).get("/passport/")
        self.assertContains(response, "None yet")
        pdf = self.client_for(self.outsider).get("/passport.pdf")
        self.assertIn(
            "None yet. / अभी कोई नहीं।", " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
        )

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for path in ("/passport/", "/passport.pdf"):
            response = Client().get(path)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/sign-in/", response["Location"])
