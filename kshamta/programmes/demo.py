"""The programmes demo: induction training for the demo state's Patwaris, planned into batches.

``load_programmes_demo`` runs after the organisation demo (the state, the ATI, the demo accounts) and
writes, with the ordinary actions, once:
- the programme "Induction for newly appointed Patwaris / नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण" of the
  state ATI, coordinated by the demo programme coordinator, two-step approval, 75 % attendance;
- its batches, split by the batch planner the way 1,200 officers go into 10 batches, scaled to the demo's
  Patwaris: the first batch already held (attendance marked, certificates issued), one starting tomorrow
  (so ``send_session_reminders`` has something to send), the rest later;
- sessions at the ATI, at a divisional venue, and one by video conference;
- nominations in every state: seats, waitlist, requested, approved by the nodal officer, rejected, withdrawn.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.utils import timezone

from kshamta.accounts.models import User
from kshamta.orgs.demo import ATI_CODE, DEMO_ACCOUNTS
from kshamta.orgs.models import Designation, Organisation
from kshamta.programmes import actions, planning
from kshamta.programmes.models import Batch, Nomination, Programme

PROGRAMME_CODE = "PATWARI-INDUCTION"
BATCHES = 4
ATI_VENUE = "RCVP Noronha Academy of Administration, Bhopal"
ATI_ADDRESS = "Shyamla Hills, Bhopal 462002"
DIVISION_VENUE = "Divisional Commissioner's Office, Indore"
DIVISION_ADDRESS = "Residency Area, Indore 452001"
VC_LINK = "https://vc.mp.gov.in/room/patwari-induction"


def _account(role: str) -> User | None:
    email = next((a.email for a in DEMO_ACCOUNTS if a.role == role), None)
    return User.objects.filter(email=email).first() if email else None


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _sessions(batch: Batch, coordinator: User, *, venue: str, address: str) -> None:
    day = batch.starts_on
    plan = [
        (0, 10, 13, "Land records: khasra, khatauni and B-1", "भू-अभिलेख: खसरा, खतौनी और बी-1", "S. K. Mishra"),
        (0, 14, 17, "Demarcation and measurement", "सीमांकन और नाप", "R. P. Tiwari"),
        (1, 10, 13, "Mutation (namantaran) procedure", "नामांतरण प्रक्रिया", "S. K. Mishra"),
    ]
    for offset, start, end, title_en, title_hi, trainer in plan:
        session_day = day + datetime.timedelta(days=offset)
        actions.do_add_session(
            batch,
            title_en=title_en,
            title_hi=title_hi,
            starts_at=_at(session_day, start),
            ends_at=_at(session_day, end),
            venue_name=venue,
            venue_address=address,
            vc_link="",
            trainer_name=trainer,
            acting_user=coordinator,
        )
    last = day + datetime.timedelta(days=2)
    actions.do_add_session(
        batch,
        title_en="Address by the Commissioner, Land Records (video conference)",
        title_hi="आयुक्त, भू-अभिलेख का संबोधन (वीडियो कॉन्फ़्रेंस)",
        starts_at=_at(last, 11),
        ends_at=_at(last, 12),
        venue_name="",
        venue_address="",
        vc_link=VC_LINK,
        trainer_name="Commissioner, Land Records",
        acting_user=coordinator,
    )


def load_programmes_demo() -> dict[str, Any]:
    """Write the demo programme once; {} when it is already there or the demo state is missing."""
    if Programme.objects.filter(code=PROGRAMME_CODE).exists():
        return {}
    coordinator = _account("programme_coordinator")
    nodal = _account("nodal_officer")
    ati = Organisation.objects.filter(code=ATI_CODE).first()
    patwari = Designation.objects.filter(code="PATWARI").first()
    revenue = nodal.profile.org if nodal is not None and hasattr(nodal, "profile") else None
    if coordinator is None or nodal is None or ati is None or patwari is None or revenue is None:
        return {}
    programme = actions.do_create_programme(
        code=PROGRAMME_CODE,
        title_en="Induction for newly appointed Patwaris",
        title_hi="नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण",
        description_en=(
            "Five days at the Academy or a divisional venue: land records, demarcation, mutation and the "
            "revenue courts, with an address by the Commissioner by video conference."
        ),
        description_hi=(
            "अकादमी या संभागीय स्थल पर पाँच दिन: भू-अभिलेख, सीमांकन, नामांतरण और राजस्व न्यायालय; आयुक्त का वीडियो कॉन्फ़्रेंस से संबोधन।"
        ),
        org=ati,
        coordinators=[coordinator],
        attendance_threshold=75,
        approval_mode=Programme.ApprovalMode.TWO_STEPS,
        acting_user=coordinator,
    )
    today = timezone.localdate()
    firsts = [today - datetime.timedelta(days=10), today + datetime.timedelta(days=1)]
    firsts += [today + datetime.timedelta(days=15 + 14 * i) for i in range(BATCHES - 2)]
    venues = [(ATI_VENUE, ATI_ADDRESS), (ATI_VENUE, ATI_ADDRESS), (DIVISION_VENUE, DIVISION_ADDRESS)]
    venues += [(ATI_VENUE, ATI_ADDRESS)] * (BATCHES - 3)
    codes = planning.batch_codes("B", BATCHES)
    target = planning.Target(designation_ids=[patwari.pk], org_ids=[revenue.pk])
    # Seats for four in five of them: the rest ask for a seat themselves, as people left over from a split do.
    seats = max(2, math.ceil(target.profiles().count() * 0.8 / BATCHES))
    slots = [
        planning.Slot(codes[i], venues[i][0], first, first + datetime.timedelta(days=4), seats)
        for i, first in enumerate(firsts)
    ]
    plan = actions.do_create_plan(programme, actions.PlanInput(target=target, slots=slots), acting_user=coordinator)
    actions.do_confirm_plan(plan, acting_user=coordinator)
    plan = actions.run_plan(plan.pk, coordinator)  # at once: the demo is loaded in one process
    batches = list(Batch.objects.filter(programme=programme).order_by("starts_on"))
    for batch, (venue, address) in zip(batches, venues, strict=False):
        _sessions(batch, coordinator, venue=venue, address=address)

    # The first batch has been held: most came to every session, a few missed some.
    held = batches[0]
    holders = list(
        Nomination.objects.filter(batch=held, status=Nomination.Status.APPROVED).values_list("user_id", flat=True)
    )
    for index, session in enumerate(held.sessions.order_by("starts_at")):
        present = [uid for n, uid in enumerate(holders) if (n + index) % 7 != 0]
        actions.do_set_attendance(session, present, acting_user=coordinator)

    # Those the plan could not seat ask for themselves in the last batch, which is full: every step of the
    # approval shows, and approved people wait for a seat until a seat holder withdraws.
    last = batches[-1]
    actions.do_update_batch(
        last, seat_limit=max(1, last.nominations.filter(status="approved").count()), acting_user=coordinator
    )
    left_out = [u["user"] for u in plan.proposal.get("unplaced", []) if u.get("user")]
    requests = []
    for user in User.objects.filter(pk__in=left_out).order_by("pk")[:8]:
        try:
            requests.append(actions.do_request_seat(last, user=user))
        except actions.ProgrammeError:
            continue
    steps = ["nodal", "seat", "reject", "seat", "withdraw", "nodal", "seat"]
    # The last request always stays waiting for the nodal officer.
    for nomination, step in zip(requests[:-1], steps, strict=False):
        try:
            if step in ("nodal", "seat"):
                actions.do_approve_nomination(nomination, acting_user=nodal)
            if step == "seat":
                actions.do_approve_nomination(nomination, acting_user=coordinator)
            if step == "reject":
                actions.do_reject_nomination(
                    nomination, reason="Posted on election duty during the batch.", acting_user=nodal
                )
            if step == "withdraw":
                actions.do_withdraw_nomination(nomination, acting_user=nomination.user, reason="Transferred")
        except actions.ProgrammeError:
            continue
    leaving = last.nominations.filter(status="approved", source="planned").order_by("pk").first()
    if leaving is not None:
        actions.do_withdraw_nomination(leaving, acting_user=nodal, reason="Transferred to another district")
    return {
        "programme": programme.code,
        "batches": len(batches),
        "seats": plan.nominations_created,
        "requests": len(requests),
        "completed": Nomination.objects.filter(batch=held, completed_at__isnull=False).count(),
    }
