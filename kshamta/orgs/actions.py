"""Every write to the organisation tree, designations and sanctioned strength."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from kshamta.core import audit
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation, Organisation, SanctionedStrength, path_segment

ORG_FIELDS = ["code", "parent", "kind", "name_en", "name_hi", "is_active"]
DESIGNATION_FIELDS = ["org", "code", "name_en", "name_hi", "group", "cadre"]


class OrgError(ValueError):
    pass


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }


def _set_path(org: Organisation) -> None:
    parent_path = org.parent.path if org.parent_id and org.parent else ""
    org.path = parent_path + path_segment(org.pk)
    org.depth = 0 if not parent_path else org.parent.depth + 1  # type: ignore[union-attr]
    org.save(update_fields=["path", "depth"])


@transaction.atomic
def do_create_org(
    *, code: str, kind: str, name_en: str, name_hi: str = "", parent: Organisation | None, acting_user: Any
) -> Organisation:
    code = clean_text(code)
    if not code:
        raise OrgError(_("An organisation needs a code."))
    if kind not in Organisation.Kind.values:
        raise OrgError(_("Unknown organisation type: %(kind)s") % {"kind": kind})
    if Organisation.objects.filter(code=code).exists():
        raise OrgError(_("The code %(code)s is already in use.") % {"code": code})
    org = Organisation.objects.create(
        code=code, kind=kind, name_en=clean_text(name_en), name_hi=clean_text(name_hi), parent=parent, path=""
    )
    _set_path(org)
    audit.record(
        actor=acting_user,
        action="org.create",
        target=org,
        org_path=org.path,
        after=audit.snapshot(org, ORG_FIELDS),
    )
    return org


@transaction.atomic
def do_update_org(org: Organisation, *, acting_user: Any, **changes: Any) -> Organisation:
    """Change names, type, activity or parent. Moving re-roots the whole subtree's paths."""
    org = Organisation.objects.select_for_update().get(pk=org.pk)
    before = audit.snapshot(org, ORG_FIELDS)
    new_parent = changes.pop("parent", org.parent)
    for name, value in changes.items():
        if name not in {"kind", "name_en", "name_hi", "is_active"}:
            raise OrgError(f"cannot change {name}")
        setattr(org, name, clean_text(value) if isinstance(value, str) else value)
    if org.kind not in Organisation.Kind.values:
        raise OrgError(_("Unknown organisation type: %(kind)s") % {"kind": org.kind})
    org.save()
    if (new_parent.pk if new_parent else None) != org.parent_id:
        _move(org, new_parent)
    after = audit.snapshot(org, ORG_FIELDS)
    if after != before:
        audit.record(actor=acting_user, action="org.update", target=org, org_path=org.path, before=before, after=after)
    return org


def _move(org: Organisation, new_parent: Organisation | None) -> None:
    if new_parent is not None and new_parent.path.startswith(org.path):
        raise OrgError(
            _("%(org)s cannot be moved under %(parent)s: that would make a cycle.")
            % {"org": org.code, "parent": new_parent.code}
        )
    old_path, old_depth = org.path, org.depth
    new_path = (new_parent.path if new_parent else "") + path_segment(org.pk)
    new_depth = new_parent.depth + 1 if new_parent else 0
    Organisation.objects.filter(org.subtree_q()).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + (new_depth - old_depth),
    )
    Organisation.objects.filter(pk=org.pk).update(parent=new_parent)
    org.refresh_from_db()


def import_org_rows(rows: Iterable[dict[str, Any]], *, acting_user: Any) -> ImportReport:
    """Load a tree from rows of code, parent_code, type, name_en, name_hi.

    The whole file is checked before anything is written (a missing parent or a
    cycle would leave a broken tree), then applied in one transaction, parents
    before children. Re-running the same file changes nothing.
    """
    report = ImportReport()
    parsed: dict[str, dict[str, str]] = {}
    line_of: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        report.rows += 1
        code = clean_text(row.get("code"))
        entry = {
            "code": code,
            "parent_code": clean_text(row.get("parent_code")),
            "kind": clean_text(row.get("type")).lower(),
            "name_en": clean_text(row.get("name_en")),
            "name_hi": clean_text(row.get("name_hi")),
        }
        problem = None
        if not code:
            problem = _("code is missing")
        elif code in parsed:
            problem = _("code %(code)s appears twice in the file (first on line %(line)s)") % {
                "code": code,
                "line": line_of[code],
            }
        elif entry["kind"] not in Organisation.Kind.values:
            problem = _("unknown type %(kind)s") % {"kind": entry["kind"] or "—"}
        elif not entry["name_en"] and not entry["name_hi"]:
            problem = _("a name in English or Hindi is required")
        elif entry["parent_code"] == code:
            problem = _("an organisation cannot be its own parent")
        if problem:
            report.errors.append((line, problem))
            continue
        parsed[code] = entry
        line_of[code] = line

    existing = {o.code: o for o in Organisation.objects.all()}
    # Parent links as they will be after the import: file rows override the database.
    parent_of: dict[str, str] = {c: (o.parent.code if o.parent_id and o.parent else "") for c, o in existing.items()}
    for code, entry in parsed.items():
        parent_of[code] = entry["parent_code"]
    for code, entry in parsed.items():
        pc = entry["parent_code"]
        if pc and pc not in parent_of:
            report.errors.append((line_of[code], _("parent %(parent)s does not exist") % {"parent": pc}))
            continue
        seen = {code}
        walker = pc
        while walker:
            if walker in seen:
                report.errors.append(
                    (line_of[code], _("parent chain of %(code)s loops back on itself (a cycle)") % {"code": code})
                )
                break
            seen.add(walker)
            walker = parent_of.get(walker, "")
    if report.errors:
        report.rejected = report.rows
        report.errors.sort()
        return report

    ordered = sorted(parsed.values(), key=lambda e: _depth_in(parent_of, e["code"]))
    with transaction.atomic():
        by_code = dict(existing)
        for entry in ordered:
            parent = by_code.get(entry["parent_code"]) if entry["parent_code"] else None
            org = by_code.get(entry["code"])
            if org is None:
                org = do_create_org(
                    code=entry["code"],
                    kind=entry["kind"],
                    name_en=entry["name_en"],
                    name_hi=entry["name_hi"],
                    parent=parent,
                    acting_user=acting_user,
                )
                by_code[org.code] = org
                report.created += 1
                continue
            wanted = {"kind": entry["kind"], "name_en": entry["name_en"], "name_hi": entry["name_hi"]}
            same = all(getattr(org, k) == v for k, v in wanted.items()) and org.parent_id == (
                parent.pk if parent else None
            )
            if same:
                report.unchanged += 1
                continue
            by_code[org.code] = do_update_org(org, acting_user=acting_user, parent=parent, **wanted)
            report.updated += 1
        # A move may have changed paths of orgs already in by_code; reload the map.
    return report


def _depth_in(parent_of: dict[str, str], code: str) -> int:
    depth = 0
    walker = parent_of.get(code, "")
    while walker:
        depth += 1
        walker = parent_of.get(walker, "")
    return depth


@transaction.atomic
def do_save_designation(
    *,
    org: Organisation,
    code: str,
    name_en: str,
    name_hi: str = "",
    group: str = "",
    cadre: str = "",
    acting_user: Any,
) -> tuple[Designation, str]:
    """Create or update a designation by code. Returns it and 'created', 'updated' or 'unchanged'."""
    code = clean_text(code)
    values = {
        "name_en": clean_text(name_en),
        "name_hi": clean_text(name_hi),
        "group": clean_text(group).upper(),
        "cadre": clean_text(cadre),
    }
    if not code or not (values["name_en"] or values["name_hi"]):
        raise OrgError(_("A designation needs a code and a name."))
    if values["group"] and values["group"] not in Designation.Group.values:
        raise OrgError(_("Group must be A, B, C or D."))
    clash = Designation.objects.exclude(code=code).filter(name_en__iexact=values["name_en"]).first()
    if values["name_en"] and clash:
        raise OrgError(
            _("The name %(name)s is already used by designation %(code)s.")
            % {"name": values["name_en"], "code": clash.code}
        )
    if values["name_hi"] and Designation.objects.exclude(code=code).filter(name_hi=values["name_hi"]).exists():
        raise OrgError(
            _("The Hindi name %(name)s is already used by another designation.") % {"name": values["name_hi"]}
        )
    designation = Designation.objects.select_for_update().filter(code=code).first()
    if designation is None:
        designation = Designation.objects.create(org=org, code=code, **values)
        audit.record(
            actor=acting_user,
            action="designation.create",
            target=designation,
            org_path=org.path,
            after=audit.snapshot(designation, DESIGNATION_FIELDS),
        )
        return designation, "created"
    before = audit.snapshot(designation, DESIGNATION_FIELDS)
    for name, value in values.items():
        if value or name in {"cadre"}:
            setattr(designation, name, value)
    after = audit.snapshot(designation, DESIGNATION_FIELDS)
    if after == before:
        return designation, "unchanged"
    designation.save()
    audit.record(
        actor=acting_user,
        action="designation.update",
        target=designation,
        org_path=designation.org.path,
        before=before,
        after=after,
    )
    return designation, "updated"


@transaction.atomic
def do_set_sanctioned_strength(
    *, org: Organisation, designation: Designation, sanctioned: int, acting_user: Any
) -> str:
    if sanctioned < 0:
        raise OrgError(_("Sanctioned strength cannot be negative."))
    if not org.path.startswith(designation.org.path):
        raise OrgError(
            _("Designation %(code)s is defined at %(defined)s and cannot be used at %(org)s.")
            % {"code": designation.code, "defined": designation.org.code, "org": org.code}
        )
    row, created = SanctionedStrength.objects.select_for_update().get_or_create(
        org=org, designation=designation, defaults={"sanctioned": sanctioned}
    )
    if not created and row.sanctioned == sanctioned:
        return "unchanged"
    before = {} if created else {"sanctioned": row.sanctioned}
    if not created:
        row.sanctioned = sanctioned
        row.save(update_fields=["sanctioned", "updated_at"])
    audit.record(
        actor=acting_user,
        action="sanctioned.set",
        target=row,
        org_path=org.path,
        before=before,
        after={"sanctioned": sanctioned, "designation": designation.code},
    )
    return "created" if created else "updated"


def import_designation_rows(rows: Iterable[dict[str, Any]], *, acting_user: Any) -> ImportReport:
    """Rows of org_code, code, name_en, name_hi, group, sanctioned[, cadre]. Each row is atomic."""
    report = ImportReport()
    orgs = {o.code: o for o in Organisation.objects.all()}
    rank = {"unchanged": 0, "updated": 1, "created": 2}
    for line, row in enumerate(rows, start=2):
        report.rows += 1
        org = orgs.get(clean_text(row.get("org_code")))
        if org is None:
            report.rejected += 1
            report.errors.append(
                (line, _("unknown org_code %(code)s") % {"code": clean_text(row.get("org_code")) or "—"})
            )
            continue
        raw_sanctioned = clean_text(row.get("sanctioned")) or "0"
        try:
            sanctioned = int(float(raw_sanctioned))
        except ValueError:
            report.rejected += 1
            report.errors.append(
                (line, _("sanctioned must be a whole number, not %(value)s") % {"value": raw_sanctioned})
            )
            continue
        try:
            with transaction.atomic():
                existing = Designation.objects.filter(code=clean_text(row.get("code"))).first()
                defining_org = existing.org if existing else org
                designation, outcome = do_save_designation(
                    org=defining_org,
                    code=row.get("code") or "",
                    name_en=row.get("name_en") or "",
                    name_hi=row.get("name_hi") or "",
                    group=row.get("group") or "",
                    cadre=row.get("cadre") or "",
                    acting_user=acting_user,
                )
                strength = do_set_sanctioned_strength(
                    org=org, designation=designation, sanctioned=sanctioned, acting_user=acting_user
                )
        except OrgError as exc:
            report.rejected += 1
            report.errors.append((line, str(exc)))
            continue
        overall = max(outcome, strength, key=lambda s: rank[s])
        setattr(report, overall, getattr(report, overall) + 1)
    return report
