"""Public verification: anyone, no sign-in; valid, revoked, unknown and malformed ids; look-up by code."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.test import Client, override_settings

from kshamta.certificates import actions
from kshamta.certificates.tests.cast import COURSE_TITLE_HI, CertificateTestCase


class VerifyPageTests(CertificateTestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_a_valid_certificate_shows_what_it_says_without_sign_in(self) -> None:
        certificate = self.certificate_a
        response = Client().get(f"/verify/{certificate.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        for text in (
            "Valid.",
            "Sita Devi",
            "सीता देवी",
            "Right to Information Act, 2005",
            COURSE_TITLE_HI,
            "Revenue training cell",
            certificate.issued_at.strftime("%d-%m-%Y"),
            certificate.display_code,
            "Right to Information",
            "RTI",
            "level 2",
            f"/verify/{certificate.pk}.json",
            "/verify/public-key",
        ):
            self.assertContains(response, text)
        self.assertNotContains(response, "Revoked.")
        self.assertNotContains(response, "does not match")

    def test_a_revoked_certificate_says_so_with_date_and_reason(self) -> None:
        actions.do_revoke_certificate(
            self.certificate_b, reason="Issued for the wrong person", acting_user=self.state_admin
        )
        self.certificate_b.refresh_from_db()
        response = Client().get(f"/verify/{self.certificate_b.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Revoked.")
        self.assertContains(response, "Issued for the wrong person")
        self.assertContains(response, self.certificate_b.revoked_at.strftime("%d-%m-%Y"))  # type: ignore[union-attr]
        self.assertNotContains(response, "Valid.")
        document = Client().get(f"/verify/{self.certificate_b.pk}.json").json()
        self.assertEqual(document["status"]["valid"], False)
        self.assertEqual(document["status"]["revoked_reason"], "Issued for the wrong person")

    def test_unknown_and_malformed_ids_get_no_such_certificate(self) -> None:
        for path in (f"/verify/{uuid.uuid4()}/", "/verify/not-a-uuid/", "/verify/12345/", "/verify/%27%20OR%201=1/"):
            response = Client().get(path)
            self.assertEqual(response.status_code, 404, path)
            self.assertContains(response, "No such certificate", status_code=404)
            self.assertContains(response, 'name="code"', status_code=404)  # the look-up form, to try again
        for path in (f"/verify/{uuid.uuid4()}.json", "/verify/nonsense.json"):
            response = Client().get(path)
            self.assertEqual(response.status_code, 404)
            self.assertEqual(response.json()["code"], "not_found")

    def test_the_signed_record_downloads_as_json(self) -> None:
        certificate = self.certificate_a
        response = Client().get(f"/verify/{certificate.pk}.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("सीता देवी", response.content.decode())  # readable UTF-8, not \\u escapes
        document = response.json()
        self.assertEqual(document["payload"], certificate.payload)
        self.assertEqual(document["signature"], certificate.signature)
        self.assertEqual((document["algorithm"], document["key_id"]), ("Ed25519", certificate.key_id))
        self.assertEqual(document["status"]["valid"], True)

    def test_public_key_in_pem_and_json(self) -> None:
        pem = Client().get("/verify/public-key")
        self.assertEqual(pem.status_code, 200)
        self.assertTrue(pem.content.startswith(b"-----BEGIN PUBLIC KEY-----"))
        self.assertEqual(pem["X-Key-Id"], self.certificate_a.key_id)
        body = Client().get("/verify/public-key.json").json()
        self.assertEqual(body["algorithm"], "Ed25519")
        self.assertEqual(body["keys"][0]["pem"], pem.content.decode())

    def test_look_up_by_access_code(self) -> None:
        certificate = self.certificate_a
        self.assertContains(Client().get("/verify/"), 'name="code"')
        typed = f"{certificate.access_code[:5].lower()} {certificate.access_code[5:]}"
        response = Client().get("/verify/", {"code": typed})
        self.assertRedirects(response, f"/verify/{certificate.pk}/")
        response = Client().get("/verify/", {"code": certificate.display_code})
        self.assertRedirects(response, f"/verify/{certificate.pk}/")
        missing = Client().get("/verify/", {"code": "ABCDE-FGHJK"})
        self.assertContains(missing, "No such certificate", status_code=404)
        malformed = Client().get("/verify/", {"code": "<script>"})
        self.assertContains(malformed, "No such certificate", status_code=404)
        self.assertNotContains(malformed, "<script>", status_code=404)
        self.assertEqual(Client().get("/verify/", {"code": ""}).status_code, 400)

    @override_settings(CERTIFICATE_LOOKUPS_PER_MINUTE=30)
    def test_look_ups_are_rate_limited_per_address(self) -> None:
        guesser = Client(REMOTE_ADDR="203.0.113.9")
        for _ in range(30):
            self.assertEqual(guesser.get("/verify/", {"code": "ABCDE-FGHJK"}).status_code, 404)
        blocked = guesser.get("/verify/", {"code": self.certificate_a.access_code})
        self.assertContains(blocked, "Too many look-ups", status_code=429)
        self.assertEqual(blocked["Retry-After"], "60")
        # Someone else, and the certificate's own page, are not affected.
        other = Client(REMOTE_ADDR="198.51.100.7").get("/verify/", {"code": self.certificate_a.access_code})
        self.assertEqual(other.status_code, 302)
        self.assertEqual(guesser.get(f"/verify/{self.certificate_a.pk}/").status_code, 200)

    def test_verify_page_in_hindi(self) -> None:
        response = Client(HTTP_ACCEPT_LANGUAGE="hi").get(f"/verify/{self.certificate_a.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="hi">')
        self.assertContains(response, "सीता देवी")

    def test_verify_page_queries_stay_flat(self) -> None:
        with self.assertNumQueries(1):
            self.assertEqual(Client().get(f"/verify/{self.certificate_a.pk}/").status_code, 200)
