"""Seat limits hold: sequentially, and with real threads racing for the last seat on PostgreSQL."""

from __future__ import annotations

import datetime
import threading
import unittest
from types import SimpleNamespace

from django.db import connection, connections
from django.test import TransactionTestCase
from django.utils import timezone

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.core.testing import build_cast
from kshamta.orgs import actions as org_actions
from kshamta.programmes import actions
from kshamta.programmes.models import Nomination
from kshamta.programmes.tests.helpers import ProgrammeTestCase, make_person


class SequentialSeatTests(ProgrammeTestCase):
    def test_approvals_beyond_the_seats_go_to_the_waitlist_in_order(self) -> None:
        batch = self.make_batch("SEQ", seats=3)
        people = self.patwaris(7)
        requests = [actions.do_request_seat(batch, user=p) for p in people]
        for nomination in requests:
            actions.do_approve_nomination(nomination, acting_user=self.nodal_a)
        rows = list(Nomination.objects.filter(batch=batch).order_by("pk").values_list("status", "waitlist_position"))
        self.assertEqual(rows, [("approved", None)] * 3 + [("waitlisted", n) for n in (1, 2, 3, 4)])
        # Approving a waitlisted person again does not jump the queue.
        with self.assertRaises(actions.ProgrammeError):
            actions.do_approve_nomination(requests[5], acting_user=self.coordinator)


@unittest.skipUnless(connection.vendor == "postgresql", "row locks are only real on PostgreSQL")
class ConcurrentLastSeatTests(TransactionTestCase):
    """50 approvals at once for the last free seat: exactly one gets it, the rest are waitlisted 1..49."""

    PEOPLE = 50

    def test_fifty_concurrent_approvals_for_the_last_seat(self) -> None:
        cast = SimpleNamespace()
        build_cast(cast)
        ati = org_actions.do_create_org(
            code="MP-ATI", kind="institute", name_en="ATI", name_hi="एटीआई", parent=cast.state, acting_user=None
        )
        coordinator = make_person("CO001", ati)
        account_actions.do_grant_role(user=coordinator, role=Role.PROGRAMME_COORDINATOR, org=ati, acting_user=None)
        programme = actions.do_create_programme(code="RACE", title_en="Race", org=ati, acting_user=coordinator)
        start = timezone.localdate() + datetime.timedelta(days=5)
        batch = actions.do_create_batch(
            programme,
            code="B1",
            seat_limit=10,
            starts_on=start,
            ends_on=start,
            enrolment_ends_on=start,
            acting_user=coordinator,
        )
        holders = [make_person(f"HO{i:03d}", cast.district_a, cast.patwari) for i in range(9)]
        actions.do_nominate(batch, holders, acting_user=coordinator)
        racers = [make_person(f"RC{i:03d}", cast.district_a, cast.patwari) for i in range(self.PEOPLE)]
        requests = [actions.do_request_seat(batch, user=p) for p in racers]
        self.assertEqual(Nomination.objects.filter(batch=batch, status="approved").count(), 9)

        barrier = threading.Barrier(self.PEOPLE)
        errors: list[BaseException] = []

        def approve(nomination: Nomination) -> None:
            try:
                barrier.wait(timeout=30)
                actions.do_approve_nomination(nomination, acting_user=coordinator)
            except BaseException as exc:  # reported below; a thread must not die silently
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=approve, args=(n,)) for n in requests]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertEqual(errors, [])
        rows = Nomination.objects.filter(batch=batch, user__in=racers)
        self.assertEqual(rows.filter(status="approved").count(), 1)
        self.assertEqual(rows.filter(status="waitlisted").count(), self.PEOPLE - 1)
        self.assertEqual(
            sorted(rows.filter(status="waitlisted").values_list("waitlist_position", flat=True)),
            list(range(1, self.PEOPLE)),
        )
        self.assertEqual(Nomination.objects.filter(batch=batch, status="approved").count(), 10)
