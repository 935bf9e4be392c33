"""Real-browser journeys: Debian's Chromium driven by Playwright against Django's live server."""

import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.test import override_settings

from tests.conftest import reset_search_indexes, sync_search_index

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


@pytest.fixture
def portal(live_server, transactional_db):
    """The live portal with demo content, indexed in this run's Elasticsearch indices."""
    reset_search_indexes()
    with override_settings(SEARCH_DRAIN_ON_COMMIT=False):  # index once at the end, not after every demo save
        call_command("load_demo_content", stdout=io.StringIO())
    sync_search_index()
    return live_server.url
