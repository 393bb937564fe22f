"""The browse page /courses/: search box, filters, cards, htmx results, pagination, empty state."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.test import Client
from django.urls import reverse

from kshamta.catalog.models import Course
from kshamta.catalog.tests.test_search import CatalogueFixtures, build_catalogue, build_course
from kshamta.core.testing import CastTestCase

BROWSE = reverse("catalog:browse")


class BrowsePageTests(CatalogueFixtures, CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        build_catalogue(cls)

    def client_for(self, user: object, **defaults: Any) -> Client:
        client = Client(**defaults)
        client.force_login(user)  # type: ignore[arg-type]
        return client

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        response = Client().get(BROWSE, {"q": "information"})
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
        self.assertIn(REDIRECT_FIELD_NAME, response["Location"])

    def test_any_signed_in_person_sees_the_listed_courses_as_cards(self) -> None:
        response = self.client_for(self.outsider).get(BROWSE)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for code in ("RTI-101", "FIN-201", "POSH-01", "PR-01"):
            self.assertIn(reverse("catalog:detail", args=[code]), html)
        self.assertNotIn("DRAFT-1", html)
        self.assertNotIn("Old information course", html)
        self.assertIn('<form id="course-filter" method="get"', html)
        self.assertIn('hx-get="/courses/"', html)
        self.assertIn('<label for="id_q">', html)
        self.assertIn("4 courses found", html)

    def test_card_shows_title_other_script_provider_duration_languages_and_competencies(self) -> None:
        response = self.client_for(self.learner_a).get(BROWSE, {"q": "right information"})
        html = response.content.decode()
        self.assertInHTML(
            f'<a href="{reverse("catalog:detail", args=["RTI-101"])}" lang="en">Right to Information</a>', html
        )
        self.assertInHTML('<p class="aside other-script" lang="hi">सूचना का अधिकार</p>', html)
        self.assertIn("RCVP Noronha Academy", html)
        self.assertIn("1 hour", html)
        self.assertIn("Hindi, English", html)
        self.assertIn("RTI handling", html)  # the competency's name, not just its code
        self.assertIn("Not rated yet", html)

    def test_hindi_reader_gets_hindi_title_first(self) -> None:
        client = self.client_for(self.learner_a, HTTP_ACCEPT_LANGUAGE="hi")
        html = client.get(BROWSE, {"q": "सूचना"}).content.decode()
        self.assertInHTML(f'<a href="{reverse("catalog:detail", args=["RTI-101"])}" lang="hi">सूचना का अधिकार</a>', html)
        self.assertInHTML('<p class="aside other-script" lang="en">Right to Information</p>', html)

    def test_rating_average_and_count(self) -> None:
        Course.objects.filter(pk=self.rti.pk).update(rating_sum=9, rating_count=2)
        html = self.client_for(self.learner_a).get(BROWSE, {"q": "RTI-101"}).content.decode()
        self.assertIn("4.5 out of 5 (2 ratings)", html)

    def test_filters_are_applied_from_the_query_string(self) -> None:
        html = self.client_for(self.learner_a).get(BROWSE, {"language": "en", "duration": "long"}).content.decode()
        self.assertIn("Financial management", html)
        self.assertNotIn("Right to Information", html)
        self.assertIn('<option value="long" selected>', html)

    def test_invalid_filter_values_are_ignored(self) -> None:
        response = self.client_for(self.learner_a).get(BROWSE, {"language": "fr", "duration": "x"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("4 courses found", response.content.decode())

    def test_empty_state(self) -> None:
        html = self.client_for(self.learner_a).get(BROWSE, {"q": "quantum teleportation"}).content.decode()
        self.assertIn("No course matches your search.", html)
        self.assertIn("No courses found", html)

    def test_htmx_request_gets_only_the_results_and_the_live_count(self) -> None:
        response = self.client_for(self.learner_a).get(BROWSE, {"q": "सूचना"}, HTTP_HX_REQUEST="true")
        html = response.content.decode()
        self.assertNotIn("<html", html)
        self.assertNotIn('<form id="course-filter"', html)
        self.assertIn("Right to Information", html)
        self.assertIn('id="course-summary" hx-swap-oob="innerHTML"', html)
        self.assertIn("HX-Request", response["Vary"])

    def test_export_links_only_for_catalogue_managers(self) -> None:
        learner_html = self.client_for(self.learner_a).get(BROWSE).content.decode()
        self.assertNotIn(reverse("catalog:export"), learner_html)
        self.assertNotIn(reverse("catalog:import"), learner_html)
        admin_html = self.client_for(self.state_admin).get(BROWSE, {"language": "hi"}).content.decode()
        self.assertIn(f"{reverse('catalog:export')}?language=hi&amp;format=csv", admin_html)
        self.assertIn(reverse("catalog:import"), admin_html)


class BrowsePaginationTests(CastTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        from kshamta.catalog.testing import make_provider

        provider = make_provider()
        for n in range(25):
            build_course(
                f"GEN-{n:02d}",
                provider=provider,
                title_en=f"Good governance part {n}",
                title_hi=f"सुशासन भाग {n}",
                competencies={"RTI": 1, "FIN": 2},
            )

    def setUp(self) -> None:
        self.client.force_login(self.learner_a)

    def test_twenty_per_page_and_links_keep_the_filters(self) -> None:
        first = self.client.get(BROWSE, {"q": "governance", "language": "hi"}).content.decode()
        self.assertEqual(first.count('class="card course-card"'), 20)
        self.assertIn("25 courses found", first)
        self.assertIn('href="?q=governance&amp;language=hi&amp;page=2"', first)
        second = self.client.get(BROWSE, {"q": "governance", "language": "hi", "page": "2"}).content.decode()
        self.assertEqual(second.count('class="card course-card"'), 5)

    def test_a_page_past_the_end_shows_the_last_page(self) -> None:
        html = self.client.get(BROWSE, {"page": 99}).content.decode()
        self.assertEqual(html.count('class="card course-card"'), 5)

    def test_queries_stay_flat(self) -> None:
        # session, user, roles (menus and the managers' links), provider and competency menus,
        # count, page, competency names of the page.
        self.client.get(BROWSE)  # warm the content-type and similar caches
        with self.assertNumQueries(8):
            response = self.client.get(BROWSE, {"q": "governance"})
        self.assertEqual(response.status_code, 200)
        # The htmx results leave the menus out.
        with self.assertNumQueries(6):
            response = self.client.get(BROWSE, {"q": "governance", "page": "2"}, HTTP_HX_REQUEST="true")
        self.assertEqual(response.status_code, 200)
