from __future__ import annotations

from django.urls import reverse

from kshamta.accounts import actions
from kshamta.accounts.models import ProfileChangeRequest
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.notifications.models import Message

PAGE = "/org/profile-changes/"
PROFILE = "/account/profile/"


class ProfileChangeRequestTests(CastTestCase):
    def post(self, url: str, data: dict[str, object]) -> object:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data)

    def ask(self, **changes: object) -> list[ProfileChangeRequest]:
        return actions.do_request_profile_change(self.learner_a, **changes)  # type: ignore[arg-type]

    def test_learner_asks_on_the_profile_page(self) -> None:
        self.assertEqual(reverse("accounts:my_profile"), PROFILE)
        self.client.force_login(self.learner_a)
        self.assertContains(self.client.get(PROFILE), "MP0003")
        response = self.post(
            PROFILE, {"department": self.dept_a.pk, "org": "", "designation": self.tehsildar.pk, "group": "B"}
        )
        self.assertRedirects(response, PROFILE)  # type: ignore[arg-type]
        rows = ProfileChangeRequest.objects.filter(person=self.learner_a)
        self.assertEqual(sorted(rows.values_list("field", flat=True)), ["designation", "group"])
        self.assertEqual(rows.get(field="designation").old_value, "Patwari")

    def test_per_field_approve_and_reject_and_the_learner_sees_the_outcome(self) -> None:
        designation, group = self.ask(designation=self.tehsildar, group="B")
        self.client.force_login(self.nodal_a)
        page = self.client.get(PAGE)
        self.assertContains(page, "Tehsildar")
        self.post(PAGE, {"action": f"approve:{designation.pk}"})
        self.post(PAGE, {"action": f"reject:{group.pk}", "reason": "Group follows the designation"})
        profile = self.profile_of(self.learner_a)
        self.assertEqual(profile.designation, self.tehsildar)
        self.assertEqual(profile.group, "C")
        update = AuditEvent.objects.get(action="person.update", target_id=str(self.learner_a.pk))
        self.assertEqual(update.actor, self.nodal_a)
        self.assertEqual(update.after["designation"], self.tehsildar.pk)
        self.assertEqual(Message.objects.filter(kind="profile_change", to="sita.devi@mp.gov.in").count(), 2)
        self.client.force_login(self.learner_a)
        mine = self.client.get(PROFILE)
        self.assertContains(mine, "Approved")
        self.assertContains(mine, "Group follows the designation")

    def test_transfer_is_applied_and_audited(self) -> None:
        (transfer,) = self.ask(org=self.dept_a)
        self.assertEqual(transfer.old_value, "Collectorate Bhopal")
        actions.do_approve_profile_change(transfer, acting_user=self.nodal_a)
        self.assertEqual(self.profile_of(self.learner_a).org, self.dept_a)
        event = AuditEvent.objects.get(action="person.transfer", target_id=str(self.learner_a.pk))
        self.assertEqual(
            (event.actor, event.before["org"], event.after["org"]), (self.nodal_a, self.district_a.pk, self.dept_a.pk)
        )
        self.assertTrue(AuditEvent.objects.filter(action="profile_change.approve", actor=self.nodal_a).exists())

    def test_transfer_to_another_department_takes_the_requested_designation_with_it(self) -> None:
        transfer, designation = self.ask(org=self.district_b, designation=self.nurse)
        self.client.force_login(self.nodal_a)
        self.post(PAGE, {"action": "approve", "ids": [designation.pk, transfer.pk]})
        profile = self.profile_of(self.learner_a)
        self.assertEqual((profile.org, profile.designation), (self.district_b, self.nurse))
        self.assertEqual(set(ProfileChangeRequest.objects.values_list("status", flat=True)), {"approved"})

    def test_rejection_without_reason_is_refused(self) -> None:
        (row,) = self.ask(group="B")
        with self.assertRaisesMessage(actions.PersonError, "Give a reason"):
            actions.do_reject_profile_change(row, reason=" ", acting_user=self.nodal_a)
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.post(PAGE, {"action": f"reject:{row.pk}"}).status_code, 400)  # type: ignore[attr-defined]
        row.refresh_from_db()
        self.assertEqual(row.status, "pending")

    def test_a_second_pending_request_for_the_same_field_is_refused(self) -> None:
        self.ask(group="B")
        with self.assertRaisesMessage(actions.PersonError, "already asked"):
            self.ask(group="A")
        with self.assertRaisesMessage(actions.PersonError, "at least one"):
            self.ask(group="C")  # the current group

    def test_outsider_cannot_decide_and_nothing_changes(self) -> None:
        (row,) = self.ask(designation=self.tehsildar)
        self.client.force_login(self.outsider)
        self.assertNotContains(self.client.get(PAGE), "Tehsildar")
        self.assertEqual(self.post(PAGE, {"action": f"approve:{row.pk}"}).status_code, 404)  # type: ignore[attr-defined]
        self.assertEqual(self.post(PAGE, {"action": "approve", "ids": [row.pk]}).status_code, 404)  # type: ignore[attr-defined]
        row.refresh_from_db()
        self.assertEqual(row.status, "pending")
        self.assertEqual(self.profile_of(self.learner_a).designation, self.patwari)

    def test_after_a_transfer_the_new_nodal_officer_decides(self) -> None:
        transfer, _designation = self.ask(org=self.district_b, designation=self.nurse)
        actions.do_approve_profile_change(transfer, acting_user=self.nodal_a)
        (group,) = self.ask(group="B")
        self.client.force_login(self.nodal_a)
        self.assertEqual(self.post(PAGE, {"action": f"approve:{group.pk}"}).status_code, 404)  # type: ignore[attr-defined]
        self.client.force_login(self.outsider)
        self.post(PAGE, {"action": f"approve:{group.pk}"})
        self.assertEqual(self.profile_of(self.learner_a).group, "B")
