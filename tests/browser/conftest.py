"""Real-browser journeys: Debian's Chromium driven by Playwright against Django's live server. A journey that
builds its own data starts from an empty site (`live_site`); the read-only tours of the demo use `portal`."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.test import override_settings

from tests.conftest import empty_portal_indices, load_demo_content, reset_search_indexes, sync_search_index
from tests.helpers import ensure_site

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ (ignored by git) for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture(scope="session", autouse=True)
def _orm_beside_playwright(playwright):
    """Playwright's sync API runs an event loop in the test thread from the first browser test to the end of the
    run; Django must still allow ORM calls in that thread meanwhile (and only then)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    yield
    patch.undo()


@pytest.fixture
def live_site(live_server, transactional_db, elasticsearch_must_answer):
    """The live portal with only its home page, and empty search indices: for journeys that make their own data."""
    reset_search_indexes()
    empty_portal_indices()
    ensure_site()
    return live_server.url


@pytest.fixture
def library_site(live_server, transactional_db, elasticsearch_must_answer):
    """The live portal with the demo's editorial accounts, topics and reference library only (home's part of the
    demo content): for the editorial journeys, which write."""
    from home import demo

    reset_search_indexes()
    empty_portal_indices()
    with override_settings(SEARCH_DRAIN_ON_COMMIT=False):
        demo.load()
    sync_search_index()
    return live_server.url


@pytest.fixture
def portal(live_server, transactional_db, elasticsearch_must_answer):
    """The live portal with demo content, indexed in this run's Elasticsearch indices."""
    reset_search_indexes()
    empty_portal_indices()
    with override_settings(SEARCH_DRAIN_ON_COMMIT=False):  # index once at the end, not after every demo save
        load_demo_content()
    sync_search_index()
    return live_server.url


def log_in(page, portal, username, password="pw"):
    """Sign in through the portal's own login page."""
    page.context.clear_cookies()
    page.goto(portal + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def admin_log_in(page, portal, username, password="portal-demo"):
    """Sign in through the Wagtail admin's login page."""
    page.context.clear_cookies()
    page.goto(portal + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
