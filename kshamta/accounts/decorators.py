"""View guards shared by the organisation-admin pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from kshamta.accounts.access import administered_orgs

View = Callable[..., HttpResponse]


def people_admin_required(view: View) -> View:
    """Signed-in people administrators only. Everyone else gets a 404, so the
    pages do not even reveal that they exist."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not administered_orgs(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(guarded)


def state_admin_required(view: View) -> View:
    """Signed-in state admins only; a 404 for everyone else."""
    from kshamta.accounts.access import is_state_admin

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_state_admin(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(guarded)
