from django.contrib import admin

from kshamta.competencies.models import (
    ActivityCompetency,
    Competency,
    DesignationProfile,
    Framework,
    ProfileActivity,
    ProfileRole,
)


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "is_active"]
    search_fields = ["code", "name_en", "name_hi"]


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "kind", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["code", "name_en", "name_hi"]


class ProfileRoleInline(admin.TabularInline):
    model = ProfileRole
    extra = 0


@admin.register(DesignationProfile)
class DesignationProfileAdmin(admin.ModelAdmin):
    list_display = ["designation", "updated_at"]
    search_fields = ["designation__code", "designation__name_en", "designation__name_hi"]
    raw_id_fields = ["designation"]
    inlines = [ProfileRoleInline]


class ActivityCompetencyInline(admin.TabularInline):
    model = ActivityCompetency
    extra = 0
    raw_id_fields = ["competency"]


@admin.register(ProfileActivity)
class ProfileActivityAdmin(admin.ModelAdmin):
    list_display = ["__str__", "role", "position"]
    raw_id_fields = ["role"]
    inlines = [ActivityCompetencyInline]
