"""Designation profile pages: the list, a profile, the editor (with and without htmx) and the copy page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kshamta.accounts.models import User
from kshamta.competencies import actions
from kshamta.competencies.models import ActivityCompetency, ProfileActivity, ProfileRole
from kshamta.competencies.profiles import required_competencies
from kshamta.competencies.tests.helpers import STANDARD, PageTestCase, make_framework
from kshamta.competencies.tests.test_profiles import make_author
from kshamta.core.models import AuditEvent
from kshamta.orgs import actions as org_actions

HTMX = {"HX-Request": "true"}


class ProfilePagesTestCase(PageTestCase):
    author_a: User
    author_b: User

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.author_a = make_author("MP0101", "cbp.revenue@mp.gov.in", cls.dept_a)
        cls.author_b = make_author("MP0102", "cbp.health@mp.gov.in", cls.dept_b)

    def setUp(self) -> None:
        self.framework = make_framework("MP-KCM", competencies=STANDARD)
        self.c = {c.code: c for c in self.framework.competencies.all()}
        self.role = actions.do_add_profile_role(
            self.patwari, title_en="Maintaining land records", title_hi="भू-अभिलेखों का संधारण", acting_user=None
        )
        self.activity = actions.do_add_profile_activity(
            self.role, text_en="Updates the khasra after mutation", text_hi="नामांतरण के बाद खसरा अद्यतन", acting_user=None
        )
        self.link, _ = actions.do_set_activity_competency(self.activity, self.c["DOM-LANDREC"], 3, acting_user=None)

    def grow_profile(self, roles: int = 3, activities: int = 3) -> None:
        for r in range(roles):
            role = actions.do_add_profile_role(self.patwari, title_en=f"Extra role {r}", acting_user=None)
            for a in range(activities):
                activity = actions.do_add_profile_activity(role, text_en=f"Extra activity {r}.{a}", acting_user=None)
                actions.do_set_activity_competency(activity, self.c["FUN-RTI"], 2, acting_user=None)
                actions.do_set_activity_competency(activity, self.c["BEH-INTEGRITY"], 1, acting_user=None)

    def edit_urls(self) -> list[tuple[str, dict[str, Any]]]:
        """Every editing URL for the Patwari's profile, with a valid body."""
        return [
            (reverse("competencies:edit_profile", args=[self.patwari.pk]), {}),
            (reverse("competencies:copy_profile", args=[self.patwari.pk]), {}),
            (reverse("competencies:add_role", args=[self.patwari.pk]), {"role-new-title_en": "New"}),
            (
                reverse("competencies:edit_role", args=[self.role.pk]),
                {f"role-{self.role.pk}-title_en": "Changed", f"role-{self.role.pk}-position": "1"},
            ),
            (
                reverse("competencies:add_activity", args=[self.role.pk]),
                {f"activity-new-{self.role.pk}-text_en": "New activity"},
            ),
            (
                reverse("competencies:edit_activity", args=[self.activity.pk]),
                {f"activity-{self.activity.pk}-text_en": "Changed", f"activity-{self.activity.pk}-position": "1"},
            ),
            (
                reverse("competencies:add_link", args=[self.activity.pk]),
                {f"link-new-{self.activity.pk}-competency": "FUN-RTI", f"link-new-{self.activity.pk}-level": "2"},
            ),
            (reverse("competencies:set_link_level", args=[self.link.pk]), {f"link-{self.link.pk}-level": "5"}),
            (reverse("competencies:remove_link", args=[self.link.pk]), {}),
            (reverse("competencies:delete_activity", args=[self.activity.pk]), {}),
            (reverse("competencies:delete_role", args=[self.role.pk]), {}),
        ]


class ProfileListTest(ProfilePagesTestCase):
    url = reverse("competencies:profiles")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_everyone_reads_edit_links_only_where_allowed(self) -> None:
        self.client.force_login(self.author_b)
        response = self.client.get(self.url)
        self.assertContains(response, "Patwari")
        self.assertContains(response, "Staff Nurse")
        self.assertNotContains(response, reverse("competencies:edit_profile", args=[self.patwari.pk]))
        self.assertContains(response, reverse("competencies:edit_profile", args=[self.nurse.pk]))
        counts = {d.code: (d.role_count, d.activity_count) for d, _ in response.context["items"]}
        self.assertEqual(counts["PATWARI"], (1, 1))
        self.assertEqual(counts["STAFF-NURSE"], (0, 0))

    def test_search_and_only_profiled(self) -> None:
        self.client.force_login(self.learner_a)
        codes = lambda r: [d.code for d, _ in r.context["items"]]  # noqa: E731
        self.assertEqual(codes(self.client.get(self.url, {"q": "तहसीलदार"})), ["TEHSILDAR"])
        self.assertEqual(codes(self.client.get(self.url, {"with": "profile"})), ["PATWARI"])

    def test_query_count_is_flat(self) -> None:
        self.client.force_login(self.author_a)
        before = self.count_queries(self.url)
        for n in range(5):
            org_actions.do_save_designation(org=self.dept_a, code=f"EXTRA-{n}", name_en=f"Extra {n}", acting_user=None)
        self.grow_profile(roles=2, activities=2)
        with self.assertNumQueries(before):
            response = self.client.get(self.url)
        self.assertContains(response, "EXTRA-4")


class ProfilePageTest(ProfilePagesTestCase):
    def url(self, designation_id: int) -> str:
        return reverse("competencies:profile", args=[designation_id])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.patwari.pk))

    def test_roles_activities_competencies_and_required_levels_for_any_reader(self) -> None:
        self.client.force_login(self.learner_b)  # of another department: reading is open
        response = self.client.get(self.url(self.patwari.pk))
        self.assertContains(response, "Maintaining land records")
        self.assertContains(response, '<p lang="hi" class="aside">नामांतरण के बाद खसरा अद्यतन</p>', html=True)
        self.assertContains(response, "DOM-LANDREC work")
        self.assertEqual([(c.code, level) for c, level, _ in response.context["required"]], [("DOM-LANDREC", 3)])
        self.assertContains(response, "DOM-LANDREC 3")  # the descriptor of the required level
        self.assertNotContains(response, reverse("competencies:edit_profile", args=[self.patwari.pk]))

        self.client.force_login(self.author_a)
        self.assertContains(
            self.client.get(self.url(self.patwari.pk)), reverse("competencies:edit_profile", args=[self.patwari.pk])
        )

    def test_hindi_page_puts_hindi_first(self) -> None:
        self.client.force_login(self.learner_a)
        response = self.client.get(self.url(self.patwari.pk), HTTP_ACCEPT_LANGUAGE="hi")
        self.assertContains(response, '<p lang="hi">नामांतरण के बाद खसरा अद्यतन</p>', html=True)

    def test_no_profile_yet_and_unknown_designation(self) -> None:
        self.client.force_login(self.learner_a)
        self.assertContains(self.client.get(self.url(self.nurse.pk)), "This designation has no profile yet.")
        self.assertNotFoundFor(self.learner_a, self.url(999999))

    def test_query_count_is_flat(self) -> None:
        self.client.force_login(self.learner_a)
        before = self.count_queries(self.url(self.patwari.pk))
        self.grow_profile()
        with self.assertNumQueries(before):
            response = self.client.get(self.url(self.patwari.pk))
        self.assertContains(response, "Extra activity 2.2")


class EditorScopeTest(ProfilePagesTestCase):
    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for url, _data in self.edit_urls():
            self.assertSignInRedirect(url, "post")
        self.assertSignInRedirect(reverse("competencies:edit_profile", args=[self.patwari.pk]))

    def test_cbp_author_of_another_department_and_others_get_404(self) -> None:
        for user in (self.author_b, self.nodal_a, self.learner_a, self.outsider):
            for url, data in self.edit_urls():
                with self.subTest(user=user.email, url=url):
                    self.assertNotFoundFor(user, url, "post", data)
            self.assertNotFoundFor(user, reverse("competencies:edit_profile", args=[self.patwari.pk]))
        self.assertEqual(ProfileRole.objects.get().title_en, "Maintaining land records")
        self.assertEqual(ActivityCompetency.objects.get().level, 3)
        self.assertFalse(AuditEvent.objects.filter(action__startswith="profile.", actor__isnull=False).exists())

    def test_the_departments_author_and_a_state_admin_may(self) -> None:
        for user in (self.author_a, self.state_admin):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(reverse("competencies:edit_profile", args=[self.patwari.pk])).status_code, 200
            )
        self.client.force_login(self.author_b)
        self.assertEqual(self.client.get(reverse("competencies:edit_profile", args=[self.nurse.pk])).status_code, 200)

    def test_get_on_a_post_only_url_is_refused(self) -> None:
        self.client.force_login(self.author_a)
        self.assertEqual(self.client.get(reverse("competencies:delete_role", args=[self.role.pk])).status_code, 405)


class EditorTest(ProfilePagesTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.author_a)
        self.edit_url = reverse("competencies:edit_profile", args=[self.patwari.pk])

    def test_every_edit_without_javascript_redirects_back(self) -> None:
        for url, data in self.edit_urls()[2:]:
            with self.subTest(url):
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 302, response.content[:500])
                self.assertTrue(response["Location"].startswith(self.edit_url))
        self.assertFalse(ProfileRole.objects.filter(title_en="Maintaining land records").exists())
        self.assertEqual(ProfileRole.objects.get().title_en, "New")
        actions_done = list(
            AuditEvent.objects.filter(actor=self.author_a).order_by("pk").values_list("action", flat=True)
        )
        self.assertEqual(
            actions_done,
            [
                "profile.role.create",
                "profile.role.update",
                "profile.activity.create",
                "profile.activity.update",
                "profile.competency.create",
                "profile.competency.update",
                "profile.competency.delete",
                "profile.activity.delete",
                "profile.role.delete",
            ],
        )

    def test_htmx_gets_the_editor_back_with_a_notice(self) -> None:
        url = reverse("competencies:add_link", args=[self.activity.pk])
        response = self.client.post(
            url,
            {f"link-new-{self.activity.pk}-competency": "FUN-PROCUREMENT", f"link-new-{self.activity.pk}-level": "4"},
            headers=HTMX,
        )
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "competencies/_profile_editor.html")
        self.assertTemplateNotUsed(response, "competencies/edit_profile.html")
        self.assertContains(response, "The competency was linked.")
        self.assertContains(response, 'id="profile-editor"')
        self.assertEqual({c.code: n for c, n in required_competencies(self.patwari).items()},
                         {"FUN-PROCUREMENT": 4, "DOM-LANDREC": 3})  # fmt: skip

        again = self.client.post(
            url,
            {f"link-new-{self.activity.pk}-competency": "FUN-PROCUREMENT", f"link-new-{self.activity.pk}-level": "2"},
            headers=HTMX,
        )
        self.assertContains(again, "its required level was changed")
        self.assertEqual(ActivityCompetency.objects.filter(activity=self.activity).count(), 2)

    def test_invalid_input_shows_the_error_where_the_form_was(self) -> None:
        url = reverse("competencies:add_activity", args=[self.role.pk])
        blank = {f"activity-new-{self.role.pk}-text_en": " ", f"activity-new-{self.role.pk}-text_hi": ""}

        with_htmx = self.client.post(url, blank, headers=HTMX)
        self.assertEqual(with_htmx.status_code, 200)  # htmx swaps only 2xx answers
        self.assertContains(with_htmx, "Describe the activity in English or in Hindi.")

        without = self.client.post(url, blank)
        self.assertContains(without, "Describe the activity in English or in Hindi.", status_code=400)
        self.assertEqual(ProfileActivity.objects.count(), 1)

        level = self.client.post(
            reverse("competencies:set_link_level", args=[self.link.pk]),
            {f"link-{self.link.pk}-level": "9"},
            headers=HTMX,
        )
        self.assertContains(level, "Select a valid choice.")
        self.link.refresh_from_db()
        self.assertEqual(self.link.level, 3)

    def test_a_competency_of_another_framework_cannot_be_linked(self) -> None:
        make_framework("OTHER", active=False, competencies=(("FUN-ELSEWHERE", "functional"),))
        response = self.client.post(
            reverse("competencies:add_link", args=[self.activity.pk]),
            {f"link-new-{self.activity.pk}-competency": "FUN-ELSEWHERE", f"link-new-{self.activity.pk}-level": "2"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(ActivityCompetency.objects.count(), 1)

    def test_editor_query_count_is_flat(self) -> None:
        before = self.count_queries(self.edit_url)
        self.grow_profile()
        with self.assertNumQueries(before):
            response = self.client.get(self.edit_url)
        self.assertContains(response, "Extra activity 2.2")


class CopyPageTest(ProfilePagesTestCase):
    def test_copy_from_another_designation(self) -> None:
        self.client.force_login(self.author_a)
        url = reverse("competencies:copy_profile", args=[self.tehsildar.pk])
        page = self.client.get(url)
        self.assertEqual(list(page.context["form"].fields["source"].queryset), [self.patwari])

        unconfirmed = self.client.post(url, {"source": self.patwari.pk})
        self.assertEqual(unconfirmed.status_code, 400)
        self.assertFalse(ProfileRole.objects.filter(profile__designation=self.tehsildar).exists())

        response = self.client.post(url, {"source": self.patwari.pk, "confirm": "on"}, follow=True)
        self.assertContains(response, "Copied 1 roles, 1 activities and 1 competency links.")
        self.assertEqual(required_competencies(self.tehsildar), required_competencies(self.patwari))

    def test_a_profile_from_another_department_may_be_copied_into_ones_own(self) -> None:
        self.client.force_login(self.author_b)
        url = reverse("competencies:copy_profile", args=[self.nurse.pk])
        self.client.post(url, {"source": self.patwari.pk, "confirm": "on"})
        self.assertEqual(ProfileRole.objects.filter(profile__designation=self.nurse).count(), 1)
        self.assertNotFoundFor(self.author_b, reverse("competencies:copy_profile", args=[self.tehsildar.pk]))
