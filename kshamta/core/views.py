from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from kshamta.accounts.access import administered_orgs
from kshamta.accounts.models import Profile
from kshamta.core import health


@login_required
def home(request: HttpRequest) -> HttpResponse:
    profile = Profile.objects.select_related("org", "designation").filter(pk=request.user.pk).first()
    return render(request, "core/home.html", {"profile": profile, "admin_orgs": administered_orgs(request.user)})


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    result = health.report()
    return JsonResponse(result, status=200 if result["ok"] else 503)
