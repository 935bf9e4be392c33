"""The "people who know about …" strip on /search/: the first three people the people search finds for the same
words (within the topic picked), with their evidence of expertise, in the page's one Elasticsearch round trip,
re-checked like any hit, and simply left out when there is no query, no match, or no Elasticsearch."""

import json
import re

import pytest
from elasticsearch import Transport

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, override_settings

from communities.models import Thread
from portal.taxonomy.models import Topic
from search.documents import alias
from tests.conftest import elasticsearch_client, sync_search_index
from tests.factories import make_article, make_community, make_library, make_topic, make_user
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db


def person(username, first, last, *, job="", expertise=(), asks=(), bio="", active=True):
    user = make_user(username, first_name=first, last_name=last, is_active=active)
    profile = user.profile
    profile.job_title, profile.bio = job, bio
    profile.save()
    profile.expertise.set(expertise)
    profile.ask_me_about.set(list(asks))
    profile.save()
    return user


@pytest.fixture
def experts(search_index):
    home = ensure_site()
    strategy = make_topic("Knowledge strategy")
    facilitation = make_topic("Facilitation", strategy)
    search = make_topic("Enterprise search")
    ana = person(
        "ana",
        "Ana",
        "Ruiz",
        job="Community facilitator",
        expertise=[facilitation, search],
        asks=["facilitation games", "workshop design"],
    )
    person("ben", "Ben", "Osei", job="Trainer", expertise=[facilitation])
    person("cy", "Cy", "Tan", job="Analyst", asks=["facilitation"])
    person("dee", "Dee", "Moss", job="Engineer", bio="Dee once sat in on a facilitation course.")
    person("eve", "Eve", "Lund", job="Librarian", expertise=[search])
    person("fay", "Fay", "Holm", job="Facilitator", expertise=[facilitation], active=False)
    clinic = make_community("Facilitation clinic", members=[ana])
    make_community("Secret circle", members_only=True, members=[ana])
    for number in range(2):
        Thread.objects.create(community=clinic, author=ana, title=f"Clinic notes {number}", body="Notes")
    ana.profile.save()  # re-index her with the contributions made above
    make_article(make_library(home), "Facilitation for managers", topics=[facilitation])
    sync_search_index()


def strip(html: str) -> str:
    """The strip's HTML, or "" when the page has none."""
    match = re.search(r'<section class="people-strip".*?</section>', html, re.S)
    return match.group() if match else ""


def strip_names(html: str) -> list[str]:
    return re.findall(r'class="people-strip__name" href="[^"]+">([^<]+)</a>', strip(html))


def test_the_strip_shows_the_first_three_of_the_people_search_with_their_evidence(client, experts):
    html = client.get("/search/", {"q": "facilitation"}).content.decode()
    people_search = client.get("/search/people/", {"q": "facilitation"}).context["results"]
    first_three = [hit.obj.name for hit in people_search.hits[:3]]
    assert people_search.total == 4  # Ana, Ben, Cy and Dee know about it; Eve does not; Fay has left
    assert strip_names(html) == first_three and "Ana Ruiz" in first_three
    section = strip(html)
    assert "People who know about “facilitation”" in section
    ana = section.split('href="/people/ana/">Ana Ruiz</a>', 1)[1].split("</li>", 1)[0]
    assert '<p class="people-strip__role">Community facilitator</p>' in ana
    assert "Knows about</span> Facilitation, Enterprise search" in ana  # what matched the query comes first
    assert "Ask me about</span> facilitation games, workshop design" in ana
    assert "Active in</span> Facilitation clinic<" in ana  # a members-only community is never shown
    assert "2 contributions to community discussions" in ana
    assert '<span class="avatar avatar--initials" aria-hidden="true">AR</span>' in section
    assert '<a href="/search/people/?q=facilitation">See everyone who knows about “facilitation”</a>' in section
    assert "/library/facilitation-for-managers/" in html  # the results themselves are there


def test_a_picked_topic_narrows_the_strip_to_its_experts(client, experts):
    html = client.get("/search/", {"q": "facilitation", "topic": "knowledge-strategy"}).content.decode()
    assert sorted(strip_names(html)) == ["Ana Ruiz", "Ben Osei"]  # expertise under the topic; Cy only asks
    assert 'href="/search/people/?q=facilitation&amp;topic=knowledge-strategy"' in strip(html)
    html = client.get("/search/", {"q": "facilitation", "topic": "enterprise-search"}).content.decode()
    assert strip_names(html) == ["Ana Ruiz"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"topic": "facilitation"}, {"q": "zeppelin"}, {"q": "who knows"}])
def test_no_strip_without_a_query_or_without_anyone_who_matches(client, experts, params):
    html = client.get("/search/", params).content.decode()
    assert "people-strip" not in html and "People who know" not in html
    assert strip_names(client.get("/search/", {"q": "librarian eve"}).content.decode()) == ["Eve Lund"]


def test_someone_who_has_left_since_indexing_is_not_shown(client, experts):
    get_user_model().objects.filter(username="ana").update(is_active=False)  # no save: the index still has her
    html = client.get("/search/", {"q": "facilitation"}).content.decode()
    assert "Ana Ruiz" not in strip(html) and strip_names(html)


@pytest.fixture
def elasticsearch_requests(monkeypatch):
    """Every HTTP request the portal sends to Elasticsearch: (method, path, body)."""
    sent = []
    real = Transport.perform_request

    def counted(self, method, url, headers=None, params=None, body=None):
        sent.append((method, url, body))
        return real(self, method, url, headers=headers, params=params, body=body)

    monkeypatch.setattr(Transport, "perform_request", counted)
    return sent


def test_the_strip_costs_no_request_of_its_own(client, experts, elasticsearch_requests):
    html = client.get("/search/", {"q": "facilitation"}).content.decode()
    assert strip_names(html)
    [(_, path, body)] = elasticsearch_requests  # one round trip for results, counts and people
    assert path.endswith("/_msearch")
    lines = [json.loads(line) for line in body.strip().splitlines()]
    headers, searches = lines[::2], lines[1::2]
    assert headers[-1]["index"] == [alias("people")]
    assert len(searches) == 3 and searches[-1]["size"] == 3
    # The reader's filter is part of the people search too (ReaderSearch): anonymous readers see public people.
    assert {"terms": {"readers": ["public"]}} in searches[-1]["query"]["bool"]["filter"]
    elasticsearch_requests.clear()
    client.get("/api/search/", {"q": "facilitation"})
    [(_, _, body)] = elasticsearch_requests
    assert len(body.strip().splitlines()) == 4  # the API shows no people and asks for none


def test_a_typo_finds_people_on_the_results_own_second_try(client, experts, elasticsearch_requests):
    """Nobody matches "faciltation" exactly; the results then try near spellings, and the people search goes along
    in that same second request, not in one of its own."""
    html = client.get("/search/", {"q": "faciltation"}).content.decode()
    assert "Ana Ruiz" in strip_names(html) and "Did you mean" in html
    page_requests = len(elasticsearch_requests)
    elasticsearch_requests.clear()
    client.get("/api/search/", {"q": "faciltation"})
    assert page_requests == len(elasticsearch_requests) == 2


def test_the_strip_is_left_out_when_elasticsearch_is_down(client, experts, settings, search_outage):
    response = client.get("/search/", {"q": "facilitation"})
    html = response.content.decode()
    assert response.status_code == 200 and "limited mode" in html and "people-strip" not in html


def test_a_failing_people_search_leaves_the_results_alone(client, experts):
    elasticsearch_client().indices.delete(index=f"{alias('people')}*")
    response = client.get("/search/", {"q": "facilitation"})
    html = response.content.decode()
    assert response.status_code == 200 and "limited mode" not in html  # answered by Elasticsearch (the tripwire)
    assert "/library/facilitation-for-managers/" in html and "people-strip" not in html


# -- the strip kept as a shared fragment (issue 18 part 3) ------------------------------------------------------
KEPT = override_settings(PAGE_CACHE_SECONDS=300)


def kept_and_fresh(client, params) -> tuple[str, str]:
    kept = strip(client.get("/search/", params).content.decode())
    with override_settings(PAGE_CACHE_SECONDS=0):
        return kept, strip(client.get("/search/", params).content.decode())


@KEPT
@pytest.mark.django_db(transaction=True)  # bumps come after the commit, as in a real request
def test_a_kept_strip_sends_no_people_search_and_is_what_a_fresh_search_shows_after_each_change(
    client, experts, elasticsearch_requests
):
    """Readers with the same access share the rendered strip per words and topics; every change to the people it
    may show (a new expert, someone deactivated or renamed, new evidence) shows on the next search."""
    cache.clear()
    member = Client()
    member.force_login(make_user("reader"))
    searches = [{"q": "facilitation"}, {"q": "faciltation"}, {"q": "facilitation", "topic": "knowledge-strategy"}]
    for params in searches:
        assert strip(client.get("/search/", params).content.decode())  # keep them
    elasticsearch_requests.clear()
    # Another order of the same search: a page of its own (the kept page of the first is not it), the same strip.
    assert strip_names(client.get("/search/", {"q": "facilitation", "sort": "newest"}).content.decode())
    [(_, _, body)] = elasticsearch_requests
    assert len(body.strip().splitlines()) == 4  # results and counts only: the people came from the kept strip

    facilitation = Topic.objects.get(name="Facilitation")
    changes = {
        "a new expert": lambda: person("gil", "Gil", "Facilitation", job="Facilitation lead", expertise=[facilitation]),
        "Ana deactivated": lambda: deactivate("ana"),
        "Ben renamed": lambda: rename("ben", "Benedict"),
        "Cy's accepted answer": lambda: answered_by("cy", facilitation),
    }
    for change, make_it in changes.items():
        make_it()
        sync_search_index()
        for params in searches:
            for reader in (client, member):
                kept, fresh = kept_and_fresh(reader, params)
                assert kept == fresh, (change, params)
    names = strip_names(member.get("/search/", searches[0]).content.decode())
    assert "Ana Ruiz" not in names and "Benedict Osei" in names and "Gil Facilitation" in names, names


def deactivate(username):
    user = get_user_model().objects.get(username=username)
    user.is_active = False
    user.save()  # as the admin's user form does


def rename(username, first_name):
    user = get_user_model().objects.get(username=username)
    profile = user.profile
    profile.display_name = f"{first_name} {user.last_name}"
    profile.save()


def answered_by(username, topic):
    from communities.discussions import Reply
    from portal.expertise.refresh import rebuild

    community = make_community("Answers corner", members=[get_user_model().objects.get(username=username)])
    community.topics.set([topic])
    community.save_revision().publish()
    thread = Thread.objects.create(community=community, author=make_user(f"asker-{username}"), title="How?", body="?")
    reply = Reply.objects.create(thread=thread, author=get_user_model().objects.get(username=username), body="So.")
    thread.accepted_reply = reply
    thread.save()
    rebuild()
