"""Faceted search against the real Elasticsearch: what is indexed, how it stays in sync, facets and their counts,
relevance features, analytics, the API and bad input."""

import datetime
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.db import transaction
from django.test import Client

from wagtail.models import Page, PageViewRestriction

from communities.models import Post, Reply, Thread
from home.models import ReferenceArticlePage, StandardPage
from search.documents import alias
from search.models import IndexOutbox, ZeroResultQuery
from tests.conftest import elasticsearch_client, refresh_search_index, sync_search_index
from tests.factories import make_article, make_audience, make_community, make_library, make_topic, make_user
from tests.helpers import api, client_for, ensure_site, examples, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return ensure_site()


@pytest.fixture
def library(home):
    return make_library(home)


@pytest.fixture
def taxonomy():
    strategy = make_topic("Knowledge strategy")
    facilitation = make_topic("Facilitation", strategy)
    online = make_topic("Online facilitation", facilitation)
    search = make_topic("Enterprise search")
    return {
        "strategy": strategy,
        "facilitation": facilitation,
        "online": online,
        "search": search,
        "managers": make_audience("Managers"),
        "champions": make_audience("KM champions"),
    }


def indexed_keys(index="content"):
    refresh_search_index()
    response = elasticsearch_client().search(index=alias(index), body={"size": 1000, "_source": False})
    return {hit["_id"] for hit in response["hits"]["hits"]}


# -- what is indexed ---------------------------------------------------------------------------------------------
def test_live_items_of_every_kind_are_indexed_with_their_taxonomy(search_index, library, taxonomy):
    from tests.factories import make_module, make_wiki_page

    article = make_article(
        library,
        "Running a knowledge audit",
        topics=[taxonomy["online"]],
        audiences=[taxonomy["managers"]],
        stage="pilot",
        tags=["audit"],
    )
    make_article(library, "Draft only", live=False)
    community = make_community("Search champions", members=[make_user("mo")])
    thread = Thread.objects.create(community=community, author=make_user("ann"), title="Synonyms?", body="How?")
    Thread.objects.create(community=community, author=thread.author, title="Held", body="x", status=Post.Status.PENDING)
    wiki = make_wiki_page(community, "Search tuning guide", "## Boosts")
    module = make_module("Search basics", lessons=1)
    sync_search_index()
    keys = indexed_keys()
    lesson = module.get_children().get()
    assert {f"page:{article.pk}", f"communities.thread:{thread.pk}", f"page:{wiki.pk}", f"page:{module.pk}"} <= keys
    assert f"page:{lesson.pk}" in keys and f"page:{community.pk}" in keys
    assert not any(Thread.objects.get(title="Held").pk == int(k.split(":")[1]) for k in keys if "thread" in k)
    assert f"page:{library.pk}" not in keys  # listings are not search results
    source = elasticsearch_client().get(index=alias("content"), id=f"page:{article.pk}")["_source"]
    expected_topics = {str(taxonomy[name].pk) for name in ("strategy", "facilitation", "online")}
    assert set(source["topics"]) == expected_topics  # ancestors included: parents count their subtree
    assert source["audiences"] == ["managers"] and source["stage"] == "pilot" and source["tags"] == ["audit"]
    assert source["kind"] == "Reference article" and source["readers"] == ["public"]


def test_quiz_answers_never_reach_the_index(search_index, home):
    from tests.factories import make_module

    make_module("Reviews", lessons=1)
    sync_search_index()
    response = elasticsearch_client().search(index=alias("content"), body={"query": {"match": {"body": "blame-free"}}})
    assert response["hits"]["total"]["value"] == 0


# -- sync --------------------------------------------------------------------------------------------------------
def test_publish_unpublish_delete_and_move_keep_the_index_in_line(search_index, library, home):
    article = make_article(library, "Lessons learned register")
    sync_search_index()
    assert f"page:{article.pk}" in indexed_keys()
    article.unpublish()
    sync_search_index()
    assert f"page:{article.pk}" not in indexed_keys()
    article.save_revision().publish()
    section = StandardPage(title="Archive", slug="archive")
    home.add_child(instance=section)
    section.save_revision().publish()
    Page.objects.get(pk=article.pk).move(section, pos="last-child")
    sync_search_index()
    source = elasticsearch_client().get(index=alias("content"), id=f"page:{article.pk}")["_source"]
    assert source["url"].startswith("/archive/")
    Page.objects.get(pk=article.pk).delete()
    sync_search_index()
    assert f"page:{article.pk}" not in indexed_keys()


def test_a_rolled_back_save_leaves_nothing_to_index(search_index, library):
    queued = IndexOutbox.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article(library, "Never happened")
        assert IndexOutbox.objects.count() > queued
        raise RuntimeError("roll back")
    assert IndexOutbox.objects.count() == queued
    sync_search_index()
    assert "Never happened" not in titles(api(q="never happened"))


def test_making_a_section_private_reindexes_its_whole_subtree(search_index, home, library):
    article = make_article(library, "Salary benchmarking method")
    sync_search_index()
    assert titles(api(q="salary benchmarking")) == ["Salary benchmarking method"]
    PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    sync_search_index()
    assert titles(api(q="salary benchmarking")) == []  # anonymous readers no longer find it
    client = Client()
    client.force_login(make_user("reader"))
    assert titles(api(client, q="salary benchmarking")) == ["Salary benchmarking method"]
    PageViewRestriction.objects.update(restriction_type=PageViewRestriction.PASSWORD, password="secret")
    for restriction in PageViewRestriction.objects.all():
        restriction.save()
    sync_search_index()
    assert f"page:{article.pk}" not in indexed_keys()  # password-protected pages are never indexed


def test_moving_a_community_under_a_restricted_section_reindexes_its_discussions(search_index, home):
    from communities.models import Membership

    community = make_community("Archive circle")
    author = make_user("poster")
    Membership.objects.create(community=community, user=author)
    thread = Thread.objects.create(community=community, author=author, title="Minutes of the quokka group", body="x")
    staff_area = StandardPage(title="Staff area", slug="staff")
    home.add_child(instance=staff_area)
    staff_area.save_revision().publish()
    PageViewRestriction.objects.create(page=staff_area, restriction_type=PageViewRestriction.LOGIN)
    sync_search_index()
    assert titles(api(q="quokka group")) == ["Minutes of the quokka group"]
    community.move(staff_area, pos="last-child")  # the thread itself is not saved: only its community moved
    sync_search_index()
    assert titles(api(q="quokka group")) == []
    source = elasticsearch_client().get(index=alias("content"), id=f"communities.thread:{thread.pk}")["_source"]
    assert source["readers"] == ["login"] and source["url"].startswith("/staff/archive-circle/")
    assert titles(api(client_for(make_user("reader")), q="quokka group")) == ["Minutes of the quokka group"]


def test_the_search_worker_applies_queued_work_and_waits_out_an_outage(
    transactional_db, search_index, library, settings
):
    import io

    from django.core.management import call_command

    settings.SEARCH_DRAIN_ON_COMMIT = False  # the worker's job, here
    make_article(library, "Exit interview checklist")
    assert IndexOutbox.objects.pending().exists()
    out = io.StringIO()
    call_command("search_worker", "--once", stdout=out)
    assert "Indexed" in out.getvalue() and not IndexOutbox.objects.pending().exists()
    refresh_search_index()
    assert titles(api(q="exit interview")) == ["Exit interview checklist"]

    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    make_article(library, "Stay interview guide")
    errors = io.StringIO()
    call_command("search_worker", "--once", stdout=io.StringIO(), stderr=errors)
    assert "Elasticsearch unavailable" in errors.getvalue()
    pending = IndexOutbox.objects.pending().get()
    assert pending.attempts == 1  # kept, and counted
    settings.ELASTICSEARCH_URL = real_url
    call_command("search_worker", "--once", stdout=io.StringIO())
    refresh_search_index()
    assert not IndexOutbox.objects.pending().exists()
    assert titles(api(q="stay interview")) == ["Stay interview guide"]


def test_a_new_type_joins_search_by_implementing_the_protocol(search_index, monkeypatch):
    """A model the search app has never heard of: two protocol methods and register() make it searchable, kept
    in sync on save, rebuilt, and found by the database fallback too."""
    from taggit.models import Tag

    from portal.searchable import PUBLIC, SearchDocument, register, search_key, searchable_types
    from search.indexing import rebuild

    def search_document(tag):
        return SearchDocument(
            key=search_key(tag), index="content", kind="Glossary term", title=tag.name, url=f"/tags/{tag.slug}/",
            readers=[PUBLIC], summary=f"The term {tag.name}",
        )  # fmt: skip

    monkeypatch.setattr(Tag, "search_document", search_document, raising=False)
    monkeypatch.setattr(Tag, "search_visible_to", lambda tag, user: True, raising=False)
    register(Tag, title_field="name", queryset=Tag.objects.all)
    try:
        tag = Tag.objects.create(name="Quokka method", slug="quokka-method")
        sync_search_index()
        data = api(q="quokka")
        assert titles(data) == ["Quokka method"] and facet(data, "type") == {"Glossary term": 1}
        tag.name = "Quokka technique"
        tag.save()
        sync_search_index()
        assert titles(api(q="quokka")) == ["Quokka technique"]
        rebuild()
        refresh_search_index()
        assert titles(api(q="quokka technique")) == ["Quokka technique"]
        settings_url = "http://127.0.0.1:9"
        monkeypatch.setattr("django.conf.settings.ELASTICSEARCH_URL", settings_url)
        assert titles(api(q="quokka")) == ["Quokka technique"]  # the database fallback, by its title field
    finally:
        searchable_types.pop("taggit.tag", None)


def test_discussion_moderation_and_edits_reach_the_index(search_index, home):
    fay, mo = make_user("fay"), make_user("mo")
    community = make_community("Peer assist", facilitators=[fay], members=[mo])
    thread = Thread.objects.create(
        community=community, author=mo, title="Who ran a peer assist?", body="Need help", status=Post.Status.PENDING
    )
    sync_search_index()
    assert titles(api(q="peer assist ran")) == []
    thread.status = Post.Status.PUBLISHED
    thread.save()
    Reply.objects.create(thread=thread, author=fay, body="We did: the zeppelin project used one")
    sync_search_index()
    assert "Who ran a peer assist?" in titles(api(q="zeppelin"))  # replies are part of their thread
    thread.status = Post.Status.HIDDEN
    thread.save()
    sync_search_index()
    assert titles(api(q="zeppelin")) == []


def test_profiles_and_memberships_update_the_people_index(search_index, home, taxonomy):
    ana = make_user("ana", first_name="Ana", last_name="Ruiz")
    profile = ana.profile
    profile.job_title, profile.department = "Knowledge manager", "HR"
    profile.save()
    profile.expertise.set([taxonomy["facilitation"]])
    profile.save()
    community = make_community("Search champions", members=[ana])
    make_community("Secret circle", members_only=True, members=[ana])
    sync_search_index()
    source = elasticsearch_client().get(index=alias("people"), id=f"people.profile:{profile.pk}")["_source"]
    assert source["communities"] == [community.title]  # members-only communities stay out of the people index
    assert source["department"] == "HR" and str(taxonomy["strategy"].pk) in source["topics"]
    html = Client().get("/search/people/", {"q": "who knows about facilitation?"}).content.decode()
    assert "Ana Ruiz" in html and "Department" in html


def test_people_search_facets_count_people_by_expertise_community_and_department(search_index, home, taxonomy):
    from search.query import FacetedSearch

    t = taxonomy
    people = {}
    for username, department, topics in (
        ("ana", "HR", [t["facilitation"]]),
        ("ben", "IT", [t["search"]]),
        ("cy", "HR", [t["online"]]),
        ("dee", "Legal", []),
    ):
        user = make_user(username, first_name=username.title(), last_name="Tester")
        user.profile.department = department
        user.profile.expertise.set(topics)
        user.profile.save()  # as the profile form does: the change is queued when the profile is saved
        people[username] = user
    make_community("Search champions", members=[people["ana"], people["ben"]])
    make_community("Secret circle", members_only=True, members=[people["cy"]])
    sync_search_index()

    def people_search(**params):
        results = Client().get("/search/people/", params).context["results"]
        assert not results.limited
        facets = {f.name: {v.value: v.count for v in FacetedSearch.flatten(f.values)} for f in results.facets}
        return facets, sorted(hit.obj.user.username for hit in results.hits)

    facets, found = people_search()
    assert found == ["ana", "ben", "cy", "dee", "root-admin"]
    assert facets["department"] == {"HR": 2, "IT": 1, "Legal": 1}
    assert facets["topic"] == {
        "knowledge-strategy": 2,
        "facilitation": 2,
        "online-facilitation": 1,
        "enterprise-search": 1,
    }
    assert facets["community"] == {"Search champions": 2}  # a members-only community is nobody's business here
    facets, found = people_search(department="HR")
    assert found == ["ana", "cy"]
    assert facets["department"] == {"HR": 2, "IT": 1, "Legal": 1}  # a facet keeps its own counts
    assert facets["topic"] == {"knowledge-strategy": 2, "facilitation": 2, "online-facilitation": 1}
    facets, found = people_search(q="who knows about facilitation?", topic="online-facilitation")
    assert found == ["cy"]


def test_a_stale_hit_is_dropped_from_the_page_at_once_and_repaired(search_index, library):
    article = make_article(library, "Obsolete travel policy")
    sync_search_index()
    ReferenceArticlePage.objects.filter(pk=article.pk).update(live=False)  # no signal: the index is now stale
    IndexOutbox.objects.all().delete()
    data = api(q="obsolete travel")
    assert data["results"] == []
    assert IndexOutbox.objects.pending().filter(key=f"page:{article.pk}").exists()  # queued for removal
    sync_search_index()
    assert f"page:{article.pk}" not in indexed_keys()


def test_rebuild_swaps_the_alias_and_keeps_changes_made_while_it_ran(search_index, library):
    from search.indexing import drain, rebuild

    first = make_article(library, "Knowledge map basics")
    second = make_article(library, "Expertise locator guide")
    sync_search_index()
    old_indices = set(elasticsearch_client().indices.get_alias(name=alias("content")))
    edited = []

    class EditDuringRebuild:
        """A progress bar that, at the first chunk, edits a page and lets the worker index it (to the old index)."""

        def __init__(self, **kwargs):
            pass

        def update(self, count):
            if not edited:
                page = ReferenceArticlePage.objects.get(pk=second.pk)
                page.title = "Expertise locator guide, revised"
                page.save_revision().publish()
                drain()
                edited.append(page)

        def close(self):
            pass

    counts = rebuild(progress=EditDuringRebuild)
    refresh_search_index()
    new_indices = set(elasticsearch_client().indices.get_alias(name=alias("content")))
    assert new_indices and not new_indices & old_indices
    assert not elasticsearch_client().indices.exists(index=",".join(old_indices))
    assert counts["content"] == 2 and counts["replayed"] >= 1
    assert "Expertise locator guide, revised" in titles(api(q="expertise locator"))
    assert first.title in titles(api(q="knowledge map"))


def test_rebuild_command_reports_progress(search_index, library, capsys):
    from django.core.management import call_command

    make_article(library, "Communities of practice primer")
    call_command("rebuild_search_index")
    captured = capsys.readouterr()
    assert "Search indices rebuilt: 1 in content" in captured.out and "content index" in captured.err


# -- the search page -----------------------------------------------------------------------------------------------
@pytest.fixture
def catalogue(search_index, library, taxonomy):
    today = datetime.date.today()
    t = taxonomy
    make_article(library, "Facilitating online sessions", topics=[t["online"]], audiences=[t["champions"]])
    make_article(
        library,
        "Facilitation for managers",
        topics=[t["facilitation"]],
        audiences=[t["managers"]],
        stage="investigation",
        tags=["workshop"],
    )
    make_article(
        library,
        "Search analytics primer",
        topics=[t["search"]],
        audiences=[t["managers"]],
        review_by=today - datetime.timedelta(days=3),
        tags=["analytics"],
    )
    make_article(library, "Taxonomy governance", topics=[t["strategy"]], stage="pilot")
    sync_search_index()
    return t


def facet(data, name):
    return {value["value"]: value["count"] for value in data["facets"].get(name, [])}


def test_topic_facet_counts_subtrees_and_selections_narrow_other_facets(catalogue):
    data = api()
    assert data["total"] == 4  # an empty query browses everything
    topics = facet(data, "topic")
    assert topics["knowledge-strategy"] == 3 and topics["facilitation"] == 2 and topics["online-facilitation"] == 1
    narrowed = api(topic="facilitation")
    assert narrowed["total"] == 2
    assert facet(narrowed, "topic")["enterprise-search"] == 1  # the facet keeps its own counts
    assert facet(narrowed, "audience") == {"km-champions": 1, "managers": 1}  # other facets narrow
    both = api(topic="facilitation", audience="managers")
    assert titles(both) == ["Facilitation for managers"]
    assert facet(both, "audience") == {"km-champions": 1, "managers": 1}


def test_trust_status_facet_matches_the_badges(catalogue):
    data = api()
    assert facet(data, "trust") == {"current": 3, "due": 1}  # no community contributions: no empty value
    assert titles(api(trust="due")) == ["Search analytics primer"]


def test_page_shows_chips_highlights_and_removable_filters(client, catalogue):
    html = client.get("/search/", {"q": "facilitation", "audience": "managers"}).content.decode()
    assert "<mark>Facilitation</mark> for managers" in html
    assert "Audience: Managers" in html and 'aria-label="Remove filter Audience: Managers"' in html
    assert '?q=facilitation"' in html  # the chip's link drops just that filter
    tree = client.get("/search/", {"q": "facilitation"}).content.decode()
    nested = tree.split('name="topic" value="facilitation"', 1)[1].split("</details>", 1)[0]
    assert 'name="topic" value="online-facilitation"' in nested  # narrower topics nest under their parent


def test_typos_phrases_and_did_you_mean(catalogue):
    assert "Facilitation for managers" in titles(api(q="faciltation managers"))
    assert api(q="faciltation")["did_you_mean"] == "facilitation"
    assert titles(api(q='"online sessions"')) == ["Facilitating online sessions"]
    assert titles(api(q='"sessions online"')) == []


def test_did_you_mean_only_offers_words_of_what_the_reader_may_open(search_index, library):
    """The probe's reproduction: a word only in a members-only thread, or only in a login-restricted article, is
    never offered as the spelling of a typo to someone who may not open them."""
    member, outsider = make_user("insider"), make_user("nosy")
    forum = make_community("Strategy forum", members_only=True, members=[member])
    Thread.objects.create(community=forum, author=member, title="Our playbooks", body="Three playbooks for roll-out.")
    minutes = make_article(library, "Board minutes", summary="The marmalade budget for next year.")
    PageViewRestriction.objects.create(page=minutes, restriction_type=PageViewRestriction.LOGIN)
    sync_search_index()
    member_client, outsider_client = Client(), Client()
    member_client.force_login(member)
    outsider_client.force_login(outsider)

    for client in (Client(), outsider_client):
        data = api(client, q="playboosk")
        assert (data["total"], data["did_you_mean"]) == (0, None)
        assert "playbooks" not in client.get("/search/", {"q": "playboosk"}).content.decode()
    data = api(Client(), q="marmlade")
    assert (data["total"], data["did_you_mean"]) == (0, None)
    assert "marmalade" not in Client().get("/search/", {"q": "marmlade"}).content.decode()
    # Those who may open them get the suggestion, and the results.
    assert api(member_client, q="playboosk")["did_you_mean"] == "playbooks"
    assert api(outsider_client, q="marmlade")["did_you_mean"] == "marmalade"
    html = member_client.get("/search/", {"q": "playboosk"}).content.decode()
    assert 'Did you mean <a href="?q=playbooks">playbooks</a>?' in html


def test_a_request_that_could_read_past_the_readers_filter_is_never_sent(search_index):
    from search.query import ReaderSearch, UnscopedSearch

    ReaderSearch.of("content", ["public"]).query("match", title="x").to_dict()  # scoped: fine
    with pytest.raises(UnscopedSearch, match="Suggesters"):
        ReaderSearch.of("content", ["public"]).suggest("s", "x", term={"field": "spelling"}).to_dict()
    search = ReaderSearch.of("content", ["public"])
    search.aggs.bucket("everything", "global").bucket("kinds", "terms", field="kind")
    with pytest.raises(UnscopedSearch, match="global"):
        search.to_dict()
    unfiltered = ReaderSearch(index=alias("content"), readers=["public"]).query("match", title="x")
    with pytest.raises(UnscopedSearch, match="filter is missing"):
        unfiltered.to_dict()


def test_spelling_suggestions_come_from_the_given_texts_only():
    from search.query import spelling_suggestion

    texts = ["Facilitation for managers", "Knowledge playbooks"]
    assert spelling_suggestion("faciltation managers", texts) == "facilitation managers"
    assert spelling_suggestion("playboosk", texts) == "playbooks"  # a transposition is one edit
    assert spelling_suggestion("playboosk", ["Facilitation"]) == ""  # the word is nowhere the reader may look
    assert spelling_suggestion("manager", texts) == ""  # an inflection is not a typo
    assert spelling_suggestion("zzzz", texts) == ""


WORDS = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=12)


@settings(max_examples=examples(200), deadline=datetime.timedelta(milliseconds=200))
@given(query=st.lists(WORDS, min_size=1, max_size=6), texts=st.lists(st.lists(WORDS, max_size=300), max_size=10))
def test_a_suggestion_holds_only_the_query_and_the_readers_own_words_and_is_quick(query, texts):
    """Every word of a suggestion is a word of the query or of the texts it was given (what the reader may
    open), never anything else; and working it out over ten results stays well inside a request's budget."""
    from search.query import WORD, spelling_suggestion

    suggestion = spelling_suggestion(" ".join(query), [" ".join(text) for text in texts])
    allowed = {word.lower() for word in query} | {word.lower() for text in texts for word in text}
    assert {word.lower() for word in WORD.findall(suggestion)} <= allowed
    if suggestion:
        assert suggestion.lower() != " ".join(query).lower()


def test_hit_text_is_escaped(search_index, library):
    make_article(library, "<script>alert(1)</script> onboarding checklist", summary="An onboarding checklist")
    sync_search_index()
    html = Client().get("/search/", {"q": "onboarding checklist"}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_zero_results_are_recorded_and_answered_with_a_way_on(client, catalogue):
    html = client.get("/search/", {"q": "quantum blockchain"}).content.decode()
    assert "Ask in a" in html and "/communities/" in html
    assert ZeroResultQuery.objects.get().query_string == "quantum blockchain"
    from wagtail.contrib.search_promotions.models import Query

    assert Query.get("quantum blockchain").hits == 1


def test_editors_pick_comes_first_for_its_query(client, catalogue, library):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    pick = ReferenceArticlePage.objects.get(title="Taxonomy governance")
    SearchPromotion.objects.create(query=Query.get("facilitation"), page=pick, description="Start here")
    html = client.get("/search/", {"q": "facilitation"}).content.decode()
    assert html.index("/library/taxonomy-governance/") < html.index("/library/facilitation-for-managers/")
    assert "Recommended" in html


def test_sort_by_newest_and_pagination(search_index, library):
    base = datetime.date(2025, 1, 1)
    for number in range(23):  # published a day apart, in an order unlike their titles
        day = base + datetime.timedelta(days=(number * 7) % 23)
        make_article(library, f"Retention note {number:02d}", published=day)
    sync_search_index()
    truth = [
        page.title
        for page in ReferenceArticlePage.objects.live().order_by("-last_published_at", "-pk")
        if page.title.startswith("Retention note")
    ]
    pages = [api(q="retention note", sort="newest", page=str(number)) for number in (1, 2, 3)]
    assert [data["page"] for data in pages] == [1, 2, 3] and pages[0]["pages"] == 3 and pages[0]["total"] == 23
    assert [title for data in pages for title in titles(data)] == truth  # newest first, across the pages
    assert titles(api(q="retention note", sort="newest", page="99999")) == truth[20:]  # past the end: the last page
    assert api(q="retention note", page="-3")["page"] == 1 and api(q="retention note", page="abc")["page"] == 1
    by_relevance = api(q="retention note 07")
    assert by_relevance["sort"] == "relevance" and titles(by_relevance)[0] == "Retention note 07"


def test_autocomplete_suggests_titles_and_people(catalogue):
    make_user("fio", first_name="Fiona", last_name="Facinelli")
    sync_search_index()
    results = Client().get("/search/autocomplete/", {"q": "faci"}).json()["results"]
    kinds = {result["kind"] for result in results}
    assert "Reference article" in kinds and "Person" in kinds
    assert all(result["url"].startswith("/") for result in results)


def test_unknown_filters_are_ignored_with_a_note(catalogue):
    data = api(topic="no-such-topic", colour="blue", trust="bogus")
    assert data["total"] == 4 and len(data["notes"]) == 2


# -- resilience ----------------------------------------------------------------------------------------------------
def test_search_falls_back_to_the_database_when_elasticsearch_is_unreachable(client, catalogue, search_outage):
    response = client.get("/search/", {"q": "facilitation"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "limited mode" in html and "Facilitation for managers" in html
    data = api(q="facilitation")
    assert data["limited"] is True and "Facilitation for managers" in titles(data)
    assert Client().get("/search/autocomplete/", {"q": "fac"}).json()["results"] == []
    assert Client().get("/search/people/", {"q": "ana"}).status_code == 200


ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(['+-=&&||><!(){}[]^"~*?:\\/', '"', "x" * 10_000, "📚🔥 знание", "AND OR NOT", "*:*"]),
)
PARAM_NAMES = st.sampled_from(["topic", "audience", "tag", "type", "year", "trust", "stage", "community", "bogus"])


@settings(max_examples=examples(60))
@given(
    text=ODD_TEXT,
    filters=st.lists(st.tuples(PARAM_NAMES, st.text(max_size=40)), max_size=4),
    page=st.sampled_from(["0", "-3", "99999", "abc", "1", "2", ""]),
    sort=st.sampled_from(["", "newest", "relevance", "bogus"]),
)
def test_bad_input_never_gives_a_500(catalogue, text, filters, page, sort):
    params = {"q": text, "page": page, "sort": sort}
    for name, value in filters:
        params.setdefault(name, value)
    for url in ("/search/", "/api/search/", "/search/people/", "/search/autocomplete/"):
        assert Client().get(url, params).status_code == 200


def test_health_reports_database_and_elasticsearch(client, search_index):
    data = client.get("/healthz").json()
    assert data["database"] == "ok" and data["elasticsearch"] in ("green", "yellow")


def unique():
    return uuid.uuid4().hex[:6]


def test_editors_see_search_gaps_and_top_searches_in_the_admin(catalogue):
    from django.contrib.auth import get_user_model

    Client().get("/search/", {"q": "quantum blockchain"})
    Client().get("/search/", {"q": "facilitation"})
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="root-admin"))
    gaps = admin.get("/admin/reports/search-gaps/").content.decode()
    assert "quantum blockchain" in gaps and "facilitation" not in gaps.split("<table", 1)[-1]
    terms = admin.get("/admin/searchpicks/reports/search-terms/").content.decode()
    assert "facilitation" in terms and "quantum blockchain" in terms
    assert Client().get("/admin/reports/search-gaps/").status_code == 302  # readers are sent to log in
