"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium), never a download.

The live server reads the plan content loaded once per session (`plan`, tests/conftest.py). It is
pytest-django's LiveServer started here, not its `live_server` fixture: that fixture makes each
test transactional, and the flush after it would empty the content for every later test.
"""

import os
import shutil

import pytest
from pytest_django.live_server_helper import LiveServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As root, Chromium needs --no-sandbox; the rest keeps it off the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by tests are
# still synchronous, which Django only allows when told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def portal_server(plan, django_db_blocker):
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def live_site(portal_server, db):
    portal_server._live_server_modified_settings.enable()
    yield portal_server
    portal_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def browser_page(request, chromium):
    context = chromium.new_context(viewport=request.param, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def assert_no_axe_violations(page):
    """axe-core (bundled with axe-playwright-python) finds no WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    violations = results.response["violations"]
    assert not violations, results.generate_report()
