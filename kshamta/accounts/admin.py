from django.contrib import admin

from kshamta.accounts.models import APIToken, Posting, Profile, RoleAssignment, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["id", "email", "mobile", "name_en", "name_hi", "is_active", "first_sign_in_at"]
    search_fields = ["email", "mobile", "name_en", "name_hi"]
    exclude = ["password"]
    readonly_fields = ["last_login", "date_joined", "first_sign_in_at"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["employee_code", "user", "designation", "org", "status"]
    list_filter = ["status", "group"]
    search_fields = ["employee_code"]
    raw_id_fields = ["user", "org", "designation"]
    readonly_fields = ["search_text"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "org", "created_at"]
    list_filter = ["role"]
    raw_id_fields = ["user", "org", "granted_by"]


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ["user", "org", "designation", "started_on", "ended_on", "reason"]
    raw_id_fields = ["user", "org", "designation"]


@admin.register(APIToken)
class APITokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash"]
    raw_id_fields = ["user"]
