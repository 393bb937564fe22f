"""Every write to assessments: authoring (while the course version is a draft), copying to a new
version, and a learner's attempts (start, autosave, submit, expiry).

The server is the only judge: it draws the questions of an attempt, keeps the clock and scores.
A submission that arrives after the time limit (plus ``SUBMIT_GRACE`` for the network) closes the
attempt as expired and is scored on the answers saved before the deadline only.
"""

from __future__ import annotations

import datetime
import random
import secrets
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from kshamta.assessments import questions as rules
from kshamta.assessments.models import Assessment, Attempt, Question, Section
from kshamta.core import audit
from kshamta.core.text import clean_text
from kshamta.learning.models import Enrolment

# Time allowed after the deadline for a submission already on its way (slow mobile networks).
SUBMIT_GRACE = datetime.timedelta(seconds=30)

ASSESSMENT_FIELDS = (
    "title_en",
    "title_hi",
    "instructions_en",
    "instructions_hi",
    "pass_percent",
    "time_limit_minutes",
    "max_attempts",
    "shuffle_questions",
    "shuffle_options",
    "is_final",
)
SECTION_FIELDS = ("title_en", "title_hi", "draw_count", "position")
QUESTION_FIELDS = (
    "kind",
    "text_en",
    "text_hi",
    "points",
    "choices",
    "answer",
    "explanation_en",
    "explanation_hi",
    "position",
)
MAX_TIME_LIMIT_MINUTES = 24 * 60
MAX_ATTEMPTS_LIMIT = 100


class AssessmentError(Exception):
    """A refused change or attempt step. ``code`` is stable (API error codes); the message is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _not_editable() -> AssessmentError:
    return AssessmentError(
        "not_editable", _("This course version is not a draft. Make a new version of the course to change it.")
    )


def _org_path(version: Any) -> str:
    org = version.course.provider.org
    return org.path if org else ""


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


# --- authoring ---------------------------------------------------------------------------


def _clean_assessment_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in ASSESSMENT_FIELDS:
            raise TypeError(f"not an assessment field: {name}")
        if name.startswith(("title_", "instructions_")):
            value = clean_text(value) if name.startswith("title_") else str(value or "").strip()
        cleaned[name] = value
    pass_percent = cleaned.get("pass_percent")
    if pass_percent is not None and not (isinstance(pass_percent, int) and 0 <= pass_percent <= 100):
        raise AssessmentError("invalid", _("The pass mark is a percentage from 0 to 100."))
    limit = cleaned.get("time_limit_minutes")
    if limit is not None and not (isinstance(limit, int) and 1 <= limit <= MAX_TIME_LIMIT_MINUTES):
        raise AssessmentError("invalid", _("The time limit is from 1 minute to 24 hours, or none."))
    attempts = cleaned.get("max_attempts")
    if attempts is not None and not (isinstance(attempts, int) and 1 <= attempts <= MAX_ATTEMPTS_LIMIT):
        raise AssessmentError("invalid", _("Allow from 1 to 100 attempts, or leave it empty for no limit."))
    return cleaned


def _check_title(assessment: Assessment) -> None:
    if not assessment.title_en and not assessment.title_hi:
        raise AssessmentError("invalid", _("Give the assessment a title in English or Hindi."))


@transaction.atomic
def do_create_assessment(version: Any, *, acting_user: Any, **fields: Any) -> Assessment:
    """A new assessment in a draft course version; ``fields`` are among ASSESSMENT_FIELDS."""
    if not version.is_editable:
        raise _not_editable()
    assessment = Assessment(version=version, **_clean_assessment_fields(fields))
    _check_title(assessment)
    assessment.save()
    audit.record(
        actor=acting_user,
        action="assessment.create",
        target=assessment,
        org_path=_org_path(version),
        after=audit.snapshot(assessment, ASSESSMENT_FIELDS),
    )
    return assessment


@transaction.atomic
def do_update_assessment(assessment: Assessment, *, acting_user: Any, **fields: Any) -> Assessment:
    if not assessment.version.is_editable:
        raise _not_editable()
    before = audit.snapshot(assessment, ASSESSMENT_FIELDS)
    for name, value in _clean_assessment_fields(fields).items():
        setattr(assessment, name, value)
    _check_title(assessment)
    assessment.save()
    audit.record(
        actor=acting_user,
        action="assessment.edit",
        target=assessment,
        org_path=_org_path(assessment.version),
        before=before,
        after=audit.snapshot(assessment, ASSESSMENT_FIELDS),
    )
    return assessment


@transaction.atomic
def do_delete_assessment(assessment: Assessment, *, acting_user: Any) -> None:
    """Delete an assessment of a draft that no resource of the course points at."""
    version = assessment.version
    if not version.is_editable:
        raise _not_editable()
    before = audit.snapshot(assessment, ASSESSMENT_FIELDS)
    event = audit.audit_row(
        actor=acting_user, action="assessment.delete", target=assessment, org_path=_org_path(version), before=before
    )
    try:
        with transaction.atomic():
            assessment.delete()
    except ProtectedError as exc:
        raise AssessmentError(
            "in_use", _("A resource of the course shows this assessment. Remove it from the resource first.")
        ) from exc
    event.save()


def _clean_draw_count(draw_count: Any) -> int | None:
    if draw_count is None:
        return None
    if not isinstance(draw_count, int) or isinstance(draw_count, bool) or draw_count < 1:
        raise AssessmentError("invalid", _("Draw at least one question, or leave it empty to use them all."))
    return draw_count


@transaction.atomic
def do_add_section(
    assessment: Assessment, *, title_en: str, title_hi: str = "", draw_count: int | None = None, acting_user: Any
) -> Section:
    version = assessment.version
    if not version.is_editable:
        raise _not_editable()
    position = (assessment.sections.aggregate(last=Max("position"))["last"] or 0) + 1
    section = Section.objects.create(
        assessment=assessment,
        position=position,
        title_en=clean_text(title_en),
        title_hi=clean_text(title_hi),
        draw_count=_clean_draw_count(draw_count),
    )
    audit.record(
        actor=acting_user,
        action="assessment.section.create",
        target=section,
        org_path=_org_path(version),
        after=audit.snapshot(section, SECTION_FIELDS),
    )
    return section


@transaction.atomic
def do_update_section(
    section: Section, *, title_en: str, title_hi: str = "", draw_count: int | None = None, acting_user: Any
) -> Section:
    version = section.assessment.version
    if not version.is_editable:
        raise _not_editable()
    before = audit.snapshot(section, SECTION_FIELDS)
    section.title_en, section.title_hi = clean_text(title_en), clean_text(title_hi)
    section.draw_count = _clean_draw_count(draw_count)
    section.save()
    audit.record(
        actor=acting_user,
        action="assessment.section.edit",
        target=section,
        org_path=_org_path(version),
        before=before,
        after=audit.snapshot(section, SECTION_FIELDS),
    )
    return section


@transaction.atomic
def do_delete_section(section: Section, *, acting_user: Any) -> None:
    """Delete a section with its questions."""
    version = section.assessment.version
    if not version.is_editable:
        raise _not_editable()
    audit.record(
        actor=acting_user,
        action="assessment.section.delete",
        target=section,
        org_path=_org_path(version),
        before={**audit.snapshot(section, SECTION_FIELDS), "questions": section.questions.count()},
    )
    section.delete()


def _clean_question(
    kind: str, choices: Any, answer: Any, points: Any, text_en: str, text_hi: str
) -> tuple[dict[str, Any], Any, int, str, str]:
    try:
        clean_choices, clean_answer = rules.validate_question(kind, choices, answer)
        clean_points = rules.validate_points(points)
    except rules.QuestionInvalid as exc:
        raise AssessmentError("invalid_question", str(exc)) from exc
    text_en, text_hi = str(text_en or "").strip(), str(text_hi or "").strip()
    if not text_en and not text_hi:
        raise AssessmentError("invalid_question", _("Write the question in English or Hindi."))
    return clean_choices, clean_answer, clean_points, text_en, text_hi


@transaction.atomic
def do_add_question(
    section: Section,
    *,
    kind: str,
    text_en: str,
    text_hi: str = "",
    choices: Any,
    answer: Any,
    points: int = 1,
    explanation_en: str = "",
    explanation_hi: str = "",
    acting_user: Any,
) -> Question:
    """Add a question to a section of a draft; see ``questions.validate_question`` for the rules per kind."""
    version = section.assessment.version
    if not version.is_editable:
        raise _not_editable()
    clean_choices, clean_answer, clean_points, text_en, text_hi = _clean_question(
        kind, choices, answer, points, text_en, text_hi
    )
    position = (section.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    question = Question.objects.create(
        section=section,
        position=position,
        kind=kind,
        text_en=text_en,
        text_hi=text_hi,
        points=clean_points,
        choices=clean_choices,
        answer=clean_answer,
        explanation_en=str(explanation_en or "").strip(),
        explanation_hi=str(explanation_hi or "").strip(),
    )
    audit.record(
        actor=acting_user,
        action="assessment.question.create",
        target=question,
        org_path=_org_path(version),
        after=audit.snapshot(question, QUESTION_FIELDS),
    )
    return question


@transaction.atomic
def do_update_question(question: Question, *, acting_user: Any, **fields: Any) -> Question:
    """Change a question of a draft; fields left out keep their value. The kind's rules apply to the result."""
    version = question.section.assessment.version
    if not version.is_editable:
        raise _not_editable()
    unknown = set(fields) - set(QUESTION_FIELDS) - {"section"}
    if unknown:
        raise TypeError(f"not question fields: {sorted(unknown)}")
    before = audit.snapshot(question, QUESTION_FIELDS)
    merged = {name: fields.get(name, getattr(question, name)) for name in QUESTION_FIELDS}
    clean_choices, clean_answer, clean_points, text_en, text_hi = _clean_question(
        merged["kind"], merged["choices"], merged["answer"], merged["points"], merged["text_en"], merged["text_hi"]
    )
    question.kind, question.choices, question.answer = merged["kind"], clean_choices, clean_answer
    question.points, question.text_en, question.text_hi = clean_points, text_en, text_hi
    question.explanation_en = str(merged["explanation_en"] or "").strip()
    question.explanation_hi = str(merged["explanation_hi"] or "").strip()
    section = fields.get("section")
    if section is not None and section.pk != question.section_id:
        if section.assessment_id != question.section.assessment_id:
            raise AssessmentError("invalid_question", _("A question can only move to a section of its assessment."))
        question.section = section
        question.position = (section.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    question.save()
    audit.record(
        actor=acting_user,
        action="assessment.question.edit",
        target=question,
        org_path=_org_path(version),
        before=before,
        after=audit.snapshot(question, QUESTION_FIELDS),
    )
    return question


@transaction.atomic
def do_delete_question(question: Question, *, acting_user: Any) -> None:
    version = question.section.assessment.version
    if not version.is_editable:
        raise _not_editable()
    audit.record(
        actor=acting_user,
        action="assessment.question.delete",
        target=question,
        org_path=_org_path(version),
        before=audit.snapshot(question, QUESTION_FIELDS),
    )
    question.delete()


@transaction.atomic
def do_import_questions(section: Section, rows: Sequence[dict[str, Any]], *, acting_user: Any) -> list[Question]:
    """Add many questions at once (a question bank file, see README); all of them or none.

    A refusal names the row (1-based) that broke the rules.
    """
    added: list[Question] = []
    for number, row in enumerate(rows, start=1):
        try:
            added.append(
                do_add_question(
                    section,
                    kind=row.get("kind", ""),
                    text_en=row.get("text_en", ""),
                    text_hi=row.get("text_hi", ""),
                    choices=row.get("choices", {}),
                    answer=row.get("answer"),
                    points=row.get("points", 1),
                    explanation_en=row.get("explanation_en", ""),
                    explanation_hi=row.get("explanation_hi", ""),
                    acting_user=acting_user,
                )
            )
        except AssessmentError as exc:
            raise AssessmentError(
                exc.code, _("Question %(number)d: %(problem)s") % {"number": number, "problem": exc.message}
            ) from exc
    return added


@transaction.atomic
def copy_assessments(source_version: Any, target_version: Any) -> dict[int, Assessment]:
    """Copy every assessment of ``source_version`` (sections, questions) into ``target_version``.

    Returns {old assessment id: new assessment}, so the new version's resources can point at the copies.
    Attempts stay with the old version's assessments.
    """
    copies: dict[int, Assessment] = {}
    sources = Assessment.objects.filter(version=source_version).prefetch_related("sections__questions")
    for source in sources:
        copy = Assessment.objects.create(
            version=target_version, **{name: getattr(source, name) for name in ASSESSMENT_FIELDS}
        )
        copies[source.pk] = copy
        new_questions: list[Question] = []
        for section in source.sections.all():
            new_section = Section.objects.create(
                assessment=copy, **{name: getattr(section, name) for name in SECTION_FIELDS}
            )
            new_questions += [
                Question(section=new_section, **{name: getattr(q, name) for name in QUESTION_FIELDS})
                for q in section.questions.all()
            ]
        Question.objects.bulk_create(new_questions)
    return copies


# --- attempts ----------------------------------------------------------------------------


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


def is_overdue(attempt: Attempt, now: datetime.datetime) -> bool:
    """Time ran out (with the grace for answers already on their way)."""
    return attempt.deadline_at is not None and now > attempt.deadline_at + SUBMIT_GRACE


def draw_layout(assessment: Assessment, rng: random.Random) -> list[dict[str, Any]]:
    """The questions of a new attempt in the order shown: each section's draw, shuffled if asked.

    Each entry is {"q": id, "section": id} plus, for choice questions, "options" (ids in the order
    shown) and, for match questions, "left" and "right". The right column of a match question is
    always shuffled: in the authored order it would often give the pairs away.
    """
    layout: list[dict[str, Any]] = []
    sections = assessment.sections.prefetch_related("questions")
    for section in sections:
        pool = list(section.questions.all())
        if section.draw_count is not None and section.draw_count < len(pool):
            drawn = rng.sample(range(len(pool)), section.draw_count)
            chosen = [pool[i] for i in (drawn if assessment.shuffle_questions else sorted(drawn))]
        else:
            chosen = pool
            if assessment.shuffle_questions:
                rng.shuffle(chosen)
        for question in chosen:
            entry: dict[str, Any] = {"q": question.pk, "section": section.pk}
            if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
                options = [o["id"] for o in question.choices.get("options", [])]
                if assessment.shuffle_options:
                    rng.shuffle(options)
                entry["options"] = options
            elif question.kind == Question.Kind.MATCH:
                left = [i["id"] for i in question.choices.get("left", [])]
                right = [i["id"] for i in question.choices.get("right", [])]
                if assessment.shuffle_options:
                    rng.shuffle(left)
                rng.shuffle(right)
                entry["left"], entry["right"] = left, right
            layout.append(entry)
    return layout


def attempts_left(assessment: Assessment, used: int) -> int | None:
    """How many more attempts may be started; None when there is no limit."""
    if assessment.max_attempts is None:
        return None
    return max(assessment.max_attempts - used, 0)


def _check_enrolment(assessment: Assessment, user: Any, enrolment: Any) -> None:
    if (
        enrolment.user_id != user.pk
        or enrolment.version_id != assessment.version_id
        or enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
    ):
        raise AssessmentError("not_enrolled", _("You are not enrolled in the course version of this assessment."))


def do_start_attempt(
    assessment: Assessment,
    user: Any,
    enrolment: Any,
    *,
    now: datetime.datetime | None = None,
    rng: random.Random | None = None,
) -> Attempt:
    """Open an attempt, or return the one already open.

    Refused when the assessment was passed already (no retakes after a pass), when every attempt
    allowed has been used, or when it has no questions. Two simultaneous starts give one attempt:
    the enrolment row is locked while deciding, and the unique constraints (one open attempt,
    attempt numbers) catch whatever the lock cannot (SQLite has no row locks).
    """
    _check_enrolment(assessment, user, enrolment)
    moment = _now(now)
    try:
        with transaction.atomic():
            started = _start_attempt(assessment, user, enrolment, moment, rng or secrets.SystemRandom())
    except IntegrityError:
        # A simultaneous start won the race; its attempt is the learner's attempt.
        existing = Attempt.objects.filter(assessment=assessment, user=user, status=Attempt.Status.IN_PROGRESS).first()
        if existing is None:
            raise
        return existing
    # A refusal is raised only now, so that closing an attempt whose time ran out stays done.
    if isinstance(started, AssessmentError):
        raise started
    return started


def _open_attempt(assessment: Assessment, user: Any) -> Attempt | None:
    return (
        Attempt.objects.select_for_update()
        .filter(assessment=assessment, user=user, status=Attempt.Status.IN_PROGRESS)
        .first()
    )


def _start_attempt(
    assessment: Assessment, user: Any, enrolment: Any, now: datetime.datetime, rng: random.Random
) -> Attempt | AssessmentError:
    _lock_enrolment(enrolment.pk)
    open_attempt = _open_attempt(assessment, user)
    if open_attempt is not None:
        if not is_overdue(open_attempt, now):
            return open_attempt
        _close(open_attempt, Attempt.Status.EXPIRED, now)
    previous = Attempt.objects.filter(assessment=assessment, user=user)
    if previous.filter(passed=True).exists():
        return AssessmentError("already_passed", _("You have passed this assessment already."))
    used = previous.count()
    if attempts_left(assessment, used) == 0:
        return AssessmentError("no_attempts_left", _("You have used every attempt allowed for this assessment."))
    layout = draw_layout(assessment, rng)
    if not layout:
        return AssessmentError("no_questions", _("This assessment has no questions yet."))
    number = (previous.aggregate(last=Max("number"))["last"] or 0) + 1
    limit = assessment.time_limit_minutes
    deadline = now + datetime.timedelta(minutes=limit) if limit else None
    return Attempt.objects.create(
        assessment=assessment,
        user=user,
        enrolment=enrolment,
        number=number,
        status=Attempt.Status.IN_PROGRESS,
        started_at=now,
        deadline_at=deadline,
        layout=layout,
        answers={},
    )


def _layout_questions(attempt: Attempt) -> dict[int, Question]:
    ids = [entry["q"] for entry in attempt.layout]
    return Question.objects.in_bulk(ids)


def clean_answers(attempt: Attempt, answers: Any, questions: dict[int, Question] | None = None) -> dict[str, Any]:
    """The answers that fit the attempt's questions, keyed by question id (as text).

    Questions not in the attempt and answers of the wrong shape are dropped; an explicit
    null stays, as "no answer" (it clears an answer saved earlier).
    """
    if not isinstance(answers, dict):
        return {}
    questions = questions if questions is not None else _layout_questions(attempt)
    cleaned: dict[str, Any] = {}
    for entry in attempt.layout:
        key = str(entry["q"])
        if key not in answers:
            continue
        question = questions.get(entry["q"])
        if question is None:
            continue
        cleaned[key] = rules.clean_learner_answer(question.kind, question.choices, answers[key])
    return cleaned


def _merge(saved: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    merged = {**saved, **new}
    return {key: value for key, value in merged.items() if value is not None}


def _lock_enrolment(enrolment_id: int) -> None:
    """Lock the enrolment row before any attempt row. Starting and closing attempts and the course's
    completion (which closing triggers) all take the enrolment first, so they queue in one order
    and never deadlock; two starts for the same learner take turns here."""
    list(Enrolment.objects.select_for_update().filter(pk=enrolment_id).values_list("pk"))


def _lock(attempt: Attempt, *, closing: bool = True) -> Attempt:
    """The attempt row, locked; with its enrolment locked first when the attempt may be closed."""
    if closing:
        _lock_enrolment(attempt.enrolment_id)
    return Attempt.objects.select_for_update().select_related("assessment").get(pk=attempt.pk)


@transaction.atomic
def do_save_answers(attempt: Attempt, answers: Any, *, now: datetime.datetime | None = None) -> Attempt:
    """Keep answers given so far (autosave). Once time ran out the attempt is closed instead.

    Returns the attempt as it now is: still in progress with the answers merged, or expired
    (the caller tells the learner). Refused when the attempt is already closed.
    """
    moment = _now(now)
    # The deadline never changes, so whether this save may close the attempt is known before locking.
    locked = _lock(attempt, closing=is_overdue(attempt, moment))
    if locked.status != Attempt.Status.IN_PROGRESS:
        raise AssessmentError("attempt_closed", _("This attempt is closed."))
    if is_overdue(locked, moment):
        _close(locked, Attempt.Status.EXPIRED, moment)
        return locked
    locked.answers = _merge(locked.answers, clean_answers(locked, answers))
    locked.save(update_fields=["answers"])
    return locked


@transaction.atomic
def do_submit_attempt(attempt: Attempt, answers: Any, *, now: datetime.datetime | None = None) -> Attempt:
    """Score the attempt on the server and close it.

    ``answers`` replace saved ones per question (null clears one; questions left out keep the
    saved answer). A second submission is refused and changes nothing. After the deadline (plus
    ``SUBMIT_GRACE``) the attempt is closed as expired and scored on the answers saved in time only.
    """
    moment = _now(now)
    locked = _lock(attempt)
    if locked.status == Attempt.Status.SUBMITTED:
        raise AssessmentError("already_submitted", _("This attempt has already been submitted."))
    if locked.status != Attempt.Status.IN_PROGRESS:
        raise AssessmentError("attempt_closed", _("Time ran out for this attempt, so it was closed."))
    if is_overdue(locked, moment):
        _close(locked, Attempt.Status.EXPIRED, moment)
        return locked
    questions = _layout_questions(locked)
    locked.answers = _merge(locked.answers, clean_answers(locked, answers, questions))
    _close(locked, Attempt.Status.SUBMITTED, moment, questions)
    return locked


def expire_if_overdue(attempt: Attempt, *, now: datetime.datetime | None = None) -> Attempt:
    """Close an abandoned attempt whose time ran out (scored on its saved answers); else unchanged."""
    moment = _now(now)
    if attempt.status != Attempt.Status.IN_PROGRESS or not is_overdue(attempt, moment):
        return attempt
    return _expire(attempt, moment)


@transaction.atomic
def _expire(attempt: Attempt, moment: datetime.datetime) -> Attempt:
    locked = _lock(attempt)
    if locked.status == Attempt.Status.IN_PROGRESS and is_overdue(locked, moment):
        _close(locked, Attempt.Status.EXPIRED, moment)
    return locked


def expire_overdue_attempts(*, now: datetime.datetime | None = None, batch: int = 500) -> int:
    """Close every abandoned attempt whose time ran out, one transaction each; returns how many."""
    moment = _now(now)
    closed = 0
    while True:
        ids = list(
            Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS, deadline_at__lt=moment - SUBMIT_GRACE)
            .order_by("deadline_at")
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return closed
        for attempt in Attempt.objects.filter(pk__in=ids):
            if expire_if_overdue(attempt, now=moment).status == Attempt.Status.EXPIRED:
                closed += 1


def _decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def score(
    layout: Iterable[dict[str, Any]], answers: dict[str, Any], questions: dict[int, Question]
) -> tuple[Fraction, Fraction]:
    """(points earned, points possible) of answers to the questions of a layout, exactly."""
    earned, possible = Fraction(0), Fraction(0)
    for entry in layout:
        question = questions.get(entry["q"])
        if question is None:
            continue
        possible += question.points
        earned += question.points * rules.share_correct(question.kind, question.answer, answers.get(str(question.pk)))
    return earned, possible


def _close(attempt: Attempt, status: str, now: datetime.datetime, questions: dict[int, Question] | None = None) -> None:
    """Score a locked, open attempt on its (already merged) answers and record the result."""
    questions = questions if questions is not None else _layout_questions(attempt)
    earned, possible = score(attempt.layout, attempt.answers, questions)
    assessment = attempt.assessment
    attempt.status = status
    attempt.submitted_at = now
    attempt.score = _decimal(earned)
    attempt.max_score = _decimal(possible)
    attempt.percent = _decimal(earned * 100 / possible) if possible else Decimal(0)
    # Compared exactly, not on the rounded percent: 59.996 % does not pass a 60 % mark.
    attempt.passed = bool(possible) and earned * 100 >= assessment.pass_percent * possible
    attempt.save(update_fields=["status", "submitted_at", "answers", "score", "max_score", "percent", "passed"])
    _record_result(attempt, now)


def _record_result(attempt: Attempt, now: datetime.datetime) -> None:
    """Tell the learner's course about the result (completion), and award karma for a pass."""
    from kshamta.engagement.actions import do_award_karma
    from kshamta.engagement.karma import Rule
    from kshamta.learning.actions import do_record_assessment_result

    do_record_assessment_result(attempt)
    if attempt.passed:
        do_award_karma(
            user=attempt.user, rule=Rule.ASSESSMENT_PASSED, source_key=f"attempt-pass:{attempt.assessment_id}", at=now
        )
