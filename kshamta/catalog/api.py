"""HTTP API of the catalog app (mounted under /api/v1/): search the catalogue, read one course."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from kshamta.api.common import AUTH_ERRORS, error_responses
from kshamta.catalog import search
from kshamta.catalog.models import Course, CourseVersion, Module, Resource
from kshamta.orgs.models import localised

router = Router(tags=["catalog"])

MAX_LIMIT = 100


class ProviderRef(Schema):
    code: str
    name_en: str
    name_hi: str
    name: str = Field(description="The name in the caller's language.")


class CourseOut(Schema):
    code: str
    title_en: str
    title_hi: str
    title: str = Field(description="The title in the caller's language.")
    summary_en: str
    summary_hi: str
    provider: ProviderRef
    duration_minutes: int
    duration: str = Field(description="The duration in words, in the caller's language (e.g. 1 hour 30 minutes).")
    languages: list[Literal["hi", "en"]]
    level: str = Field(description="beginner, intermediate or advanced.")
    resource_kinds: list[str] = Field(description="Types of material in the course: video, pdf, text, link, ...")
    competency_codes: list[str] = Field(description="Codes of the competencies the course builds.")
    rating_average: float | None = Field(description="Average of the 1-5 star ratings; null when not rated.")
    rating_count: int
    published_at: datetime.datetime | None = Field(description="When the course first entered the catalogue.")
    url: str = Field(description="The course page.")


class CoursePage(Schema):
    count: int = Field(description="How many courses match in all.")
    limit: int
    offset: int
    items: list[CourseOut]


class CompetencyLevelOut(Schema):
    code: str
    name_en: str
    name_hi: str
    name: str
    kind: str = Field(description="behavioural, functional or domain.")
    level: int = Field(description="The proficiency level (1-5) the course builds.")
    level_descriptor: str = Field(description="What that level means, in the caller's language; may be empty.")


class ResourceOutlineOut(Schema):
    id: int
    kind: str
    title_en: str
    title_hi: str
    title: str
    is_required: bool
    duration_seconds: int = Field(description="Length of a video, audio or reading; 0 when not known.")
    page_count: int = Field(description="Pages of a PDF; 0 otherwise.")


class ModuleOutlineOut(Schema):
    position: int
    title_en: str
    title_hi: str
    title: str
    resources: list[ResourceOutlineOut]


class CourseDetailOut(CourseOut):
    version: int = Field(description="Number of the version shown (the published one).")
    tags: list[str]
    is_retired: bool = Field(description="Retired courses are shown only to people enrolled in them.")
    competencies: list[CompetencyLevelOut]
    modules: list[ModuleOutlineOut] = Field(description="The outline: modules and their material, without content.")


def course_out(course: Course) -> dict[str, Any]:
    return {
        "code": course.code,
        "title_en": course.title_en,
        "title_hi": course.title_hi,
        "title": course.title,
        "summary_en": course.summary_en,
        "summary_hi": course.summary_hi,
        "provider": {
            "code": course.provider.code,
            "name_en": course.provider.name_en,
            "name_hi": course.provider.name_hi,
            "name": course.provider.name,
        },
        "duration_minutes": course.duration_minutes,
        "duration": search.human_duration(course.duration_minutes),
        "languages": search.language_codes(course.languages),
        "level": course.level,
        "resource_kinds": search.kind_list(course.resource_kinds),
        "competency_codes": search.competency_code_list(course.competency_codes),
        "rating_average": course.rating_average,
        "rating_count": course.rating_count,
        "published_at": course.published_at,
        "url": reverse("catalog:detail", args=[course.code]),
    }


def _outline(version: CourseVersion) -> list[dict[str, Any]]:
    modules = Module.objects.filter(version=version).prefetch_related("resources")
    return [
        {
            "position": module.position,
            "title_en": module.title_en,
            "title_hi": module.title_hi,
            "title": module.title,
            "resources": [
                {
                    "id": resource.pk,
                    "kind": resource.kind,
                    "title_en": resource.title_en,
                    "title_hi": resource.title_hi,
                    "title": resource.title,
                    "is_required": resource.is_required,
                    "duration_seconds": resource.duration_seconds,
                    "page_count": resource.page_count if resource.kind == Resource.Kind.PDF else 0,
                }
                for resource in module.resources.all()
            ],
        }
        for module in modules
    ]


@router.get(
    "/courses",
    response={200: CoursePage, **error_responses(*AUTH_ERRORS)},
    summary="Search the course catalogue",
    description="Published courses (retired ones are left out), best match first: every word of `q` must occur "
    "in a title, summary, tag, provider or competency name (Hindi or English, ignoring case); courses with the "
    "words in the title come first, then by average rating, then the most recently published. Filters narrow the "
    "list; `limit`/`offset` page through it and `count` is the total.",
)
def list_courses(
    request: HttpRequest,
    q: str = Query("", max_length=200, description="Words to find, in Hindi or English."),
    competency: str = Query("", max_length=60, description="A competency code."),
    provider: str = Query("", max_length=40, description="A provider code."),
    language: Literal["", "hi", "en"] = Query("", description="Courses offered in this language."),
    duration: Literal["", "30m", "2h", "1d", "long"] = Query(
        "", description="30m: up to 30 minutes; 2h: 31-120 minutes; 1d: 121-480 minutes; long: more than 480."
    ),
    kind: Literal["", "video", "pdf", "text", "link", "audio", "assessment"] = Query(
        "", description="Courses containing material of this type."
    ),
    level: Literal["", "beginner", "intermediate", "advanced"] = Query(""),
    limit: int = Query(search.PAGE_SIZE, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    query = search.CourseQuery.from_mapping(
        {
            "q": q,
            "competency": competency,
            "provider": provider,
            "language": language,
            "duration": duration,
            "kind": kind,
            "level": level,
        }
    )
    courses = search.search_courses(query)
    return {
        "count": courses.count(),
        "limit": limit,
        "offset": offset,
        "items": [course_out(course) for course in courses[offset : offset + limit]],
    }


@router.get(
    "/courses/{code}",
    response={200: CourseDetailOut, **error_responses(*AUTH_ERRORS, 404)},
    summary="One course of the catalogue",
    description="A published course with its competencies (and what each level means) and its outline. A course "
    "that was never published is not found; a retired one is found only by people enrolled in it.",
)
def get_course(request: HttpRequest, code: str) -> dict[str, Any]:
    found = search.access_catalogue_course_by_code(request.user, code)
    course, version = found.course, found.version
    links = version.competencies.select_related("competency")
    return {
        **course_out(course),
        "title_en": version.title_en,
        "title_hi": version.title_hi,
        "title": version.title,
        "summary_en": version.summary_en,
        "summary_hi": version.summary_hi,
        "version": version.number,
        "tags": version.tag_list(),
        "is_retired": course.is_retired,
        "competencies": [
            {
                "code": link.competency.code,
                "name_en": link.competency.name_en,
                "name_hi": link.competency.name_hi,
                "name": localised(link.competency.name_en, link.competency.name_hi),
                "kind": link.competency.kind,
                "level": link.level,
                "level_descriptor": link.competency.level_descriptor(link.level),
            }
            for link in links
        ],
        "modules": _outline(version),
    }
