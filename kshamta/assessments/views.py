"""Assessment pages: the learner's intro, attempt, autosave, submit and result; the authoring pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user
from kshamta.assessments import access, actions, papers
from kshamta.assessments.forms import FORMS, AssessmentForm, QuestionBankForm, SectionForm, rows_needed
from kshamta.assessments.models import Assessment, Attempt, Question, Section

# --- learners --------------------------------------------------------------------------------


@login_required
def intro(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Instructions, the rules (questions, pass mark, time, attempts left) and earlier attempts."""
    user = signed_in_user(request)
    assessment, enrolment = access.access_assessment_for_learner(user, assessment_id)
    attempts = [actions.expire_if_overdue(a) for a in access.learner_attempts(user, assessment)]
    open_attempt = next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None)
    passed = any(a.passed for a in attempts)
    left = actions.attempts_left(assessment, len(attempts))
    count = papers.question_count(assessment)
    return render(
        request,
        "assessments/intro.html",
        {
            "assessment": assessment,
            "course": enrolment.course,
            "attempts": attempts,
            "open_attempt": open_attempt,
            "passed": passed,
            "attempts_left": left,
            "question_count": count,
            "can_start": open_attempt is None and not passed and left != 0 and count > 0,
        },
    )


@login_required
@require_POST
def start(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = signed_in_user(request)
    assessment, enrolment = access.access_assessment_for_learner(user, assessment_id)
    try:
        attempt = actions.do_start_attempt(assessment, user, enrolment)
    except actions.AssessmentError as exc:
        messages.error(request, exc.message)
        return redirect("assessments:intro", assessment_id=assessment.pk)
    return redirect("assessments:take", attempt_id=attempt.pk)


def _seconds_left(attempt: Attempt) -> int | None:
    if attempt.deadline_at is None:
        return None
    return max(int((attempt.deadline_at - timezone.now()).total_seconds()), 0)


def _clock(seconds: int) -> str:
    """h:mm:ss or m:ss, as the page's countdown shows it."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@never_cache
@login_required
def take(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The question paper. It carries no correct answers and no explanations."""
    attempt = actions.expire_if_overdue(access.access_attempt_by_id(signed_in_user(request), attempt_id))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect("assessments:result", attempt_id=attempt.pk)
    items = papers.paper(attempt)
    seconds = _seconds_left(attempt)
    return render(
        request,
        "assessments/take.html",
        {
            "attempt": attempt,
            "assessment": attempt.assessment,
            "sections": papers.by_section(items),
            "question_total": len(items),
            "seconds_left": seconds,
            "time_left": _clock(seconds) if seconds is not None else "",
        },
    )


@login_required
@require_POST
def autosave(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Keep the answers so far (sent by the page's script); JSON for the script."""
    attempt = access.access_attempt_by_id(signed_in_user(request), attempt_id)
    questions = papers.questions_of(attempt)
    result_url = reverse("assessments:result", kwargs={"attempt_id": attempt.pk})
    try:
        saved = actions.do_save_answers(attempt, papers.answers_from_form(attempt, questions, request.POST))
    except actions.AssessmentError as exc:
        return JsonResponse({"code": exc.code, "message": exc.message, "result_url": result_url}, status=409)
    if saved.status != Attempt.Status.IN_PROGRESS:
        message = _("Time ran out. Your answers saved before the deadline were scored.")
        return JsonResponse({"code": "time_up", "message": message, "result_url": result_url}, status=409)
    return JsonResponse({"saved": True, "seconds_left": _seconds_left(saved)})


@login_required
@require_POST
def submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = access.access_attempt_by_id(signed_in_user(request), attempt_id)
    questions = papers.questions_of(attempt)
    try:
        closed = actions.do_submit_attempt(attempt, papers.answers_from_form(attempt, questions, request.POST))
    except actions.AssessmentError as exc:
        messages.error(request, exc.message)
    else:
        if closed.status == Attempt.Status.EXPIRED:
            messages.warning(
                request,
                _("Time ran out before the answers arrived. Only the answers saved before the deadline were scored."),
            )
    return redirect("assessments:result", attempt_id=attempt.pk)


@login_required
def result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Score, pass or fail, and each question with the learner's and the correct answer."""
    user = signed_in_user(request)
    attempt = actions.expire_if_overdue(access.access_attempt_by_id(user, attempt_id))
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return redirect("assessments:take", attempt_id=attempt.pk)
    assessment = attempt.assessment
    attempts = access.learner_attempts(user, assessment)
    left = actions.attempts_left(assessment, len(attempts))
    can_retry = (
        not any(a.passed for a in attempts)
        and left != 0
        and not any(a.status == Attempt.Status.IN_PROGRESS for a in attempts)
    )
    return render(
        request,
        "assessments/result.html",
        {
            "attempt": attempt,
            "assessment": assessment,
            "course": assessment.version.course,
            "sections": papers.by_section(papers.review(attempt)),
            "attempts_left": left,
            "can_retry": can_retry,
        },
    )


# --- authors ---------------------------------------------------------------------------------


def _refused(request: HttpRequest, exc: actions.AssessmentError) -> None:
    messages.error(request, exc.message)


@login_required
def manage_new(request: HttpRequest, version_id: int) -> HttpResponse:
    """Create an assessment in a draft course version."""
    user = signed_in_user(request)
    version = access.access_version_for_author(user, version_id)
    form = AssessmentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                assessment = actions.do_create_assessment(version, acting_user=user, **form.cleaned_data)
            except actions.AssessmentError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The assessment was created. Now add a section and its questions."))
                return redirect("assessments:manage", assessment_id=assessment.pk)
        status = 400
    return render(
        request,
        "assessments/manage_new.html",
        {
            "version": version,
            "course": version.course,
            "form": form,
            "editable": version.is_editable,
            "existing": list(version.assessments.all()),
        },
        status=status,
    )


def _manage_context(assessment: Assessment, **extra: Any) -> dict[str, Any]:
    sections = list(assessment.sections.prefetch_related("questions"))
    return {
        "assessment": assessment,
        "version": assessment.version,
        "course": assessment.version.course,
        "editable": assessment.version.is_editable,
        "sections": sections,
        "kinds": Question.Kind.choices,
        "question_count": papers.question_count(assessment, sections),
        "section_form": SectionForm(prefix="section"),
        **extra,
    }


@login_required
def manage(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The assessment's settings, sections and questions (read-only once the version left draft)."""
    user = signed_in_user(request)
    assessment = access.access_assessment_for_author(user, assessment_id)
    status = 200
    if request.method == "POST":
        # A scratch instance: the form must not change ``assessment`` before the action records "before".
        form = AssessmentForm(request.POST, instance=Assessment(version=assessment.version))
        if form.is_valid():
            try:
                actions.do_update_assessment(assessment, acting_user=user, **form.cleaned_data)
            except actions.AssessmentError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The settings were saved."))
                return redirect("assessments:manage", assessment_id=assessment.pk)
        status = 400
    else:
        form = AssessmentForm(instance=assessment)
    return render(request, "assessments/manage.html", _manage_context(assessment, form=form), status=status)


@login_required
@require_POST
def manage_delete(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = signed_in_user(request)
    assessment = access.access_assessment_for_author(user, assessment_id)
    try:
        actions.do_delete_assessment(assessment, acting_user=user)
    except actions.AssessmentError as exc:
        _refused(request, exc)
        return redirect("assessments:manage", assessment_id=assessment.pk)
    messages.success(request, _("The assessment was deleted."))
    return redirect("assessments:manage_new", version_id=assessment.version_id)


def _draw_count(form: SectionForm) -> int | None:
    value = form.cleaned_data.get("draw_count")
    return int(value) if value is not None else None


@login_required
@require_POST
def manage_section_new(request: HttpRequest, assessment_id: int) -> HttpResponse:
    user = signed_in_user(request)
    assessment = access.access_assessment_for_author(user, assessment_id)
    form = SectionForm(request.POST, prefix="section")
    if not form.is_valid():
        messages.error(request, _("Check the section: the number of questions drawn must be at least 1."))
        return redirect("assessments:manage", assessment_id=assessment.pk)
    try:
        actions.do_add_section(
            assessment,
            title_en=form.cleaned_data["title_en"],
            title_hi=form.cleaned_data["title_hi"],
            draw_count=_draw_count(form),
            acting_user=user,
        )
    except actions.AssessmentError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The section was added."))
    return redirect("assessments:manage", assessment_id=assessment.pk)


@login_required
def manage_section(request: HttpRequest, section_id: int) -> HttpResponse:
    """Edit a section's title and draw."""
    user = signed_in_user(request)
    section = access.access_section_for_author(user, section_id)
    initial = {"title_en": section.title_en, "title_hi": section.title_hi, "draw_count": section.draw_count}
    form = SectionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.do_update_section(
                    section,
                    title_en=form.cleaned_data["title_en"],
                    title_hi=form.cleaned_data["title_hi"],
                    draw_count=_draw_count(form),
                    acting_user=user,
                )
            except actions.AssessmentError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The section was saved."))
                return redirect("assessments:manage", assessment_id=section.assessment_id)
        status = 400
    return render(
        request,
        "assessments/manage_section.html",
        {
            "section": section,
            "assessment": section.assessment,
            "form": form,
            "bank_form": QuestionBankForm(),
            "editable": section.assessment.version.is_editable,
        },
        status=status,
    )


@login_required
@require_POST
def manage_section_delete(request: HttpRequest, section_id: int) -> HttpResponse:
    user = signed_in_user(request)
    section = access.access_section_for_author(user, section_id)
    try:
        actions.do_delete_section(section, acting_user=user)
    except actions.AssessmentError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The section and its questions were deleted."))
    return redirect("assessments:manage", assessment_id=section.assessment_id)


@login_required
@require_POST
def manage_section_import(request: HttpRequest, section_id: int) -> HttpResponse:
    """Add the questions of a question bank file to the section (all or none)."""
    user = signed_in_user(request)
    section = access.access_section_for_author(user, section_id)
    form = QuestionBankForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = actions.do_import_questions(section, form.cleaned_data["file"], acting_user=user)
        except actions.AssessmentError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("%(count)d questions were added.") % {"count": len(added)})
            return redirect("assessments:manage", assessment_id=section.assessment_id)
    return render(
        request,
        "assessments/manage_section.html",
        {
            "section": section,
            "assessment": section.assessment,
            "form": SectionForm(initial={"title_en": section.title_en, "title_hi": section.title_hi}),
            "bank_form": form,
            "editable": section.assessment.version.is_editable,
        },
        status=400,
    )


def _question_page(
    request: HttpRequest, *, section: Section, kind: str, question: Question | None, user: Any
) -> HttpResponse:
    form_class = FORMS[kind]
    rows = rows_needed(question)
    if request.method == "POST":
        form = form_class(request.POST, rows=rows)
        if form.is_valid():
            try:
                if question is None:
                    actions.do_add_question(section, acting_user=user, **form.fields_for_action())
                    messages.success(request, _("The question was added."))
                else:
                    actions.do_update_question(question, acting_user=user, **form.fields_for_action())
                    messages.success(request, _("The question was saved."))
            except actions.AssessmentError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("assessments:manage", assessment_id=section.assessment_id)
        status = 400
    else:
        initial = form_class.initial_for(question) if question is not None else {}
        form = form_class(initial=initial, rows=rows)
        status = 200
    return render(
        request,
        "assessments/manage_question.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": Question.Kind(kind).label,
            "section": section,
            "assessment": section.assessment,
            "question": question,
            "editable": section.assessment.version.is_editable,
        },
        status=status,
    )


@login_required
def manage_question_new(request: HttpRequest, section_id: int, kind: str) -> HttpResponse:
    user = signed_in_user(request)
    section = access.access_section_for_author(user, section_id)
    if kind not in FORMS:
        return redirect("assessments:manage", assessment_id=section.assessment_id)
    return _question_page(request, section=section, kind=kind, question=None, user=user)


@login_required
def manage_question(request: HttpRequest, question_id: int) -> HttpResponse:
    user = signed_in_user(request)
    question = access.access_question_for_author(user, question_id)
    return _question_page(request, section=question.section, kind=question.kind, question=question, user=user)


@login_required
@require_POST
def manage_question_delete(request: HttpRequest, question_id: int) -> HttpResponse:
    user = signed_in_user(request)
    question = access.access_question_for_author(user, question_id)
    assessment_id = question.section.assessment_id
    try:
        actions.do_delete_question(question, acting_user=user)
    except actions.AssessmentError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The question was deleted."))
    return redirect("assessments:manage", assessment_id=assessment_id)
