"""Designation profiles: the editing actions and their audit, who may edit which profile,
required_competencies, and copying a profile from another designation."""

from __future__ import annotations

from kshamta.accounts import actions as account_actions
from kshamta.accounts.access import visible_audit_events
from kshamta.accounts.models import Role, User
from kshamta.competencies import access, actions
from kshamta.competencies.models import ActivityCompetency, DesignationProfile, ProfileActivity, ProfileRole
from kshamta.competencies.profiles import (
    profile_roles,
    required_competencies,
    required_competencies_by_designation,
)
from kshamta.competencies.tests.helpers import STANDARD, make_framework
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase
from kshamta.orgs import actions as org_actions
from kshamta.orgs.models import Designation, Organisation


def make_author(code: str, email: str, org: Organisation, name: str = "CBP Author") -> User:
    profile = account_actions.do_create_person(
        employee_code=code, name_en=name, name_hi="सीबीपी लेखक", org=org, designation=None, email=email,
        acting_user=None,
    )  # fmt: skip
    account_actions.do_grant_role(user=profile.user, role=Role.CBP_AUTHOR, org=org, acting_user=None)
    return profile.user


class ProfileTestCase(CastTestCase):
    author_a: User
    author_b: User
    clerk: Designation

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.author_a = make_author("MP0101", "cbp.revenue@mp.gov.in", cls.dept_a)
        cls.author_b = make_author("MP0102", "cbp.health@mp.gov.in", cls.dept_b)
        cls.clerk, _ = org_actions.do_save_designation(
            org=cls.state, code="ASSISTANT-GR2", name_en="Assistant Grade-2", name_hi="सहायक ग्रेड-2",
            acting_user=None,
        )  # fmt: skip

    def setUp(self) -> None:
        self.framework = make_framework("MP-KCM", competencies=STANDARD)
        self.c = {c.code: c for c in self.framework.competencies.all()}

    def build_patwari(self, user: User | None = None) -> tuple[ProfileRole, ProfileActivity, ProfileActivity]:
        role = actions.do_add_profile_role(
            self.patwari, title_en="Maintaining land records", title_hi="भू-अभिलेखों का संधारण", acting_user=user
        )
        first = actions.do_add_profile_activity(role, text_en="Updates the khasra", acting_user=user)
        second = actions.do_add_profile_activity(role, text_hi="नामांतरण की जाँच", acting_user=user)
        actions.do_set_activity_competency(first, self.c["DOM-LANDREC"], 3, acting_user=user)
        actions.do_set_activity_competency(first, self.c["FUN-RTI"], 1, acting_user=user)
        actions.do_set_activity_competency(second, self.c["DOM-LANDREC"], 4, acting_user=user)
        actions.do_set_activity_competency(second, self.c["BEH-INTEGRITY"], 2, acting_user=user)
        return role, first, second


class EditingScopeTest(ProfileTestCase):
    def test_cbp_authors_edit_their_subtree_state_admins_everything(self) -> None:
        self.assertTrue(access.may_edit_profile(self.author_a, self.patwari))
        self.assertTrue(access.may_edit_profile(self.author_a, self.tehsildar))
        self.assertFalse(access.may_edit_profile(self.author_a, self.nurse))
        self.assertFalse(access.may_edit_profile(self.author_a, self.clerk))  # defined above the department
        self.assertTrue(access.may_edit_profile(self.author_b, self.nurse))
        self.assertFalse(access.may_edit_profile(self.author_b, self.patwari))
        for designation in (self.patwari, self.nurse, self.clerk):
            self.assertTrue(access.may_edit_profile(self.state_admin, designation))
        for user in (self.nodal_a, self.learner_a, self.outsider):  # other roles read only
            self.assertFalse(access.may_edit_profile(user, self.patwari))
        self.assertEqual(set(access.editable_designations(self.author_a)), {self.patwari, self.tehsildar})
        self.assertEqual(set(access.editable_designations(self.learner_a)), set())
        self.assertEqual(
            set(access.editable_designations(self.state_admin)), {self.patwari, self.tehsildar, self.nurse, self.clerk}
        )

    def test_a_designation_of_a_district_is_the_departments_authors(self) -> None:
        local, _ = org_actions.do_save_designation(
            org=self.district_a, code="KOTWAR", name_en="Kotwar", acting_user=None
        )
        self.assertTrue(access.may_edit_profile(self.author_a, local))
        district_author = make_author("MP0103", "cbp.bhopal@mp.gov.in", self.district_a)
        self.assertTrue(access.may_edit_profile(district_author, local))
        self.assertFalse(access.may_edit_profile(district_author, self.patwari))  # defined at the department

    def test_access_getters_hide_other_departments_rows(self) -> None:
        role, first, _ = self.build_patwari()
        link = ActivityCompetency.objects.filter(activity=first).first()
        assert link is not None
        from django.http import Http404

        for getter, key in (
            (access.access_profile_role_for_edit, role.pk),
            (access.access_profile_activity_for_edit, first.pk),
            (access.access_activity_competency_for_edit, link.pk),
            (access.access_designation_for_profile_edit, self.patwari.pk),
        ):
            with self.subTest(getter.__name__):
                self.assertEqual(getter(self.author_a, key).pk, key)
                with self.assertRaises(Http404):
                    getter(self.author_b, key)
                with self.assertRaises(Http404):
                    getter(self.author_a, 999999)


class ProfileActionsTest(ProfileTestCase):
    def test_roles_activities_and_links_in_order_and_audited_for_the_department(self) -> None:
        role, first, second = self.build_patwari(self.author_a)
        extra = actions.do_add_profile_role(self.patwari, title_en="Field enquiries", acting_user=self.author_a)

        self.assertEqual((role.position, extra.position), (1, 2))
        self.assertEqual((first.position, second.position), (1, 2))
        views = profile_roles(self.patwari)
        self.assertEqual([v.role.title_en for v in views], ["Maintaining land records", "Field enquiries"])
        self.assertEqual(
            [[link.competency.code for link in a.links] for a in views[0].activities],
            [["FUN-RTI", "DOM-LANDREC"], ["BEH-INTEGRITY", "DOM-LANDREC"]],
        )
        events = AuditEvent.objects.filter(action__startswith="profile.")
        self.assertEqual(events.count(), 8)
        self.assertEqual({e.org_path for e in events}, {self.dept_a.path})
        self.assertEqual({e.actor for e in events}, {self.author_a})
        # The department's nodal officer sees them in the audit log; the other department's does not.
        self.assertEqual(visible_audit_events(self.nodal_a).filter(action__startswith="profile.").count(), 8)
        self.assertFalse(visible_audit_events(self.outsider).filter(action__startswith="profile.").exists())

    def test_updates_report_whether_anything_changed(self) -> None:
        role, first, _ = self.build_patwari()
        self.assertFalse(
            actions.do_update_profile_role(
                role, title_en=role.title_en, title_hi=role.title_hi, position=1, acting_user=None
            )
        )
        self.assertTrue(
            actions.do_update_profile_role(role, title_en="Land records", title_hi="", position=3, acting_user=None)
        )
        role.refresh_from_db()
        self.assertEqual((role.title_en, role.title_hi, role.position), ("Land records", "", 3))
        self.assertTrue(
            actions.do_update_profile_activity(first, text_en="Updates B-1", text_hi="", position=2, acting_user=None)
        )
        link, outcome = actions.do_set_activity_competency(first, self.c["DOM-LANDREC"], 3, acting_user=None)
        self.assertEqual(outcome, "unchanged")
        link, outcome = actions.do_set_activity_competency(first, self.c["DOM-LANDREC"], "5", acting_user=None)
        self.assertEqual((outcome, link.level), ("updated", 5))
        self.assertEqual(ActivityCompetency.objects.filter(activity=first, competency=self.c["DOM-LANDREC"]).count(), 1)
        update = AuditEvent.objects.get(action="profile.competency.update")
        self.assertEqual((update.before["level"], update.after["level"]), (3, 5))

    def test_bad_input_is_refused(self) -> None:
        role, first, _ = self.build_patwari()
        other = make_framework("OTHER", active=False, competencies=STANDARD[:1])
        cases = {
            "no title": lambda: actions.do_add_profile_role(self.patwari, title_en=" ", acting_user=None),
            "long title": lambda: actions.do_add_profile_role(self.patwari, title_en="t" * 201, acting_user=None),
            "no text": lambda: actions.do_add_profile_activity(role, text_en="", text_hi="\u200b", acting_user=None),
            "level 0": lambda: actions.do_set_activity_competency(first, self.c["FUN-RTI"], 0, acting_user=None),
            "level 6": lambda: actions.do_set_activity_competency(first, self.c["FUN-RTI"], 6, acting_user=None),
            "level x": lambda: actions.do_set_activity_competency(first, self.c["FUN-RTI"], "x", acting_user=None),
            "inactive framework": lambda: actions.do_set_activity_competency(
                first, other.competencies.get(), 2, acting_user=None
            ),
            "position": lambda: actions.do_update_profile_role(role, title_en="x", position=0, acting_user=None),
        }
        for label, call in cases.items():
            with self.subTest(label), self.assertRaises(actions.CompetencyError):
                call()
        self.assertEqual(ProfileRole.objects.count(), 1)
        self.assertEqual(ActivityCompetency.objects.get(activity=first, competency=self.c["FUN-RTI"]).level, 1)

    def test_deleting_a_role_deletes_its_activities_and_links(self) -> None:
        role, first, _ = self.build_patwari()
        actions.do_delete_profile_activity(first, acting_user=self.author_a)
        self.assertEqual(ProfileActivity.objects.count(), 1)
        actions.do_delete_profile_role(role, acting_user=self.author_a)
        self.assertFalse(ProfileActivity.objects.exists())
        self.assertFalse(ActivityCompetency.objects.exists())
        event = AuditEvent.objects.get(action="profile.role.delete")
        self.assertEqual((event.before["activities"], event.before["designation"]), (1, "PATWARI"))


class RequiredCompetenciesTest(ProfileTestCase):
    def test_the_highest_level_over_the_activities_of_the_active_framework(self) -> None:
        self.build_patwari()
        second_role = actions.do_add_profile_role(self.patwari, title_en="Serving villagers", acting_user=None)
        serving = actions.do_add_profile_activity(second_role, text_en="Gives copies", acting_user=None)
        actions.do_set_activity_competency(serving, self.c["FUN-RTI"], 2, acting_user=None)

        with self.assertNumQueries(1):
            required = required_competencies(self.patwari)

        self.assertEqual(
            {c.code: level for c, level in required.items()}, {"DOM-LANDREC": 4, "FUN-RTI": 2, "BEH-INTEGRITY": 2}
        )
        self.assertEqual([c.code for c in required], ["BEH-INTEGRITY", "FUN-RTI", "DOM-LANDREC"])
        self.assertEqual(required_competencies(self.patwari.pk), required)
        self.assertEqual(required_competencies(self.nurse), {})

    def test_links_to_a_framework_switched_off_require_nothing(self) -> None:
        self.build_patwari()
        state_fw = make_framework("MP-2027", active=False, competencies=STANDARD[:1])
        role = ProfileRole.objects.get()
        activity = actions.do_add_profile_activity(role, text_en="New work", acting_user=None)

        actions.do_activate_framework(state_fw, acting_user=None)
        actions.do_set_activity_competency(activity, state_fw.competencies.get(), 5, acting_user=None)

        required = required_competencies(self.patwari)
        self.assertEqual([(c.framework_id, c.code, level) for c, level in required.items()],
                         [(state_fw.pk, "BEH-INTEGRITY", 5)])  # fmt: skip
        # The old links stay in the profile.
        self.assertEqual(ActivityCompetency.objects.filter(competency__framework=self.framework).count(), 4)

    def test_many_designations_at_once(self) -> None:
        self.build_patwari()
        role = actions.do_add_profile_role(self.nurse, title_en="Patient care", acting_user=None)
        activity = actions.do_add_profile_activity(role, text_en="Gives medicines", acting_user=None)
        actions.do_set_activity_competency(activity, self.c["DOM-PUBHEALTH"], 3, acting_user=None)

        with self.assertNumQueries(2):
            both = required_competencies_by_designation([self.patwari, self.nurse.pk, self.tehsildar])

        self.assertEqual(set(both), {self.patwari.pk, self.nurse.pk})
        self.assertEqual(both[self.patwari.pk], required_competencies(self.patwari))
        self.assertEqual({c.code: n for c, n in both[self.nurse.pk].items()}, {"DOM-PUBHEALTH": 3})
        self.assertEqual(required_competencies_by_designation([]), {})


class CopyProfileTest(ProfileTestCase):
    def test_copy_replaces_the_targets_roles_and_leaves_the_source_alone(self) -> None:
        self.build_patwari()
        old = actions.do_add_profile_role(self.tehsildar, title_en="To be replaced", acting_user=None)

        counts = actions.do_copy_profile(source=self.patwari, target=self.tehsildar, acting_user=self.author_a)

        self.assertEqual(counts, {"roles": 1, "activities": 2, "competencies": 4})
        self.assertFalse(ProfileRole.objects.filter(pk=old.pk).exists())
        self.assertEqual(required_competencies(self.tehsildar), required_competencies(self.patwari))
        copied = profile_roles(self.tehsildar)
        self.assertEqual(copied[0].role.title_hi, "भू-अभिलेखों का संधारण")
        self.assertEqual(copied[0].activities[1].activity.text_hi, "नामांतरण की जाँच")
        self.assertEqual(ProfileRole.objects.filter(profile__designation=self.patwari).count(), 1)
        self.assertEqual(DesignationProfile.objects.count(), 2)
        event = AuditEvent.objects.get(action="profile.copy")
        self.assertEqual(event.after["copied_from"], "PATWARI")
        self.assertEqual((event.before["roles"], event.org_path, event.actor), (1, self.dept_a.path, self.author_a))

        # The copy is independent: changing it leaves the source as it was.
        actions.do_set_activity_competency(copied[0].activities[0].activity, self.c["DOM-LANDREC"], 5, acting_user=None)
        self.assertEqual(required_competencies(self.patwari)[self.c["DOM-LANDREC"]], 4)

    def test_copy_from_itself_or_from_nothing_is_refused(self) -> None:
        self.build_patwari()
        with self.assertRaises(actions.CompetencyError):
            actions.do_copy_profile(source=self.patwari, target=self.patwari, acting_user=None)
        with self.assertRaises(actions.CompetencyError):
            actions.do_copy_profile(source=self.nurse, target=self.tehsildar, acting_user=None)
        self.assertFalse(ProfileRole.objects.filter(profile__designation=self.tehsildar).exists())
