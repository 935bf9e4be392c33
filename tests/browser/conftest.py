"""Real-browser journeys: Debian's Chromium driven by Playwright against Django's live server. A journey that
builds its own data starts from an empty site (`live_site`); the read-only tours of the demo use `portal`."""

import os
import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.db import connection
from django.test import override_settings

from tests.conftest import (
    elasticsearch_client,
    empty_portal_indices,
    load_demo_content,
    reset_search_indexes,
    sync_search_index,
)
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


class DemoSnapshot:
    """The demo as the first `portal` journey of the run loaded and indexed it, put back for each later one in a
    second or two instead of a load's fifteen: the SQLite test database copied with SQLite's backup API, and each of
    this run's search indices cloned by Elasticsearch (segment for segment: the same documents, scores and
    suggestions). Every journey still starts from exactly the loaded demo, whatever the one before it changed. On
    other databases (CI's PostgreSQL pass) each journey loads the demo itself."""

    def __init__(self):
        self.database = None  # an in-memory SQLite copy of the test database
        self.indices = {}  # this run's index name -> its aliases
        self.files = []  # the stored image files the copy refers to

    @staticmethod
    def copy_of(name):
        return f"snapshot-{name}"  # outside this run's prefix, which the resets delete

    def take(self):
        from wagtail.images import get_image_model

        if connection.vendor != "sqlite":
            return
        es = elasticsearch_client()
        pattern = f"{settings.SEARCH_INDEX_PREFIX}*"
        indices = {name: found["aliases"] for name, found in es.indices.get_alias(index=pattern).items()}
        es.indices.put_settings(index=pattern, body={"index.blocks.write": True})  # clone needs a read-only source
        try:
            for name in indices:
                es.indices.clone(index=name, target=self.copy_of(name))
        finally:
            es.indices.put_settings(index=pattern, body={"index.blocks.write": None})
        self.indices = indices
        self.files = [image.file.path for image in get_image_model().objects.all()]
        connection.ensure_connection()
        self.database = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.database)

    def restore(self) -> bool:
        """Put the demo back (False when there is none to put back, or a file it refers to has gone)."""
        from django.contrib.contenttypes.models import ContentType

        if self.database is None or not all(os.path.exists(path) for path in self.files):
            return False
        es = elasticsearch_client()
        es.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True)
        for name, aliases in self.indices.items():
            body = {"settings": {"index.blocks.write": None}, "aliases": aliases}
            es.indices.clone(index=self.copy_of(name), target=name, body=body)
        connection.ensure_connection()
        self.database.backup(connection.connection)
        ContentType.objects.clear_cache()  # it holds the ids the last flush gave the content types
        return True

    def drop(self):
        if self.indices:
            names = ",".join(self.copy_of(name) for name in self.indices)
            elasticsearch_client().indices.delete(index=names, ignore_unavailable=True)
        if self.database is not None:
            self.database.close()


@pytest.fixture(scope="session")
def _demo_snapshot():
    snapshot = DemoSnapshot()
    yield snapshot
    snapshot.drop()


@pytest.fixture
def portal(live_server, transactional_db, elasticsearch_must_answer, _demo_snapshot):
    """The live portal with demo content, indexed in this run's Elasticsearch indices."""
    if not _demo_snapshot.restore():
        reset_search_indexes()
        empty_portal_indices()
        with override_settings(SEARCH_DRAIN_ON_COMMIT=False):  # index once at the end, not after every demo save
            load_demo_content()
        sync_search_index()
        _demo_snapshot.take()
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
