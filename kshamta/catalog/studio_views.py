"""Pages of the content studio (/studio/): queues, course and version editing, review and publishing,
providers. Thin: scoped access (``kshamta.catalog.access``) → form → action → redirect.

Pages that take an upload refuse an oversized one before reading the request body: the CSRF
check reads the body, so it is skipped on the outer view and made inside once the size guard
is in place (as on the HRMS import page).
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.accounts.models import Role, User
from kshamta.catalog import access, actions
from kshamta.catalog.models import CourseVersion, Language, Module, Resource
from kshamta.catalog.studio_forms import (
    UPLOAD_KINDS,
    CommentForm,
    CourseDetailsForm,
    DecisionForm,
    ModuleForm,
    MoveForm,
    ProviderForm,
    ResourceForm,
    competency_formset,
    format_clock,
)
from kshamta.catalog.uploads import (
    UploadKind,
    UploadRefused,
    UploadSizeGuard,
    announced_too_big,
    max_upload_bytes,
    megabytes,
    too_big_message,
)
from kshamta.competencies.models import Competency

View = Callable[..., HttpResponse]
QUEUE_SIZE = 20
RECENT_SIZE = 10


def studio_required(view: View) -> View:
    """Signed-in holders of a content role only; a 404 for everyone else."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.is_studio_user(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(guarded)


def _user(request: HttpRequest) -> User:
    return signed_in_user(request)


def _guard_upload(request: HttpRequest, limit: int) -> UploadSizeGuard | None:
    """Put the size guard in front of the request body (before anything reads it)."""
    if request.method != "POST":
        return None
    guard = UploadSizeGuard(request, limit)
    request.upload_handlers.insert(0, guard)
    return guard


def _too_big_response(request: HttpRequest, template: str, context: dict[str, Any], kind: str) -> HttpResponse:
    """The page again, saying the upload is too big, without reading a byte of the body."""
    context = context | {"upload_refused": too_big_message(kind)}
    return render(request, template, context, status=413)


def _active_competencies() -> Any:
    return Competency.objects.filter(framework__is_active=True).order_by("kind", "code")


def _version_url(version: CourseVersion) -> str:
    return reverse("studio:version", args=[version.pk])


# --- home and lists ----------------------------------------------------------------------------


@studio_required
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    related = ("course__provider", "created_by", "submitted_by")
    mine = (
        access.studio_versions(user, Role.CONTENT_CREATOR)
        .filter(created_by=user, status__in=actions.OPEN_STATUSES)
        .select_related(*related)
        .order_by("-updated_at")[:QUEUE_SIZE]
        if access.holds(user, Role.CONTENT_CREATOR)
        else []
    )
    review_queue = (
        access.studio_versions(user, Role.REVIEWER)
        .filter(status=CourseVersion.Status.IN_REVIEW)
        .exclude(created_by=user)
        .exclude(submitted_by=user)
        .select_related(*related)
        .order_by("submitted_at")[:QUEUE_SIZE]
        if access.holds(user, Role.REVIEWER)
        else []
    )
    publish_queue = (
        access.studio_versions(user, Role.PUBLISHER)
        .filter(status=CourseVersion.Status.REVIEWED)
        .exclude(created_by=user)
        .exclude(submitted_by=user)
        .select_related(*related)
        .order_by("reviewed_at")[:QUEUE_SIZE]
        if access.holds(user, Role.PUBLISHER)
        else []
    )
    recent = (
        access.studio_versions(user)
        .filter(status=CourseVersion.Status.PUBLISHED)
        .select_related(*related)
        .order_by("-published_at")[:RECENT_SIZE]
    )
    return render(
        request,
        "catalog/studio/home.html",
        {
            "mine": mine,
            "review_queue": review_queue,
            "publish_queue": publish_queue,
            "recent": recent,
            "can_create": access.holds(user, Role.CONTENT_CREATOR),
            "is_reviewer": access.holds(user, Role.REVIEWER),
            "is_publisher": access.holds(user, Role.PUBLISHER),
        },
    )


@studio_required
def courses(request: HttpRequest) -> HttpResponse:
    """Every course in the user's scope, as its latest version, searchable by code or title."""
    user = _user(request)
    latest = CourseVersion.objects.filter(course=OuterRef("course")).order_by("-number").values("number")[:1]
    versions = access.studio_versions(user).filter(number=Subquery(latest))
    q = (request.GET.get("q") or "").strip()
    if q:
        versions = versions.filter(Q(course__code__icontains=q) | Q(title_en__icontains=q) | Q(title_hi__icontains=q))
    versions = versions.select_related("course__provider", "created_by").order_by("course__code")
    page = Paginator(versions, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalog/studio/courses.html", {"page": page, "q": q})


# --- courses --------------------------------------------------------------------------------------


@csrf_exempt
@studio_required
def course_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    providers = access.authoring_providers(user).order_by("code")
    if not access.holds(user, Role.CONTENT_CREATOR):
        raise Http404
    limit = max_upload_bytes(UploadKind.THUMBNAIL)
    context = {"providers_exist": providers.exists(), "limit_mb": megabytes(limit), "max_bytes": limit}
    if request.method == "POST" and announced_too_big(request, limit):
        context |= {
            "form": CourseDetailsForm(providers=providers),
            "competency_forms": competency_formset(competencies=_active_competencies()),
        }
        return _too_big_response(request, "catalog/studio/course_form.html", context, UploadKind.THUMBNAIL)
    guard = _guard_upload(request, limit)
    return _course_new(request, user, providers, guard, context)


@csrf_protect
def _course_new(
    request: HttpRequest, user: User, providers: Any, guard: UploadSizeGuard | None, context: dict[str, Any]
) -> HttpResponse:
    competencies = _active_competencies()
    if request.method == "POST":
        form = CourseDetailsForm(request.POST, request.FILES, providers=providers)
        formset = competency_formset(request.POST, competencies=competencies)
        valid = form.is_valid() & formset.is_valid()
        if guard is not None and guard.exceeded:
            form.add_error("thumbnail", too_big_message(UploadKind.THUMBNAIL))
            valid = False
        if valid:
            try:
                with transaction.atomic():  # the course with its competencies, or nothing
                    version = actions.do_create_course(
                        code=form.cleaned_data["code"],
                        provider=form.cleaned_data["provider"],
                        acting_user=user,
                        thumbnail=form.thumbnail_change() or None,
                        **form.version_fields(),
                    )
                    actions.do_set_competencies(version, formset.levels(), acting_user=user)
            except UploadRefused as exc:
                form.add_error("thumbnail", exc.message)
            except actions.CatalogError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The course was created as a draft. Now add its modules and resources."))
                return redirect("studio:version", version_id=version.pk)
    else:
        form = CourseDetailsForm(providers=providers)
        formset = competency_formset(competencies=competencies)
    status = 400 if request.method == "POST" else 200
    context |= {"form": form, "competency_forms": formset}
    return render(request, "catalog/studio/course_form.html", context, status=status)


@studio_required
def course(request: HttpRequest, course_id: int) -> HttpResponse:
    """A course's current version: the one being worked on, else the published one, else the latest."""
    found = access.access_course_by_id(_user(request), course_id)
    version = (
        found.versions.filter(status__in=actions.OPEN_STATUSES).first()
        or found.published_version
        or found.versions.order_by("-number").first()
    )
    if version is None:
        raise Http404
    return redirect("studio:version", version_id=version.pk)


def _permissions(user: User, version: CourseVersion, history: list[CourseVersion]) -> dict[str, bool]:
    course = version.course
    status = version.status
    Status = CourseVersion.Status
    author = access.can_author(user, course)
    reviewer = access.acts_for(user, course, Role.REVIEWER)
    publisher = access.acts_for(user, course, Role.PUBLISHER)
    own = access.is_own_work(user, version)
    has_open = any(v.status in actions.OPEN_STATUSES for v in history)
    base = course.published_version if course.published_version_id else (history[0] if history else None)
    return {
        "can_edit": author and status == Status.DRAFT,
        "can_submit": author and status == Status.DRAFT,
        "can_approve": reviewer and not own and status == Status.IN_REVIEW,
        "can_reject": not own
        and ((reviewer and status == Status.IN_REVIEW) or ((reviewer or publisher) and status == Status.REVIEWED)),
        "can_publish": publisher and not own and status == Status.REVIEWED,
        "can_retire": publisher and course.is_listed and version.pk == course.published_version_id,
        "can_new_version": author and not has_open and base is not None and version.pk == base.pk,
        "own_work_notice": own
        and ((reviewer and status == Status.IN_REVIEW) or (publisher and status == Status.REVIEWED)),
    }


def duration_text(minutes: int) -> str:
    """7 days, 2 hours 30 minutes, 45 minutes: a course's length as people say it."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(count)s day", "%(count)s days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours})
    if mins or not parts:
        parts.append(ngettext("%(count)s minute", "%(count)s minutes", mins) % {"count": mins})
    return " ".join(parts)


def _assessments_url(name: str, pk: int) -> str | None:
    """A page of the assessments app, when it is mounted (the studio works without it)."""
    try:
        return reverse(f"assessments:{name}", args=[pk])
    except NoReverseMatch:
        return None


def _manage_assessment_url(version: CourseVersion) -> str | None:
    return _assessments_url("manage_new", version.pk)


@studio_required
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_version_by_id(user, version_id)
    modules = list(
        found.modules.prefetch_related(
            Prefetch("resources", queryset=Resource.objects.select_related("assessment").order_by("position", "id"))
        ).order_by("position", "id")
    )
    for module in modules:
        for resource in module.resources.all():
            resource.duration_text = format_clock(resource.duration_seconds)  # type: ignore[attr-defined]
    history = list(found.course.versions.select_related("created_by").order_by("-number"))
    permissions = _permissions(user, found, history)
    context = {
        "version": found,
        "course": found.course,
        "modules": modules,
        "competencies": found.competencies.select_related("competency"),
        "comments": found.comments.select_related("author"),
        "history": history,
        "assessments": [(a, _assessments_url("manage", a.pk)) for a in found.assessments.all()],
        "new_assessment_url": _manage_assessment_url(found) if permissions["can_edit"] else None,
        "resource_kinds": Resource.Kind.choices,
        "problems": actions.submission_problems(found) if permissions["can_submit"] else [],
        "comment_form": CommentForm(),
        "duration_text": duration_text(found.duration_minutes),
        "languages_text": ", ".join(str(Language(c).label) for c in found.languages.split(",") if c in Language.values),
        "decision_form": DecisionForm(),
        **permissions,
    }
    return render(request, "catalog/studio/version.html", context)


@csrf_exempt
@studio_required
def version_edit(request: HttpRequest, version_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_version_by_id(user, version_id, for_role=Role.CONTENT_CREATOR)
    limit = max_upload_bytes(UploadKind.THUMBNAIL)
    context = {"version": found, "course": found.course, "limit_mb": megabytes(limit), "max_bytes": limit}
    if not found.is_editable:
        messages.error(request, _("Only a draft can be changed. Make a new version to change the course."))
        return redirect("studio:version", version_id=found.pk)
    if request.method == "POST" and announced_too_big(request, limit):
        context |= {
            "form": CourseDetailsForm(version=found),
            "competency_forms": competency_formset(version=found, competencies=_active_competencies()),
        }
        return _too_big_response(request, "catalog/studio/course_form.html", context, UploadKind.THUMBNAIL)
    guard = _guard_upload(request, limit)
    return _version_edit(request, user, found, guard, context)


@csrf_protect
def _version_edit(
    request: HttpRequest, user: User, found: CourseVersion, guard: UploadSizeGuard | None, context: dict[str, Any]
) -> HttpResponse:
    competencies = _active_competencies()
    if request.method == "POST":
        form = CourseDetailsForm(request.POST, request.FILES, version=found)
        formset = competency_formset(request.POST, version=found, competencies=competencies)
        valid = form.is_valid() & formset.is_valid()
        if guard is not None and guard.exceeded:
            form.add_error("thumbnail", too_big_message(UploadKind.THUMBNAIL))
            valid = False
        if valid:
            try:
                with transaction.atomic():  # details and competencies together, or neither
                    actions.do_update_version(
                        found, acting_user=user, thumbnail=form.thumbnail_change(), **form.version_fields()
                    )
                    actions.do_set_competencies(found, formset.levels(), acting_user=user)
            except UploadRefused as exc:
                form.add_error("thumbnail", exc.message)
            except actions.CatalogError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The course details were saved."))
                return redirect("studio:version", version_id=found.pk)
    else:
        form = CourseDetailsForm(version=found)
        formset = competency_formset(version=found, competencies=competencies)
    status = 400 if request.method == "POST" else 200
    context |= {"form": form, "competency_forms": formset}
    return render(request, "catalog/studio/course_form.html", context, status=status)


# --- modules --------------------------------------------------------------------------------------


def _refuse_unless_draft(request: HttpRequest, found: CourseVersion) -> HttpResponse | None:
    if found.is_editable:
        return None
    messages.error(request, _("Only a draft can be changed. Make a new version to change the course."))
    return redirect("studio:version", version_id=found.pk)


@studio_required
def module_new(request: HttpRequest, version_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_version_by_id(user, version_id, for_role=Role.CONTENT_CREATOR)
    refused = _refuse_unless_draft(request, found)
    if refused:
        return refused
    form = ModuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_module(found, acting_user=user, **form.cleaned_data)
        except actions.CatalogError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect(_version_url(found) + "#modules")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "catalog/studio/module_form.html",
        {"form": form, "version": found, "course": found.course},
        status=status,
    )


@studio_required
def module_edit(request: HttpRequest, module_id: int) -> HttpResponse:
    user = _user(request)
    module = access.access_module_by_id(user, module_id)
    refused = _refuse_unless_draft(request, module.version)
    if refused:
        return refused
    initial = {"title_en": module.title_en, "title_hi": module.title_hi}
    form = ModuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_module(module, acting_user=user, **form.cleaned_data)
        except actions.CatalogError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect(_version_url(module.version) + f"#module-{module.pk}")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "module": module, "version": module.version, "course": module.version.course}
    return render(request, "catalog/studio/module_form.html", context, status=status)


@require_POST
@studio_required
def module_delete(request: HttpRequest, module_id: int) -> HttpResponse:
    user = _user(request)
    module = access.access_module_by_id(user, module_id)
    try:
        actions.do_delete_module(module, acting_user=user)
    except actions.CatalogError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The module was removed."))
    return redirect(_version_url(module.version) + "#modules")


@require_POST
@studio_required
def module_move(request: HttpRequest, module_id: int) -> HttpResponse:
    user = _user(request)
    module = access.access_module_by_id(user, module_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            actions.do_move_module(module, form.cleaned_data["direction"], acting_user=user)
        except actions.CatalogError as exc:
            messages.error(request, exc.message)
    return redirect(_version_url(module.version) + f"#module-{module.pk}")


# --- resources --------------------------------------------------------------------------------------


def _resource_limit(kind: str) -> tuple[int, str]:
    upload_kind = UPLOAD_KINDS.get(kind, UploadKind.PDF)  # kinds without files send small forms
    return max_upload_bytes(upload_kind), upload_kind


@csrf_exempt
@studio_required
def resource_new(request: HttpRequest, module_id: int, kind: str) -> HttpResponse:
    user = _user(request)
    module = access.access_module_by_id(user, module_id)
    if kind not in Resource.Kind.values:
        raise Http404
    refused = _refuse_unless_draft(request, module.version)
    if refused:
        return refused
    return _resource_page(request, user, module=module, kind=kind, resource=None)


@csrf_exempt
@studio_required
def resource_edit(request: HttpRequest, resource_id: int) -> HttpResponse:
    user = _user(request)
    resource = access.access_resource_by_id(user, resource_id)
    refused = _refuse_unless_draft(request, resource.module.version)
    if refused:
        return refused
    return _resource_page(request, user, module=resource.module, kind=resource.kind, resource=resource)


def _resource_page(
    request: HttpRequest, user: User, *, module: Module, kind: str, resource: Resource | None
) -> HttpResponse:
    version = module.version
    limit, upload_kind = _resource_limit(kind)
    context = {
        "module": module,
        "version": version,
        "course": version.course,
        "kind": kind,
        "kind_label": Resource.Kind(kind).label,
        "resource": resource,
        "limit_mb": megabytes(limit) if kind in UPLOAD_KINDS else None,
        "max_bytes": limit,
        "new_assessment_url": _manage_assessment_url(version) if kind == Resource.Kind.ASSESSMENT else None,
    }
    if request.method == "POST" and kind in UPLOAD_KINDS and announced_too_big(request, limit):
        context["form"] = ResourceForm(kind=kind, version=version, resource=resource)
        return _too_big_response(request, "catalog/studio/resource_form.html", context, upload_kind)
    guard = _guard_upload(request, limit) if kind in UPLOAD_KINDS else None
    return _resource_form(request, user, guard=guard, context=context)


@csrf_protect
def _resource_form(
    request: HttpRequest, user: User, *, guard: UploadSizeGuard | None, context: dict[str, Any]
) -> HttpResponse:
    module: Module = context["module"]
    resource: Resource | None = context["resource"]
    kind: str = context["kind"]
    version = module.version
    if request.method == "POST":
        form = ResourceForm(request.POST, request.FILES, kind=kind, version=version, resource=resource)
        valid = form.is_valid()
        if guard is not None and guard.exceeded:
            form.errors.pop("file", None)
            form.add_error("file", too_big_message(UPLOAD_KINDS[kind]))
            valid = False
        if valid:
            try:
                if resource is None:
                    saved = actions.do_add_resource(module, kind=kind, acting_user=user, **form.resource_fields())
                else:
                    saved = actions.do_update_resource(resource, acting_user=user, **form.resource_fields())
            except UploadRefused as exc:
                form.add_error("file", exc.message)
            except actions.CatalogError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("“%(title)s” was saved.") % {"title": saved.title})
                return redirect(_version_url(version) + f"#resource-{saved.pk}")
    else:
        form = ResourceForm(kind=kind, version=version, resource=resource)
    status = 400 if request.method == "POST" else 200
    return render(request, "catalog/studio/resource_form.html", context | {"form": form}, status=status)


@require_POST
@studio_required
def resource_delete(request: HttpRequest, resource_id: int) -> HttpResponse:
    user = _user(request)
    resource = access.access_resource_by_id(user, resource_id)
    try:
        actions.do_delete_resource(resource, acting_user=user)
    except actions.CatalogError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The resource was removed."))
    return redirect(_version_url(resource.module.version) + f"#module-{resource.module_id}")


@require_POST
@studio_required
def resource_move(request: HttpRequest, resource_id: int) -> HttpResponse:
    user = _user(request)
    resource = access.access_resource_by_id(user, resource_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            actions.do_move_resource(resource, form.cleaned_data["direction"], acting_user=user)
        except actions.CatalogError as exc:
            messages.error(request, exc.message)
    return redirect(_version_url(resource.module.version) + f"#resource-{resource.pk}")


def _stored_file_response(field: Any) -> HttpResponse:
    if not field:
        raise Http404("No file")
    try:
        handle = field.storage.open(field.name, "rb")
    except FileNotFoundError as exc:
        raise Http404("No file") from exc
    name = os.path.basename(field.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, filename=name, content_type=content_type)
    # Streamed, never read whole into memory; the view's type wants an HttpResponse.
    return cast(HttpResponse, response)


@studio_required
def resource_file(request: HttpRequest, resource_id: int) -> HttpResponse:
    """An uploaded file as reviewers and authors see it (any content role over the provider)."""
    resource = access.access_resource_by_id(_user(request), resource_id, for_role=None)
    return _stored_file_response(resource.file)


@studio_required
def thumbnail(request: HttpRequest, version_id: int) -> HttpResponse:
    found = access.access_version_by_id(_user(request), version_id)
    return _stored_file_response(found.thumbnail)


# --- the workflow ----------------------------------------------------------------------------------


def _workflow_step(
    request: HttpRequest, version_id: int, step: Callable[[User, CourseVersion, str], str]
) -> HttpResponse:
    user = _user(request)
    found = access.access_version_by_id(user, version_id)
    form = DecisionForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        done = step(user, found, comment)
    except actions.CatalogError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("studio:version", version_id=found.pk)


@require_POST
@studio_required
def submit(request: HttpRequest, version_id: int) -> HttpResponse:
    def step(user: User, found: CourseVersion, comment: str) -> str:
        actions.do_submit_for_review(found, acting_user=user)
        if comment:
            actions.do_comment(found, acting_user=user, text=comment)
        return _("The version was sent for review.")

    return _workflow_step(request, version_id, step)


@require_POST
@studio_required
def approve(request: HttpRequest, version_id: int) -> HttpResponse:
    def step(user: User, found: CourseVersion, comment: str) -> str:
        actions.do_approve_review(found, acting_user=user, comment=comment)
        return _("The version was approved. A publisher can now publish it.")

    return _workflow_step(request, version_id, step)


@require_POST
@studio_required
def reject(request: HttpRequest, version_id: int) -> HttpResponse:
    def step(user: User, found: CourseVersion, comment: str) -> str:
        actions.do_reject(found, acting_user=user, comment=comment)
        return _("The version was sent back to its authors as a draft.")

    return _workflow_step(request, version_id, step)


@require_POST
@studio_required
def publish(request: HttpRequest, version_id: int) -> HttpResponse:
    def step(user: User, found: CourseVersion, comment: str) -> str:
        actions.do_publish_reviewed(found, acting_user=user, comment=comment)
        return _("The version was published: learners now see it in the catalogue.")

    return _workflow_step(request, version_id, step)


@require_POST
@studio_required
def comment(request: HttpRequest, version_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_version_by_id(user, version_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            actions.do_comment(found, acting_user=user, text=form.cleaned_data["text"])
        except actions.CatalogError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(_version_url(found) + "#comments")


@require_POST
@studio_required
def retire(request: HttpRequest, course_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_course_by_id(user, course_id)
    try:
        actions.do_retire(found, acting_user=user)
    except actions.CatalogError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The course was retired: it is no longer in the catalogue. Enrolled learners keep access.")
        )
    return redirect("studio:course", course_id=found.pk)


@require_POST
@studio_required
def new_version(request: HttpRequest, course_id: int) -> HttpResponse:
    user = _user(request)
    found = access.access_course_by_id(user, course_id)
    if not access.can_author(user, found):
        messages.error(request, _("Only a content creator can start a new version."))
        return redirect("studio:course", course_id=found.pk)
    try:
        created = actions.do_new_version(found, acting_user=user)
    except actions.CatalogError as exc:
        messages.error(request, exc.message)
        return redirect("studio:course", course_id=found.pk)
    messages.success(
        request,
        _("Version %(number)s was started as a draft. Learners keep the published version until this one is published.")
        % {"number": created.number},
    )
    return redirect("studio:version", version_id=created.pk)


# --- providers ---------------------------------------------------------------------------------------


def state_admin_studio(view: View) -> View:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.holds(request.user, Role.STATE_ADMIN):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(guarded)


@state_admin_studio
def providers(request: HttpRequest) -> HttpResponse:
    rows = access.administered_providers(_user(request)).annotate(course_count=Count("courses")).order_by("code")
    page = Paginator(rows, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalog/studio/providers.html", {"page": page})


@state_admin_studio
def provider_new(request: HttpRequest) -> HttpResponse:
    return _provider_form(request, None)


@state_admin_studio
def provider_edit(request: HttpRequest, provider_id: int) -> HttpResponse:
    return _provider_form(request, access.access_provider_by_id(_user(request), provider_id))


def _provider_form(request: HttpRequest, provider: Any) -> HttpResponse:
    user = _user(request)
    form = ProviderForm(request.POST or None, orgs=access.provider_orgs(user).order_by("path"), provider=provider)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, created = actions.do_save_provider(
            code=data["code"],
            name_en=data["name_en"],
            name_hi=data["name_hi"],
            kind=data["kind"],
            org=data["org"],
            acting_user=user,
        )
        messages.success(
            request,
            (_("The provider %(code)s was created.") if created else _("The provider %(code)s was saved."))
            % {"code": saved.code},
        )
        return redirect("studio:providers")
    status = 400 if request.method == "POST" else 200
    return render(request, "catalog/studio/provider_form.html", {"form": form, "provider": provider}, status=status)
