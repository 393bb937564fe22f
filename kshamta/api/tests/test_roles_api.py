from __future__ import annotations

from typing import Any

from kshamta.accounts import actions
from kshamta.accounts.models import Role, RoleAssignment, User
from kshamta.api.tests.helpers import APITestCase
from kshamta.core.models import AuditEvent


class RoleListTests(APITestCase):
    def test_admin_lists_a_persons_roles(self) -> None:
        body = self.assert_ok(self.get(self.state_admin, f"/people/{self.nodal_a.pk}/roles"))
        self.assertEqual([(r["role"], r["org"]) for r in body], [("nodal_officer", "MP-REV")])
        self.assertEqual(body[0]["role_label"], "Nodal officer")

    def test_a_person_sees_their_own_roles(self) -> None:
        self.assertEqual(self.assert_ok(self.get(self.learner_a, f"/people/{self.learner_a.pk}/roles")), [])

    def test_denies_the_outsider(self) -> None:
        self.assert_error(self.get(self.outsider, f"/people/{self.nodal_a.pk}/roles"), 404, "not_found")
        self.assert_error(self.get(self.learner_a, f"/people/{self.nodal_a.pk}/roles"), 404, "not_found")


class GrantRoleTests(APITestCase):
    def grant(self, user: User, target: User, role: str, org: str) -> Any:
        return self.send("POST", user, f"/people/{target.pk}/roles", {"role": role, "org": org})

    def test_nodal_officer_grants_within_their_subtree(self) -> None:
        body = self.assert_ok(self.grant(self.nodal_a, self.learner_a, "programme_coordinator", "MP-REV-BPL"), 201)
        self.assertEqual(
            (body["role"], body["org"], body["granted_by"]), ("programme_coordinator", "MP-REV-BPL", self.nodal_a.pk)
        )
        self.assertTrue(
            RoleAssignment.objects.filter(
                user=self.learner_a, role="programme_coordinator", org=self.district_a
            ).exists()
        )
        self.assertTrue(AuditEvent.objects.filter(action="role.grant", actor=self.nodal_a).exists())
        again = self.assert_ok(self.grant(self.nodal_a, self.learner_a, "programme_coordinator", "MP-REV-BPL"), 201)
        self.assertEqual(again["id"], body["id"])

    def test_only_state_admins_make_state_admins(self) -> None:
        self.assert_error(self.grant(self.nodal_a, self.learner_a, "state_admin", "MP-REV"), 403, "forbidden")
        self.assertFalse(RoleAssignment.objects.filter(user=self.learner_a).exists())
        self.assert_ok(self.grant(self.state_admin, self.learner_a, "state_admin", "MP-REV"), 201)

    def test_unknown_role_is_an_invalid_request(self) -> None:
        self.assert_error(self.grant(self.nodal_a, self.learner_a, "emperor", "MP-REV"), 422, "invalid_request")

    def test_denies_the_outsider(self) -> None:
        # A person outside, an organisation outside, and a learner with no scope at all.
        self.assert_error(self.grant(self.outsider, self.learner_a, "nodal_officer", "MP-REV"), 404, "not_found")
        self.assert_error(self.grant(self.outsider, self.learner_b, "nodal_officer", "MP-REV"), 404, "not_found")
        self.assert_error(self.grant(self.nodal_a, self.learner_a, "nodal_officer", "MP-HLT"), 404, "not_found")
        self.assert_error(self.grant(self.learner_a, self.learner_a, "nodal_officer", "MP-REV"), 404, "not_found")
        self.assertFalse(RoleAssignment.objects.filter(user__in=[self.learner_a, self.learner_b]).exists())
        self.assertFalse(AuditEvent.objects.filter(action="role.grant", actor__isnull=False).exists())


class RevokeRoleTests(APITestCase):
    def setUp(self) -> None:
        self.coordinator = actions.do_grant_role(
            user=self.learner_a, role=Role.PROGRAMME_COORDINATOR, org=self.district_a, acting_user=self.nodal_a
        )

    def test_nodal_officer_revokes_within_their_subtree(self) -> None:
        response = self.send("DELETE", self.nodal_a, f"/roles/{self.coordinator.pk}")
        self.assertEqual(response.status_code, 204)
        self.assertFalse(RoleAssignment.objects.filter(pk=self.coordinator.pk).exists())
        self.assertTrue(AuditEvent.objects.filter(action="role.revoke", actor=self.nodal_a).exists())
        self.assert_error(self.send("DELETE", self.nodal_a, f"/roles/{self.coordinator.pk}"), 404, "not_found")

    def test_a_state_admin_role_needs_a_state_admin_to_revoke(self) -> None:
        grant = actions.do_grant_role(
            user=self.learner_a, role=Role.STATE_ADMIN, org=self.dept_a, acting_user=self.state_admin
        )
        self.assert_error(self.send("DELETE", self.nodal_a, f"/roles/{grant.pk}"), 403, "forbidden")
        self.assertTrue(RoleAssignment.objects.filter(pk=grant.pk).exists())

    def test_denies_the_outsider(self) -> None:
        nodal_a_role = RoleAssignment.objects.get(user=self.nodal_a)
        state_role = RoleAssignment.objects.get(user=self.state_admin)
        for user, assignment in (
            (self.outsider, self.coordinator),
            (self.outsider, nodal_a_role),
            (self.nodal_a, state_role),
            (self.learner_a, self.coordinator),
        ):
            self.assert_error(self.send("DELETE", user, f"/roles/{assignment.pk}"), 404, "not_found")
        self.assertEqual(
            RoleAssignment.objects.filter(pk__in=[self.coordinator.pk, nodal_a_role.pk, state_role.pk]).count(), 3
        )
