"""Studio pages: the home queues, the course list, the version page and the buttons each role sees."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kshamta.catalog import actions
from kshamta.catalog.models import CourseVersion
from kshamta.catalog.tests.studio_cast import StudioTestCase


class StudioHomeTests(StudioTestCase):
    url = reverse("studio:home")

    def test_queues_of_each_role(self) -> None:
        mine = self.draft("REV-201")
        waiting_review = self.draft("REV-202")
        actions.do_submit_for_review(waiting_review, acting_user=self.creator_a)
        waiting_publish = self.draft("REV-203")
        actions.do_submit_for_review(waiting_publish, acting_user=self.creator_a)
        actions.do_approve_review(waiting_publish, acting_user=self.reviewer_a)
        live = self.published("REV-204")
        self.draft("HLT-201", by=self.outsider, provider=self.provider_b)

        self.client.force_login(self.creator_a)
        response = self.client.get(self.url)
        self.assertEqual([v.pk for v in response.context["mine"]], [waiting_publish.pk, waiting_review.pk, mine.pk])
        self.assertContains(response, "My drafts")
        self.assertNotContains(response, "Waiting for my review")
        self.assertContains(response, reverse("studio:course_new"))

        self.client.force_login(self.reviewer_a)
        response = self.client.get(self.url)
        self.assertEqual(list(response.context["review_queue"]), [waiting_review])
        self.assertNotContains(response, "My drafts")
        self.assertNotContains(response, reverse("studio:course_new"))

        self.client.force_login(self.publisher_a)
        response = self.client.get(self.url)
        self.assertEqual(list(response.context["publish_queue"]), [waiting_publish])
        self.assertEqual(list(response.context["recent"]), [live])
        self.assertContains(response, "REV-204")

        self.client.force_login(self.outsider)
        response = self.client.get(self.url)
        self.assertNotContains(response, "REV-20")
        self.assertContains(response, "HLT-201")

    def test_own_submissions_are_not_in_ones_review_queue(self) -> None:
        mine = self.draft("ADM-301", by=self.state_admin)
        actions.do_submit_for_review(mine, acting_user=self.state_admin)
        theirs = self.draft("REV-301")
        actions.do_submit_for_review(theirs, acting_user=self.creator_a)
        self.client.force_login(self.state_admin)
        response = self.client.get(self.url)
        self.assertEqual(list(response.context["review_queue"]), [theirs])
        self.assertEqual(list(response.context["mine"]), [mine])

    def test_query_count_is_flat(self) -> None:
        self.draft("REV-401")
        self.client.force_login(self.state_admin)
        with CaptureQueriesContext(connection) as first:
            self.client.get(self.url)
        for n in range(5):
            version = self.draft(f"REV-41{n}", by=self.state_admin if n % 2 else self.creator_a)
            actions.do_submit_for_review(version, acting_user=self.state_admin if n % 2 else self.creator_a)
            if n % 2 == 0:
                actions.do_approve_review(version, acting_user=self.reviewer_a)
        self.published("REV-420")
        with self.assertNumQueries(len(first)):
            response = self.client.get(self.url)
        self.assertEqual(len(response.context["recent"]), 1)


class CourseListTests(StudioTestCase):
    url = reverse("studio:courses")

    def test_lists_latest_versions_in_scope_and_searches(self) -> None:
        live = self.published("REV-501")
        second = actions.do_new_version(live.course, acting_user=self.creator_a)
        actions.do_update_version(second, acting_user=self.creator_a, title_en="Land records, revised")
        self.draft("REV-502")
        self.draft("HLT-501", by=self.outsider, provider=self.provider_b)
        self.client.force_login(self.reviewer_a)
        response = self.client.get(self.url)
        rows = list(response.context["page"].object_list)
        self.assertEqual([(v.course.code, v.number) for v in rows], [("REV-501", 2), ("REV-502", 1)])
        self.assertNotContains(response, "HLT-501")
        response = self.client.get(self.url, {"q": "revised"})
        self.assertEqual([v.course.code for v in response.context["page"].object_list], ["REV-501"])
        response = self.client.get(self.url, {"q": "भू-अभिलेख"})
        self.assertEqual(len(response.context["page"].object_list), 2)

    def test_query_count_is_flat(self) -> None:
        self.draft("REV-601")
        self.client.force_login(self.creator_a)
        with CaptureQueriesContext(connection) as first:
            self.client.get(self.url)
        for n in range(6):
            self.draft(f"REV-61{n}")
        with self.assertNumQueries(len(first)):
            response = self.client.get(self.url)
        self.assertEqual(response.context["page"].paginator.count, 7)


class VersionPageTests(StudioTestCase):
    def url(self, version: CourseVersion) -> str:
        return reverse("studio:version", args=[version.pk])

    def buttons(self, version: CourseVersion, user: object) -> set[str]:
        self.client.force_login(user)  # type: ignore[arg-type]
        response = self.client.get(self.url(version))
        self.assertEqual(response.status_code, 200)
        names = ("submit", "approve", "reject", "publish")
        found = {name for name in names if reverse(f"studio:{name}", args=[version.pk]) in response.content.decode()}
        course = version.course
        for name in ("retire", "new_version"):
            if reverse(f"studio:{name}", args=[course.pk]) in response.content.decode():
                found.add(name)
        if reverse("studio:version_edit", args=[version.pk]) in response.content.decode():
            found.add("edit")
        return found

    def test_each_role_sees_only_the_steps_it_may_take(self) -> None:
        version = self.draft()
        self.assertEqual(self.buttons(version, self.creator_a), {"submit", "edit"})
        self.assertEqual(self.buttons(version, self.reviewer_a), set())
        self.assertEqual(self.buttons(version, self.publisher_a), set())
        actions.do_submit_for_review(version, acting_user=self.creator_a)
        self.assertEqual(self.buttons(version, self.creator_a), set())
        self.assertEqual(self.buttons(version, self.reviewer_a), {"approve", "reject"})
        self.assertEqual(self.buttons(version, self.state_admin), {"approve", "reject"})
        actions.do_approve_review(version, acting_user=self.reviewer_a)
        self.assertEqual(self.buttons(version, self.reviewer_a), {"reject"})
        self.assertEqual(self.buttons(version, self.publisher_a), {"publish", "reject"})
        actions.do_publish_reviewed(version, acting_user=self.publisher_a)
        self.assertEqual(self.buttons(version, self.publisher_a), {"retire"})
        self.assertEqual(self.buttons(version, self.creator_a), {"new_version"})
        self.assertEqual(self.buttons(version, self.state_admin), {"retire", "new_version"})

    def test_own_work_shows_a_notice_instead_of_the_buttons(self) -> None:
        version = self.draft(by=self.state_admin)
        actions.do_submit_for_review(version, acting_user=self.state_admin)
        self.assertEqual(self.buttons(version, self.state_admin), set())
        self.assertContains(self.client.get(self.url(version)), "someone else must review and publish it")

    def test_page_shows_content_comments_history_and_problems(self) -> None:
        live = self.published()
        actions.do_comment(live, acting_user=self.reviewer_a, text="Looks good to me.")
        second = actions.do_new_version(live.course, acting_user=self.creator_a)
        module = second.modules.get()
        actions.do_add_resource(module, kind="video", acting_user=self.creator_a, title_en="Lecture")
        self.client.force_login(self.creator_a)
        response = self.client.get(self.url(second))
        self.assertContains(response, "भू-अभिलेख")
        self.assertContains(response, "1 hour 30 minutes")
        self.assertContains(response, "RTI handling (RTI) — level 2")
        self.assertContains(response, "<p>A khasra lists plots.</p>", html=True)
        self.assertContains(response, "“Lecture” has no file or address.")
        self.assertContains(response, "Learners see version 1.")
        self.assertEqual([v.number for v in response.context["history"]], [2, 1])
        self.assertContains(response, reverse("studio:resource_new", args=[module.pk, "pdf"]))
        response = self.client.get(self.url(live))
        self.assertContains(response, "Looks good to me.")
        self.assertNotContains(response, reverse("studio:resource_new", args=[module.pk, "pdf"]))

    def test_assessment_authoring_is_linked(self) -> None:
        from kshamta.assessments.actions import do_create_assessment

        version = self.draft()
        quiz = do_create_assessment(version, acting_user=self.creator_a, title_en="Final quiz", is_final=True)
        self.client.force_login(self.creator_a)
        response = self.client.get(self.url(version))
        self.assertContains(response, reverse("assessments:manage_new", args=[version.pk]))
        self.assertContains(response, f'<a href="{reverse("assessments:manage", args=[quiz.pk])}">Final quiz</a>')
        self.assertContains(response, "(final assessment)")
        # Reviewers see the assessments but are not offered to create one.
        self.client.force_login(self.reviewer_a)
        response = self.client.get(self.url(version))
        self.assertContains(response, "Final quiz")
        self.assertNotContains(response, reverse("assessments:manage_new", args=[version.pk]))

    def test_query_count_is_flat(self) -> None:
        version = self.draft()
        self.client.force_login(self.creator_a)
        with CaptureQueriesContext(connection) as first:
            self.client.get(self.url(version))
        for n in range(3):
            module = actions.do_add_module(version, title_en=f"Module {n}", acting_user=self.creator_a)
            for kind in ("link", "text"):
                fields = {"url": "https://x.in/"} if kind == "link" else {"body_html": "<p>x</p>"}
                actions.do_add_resource(module, kind=kind, acting_user=self.creator_a, title_en=kind, **fields)
            actions.do_comment(version, acting_user=self.reviewer_a, text=f"Comment {n}")
        with self.assertNumQueries(len(first)):
            self.client.get(self.url(version))
