from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kshamta.accounts.access import administered_orgs, visible_orgs


@login_required
def org_tree(request: HttpRequest) -> HttpResponse:
    if not administered_orgs(request.user):
        raise Http404
    return render(request, "orgs/tree.html", {"orgs": visible_orgs(request.user)})
