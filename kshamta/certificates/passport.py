"""A learner's competency passport: what their valid certificates say they can do.

A competency's level is the highest level any valid certificate gives it; revoked
certificates count for nothing. Learning hours are the certificates' hours (what was
certified); learning time is what the learner actually spent, from every enrolment.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum

from kshamta.accounts.models import Profile
from kshamta.certificates.models import Certificate
from kshamta.competencies.models import Competency
from kshamta.learning.models import Enrolment
from kshamta.orgs.models import localised


@dataclass
class GainedCompetency:
    id: int | None
    code: str
    name_en: str
    name_hi: str
    kind: str
    level: int
    descriptor_en: str = ""
    descriptor_hi: str = ""
    courses: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)

    @property
    def descriptor(self) -> str:
        return localised(self.descriptor_en, self.descriptor_hi)


@dataclass
class Passport:
    user: Any
    profile: Profile | None
    certificates: list[Certificate]
    competencies: list[GainedCompetency]
    certificate_hours: decimal.Decimal
    learning_seconds: int
    courses_completed: int
    revoked_count: int

    @property
    def learning_hours(self) -> decimal.Decimal:
        return (decimal.Decimal(self.learning_seconds) / 3600).quantize(decimal.Decimal("0.1"))


def passport_for(user: Any) -> Passport:
    """Four queries whatever the number of certificates: profile, certificates, competencies, enrolments."""
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    issued = list(Certificate.objects.filter(user_id=user.pk).order_by("-issued_at"))
    certificates = [c for c in issued if c.revoked_at is None]
    best: dict[str, GainedCompetency] = {}
    for certificate in certificates:
        for entry in certificate.competencies:
            code, level = entry["code"], int(entry["level"])
            gained = best.get(code)
            if gained is None:
                gained = best[code] = GainedCompetency(
                    id=entry.get("id"),
                    code=code,
                    name_en=entry.get("name_en", ""),
                    name_hi=entry.get("name_hi", ""),
                    kind="",
                    level=level,
                )
            gained.level = max(gained.level, level)
            gained.courses.append(certificate.title_en or certificate.title_hi)
    ids = [g.id for g in best.values() if g.id]
    for competency in Competency.objects.filter(pk__in=ids) if ids else []:
        for gained in best.values():
            if gained.id == competency.pk:
                # Current names and the framework's words for the level reached.
                gained.name_en, gained.name_hi, gained.kind = competency.name_en, competency.name_hi, competency.kind
                if 1 <= gained.level <= len(competency.levels):
                    entry = competency.levels[gained.level - 1] or {}
                    gained.descriptor_en, gained.descriptor_hi = entry.get("en", ""), entry.get("hi", "")
    totals = Enrolment.objects.filter(user_id=user.pk).aggregate(
        seconds=Sum("learning_seconds"), completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED))
    )
    return Passport(
        user=user,
        profile=profile,
        certificates=certificates,
        competencies=sorted(best.values(), key=lambda g: (-g.level, g.code)),
        certificate_hours=sum((c.hours for c in certificates), decimal.Decimal("0")),
        learning_seconds=totals["seconds"] or 0,
        courses_completed=totals["completed"] or 0,
        revoked_count=len(issued) - len(certificates),
    )
