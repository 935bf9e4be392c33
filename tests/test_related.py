"""The "Related" aside (more like this item, the same topic first) and "These may already answer your question"
(/search/similar/), against the real Elasticsearch: never the item itself, never what the reader may not open,
each with its trust badge; and what the pages do when Elasticsearch is unreachable or too slow."""

import re
from unittest.mock import ANY

import pytest

from django.test import Client

from communities.models import Thread
from home.models import ReferenceArticlePage
from search.related import related_items, similar_items
from tests.conftest import sync_search_index
from tests.factories import (
    make_article,
    make_blog_post,
    make_community,
    make_library,
    make_module,
    make_topic,
    make_user,
)
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    ensure_site()
    library = make_library()
    reviews, canteen = make_topic("After-action reviews"), make_topic("Canteen")
    member, outsider, asker = make_user("insider"), make_user("outsider"), make_user("asker")
    open_forum = make_community("Project managers", members=[asker])
    secret = make_community("Secret circle", members_only=True, members=[member])
    facts = {
        "library": library,
        "member": member,
        "outsider": outsider,
        "asker": asker,
        "open": open_forum,
        "secret": secret,
        "article": make_article(
            library,
            "Running an after-action review",
            topics=[reviews],
            summary="How a project team runs an after-action review: intent, what happened, lessons.",
        ),
        # Close in words to the article, filed under another topic.
        "other_topic": make_article(
            library,
            "After-action review questions for project teams",
            topics=[canteen],
            summary="The four questions of an after-action review, for project teams.",
        ),
        # Filed under the article's topic, with hardly a word in common.
        "same_topic": make_article(
            library, "Learning before, during and after", topics=[reviews], summary="Peer assists and retrospectives."
        ),
        "unrelated": make_article(library, "Canteen menus", topics=[canteen], summary="Lunch on Fridays."),
        "open_thread": Thread.objects.create(
            community=open_forum,
            author=asker,
            title="How do we run an after-action review with a remote team?",
            body="Our project team is spread over three sites. Any after-action review tips?",
        ),
        "secret_thread": Thread.objects.create(
            community=secret,
            author=member,
            title="After-action review of the merger project",
            body="What the project team learned from the merger: an after-action review.",
        ),
    }
    sync_search_index()
    return facts


def related_titles(obj, user=None):
    return [item.title for item in related_items(obj, user)]


def aside(html: str) -> str:
    """The "Related" aside of a page ("" when the page has none)."""
    found = re.search(r'<aside class="related".*?</aside>', html, re.S)
    return found.group() if found else ""


# -- related items -------------------------------------------------------------------------------------------------
def test_related_items_put_the_same_topic_first_and_never_the_item_itself(search_index, site):
    titles = related_titles(site["article"], site["outsider"])
    assert "Running an after-action review" not in titles
    assert titles[0] == "Learning before, during and after"  # the same topic, though other items share more words
    assert "After-action review questions for project teams" in titles
    assert "How do we run an after-action review with a remote team?" in titles
    assert titles.index("Learning before, during and after") < titles.index(
        "After-action review questions for project teams"
    )
    assert "Canteen menus" not in titles  # neither its topic nor its words


def test_a_members_only_thread_is_related_only_for_its_members(search_index, site):
    secret = "After-action review of the merger project"
    for user in (None, site["outsider"], site["asker"]):
        assert secret not in related_titles(site["article"], user)
        assert secret not in related_titles(site["open_thread"], user)
        assert secret not in aside(client_for(user).get(site["article"].url).content.decode())
    assert secret in related_titles(site["article"], site["member"])
    # And a members-only thread's own page relates nothing it is not, and never itself.
    titles = related_titles(site["secret_thread"], site["member"])
    assert secret not in titles and "Running an after-action review" in titles


def test_related_items_show_what_the_database_says_now_not_the_index_copy(search_index, site):
    """Between a change and its re-indexing the index holds the old title; the aside shows the current one."""
    Thread.objects.filter(pk=site["open_thread"].pk).update(title="Remote reviews, renamed")  # no re-index
    ReferenceArticlePage.objects.filter(pk=site["same_topic"].pk).update(title="Learning, renamed")
    titles = related_titles(site["article"], site["outsider"])
    assert "Remote reviews, renamed" in titles and "Learning, renamed" in titles
    assert "How do we run an after-action review with a remote team?" not in titles


def test_the_related_aside_shows_title_kind_and_trust_badge_on_every_kind_of_page(search_index, site):
    module = make_module("After-action reviews in practice", lessons=1, quiz_in_last=False)
    lesson = module.lessons().first()
    lesson.title, lesson.summary = "Your first after-action review", "Run an after-action review with your team."
    lesson.save_revision().publish()
    post = make_blog_post(
        site["open"], "What our after-action review taught us", author=site["asker"], summary="A project team's review."
    )
    sync_search_index()
    reader = client_for(site["outsider"])

    article = aside(reader.get(site["article"].url).content.decode())
    assert 'href="/library/after-action-review-questions-for-project-teams/"' in article
    assert '<span class="chip">Reference article</span>' in article
    assert '<span class="chip">Discussion</span>' in article
    assert 'data-trust="current"' in article and 'data-trust="community"' in article  # each entry's own badge
    assert "Running an after-action review</a>" not in article

    for url, itself in (
        (lesson.url, "Your first after-action review</a>"),
        (post.url, "What our after-action review taught us</a>"),
        (site["open_thread"].get_absolute_url(), "with a remote team?</a>"),
    ):
        response = reader.get(url)
        assert response.status_code == 200
        related = aside(response.content.decode())
        assert "Running an after-action review</a>" in related and itself not in related, url
        assert 'data-trust="' in related


def test_an_item_with_nothing_like_it_shows_no_aside(search_index, site):
    lonely = make_article(site["library"], "Zebra husbandry", summary="Stripes.")
    sync_search_index()
    html = Client().get(lonely.url).content.decode()
    assert "Zebra husbandry" in html and 'class="related"' not in html


# -- similar questions while typing --------------------------------------------------------------------------------
def similar(client, q, **params):
    response = client.get("/search/similar/", {"q": q, **params})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_similar_questions_suggest_threads_and_articles_that_match_the_title(search_index, site):
    client = client_for(site["asker"])
    found = similar(client, "how to run an after action review?", community=site["open"].pk)
    assert "How do we run an after-action review with a remote team?" in found
    assert "Running an after-action review" in found and "Canteen menus" not in found
    assert len(found) <= 5
    # Among equals, the community the question is asked in comes first.
    engineers = make_community("Engineers")
    Thread.objects.create(community=engineers, author=site["asker"], title="Budget for the review day", body="How?")
    Thread.objects.create(community=site["open"], author=site["asker"], title="Budget for the review day", body="How?")
    sync_search_index()
    for community in (engineers, site["open"]):
        results = client.get("/search/similar/", {"q": "budget review day", "community": community.pk}).json()
        assert [result["community"] for result in results["results"]] == [community.title, ANY], community
    result = client.get("/search/similar/", {"q": "after-action review remote team"}).json()["results"][0]
    assert result == {
        "title": "How do we run an after-action review with a remote team?",
        "url": site["open_thread"].get_absolute_url(),
        "kind": "Discussion",
        "community": "Project managers",
        "trust": {"code": "community", "text": "Community contribution, not reviewed"},
    }
    # Only threads and articles: a lesson or a community page is not "an answer already given".
    assert similar(client, "project managers") == []


def test_similar_questions_never_offer_a_members_only_thread_to_outsiders(search_index, site):
    secret = "After-action review of the merger project"
    for client in (Client(), client_for(site["outsider"]), client_for(site["asker"])):
        assert secret not in similar(client, "after-action review merger")
        assert secret not in similar(client, "merger", community=site["secret"].pk)  # naming it changes nothing
    assert similar(client_for(site["member"]), "merger")[0] == secret


@pytest.mark.parametrize("q", ["", "   ", "how do we?", '+-=&&||><!(){}[]^"~*?:\\/', "x" * 10_000, "📚 знание"])
def test_similar_questions_survive_odd_input(search_index, site, q):
    assert similar(client_for(site["asker"]), q, community="not-a-number") == []


def test_similar_questions_are_rate_limited(search_index, site, settings):
    settings.SIMILAR_QUESTIONS_PER_MINUTE = 2
    client = client_for(site["asker"])
    assert similar(client, "after-action review")
    assert similar(client, "after-action review")
    response = client.get("/search/similar/", {"q": "after-action review"})
    assert response.status_code == 429 and response.json()["results"] == []


def test_the_new_question_form_offers_similar_questions_and_still_posts_without_script(search_index, site):
    html = client_for(site["asker"]).get(site["open"].url + "discussions/").content.decode()
    assert f'data-similar-questions="/search/similar/" data-community="{site["open"].pk}"' in html
    assert "js/similar_questions.js" in html
    assert "similar_questions.js" not in Client().get(site["open"].url + "discussions/").content.decode()


# -- Elasticsearch unavailable -------------------------------------------------------------------------------------
def test_pages_render_without_related_items_when_elasticsearch_is_unreachable(site, search_outage):
    for url in (site["article"].url, site["open_thread"].get_absolute_url()):
        response = client_for(site["outsider"]).get(url)
        assert response.status_code == 200 and 'class="related"' not in response.content.decode()
    assert similar(client_for(site["asker"]), "after-action review") == []


def test_pages_render_without_related_items_when_elasticsearch_is_too_slow(site, slow_elasticsearch):
    response = Client().get(site["article"].url)
    assert response.status_code == 200 and 'class="related"' not in response.content.decode()
    assert similar_items("after-action review", None) == []
