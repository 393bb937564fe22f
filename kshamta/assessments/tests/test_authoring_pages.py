"""The authoring pages under /assessments/manage/: a form per kind, only for the provider's content creators."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.assessments import actions
from kshamta.assessments.models import Assessment, Question, Section
from kshamta.assessments.tests.helpers import AssessmentTestCase, add_every_kind, draft_version
from kshamta.catalog.testing import make_course, make_provider

Kind = Question.Kind


class AuthoringPageTests(AssessmentTestCase):
    def setUp(self) -> None:
        provider = make_provider("ATI-REV", org=self.dept_a)
        self.draft = draft_version(make_course("LAND-201", provider=provider, resources=("assessment",), publish=False))
        self.quiz = actions.do_create_assessment(self.draft, acting_user=self.author, title_en="Land quiz")
        self.part = actions.do_add_section(self.quiz, title_en="Part A", acting_user=self.author)

    def post_question(self, kind: str, data: dict[str, object]) -> Question:
        url = reverse("assessments:manage_question_new", args=[self.part.pk, kind])
        response = self.client_for(self.author).post(url, {"text_en": f"A {kind} question", "points": 2, **data})
        self.assertRedirects(response, reverse("assessments:manage", args=[self.quiz.pk]))
        return self.part.questions.order_by("-id").first()  # type: ignore[return-value]

    def test_create_an_assessment_for_a_draft(self) -> None:
        client = self.client_for(self.author)
        url = reverse("assessments:manage_new", args=[self.draft.pk])
        self.assertContains(client.get(url), "Land quiz")
        response = client.post(
            url, {"title_en": "Second quiz", "title_hi": "दूसरी प्रश्नोत्तरी", "pass_percent": 50, "max_attempts": 2}
        )
        created = Assessment.objects.get(title_en="Second quiz")
        self.assertRedirects(response, reverse("assessments:manage", args=[created.pk]))
        self.assertEqual((created.pass_percent, created.max_attempts, created.time_limit_minutes), (50, 2, None))
        response = client.post(url, {"title_en": "", "title_hi": "", "pass_percent": 150})
        self.assertEqual(response.status_code, 400)

    def test_edit_settings_and_add_a_section(self) -> None:
        client = self.client_for(self.author)
        url = reverse("assessments:manage", args=[self.quiz.pk])
        response = client.post(url, {"title_en": "Land quiz", "pass_percent": 75, "time_limit_minutes": 15})
        self.assertRedirects(response, url)
        self.quiz.refresh_from_db()
        self.assertEqual((self.quiz.pass_percent, self.quiz.time_limit_minutes, self.quiz.max_attempts), (75, 15, None))
        response = client.post(
            reverse("assessments:manage_section_new", args=[self.quiz.pk]),
            {"section-title_en": "Part B", "section-draw_count": 2},
        )
        self.assertRedirects(response, url)
        self.assertEqual(Section.objects.get(assessment=self.quiz, title_en="Part B").draw_count, 2)
        page = client.get(url)
        self.assertContains(page, "Part B")
        for kind in Kind.values:
            self.assertContains(page, reverse("assessments:manage_question_new", args=[self.part.pk, kind]))

    def test_a_form_per_kind_makes_a_valid_question(self) -> None:
        single = self.post_question(
            Kind.SINGLE, {"option_1_en": "Khasra", "option_2_en": "Payslip", "option_3_hi": "खतौनी", "correct": 3}
        )
        self.assertEqual([o["id"] for o in single.choices["options"]], ["a", "b", "c"])
        self.assertEqual((single.answer, single.points), ("c", 2))
        multiple = self.post_question(
            Kind.MULTIPLE,
            {
                "option_1_en": "A",
                "option_2_en": "B",
                "option_4_en": "D",
                "option_1_correct": "on",
                "option_4_correct": "on",
            },
        )
        self.assertEqual(multiple.answer, ["a", "c"])  # the empty third row is left out
        true_false = self.post_question(Kind.TRUE_FALSE, {"correct": "false"})
        self.assertIs(true_false.answer, False)
        fill = self.post_question(Kind.FILL_BLANK, {"accepted": "कानूनगो\n\nQanungo\n"})
        self.assertEqual(fill.answer, ["कानूनगो", "Qanungo"])
        match = self.post_question(
            Kind.MATCH,
            {
                "left_1_en": "Patwari",
                "right_1_en": "Halka",
                "left_2_en": "Tehsildar",
                "right_2_en": "Tehsil",
                "right_3_hi": "ज़िला",
            },
        )
        self.assertEqual([i["id"] for i in match.choices["left"]], ["l1", "l2"])
        self.assertEqual(len(match.choices["right"]), 3)
        rights = {r["id"]: r["en"] or r["hi"] for r in match.choices["right"]}
        self.assertEqual({left: rights[right] for left, right in match.answer.items()}, {"l1": "Halka", "l2": "Tehsil"})
        # Right-hand ids say nothing about the pairs.
        for left, right in match.answer.items():
            self.assertNotEqual(right, "r" + left[1:])
        for item in match.choices["right"]:
            self.assertRegex(item["id"], r"^r[0-9a-f]{6}$")

    def test_a_form_that_breaks_the_rules_says_why(self) -> None:
        url = reverse("assessments:manage_question_new", args=[self.part.pk, Kind.SINGLE])
        response = self.client_for(self.author).post(
            url, {"text_en": "Q", "points": 1, "option_1_en": "Only", "correct": 1}
        )
        self.assertContains(response, "at least 2 are needed", status_code=400)
        url = reverse("assessments:manage_question_new", args=[self.part.pk, Kind.MATCH])
        response = self.client_for(self.author).post(
            url, {"text_en": "Q", "points": 1, "left_1_en": "A", "right_1_en": "1", "left_2_en": "B", "right_3_en": "3"}
        )
        self.assertContains(response, "Match every item on the left", status_code=400)
        self.assertFalse(self.part.questions.exists())

    def test_edit_shows_the_question_and_saves_changes(self) -> None:
        questions = add_every_kind(self.part, acting_user=self.author)
        client = self.client_for(self.author)
        for kind, question in questions.items():
            with self.subTest(kind=kind):
                page = client.get(reverse("assessments:manage_question", args=[question.pk]))
                self.assertContains(page, question.text_en)
        match = questions[Kind.MATCH]
        body = client.get(reverse("assessments:manage_question", args=[match.pk])).content.decode()
        self.assertIn('value="Halka"', body)
        url = reverse("assessments:manage_question", args=[questions[Kind.FILL_BLANK].pk])
        response = client.post(
            url, {"text_en": "Who supervises Patwaris?", "points": 3, "accepted": "RI\nRevenue Inspector"}
        )
        self.assertRedirects(response, reverse("assessments:manage", args=[self.quiz.pk]))
        fill = Question.objects.get(pk=questions[Kind.FILL_BLANK].pk)
        self.assertEqual(
            (fill.text_en, fill.points, fill.answer), ("Who supervises Patwaris?", 3, ["RI", "Revenue Inspector"])
        )

    def test_delete_question_and_section(self) -> None:
        question = add_every_kind(self.part)[Kind.SINGLE]
        client = self.client_for(self.author)
        client.post(reverse("assessments:manage_question_delete", args=[question.pk]))
        self.assertFalse(Question.objects.filter(pk=question.pk).exists())
        client.post(reverse("assessments:manage_section_delete", args=[self.part.pk]))
        self.assertFalse(Section.objects.filter(pk=self.part.pk).exists())

    def test_upload_a_question_bank(self) -> None:
        bank = {"questions": [{"kind": "true_false", "text_en": "Patwaris keep the khasra.", "answer": True}]}
        upload = SimpleUploadedFile("bank.json", json.dumps(bank).encode(), content_type="application/json")
        response = self.client_for(self.author).post(
            reverse("assessments:manage_section_import", args=[self.part.pk]), {"file": upload}
        )
        self.assertRedirects(response, reverse("assessments:manage", args=[self.quiz.pk]))
        self.assertEqual(self.part.questions.get().text_en, "Patwaris keep the khasra.")
        broken = SimpleUploadedFile("bank.json", b"[{", content_type="application/json")
        response = self.client_for(self.author).post(
            reverse("assessments:manage_section_import", args=[self.part.pk]), {"file": broken}
        )
        self.assertContains(response, "not JSON", status_code=400)

    def test_a_state_admin_may_author(self) -> None:
        response = self.client_for(self.state_admin).get(reverse("assessments:manage", args=[self.quiz.pk]))
        self.assertEqual(response.status_code, 200)

    def test_outsiders_get_404_everywhere(self) -> None:
        question = add_every_kind(self.part)[Kind.SINGLE]
        other_creator = self.learner_b
        account_actions.do_grant_role(
            user=other_creator, role=Role.CONTENT_CREATOR, org=self.dept_b, acting_user=self.state_admin
        )
        gets = [
            reverse("assessments:manage_new", args=[self.draft.pk]),
            reverse("assessments:manage", args=[self.quiz.pk]),
            reverse("assessments:manage_section", args=[self.part.pk]),
            reverse("assessments:manage_question_new", args=[self.part.pk, Kind.SINGLE]),
            reverse("assessments:manage_question", args=[question.pk]),
        ]
        posts = [
            *gets,
            reverse("assessments:manage_delete", args=[self.quiz.pk]),
            reverse("assessments:manage_section_new", args=[self.quiz.pk]),
            reverse("assessments:manage_section_delete", args=[self.part.pk]),
            reverse("assessments:manage_section_import", args=[self.part.pk]),
            reverse("assessments:manage_question_delete", args=[question.pk]),
        ]
        for user in (self.outsider, other_creator, self.learner_a):
            client = self.client_for(user)
            for url in gets:
                with self.subTest(user=user.name_en, url=url):
                    self.assertEqual(client.get(url).status_code, 404)
            for url in posts:
                with self.subTest(user=user.name_en, url=url, method="post"):
                    self.assertEqual(client.post(url, {"title_en": "Hacked", "pass_percent": 1}).status_code, 404)
        self.assertTrue(Question.objects.filter(pk=question.pk).exists())
        self.quiz.refresh_from_db()
        self.assertEqual(self.quiz.title_en, "Land quiz")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for url in (
            reverse("assessments:manage_new", args=[self.draft.pk]),
            reverse("assessments:manage", args=[self.quiz.pk]),
            reverse("assessments:manage_section", args=[self.part.pk]),
        ):
            response = self.client_for(None).get(url)
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("accounts:sign_in"), response["Location"])


class PublishedAuthoringPageTests(AssessmentTestCase):
    def test_a_published_assessment_is_shown_read_only_and_changes_are_refused(self) -> None:
        client = self.client_for(self.author)
        url = reverse("assessments:manage", args=[self.assessment.pk])
        page = client.get(url)
        self.assertContains(page, "is not a draft")
        self.assertNotContains(page, reverse("assessments:manage_section_new", args=[self.assessment.pk]))
        response = client.post(url, {"title_en": "Changed", "pass_percent": 10})
        self.assertContains(response, "is not a draft", status_code=400)
        question = self.questions[Kind.SINGLE]
        response = client.post(
            reverse("assessments:manage_question", args=[question.pk]),
            {"text_en": "Changed", "points": 1, "option_1_en": "X", "option_2_en": "Y", "correct": 2},
        )
        self.assertEqual(response.status_code, 400)
        client.post(reverse("assessments:manage_question_delete", args=[question.pk]))
        client.post(reverse("assessments:manage_section_delete", args=[self.section.pk]))
        response = client.post(
            reverse("assessments:manage_new", args=[self.version.pk]), {"title_en": "New", "pass_percent": 50}
        )
        self.assertEqual(response.status_code, 400)
        self.assessment.refresh_from_db()
        question.refresh_from_db()
        self.assertEqual((self.assessment.title_en, self.assessment.pass_percent), ("RTI and land records quiz", 60))
        self.assertEqual((question.text_en[:5], question.answer), ("Which", "a"))
        self.assertTrue(Section.objects.filter(pk=self.section.pk).exists())
        self.assertEqual(Assessment.objects.filter(version=self.version).count(), 1)
