from django.contrib import admin
from django.http import HttpRequest

from kshamta.core.models import AuditEvent, WorkerHeartbeat


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target_type", "target_id", "target_label"]
    list_filter = ["action", "target_type"]
    raw_id_fields = ["actor"]

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False  # the audit log is append-only

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


admin.site.register(WorkerHeartbeat)
