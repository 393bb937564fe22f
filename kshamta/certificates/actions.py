"""Issuing and revoking certificates.

Issuing is on the learner's path (the request that completes a course), so it only
builds the payload, signs it (Ed25519: microseconds) and inserts the row; the PDF is
rendered by a background job after commit, or on first download.

Hours on a certificate are the nominal duration of the course version the learner
took (duration_minutes / 60), the same for everyone who completes it, as on any
training certificate. The time a learner actually spent (Enrolment.learning_seconds)
is shown separately on the passport as learning time.

A blended programme's certificate (kshamta.programmes) is issued the same way, by
do_issue_certificate_for, with ``"kind": "programme"`` and the batch in its signed
``course`` block and the hours of its sessions and online courses.
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


# What a certificate can be for (Certificate.kind). A course's signed ``course`` block has no
# ``kind`` (the format course certificates have always had); every other kind is named in it.
SUBJECT_KINDS = ("course", "programme")


def _subject_block(
    subject: dict[str, Any],
    *,
    title_en: str,
    title_hi: str,
    provider_code: str,
    provider_name_en: str,
    provider_name_hi: str,
) -> dict[str, Any]:
    """The payload's ``course`` block: the subject's keys (``kind`` only when not a course), titles, provider."""
    kind = subject.get("kind", "course")
    if kind not in SUBJECT_KINDS:
        raise ValueError(f"a certificate is for one of {SUBJECT_KINDS}, not {kind!r}")
    if not subject.get("code"):
        raise ValueError("a certificate's subject needs its code")
    block: dict[str, Any] = {key: str(value) for key, value in subject.items() if key != "kind"}
    if kind != "course":
        block["kind"] = kind
    block.update(
        title_en=title_en,
        title_hi=title_hi,
        provider={"code": provider_code, "name_en": provider_name_en, "name_hi": provider_name_hi},
    )
    return block


def _new_certificate(
    key: signing.SigningKey,
    *,
    user: Any,
    learner: dict[str, str],
    block: dict[str, Any],
    hours: decimal.Decimal,
    competencies: list[dict[str, Any]],
    issued_at: datetime.datetime,
    enrolment: Any,
    course: Any,
) -> Certificate:
    """An unsaved, signed certificate with a fresh id and access code."""
    certificate_id = uuid.uuid4()
    access_code = new_access_code()
    payload = build_payload(
        certificate_id=certificate_id,
        access_code=access_code,
        learner=learner,
        course=block,
        issued_at=issued_at,
        hours=hours,
        competencies=competencies,
        key_id=key.key_id,
    )
    provider = block["provider"]
    return Certificate(
        id=certificate_id,
        access_code=access_code,
        user=user,
        enrolment=enrolment,
        course=course,
        issued_at=issued_at,
        learner_name_en=user.name_en,
        learner_name_hi=user.name_hi,
        title_en=block["title_en"],
        title_hi=block["title_hi"],
        provider_name_en=provider["name_en"],
        provider_name_hi=provider["name_hi"],
        hours=hours,
        competencies=competencies,
        payload=payload,
        signature=key.sign(payload),
        key_id=key.key_id,
    )


def do_issue_certificate_for(
    *,
    user: Any,
    subject: dict[str, Any],
    title_en: str,
    title_hi: str,
    provider_name_en: str,
    provider_name_hi: str,
    hours: decimal.Decimal,
    competencies: list[dict[str, Any]],
    issued_at: datetime.datetime,
    provider_code: str = "",
    enrolment: Any = None,
    course: Any = None,
    notify: bool = True,
) -> Certificate:
    """Sign and insert a certificate for what ``user`` completed; after commit, render its PDF and,
    with ``notify``, tell the learner.

    ``subject`` says what was completed: ``{"kind": "course", "code": ...}`` or
    ``{"kind": "programme", "code": ..., "batch": ...}`` (values signed as strings).
    ``competencies`` are ``{"code", "level", "name_en", "name_hi"}`` (the payload signs code and
    level). With an ``enrolment`` (completed, or CertificateError) the certificate is that
    completion's only one: if one exists, or another process inserts it first (the unique
    enrolment stops the second insert), that one is returned. Without one, the caller makes the
    issue once (programmes lock the nomination row and keep the certificate on it).
    """
    if enrolment is not None:
        existing = Certificate.objects.filter(enrolment_id=enrolment.pk).first()
        if existing is not None:
            return existing
        if enrolment.status != Enrolment.Status.COMPLETED:
            raise CertificateError(_("A certificate is issued only for a completed course."))
    block = _subject_block(
        subject,
        title_en=title_en,
        title_hi=title_hi,
        provider_code=provider_code,
        provider_name_en=provider_name_en,
        provider_name_hi=provider_name_hi,
    )
    employee_code = Profile.objects.filter(pk=user.pk).values_list("employee_code", flat=True).first() or ""
    learner = {"name_en": user.name_en, "name_hi": user.name_hi, "employee_code": employee_code}
    from kshamta.certificates.tasks import render_certificate_pdf

    key = signing.current_key()
    # Whole seconds, so the row and the signed ISO time say the same thing.
    issued_at = issued_at.replace(microsecond=0)
    for _attempt in range(3):
        certificate = _new_certificate(
            key,
            user=user,
            learner=learner,
            block=block,
            hours=hours,
            competencies=competencies,
            issued_at=issued_at,
            enrolment=enrolment,
            course=course,
        )
        try:
            # The write. Called on its own this block is the whole transaction; inside the
            # caller's (a completion) it is a savepoint, so a lost race undoes only this.
            with transaction.atomic():
                certificate.save(force_insert=True)
                certificate_id = str(certificate.pk)
                transaction.on_commit(functools.partial(render_certificate_pdf.enqueue, certificate_id))
                if notify:
                    _tell_learner(certificate)
        except IntegrityError:
            if enrolment is not None:
                existing = Certificate.objects.filter(enrolment_id=enrolment.pk).first()
                if existing is not None:
                    return existing
            continue  # the access code was taken (about 1 in 10^14): draw another
        return certificate
    raise CertificateError(_("The certificate could not be issued. Please try again."))


def _course_competencies(version_id: int) -> list[dict[str, Any]]:
    links = CourseCompetency.objects.filter(version_id=version_id).select_related("competency")
    return [
        {
            "id": link.competency_id,
            "code": link.competency.code,
            "level": link.level,
            "name_en": link.competency.name_en,
            "name_hi": link.competency.name_hi,
        }
        for link in links
    ]


def do_issue_certificate(enrolment: Any) -> Certificate:
    """The certificate of a completed enrolment, issued once.

    Callers completing a course hold the enrolment row locked; should two issues still
    race (another path, another process), the unique enrolment makes the second insert
    fail and the first certificate is returned. Its payload's ``course`` block has no
    ``kind``: the format course certificates have always been signed in.
    """
    course = enrolment.course
    provider = course.provider
    version = enrolment.version
    return do_issue_certificate_for(
        user=enrolment.user,
        subject={"kind": "course", "code": course.code},
        title_en=version.title_en,
        title_hi=version.title_hi,
        provider_code=provider.code,
        provider_name_en=provider.name_en,
        provider_name_hi=provider.name_hi,
        hours=hours_of(version.duration_minutes),
        competencies=_course_competencies(enrolment.version_id),
        issued_at=enrolment.completed_at or timezone.now(),
        enrolment=enrolment,
        course=course,
    )


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
