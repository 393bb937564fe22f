from django.contrib import admin

from kshamta.programmes.models import Attendance, Batch, Nomination, Plan, Programme, Session


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "org", "approval_mode", "status"]
    list_filter = ["status", "approval_mode"]
    search_fields = ["code", "title_en", "title_hi"]
    raw_id_fields = ["org", "final_assessment", "created_by"]
    filter_horizontal = ["coordinators", "courses"]


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["programme", "code", "starts_on", "ends_on", "seat_limit", "status"]
    list_filter = ["status"]
    search_fields = ["programme__code", "code"]
    raw_id_fields = ["programme", "created_by"]
    filter_horizontal = ["eligible_designations", "eligible_orgs"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["batch", "title_en", "starts_at", "ends_at", "venue_name", "trainer_name"]
    search_fields = ["title_en", "batch__code", "batch__programme__code"]
    raw_id_fields = ["batch"]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["batch", "user", "status", "source", "waitlist_position", "completed_at"]
    list_filter = ["status", "source"]
    search_fields = ["user__email", "user__profile__employee_code", "batch__code"]
    raw_id_fields = ["batch", "user", "nominated_by", "nodal_approved_by", "decided_by", "certificate"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "method", "at"]
    list_filter = ["method"]
    raw_id_fields = ["session", "user", "marked_by"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["pk", "programme", "status", "total", "processed", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["programme", "created_by"]
