"""Editors' picks (Wagtail's search promotions) on /search/ with the page cache on: which pages are picked for a
query is kept for every reader (search/promotions.py), so each change to the picks must show on the next search,
and a pick the reader may not open is never shown, whoever asked first."""

import re

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.conftest import sync_search_index
from tests.factories import make_article, make_library, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db(transaction=True)  # bumps come after the commit, as in a real request

RECOMMENDED = re.compile(r'<li class="result[^"]*result--promoted.*?</li>', re.S)


def picks_shown(client, q="facilitation") -> list[str]:
    html = client.get("/search/", {"q": q}).content.decode()
    return re.findall(r'href="(/library/[^"]+/)"', " ".join(RECOMMENDED.findall(html)))


@pytest.fixture
def library(search_index, settings):
    settings.PAGE_CACHE_SECONDS = 300  # the page cache and its shared parts on
    cache.clear()
    library = make_library(ensure_site())
    titles = {"guide": "Facilitation guide", "basics": "Facilitation basics", "inner": "Inner notes"}
    pages = {slug: make_article(library, title) for slug, title in titles.items()}
    sync_search_index()
    return pages


def test_each_change_to_the_picks_shows_on_the_next_search(client, library):
    assert picks_shown(client) == []
    with CaptureQueriesContext(connection) as queries:
        picks_shown(client)
    picks_read = [q for q in queries.captured_queries if "wagtailsearchpromotions_searchpromotion" in q["sql"]]
    assert not picks_read  # kept: "no picks for this query"
    query = Query.get("facilitation")
    first = SearchPromotion.objects.create(query=query, page=library["basics"], description="Start here", sort_order=1)
    assert picks_shown(client) == ["/library/facilitation-basics/"]
    SearchPromotion.objects.create(query=query, page=library["guide"], sort_order=0)
    assert picks_shown(client) == ["/library/facilitation-guide/", "/library/facilitation-basics/"]
    first.delete()
    assert picks_shown(client) == ["/library/facilitation-guide/"]
    query.delete()  # the query's picks go with it
    assert picks_shown(client) == []


def test_a_pick_the_reader_may_not_open_is_not_shown_whoever_asked_first(client, library):
    from django.contrib.auth.models import Group

    insiders = Group.objects.create(name="Insiders")
    restriction = PageViewRestriction.objects.create(page=library["inner"], restriction_type="groups")
    restriction.groups.add(insiders)
    SearchPromotion.objects.create(query=Query.get("facilitation"), page=library["inner"], sort_order=0)
    insider = make_user("insider")
    insider.groups.add(insiders)
    assert picks_shown(client_for(insider)) == ["/library/inner-notes/"]  # kept by the insider's search
    assert picks_shown(client) == []
    assert picks_shown(client_for(make_user("outsider"))) == []
