"""What the programme tests share: the cast plus a coordinator, a programme with one online course, a batch.

coordinator      programme coordinator over the state ATI (MP-ATI), which owns the programme
PATWARI-IND      induction for Patwaris, batch B1 for Patwaris of the Revenue Department (dept_a),
                 10 seats, a week from today; one-step approval unless a test says otherwise
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role, User
from kshamta.catalog.models import Course, Resource
from kshamta.catalog.testing import make_course
from kshamta.core.testing import CastTestCase
from kshamta.learning import actions as learning_actions
from kshamta.orgs import actions as org_actions
from kshamta.orgs.models import Organisation
from kshamta.programmes import actions
from kshamta.programmes.models import Batch, Programme, Session

_numbers = itertools.count(1)


def make_person(code: str, org: Organisation, designation: Any = None, **extra: Any) -> User:
    profile = account_actions.do_create_person(
        employee_code=code,
        name_en=extra.pop("name_en", f"Person {code}"),
        name_hi=extra.pop("name_hi", f"व्यक्ति {code}"),
        org=org,
        designation=designation,
        email=extra.pop("email", f"{code.lower()}@mp.gov.in"),
        mobile=extra.pop("mobile", f"96{next(_numbers):08d}"),
        acting_user=None,
        **extra,
    )
    return profile.user


def complete_course(user: Any, course: Course) -> None:
    """Take the course to completion the way a learner does: enrol, then report every resource at 100 %."""
    learning_actions.do_enrol(user, course, acting_user=user)
    resources = Resource.objects.filter(module__version=course.published_version_id)
    learning_actions.do_record_progress(
        user,
        [{"resource": r.pk, "percent": 100, "position": None, "page": None, "at": timezone.now()} for r in resources],
    )


class ProgrammeTestCase(CastTestCase):
    ati: Organisation
    coordinator: User
    course: Course
    programme: Programme
    batch: Batch

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.ati = org_actions.do_create_org(
            code="MP-ATI",
            kind="institute",
            name_en="RCVP Noronha Academy",
            name_hi="आरसीवीपी नरोन्हा प्रशासन अकादमी",
            parent=cls.state,
            acting_user=None,
        )
        cls.coordinator = make_person("MP0009", cls.ati, name_en="Vikas Patel", name_hi="विकास पटेल")
        account_actions.do_grant_role(
            user=cls.coordinator, role=Role.PROGRAMME_COORDINATOR, org=cls.ati, acting_user=None
        )
        cls.course = make_course("LAND-101", title_en="Land records", title_hi="भू-अभिलेख")
        cls.programme = actions.do_create_programme(
            code="PATWARI-IND",
            title_en="Induction for newly appointed Patwaris",
            title_hi="नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण",
            org=cls.ati,
            courses=[cls.course],
            attendance_threshold=75,
            acting_user=cls.coordinator,
        )
        cls.batch = cls.make_batch("B1")

    @classmethod
    def make_batch(
        cls,
        code: str,
        *,
        seats: int = 10,
        start_in_days: int = 7,
        days: int = 5,
        programme: Programme | None = None,
        orgs: Any = None,
        designations: Any = None,
    ) -> Batch:
        today = timezone.localdate()
        starts_on = today + datetime.timedelta(days=start_in_days)
        return actions.do_create_batch(
            programme or cls.programme,
            code=code,
            seat_limit=seats,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=days - 1),
            enrolment_ends_on=max(today, starts_on - datetime.timedelta(days=1)),
            venue="RCVP Noronha Academy, Bhopal",
            eligible_designations=designations if designations is not None else [cls.patwari],
            eligible_orgs=orgs if orgs is not None else [cls.dept_a],
            acting_user=cls.coordinator,
        )

    @staticmethod
    def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def add_session(self, batch: Batch, day_offset: int = 0, start: int = 10, end: int = 13, **fields: Any) -> Session:
        day = batch.starts_on + datetime.timedelta(days=day_offset)
        values = {
            "title_en": f"Session on day {day_offset + 1}",
            "title_hi": f"दिन {day_offset + 1} का सत्र",
            "venue_name": "Hall 2, RCVP Noronha Academy",
            "venue_address": "Shyamla Hills, Bhopal",
            **fields,
        }
        return actions.do_add_session(
            batch, starts_at=self.at(day, start), ends_at=self.at(day, end), acting_user=self.coordinator, **values
        )

    def patwaris(self, count: int, prefix: str = "PW", org: Organisation | None = None) -> list[User]:
        return [make_person(f"{prefix}{i:03d}", org or self.district_a, self.patwari) for i in range(1, count + 1)]

    def seat(self, user: User, batch: Batch | None = None) -> Any:
        """A confirmed seat for ``user``, given by the coordinator."""
        [outcome] = actions.do_nominate(batch or self.batch, [user], acting_user=self.coordinator)
        assert outcome.nomination is not None, outcome.error
        return outcome.nomination
