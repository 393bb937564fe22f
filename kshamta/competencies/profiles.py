"""Reading designation profiles: what competencies, at which level, a designation's work needs.

A competency's required level for a designation is the highest level any activity of its
profile asks for. Only the active framework counts: links to the competencies of a
framework that has since been switched off stay in the profile (and show on its page) but
require nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, QuerySet

from kshamta.competencies.models import (
    ActivityCompetency,
    Competency,
    DesignationProfile,
    ProfileActivity,
    ProfileRole,
    kind_order,
)
from kshamta.orgs.models import Designation


def _designation_id(designation: Designation | int) -> int:
    return designation if isinstance(designation, int) else designation.pk


def required_competencies(designation: Designation | int) -> dict[Competency, int]:
    """{competency: required level} of the designation's profile: behavioural, functional, domain, by code.

    One query; empty when the designation has no profile or no active framework exists.
    """
    rows = (
        Competency.objects.filter(
            framework__is_active=True,
            activity_links__activity__role__profile__designation_id=_designation_id(designation),
        )
        .annotate(required_level=Max("activity_links__level"))
        .order_by(kind_order(), "code")
    )
    return {competency: int(competency.required_level) for competency in rows}


def required_competencies_by_designation(
    designations: Iterable[Designation | int],
) -> dict[int, dict[Competency, int]]:
    """``required_competencies`` for many designations at once (two queries), by designation id.

    Designations without a profile are left out.
    """
    ids = {_designation_id(d) for d in designations}
    if not ids:
        return {}
    rows = (
        ActivityCompetency.objects.filter(
            competency__framework__is_active=True, activity__role__profile__designation_id__in=ids
        )
        .values("activity__role__profile__designation_id", "competency_id")
        .annotate(level=Max("level"))
        .order_by()
    )
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for row in rows:
        levels[row["activity__role__profile__designation_id"]][row["competency_id"]] = row["level"]
    wanted = {competency_id for by_competency in levels.values() for competency_id in by_competency}
    competencies = {c.pk: c for c in Competency.objects.filter(pk__in=wanted).order_by(kind_order(), "code")}
    ordered = list(competencies)
    result: dict[int, dict[Competency, int]] = {}
    for designation_id, by_competency in levels.items():
        result[designation_id] = {competencies[pk]: by_competency[pk] for pk in ordered if pk in by_competency}
    return result


# --- the profile as a page shows it ----------------------------------------------------


@dataclass
class ActivityView:
    activity: ProfileActivity
    links: list[ActivityCompetency]


@dataclass
class RoleView:
    role: ProfileRole
    activities: list[ActivityView] = field(default_factory=list)


def profile_roles(designation: Designation) -> list[RoleView]:
    """Roles → activities → competency links (with their competency and framework), in order.

    Three queries however large the profile.
    """
    links = ActivityCompetency.objects.select_related("competency__framework").order_by(
        kind_order("competency__"), "competency__code"
    )
    roles = ProfileRole.objects.filter(profile__designation=designation).prefetch_related(
        Prefetch(
            "activities",
            queryset=ProfileActivity.objects.order_by("position", "id").prefetch_related(
                Prefetch("competency_links", queryset=links)
            ),
        )
    )
    return [
        RoleView(
            role=role,
            activities=[
                ActivityView(activity=activity, links=list(activity.competency_links.all()))
                for activity in role.activities.all()
            ],
        )
        for role in roles.order_by("position", "id")
    ]


def designations_with_profiles() -> QuerySet[Designation]:
    """Designations whose profile has at least one role."""
    return Designation.objects.filter(competency_profile__roles__isnull=False).distinct()


def profile_of(designation: Designation) -> DesignationProfile | None:
    return DesignationProfile.objects.filter(designation=designation).first()
