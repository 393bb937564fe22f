"""Django admin views of the catalogue, for looking things up. Changes go through the studio
(its actions check the workflow and record the audit trail), so these pages are read-only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kshamta.catalog.models import Course, CourseCompetency, CourseVersion, Module, Provider, Resource, ReviewComment


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Provider)
class ProviderAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_en", "name_hi", "kind", "org"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_hi"]


class VersionInline(ReadOnlyInline):
    model = CourseVersion
    fields = ["number", "status", "title_en", "created_by", "published_at"]


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ["code", "title_en", "provider", "published_at", "is_retired", "enrolment_count"]
    list_filter = ["is_retired", "level", "provider"]
    search_fields = ["code", "title_en", "title_hi"]
    list_select_related = ["provider"]
    inlines = [VersionInline]


class CompetencyInline(ReadOnlyInline):
    model = CourseCompetency
    fields = ["competency", "level"]


class ModuleInline(ReadOnlyInline):
    model = Module
    fields = ["position", "title_en", "title_hi"]


class CommentInline(ReadOnlyInline):
    model = ReviewComment
    fields = ["created_at", "author", "decision", "text"]


@admin.register(CourseVersion)
class CourseVersionAdmin(ReadOnlyAdmin):
    list_display = ["course", "number", "status", "title_en", "created_by", "submitted_at", "published_at"]
    list_filter = ["status"]
    search_fields = ["course__code", "title_en", "title_hi"]
    list_select_related = ["course", "created_by"]
    inlines = [CompetencyInline, ModuleInline, CommentInline]


class ResourceInline(ReadOnlyInline):
    model = Resource
    fields = ["position", "kind", "title_en", "file", "url", "duration_seconds", "page_count", "is_required"]


@admin.register(Module)
class ModuleAdmin(ReadOnlyAdmin):
    list_display = ["version", "position", "title_en"]
    search_fields = ["version__course__code", "title_en"]
    inlines = [ResourceInline]


@admin.register(Resource)
class ResourceAdmin(ReadOnlyAdmin):
    list_display = ["module", "position", "kind", "title_en", "key"]
    list_filter = ["kind"]
    search_fields = ["title_en", "title_hi", "module__version__course__code"]
