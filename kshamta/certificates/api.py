"""HTTP API of the certificates app (mounted under /api/v1/)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from kshamta.api.common import AUTH_ERRORS, MAX_PAGE_SIZE, caller, error_responses, paginate
from kshamta.api.errors import invalid
from kshamta.certificates import access, actions, signing
from kshamta.certificates.models import Certificate

router = Router(tags=["certificates"])


class CompetencyLevelOut(Schema):
    code: str
    level: int
    name_en: str
    name_hi: str


class CertificateOut(Schema):
    id: str
    access_code: str = Field(description="The code printed on the certificate, without its hyphen.")
    course: str = Field(description="Course code.")
    title_en: str
    title_hi: str
    provider_name_en: str
    provider_name_hi: str
    issued_at: datetime.datetime
    hours: str = Field(description="Certified learning hours, a decimal string such as 1.50.")
    competencies: list[CompetencyLevelOut]
    valid: bool = Field(description="False once revoked.")
    revoked_at: datetime.datetime | None
    revoked_reason: str
    verify_url: str = Field(description="The public verification page.")
    download_url: str = Field(description="The PDF, for the learner and their administrators (signed in).")


class CertificatePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CertificateOut]


class VerificationOut(Schema):
    id: str
    valid: bool = Field(description="Issued here and not revoked (and the signature matches).")
    signature_valid: bool = Field(description="The stored signature verifies with the platform's key.")
    revoked_at: datetime.datetime | None
    revoked_reason: str
    learner_name_en: str
    learner_name_hi: str
    title_en: str
    title_hi: str
    provider_name_en: str
    provider_name_hi: str
    issued_at: datetime.datetime
    hours: str
    competencies: list[CompetencyLevelOut]
    payload: dict[str, Any] = Field(description="The signed statement (see docs/certificates.md).")
    signature: str = Field(description="Base64 Ed25519 signature of the canonical JSON of `payload`.")
    algorithm: str
    key_id: str


class RevokeIn(Schema):
    reason: str = Field(description="Why the certificate is revoked; shown to anyone who verifies it.")


def _competencies(certificate: Certificate) -> list[dict[str, Any]]:
    return [
        {"code": c["code"], "level": int(c["level"]), "name_en": c.get("name_en", ""), "name_hi": c.get("name_hi", "")}
        for c in certificate.competencies
    ]


def certificate_out(certificate: Certificate) -> dict[str, Any]:
    return {
        "id": str(certificate.pk),
        "access_code": certificate.access_code,
        "course": certificate.payload.get("course", {}).get("code", ""),
        "title_en": certificate.title_en,
        "title_hi": certificate.title_hi,
        "provider_name_en": certificate.provider_name_en,
        "provider_name_hi": certificate.provider_name_hi,
        "issued_at": certificate.issued_at,
        "hours": str(certificate.hours),
        "competencies": _competencies(certificate),
        "valid": certificate.is_valid,
        "revoked_at": certificate.revoked_at,
        "revoked_reason": certificate.revoked_reason,
        "verify_url": actions.verify_url(certificate.pk),
        "download_url": settings.SITE_URL + reverse("certificates:download", args=[str(certificate.pk)]),
    }


@router.get(
    "/certificates",
    response={200: CertificatePage, **error_responses(*AUTH_ERRORS)},
    summary="My certificates",
    description="The caller's own certificates, newest first, revoked ones included (with `valid` false).",
)
def list_my_certificates(
    request: HttpRequest,
    page: int = Query(1, ge=1),
    page_size: int | None = Query(None, ge=1, le=MAX_PAGE_SIZE),
) -> dict[str, Any]:
    return paginate(access.own_certificates(caller(request)), page=page, page_size=page_size, serialise=certificate_out)


@router.get(
    "/certificates/{certificate_id}/verify",
    auth=None,
    response={200: VerificationOut, **error_responses(404)},
    summary="Verify a certificate (no authentication)",
    description="Anyone may verify a certificate by its id: what it says, whether it was revoked, and the "
    "signed payload with its signature to check offline with the key at /verify/public-key. "
    "An unknown or malformed id answers 404.",
    openapi_extra={"security": []},
)
def verify_certificate(request: HttpRequest, certificate_id: str) -> dict[str, Any]:
    certificate = access.public_certificate_by_id(certificate_id)
    signature_valid = signing.verify_payload(certificate.payload, certificate.signature, certificate.key_id)
    return {
        "id": str(certificate.pk),
        "valid": certificate.is_valid and signature_valid,
        "signature_valid": signature_valid,
        "revoked_at": certificate.revoked_at,
        "revoked_reason": certificate.revoked_reason,
        "learner_name_en": certificate.learner_name_en,
        "learner_name_hi": certificate.learner_name_hi,
        "title_en": certificate.title_en,
        "title_hi": certificate.title_hi,
        "provider_name_en": certificate.provider_name_en,
        "provider_name_hi": certificate.provider_name_hi,
        "issued_at": certificate.issued_at,
        "hours": str(certificate.hours),
        "competencies": _competencies(certificate),
        "payload": certificate.payload,
        "signature": certificate.signature,
        "algorithm": signing.ALGORITHM,
        "key_id": certificate.key_id,
    }


@router.post(
    "/certificates/{certificate_id}/revoke",
    response={200: CertificateOut, **error_responses(*AUTH_ERRORS, 400, 404)},
    summary="Revoke a certificate",
    description="For a nodal officer or state admin whose subtree holds the learner's organisation, or a "
    "publisher of the course's provider. `reason` is required. Revoking twice answers 400; a certificate "
    "outside the caller's scope answers 404.",
)
def revoke_certificate(request: HttpRequest, certificate_id: str, body: RevokeIn) -> dict[str, Any]:
    user = caller(request)
    certificate = access.access_certificate_for_admin(user, certificate_id)
    try:
        revoked = actions.do_revoke_certificate(certificate, reason=body.reason, acting_user=user)
    except actions.CertificateError as exc:
        raise invalid(exc.message) from None
    return certificate_out(revoked)
