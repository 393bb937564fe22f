"""The certificate signing key.

    manage.py certificate_key show     key id and public key of the current key
    manage.py certificate_key create   make the key (refuses if one exists)
    manage.py certificate_key rotate   make a new key; the old public key stays trusted

Keep a backup of CERTIFICATE_SIGNING_KEY_FILE. After a rotation the old private key is
gone, but its public key stays in CERTIFICATE_PUBLIC_KEYS_DIR, so every certificate it
signed still verifies; new certificates are signed with the new key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.certificates import signing


class Command(BaseCommand):
    help = "Show, create or rotate the Ed25519 key that signs certificates."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("operation", choices=["show", "create", "rotate"])

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
        operation = options["operation"]
        if operation == "show":
            if not path.exists():
                raise CommandError(f"There is no signing key at {path}.")
        elif operation == "create":
            new_key = Ed25519PrivateKey.generate()
            if not signing.write_private_key(path, new_key):
                raise CommandError(f"A signing key already exists at {path}; use `rotate` to replace it.")
            signing.publish_public_key(new_key.public_key())
        else:
            # The outgoing key's public half must stay trusted before it is replaced.
            if path.exists() and signing.publish_public_key(signing.current_key().public_key) is None:
                raise CommandError(
                    f"Cannot keep the current public key in {settings.CERTIFICATE_PUBLIC_KEYS_DIR}; not rotating."
                )
            new_key = Ed25519PrivateKey.generate()
            signing.write_private_key(path, new_key, replace=True)
            signing.publish_public_key(new_key.public_key())
        key = signing.current_key()
        self.stdout.write(f"key id: {key.key_id}\nfile: {path}\n{signing.public_pem(key.public_key)}")
