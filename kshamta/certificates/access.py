"""Who may see which certificates.

Anyone may verify a certificate by its id or access code (that is what they are for).
Its PDF is for the learner and for administrators of the learner's organisation. It may
be revoked by a nodal officer or state admin whose subtree holds the learner's
organisation, or by a publisher of the course's provider (whose name it carries). A
programme's certificate has no course behind it, so its administrators are the learner's.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kshamta.accounts.access import administered_orgs, role_orgs
from kshamta.accounts.models import Role
from kshamta.certificates.actions import normalise_access_code
from kshamta.certificates.models import Certificate
from kshamta.orgs.models import Organisation, subtree_range


def _subtrees_q(orgs: list[Organisation], prefix: str) -> Q:
    q = Q(pk__in=[])
    for org in orgs:
        low, high = subtree_range(org.path)
        q |= Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    return q


def _learners_q(user: Any) -> Q:
    """Certificates of people whose organisation lies in the subtrees the user administers."""
    orgs = administered_orgs(user)
    if not orgs:
        return Q(pk__in=[])
    return Q(user__profile__org_id__in=Organisation.objects.filter(_subtrees_q(orgs, "")).values("id"))


def _published_q(user: Any) -> Q:
    """Certificates of courses whose provider belongs to a subtree where the user publishes."""
    orgs = role_orgs(user, [Role.PUBLISHER])
    if not orgs:
        return Q(pk__in=[])
    return Q(course__provider__org_id__in=Organisation.objects.filter(_subtrees_q(orgs, "")).values("id"))


def own_certificates(user: Any) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user_id=user.pk).order_by("-issued_at")


def visible_certificates(user: Any) -> QuerySet[Certificate]:
    """Certificates an administrator may look after: see above. Nobody else sees any here."""
    return Certificate.objects.filter(_learners_q(user) | _published_q(user))


def access_certificate_for_admin(user: Any, certificate_id: uuid.UUID | str) -> Certificate:
    key = _as_uuid(certificate_id)
    certificate = None
    if key is not None:
        certificate = (
            visible_certificates(user).select_related("user", "course__provider", "revoked_by").filter(pk=key).first()
        )
    if certificate is None:
        raise Http404("No such certificate")
    return certificate


def access_certificate_for_download(user: Any, certificate_id: uuid.UUID | str) -> Certificate:
    """The learner's own certificate, or one an administrator may look after."""
    key = _as_uuid(certificate_id)
    certificate = Certificate.objects.filter(pk=key).first() if key else None
    if certificate is None:
        raise Http404("No such certificate")
    if certificate.user_id == user.pk:
        return certificate
    return access_certificate_for_admin(user, certificate.pk)


def _as_uuid(value: uuid.UUID | str) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# --- public verification ---------------------------------------------------------


def public_certificate_by_id(certificate_id: uuid.UUID | str) -> Certificate:
    """For anyone: a certificate by its id; Http404 for an unknown or malformed id."""
    key = _as_uuid(certificate_id)
    certificate = Certificate.objects.filter(pk=key).first() if key else None
    if certificate is None:
        raise Http404("No such certificate")
    return certificate


def public_certificate_by_code(text: str) -> Certificate | None:
    code = normalise_access_code(text)
    return Certificate.objects.filter(access_code=code).first() if code else None
