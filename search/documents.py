"""The two Elasticsearch indices, defined with elasticsearch-dsl: portal content and people. Each lives in a
versioned index (`<alias>-<timestamp>`) behind an alias, so a full rebuild fills a new index and swaps the alias
without a moment of empty or half results."""

import functools
import time

from elasticsearch import Elasticsearch
from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    RankFeatures,
    Text,
    analyzer,
    token_filter,
)

from django.conf import settings

autocomplete_analyzer = analyzer(
    "portal_autocomplete",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", token_filter("portal_edge", "edge_ngram", min_gram=1, max_gram=20)],
)
spelling_analyzer = analyzer("portal_spelling", tokenizer="standard", filter=["lowercase", "asciifolding"])


def title_field():
    return Text(
        analyzer="english",
        fields={
            "raw": Keyword(ignore_above=256),
            "autocomplete": Text(analyzer=autocomplete_analyzer, search_analyzer="standard"),
        },
    )


class SearchableFields(Document):
    """What both indices share: the text readers search, the taxonomy, and who may see the item."""

    key = Keyword()
    kind = Keyword()
    title = title_field()
    summary = Text(analyzer="english")
    body = Text(analyzer="english")
    taxonomy_text = Text(analyzer="english")  # topic and tag names, so "facilitation" finds what is filed under it
    spelling = Text(analyzer=spelling_analyzer)  # plain words for "did you mean"
    topics = Keyword()  # the item's topics and all their ancestors: a parent topic counts its subtree
    direct_topics = Keyword()
    tags = Keyword(eager_global_ordinals=True)
    url = Keyword(index=False)
    readers = Keyword()
    updated = Date()
    # "<field>:<value>" for every value of the COUNTED_TOGETHER fields: one aggregation over this field counts
    # all of those facets in a single pass over the matches, instead of a pass per facet.
    facet_values = Keyword(eager_global_ordinals=True)


class ContentDocument(SearchableFields):
    """Every live, searchable page and discussion."""

    community = Keyword()
    audiences = Keyword()
    stage = Keyword()
    owner = Keyword()
    published = Date()
    year = Keyword()
    review_by = Date()
    # The trust facet's parts (portal.taxonomy.trust): "editorial", "outdated" (reported by a reader) or
    # "community"; and the review date of editorial items not reported outdated, so "due" counts in one pass.
    trust_group = Keyword()
    editorial_review_by = Date()
    community_contribution = Boolean()
    thread_kind = Keyword()


class PersonDocument(SearchableFields):
    """Everyone in the people directory, with their declared and evidenced expertise."""

    department = Keyword()
    organisation = Keyword()
    communities = Keyword()
    contributions = Integer()
    # The person's evidenced expertise (portal.expertise standings), one feature per topic and set of readers:
    # "<topic>|<reader set>" holds their evidence score on the topic and everything below it as those readers see
    # it (ReaderSet ids keep keys short), "<topic>|*" the total over every set, for superusers. A search scores
    # the features of the searched topics and the reader's sets (search.query.evidence_query): one term lookup per
    # feature, where a nested query scored every evidence entry under the topic.
    evidence = RankFeatures()
    # Who may see that the person knows about a topic, flat for the "Knows about" facet (search.indexing.
    # known_topics): to filter, "<topic>:<reader>" for each reader of their evidence on the topic or below it
    # (declared topics: "<topic>:public") and "<topic>" for superusers; to count, one term per topic with the
    # fewest tokens that let the same readers in ("12:public", "12:login", "12:group:3,group:7"), so a terms
    # aggregation counts each person once per topic. A nested filter per topic cost 20-40 ms at 10k people.
    known_topics = Keyword()
    known_topic_audiences = Keyword()


DOCUMENTS = {"content": ContentDocument, "people": PersonDocument}

# Facet fields with a bounded number of values, copied into `facet_values`; tags stay apart (a long tail, and
# only the top ones are shown).
COUNTED_TOGETHER = {
    "content": ("kind", "topics", "community", "audiences", "stage", "year"),
    "people": ("topics", "communities", "department"),
}


def facet_values(index: str, source: dict) -> list[str]:
    values = []
    for name in COUNTED_TOGETHER[index]:
        value = source.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                values.append(f"{name}:{item}")
    return values


@functools.lru_cache(maxsize=8)
def _client(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch([url], timeout=timeout, max_retries=0, retry_on_timeout=False)


def client(timeout: float | None = None) -> Elasticsearch:
    """Short timeouts everywhere: a reader waits at most SEARCH_TIMEOUT before the database fallback answers."""
    return _client(settings.ELASTICSEARCH_URL, timeout or settings.SEARCH_TIMEOUT)


def alias(index: str) -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}portal_{index}"


def index_definition(name: str, index: str) -> Index:
    definition = Index(name)
    definition.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    definition.document(DOCUMENTS[index])
    return definition


def create_versioned_index(index: str, es=None) -> str:
    es = es or client(timeout=30)
    name = f"{alias(index)}-{time.time_ns()}"
    es.indices.create(index=name, body=index_definition(name, index).to_dict())
    return name


def ensure_indices(es=None):
    """Create any missing index with its alias (first start, or a new test run)."""
    es = es or client(timeout=30)
    for index in DOCUMENTS:
        if not es.indices.exists_alias(name=alias(index)):
            name = create_versioned_index(index, es)
            es.indices.put_alias(index=name, name=alias(index))


def swap_alias(index: str, new_name: str, es=None):
    """Point the alias at the new index in one atomic step, then drop the old ones."""
    es = es or client(timeout=30)
    name = alias(index)
    old = list(es.indices.get_alias(name=name).keys()) if es.indices.exists_alias(name=name) else []
    actions = [{"remove": {"index": old_name, "alias": name}} for old_name in old]
    actions.append({"add": {"index": new_name, "alias": name}})
    es.indices.update_aliases(body={"actions": actions})
    for old_name in old:
        es.indices.delete(index=old_name, ignore_unavailable=True)
