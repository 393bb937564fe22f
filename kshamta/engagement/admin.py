from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kshamta.engagement.models import KarmaEntry


@admin.register(KarmaEntry)
class KarmaEntryAdmin(admin.ModelAdmin):
    """The ledger, to look at: it is append-only, so nothing here adds, changes or deletes entries."""

    list_display = ["created_at", "user", "rule", "points", "source_key", "month"]
    list_filter = ["rule", "month"]
    raw_id_fields = ["user"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
