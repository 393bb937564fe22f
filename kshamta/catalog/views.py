"""Catalogue pages: browse and search, the course page, catalogue upload and download."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kshamta.accounts.access import signed_in_user
from kshamta.catalog import exporting, importing, search, tasks
from kshamta.catalog.forms import CatalogueUploadForm, CourseFilterForm, max_catalogue_bytes
from kshamta.catalog.models import Course, CourseVersion, Module, Resource
from kshamta.competencies.models import Competency
from kshamta.orgs.models import localised

POLL_SECONDS = 2
ERRORS_SHOWN = 200

KIND_ICONS: dict[str, str] = {
    Resource.Kind.VIDEO: "▶",
    Resource.Kind.PDF: "📄",
    Resource.Kind.TEXT: "📖",
    Resource.Kind.LINK: "🔗",
    Resource.Kind.AUDIO: "🎧",
    Resource.Kind.ASSESSMENT: "✅",
}


def _wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap asks for the results alone; a history restore needs the whole page."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get("HX-History-Restore-Request")


def _hindi_page() -> bool:
    return (get_language() or "en").startswith("hi")


@dataclass
class Text:
    """A text in one script, with its language for the lang attribute."""

    text: str
    lang: str


def both_scripts(en: str, hi: str) -> tuple[Text | None, Text | None]:
    """(the reader's language first, the other script second); either may be missing."""
    english = Text(en, "en") if en else None
    hindi = Text(hi, "hi") if hi else None
    first, second = (hindi, english) if _hindi_page() else (english, hindi)
    return (first, second) if first else (second, None)


@dataclass
class CourseCard:
    course: Course
    title: Text | None
    other_title: Text | None
    summary: Text | None
    duration: str
    languages: list[str]
    competencies: list[str]


def course_cards(courses: list[Course]) -> list[CourseCard]:
    """Cards for one page of courses; competency names in one query for the whole page."""
    codes = {code for course in courses for code in search.competency_code_list(course.competency_codes)}
    names = (
        {
            c.code: localised(c.name_en, c.name_hi) or c.code
            for c in Competency.objects.filter(framework__is_active=True, code__in=codes)
            .order_by()
            .only("code", "name_en", "name_hi")
        }
        if codes
        else {}
    )
    cards = []
    for course in courses:
        title, other = both_scripts(course.title_en, course.title_hi)
        cards.append(
            CourseCard(
                course=course,
                title=title,
                other_title=other,
                summary=both_scripts(course.summary_en, course.summary_hi)[0],
                duration=search.human_duration(course.duration_minutes),
                languages=search.language_names(course.languages),
                competencies=[names.get(code, code) for code in search.competency_code_list(course.competency_codes)],
            )
        )
    return cards


@login_required
def browse(request: HttpRequest) -> HttpResponse:
    fragment = _wants_fragment(request)
    form = CourseFilterForm(request.GET, with_menus=not fragment)
    query = form.course_query()
    page = Paginator(search.search_courses(query), search.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "cards": course_cards(list(page.object_list)),
        "query": query,
        "may_manage": importing.may_import(request.user),
    }
    template = "catalog/_results.html" if fragment else "catalog/browse.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@dataclass
class OutlineResource:
    resource: Resource
    icon: str
    kind_label: str
    title: Text | None
    other_title: Text | None
    length: str  # "10 minutes", "12 pages", "" ...


def _resource_length(resource: Resource) -> str:
    if resource.kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO, Resource.Kind.TEXT) and resource.duration_seconds:
        return search.human_duration(max(1, round(resource.duration_seconds / 60)))
    if resource.kind == Resource.Kind.PDF and resource.page_count:
        return ngettext("%(n)d page", "%(n)d pages", resource.page_count) % {"n": resource.page_count}
    if resource.kind == Resource.Kind.ASSESSMENT and resource.assessment and resource.assessment.time_limit_minutes:
        limit = search.human_duration(resource.assessment.time_limit_minutes)
        return _("Time limit: %(duration)s") % {"duration": limit}
    return ""


def course_outline(version: CourseVersion) -> list[tuple[Module, Text | None, Text | None, list[OutlineResource]]]:
    """The version's modules with their resources (two queries); titles and lengths, never content."""
    modules = Module.objects.filter(version=version).prefetch_related(
        Prefetch("resources", queryset=Resource.objects.select_related("assessment").order_by("position", "id"))
    )
    outline = []
    for module in modules:
        items = []
        for resource in module.resources.all():
            title, other = both_scripts(resource.title_en, resource.title_hi)
            items.append(
                OutlineResource(
                    resource=resource,
                    icon=KIND_ICONS.get(resource.kind, "•"),
                    kind_label=resource.get_kind_display(),
                    title=title,
                    other_title=other,
                    length=_resource_length(resource),
                )
            )
        module_title, module_other = both_scripts(module.title_en, module.title_hi)
        outline.append((module, module_title, module_other, items))
    return outline


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    found = search.access_catalogue_course_by_code(request.user, code)
    course, version = found.course, found.version
    title, other_title = both_scripts(version.title_en, version.title_hi)
    links = [
        {
            "competency": link.competency,
            "name": link.competency.name,
            "level": link.level,
            "descriptor": link.competency.level_descriptor(link.level),
        }
        for link in version.competencies.select_related("competency")
    ]
    context = {
        "course": course,
        "version": version,
        "retired_for_enrolled": found.retired_for_enrolled,
        "title": title,
        "other_title": other_title,
        "summary_en": version.summary_en,
        "summary_hi": version.summary_hi,
        "summary_first_hi": _hindi_page() and bool(version.summary_hi),
        "duration": search.human_duration(version.duration_minutes),
        "languages": search.language_names(version.languages),
        "tags": version.tag_list(),
        "competencies": links,
        "outline": course_outline(version),
        "may_manage": importing.may_import(request.user),
    }
    return render(request, "catalog/detail.html", context)


# --- catalogue upload and download (publishers and state admins) -------------------------


def _manager_only(request: HttpRequest) -> None:
    if not importing.may_import(request.user):
        raise Http404("No such page")


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    _manager_only(request)
    user = signed_in_user(request)
    form = CatalogueUploadForm(request.POST or None, request.FILES or None)
    if not importing.may_create_providers(user):
        del form.fields["create_providers"]
    if request.method == "POST" and form.is_valid():
        token = importing.start_upload_import(
            form.cleaned_data["file"],
            acting_user=user,
            create_providers=bool(form.cleaned_data.get("create_providers")),
        )
        tasks.import_uploaded_catalogue.enqueue(token)
        return redirect("catalog:import_status", token=token)
    context = {
        "form": form,
        "columns": importing.COLUMNS,
        "required": importing.REQUIRED_COLUMNS,
        "limit_mb": max_catalogue_bytes() // (1024 * 1024),
    }
    return render(request, "catalog/import.html", context, status=400 if request.method == "POST" else 200)


def _status_context(status: dict[str, Any], token: str) -> dict[str, Any]:
    errors = [importing.RowError(**e) for e in status.get("errors", [])]
    counts = status.get("counts", {})
    labels = [
        ("rows", _("Rows")),
        ("created", _("Created")),
        ("updated", _("Updated")),
        ("unchanged", _("Unchanged")),
        ("rejected", _("Rejected")),
    ]
    return {
        "token": token,
        "status": status,
        "running": status["state"] in (importing.ImportState.QUEUED, importing.ImportState.RUNNING),
        "done": status["state"] == importing.ImportState.DONE,
        "failed": status["state"] == importing.ImportState.FAILED,
        "message": localised(status.get("message_en", ""), status.get("message_hi", "")),
        "counts": [(key, label, counts.get(key, 0)) for key, label in labels],
        "errors": errors[:ERRORS_SHOWN],
        "more_errors": max(0, counts.get("rejected", 0) - min(len(errors), ERRORS_SHOWN)),
        "poll_seconds": POLL_SECONDS,
    }


@never_cache
@login_required
def import_status(request: HttpRequest, token: str) -> HttpResponse:
    """The result of an upload: polled by htmx while the job runs, then the summary and rejected rows."""
    _manager_only(request)
    status = importing.read_status(token)
    if status is None or status.get("owner") != request.user.pk:
        raise Http404("No such import")
    context = _status_context(status, token)
    template = "catalog/_import_status.html" if _wants_fragment(request) else "catalog/import_status.html"
    return render(request, template, context)


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The listed catalogue, filtered like the browse page, in the import format."""
    _manager_only(request)
    query = CourseFilterForm(request.GET).course_query()
    courses = search.filter_courses(search.listed_courses(), query)
    stamp = timezone.localdate().isoformat()
    rows = exporting.export_rows(courses)
    if request.GET.get("format") == "xlsx":
        buffer = io.BytesIO()
        exporting.write_xlsx(rows, buffer)
        buffer.seek(0)
        response: HttpResponse = FileResponse(  # type: ignore[assignment]
            buffer, as_attachment=True, filename=f"kshamta-courses-{stamp}.xlsx", content_type=XLSX_TYPE
        )
        return response
    streamed = StreamingHttpResponse(exporting.csv_chunks(rows), content_type="text/csv; charset=utf-8")
    streamed["Content-Disposition"] = f'attachment; filename="kshamta-courses-{stamp}.csv"'
    return streamed  # type: ignore[return-value]
