"""Pages of the competency framework: frameworks, competencies, import and export, and the
designation profiles. Everyone signed in reads; state admins change frameworks; CBP authors
(and state admins) edit the profiles of the designations of their subtree."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.competencies import access, actions, importing, profiles
from kshamta.competencies.forms import (
    ActivityEditForm,
    ActivityForm,
    CompetencyForm,
    CopyProfileForm,
    FrameworkChoiceForm,
    FrameworkUploadForm,
    LevelForm,
    LinkForm,
    RoleEditForm,
    RoleForm,
    competency_choices,
)
from kshamta.competencies.models import ActivityCompetency, Competency, Framework, ProfileRole
from kshamta.core.text import clean_text
from kshamta.orgs.models import Designation

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROFILES_PAGE_SIZE = 50


def _wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap asks for a fragment; a history restore needs the whole page."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get("HX-History-Restore-Request")


# --- frameworks ---------------------------------------------------------------------------


@login_required
def frameworks(request: HttpRequest) -> HttpResponse:
    rows = Framework.objects.annotate(competency_count=Count("competencies")).order_by("-is_active", "code")
    return render(
        request,
        "competencies/frameworks.html",
        {"frameworks": list(rows), "may_manage": access.may_manage_frameworks(request.user)},
    )


@dataclass
class KindGroup:
    kind: str
    label: str
    competencies: list[Competency] = field(default_factory=list)


def group_by_kind(competencies: list[Competency]) -> list[KindGroup]:
    groups = [KindGroup(kind=value, label=str(label)) for value, label in Competency.Kind.choices]
    by_kind = {group.kind: group for group in groups}
    for competency in competencies:
        by_kind[competency.kind].competencies.append(competency)
    return [group for group in groups if group.competencies]


@login_required
def framework(request: HttpRequest, code: str) -> HttpResponse:
    found = access.access_framework_by_code(code)
    q = clean_text(request.GET.get("q", ""))[:200]
    kind = request.GET.get("kind", "")
    if kind not in Competency.Kind.values:
        kind = ""
    competencies = list(access.search_competencies(found, q=q, kind=kind))
    context = {
        "framework": found,
        "groups": group_by_kind(competencies),
        "found": len(competencies),
        "q": q,
        "kind": kind,
        "kinds": Competency.Kind.choices,
        "may_manage": access.may_manage_frameworks(request.user),
    }
    template = "competencies/_competency_groups.html" if _wants_fragment(request) else "competencies/framework.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def competency(request: HttpRequest, code: str, competency_code: str) -> HttpResponse:
    found = access.access_framework_by_code(code)
    item = access.access_framework_competency(found, competency_code)
    levels = list(item.levels or [])
    needed_by = (
        Designation.objects.filter(competency_profile__roles__activities__competency_links__competency=item)
        .annotate(required_level=Max("competency_profile__roles__activities__competency_links__level"))
        .order_by("name_en")
    )
    context = {
        "framework": found,
        "competency": item,
        "levels": [
            {"number": number, "en": (entry or {}).get("en", ""), "hi": (entry or {}).get("hi", "")}
            for number, entry in enumerate(levels, start=1)
        ],
        "needed_by": list(needed_by),
        "may_manage": access.may_manage_frameworks(request.user),
    }
    return render(request, "competencies/competency.html", context)


@login_required
def edit_competency(request: HttpRequest, code: str, competency_code: str) -> HttpResponse:
    found = access.access_framework_for_change(request.user, code)
    item = access.access_framework_competency(found, competency_code)
    form = CompetencyForm(request.POST or None, initial=CompetencyForm.initial_for(item))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _saved, outcome = actions.do_save_competency(
                framework=found,
                code=item.code,
                kind=data["kind"],
                name_en=data["name_en"],
                name_hi=data["name_hi"],
                description_en=data["description_en"],
                description_hi=data["description_hi"],
                levels=form.levels(),
                acting_user=signed_in_user(request),
            )
        except actions.CompetencyError as exc:
            form.add_error(None, str(exc))
        else:
            if outcome == "unchanged":
                messages.info(request, _("Nothing was changed."))
            else:
                messages.success(request, _("The competency was saved."))
            return redirect("competencies:competency", code=found.code, competency_code=item.code)
    status = 400 if request.method == "POST" else 200
    context = {"framework": found, "competency": item, "form": form}
    return render(request, "competencies/edit_competency.html", context, status=status)


@login_required
def activate(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the active framework: a confirmation page, then a POST."""
    found = access.access_framework_for_change(request.user, code)
    form = FrameworkChoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_activate_framework(found, acting_user=signed_in_user(request))
        except actions.CompetencyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(code)s is now the active framework.") % {"code": found.code})
        return redirect("competencies:frameworks")
    context = {
        "framework": found,
        "form": form,
        "active": Framework.objects.filter(is_active=True).first(),
        "competency_count": found.competencies.count(),
    }
    return render(request, "competencies/activate.html", context, status=400 if request.method == "POST" else 200)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    if not access.may_manage_frameworks(request.user):
        raise Http404("No such page")
    active = access.active_framework()
    initial = {"framework": active.code if active else ""}
    form = FrameworkUploadForm(request.POST or None, request.FILES or None, initial=initial)
    summary = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                summary = importing.import_framework(
                    upload,
                    filename=upload.name or "",
                    framework_code=form.cleaned_data["framework"],
                    name_en=form.cleaned_data["name_en"],
                    name_hi=form.cleaned_data["name_hi"],
                    activate=form.cleaned_data["activate"],
                    acting_user=signed_in_user(request),
                )
            except importing.ImportRefused as exc:
                form.add_error("file", str(exc))
            else:
                status = 200
    labels = [
        ("rows", _("Rows")),
        ("created", _("Created")),
        ("updated", _("Updated")),
        ("unchanged", _("Unchanged")),
        ("rejected", _("Rejected")),
    ]
    context = {
        "form": form,
        "summary": summary,
        "counts": [(label, value) for (key, label), value in zip(labels, summary.counts().values(), strict=True)]
        if summary
        else [],
        "columns": importing.COLUMNS,
        "max_rows": importing.MAX_ROWS,
        "active": active,
    }
    return render(request, "competencies/import.html", context, status=status)


@login_required
def export(request: HttpRequest, code: str) -> HttpResponse:
    """A framework in the import format, as CSV (default) or XLSX."""
    found = access.access_framework_by_code(code)
    stamp = timezone.localdate().isoformat()
    rows = importing.export_rows(found)
    filename = f"kshamta-competencies-{found.code.lower()}-{stamp}"
    if request.GET.get("format") == "xlsx":
        buffer = io.BytesIO()
        importing.write_xlsx(rows, buffer)
        buffer.seek(0)
        response: HttpResponse = FileResponse(  # type: ignore[assignment]
            buffer, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
        )
        return response
    streamed = StreamingHttpResponse(importing.csv_chunks(rows), content_type="text/csv; charset=utf-8")
    streamed["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return streamed  # type: ignore[return-value]


# --- designation profiles: reading ------------------------------------------------------------


@login_required
def profile_list(request: HttpRequest) -> HttpResponse:
    """Every designation with the size of its profile; search by code or name, or only those with one."""
    q = clean_text(request.GET.get("q", ""))[:200]
    only_profiled = request.GET.get("with") == "profile"
    rows = Designation.objects.select_related("org").annotate(
        role_count=Count("competency_profile__roles", distinct=True),
        activity_count=Count("competency_profile__roles__activities", distinct=True),
    )
    for word in q.split()[:10]:
        rows = rows.filter(Q(code__icontains=word) | Q(name_en__icontains=word) | Q(name_hi__icontains=word))
    if only_profiled:
        rows = rows.filter(role_count__gt=0)
    page = Paginator(rows.order_by("name_en", "code"), PROFILES_PAGE_SIZE).get_page(request.GET.get("page"))
    user = request.user
    items = [(designation, access.may_edit_profile(user, designation)) for designation in page.object_list]
    context = {"page": page, "items": items, "q": q, "only_profiled": only_profiled}
    return render(request, "competencies/profiles.html", context)


@login_required
def profile(request: HttpRequest, designation_id: int) -> HttpResponse:
    designation = access.access_designation_by_id(designation_id)
    context = {
        "designation": designation,
        "roles": profiles.profile_roles(designation),
        "required": [
            (item, level, item.level_descriptor(level))
            for item, level in profiles.required_competencies(designation).items()
        ],
        "active": access.active_framework(),
        "may_edit": access.may_edit_profile(request.user, designation),
    }
    return render(request, "competencies/profile.html", context)


# --- designation profiles: editing ------------------------------------------------------------


@dataclass
class EditorLink:
    link: ActivityCompetency
    form: LevelForm
    in_active_framework: bool


@dataclass
class EditorActivity:
    view: profiles.ActivityView
    form: ActivityEditForm
    link_form: LinkForm
    links: list[EditorLink]


@dataclass
class EditorRole:
    view: profiles.RoleView
    form: RoleEditForm
    activity_form: ActivityForm
    activities: list[EditorActivity]


def _editor_context(designation: Designation, failed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every form of the profile editor; ``failed`` replaces a form (by prefix) with the bound one
    that did not validate, so its errors and values show where it was."""
    failed = failed or {}
    active = access.active_framework()
    choices = competency_choices(active)

    def pick(prefix: str, make: Any) -> Any:
        return failed.get(prefix) or make(prefix)

    editor_roles = []
    for role_view in profiles.profile_roles(designation):
        role = role_view.role
        activities = []
        for activity_view in role_view.activities:
            activity = activity_view.activity
            links = [
                EditorLink(
                    link=link,
                    form=pick(
                        f"link-{link.pk}", lambda p, link=link: LevelForm(prefix=p, initial={"level": link.level})
                    ),
                    in_active_framework=link.competency.framework.is_active,
                )
                for link in activity_view.links
            ]
            activities.append(
                EditorActivity(
                    view=activity_view,
                    form=pick(
                        f"activity-{activity.pk}",
                        lambda p, a=activity: ActivityEditForm(
                            prefix=p, initial={"text_en": a.text_en, "text_hi": a.text_hi, "position": a.position}
                        ),
                    ),
                    link_form=pick(f"link-new-{activity.pk}", lambda p: LinkForm(prefix=p, choices=choices)),
                    links=links,
                )
            )
        editor_roles.append(
            EditorRole(
                view=role_view,
                form=pick(
                    f"role-{role.pk}",
                    lambda p, r=role: RoleEditForm(
                        prefix=p, initial={"title_en": r.title_en, "title_hi": r.title_hi, "position": r.position}
                    ),
                ),
                activity_form=pick(f"activity-new-{role.pk}", lambda p: ActivityForm(prefix=p)),
                activities=activities,
            )
        )
    return {
        "designation": designation,
        "roles": editor_roles,
        "role_form": pick("role-new", lambda p: RoleForm(prefix=p)),
        "active": active,
        "has_choices": bool(choices),
    }


def _editor_response(
    request: HttpRequest,
    designation: Designation,
    *,
    notice: str = "",
    failed: dict[str, Any] | None = None,
    anchor: str = "",
) -> HttpResponse:
    """After an edit: the editor fragment for htmx, a redirect (or the page with errors) otherwise."""
    if _wants_fragment(request):
        context = _editor_context(designation, failed)
        context["notice"] = notice
        context["notice_is_error"] = bool(failed)
        return render(request, "competencies/_profile_editor.html", context)
    if failed:
        context = _editor_context(designation, failed)
        return render(request, "competencies/edit_profile.html", context, status=400)
    if notice:
        messages.success(request, notice)
    url = reverse("competencies:edit_profile", args=[designation.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
def edit_profile(request: HttpRequest, designation_id: int) -> HttpResponse:
    designation = access.access_designation_for_profile_edit(request.user, designation_id)
    return render(request, "competencies/edit_profile.html", _editor_context(designation))


def _failed(form: Any) -> dict[str, Any]:
    return {str(form.prefix): form}


def _refused(form: Any, exc: Exception) -> dict[str, Any]:
    form.add_error(None, str(exc))
    return _failed(form)


@require_POST
@login_required
def add_role(request: HttpRequest, designation_id: int) -> HttpResponse:
    designation = access.access_designation_for_profile_edit(request.user, designation_id)
    form = RoleForm(request.POST, prefix="role-new")
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        role = actions.do_add_profile_role(
            designation,
            title_en=form.cleaned_data["title_en"],
            title_hi=form.cleaned_data["title_hi"],
            acting_user=signed_in_user(request),
        )
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    return _editor_response(request, designation, notice=_("The role was added."), anchor=f"role-{role.pk}")


@require_POST
@login_required
def edit_role(request: HttpRequest, role_id: int) -> HttpResponse:
    role = access.access_profile_role_for_edit(request.user, role_id)
    designation = role.profile.designation
    form = RoleEditForm(request.POST, prefix=f"role-{role.pk}")
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        changed = actions.do_update_profile_role(role, acting_user=signed_in_user(request), **form.cleaned_data)
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    notice = _("The role was saved.") if changed else _("Nothing was changed.")
    return _editor_response(request, designation, notice=notice, anchor=f"role-{role.pk}")


@require_POST
@login_required
def delete_role(request: HttpRequest, role_id: int) -> HttpResponse:
    role = access.access_profile_role_for_edit(request.user, role_id)
    designation = role.profile.designation
    actions.do_delete_profile_role(role, acting_user=signed_in_user(request))
    return _editor_response(request, designation, notice=_("The role was deleted."))


@require_POST
@login_required
def add_activity(request: HttpRequest, role_id: int) -> HttpResponse:
    role = access.access_profile_role_for_edit(request.user, role_id)
    designation = role.profile.designation
    form = ActivityForm(request.POST, prefix=f"activity-new-{role.pk}")
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        activity = actions.do_add_profile_activity(role, acting_user=signed_in_user(request), **form.cleaned_data)
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    return _editor_response(request, designation, notice=_("The activity was added."), anchor=f"activity-{activity.pk}")


@require_POST
@login_required
def edit_activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = access.access_profile_activity_for_edit(request.user, activity_id)
    designation = activity.role.profile.designation
    form = ActivityEditForm(request.POST, prefix=f"activity-{activity.pk}")
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        changed = actions.do_update_profile_activity(activity, acting_user=signed_in_user(request), **form.cleaned_data)
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    notice = _("The activity was saved.") if changed else _("Nothing was changed.")
    return _editor_response(request, designation, notice=notice, anchor=f"activity-{activity.pk}")


@require_POST
@login_required
def delete_activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = access.access_profile_activity_for_edit(request.user, activity_id)
    designation = activity.role.profile.designation
    role_id = activity.role_id
    actions.do_delete_profile_activity(activity, acting_user=signed_in_user(request))
    return _editor_response(request, designation, notice=_("The activity was deleted."), anchor=f"role-{role_id}")


@require_POST
@login_required
def add_link(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = access.access_profile_activity_for_edit(request.user, activity_id)
    designation = activity.role.profile.designation
    active = access.active_framework()
    form = LinkForm(request.POST, prefix=f"link-new-{activity.pk}", choices=competency_choices(active))
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        chosen = access.access_competency_by_code(form.cleaned_data["competency"])
        _link, outcome = actions.do_set_activity_competency(
            activity, chosen, form.cleaned_data["level"], acting_user=signed_in_user(request)
        )
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    notices = {
        "created": _("The competency was linked."),
        "updated": _("The competency was already linked; its required level was changed."),
        "unchanged": _("The competency was already linked at that level."),
    }
    return _editor_response(request, designation, notice=notices[outcome], anchor=f"activity-{activity.pk}")


@require_POST
@login_required
def set_link_level(request: HttpRequest, link_id: int) -> HttpResponse:
    link = access.access_activity_competency_for_edit(request.user, link_id)
    designation = link.activity.role.profile.designation
    form = LevelForm(request.POST, prefix=f"link-{link.pk}")
    if not form.is_valid():
        return _editor_response(request, designation, failed=_failed(form))
    try:
        _saved, outcome = actions.do_set_activity_competency(
            link.activity, link.competency, form.cleaned_data["level"], acting_user=signed_in_user(request)
        )
    except actions.CompetencyError as exc:
        return _editor_response(request, designation, failed=_refused(form, exc))
    notice = _("The required level was saved.") if outcome != "unchanged" else _("Nothing was changed.")
    return _editor_response(request, designation, notice=notice, anchor=f"activity-{link.activity_id}")


@require_POST
@login_required
def remove_link(request: HttpRequest, link_id: int) -> HttpResponse:
    link = access.access_activity_competency_for_edit(request.user, link_id)
    designation = link.activity.role.profile.designation
    activity_id = link.activity_id
    actions.do_remove_activity_competency(link, acting_user=signed_in_user(request))
    return _editor_response(
        request, designation, notice=_("The competency was removed."), anchor=f"activity-{activity_id}"
    )


@login_required
def copy_profile(request: HttpRequest, designation_id: int) -> HttpResponse:
    """Replace a designation's profile by a copy of another designation's."""
    designation = access.access_designation_for_profile_edit(request.user, designation_id)
    sources = profiles.designations_with_profiles().exclude(pk=designation.pk).order_by("name_en")
    form = CopyProfileForm(request.POST or None, sources=sources)
    if request.method == "POST" and form.is_valid():
        try:
            counts = actions.do_copy_profile(
                source=form.cleaned_data["source"], target=designation, acting_user=signed_in_user(request)
            )
        except actions.CompetencyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Copied %(roles)d roles, %(activities)d activities and %(competencies)d competency links.") % counts,
            )
            return redirect("competencies:edit_profile", designation_id=designation.pk)
    context = {
        "designation": designation,
        "form": form,
        "current_roles": ProfileRole.objects.filter(profile__designation=designation).count(),
    }
    return render(request, "competencies/copy_profile.html", context, status=400 if request.method == "POST" else 200)
