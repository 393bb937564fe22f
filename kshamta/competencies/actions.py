"""Every write to competency frameworks and designation profiles.

``do_save_framework`` and ``do_save_competency`` create or update by code and report
'created', 'updated' or 'unchanged', so loaders and importers can run again without
duplicating anything or writing audit events for rows that did not change.
``do_activate_framework`` switches the one active framework. The ``do_*_profile_*``
actions edit a designation's profile (roles → activities → competencies with levels);
their audit events carry the designation's organisation path, so the audit log of that
organisation's administrators shows them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kshamta.competencies import default_framework as default
from kshamta.competencies.models import (
    LEVELS,
    ActivityCompetency,
    Competency,
    DesignationProfile,
    Framework,
    ProfileActivity,
    ProfileRole,
)
from kshamta.core import audit
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation

FRAMEWORK_FIELDS = ["name_en", "name_hi", "is_active"]
COMPETENCY_FIELDS = ["kind", "name_en", "name_hi", "description_en", "description_hi", "levels"]


# Codes appear in URLs and in a course file's "code:level;code:level" cell.
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")


class CompetencyError(ValueError):
    pass


def _clean_code(code: str) -> str:
    return clean_text(code).upper().replace(" ", "-")


def _state_path(acting_user: Any) -> str:
    """Where a framework change shows in the audit log: the acting state admin's organisation.

    Frameworks belong to the whole state; the command line (no user) records no path.
    """
    from kshamta.accounts.access import role_orgs
    from kshamta.accounts.models import Role

    if not getattr(acting_user, "is_authenticated", False):
        return ""
    orgs = role_orgs(acting_user, [Role.STATE_ADMIN])
    return orgs[0].path if orgs else ""


def _check_code_characters(code: str) -> None:
    if not CODE_PATTERN.match(code):
        raise CompetencyError(_("The code %(code)s may use only letters, digits, '.', '_' and '-'.") % {"code": code})


@transaction.atomic
def do_save_framework(
    *, code: str, name_en: str, name_hi: str = "", activate: bool = False, acting_user: Any
) -> tuple[Framework, str]:
    """Create or update the framework ``code``; with ``activate`` it becomes the one active framework.

    Returns the framework and 'created', 'updated' or 'unchanged'.
    """
    code = _clean_code(code)
    values = {"name_en": clean_text(name_en), "name_hi": clean_text(name_hi)}
    if not code or not values["name_en"]:
        raise CompetencyError(_("A framework needs a code and an English name."))
    if len(code) > Framework._meta.get_field("code").max_length:  # type: ignore[operator]
        raise CompetencyError(_("The framework code %(code)s is too long.") % {"code": code})
    _check_code_characters(code)
    framework = Framework.objects.select_for_update().filter(code=code).first()
    if activate:
        # The one-active constraint is checked row by row: switch the others off first.
        others = Framework.objects.select_for_update().filter(is_active=True).exclude(code=code)
        for other in others:
            before = audit.snapshot(other, FRAMEWORK_FIELDS)
            other.is_active = False
            other.save(update_fields=["is_active", "updated_at"])
            audit.record(
                actor=acting_user,
                action="framework.deactivate",
                target=other,
                org_path=_state_path(acting_user),
                before=before,
                after=audit.snapshot(other, FRAMEWORK_FIELDS),
            )
    if framework is None:
        framework = Framework.objects.create(code=code, is_active=activate, **values)
        audit.record(
            actor=acting_user,
            action="framework.create",
            target=framework,
            org_path=_state_path(acting_user),
            after=audit.snapshot(framework, FRAMEWORK_FIELDS),
        )
        return framework, "created"
    before = audit.snapshot(framework, FRAMEWORK_FIELDS)
    for name, value in values.items():
        if value:
            setattr(framework, name, value)
    if activate:
        framework.is_active = True
    return framework, _save_if_changed(framework, FRAMEWORK_FIELDS, before, "framework.update", acting_user)


def _save_if_changed(
    instance: Any, fields: Sequence[str], before: dict[str, Any], action: str, acting_user: Any
) -> str:
    """Save and audit ``instance`` when its ``fields`` differ from ``before``; "updated" or "unchanged"."""
    after = audit.snapshot(instance, fields)
    if after == before:
        return "unchanged"
    instance.save()
    audit.record(
        actor=acting_user, action=action, target=instance, org_path=_state_path(acting_user), before=before, after=after
    )
    return "updated"


def clean_levels(levels: Sequence[Any]) -> list[dict[str, str]]:
    """Five level descriptors, level 1 first, each {"en": ..., "hi": ...} with at least one of them."""
    if len(levels) != len(LEVELS):
        raise CompetencyError(
            _("A competency needs %(count)d level descriptors, not %(given)d.")
            % {"count": len(LEVELS), "given": len(levels)}
        )
    cleaned = []
    for number, entry in enumerate(levels, start=1):
        if isinstance(entry, str):
            entry = {"en": entry}
        if not isinstance(entry, dict):
            raise CompetencyError(_("Level %(level)d is not a descriptor.") % {"level": number})
        en, hi = clean_text(entry.get("en", "")), clean_text(entry.get("hi", ""))
        if not (en or hi):
            raise CompetencyError(_("Level %(level)d has no descriptor.") % {"level": number})
        cleaned.append({"en": en, "hi": hi})
    return cleaned


@transaction.atomic
def do_save_competency(
    *,
    framework: Framework,
    code: str,
    kind: str,
    name_en: str,
    name_hi: str = "",
    description_en: str = "",
    description_hi: str = "",
    levels: Sequence[Any] | None = None,
    acting_user: Any,
) -> tuple[Competency, str]:
    """Create or update the competency ``code`` of ``framework``.

    ``levels`` is five descriptors (see ``clean_levels``); when None, an existing
    competency keeps its levels. Returns the competency and 'created', 'updated' or
    'unchanged'.
    """
    code = _clean_code(code)
    kind = clean_text(kind).lower()
    if not code or not (clean_text(name_en) or clean_text(name_hi)):
        raise CompetencyError(_("A competency needs a code and a name."))
    if len(code) > Competency._meta.get_field("code").max_length:  # type: ignore[operator]
        raise CompetencyError(_("The competency code %(code)s is too long.") % {"code": code})
    _check_code_characters(code)
    if kind not in Competency.Kind.values:
        raise CompetencyError(
            _("%(kind)s is not a kind of competency (behavioural, functional or domain).") % {"kind": kind}
        )
    name_limit = Competency._meta.get_field("name_en").max_length or 200
    if max(len(clean_text(name_en)), len(clean_text(name_hi))) > name_limit:
        raise CompetencyError(_("A name is longer than %(limit)d characters.") % {"limit": name_limit})
    values: dict[str, Any] = {
        "kind": kind,
        "name_en": clean_text(name_en),
        "name_hi": clean_text(name_hi),
        "description_en": clean_text(description_en),
        "description_hi": clean_text(description_hi),
    }
    if levels is not None:
        values["levels"] = clean_levels(levels)
    competency = Competency.objects.select_for_update().filter(framework=framework, code=code).first()
    if competency is None:
        competency = Competency.objects.create(framework=framework, code=code, **values)
        audit.record(
            actor=acting_user,
            action="competency.create",
            target=competency,
            org_path=_state_path(acting_user),
            after=audit.snapshot(competency, COMPETENCY_FIELDS),
        )
        return competency, "created"
    before = audit.snapshot(competency, COMPETENCY_FIELDS)
    for name, value in values.items():
        setattr(competency, name, value)
    return competency, _save_if_changed(competency, COMPETENCY_FIELDS, before, "competency.update", acting_user)


@transaction.atomic
def do_load_default_framework(*, acting_user: Any) -> dict[str, Any]:
    """Create or bring up to date the Kshamta Competency Model (``KCM-DEFAULT``).

    It becomes the active framework only when no framework is active, so a state that
    runs its own framework keeps it. Running it again writes nothing.
    """
    framework, framework_outcome = do_save_framework(
        code=default.FRAMEWORK_CODE,
        name_en=default.FRAMEWORK_NAME_EN,
        name_hi=default.FRAMEWORK_NAME_HI,
        activate=not Framework.objects.filter(is_active=True).exists(),
        acting_user=acting_user,
    )
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for spec in default.COMPETENCIES:
        _, outcome = do_save_competency(
            framework=framework,
            code=spec.code,
            kind=spec.kind,
            name_en=spec.name_en,
            name_hi=spec.name_hi,
            description_en=spec.description_en,
            description_hi=spec.description_hi,
            levels=spec.levels(),
            acting_user=acting_user,
        )
        counts[outcome] += 1
    return {
        "framework": framework.code,
        "framework_outcome": framework_outcome,
        "active": framework.is_active,
        **counts,
    }


@transaction.atomic
def do_activate_framework(framework: Framework, *, acting_user: Any) -> bool:
    """Make ``framework`` the one active framework. Returns False when it already was.

    Mapping, plans and course imports read the active framework, so an empty framework
    is refused. Every framework row is locked first, so two switches at once queue up
    instead of tripping over the one-active constraint.
    """
    rows = list(Framework.objects.select_for_update().order_by("pk"))
    framework = next(row for row in rows if row.pk == framework.pk)
    if framework.is_active:
        return False
    if not framework.competencies.exists():
        raise CompetencyError(
            _("The framework %(code)s has no competencies yet; import them before making it active.")
            % {"code": framework.code}
        )
    # The partial unique constraint allows one active row at a time: switch the old one off first.
    for other in rows:
        if other.is_active:
            other.is_active = False
            other.save(update_fields=["is_active", "updated_at"])
            audit.record(
                actor=acting_user,
                action="framework.deactivate",
                target=other,
                org_path=_state_path(acting_user),
                before={"is_active": True},
                after={"is_active": False},
            )
    framework.is_active = True
    framework.save(update_fields=["is_active", "updated_at"])
    audit.record(
        actor=acting_user,
        action="framework.activate",
        target=framework,
        org_path=_state_path(acting_user),
        before={"is_active": False},
        after={"is_active": True},
    )
    return True


# --- Designation profiles --------------------------------------------------------------

ROLE_FIELDS = ["title_en", "title_hi", "position"]
ACTIVITY_FIELDS = ["text_en", "text_hi", "position"]
LINK_FIELDS = ["competency", "level"]
MAX_ACTIVITY_TEXT = 1000


def _org_path(designation: Designation) -> str:
    return designation.org.path


def _profile_path(profile: DesignationProfile) -> str:
    return _org_path(profile.designation)


def _clean_bilingual(en: str, hi: str, *, limit: int, missing: str) -> tuple[str, str]:
    en, hi = clean_text(en), clean_text(hi)
    if not (en or hi):
        raise CompetencyError(missing)
    if max(len(en), len(hi)) > limit:
        raise CompetencyError(_("The text is longer than %(limit)d characters.") % {"limit": limit})
    return en, hi


def _clean_position(position: Any) -> int:
    try:
        number = int(position)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 999:
        raise CompetencyError(_("The position must be a number from 1 to 999."))
    return number


def _clean_level(level: Any) -> int:
    try:
        number = int(level)
    except (TypeError, ValueError):
        number = 0
    if number not in LEVELS:
        raise CompetencyError(_("The required level must be 1, 2, 3, 4 or 5."))
    return number


def profile_for(designation: Designation) -> DesignationProfile:
    """The designation's profile, made on first use (an empty profile is no change to audit)."""
    profile, _created = DesignationProfile.objects.get_or_create(designation=designation)
    return profile


@transaction.atomic
def do_add_profile_role(
    designation: Designation, *, title_en: str = "", title_hi: str = "", acting_user: Any
) -> ProfileRole:
    """Add a role at the end of the designation's profile."""
    title_en, title_hi = _clean_bilingual(
        title_en, title_hi, limit=200, missing=_("Give the role a title in English or in Hindi.")
    )
    profile = profile_for(designation)
    DesignationProfile.objects.select_for_update().filter(pk=profile.pk).first()
    last = profile.roles.aggregate(last=Max("position"))["last"] or 0
    role = ProfileRole.objects.create(profile=profile, title_en=title_en, title_hi=title_hi, position=last + 1)
    audit.record(
        actor=acting_user,
        action="profile.role.create",
        target=role,
        org_path=_org_path(designation),
        after={"designation": designation.code, **audit.snapshot(role, ROLE_FIELDS)},
    )
    return role


@transaction.atomic
def do_update_profile_role(
    role: ProfileRole, *, title_en: str = "", title_hi: str = "", position: Any, acting_user: Any
) -> bool:
    """Change a role's titles or position. Returns False when nothing changed."""
    title_en, title_hi = _clean_bilingual(
        title_en, title_hi, limit=200, missing=_("Give the role a title in English or in Hindi.")
    )
    role = ProfileRole.objects.select_for_update().select_related("profile__designation__org").get(pk=role.pk)
    before = audit.snapshot(role, ROLE_FIELDS)
    role.title_en, role.title_hi, role.position = title_en, title_hi, _clean_position(position)
    after = audit.snapshot(role, ROLE_FIELDS)
    if after == before:
        return False
    role.save()
    audit.record(
        actor=acting_user,
        action="profile.role.update",
        target=role,
        org_path=_profile_path(role.profile),
        before=before,
        after=after,
    )
    return True


@transaction.atomic
def do_delete_profile_role(role: ProfileRole, *, acting_user: Any) -> None:
    """Delete a role with its activities and their competency links."""
    role = ProfileRole.objects.select_related("profile__designation__org").get(pk=role.pk)
    before = {
        "designation": role.profile.designation.code,
        **audit.snapshot(role, ROLE_FIELDS),
        "activities": role.activities.count(),
    }
    audit.record(
        actor=acting_user,
        action="profile.role.delete",
        target=role,
        org_path=_profile_path(role.profile),
        before=before,
    )
    role.delete()


@transaction.atomic
def do_add_profile_activity(
    role: ProfileRole, *, text_en: str = "", text_hi: str = "", acting_user: Any
) -> ProfileActivity:
    """Add an activity at the end of a role."""
    text_en, text_hi = _clean_bilingual(
        text_en, text_hi, limit=MAX_ACTIVITY_TEXT, missing=_("Describe the activity in English or in Hindi.")
    )
    role = ProfileRole.objects.select_for_update().select_related("profile__designation__org").get(pk=role.pk)
    last = role.activities.aggregate(last=Max("position"))["last"] or 0
    activity = ProfileActivity.objects.create(role=role, text_en=text_en, text_hi=text_hi, position=last + 1)
    audit.record(
        actor=acting_user,
        action="profile.activity.create",
        target=activity,
        org_path=_profile_path(role.profile),
        after={"role": role.pk, **audit.snapshot(activity, ACTIVITY_FIELDS)},
    )
    return activity


@transaction.atomic
def do_update_profile_activity(
    activity: ProfileActivity, *, text_en: str = "", text_hi: str = "", position: Any, acting_user: Any
) -> bool:
    text_en, text_hi = _clean_bilingual(
        text_en, text_hi, limit=MAX_ACTIVITY_TEXT, missing=_("Describe the activity in English or in Hindi.")
    )
    activity = (
        ProfileActivity.objects.select_for_update()
        .select_related("role__profile__designation__org")
        .get(pk=activity.pk)
    )
    before = audit.snapshot(activity, ACTIVITY_FIELDS)
    activity.text_en, activity.text_hi, activity.position = text_en, text_hi, _clean_position(position)
    after = audit.snapshot(activity, ACTIVITY_FIELDS)
    if after == before:
        return False
    activity.save()
    audit.record(
        actor=acting_user,
        action="profile.activity.update",
        target=activity,
        org_path=_profile_path(activity.role.profile),
        before=before,
        after=after,
    )
    return True


@transaction.atomic
def do_delete_profile_activity(activity: ProfileActivity, *, acting_user: Any) -> None:
    activity = ProfileActivity.objects.select_related("role__profile__designation__org").get(pk=activity.pk)
    audit.record(
        actor=acting_user,
        action="profile.activity.delete",
        target=activity,
        org_path=_profile_path(activity.role.profile),
        before={"role": activity.role_id, **audit.snapshot(activity, ACTIVITY_FIELDS)},
    )
    activity.delete()


@transaction.atomic
def do_set_activity_competency(
    activity: ProfileActivity, competency: Competency, level: Any, *, acting_user: Any
) -> tuple[ActivityCompetency, str]:
    """Link a competency of the active framework to an activity at ``level``, or change its level.

    Returns the link and 'created', 'updated' or 'unchanged'.
    """
    level = _clean_level(level)
    if not Framework.objects.filter(pk=competency.framework_id, is_active=True).exists():
        raise CompetencyError(_("%(code)s is not a competency of the active framework.") % {"code": competency.code})
    activity = ProfileActivity.objects.select_related("role__profile__designation__org").get(pk=activity.pk)
    path = _profile_path(activity.role.profile)
    link = ActivityCompetency.objects.select_for_update().filter(activity=activity, competency=competency).first()
    if link is None:
        link = ActivityCompetency.objects.create(activity=activity, competency=competency, level=level)
        audit.record(
            actor=acting_user,
            action="profile.competency.create",
            target=link,
            org_path=path,
            after={"activity": activity.pk, "code": competency.code, "level": level},
        )
        return link, "created"
    if link.level == level:
        return link, "unchanged"
    before = {"activity": activity.pk, "code": competency.code, "level": link.level}
    link.level = level
    link.save(update_fields=["level", "updated_at"])
    audit.record(
        actor=acting_user,
        action="profile.competency.update",
        target=link,
        org_path=path,
        before=before,
        after={**before, "level": level},
    )
    return link, "updated"


@transaction.atomic
def do_remove_activity_competency(link: ActivityCompetency, *, acting_user: Any) -> None:
    link = ActivityCompetency.objects.select_related("competency", "activity__role__profile__designation__org").get(
        pk=link.pk
    )
    audit.record(
        actor=acting_user,
        action="profile.competency.delete",
        target=link,
        org_path=_profile_path(link.activity.role.profile),
        before={"activity": link.activity_id, "code": link.competency.code, "level": link.level},
    )
    link.delete()


@transaction.atomic
def do_copy_profile(*, source: Designation, target: Designation, acting_user: Any) -> dict[str, int]:
    """Replace ``target``'s profile by a copy of ``source``'s roles, activities and competency links.

    Returns how many roles, activities and links were copied. Copying a designation onto
    itself, or from a designation without roles, is refused.
    """
    if source.pk == target.pk:
        raise CompetencyError(_("Choose another designation to copy from."))
    source_roles = list(
        ProfileRole.objects.filter(profile__designation=source).prefetch_related("activities__competency_links")
    )
    if not source_roles:
        raise CompetencyError(_("%(designation)s has no profile to copy.") % {"designation": source.name})
    profile = profile_for(target)
    DesignationProfile.objects.select_for_update().filter(pk=profile.pk).first()
    replaced = profile.roles.count()
    profile.roles.all().delete()
    counts = {"roles": 0, "activities": 0, "competencies": 0}
    links: list[ActivityCompetency] = []
    for source_role in source_roles:
        role = ProfileRole.objects.create(
            profile=profile,
            title_en=source_role.title_en,
            title_hi=source_role.title_hi,
            position=source_role.position,
        )
        counts["roles"] += 1
        for source_activity in source_role.activities.all():
            activity = ProfileActivity.objects.create(
                role=role,
                text_en=source_activity.text_en,
                text_hi=source_activity.text_hi,
                position=source_activity.position,
            )
            counts["activities"] += 1
            links.extend(
                ActivityCompetency(activity=activity, competency_id=link.competency_id, level=link.level)
                for link in source_activity.competency_links.all()
            )
    ActivityCompetency.objects.bulk_create(links)
    counts["competencies"] = len(links)
    audit.record(
        actor=acting_user,
        action="profile.copy",
        target=profile,
        org_path=_org_path(target),
        before={"roles": replaced},
        after={"designation": target.code, "copied_from": source.code, **counts},
    )
    return counts
