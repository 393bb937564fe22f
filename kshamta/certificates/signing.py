"""The platform's Ed25519 certificate key: load or create it, sign, verify, publish.

What is signed is the canonical JSON of a certificate's payload: keys sorted, no spaces
(separators "," and ":"), non-ASCII text as itself (ensure_ascii=False), UTF-8. Every
value in a payload is a string, an integer, a list or an object (hours are a decimal
string), so any language's JSON library produces the same bytes. The signature is the
base64 of Ed25519 over those bytes; ``key_id`` is the first 16 hex digits of the
SHA-256 of the raw 32-byte public key.

The private key lives in ``settings.CERTIFICATE_SIGNING_KEY_FILE``. Every public key that
has signed lives on in ``settings.CERTIFICATE_PUBLIC_KEYS_DIR`` as ``<key id>.pem``, so a
rotation (``manage.py certificate_key rotate``) never invalidates older certificates.
Nothing here touches the database: ``manage.py verify_certificate`` works offline.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)
ALGORITHM = "Ed25519"


def canonical_json(payload: dict[str, Any]) -> bytes:
    """The exact bytes that are signed."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def iso_utc(moment: datetime.datetime) -> str:
    """A moment as signed: ISO 8601 in UTC, whole seconds, with Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc_now() -> str:
    return iso_utc(datetime.datetime.now(datetime.UTC))


def key_id_of(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(
        encoding=serialization.Encoding.PEM, format=serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_pem(data: bytes | str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(data.encode("ascii") if isinstance(data, str) else data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey
    key_id: str

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    def sign(self, payload: dict[str, Any]) -> str:
        return base64.b64encode(self.private_key.sign(canonical_json(payload))).decode("ascii")


# The key is read once per process and file version (path, mtime): signing stays fast,
# and a rotated key file is picked up without a restart.
_cache: dict[tuple[str, int, int], SigningKey] = {}
_lock = threading.Lock()


class SigningKeyMissing(ImproperlyConfigured):
    pass


def _private_pem(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )


def write_private_key(path: Path, private_key: Ed25519PrivateKey, *, replace: bool = False) -> bool:
    """Write the key to ``path`` with 0600 permissions, atomically.

    Without ``replace``, an existing file wins (two processes creating the key at once
    end up with the same key): returns False when the file was already there.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".certificate-key-")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_private_pem(private_key))
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
            return True
        try:
            os.link(temporary, path)  # fails if the file exists: first writer wins
        except FileExistsError:
            return False
        return True
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def publish_public_key(public_key: Ed25519PublicKey, directory: Path | None = None) -> Path | None:
    """Keep ``public_key`` among the verification keys (``<key id>.pem``); None if the
    directory cannot be written (a read-only deployment provisions it itself)."""
    directory = directory or Path(settings.CERTIFICATE_PUBLIC_KEYS_DIR)
    target = directory / f"{key_id_of(public_key)}.pem"
    if target.exists():
        return target
    try:
        directory.mkdir(parents=True, exist_ok=True)
        target.write_text(public_pem(public_key), encoding="ascii")
    except OSError as exc:
        logger.warning("could not keep the certificate public key in %s: %s", directory, exc)
        return None
    return target


def current_key() -> SigningKey:
    """The key that signs new certificates, created on first use outside production."""
    path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
    try:
        stat = path.stat()
    except FileNotFoundError:
        if not settings.CERTIFICATE_KEY_AUTO_CREATE:
            raise SigningKeyMissing(
                f"The certificate signing key {path} does not exist. Create it with "
                "`manage.py certificate_key create` (and keep a backup), or set CERTIFICATE_SIGNING_KEY_FILE."
            ) from None
        with _lock:
            if write_private_key(path, Ed25519PrivateKey.generate()):
                logger.warning("created a new certificate signing key at %s", path)
        stat = path.stat()
    version = (str(path), stat.st_mtime_ns, stat.st_ino)
    cached = _cache.get(version)
    if cached is not None:
        return cached
    private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(private_key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} is not an Ed25519 private key")
    key = SigningKey(private_key=private_key, key_id=key_id_of(private_key.public_key()))
    publish_public_key(key.public_key)
    with _lock:
        _cache.clear()
        _cache[version] = key
    return key


_published: dict[tuple[str, int], dict[str, Ed25519PublicKey]] = {}


def _published_keys(directory: Path) -> dict[str, Ed25519PublicKey]:
    """The keys kept in ``directory``, read again only when its contents change."""
    try:
        version = directory.stat().st_mtime_ns
    except FileNotFoundError:
        return {}
    cached = _published.get((str(directory), version))
    if cached is not None:
        return cached
    keys: dict[str, Ed25519PublicKey] = {}
    for pem in sorted(directory.glob("*.pem")):
        try:
            key = load_public_pem(pem.read_bytes())
        except ValueError:
            logger.warning("%s is not an Ed25519 public key; ignored", pem)
            continue
        keys[key_id_of(key)] = key
    with _lock:
        _published.clear()
        _published[(str(directory), version)] = keys
    return keys


def verification_keys() -> dict[str, Ed25519PublicKey]:
    """Every public key a certificate may have been signed with, by key id: the current
    one and those kept in the public keys directory."""
    keys = dict(_published_keys(Path(settings.CERTIFICATE_PUBLIC_KEYS_DIR)))
    # Verifying never creates a key: with no signing key yet, nothing was signed by it.
    if Path(settings.CERTIFICATE_SIGNING_KEY_FILE).exists():
        current = current_key()
        keys[current.key_id] = current.public_key
    return keys


def verify_with(public_key: Ed25519PublicKey, payload: dict[str, Any], signature: str) -> bool:
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        public_key.verify(raw, canonical_json(payload))
    except (InvalidSignature, binascii.Error, ValueError, UnicodeEncodeError):
        return False
    return True


def verify_payload(
    payload: dict[str, Any], signature: str, key_id: str, *, keys: dict[str, Ed25519PublicKey] | None = None
) -> bool:
    """True if ``signature`` is a valid signature of ``payload`` by the key ``key_id``.

    The payload must name the same key (a signature cannot be moved to another key's
    claim). ``keys`` defaults to this platform's verification keys; pass a public key
    of your own to check offline.
    """
    if not isinstance(payload, dict) or payload.get("key_id") != key_id or not isinstance(signature, str):
        return False
    public_key = (keys if keys is not None else verification_keys()).get(key_id)
    return public_key is not None and verify_with(public_key, payload, signature)
