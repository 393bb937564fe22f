"""Hand-built coverage data on top of the named cast, with the figures it must give.

                      sanctioned  people (status, * = has signed in)
MP (state)                3       state_admin*
├── MP-REV                2       nodal_a
│   ├── MP-REV-BPL       11       learner_a*, active, suspended*, retired*, transferred
│   └── MP-REV-SEH        0       (nobody: coverage and activation are "—")
└── MP-HLT                0       outsider
    └── MP-HLT-IND        5       learner_b*

Onboarded counts active and suspended; retired and transferred do not.
"""

from __future__ import annotations

from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import User
from kshamta.orgs import actions as org_actions
from kshamta.orgs.models import Designation, Organisation
from kshamta.orgs.tests.pages import AdminPageTestCase

# code → (sanctioned, onboarded, activated), own and with everything below
EXPECTED_OWN = {
    "MP": (3, 1, 1),
    "MP-REV": (2, 1, 0),
    "MP-REV-BPL": (11, 3, 2),
    "MP-REV-SEH": (0, 0, 0),
    "MP-HLT": (0, 1, 0),
    "MP-HLT-IND": (5, 1, 1),
}
EXPECTED_TOTAL = {
    "MP": (21, 7, 4),
    "MP-REV": (13, 4, 2),
    "MP-REV-BPL": (11, 3, 2),
    "MP-REV-SEH": (0, 0, 0),
    "MP-HLT": (5, 2, 1),
    "MP-HLT-IND": (5, 1, 1),
}


class CoverageTestCase(AdminPageTestCase):
    clerk: Designation
    sehore: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.clerk, _ = org_actions.do_save_designation(
            org=cls.state, code="CLERK", name_en="Clerk", name_hi="लिपिक", group="C", acting_user=None
        )
        cls.sehore = org_actions.do_create_org(
            code="MP-REV-SEH",
            kind="district",
            name_en="Collectorate Sehore",
            name_hi="कलेक्टोरेट सीहोर",
            parent=cls.dept_a,
            acting_user=None,
        )
        for org, designation, posts in [
            (cls.state, cls.clerk, 3),
            (cls.dept_a, cls.tehsildar, 2),
            (cls.district_a, cls.patwari, 10),
            (cls.district_a, cls.tehsildar, 1),
            (cls.district_b, cls.nurse, 5),
        ]:
            org_actions.do_set_sanctioned_strength(org=org, designation=designation, sanctioned=posts, acting_user=None)
        signed_in = [cls.state_admin, cls.learner_a, cls.learner_b]
        for i, (status, activated) in enumerate(
            [("active", False), ("suspended", True), ("retired", True), ("transferred", False)]
        ):
            profile = account_actions.do_create_person(
                employee_code=f"BPL{i}",
                name_en=f"Bhopal Person {i}",
                name_hi=f"भोपाल व्यक्ति {i}",
                org=cls.district_a,
                designation=cls.patwari,
                email=f"bpl{i}@mp.gov.in",
                acting_user=None,
            )
            if status != "active":
                account_actions.do_update_person(profile, acting_user=None, status=status)
            if activated:
                signed_in.append(profile.user)
        User.objects.filter(pk__in=[u.pk for u in signed_in]).update(first_sign_in_at=timezone.now())
