from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kshamta.accounts import access, actions
from kshamta.accounts.access import access_api_token_by_id, signed_in_user
from kshamta.accounts.decorators import people_admin_required, state_admin_required
from kshamta.accounts.forms import (
    CodeForm,
    DecisionForm,
    EmailDomainForm,
    GrantRoleForm,
    IdentityForm,
    LanguageForm,
    PasswordSignInForm,
    PeopleFilterForm,
    PersonCreateForm,
    PersonEditForm,
    ProfileChangeForm,
    RegistrationForm,
    TokenForm,
    TransferForm,
)
from kshamta.accounts.models import (
    APIToken,
    DecisionStatus,
    EmailDomain,
    Posting,
    Profile,
    RegistrationRequest,
    Role,
    RoleAssignment,
)
from kshamta.orgs.display import audit_rows

BACKEND = "kshamta.accounts.backends.AdminPasswordBackend"


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _finish_sign_in(request: HttpRequest, user: actions.User) -> HttpResponse:
    # A language picked on this browser before signing in is an explicit choice: keep and save
    # it. Otherwise the saved preference follows the person to this browser.
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in {"en", "hi"}:
        actions.do_set_language(user, chosen)
    login(request, user, backend=BACKEND)
    response = redirect(_safe_next(request, reverse("home")))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        user.preferred_language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


def sign_in(request: HttpRequest) -> HttpResponse:
    """Step 1: ask for an e-mail address or mobile number and send a code."""
    form = IdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = actions.do_request_otp(form.cleaned_data["identity"], language=translation.get_language() or "en")
        except actions.SignInError as exc:
            form.add_error("identity", str(exc))
        else:
            request.session["otp_identity"] = sent.identity
            return redirect(
                reverse("accounts:verify") + (f"?next={request.GET['next']}" if request.GET.get("next") else "")
            )
    return render(request, "accounts/sign_in.html", {"form": form})


def verify(request: HttpRequest) -> HttpResponse:
    """Step 2: check the code. The page reads the same whether or not the identity is known."""
    identity = request.session.get("otp_identity")
    if not identity:
        return redirect("accounts:sign_in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.do_verify_otp(identity, form.cleaned_data["code"])
        except actions.SignInError as exc:
            form.add_error("code", str(exc))
        else:
            request.session.pop("otp_identity", None)
            return _finish_sign_in(request, user)
    return render(
        request, "accounts/verify.html", {"form": form, "identity": identity, "minutes": settings.OTP_TTL_SECONDS // 60}
    )


@require_POST
def resend(request: HttpRequest) -> HttpResponse:
    identity = request.session.get("otp_identity")
    if not identity:
        return redirect("accounts:sign_in")
    try:
        actions.do_request_otp(identity, language=translation.get_language() or "en")
    except actions.SignInError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("A new code is on its way."))
    return redirect("accounts:verify")


def password_sign_in(request: HttpRequest) -> HttpResponse:
    form = PasswordSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.do_password_sign_in(form.cleaned_data["identity"], form.cleaned_data["password"])
        except actions.SignInError as exc:
            form.add_error(None, str(exc))
        else:
            return _finish_sign_in(request, user)
    return render(request, "accounts/password_sign_in.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign_in")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language for this browser, and remember it for a signed-in person."""
    form = LanguageForm(request.POST)
    language = form.data.get("language") if form.is_valid() else "en"
    language = language if language in {"en", "hi"} else "en"
    if request.user.is_authenticated:
        actions.do_set_language(signed_in_user(request), language)
    response = HttpResponseRedirect(_safe_next(request, reverse("home")))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        user = signed_in_user(request)
        _token, new_key = actions.do_create_api_token(user, name=form.cleaned_data["name"], acting_user=user)
    tokens = APIToken.objects.filter(user=signed_in_user(request))
    return render(request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, "new_key": new_key})


@login_required
@require_POST
def revoke_api_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_api_token_by_id(signed_in_user(request), token_id)
    actions.do_revoke_api_token(token, acting_user=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:api_tokens")


# --- Organisation-admin pages: people (routed in kshamta/orgs/urls.py) -------------


def _wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap asks for the results alone; a history restore needs the whole page."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get("HX-History-Restore-Request")


@people_admin_required
def people(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET, user=request.user)
    form.is_valid()  # invalid filters are reported on the form and left out of the search
    results = access.search_people(request.user, **form.search_filters())
    page = Paginator(results, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    template = "accounts/_people_results.html" if _wants_fragment(request) else "accounts/people.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _render_person(
    request: HttpRequest, profile: Profile, grant_form: GrantRoleForm, *, status: int = 200
) -> HttpResponse:
    roles = list(RoleAssignment.objects.filter(user_id=profile.pk).select_related("org", "granted_by"))
    for assignment in roles:
        assignment.can_revoke = access.can_grant(request.user, assignment.role, assignment.org)  # type: ignore[attr-defined]
    events = access.person_audit_events(request.user, profile.pk).select_related("actor")
    context = {
        "profile": profile,
        "person": profile.user,
        "postings": Posting.objects.filter(user_id=profile.pk).select_related("org", "designation"),
        "roles": roles,
        "grant_form": grant_form,
        "events": audit_rows(list(events[:PERSON_EVENTS_SHOWN])),
    }
    return render(request, "accounts/person.html", context, status=status)


PERSON_EVENTS_SHOWN = 20


@people_admin_required
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    profile = access.access_person_for_admin(request.user, user_id)
    return _render_person(request, profile, GrantRoleForm(user=request.user, prefix="grant"))


@people_admin_required
def person_new(request: HttpRequest) -> HttpResponse:
    form = PersonCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            profile = actions.do_create_person(acting_user=request.user, **form.cleaned_data)
        except actions.PersonError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": profile.user.name})
            return redirect("orgs:person", user_id=profile.pk)
    return render(request, "accounts/person_form.html", {"form": form, "profile": None})


@people_admin_required
def person_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    profile = access.access_person_for_admin(request.user, user_id)
    form = PersonEditForm(request.POST or None, user=request.user, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_person(profile, acting_user=request.user, **form.cleaned_data)
        except actions.PersonError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("orgs:person", user_id=profile.pk)
    return render(request, "accounts/person_form.html", {"form": form, "profile": profile})


@people_admin_required
def person_transfer(request: HttpRequest, user_id: int) -> HttpResponse:
    profile = access.access_person_for_admin(request.user, user_id)
    form = TransferForm(request.POST or None, user=request.user, profile=profile)
    if request.method == "POST" and form.is_valid():
        to_org = form.cleaned_data["to_org"]
        try:
            actions.do_transfer_person(
                profile, to_org=to_org, designation=form.cleaned_data["designation"], acting_user=request.user
            )
        except actions.PersonError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("%(name)s was transferred to %(org)s.") % {"name": profile.user.name, "org": to_org.name}
            )
            return redirect("orgs:person", user_id=profile.pk)
    return render(request, "accounts/person_transfer.html", {"form": form, "profile": profile})


@people_admin_required
@require_POST
def grant_role(request: HttpRequest, user_id: int) -> HttpResponse:
    profile = access.access_person_for_admin(request.user, user_id)
    form = GrantRoleForm(request.POST, user=request.user, prefix="grant")
    if form.is_valid():
        role, org = form.cleaned_data["role"], form.cleaned_data["org"]
        try:
            actions.do_grant_role(user=profile.user, role=role, org=org, acting_user=request.user)
        except actions.PersonError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s over %(org)s.")
                % {"name": profile.user.name, "role": Role(role).label, "org": org.name},
            )
            return redirect("orgs:person", user_id=profile.pk)
    return _render_person(request, profile, form, status=400)


@people_admin_required
@require_POST
def revoke_role(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = access.access_revocable_role_by_id(request.user, assignment_id)
    person_id, label = assignment.user_id, Role(assignment.role).label
    actions.do_revoke_role(assignment, acting_user=request.user)
    messages.success(request, _("The role %(role)s was revoked.") % {"role": label})
    access.forget_roles(request.user)  # the admin may have revoked one of their own roles
    if not access.administered_orgs(request.user):
        return redirect("home")
    if access.visible_people(request.user).filter(pk=person_id).exists():
        return redirect("orgs:person", user_id=person_id)
    return redirect("orgs:people")


# --- Registration ---------------------------------------------------------------------

REGISTRATION_VERIFIED_FOR_SECONDS = 30 * 60


def register(request: HttpRequest) -> HttpResponse:
    """Step 1: the e-mail address or mobile number to register, proved with a code."""
    form = IdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = actions.do_request_otp(
                form.cleaned_data["identity"], language=translation.get_language() or "en", purpose="register"
            )
        except actions.SignInError as exc:
            form.add_error("identity", str(exc))
        else:
            request.session["register_identity"] = sent.identity
            return redirect("accounts:register_verify")
    return render(request, "accounts/registration/start.html", {"form": form})


def register_verify(request: HttpRequest) -> HttpResponse:
    identity = request.session.get("register_identity")
    if not identity:
        return redirect("accounts:register")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_verify_registration_otp(identity, form.cleaned_data["code"])
        except actions.SignInError as exc:
            form.add_error("code", str(exc))
        else:
            request.session.pop("register_identity", None)
            if actions.find_user_by_identity(identity) is not None:
                # The code proved the identity is theirs, so saying it is registered reveals nothing.
                messages.info(
                    request, _("%(identity)s is already registered. Sign in with it.") % {"identity": identity}
                )
                return redirect("accounts:sign_in")
            request.session["register_verified"] = identity
            request.session["register_verified_at"] = int(time.time())
            return redirect("accounts:register_details")
    context = {"form": form, "identity": identity, "minutes": settings.OTP_TTL_SECONDS // 60}
    return render(request, "accounts/registration/verify.html", context)


@require_POST
def register_resend(request: HttpRequest) -> HttpResponse:
    identity = request.session.get("register_identity")
    if not identity:
        return redirect("accounts:register")
    try:
        actions.do_request_otp(identity, language=translation.get_language() or "en", purpose="register")
    except actions.SignInError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("A new code is on its way."))
    return redirect("accounts:register_verify")


def _verified_identity(request: HttpRequest) -> str | None:
    identity = request.session.get("register_verified")
    verified_at = request.session.get("register_verified_at") or 0
    if not identity or time.time() - verified_at > REGISTRATION_VERIFIED_FOR_SECONDS:
        return None
    return str(identity)


def register_details(request: HttpRequest) -> HttpResponse:
    """Step 2: who one is and where one works. Choosing a department (re)lists its offices."""
    identity = _verified_identity(request)
    if identity is None:
        messages.info(request, _("Verify your e-mail address or mobile number first."))
        return redirect("accounts:register")
    ask_domain = "@" in identity and not actions.email_domain_is_allowed(identity)
    picking = request.method != "POST" or "pick_department" in request.POST
    if picking:
        # Choosing a department (with or without htmx) shows its offices; nothing is validated yet.
        data = request.POST if request.method == "POST" else request.GET
        form = RegistrationForm(initial=data.dict(), ask_domain=ask_domain)
    else:
        form = RegistrationForm(request.POST, ask_domain=ask_domain)
        if form.is_valid():
            try:
                outcome = actions.do_register(
                    identity=identity,
                    preferred_language=translation.get_language() or "en",
                    **form.registration_fields(),
                )
            except actions.PersonError as exc:
                form.add_error(None, str(exc))
            else:
                for key in ("register_verified", "register_verified_at"):
                    request.session.pop(key, None)
                if outcome.profile is not None:
                    response = _finish_sign_in(request, outcome.profile.user)
                    messages.success(request, _("Welcome to Kshamta. Your account is active."))
                    return response
                request.session["registration_submitted"] = outcome.request.pk
                return redirect("accounts:register_submitted")
    context = {"form": form, "identity": identity, "ask_domain": ask_domain}
    return render(request, "accounts/registration/details.html", context)


def register_submitted(request: HttpRequest) -> HttpResponse:
    pk = request.session.get("registration_submitted")
    registration = RegistrationRequest.objects.select_related("org").filter(pk=pk).first() if pk else None
    if registration is None:
        return redirect("accounts:register")
    return render(request, "accounts/registration/submitted.html", {"registration": registration})


# --- Deciding requests: registrations, profile changes, requests to the state admin ---------


def _decide(
    request: HttpRequest,
    *,
    pending: QuerySet[Any],
    decide: Callable[..., actions.BulkDecision],
    template: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The list of pending requests in the user's scope, with one-at-a-time and bulk decisions.

    An id outside the user's scope answers 404 and nothing is decided."""
    form = DecisionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            ids = form.chosen_ids()
            rows = list(pending.filter(pk__in=ids))
            if len(rows) != len(ids):
                # Anything outside the scope (or already decided) is refused as not found.
                raise Http404("No such request")
            if not rows:
                form.add_error("ids", _("Tick at least one request."))
            else:
                try:
                    result = decide(
                        rows, approve=form.approve, reason=form.cleaned_data["reason"], acting_user=request.user
                    )
                except actions.PersonError as exc:
                    form.add_error("reason" if not form.approve else None, str(exc))
                else:
                    if result.decided:
                        messages.success(request, _("%(count)s decided.") % {"count": result.decided})
                    for what, why in result.failed:
                        messages.error(request, f"{what}: {why}")
                    return redirect(request.path)
        status = 400
    page = Paginator(pending, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"form": form, "page": page, **(extra or {})}, status=status)


@people_admin_required
def registrations(request: HttpRequest) -> HttpResponse:
    pending = (
        access.visible_registration_requests(request.user)
        .filter(status=DecisionStatus.PENDING)
        .select_related("org", "designation")
        .order_by("created_at", "id")
    )
    return _decide(
        request,
        pending=pending,
        decide=actions.do_decide_registrations,
        template="accounts/requests/registrations.html",
    )


@people_admin_required
def profile_changes(request: HttpRequest) -> HttpResponse:
    pending = (
        access.visible_profile_change_requests(request.user)
        .filter(status=DecisionStatus.PENDING)
        .select_related("person__profile__org", "new_org", "new_designation")
        .order_by("created_at", "id")
    )
    return _decide(
        request,
        pending=pending,
        decide=actions.do_decide_profile_changes,
        template="accounts/requests/profile_changes.html",
    )


@state_admin_required
def state_admin_requests(request: HttpRequest) -> HttpResponse:
    pending = (
        access.visible_state_admin_requests(request.user)
        .filter(status=DecisionStatus.PENDING)
        .select_related("org")
        .order_by("created_at", "id")
    )
    return _decide(
        request,
        pending=pending,
        decide=actions.do_decide_state_admin_requests,
        template="accounts/requests/state_admin.html",
        extra={"domains": EmailDomain.objects.all(), "domain_form": EmailDomainForm()},
    )


# --- The signed-in person's own profile and change requests ------------------------------


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    if profile is None:
        raise Http404("No profile")
    picking = request.method != "POST" or "pick_department" in request.POST
    if picking:
        data = request.POST if request.method == "POST" else request.GET
        form = ProfileChangeForm(initial=data.dict())
    else:
        form = ProfileChangeForm(request.POST)
        if form.is_valid():
            try:
                actions.do_request_profile_change(
                    user,
                    org=form.cleaned_data.get("org"),
                    designation=form.cleaned_data.get("designation"),
                    group=form.cleaned_data.get("group") or "",
                )
            except actions.PersonError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Your request was sent to your nodal officer."))
                return redirect("accounts:my_profile")
    context = {
        "profile": profile,
        "form": form,
        "change_requests": access.own_profile_change_requests(user).select_related("decided_by")[:50],
    }
    return render(request, "accounts/requests/profile.html", context)


@state_admin_required
@require_POST
def add_email_domain(request: HttpRequest) -> HttpResponse:
    form = EmailDomainForm(request.POST)
    if form.is_valid():
        try:
            entry = actions.do_add_email_domain(form.cleaned_data["domain"], acting_user=request.user)
        except actions.PersonError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(domain)s was added to the accepted domains.") % {"domain": entry.domain})
    else:
        messages.error(request, _("Enter a domain name such as mp.gov.in."))
    return redirect("accounts:state_admin_requests")


@state_admin_required
@require_POST
def remove_email_domain(request: HttpRequest, domain_id: int) -> HttpResponse:
    entry = access.access_email_domain_by_id(request.user, domain_id)
    actions.do_remove_email_domain(entry, acting_user=request.user)
    messages.success(request, _("%(domain)s was removed from the accepted domains.") % {"domain": entry.domain})
    return redirect("accounts:state_admin_requests")
