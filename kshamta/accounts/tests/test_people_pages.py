from __future__ import annotations

from typing import Any

from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import Profile
from kshamta.orgs.tests.pages import AdminPageTestCase


class PeopleListPageTests(AdminPageTestCase):
    url = reverse("orgs:people")

    def codes(self, **params: Any) -> list[str]:
        response = self.client.get(self.url, params)
        self.assertEqual(response.status_code, 200)
        return [profile.employee_code for profile in response.context["page"].object_list]

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url)

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url)

    def test_nodal_sees_only_their_department(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.codes(), ["MP0002", "MP0003"])

    def test_denies_the_outsider(self) -> None:
        self.client.force_login(self.outsider)
        self.assertEqual(self.codes(), ["MP0004", "MP0005"])
        # Crafted filters pointing into dept_a show nobody from there.
        response = self.client.get(self.url, {"org": self.dept_a.pk})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["org"])
        self.assertNotContains(response, "Sita Devi")
        self.assertEqual(self.codes(designation=self.patwari.pk), ["MP0004", "MP0005"])
        self.assertEqual(self.codes(q="sita"), [])
        self.assertEqual(self.codes(q="MP0003"), [])

    def test_search_by_hindi_name(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertEqual(self.codes(q="सीता"), ["MP0003"])
        # Typed in decomposed form with a stray zero-width space, it still matches.
        self.assertEqual(self.codes(q="इमरान ख\u093c\u200bान"), ["MP0004"])

    def test_search_by_english_name_ignores_case(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertEqual(self.codes(q="SITA devi"), ["MP0003"])
        self.assertEqual(self.codes(q="  imran  "), ["MP0004"])

    def test_search_by_employee_code_email_and_mobile(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertEqual(self.codes(q="mp0004"), ["MP0004"])
        self.assertEqual(self.codes(q="Nodal.Revenue@"), ["MP0002"])
        self.assertEqual(self.codes(q="+91 90000-00005"), ["MP0005"])

    def test_filters(self) -> None:
        self.client.force_login(self.state_admin)
        self.assertEqual(self.codes(designation=self.nurse.pk), ["MP0004"])
        self.assertEqual(self.codes(org=self.dept_a.pk), ["MP0002", "MP0003"])
        self.assertEqual(self.codes(org=self.district_a.pk), ["MP0003"])
        actions.do_update_person(self.profile_of(self.learner_b), status="suspended", acting_user=None)
        self.assertEqual(self.codes(status="suspended"), ["MP0004"])
        self.assertEqual(self.codes(status="active", org=self.dept_b.pk), ["MP0005"])
        self.assertEqual(self.codes(q="MP000", designation=self.patwari.pk), ["MP0003"])

    def test_filter_selects_offer_only_the_admins_scope(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url)
        form = response.context["form"]
        self.assertEqual({o.code for o in form.fields["org"].queryset}, {"MP-REV", "MP-REV-BPL"})
        self.assertEqual({d.code for d in form.fields["designation"].queryset}, {"PATWARI", "TEHSILDAR"})
        self.assertContains(response, '<label for="id_q">')
        self.assertContains(response, '<th scope="col">')

    def test_pagination_50_per_page_with_aria_current(self) -> None:
        self.add_people(60, org=self.district_a, designation=self.patwari, prefix="PG")
        self.client.force_login(self.nodal_a)
        first = self.client.get(self.url)
        self.assertEqual(len(first.context["page"].object_list), 50)
        self.assertEqual(first.context["page"].paginator.count, 62)
        self.assertContains(first, 'aria-current="page">Page 1<')
        self.assertContains(first, "62 people found")
        second = self.client.get(self.url, {"page": "2", "q": "extra"})
        self.assertEqual(len(second.context["page"].object_list), 10)
        self.assertContains(second, 'aria-current="page">Page 2<')
        # Page links keep the search.
        self.assertContains(second, "?page=1&amp;q=extra")

    def test_query_count_stays_flat(self) -> None:
        self.client.force_login(self.state_admin)
        params = f"{self.url}?q=e&status=active&org={self.state.pk}&designation={self.patwari.pk}"
        before = self.count_queries(params)
        self.add_people(70, org=self.district_a, designation=self.patwari, prefix="NQ")
        with self.assertNumQueries(before):
            response = self.client.get(params)
        self.assertEqual(len(response.context["page"].object_list), 50)
        fragment_before = self.count_queries(params, HTTP_HX_REQUEST="true")
        self.add_people(5, org=self.district_a, designation=self.patwari, prefix="NR")
        with self.assertNumQueries(fragment_before):
            self.client.get(params, HTTP_HX_REQUEST="true")
        self.assertLess(fragment_before, before)  # no filter selects to fill

    def test_htmx_request_gets_the_results_fragment(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url, {"q": "sita"}, HTTP_HX_REQUEST="true")
        self.assertTemplateUsed(response, "accounts/_people_results.html")
        self.assertNotContains(response, "<html")
        self.assertContains(response, "Sita Devi")
        self.assertContains(response, 'hx-swap-oob="innerHTML"')
        self.assertIn("HX-Request", response["Vary"])
        # Going back in history asks for the whole page again.
        restore = self.client.get(
            self.url, {"q": "sita"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
        )
        self.assertContains(restore, "<html")

    def test_full_page_works_without_javascript(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url, {"q": "sita"})
        self.assertTemplateUsed(response, "accounts/people.html")
        self.assertContains(response, 'method="get"')
        self.assertContains(response, 'hx-get="/org/people/"')
        self.assertContains(response, "keyup changed delay:400ms")
        self.assertContains(response, 'hx-push-url="true"')
        self.assertContains(response, '<a href="/org/people/">Clear</a>', html=True)


class PersonPageTests(AdminPageTestCase):
    def url(self, user_id: int) -> str:
        return reverse("orgs:person", args=[user_id])

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.learner_a.pk))

    def test_learner_gets_404_even_for_themself(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url(self.learner_a.pk))

    def test_denies_the_outsider(self) -> None:
        self.assertNotFoundFor(self.outsider, self.url(self.learner_a.pk))
        self.assertNotFoundFor(self.outsider, self.url(self.nodal_a.pk))
        self.assertNotFoundFor(self.outsider, self.url(self.state_admin.pk))

    def test_unknown_person_is_404(self) -> None:
        self.assertNotFoundFor(self.state_admin, self.url(999999))

    def test_shows_identity_profile_postings_roles_and_events(self) -> None:
        actions.do_transfer_person(self.profile_of(self.learner_a), to_org=self.dept_a, acting_user=self.nodal_a)
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.learner_a.pk))
        self.assertContains(response, "sita.devi@mp.gov.in")
        self.assertContains(response, "9000000003")
        self.assertContains(response, "MP0003")
        self.assertContains(response, "सीता देवी")
        postings = list(response.context["postings"])
        self.assertEqual([p.org for p in postings], [self.dept_a, self.district_a])  # newest first
        self.assertIsNone(postings[0].ended_on)
        self.assertIsNotNone(postings[1].ended_on)
        actions_seen = [row.event.action for row in response.context["events"]]
        # Moving within the department: both sides of the transfer are in nodal_a's scope.
        self.assertEqual(set(actions_seen[:2]), {"person.transfer", "person.transfer_out"})
        self.assertIn("person.create", actions_seen)
        self.assertContains(response, "Collectorate Bhopal")  # org ids shown as names in the changes

    def test_grant_form_offers_only_scope_and_grantable_roles(self) -> None:
        self.client.force_login(self.nodal_a)
        form = self.client.get(self.url(self.learner_a.pk)).context["grant_form"]
        self.assertEqual({o.code for o in form.fields["org"].queryset}, {"MP-REV", "MP-REV-BPL"})
        roles = {value for value, _label in form.fields["role"].choices}
        self.assertIn("nodal_officer", roles)
        self.assertNotIn("state_admin", roles)
        self.client.force_login(self.state_admin)
        form = self.client.get(self.url(self.learner_a.pk)).context["grant_form"]
        self.assertIn("state_admin", {value for value, _label in form.fields["role"].choices})

    def test_revoke_buttons_only_for_roles_the_admin_could_grant(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.nodal_a.pk))
        (assignment,) = response.context["roles"]
        self.assertTrue(assignment.can_revoke)
        self.assertContains(response, reverse("orgs:revoke_role", args=[assignment.pk]))
        self.client.force_login(self.state_admin)
        response = self.client.get(self.url(self.state_admin.pk))
        self.assertTrue(response.context["roles"][0].can_revoke)

    def test_person_page_only_shows_events_the_admin_may_see(self) -> None:
        # learner_b's creation happened in dept_b: nodal_a may not see it even after a transfer in.
        actions.do_transfer_person(
            self.profile_of(self.learner_b), to_org=self.district_a, designation=self.patwari, acting_user=None
        )
        self.client.force_login(self.nodal_a)
        response = self.client.get(self.url(self.learner_b.pk))
        self.assertEqual([row.event.action for row in response.context["events"]], ["person.transfer"])
        self.assertEqual(Profile.objects.get(pk=self.learner_b.pk).org, self.district_a)


class PeopleFilterMenuTests(AdminPageTestCase):
    """The organisation menu lists the top levels of the scope; deeper offices still filter."""

    def test_deep_offices_are_left_out_of_the_menu_but_accepted_as_a_filter(self) -> None:
        from kshamta.orgs.actions import do_create_org

        tehsil = do_create_org(
            code="MP-REV-BPL-HUZ",
            kind="office",
            name_en="Tehsil Huzur",
            name_hi="तहसील हुज़ूर",
            parent=self.district_a,
            acting_user=None,
        )
        actions.do_create_person(
            employee_code="MP0100",
            name_en="Kamla Bai",
            org=tehsil,
            designation=self.patwari,
            mobile="9812345678",
            acting_user=None,
        )
        self.client.force_login(self.state_admin)
        page = self.client.get(reverse("orgs:people"))
        self.assertNotContains(page, "(MP-REV-BPL-HUZ)</option>")
        self.assertNotContains(page, "(MP-REV-BPL)</option>")
        self.assertContains(page, "Revenue Department (MP-REV)</option>")
        self.client.force_login(self.nodal_a)
        self.assertContains(self.client.get(reverse("orgs:people")), "Collectorate Bhopal (MP-REV-BPL)</option>")
        self.client.force_login(self.state_admin)
        filtered = self.client.get(reverse("orgs:people"), {"org": tehsil.pk})
        self.assertContains(filtered, "MP0100")
        self.assertNotContains(filtered, "MP0003")
        self.assertContains(filtered, f'<option value="{tehsil.pk}" selected>')
