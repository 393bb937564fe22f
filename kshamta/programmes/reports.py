"""Attendance reports per batch and per programme: the rows behind the pages and the XLSX downloads."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kshamta.programmes.models import Attendance, Batch, Nomination, Programme, Session


@dataclass
class PersonRow:
    nomination: Nomination
    present: list[bool]  # one per session, in session order
    attended: int
    percent: int
    meets_threshold: bool


@dataclass
class BatchReport:
    batch: Batch
    sessions: list[Session]
    rows: list[PersonRow]
    threshold: int

    @property
    def per_session(self) -> list[int]:
        return [sum(1 for r in self.rows if r.present[i]) for i in range(len(self.sessions))]

    @property
    def meeting_threshold(self) -> int:
        return sum(1 for r in self.rows if r.meets_threshold)

    @property
    def completed(self) -> int:
        return sum(1 for r in self.rows if r.nomination.completed_at)


def batch_report(batch: Batch, nominations: QuerySet[Nomination]) -> BatchReport:
    """Attendance of the seat holders among ``nominations`` (already scoped to what the user may see)."""
    sessions = list(Session.objects.filter(batch=batch).order_by("starts_at", "pk"))
    holders = list(
        nominations.filter(status=Nomination.Status.APPROVED)
        .select_related("user__profile__org", "user__profile__designation")
        .order_by("user__profile__employee_code")
    )
    present: dict[int, set[int]] = defaultdict(set)
    for session_id, user_id in Attendance.objects.filter(session__batch=batch).values_list("session_id", "user_id"):
        present[user_id].add(session_id)
    threshold = batch.programme.attendance_threshold
    rows = []
    for nomination in holders:
        marks = [s.pk in present[nomination.user_id] for s in sessions]
        attended = sum(marks)
        percent = attended * 100 // len(sessions) if sessions else 0
        meets = threshold == 0 or (bool(sessions) and attended * 100 >= threshold * len(sessions))
        rows.append(PersonRow(nomination, marks, attended, percent, meets))
    return BatchReport(batch=batch, sessions=sessions, rows=rows, threshold=threshold)


@dataclass
class BatchSummary:
    batch: Batch
    seats: int
    participants: int
    sessions: int
    average_percent: int
    meeting_threshold: int
    completed: int


def programme_report(programme: Programme) -> list[BatchSummary]:
    """One line per batch, in four queries whatever the number of batches."""
    batches = list(Batch.objects.filter(programme=programme).order_by("starts_on", "code"))
    sessions = dict(
        Session.objects.filter(batch__programme=programme)
        .values("batch_id")
        .annotate(n=Count("id"))
        .values_list("batch_id", "n")
    )
    holders: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for batch_id, user_id, completed_at in Nomination.objects.filter(
        batch__programme=programme, status=Nomination.Status.APPROVED
    ).values_list("batch_id", "user_id", "completed_at"):
        holders[batch_id].append((user_id, completed_at is not None))
    attended: dict[tuple[int, int], int] = {
        (batch_id, user_id): n
        for batch_id, user_id, n in Attendance.objects.filter(session__batch__programme=programme)
        .values("session__batch_id", "user_id")
        .annotate(n=Count("id"))
        .values_list("session__batch_id", "user_id", "n")
    }
    threshold = programme.attendance_threshold
    summaries = []
    for batch in batches:
        total = sessions.get(batch.pk, 0)
        people = holders.get(batch.pk, [])
        percents = [attended.get((batch.pk, uid), 0) * 100 // total if total else 0 for uid, _done in people]
        meeting = sum(
            1
            for uid, _done in people
            if threshold == 0 or (total and attended.get((batch.pk, uid), 0) * 100 >= threshold * total)
        )
        summaries.append(
            BatchSummary(
                batch=batch,
                seats=batch.seat_limit,
                participants=len(people),
                sessions=total,
                average_percent=sum(percents) // len(percents) if percents else 0,
                meeting_threshold=meeting,
                completed=sum(1 for _uid, done in people if done),
            )
        )
    return summaries


def _session_label(session: Session) -> str:
    return f"{timezone.localtime(session.starts_at):%d-%m-%Y %H:%M} {session.title}"


def _write_batch_sheet(sheet: Any, report: BatchReport) -> None:
    header = [_("Employee code"), _("Name"), _("Organisation"), _("Designation")]
    header += [_session_label(s) for s in report.sessions]
    header += [_("Sessions attended"), _("Attendance %"), _("Meets the threshold"), _("Completed")]
    sheet.append(header)
    for row in report.rows:
        profile = row.nomination.user.profile
        sheet.append(
            [
                profile.employee_code,
                row.nomination.user.name,
                profile.org.name,
                profile.designation.name if profile.designation else "",
                *[_("Present") if p else _("Absent") for p in row.present],
                row.attended,
                row.percent,
                _("Yes") if row.meets_threshold else _("No"),
                _("Yes") if row.nomination.completed_at else _("No"),
            ]
        )
    sheet.freeze_panes = "C2"


def batch_report_xlsx(report: BatchReport) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _safe_title(report.batch.code)
    _write_batch_sheet(sheet, report)
    return _bytes(workbook)


def programme_report_xlsx(programme: Programme) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = _safe_title(_("Batches"))
    summary.append(
        [
            _("Batch"),
            _("Starts on"),
            _("Ends on"),
            _("Seats"),
            _("Participants"),
            _("Sessions"),
            _("Average attendance %"),
            _("Meeting the threshold"),
            _("Completed"),
        ]
    )
    for item in programme_report(programme):
        summary.append(
            [
                item.batch.code,
                item.batch.starts_on,
                item.batch.ends_on,
                item.seats,
                item.participants,
                item.sessions,
                item.average_percent,
                item.meeting_threshold,
                item.completed,
            ]
        )
        sheet = workbook.create_sheet(_safe_title(item.batch.code))
        _write_batch_sheet(sheet, batch_report(item.batch, Nomination.objects.filter(batch=item.batch)))
    return _bytes(workbook)


def _safe_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, "-")
    return text[:31] or "-"


def _bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def completion_statuses(nominations: list[Nomination]) -> dict[int, Any]:
    """The completion status of each of one person's nominations, in five queries however many there are."""
    from kshamta.assessments.models import Attempt
    from kshamta.learning.models import Enrolment
    from kshamta.programmes.actions import CompletionStatus

    if not nominations:
        return {}
    user_id = nominations[0].user_id
    programme_ids = {n.batch.programme_id for n in nominations}
    batch_ids = {n.batch_id for n in nominations}
    courses: dict[int, set[int]] = defaultdict(set)
    for programme_id, course_id in Programme.courses.through.objects.filter(programme_id__in=programme_ids).values_list(
        "programme_id", "course_id"
    ):
        courses[programme_id].add(course_id)
    every_course = set().union(*courses.values()) if courses else set()
    done = set(
        Enrolment.objects.filter(
            user_id=user_id, course_id__in=every_course, status=Enrolment.Status.COMPLETED
        ).values_list("course_id", flat=True)
    )
    sessions = dict(
        Session.objects.filter(batch_id__in=batch_ids)
        .values("batch_id")
        .annotate(n=Count("id"))
        .values_list("batch_id", "n")
    )
    attended = dict(
        Attendance.objects.filter(session__batch_id__in=batch_ids, user_id=user_id)
        .values("session__batch_id")
        .annotate(n=Count("id"))
        .values_list("session__batch_id", "n")
    )
    assessment_ids = {a for n in nominations if (a := n.batch.programme.final_assessment_id) is not None}
    passed = set(
        Attempt.objects.filter(user_id=user_id, assessment_id__in=assessment_ids, passed=True).values_list(
            "assessment_id", flat=True
        )
    )
    result = {}
    for n in nominations:
        programme = n.batch.programme
        wanted = courses.get(programme.pk, set())
        result[n.pk] = CompletionStatus(
            courses_total=len(wanted),
            courses_done=len(wanted & done),
            sessions_total=sessions.get(n.batch_id, 0),
            sessions_attended=attended.get(n.batch_id, 0),
            threshold=programme.attendance_threshold,
            assessment_required=programme.final_assessment_id is not None,
            assessment_passed=programme.final_assessment_id in passed,
        )
    return result
