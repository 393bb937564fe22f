from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kshamta.accounts import actions
from kshamta.accounts.forms import (
    CodeForm,
    IdentityForm,
    LanguageForm,
    PasswordSignInForm,
    TokenForm,
)
from kshamta.accounts.access import signed_in_user
from kshamta.accounts.models import APIToken

BACKEND = "kshamta.accounts.backends.AdminPasswordBackend"


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _finish_sign_in(request: HttpRequest, user: actions.User) -> HttpResponse:
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
    token = get_object_or_404(APIToken, pk=token_id, user=signed_in_user(request))
    actions.do_revoke_api_token(token, acting_user=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:api_tokens")
