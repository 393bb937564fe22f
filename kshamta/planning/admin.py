from django.contrib import admin

from kshamta.planning.models import Plan, PlanAnalysis, PlanDocument


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("org", "year", "version", "status", "created_by", "published_at")
    list_filter = ("status", "year")
    search_fields = ("org__code", "org__name_en")
    raw_id_fields = ("org", "previous_version", "origin", "created_by", "submitted_by", "approved_by", "published_by")


@admin.register(PlanDocument)
class PlanDocumentAdmin(admin.ModelAdmin):
    list_display = ("plan", "kind", "original_name", "status")
    list_filter = ("kind", "status")
    raw_id_fields = ("plan", "uploaded_by")
    exclude = ("pages", "rows")


@admin.register(PlanAnalysis)
class PlanAnalysisAdmin(admin.ModelAdmin):
    list_display = ("plan", "status", "step", "done", "total", "created_at", "finished_at")
    list_filter = ("status",)
    raw_id_fields = ("plan", "created_by")
