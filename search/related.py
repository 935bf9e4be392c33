"""What the index knows is near an item: the "Related" aside of articles, lessons, threads and blog posts (more like
this one, the same topic first), and the threads and articles that may already answer a question while its title
is being typed. Both are one request each, filtered to what the reader may see and re-checked against the database
like every search hit; when Elasticsearch fails they are simply empty, never an error."""

import logging
from dataclasses import dataclass

from elasticsearch.exceptions import ElasticsearchException
from elasticsearch_dsl import Q

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from portal.searchable import batch_cache, page_visible_to, reader_tokens, search_key
from search.documents import alias
from search.indexing import load, queue
from search.query import WORD, ReaderSearch

logger = logging.getLogger(__name__)

RELATED_SIZE = 5
SIMILAR_SIZE = 5
SPARE = 3  # hits asked for beyond the size, so a stale or forbidden one dropped on re-checking leaves no gap
TIMEOUT = 1.0  # seconds at most: these are asides, the page must not wait on them
PAUSE_AFTER_FAILURE = 30  # seconds without asking, once Elasticsearch failed: every page would wait on it
PAUSED = "search:related:paused"
SAME_TOPIC_BOOST = 1000  # far above any text score: sharing a topic comes first

# What a "may already answer your question" suggestion may be: discussions across communities and the library.
SIMILAR_KINDS = ("Discussion", "Reference article")
MAX_TITLE_LENGTH = 200  # a thread title's own limit
MAX_WORDS = 16
# How questions start, not what they are about: left out, so "how do we run an AAR?" asks about running AARs.
QUESTION_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "any",
        "anyone",
        "are",
        "best",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "get",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "should",
        "someone",
        "the",
        "there",
        "to",
        "way",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "with",
        "would",
        "you",
        "your",
    }
)


@dataclass
class Suggestion:
    """An item shown beside another, or under a question being typed: a reader may open it."""

    obj: object
    title: str
    url: str
    kind: str
    community: str = ""

    @property
    def trust(self):
        status = getattr(self.obj, "trust_status", None)
        return status() if callable(status) else None

    def as_json(self) -> dict:
        trust = self.trust
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "community": self.community or None,
            "trust": {"code": trust.code, "text": trust.text} if trust else None,
        }


def related_items(obj, user, size: int = RELATED_SIZE) -> list[Suggestion]:
    """Up to `size` items like `obj` (its own indexed document: title, summary, body, taxonomy), those filed under
    its topics first, never `obj` itself, only what `user` may open (None: a signed-out reader)."""
    user = user or AnonymousUser()
    key = search_key(obj)
    index = alias("content")
    same_topic = Q(
        "constant_score",
        filter=Q("terms", topics={"index": index, "id": key, "path": "direct_topics"}),
        boost=SAME_TOPIC_BOOST,
        _name="same_topic",
    )
    like = Q(
        "more_like_this",
        fields=["title", "summary", "body", "taxonomy_text"],
        like=[{"_index": index, "_id": key}],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=25,
        # A clause per word and field: a short thread sharing three words of its title with another is ~10%.
        minimum_should_match="10%",
    )
    query = Q("bool", should=[same_topic, like], minimum_should_match=1, must_not=[Q("ids", values=[key])])
    hits = run(ReaderSearch.of("content", reader_tokens(user)).query(query), size, f"related items of {key}")
    # Elasticsearch scores put the same topic first already; the sort keeps it so whatever the text scores.
    hits.sort(key=lambda hit: "same_topic" not in (getattr(hit.meta, "matched_queries", None) or []))
    return checked(hits, user, size)


def similar_items(text: str, user, community_id=None, size: int = SIMILAR_SIZE) -> list[Suggestion]:
    """Threads and articles whose words match a question's title as it is being typed, only what `user` may open;
    those of the community it is asked in (when the reader may see it) first among equals."""
    user = user or AnonymousUser()
    words = [word for word in WORD.findall(text[:MAX_TITLE_LENGTH]) if word.lower() not in QUESTION_WORDS]
    words = words[:MAX_WORDS]
    if not words:
        return []
    typed = " ".join(words)
    query = Q(
        "bool",
        must=[
            Q(
                "multi_match",
                query=typed,
                fields=["title^3", "summary^1.5", "taxonomy_text", "body"],
                type="cross_fields",
                minimum_should_match="2<67%",  # all of one or two words; two in three of a longer title
            )
        ],
        should=[Q("match_phrase", title={"query": typed, "boost": 2})],
        filter=[Q("terms", kind=list(SIMILAR_KINDS))],
    )
    community = community_title(community_id, user)
    if community:
        query.should.append(Q("term", community={"value": community, "boost": 1.5}))
    search = ReaderSearch.of("content", reader_tokens(user)).query(query)
    return checked(run(search, size, f"similar items for {typed!r}"), user, size)


def community_title(community_id, user) -> str:
    """The title (as indexed) of the community a question is asked in, when the reader may see it; else ""."""
    from wagtail.models import Page

    if not str(community_id or "").isdigit():
        return ""
    page = Page.objects.filter(pk=int(community_id)).first()
    return page.title if page is not None and page_visible_to(page, user) else ""


def paused() -> bool:
    """Whether Elasticsearch failed a moment ago (asides are left empty for a little while)."""
    return bool(cache.get(PAUSED))


def run(search, size: int, what: str) -> list:
    """The hits of one request with a short timeout; none, logged, when Elasticsearch fails (and no request at all
    for a little while after a failure)."""
    if cache.get(PAUSED):
        return []
    search = search.source(["title", "url", "kind", "community"]).extra(track_total_hits=False)[: size + SPARE]
    search = search.sort("_score", {"key": {"order": "asc"}})  # equal scores in one order, whatever the segments
    try:
        return list(search.params(request_timeout=min(TIMEOUT, settings.SEARCH_TIMEOUT)).execute())
    except ElasticsearchException:
        logger.warning("Elasticsearch unavailable; no %s", what, exc_info=True)
        cache.set(PAUSED, True, PAUSE_AFTER_FAILURE)
        return []


def suggestion_of(obj, hit) -> Suggestion:
    """What the database says now of an item the reader may open: its title and address (the index's copy may be
    older, e.g. before a retitle); a discussion's community from the database too."""
    from wagtail.models import Page

    if isinstance(obj, Page):
        return Suggestion(obj, obj.title, obj.url, hit.kind, getattr(hit, "community", "") or "")
    community = getattr(obj, "community", None)
    return Suggestion(obj, obj.title, obj.get_absolute_url(), hit.kind, community.title if community else "")


def checked(hits, user, size: int) -> list[Suggestion]:
    """Hits the database confirms `user` may open now, at most `size`; stale entries are queued for repair."""
    suggestions, stale = [], []
    with batch_cache():
        objects = load([hit.meta.id for hit in hits])
        for hit in hits:
            obj = objects.get(hit.meta.id)
            if obj is None or not obj.search_visible_to(user):
                stale.append(hit.meta.id)
                continue
            if len(suggestions) < size:
                suggestions.append(suggestion_of(obj, hit))
    if stale:
        queue(stale)
    return suggestions
