"""Batch planning: seats never exceeded, nobody in two overlapping batches, districts kept together where there is
room; the coordinator adjusts the proposal, then confirms it as a background job."""

from __future__ import annotations

import datetime
import random

from django.test import SimpleTestCase
from django.urls import reverse

from kshamta.accounts.models import User
from kshamta.core.models import AuditEvent
from kshamta.orgs import actions as org_actions
from kshamta.orgs.models import Organisation
from kshamta.programmes import actions, planning
from kshamta.programmes.actions import PlanInput, ProgrammeError
from kshamta.programmes.models import Batch, Nomination, Plan
from kshamta.programmes.planning import Busy, Person, Slot
from kshamta.programmes.tests.helpers import ProgrammeTestCase, make_person

DAY = datetime.date(2026, 8, 3)


def slots(count: int, seats: int, days: int = 5) -> list[Slot]:
    return planning.even_slots(count=count, seats=seats, first_day=DAY, days=days, gap_days=2)


def district_people(sizes: list[int]) -> list[Person]:
    people, uid = [], 0
    for district, size in enumerate(sizes, start=1):
        for _ in range(size):
            uid += 1
            people.append(Person(uid, district))
    return people


def assert_sound(case: SimpleTestCase, proposal: planning.Proposal, people: list[Person]) -> None:
    """Seats never exceeded, nobody twice, nobody in a batch overlapping their other batches, everyone accounted."""
    by_id = {p.user_id: p for p in people}
    placed = [uid for members in proposal.members for uid in members]
    case.assertEqual(len(placed), len(set(placed)))
    for slot, members in zip(proposal.slots, proposal.members, strict=True):
        case.assertLessEqual(len(members), slot.seats)
        for uid in members:
            case.assertIsNone(by_id[uid].clash_with(slot), (uid, slot.code))
    case.assertEqual(len(placed) + len(proposal.unplaced), len(people))


class ProposalTests(SimpleTestCase):
    def test_districts_stay_together_when_there_is_room(self) -> None:
        people = district_people([10, 8, 6, 9, 7])  # 40 people, 2 batches of 25: 10+9+6 and 8+7
        proposal = planning.propose(people, slots(2, 25))
        assert_sound(self, proposal, people)
        self.assertEqual(proposal.unplaced, [])
        district = {p.user_id: p.district_id for p in people}
        homes: dict[int, set[int]] = {}
        for index, members in enumerate(proposal.members):
            for uid in members:
                homes.setdefault(district[uid], set()).add(index)
        self.assertTrue(all(len(batches) == 1 for batches in homes.values()), homes)

    def test_a_district_larger_than_a_batch_is_split_and_the_rest_stays_whole(self) -> None:
        people = district_people([25, 5, 5])  # 35 people, 2 batches of 20
        proposal = planning.propose(people, slots(2, 20))
        assert_sound(self, proposal, people)
        district = {p.user_id: p.district_id for p in people}
        spread = {d: {i for i, m in enumerate(proposal.members) for u in m if district[u] == d} for d in (1, 2, 3)}
        self.assertEqual(len(spread[1]), 2)
        self.assertEqual((len(spread[2]), len(spread[3])), (1, 1))

    def test_nobody_lands_in_a_batch_overlapping_their_other_batches(self) -> None:
        people = district_people([12, 12])
        the_slots = slots(3, 10)
        # Half of district 1 is busy during the first batch, a few of district 2 during the second and third.
        for person in people[:6]:
            person.busy = (Busy(the_slots[0].starts_on, the_slots[0].ends_on, "OTHER/X"),)
        for person in people[12:15]:
            person.busy = (Busy(the_slots[1].starts_on, the_slots[2].ends_on, "OTHER/Y"),)
        proposal = planning.propose(people, the_slots)
        assert_sound(self, proposal, people)
        self.assertEqual(proposal.unplaced, [])

    def test_people_who_cannot_be_placed_are_explained(self) -> None:
        people = district_people([5])
        the_slots = slots(1, 3)
        people[0].busy = (Busy(the_slots[0].starts_on, the_slots[0].ends_on, "RTI-WS/W1"),)
        proposal = planning.propose(people, the_slots)
        assert_sound(self, proposal, people)
        reasons = sorted((u.reason, u.detail) for u in proposal.unplaced)
        self.assertEqual(reasons, [("clash", "RTI-WS/W1"), ("full", "")])

    def test_random_groups_never_break_the_rules(self) -> None:
        rng = random.Random(7)
        for _round in range(30):
            people = district_people([rng.randint(1, 40) for _ in range(rng.randint(1, 12))])
            the_slots = slots(rng.randint(1, 8), rng.randint(5, 60), days=rng.randint(1, 6))
            for person in rng.sample(people, len(people) // 5):
                other = rng.choice(the_slots)
                person.busy = (Busy(other.starts_on, other.ends_on, "OTHER"),)
            proposal = planning.propose(people, the_slots, keep_districts=rng.random() < 0.8)
            assert_sound(self, proposal, people)
            capacity = sum(s.seats for s in the_slots)
            if capacity >= len(people) and not any(p.busy for p in people):
                self.assertEqual(proposal.unplaced, [])

    def test_round_robin_ignores_districts(self) -> None:
        people = district_people([10, 10])
        proposal = planning.round_robin(people, slots(2, 10))
        self.assertEqual([len(m) for m in proposal.members], [10, 10])
        self.assertEqual(proposal.members[0][:2], [1, 3])

    def test_batch_codes_skip_those_in_use(self) -> None:
        self.assertEqual(planning.batch_codes("B", 3, ["B02"]), ["B01", "B03", "B04"])


class PlanFlowTests(ProgrammeTestCase):
    district_c: Organisation
    tehsil: Organisation
    bhopal: list[User]
    indore: list[User]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.district_c = org_actions.do_create_org(
            code="MP-REV-IND",
            kind="district",
            name_en="Collectorate Indore",
            name_hi="कलेक्टोरेट इंदौर",
            parent=cls.dept_a,
            acting_user=None,
        )
        cls.tehsil = org_actions.do_create_org(
            code="MP-REV-IND-T1",
            kind="office",
            name_en="Tehsil Mhow",
            name_hi="तहसील महू",
            parent=cls.district_c,
            acting_user=None,
        )
        cls.bhopal = [make_person(f"BP{i:02d}", cls.district_a, cls.patwari) for i in range(6)]
        cls.indore = [make_person(f"IN{i:02d}", cls.tehsil, cls.patwari) for i in range(5)]

    def plan(self, seats: int = 6, count: int = 2, **target: object) -> Plan:
        the_slots = planning.even_slots(
            count=count,
            seats=seats,
            first_day=self.batch.ends_on + datetime.timedelta(days=10),
            days=3,
            venue="RCVP Noronha Academy, Bhopal",
            prefix="P",
        )
        wanted = planning.Target(
            designation_ids=[self.patwari.pk],
            org_ids=[self.dept_a.pk],
            **target,  # type: ignore[arg-type]
        )
        return actions.do_create_plan(
            self.programme, PlanInput(target=wanted, slots=the_slots), acting_user=self.coordinator
        )

    def test_districts_come_from_the_nearest_district_level_organisation(self) -> None:
        districts = planning.district_of_orgs([self.tehsil.pk, self.district_a.pk, self.dept_a.pk])
        self.assertEqual(
            districts,
            {
                self.tehsil.pk: self.district_c.pk,
                self.district_a.pk: self.district_a.pk,
                self.dept_a.pk: self.dept_a.pk,
            },
        )

    def test_propose_explain_adjust_and_confirm(self) -> None:
        self.seat(self.bhopal[0])  # already in batch B1 of the programme: left out, with the reason
        plan = self.plan()
        explanation = planning.explain(plan.proposal)
        self.assertEqual(explanation.placed, 11)  # learner_a and 10 more; bhopal[0] already in B1
        self.assertEqual([b.count for b in explanation.batches], [6, 5])
        self.assertEqual(
            [[name for name, _n in b.districts] for b in explanation.batches],
            [["Collectorate Bhopal"], ["Collectorate Indore"]],
        )
        self.assertEqual(explanation.split_districts, [])
        [(code, _name, why)] = explanation.unplaced
        self.assertEqual((code, why), ("BP00", "Already in batch B1 of this programme."))

        with self.assertRaisesMessage(ProgrammeError, "Batch P01 is full: swap two people instead."):
            actions.do_move_in_plan(plan, code="IN00", to_index=0, acting_user=self.coordinator)
        actions.do_move_in_plan(plan, code="BP01", to_index=1, acting_user=self.coordinator)
        actions.do_swap_in_plan(plan, code_a="BP02", code_b="IN01", acting_user=self.coordinator)
        with self.assertRaisesMessage(ProgrammeError, "Both people are in the same batch."):
            actions.do_swap_in_plan(plan, code_a="BP01", code_b="IN02", acting_user=self.coordinator)
        plan.refresh_from_db()
        members = [set(b["members"]) for b in plan.proposal["batches"]]
        self.assertIn(self.bhopal[1].pk, members[1])
        self.assertIn(self.indore[1].pk, members[0])
        self.assertIn(self.bhopal[2].pk, members[1])

        with self.captureOnCommitCallbacks(execute=True):
            actions.do_confirm_plan(plan, acting_user=self.coordinator)
        plan.refresh_from_db()
        self.assertEqual(plan.status, Plan.Status.CONFIRMED)
        self.assertEqual((plan.batches_created, plan.nominations_created, plan.processed), (2, 11, 11))
        p01 = Batch.objects.get(programme=self.programme, code="P01")
        self.assertEqual(p01.seat_limit, 6)
        self.assertEqual(list(p01.eligible_designations.all()), [self.patwari])
        self.assertEqual(
            Nomination.objects.filter(batch__code__in=["P01", "P02"], status="approved", source="planned").count(), 11
        )
        self.assertTrue(AuditEvent.objects.filter(action="plan.confirm", target_id=str(plan.pk)).exists())
        with self.assertRaises(ProgrammeError):
            actions.do_move_in_plan(plan, code="BP01", to_index=0, acting_user=self.coordinator)

    def test_confirming_again_writes_nothing_twice_and_skips_people_who_took_a_seat_meanwhile(self) -> None:
        plan = self.plan(seats=11, count=1)
        actions.do_create_batch(
            self.programme,
            code="ELSE",
            seat_limit=5,
            starts_on=datetime.date.fromisoformat(plan.proposal["batches"][0]["starts_on"]),
            ends_on=datetime.date.fromisoformat(plan.proposal["batches"][0]["ends_on"]),
            enrolment_ends_on=self.batch.starts_on,
            eligible_designations=[self.patwari],
            acting_user=self.coordinator,
        )
        self.seat(self.indore[0], Batch.objects.get(code="ELSE"))
        with self.captureOnCommitCallbacks(execute=True):
            actions.do_confirm_plan(plan, acting_user=self.coordinator)
        plan.refresh_from_db()
        self.assertEqual(plan.nominations_created, 10)
        self.assertEqual(plan.skipped, [{"user": self.indore[0].pk, "batch": "P01"}])
        Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.FAILED)
        actions.run_plan(plan.pk)
        self.assertEqual(Nomination.objects.filter(batch__code="P01").count(), 10)

    def test_moves_that_would_overlap_another_batch_are_refused(self) -> None:
        plan = self.plan(seats=12, count=2)
        other = actions.do_create_programme(
            code="RTI-WS", title_en="RTI workshop", org=self.ati, acting_user=self.coordinator
        )
        second = plan.proposal["batches"][1]
        clashing = actions.do_create_batch(
            other,
            code="W1",
            seat_limit=5,
            starts_on=datetime.date.fromisoformat(second["starts_on"]),
            ends_on=datetime.date.fromisoformat(second["ends_on"]),
            enrolment_ends_on=self.batch.starts_on,
            acting_user=self.coordinator,
        )
        self.seat(self.bhopal[3], clashing)
        with self.assertRaisesMessage(ProgrammeError, "This person's batch RTI-WS/W1 overlaps batch P02."):
            actions.do_move_in_plan(plan, code="BP03", to_index=1, acting_user=self.coordinator)

    def test_plan_pages(self) -> None:
        self.client.force_login(self.coordinator)
        new = reverse("programmes:plan_new", args=[self.programme.code])
        self.assertEqual(self.client.get(new).status_code, 200)
        response = self.client.post(
            new,
            {
                "designations": "PATWARI",
                "orgs": "MP-REV",
                "seats": 6,
                "mode": "list",
                "code_prefix": "V",
                "slots": "RCVP Noronha Academy, Bhopal; 03-08-2030; 05-08-2030\nIndore ATI; 10-08-2030; 12-08-2030; 8",
                "keep_districts": "on",
                "avoid_clashes": "on",
            },
        )
        plan = Plan.objects.get()
        self.assertRedirects(response, reverse("programmes:plan", args=[plan.pk]))
        page = self.client.get(reverse("programmes:plan", args=[plan.pk]))
        self.assertContains(page, "12 of 12 people placed in 2 batches.")
        self.assertContains(page, "Indore ATI")
        self.assertContains(page, "Every district is kept in one batch.")
        bad = self.client.post(
            new,
            {
                "designations": "PATWARI",
                "seats": 6,
                "mode": "list",
                "code_prefix": "V",
                "slots": "Somewhere; 2030-13-45; 05-08-2030",
            },
        )
        self.assertContains(bad, "Line 1: dates are written dd-mm-yyyy.", status_code=400)
        nobody = self.client.post(
            new, {"seats": 6, "mode": "even", "count": 2, "days": 3, "first_day": "2030-08-03", "code_prefix": "Q"}
        )
        self.assertContains(nobody, "Choose the target group: a filter or a list of people.", status_code=400)
        moved = self.client.post(reverse("programmes:plan_move", args=[plan.pk]), {"code": "NOBODY", "to": 0})
        self.assertContains(moved, "No one has the employee code NOBODY.", status_code=400)
        with self.captureOnCommitCallbacks(execute=True):
            confirmed = self.client.post(reverse("programmes:plan_confirm", args=[plan.pk]))
        self.assertRedirects(confirmed, reverse("programmes:plan", args=[plan.pk]))
        progress = self.client.get(reverse("programmes:plan_progress", args=[plan.pk]))
        self.assertContains(progress, "Done: 2 batches and 12 seats created.")
        self.assertNotContains(progress, "hx-trigger")

    def test_plan_pages_deny_everyone_but_the_managers(self) -> None:
        plan = self.plan()
        for user in (self.outsider, self.nodal_a, self.learner_a):
            self.client.force_login(user)
            self.assertEqual(self.client.get(reverse("programmes:plan", args=[plan.pk])).status_code, 404)
            self.assertEqual(
                self.client.get(reverse("programmes:plan_new", args=[self.programme.code])).status_code, 404
            )
            self.assertEqual(self.client.post(reverse("programmes:plan_confirm", args=[plan.pk])).status_code, 404)
        plan.refresh_from_db()
        self.assertEqual(plan.status, Plan.Status.PROPOSED)
        self.client.logout()
        self.assertEqual(self.client.get(reverse("programmes:plan", args=[plan.pk])).status_code, 302)
