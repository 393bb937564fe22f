from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from kshamta.accounts.models import User


class AdminPasswordBackend(BaseBackend):
    """Loads users for sessions. Sign-in itself happens in accounts.actions
    (OTP for everyone, password for admin roles), which call ``login`` directly."""

    def authenticate(self, request: Any, **credentials: Any) -> User | None:
        from kshamta.accounts.actions import SignInError, do_password_sign_in

        identity, password = credentials.get("username"), credentials.get("password")
        if not identity or not password:
            return None
        try:
            return do_password_sign_in(identity, password)
        except SignInError:
            return None

    def get_user(self, user_id: int) -> User | None:
        return User.objects.filter(pk=user_id, is_active=True).first()

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return bool(user_obj.is_active and user_obj.is_superuser)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return bool(user_obj.is_active and user_obj.is_superuser)
