from __future__ import annotations

import datetime
import threading
import unittest
from zoneinfo import ZoneInfo

from django.db import connection, connections
from django.test import TransactionTestCase

from kshamta.accounts import actions as account_actions
from kshamta.core.testing import CastTestCase
from kshamta.engagement import ledger
from kshamta.engagement.actions import do_award_karma
from kshamta.engagement.karma import MONTHLY_CAP, POINTS, Rule, assessment_source, course_source
from kshamta.engagement.models import KarmaEntry
from kshamta.orgs import actions as org_actions

IST = ZoneInfo("Asia/Kolkata")


def ist(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=IST)


class AwardOnceTests(CastTestCase):
    def test_rerunning_an_award_never_counts_twice(self) -> None:
        first = do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(7))
        self.assertIsNotNone(first)
        assert first is not None
        self.assertEqual(first.points, POINTS[Rule.COURSE_COMPLETED])
        for _ in range(3):
            self.assertIsNone(
                do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(7))
            )
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 1)
        self.assertEqual(ledger.balance(self.learner_a), 10)

    def test_same_source_under_another_rule_or_for_another_person_is_separate(self) -> None:
        do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(7))
        do_award_karma(user=self.learner_a, rule=Rule.ASSIGNED_ON_TIME, source_key=course_source(7))
        do_award_karma(user=self.learner_b, rule=Rule.COURSE_COMPLETED, source_key=course_source(7))
        self.assertEqual(ledger.balance(self.learner_a), POINTS[Rule.COURSE_COMPLETED] + POINTS[Rule.ASSIGNED_ON_TIME])
        self.assertEqual(ledger.balance(self.learner_b), POINTS[Rule.COURSE_COMPLETED])

    def test_assessment_counts_on_its_first_pass_only(self) -> None:
        self.assertIsNotNone(
            do_award_karma(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED, source_key=assessment_source(3))
        )
        self.assertIsNone(
            do_award_karma(user=self.learner_a, rule=Rule.ASSESSMENT_PASSED, source_key=assessment_source(3))
        )
        self.assertEqual(ledger.balance(self.learner_a), POINTS[Rule.ASSESSMENT_PASSED])

    def test_a_rerun_inside_a_larger_transaction_leaves_it_usable(self) -> None:
        from django.db import transaction

        with transaction.atomic():
            do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(1))
            do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(1))
            # Still usable after the duplicate was turned away.
            do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(2))
        self.assertEqual(KarmaEntry.objects.filter(user=self.learner_a).count(), 2)

    def test_unknown_rule_fails_loudly(self) -> None:
        with self.assertRaises(KeyError):
            do_award_karma(user=self.learner_a, rule="made_up", source_key="x")


class MonthlyCapTests(CastTestCase):
    cap = MONTHLY_CAP[Rule.COURSE_RATED]
    each = POINTS[Rule.COURSE_RATED]

    def rate(self, n: int, at: datetime.datetime) -> KarmaEntry | None:
        return do_award_karma(user=self.learner_a, rule=Rule.COURSE_RATED, source_key=course_source(n), at=at)

    def test_the_cap_holds_within_a_month(self) -> None:
        awarded = [self.rate(n, ist(2026, 3, 1 + n)) for n in range(self.cap // self.each + 5)]
        self.assertEqual(sum(1 for a in awarded if a is not None), self.cap // self.each)
        self.assertEqual(ledger.month_points(self.learner_a, datetime.date(2026, 3, 1)), self.cap)
        self.assertEqual(ledger.balance(self.learner_a), self.cap)

    def test_the_cap_resets_next_month(self) -> None:
        for n in range(self.cap // self.each + 2):
            self.rate(n, ist(2026, 3, 20))
        self.assertIsNone(self.rate(100, ist(2026, 3, 31, 23)))
        # 1 April 00:30 in India is still 31 March in UTC: the month is India's.
        self.assertIsNotNone(self.rate(101, ist(2026, 4, 1, 0).replace(minute=30)))
        self.assertEqual(ledger.month_points(self.learner_a, datetime.date(2026, 4, 1)), self.each)
        self.assertEqual(ledger.balance(self.learner_a), self.cap + self.each)

    def test_a_rating_refused_by_the_cap_can_not_earn_twice_later(self) -> None:
        # Capped in March, so nothing was recorded: the same course can still earn in April, once.
        for n in range(self.cap // self.each):
            self.rate(n, ist(2026, 3, 10))
        self.assertIsNone(self.rate(500, ist(2026, 3, 11)))
        self.assertIsNotNone(self.rate(500, ist(2026, 4, 2)))
        self.assertIsNone(self.rate(500, ist(2026, 5, 2)))

    def test_other_rules_and_people_are_not_capped_by_it(self) -> None:
        for n in range(self.cap // self.each):
            self.rate(n, ist(2026, 3, 10))
        self.assertIsNotNone(
            do_award_karma(
                user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(1), at=ist(2026, 3, 12)
            )
        )
        self.assertIsNotNone(
            do_award_karma(
                user=self.learner_b, rule=Rule.COURSE_RATED, source_key=course_source(1), at=ist(2026, 3, 12)
            )
        )

    def test_totals_give_balance_and_this_month(self) -> None:
        self.rate(1, ist(2026, 2, 10))
        self.rate(2, ist(2026, 3, 10))
        do_award_karma(
            user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(2), at=ist(2026, 3, 11)
        )
        totals = ledger.totals(self.learner_a, now=ist(2026, 3, 15))
        self.assertEqual((totals.balance, totals.this_month), (2 * self.each + 10, self.each + 10))


class AppendOnlyTests(CastTestCase):
    def test_entries_can_not_be_changed_or_deleted(self) -> None:
        entry = do_award_karma(user=self.learner_a, rule=Rule.COURSE_COMPLETED, source_key=course_source(1))
        assert entry is not None
        entry.points = 1000
        with self.assertRaises(TypeError):
            entry.save()
        with self.assertRaises(TypeError):
            entry.delete()
        with self.assertRaises(TypeError):
            KarmaEntry.objects.filter(pk=entry.pk).update(points=1000)
        with self.assertRaises(TypeError):
            KarmaEntry.objects.filter(pk=entry.pk).delete()
        self.assertEqual(ledger.balance(self.learner_a), 10)

    def test_admin_shows_the_ledger_read_only(self) -> None:
        from django.contrib import admin

        model_admin = admin.site._registry[KarmaEntry]
        request = type("R", (), {"user": self.state_admin})()
        self.assertFalse(model_admin.has_add_permission(request))
        self.assertFalse(model_admin.has_change_permission(request))
        self.assertFalse(model_admin.has_delete_permission(request))

    def test_deleting_a_person_still_removes_their_entries(self) -> None:
        profile = account_actions.do_create_person(
            employee_code="MP0099",
            name_en="Temp Person",
            name_hi="अस्थायी",
            org=self.district_a,
            designation=None,
            email="temp@mp.gov.in",
            mobile="9000000099",
            acting_user=None,
        )
        do_award_karma(user=profile.user, rule=Rule.COURSE_COMPLETED, source_key=course_source(1))
        profile.user.delete()
        self.assertFalse(KarmaEntry.objects.filter(source_key=course_source(1)).exists())


@unittest.skipUnless(connection.vendor == "postgresql", "row locks need PostgreSQL (SQLite lets one writer in)")
class ConcurrentCapTests(TransactionTestCase):
    """Many capped awards for one person at the same moment: the month's total never passes the cap."""

    def test_racing_awards_stay_under_the_cap(self) -> None:
        state = org_actions.do_create_org(
            code="MP", kind="state", name_en="Madhya Pradesh", name_hi="मध्य प्रदेश", parent=None, acting_user=None
        )
        user = account_actions.do_create_person(
            employee_code="MP0100",
            name_en="Racer",
            name_hi="रेसर",
            org=state,
            designation=None,
            email="racer@mp.gov.in",
            mobile="9000000100",
            acting_user=None,
        ).user
        threads_count = 24
        barrier = threading.Barrier(threads_count)
        failures: list[BaseException] = []

        def award(n: int) -> None:
            try:
                barrier.wait(timeout=30)
                do_award_karma(user=user, rule=Rule.COURSE_RATED, source_key=course_source(n))
            except BaseException as exc:  # reported below, in the test's thread
                failures.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=award, args=(n,)) for n in range(threads_count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertEqual(failures, [])
        self.assertEqual(ledger.balance(user), MONTHLY_CAP[Rule.COURSE_RATED])
        self.assertEqual(
            KarmaEntry.objects.filter(user=user).count(), MONTHLY_CAP[Rule.COURSE_RATED] // POINTS[Rule.COURSE_RATED]
        )
