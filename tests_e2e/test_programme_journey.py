"""A blended programme in a real browser: the nodal officer nominates, the coordinator approves and shows the
session's QR code, the learner opens the address that code holds (signing in on the way), is marked present,
completes the programme and finds the certificate."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Role
from kshamta.catalog.testing import make_course
from kshamta.core.testing import build_cast
from kshamta.orgs import actions as org_actions
from kshamta.programmes import actions
from kshamta.programmes.models import Attendance, Nomination, Programme
from kshamta.programmes.tests.helpers import complete_course, make_person

# The live server runs in another thread: it only sees committed data.
pytestmark = pytest.mark.django_db(transaction=True)


def emailed_code(address: str) -> str:
    """The 6-digit code in the newest e-mail to ``address`` (jobs run inline, mail stays in memory)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            match = re.search(r"\b(\d{6})\b", str(message.body))
            if match:
                return match.group(1)
    raise AssertionError(f"no code e-mailed to {address}; outbox has {[m.to for m in mail.outbox]}")


def sign_in(page: Page, email: str) -> None:
    """Sign in with a one-time code on the page the browser is at (the sign-in page)."""
    page.get_by_label("E-mail address or mobile number").fill(email)
    page.get_by_role("button", name="Send code").click()
    page.get_by_label("6-digit code").fill(emailed_code(email))
    page.get_by_role("button", name="Sign in").click()


def make_world() -> Any:
    """The cast, a coordinator at the ATI, a two-step programme with one online course, and a batch whose only
    session is running now. The learner has already finished the online course."""
    world = SimpleNamespace()
    build_cast(world)
    ati = org_actions.do_create_org(
        code="MP-ATI", kind="institute", name_en="RCVP Noronha Academy", name_hi="नरोन्हा अकादमी", parent=world.state,
        acting_user=None,
    )  # fmt: skip
    world.coordinator = make_person("MP0009", ati, name_en="Vikas Patel", email="programme.coordinator@mp.gov.in")
    account_actions.do_grant_role(user=world.coordinator, role=Role.PROGRAMME_COORDINATOR, org=ati, acting_user=None)
    course = make_course("LAND-101", title_en="Land records", title_hi="भू-अभिलेख")
    world.programme = actions.do_create_programme(
        code="PATWARI-IND",
        title_en="Induction for newly appointed Patwaris",
        title_hi="नवनियुक्त पटवारियों का प्रवेश प्रशिक्षण",
        org=ati,
        courses=[course],
        approval_mode=Programme.ApprovalMode.TWO_STEPS,
        acting_user=world.coordinator,
    )
    now = timezone.now()
    starts_at, ends_at = now - datetime.timedelta(minutes=30), now + datetime.timedelta(hours=2)
    first_day, last_day = timezone.localdate(starts_at), timezone.localdate(ends_at)
    world.batch = actions.do_create_batch(
        world.programme,
        code="B1",
        seat_limit=30,
        starts_on=first_day,
        ends_on=last_day,
        enrolment_ends_on=last_day,
        venue="RCVP Noronha Academy, Bhopal",
        eligible_designations=[world.patwari],
        eligible_orgs=[world.dept_a],
        acting_user=world.coordinator,
    )
    world.session = actions.do_add_session(
        world.batch,
        title_en="Land records: khasra and khatauni",
        title_hi="भू-अभिलेख: खसरा और खतौनी",
        starts_at=starts_at,
        ends_at=ends_at,
        venue_name="Hall 2, RCVP Noronha Academy",
        venue_address="Shyamla Hills, Bhopal",
        trainer_name="S. K. Mishra",
        acting_user=world.coordinator,
    )
    complete_course(world.learner_a, course)
    return world


def test_nominate_approve_attend_by_qr_complete_and_see_the_certificate(
    page: Page, browser: Browser, live_server: Any
) -> None:
    world = make_world()

    # The nodal officer of the Revenue Department nominates Sita Devi from the batch page.
    page.goto("/programmes/")
    sign_in(page, world.nodal_a.email)
    page.goto("/programmes/")
    page.get_by_role("link", name=re.compile("Induction for newly appointed Patwaris")).click()
    page.get_by_role("link", name="B1", exact=True).click()
    page.get_by_role("link", name="Nominate people").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nominate people: PATWARI-IND/B1")
    page.get_by_label("Nominate Sita Devi (MP0003)").check()
    page.get_by_role("button", name="Nominate", exact=True).click()
    expect(page.locator("table.outcomes")).to_contain_text("Approved by the nodal officer")
    nomination = Nomination.objects.get(batch=world.batch, user=world.learner_a)
    assert nomination.status == Nomination.Status.NODAL_APPROVED

    # The coordinator approves from the queue (the seat), then puts the session's QR code on the screen.
    coordinator_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    coordinator = coordinator_context.new_page()
    try:
        coordinator.goto("/programmes/approvals/")
        sign_in(coordinator, world.coordinator.email)
        expect(coordinator.get_by_role("heading", level=1)).to_have_text("Nominations waiting for approval")
        coordinator.get_by_label("Select Sita Devi").check()
        coordinator.get_by_role("button", name="Approve the ticked").click()
        expect(coordinator.locator(".messages")).to_contain_text("1 nominations decided.")
        nomination.refresh_from_db()
        assert nomination.status == Nomination.Status.APPROVED

        coordinator.goto(f"/programmes/batches/{world.batch.pk}/")
        coordinator.get_by_role("link", name="QR check-in").click()
        qr_code = coordinator.locator("figure.qr")
        expect(qr_code.locator("svg")).to_be_visible()
        expect(coordinator.locator(".present-count")).to_have_text("Present: 0 of 1")
        checkin_url = qr_code.get_attribute("data-checkin-url")
        assert checkin_url and checkin_url.startswith(f"{live_server.url}/programmes/checkin/{world.session.pk}/")

        # The learner's phone opens the address in the code: sign in, and straight back to the check-in.
        learner_context = browser.new_context(base_url=live_server.url, locale="en-GB")
        learner = learner_context.new_page()
        try:
            learner.goto(checkin_url)
            expect(learner).to_have_url(re.compile(r"/sign-in/"))
            sign_in(learner, world.learner_a.email)
            expect(learner.get_by_role("status")).to_contain_text("You are marked present")
            assert Attendance.objects.filter(session=world.session, user=world.learner_a, method="qr").exists()

            # The screen in the room counts the person (the code part refreshes by itself).
            expect(coordinator.locator(".present-count")).to_have_text("Present: 1 of 1", timeout=15_000)

            # Online course done and attendance at 100 %: complete, with the certificate.
            learner.locator("#main").get_by_role("link", name="My programmes").click()
            card = learner.locator(f"#my-nomination-{nomination.pk}")
            expect(card).to_contain_text("Completed on")
            download = card.get_by_role("link", name="Download the certificate (PDF)")
            expect(download).to_be_visible()
            nomination.refresh_from_db()
            assert nomination.certificate is not None
            card.get_by_role("link", name="Verification page").click()
            expect(learner).to_have_url(re.compile(rf"/verify/{nomination.certificate.pk}/"))
            expect(learner.locator("main")).to_contain_text("Induction for newly appointed Patwaris")
        finally:
            learner_context.close()
    finally:
        coordinator_context.close()
