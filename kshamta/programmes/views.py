"""Pages of blended programmes: thin views over access (who may see what) and actions (every write)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kshamta.accounts.access import signed_in_user, visible_people
from kshamta.accounts.models import Profile
from kshamta.core.text import clean_text
from kshamta.programmes import access, actions, ics, planning, qr, reports
from kshamta.programmes.actions import ProgrammeError
from kshamta.programmes.forms import (
    BatchForm,
    MoveForm,
    NominateForm,
    PlanForm,
    ProgrammeForm,
    RejectForm,
    SessionForm,
    SwapForm,
)
from kshamta.programmes.models import Attendance, Batch, Nomination, Plan, Session

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHECKIN_GRANT_KEY = "programmes_checkin"
# How long after first opening a genuine code (before signing in) the check-in may still be completed.
CHECKIN_GRANT_SECONDS = 10 * 60


def _codes(items: Any, field: str = "code") -> str:
    return ", ".join(getattr(i, field) for i in items)


# --- Programmes -------------------------------------------------------------------------------------


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    programmes = access.visible_programmes(user)
    managed = set(access.managed_programmes(user).values_list("pk", flat=True))
    return render(
        request,
        "programmes/list.html",
        {
            "programmes": programmes,
            "managed": managed,
            "can_create": access.can_create_programmes(user),
            "has_queue": bool(access.nominator_orgs(user)) or bool(managed),
        },
    )


@login_required
def programme_new(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not access.can_create_programmes(user):
        raise Http404
    form = ProgrammeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = actions.do_create_programme(
                code=data["code"],
                title_en=data["title_en"],
                title_hi=data["title_hi"],
                description_en=data["description_en"],
                description_hi=data["description_hi"],
                org=data["org"],
                courses=data["courses"],
                coordinators=data["coordinators"],
                attendance_threshold=data["attendance_threshold"],
                final_assessment=data["final_assessment"],
                approval_mode=data["approval_mode"],
                status=data["status"],
                acting_user=user,
            )
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The programme was created. Add its batches next."))
            return redirect("programmes:detail", code=programme.code)
    return render(
        request,
        "programmes/programme_form.html",
        {"form": form, "programme": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def programme_edit(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = access.access_programme_for_manager(user, code)
    initial = {
        "code": programme.code,
        "title_en": programme.title_en,
        "title_hi": programme.title_hi,
        "description_en": programme.description_en,
        "description_hi": programme.description_hi,
        "org": programme.org.code,
        "courses": _codes(programme.courses.order_by("code")),
        "coordinators": ", ".join(
            Profile.objects.filter(user__in=programme.coordinators.all()).values_list("employee_code", flat=True)
        ),
        "attendance_threshold": programme.attendance_threshold,
        "final_assessment": programme.final_assessment_id,
        "approval_mode": programme.approval_mode,
        "status": programme.status,
    }
    form = ProgrammeForm(request.POST or None, user=user, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_update_programme(
                programme,
                acting_user=user,
                courses=data["courses"],
                coordinators=data["coordinators"] or programme.coordinators.all(),
                title_en=data["title_en"],
                title_hi=data["title_hi"],
                description_en=data["description_en"],
                description_hi=data["description_hi"],
                org=data["org"],
                attendance_threshold=data["attendance_threshold"],
                final_assessment=data["final_assessment"],
                approval_mode=data["approval_mode"],
                status=data["status"],
            )
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The programme was saved."))
            return redirect("programmes:detail", code=programme.code)
    return render(
        request,
        "programmes/programme_form.html",
        {"form": form, "programme": programme},
        status=400 if request.method == "POST" else 200,
    )


def _batch_counts(batches: Any) -> Any:
    return batches.annotate(
        seats_taken=Count("nominations", filter=Q(nominations__status=Nomination.Status.APPROVED)),
        waitlisted=Count("nominations", filter=Q(nominations__status=Nomination.Status.WAITLISTED)),
        pending=Count(
            "nominations",
            filter=Q(nominations__status__in=(Nomination.Status.REQUESTED, Nomination.Status.NODAL_APPROVED)),
        ),
    )


@login_required
def programme_detail(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = access.access_programme_by_code(user, code)
    is_manager = access.can_manage_programme(user, programme)
    visible = Batch.objects.filter(programme=programme)
    if not is_manager:
        visible = visible.filter(pk__in=[b.pk for b in programme.batches.all()])
    batches = list(_batch_counts(visible).order_by("starts_on", "code"))
    mine = {n.batch_id: n for n in Nomination.objects.filter(user=user, batch__programme=programme)}
    for batch in batches:
        batch.my_nomination = mine.get(batch.pk)
    return render(
        request,
        "programmes/programme.html",
        {
            "programme": programme,
            "is_manager": is_manager,
            "can_nominate": bool(access.nominator_orgs(user)),
            "batches": batches,
            "courses": programme.courses.order_by("code"),
            "coordinators": programme.coordinators.order_by("name_en"),
            "plans": programme.plans.all()[:5] if is_manager else [],
        },
    )


# --- Batches ----------------------------------------------------------------------------------------


@login_required
def batch_new(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = access.access_programme_for_manager(user, code)
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = actions.do_create_batch(
                programme,
                code=data["code"],
                seat_limit=data["seat_limit"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                enrolment_ends_on=data["enrolment_ends_on"],
                venue=data["venue"],
                eligible_designations=data["eligible_designations"],
                eligible_groups=data["eligible_groups"],
                eligible_orgs=data["eligible_orgs"],
                status=data["status"],
                acting_user=user,
            )
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The batch was created. Add its sessions next."))
            return redirect("programmes:batch", batch_id=batch.pk)
    return render(
        request,
        "programmes/batch_form.html",
        {"form": form, "programme": programme, "batch": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def batch_edit(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = access.access_batch_for_manager(user, batch_id)
    initial = {
        "code": batch.code,
        "seat_limit": batch.seat_limit,
        "starts_on": batch.starts_on,
        "ends_on": batch.ends_on,
        "enrolment_ends_on": batch.enrolment_ends_on,
        "venue": batch.venue,
        "eligible_designations": _codes(batch.eligible_designations.all()),
        "eligible_groups": batch.group_list(),
        "eligible_orgs": _codes(batch.eligible_orgs.all()),
        "status": batch.status,
    }
    form = BatchForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_update_batch(
                batch,
                acting_user=user,
                seat_limit=data["seat_limit"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                enrolment_ends_on=data["enrolment_ends_on"],
                venue=data["venue"],
                status=data["status"],
                eligible_designations=data["eligible_designations"],
                eligible_groups=data["eligible_groups"],
                eligible_orgs=data["eligible_orgs"],
            )
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The batch was saved."))
            return redirect("programmes:batch", batch_id=batch.pk)
    return render(
        request,
        "programmes/batch_form.html",
        {"form": form, "programme": batch.programme, "batch": batch},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def batch_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = access.access_batch_by_id(user, batch_id)
    is_manager = access.can_manage_programme(user, batch.programme)
    reaches = batch_reaches_user(user, batch)
    nominations = (
        access.nominations_in_scope(user, batch)
        .select_related("user__profile__org", "user__profile__designation", "nominated_by")
        .order_by("status", "waitlist_position", "user__profile__employee_code")
    )
    by_status: dict[str, list[Nomination]] = {status: [] for status in Nomination.Status.values}
    if is_manager or reaches:
        for nomination in nominations:
            by_status[nomination.status].append(nomination)
    counts = _batch_counts(Batch.objects.filter(pk=batch.pk)).get()
    mine = Nomination.objects.filter(batch=batch, user=user).first()
    can_request = (
        (mine is None or not mine.is_active) and batch.accepts_nominations() and access.eligible_profile(batch, user)
    )
    return render(
        request,
        "programmes/batch.html",
        {
            "batch": batch,
            "programme": batch.programme,
            "is_manager": is_manager,
            "can_nominate": (is_manager or reaches) and batch.accepts_nominations(),
            "sees_people": is_manager or reaches,
            "sessions": batch.sessions.all(),
            "by_status": by_status,
            "waiting_count": len(by_status[Nomination.Status.REQUESTED])
            + len(by_status[Nomination.Status.NODAL_APPROVED]),
            "seats_taken": counts.seats_taken,
            "waitlisted": counts.waitlisted,
            "pending": counts.pending,
            "mine": mine,
            "can_request": can_request,
            "eligible_designations": batch.eligible_designations.all(),
            "eligible_orgs": batch.eligible_orgs.all(),
        },
    )


def batch_reaches_user(user: Any, batch: Batch) -> bool:
    return batch.status in access.LISTED_BATCH_STATUSES and access.batch_reaches(batch, access.nominator_orgs(user))


# --- Sessions ----------------------------------------------------------------------------------------


def _session_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in actions.SESSION_FIELDS}


@login_required
def session_new(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = access.access_batch_for_manager(user, batch_id)
    form = SessionForm(request.POST or None, initial={"venue_name": batch.venue})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_session(batch, acting_user=user, **_session_fields(form.cleaned_data))
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The session was added."))
            return redirect("programmes:batch", batch_id=batch.pk)
    return render(
        request,
        "programmes/session_form.html",
        {"form": form, "batch": batch, "session": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = access.access_session_for_manager(user, session_id)
    initial = {name: getattr(session, name) for name in actions.SESSION_FIELDS}
    initial["starts_at"] = timezone.localtime(session.starts_at)
    initial["ends_at"] = timezone.localtime(session.ends_at)
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_session(session, acting_user=user, **_session_fields(form.cleaned_data))
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The session was saved."))
            return redirect("programmes:batch", batch_id=session.batch_id)
    return render(
        request,
        "programmes/session_form.html",
        {"form": form, "batch": session.batch, "session": session},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = access.access_session_for_manager(user, session_id)
    batch_id = session.batch_id
    try:
        actions.do_delete_session(session, acting_user=user)
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The session was deleted."))
    return redirect("programmes:batch", batch_id=batch_id)


# --- Nominations -------------------------------------------------------------------------------------


def _candidates(user: Any, batch: Batch, q: str) -> Any:
    """Eligible people the user may nominate (their subtrees; anyone for the batch's managers), not yet in it."""
    rules = access.Eligibility.of(batch)
    people = visible_people(user) if access.nominator_orgs(user) else Profile.objects.all()
    people = people.filter(rules.people_q()).exclude(
        user__nominations__batch__programme=batch.programme,
        user__nominations__status__in=Nomination.ACTIVE,
    )
    text = clean_text(q).lower()
    if text:
        people = people.filter(search_text__contains=text)
    return people.select_related("user", "org", "designation").order_by("employee_code")


@login_required
def nominate(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = access.access_batch_for_nominator(user, batch_id)
    q = request.GET.get("q", "")
    page = Paginator(_candidates(user, batch, q), settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    choices = [(str(p.pk), p.employee_code) for p in page.object_list]
    if request.method == "POST":
        # The ticked people were listed on the page the form came from: any of the user's candidates.
        ticked = request.POST.getlist("people")
        choices = [
            (str(p.pk), p.employee_code)
            for p in _candidates(user, batch, "").filter(pk__in=[int(t) for t in ticked if t.isdigit()])
        ]
    form = NominateForm(request.POST or None, request.FILES or None, choices=choices)
    outcomes: list[actions.NominationOutcome] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if form.cleaned_data["people"]:
                    chosen = Profile.objects.filter(pk__in=[int(p) for p in form.cleaned_data["people"]])
                    outcomes += actions.do_nominate(
                        batch, [p.user for p in chosen.select_related("user")], acting_user=user
                    )
                codes = form.all_codes()
                if codes:
                    outcomes += actions.do_nominate_codes(batch, codes, acting_user=user)
            except ProgrammeError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                done = sum(1 for o in outcomes if o.ok)
                failed = len(outcomes) - done
                if done:
                    messages.success(request, _("%(n)s people nominated.") % {"n": done})
                if failed:
                    messages.error(request, _("%(n)s could not be nominated: see the reasons below.") % {"n": failed})
                    status = 400
        else:
            status = 400
    return render(
        request,
        "programmes/nominate.html",
        {"batch": batch, "programme": batch.programme, "form": form, "page": page, "q": q, "outcomes": outcomes},
        status=status,
    )


@login_required
@require_POST
def request_seat(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = access.access_batch_by_id(user, batch_id)
    try:
        actions.do_request_seat(batch, user=user)
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your request was sent. Your nodal officer decides on it."))
    return redirect("programmes:batch", batch_id=batch.pk)


@login_required
def approvals(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not access.nominator_orgs(user) and not access.managed_programmes(user).exists():
        raise Http404
    reject_form = RejectForm(request.POST if request.POST.get("decision") == "reject" else None)
    status = 200
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("nomination") if i.isdigit()]
        decision = request.POST.get("decision")
        if not ids:
            messages.error(request, _("Tick at least one nomination."))
            status = 400
        elif decision == "reject" and not reject_form.is_valid():
            status = 400  # the form shows what is missing
        elif decision in ("approve", "reject"):
            done, failed = 0, []
            for nomination_id in ids:
                try:
                    nomination = access.access_nomination_for_decision(user, nomination_id)
                    if decision == "approve":
                        actions.do_approve_nomination(nomination, acting_user=user)
                    else:
                        actions.do_reject_nomination(
                            nomination, reason=reject_form.cleaned_data["reason"], acting_user=user
                        )
                    done += 1
                except (ProgrammeError, Http404) as exc:
                    failed.append(str(exc) if isinstance(exc, ProgrammeError) else _("No such nomination."))
            if done:
                messages.success(request, _("%(n)s nominations decided.") % {"n": done})
            for reason in failed:
                messages.error(request, reason)
            return redirect(request.get_full_path())
    queue = (
        access.approval_queue(user)
        .select_related("batch__programme", "user__profile__org", "user__profile__designation", "nominated_by")
        .order_by("batch__starts_on", "batch_id", "requested_at", "pk")
    )
    page = Paginator(queue, settings.KSHAMTA_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "programmes/approvals.html", {"page": page, "reject_form": reject_form}, status=status)


@login_required
@require_POST
def nomination_approve(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = signed_in_user(request)
    nomination = access.access_nomination_for_decision(user, nomination_id)
    try:
        nomination = actions.do_approve_nomination(nomination, acting_user=user)
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.") % {"name": nomination.user.name, "status": nomination.get_status_display()},
        )
    return redirect(_back(request, reverse("programmes:batch", args=[nomination.batch_id])))


@login_required
def nomination_reject(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = signed_in_user(request)
    nomination = access.access_nomination_for_decision(user, nomination_id)
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_reject_nomination(nomination, reason=form.cleaned_data["reason"], acting_user=user)
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The nomination was rejected and the person told why."))
            return redirect("programmes:batch", batch_id=nomination.batch_id)
    return render(
        request,
        "programmes/reject.html",
        {"form": form, "nomination": nomination},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def nomination_withdraw(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = signed_in_user(request)
    nomination = access.access_nomination_for_withdrawal(user, nomination_id)
    try:
        actions.do_withdraw_nomination(nomination, acting_user=user, reason=request.POST.get("reason", ""))
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The nomination was withdrawn."))
    fallback = (
        reverse("programmes:mine")
        if nomination.user_id == user.pk
        else reverse("programmes:batch", args=[nomination.batch_id])
    )
    return redirect(_back(request, fallback))


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else fallback


# --- Planning ---------------------------------------------------------------------------------------


@login_required
def plan_new(request: HttpRequest, code: str) -> HttpResponse:
    user = signed_in_user(request)
    programme = access.access_programme_for_manager(user, code)
    form = PlanForm(request.POST or None, taken_codes=planning.existing_codes(programme))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = actions.do_create_plan(
                programme,
                actions.PlanInput(
                    target=data["target"],
                    slots=data["slot_list"],
                    keep_districts=data["keep_districts"],
                    avoid_clashes=data["avoid_clashes"],
                ),
                acting_user=user,
            )
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("programmes:plan", plan_id=plan.pk)
    return render(
        request,
        "programmes/plan_new.html",
        {"form": form, "programme": programme},
        status=400 if request.method == "POST" else 200,
    )


def _plan_context(plan: Plan, *, move_form: Any = None, swap_form: Any = None) -> dict[str, Any]:
    explanation = planning.explain(plan.proposal)
    choices = [(b.index, f"{b.code} ({b.count}/{b.seats})") for b in explanation.batches]
    return {
        "plan": plan,
        "programme": plan.programme,
        "explanation": explanation,
        "move_form": move_form or MoveForm(batches=choices),
        "swap_form": swap_form or SwapForm(),
        "editable": plan.status == Plan.Status.PROPOSED,
        "running": plan.is_running,
    }


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan_for_manager(signed_in_user(request), plan_id)
    return render(request, "programmes/plan.html", _plan_context(plan))


@never_cache
@login_required
def plan_progress(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan_for_manager(signed_in_user(request), plan_id)
    return render(request, "programmes/_plan_status.html", {"plan": plan, "running": plan.is_running})


@login_required
@require_POST
def plan_move(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_manager(user, plan_id)
    batches = [(i, b["code"]) for i, b in enumerate(plan.proposal.get("batches", []))]
    form = MoveForm(request.POST, batches=batches)

    def move(data: dict[str, Any]) -> None:
        actions.do_move_in_plan(plan, code=data["code"], to_index=data["to"], acting_user=user)

    return _edit_plan(request, plan, form, move, _("Moved."), form_name="move_form")


@login_required
@require_POST
def plan_swap(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_manager(user, plan_id)
    form = SwapForm(request.POST)

    def swap(data: dict[str, Any]) -> None:
        actions.do_swap_in_plan(plan, code_a=data["code_a"], code_b=data["code_b"], acting_user=user)

    return _edit_plan(request, plan, form, swap, _("Swapped."), form_name="swap_form")


def _edit_plan(request: HttpRequest, plan: Any, form: Any, change: Any, done: str, *, form_name: str) -> HttpResponse:
    """One adjustment of a proposed plan: apply it and go back, or show the plan with the form's error."""
    if form.is_valid():
        try:
            change(form.cleaned_data)
        except ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect("programmes:plan", plan_id=plan.pk)
    plan.refresh_from_db()
    return render(request, "programmes/plan.html", _plan_context(plan, **{form_name: form}), status=400)


@login_required
@require_POST
def plan_confirm(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.access_plan_for_manager(user, plan_id)
    try:
        actions.do_confirm_plan(plan, acting_user=user)
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Confirmed. The batches and seats are being created; this page shows how far it has got.")
        )
    return redirect("programmes:plan", plan_id=plan.pk)


# --- Attendance -------------------------------------------------------------------------------------


@login_required
def roster(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = access.access_session_for_manager(user, session_id)
    status = 200
    if request.method == "POST":
        present = [int(p) for p in request.POST.getlist("present") if p.isdigit()]
        try:
            change = actions.do_set_attendance(session, present, acting_user=user)
        except ProgrammeError as exc:
            messages.error(request, str(exc))
            status = 400
        else:
            messages.success(
                request,
                _("Attendance saved: %(added)s marked present, %(removed)s unmarked.")
                % {"added": len(change.added), "removed": len(change.removed)},
            )
            return redirect("programmes:roster", session_id=session.pk)
    holders = (
        Nomination.objects.filter(batch_id=session.batch_id, status=Nomination.Status.APPROVED)
        .select_related("user__profile__org", "user__profile__designation")
        .order_by("user__profile__employee_code")
    )
    present_ids = dict(Attendance.objects.filter(session=session).values_list("user_id", "method"))
    return render(
        request,
        "programmes/roster.html",
        {"session": session, "batch": session.batch, "rows": [(n, present_ids.get(n.user_id)) for n in holders]},
        status=status,
    )


def _qr_context(request: HttpRequest, session: Session) -> dict[str, Any]:
    now = timezone.now()
    path = reverse("programmes:checkin", args=[session.pk, qr.current_token(session, now)])
    url = request.build_absolute_uri(path)
    return {
        "session": session,
        "batch": session.batch,
        "open": qr.in_session_window(session, now),
        "url": url,
        "svg": qr.qr_svg(url, title=_("Check-in code for %(session)s") % {"session": session.title}),
        "seconds_left": qr.seconds_left_in_window(now),
        "present": Attendance.objects.filter(session=session).count(),
        "seats": Nomination.objects.filter(batch_id=session.batch_id, status=Nomination.Status.APPROVED).count(),
        "poll_seconds": 5,
    }


@login_required
def qr_screen(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access.access_session_for_manager(signed_in_user(request), session_id)
    return render(request, "programmes/qr.html", _qr_context(request, session))


@never_cache
@login_required
def qr_code(request: HttpRequest, session_id: int) -> HttpResponse:
    """The changing part of the QR screen, fetched again every few seconds."""
    session = access.access_session_for_manager(signed_in_user(request), session_id)
    return render(request, "programmes/_qr_code.html", _qr_context(request, session))


@never_cache
def checkin(request: HttpRequest, session_id: int, token: str) -> HttpResponse:
    """Where the session's QR code leads: marks the signed-in person present.

    A person not yet signed in is sent to sign in and back; the moment this browser first opened a genuine
    code is kept in its session, so the minutes spent signing in do not expire it. Marking on GET is safe:
    it only ever records the signed-in person, and only with a code that was on the screen in the room.
    """
    session = Session.objects.select_related("batch__programme").filter(pk=session_id).first()
    if session is None:
        raise Http404("No such session")
    now = timezone.now()
    if not request.user.is_authenticated:
        if qr.check_token(session, token, now) == qr.TokenCheck.VALID:
            request.session[CHECKIN_GRANT_KEY] = {"session": session.pk, "token": token, "seen": now.isoformat()}
        return redirect_to_login(request.get_full_path())
    seen_at = None
    grant = request.session.get(CHECKIN_GRANT_KEY)
    if isinstance(grant, dict) and grant.get("session") == session.pk and grant.get("token") == token:
        seen = datetime.datetime.fromisoformat(str(grant.get("seen")))
        if datetime.timedelta(0) <= now - seen <= datetime.timedelta(seconds=CHECKIN_GRANT_SECONDS):
            seen_at = seen
    try:
        attendance = actions.do_check_in(session, token, user=signed_in_user(request), now=now, token_seen_at=seen_at)
    except actions.CheckInRefused as exc:
        return render(
            request,
            "programmes/checkin.html",
            {"session": session, "error": str(exc), "code": exc.code},
            status=403 if exc.code == "not_in_batch" else 400,
        )
    request.session.pop(CHECKIN_GRANT_KEY, None)
    return render(request, "programmes/checkin.html", {"session": session, "attendance": attendance})


# --- Reports ----------------------------------------------------------------------------------------


def _report_batch(user: Any, batch_id: int) -> tuple[Batch, Any]:
    """A batch whose report the user may read: its managers (everyone), nodal officers (their people)."""
    batch = access.access_batch_by_id(user, batch_id)
    if not access.can_manage_programme(user, batch.programme) and not batch_reaches_user(user, batch):
        raise Http404("No such batch")
    return batch, access.nominations_in_scope(user, batch)


@login_required
def batch_report(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch, nominations = _report_batch(signed_in_user(request), batch_id)
    report = reports.batch_report(batch, nominations)
    return render(
        request, "programmes/batch_report.html", {"batch": batch, "programme": batch.programme, "report": report}
    )


@login_required
def batch_report_xlsx(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch, nominations = _report_batch(signed_in_user(request), batch_id)
    data = reports.batch_report_xlsx(reports.batch_report(batch, nominations))
    return _download(data, f"attendance-{slugify(batch.programme.code)}-{slugify(batch.code)}.xlsx")


@login_required
def programme_report(request: HttpRequest, code: str) -> HttpResponse:
    programme = access.access_programme_for_manager(signed_in_user(request), code)
    return render(
        request,
        "programmes/programme_report.html",
        {"programme": programme, "summaries": reports.programme_report(programme)},
    )


@login_required
def programme_report_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    programme = access.access_programme_for_manager(signed_in_user(request), code)
    return _download(reports.programme_report_xlsx(programme), f"attendance-{slugify(programme.code)}.xlsx")


def _download(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- The learner ------------------------------------------------------------------------------------


@login_required
def my_programmes(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    nominations = list(
        Nomination.objects.filter(user=user)
        .select_related("batch__programme", "certificate")
        .order_by("-batch__starts_on", "-pk")
    )
    statuses = reports.completion_statuses([n for n in nominations if n.holds_seat])
    now = timezone.now()
    upcoming = (
        Session.objects.filter(
            batch__nominations__user=user,
            batch__nominations__status=Nomination.Status.APPROVED,
            ends_at__gte=now,
        )
        .select_related("batch__programme")
        .order_by("starts_at")[:20]
    )
    return render(
        request,
        "programmes/mine.html",
        {"nominations": [(n, statuses.get(n.pk)) for n in nominations], "upcoming": upcoming},
    )


@login_required
@require_POST
def nomination_complete(request: HttpRequest, nomination_id: int) -> HttpResponse:
    """Check again whether the person has completed (after finishing an online course, say)."""
    nomination = access.access_own_nomination(signed_in_user(request), nomination_id)
    if actions.evaluate_programme_completion(nomination.pk):
        messages.success(request, _("Congratulations: you have completed the programme. Your certificate is ready."))
    else:
        nomination.refresh_from_db()
        if nomination.is_completed:
            messages.info(request, _("You have already completed this programme."))
        else:
            messages.info(request, _("Not complete yet: the steps still open are shown below."))
    return redirect("programmes:mine")


@login_required
def my_sessions_ics(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    sessions = (
        Session.objects.filter(batch__nominations__user=user, batch__nominations__status=Nomination.Status.APPROVED)
        .select_related("batch__programme")
        .order_by("starts_at")
    )
    host = request.get_host().split(":")[0] or "kshamta"
    events = []
    for session in sessions:
        location = ", ".join(p for p in (session.venue_name, session.venue_address.replace("\n", ", ")) if p)
        if session.vc_link and not location:
            location = _("Video conference")
        description = [f"{session.batch.programme.title} · {session.batch.code}"]
        if session.trainer_name:
            description.append(_("Trainer: %(trainer)s") % {"trainer": session.trainer_name})
        if session.vc_link:
            description.append(_("Join: %(link)s") % {"link": session.vc_link})
        events.append(
            ics.Event(
                uid=f"session-{session.pk}@{host}",
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                summary=session.title,
                location=location,
                description="\n".join(description),
                url=session.vc_link,
            )
        )
    body = ics.calendar(events, name=_("My programme sessions"), stamp=timezone.now())
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-sessions.ics"'
    return response
