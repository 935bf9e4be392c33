"""What search shows of an item's text is plain text: Markdown (what members write) and HTML (rich text) are read
as the words they render to when the search document is built, so the index, its highlights, the database
fallback, the JSON API and autocomplete all show the same readable words, and only <mark> is ever added."""

import re

import markdown
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from django.test import Client
from django.utils import translation
from django.utils.text import Truncator

from communities.models import Reply, Thread
from portal.sanitise import MARKDOWN_EXTENSIONS, MARKDOWN_SYNTAX, markdown_text, plain_text
from portal.searchable import batch_cache, cut
from search.documents import alias
from tests.conftest import elasticsearch_client, sync_search_index
from tests.factories import make_blog_post, make_community, make_user, make_wiki_page
from tests.helpers import api, ensure_site, examples, live_parts

pytestmark = pytest.mark.django_db

HANDBOOK = """\
## Facilitator handbook

We meet **every second Thursday** in the __big room__. Read [the zeppelin rota](https://example.org/rota) first,
then run `make agenda` before you start.

- bring the *sign-in sheet*
- book the [projector](/communities/clinic/)

1. open the meeting
2. close it on time

> Quote of the week: keep it short.
"""
# What a reader sees of it, in order, and what they never should in a snippet.
HANDBOOK_WORDS = [
    "Facilitator handbook",
    "We meet every second Thursday in the big room",
    "Read the zeppelin rota first",
    "then run make agenda before you start",
    "bring the sign-in sheet",
    "book the projector",
    "open the meeting",
    "close it on time",
    "Quote of the week: keep it short.",
]
MARKUP = ["##", "**", "__", "[", "](", "`", "> Quote", "- bring", "1. open", "example.org", "/communities/clinic/"]


def assert_plain(text, words=()):
    for mark in MARKUP:
        assert mark not in text, f"{mark!r} in {text!r}"
    assert "<" not in text.replace("<mark>", "").replace("</mark>", ""), text
    for phrase in words:
        assert phrase in one_line(text), f"{phrase!r} not in {text!r}"


@pytest.fixture
def community():
    ensure_site()
    return make_community("Facilitation clinic")


def indexed(key):
    return elasticsearch_client().get(index=alias("content"), id=key)["_source"]


def one_line(text: str) -> str:
    return " ".join(text.split())


def result_list(html: str) -> str:
    return html.split('<ol class="result-list">', 1)[1].split("</ol>", 1)[0]


# -- the words a Markdown body renders to ---------------------------------------------------------------------
def test_markdown_is_read_as_the_words_it_renders_to():
    text = markdown_text(HANDBOOK)
    assert_plain(text, HANDBOOK_WORDS)
    assert "\n" in text  # blocks stay apart


PLAINISH = st.text(alphabet=st.sampled_from(list("ab cd\n\t.,:;!?()'\"-+>=0123456789")), max_size=80)


@settings(max_examples=examples(300), deadline=None)
@given(PLAINISH)
def test_text_that_skips_the_markdown_parser_reads_as_the_parser_would_read_it(text):
    """The shortcut for text without Markdown syntax (a rebuild cannot parse 100,000 plain posts) changes nothing."""
    assume(not MARKDOWN_SYNTAX.search(text))
    rendered = plain_text(markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html"))
    assert markdown_text(text).split() == rendered.split()


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab c.\u0301\u00e9\u2026\u1e9b\u0323")), max_size=40),
    st.integers(min_value=1, max_value=30),
    st.sampled_from(["en-gb", "fr", "de"]),
)
def test_a_summary_is_cut_as_django_cuts_it(text, length, language):
    """The shortcut for ASCII text (a rebuild cannot walk a million openings a character at a time) cuts where
    Truncator cuts, with the same ellipsis, in any language; other text still goes through Truncator."""
    with translation.override(language), batch_cache():
        assert cut(text, length) == Truncator(text).chars(length)
        ascii_text = text.encode("ascii", "ignore").decode()
        assert cut(ascii_text, length) == Truncator(ascii_text).chars(length)


# -- what the index holds and what readers see ------------------------------------------------------------------
def test_a_markdown_thread_and_its_replies_are_indexed_highlighted_and_served_as_plain_text(search_index, community):
    author = make_user("fay", first_name="Fay", last_name="Holm")
    thread = Thread.objects.create(community=community, author=author, title="Clinic handbook", body=HANDBOOK)
    Reply.objects.create(thread=thread, author=author, body="**Update:** the `zeppelin` room moved to [B2](/b2/).")
    sync_search_index()

    source = indexed(f"communities.thread:{thread.pk}")
    assert_plain(source["summary"], HANDBOOK_WORDS[:3])
    assert_plain(source["body"], [*HANDBOOK_WORDS, "Update: the zeppelin room moved to B2."])
    assert_plain(source["spelling"])

    data = api(q="second thursday")
    [hit] = data["results"]
    assert "<mark>second</mark> <mark>Thursday</mark>" in hit["snippet_html"]  # the highlight is cut from the text
    assert_plain(hit["snippet_html"], ["every <mark>second</mark> <mark>Thursday</mark> in the big room"])
    assert_plain(hit["snippet"], ["We meet every second Thursday in the big room"])
    [hit] = api(q="sign-in sheet projector")["results"]  # words from the body's list
    assert_plain(hit["snippet_html"])

    html = Client().get("/search/", {"q": "zeppelin rota"}).content.decode()
    snippet = re.search(r'<p class="result__snippet">(.*?)</p>', result_list(html), re.S).group(1)
    assert "<mark>zeppelin</mark> <mark>rota</mark>" in snippet
    assert_plain(snippet, ["Read the <mark>zeppelin</mark> <mark>rota</mark> first"])


def test_a_markdown_wiki_page_is_indexed_and_shown_as_plain_text(search_index, community):
    wiki = make_wiki_page(community, "Clinic wiki", HANDBOOK)
    sync_search_index()
    assert_plain(indexed(f"page:{wiki.pk}")["body"], HANDBOOK_WORDS)
    html = Client().get("/search/", {"q": "make agenda"}).content.decode()
    snippet = re.search(r'<p class="result__snippet">(.*?)</p>', result_list(html), re.S).group(1)
    assert_plain(snippet, ["run <mark>make</mark> <mark>agenda</mark> before you start"])


def test_html_bodies_are_indexed_as_their_text(search_index, community):
    author = make_user("gil")
    thread = Thread.objects.create(
        community=community,
        author=author,
        title="Room booking",
        body='<div class="note"><b>Bold</b> booking &amp; <i>rooms</i></div><style>p {}</style> for the quokka team',
    )
    post = make_blog_post(
        community, "Quokka retro", body="<h2>What went well</h2><p>The <b>quokka</b> retro &amp; its notes</p>"
    )
    sync_search_index()
    assert one_line(indexed(f"communities.thread:{thread.pk}")["body"]) == "Bold booking & rooms for the quokka team"
    assert one_line(indexed(f"page:{post.pk}")["body"]) == "What went well The quokka retro & its notes"
    [hit] = api(q="booking rooms")["results"]
    assert_plain(hit["snippet_html"], ["Bold <mark>booking</mark> &amp; <mark>rooms</mark>"])  # escaped as HTML
    assert_plain(hit["snippet"], ["Bold booking & rooms for the quokka team"])  # and plain as text
    [hit] = api(q="went well")["results"]
    assert_plain(hit["snippet_html"], ["What <mark>went</mark> <mark>well</mark> The quokka retro &amp; its notes"])


def test_script_in_a_title_or_body_stays_inert(search_index, community):
    author = make_user("hal")
    thread = Thread.objects.create(
        community=community,
        author=author,
        title="<script>alert(1)</script> wombat checklist",
        body='Wombat notes <script>alert(2)</script> <img src=x onerror="alert(3)"> and &lt;script&gt;alert(4)'
        "&lt;/script&gt; [click](javascript:alert(5)) **wombat**",
    )
    sync_search_index()
    assert "alert" not in indexed(f"communities.thread:{thread.pk}")["body"]
    html = Client().get("/search/", {"q": "wombat"}).content.decode()
    results = result_list(html)
    assert live_parts(results) == [] and "<script" not in results and "<img" not in results
    assert "&lt;script&gt;alert(1)" in results and "<mark>wombat</mark> checklist" in results  # a title is escaped
    [hit] = api(q="wombat")["results"]
    assert hit["title"] == thread.title and "&lt;script&gt;" in hit["title_html"]
    assert live_parts(hit["title_html"] + hit["snippet_html"]) == []
    # Autocomplete gives the title as text for the script to show as text, never as HTML.
    [suggestion] = Client().get("/search/autocomplete/", {"q": "wombat"}).json()["results"]
    assert suggestion == {"title": thread.title, "url": thread.get_absolute_url(), "kind": "Discussion"}


def test_the_database_fallback_shows_the_same_plain_text(community, search_outage):
    thread = Thread.objects.create(community=community, author=make_user("ivy"), title="Handbook", body=HANDBOOK)
    html = Client().get("/search/", {"q": "handbook"}).content.decode()
    assert "limited mode" in html
    snippet = re.search(r'<p class="result__snippet">(.*?)</p>', result_list(html), re.S).group(1)
    assert_plain(snippet, HANDBOOK_WORDS[:3])
    data = api(q="handbook")
    assert data["limited"] and [hit["title"] for hit in data["results"]] == [thread.title]
    assert_plain(data["results"][0]["snippet"], HANDBOOK_WORDS[:3])
