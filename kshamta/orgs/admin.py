from django.contrib import admin

from kshamta.orgs.models import Designation, Organisation, SanctionedStrength


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "kind", "depth", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name_en", "name_hi"]
    readonly_fields = ["path", "depth"]
    raw_id_fields = ["parent"]


@admin.register(Designation)
class DesignationAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi", "group", "cadre", "org"]
    list_filter = ["group"]
    search_fields = ["code", "name_en", "name_hi"]
    raw_id_fields = ["org"]


@admin.register(SanctionedStrength)
class SanctionedStrengthAdmin(admin.ModelAdmin):
    list_display = ["org", "designation", "sanctioned"]
    raw_id_fields = ["org", "designation"]
