"""The certificate PDF: for its holder and their administrators only; bilingual text that reads back; the QR code."""

from __future__ import annotations

import io
from typing import cast

from django.test import Client
from pypdf import PdfReader

from kshamta.accounts.models import User
from kshamta.certificates.models import Certificate
from kshamta.certificates.render import qr_code
from kshamta.certificates.tests.cast import COURSE_TITLE_HI, CertificateTestCase


def pdf_of(response: object) -> PdfReader:
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]


class DownloadTests(CertificateTestCase):
    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def path(self, certificate: Certificate) -> str:
        return f"/certificates/{certificate.pk}.pdf"

    def test_the_holder_downloads_a_bilingual_a4_landscape_pdf(self) -> None:
        certificate = self.certificate_a
        self.assertEqual(certificate.pdf.name, "")  # the render job has not run: rendered on demand
        response = self.client_for(self.learner_a).get(self.path(certificate))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn(f'filename="certificate-{certificate.access_code}.pdf"', response["Content-Disposition"])
        reader = pdf_of(response)
        self.assertEqual(len(reader.pages), 1)
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        self.assertEqual((round(width), round(height)), (842, 595))  # A4 landscape, in points
        lines = page.extract_text().splitlines()
        # The Hindi comes back exactly as written, each on its own line.
        self.assertIn("सीता देवी", lines)
        self.assertIn(COURSE_TITLE_HI, lines)
        self.assertIn("Sita Devi", lines)
        self.assertIn("पूर्णता प्रमाण-पत्र", lines)
        text = " ".join(" ".join(lines).split())
        verify_url = f"https://kshamta.mp.gov.in/verify/{certificate.pk}/"
        for expected in (
            "Certificate of completion",
            "Right to Information Act, 2005",
            "Revenue training cell / राजस्व प्रशिक्षण प्रकोष्ठ",
            f"Date of issue / जारी करने की तिथि: {certificate.issued_at:%d-%m-%Y}",
            "Learning hours / अध्ययन घंटे: 1",
            "Right to Information / सूचना का अधिकार (RTI) — level / स्तर 2",
            certificate.display_code,
            str(certificate.pk),
            verify_url,
            "Madhya Pradesh / मध्य प्रदेश",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("REVOKED", text)
        # Stored for next time.
        certificate.refresh_from_db()
        self.assertTrue(certificate.pdf.name)
        again = self.client_for(self.learner_a).get(self.path(certificate))
        self.assertEqual(b"".join(again.streaming_content)[:5], b"%PDF-")  # type: ignore[attr-defined]

    def test_the_qr_code_in_the_pdf_is_the_verify_url(self) -> None:
        certificate = self.certificate_a
        reader = pdf_of(self.client_for(self.learner_a).get(self.path(certificate)))
        images = reader.pages[0].images
        self.assertEqual(len(images), 1)
        image = images[0].image
        assert image is not None
        picture = image.convert("L")
        matrix = qr_code(f"https://kshamta.mp.gov.in/verify/{certificate.pk}/").matrix
        modules = len(matrix)
        self.assertEqual(picture.size, ((modules + 8) * 10, (modules + 8) * 10))  # 10 px a module, 4-module border
        # Every module of the embedded picture is the module segno made for the URL.
        for row in range(modules):
            for column in range(modules):
                dark = cast(int, picture.getpixel(((column + 4) * 10 + 5, (row + 4) * 10 + 5))) < 128
                self.assertEqual(dark, bool(matrix[row][column]), (row, column))

    def test_an_administrator_of_the_learner_downloads_it(self) -> None:
        for user in (self.nodal_a, self.state_admin):
            self.assertEqual(self.client_for(user).get(self.path(self.certificate_a)).status_code, 200, user)

    def test_everyone_else_gets_404(self) -> None:
        # learner_b: another learner; outsider: nodal officer of another department.
        for user in (self.learner_b, self.outsider):
            self.assertEqual(self.client_for(user).get(self.path(self.certificate_a)).status_code, 404, user)
        self.assertEqual(self.client_for(self.learner_a).get(self.path(self.certificate_b)).status_code, 404)
        self.assertEqual(self.client_for(self.learner_a).get("/certificates/not-a-uuid.pdf").status_code, 404)

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = Client().get(self.path(self.certificate_a))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/sign-in/", response["Location"])
