"""Every write to the catalogue: providers, courses, versions, modules, resources, and the
editorial workflow draft → in review → reviewed → published → retired.

Publishing copies the version's catalogue fields onto the course (see models), and is
the only place that sets ``Course.published_version``. Only a draft version is ever
edited; a published one changes by making the next version (``do_new_version``), which
shares its files and resource keys, so learners pinned to the old version keep seeing it.

The workflow actions check who acts (content roles, and that nobody reviews or publishes
their own work) as well as the pages do, so every caller gets the same rules. Refusals
raise ``CatalogError`` with a message for the person acting.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kshamta.accounts.models import Role
from kshamta.catalog.models import (
    Course,
    CourseCompetency,
    CourseVersion,
    Module,
    Provider,
    Resource,
    ReviewComment,
)
from kshamta.competencies.models import Competency
from kshamta.core import audit
from kshamta.core.text import clean_text

VERSION_FIELDS = (
    "title_en",
    "title_hi",
    "summary_en",
    "summary_hi",
    "languages",
    "duration_minutes",
    "level",
    "tags",
)

# A course lasts from seven minutes to ninety days.
MIN_DURATION_MINUTES = 7
MAX_DURATION_MINUTES = 90 * 24 * 60

OPEN_STATUSES = (CourseVersion.Status.DRAFT, CourseVersion.Status.IN_REVIEW, CourseVersion.Status.REVIEWED)

RESOURCE_FIELDS = (
    "title_en",
    "title_hi",
    "is_required",
    "file",
    "url",
    "body_html",
    "duration_seconds",
    "page_count",
    "completion_threshold",
    "assessment",
)
MEDIA_KINDS = (Resource.Kind.VIDEO, Resource.Kind.AUDIO)
# Reading speed used to estimate how long a text takes when the author gives no time.
WORDS_PER_MINUTE = 180


class CatalogError(ValueError):
    """A change to the catalogue was refused; the message is for the person making it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _org_path(course: Course) -> str:
    org = course.provider.org
    return org.path if org else ""


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def _require_draft(version: CourseVersion) -> None:
    if not version.is_editable:
        raise CatalogError(
            _("Version %(number)s is %(status)s and can no longer be changed. Make a new version to change the course.")
            % {"number": version.number, "status": version.get_status_display().lower()}
        )


# --- providers ----------------------------------------------------------------------------


@transaction.atomic
def do_save_provider(
    *, code: str, name_en: str, name_hi: str = "", kind: str = Provider.Kind.OTHER, org: Any = None, acting_user: Any
) -> tuple[Provider, bool]:
    """Create the provider ``code`` or update its names; returns (provider, created)."""
    code = clean_text(code).upper()
    provider = Provider.objects.select_for_update().filter(code=code).first()
    created = provider is None
    before = audit.snapshot(provider, ["name_en", "name_hi", "kind", "org"]) if provider else {}
    if provider is None:
        provider = Provider(code=code)
    provider.name_en = clean_text(name_en)
    provider.name_hi = clean_text(name_hi)
    provider.kind = kind
    if org is not None or created:
        provider.org = org
    provider.save()
    audit.record(
        actor=acting_user,
        action="provider.create" if created else "provider.update",
        target=provider,
        org_path=provider.org.path if provider.org else "",
        before=before,
        after=audit.snapshot(provider, ["name_en", "name_hi", "kind", "org"]),
    )
    return provider, created


# --- courses and their versions -------------------------------------------------------------


def _check_duration(minutes: Any) -> None:
    if not isinstance(minutes, int) or not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise CatalogError(_("A course lasts from 7 minutes to 90 days."))


def _apply_version_fields(version: CourseVersion, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name not in VERSION_FIELDS:
            raise TypeError(f"not a course version field: {name}")
        if name == "duration_minutes":
            _check_duration(value)
        setattr(version, name, clean_text(value) if isinstance(value, str) else value)


def _set_thumbnail(version: CourseVersion, thumbnail: Any) -> None:
    """Store a new thumbnail (checked and streamed to storage), or clear it when ``thumbnail`` is False."""
    if thumbnail is None:
        return
    if thumbnail is False:
        version.thumbnail = ""
        return
    from kshamta.catalog.uploads import UploadKind, check_upload

    check_upload(thumbnail, UploadKind.THUMBNAIL)
    version.thumbnail.save(thumbnail.name, File(thumbnail), save=False)


@transaction.atomic
def do_create_course(
    *, code: str, provider: Provider, acting_user: Any, thumbnail: Any = None, **fields: Any
) -> CourseVersion:
    """A new course with its first (draft) version; ``fields`` are version fields."""
    code = clean_text(code).upper()
    if not code:
        raise CatalogError(_("Give the course a code."))
    if Course.objects.filter(code=code).exists():
        raise CatalogError(_("A course with the code %(code)s already exists.") % {"code": code})
    course = Course.objects.create(code=code, provider=provider)
    version = CourseVersion(course=course, number=1, created_by=_user_or_none(acting_user))
    _apply_version_fields(version, fields)
    _set_thumbnail(version, thumbnail)
    version.save()
    audit.record(
        actor=acting_user,
        action="course.create",
        target=course,
        org_path=_org_path(course),
        after=audit.snapshot(version, VERSION_FIELDS),
    )
    return version


@transaction.atomic
def do_update_version(
    version: CourseVersion, *, acting_user: Any, thumbnail: Any = None, **fields: Any
) -> CourseVersion:
    """Change a draft's catalogue fields; ``thumbnail`` is a new upload, or False to remove it."""
    _require_draft(version)
    before = audit.snapshot(version, VERSION_FIELDS)
    _apply_version_fields(version, fields)
    _set_thumbnail(version, thumbnail)
    version.save()
    audit.record(
        actor=acting_user,
        action="course.edit",
        target=version.course,
        org_path=_org_path(version.course),
        before=before,
        after=audit.snapshot(version, VERSION_FIELDS),
    )
    return version


@transaction.atomic
def do_set_competencies(version: CourseVersion, levels: dict[Competency, int], *, acting_user: Any) -> None:
    _require_draft(version)
    for competency, level in levels.items():
        if not 1 <= int(level) <= 5:
            raise CatalogError(_("The level of %(competency)s must be from 1 to 5.") % {"competency": competency.code})
    before = sorted(f"{code}:{level}" for code, level in version.competencies.values_list("competency__code", "level"))
    version.competencies.all().delete()
    CourseCompetency.objects.bulk_create(
        CourseCompetency(version=version, competency=c, level=level) for c, level in levels.items()
    )
    after = sorted(f"{c.code}:{level}" for c, level in levels.items())
    if before != after:
        audit.record(
            actor=acting_user,
            action="course.competencies",
            target=version.course,
            org_path=_org_path(version.course),
            before={"competencies": before},
            after={"competencies": after},
        )


# --- modules ----------------------------------------------------------------------------------


def _module_audit(module: Module, action: str, acting_user: Any, **extra: Any) -> None:
    course = module.version.course
    audit.record(
        actor=acting_user,
        action=action,
        target=course,
        org_path=_org_path(course),
        after={"version": module.version.number, "module": module.pk, "title": module.title_en or module.title_hi}
        | extra,
    )


def _check_titles(title_en: str, title_hi: str) -> None:
    if not (title_en or title_hi):
        raise CatalogError(_("Give a title in English or in Hindi."))


@transaction.atomic
def do_add_module(version: CourseVersion, *, title_en: str, title_hi: str = "", acting_user: Any) -> Module:
    _require_draft(version)
    title_en, title_hi = clean_text(title_en), clean_text(title_hi)
    _check_titles(title_en, title_hi)
    last = version.modules.aggregate(last=Max("position"))["last"]
    module = Module.objects.create(
        version=version, position=0 if last is None else last + 1, title_en=title_en, title_hi=title_hi
    )
    _module_audit(module, "course.module.add", acting_user)
    return module


@transaction.atomic
def do_update_module(module: Module, *, title_en: str, title_hi: str = "", acting_user: Any) -> Module:
    _require_draft(module.version)
    title_en, title_hi = clean_text(title_en), clean_text(title_hi)
    _check_titles(title_en, title_hi)
    module.title_en, module.title_hi = title_en, title_hi
    module.save(update_fields=["title_en", "title_hi"])
    _module_audit(module, "course.module.edit", acting_user)
    return module


@transaction.atomic
def do_delete_module(module: Module, *, acting_user: Any) -> None:
    """Remove a module and its resources from a draft. Files stay in storage: earlier versions share them."""
    _require_draft(module.version)
    _module_audit(module, "course.module.delete", acting_user, resources=module.resources.count())
    module.delete()


def _swap(rows: list[Any], row: Any, direction: str) -> bool:
    """Move ``row`` one place up or down in ``rows`` and number them 0, 1, 2…; False if it cannot move."""
    index = next(i for i, r in enumerate(rows) if r.pk == row.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(rows):
        return False
    rows[index], rows[other] = rows[other], rows[index]
    for position, r in enumerate(rows):
        r.position = position
    return True


@transaction.atomic
def do_move_module(module: Module, direction: str, *, acting_user: Any) -> bool:
    """Move a module up or down among its siblings; returns whether it moved."""
    _require_draft(module.version)
    siblings = list(Module.objects.select_for_update().filter(version_id=module.version_id).order_by("position", "id"))
    if not _swap(siblings, module, direction):
        return False
    Module.objects.bulk_update(siblings, ["position"])
    _module_audit(module, "course.module.move", acting_user, direction=direction)
    return True


# --- resources --------------------------------------------------------------------------------


def _is_upload(value: Any) -> bool:
    """A newly uploaded file (to check and store), as opposed to the name of a stored one."""
    return hasattr(value, "read") and hasattr(value, "name") and not isinstance(value, str)


def _prepare_resource_fields(version: CourseVersion, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Check and clean resource fields: titles, addresses (http/https only), HTML (sanitised),
    uploads (type, size, PDF pages) and the assessment (must belong to this version)."""
    from kshamta.catalog.uploads import UploadKind, check_upload, check_web_address, sanitise_html

    if kind not in Resource.Kind.values:
        raise CatalogError(_("Unknown type of resource."))
    for name in fields:
        if name not in RESOURCE_FIELDS:
            raise TypeError(f"not a resource field: {name}")
    cleaned = dict(fields)
    for name in ("title_en", "title_hi"):
        if name in cleaned:
            cleaned[name] = clean_text(cleaned[name])
    if cleaned.get("url"):
        cleaned["url"] = check_web_address(cleaned["url"])
    if "body_html" in cleaned:
        cleaned["body_html"] = sanitise_html(cleaned["body_html"])
    upload = cleaned.get("file")
    if _is_upload(upload):
        if kind not in (Resource.Kind.VIDEO, Resource.Kind.AUDIO, Resource.Kind.PDF):
            raise CatalogError(_("Only a video, an audio recording or a PDF document has a file."))
        checked = check_upload(upload, {"video": UploadKind.VIDEO, "audio": UploadKind.AUDIO}.get(kind, UploadKind.PDF))
        if kind == Resource.Kind.PDF:
            cleaned["page_count"] = checked.page_count
    assessment = cleaned.get("assessment")
    if assessment is not None and assessment.version_id != version.pk:
        raise CatalogError(_("Choose an assessment of this version of the course."))
    threshold = cleaned.get("completion_threshold")
    if threshold is not None and not 1 <= int(threshold) <= 100:
        raise CatalogError(_("The share that counts as complete must be from 1 to 100 per cent."))
    return cleaned


def _estimate_reading_seconds(resource: Resource) -> None:
    if resource.kind == Resource.Kind.TEXT and not resource.duration_seconds:
        from django.utils.html import strip_tags

        words = len(strip_tags(resource.body_html).split())
        resource.duration_seconds = max(60, round(words * 60 / WORDS_PER_MINUTE))


def _store(resource: Resource, fields: dict[str, Any]) -> None:
    """Set fields on ``resource``; an upload is streamed to storage by the file field (chunk by chunk)."""
    for name, value in fields.items():
        if name == "file" and _is_upload(value):
            resource.file.save(value.name, File(value), save=False)
        else:
            setattr(resource, name, value)


def _resource_audit(resource: Resource, action: str, acting_user: Any, **extra: Any) -> None:
    version = resource.module.version
    audit.record(
        actor=acting_user,
        action=action,
        target=version.course,
        org_path=_org_path(version.course),
        after={
            "version": version.number,
            "resource": resource.pk,
            "kind": resource.kind,
            "title": resource.title_en or resource.title_hi,
        }
        | extra,
    )


@transaction.atomic
def do_add_resource(module: Module, *, kind: str, acting_user: Any, **fields: Any) -> Resource:
    """Add a resource to a draft module. An uploaded ``file`` is checked (type, size, PDF
    pages; see ``kshamta.catalog.uploads``) and stored; ``body_html`` is sanitised; a ``url``
    must be http(s)."""
    version = module.version
    _require_draft(version)
    cleaned = _prepare_resource_fields(version, kind, fields)
    last = module.resources.aggregate(last=Max("position"))["last"]
    resource = Resource(module=module, kind=kind, position=0 if last is None else last + 1)
    _store(resource, cleaned)
    _estimate_reading_seconds(resource)
    resource.save()
    _resource_audit(resource, "course.resource.add", acting_user)
    return resource


@transaction.atomic
def do_update_resource(resource: Resource, *, acting_user: Any, **fields: Any) -> Resource:
    """Change a resource of a draft. A new upload replaces the file and clears the address;
    a new address clears the file (the old file stays in storage for earlier versions)."""
    version = resource.module.version
    _require_draft(version)
    cleaned = _prepare_resource_fields(version, resource.kind, fields)
    if _is_upload(cleaned.get("file")):
        cleaned["url"] = ""
    elif cleaned.get("url"):
        cleaned["file"] = ""
    _store(resource, cleaned)
    _estimate_reading_seconds(resource)
    resource.save()
    _resource_audit(resource, "course.resource.edit", acting_user)
    return resource


@transaction.atomic
def do_delete_resource(resource: Resource, *, acting_user: Any) -> None:
    """Remove a resource from a draft. Its file stays in storage: earlier versions share it."""
    _require_draft(resource.module.version)
    _resource_audit(resource, "course.resource.delete", acting_user)
    resource.delete()


@transaction.atomic
def do_move_resource(resource: Resource, direction: str, *, acting_user: Any) -> bool:
    """Move a resource up or down within its module; returns whether it moved."""
    _require_draft(resource.module.version)
    siblings = list(
        Resource.objects.select_for_update().filter(module_id=resource.module_id).order_by("position", "id")
    )
    if not _swap(siblings, resource, direction):
        return False
    Resource.objects.bulk_update(siblings, ["position"])
    _resource_audit(resource, "course.resource.move", acting_user, direction=direction)
    return True


# --- publishing -------------------------------------------------------------------------------


def search_text_for(version: CourseVersion) -> str:
    course = version.course
    parts = [
        course.code,
        version.title_en,
        version.title_hi,
        version.summary_en,
        version.summary_hi,
        version.tags,
        course.provider.name_en,
        course.provider.name_hi,
    ]
    for link in version.competencies.select_related("competency"):
        parts += [link.competency.code, link.competency.name_en, link.competency.name_hi]
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()


@transaction.atomic
def do_publish(version: CourseVersion, *, acting_user: Any) -> Course:
    """Make ``version`` the course's published version (the previous one is superseded).

    The editorial checks (reviewed, not one's own work) belong to the caller's workflow
    action (``do_publish_reviewed``); this is the single place that flips what the catalogue shows.
    """
    course = Course.objects.select_for_update().get(pk=version.course_id)
    previous = course.published_version
    now = timezone.now()
    if previous is not None and previous.pk != version.pk:
        CourseVersion.objects.filter(pk=previous.pk).update(status=CourseVersion.Status.SUPERSEDED)
    version.status = CourseVersion.Status.PUBLISHED
    version.published_at = now
    version.published_by = _user_or_none(acting_user)
    version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    kinds = sorted({r.kind for m in version.modules.prefetch_related("resources") for r in m.resources.all()})
    codes = [link.competency.code for link in version.competencies.select_related("competency")]
    course.published_version = version
    course.is_retired = False
    for name in ("title_en", "title_hi", "summary_en", "summary_hi", "languages", "duration_minutes", "level"):
        setattr(course, name, getattr(version, name))
    course.resource_kinds = ",".join(kinds)
    course.competency_codes = "," + ",".join(codes) + "," if codes else ""
    course.search_text = search_text_for(version)
    course.published_at = course.published_at or now
    course.save()
    audit.record(
        actor=acting_user,
        action="course.publish",
        target=course,
        org_path=_org_path(course),
        after={"version": version.number},
    )
    return course


# --- the editorial workflow ----------------------------------------------------------------------


def _locked(version: CourseVersion) -> CourseVersion:
    """The version re-read under a row lock, so two people deciding at once cannot both succeed."""
    locked = CourseVersion.objects.select_for_update().get(pk=version.pk)
    version.status = locked.status
    version.created_by_id = locked.created_by_id
    version.submitted_by_id = locked.submitted_by_id
    return version


def _require_person(acting_user: Any) -> None:
    if _user_or_none(acting_user) is None:
        raise CatalogError(_("Only a signed-in person can take this step."))


def _require_role(acting_user: Any, course: Course, role: str) -> None:
    from kshamta.catalog import access

    _require_person(acting_user)
    if not access.acts_for(acting_user, course, role):
        messages: dict[str, str] = {
            Role.CONTENT_CREATOR: _("You are not a content creator for this course's provider."),
            Role.REVIEWER: _("You are not a reviewer for this course's provider."),
            Role.PUBLISHER: _("You are not a publisher for this course's provider."),
        }
        raise CatalogError(messages[role])


def _refuse_own_work(acting_user: Any, version: CourseVersion, step: str) -> None:
    from kshamta.catalog import access

    if access.is_own_work(acting_user, version):
        if step == "publish":
            raise CatalogError(_("You made or submitted this version, so someone else must publish it."))
        raise CatalogError(_("You made or submitted this version, so someone else must review it."))


def _require_status(version: CourseVersion, *statuses: str) -> None:
    if version.status not in statuses:
        raise CatalogError(
            _("This step is not possible: version %(number)s is %(status)s.")
            % {"number": version.number, "status": version.get_status_display().lower()}
        )


def _workflow_audit(version: CourseVersion, action: str, acting_user: Any, **extra: Any) -> None:
    audit.record(
        actor=acting_user,
        action=action,
        target=version.course,
        org_path=_org_path(version.course),
        after={"version": version.number, "status": version.status} | extra,
    )


def submission_problems(version: CourseVersion) -> list[str]:
    """What must be fixed before a version can go for review (empty when it is ready)."""
    problems: list[str] = []
    if not (version.title_en or version.title_hi):
        problems.append(_("The course has no title."))
    if not (version.summary_en or version.summary_hi):
        problems.append(_("The course has no summary."))
    if not version.languages:
        problems.append(_("Choose the course's language or languages."))
    resources = list(Resource.objects.filter(module__version=version).select_related("assessment"))
    if not resources:
        problems.append(_("The course has no resources: add a module and something to learn in it."))
    for resource in resources:
        title = resource.title_en or resource.title_hi or resource.get_kind_display()
        if resource.kind in MEDIA_KINDS:
            if not (resource.file or resource.url):
                problems.append(_("“%(title)s” has no file or address.") % {"title": title})
            if not resource.duration_seconds:
                problems.append(_("“%(title)s” has no duration.") % {"title": title})
        elif resource.kind == Resource.Kind.PDF and not resource.file:
            problems.append(_("“%(title)s” has no PDF file.") % {"title": title})
        elif resource.kind == Resource.Kind.LINK and not resource.url:
            problems.append(_("“%(title)s” has no address.") % {"title": title})
        elif resource.kind == Resource.Kind.TEXT and not resource.body_html:
            problems.append(_("“%(title)s” has no text.") % {"title": title})
        elif resource.kind == Resource.Kind.ASSESSMENT and (
            resource.assessment is None or resource.assessment.version_id != version.pk
        ):
            problems.append(_("“%(title)s” has no assessment of this version chosen.") % {"title": title})
    return problems


@transaction.atomic
def do_submit_for_review(version: CourseVersion, *, acting_user: Any) -> CourseVersion:
    """Draft → in review, by a content creator, once the version is complete."""
    _require_role(acting_user, version.course, Role.CONTENT_CREATOR)
    _locked(version)
    _require_status(version, CourseVersion.Status.DRAFT)
    problems = submission_problems(version)
    if problems:
        raise CatalogError(_("The version cannot go for review yet:") + " " + " ".join(problems))
    version.status = CourseVersion.Status.IN_REVIEW
    version.submitted_by = acting_user
    version.submitted_at = timezone.now()
    version.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    _workflow_audit(version, "course.submit", acting_user)
    return version


@transaction.atomic
def do_approve_review(version: CourseVersion, *, acting_user: Any, comment: str = "") -> CourseVersion:
    """In review → reviewed, by a reviewer who neither made nor submitted the version."""
    _require_role(acting_user, version.course, Role.REVIEWER)
    _locked(version)
    _require_status(version, CourseVersion.Status.IN_REVIEW)
    _refuse_own_work(acting_user, version, "review")
    version.status = CourseVersion.Status.REVIEWED
    version.reviewed_by = acting_user
    version.reviewed_at = timezone.now()
    version.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    ReviewComment.objects.create(version=version, author=acting_user, text=comment.strip(), decision="approved")
    _workflow_audit(version, "course.approve", acting_user, comment=comment.strip())
    return version


@transaction.atomic
def do_reject(version: CourseVersion, *, acting_user: Any, comment: str) -> CourseVersion:
    """In review (by a reviewer) or reviewed (by a reviewer or publisher) → back to draft, with a
    comment saying what to change. The version's own maker cannot reject it either."""
    comment = (comment or "").strip()
    if not comment:
        raise CatalogError(_("Say what must change: a rejection needs a comment."))
    _require_person(acting_user)
    _locked(version)
    _require_status(version, CourseVersion.Status.IN_REVIEW, CourseVersion.Status.REVIEWED)
    if version.status == CourseVersion.Status.IN_REVIEW:
        _require_role(acting_user, version.course, Role.REVIEWER)
    else:
        from kshamta.catalog import access

        if not (
            access.acts_for(acting_user, version.course, Role.REVIEWER)
            or access.acts_for(acting_user, version.course, Role.PUBLISHER)
        ):
            raise CatalogError(_("You are not a reviewer or publisher for this course's provider."))
    _refuse_own_work(acting_user, version, "review")
    version.status = CourseVersion.Status.DRAFT
    version.save(update_fields=["status", "updated_at"])
    ReviewComment.objects.create(version=version, author=acting_user, text=comment, decision="rejected")
    _workflow_audit(version, "course.reject", acting_user, comment=comment)
    return version


@transaction.atomic
def do_comment(version: CourseVersion, *, acting_user: Any, text: str) -> ReviewComment:
    """A remark on a version without a decision, by anyone with a content role over its provider."""
    from kshamta.catalog import access

    text = (text or "").strip()
    if not text:
        raise CatalogError(_("Write a comment first."))
    _require_person(acting_user)
    if not access.acts_for(acting_user, version.course):
        raise CatalogError(_("You have no content role for this course's provider."))
    comment = ReviewComment.objects.create(version=version, author=acting_user, text=text)
    _workflow_audit(version, "course.comment", acting_user, comment=text)
    return comment


@transaction.atomic
def do_publish_reviewed(version: CourseVersion, *, acting_user: Any, comment: str = "") -> Course:
    """Reviewed → published, by a publisher who neither made nor submitted the version."""
    _require_role(acting_user, version.course, Role.PUBLISHER)
    _locked(version)
    _require_status(version, CourseVersion.Status.REVIEWED)
    _refuse_own_work(acting_user, version, "publish")
    course = do_publish(version, acting_user=acting_user)
    ReviewComment.objects.create(version=version, author=acting_user, text=comment.strip(), decision="published")
    return course


@transaction.atomic
def do_retire(course: Course, *, acting_user: Any) -> Course:
    """Take a published course out of the catalogue. Enrolled learners keep their version;
    publishing a new version brings the course back."""
    _require_role(acting_user, course, Role.PUBLISHER)
    course = Course.objects.select_for_update(of=("self",)).select_related("provider__org").get(pk=course.pk)
    if course.published_version_id is None or course.is_retired:
        raise CatalogError(_("Only a course in the catalogue can be retired."))
    course.is_retired = True
    course.save(update_fields=["is_retired", "updated_at"])
    CourseVersion.objects.filter(pk=course.published_version_id).update(
        status=CourseVersion.Status.RETIRED, updated_at=timezone.now()
    )
    audit.record(actor=acting_user, action="course.retire", target=course, org_path=_org_path(course))
    return course


# --- versions ------------------------------------------------------------------------------------


@transaction.atomic
def do_new_version(course: Course, *, acting_user: Any) -> CourseVersion:
    """Start the next version of a course as a draft copy of its published (or latest) version.

    Allowed only when no version is open (draft, in review or reviewed). Competencies,
    modules and resources are copied; a resource keeps its ``key`` and shares the stored
    file (nothing is duplicated in storage); assessments are copied by the assessments
    app and the copied resources point at the copies.

    Like the other editing actions it leaves the question of who may edit to its callers (the
    studio lets content creators; the catalogue import lets publishers, who publish straight away).
    """
    from kshamta.assessments.actions import copy_assessments

    course = Course.objects.select_for_update(of=("self",)).select_related("provider__org").get(pk=course.pk)
    open_version = course.versions.filter(status__in=OPEN_STATUSES).first()
    if open_version is not None:
        raise CatalogError(
            _("Version %(number)s is still being worked on (%(status)s). Finish it before starting another.")
            % {"number": open_version.number, "status": open_version.get_status_display().lower()}
        )
    source = course.published_version or course.versions.order_by("-number").first()
    if source is None:
        raise CatalogError(_("This course has no version to start from."))
    number = (course.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = CourseVersion(course=course, number=number, created_by=_user_or_none(acting_user))
    for name in VERSION_FIELDS:
        setattr(version, name, getattr(source, name))
    version.thumbnail = source.thumbnail.name
    version.save()
    CourseCompetency.objects.bulk_create(
        CourseCompetency(version=version, competency_id=link.competency_id, level=link.level)
        for link in source.competencies.all()
    )
    copied_assessments = copy_assessments(source, version)
    source_modules = list(source.modules.prefetch_related("resources").order_by("position", "id"))
    modules = Module.objects.bulk_create(
        Module(version=version, position=m.position, title_en=m.title_en, title_hi=m.title_hi) for m in source_modules
    )
    resources = []
    for old_module, new_module in zip(source_modules, modules, strict=True):
        for r in old_module.resources.all():
            assessment = copied_assessments.get(r.assessment_id) if r.assessment_id else None
            resources.append(
                Resource(
                    module=new_module,
                    key=r.key,
                    position=r.position,
                    kind=r.kind,
                    title_en=r.title_en,
                    title_hi=r.title_hi,
                    is_required=r.is_required,
                    file=r.file.name,
                    url=r.url,
                    body_html=r.body_html,
                    duration_seconds=r.duration_seconds,
                    page_count=r.page_count,
                    completion_threshold=r.completion_threshold,
                    assessment=assessment,
                )
            )
    Resource.objects.bulk_create(resources)
    audit.record(
        actor=acting_user,
        action="course.new_version",
        target=course,
        org_path=_org_path(course),
        after={"version": number, "from_version": source.number},
    )
    return version
