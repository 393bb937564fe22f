"""People register themselves in a real browser: an allow-listed e-mail is active at once; any other waits
until the nodal officer approves it on /org/registrations/."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from kshamta.accounts.models import EmailDomain, Profile, RegistrationRequest, User
from kshamta.core.testing import build_cast
from kshamta.notifications.models import Message

# The live server runs in another thread: it only sees committed data.
pytestmark = pytest.mark.django_db(transaction=True)


def make_cast() -> Any:
    cast = SimpleNamespace()
    build_cast(cast)
    # A migration seeds the allow-list, but a transactional test empties every table when it ends,
    # so a browser test that runs after another one would find it empty.
    for domain in ("gov.in", "nic.in"):
        EmailDomain.objects.get_or_create(domain=domain)
    return cast


def emailed_code(address: str) -> str:
    """The 6-digit code in the newest e-mail to ``address`` (jobs run inline, mail stays in memory)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            match = re.search(r"\b(\d{6})\b", str(message.body))
            assert match, message.body
            return match.group(1)
    raise AssertionError(f"no e-mail to {address}; outbox has {[m.to for m in mail.outbox]}")


def verify_identity(page: Page, base_url: str, email: str) -> None:
    """/register/ → the code from the e-mail → the details page."""
    page.goto("/register/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    page.get_by_label("E-mail address or mobile number").fill(email)
    page.get_by_role("button", name="Send code").click()
    expect(page).to_have_url(f"{base_url}/register/code/")
    page.get_by_label("6-digit code").fill(emailed_code(email))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base_url}/register/details/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your details")
    expect(page.locator("main")).to_contain_text(f"Registering {email}.")


def fill_details(page: Page, cast: Any, *, code: str, name_en: str, name_hi: str) -> None:
    page.get_by_label("Employee code", exact=True).fill(code)
    page.get_by_label("Name (English)", exact=True).fill(name_en)
    page.get_by_label("Name (Hindi)", exact=True).fill(name_hi)
    office = page.get_by_label("Office", exact=True)
    # Before a department is chosen the office list holds only its prompt.
    expect(office.locator("option")).to_have_count(1)
    page.get_by_label("Department", exact=True).select_option(label="Revenue Department")
    # htmx swaps in the department's offices (the department itself and Collectorate Bhopal) and designations.
    expect(office.locator("option")).to_have_count(3)
    expect(office.locator("option").nth(2)).to_contain_text("Collectorate Bhopal (MP-REV-BPL)")
    expect(page.get_by_label("Department", exact=True)).to_have_value(str(cast.dept_a.pk))
    expect(page.get_by_label("Name (Hindi)", exact=True)).to_have_value(name_hi)  # what was typed survives the swap
    office.select_option(value=str(cast.district_a.pk))
    page.get_by_label("Designation", exact=True).select_option(value=str(cast.patwari.pk))
    page.get_by_label("Gender", exact=True).select_option(value="F")


def test_allow_listed_email_is_active_at_once_and_another_waits_for_the_nodal_officer(
    page: Page, live_server: Any
) -> None:
    cast = make_cast()
    base = live_server.url

    # 1. On an allow-listed domain (mp.gov.in is under gov.in): signed in on the home page at once.
    verify_identity(page, base, "new.person@mp.gov.in")
    expect(page.get_by_text("Your nodal officer will check these details")).to_have_count(0)
    fill_details(page, cast, code="MP9200", name_en="Neha Gupta", name_hi="नेहा गुप्ता")
    page.get_by_role("button", name="Register").click()
    expect(page).to_have_url(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Neha Gupta")
    expect(page.locator(".messages")).to_contain_text("Welcome to Kshamta. Your account is active.")
    expect(page.locator(".facts")).to_contain_text("MP9200")
    expect(page.locator(".facts")).to_contain_text("Patwari")
    expect(page.locator(".facts")).to_contain_text("Collectorate Bhopal")
    neha = Profile.objects.select_related("user").get(employee_code="MP9200")
    assert (neha.user.email, neha.user.name_hi, neha.org_id) == ("new.person@mp.gov.in", "नेहा गुप्ता", cast.district_a.pk)
    assert neha.designation_id == cast.patwari.pk
    assert Message.objects.filter(kind="welcome", to="new.person@mp.gov.in").count() == 1
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{base}/sign-in/")

    # 2. Any other domain: the request waits for the nodal officer of the chosen office.
    verify_identity(page, base, "someone@gmail.com")
    expect(page.locator("main")).to_contain_text("Your nodal officer will check these details")
    fill_details(page, cast, code="MP9201", name_en="Vikas Tiwari", name_hi="विकास तिवारी")
    page.get_by_role("button", name="Register").click()
    expect(page).to_have_url(f"{base}/register/submitted/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registration sent")
    expect(page.locator("main")).to_contain_text(
        "Your registration is waiting for the nodal officer of Collectorate Bhopal. "
        "We will tell you the decision at someone@gmail.com."
    )
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)  # not signed in
    pending = RegistrationRequest.objects.get(identity="someone@gmail.com")
    assert pending.status == "pending"
    assert not User.objects.filter(email="someone@gmail.com").exists()
    assert not Message.objects.filter(kind="welcome", to="someone@gmail.com").exists()

    # 3. The nodal officer approves it.
    page.goto("/sign-in/")
    page.get_by_label("E-mail address or mobile number").fill(cast.nodal_a.email)
    page.get_by_role("button", name="Send code").click()
    page.get_by_label("6-digit code").fill(emailed_code(cast.nodal_a.email))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Registrations").click()
    expect(page).to_have_url(f"{base}/org/registrations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrations waiting for you")
    row = page.get_by_role("row").filter(has_text="someone@gmail.com")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("MP9201")
    expect(row).to_contain_text("Collectorate Bhopal")
    expect(row).to_contain_text("Patwari")
    row.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("1 decided.")
    expect(page.get_by_text("No registrations are waiting.")).to_be_visible()

    vikas = Profile.objects.select_related("user").get(employee_code="MP9201")
    assert (vikas.user.email, vikas.user.name_en, vikas.org_id) == (
        "someone@gmail.com",
        "Vikas Tiwari",
        cast.district_a.pk,
    )
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by_id, pending.user_id) == ("approved", cast.nodal_a.pk, vikas.pk)
    welcome = Message.objects.get(kind="welcome", to="someone@gmail.com")
    assert welcome.status == Message.Status.SENT  # jobs run inline here
    assert "someone@gmail.com" in welcome.body  # how to sign in
    assert any("someone@gmail.com" in m.to and "Welcome to Kshamta" in m.subject for m in mail.outbox)
