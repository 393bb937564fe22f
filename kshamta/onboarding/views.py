"""Pages of the bulk employee import: list, upload, job status (polled), confirm, error file, templates."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_valid_filename
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.accounts.decorators import people_admin_required
from kshamta.onboarding import actions, pages
from kshamta.onboarding.access import access_import_job_by_id, visible_import_jobs
from kshamta.onboarding.forms import ImportUploadForm, max_import_bytes


@people_admin_required
def import_list(request: HttpRequest) -> HttpResponse:
    jobs = visible_import_jobs(request.user).order_by("-created_at", "-id")
    page = Paginator(jobs, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "onboarding/import_list.html", {"page": page})


# The upload guard has to be in place before anything reads the request body, and the CSRF
# check reads it; so the check is skipped here and made inside, once the guard is in.
@csrf_exempt
@people_admin_required
def import_new(request: HttpRequest) -> HttpResponse:
    limiter = None
    if request.method == "POST":
        limiter = pages.ImportSizeLimit(request, max_import_bytes())
        request.upload_handlers.insert(0, limiter)
    return _import_new(request, limiter)


@csrf_protect
def _import_new(request: HttpRequest, limiter: pages.ImportSizeLimit | None) -> HttpResponse:
    user = signed_in_user(request)
    if request.method == "POST":
        form = ImportUploadForm(
            request.POST, request.FILES, user=user, upload_too_big=bool(limiter and limiter.exceeded)
        )
    else:
        form = ImportUploadForm(user=user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = actions.do_create_import_job(
                upload=upload,
                filename=upload.name,
                org=form.cleaned_data["org"],
                acting_user=user,
                dry_run=form.cleaned_data["dry_run"],
                create_designations=form.cleaned_data["create_designations"],
            )
        except actions.ImportRefused as exc:
            form.add_error(None, pages.in_language(exc.en, exc.hi))
        else:
            messages.success(request, _("The file was uploaded. Every row is now being checked."))
            return redirect("onboarding:import", job_id=job.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "onboarding/import_new.html",
        {"form": form, "max_bytes": max_import_bytes(), "limit_mb": pages.megabytes(max_import_bytes())},
        status=status,
    )


@people_admin_required
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_import_job_by_id(request.user, job_id)
    return render(request, "onboarding/import_detail.html", pages.job_context(job))


@never_cache
@people_admin_required
def import_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The status part of the job page, polled by htmx while the job runs."""
    job = access_import_job_by_id(request.user, job_id)
    return render(request, "onboarding/_import_status.html", pages.job_context(job))


@people_admin_required
@require_POST
def import_confirm(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_import_job_by_id(request.user, job_id)
    try:
        actions.do_confirm_import_job(job, signed_in_user(request))
    except actions.ImportRefused as exc:
        messages.error(request, pages.in_language(exc.en, exc.hi))
    else:
        messages.success(
            request, _("The import has started. People are added in batches; this page shows how far it has got.")
        )
    return redirect("onboarding:import", job_id=job.pk)


@people_admin_required
@require_POST
def import_resume(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_import_job_by_id(request.user, job_id)
    try:
        actions.do_resume_import_job(job, signed_in_user(request))
    except actions.ImportRefused as exc:
        messages.error(request, pages.in_language(exc.en, exc.hi))
    else:
        messages.success(request, _("The import continues after the last batch that was saved."))
    return redirect("onboarding:import", job_id=job.pk)


@people_admin_required
def import_errors(request: HttpRequest, job_id: int) -> HttpResponse:
    """The rejected rows as they were, with reason_en and reason_hi (CSV, UTF-8 with a BOM)."""
    job = access_import_job_by_id(request.user, job_id)
    if not job.error_file or pages.is_running(job):
        raise Http404("No error file")
    try:
        handle = default_storage.open(job.error_file, "rb")
    except FileNotFoundError as exc:
        raise Http404("No error file") from exc
    stem = get_valid_filename(Path(job.filename).stem) or f"import-{job.pk}"
    response = FileResponse(
        handle, as_attachment=True, filename=f"{stem}-rejected-rows.csv", content_type="text/csv; charset=utf-8"
    )
    # Streamed, so the file is never read whole into memory; the guard's type wants an HttpResponse.
    return cast(HttpResponse, response)


TEMPLATE_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@people_admin_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """A file to fill in: the columns (headers in English or Hindi) and one example row."""
    if kind not in TEMPLATE_TYPES:
        raise Http404("No such template")
    language = request.GET.get("lang") or ("hi" if (get_language() or "en").startswith("hi") else "en")
    if language not in {"en", "hi"}:
        language = "en"
    header = pages.template_header(language)
    if kind == "xlsx":
        body = pages.template_xlsx(header, pages.example_row(request.user))
    else:
        body = pages.template_csv(header)
    response = HttpResponse(body, content_type=TEMPLATE_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="kshamta-employees-{language}.{kind}"'
    return response
