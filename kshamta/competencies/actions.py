"""Every write to competency frameworks: frameworks, competencies and the default model.

``do_save_framework`` and ``do_save_competency`` create or update by code and report
'created', 'updated' or 'unchanged', so loaders and importers can run again without
duplicating anything or writing audit events for rows that did not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kshamta.competencies import default_framework as default
from kshamta.competencies.models import LEVELS, Competency, Framework
from kshamta.core import audit
from kshamta.core.text import clean_text

FRAMEWORK_FIELDS = ["name_en", "name_hi", "is_active"]
COMPETENCY_FIELDS = ["kind", "name_en", "name_hi", "description_en", "description_hi", "levels"]


class CompetencyError(ValueError):
    pass


def _clean_code(code: str) -> str:
    return clean_text(code).upper().replace(" ", "-")


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
                before=before,
                after=audit.snapshot(other, FRAMEWORK_FIELDS),
            )
    if framework is None:
        framework = Framework.objects.create(code=code, is_active=activate, **values)
        audit.record(
            actor=acting_user,
            action="framework.create",
            target=framework,
            after=audit.snapshot(framework, FRAMEWORK_FIELDS),
        )
        return framework, "created"
    before = audit.snapshot(framework, FRAMEWORK_FIELDS)
    for name, value in values.items():
        if value:
            setattr(framework, name, value)
    if activate:
        framework.is_active = True
    after = audit.snapshot(framework, FRAMEWORK_FIELDS)
    if after == before:
        return framework, "unchanged"
    framework.save()
    audit.record(actor=acting_user, action="framework.update", target=framework, before=before, after=after)
    return framework, "updated"


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
    if kind not in Competency.Kind.values:
        raise CompetencyError(
            _("%(kind)s is not a kind of competency (behavioural, functional or domain).") % {"kind": kind}
        )
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
            after=audit.snapshot(competency, COMPETENCY_FIELDS),
        )
        return competency, "created"
    before = audit.snapshot(competency, COMPETENCY_FIELDS)
    for name, value in values.items():
        setattr(competency, name, value)
    after = audit.snapshot(competency, COMPETENCY_FIELDS)
    if after == before:
        return competency, "unchanged"
    competency.save()
    audit.record(actor=acting_user, action="competency.update", target=competency, before=before, after=after)
    return competency, "updated"


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
