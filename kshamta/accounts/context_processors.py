from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kshamta.accounts.access import administered_orgs, has_admin_role, has_role, is_state_admin
from kshamta.accounts.models import Role


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "is_people_admin": False,
            "has_admin_role": False,
            "is_state_admin": False,
            "is_studio_user": False,
            "is_programme_user": False,
            "is_planning_user": False,
        }
    return {
        "is_people_admin": bool(administered_orgs(user)),
        "has_admin_role": has_admin_role(user),
        "is_state_admin": is_state_admin(user),
        "is_studio_user": has_role(user, Role.CONTENT_CREATOR, Role.REVIEWER, Role.PUBLISHER, Role.STATE_ADMIN),
        "is_programme_user": has_role(user, Role.PROGRAMME_COORDINATOR, Role.NODAL_OFFICER, Role.STATE_ADMIN),
        "is_planning_user": has_role(user, Role.CBP_AUTHOR, Role.CBP_APPROVER, Role.NODAL_OFFICER, Role.STATE_ADMIN),
    }
