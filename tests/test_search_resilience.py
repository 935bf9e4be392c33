"""With the real Elasticsearch stopped mid-test: publishing still succeeds, search answers from the database, and
once the server is back the queued index updates land."""

from urllib.parse import urlsplit

import pytest
from elasticsearch.exceptions import ConnectionError as ElasticsearchConnectionError

from django.conf import settings
from django.test import Client

from home.models import ReferenceArticlePage
from portal.embedded_elasticsearch import EmbeddedElasticsearch
from search.indexing import drain
from search.models import IndexOutbox
from tests.conftest import refresh_search_index, sync_search_index
from tests.factories import make_article, make_library
from tests.helpers import ensure_site

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def embedded_server(search_index):
    # Started again on the port this run's URL names: left to choose, it takes the first free one from 9200, which
    # on a machine shared with other checkouts may be another, and every later test would lose its server.
    port = settings.ELASTICSEARCH_PORT or urlsplit(settings.ELASTICSEARCH_URL).port
    server = EmbeddedElasticsearch(settings.ELASTICSEARCH_RUN_DIR, port=port)
    if server.external_url or server.running_pid() is None:
        pytest.skip("Stopping Elasticsearch needs the embedded server (ELASTICSEARCH_URL points elsewhere).")
    # Back with the heap it had (`elasticsearch start --heap 2g` for a benchmark run beside the suite, say).
    server = EmbeddedElasticsearch(settings.ELASTICSEARCH_RUN_DIR, port=port, heap=server.status().heap)
    yield server
    server.start()  # whatever happened, the rest of the suite gets its server back


def titles(client, query):
    return [result["title"] for result in client.get("/api/search/", {"q": query}).json()["results"]]


def test_publishing_while_elasticsearch_is_down_is_indexed_when_it_returns(embedded_server, elasticsearch_must_answer):
    home = ensure_site()
    library = make_library(home)
    make_article(library, "Knowledge retention interviews")
    sync_search_index()
    client = Client()
    assert titles(client, "retention interviews") == ["Knowledge retention interviews"]

    embedded_server.stop()
    elasticsearch_must_answer.allow()  # from here on the database fallback is what this test is about
    article = make_article(library, "Exit interview checklist")  # the save commits; indexing waits
    assert ReferenceArticlePage.objects.get(pk=article.pk).live
    assert IndexOutbox.objects.pending().filter(key=f"page:{article.pk}").exists()
    response = client.get("/search/", {"q": "exit interview"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "limited mode" in html and "Exit interview checklist" in html  # answered from the database
    with pytest.raises(ElasticsearchConnectionError):  # the server is gone: the work must stay queued
        drain()
    assert IndexOutbox.objects.pending().filter(key=f"page:{article.pk}").exists()

    embedded_server.start()
    while drain():
        pass
    refresh_search_index()
    assert not IndexOutbox.objects.pending().exists()
    data = client.get("/api/search/", {"q": "exit interview"}).json()
    assert data["limited"] is False and [r["title"] for r in data["results"]] == ["Exit interview checklist"]
