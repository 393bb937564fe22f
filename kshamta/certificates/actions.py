"""Issuing and revoking certificates."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from kshamta.certificates.models import Certificate

ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(10))


@transaction.atomic
def do_issue_certificate(enrolment: Any) -> Certificate:
    """The certificate of a completed enrolment, issued once (call with the enrolment row locked)."""
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    user = enrolment.user
    course = enrolment.course
    return Certificate.objects.create(
        access_code=new_access_code(),
        user=user,
        enrolment=enrolment,
        course=course,
        issued_at=enrolment.completed_at or timezone.now(),
        learner_name_en=user.name_en,
        learner_name_hi=user.name_hi,
        title_en=course.title_en,
        title_hi=course.title_hi,
        payload={},
        signature="",
        key_id="",
    )
