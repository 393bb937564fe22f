from __future__ import annotations

from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import Role, RoleAssignment
from kshamta.core.models import AuditEvent
from kshamta.orgs.tests.pages import AdminPageTestCase


class GrantRolePageTests(AdminPageTestCase):
    def url(self, user_id: int) -> str:
        return reverse("orgs:grant_role", args=[user_id])

    def grant(self, role: str, org_id: int) -> dict[str, object]:
        return {"grant-role": role, "grant-org": org_id}

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.learner_a.pk), method="post")

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(
            self.learner_a, self.url(self.learner_a.pk), "post", self.grant(Role.NODAL_OFFICER, self.district_a.pk)
        )
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_a).exists())

    def test_get_is_not_allowed(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(self.url(self.learner_a.pk)).status_code, 405)

    def test_denies_the_outsider(self) -> None:
        # Granting a dept_a person a role, whether over dept_a or over the outsider's own department.
        for org in (self.district_a, self.dept_b):
            self.assertNotFoundFor(
                self.outsider, self.url(self.learner_a.pk), "post", self.grant(Role.NODAL_OFFICER, org.pk)
            )
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_a).exists())

    def test_nodal_grants_a_role_in_scope_and_it_is_audited(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(
            self.url(self.learner_a.pk), self.grant(Role.PROGRAMME_COORDINATOR, self.district_a.pk)
        )
        self.assertRedirects(response, reverse("orgs:person", args=[self.learner_a.pk]))
        assignment = RoleAssignment.objects.get(user=self.learner_a)
        self.assertEqual(
            (assignment.role, assignment.org, assignment.granted_by),
            ("programme_coordinator", self.district_a, self.nodal_a),
        )
        event = AuditEvent.objects.get(action="role.grant", target_id=str(assignment.pk))
        self.assertEqual(event.actor, self.nodal_a)
        self.assertEqual(event.after["user"], self.learner_a.pk)

    def test_nodal_cannot_grant_over_another_department(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(self.learner_a.pk), self.grant(Role.NODAL_OFFICER, self.dept_b.pk))
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.context["grant_form"].errors["org"])
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_a).exists())

    def test_nodal_cannot_make_a_state_admin(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(self.learner_a.pk), self.grant(Role.STATE_ADMIN, self.dept_a.pk))
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.context["grant_form"].errors["role"])
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_a).exists())

    def test_state_admin_can_make_a_state_admin(self) -> None:
        self.client.force_login(self.state_admin)
        self.client.post(self.url(self.learner_b.pk), self.grant(Role.STATE_ADMIN, self.state.pk))
        self.assertTrue(RoleAssignment.objects.filter(user=self.learner_b, role=Role.STATE_ADMIN).exists())

    def test_unknown_role_is_refused(self) -> None:
        self.client.force_login(self.state_admin)
        response = self.client.post(self.url(self.learner_b.pk), self.grant("emperor", self.state.pk))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_b).exists())


class RevokeRolePageTests(AdminPageTestCase):
    def url(self, assignment_id: int) -> str:
        return reverse("orgs:revoke_role", args=[assignment_id])

    def setUp(self) -> None:
        self.coordinator = actions.do_grant_role(
            user=self.learner_a, role=Role.PROGRAMME_COORDINATOR, org=self.district_a, acting_user=None
        )

    def test_anonymous_is_sent_to_sign_in(self) -> None:
        self.assertSignInRedirect(self.url(self.coordinator.pk), method="post")
        self.assertTrue(RoleAssignment.objects.filter(pk=self.coordinator.pk).exists())

    def test_learner_gets_404(self) -> None:
        self.assertNotFoundFor(self.learner_a, self.url(self.coordinator.pk), "post")
        self.assertTrue(RoleAssignment.objects.filter(pk=self.coordinator.pk).exists())

    def test_get_is_not_allowed(self) -> None:
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.client.get(self.url(self.coordinator.pk)).status_code, 405)

    def test_denies_the_outsider(self) -> None:
        nodal_role = RoleAssignment.objects.get(user=self.nodal_a)
        for assignment in (self.coordinator, nodal_role):
            self.assertNotFoundFor(self.outsider, self.url(assignment.pk), "post")
        self.assertEqual(RoleAssignment.objects.filter(pk__in=[self.coordinator.pk, nodal_role.pk]).count(), 2)
        self.assertFalse(AuditEvent.objects.filter(action="role.revoke").exists())

    def test_nodal_revokes_in_scope_and_it_is_audited(self) -> None:
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(self.coordinator.pk))
        self.assertRedirects(response, reverse("orgs:person", args=[self.learner_a.pk]))
        self.assertFalse(RoleAssignment.objects.filter(pk=self.coordinator.pk).exists())
        event = AuditEvent.objects.get(action="role.revoke")
        self.assertEqual((event.actor, event.before["role"]), (self.nodal_a, "programme_coordinator"))

    def test_nodal_cannot_revoke_the_state_admin(self) -> None:
        state_role = RoleAssignment.objects.get(user=self.state_admin)
        self.assertNotFoundFor(self.nodal_a, self.url(state_role.pk), "post")
        # Not even a state-admin role scoped to their own department.
        scoped = actions.do_grant_role(user=self.learner_a, role=Role.STATE_ADMIN, org=self.dept_a, acting_user=None)
        self.assertNotFoundFor(self.nodal_a, self.url(scoped.pk), "post")
        self.assertEqual(RoleAssignment.objects.filter(pk__in=[state_role.pk, scoped.pk]).count(), 2)

    def test_revoking_your_own_last_admin_role_goes_home(self) -> None:
        own = RoleAssignment.objects.get(user=self.nodal_a)
        self.client.force_login(self.nodal_a)
        response = self.client.post(self.url(own.pk))
        self.assertRedirects(response, reverse("home"))
        self.assertEqual(self.client.get(reverse("orgs:people")).status_code, 404)

    def test_unknown_assignment_is_404(self) -> None:
        self.assertNotFoundFor(self.state_admin, self.url(999999), "post")
