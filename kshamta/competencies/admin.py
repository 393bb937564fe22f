from django.contrib import admin

from kshamta.competencies.models import Competency, Framework


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "is_active"]
    search_fields = ["code", "name_en", "name_hi"]


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "kind", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["code", "name_en", "name_hi"]
