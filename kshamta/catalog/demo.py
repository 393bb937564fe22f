"""The demo catalogue: real courses with real content, a generated long tail, and learner history.

``load_catalog_demo`` runs after the demo accounts exist (``kshamta.orgs.demo``) and is
idempotent: it creates only what is missing (providers, courses by code, the generated
catalogue, the learners' history), so a second run writes nothing.

* The default competency framework (``KCM-DEFAULT``).
* Three providers: the state ATI (whose content creator, reviewer and publisher are demo
  accounts), the Revenue Department's training cell and a national institute.
* The courses of ``demo_content``: bilingual lessons with substantive text, PDF readings
  generated now with ``kshamta.core.pdf``, a short narrated video and an audio clip (files
  in ``demo_content/media``), external links and final assessments. The ATI's courses go
  through the editorial workflow (made by the content creator, approved by the reviewer,
  published by the publisher); one is left in review and one as a draft, so the studio's
  queues have something in them. The other providers' courses are published directly, as a
  catalogue import would.
* A few hundred generated courses (``kshamta.catalog.generate``), so browse and search have pages.
* Learner history (``load_learning_demo``).
"""

from __future__ import annotations

import contextlib
import datetime
import random
from collections.abc import Callable, Iterator
from typing import Any

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kshamta.accounts.models import Profile, User
from kshamta.assessments import actions as assessment_actions
from kshamta.assessments.models import Assessment, Attempt, Question
from kshamta.catalog import actions
from kshamta.catalog.demo_content import ATI_PROVIDER, COURSES, PROVIDERS
from kshamta.catalog.demo_content.spec import (
    CourseSpec,
    Lesson,
    Link,
    Media,
    ProviderSpec,
    Quiz,
    Reading,
    ResourceSpec,
)
from kshamta.catalog.generate import generate_catalogue
from kshamta.catalog.models import Course, CourseVersion, Module, Provider, Resource
from kshamta.certificates.models import Certificate
from kshamta.competencies.actions import do_load_default_framework
from kshamta.competencies.models import Competency
from kshamta.core import pdf
from kshamta.engagement.actions import do_rate_course
from kshamta.learning import actions as learning_actions
from kshamta.learning.models import Enrolment
from kshamta.notifications.models import Message
from kshamta.orgs.demo import DEMO_SEED, ensure_org

Progress = Callable[[str], None]

CREATOR = "content.creator@mp.gov.in"
REVIEWER = "content.reviewer@mp.gov.in"
PUBLISHER = "content.publisher@mp.gov.in"
STATE_ADMIN = "admin@mp.gov.in"
DEMO_LEARNER = "learner@mp.gov.in"
# Generated courses listed next to the real ones, so browse and search have pages.
GENERATED_COURSES = 300
GENERATED_PREFIX = "MPX"
# Employees with a learning history, spread over this many days.
HISTORY_LEARNERS = 300
HISTORY_DAYS = 180


# --- PDF readings ---------------------------------------------------------------------------


def render_reading(reading: Reading, provider: Provider) -> bytes:
    """A bilingual A4 reading: Hindi first in each section, then English; tables in both."""
    doc = pdf.new_document(margin=18)
    doc.set_title(reading.title_en)
    doc.set_author(provider.name_en)
    doc.add_page()
    doc.text_line(f"Kshamta · क्षमता — {provider.name_hi} / {provider.name_en}", 8.5, colour=pdf.MUTED, fit=True)
    doc.rule()
    doc.paragraph(reading.title_hi, 17, bold=True, space_after=0.5)
    doc.paragraph(reading.title_en, 13, bold=True, colour=pdf.MUTED, space_after=2)
    for section in reading.sections:
        doc.y += 2
        doc.paragraph(f"{section.heading_hi} / {section.heading_en}", 12, bold=True, space_after=1)
        for text in section.hi:
            doc.paragraph(text, 10.5, space_after=1)
        for text in section.en:
            doc.paragraph(text, 10, colour=pdf.MUTED, space_after=1)
        if section.table:
            header, *rows = section.table
            widths = {2: (0.55, 0.45), 3: (0.45, 0.35, 0.2)}.get(len(header)) or tuple(1 / len(header) for _ in header)
            doc.y += 1
            doc.table(rows, widths, header=header, size=9.5)
            doc.y += 2
    doc.rule()
    doc.paragraph(
        "यह सामग्री प्रशिक्षण हेतु है; आधिकारिक पाठ के लिए अधिनियम, नियम और शासन के आदेश देखें। "
        "For training use; for the authoritative text see the Act, the rules and government orders.",
        8,
        colour=pdf.MUTED,
    )
    return bytes(doc.output())


# --- building one course --------------------------------------------------------------------


def _add_quiz(module: Module, quiz: Quiz, *, acting_user: Any) -> Resource:
    version = module.version
    assessment = assessment_actions.do_create_assessment(
        version,
        acting_user=acting_user,
        title_en=quiz.title_en,
        title_hi=quiz.title_hi,
        instructions_en=quiz.instructions_en,
        instructions_hi=quiz.instructions_hi,
        pass_percent=quiz.pass_percent,
        time_limit_minutes=quiz.time_limit_minutes,
        max_attempts=quiz.max_attempts,
        is_final=quiz.is_final,
    )
    for section_spec in quiz.sections:
        section = assessment_actions.do_add_section(
            assessment,
            title_en=section_spec.title_en,
            title_hi=section_spec.title_hi,
            draw_count=section_spec.draw_count,
            acting_user=acting_user,
        )
        for q in section_spec.questions:
            assessment_actions.do_add_question(
                section,
                kind=q.kind,
                text_en=q.text_en,
                text_hi=q.text_hi,
                choices=q.choices,
                answer=q.answer,
                points=q.points,
                explanation_en=q.explanation_en,
                explanation_hi=q.explanation_hi,
                acting_user=acting_user,
            )
    questions = sum(len(s.questions) for s in quiz.sections)
    return actions.do_add_resource(
        module,
        kind=Resource.Kind.ASSESSMENT,
        title_en=quiz.title_en,
        title_hi=quiz.title_hi,
        assessment=assessment,
        duration_seconds=questions * 90,
        acting_user=acting_user,
    )


def _add_resource(module: Module, spec: ResourceSpec, provider: Provider, *, acting_user: Any) -> Resource:
    if isinstance(spec, Lesson):
        return actions.do_add_resource(
            module,
            kind=Resource.Kind.TEXT,
            title_en=spec.title_en,
            title_hi=spec.title_hi,
            body_html=spec.body_html(),
            acting_user=acting_user,
        )
    if isinstance(spec, Reading):
        upload = ContentFile(render_reading(spec, provider), name=spec.filename)
        return actions.do_add_resource(
            module,
            kind=Resource.Kind.PDF,
            title_en=spec.title_en,
            title_hi=spec.title_hi,
            file=upload,
            duration_seconds=300,
            acting_user=acting_user,
        )
    if isinstance(spec, Media):
        with spec.path.open("rb") as handle:
            return actions.do_add_resource(
                module,
                kind=spec.kind,
                title_en=spec.title_en,
                title_hi=spec.title_hi,
                file=File(handle, name=spec.filename),
                duration_seconds=spec.duration_seconds,
                acting_user=acting_user,
            )
    if isinstance(spec, Link):
        return actions.do_add_resource(
            module,
            kind=Resource.Kind.LINK,
            title_en=spec.title_en,
            title_hi=spec.title_hi,
            url=spec.url,
            is_required=spec.required,
            duration_seconds=120,
            acting_user=acting_user,
        )
    if isinstance(spec, Quiz):
        return _add_quiz(module, spec, acting_user=acting_user)
    raise TypeError(f"not a resource: {spec!r}")


def _build_course(
    spec: CourseSpec, provider: Provider, competencies: dict[str, Competency], *, author: Any
) -> CourseVersion:
    version = actions.do_create_course(
        code=spec.code,
        provider=provider,
        title_en=spec.title_en,
        title_hi=spec.title_hi,
        summary_en=spec.summary_en,
        summary_hi=spec.summary_hi,
        languages=spec.languages,
        duration_minutes=spec.duration_minutes,
        level=spec.level,
        tags=spec.tags,
        acting_user=author,
    )
    actions.do_set_competencies(
        version, {competencies[code]: level for code, level in spec.competencies.items()}, acting_user=author
    )
    for module_spec in spec.modules:
        module = actions.do_add_module(
            version, title_en=module_spec.title_en, title_hi=module_spec.title_hi, acting_user=author
        )
        for resource_spec in module_spec.resources:
            _add_resource(module, resource_spec, provider, acting_user=author)
    return version


def _take_through_workflow(version: CourseVersion, status: str, people: dict[str, User]) -> None:
    """Submit, approve and publish as far as ``status``, each step by its own person."""
    if status == CourseVersion.Status.DRAFT:
        return
    actions.do_submit_for_review(version, acting_user=people[CREATOR])
    if status == CourseVersion.Status.IN_REVIEW:
        return
    actions.do_approve_review(
        version,
        acting_user=people[REVIEWER],
        comment="Content checked against the Act and the state's orders. / अधिनियम और शासन के आदेशों से मिलान किया।",
    )
    if status == CourseVersion.Status.REVIEWED:
        return
    actions.do_publish_reviewed(version, acting_user=people[PUBLISHER])


def _ensure_providers(admin: User) -> tuple[dict[str, Provider], int]:
    existing = {p.code: p for p in Provider.objects.filter(code__in=[s.code for s in PROVIDERS])}
    created = 0
    for spec in PROVIDERS:
        if spec.code in existing:
            continue
        existing[spec.code] = _save_provider(spec, admin)
        created += 1
    return existing, created


def _save_provider(spec: ProviderSpec, admin: User) -> Provider:
    org = ensure_org(spec.org_code, acting_user=admin) if spec.org_code else None
    provider, _created = actions.do_save_provider(
        code=spec.code, name_en=spec.name_en, name_hi=spec.name_hi, kind=spec.kind, org=org, acting_user=admin
    )
    return provider


def _people() -> dict[str, User]:
    wanted = [CREATOR, REVIEWER, PUBLISHER, STATE_ADMIN, DEMO_LEARNER]
    people = {u.email: u for u in User.objects.filter(email__in=wanted) if u.email}
    missing = sorted(set(wanted) - set(people))
    if missing:
        raise RuntimeError(f"load the demo accounts first (seed_demo); missing: {', '.join(missing)}")
    return people


def load_courses(people: dict[str, User], say: Progress) -> dict[str, int]:
    """The providers and courses of ``demo_content`` that do not exist yet."""
    admin = people[STATE_ADMIN]
    providers, providers_created = _ensure_providers(admin)
    competencies = {c.code: c for c in Competency.objects.filter(framework__is_active=True)}
    have = set(Course.objects.filter(code__in=[c.code for c in COURSES]).values_list("code", flat=True))
    counts = {"providers": providers_created, "courses": 0, "published": 0, "in_review": 0, "drafts": 0}
    for spec in COURSES:
        if spec.code in have:
            continue
        provider = providers[spec.provider]
        workflow = spec.provider == ATI_PROVIDER
        with transaction.atomic():
            version = _build_course(spec, provider, competencies, author=people[CREATOR] if workflow else admin)
            if workflow:
                _take_through_workflow(version, spec.status, people)
            elif spec.status == CourseVersion.Status.PUBLISHED:
                actions.do_publish(version, acting_user=admin)
        counts["courses"] += 1
        counts[{"published": "published", "in_review": "in_review", "draft": "drafts"}[spec.status]] += 1
        say(f"catalogue: {spec.code} ({spec.status})")
    return counts


# --- learner history ------------------------------------------------------------------------


def _correct_answer(question: Question) -> Any:
    if question.kind == Question.Kind.FILL_BLANK:
        return question.answer[0]
    return question.answer


def _pass_assessment(enrolment: Enrolment, assessment: Assessment, rng: random.Random) -> Attempt:
    """Sit the assessment: sometimes fail once first, then answer everything correctly."""
    user = enrolment.user
    if rng.random() < 0.1 and (assessment.max_attempts or 2) > 1:
        first = assessment_actions.do_start_attempt(assessment, user, enrolment, rng=rng)
        assessment_actions.do_submit_attempt(first, {})
    attempt = assessment_actions.do_start_attempt(assessment, user, enrolment, rng=rng)
    questions = Question.objects.in_bulk([entry["q"] for entry in attempt.layout])
    answers = {str(pk): _correct_answer(q) for pk, q in questions.items()}
    return assessment_actions.do_submit_attempt(attempt, answers)


def _consume(user: User, resources: list[Resource], share: float) -> None:
    """Record progress through the first ``share`` of a course's non-assessment resources."""
    taken = [r for r in resources if r.kind != Resource.Kind.ASSESSMENT]
    count = round(len(taken) * share)
    updates = []
    for resource in taken[:count]:
        update: dict[str, Any] = {"resource": resource.pk, "percent": 100}
        if resource.kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO):
            update["position"] = resource.duration_seconds
        elif resource.kind == Resource.Kind.PDF:
            update["page"] = resource.page_count
        updates.append(update)
    if count < len(taken) and share > 0:
        partial = taken[count]
        updates.append({"resource": partial.pk, "percent": 40, "page": 1 if partial.kind == "pdf" else None})
    if updates:
        learning_actions.do_record_progress(user, updates)


def _resources_of(course: Course) -> list[Resource]:
    return list(
        Resource.objects.filter(module__version_id=course.published_version_id)
        .select_related("assessment")
        .order_by("module__position", "position", "id")
    )


@contextlib.contextmanager
def _clock_at(moment: datetime.datetime) -> Iterator[None]:
    """Run actions as if at ``moment``: the platform's clock (``timezone.now``) is set back.

    History is written by the same actions as today's learning, so every row they touch
    agrees — enrolment, progress, attempts, the certificate (whose signed statement
    carries its issue time), the append-only karma ledger (never updated afterwards) and
    ratings. The clock keeps running, so steps inside one moment stay in order.
    """
    real_now = timezone.now
    offset = moment - real_now()
    timezone.now = lambda: real_now() + offset
    try:
        yield
    finally:
        timezone.now = real_now


REVIEWS = (
    (5, "Very useful for daily work; the examples are from our own offices.",
     "रोज़ के काम के लिए बहुत उपयोगी; उदाहरण हमारे अपने कार्यालयों के हैं।"),
    (5, "", "सरल भाषा में पूरी जानकारी।"),
    (4, "Good course. The PDF checklist is handy.", "अच्छा पाठ्यक्रम। पीडीएफ़ जाँच-सूची काम की है।"),
    (4, "", "अच्छा पाठ्यक्रम, प्रश्न थोड़े और कठिन हो सकते थे।"),
    (3, "Useful, but some modules could have more examples.", ""),
    (5, "Clear and to the point.", "स्पष्ट और सटीक।"),
)  # fmt: skip


def _learn(
    user: User,
    course: Course,
    share: float,
    rng: random.Random,
    *,
    enrolled_at: datetime.datetime,
    active_at: datetime.datetime,
    rate: bool = False,
) -> Enrolment:
    """Enrol at ``enrolled_at``; by ``active_at`` have learnt ``share`` of the course (1.0: all of
    it, final assessment passed, and with ``rate`` a rating)."""
    with _clock_at(enrolled_at):
        enrolment = learning_actions.do_enrol(user, course, acting_user=user)
    with _clock_at(active_at):
        resources = _resources_of(course)
        _consume(user, resources, share)
        if share >= 1:
            for resource in resources:
                if resource.assessment is not None:
                    _pass_assessment(enrolment, resource.assessment, rng)
        enrolment.refresh_from_db()
        if rate and enrolment.status == Enrolment.Status.COMPLETED:
            stars, review_en, review_hi = rng.choice(REVIEWS)
            review = review_hi if user.preferred_language == "hi" and review_hi else review_en or review_hi
            do_rate_course(user, course, stars=stars, review=review, acting_user=user)
    return enrolment


def _history_learners(count: int, rng: random.Random, exclude: set[int]) -> list[User]:
    ids = list(
        Profile.objects.filter(status=Profile.Status.ACTIVE, user__is_active=True)
        .exclude(pk__in=exclude)
        .order_by("employee_code")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(ids, min(count, len(ids)))
    return list(User.objects.filter(pk__in=chosen).order_by("pk"))


def load_learning_demo(
    people: dict[str, User] | None = None, *, learners: int = HISTORY_LEARNERS, seed: int = DEMO_SEED
) -> dict[str, int]:
    """Learning history, made with the learning, assessment and rating actions at past moments.

    The demo learner has three courses: the POSH Act course completed five weeks ago (with
    its certificate, karma and a rating), the RTI course half done and the land records
    course just started. ``learners`` other employees have enrolments spread over the last
    six months, about half of them completed (certificates, karma, some ratings), so the
    dashboards, leaderboards and course pages show a living platform. Done once: nothing
    is written when the demo learner already has an enrolment.
    """
    people = people or _people()
    learner = people[DEMO_LEARNER]
    if Enrolment.objects.filter(user=learner).exists():
        return {}
    rng = random.Random(seed)
    now = timezone.now()
    courses = {
        c.code: c
        for c in Course.objects.filter(code__in=[s.code for s in COURSES], published_version__isnull=False)
        .select_related("provider")
        .order_by("code")
    }
    if not courses:
        return {}
    # Some of the long tail too: short generated courses that people pick up by interest.
    long_tail = list(
        Course.objects.filter(
            code__startswith=f"{GENERATED_PREFIX}-", published_version__isnull=False, duration_minutes__lte=60
        ).order_by("code")[:40]
    )
    messages_before = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    certificates_before = Certificate.objects.count()
    enrolments: list[Enrolment] = []

    def days_ago(days: float) -> datetime.datetime:
        return now - datetime.timedelta(days=days)

    with transaction.atomic():
        # Completed five weeks ago, half way through, just started.
        plan = (("MP-ATI-POSH", 1.0, 38, 33), ("MP-ATI-RTI-2005", 0.65, 9, 2), ("MP-REV-LANDREC", 0.15, 1, 0.5))
        for code, share, enrolled, active in plan:
            if code in courses:
                enrolments.append(
                    _learn(learner, courses[code], share, rng, enrolled_at=days_ago(enrolled),
                           active_at=days_ago(active), rate=True)
                )  # fmt: skip

    # Everyone is asked to take the mandatory POSH course; the rest by interest.
    courses.update((c.code, c) for c in long_tail)
    codes = sorted(courses)
    weights = [6.0 if code == "MP-ATI-POSH" else 0.25 if code.startswith(GENERATED_PREFIX) else 1.0 for code in codes]
    for user in _history_learners(learners, rng, exclude={u.pk for u in people.values()}):
        with transaction.atomic():
            for code in sorted(set(rng.choices(codes, weights=weights, k=rng.choice((1, 1, 1, 1, 2))))):
                roll = rng.random()
                share = 1.0 if roll < 0.55 else rng.choice((0.25, 0.5, 0.75)) if roll < 0.9 else 0.0
                enrolled_at = days_ago(rng.uniform(3, HISTORY_DAYS))
                active_at = min(days_ago(0.1), enrolled_at + datetime.timedelta(days=rng.uniform(0.1, 30)))
                enrolments.append(
                    _learn(user, courses[code], share, rng, enrolled_at=enrolled_at, active_at=active_at,
                           rate=rng.random() < 0.5)
                )  # fmt: skip
    # The certificate e-mails of this history went out back then; the worker must not send them today.
    Message.objects.filter(pk__gt=messages_before, kind="certificate", status=Message.Status.QUEUED).update(
        status=Message.Status.SENT, sent_at=F("created_at")
    )
    return {
        "enrolments": len(enrolments),
        "completions": sum(e.status == Enrolment.Status.COMPLETED for e in enrolments),
        "certificates": Certificate.objects.count() - certificates_before,
    }


# --- all of it ------------------------------------------------------------------------------


def load_catalog_demo(
    progress: Progress | None = None, *, generated: int = GENERATED_COURSES, learners: int = HISTORY_LEARNERS
) -> dict[str, int]:
    """Load whatever of the demo catalogue is missing; returns what was created ({} when nothing was).

    ``generated`` and ``learners`` size the generated long tail and the learner history.
    """
    say = progress or (lambda _message: None)
    people = _people()
    framework = do_load_default_framework(acting_user=people[STATE_ADMIN])
    counts: dict[str, int] = {"competencies": framework["created"]}
    counts.update(load_courses(people, say))
    if generated and not Course.objects.filter(code__startswith=f"{GENERATED_PREFIX}-").exists():
        generation = generate_catalogue(
            generated, seed=DEMO_SEED, code_prefix=GENERATED_PREFIX, acting_user=people[STATE_ADMIN]
        )
        counts["generated"] = generation.courses
        say(f"catalogue: {generation.courses} generated courses in {generation.seconds}s")
    history = load_learning_demo(people, learners=learners)
    if history:
        say(f"catalogue: {history['enrolments']} enrolments of learner history")
    counts.update(history)
    return counts if any(counts.values()) else {}
