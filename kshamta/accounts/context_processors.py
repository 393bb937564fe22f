from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kshamta.accounts.access import administered_orgs, has_admin_role, is_state_admin


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_people_admin": False, "has_admin_role": False, "is_state_admin": False}
    return {
        "is_people_admin": bool(administered_orgs(user)),
        "has_admin_role": has_admin_role(user),
        "is_state_admin": is_state_admin(user),
    }
