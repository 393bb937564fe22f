from django.contrib import admin
from django.http import HttpRequest

from kshamta.certificates.models import Certificate


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: a certificate is signed at issue, and revoked only through the revoke action (audited)."""

    list_display = ["access_code", "learner_name_en", "title_en", "issued_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["access_code", "learner_name_en", "learner_name_hi"]
    raw_id_fields = ["user", "enrolment", "course", "revoked_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Certificate | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Certificate | None = None) -> bool:
        return False
