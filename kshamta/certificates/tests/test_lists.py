"""My certificates, and the administrators' list of certificates issued in their scope."""

from __future__ import annotations

from django.test import Client

from kshamta.accounts.models import User
from kshamta.certificates import actions
from kshamta.certificates.tests.cast import CertificateTestCase, completed_enrolment


class ListTests(CertificateTestCase):
    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def test_my_certificates_lists_only_mine(self) -> None:
        client = self.client_for(self.learner_a)
        with self.assertNumQueries(5):  # session, user, roles; count, page
            response = client.get("/certificates/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.certificate_a.display_code)
        self.assertContains(response, f"/certificates/{self.certificate_a.pk}.pdf")
        self.assertContains(response, f"/verify/{self.certificate_a.pk}/")
        self.assertNotContains(response, self.certificate_b.display_code)

    def test_my_certificates_queries_stay_flat(self) -> None:
        for n in range(4):
            course = self.another_course(f"MORE-{n}", title_en=f"More {n}", title_hi=f"और {n}", level=1)
            actions.do_issue_certificate(completed_enrolment(self.learner_a, course))
        client = self.client_for(self.learner_a)
        with self.assertNumQueries(5):
            response = client.get("/certificates/")
        self.assertEqual(len(response.context["page"].object_list), 5)

    def test_an_empty_list_points_to_the_catalogue(self) -> None:
        response = self.client_for(self.outsider).get("/certificates/")
        self.assertContains(response, "You have no certificates yet")

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        for path in ("/certificates/", "/certificates/issued/"):
            response = Client().get(path)
            self.assertEqual(response.status_code, 302, path)
            self.assertIn("/sign-in/", response["Location"])

    def test_administrators_see_certificates_in_their_scope(self) -> None:
        client = self.client_for(self.nodal_a)
        with self.assertNumQueries(5):  # session, user, roles (cached for the scope checks); count, page
            response = client.get("/certificates/issued/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "सीता देवी")
        self.assertContains(response, "MP0003")
        self.assertNotContains(response, "Imran Khan")  # Health: not Revenue's nodal officer's
        outsider = self.client_for(self.outsider).get("/certificates/issued/")
        self.assertContains(outsider, "Imran Khan")
        self.assertNotContains(outsider, "Sita Devi")
        everyone = self.client_for(self.state_admin).get("/certificates/issued/")
        self.assertContains(everyone, "Imran Khan")
        self.assertContains(everyone, "Sita Devi")
        # The provider's publisher sees the certificates of its courses, whoever holds them.
        publisher = self.client_for(self.publisher_a).get("/certificates/issued/")
        self.assertContains(publisher, "Imran Khan")

    def test_administrators_search_by_code_employee_code_or_name(self) -> None:
        client = self.client_for(self.state_admin)
        by_code = client.get("/certificates/issued/", {"q": self.certificate_b.display_code.lower()})
        self.assertContains(by_code, "Imran Khan")
        self.assertNotContains(by_code, "Sita Devi")
        by_employee = client.get("/certificates/issued/", {"q": "MP0003"})
        self.assertContains(by_employee, "Sita Devi")
        self.assertNotContains(by_employee, "Imran Khan")
        by_hindi_name = client.get("/certificates/issued/", {"q": "इमरान"})
        self.assertContains(by_hindi_name, "Imran Khan")
        self.assertContains(client.get("/certificates/issued/", {"q": "nobody"}), "No certificate matches")

    def test_learners_get_404_for_the_administrators_list(self) -> None:
        self.assertEqual(self.client_for(self.learner_a).get("/certificates/issued/").status_code, 404)
