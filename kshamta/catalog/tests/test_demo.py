import re
import shutil
import tempfile

from django.apps import apps
from django.core.files.storage import default_storage
from django.test import TestCase, override_settings
from django.utils import timezone
from pypdf import PdfReader

from kshamta.accounts.actions import do_create_person
from kshamta.assessments.models import Assessment, Question
from kshamta.catalog import actions
from kshamta.catalog.demo import DEMO_LEARNER, GENERATED_PREFIX, load_catalog_demo
from kshamta.catalog.demo_content import COURSES
from kshamta.catalog.generate import CatalogueGeneration
from kshamta.catalog.models import Course, CourseVersion, Resource
from kshamta.catalog.search import CourseQuery, search_courses
from kshamta.certificates.models import Certificate
from kshamta.core.testing import CastTestCase
from kshamta.engagement.models import KarmaEntry
from kshamta.learning.models import Enrolment
from kshamta.orgs.actions import do_create_org
from kshamta.orgs.demo import load_demo
from kshamta.orgs.management.commands.seed_demo import catalogue_summary
from kshamta.orgs.models import Organisation

DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_media = tempfile.mkdtemp(prefix="kshamta-demo-test-")


def _row_counts() -> dict[str, int]:
    labels = ("catalog", "assessments", "learning", "certificates", "engagement", "competencies", "core")
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if m._meta.app_label in labels}


def _published(code: str) -> CourseVersion:
    version = Course.objects.get(code=code).published_version
    assert version is not None
    return version


@override_settings(MEDIA_ROOT=_media)
class CatalogDemoTest(TestCase):
    """The demo on a bare state (the demo accounts are the named cast here: the test cast's
    people share their e-mail addresses and mobiles), with a small generated tail, and
    learner history for the demo learner and two other employees."""

    created: dict[str, int]

    @classmethod
    def setUpTestData(cls):
        do_create_org(code="MP", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None,
                             acting_user=None)  # fmt: skip
        load_demo()
        office = Organisation.objects.get(code="MP-REV-BPL")
        for n in (1, 2):
            do_create_person(
                employee_code=f"MPT{n:04d}", name_en=f"Test Employee {n}", name_hi=f"परीक्षण कर्मचारी {n}",
                org=office, designation=None, email=f"employee{n}@mp.gov.in", mobile=f"700000000{n}", acting_user=None,
            )  # fmt: skip
        cls.created = load_catalog_demo(generated=20, learners=2)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(_media, ignore_errors=True)

    def test_what_was_created(self):
        self.assertEqual(self.created["courses"], len(COURSES))
        self.assertEqual((self.created["in_review"], self.created["drafts"]), (1, 1))
        self.assertEqual(self.created["published"], len(COURSES) - 2)
        self.assertEqual(self.created["generated"], 20)
        self.assertGreater(self.created["competencies"], 30)
        # The demo learner's three courses and at least one each for the two other employees.
        self.assertGreaterEqual(self.created["enrolments"], 5)
        self.assertEqual(self.created["certificates"], Certificate.objects.count())
        self.assertGreaterEqual(self.created["certificates"], 1)
        self.assertIn("12 published, 1 in review, 1 draft", catalogue_summary(self.created))

    def test_second_run_creates_nothing(self):
        before = _row_counts()
        self.assertEqual(load_catalog_demo(generated=20, learners=2), {})
        self.assertEqual(_row_counts(), before)
        self.assertEqual(catalogue_summary({}), "The demo catalogue is already loaded; nothing was changed.")

    def test_published_courses_are_bilingual_with_modules_and_competencies(self):
        published = Course.objects.filter(code__in=[c.code for c in COURSES], published_version__isnull=False)
        self.assertEqual(published.count(), len(COURSES) - 2)
        for course in published.select_related("published_version"):
            with self.subTest(course.code):
                self.assertTrue(course.title_en)
                self.assertRegex(course.title_hi, DEVANAGARI)
                self.assertRegex(course.summary_hi, DEVANAGARI)
                version = _published(course.code)
                self.assertGreaterEqual(version.modules.count(), 2)
                self.assertTrue(version.competencies.exists())
                self.assertTrue(course.competency_codes)
                for lesson in Resource.objects.filter(module__version=version, kind=Resource.Kind.TEXT):
                    self.assertIn('lang="hi"', lesson.body_html)
                    self.assertIn('lang="en"', lesson.body_html)
                    self.assertGreater(len(lesson.body_html), 1000)
                    self.assertNotIn("<script", lesson.body_html)

    def test_the_editorial_workflow_left_a_history(self):
        rti = _published("MP-ATI-RTI-2005")
        people = (rti.created_by, rti.reviewed_by, rti.published_by)
        self.assertEqual(
            [getattr(person, "email", None) for person in people],
            ["content.creator@mp.gov.in", "content.reviewer@mp.gov.in", "content.publisher@mp.gov.in"],
        )
        in_review = CourseVersion.objects.get(course__code="MP-ATI-GENDER-BUDGET")
        self.assertEqual(in_review.status, CourseVersion.Status.IN_REVIEW)
        self.assertEqual(CourseVersion.objects.get(course__code="MP-ATI-MENTORING").status, "draft")
        self.assertFalse(Course.objects.get(code="MP-ATI-MENTORING").is_listed)

    def test_video_and_audio_are_stored(self):
        video = Resource.objects.get(module__version__course__code="MP-ATI-RTI-2005", kind=Resource.Kind.VIDEO)
        name = video.file.name or ""
        self.assertTrue(default_storage.exists(name))
        with default_storage.open(name) as handle:
            head = handle.read(12)
        self.assertEqual(head[4:8], b"ftyp")  # an MP4
        self.assertLess(default_storage.size(name), 1_500_000)
        self.assertGreater(video.duration_seconds, 20)
        audio = Resource.objects.get(module__version__course__code="MP-ATI-LSG", kind=Resource.Kind.AUDIO)
        self.assertTrue(default_storage.exists(audio.file.name or ""))

    def test_pdf_readings_are_real_bilingual_pdfs(self):
        readings = Resource.objects.filter(
            kind=Resource.Kind.PDF, module__version__course__code__in=[c.code for c in COURSES]
        )
        self.assertGreaterEqual(readings.count(), 8)
        rti = readings.get(module__version__course__code="MP-ATI-RTI-2005")
        self.assertGreater(rti.page_count, 0)
        with default_storage.open(rti.file.name or "") as handle:
            reader = PdfReader(handle)
            text = "".join(page.extract_text() for page in reader.pages)
        self.assertEqual(len(reader.pages), rti.page_count)
        self.assertIn("Time limits at a glance", text)
        self.assertIn("प्रथम अपील", text)

    def test_assessments_are_attached_and_answerable(self):
        attached = Resource.objects.filter(kind=Resource.Kind.ASSESSMENT, assessment__isnull=False)
        self.assertGreaterEqual(attached.count(), 7)
        final = Assessment.objects.get(version__course__code="MP-ATI-RTI-2005")
        self.assertTrue(final.is_final)
        self.assertEqual(final.sections.count(), 2)
        questions = Question.objects.filter(section__assessment=final)
        self.assertTrue(5 <= questions.count() <= 10)
        self.assertEqual(
            set(questions.values_list("kind", flat=True)), {"single", "multiple", "true_false", "fill_blank", "match"}
        )
        for question in questions:
            self.assertRegex(question.text_hi, DEVANAGARI)
            self.assertTrue(question.text_en)

    def test_the_demo_learner_has_three_courses(self):
        enrolments = {
            e.course.code: e for e in Enrolment.objects.filter(user__email=DEMO_LEARNER).select_related("course")
        }
        self.assertEqual(set(enrolments), {"MP-ATI-POSH", "MP-ATI-RTI-2005", "MP-REV-LANDREC"})
        posh = enrolments["MP-ATI-POSH"]
        self.assertEqual(posh.status, Enrolment.Status.COMPLETED)
        completed_at = posh.completed_at
        assert completed_at is not None
        certificate = Certificate.objects.get(enrolment=posh)
        self.assertEqual(certificate.issued_at, completed_at.replace(microsecond=0))
        self.assertTrue(0 < enrolments["MP-ATI-RTI-2005"].progress_percent < 100)
        self.assertEqual(enrolments["MP-REV-LANDREC"].status, Enrolment.Status.ACTIVE)
        self.assertTrue(KarmaEntry.objects.filter(user__email=DEMO_LEARNER).exists())
        # History is in the past, and the karma ledger says so too.
        self.assertGreater((completed_at - posh.enrolled_at).days, 0)
        first_month = KarmaEntry.objects.filter(user__email=DEMO_LEARNER).order_by("created_at").values("month")[:1]
        self.assertEqual(first_month.get()["month"], timezone.localdate(completed_at).replace(day=1))

    def test_generated_tail_is_listed(self):
        generated = Course.objects.filter(code__startswith=f"{GENERATED_PREFIX}-")
        self.assertEqual(generated.count(), 20)
        self.assertFalse(generated.filter(published_version__isnull=True).exists())


class GenerateCatalogueTest(CastTestCase):
    result: CatalogueGeneration

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from kshamta.catalog.generate import generate_catalogue
        from kshamta.competencies.actions import do_load_default_framework

        do_load_default_framework(acting_user=None)
        cls.result = generate_catalogue(50, seed=7, code_prefix="T")

    def test_fifty_listed_courses_with_the_fields_publishing_sets(self):
        from kshamta.learning.actions import do_enrol

        courses = list(Course.objects.filter(code__startswith="T-").select_related("published_version", "provider"))
        self.assertEqual((self.result.courses, len(courses)), (50, 50))
        for course in courses:
            with self.subTest(course.code):
                version = _published(course.code)
                self.assertTrue(course.is_listed)
                self.assertEqual(version.status, CourseVersion.Status.PUBLISHED)
                self.assertEqual(course.search_text, actions.search_text_for(version))
                kinds = sorted(set(Resource.objects.filter(module__version=version).values_list("kind", flat=True)))
                self.assertEqual(course.resource_kinds, ",".join(kinds))
                codes = list(version.competencies.values_list("competency__code", flat=True))
                self.assertEqual(course.competency_codes, "," + ",".join(codes) + ",")
                for field in ("title_en", "title_hi", "summary_en", "summary_hi", "languages", "duration_minutes"):
                    self.assertEqual(getattr(course, field), getattr(version, field))
                self.assertTrue(7 <= course.duration_minutes <= 90 * 24 * 60)
                self.assertRegex(course.title_hi, DEVANAGARI)
        self.assertEqual(
            do_enrol(self.learner_a, courses[0], acting_user=self.learner_a).version, courses[0].published_version
        )

    def test_a_hindi_word_finds_courses(self):
        hits = list(search_courses(CourseQuery(q="कर्मचारियों")).filter(code__startswith="T-"))
        self.assertTrue(hits)
        self.assertTrue(all("कर्मचारियों" in c.title_hi or "कर्मचारियों" in c.summary_hi for c in hits))

    def test_generating_again_adds_only_what_is_missing(self):
        from kshamta.catalog.generate import generate_catalogue

        again = generate_catalogue(55, seed=7, code_prefix="T")
        self.assertEqual((again.courses, again.skipped), (5, 50))
        self.assertEqual(Course.objects.filter(code__startswith="T-").count(), 55)
        # The same seed gives the n-th course the same title, whatever else exists.
        generate_catalogue(3, seed=7, code_prefix="U")
        self.assertEqual(Course.objects.get(code="U-00003").title_en, Course.objects.get(code="T-00003").title_en)
