"""The Ed25519 key and signatures: verifiable offline with the published key, across key rotations."""

from __future__ import annotations

import base64
import copy
import io
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.management import CommandError, call_command
from django.test import Client, SimpleTestCase, override_settings

from kshamta.catalog.testing import make_course
from kshamta.certificates import actions, signing
from kshamta.certificates.tests.cast import CertificateTestCase, completed_enrolment


class SignatureTests(CertificateTestCase):
    def published_key(self) -> Ed25519PublicKey:
        response = Client().get("/verify/public-key")
        self.assertEqual(response.status_code, 200)
        key = serialization.load_pem_public_key(response.content)
        assert isinstance(key, Ed25519PublicKey)
        return key

    def test_the_published_key_verifies_the_canonical_json(self) -> None:
        document = Client().get(f"/verify/{self.certificate_a.pk}.json").json()
        payload = document["payload"]
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        self.assertIn("सीता देवी".encode(), canonical)  # Hindi as UTF-8, not \\u escapes
        # Straight from the cryptography library, as docs/certificates.md shows.
        self.published_key().verify(base64.b64decode(document["signature"]), canonical)

    def test_an_altered_payload_fails(self) -> None:
        key = self.published_key()
        certificate = self.certificate_a
        for change in (
            lambda p: p["learner"].update(name_en="Someone Else"),
            lambda p: p.update(hours="100.00"),
            lambda p: p["competencies"][0].update(level=5),
            lambda p: p.update(issued_at="2020-01-01T00:00:00Z"),
        ):
            altered = copy.deepcopy(certificate.payload)
            change(altered)
            self.assertFalse(signing.verify_payload(altered, certificate.signature, certificate.key_id))
            with self.assertRaises(InvalidSignature):
                key.verify(base64.b64decode(certificate.signature), signing.canonical_json(altered))
        # Another certificate's signature, a wrong key id, garbage: all fail.
        self.assertFalse(signing.verify_payload(certificate.payload, self.certificate_b.signature, certificate.key_id))
        self.assertFalse(signing.verify_payload(certificate.payload, certificate.signature, "0" * 16))
        self.assertFalse(signing.verify_payload(certificate.payload, "not base64!", certificate.key_id))
        self.assertTrue(signing.verify_payload(certificate.payload, certificate.signature, certificate.key_id))

    def test_key_id_is_the_start_of_the_public_key_hash(self) -> None:
        import hashlib

        raw = self.published_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.assertEqual(self.certificate_a.key_id, hashlib.sha256(raw).hexdigest()[:16])
        body = Client().get("/verify/public-key.json").json()
        self.assertEqual(body["current_key_id"], self.certificate_a.key_id)
        self.assertEqual(body["keys"][0]["key_id"], self.certificate_a.key_id)
        self.assertTrue(body["keys"][0]["current"])

    def test_the_key_file_is_private(self) -> None:
        from django.conf import settings

        mode = stat.S_IMODE(os.stat(settings.CERTIFICATE_SIGNING_KEY_FILE).st_mode)
        self.assertEqual(mode, 0o600)

    def test_old_certificates_still_verify_after_a_rotation(self) -> None:
        # Rotate a copy of the keys: files outlive the test's transaction.
        from django.conf import settings

        keys = Path(tempfile.mkdtemp(dir=self.folder))
        shutil.copy(settings.CERTIFICATE_SIGNING_KEY_FILE, keys / "signing.pem")
        shutil.copytree(settings.CERTIFICATE_PUBLIC_KEYS_DIR, keys / "public")
        with override_settings(
            CERTIFICATE_SIGNING_KEY_FILE=keys / "signing.pem", CERTIFICATE_PUBLIC_KEYS_DIR=keys / "public"
        ):
            self.rotate_and_check()

    def rotate_and_check(self) -> None:
        old = self.certificate_a
        call_command("certificate_key", "rotate", stdout=io.StringIO())
        new_key = signing.current_key()
        self.assertNotEqual(new_key.key_id, old.key_id)
        self.assertTrue(signing.verify_payload(old.payload, old.signature, old.key_id))
        newer = actions.do_issue_certificate(completed_enrolment(self.learner_a, make_course("ROT-1")))
        self.assertEqual(newer.key_id, new_key.key_id)
        self.assertTrue(signing.verify_payload(newer.payload, newer.signature, newer.key_id))
        keys = Client().get("/verify/public-key.json").json()["keys"]
        self.assertEqual({k["key_id"] for k in keys}, {old.key_id, new_key.key_id})
        self.assertEqual([k["key_id"] for k in keys if k["current"]], [new_key.key_id])
        page = Client().get(f"/verify/{old.pk}/")
        self.assertContains(page, "Valid.")
        self.assertNotContains(page, "does not match")


class OfflineCommandTests(CertificateTestCase):
    def write(self, document: dict[str, object]) -> str:
        descriptor, name = tempfile.mkstemp(suffix=".json", dir=self.folder)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
        return name

    def test_verify_certificate_with_the_public_key_file(self) -> None:
        document = Client().get(f"/verify/{self.certificate_a.pk}.json").json()
        pem = self.folder / "published.pem"
        pem.write_bytes(Client().get("/verify/public-key").content)
        out = io.StringIO()
        call_command("verify_certificate", self.write(document), "--public-key", str(pem), stdout=out)
        self.assertIn("VALID signature", out.getvalue())
        self.assertIn("सीता देवी", out.getvalue())
        document["payload"]["learner"]["name_hi"] = "कोई और"
        with self.assertRaisesMessage(CommandError, "INVALID"):
            call_command("verify_certificate", self.write(document), "--public-key", str(pem), stdout=io.StringIO())

    def test_verify_certificate_with_the_configured_keys_and_bad_files(self) -> None:
        document = Client().get(f"/verify/{self.certificate_b.pk}.json").json()
        out = io.StringIO()
        call_command("verify_certificate", self.write(document), stdout=out)
        self.assertIn("VALID", out.getvalue())
        with self.assertRaisesMessage(CommandError, "not a certificate record"):
            call_command("verify_certificate", self.write({"hello": 1}), stdout=io.StringIO())
        broken = self.folder / "broken.json"
        broken.write_text("{not json", encoding="utf-8")
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            call_command("verify_certificate", str(broken), stdout=io.StringIO())


class KeyCreationTests(SimpleTestCase):
    def test_created_on_first_use_outside_production_and_refused_in_production(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "keys" / "signing.pem"
            public = Path(folder) / "public"
            with override_settings(
                CERTIFICATE_SIGNING_KEY_FILE=path, CERTIFICATE_PUBLIC_KEYS_DIR=public, CERTIFICATE_KEY_AUTO_CREATE=False
            ):
                with self.assertRaisesMessage(signing.SigningKeyMissing, "certificate_key create"):
                    signing.current_key()
                self.assertFalse(path.exists())
                self.assertEqual(signing.verification_keys(), {})  # verifying never creates a key
            with override_settings(
                CERTIFICATE_SIGNING_KEY_FILE=path, CERTIFICATE_PUBLIC_KEYS_DIR=public, CERTIFICATE_KEY_AUTO_CREATE=True
            ):
                key = signing.current_key()
                self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600)
                self.assertEqual(signing.current_key().key_id, key.key_id)  # the same key next time
                self.assertTrue((public / f"{key.key_id}.pem").exists())
                with self.assertRaisesMessage(CommandError, "already exists"):
                    call_command("certificate_key", "create", stdout=io.StringIO())

    def test_two_creators_at_once_end_up_with_one_key(self) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "signing.pem"
            first, second = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
            self.assertTrue(signing.write_private_key(path, first))
            self.assertFalse(signing.write_private_key(path, second))
            loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
            self.assertEqual(
                signing.key_id_of(loaded.public_key()),  # type: ignore[arg-type]
                signing.key_id_of(first.public_key()),
            )
            self.assertEqual(sorted(p.name for p in Path(folder).iterdir()), ["signing.pem"])  # no temp files left
