"""Pages: public verification, the learner's certificates and passport, administrators' list and revocation."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kshamta.accounts.access import administered_orgs, role_orgs, signed_in_user
from kshamta.accounts.models import Role
from kshamta.certificates import access, actions, signing
from kshamta.certificates.forms import IssuedSearchForm, LookupForm, RevokeForm
from kshamta.certificates.models import Certificate
from kshamta.certificates.passport import passport_for
from kshamta.certificates.render import passport_pdf, store_certificate_pdf
from kshamta.core.text import clean_text

# --- public verification (no sign-in) ----------------------------------------------


def _not_found(request: HttpRequest) -> HttpResponse:
    response = render(request, "certificates/not_found.html", {"form": LookupForm()}, status=404)
    response["X-Robots-Tag"] = "noindex"
    return response


def _client_ip(request: HttpRequest) -> str:
    header = settings.CERTIFICATE_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() if value else "") or request.META.get("REMOTE_ADDR", "") or "unknown"


def _lookup_allowed(request: HttpRequest) -> bool:
    """At most CERTIFICATE_LOOKUPS_PER_MINUTE code lookups per client address and minute
    (in the shared cache, so it holds across processes when the cache is Redis)."""
    key = f"certificates:lookup:{_client_ip(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count <= settings.CERTIFICATE_LOOKUPS_PER_MINUTE


@require_GET
def verify_lookup(request: HttpRequest) -> HttpResponse:
    """The form to find a certificate by its access code; a found one redirects to its page."""
    if "code" not in request.GET:
        return render(request, "certificates/verify_lookup.html", {"form": LookupForm()})
    form = LookupForm(request.GET)
    if not _lookup_allowed(request):
        response = render(request, "certificates/verify_lookup.html", {"form": form, "rate_limited": True}, status=429)
        response["Retry-After"] = "60"
        return response
    if not form.is_valid():
        return render(request, "certificates/verify_lookup.html", {"form": form}, status=400)
    certificate = access.public_certificate_by_code(form.cleaned_data["code"])
    if certificate is None:
        return _not_found(request)
    return redirect("certificates:verify", certificate_id=str(certificate.pk))


def _signature_ok(certificate: Certificate) -> bool:
    return signing.verify_payload(certificate.payload, certificate.signature, certificate.key_id)


@require_GET
def verify(request: HttpRequest, certificate_id: str) -> HttpResponse:
    try:
        certificate = access.public_certificate_by_id(certificate_id)
    except Http404:
        return _not_found(request)
    response = render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "signature_ok": _signature_ok(certificate),
            "verify_url": actions.verify_url(certificate.pk),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def signed_document(certificate: Certificate) -> dict[str, Any]:
    """The certificate as anyone can check it offline (docs/certificates.md): the signed
    payload, its signature and key, and, unsigned, its status when downloaded."""
    return {
        "payload": certificate.payload,
        "signature": certificate.signature,
        "algorithm": signing.ALGORITHM,
        "key_id": certificate.key_id,
        "status": {
            "valid": certificate.is_valid,
            "revoked_at": signing.iso_utc(certificate.revoked_at) if certificate.revoked_at else None,
            "revoked_reason": certificate.revoked_reason or None,
            "checked_at": signing.iso_utc_now(),
        },
    }


@require_GET
def verify_json(request: HttpRequest, certificate_id: str) -> HttpResponse:
    try:
        certificate = access.public_certificate_by_id(certificate_id)
    except Http404:
        return JsonResponse({"code": "not_found", "message": _("No such certificate.")}, status=404)
    response = JsonResponse(signed_document(certificate), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.access_code}.json"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def public_key(request: HttpRequest) -> HttpResponse:
    """The current signing key's public half, PEM."""
    key = signing.current_key()
    response = HttpResponse(signing.public_pem(key.public_key), content_type="text/plain; charset=us-ascii")
    response["X-Key-Id"] = key.key_id
    return response


@require_GET
def public_key_json(request: HttpRequest) -> JsonResponse:
    """Every key that has signed certificates here, the current one first."""
    current = signing.current_key()
    keys = signing.verification_keys()
    ordered = [current.key_id, *sorted(k for k in keys if k != current.key_id)]
    return JsonResponse(
        {
            "algorithm": signing.ALGORITHM,
            "current_key_id": current.key_id,
            "keys": [
                {"key_id": key_id, "current": key_id == current.key_id, "pem": signing.public_pem(keys[key_id])}
                for key_id in ordered
            ],
        }
    )


# --- the learner -----------------------------------------------------------------------


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    certificates = access.own_certificates(request.user)
    page = Paginator(certificates, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "certificates/mine.html", {"page": page})


@login_required
def download(request: HttpRequest, certificate_id: Any) -> FileResponse:
    """The PDF, rendered now if the background job has not done it yet."""
    certificate = access.access_certificate_for_download(request.user, certificate_id)
    name = store_certificate_pdf(certificate)
    return FileResponse(
        certificate.pdf.storage.open(name, "rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.access_code}.pdf",
        content_type="application/pdf",
    )


@login_required
def passport(request: HttpRequest) -> HttpResponse:
    return render(request, "certificates/passport.html", {"passport": passport_for(signed_in_user(request))})


@login_required
def passport_download(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    response = HttpResponse(passport_pdf(passport_for(user)), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="competency-passport.pdf"'
    return response


# --- administrators ----------------------------------------------------------------------


def _require_certificate_admin(request: HttpRequest) -> None:
    if not (administered_orgs(request.user) or role_orgs(request.user, [Role.PUBLISHER])):
        raise Http404


@login_required
def issued(request: HttpRequest) -> HttpResponse:
    """Certificates of the people (and courses) the administrator looks after, newest first."""
    _require_certificate_admin(request)
    form = IssuedSearchForm(request.GET or None)
    certificates = access.visible_certificates(request.user).select_related("course", "user__profile")
    text = clean_text(form.cleaned_data["q"]) if form.is_valid() else ""
    if text:
        code = actions.normalise_access_code(text)
        certificates = certificates.filter(
            Q(access_code=code)
            | Q(user__profile__employee_code=text)
            | Q(learner_name_en__icontains=text)
            | Q(learner_name_hi__contains=text)
            | Q(course__code=text)
        )
    page = Paginator(certificates.order_by("-issued_at", "pk"), settings.KSHAMTA_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "certificates/issued.html", {"page": page, "form": form, "q": text})


def _manage_page(request: HttpRequest, certificate: Certificate, form: RevokeForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        "certificates/manage.html",
        {"certificate": certificate, "form": form, "signature_ok": _signature_ok(certificate)},
        status=status,
    )


@login_required
def manage(request: HttpRequest, certificate_id: Any) -> HttpResponse:
    certificate = access.access_certificate_for_admin(request.user, certificate_id)
    return _manage_page(request, certificate, RevokeForm())


@login_required
@require_POST
def revoke(request: HttpRequest, certificate_id: Any) -> HttpResponse:
    certificate = access.access_certificate_for_admin(request.user, certificate_id)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            actions.do_revoke_certificate(
                certificate, reason=form.cleaned_data["reason"], acting_user=signed_in_user(request)
            )
        except actions.CertificateError as exc:
            form.add_error("reason", exc.message)
        else:
            messages.success(request, _("The certificate has been revoked."))
            return redirect("certificates:manage", certificate_id=certificate.pk)
    return _manage_page(request, certificate, form, status=400)
