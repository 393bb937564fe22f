from django.contrib import admin

from kshamta.notifications.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "channel", "to", "kind", "status", "attempts", "sent_at"]
    list_filter = ["channel", "status", "kind"]
    search_fields = ["to"]
