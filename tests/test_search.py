"""Pages reach the real Elasticsearch and come back through Wagtail's search and the search page."""

import pytest

from wagtail.models import Page

from home.models import StandardPage
from tests.conftest import refresh_search_index

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
def home(demo_content):
    from home.models import HomePage

    return HomePage.objects.get()


def test_a_published_page_is_found_through_elasticsearch(search_backend, home):
    page = publish(home, "Running a lessons-learned workshop", "After-action reviews for project teams")
    publish(home, "Unrelated page about canteen menus")
    refresh_search_index()
    results = list(Page.objects.live().search("lessons learned workshop"))
    assert page.page_ptr in results or page in [r.specific for r in results]
    assert all("canteen" not in r.title for r in results)
    # The query really went to Elasticsearch: the document is in this run's index.
    assert search_backend.es.count(index=search_backend.get_index_for_model(Page).name)["count"] >= 2


def test_drafts_are_not_found(search_backend, home):
    draft = publish(home, "Draft guidance on knowledge audits", live=False)
    refresh_search_index()
    assert draft.pk not in [page.pk for page in Page.objects.live().search("knowledge audits")]
    assert draft.pk in [page.pk for page in Page.objects.search("knowledge audits")]  # indexed, filtered as not live


def test_search_page_shows_hits(client, search_backend, home):
    publish(home, "Facilitating a peer assist", "How to ask a peer group for help before you start")
    refresh_search_index()
    response = client.get("/search/", {"q": "peer assist"})
    assert response.status_code == 200
    assert "Facilitating a peer assist" in response.content.decode()


@pytest.mark.parametrize("query", ["x" * 10_000, '+-=&&||><!(){}[]^"~*?:\\/', "📚 знание", "", "   "])
def test_search_page_survives_odd_queries(client, search_backend, home, query):
    assert client.get("/search/", {"q": query, "page": "abc"}).status_code == 200


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(client, home, settings):
    publish(home, "Communities of practice starter kit")
    dead = {**settings.WAGTAILSEARCH_BACKENDS["default"], "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    settings.WAGTAILSEARCH_BACKENDS = {"default": dead}  # the discard port: nothing answers there
    response = client.get("/search/", {"q": "starter kit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "limited mode" in html and "Communities of practice starter kit" in html
