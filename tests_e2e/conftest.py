"""End-to-end tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

- Every test in this directory is marked ``browser``.
- No Chromium at ``/usr/bin/chromium`` (or Playwright not importable): the tests are skipped and
  the run ends with a plain "Browser tests SKIPPED" line, unless KSHAMTA_REQUIRE_BROWSER=1,
  when each of them fails instead (CI sets it, so CI never passes without having run them).
- We never run ``playwright install``: Playwright only talks to the system Chromium.
- The live server is a thread of this process and the tests run with config.settings_test, so
  jobs run inline and e-mail lands in ``django.core.mail.outbox`` where a test can read the OTP.
- A failing test leaves a screenshot and the page's HTML in var/e2e/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API keeps an asyncio loop running in the main thread, and the test code calls
# the ORM from that same thread (to build the cast and read the outbox); Django refuses that unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# An explicit IPv4 address: "localhost" may resolve to ::1 in the browser but not for the server.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("KSHAMTA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "var" / "e2e"
HERE = Path(__file__).resolve().parent
DEFAULT_TIMEOUT_MS = 15_000
_SKIPPED_KEY = pytest.StashKey[tuple[int, str | None]]()


def browser_required() -> bool:
    return os.environ.get("KSHAMTA_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


def why_no_browser() -> str | None:
    """None when the browser tests can run, else the reason they cannot."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright for Python is not importable ({exc})"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = why_no_browser()
    skipped = 0
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if missing and not browser_required():
            item.add_marker(pytest.mark.skip(reason=f"Browser tests SKIPPED: {missing}"))
            skipped += 1
    config.stash[_SKIPPED_KEY] = (skipped, missing)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    skipped, missing = config.stash.get(_SKIPPED_KEY, (0, None))
    if skipped:
        terminalreporter.write_line("")
        terminalreporter.write_line(
            f"Browser tests SKIPPED: {missing} ({skipped} tests; apt-get install chromium to run them)",
            yellow=True,
            bold=True,
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    # Keep each phase's report on the item so the page fixture knows whether the test failed.
    report = yield
    setattr(item, f"_report_{report.when}", report)
    return report


# Module scope, not session: while Playwright runs, its asyncio loop is the running loop of the main thread,
# which would break any later non-browser test that uses async_to_sync.
@pytest.fixture(scope="module")
def browser() -> Generator[Any]:
    missing = why_no_browser()
    if missing:
        # Only reached when KSHAMTA_REQUIRE_BROWSER=1 (otherwise the test was skipped at collection).
        pytest.fail(f"Browser tests required (KSHAMTA_REQUIRE_BROWSER=1) but cannot run: {missing}", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, live_server: Any) -> Generator[Any]:
    """A fresh browser context (no cookies) with one page; screenshot and HTML kept if the test fails."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        report = getattr(request.node, "_report_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            try:
                page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
                (ARTIFACTS / f"{stem}.html").write_text(page.content(), encoding="utf-8")
                print(f"\nscreenshot: {ARTIFACTS / f'{stem}.png'} (page was {page.url})")
            except Exception as exc:  # a failed screenshot must not hide the real failure
                print(f"\nno screenshot: {exc}")
        context.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings: None) -> None:
    """On SQLite, a test database in a file: an in-memory one is a single connection that the
    live server's request threads would share, so two overlapping requests (the player's progress
    post and a page load) could fail with "database table is locked"."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(ARTIFACTS / f"test-db-{os.getpid()}.sqlite3")
