"""Reference library, browse by taxonomy and trust badges, against a generated dataset."""

import datetime
import random

import pytest

from django.db import transaction

from portal.taxonomy.browse import topic_counts
from portal.taxonomy.models import Stage, Topic
from tests.factories import make_article, make_audience, make_library, make_topic

pytestmark = pytest.mark.django_db


def make_taxonomy():
    strategy = make_topic("Knowledge strategy")
    cop = make_topic("Communities of practice", strategy)
    facilitation = make_topic("Facilitation", cop)
    metrics = make_topic("Metrics", strategy)
    tools = make_topic("Tools")
    search = make_topic("Search", tools)
    return {t.slug: t for t in (strategy, cop, facilitation, metrics, tools, search)}


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """40 articles with random topics, audiences and stages; some drafts, some unpublished. Built once for the
    module inside a transaction that is rolled back at its end; each test runs in a savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        data = build_dataset()
        yield data
        transaction.set_rollback(True)


@pytest.fixture
def taxonomy(dataset):
    return dataset["taxonomy"]


def build_dataset():
    from home.demo import ensure_home, ensure_root
    from tests.factories import make_user

    home = ensure_home(ensure_root(), make_user("site-admin", is_superuser=True, is_staff=True))
    taxonomy = make_taxonomy()
    rng = random.Random(7)
    audiences = [make_audience(name) for name in ("Manager", "KM champion", "Knowledge worker")]
    library = make_library(home)
    topics = list(Topic.objects.all())
    articles = []
    for number in range(40):
        live = number % 7 != 3
        article = make_article(
            library,
            f"Article {number:02d}",
            topics=rng.sample(topics, rng.randint(1, 2)),
            audiences=rng.sample(audiences, rng.randint(0, 2)),
            stage=rng.choice(Stage.values),
            tags=rng.sample(["aar", "onboarding", "search tips"], 1),
            live=live,
            published=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )
        articles.append(article)
    unpublished = articles[0]
    unpublished.unpublish()
    return {"library": library, "articles": articles, "audiences": audiences, "taxonomy": taxonomy}


def expected_in_topic(articles, topic):
    subtree = set(topic.subtree_ids())
    return {a.title for a in articles if a.live and subtree & {t.pk for t in a.topics.all()}}


def listed_titles(client, url, params=None):
    titles, page = [], 1
    while True:
        response = client.get(url, {**(params or {}), "page": page})
        assert response.status_code == 200
        grid = response.context["articles"] if "articles" in response.context else response.context["pages"]
        titles += [item.title for item in grid]
        if not grid.has_next():
            return set(titles)
        page += 1


def fresh(articles):
    return [type(a).objects.get(pk=a.pk) for a in articles]


def test_topic_pages_list_exactly_live_content_of_the_topic_and_its_subtree(client, dataset, taxonomy):
    articles = fresh(dataset["articles"])
    for topic in Topic.objects.all():
        assert listed_titles(client, f"/topics/{topic.slug}/") == expected_in_topic(articles, topic), topic.slug


def test_topic_counts_include_descendants_and_exclude_drafts(client, dataset, taxonomy):
    articles = fresh(dataset["articles"])
    counts = topic_counts()
    for topic in Topic.objects.all():
        assert counts[topic.pk] == len(expected_in_topic(articles, topic))
    html = client.get("/topics/").content.decode()
    strategy = taxonomy["knowledge-strategy"]
    assert f'aria-label="{counts[strategy.pk]} items"' in html


def test_library_filters_return_exactly_the_matching_articles(client, dataset):
    articles = fresh(dataset["articles"])
    library_url = dataset["library"].url
    for topic in Topic.objects.all():
        for audience in [None, *dataset["audiences"]]:
            for stage in [None, "pilot"]:
                params = {"topic": topic.slug}
                if audience:
                    params["audience"] = audience.slug
                if stage:
                    params["stage"] = stage
                expected = {
                    a.title
                    for a in articles
                    if a.title in expected_in_topic(articles, topic)
                    and (audience is None or audience in a.audiences.all())
                    and (stage is None or a.stage == stage)
                }
                assert listed_titles(client, library_url, params) == expected, params


def test_library_sorts_newest_first_and_a_to_z(client, dataset):
    newest = client.get(dataset["library"].url).context["articles"]
    dates = [a.first_published_at for a in newest]
    assert dates == sorted(dates, reverse=True)
    az = client.get(dataset["library"].url, {"sort": "az"}).context["articles"]
    assert [a.title for a in az] == sorted(a.title for a in az)


@pytest.mark.parametrize(
    "params, note",
    [
        ({"audience": "zzz"}, "No such audience filter"),
        ({"topic": "x" * 5000}, "No such topic filter"),
        ({"stage": "<script>"}, "No such stage filter"),
        ({"sort": "random"}, "No such sort order"),
        ({"page": "-1"}, None),
        ({"page": "abc"}, None),
        ({"page": "99999"}, None),
    ],
)
def test_bad_filter_values_give_a_clear_note_never_an_error(client, dataset, params, note):
    response = client.get(dataset["library"].url, params)
    assert response.status_code == 200
    html = response.content.decode()
    if note:
        assert note in html
    assert "<script>" not in html.split("<body")[1].replace("<script src", "")


def test_unknown_topic_and_tag_are_404(client, dataset):
    assert client.get("/topics/no-such-topic/").status_code == 404
    assert client.get("/tags/no-such-tag/").status_code == 404
    assert client.get("/topics/" + "a" * 3000 + "/").status_code == 404


def test_tag_pages_list_live_tagged_content(client, dataset):
    articles = fresh(dataset["articles"])
    expected = {a.title for a in articles if a.live and "aar" in [t.name for t in a.tags.all()]}
    assert listed_titles(client, "/tags/aar/") == expected


def test_listing_queries_do_not_grow_with_items_shown(client, dataset, django_assert_max_num_queries, taxonomy):
    url = dataset["library"].url
    with django_assert_max_num_queries(20):
        client.get(url, {"page": 1})
    with django_assert_max_num_queries(20):
        client.get(url, {"sort": "az", "topic": "knowledge-strategy"})
    with django_assert_max_num_queries(26):  # with its "People you can ask" box: two queries when nobody is found
        client.get("/topics/knowledge-strategy/")
    with django_assert_max_num_queries(20):
        client.get("/topics/")


def test_the_pages_of_a_filtered_listing_follow_their_links_and_keep_the_filters(client, dataset, monkeypatch):
    """Following "Next" from page to page (the links themselves, as a reader does) lists every matching article
    once, and each link keeps the filters and the sort."""
    import re
    from html import unescape

    url, seen = "/library/?sort=az&stage=pilot", []
    expected = sorted(a.title for a in fresh(dataset["articles"]) if a.live and a.stage == "pilot")
    monkeypatch.setattr("home.models.LIBRARY_PAGE_SIZE", 3)  # so the pilot articles take several pages
    assert len(expected) > 6
    while url:
        html = client.get(url).content.decode()
        seen += [unescape(t) for t in re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', html)]
        following = re.search(r'<a rel="next" href="([^"]+)"', html)
        url = "/library/" + unescape(following.group(1)) if following else None
        if url:
            assert "sort=az" in url and "stage=pilot" in url
    assert seen == expected
