"""Pages reach the real Elasticsearch through both search stacks: Wagtail's own backend (the admin's search) and the
portal's faceted search (/search/), which must answer from Elasticsearch (the fixtures fail a test that was answered
by the database fallback); and what /search/ does when Elasticsearch is unreachable or too slow."""

import pytest

from wagtail.models import Page

from home.models import StandardPage
from tests.conftest import refresh_search_index, sync_search_index
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db


def publish(parent, title, summary="", live=True):
    page = StandardPage(title=title, summary=summary)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


@pytest.fixture
def home():
    return ensure_site()


def test_a_published_page_is_found_through_wagtails_backend(search_backend, home):
    page = publish(home, "Running a lessons-learned workshop", "After-action reviews for project teams")
    publish(home, "Unrelated page about canteen menus")
    refresh_search_index()
    results = list(Page.objects.live().search("lessons learned workshop"))
    assert [result.pk for result in results] == [page.pk]
    # The query really went to Elasticsearch: the documents are in this run's index.
    assert search_backend.es.count(index=search_backend.get_index_for_model(Page).name)["count"] >= 2


def test_drafts_are_not_found_through_wagtails_backend(search_backend, home):
    draft = publish(home, "Draft guidance on knowledge audits", live=False)
    refresh_search_index()
    assert draft.pk not in [page.pk for page in Page.objects.live().search("knowledge audits")]
    assert draft.pk in [page.pk for page in Page.objects.search("knowledge audits")]  # indexed, filtered as not live


def test_search_page_shows_hits_from_elasticsearch(client, search_index, home):
    publish(home, "Facilitating a peer assist", "How to ask a peer group for help before you start")
    publish(home, "Canteen menus")
    sync_search_index()
    html = client.get("/search/", {"q": "peer assist"}).content.decode()
    # Highlighted by Elasticsearch (the database fallback highlights nothing).
    assert 'href="/facilitating-a-peer-assist/">Facilitating a <mark>peer</mark> <mark>assist</mark></a>' in html
    assert "Canteen menus" not in html and "limited mode" not in html


@pytest.mark.parametrize("query", ["x" * 10_000, '+-=&&||><!(){}[]^"~*?:\\/', "📚 знание", "", "   "])
def test_search_page_survives_odd_queries(client, search_index, home, query):
    publish(home, "Knowledge café guide")
    sync_search_index()
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200 and "limited mode" not in response.content.decode()


def test_search_falls_back_to_the_database_when_elasticsearch_is_unreachable(client, home, search_outage):
    publish(home, "Communities of practice starter kit")
    response = client.get("/search/", {"q": "starter kit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "limited mode" in html and "Communities of practice starter kit" in html
    data = client.get("/api/search/", {"q": "starter kit"}).json()
    assert data["limited"] is True and [r["title"] for r in data["results"]] == ["Communities of practice starter kit"]
    assert client.get("/search/autocomplete/", {"q": "star"}).json()["results"] == []


def test_search_falls_back_to_the_database_when_elasticsearch_is_too_slow(client, home, slow_elasticsearch):
    """A server that accepts the connection and never answers: after SEARCH_TIMEOUT the database answers."""
    publish(home, "Exit interview checklist")
    html = client.get("/search/", {"q": "exit interview"}).content.decode()
    assert "limited mode" in html and "Exit interview checklist" in html
    assert client.get("/search/people/", {"q": "exit"}).status_code == 200
    assert client.get("/search/autocomplete/", {"q": "exit"}).json()["results"] == []
