"""Certificates for what is not one course (a blended programme): signed block, pages, PDF, who sees them."""

from __future__ import annotations

import decimal
import io
from typing import Any

from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from kshamta.accounts.models import User
from kshamta.certificates import actions, signing
from kshamta.certificates.access import visible_certificates
from kshamta.certificates.models import Certificate
from kshamta.certificates.render import certificate_pdf
from kshamta.certificates.tests.cast import CertificateTestCase
from kshamta.notifications.models import Message

PROGRAMME_TITLE_HI = "नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण"


def issue_programme_certificate(user: User, **overrides: Any) -> Certificate:
    values: dict[str, Any] = {
        "user": user,
        "subject": {"kind": "programme", "code": "PATWARI-IND", "batch": "B1"},
        "title_en": "Induction for newly appointed Patwaris",
        "title_hi": PROGRAMME_TITLE_HI,
        "provider_code": "MP-ATI",
        "provider_name_en": "RCVP Noronha Academy",
        "provider_name_hi": "आरसीवीपी नरोन्हा प्रशासन अकादमी",
        "hours": decimal.Decimal("13.00"),
        "competencies": [{"code": "RTI", "level": 2, "name_en": "Right to Information", "name_hi": "सूचना का अधिकार"}],
        "issued_at": timezone.now(),
        "notify": False,
        **overrides,
    }
    return actions.do_issue_certificate_for(**values)


def pdf_text(certificate: Certificate) -> str:
    text = PdfReader(io.BytesIO(certificate_pdf(certificate))).pages[0].extract_text()
    return " ".join(text.split())


class ProgrammeCertificateTests(CertificateTestCase):
    certificate_p: Certificate

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.certificate_p = issue_programme_certificate(cls.learner_a)

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def test_the_signed_block_names_the_programme_and_batch(self) -> None:
        certificate = self.certificate_p
        self.assertIsNone(certificate.enrolment_id)
        self.assertIsNone(certificate.course_id)
        self.assertEqual(certificate.kind, "programme")
        self.assertEqual(
            certificate.payload["course"],
            {
                "kind": "programme",
                "code": "PATWARI-IND",
                "batch": "B1",
                "title_en": "Induction for newly appointed Patwaris",
                "title_hi": PROGRAMME_TITLE_HI,
                "provider": {
                    "code": "MP-ATI",
                    "name_en": "RCVP Noronha Academy",
                    "name_hi": "आरसीवीपी नरोन्हा प्रशासन अकादमी",
                },
            },
        )
        self.assertEqual(certificate.payload["hours"], "13.00")
        self.assertEqual(certificate.payload["competencies"], [{"code": "RTI", "level": 2}])
        self.assertEqual(certificate.payload["learner"]["employee_code"], "MP0003")
        self.assertEqual(certificate.issued_at.microsecond, 0)
        self.assertTrue(signing.verify_payload(certificate.payload, certificate.signature, certificate.key_id))

    def test_a_course_certificate_keeps_the_block_it_always_had(self) -> None:
        self.assertEqual(self.certificate_a.kind, "course")
        self.assertEqual(set(self.certificate_a.payload["course"]), {"code", "title_en", "title_hi", "provider"})

    def test_an_unknown_kind_or_a_missing_code_is_refused(self) -> None:
        before = Certificate.objects.count()
        with self.assertRaises(ValueError):
            issue_programme_certificate(self.learner_a, subject={"kind": "workshop", "code": "W1"})
        with self.assertRaises(ValueError):
            issue_programme_certificate(self.learner_a, subject={"kind": "programme", "code": ""})
        self.assertEqual(Certificate.objects.count(), before)

    def test_the_learner_is_told_unless_the_caller_tells_them_itself(self) -> None:
        earlier = set(Message.objects.values_list("pk", flat=True))
        with self.captureOnCommitCallbacks(execute=True):
            told = issue_programme_certificate(self.learner_a, notify=True)
            issue_programme_certificate(self.learner_a, subject={"kind": "programme", "code": "P2", "batch": "B9"})
        [message] = Message.objects.exclude(pk__in=earlier)
        self.assertEqual((message.kind, message.to), ("certificate", "sita.devi@mp.gov.in"))
        self.assertIn(told.display_code, message.body)
        told.refresh_from_db()
        self.assertTrue(told.pdf.name)  # rendered after commit, like a course's

    def test_the_verify_page_says_programme(self) -> None:
        response = Client().get(f"/verify/{self.certificate_p.pk}/")
        self.assertContains(response, "Sita Devi has completed the programme “Induction for newly appointed Patwaris”.")
        self.assertContains(response, "<dt>Programme</dt>", html=True)
        self.assertContains(response, "<code>B1</code>", html=True)
        course = Client().get(f"/verify/{self.certificate_a.pk}/")
        self.assertContains(course, "Sita Devi has completed the course “Right to Information Act, 2005”.")
        self.assertNotContains(course, "has completed the programme")

    def test_the_pdf_says_programme_in_both_languages(self) -> None:
        text = pdf_text(self.certificate_p)
        self.assertIn("has completed the programme / ने कार्यक्रम पूर्ण किया", text)
        self.assertIn(PROGRAMME_TITLE_HI, text)
        self.assertNotIn("has completed the course", text)
        self.assertIn("has completed the course / ने पाठ्यक्रम पूर्ण किया", pdf_text(self.certificate_a))

    def test_administrators_of_the_learner_see_it(self) -> None:
        for admin in (self.nodal_a, self.state_admin):
            client = self.client_for(admin)
            listed = client.get("/certificates/issued/", {"q": self.certificate_p.display_code})
            self.assertContains(listed, "Induction for newly appointed Patwaris")
            self.assertEqual(client.get(f"/certificates/{self.certificate_p.pk}/").status_code, 200)
            self.assertEqual(client.get(f"/certificates/{self.certificate_p.pk}.pdf").status_code, 200)
        # Seen as the learner's, not as a course's: no course, no provider behind it.
        self.assertIn(self.certificate_p, visible_certificates(self.nodal_a))
        self.assertNotIn(self.certificate_p, visible_certificates(self.outsider))

    def test_others_get_404(self) -> None:
        # Health's nodal officer, the Revenue provider's publisher (the programme is no course of
        # theirs) and another learner.
        for user in (self.outsider, self.publisher_a, self.learner_b):
            client = self.client_for(user)
            self.assertEqual(client.get(f"/certificates/{self.certificate_p.pk}/").status_code, 404, user)
            self.assertEqual(client.get(f"/certificates/{self.certificate_p.pk}.pdf").status_code, 404, user)
            response = client.post(f"/certificates/{self.certificate_p.pk}/revoke/", {"reason": "No"})
            self.assertEqual(response.status_code, 404, user)
        self.certificate_p.refresh_from_db()
        self.assertTrue(self.certificate_p.is_valid)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for path in (f"/certificates/{self.certificate_p.pk}/", f"/certificates/{self.certificate_p.pk}.pdf"):
            response = Client().get(path)
            self.assertEqual(response.status_code, 302, path)
            self.assertIn("/sign-in/", response["Location"])

    def test_its_holder_lists_and_downloads_it(self) -> None:
        client = self.client_for(self.learner_a)
        self.assertContains(client.get("/certificates/"), self.certificate_p.display_code)
        self.assertEqual(client.get(f"/certificates/{self.certificate_p.pk}.pdf").status_code, 200)
