"""Check a certificate's signed record offline: no database, no network.

    manage.py verify_certificate certificate-ABCDE.json
    manage.py verify_certificate certificate-ABCDE.json --public-key kshamta-public-key.pem

FILE is what /verify/<id>.json gives (or any JSON object with "payload", "signature"
and "key_id"). Without --public-key the keys configured here are used (the current
signing key and CERTIFICATE_PUBLIC_KEYS_DIR). Exit status 0 when the signature is
valid, 1 when it is not. Revocation cannot be checked offline: see /verify/<id>/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.certificates import signing


class Command(BaseCommand):
    help = "Verify a certificate's signed JSON record offline with the platform's public key."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The certificate's JSON record (from /verify/<id>.json).")
        parser.add_argument("--public-key", help="A PEM file with the Ed25519 public key to check against.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            document = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from None
        if not isinstance(document, dict) or not {"payload", "signature", "key_id"} <= document.keys():
            raise CommandError("The file is not a certificate record: it needs payload, signature and key_id.")
        payload, signature, key_id = document["payload"], document["signature"], document["key_id"]
        keys = None
        if options["public_key"]:
            try:
                public_key = signing.load_public_pem(Path(options["public_key"]).read_bytes())
            except (OSError, ValueError) as exc:
                raise CommandError(f"Cannot read the public key {options['public_key']}: {exc}") from None
            keys = {signing.key_id_of(public_key): public_key}
            if key_id not in keys:
                raise CommandError(
                    f"INVALID: the certificate names key {key_id}, but {options['public_key']} is key "
                    f"{signing.key_id_of(public_key)}."
                )
        if not signing.verify_payload(payload, signature, key_id, keys=keys):
            raise CommandError("INVALID: the signature does not match this record (or the key is unknown).")
        learner = payload.get("learner", {})
        course = payload.get("course", {})
        self.stdout.write(
            f"VALID signature (Ed25519, key {key_id}).\n"
            f"Certificate {payload.get('id')} ({payload.get('access_code')}), issued {payload.get('issued_at')}\n"
            f"to {learner.get('name_en')} {learner.get('name_hi')} for {course.get('code')} "
            f"{course.get('title_en')} ({payload.get('hours')} hours), by {payload.get('issuer')}.\n"
            "Revocation is not part of the signature: check the certificate's page online."
        )
