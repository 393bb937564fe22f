"""What the assessment tests share: a published course whose assessment has one question of each kind.

Answers and explanations are strings that appear nowhere else (question texts, options), so a
test can look for them in a page or an API answer and know a leak when it sees one.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.assessments import actions
from kshamta.assessments.models import Assessment, Attempt, Question, Section
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import Course, CourseVersion, Resource
from kshamta.catalog.testing import make_course, make_provider
from kshamta.core.testing import CastTestCase
from kshamta.learning.actions import do_enrol
from kshamta.learning.models import Enrolment

# The fill-in answers: a Hindi word written with the precomposed क़ (U+0958), and an English one.
QANUNGO_HI = "\u0958\u093e\u0928\u0942\u0928\u0917\u094b"  # क़ानूनगो
QANUNGO_EN = "Qanungo"
EXPLANATIONS = {
    Question.Kind.SINGLE: "EXPLAIN-single-7731",
    Question.Kind.MULTIPLE: "EXPLAIN-multiple-7732",
    Question.Kind.TRUE_FALSE: "EXPLAIN-truefalse-7733",
    Question.Kind.FILL_BLANK: "EXPLAIN-fillblank-7734",
    Question.Kind.MATCH: "EXPLAIN-match-7735",
}

SINGLE: dict[str, Any] = {
    "choices": {
        "options": [
            {"id": "a", "en": "Right to Information Act, 2005", "hi": "सूचना का अधिकार अधिनियम, 2005"},
            {"id": "b", "en": "Official Secrets Act, 1923", "hi": "शासकीय गुप्त बात अधिनियम, 1923"},
            {"id": "c", "en": "Indian Evidence Act, 1872", "hi": "भारतीय साक्ष्य अधिनियम, 1872"},
        ]
    },
    "answer": "a",
}
MULTIPLE: dict[str, Any] = {
    "choices": {
        "options": [
            {"id": "a", "en": "Khasra", "hi": "खसरा"},
            {"id": "b", "en": "Payslip", "hi": "वेतन पर्ची"},
            {"id": "c", "en": "Khatauni", "hi": "खतौनी"},
            {"id": "d", "en": "Tender notice", "hi": "निविदा सूचना"},
        ]
    },
    "answer": ["a", "c"],
}
MATCH: dict[str, Any] = {
    "choices": {
        "left": [
            {"id": "l1", "en": "Patwari", "hi": "पटवारी"},
            {"id": "l2", "en": "Tehsildar", "hi": "तहसीलदार"},
            {"id": "l3", "en": "Collector", "hi": "कलेक्टर"},
        ],
        "right": [
            {"id": "r9x", "en": "Tehsil", "hi": "तहसील"},
            {"id": "rk2", "en": "District", "hi": "ज़िला"},
            {"id": "rq7", "en": "Halka", "hi": "हल्का"},
        ],
    },
    "answer": {"l1": "rq7", "l2": "r9x", "l3": "rk2"},
}

# Answers that get every question right, as a learner sends them.
ALL_RIGHT_KEYS: dict[str, Any] = {
    Question.Kind.SINGLE: "a",
    Question.Kind.MULTIPLE: ["a", "c"],
    Question.Kind.TRUE_FALSE: True,
    Question.Kind.FILL_BLANK: QANUNGO_EN,
    Question.Kind.MATCH: {"l1": "rq7", "l2": "r9x", "l3": "rk2"},
}
POINTS = {
    Question.Kind.SINGLE: 1,
    Question.Kind.MULTIPLE: 2,
    Question.Kind.TRUE_FALSE: 1,
    Question.Kind.FILL_BLANK: 1,
    Question.Kind.MATCH: 3,
}


def add_every_kind(section: Section, *, acting_user: Any = None) -> dict[str, Question]:
    """One question of each kind in ``section``; returns them by kind."""
    add = actions.do_add_question
    kinds = Question.Kind
    return {
        kinds.SINGLE: add(
            section,
            kind=kinds.SINGLE,
            text_en="Which law gives citizens the right to ask for government information?",
            text_hi="कौन-सा क़ानून नागरिकों को सरकारी सूचना माँगने का अधिकार देता है?",
            points=POINTS[kinds.SINGLE],
            explanation_en=EXPLANATIONS[kinds.SINGLE],
            acting_user=acting_user,
            **SINGLE,
        ),
        kinds.MULTIPLE: add(
            section,
            kind=kinds.MULTIPLE,
            text_en="Which of these are land records?",
            text_hi="इनमें से कौन-से भू-अभिलेख हैं?",
            points=POINTS[kinds.MULTIPLE],
            explanation_en=EXPLANATIONS[kinds.MULTIPLE],
            acting_user=acting_user,
            **MULTIPLE,
        ),
        kinds.TRUE_FALSE: add(
            section,
            kind=kinds.TRUE_FALSE,
            text_en="A first appeal under the RTI Act lies with an officer senior to the PIO.",
            text_hi="सूचना के अधिकार में प्रथम अपील लोक सूचना अधिकारी से वरिष्ठ अधिकारी के पास होती है।",
            choices={},
            answer=True,
            points=POINTS[kinds.TRUE_FALSE],
            explanation_en=EXPLANATIONS[kinds.TRUE_FALSE],
            acting_user=acting_user,
        ),
        kinds.FILL_BLANK: add(
            section,
            kind=kinds.FILL_BLANK,
            text_en="The revenue official who supervises a group of Patwaris is the ____.",
            text_hi="पटवारियों के समूह की देखरेख करने वाला राजस्व अधिकारी ____ कहलाता है।",
            choices={},
            answer=[QANUNGO_HI, QANUNGO_EN],
            points=POINTS[kinds.FILL_BLANK],
            explanation_en=EXPLANATIONS[kinds.FILL_BLANK],
            acting_user=acting_user,
        ),
        kinds.MATCH: add(
            section,
            kind=kinds.MATCH,
            text_en="Match each officer to the area they are in charge of.",
            text_hi="प्रत्येक अधिकारी को उसके क्षेत्र से मिलाइए।",
            points=POINTS[kinds.MATCH],
            explanation_en=EXPLANATIONS[kinds.MATCH],
            acting_user=acting_user,
            **MATCH,
        ),
    }


def draft_version(course: Course) -> CourseVersion:
    return course.versions.get(status=CourseVersion.Status.DRAFT)


def attach_and_publish(version: CourseVersion, assessment: Assessment) -> Course:
    """Point the course's assessment resource at ``assessment`` and publish the version."""
    Resource.objects.filter(module__version=version, kind=Resource.Kind.ASSESSMENT).update(assessment=assessment)
    return catalog_actions.do_publish(version, acting_user=None)


def enrol(user: Any, course: Course) -> Enrolment:
    return do_enrol(user, course, acting_user=user)


class AssessmentTestCase(CastTestCase):
    """The cast, plus: the provider belongs to dept_a, ``author`` (nodal_a) is its content creator,
    and RTI-101 is published with an assessment (every kind, 8 points, pass mark 60 %, 3 attempts,
    20 minutes) that learner_a and learner_b are enrolled in."""

    author: Any
    course: Course
    version: CourseVersion
    assessment: Assessment
    section: Section
    questions: dict[str, Question]
    enrolment_a: Enrolment
    enrolment_b: Enrolment

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.author = cls.nodal_a
        account_actions.do_grant_role(
            user=cls.author, role=Role.CONTENT_CREATOR, org=cls.dept_a, acting_user=cls.state_admin
        )
        provider = make_provider("ATI-REV", org=cls.dept_a)
        course = make_course(provider=provider, resources=("video", "assessment"), publish=False)
        cls.version = draft_version(course)
        cls.assessment = actions.do_create_assessment(
            cls.version,
            acting_user=cls.author,
            title_en="RTI and land records quiz",
            title_hi="सूचना का अधिकार और भू-अभिलेख प्रश्नोत्तरी",
            instructions_en="Answer every question.",
            pass_percent=60,
            time_limit_minutes=20,
            max_attempts=3,
            is_final=True,
        )
        cls.section = actions.do_add_section(cls.assessment, title_en="Basics", acting_user=cls.author)
        cls.questions = add_every_kind(cls.section, acting_user=cls.author)
        cls.course = attach_and_publish(cls.version, cls.assessment)
        cls.version.refresh_from_db()
        cls.enrolment_a = enrol(cls.learner_a, cls.course)
        cls.enrolment_b = enrol(cls.learner_b, cls.course)

    # --- helpers -------------------------------------------------------------------------

    def start(self, user: Any = None, **kwargs: Any) -> Attempt:
        user = user or self.learner_a
        enrolment = Enrolment.objects.get(user=user, course=self.course)
        return actions.do_start_attempt(self.assessment, user, enrolment, **kwargs)

    def answers(self, **by_kind: Any) -> dict[str, Any]:
        """Answers keyed by question id, given by kind (``fill_blank="..."``)."""
        return {str(self.questions[kind].pk): value for kind, value in by_kind.items()}

    def all_right(self) -> dict[str, Any]:
        return self.answers(**ALL_RIGHT_KEYS)

    def client_for(self, user: Any) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def secrets_in(self, body: str) -> list[str]:
        """Correct answers or explanations that appear in ``body`` (a page or API answer)."""
        import unicodedata

        found = [text for text in EXPLANATIONS.values() if text in body]
        for form in ("NFC", "NFD"):
            hindi = unicodedata.normalize(form, QANUNGO_HI)
            if hindi in body:
                found.append(hindi)
        if QANUNGO_EN.casefold() in body.casefold():
            found.append(QANUNGO_EN)
        if '"answer"' in body or "correct_answer" in body:
            found.append("answer field")
        return found
