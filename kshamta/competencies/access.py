"""Reading competencies. The framework is public within the platform: every signed-in
person may read it, so these getters take no user; writes are the state admin's."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from kshamta.competencies.models import Competency, Framework


def active_framework() -> Framework | None:
    return Framework.objects.filter(is_active=True).first()


def active_competencies() -> QuerySet[Competency]:
    """The active framework's competencies, behavioural first, then functional and domain."""
    return Competency.objects.filter(framework__is_active=True).order_by("kind", "code")


def competencies_by_code(codes: Iterable[str]) -> dict[str, Competency]:
    """The active framework's competencies among ``codes`` (upper-cased), by code."""
    wanted = {code.strip().upper() for code in codes if code and code.strip()}
    return {c.code: c for c in active_competencies().filter(code__in=wanted)}


def access_competency_by_code(code: str) -> Competency:
    competency = active_competencies().filter(code=code.strip().upper()).first()
    if competency is None:
        raise Http404("no such competency")
    return competency
