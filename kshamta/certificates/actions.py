"""Issuing and revoking certificates.

Issuing is on the learner's path (the request that completes a course), so it only
builds the payload, signs it (Ed25519: microseconds) and inserts the row; the PDF is
rendered by a background job after commit, or on first download.

Hours on a certificate are the nominal duration of the course version the learner
took (duration_minutes / 60), the same for everyone who completes it, as on any
training certificate. The time a learner actually spent (Enrolment.learning_seconds)
is shown separately on the passport as learning time.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kshamta.accounts.models import Profile
from kshamta.catalog.models import CourseCompetency
from kshamta.certificates import signing
from kshamta.certificates.models import Certificate
from kshamta.core import audit
from kshamta.core.text import clean_text
from kshamta.learning.models import Enrolment
from kshamta.notifications.actions import queue_message

# Short, unambiguous code to type on the verification page: no 0/O, 1/I/L.
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 10
MAX_REASON_LENGTH = 1000


class CertificateError(Exception):
    """A certificate action the rules refuse; the message says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def new_access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def normalise_access_code(text: str) -> str:
    """What someone typed (any case, spaces or hyphens) as a stored code; "" if it cannot be one."""
    code = "".join(ch for ch in str(text).upper() if ch.isalnum())
    if len(code) != ACCESS_CODE_LENGTH or any(ch not in ACCESS_CODE_ALPHABET for ch in code):
        return ""
    return code


def verify_url(certificate_id: uuid.UUID | str) -> str:
    """The absolute address of a certificate's public page (printed as the QR code)."""
    return settings.SITE_URL + reverse("certificates:verify", args=[str(certificate_id)])


def hours_of(duration_minutes: int) -> decimal.Decimal:
    return (decimal.Decimal(duration_minutes) / 60).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)


def build_payload(
    *,
    certificate_id: uuid.UUID,
    access_code: str,
    learner: dict[str, str],
    course: dict[str, Any],
    issued_at: datetime.datetime,
    hours: decimal.Decimal,
    competencies: list[dict[str, Any]],
    key_id: str,
) -> dict[str, Any]:
    """The signed statement. Strings and integers only (see signing.canonical_json)."""
    return {
        "id": str(certificate_id),
        "access_code": access_code,
        "learner": learner,
        "course": course,
        "issued_at": signing.iso_utc(issued_at),
        "hours": str(hours),
        "competencies": [{"code": c["code"], "level": int(c["level"])} for c in competencies],
        "issuer": settings.CERTIFICATE_ISSUER,
        "key_id": key_id,
    }


def _certificate_for(enrolment: Any, key: signing.SigningKey) -> Certificate:
    user = enrolment.user
    course = enrolment.course
    provider = course.provider
    version = enrolment.version
    links = CourseCompetency.objects.filter(version_id=enrolment.version_id).select_related("competency")
    competencies = [
        {
            "id": link.competency_id,
            "code": link.competency.code,
            "level": link.level,
            "name_en": link.competency.name_en,
            "name_hi": link.competency.name_hi,
        }
        for link in links
    ]
    employee_code = Profile.objects.filter(pk=user.pk).values_list("employee_code", flat=True).first() or ""
    # Whole seconds, so the row and the signed ISO time say the same thing.
    issued_at = (enrolment.completed_at or timezone.now()).replace(microsecond=0)
    certificate_id = uuid.uuid4()
    access_code = new_access_code()
    hours = hours_of(version.duration_minutes)
    payload = build_payload(
        certificate_id=certificate_id,
        access_code=access_code,
        learner={"name_en": user.name_en, "name_hi": user.name_hi, "employee_code": employee_code},
        course={
            "code": course.code,
            "title_en": version.title_en,
            "title_hi": version.title_hi,
            "provider": {"code": provider.code, "name_en": provider.name_en, "name_hi": provider.name_hi},
        },
        issued_at=issued_at,
        hours=hours,
        competencies=competencies,
        key_id=key.key_id,
    )
    return Certificate(
        id=certificate_id,
        access_code=access_code,
        user=user,
        enrolment=enrolment,
        course=course,
        issued_at=issued_at,
        learner_name_en=user.name_en,
        learner_name_hi=user.name_hi,
        title_en=version.title_en,
        title_hi=version.title_hi,
        provider_name_en=provider.name_en,
        provider_name_hi=provider.name_hi,
        hours=hours,
        competencies=competencies,
        payload=payload,
        signature=key.sign(payload),
        key_id=key.key_id,
    )


def do_issue_certificate(enrolment: Any) -> Certificate:
    """The certificate of a completed enrolment, issued once.

    Callers completing a course hold the enrolment row locked; should two issues still
    race (another path, another process), the unique enrolment makes the second insert
    fail and the first certificate is returned.
    """
    existing = Certificate.objects.filter(enrolment_id=enrolment.pk).first()
    if existing is not None:
        return existing
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise CertificateError(_("A certificate is issued only for a completed course."))
    from kshamta.certificates.tasks import render_certificate_pdf

    key = signing.current_key()
    for _attempt in range(3):
        certificate = _certificate_for(enrolment, key)
        try:
            # The write. Called on its own this block is the whole transaction; inside the
            # caller's (completion) it is a savepoint, so a lost race undoes only this.
            with transaction.atomic():
                certificate.save(force_insert=True)
                certificate_id = str(certificate.pk)
                transaction.on_commit(functools.partial(render_certificate_pdf.enqueue, certificate_id))
                _tell_learner(certificate)
        except IntegrityError:
            existing = Certificate.objects.filter(enrolment_id=enrolment.pk).first()
            if existing is not None:
                return existing
            continue  # the access code was taken (about 1 in 10^14): draw another
        return certificate
    raise CertificateError(_("The certificate could not be issued. Please try again."))


def _tell_learner(certificate: Certificate) -> None:
    """Queue the learner's e-mail (or SMS) with the links to verify and download."""
    user = certificate.user
    contact = user.email or user.mobile
    if not contact:
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "learner_name": certificate.learner_name,
            "title": certificate.title,
            "verify_url": verify_url(certificate.pk),
            "download_url": settings.SITE_URL + reverse("certificates:download", args=[str(certificate.pk)]),
        }
        if user.email:
            subject = _("Your certificate: %(title)s") % {"title": certificate.title}
            body = render_to_string("certificates/email/issued.txt", context)
            queue_message(channel="email", to=user.email, subject=subject, body=body, kind="certificate")
        else:
            text = _("Kshamta: your certificate for %(title)s is ready. Code %(code)s. Verify: %(url)s") % {
                "title": certificate.title,
                "code": certificate.display_code,
                "url": context["verify_url"],
            }
            queue_message(channel="sms", to=contact, subject="", body=text, kind="certificate")


@transaction.atomic
def do_revoke_certificate(certificate: Certificate, *, reason: str, acting_user: Any) -> Certificate:
    """Revoke with a reason (required). The verification page then says so, and the PDF is
    rendered again with REVOKED / निरस्त across it. Callers check the scope (access.py)."""
    text = clean_text(reason)
    if not text:
        raise CertificateError(_("Give the reason for revoking this certificate."))
    if len(text) > MAX_REASON_LENGTH:
        raise CertificateError(_("Keep the reason under %(limit)s characters.") % {"limit": MAX_REASON_LENGTH})
    locked = (
        Certificate.objects.select_for_update(of=("self",)).select_related("user__profile__org").get(pk=certificate.pk)
    )
    if locked.revoked_at is not None:
        raise CertificateError(_("This certificate has already been revoked."))
    old_pdf = locked.pdf.name
    locked.revoked_at = timezone.now()
    locked.revoked_reason = text
    locked.revoked_by = acting_user if getattr(acting_user, "pk", None) else None
    locked.pdf.name = ""
    locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by", "pdf"])
    profile = getattr(locked.user, "profile", None)
    audit.record(
        actor=acting_user,
        action="certificate.revoke",
        target=locked,
        org_path=profile.org.path if profile else "",
        before={"revoked": False},
        after={"revoked": True, "reason": text},
    )

    from kshamta.certificates.tasks import render_certificate_pdf

    storage = locked.pdf.storage
    certificate_id = str(locked.pk)

    def after_commit() -> None:
        if old_pdf:
            storage.delete(old_pdf)
        render_certificate_pdf.enqueue(certificate_id)

    transaction.on_commit(after_commit)
    for field in ("revoked_at", "revoked_reason", "revoked_by_id"):
        setattr(certificate, field, getattr(locked, field))
    certificate.pdf.name = ""
    return locked
