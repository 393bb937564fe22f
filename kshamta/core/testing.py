"""The named cast every test class builds once, with the real actions.

state            Madhya Pradesh (root)
├── dept_a       Revenue Department          nodal_a is its nodal officer
│   └── district_a   Collectorate Bhopal     learner_a works here (Patwari)
└── dept_b       Health Department          outsider is its nodal officer
    └── district_b   CMHO Indore             learner_b works here (Staff Nurse)
state_admin      administers the whole state
"""

from __future__ import annotations

from typing import Any

from django.test import TestCase

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Profile, Role, User
from kshamta.orgs import actions as org_actions
from kshamta.orgs.models import Designation, Organisation


def _person(
    code: str, name_en: str, name_hi: str, org: Organisation, designation: Designation | None, email: str, mobile: str
) -> User:
    profile = account_actions.do_create_person(
        employee_code=code,
        name_en=name_en,
        name_hi=name_hi,
        org=org,
        designation=designation,
        email=email,
        mobile=mobile,
        acting_user=None,
    )
    return profile.user


def build_cast(target: Any) -> None:
    """Create the cast and set each member as an attribute of ``target``."""
    create_org = org_actions.do_create_org
    t = target
    t.state = create_org(
        code="MP", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None, acting_user=None
    )
    t.dept_a = create_org(
        code="MP-REV",
        kind="department",
        name_en="Revenue Department",
        name_hi="राजस्व विभाग",
        parent=t.state,
        acting_user=None,
    )
    t.district_a = create_org(
        code="MP-REV-BPL",
        kind="district",
        name_en="Collectorate Bhopal",
        name_hi="कलेक्टोरेट भोपाल",
        parent=t.dept_a,
        acting_user=None,
    )
    t.dept_b = create_org(
        code="MP-HLT",
        kind="department",
        name_en="Health Department",
        name_hi="स्वास्थ्य विभाग",
        parent=t.state,
        acting_user=None,
    )
    t.district_b = create_org(
        code="MP-HLT-IND",
        kind="district",
        name_en="CMHO Indore",
        name_hi="सीएमएचओ इंदौर",
        parent=t.dept_b,
        acting_user=None,
    )
    t.patwari, _ = org_actions.do_save_designation(
        org=t.dept_a, code="PATWARI", name_en="Patwari", name_hi="पटवारी", group="C", acting_user=None
    )
    t.tehsildar, _ = org_actions.do_save_designation(
        org=t.dept_a, code="TEHSILDAR", name_en="Tehsildar", name_hi="तहसीलदार", group="B", acting_user=None
    )
    t.nurse, _ = org_actions.do_save_designation(
        org=t.dept_b, code="STAFF-NURSE", name_en="Staff Nurse", name_hi="स्टाफ नर्स", group="C", acting_user=None
    )
    t.state_admin = _person("MP0001", "Anjali Verma", "अंजलि वर्मा", t.state, None, "admin@mp.gov.in", "9000000001")
    t.nodal_a = _person(
        "MP0002", "Ramesh Kumar", "रमेश कुमार", t.dept_a, t.tehsildar, "nodal.revenue@mp.gov.in", "9000000002"
    )
    t.learner_a = _person(
        "MP0003", "Sita Devi", "सीता देवी", t.district_a, t.patwari, "sita.devi@mp.gov.in", "9000000003"
    )
    t.learner_b = _person(
        "MP0004", "Imran Khan", "इमरान ख़ान", t.district_b, t.nurse, "imran.khan@mp.gov.in", "9000000004"
    )
    t.outsider = _person("MP0005", "Priya Singh", "प्रिया सिंह", t.dept_b, None, "nodal.health@mp.gov.in", "9000000005")
    account_actions.do_grant_role(user=t.state_admin, role=Role.STATE_ADMIN, org=t.state, acting_user=None)
    account_actions.do_grant_role(user=t.nodal_a, role=Role.NODAL_OFFICER, org=t.dept_a, acting_user=None)
    account_actions.do_grant_role(user=t.outsider, role=Role.NODAL_OFFICER, org=t.dept_b, acting_user=None)


class CastTestCase(TestCase):
    """A TestCase whose class has the cast (see module docstring) built once."""

    state: Organisation
    dept_a: Organisation
    district_a: Organisation
    dept_b: Organisation
    district_b: Organisation
    patwari: Designation
    tehsildar: Designation
    nurse: Designation
    state_admin: User
    nodal_a: User
    learner_a: User
    learner_b: User
    outsider: User

    @classmethod
    def setUpTestData(cls) -> None:
        build_cast(cls)

    def profile_of(self, user: User) -> Profile:
        return Profile.objects.select_related("org", "designation").get(pk=user.pk)
