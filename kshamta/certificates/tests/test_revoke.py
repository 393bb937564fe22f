"""Revoking: a reason is required, only within scope, audited; the PDF then carries the stamp."""

from __future__ import annotations

from django.test import Client
from pypdf import PdfReader

from kshamta.accounts.models import User
from kshamta.certificates import actions
from kshamta.certificates.models import Certificate
from kshamta.certificates.tests.cast import CertificateTestCase
from kshamta.core.models import AuditEvent


class RevokeTests(CertificateTestCase):
    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def revoke_path(self, certificate: Certificate) -> str:
        return f"/certificates/{certificate.pk}/revoke/"

    def test_nodal_officer_of_the_learners_department_revokes_with_a_reason(self) -> None:
        client = self.client_for(self.nodal_a)
        page = client.get(f"/certificates/{self.certificate_a.pk}/")
        self.assertContains(page, "Revoke this certificate")
        self.assertContains(page, "सीता देवी")
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(self.revoke_path(self.certificate_a), {"reason": "  Completed by proxy  "})
        self.assertRedirects(response, f"/certificates/{self.certificate_a.pk}/")
        certificate = Certificate.objects.get(pk=self.certificate_a.pk)
        self.assertIsNotNone(certificate.revoked_at)
        self.assertEqual(certificate.revoked_reason, "Completed by proxy")
        self.assertEqual(certificate.revoked_by, self.nodal_a)
        event = AuditEvent.objects.get(action="certificate.revoke", target_id=str(certificate.pk))
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.after, {"revoked": True, "reason": "Completed by proxy"})
        self.assertEqual(event.org_path, self.district_a.path)
        # The PDF was rendered again, stamped.
        name = certificate.pdf.name or ""
        self.assertTrue(name.endswith("-revoked.pdf"))
        text = PdfReader(certificate.pdf.storage.open(name)).pages[0].extract_text()
        self.assertIn("REVOKED / निरस्त", " ".join(text.split()))  # set at an angle: read as two lines
        self.assertIn("Completed by proxy", text)
        self.assertContains(client.get(f"/certificates/{certificate.pk}/"), "Revoked by Ramesh Kumar")

    def test_a_reason_is_required(self) -> None:
        client = self.client_for(self.nodal_a)
        for reason in ("", "   ", "\u200b"):
            response = client.post(self.revoke_path(self.certificate_a), {"reason": reason})
            self.assertEqual(response.status_code, 400)
            self.assertContains(response, 'role="alert"', status_code=400)
        with self.assertRaisesMessage(actions.CertificateError, "reason"):
            actions.do_revoke_certificate(self.certificate_a, reason=" ", acting_user=self.nodal_a)
        self.assertIsNone(Certificate.objects.get(pk=self.certificate_a.pk).revoked_at)

    def test_revoking_twice_is_refused(self) -> None:
        actions.do_revoke_certificate(self.certificate_a, reason="Duplicate", acting_user=self.state_admin)
        with self.assertRaisesMessage(actions.CertificateError, "already been revoked"):
            actions.do_revoke_certificate(self.certificate_a, reason="Again", acting_user=self.state_admin)
        self.assertEqual(Certificate.objects.get(pk=self.certificate_a.pk).revoked_reason, "Duplicate")

    def test_outsiders_get_404_and_change_nothing(self) -> None:
        # outsider: nodal officer of Health; learner_a: the holder; learner_b: another learner.
        for user in (self.outsider, self.learner_a, self.learner_b):
            client = self.client_for(user)
            self.assertEqual(client.get(f"/certificates/{self.certificate_a.pk}/").status_code, 404, user)
            response = client.post(self.revoke_path(self.certificate_a), {"reason": "Because"})
            self.assertEqual(response.status_code, 404, user)
        self.assertIsNone(Certificate.objects.get(pk=self.certificate_a.pk).revoked_at)
        self.assertFalse(AuditEvent.objects.filter(action="certificate.revoke").exists())

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = Client().post(self.revoke_path(self.certificate_a), {"reason": "Because"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/sign-in", response["Location"])
        self.assertIsNone(Certificate.objects.get(pk=self.certificate_a.pk).revoked_at)

    def test_state_admin_and_the_providers_publisher_may_revoke(self) -> None:
        # certificate_b: a Health learner, but the course's provider is Revenue's training cell.
        self.assertEqual(
            self.client_for(self.state_admin).get(f"/certificates/{self.certificate_b.pk}/").status_code, 200
        )
        response = self.client_for(self.publisher_a).post(
            self.revoke_path(self.certificate_b), {"reason": "Content withdrawn"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Certificate.objects.get(pk=self.certificate_b.pk).revoked_by, self.publisher_a)

    def test_revoke_only_by_post(self) -> None:
        self.assertEqual(self.client_for(self.nodal_a).get(self.revoke_path(self.certificate_a)).status_code, 405)
