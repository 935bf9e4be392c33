"""The anonymous page cache (portal/pagecache, issue 18) against the real database and Django's cache:
- a publish, an unpublish, a restriction or a post is visible to the very next anonymous request;
- a signed-in reader is never served from the cache and never fills it; a response that sets a cookie (so carries
  a CSRF token) or shows a restricted page is never kept;
- a property over random sequences of publish, unpublish, retitle, restrict, post and sign-in: every response the
  cache serves is the response a fresh render gives at that moment, and no anonymous reader ever gets a page they
  may not open."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from communities.models import Thread
from home.models import ReferenceArticlePage
from portal.pagecache.cache import HIT_HEADER
from search.related import paused as search_paused
from tests.conftest import sync_search_index
from tests.factories import make_article, make_community, make_library, make_user
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db(transaction=True)  # bumps run after commit, as in a real request

ON = override_settings(PAGE_CACHE_SECONDS=300)


@pytest.fixture
def site(search_index):
    home = ensure_site()
    library = make_library(home)
    articles = [make_article(library, f"Cached note {n}") for n in range(3)]
    community = make_community("Cached forum")
    author, member = make_user("poster"), make_user("cache-member")
    cache.clear()
    return {
        "home": home,
        "library": library,
        "articles": articles,
        "community": community,
        "author": author,
        "member": member,
    }


def url_of(page) -> str:
    return Page.objects.get(pk=page.pk).url


def fresh(url, client=None):
    """What a render without the cache answers now (the truth the cache must match)."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        return (client or client_for()).get(url)


def retitle(page, title):
    page = ReferenceArticlePage.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()


@ON
def test_a_publish_is_visible_to_the_next_anonymous_request(site):
    reader = client_for()
    article, library = site["articles"][0], site["library"]
    first = reader.get(url_of(article))
    assert first[HIT_HEADER] == "miss"
    second = reader.get(url_of(article))
    assert second[HIT_HEADER] == "hit" and second.content == first.content
    assert reader.get(url_of(library))[HIT_HEADER] == "miss"
    assert reader.get("/")[HIT_HEADER] == "miss"
    assert reader.get(url_of(library))[HIT_HEADER] == "hit"

    retitle(article, "Cached note, revised")
    for url in (url_of(article), url_of(library)):
        response = reader.get(url)
        assert response[HIT_HEADER] == "miss", url
        assert "Cached note, revised" in response.content.decode(), url
    # A page that neither lists it nor is above or below it stays kept.
    community = url_of(site["community"])
    reader.get(community)
    retitle(article, "Cached note, revised again")
    assert reader.get(community)[HIT_HEADER] == "hit"

    Page.objects.get(pk=article.pk).unpublish()
    assert reader.get(url_of(article)).status_code == 404
    assert "Cached note, revised again" not in reader.get(url_of(library)).content.decode()


@ON
def test_a_restriction_takes_the_page_and_those_below_it_out_at_once(site):
    reader = client_for()
    article, library = site["articles"][0], site["library"]
    for url in (url_of(article), url_of(library)):
        reader.get(url)
        assert reader.get(url)[HIT_HEADER] == "hit"
    PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    for url in (url_of(article), url_of(library)):
        response = reader.get(url)
        assert response.status_code == 302 and HIT_HEADER not in response, url
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD)
    PageViewRestriction.objects.filter(page=library).delete()
    form = reader.get(url_of(article))  # the password form: a CSRF token, so a cookie, never kept
    assert form.status_code == 200 and HIT_HEADER not in form
    restriction.delete()
    assert reader.get(url_of(article))[HIT_HEADER] == "miss"


@ON
def test_a_post_in_a_community_is_visible_on_its_page_to_the_next_anonymous_request(site):
    reader = client_for()
    community = site["community"]
    reader.get(url_of(community))
    assert reader.get(url_of(community))[HIT_HEADER] == "hit"
    Thread.objects.create(
        community=community, author=site["author"], title="Fresh cached question", body="x", status="published"
    )
    response = reader.get(url_of(community))
    assert response[HIT_HEADER] == "miss" and "Fresh cached question" in response.content.decode()


@ON
def test_an_item_published_again_is_in_the_next_anonymous_related_aside(site):
    """Found by the property below: a kept page's "Related" aside must not miss an item that entered the index
    after it was kept, though the page never showed that item (so its key is not among the page's tags)."""
    sync_search_index()
    first, second = site["articles"][0], site["articles"][1]
    reader = client_for()
    assert url_of(first).encode() in reader.get(url_of(second)).content  # related by their words
    Page.objects.get(pk=first.pk).unpublish()
    assert url_of(first).encode() not in reader.get(url_of(second)).content
    assert reader.get(url_of(second))[HIT_HEADER] == "hit"
    retitle(first, "Cached note 0 again")
    again = reader.get(url_of(second))
    assert again[HIT_HEADER] == "miss" and url_of(first).encode() in again.content


@ON
def test_signed_in_readers_are_never_served_from_the_cache_nor_fill_it(site):
    member = client_for(make_user("cached-member"))
    url = url_of(site["articles"][0])
    client_for().get(url)  # kept for anonymous readers
    signed_in = member.get(url)
    assert HIT_HEADER not in signed_in and b"Log out" in signed_in.content
    cache.clear()
    member.get(url)
    assert client_for().get(url)[HIT_HEADER] == "miss"  # the member's visit kept nothing
    # A reader with any session (e.g. a message waiting) is not served from the cache either.
    anonymous_with_session = client_for()
    anonymous_with_session.cookies["sessionid"] = "not-a-session"
    assert HIT_HEADER not in anonymous_with_session.get(url)


@ON
def test_responses_that_set_a_cookie_or_are_not_pages_are_never_kept(site):
    reader = client_for()
    login = reader.get("/accounts/login/")
    assert login.status_code == 200 and HIT_HEADER not in login
    for url in ("/search/people/?q=cached", "/search/autocomplete/?q=cach", "/api/search/?q=cached"):
        assert HIT_HEADER not in reader.get(url) and HIT_HEADER not in reader.get(url), url


def counted(text) -> tuple[int, int, int]:
    """Today's searches in the command center's rollup, and Wagtail's search terms report's hits for `text`."""
    from wagtail.contrib.search_promotions.models import Query

    from search.models import SearchDay, ZeroResultQuery

    day = SearchDay.objects.filter(day=timezone.localdate()).first()
    query = Query.objects.filter(query_string=text).first()
    hits = query.hits if query else 0
    gaps = ZeroResultQuery.objects.filter(query_string=text).values_list("hits", flat=True).first() or 0
    return (day.searches if day else 0, hits, gaps)


@ON
def test_an_anonymous_search_is_kept_and_every_serving_counted(site):
    sync_search_index()
    reader = client_for()
    first = reader.get("/search/", {"q": "cached note"})
    assert first[HIT_HEADER] == "miss" and url_of(site["articles"][1]).encode() in first.content
    second = reader.get("/search/", {"q": "cached note"})
    assert second[HIT_HEADER] == "hit" and second.content == first.content
    assert counted("cached note") == (2, 2, 0)
    assert reader.get("/search/", {"q": "zyzzyva"})[HIT_HEADER] == "miss"
    assert reader.get("/search/", {"q": "zyzzyva"})[HIT_HEADER] == "hit"
    assert counted("zyzzyva") == (4, 2, 2)  # a search gap, however it was served
    assert reader.get("/search/", {"q": "cached note", "page": 2})[HIT_HEADER] == "miss"
    assert reader.get("/search/", {"q": "cached note", "page": 2})[HIT_HEADER] == "hit"
    assert counted("cached note") == (4, 2, 0)  # a further page is not counted again, kept or not


@ON
def test_a_publish_or_a_restriction_is_in_the_next_anonymous_search(site):
    sync_search_index()
    reader = client_for()
    assert b"Quokka" not in reader.get("/search/", {"q": "quokka"}).content
    article = make_article(site["library"], "Quokka handbook")
    found = reader.get("/search/", {"q": "quokka"})
    assert found[HIT_HEADER] == "miss" and url_of(article).encode() in found.content
    assert reader.get("/search/", {"q": "quokka"})[HIT_HEADER] == "hit"
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    hidden = reader.get("/search/", {"q": "quokka"})
    assert hidden[HIT_HEADER] == "miss" and url_of(article).encode() not in hidden.content


@ON
def test_a_signed_in_readers_search_is_never_kept_nor_served_from_the_cache(site):
    reader, member = client_for(), client_for(site["member"])
    reader.get("/search/", {"q": "cached note"})
    searched = member.get("/search/", {"q": "cached note"})
    assert HIT_HEADER not in searched and "no-store" in searched["Cache-Control"]
    cache.clear()
    member.get("/search/", {"q": "cached note"})
    assert reader.get("/search/", {"q": "cached note"})[HIT_HEADER] == "miss"


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["retitle", "unpublish", "publish", "restrict", "unrestrict", "post", "member visits"]),
        st.integers(min_value=0, max_value=3),  # which article, or 3 for the library
    ),
    min_size=1,
    max_size=6,
)


def reset(site):
    """Every article published with its first title, nothing restricted, the cache empty."""
    PageViewRestriction.objects.filter(page__in=[site["library"], *site["articles"]]).delete()
    for number, article in enumerate(site["articles"]):
        page = ReferenceArticlePage.objects.get(pk=article.pk)
        if not page.live or page.title != f"Cached note {number}":
            page.title = f"Cached note {number}"
            page.save_revision().publish()
    Thread.objects.filter(community=site["community"]).delete()
    cache.clear()


def apply(site, operation, target, step):
    page = site["library"] if target == 3 else site["articles"][target]
    page = Page.objects.get(pk=page.pk).specific
    if operation == "retitle":
        page.title = f"{page.title.split(' v')[0]} v{step}"
        page.save_revision().publish()
    elif operation == "unpublish" and page.live:
        page.unpublish()
    elif operation == "publish" and not page.live:
        page.save_revision().publish()
    elif operation == "restrict":
        PageViewRestriction.objects.get_or_create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif operation == "unrestrict":
        PageViewRestriction.objects.filter(page=page).delete()
    elif operation == "post":
        Thread.objects.create(
            community=site["community"], author=site["author"], title=f"Posted {step}", body="x", status="published"
        )
    elif operation == "member visits":
        member = client_for(site["member"])
        for url in urls(site):
            assert HIT_HEADER not in member.get(url)


SEARCH = "/search/?q=cached+note"


def urls(site) -> list[str]:
    pages = [site["home"], site["library"], *site["articles"], site["community"]]
    return [url_of(page) for page in pages] + ["/topics/", SEARCH]


def difference(kept, truth) -> tuple[str, str]:
    """Where a kept response differs from the truth, for the failure message."""
    a, b = kept.content.decode(), truth.content.decode()
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[max(0, at - 300) : at + 200], b[max(0, at - 300) : at + 200]


def under_restriction(url, site) -> bool:
    pages = [site["library"], *site["articles"]]
    page = next((page for page in pages if url_of(page) == url), None)
    if page is None:
        return False
    ancestors = Page.objects.get(pk=page.pk).get_ancestors(inclusive=True)
    return PageViewRestriction.objects.filter(page__in=ancestors).exists()


@ON
@settings(max_examples=examples(12), deadline=None)
@given(operations=OPERATIONS)
def test_the_cache_serves_only_what_a_fresh_render_would(site, operations):
    reset(site)
    reader = client_for()
    for url in urls(site):
        reader.get(url)  # fill the cache
    hits = 0
    for step, (operation, target) in enumerate(operations):
        apply(site, operation, target, step)
        for url in urls(site):
            response = reader.get(url)
            truth = fresh(url)
            assert response.status_code == truth.status_code, (operation, target, url)
            if response.get(HIT_HEADER) == "hit" and not search_paused():  # a timed-out aside is no truth
                hits += 1
                assert response.content == truth.content, (operation, target, url, difference(response, truth))
            if under_restriction(url, site):
                assert response.status_code != 200, (operation, target, url)
            if url == SEARCH:  # no article an anonymous reader may not open is among the results
                for article in site["articles"]:
                    if under_restriction(url_of(article), site) or not Page.objects.get(pk=article.pk).live:
                        assert url_of(article).encode() not in response.content, (operation, target, article)
    site["hits"] = site.get("hits", 0) + hits


def test_the_cache_is_off_in_the_test_settings_unless_a_test_turns_it_on(site):
    reader = client_for()
    url = url_of(site["articles"][0])
    assert HIT_HEADER not in reader.get(url) and HIT_HEADER not in reader.get(url)
