"""Faceted search over the content and people indices. The reader's permission filter is part of the query, so
counts never include what they may not see; the reader's facet selections go in a post_filter, and each facet's
counts are filtered by the *other* facets' selections (a facet keeps its own counts while narrowing the rest).
Every hit is re-checked against the database before it is shown."""

import datetime
import functools
import html
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode

from elasticsearch.exceptions import TransportError
from elasticsearch_dsl import A, MultiSearch, Q, Search

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.expertise.knowledge import evidence_by_person, reader_sets_of
from portal.expertise.refresh import EXPERTISE_TAG
from portal.pagecache.fragments import keep_shared, kept
from portal.pagecache.signals import SITE
from portal.searchable import batch_cache, cached, reader_tokens
from portal.taxonomy.models import Audience, Stage, Topic
from search.documents import COUNTED_TOGETHER, alias, client
from search.english import analyze
from search.indexing import ALL_READERS, load, queue

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 500
MAX_WORDS = 24
MAX_WINDOW = 10_000
MAX_VALUES_PER_FACET = 20
SORTS = {"relevance": "Relevance", "newest": "Newest"}

logger = logging.getLogger(__name__)


# -- what a reader's request may read -----------------------------------------------------------------------------
class UnscopedSearch(RuntimeError):
    """A request to a portal index that could answer from documents the reader may not open."""


class ReaderSearch(Search):
    """A search of a portal index for one reader: the reader's filter is part of the query, and nothing in the
    request may read the index outside the documents that query matches. Suggesters read the whole term
    dictionary and `global` aggregations ignore the query, so both are refused when the request is built, before
    anything is sent. Every request the portal search sends to its indices is one of these."""

    def __init__(self, *, readers=None, **kwargs):
        super().__init__(**kwargs)
        self.readers = readers

    @classmethod
    def of(cls, index: str, readers: list[str] | None) -> "ReaderSearch":
        """A search of `index` that only ever matches what `readers` may see (None: a superuser, everything)."""
        search = cls(using=client(), index=alias(index), readers=readers)
        return search.filter("terms", readers=readers) if readers is not None else search

    def _clone(self):
        clone = super()._clone()
        clone.readers = self.readers
        return clone

    def to_dict(self, *args, **kwargs):
        body = super().to_dict(*args, **kwargs)
        if "suggest" in body:
            raise UnscopedSearch("Suggesters read every document's words; derive suggestions from checked hits.")
        if any(kind == "global" for kind in aggregation_types(body.get("aggs", {}))):
            raise UnscopedSearch("A global aggregation counts documents outside the reader's filter.")
        if self.readers is not None:
            filters = body.get("query", {}).get("bool", {}).get("filter", [])
            if {"terms": {"readers": self.readers}} not in (filters if isinstance(filters, list) else [filters]):
                raise UnscopedSearch("The reader's filter is missing from the query.")
        return body


def aggregation_types(aggregations: dict):
    """Every aggregation type in a request body's `aggs`, nested ones included."""
    for aggregation in aggregations.values():
        for kind, value in aggregation.items():
            if kind in ("aggs", "aggregations"):
                yield from aggregation_types(value)
            elif kind != "meta":
                yield kind


# -- facets ------------------------------------------------------------------------------------------------------
@dataclass
class Facet:
    """A facet: `name` in the query string, `field` in the index; `labels(values)` names the bucket values."""

    name: str
    label: str
    field: str
    size: int = 50

    def filter(self, values: list[str]):
        return Q("terms", **{self.field: values})

    def aggregation(self):
        return A("terms", field=self.field, size=self.size)

    def aggregations(self) -> dict:
        """The aggregations this facet adds (by name) where its counts are taken."""
        return {self.name: self.aggregation()}

    def counts(self, container) -> dict[str, int]:
        """Counts per value, from the aggregations this facet added to `container`."""
        return self.buckets(container[self.name])

    def buckets(self, aggregation) -> dict[str, int]:
        return {str(bucket.key): bucket.doc_count for bucket in aggregation.buckets}

    def labels(self, values) -> dict[str, str]:
        return {value: value for value in values}

    def clean(self, values: list[str]) -> list[str]:
        return [value for value in values if value and len(value) <= 200]


def topic_rows() -> dict:
    """Every topic by slug: (id as indexed, name, path, depth), read once per search."""

    def load():

        rows = Topic.objects.values_list("slug", "pk", "name", "path", "depth")
        return {slug: (str(pk), name, path, depth) for slug, pk, name, path, depth in rows}

    return cached(("topic-rows",), load)


class TopicFacet(Facet):
    """Topics travel by slug in URLs and are indexed by id with their ancestors; buckets show as a tree."""

    def clean(self, values):
        return [value for value in values if value in topic_rows()]

    def filter(self, values):
        rows = topic_rows()
        return Q("terms", **{self.field: [rows[slug][0] for slug in values if slug in rows]})

    def buckets(self, aggregation):
        counts = {str(bucket.key): bucket.doc_count for bucket in aggregation.buckets}
        return {slug: counts[row[0]] for slug, row in topic_rows().items() if row[0] in counts}

    def labels(self, values):
        rows = topic_rows()
        return {slug: rows[slug][1] for slug in values if slug in rows}


class AudienceFacet(Facet):
    def labels(self, values):

        return dict(Audience.objects.filter(slug__in=values).values_list("slug", "name"))


class StageFacet(Facet):
    def labels(self, values):

        return {value: dict(Stage.choices).get(value, value) for value in values}


class TrustFacet(Facet):
    """The trust status every page's badge shows (portal.taxonomy.trust), computed against today's date at query
    time: a review date that passes moves an item from "current" to "due" without re-indexing. An open "outdated"
    flag outranks the review date; its item is indexed in the "outdated" group, without an editorial review date."""

    STATUSES = {
        "current": "Approved and current",
        "due": "Due for review",
        "outdated": "Reported outdated",
        "community": "Community contribution",
    }

    def queries(self) -> dict:
        # editorial_review_by is the review date of editorial items only, so "due" needs no second condition.
        due = Q("range", editorial_review_by={"lt": timezone.localdate().isoformat()})
        editorial = Q("term", **{self.field: "editorial"})
        return {
            "current": editorial & ~due,
            "due": due,
            "outdated": Q("term", **{self.field: "outdated"}),
            "community": Q("term", **{self.field: "community"}),
        }

    def filter(self, values):
        queries = self.queries()
        return Q("bool", should=[queries[value] for value in values], minimum_should_match=1)

    def aggregations(self):
        # Two cheap doc-value passes side by side (a filter, or a sub-aggregation under each split, costs a pass of
        # its own over every match): the trust groups, and editorial items whose review date has passed
        # (`editorial_review_by` is empty outside the editorial group).
        today = timezone.localdate().isoformat()
        return {
            f"{self.name}_split": A("terms", field=self.field, size=3),
            f"{self.name}_due": A("range", field="editorial_review_by", ranges=[{"to": today}]),
        }

    def counts(self, container):
        split = {bucket.key: bucket.doc_count for bucket in container[f"{self.name}_split"].buckets}
        due = container[f"{self.name}_due"].buckets[0].doc_count
        return {
            "current": split.get("editorial", 0) - due,
            "due": due,
            "outdated": split.get("outdated", 0),
            "community": split.get("community", 0),
        }

    def labels(self, values):
        return {value: self.STATUSES.get(value, value) for value in values}

    def clean(self, values):
        return [value for value in values if value in self.STATUSES]


class YearFacet(Facet):
    def aggregation(self):
        return A("terms", field=self.field, size=self.size, order={"_key": "desc"})

    def buckets(self, aggregation):
        return dict(sorted(super().buckets(aggregation).items(), reverse=True))  # newest year first

    def clean(self, values):
        return [value for value in values if value.isdigit() and len(value) == 4]


CONTENT_FACETS = [
    Facet("type", "Content type", "kind"),
    TopicFacet("topic", "Topic", "topics", size=1000),
    Facet("tag", "Tag", "tags", size=30),
    Facet("community", "Community", "community"),
    AudienceFacet("audience", "Audience", "audiences"),
    StageFacet("stage", "KM stage", "stage"),
    YearFacet("year", "Year", "year"),
    TrustFacet("trust", "Trust status", "trust_group"),
]


class KnowsAboutFacet(TopicFacet):
    """The people search's topic facet: people who declare the topic (or one below it) or whose evidence on it
    this reader may open. Filtered by the reader's `known_topics` terms; counted in one terms aggregation over
    `known_topic_audiences`, which holds one term per person and topic (search.indexing.known_topics), so a
    person counts once however they qualify."""

    readers: list[str] | None = None

    def for_reader(self, readers) -> "KnowsAboutFacet":
        facet = KnowsAboutFacet(self.name, self.label, self.field, self.size)
        facet.readers = readers
        return facet

    def knows(self, topic_ids: list[str]):
        if self.readers is None:  # a superuser: any evidence or declaration
            return Q("terms", known_topics=topic_ids)
        return Q("terms", known_topics=[f"{topic}:{reader}" for topic in topic_ids for reader in self.readers])

    def filter(self, values):
        rows = topic_rows()
        return self.knows([rows[slug][0] for slug in values if slug in rows])

    def aggregations(self):
        terms = {"field": "known_topic_audiences", "size": TOGETHER_SIZE}
        if self.readers is not None and len(self.readers) == 1:  # an anonymous reader: only what is public
            terms["include"] = f"[0-9]+:{self.readers[0]}"
        return {self.name: A("terms", **terms)}

    def counts(self, container):
        """Per topic, the people whose audience lets this reader in. A signed-in reader's tokens are sorted out
        here rather than by an `include` pattern: with several tokens, the pattern cost Elasticsearch more (4 ms
        at 10k people) than the few hundred buckets cost Python."""
        readers = None if self.readers is None else set(self.readers)
        by_id = Counter()
        for bucket in container[self.name].to_dict()["buckets"]:
            topic, _, audience = bucket["key"].partition(":")
            if readers is None or readers.intersection(audience.split(",")):
                by_id[topic] += bucket["doc_count"]
        return {slug: by_id[row[0]] for slug, row in topic_rows().items() if by_id[row[0]]}


DECLARED_WEIGHT = 1.0  # declaring a picked topic: below any evidence but a single completed module
EVIDENCE_WEIGHT = 2.0  # per point of evidence score: one accepted answer (5) outweighs a declared topic
# Each evidence feature scores EVIDENCE_WEIGHT * PIVOT * s / (s + PIVOT) for a standing s: about EVIDENCE_WEIGHT * s
# while s is small next to PIVOT (a person's standing on a topic is a few to a few hundred points; the busiest of
# bench/people_bench.py's 10,000 people has about 2,000 on a root topic), and never more than EVIDENCE_WEIGHT *
# PIVOT. It is monotonic in s, so people ranked by one feature are ranked exactly by their standing; over several
# features (topics, or the reader's several reader sets) the scores are summed after saturating, a close but not
# exact stand-in for saturating the sum (bench/README.md, "Evidence as rank features").
EVIDENCE_PIVOT = 10_000.0


def evidence_query(topic_ids: list[int], reader_sets: list[int] | None):
    """People scored by their evidence (portal.expertise standings) on these topics and everything below them,
    counting only the reader sets given (None: a superuser, every set), as rank features of the people index
    (search.documents.PersonDocument.evidence). None when there is nothing to score."""
    sets = [ALL_READERS] if reader_sets is None else reader_sets
    features = [
        Q(
            "rank_feature",
            field=f"evidence.{topic}|{reader_set}",
            saturation={"pivot": EVIDENCE_PIVOT},
            boost=EVIDENCE_WEIGHT * EVIDENCE_PIVOT,
        )
        for topic in topic_ids
        for reader_set in sets
    ]
    return Q("bool", should=features, minimum_should_match=1) if features else None


PEOPLE_FACETS = [
    KnowsAboutFacet("topic", "Knows about", "known_topics", size=1000),
    Facet("community", "Community", "communities"),
    Facet("department", "Department", "department"),
]


TOGETHER_SIZE = 5000  # every value of the fields counted together (topics, communities, ...), so counts are exact


def split_together(aggregation) -> dict[str, SimpleNamespace]:
    """The shared facet_values buckets as one bucket list per field ("topics:12" -> key "12" under "topics:"), read
    from the raw response once (wrapping hundreds of buckets per facet costs more than Elasticsearch's count)."""
    by_field = {}
    for bucket in aggregation.to_dict()["buckets"]:
        name, _, value = bucket["key"].partition(":")
        by_field.setdefault(f"{name}:", []).append(SimpleNamespace(key=value, doc_count=bucket["doc_count"]))
    return {prefix: SimpleNamespace(buckets=buckets) for prefix, buckets in by_field.items()}


# -- the request ---------------------------------------------------------------------------------------------------
@dataclass
class SearchRequest:
    """A reader's search, from the query string, with anything unusable dropped (and said so in `notes`)."""

    text: str = ""
    selections: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    notes: list = field(default_factory=list)
    asked_page: int = 1  # the page asked for: past the end, `page` becomes the last one (FacetedSearch.run)

    @classmethod
    def from_query_dict(cls, params, facets) -> "SearchRequest":
        text = " ".join(params.get("q", "")[:MAX_QUERY_LENGTH].split())
        request = cls(text=text)
        for facet in facets:
            raw = [value.strip()[:200] for value in params.getlist(facet.name) if value.strip()]
            if not raw:
                continue
            cleaned = facet.clean(raw)
            if len(cleaned) < len(set(raw)):
                request.notes.append(f"Some {facet.label.lower()} filters were not recognised and were ignored.")
            if cleaned:
                request.selections[facet.name] = list(dict.fromkeys(cleaned))
        sort = params.get("sort", "")
        request.sort = sort if sort in SORTS else ("relevance" if text else "newest")
        page = params.get("page", "1")
        request.page = int(page) if page.isdigit() and 0 < len(page) < 7 else 1
        request.page = request.asked_page = max(request.page, 1)
        return request

    def query_string(self, **changes) -> str:
        """The query string of this search with changes (a facet value added or removed, another page)."""
        params = [("q", self.text)] if self.text else []
        selections = {name: list(values) for name, values in self.selections.items()}
        if "toggle" in changes:
            name, value = changes.pop("toggle")
            values = selections.setdefault(name, [])
            values.remove(value) if value in values else values.append(value)
        for name, values in selections.items():
            params.extend((name, value) for value in values)
        sort = changes.get("sort", self.sort)
        if sort != ("relevance" if self.text else "newest"):
            params.append(("sort", sort))
        if changes.get("page", 1) > 1:
            params.append(("page", changes["page"]))
        return "?" + urlencode(params)


def _query_string(request, **changes) -> str:
    return request.query_string(**changes)


# Built only when a template shows the link: the API and the facets cut to the top values never need it.
lazy_query_string = lazy(_query_string, str)


# -- building the query --------------------------------------------------------------------------------------------
PHRASE = re.compile(r'"([^"]+)"')
WORD = re.compile(r"\w[\w'-]*", re.UNICODE)


QUESTION_WORDS = {"who", "knows", "know", "about", "anyone", "someone", "expert", "experts", "what", "how", "can"}


def text_query(text: str, fields: list[str], ignore=frozenset(), fuzzy=False):
    """All the words, anywhere in the item's fields (one in four may be missing from longer queries); quoted
    phrases must match as phrases. The strict form is one cross-field match, cheap at any size; the fuzzy form,
    tried when the strict one finds nothing, lets each word match its near spellings in the plain `spelling`
    field. Only word characters reach Elasticsearch, so Lucene syntax typed in the box is just text."""
    phrases = [" ".join(WORD.findall(phrase)) for phrase in PHRASE.findall(text)]
    phrases = [phrase for phrase in phrases if phrase][:5]
    words = [word for word in WORD.findall(PHRASE.sub(" ", text)) if word.lower() not in ignore][:MAX_WORDS]
    if not words and not phrases:
        return None
    must = [Q("multi_match", query=phrase, fields=fields, type="phrase") for phrase in phrases]
    enough = "100%" if len(words) <= 3 else "75%"
    if words and fuzzy:
        each_word = [
            Q(
                "bool",
                should=[
                    Q("multi_match", query=word, fields=fields),
                    Q("match", spelling={"query": word, "fuzziness": "AUTO", "prefix_length": 1}),
                ],
            )
            for word in words
        ]
        must.append(Q("bool", should=each_word, minimum_should_match=enough))
    elif words:
        must.append(
            Q("multi_match", query=" ".join(words), fields=fields, type="cross_fields", minimum_should_match=enough)
        )
    title_phrase = Q("match_phrase", title={"query": " ".join(words + phrases), "boost": 2})
    return Q("bool", must=must, should=[title_phrase])


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    children: list = field(default_factory=list)
    depth: int = 0


@dataclass
class FacetResult:
    name: str
    label: str
    values: list


@dataclass
class Hit:
    key: str
    obj: object
    title_html: str
    snippet_html: str
    url: str
    kind: str
    community: str = ""
    date: datetime.datetime | None = None
    promoted: bool = False
    raw: object = None  # the index's document, for hits that came from Elasticsearch
    credits: object = None  # a curated page's provenance as this reader may see it (portal.curation.credits)

    @property
    def snippet(self) -> str:
        """The snippet as plain text: `snippet_html` is escaped text with, at most, <mark> around matches."""
        return html.unescape(MARK_TAG.sub("", str(self.snippet_html)))


MARK_TAG = re.compile(r"</?mark>")


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list
    total: int
    facets: list
    chips: list
    suggestion: str = ""
    limited: bool = False
    dropped: int = 0
    people_who_know: "PeopleWhoKnow | None" = None  # the strip of people beside the results, when there is one

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, MAX_WINDOW) // PAGE_SIZE))


class FacetedSearch:
    """One search over one index for one reader."""

    index = "content"
    facets = CONTENT_FACETS
    fields = ["title^3", "summary^2", "taxonomy_text^1.5", "body"]
    highlight_fields = ("title", "summary", "body")
    ignored_words = frozenset()
    unread_fields = ()  # indexed for the query only: left out of the hits' _source

    def __init__(self, request: SearchRequest, user):
        self.request, self.user = request, user
        self.readers = reader_tokens(user)
        self.facets_by_name = {facet.name: facet for facet in self.facets}
        self.fuzzy = False
        self.alongside = []  # searches of another index the page shows beside the results (PeopleWhoKnow)
        self.sent_alongside = []

    def search(self) -> ReaderSearch:
        # The reader's filter is part of the query itself: counts never include what the reader may not see.
        search = ReaderSearch.of(self.index, self.readers)
        query = None
        if self.request.text:
            query = text_query(self.request.text, self.fields, self.ignored_words, fuzzy=self.fuzzy)
        if query is not None:
            search = search.query(query)
        return search

    def add_aggregations(self, search):
        """Each facet counts within the other facets' selections. Unselected facets share one filter (every
        selection), a selected facet gets its own (every selection but its own), and no filter wraps counts that
        need none: each filter is another pass over every match. The unselected facets whose fields are counted
        together (search.documents.COUNTED_TOGETHER) share a single aggregation too."""
        self.aggregation_paths = {}
        selected = self.request.selections
        shared, shared_path = search.aggs, ()
        if selected:
            shared = search.aggs.bucket("narrowed", "filter", filter=self.selection_filter())
            shared_path = ("narrowed",)
        together = [
            facet for facet in self.facets if facet.name not in selected and facet.field in COUNTED_TOGETHER[self.index]
        ]
        if together:  # no `include` filter on values: it would cost more than counting the extra ones
            shared.bucket("together", "terms", field="facet_values", size=TOGETHER_SIZE)
        for facet in self.facets:
            if facet in together:
                self.aggregation_paths[facet.name] = (*shared_path, "together", f"{facet.field}:")
                continue
            if facet.name not in selected:
                container, path = shared, shared_path
            elif len(selected) == 1:  # the only selection: its own counts are the unfiltered ones
                container, path = search.aggs, ()
            else:
                others = self.selection_filter(except_facet=facet.name)
                path = (f"own_{facet.name}",)
                container = search.aggs.bucket(path[0], "filter", filter=others)
            for name, aggregation in facet.aggregations().items():
                container.bucket(name, aggregation)
            self.aggregation_paths[facet.name] = path

    def facet_counts(self, response, facet) -> dict[str, int]:
        container = response.aggregations
        path = self.aggregation_paths[facet.name]
        if path and path[-1].endswith(":"):  # this facet's share of the values counted together
            *path, prefix = path
            for name in path:
                container = container[name]
            if self.together_by_field is None:
                self.together_by_field = split_together(container)
            return facet.buckets(self.together_by_field.get(prefix, SimpleNamespace(buckets=[])))
        for name in path:
            container = container[name]
        return facet.counts(container)

    def selection_filter(self, except_facet=None):
        filters = [
            self.facets_by_name[name].filter(values)
            for name, values in self.request.selections.items()
            if name != except_facet
        ]
        return Q("bool", filter=filters) if filters else Q("match_all")

    def build(self) -> MultiSearch:
        """Requests Elasticsearch runs side by side: the page of hits (scored, highlighted, and free to skip what
        cannot reach the page, since it counts nothing), the counts (every match, unscored), and the searches
        `alongside` not answered yet: one round trip for everything the page shows."""
        multi = MultiSearch(using=client(), index=alias(self.index)).add(self.build_hits()).add(self.build_counts())
        self.sent_alongside = []
        for extra in self.alongside:
            search = None if extra.answered else extra.search()
            if search is not None:
                multi = multi.add(search)
                self.sent_alongside.append(extra)
        return multi.params(request_timeout=settings.SEARCH_TIMEOUT)

    def build_hits(self) -> Search:
        search = self.search().extra(track_total_hits=False)
        if self.unread_fields:
            search = search.source(excludes=list(self.unread_fields))
        if self.request.selections:
            search = search.post_filter(self.selection_filter())
        if self.request.sort == "newest" or not self.request.text:
            search = search.sort({"updated": {"order": "desc", "missing": "_last"}}, "_score")
        if self.request.text:
            search = search.highlight_options(
                encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=180, number_of_fragments=1
            ).highlight("title", number_of_fragments=0)
            for name in self.highlight_fields[1:]:
                search = search.highlight(name)
        start = (self.request.page - 1) * PAGE_SIZE
        start = min(start, MAX_WINDOW - PAGE_SIZE)
        return search[start : start + PAGE_SIZE]

    def build_counts(self) -> Search:
        search = self.search().extra(track_total_hits=True)[:0]
        self.add_aggregations(search)
        return search

    def total(self, counts) -> int:
        """Matches after the reader's selections: the shared "narrowed" filter counts them when there are any."""
        if self.request.selections:
            return counts.aggregations.narrowed.doc_count
        return counts.hits.total.value

    def run(self) -> SearchResults:
        # A search alongside may fail alone (it is left out of the page); the results themselves may not.
        hits, counts, *others = self.build().execute(raise_on_error=False)
        if hits is None or counts is None:
            raise TransportError("N/A", "search_phase_execution_exception", f"the {self.index} search failed")
        for extra, response in zip(self.sent_alongside, others, strict=True):
            extra.read(response)
        total = self.total(counts)
        if total == 0 and self.request.text and not self.fuzzy:  # nothing exact: allow near spellings
            self.fuzzy = True
            return self.run()
        results = SearchResults(request=self.request, hits=[], total=total, facets=self.facet_results(counts), chips=[])
        if self.request.page > results.pages and total:  # past the end: show the last page
            self.request.page = results.pages
            return self.run()
        results.hits, results.dropped = self.checked_hits(hits)
        results.chips = self.chips(results.facets)
        if self.fuzzy:  # only near spellings matched: say which words the reader's own results hold
            results.suggestion = spelling_suggestion(
                self.request.text, (getattr(hit.raw, "spelling", "") or "" for hit in results.hits)
            )
        return results

    # -- shaping the response ------------------------------------------------------------------------------------
    def checked_hits(self, response):
        """Hits the database confirms this reader may open now; stale entries are dropped and queued for repair."""
        keys = [hit.meta.id for hit in response]
        hits, stale = [], []
        with batch_cache():
            objects = load(keys)
            for hit in response:
                obj = objects.get(hit.meta.id)
                if obj is None or not obj.search_visible_to(self.user):
                    stale.append(hit.meta.id)
                    continue
                hits.append(self.hit(hit, obj))
        if stale:
            queue(stale)
        return hits, len(stale)

    def hit(self, hit, obj) -> Hit:
        highlight = getattr(hit.meta, "highlight", None)

        def fragment(name):
            return list(getattr(highlight, name, []) or []) if highlight else []

        title = fragment("title")
        snippet = fragment("summary") or fragment("body")
        return Hit(
            key=hit.meta.id,
            obj=obj,
            raw=hit,
            # Highlights come HTML-escaped by Elasticsearch (encoder=html) with only <mark> added.
            title_html=mark_safe(title[0]) if title else escape(hit.title),
            snippet_html=mark_safe(snippet[0]) if snippet else escape((hit.summary or "")[:240]),
            url=hit.url,
            kind=hit.kind,
            community=getattr(hit, "community", "") or "",
            date=parse_date(getattr(hit, "published", None) or getattr(hit, "updated", None)),
        )

    def facet_results(self, response) -> list:
        results = []
        self.together_by_field = None
        for facet in self.facets:
            counts = self.facet_counts(response, facet)
            selected = self.request.selections.get(facet.name, [])
            for value in selected:
                counts.setdefault(value, 0)
            labels = facet.labels(list(counts))
            values = [
                FacetValue(
                    value=value,
                    label=labels.get(value, value),
                    count=count,
                    selected=value in selected,
                    url=lazy_query_string(self.request, toggle=(facet.name, value)),
                )
                for value, count in counts.items()
                if value in labels and (count or value in selected)
            ]
            if isinstance(facet, TopicFacet):
                values = self.topic_tree(values)
            elif not isinstance(facet, TrustFacet | YearFacet):
                values.sort(key=lambda v: (-v.count, v.label.lower()))
                unselected = [v for v in values if not v.selected][:MAX_VALUES_PER_FACET]
                values = [v for v in values if v.selected] + unselected
            if values:
                results.append(FacetResult(facet.name, facet.label, values))
        return results

    def topic_tree(self, values) -> list:
        """Parents with their subtree counts, children nested under them (in taxonomy order)."""

        rows = topic_rows()
        nodes = {}
        roots = []
        for value in values:
            _, _, path, depth = rows[value.value]
            value.depth = depth
            nodes[path] = value
        for path in sorted(nodes):
            parent = nodes.get(path[: -Topic.steplen])
            (parent.children if parent else roots).append(nodes[path])
        return roots

    def chips(self, facets) -> list:
        chips = []
        for facet in facets:
            for value in self.flatten(facet.values):
                if value.selected:
                    chips.append({"facet": facet.label, "label": value.label, "url": value.url})
        return chips

    @classmethod
    def flatten(cls, values):
        for value in values:
            yield value
            yield from cls.flatten(value.children)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition is one edit, as in Elasticsearch's fuzzy match), or
    limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def allowed_edits(word: str) -> int:
    """Elasticsearch's AUTO fuzziness: none up to two letters, one up to five, two beyond."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def spelling_suggestion(text: str, visible_texts: Iterable[str]) -> str:
    """ "Did you mean": each word of `text` that none of `visible_texts` contains, swapped for the nearest word
    they do contain (within the edits the fuzzy match allows, same first letter), when any word changes.
    `visible_texts` are the texts of results the database confirmed the reader may open: suggestions never come
    from the index's term dictionary, which holds the words of everything indexed."""
    known = Counter(word.lower() for visible in visible_texts for word in WORD.findall(visible))
    if not known:
        return ""
    changed, parts, position = False, [], 0
    for match in WORD.finditer(text):
        word = match.group().lower()
        replacement = None
        limit = allowed_edits(word)
        if word not in known and limit:
            candidates = [
                (distance, -count, candidate)
                for candidate, count in known.items()
                if candidate[0] == word[0]
                and not (candidate.startswith(word) or word.startswith(candidate))  # an inflection is no typo
                and (distance := edit_distance(word, candidate, limit)) <= limit
            ]
            if candidates:
                replacement = min(candidates)[2]
        parts.append(text[position : match.start()])
        parts.append(replacement or match.group())
        changed = changed or replacement is not None
        position = match.end()
    parts.append(text[position:])
    return "".join(parts) if changed else ""


def parse_date(value):
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


@functools.lru_cache(maxsize=4096)
def topic_terms(name: str) -> frozenset[str]:
    """The terms of a topic's name as the `english` analyzer makes them ("Facilitation" -> {"facilit"})."""
    return frozenset(analyze(name))


def outermost(by_path: dict[str, int]) -> list[int]:
    """The topics (path -> id) that lie below none of the others."""
    return sorted(
        pk for path, pk in by_path.items() if not any(path.startswith(other) for other in by_path if other != path)
    )


class PeopleSearch(FacetedSearch):
    """People ranked by evidenced expertise this reader may open (accepted answers, reviews, curated credit ...),
    with what they declare and the words of their profile as weaker signals."""

    index = "people"
    facets = PEOPLE_FACETS
    fields = ["title^3", "taxonomy_text^2.5", "summary^2", "body"]
    highlight_fields = ("title", "taxonomy_text", "summary", "body")
    ignored_words = QUESTION_WORDS  # "who knows about facilitation?" asks about facilitation
    # Hundreds of evidence features and topic terms per busy person: reading them for ten hits cost more than the query.
    unread_fields = ("evidence", "known_topics", "known_topic_audiences")

    def __init__(self, request: SearchRequest, user):
        super().__init__(request, user)
        self.facets = [
            facet.for_reader(self.readers) if isinstance(facet, KnowsAboutFacet) else facet for facet in self.facets
        ]
        self.facets_by_name = {facet.name: facet for facet in self.facets}
        self._topics = None

    def search(self) -> ReaderSearch:
        search = ReaderSearch.of(self.index, self.readers)
        words = [word for word in WORD.findall(self.request.text or "") if word.lower() not in self.ignored_words]
        text = text_query(self.request.text, self.fields, self.ignored_words, fuzzy=self.fuzzy) if words else None
        picked, named, _ = self.topics()
        reader_sets = None if self.readers is None else reader_sets_of(self.readers)
        # What they have shown about the topics picked ranks them; the topic filter itself is the facet's.
        ranking = []
        if picked:
            declared = Q("terms", topics=[str(pk) for pk in picked], boost=DECLARED_WEIGHT)
            ranking = [query for query in (evidence_query(picked, reader_sets), declared) if query is not None]
        if text is not None:  # the words match their profile or name topics they have shown evidence on
            evidence = evidence_query(named, reader_sets)
            matches = text if evidence is None else Q("bool", should=[text, evidence], minimum_should_match=1)
            return search.query(Q("bool", must=[matches], should=ranking))
        if ranking:
            return search.query(Q("bool", must=[Q("match_all")], should=ranking))
        return search

    def topics(self) -> tuple[list[int], list[int], list[int]]:
        """The topics picked, the topics the words name (Elasticsearch's `english` analyzer in Python, so
        "facilitators" names "Facilitation"), and both together: each list leaves out the topics below another of
        it (a topic's evidence counts its subtree)."""
        if self._topics is None:
            words = " ".join(
                word for word in WORD.findall(self.request.text or "") if word.lower() not in self.ignored_words
            )
            terms = set(analyze(words[:MAX_QUERY_LENGTH]))
            selected = set(self.request.selections.get("topic", []))
            picked, named = {}, {}
            for slug, (pk, name, path, _) in topic_rows().items():
                if slug in selected:
                    picked[path] = int(pk)
                if terms & topic_terms(name):
                    named[path] = int(pk)
            self._topics = (outermost(picked), outermost(named), outermost(picked | named))
        return self._topics

    def build_hits(self) -> Search:
        search = super().build_hits()
        if not self.request.text and self.request.selections.get("topic"):  # who knows most about it first
            search = search.sort("_score", {"title.raw": {"order": "asc"}})
        return search

    def searched_topic_ids(self) -> list[int] | None:
        """The topics picked or named by the words searched for, leaving out those below another of them (a topic's
        standing counts its subtree); None for neither (a search by name): then a person's evidence on any topic is
        what they are shown by."""
        return self.topics()[2] or None

    def run(self) -> SearchResults:
        results = super().run()
        evidence = evidence_summaries(results.hits, self.searched_topic_ids(), self.user)
        for hit in results.hits:
            hit.evidence = evidence.get(hit.obj.user_id, "")
        return results


def evidence_summaries(hits, topic_ids, user) -> dict[int, str]:
    """ "7 accepted answers, facilitates …" per person hit, from the evidence this reader may open."""
    user_ids = [hit.obj.user_id for hit in hits]
    found = evidence_by_person(user_ids, topic_ids, user) if user_ids else {}
    return {user_id: entry.summary for user_id, entry in found.items()}


@dataclass
class Expert:
    """Someone in the "people who know about …" strip, with the evidence of expertise the people index holds."""

    profile: object
    url: str
    evidence: str  # "7 accepted answers, 2 reviewed articles" about the topics searched for, as this reader sees it
    topics: list[str]
    asks: list[str]
    communities: list[str]
    contributions: int


class PeopleWhoKnow:
    """The "people who know about …" strip of the search page: the first people the people search (/search/people/)
    finds for the same words, within the topics the reader picked, checked against the database like any hit. It
    goes out in the page's own multi-search (FacetedSearch.alongside), so it costs no request of its own; it is
    left out when the query is empty, nobody matches, or its search fails.

    The rendered strip is a shared fragment (portal.pagecache.fragments): the same for everyone with the reader's
    visibility tokens, kept per words, topics and spelling mode until the people index, anyone's evidence or the
    taxonomy changes; a kept strip sends no people search at all."""

    size = 3
    evidence = 4  # topics, and "ask me about" tags, shown per person
    template = "search/_people_strip.html"
    tags = (f"index:{PeopleSearch.index}", EXPERTISE_TAG, SITE)

    def __init__(self, request: SearchRequest, user):
        topics = request.selections.get("topic", [])
        self.request = SearchRequest(text=request.text, selections={"topic": topics} if topics else {})
        self.engine = PeopleSearch(self.request, user)
        tokens = reader_tokens(user)
        self.shared_by = "all" if tokens is None else ",".join(tokens)
        self.answered = False
        self.people: list[Expert] = []
        self.html = ""
        self.read_at = 0.0

    @property
    def text(self) -> str:
        return self.request.text

    @property
    def url(self) -> str:
        """Everyone the people search finds for the same words and topics."""
        return "/search/people/" + self.request.query_string()

    @property
    def fragment_name(self) -> str:
        return f"people-who-know:{'near' if self.engine.fuzzy else 'exact'}:{self.request.query_string()}"

    def search(self) -> ReaderSearch | None:
        if text_query(self.request.text, self.engine.fields, self.engine.ignored_words) is None:
            return None  # no words to look for (an empty query, or only "who knows about")
        strip = kept(self.fragment_name, self.shared_by)
        if strip is not None:
            html_kept, near_spellings_next = strip
            self.html = mark_safe(html_kept)  # our template's output, escaped as it rendered
            if near_spellings_next:  # nobody by these exact words: near spellings, if the results try them too
                self.engine.fuzzy = True
            else:
                self.answered = True
            return None
        self.read_at = time.time()
        search = self.engine.search()
        if self.request.selections:
            search = search.filter(self.engine.selection_filter())
        fields = ["title", "summary", "url", "kind", "direct_topics", "tags", "communities", "contributions"]
        return search.source(fields).extra(track_total_hits=False)[: self.size]

    def read(self, response):
        self.answered = True
        if response is None:
            logger.warning("The people search beside %r failed; the page shows no people", self.request.text)
            return
        if not response.hits and not self.engine.fuzzy:
            # Nobody by these exact words: near spellings go along if the results' own search tries them too.
            keep_shared(self.fragment_name, self.shared_by, self.tags, ("", True), self.read_at)
            self.engine.fuzzy, self.answered = True, False
            return
        hits, _ = self.engine.checked_hits(response)
        names = {pk: name for pk, name, _, _ in topic_rows().values()}
        words = {word.lower() for word in WORD.findall(self.request.text)} - QUESTION_WORDS
        evidence = evidence_summaries(hits, self.engine.searched_topic_ids(), self.engine.user)
        self.people = []
        for hit in hits:
            indexed = hit.raw.to_dict()
            topics = [names[pk] for pk in indexed.get("direct_topics", []) if pk in names]
            self.people.append(
                Expert(
                    profile=hit.obj,
                    url=hit.url,
                    evidence=evidence.get(hit.obj.user_id, ""),
                    topics=self.first_matching(topics, words),
                    asks=self.first_matching(indexed.get("tags", []), words),
                    communities=indexed.get("communities", []),
                    contributions=indexed.get("contributions") or 0,
                )
            )
        # Rendered from the people alone, never with the request: nothing of this reader's own is in it.
        self.html = mark_safe(render_to_string(self.template, {"strip": self}))
        keep_shared(self.fragment_name, self.shared_by, self.tags, (str(self.html), False), self.read_at)

    @classmethod
    def first_matching(cls, values: list[str], words: set[str]) -> list[str]:
        """The values that share a word with the query first (the evidence for this query), then the rest."""

        def matches(value):
            return bool(words & {word.lower() for word in WORD.findall(value)})

        return sorted(values, key=lambda value: (not matches(value), value.lower()))[: cls.evidence]


class SearchWithPeople(FacetedSearch):
    """The search page's search: the content, and the people who know about it in the same round trip."""

    def __init__(self, request: SearchRequest, user):
        super().__init__(request, user)
        self.people_who_know = PeopleWhoKnow(request, user)
        self.alongside = [self.people_who_know]

    def run(self) -> SearchResults:
        results = super().run()
        results.people_who_know = self.people_who_know
        return results


def autocomplete(text: str, user, size: int = 6) -> list[dict]:
    """Titles and people whose words start with what was typed, permission-filtered and re-checked."""
    words = WORD.findall(text[:100])
    if not words:
        return []
    query = Q("multi_match", query=" ".join(words), fields=["title.autocomplete"], operator="and")
    readers = reader_tokens(user)
    suggestions = []
    for index, kind_size in (("content", size), ("people", 4)):
        search = ReaderSearch.of(index, readers).query(query)
        response = search.source(["title", "url", "kind"])[:kind_size].params(request_timeout=settings.SEARCH_TIMEOUT)
        hits = list(response.execute())
        with batch_cache():
            objects = load([hit.meta.id for hit in hits])
            suggestions += [
                {"title": hit.title, "url": hit.url, "kind": hit.kind}
                for hit in hits
                if hit.meta.id in objects and objects[hit.meta.id].search_visible_to(user)
            ]
    return suggestions
