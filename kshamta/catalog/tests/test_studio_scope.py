"""Who sees what in the studio: content roles act on the courses of providers in their subtree;
everyone else gets a 404 on every page about a course, and anonymous visitors go to sign-in."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.catalog import access, actions
from kshamta.catalog.models import CourseVersion, Resource
from kshamta.catalog.tests.studio_cast import StudioTestCase, pdf_bytes, upload


class StudioScopeTests(StudioTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.version = self.draft()
        self.module = self.version.modules.get()
        self.resource = actions.do_add_resource(
            self.module, kind="pdf", acting_user=self.creator_a, title_en="Act", file=upload("act.pdf", pdf_bytes())
        )
        self.course = self.version.course

    def course_urls(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Every studio URL about provider_a's course, with its method and a plausible body."""
        v, m, r, c = self.version.pk, self.module.pk, self.resource.pk, self.course.pk
        return [
            ("get", reverse("studio:course", args=[c]), {}),
            ("post", reverse("studio:retire", args=[c]), {}),
            ("post", reverse("studio:new_version", args=[c]), {}),
            ("get", reverse("studio:version", args=[v]), {}),
            ("get", reverse("studio:version_edit", args=[v]), {}),
            ("post", reverse("studio:version_edit", args=[v]), {"title_en": "Mine now"}),
            ("get", reverse("studio:thumbnail", args=[v]), {}),
            ("get", reverse("studio:module_new", args=[v]), {}),
            ("post", reverse("studio:module_new", args=[v]), {"title_en": "Intruder"}),
            ("post", reverse("studio:submit", args=[v]), {}),
            ("post", reverse("studio:approve", args=[v]), {}),
            ("post", reverse("studio:reject", args=[v]), {"comment": "No"}),
            ("post", reverse("studio:publish", args=[v]), {}),
            ("post", reverse("studio:comment", args=[v]), {"text": "Hello"}),
            ("get", reverse("studio:module_edit", args=[m]), {}),
            ("post", reverse("studio:module_edit", args=[m]), {"title_en": "Renamed"}),
            ("post", reverse("studio:module_delete", args=[m]), {}),
            ("post", reverse("studio:module_move", args=[m]), {"direction": "up"}),
            ("get", reverse("studio:resource_new", args=[m, "link"]), {}),
            ("post", reverse("studio:resource_new", args=[m, "link"]), {"title_en": "X", "url": "https://x.in/"}),
            ("get", reverse("studio:resource_edit", args=[r]), {}),
            ("post", reverse("studio:resource_edit", args=[r]), {"title_en": "Renamed"}),
            ("post", reverse("studio:resource_delete", args=[r]), {}),
            ("post", reverse("studio:resource_move", args=[r]), {"direction": "up"}),
            ("get", reverse("studio:resource_file", args=[r]), {}),
        ]

    def assertUnchanged(self) -> None:
        self.version.refresh_from_db()
        self.assertEqual((self.version.status, self.version.title_en), (CourseVersion.Status.DRAFT, "Land records"))
        self.assertEqual([m.title_en for m in self.version.modules.all()], ["Basics"])
        self.assertEqual(Resource.objects.filter(module=self.module).count(), 3)
        self.assertFalse(self.version.comments.exists())

    def test_outsider_gets_404_on_every_page_about_the_course(self) -> None:
        # The outsider is a content creator, but of the Health department's provider.
        for method, url, data in self.course_urls():
            with self.subTest(url=url, method=method):
                self.assertNotFoundFor(self.outsider, url, method, data)
        self.assertUnchanged()

    def test_people_without_a_content_role_get_404_everywhere(self) -> None:
        pages: list[tuple[str, str, dict[str, Any]]] = [
            ("get", reverse(name), {}) for name in ("studio:home", "studio:courses", "studio:course_new")
        ]
        for user in (self.learner_a, self.nodal_a):
            for method, url, data in pages + self.course_urls():
                with self.subTest(user=str(user), url=url, method=method):
                    self.assertNotFoundFor(user, url, method, data)
        self.assertUnchanged()

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        pages: list[tuple[str, str, dict[str, Any]]] = [
            ("get", reverse(name), {})
            for name in (
                "studio:home",
                "studio:courses",
                "studio:course_new",
                "studio:providers",
                "studio:provider_new",
            )
        ]
        pages.append(("get", reverse("studio:provider_edit", args=[self.provider_a.pk]), {}))
        for method, url, _data in pages + self.course_urls():
            with self.subTest(url=url, method=method):
                self.assertSignInRedirect(url, method)
        self.assertUnchanged()

    def test_roles_see_only_their_subtree(self) -> None:
        other = self.draft("HLT-101", by=self.outsider, provider=self.provider_b)
        self.assertEqual(list(access.studio_courses(self.creator_a)), [self.course])
        self.assertEqual(list(access.studio_courses(self.outsider)), [other.course])
        self.assertEqual(set(access.studio_courses(self.state_admin)), {self.course, other.course})
        self.assertEqual(list(access.studio_courses(self.learner_a)), [])
        self.assertEqual(access.access_version_by_id(self.reviewer_a, self.version.pk), self.version)
        with self.assertRaises(Http404):
            access.access_version_by_id(self.outsider, self.version.pk)
        with self.assertRaises(Http404):
            access.access_version_by_id(self.reviewer_a, self.version.pk, for_role=Role.CONTENT_CREATOR)
        self.assertEqual(
            access.access_version_by_id(self.state_admin, self.version.pk, for_role=Role.PUBLISHER), self.version
        )
        self.assertEqual(list(access.authoring_providers(self.creator_a)), [self.provider_a])
        self.assertEqual(list(access.authoring_providers(self.reviewer_a)), [])

    def test_a_role_at_a_district_does_not_reach_the_department_provider(self) -> None:
        account_actions.do_grant_role(
            user=self.learner_a, role=Role.CONTENT_CREATOR, org=self.district_a, acting_user=None
        )
        self.assertFalse(access.can_author(self.learner_a, self.course))
        self.assertNotFoundFor(self.learner_a, reverse("studio:version", args=[self.version.pk]))

    def test_a_provider_without_organisation_belongs_to_the_top(self) -> None:
        national, _ = actions.do_save_provider(code="NATIONAL", name_en="National academy", acting_user=None)
        course = actions.do_create_course(code="NAT-1", provider=national, acting_user=None, title_en="Ethics").course
        self.assertTrue(access.can_author(self.state_admin, course))
        self.assertFalse(access.can_author(self.creator_a, course))
        self.assertIn(national, access.authoring_providers(self.state_admin))
        self.assertNotIn(national, access.authoring_providers(self.creator_a))

    def test_self_review_rules(self) -> None:
        actions.do_submit_for_review(self.version, acting_user=self.creator_a)
        self.assertTrue(access.can_review(self.reviewer_a, self.version))
        self.assertTrue(access.can_review(self.state_admin, self.version))
        self.assertFalse(access.can_review(self.creator_a, self.version))
        self.assertFalse(access.can_review(self.publisher_a, self.version))
        mine = self.draft("ADM-1", by=self.state_admin)
        actions.do_submit_for_review(mine, acting_user=self.state_admin)
        self.assertFalse(access.can_review(self.state_admin, mine))
        self.assertFalse(access.can_publish(self.state_admin, mine))
        self.assertTrue(access.can_publish(self.publisher_a, mine))
