"""Shared fixtures: the real search backend of this run (own index prefix, deleted at the end) and demo content."""

import io
import os

import pytest
from elasticsearch import Elasticsearch

from django.conf import settings
from django.core.management import call_command

from modelsearch.index import get_indexed_models
from wagtail.search.backends import get_search_backend

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def elasticsearch_client() -> Elasticsearch:
    return Elasticsearch([settings.ELASTICSEARCH_URL], timeout=10)


def reset_search_indexes():
    """Delete this run's indices and create them again, empty, with Wagtail's mappings."""
    backend = get_search_backend()
    elasticsearch_client().indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True)
    for index in backend.all_indexes():
        index.put()
    for model in get_indexed_models():
        backend.get_index_for_model(model).add_model(model)
    return backend


@pytest.fixture(scope="session", autouse=True)
def _search_indices_of_this_run():
    """Give this run fresh indices under its own prefix and delete them when the run ends."""
    reset_search_indexes()
    yield
    elasticsearch_client().indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True)


@pytest.fixture
def search_backend():
    """The real Elasticsearch backend, emptied for this test (database rollbacks leave index entries behind)."""
    return reset_search_indexes()


def refresh_search_index(backend=None):
    """Make everything indexed so far visible to searches (Elasticsearch refreshes about once a second)."""
    elasticsearch_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")


@pytest.fixture
def search_index(db):
    """The portal's own faceted-search indices, empty for this test (database rollbacks leave entries behind)."""
    from search.documents import alias, ensure_indices

    elasticsearch_client().indices.delete(index=f"{alias('')}*", ignore_unavailable=True)
    ensure_indices()


def sync_search_index():
    """Apply all queued index work and make it visible, as the worker would a moment after each commit."""
    from search.indexing import drain

    while drain():
        pass
    refresh_search_index()


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and other cached values must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
