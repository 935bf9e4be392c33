"""The command center's Search panel: searches recorded through the real views against the real Elasticsearch, the
daily rollup's counts, every figure and headline equal to the database truth, increments that hold under
concurrent requests, the search-gaps report it links to, and the demo's twelve weeks of searches."""

import datetime
import random
import threading
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.command_center.figures import Scope, panels, panels_for
from portal.governance.workflows import PROGRAMME_LEADS
from search.command_center import TOP, build
from search.models import SearchDay, TopicSearchDay, ZeroResultQuery, ZeroResultQueryDay, count_search_term
from search.query import SearchRequest
from search.views import record
from tests.conftest import sync_search_index
from tests.factories import make_article, make_audience, make_library, make_topic, make_user
from tests.helpers import api, ensure_site

pytestmark = pytest.mark.django_db


def rollup() -> tuple:
    """Today's rollup: (searches, zero results), {topic name: searches}, {zero-result query: searches}."""
    today = timezone.localdate()
    day = SearchDay.objects.filter(day=today).values_list("searches", "zero_results").first() or (0, 0)
    topics = dict(TopicSearchDay.objects.filter(day=today).values_list("topic__name", "searches"))
    gaps = dict(ZeroResultQueryDay.objects.filter(day=today).values_list("query__query_string", "searches"))
    return day, topics, gaps


def today_scope(**filters) -> Scope:
    today = timezone.localdate()
    return Scope(start=today, end=today, **filters)


# -- recording through the views ------------------------------------------------------------------------------------
def test_searches_people_run_are_counted_through_the_search_page_and_the_api(search_index):
    library = make_library(ensure_site())
    lessons = make_topic("Lessons learned")
    make_article(library, "Lessons learned register", topics=[lessons])
    sync_search_index()
    client = Client()

    page = client.get("/search/", {"q": "register"})
    assert page.status_code == 200 and "Ask in a" not in page.content.decode()
    assert rollup() == ((1, 0), {}, {})  # words that name no topic, something found

    assert "Ask in a" in client.get("/search/", {"q": "Quantum  Blockchain"}).content.decode()  # found nothing
    assert rollup() == ((2, 1), {}, {"quantum blockchain": 1})

    assert api(client, q="LESSONS learned")["total"] == 1  # the words are the topic's name
    assert api(client, topic="lessons-learned")["total"] == 1  # the topic picked, no words
    assert rollup() == ((4, 1), {"Lessons learned": 2}, {"quantum blockchain": 1})

    # Words with a filter that found nothing: a search that found nothing, but no gap in the library's words.
    assert api(client, q="quantum blockchain", topic="lessons-learned")["total"] == 0
    assert rollup() == ((5, 2), {"Lessons learned": 3}, {"quantum blockchain": 1})
    assert ZeroResultQuery.objects.get().hits == 1

    # Not searches of their own: a further page (even past the end, shown as the last), autocomplete, the people
    # directory, an empty search form.
    assert api(client, q="register", page="2")["page"] == 1
    client.get("/search/autocomplete/", {"q": "less"})
    client.get("/search/people/", {"q": "lessons learned"})
    client.get("/search/")
    assert rollup() == ((5, 2), {"Lessons learned": 3}, {"quantum blockchain": 1})

    data = build(today_scope()).as_json()
    headlines = {headline["label"]: headline["value"] for headline in data["headlines"]}
    assert headlines == {"Searches": 5, "Zero-result rate": 40.0, "Distinct zero-result queries": 1}
    figures = {figure["key"]: figure for figure in data["figures"]}
    assert figures["top-zero-result-queries"]["labels"] == ["quantum blockchain"]
    assert figures["most-searched-topics"]["labels"] == ["Lessons learned"]
    assert figures["most-searched-topics"]["series"][0]["values"] == [3]


def test_a_search_the_database_answered_counts_but_never_as_finding_nothing(search_outage):
    ensure_site()
    assert api(q="quantum blockchain")["limited"] is True
    assert rollup() == ((1, 0), {}, {})
    assert not ZeroResultQuery.objects.exists()


def test_words_searched_again_today_are_counted_in_one_update_per_row():
    """The second search for the same words today writes five UPDATEs (the day, the words' topic looked up, Wagtail's
    search terms, the gap in all and today) and reads nothing else; every count lands."""
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    ensure_site()
    nothing = SimpleNamespace(total=0, limited=False)
    record(SearchRequest(text="Quantum  blockchain"), nothing)
    with CaptureQueriesContext(connection) as second:
        record(SearchRequest(text="quantum blockchain"), nothing)
    statements = [query["sql"].split()[0] for query in second.captured_queries]
    # In one transaction (a savepoint inside the test's own).
    assert statements == ["SAVEPOINT", "UPDATE", "SELECT", "UPDATE", "UPDATE", "UPDATE", "RELEASE"]
    assert rollup() == ((2, 2), {}, {"quantum blockchain": 2})
    assert ZeroResultQuery.objects.get().hits == 2
    assert QueryDailyHits.objects.get(query__query_string="quantum blockchain").hits == 2


# -- the panel equals the database truth ------------------------------------------------------------------------------
FIRST_DAY = datetime.date(2026, 3, 2)


def generate(rng: random.Random, topics: list, queries: list, days: int = 70, start: datetime.date = FIRST_DAY):
    """Rollup rows for `days` days from `start`, a day in five left without searches."""
    for n in range(days):
        day = start + datetime.timedelta(days=n)
        if rng.random() < 0.2:
            continue
        searches = rng.randint(1, 60)
        SearchDay.objects.create(day=day, searches=searches, zero_results=rng.randint(0, searches // 3))
        for topic in rng.sample(topics, rng.randint(0, len(topics))):
            TopicSearchDay.objects.create(day=day, topic=topic, searches=rng.randint(1, 9))
        for query in rng.sample(queries, rng.randint(0, 4)):
            ZeroResultQueryDay.objects.create(day=day, query=query, searches=rng.randint(1, 5))


@pytest.fixture
def traffic():
    rng = random.Random(17)
    root = make_topic("Topic root")
    topics = [root] + [make_topic(f"Topic {letter}", root) for letter in "bcdefghijklm"]
    queries = [ZeroResultQuery.objects.create(query_string=f"gap {letter}") for letter in "abcdefghijklmn"]
    generate(rng, topics, queries)
    return rng, topics, queries


def truth(scope: Scope) -> dict:
    """What the panel must say, worked out in Python from every row of the rollup."""
    days = [scope.start + datetime.timedelta(days=n) for n in range((scope.end - scope.start).days + 1)]
    by_day = {
        day: (searches, zero)
        for day, searches, zero in SearchDay.objects.values_list("day", "searches", "zero_results")
    }
    inside = {day: counts for day, counts in by_day.items() if scope.start <= day <= scope.end}
    weeks: dict[datetime.date, list[int]] = {}
    monday = scope.start - datetime.timedelta(days=scope.start.weekday())
    while monday <= scope.end:
        weeks[monday] = [0, 0]
        monday += datetime.timedelta(days=7)
    for day, (searches, zero) in inside.items():
        week = weeks[day - datetime.timedelta(days=day.weekday())]
        week[0] += searches
        week[1] += zero
    gaps: dict[str, int] = {}
    for day, query, searches in ZeroResultQueryDay.objects.values_list("day", "query__query_string", "searches"):
        if scope.start <= day <= scope.end:
            gaps[query] = gaps.get(query, 0) + searches
    topics: dict[tuple, int] = {}
    for day, name, slug, pk, searches in TopicSearchDay.objects.values_list(
        "day", "topic__name", "topic__slug", "topic_id", "searches"
    ):
        if scope.start <= day <= scope.end:
            topics[(name, pk, slug)] = topics.get((name, pk, slug), 0) + searches
    top_gaps = sorted(gaps.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    top_topics = sorted(topics.items(), key=lambda item: (-item[1], item[0][0], item[0][1]))[:TOP]
    total = sum(searches for searches, _ in inside.values())
    zero = sum(zero for _, zero in inside.values())
    return {
        "headlines": {
            "Searches": total,
            "Zero-result rate": round(100 * zero / total, 1) if total else None,
            "Distinct zero-result queries": len(gaps),
        },
        "searches-per-day": (
            [day.isoformat() for day in days],
            [[inside.get(day, (0, 0))[0] for day in days], [inside.get(day, (0, 0))[1] for day in days]],
            [],
        ),
        "zero-result-rate": (
            [monday.isoformat() for monday in weeks],
            [[round(100 * z / s, 1) if s else None for s, z in weeks.values()]],
            [],
        ),
        "top-zero-result-queries": (
            [query for query, _ in top_gaps],
            [[count for _, count in top_gaps]],
            [f"/admin/reports/search-gaps/?{urlencode({'query_string': query})}" for query, _ in top_gaps],
        ),
        "most-searched-topics": (
            [name for (name, _, _), _ in top_topics],
            [[count for _, count in top_topics]],
            [f"/topics/{slug}/" for (_, _, slug), _ in top_topics],
        ),
    }


def shown(scope: Scope) -> dict:
    data = build(scope)
    assert (data.key, data.title) == ("search", "Search")
    shown = {"headlines": {headline.label: headline.value for headline in data.headlines}}
    for figure in data.figures:
        shown[figure.key] = (figure.labels, [series.values for series in figure.series], figure.links)
    return shown


PERIODS = [
    (FIRST_DAY, FIRST_DAY + datetime.timedelta(days=69)),  # the whole of it
    (FIRST_DAY + datetime.timedelta(days=10), FIRST_DAY + datetime.timedelta(days=33)),  # weeks cut at both ends
    (FIRST_DAY - datetime.timedelta(days=20), FIRST_DAY + datetime.timedelta(days=2)),  # mostly before any search
    (FIRST_DAY + datetime.timedelta(days=200), FIRST_DAY + datetime.timedelta(days=210)),  # none at all
]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_every_figure_and_headline_equals_the_database_truth(traffic, start, end):
    scope = Scope(start=start, end=end)
    expected = truth(scope)
    assert shown(scope) == expected
    if start == FIRST_DAY:  # the generated traffic fills the top lists, and some days had no search
        assert len(expected["top-zero-result-queries"][0]) == TOP and len(expected["most-searched-topics"][0]) == TOP
        assert 0 in expected["searches-per-day"][1][0]


def test_the_people_and_community_filters_do_not_apply_to_anonymous_searches(traffic):
    """Searches are not recorded by person or community: a department, role or community picked changes nothing,
    and the panel says so."""
    ensure_site()
    end = FIRST_DAY + datetime.timedelta(days=69)
    everyone = build(Scope(start=FIRST_DAY, end=end)).as_json()
    filtered = Scope(start=FIRST_DAY, end=end, department="Finance", role_id=make_audience("Managers").pk)
    assert build(filtered).as_json() == everyone
    assert build(Scope(start=FIRST_DAY, end=end, community_id=12345)).as_json() == everyone
    assert "department and role filters do not apply" in everyone["figures"][0]["note"]


def test_facilitators_never_see_the_search_panel():
    """Search figures are the organisation's, not a community's: a facilitator's scope leaves the panel out."""
    panel = panels["search"]
    assert (panel.title, panel.order, panel.about_communities) == ("Search", 40, False)
    assert panel in panels_for(Scope(start=FIRST_DAY, end=FIRST_DAY))
    assert panel not in panels_for(
        Scope(start=FIRST_DAY, end=FIRST_DAY, community_ids=frozenset({1}), communities_only=True)
    )


def test_a_deleted_topic_or_query_no_longer_counts(traffic):
    _, topics, _queries = traffic
    scope = Scope(start=FIRST_DAY, end=FIRST_DAY + datetime.timedelta(days=69))
    before = shown(scope)
    leader = next(name for name in before["most-searched-topics"][0] if name != "Topic root")  # a leaf
    topic = next(topic for topic in topics if topic.name == leader)
    gap = ZeroResultQuery.objects.get(query_string=before["top-zero-result-queries"][0][0])
    topic.delete()
    gap.delete()
    after = shown(scope)
    assert after == truth(scope)
    assert (
        leader not in after["most-searched-topics"][0] and gap.query_string not in after["top-zero-result-queries"][0]
    )
    assert after["headlines"]["Distinct zero-result queries"] == before["headlines"]["Distinct zero-result queries"] - 1


def test_the_panel_reads_the_same_number_of_queries_however_much_was_searched(traffic):
    rng, topics, queries = traffic
    scope = Scope(start=FIRST_DAY, end=FIRST_DAY + datetime.timedelta(days=139))
    with CaptureQueriesContext(connection) as small:
        build(scope)
    more = [ZeroResultQuery.objects.create(query_string=f"more gap {n}") for n in range(30)]
    more_topics = [make_topic(f"More topic {n}") for n in range(10)]
    generate(rng, topics + more_topics, queries + more, start=FIRST_DAY + datetime.timedelta(days=70))
    with CaptureQueriesContext(connection) as large:
        build(scope)
    assert shown(scope) == truth(scope)
    assert len(small) == len(large) == 4


# -- concurrency ----------------------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_concurrent_searches_are_all_counted():
    """Several requests at once, each the first of the day for its rows: every increment lands exactly once (an
    insert that loses the race becomes an update)."""
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    make_topic("Lessons learned")
    workers, each = 4, 15
    start, errors = threading.Barrier(workers), []

    def search_repeatedly():
        try:
            start.wait()
            for n in range(each):
                SearchDay.record("Lessons learned", ["lessons-learned"], found_nothing=n % 3 == 0)
                ZeroResultQuery.record("Nothing  here")
                count_search_term("Nothing  here")
        except Exception as error:  # reported below: a failure in a thread would otherwise vanish
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=search_repeatedly) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    total = workers * each
    zero = workers * len(range(0, each, 3))
    # The topic is both picked and named by the words: one search about it, counted once.
    assert rollup() == ((total, zero), {"Lessons learned": total}, {"nothing here": total})
    assert ZeroResultQuery.objects.get().hits == total
    assert QueryDailyHits.objects.get().hits == total
    assert SearchDay.objects.count() == TopicSearchDay.objects.count() == ZeroResultQueryDay.objects.count() == 1


# -- the search-gaps report the panel links to ---------------------------------------------------------------------
def test_programme_leads_open_the_search_gaps_report_narrowed_to_one_query():
    ensure_site()
    ZeroResultQuery.record("quantum blockchain")
    ZeroResultQuery.record("parental leave")
    lead = make_user("lead", group=PROGRAMME_LEADS)
    client = Client()
    client.force_login(lead)
    link = build(today_scope()).figures[2].links[0]
    response = client.get(link)
    assert response.status_code == 200
    table = response.content.decode().split("<table", 1)[-1]
    assert "parental leave" in table and "quantum blockchain" not in table

    onlooker = make_user("onlooker")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    onlooker.groups.add(group)
    client.force_login(onlooker)
    refused = client.get(link)  # Wagtail sends them back to the dashboard with "permission denied"
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


# -- the demo ---------------------------------------------------------------------------------------------------------
def demo_rollup() -> list:
    return [
        *SearchDay.objects.values_list("day", "searches", "zero_results"),
        *TopicSearchDay.objects.order_by("day", "topic__slug").values_list("day", "topic__slug", "searches"),
        *ZeroResultQueryDay.objects.order_by("day", "query__query_string").values_list(
            "day", "query__query_string", "searches"
        ),
        *ZeroResultQuery.objects.order_by("query_string").values_list(
            "query_string", "hits", "first_seen", "last_seen"
        ),
    ]


def test_the_demo_fills_twelve_weeks_of_searches_the_same_way_every_time():
    """The demo's part (search.demo) on the demo's topics: a search every day of the past twelve weeks, figures
    drawn the same on every load, a second load changing nothing, and the search-gaps report's totals the days'
    sums. (tests/test_demo_site.py checks the demo's gaps find nothing in the demo content.)"""
    from portal.demo import demo_items
    from search import demo

    for topic in demo_items("search", "searches", "topic"):
        make_topic(topic["slug"].replace("-", " ").capitalize())
    demo.load()
    today = timezone.localdate()
    scope = Scope(start=today - datetime.timedelta(days=83), end=today)
    data = build(scope)
    assert len(data.figures[0].labels) == 84 and all(data.figures[0].series[0].values), "a search every day"
    headlines = {headline.label: headline.value for headline in data.headlines}
    assert headlines["Searches"] > 1500 and 4 < headlines["Zero-result rate"] < 12
    assert headlines["Distinct zero-result queries"] == len(demo_items("search", "searches", "gap"))
    assert len(data.figures[3].labels) == TOP
    assert shown(scope) == truth(scope)
    for gap in ZeroResultQuery.objects.all():
        assert gap.hits == sum(gap.days.values_list("searches", flat=True))
        assert gap.first_seen.date() == gap.days.earliest("day").day and gap.last_seen.date() <= today
    loaded = demo_rollup()
    demo.load()
    assert demo_rollup() == loaded
    # Drawn the same on a fresh load.
    for model in (SearchDay, TopicSearchDay, ZeroResultQuery):
        model.objects.all().delete()
    demo.load()
    assert demo_rollup() == loaded
