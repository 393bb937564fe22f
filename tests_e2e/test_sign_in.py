"""A learner signs in with a one-time code in a real browser, and switches the interface to Hindi."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from kshamta.accounts.models import User
from kshamta.core.testing import build_cast

# The live server runs in another thread: it only sees committed data.
pytestmark = pytest.mark.django_db(transaction=True)


def make_cast() -> Any:
    cast = SimpleNamespace()
    build_cast(cast)
    return cast


def emailed_code(address: str) -> str:
    """The 6-digit code in the newest e-mail to ``address`` (jobs run inline, mail stays in memory)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            match = re.search(r"\b(\d{6})\b", str(message.body))
            assert match, message.body
            return match.group(1)
    raise AssertionError(f"no e-mail to {address}; outbox has {[m.to for m in mail.outbox]}")


def is_focused(page: Page, selector: str) -> bool:
    return bool(page.locator(selector).evaluate("element => element === document.activeElement"))


def tab_to(page: Page, selector: str, limit: int = 20) -> None:
    """Press Tab until ``selector`` has the focus (it may already have it through autofocus)."""
    for _ in range(limit):
        if is_focused(page, selector):
            return
        page.keyboard.press("Tab")
    active = page.evaluate("document.activeElement && document.activeElement.outerHTML")
    raise AssertionError(f"{selector} not reached with {limit} Tabs; focus is on {active}")


def test_sign_in_with_an_emailed_code_then_switch_to_hindi(page: Page, live_server: Any) -> None:
    cast = make_cast()
    page.goto("/sign-in/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("E-mail address or mobile number").fill(cast.learner_a.email)
    page.get_by_role("button", name="Send code").click()

    expect(page).to_have_url(f"{live_server.url}/sign-in/code/")
    page.get_by_label("6-digit code").fill(emailed_code("sita.devi@mp.gov.in"))
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Sita Devi")
    expect(page.locator(".facts")).to_contain_text("MP0003")
    assert page.evaluate("typeof htmx") == "object", "the vendored htmx did not load"

    page.get_by_role("button", name="हिन्दी").click()
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.get_by_role("heading", level=1)).to_have_text("स्वागत है, सीता देवी")
    expect(page.locator(".facts")).to_contain_text("कर्मचारी कोड")
    expect(page.get_by_role("button", name="English")).to_be_visible()
    loaded_fonts = page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family))"
    )
    assert any("Noto Sans Devanagari" in family for family in loaded_fonts), loaded_fonts

    # The choice is remembered for the person, not only for this page.
    assert User.objects.get(pk=cast.learner_a.pk).preferred_language == "hi"
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.locator(".facts")).to_contain_text("MP0003")


def test_sign_in_with_the_keyboard_only(page: Page, live_server: Any) -> None:
    cast = make_cast()
    page.goto("/sign-in/")
    tab_to(page, "#id_identity")
    page.keyboard.type(cast.learner_a.email)
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/sign-in/code/")
    tab_to(page, "#id_code")
    page.keyboard.type(emailed_code(cast.learner_a.email))
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(".facts")).to_contain_text("MP0003")

    # The first Tab on a page reaches the skip link, which shows itself with a focus ring and jumps to main.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert skip_link.evaluate("element => getComputedStyle(element).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
