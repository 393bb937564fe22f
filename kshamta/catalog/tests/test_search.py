"""Catalogue search: words in either script (every word must match), filters, ranking, what is listed."""

from __future__ import annotations

from typing import Any

from kshamta.catalog import actions
from kshamta.catalog.models import Course, Provider
from kshamta.catalog.search import CourseQuery, human_duration, search_courses, tokenise
from kshamta.catalog.testing import make_competency
from kshamta.core.testing import CastTestCase


def build_course(
    code: str,
    *,
    provider: Provider,
    title_en: str = "",
    title_hi: str = "",
    summary_en: str = "",
    summary_hi: str = "",
    languages: str = "hi,en",
    duration_minutes: int = 60,
    level: str = "beginner",
    tags: str = "",
    kinds: tuple[str, ...] = ("video",),
    competencies: dict[str, int] | None = None,
    publish: bool = True,
    acting_user: Any = None,
) -> Course:
    """A course made with the real catalogue actions, with one module holding one resource per kind."""
    version = actions.do_create_course(
        code=code,
        provider=provider,
        acting_user=acting_user,
        title_en=title_en,
        title_hi=title_hi,
        summary_en=summary_en,
        summary_hi=summary_hi,
        languages=languages,
        duration_minutes=duration_minutes,
        level=level,
        tags=tags,
    )
    levels = {make_competency(c): level for c, level in (competencies or {}).items()}
    actions.do_set_competencies(version, levels, acting_user=acting_user)
    module = actions.do_add_module(version, title_en="Module 1", title_hi="मॉड्यूल 1", acting_user=acting_user)
    for kind in kinds:
        fields: dict[str, Any] = {"title_en": f"{kind} part", "title_hi": f"{kind} भाग"}
        if kind in ("video", "audio"):
            fields.update(duration_seconds=600, url="https://example.org/media.mp4")
        elif kind == "link":
            fields["url"] = "https://example.org/"
        elif kind == "text":
            fields["body_html"] = "<p>Secret reading text.</p>"
        elif kind == "pdf":
            fields["page_count"] = 12
        actions.do_add_resource(module, kind=kind, acting_user=acting_user, **fields)
    if publish:
        actions.do_publish(version, acting_user=acting_user)
    return Course.objects.get(pk=version.course_id)


class CatalogueFixtures:
    """What ``build_catalogue`` sets on a test class."""

    ati: Provider
    nic: Provider
    rti: Course
    finance: Course
    posh: Course
    panchayat: Course
    draft: Course
    retired: Course


def build_catalogue(target: Any) -> None:
    """Six courses of two providers: four listed, one draft, one retired."""
    t = target
    t.ati, _ = actions.do_save_provider(
        code="MP-ATI",
        name_en="RCVP Noronha Academy",
        name_hi="आरसीवीपी नरोन्हा प्रशासन अकादमी",
        org=t.dept_a,
        acting_user=None,
    )
    t.nic, _ = actions.do_save_provider(code="NIC", name_en="National Informatics Centre", acting_user=None)
    t.rti = build_course(
        "RTI-101",
        provider=t.ati,
        title_en="Right to Information",
        title_hi="सूचना का अधिकार",
        summary_en="How to file and answer applications under the RTI Act, 2005.",
        summary_hi="आरटीआई अधिनियम, 2005 के अंतर्गत आवेदन करना और उत्तर देना।",
        duration_minutes=60,
        kinds=("video", "pdf"),
        competencies={"RTI": 2},
        tags="transparency, law",
    )
    t.finance = build_course(
        "FIN-201",
        provider=t.nic,
        title_en="Financial management",
        title_hi="वित्तीय प्रबंधन",
        summary_en="Budgets, accounts and the management information systems of a department.",
        languages="en",
        duration_minutes=600,
        level="intermediate",
        kinds=("text",),
        competencies={"FIN": 3},
    )
    t.posh = build_course(
        "POSH-01",
        provider=t.ati,
        title_en="Prevention of sexual harassment at the workplace",
        title_hi="कार्यस्थल पर यौन उत्पीड़न की रोकथाम",
        languages="hi",
        duration_minutes=20,
        kinds=("audio",),
    )
    t.panchayat = build_course(
        "PR-01",
        provider=t.ati,
        title_hi="पंचायती राज व्यवस्था",
        summary_hi="ग्राम पंचायत के कार्य और अधिकार।",
        languages="hi",
        duration_minutes=180,
        kinds=("link", "assessment"),
    )
    t.draft = build_course("DRAFT-1", provider=t.ati, title_en="Information draft", publish=False)
    t.retired = build_course("OLD-1", provider=t.ati, title_en="Old information course")
    actions.do_retire(t.retired, acting_user=t.state_admin)


def codes(query: CourseQuery) -> list[str]:
    return [course.code for course in search_courses(query)]


class TokeniseTests(CastTestCase):
    def test_splits_on_spaces_and_punctuation_and_folds_case(self) -> None:
        self.assertEqual(tokenise("  Right-to-INFORMATION, Act!  "), ["right", "to", "information", "act"])

    def test_devanagari_words_stay_whole(self) -> None:
        # Vowel signs and the virama are combining marks, not word breaks; the danda is a break.
        self.assertEqual(tokenise("सूचना का अधिकार। प्रशिक्षण"), ["सूचना", "का", "अधिकार", "प्रशिक्षण"])

    def test_nfd_input_is_composed_and_duplicates_dropped(self) -> None:
        self.assertEqual(tokenise("Cafe\u0301 café"), ["café"])

    def test_stray_zero_width_characters_are_dropped_but_joiners_inside_hindi_kept(self) -> None:
        self.assertEqual(tokenise("in\u200bformation"), ["information"])
        self.assertEqual(tokenise("क्\u200dष"), ["क्\u200dष"])

    def test_empty_and_punctuation_only(self) -> None:
        self.assertEqual(tokenise(""), [])
        self.assertEqual(tokenise(" !!! — "), [])


class SearchTests(CatalogueFixtures, CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)

    def test_empty_query_lists_only_published_not_retired_courses(self) -> None:
        self.assertEqual(set(codes(CourseQuery())), {"RTI-101", "FIN-201", "POSH-01", "PR-01"})

    def test_english_word_matches_titles_before_summaries_and_hides_draft_and_retired(self) -> None:
        # "information" is in RTI-101's title and only in FIN-201's summary; the draft and the
        # retired course have it in their titles but are not listed.
        self.assertEqual(codes(CourseQuery(q="information")), ["RTI-101", "FIN-201"])

    def test_hindi_word_finds_hindi_courses(self) -> None:
        self.assertEqual(codes(CourseQuery(q="सूचना")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(q="पंचायत")), ["PR-01"])  # a course with a Hindi title only

    def test_mixed_scripts_every_word_must_match(self) -> None:
        self.assertEqual(codes(CourseQuery(q="सूचना right")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(q="information harassment")), [])
        self.assertEqual(codes(CourseQuery(q="prevention workplace")), ["POSH-01"])

    def test_case_and_normalisation_do_not_matter(self) -> None:
        self.assertEqual(codes(CourseQuery(q="RIGHT TO information")), ["RTI-101"])

    def test_matches_tags_provider_and_competency_names(self) -> None:
        self.assertEqual(codes(CourseQuery(q="transparency")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(q="informatics")), ["FIN-201"])  # the provider's name
        self.assertEqual(codes(CourseQuery(q="FIN handling")), ["FIN-201"])  # the competency's name

    def test_competency_filter(self) -> None:
        self.assertEqual(codes(CourseQuery(competency="RTI")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(competency="FIN")), ["FIN-201"])
        self.assertEqual(codes(CourseQuery(competency="NOPE")), [])

    def test_provider_filter(self) -> None:
        self.assertEqual(codes(CourseQuery(provider="NIC")), ["FIN-201"])
        self.assertEqual(set(codes(CourseQuery(provider="mp-ati"))), {"RTI-101", "POSH-01", "PR-01"})

    def test_language_filter(self) -> None:
        self.assertEqual(set(codes(CourseQuery(language="hi"))), {"RTI-101", "POSH-01", "PR-01"})
        self.assertEqual(set(codes(CourseQuery(language="en"))), {"RTI-101", "FIN-201"})

    def test_duration_bands(self) -> None:
        self.assertEqual(codes(CourseQuery(duration="30m")), ["POSH-01"])
        self.assertEqual(codes(CourseQuery(duration="2h")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(duration="1d")), ["PR-01"])
        self.assertEqual(codes(CourseQuery(duration="long")), ["FIN-201"])

    def test_resource_type_filter(self) -> None:
        self.assertEqual(codes(CourseQuery(kind="video")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(kind="text")), ["FIN-201"])
        self.assertEqual(codes(CourseQuery(kind="assessment")), ["PR-01"])

    def test_level_filter(self) -> None:
        self.assertEqual(codes(CourseQuery(level="intermediate")), ["FIN-201"])

    def test_filters_combine_with_words(self) -> None:
        self.assertEqual(codes(CourseQuery(q="information", language="hi")), ["RTI-101"])
        self.assertEqual(codes(CourseQuery(q="information", provider="MP-ATI", duration="long")), [])

    def test_unknown_filter_values_are_ignored(self) -> None:
        query = CourseQuery.from_mapping({"language": "fr", "duration": "forever", "kind": "vr", "level": "guru"})
        self.assertTrue(query.is_empty)
        self.assertEqual(len(codes(query)), 4)

    def test_better_rated_course_first_among_equal_title_matches(self) -> None:
        Course.objects.filter(pk=self.posh.pk).update(rating_sum=9, rating_count=2)  # 4.5
        Course.objects.filter(pk=self.panchayat.pk).update(rating_sum=5, rating_count=1)  # 5.0
        self.assertEqual(codes(CourseQuery(provider="MP-ATI"))[:2], ["PR-01", "POSH-01"])

    def test_a_new_published_version_is_what_search_sees(self) -> None:
        version = actions.do_new_version(self.posh, acting_user=self.state_admin)
        actions.do_update_version(version, acting_user=self.state_admin, title_en="Safe workplaces for women")
        actions.do_publish(version, acting_user=self.state_admin)
        self.assertEqual(codes(CourseQuery(q="safe workplaces")), ["POSH-01"])
        self.assertEqual(codes(CourseQuery(q="harassment prevention")), [])

    def test_page_and_count_are_two_queries(self) -> None:
        from django.core.paginator import Paginator

        with self.assertNumQueries(2):
            page = Paginator(search_courses(CourseQuery(q="information", language="en")), 20).get_page(1)
            titles = [course.provider.code for course in page.object_list]
        self.assertEqual(titles, ["MP-ATI", "NIC"])


class HumanDurationTests(CastTestCase):
    def test_units(self) -> None:
        self.assertEqual(human_duration(7), "7 minutes")
        self.assertEqual(human_duration(1), "1 minute")
        self.assertEqual(human_duration(60), "1 hour")
        self.assertEqual(human_duration(90), "1 hour 30 minutes")
        self.assertEqual(human_duration(24 * 60), "1 day")
        self.assertEqual(human_duration(90 * 24 * 60), "90 days")
        self.assertEqual(human_duration(2 * 24 * 60 + 180), "2 days 3 hours")
