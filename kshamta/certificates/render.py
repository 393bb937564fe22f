"""The certificate (A4 landscape) and competency passport (A4 portrait) as PDF.

Both are bilingual whatever the reader's language: the fixed wording is printed in
English and Hindi side by side, as the official text of the document, so those pairs
are written here rather than taken from the interface's translations.
"""

from __future__ import annotations

import datetime
import decimal
import io
from typing import TYPE_CHECKING

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from kshamta.certificates.actions import verify_url
from kshamta.certificates.models import Certificate
from kshamta.core.pdf import MUTED, Cell, KshamtaPDF, new_document
from kshamta.orgs.models import Organisation

if TYPE_CHECKING:
    from kshamta.certificates.passport import Passport

BRAND = (11, 79, 140)
REVOKED_RED = (178, 34, 34)
QR_SIZE_MM = 34.0
# The line between the learner's name and the title, by what the certificate is for (Certificate.kind).
COMPLETED_WHAT = {
    "course": "has completed the course / ने पाठ्यक्रम पूर्ण किया",
    "programme": "has completed the programme / ने कार्यक्रम पूर्ण किया",
}


def indian_date(moment: datetime.datetime | datetime.date) -> str:
    """dd-mm-yyyy, in the platform's time zone for a moment in time."""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment)
    return moment.strftime("%d-%m-%Y")


def plain_hours(hours: decimal.Decimal | float | int) -> str:
    """1.50 → "1.5", 2.00 → "2"."""
    text = f"{decimal.Decimal(str(hours)).quantize(decimal.Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error="m")


def qr_png(url: str) -> io.BytesIO:
    """The QR code of ``url`` as a PNG in memory (10 px a module, the standard 4-module quiet zone)."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=10, border=4)
    buffer.seek(0)
    return buffer


def platform_names() -> tuple[str, str]:
    """The state (or root organisation) the platform serves, in English and Hindi."""
    root = Organisation.objects.filter(depth=0).order_by("path").first()
    if root is None:
        return settings.KSHAMTA_STATE_NAME_EN, ""
    return root.name_en, root.name_hi


def _pair(english: str, hindi: str) -> str:
    return f"{english} / {hindi}" if hindi and hindi != english else english


def certificate_pdf(certificate: Certificate, *, platform: tuple[str, str] | None = None) -> bytes:
    state_en, state_hi = platform or platform_names()
    pdf = new_document("L", margin=18)
    pdf.set_title(f"Certificate {certificate.display_code}")
    pdf.set_subject(f"{certificate.title_en} — {certificate.learner_name_en}")
    pdf.set_author(settings.CERTIFICATE_ISSUER)
    pdf.set_auto_page_break(False)
    pdf.add_page()

    # A light double border.
    pdf.set_draw_color(*BRAND)
    pdf.set_line_width(0.9)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_draw_color(160, 186, 214)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)

    pdf.set_y(17)
    pdf.text_line(_pair(state_en, state_hi), 11, colour=MUTED, align="C", fit=True)
    pdf.text_line("Kshamta · क्षमता", 10, colour=MUTED, align="C")
    pdf.y += 4
    pdf.text_line("पूर्णता प्रमाण-पत्र", 24, bold=True, align="C", colour=BRAND)
    pdf.text_line("Certificate of completion", 18, bold=True, align="C", colour=BRAND)
    pdf.y += 6
    pdf.text_line("This is to certify that / प्रमाणित किया जाता है कि", 11, align="C", colour=MUTED)
    if certificate.learner_name_hi:
        pdf.text_line(certificate.learner_name_hi, 21, bold=True, align="C", fit=True)
    pdf.text_line(certificate.learner_name_en, 19, bold=True, align="C", fit=True)
    pdf.y += 3
    pdf.text_line(COMPLETED_WHAT[certificate.kind], 11, align="C", colour=MUTED)
    if certificate.title_hi:
        pdf.text_line(certificate.title_hi, 16, bold=True, align="C", fit=True)
    pdf.text_line(certificate.title_en, 15, bold=True, align="C", fit=True)
    provider = _pair(certificate.provider_name_en, certificate.provider_name_hi)
    if provider:
        pdf.text_line(f"Offered by / प्रदाता: {provider}", 11, align="C", fit=True)
    pdf.y += 5
    facts = (
        f"Date of issue / जारी करने की तिथि: {indian_date(certificate.issued_at)}"
        f"     Learning hours / अध्ययन घंटे: {plain_hours(certificate.hours)}"
    )
    pdf.text_line(facts, 11, align="C", fit=True)
    if certificate.competencies:
        listed = "; ".join(
            f"{_pair(c.get('name_en', ''), c.get('name_hi', ''))} ({c['code']}) — level / स्तर {c['level']}"
            for c in certificate.competencies
        )
        pdf.paragraph(f"Competencies / दक्षताएँ: {listed}", 10, align="C", x=40, width=pdf.w - 80, line_height=1.35)

    # Identification and the way to check it, along the bottom.
    url = verify_url(certificate.pk)
    qr_x, qr_y = pdf.w - 18 - QR_SIZE_MM, pdf.h - 18 - QR_SIZE_MM - 5
    pdf.image(qr_png(url), x=qr_x, y=qr_y, w=QR_SIZE_MM, h=QR_SIZE_MM)
    pdf.set_y(qr_y + QR_SIZE_MM)
    pdf.text_line("Scan to verify / सत्यापन हेतु स्कैन करें", 8, align="C", colour=MUTED, x=qr_x - 8, width=QR_SIZE_MM + 16)
    pdf.set_y(pdf.h - 18 - 24)
    left_width = qr_x - 18 - 8
    pdf.text_line(f"Certificate ID / प्रमाण-पत्र संख्या: {certificate.pk}", 9, x=18, width=left_width)
    pdf.text_line(f"Access code / सत्यापन कोड: {certificate.display_code}", 9, bold=True, x=18, width=left_width)
    pdf.text_line(f"Verify at / यहाँ सत्यापित करें: {url}", 9, x=18, width=left_width, fit=True)
    pdf.text_line(
        f"Issued by {settings.CERTIFICATE_ISSUER}; digitally signed (Ed25519, key {certificate.key_id}).",
        8,
        x=18,
        width=left_width,
        colour=MUTED,
        fit=True,
    )

    if certificate.revoked_at is not None:
        _revoked_stamp(pdf, certificate)
    return bytes(pdf.output())


def _revoked_stamp(pdf: KshamtaPDF, certificate: Certificate) -> None:
    assert certificate.revoked_at is not None
    centre_x, centre_y = pdf.w / 2, pdf.h / 2
    with pdf.rotation(angle=18, x=centre_x, y=centre_y), pdf.local_context(fill_opacity=0.7):
        pdf.set_y(centre_y - 14)
        pdf.text_line("REVOKED / निरस्त", 54, bold=True, align="C", colour=REVOKED_RED)
    pdf.set_y(pdf.h - 18 - 34)
    reason = f"Revoked on / निरस्त करने की तिथि {indian_date(certificate.revoked_at)}: {certificate.revoked_reason}"
    pdf.paragraph(reason, 9, bold=True, colour=REVOKED_RED, x=18, width=pdf.w - 36 - QR_SIZE_MM - 20)


def store_certificate_pdf(certificate: Certificate) -> str:
    """Render the PDF if it is not stored yet, store it, and return its storage name.

    Runs in the background job after issue and, if that has not run yet, on the first
    download. Two renders at once store two files; the first to claim the row wins and
    the other deletes its own. A render that started before a revocation never claims
    the revoked certificate (its PDF must carry the stamp).
    """
    storage = certificate.pdf.storage
    if certificate.pdf.name and storage.exists(certificate.pdf.name):
        return certificate.pdf.name
    suffix = "-revoked" if certificate.revoked_at else ""
    name = storage.save(
        f"certificates/{certificate.issued_at:%Y/%m}/{certificate.pk}{suffix}.pdf",
        ContentFile(certificate_pdf(certificate)),
    )
    claimed = Certificate.objects.filter(
        pk=certificate.pk, pdf=certificate.pdf.name or "", revoked_at__isnull=certificate.revoked_at is None
    ).update(pdf=name)
    if not claimed:
        storage.delete(name)
        certificate.refresh_from_db(fields=["pdf", "revoked_at", "revoked_reason", "revoked_by"])
        if certificate.pdf.name and storage.exists(certificate.pdf.name):
            return certificate.pdf.name
        return store_certificate_pdf(certificate)
    certificate.pdf.name = name
    return name


def passport_pdf(passport: Passport) -> bytes:
    user = passport.user
    pdf = new_document("P", margin=16)
    pdf.set_title(f"Competency passport — {user.name_en or user.name_hi}")
    pdf.set_author(settings.CERTIFICATE_ISSUER)
    pdf.add_page()
    state_en, state_hi = platform_names()
    pdf.text_line(_pair(state_en, state_hi) + " · Kshamta · क्षमता", 9, colour=MUTED, align="C", fit=True)
    pdf.text_line("दक्षता पासपोर्ट", 20, bold=True, align="C", colour=BRAND)
    pdf.text_line("Competency passport", 16, bold=True, align="C", colour=BRAND)
    pdf.y += 2
    if user.name_hi:
        pdf.text_line(user.name_hi, 15, bold=True, align="C", fit=True)
    if user.name_en:
        pdf.text_line(user.name_en, 14, bold=True, align="C", fit=True)
    profile = passport.profile
    if profile is not None:
        where = [f"Employee code / कर्मचारी कोड: {profile.employee_code}"]
        if profile.designation is not None:
            where.append(_pair(profile.designation.name_en, profile.designation.name_hi))
        where.append(_pair(profile.org.name_en, profile.org.name_hi))
        pdf.paragraph(" · ".join(where), 10, align="C", colour=MUTED)
    pdf.text_line(f"As on / दिनांक: {indian_date(timezone.localdate())}", 9, align="C", colour=MUTED)
    pdf.rule()

    pdf.simple_table(
        [
            [
                Cell(plain_hours(passport.certificate_hours), align="R"),
                Cell(plain_hours(passport.learning_seconds / 3600), align="R"),
                Cell(str(passport.courses_completed), align="R"),
                Cell(str(len(passport.competencies)), align="R"),
            ]
        ],
        [0.25, 0.25, 0.25, 0.25],
        header=[
            "Certified hours / प्रमाणित घंटे",
            "Learning time, hours / अध्ययन समय, घंटे",
            "Courses completed / पूर्ण पाठ्यक्रम",
            "Competencies / दक्षताएँ",
        ],
        size=10,
    )
    pdf.y += 5
    pdf.text_line("Competencies gained / अर्जित दक्षताएँ", 13, bold=True, colour=BRAND)
    if passport.competencies:
        pdf.simple_table(
            [
                [
                    c.code,
                    _pair(c.name_en, c.name_hi),
                    Cell(str(c.level), align="C"),
                    _pair(c.descriptor_en, c.descriptor_hi),
                ]
                for c in passport.competencies
            ],
            [0.14, 0.36, 0.1, 0.4],
            header=["Code / कोड", "Competency / दक्षता", "Level / स्तर", "What the level means / स्तर का अर्थ"],
        )
    else:
        pdf.paragraph("None yet. / अभी कोई नहीं।", 10, colour=MUTED)
    pdf.y += 5
    pdf.text_line("Certificates / प्रमाण-पत्र", 13, bold=True, colour=BRAND)
    if passport.certificates:
        pdf.simple_table(
            [
                [
                    _pair(c.title_en, c.title_hi),
                    _pair(c.provider_name_en, c.provider_name_hi),
                    indian_date(c.issued_at),
                    Cell(plain_hours(c.hours), align="R"),
                    c.display_code,
                ]
                for c in passport.certificates
            ],
            [0.36, 0.24, 0.13, 0.09, 0.18],
            header=["Course / पाठ्यक्रम", "Provider / प्रदाता", "Issued / तिथि", "Hours / घंटे", "Access code / कोड"],
        )
        pdf.y += 3
        pdf.paragraph(
            "Each certificate can be checked by anyone at / प्रत्येक प्रमाण-पत्र यहाँ सत्यापित किया जा सकता है: "
            + settings.SITE_URL
            + reverse("certificates:verify_lookup"),
            9,
            colour=MUTED,
        )
    else:
        pdf.paragraph("None yet. / अभी कोई नहीं।", 10, colour=MUTED)
    return bytes(pdf.output())
