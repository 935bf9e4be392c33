"""Property-based tests of the faceted search against the real Elasticsearch and database:
- never a leak: across random restriction, membership and publication states, a reader gets (through the page, the
  API and autocomplete) exactly the items they can open, nothing more;
- facet counts equal the truth computed from the database for random filter combinations, while readers flag
  articles as outdated and owners resolve the flags (the trust facet's "reported outdated")."""

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from communities.models import Membership, Post, Thread
from home.models import ReferenceArticlePage, StandardPage
from portal.feedback.models import ContentFlag
from portal.searchable import search_key
from search.indexing import queue
from tests.conftest import sync_search_index
from tests.factories import make_article, make_audience, make_community, make_library, make_topic, make_user
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db

RESTRICTIONS = ["none", "login", "groups", "password"]
# One word per item, found nowhere else: what the index may say about each word depends only on that item.
SECRET_WORDS = {
    "sections": ["quillback", "marlinspike", "tamarillo"],
    "pages": ["periwinkle", "bandicoot", "sassafras"],
    "threads": ["kookaburra", "pangolin"],
}
DRAFT_WORD = "nightjar"


@pytest.fixture
def world(search_index):
    """Sections under every kind of restriction, a private and a public community, and five readers."""
    home = ensure_site()
    staff = Group.objects.create(name="Zebra staff")
    readers = {
        "anonymous": None,
        "outsider": make_user("outsider"),
        "member": make_user("member"),
        "staff": make_user("staffer", group="Zebra staff"),
        "superuser": make_user("boss", is_superuser=True),
    }
    sections, pages = [], []
    for number in range(3):
        word = SECRET_WORDS["sections"][number]
        section = StandardPage(title=f"Zebra section {number} {word}", slug=f"section-{number}", summary=word)
        home.add_child(instance=section)
        section.save_revision().publish()
        word = SECRET_WORDS["pages"][number]
        page = StandardPage(title=f"Zebra crossing note {number} {word}", slug="note", summary=f"About {word}.")
        section.add_child(instance=page)
        page.save_revision().publish()
        sections.append(section)
        pages.append(page)
    # A draft nobody may read: saved as a revision of a live page, never published.
    pages[0].summary = f"Soon: {DRAFT_WORD}."
    pages[0].save_revision()
    private = make_community("Zebra circle", members_only=True, members=[readers["member"]])
    public = make_community("Zebra open forum")
    author = make_user("author")
    Membership.objects.create(community=private, user=author)
    Membership.objects.create(community=public, user=author)
    inside, outside = SECRET_WORDS["threads"]
    threads = [
        Thread.objects.create(
            community=private, author=author, title=f"Zebra question inside {inside}", body=f"zebra {inside}"
        ),
        Thread.objects.create(
            community=public, author=author, title=f"Zebra question outside {outside}", body=f"zebra {outside}"
        ),
    ]
    sync_search_index()
    return {
        "sections": sections,
        "pages": pages,
        "threads": threads,
        "private": private,
        "public": public,
        "staff": staff,
        "readers": readers,
    }


def restrict(section, kind, staff):
    PageViewRestriction.objects.filter(page=section).delete()
    if kind == "login":
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "groups":
        restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([staff])
    elif kind == "password":
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="pw")


def can_open(client, url) -> bool:
    """The reader's truth: the page itself answers 200 with its content (not a login redirect, 403, 404, or the
    password form)."""
    response = client.get(url)
    if response.status_code != 200:
        return False
    return "wagtailcore/password_required.html" not in [t.name for t in response.templates if t.name]


def candidate_urls(world) -> list[str]:
    urls = [Page.objects.get(pk=page.pk).url for page in world["pages"]]
    urls += [Page.objects.get(pk=section.pk).url for section in world["sections"]]
    urls += [thread.get_absolute_url() for thread in world["threads"]]
    urls += [world["private"].url, world["public"].url]
    return urls


def unpublished_thread_urls(world) -> set[str]:
    return {
        thread.get_absolute_url()
        for thread in Thread.objects.filter(pk__in=[t.pk for t in world["threads"]]).exclude(
            status=Post.Status.PUBLISHED
        )
    }


def found_urls(client) -> dict[str, set[str]]:
    api = client.get("/api/search/", {"q": "zebra"}).json()
    page = client.get("/search/", {"q": "zebra"}).content.decode()
    suggestions = client.get("/search/autocomplete/", {"q": "zebra"}).json()["results"]
    return {
        "api": {re.sub(r"^https?://[^/]+", "", result["url"]) for result in api["results"]},
        "page": set(re.findall(r'<h3 class="result__title"><a href="([^"]+)"', page)),
        "autocomplete": {result["url"] for result in suggestions},
    }


def apply_state(world, restrictions, live, statuses, members_only, outsider_membership):
    for section, kind in zip(world["sections"], restrictions, strict=True):
        restrict(section, kind, world["staff"])
    for page, is_live in zip(world["pages"], live, strict=True):
        page = Page.objects.get(pk=page.pk).specific
        if is_live and not page.live:
            page.save_revision().publish()
        elif not is_live and page.live:
            page.unpublish()
    for thread, status in zip(world["threads"], statuses, strict=True):
        thread.status = status
        thread.save()
    community = type(world["private"]).objects.get(pk=world["private"].pk)
    if community.members_only != members_only:
        community.members_only = members_only
        community.save_revision().publish()
    for membership in Membership.objects.filter(community=community, user=world["readers"]["outsider"]):
        membership.delete()  # the model's delete also takes the member out of the community's group
    if outsider_membership != "none":
        Membership.objects.create(community=community, user=world["readers"]["outsider"], status=outsider_membership)
    sync_search_index()


STATES = {
    "restrictions": st.lists(st.sampled_from(RESTRICTIONS), min_size=3, max_size=3),
    "live": st.lists(st.booleans(), min_size=3, max_size=3),
    "statuses": st.lists(st.sampled_from(list(Post.Status.values)), min_size=2, max_size=2),
    "members_only": st.booleans(),
    "outsider_membership": st.sampled_from(["none", "active", "pending"]),
}
READERS = st.sampled_from(["anonymous", "outsider", "member", "staff", "superuser"])


@settings(max_examples=examples(100))
@given(reader=READERS, **STATES)
def test_search_never_shows_what_the_reader_cannot_open(
    world, reader, restrictions, live, statuses, members_only, outsider_membership
):
    apply_state(world, restrictions, live, statuses, members_only, outsider_membership)
    client = client_for(world["readers"][reader])
    openable = {url for url in candidate_urls(world) if can_open(client, url)}
    found = found_urls(client)
    for channel, result in found.items():
        assert result <= openable, f"{reader} saw {result - openable} through {channel}"
    # Completeness: everything published that the reader may open is found (held or hidden posts, which
    # facilitators can open for moderation, are never search results).
    expected = openable - unpublished_thread_urls(world)
    assert found["api"] == expected, f"{reader} misses {expected - found['api']}"


def misspelt(word: str) -> str:
    """One edit away (the first two different neighbours after the first letters swapped): within the typo
    tolerance, and never the word itself."""
    i = next(i for i in range(2, len(word) - 1) if word[i] != word[i + 1])
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def secrets(world) -> list[tuple[str, str]]:
    """(url of the item, its secret word) for every item of the world; the draft word belongs to no url."""
    items = [
        (Page.objects.get(pk=p.pk).url, w) for p, w in zip(world["sections"], SECRET_WORDS["sections"], strict=True)
    ]
    items += [(Page.objects.get(pk=p.pk).url, w) for p, w in zip(world["pages"], SECRET_WORDS["pages"], strict=True)]
    items += [(t.get_absolute_url(), w) for t, w in zip(world["threads"], SECRET_WORDS["threads"], strict=True)]
    return [*items, (None, DRAFT_WORD)]


def responses_about(client, word) -> dict[str, str]:
    """What every search endpoint answers to a typo of `word` (and, for autocomplete, its first letters)."""
    typo = misspelt(word)
    return {
        "api": client.get("/api/search/", {"q": typo}).content.decode(),
        "page": client.get("/search/", {"q": typo}).content.decode(),
        "people": client.get("/search/people/", {"q": typo}).content.decode(),
        "autocomplete": client.get("/search/autocomplete/", {"q": word[:5]}).content.decode()
        + client.get("/search/autocomplete/", {"q": typo}).content.decode(),
    }


@settings(max_examples=examples(10))
@given(**STATES)
def test_no_search_response_holds_a_word_of_what_the_reader_cannot_open(
    world, restrictions, live, statuses, members_only, outsider_membership
):
    """Results, counts, facets, highlights, autocomplete and "did you mean": for every reader, a word found only in
    items they may not open (restricted, members-only, unpublished, password-protected, or a draft) appears in no
    search response, even to its typos; the words of what they may open are offered as the typo's spelling."""
    apply_state(world, restrictions, live, statuses, members_only, outsider_membership)
    unpublished = unpublished_thread_urls(world)
    for reader, user in world["readers"].items():
        client = client_for(user)
        for url, word in secrets(world):
            if url is not None and url not in unpublished and can_open(client, url):
                data = client.get("/api/search/", {"q": misspelt(word)}).json()
                assert data["did_you_mean"] == word, f"{reader} is not offered {word}, which they may open"
                continue
            for channel, body in responses_about(client, word).items():
                assert word not in body.lower(), f"{reader} learnt {word!r} through {channel}"


# -- facet counts equal the database's truth ---------------------------------------------------------------------
FACETS = ("topic", "audience", "stage", "tag", "trust", "type", "community", "year")


@pytest.fixture
def dataset(search_index):
    """Forty articles spread over a topic tree, audiences, stages, tags and review dates, by a fixed recipe."""
    home = ensure_site()
    library = make_library(home)
    roots = [make_topic(name) for name in ("Strategy", "Communities", "Search")]
    children = [make_topic(f"{root.name} {n}", root) for root in roots for n in (1, 2)]
    grandchildren = [make_topic(f"{child.name} deep", child) for child in children[::2]]
    topics = roots + children + grandchildren
    audiences = [make_audience(name) for name in ("Managers", "Champions", "Facilitators")]
    stages = ["", "investigation", "pilot", "rollout"]
    tags = ["alpha", "beta", "gamma"]
    today = datetime.date.today()
    for number in range(40):
        make_article(
            library,
            f"Article {number}",
            topics=[topics[(number * 7) % len(topics)], topics[(number * 3) % len(topics)]][: 1 + number % 2],
            audiences=[audiences[number % 3]] if number % 4 else [],
            stage=stages[number % 4],
            tags=[tags[number % 3]] if number % 5 else [],
            review_by=today + datetime.timedelta(days=(-30 if number % 6 == 0 else 200)),
            published=datetime.date(2024 + number % 3, 3, 1),
        )
    # Discussions in two open communities and one members-only one (which anonymous readers never count).
    author = make_user("poster")
    communities = [
        make_community("Alpha forum"),
        make_community("Beta forum"),
        make_community("Hidden", members_only=True),
    ]
    for number in range(9):
        community = communities[number % 3]
        Membership.objects.get_or_create(community=community, user=author)
        thread = Thread.objects.create(community=community, author=author, title=f"Thread {number}", body="x")
        created = timezone.make_aware(datetime.datetime(2025 + number % 2, 5, 1))
        Thread.objects.filter(pk=thread.pk).update(created_at=created)
    queue([search_key(thread) for thread in Thread.objects.all()])  # the dates were set without a save
    sync_search_index()
    return {
        "articles": list(ReferenceArticlePage.objects.order_by("pk")),
        "flaggers": [make_user(f"flagger{number}") for number in range(2)],
        "topics": topics,
        "audiences": audiences,
        "stages": stages[1:],
        "tags": tags,
        "types": ["Reference article", "Discussion", "Community"],
        "communities": ["Alpha forum", "Beta forum", "Hidden"],
        "years": ["2024", "2025", "2026"],
    }


def truth(selections):
    """Counts per facet value computed from the database alone (treebeard ancestors, the trust rule)."""
    from communities.models import CommunityPage

    def classified(page, kind, community=""):
        topic_slugs = set()
        for topic in page.topics.all():
            topic_slugs |= {ancestor.slug for ancestor in topic.get_ancestors()} | {topic.slug}
        return {
            "topic": topic_slugs,
            "audience": {audience.slug for audience in page.audiences.all()},
            "stage": {page.stage} if page.stage else set(),
            "tag": {tag.name for tag in page.tags.all()},
            "trust": {page.trust_status().code},
            "type": {kind},
            "community": {community} if community else set(),
            "year": {str(page.first_published_at.year)},
        }

    rows = [classified(article, "Reference article") for article in ReferenceArticlePage.objects.live()]
    rows += [classified(c, "Community", c.title) for c in CommunityPage.objects.live().public()]
    for thread in Thread.objects.filter(status=Post.Status.PUBLISHED, community__members_only=False):
        rows.append(
            {
                **{name: set() for name in ("topic", "audience", "stage", "tag")},
                "trust": {"community"},
                "type": {"Discussion"},
                "community": {thread.community.title},
                "year": {str(thread.created_at.year)},
            }
        )

    def matches(row, except_facet=None):
        return all(row[name] & set(values) for name, values in selections.items() if name != except_facet)

    total = sum(1 for row in rows if matches(row))
    counts = {}
    for name in FACETS:
        counts[name] = {}
        for row in rows:
            if matches(row, except_facet=name):
                for value in row[name]:
                    counts[name][value] = counts[name].get(value, 0) + 1
    return total, counts


# Readers' feedback between searches: flag an article as outdated or suggest an improvement, or resolve its flags.
FEEDBACK_STEPS = st.lists(
    st.tuples(st.integers(0, 39), st.sampled_from(["outdated", "improvement", "resolve"]), st.integers(0, 1)),
    max_size=4,
)


@settings(max_examples=examples(40))
@given(data=st.data())
def test_facet_counts_equal_the_database_truth(dataset, data):
    for number, step, flagger in data.draw(FEEDBACK_STEPS, label="feedback"):
        article = dataset["articles"][number]
        if step == "resolve":
            ContentFlag.resolve_open(article)
        else:
            ContentFlag.report(article, dataset["flaggers"][flagger], step, "Seen in the field")
    sync_search_index()
    selections = {}
    for name, options in (
        ("topic", [topic.slug for topic in dataset["topics"]]),
        ("audience", [audience.slug for audience in dataset["audiences"]]),
        ("stage", dataset["stages"]),
        ("tag", dataset["tags"]),
        ("trust", ["current", "due", "outdated", "community"]),
        ("type", dataset["types"]),
        ("community", dataset["communities"]),
        ("year", dataset["years"]),
    ):
        chosen = data.draw(st.lists(st.sampled_from(options), max_size=2, unique=True), label=name)
        if chosen:
            selections[name] = chosen
    response = Client().get("/api/search/", selections).json()
    total, counts = truth(selections)
    assert response["total"] == total
    for name, expected in counts.items():
        got = {value["value"]: value["count"] for value in response["facets"].get(name, []) if value["count"]}
        assert got == expected, name
