"""Shared fixtures: the real search backends of this run (own index prefix, deleted at the end), guards that make a
test fail when the portal's search answered from the database instead of Elasticsearch, Elasticsearch made
unreachable or slow for the portal, demo content loaded once per module, media served as in development, and the
Hypothesis profiles."""

import importlib
import io
import json
import os
import socket
import threading

import pytest
from elasticsearch import Elasticsearch
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from modelsearch.index import get_indexed_models
from wagtail.search.backends import get_search_backend

# -- Hypothesis ----------------------------------------------------------------------------------------------------
# "ci" (the default) is deterministic: the same examples every run, nothing read from or written to an example
# database. "deep" (`make test-deep`, before a release) draws five times as many, at random. Tests that talk to the
# database or Elasticsearch set no deadline (their timing is the machine's); pure-code tests set their own.
_SLOW_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
hypothesis_settings.register_profile(
    "ci", derandomize=True, database=None, print_blob=True, deadline=None, suppress_health_check=_SLOW_FIXTURES
)
hypothesis_settings.register_profile("deep", deadline=None, suppress_health_check=_SLOW_FIXTURES)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# -- which tests touch the database ----------------------------------------------------------------------------------
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(items):
    """Mark every test that touches the database `database`: the PostgreSQL pass of CI runs only those."""
    for item in items:
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)


# -- Elasticsearch ---------------------------------------------------------------------------------------------------
def elasticsearch_client() -> Elasticsearch:
    return Elasticsearch([settings.ELASTICSEARCH_URL], timeout=10)


# Creating an index costs Elasticsearch a few tenths of a second, and a reset makes up to seven: an index that no
# document has entered or left since it was created, with its mapping, settings and aliases as made, is the same as
# a new one, so a reset keeps it.
_AS_MADE: dict[str, str] = {}  # index name -> its state when made (see _indices)


def _indices(es, pattern) -> dict[str, tuple[str, bool]]:
    """Each index matching `pattern`: its state (uuid, mappings, settings, aliases) and whether a document ever
    went in or out (counted since the index was made, and any document or deleted document still in it)."""
    found = es.indices.get(index=pattern, ignore_unavailable=True, allow_no_indices=True)
    if not found:
        return {}
    stats = es.indices.stats(index=",".join(found), metric="docs,indexing")["indices"]
    indices = {}
    for name, index in found.items():
        total = stats[name]["total"]
        written = total["docs"]["count"] + total["docs"]["deleted"] + total["indexing"]["index_total"]
        written += total["indexing"]["delete_total"]
        state = json.dumps([index["settings"], index["mappings"], sorted(index["aliases"])], sort_keys=True)
        indices[name] = (state, written > 0)
    return indices


def _untouched(indices, name) -> bool:
    return name in indices and not indices[name][1] and _AS_MADE.get(name) == indices[name][0]


def _remember_as_made(es, pattern):
    _AS_MADE.update({name: state for name, (state, _written) in _indices(es, pattern).items()})


def reset_search_indexes():
    """Make Wagtail's own indices of this run (admin search) empty, with Wagtail's mappings: each one a document
    entered or left since it was made is deleted and made again. The portal's indices (`search_index`) are left
    alone."""
    backend = get_search_backend()
    es = elasticsearch_client()
    prefix = settings.SEARCH_INDEX_PREFIX
    pattern = f"{prefix}*,-{prefix}portal_*"
    current = _indices(es, pattern)
    indexes = {index.name: index for index in backend.all_indexes()}
    keep = {name for name in indexes if _untouched(current, name)}
    if stale := set(current) - keep:
        es.indices.delete(index=",".join(sorted(stale)), ignore_unavailable=True)
    for name, index in indexes.items():
        if name not in keep:
            index.put()
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        if index.name not in keep:
            index.add_model(model)
    _remember_as_made(es, pattern)
    return backend


@pytest.fixture(scope="session", autouse=True)
def _search_indices_of_this_run():
    """Give this run fresh indices under its own prefix and delete them when the run ends."""
    reset_search_indexes()
    yield
    elasticsearch_client().indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True)


@pytest.fixture
def search_backend():
    """Wagtail's own Elasticsearch backend (admin search), emptied for this test."""
    return reset_search_indexes()


def refresh_search_index(backend=None):
    """Make everything indexed so far visible to searches (Elasticsearch refreshes about once a second)."""
    elasticsearch_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")


def empty_portal_indices():
    """Make the portal's indices empty, as `ensure_indices` makes them; kept when untouched since they were made."""
    from search.documents import DOCUMENTS, alias, ensure_indices

    es = elasticsearch_client()
    pattern = f"{alias('')}*"
    current = _indices(es, pattern)
    if current and all(_untouched(current, name) for name in current) and len(current) == len(DOCUMENTS):
        return
    es.indices.delete(index=pattern, ignore_unavailable=True)
    ensure_indices()
    _remember_as_made(es, pattern)


class FallbackTripwire:
    """Makes the portal's database fallback fail the test while Elasticsearch is meant to answer: with the real
    Elasticsearch URL in place and no `allow()` (a test that stops the real server itself calls it)."""

    def __init__(self, real_fallback):
        self.real_fallback, self.real_url, self.allowed = real_fallback, settings.ELASTICSEARCH_URL, False

    def allow(self):
        self.allowed = True

    def __call__(self, search_request, user, index="content"):
        if not self.allowed and self.real_url == settings.ELASTICSEARCH_URL:
            raise AssertionError(f"the search for {search_request.text!r} was answered by the database fallback")
        return self.real_fallback(search_request, user, index=index)


@pytest.fixture
def elasticsearch_must_answer(monkeypatch):
    """Fail the test if the portal's search answers from the database fallback: a test that claims what
    Elasticsearch does must not pass because Elasticsearch was never asked. Returns the tripwire."""
    import search.views

    tripwire = FallbackTripwire(search.views.fallback_search)
    monkeypatch.setattr(search.views, "fallback_search", tripwire)
    return tripwire


@pytest.fixture
def search_index(db, elasticsearch_must_answer):
    """The portal's own faceted-search indices, empty for this test (database rollbacks leave entries behind);
    every search in the test must be answered by Elasticsearch."""
    empty_portal_indices()


def sync_search_index():
    """Apply all queued index work and make it visible, as the worker would a moment after each commit."""
    from search.indexing import drain

    while drain():
        pass
    refresh_search_index()


@pytest.fixture
def search_outage(db, settings):
    """Elasticsearch unreachable for the portal's search: its URL points at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free now, and nothing will listen there
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    return settings.ELASTICSEARCH_URL


@pytest.fixture
def slow_elasticsearch(db, settings):
    """Elasticsearch slower than SEARCH_TIMEOUT: a server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])  # keep it open, say nothing
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.getsockname()[1]}"
    settings.SEARCH_TIMEOUT = 0.5
    yield settings.ELASTICSEARCH_URL
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


# -- demo content ----------------------------------------------------------------------------------------------------
def load_demo_content():
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def demo_content(db):
    """The demo content, for a test that changes it."""
    load_demo_content()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded and indexed once for a module of tests that only read it: inside a transaction
    rolled back at the module's end, each test running in a savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        empty_portal_indices()
        load_demo_content()
        sync_search_index()
        yield
        transaction.set_rollback(True)


# -- media -----------------------------------------------------------------------------------------------------------
@pytest.fixture
def media_served(settings):
    """/media/images/ answered by the test client and the live server as in development (portal.urls serves it
    only when DEBUG is on; in production the web server does)."""
    import portal.urls

    settings.DEBUG = True
    settings.ROOT_URLCONF = importlib.reload(portal.urls)
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and other cached values must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
