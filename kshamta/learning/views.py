"""Learning pages: My learning, enrol/unenrol, the course outline, the player, and progress posts."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import IO, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pydantic import ValidationError

from kshamta.accounts.access import signed_in_user
from kshamta.assessments.models import Attempt
from kshamta.catalog.models import Resource
from kshamta.learning import actions, pages
from kshamta.learning.access import access_enrolment_for_course, access_resource_for_learner, published_course_by_code
from kshamta.learning.models import Enrolment
from kshamta.learning.schemas import ProgressIn, progress_report

# What an uploaded course file may be served as; anything else is offered as a download,
# so an uploaded file can never run as a page of this site.
INLINE_TYPES = {
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
}
CHUNK_BYTES = 64 * 1024
RANGE_HEADER = re.compile(r"^bytes=(\d*)-(\d*)$")


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    groups = pages.my_learning(signed_in_user(request))
    return render(request, "learning/my_learning.html", {"groups": groups, "today": timezone.localdate()})


@login_required
@require_POST
def enrol(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    course = published_course_by_code(code)
    try:
        actions.do_enrol(user, course, acting_user=user)
    except actions.EnrolmentRefused as exc:
        # A retired course has left the catalogue, so back to browsing it.
        messages.error(request, str(exc))
        return redirect("catalog:browse")
    messages.success(request, _("You are enrolled. Your progress is saved as you go."))
    return redirect("learning:course", code=course.code)


@login_required
@require_http_methods(["GET", "POST"])
def unenrol(request: HttpRequest, code: str) -> HttpResponse:
    """GET asks for confirmation; POST withdraws (progress is kept for a later re-enrolment)."""
    user = signed_in_user(request)
    enrolment = access_enrolment_for_course(user, code)
    if request.method == "POST":
        try:
            actions.do_unenrol(enrolment, acting_user=user)
        except actions.EnrolmentRefused as exc:
            messages.error(request, str(exc))
            return redirect("learning:course", code=code)
        messages.success(request, _("You have left the course. If you enrol again, your progress will still be there."))
        return redirect("learning:my_learning")
    return render(request, "learning/unenrol_confirm.html", {"enrolment": enrolment, "course": enrolment.course})


@login_required
def course(request: HttpRequest, code: str) -> HttpResponse:
    enrolment = access_enrolment_for_course(signed_in_user(request), code)
    outline = pages.outline_for(enrolment)
    return render(
        request,
        "learning/course.html",
        {
            "enrolment": enrolment,
            "course": enrolment.course,
            "version": enrolment.version,
            "outline": outline,
            "resume": outline.resume_line(enrolment.last_resource_id),
            "has_final_assessment": pages.has_final_assessment(enrolment),
            "certificate": pages.certificate_of(enrolment),
        },
    )


@login_required
def resume(request: HttpRequest, code: str) -> HttpResponse:
    """Continue where the learner left off."""
    enrolment = access_enrolment_for_course(signed_in_user(request), code)
    line = pages.outline_for(enrolment).resume_line(enrolment.last_resource_id)
    if line is None:
        return redirect("learning:course", code=code)
    return redirect("learning:resource", code=code, resource_id=line.resource.pk)


def _media_source(enrolment: Enrolment, resource: Resource) -> str:
    """An uploaded file through the access-checked file view, else the resource's web address."""
    if resource.file:
        return reverse("learning:resource_file", args=[enrolment.course.code, resource.pk])
    return resource.url if resource.url.startswith(("https://", "http://")) else ""


@login_required
def resource(request: HttpRequest, code: str, resource_id: int) -> HttpResponse:
    user = signed_in_user(request)
    enrolment, item = access_resource_for_learner(user, code, resource_id)
    outline = pages.outline_for(enrolment)
    line = outline.line_of(item.pk)
    previous, following = outline.neighbours(item.pk)
    attempts: list[Attempt] = []
    if item.kind == Resource.Kind.ASSESSMENT and item.assessment_id:
        attempts = list(
            Attempt.objects.filter(enrolment_id=enrolment.pk, assessment_id=item.assessment_id).order_by("-number")
        )
    progress = line.progress if line else None
    pages_read = progress.page if progress else 0
    return render(
        request,
        "learning/player.html",
        {
            "enrolment": enrolment,
            "course": enrolment.course,
            "outline": outline,
            "item": item,
            "line": line,
            "progress": progress,
            "previous": previous,
            "following": following,
            "source": _media_source(enrolment, item),
            "attempts": attempts,
            "pages_read": pages_read,
            # Reading resumes on the page after the last one read.
            "resume_page": max(1, min(pages_read + 1, item.page_count)),
            "link": item.url if item.url.startswith(("https://", "http://")) else "",
            "completes_at": item.completion_threshold,
        },
    )


@login_required
@require_POST
def mark(request: HttpRequest, code: str, resource_id: int) -> HttpResponse:
    """The player's buttons without JavaScript: mark a reading or link done, or PDF pages read."""
    user = signed_in_user(request)
    _enrolment, item = access_resource_for_learner(user, code, resource_id)
    update: dict[str, object] = {"resource": item.pk, "at": timezone.now(), "position": None, "page": None}
    if item.kind in (Resource.Kind.TEXT, Resource.Kind.LINK):
        update["percent"] = 100
    elif item.kind == Resource.Kind.PDF:
        pages_read = item.page_count if request.POST.get("whole") else _int_or_none(request.POST.get("pages"))
        if pages_read is None or item.page_count < 1 or not 0 <= pages_read <= item.page_count:
            messages.error(request, _("Enter the number of pages you have read."))
            return redirect("learning:resource", code=code, resource_id=item.pk)
        update["percent"] = 100 * pages_read // item.page_count
        update["page"] = pages_read
    else:
        # Media progress is measured by the player and assessments by passing them.
        raise Http404("Nothing to mark on this resource")
    [result] = actions.do_record_progress(user, [update])
    if result["completed"]:
        messages.success(request, _("Done. This part of the course is complete."))
    else:
        messages.success(request, _("Saved."))
    return redirect("learning:resource", code=code, resource_id=item.pk)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _json_error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "message": message}, status=status)


@never_cache
@require_POST
def progress(request: HttpRequest) -> HttpResponse:
    """The player's progress posts (the same action and answer as POST /api/v1/progress).

    It takes a form-encoded body, ``updates=<JSON list>`` with the CSRF token in the
    ``csrfmiddlewaretoken`` field, because that is what navigator.sendBeacon can send when
    the page is closing: a beacon cannot set the X-CSRFToken header, and a JSON beacon is not
    a simple request. A JSON body ``{"updates": [...]}`` with the X-CSRFToken header works too.
    """
    if not request.user.is_authenticated:
        return _json_error("unauthenticated", _("Sign in to save your progress."), 401)
    try:
        if request.content_type == "application/json":
            body = json.loads(request.body or b"{}")
        else:
            body = {"updates": json.loads(request.POST.get("updates") or "[]")}
        payload = ProgressIn.model_validate(body)
    except (ValueError, ValidationError):
        return _json_error(
            "invalid_request",
            _("Send between 1 and %(max)d progress updates.") % {"max": actions.MAX_UPDATES},
            422,
        )
    results = actions.do_record_progress(signed_in_user(request), payload.as_dicts())
    return JsonResponse(progress_report(results))


def _file_slice(handle: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK_BYTES, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


@login_required
@require_GET
@xframe_options_sameorigin
def resource_file(request: HttpRequest, code: str, resource_id: int) -> HttpResponse:
    """An uploaded video, audio or PDF of a course, for enrolled learners only.

    Answers byte ranges, which browsers need to seek in a video and to resume it part-way.
    With object storage, the storage's own (signed, expiring) address serves it instead.
    """
    _enrolment, item = access_resource_for_learner(signed_in_user(request), code, resource_id)
    if not item.file:
        raise Http404("No file")
    storage, name = item.file.storage, item.file.name or ""
    try:
        path = storage.path(name)
    except NotImplementedError:
        return HttpResponseRedirect(storage.url(name))
    if not os.path.isfile(path):
        raise Http404("No file")
    extension = os.path.splitext(name)[1].lower()
    content_type = INLINE_TYPES.get(extension)
    filename = os.path.basename(name)
    size = os.path.getsize(path)
    match = RANGE_HEADER.match(request.headers.get("Range", "").strip())
    response: HttpResponse
    if content_type and match and (match.group(1) or match.group(2)):
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        else:
            start, end = max(size - int(last), 0), size - 1
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        handle = open(path, "rb")  # noqa: SIM115 - closed by the streaming generator
        response = cast(HttpResponse, StreamingHttpResponse(_file_slice(handle, start, end - start + 1), status=206))
        response["Content-Type"] = content_type
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = cast(
            HttpResponse,
            FileResponse(
                open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
                as_attachment=content_type is None,
                filename=filename,
                content_type=content_type or "application/octet-stream",
            ),
        )
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=3600"
    return response
