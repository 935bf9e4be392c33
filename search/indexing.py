"""Keeping the indices in line with the database. Changes are queued as outbox rows in the same transaction as the
change; the search worker drains them (`drain`); a full rebuild fills fresh indices and swaps the aliases
(`rebuild`). Objects are read only through the protocol in portal.searchable."""

import datetime
import itertools
import logging
import multiprocessing
import multiprocessing.pool
import os
import socket
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from queue import Queue

from elasticsearch.exceptions import ElasticsearchException
from elasticsearch.helpers import BulkIndexError
from elasticsearch.serializer import JSONSerializer

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone

from portal.pagecache.cache import bump
from portal.pagecache.cache import enabled as page_cache_enabled
from portal.searchable import LOGGED_IN, PUBLIC, SearchDocument, batch_cache, search_key, searchable_types
from portal.taxonomy.models import Topic
from search.documents import (
    DOCUMENTS,
    alias,
    client,
    create_versioned_index,
    ensure_indices,
    facet_values,
    swap_alias,
)
from search.models import IndexOutbox

logger = logging.getLogger(__name__)

BATCH = 500
ACTION_META = ("_index", "_id", "version", "version_type")  # what a bulk action line carries
BULK_ANSWER = "errors,items.*.status,items.*.error"  # all a bulk write reads of Elasticsearch's answer
BULK_BYTES = 50 * 2**20  # a bulk request's most (Elasticsearch refuses over 100 MB, http.max_content_length)
SHARED_RELATED_FROM = 50  # objects loaded at once from which related rows are read apart and shared (`load`)
SERIALIZER = JSONSerializer()  # elasticsearch-py's own (dates, decimals, UUIDs)
# A worker that claimed rows and died leaves them claimed: after this long another worker takes them over.
CLAIM_LEASE = datetime.timedelta(minutes=5)
ALL_READERS = "*"  # the reader set of an evidence feature that sums every set, for superusers


# -- queueing ----------------------------------------------------------------------------------------------------
def queue(keys: Iterable[str]):
    """Record index work for these keys inside the current transaction; after commit, drain at once when the
    settings ask for it (tests, and sites without a worker), never failing the request."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    IndexOutbox.objects.bulk_create([IndexOutbox(key=key) for key in keys])
    if settings.SEARCH_DRAIN_ON_COMMIT:
        transaction.on_commit(drain_quietly)


def drain_quietly():
    try:
        while drain():
            pass
    except ElasticsearchException:
        logger.warning("Elasticsearch unavailable; index updates stay queued", exc_info=True)


# -- reading objects through the protocol ------------------------------------------------------------------------
class TopicAncestry:
    """All topics' ancestors, loaded once per batch: a document's topics plus their ancestors."""

    def __init__(self):
        rows = list(Topic.objects.values_list("pk", "path", "name"))
        self.names = {pk: name for pk, _, name in rows}
        self.ancestors = Topic.ancestry({path: pk for pk, path, _ in rows})

    def expand(self, topic_ids) -> list[int]:
        return sorted({ancestor for pk in topic_ids for ancestor in self.ancestors.get(pk, [pk])})


def index_of_key(key: str) -> str:
    label = key.split(":", 1)[0]
    return "content" if label == "page" else searchable_types[label].index


def load(keys: Iterable[str]) -> dict:
    """The live objects behind search keys (missing ones are absent from the result)."""
    from wagtail.models import Page

    ids_by_label = defaultdict(list)
    for key in keys:
        label, _, pk = key.partition(":")
        if pk.isdigit() and (label == "page" or label in searchable_types):
            ids_by_label[label].append(int(pk))
    found = {}
    for label, ids in ids_by_label.items():
        if label == "page":
            objects = Page.objects.filter(pk__in=ids).specific()
        else:
            entry = searchable_types[label]
            objects = entry.model._default_manager.filter(pk__in=ids).prefetch_related(*entry.prefetch_related)
            if len(ids) >= SHARED_RELATED_FROM:
                objects = share_related(list(objects), entry.select_related)
            else:
                objects = objects.select_related(*entry.select_related)
        found.update({search_key(obj): obj for obj in objects})
    return found


def share_related(objects: list, names: Iterable[str]) -> list:
    """Point the objects' foreign keys `names` at one instance per related row, read in a query per key. A batch
    of hundreds of threads shares a few communities and authors: joined (select_related), each thread brings its
    own copy of its community, a page that takes a tenth of a millisecond to build; Django's prefetch_related
    shares them too, but on SQLite spells its lookup as one OR per value, which costs more than the rows.

    Each object gets the row its own key names, never another's: a thread's readers, topics and community come
    from its community (tests/test_search_batches.py compares every document with the one built alone). Rows are
    read through the base manager, as a join would read them: a default manager that hides some rows must not
    leave an object without its community or author."""
    for name in names:
        field = objects[0]._meta.get_field(name) if objects and "__" not in name else None
        if field is None or not (field.many_to_one or field.one_to_one) or not field.concrete:
            prefetch_related_objects(objects, name)  # a path through several models: Django's way
            continue
        values, target = {getattr(obj, field.attname) for obj in objects} - {None}, field.target_field
        rows = field.related_model._base_manager.filter(**{f"{target.name}__in": values})
        related = {getattr(row, target.attname): row for row in rows}
        for obj in objects:
            row = related.get(getattr(obj, field.attname))
            field.set_cached_value(obj, row)
            if field.one_to_one and row is not None:
                field.remote_field.set_cached_value(row, obj)  # as select_related does: `user.profile` is this one
    return objects


def source(document: SearchDocument, topics: TopicAncestry) -> dict:
    names = [topics.names[pk] for pk in document.topic_ids if pk in topics.names]
    body = {
        "key": document.key,
        "kind": document.kind,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "taxonomy_text": " ".join([*names, *document.tags]),
        "spelling": " ".join([document.title, document.summary, document.body[:20_000], *names]),
        "topics": [str(pk) for pk in topics.expand(document.topic_ids)],
        "direct_topics": [str(pk) for pk in document.topic_ids],
        "tags": document.tags,
        "url": document.url,
        "readers": document.readers,
        "updated": document.updated,
    }
    if document.index == "content":
        trust_group = (
            "community"
            if document.community_contribution
            else "outdated"
            if document.reported_outdated
            else "editorial"
        )
        body.update(
            community=document.community or None,
            audiences=document.audiences,
            stage=document.stage or None,
            owner=document.owner or None,
            published=document.published,
            year=str(document.published.year) if document.published else None,
            review_by=document.review_by,
            trust_group=trust_group,
            editorial_review_by=document.review_by if trust_group == "editorial" else None,
            community_contribution=document.community_contribution,
            thread_kind=document.extra.get("thread_kind"),
        )
    else:
        body.update(
            department=document.extra.get("department") or None,
            organisation=document.extra.get("organisation") or None,
            communities=document.extra.get("communities", []),
            contributions=document.extra.get("contributions", 0),
        )
        standings = document.extra.get("standings", [])
        body["evidence"] = evidence_features(standings)
        readers = [{"topics": [str(entry["topic"])], "readers": entry["readers"]} for entry in standings]
        body.update(known_topics(body["topics"], readers))
    body["facet_values"] = facet_values(document.index, body)
    return body


MIN_FEATURE = 0.0001  # Elasticsearch keeps only positive features; evidence decayed to nothing still counts


def evidence_features(standings: list[dict]) -> dict[str, float]:
    """The people index's `evidence` rank features (search.documents.PersonDocument) from a person's standings
    (portal.expertise.knowledge.person_search_facts): each is a topic, its subtree included, for one reader set."""
    features, totals = {}, {}
    for entry in standings:
        topic = entry["topic"]
        features[f"{topic}|{entry['reader_set']}"] = max(round(entry["score"], 4), MIN_FEATURE)
        totals[topic] = totals.get(topic, 0.0) + entry["score"]
    features.update({f"{topic}|{ALL_READERS}": max(round(total, 4), MIN_FEATURE) for topic, total in totals.items()})
    return features


def known_topics(declared: list[str], expertise: list[dict]) -> dict:
    """The people index's flat "Knows about" fields (search.documents.PersonDocument): who may see that the person
    knows about each topic. Declared topics are seen by everyone, evidence by its item's readers."""
    readers = {topic: {PUBLIC} for topic in declared}
    for entry in expertise:
        for topic in entry["topics"]:
            readers.setdefault(topic, set()).update(entry["readers"])
    terms, audiences = set(), []
    for topic, tokens in readers.items():
        terms.add(topic)
        terms.update(f"{topic}:{token}" for token in tokens)
        audiences.append(f"{topic}:{','.join(sorted(audience(tokens)))}")
    return {"known_topics": sorted(terms), "known_topic_audiences": sorted(audiences)}


def audience(tokens: set[str]) -> set[str]:
    """The fewest reader tokens that let the same readers in: every reader has "public", everyone signed in has
    "login", and a group member is signed in."""
    if PUBLIC in tokens:
        return {PUBLIC}
    if LOGGED_IN in tokens:
        return {LOGGED_IN}
    return tokens


def actions_for(keys: Iterable[str], topics: TopicAncestry | None = None, version: int | None = None) -> Iterator[dict]:
    """Bulk actions that make the index match the database for these keys: index or delete. With a `version` (a
    moment taken before the database is read, `read_version`), Elasticsearch keeps whichever write read the
    database last: a slower worker's older reading never overwrites a newer one."""
    keys = list(keys)
    topics = topics or TopicAncestry()
    versioned = {"version": version, "version_type": "external_gte"} if version is not None else {}
    actions = []
    with batch_cache():
        objects = load(keys)
        for key in keys:
            obj = objects.get(key)
            document = obj.search_document() if obj is not None and hasattr(obj, "search_document") else None
            if document is None:
                actions.append({"_op_type": "delete", "_index": alias(index_of_key(key)), "_id": key, **versioned})
            else:
                actions.append(
                    {"_index": alias(document.index), "_id": key, "_source": source(document, topics), **versioned}
                )
    yield from actions


def write(actions: Iterable[dict], es=None, size: int = BATCH, **bulk_options):
    """Send actions in bulk, `size` at a time, and never more than BULK_BYTES in one request (a batch of long wiki
    pages would pass Elasticsearch's request limit). A delete of something never indexed is fine, and so is a
    versioned write that a newer one already overtook (409); any other failure raises."""
    es = es or client(timeout=settings.SEARCH_INDEX_TIMEOUT)
    for body, count in bulk_bodies(actions, size):
        send_bulk(es, body, count, bulk_options)


def bulk_bodies(actions: Iterable[dict], size: int) -> Iterator[tuple[str, int]]:
    """The actions as bulk request bodies of at most `size` actions and BULK_BYTES, with how many each holds. Each
    document is serialised once: elasticsearch-py's bulk helper serialises twice and reads every item's full
    receipt, which cost a rebuild a third of its Python time on top of building the documents."""
    dumps = SERIALIZER.dumps
    lines, count, length = [], 0, 0
    for action in actions:
        operation = action.get("_op_type", "index")
        entry = [dumps({operation: {key: action[key] for key in ACTION_META if key in action}})]
        if operation != "delete":
            entry.append(dumps(action["_source"]))
        entry_length = sum(len(line.encode()) + 1 for line in entry)
        if count and (count == size or length + entry_length > BULK_BYTES):
            yield "\n".join(lines) + "\n", count
            lines, count, length = [], 0, 0
        lines += entry
        count, length = count + 1, length + entry_length
    if count:
        yield "\n".join(lines) + "\n", count


def send_bulk(es, body: str, count: int, bulk_options: dict):
    """One bulk request of `count` actions, already serialised; raises when an item failed for good."""
    response = es.bulk(body=body, filter_path=BULK_ANSWER, **bulk_options)
    if response["errors"]:
        failed = [item for item in response["items"] if not settled(next(iter(item.values()))["status"])]
        if failed:
            raise BulkIndexError(f"Index update failed: {len(failed)} of {count}", failed)


def settled(status: int) -> bool:
    """Done, or nothing to do: a delete of something never indexed (404), or a versioned write that a newer reading
    already overtook (409)."""
    return 200 <= status < 300 or status in (404, 409)


def write_while_building(bodies: Iterable[tuple[str, int]], es):
    """Send each bulk body from a second thread while this one builds (or receives) the next: Elasticsearch indexes
    while Python builds documents. The database is only touched from this thread."""
    pending = Queue(maxsize=2)
    errors = []

    def send():
        while (item := pending.get()) is not None:
            if not errors:
                try:
                    send_bulk(es, *item, {})
                except Exception as error:  # handed to the building thread, which raises it
                    errors.append(error)

    sender = threading.Thread(target=send, name="search-bulk-sender", daemon=True)
    sender.start()
    try:
        for item in bodies:
            if errors:
                break
            pending.put(item)
    finally:
        pending.put(None)
        sender.join()
    if errors:
        raise errors[0]


def rebuild_bodies(keys: list[str], index_name: str, topics: TopicAncestry) -> list[tuple[str, int]]:
    """One rebuild batch as bulk bodies for the fresh index `index_name` (which has nothing to delete)."""
    actions = ({**a, "_index": index_name} for a in actions_for(keys, topics) if a.get("_op_type") != "delete")
    return list(bulk_bodies(actions, settings.SEARCH_REBUILD_BATCH))


def built_here(batches: list[list[str]], index_name: str, topics: TopicAncestry, progress) -> Iterator[tuple[str, int]]:
    for keys in batches:
        yield from rebuild_bodies(keys, index_name, topics)
        progress(len(keys))


@contextmanager
def builders(batches: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """Processes that build a rebuild's documents, forked before the sending thread starts: in one process the
    building thread and the sending one took turns at the interpreter lock. None (this process builds them) for a
    single batch, when settings ask for none, or inside a transaction or an in-memory database, which other
    processes cannot see. Each builder opens its own database connection: a forked one would share the parent's
    socket, so the parent's are closed first."""
    processes = settings.SEARCH_REBUILD_PROCESSES
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if batches < 2 or processes < 1 or connection.in_atomic_block or in_memory:
        yield None
        return
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield pool


def built_in(
    pool, batches: list[list[str]], index_name: str, topics: TopicAncestry, progress
) -> Iterator[tuple[str, int]]:
    """The batches' bulk bodies built by the pool, in order, with at most two batches per process built ahead of
    the sender (a million items' bodies would not fit in memory)."""
    ahead, todo = deque(), iter(batches)
    for keys in itertools.islice(todo, 2 * settings.SEARCH_REBUILD_PROCESSES):
        ahead.append(pool.apply_async(rebuild_bodies, (keys, index_name, topics)))
    for done in batches:
        bodies = ahead.popleft().get()
        if (keys := next(todo, None)) is not None:
            ahead.append(pool.apply_async(rebuild_bodies, (keys, index_name, topics)))
        yield from bodies
        progress(len(done))


# -- draining the outbox -----------------------------------------------------------------------------------------
def drain(limit: int = BATCH, worker: str = "") -> int:
    """Apply one batch of queued index work; returns how many rows it settled. Any number of workers (and requests
    draining after their commit) may run it at once: each claims its own rows (`claim`), and each write carries
    the moment its worker read the database, so the newest reading of an item wins whatever order the writes
    arrive in. Raises when Elasticsearch is unavailable, releasing the rows for the next attempt."""
    rows = claim(limit, worker or worker_name())
    if not rows:
        return 0
    pks = [pk for pk, _ in rows]
    keys = list(dict.fromkeys(key for _, key in rows))
    try:
        ensure_indices()
        # With the page cache on, the kept pages that list these items are invalidated below: only once searches
        # see the change (the next refresh, within a second), or a page rendered meanwhile would keep the old one.
        options = {"refresh": "wait_for"} if page_cache_enabled() else {}
        write(actions_for(keys, version=read_version()), **options)
    except (ElasticsearchException, BulkIndexError):
        IndexOutbox.objects.filter(pk__in=pks).update(attempts=F("attempts") + 1, claimed_at=None)
        raise
    IndexOutbox.objects.filter(pk__in=pks).update(done_at=timezone.now())
    # Kept pages that list these items (a "Related" aside shows their indexed titles) render anew, and so do kept
    # fragments built from a search of their index (the people strip, "Related" asides).
    bump({*keys, *(f"index:{index_of_key(key)}" for key in keys)})
    return len(rows)


def claim(limit: int, worker: str) -> list[tuple[int, str]]:
    """Take up to `limit` of the oldest pending rows for this worker; returns their (pk, key). On PostgreSQL the
    candidates are locked with FOR UPDATE SKIP LOCKED, so concurrent workers pass over each other's; on SQLite,
    which runs one writer at a time, the claim is an UPDATE that takes only rows still unclaimed. Either way two
    workers never hold one row. A claim older than CLAIM_LEASE belonged to a worker that died: it is taken over."""
    token = f"{worker}/{uuid.uuid4().hex[:8]}"[-100:]
    now = timezone.now()
    claimable = IndexOutbox.objects.pending().filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE))
    skip_locked = connection.features.has_select_for_update_skip_locked
    with transaction.atomic() if skip_locked else nullcontext():
        candidates = claimable.order_by("pk")
        if skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        pks = list(candidates.values_list("pk", flat=True)[:limit])
        if not pks:
            return []
        claimable.filter(pk__in=pks).update(claimed_by=token, claimed_at=now)
    return list(IndexOutbox.objects.filter(pk__in=pks, claimed_by=token).order_by("pk").values_list("pk", "key"))


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def read_version() -> int:
    """Now, in microseconds, as the version of index writes whose database reading starts after it. PostgreSQL's
    clock, so workers on several hosts share one clock; the process's clock on SQLite (one host)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint")
            return cursor.fetchone()[0]
    return time.time_ns() // 1000


def prune(days: int = 1) -> int:
    """Forget settled work older than a day (a rebuild replays only what changed while it ran)."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    return IndexOutbox.objects.filter(done_at__lt=cutoff).delete()[0]


# -- full rebuild ------------------------------------------------------------------------------------------------
def all_keys(index: str) -> Iterator[str]:
    """Every key that belongs in an index, read from the database in primary-key order."""
    from wagtail.models import Page

    if index == "content":
        for pk in Page.objects.live().values_list("pk", flat=True).order_by("pk").iterator(chunk_size=2000):
            yield f"page:{pk}"
    for label, entry in searchable_types.items():
        if entry.indexed and entry.index == index:
            queryset = entry.queryset() if entry.queryset else entry.model.objects.all()
            for pk in queryset.values_list("pk", flat=True).order_by("pk").iterator(chunk_size=2000):
                yield f"{label}:{pk}"


def rebuild(progress=None) -> dict:
    """Fill new versioned indices from the database, swap the aliases, then replay every change queued while the
    rebuild ran (the worker may have written those to the old index). Returns the counts per index."""
    with batch_cache():  # community facts and view restrictions read once for the whole rebuild
        counts = _rebuild(progress)
    replayed = IndexOutbox.objects.filter(queued_at__gte=counts.pop("started")).update(done_at=None, claimed_at=None)
    if replayed:
        while drain():
            pass
    counts["replayed"] = replayed
    return counts


def _rebuild(progress) -> dict:
    es = client(timeout=settings.SEARCH_INDEX_TIMEOUT * 6)
    counts = {"started": timezone.now()}
    topics = TopicAncestry()
    for index in DOCUMENTS:
        keys = list(all_keys(index))
        new_name = create_versioned_index(index, es)
        bar = progress(total=len(keys), desc=f"{index} index", unit="item") if progress else None
        size = settings.SEARCH_REBUILD_BATCH
        batches = [keys[start : start + size] for start in range(0, len(keys), size)]
        # No refreshes while loading (nobody reads the new index yet); one at the end.
        es.indices.put_settings(index=new_name, body={"index": {"refresh_interval": "-1"}})
        advance = bar.update if bar is not None else lambda items: None  # by items, as its total counts them
        with builders(len(batches)) as pool:
            if pool:
                bodies = built_in(pool, batches, new_name, topics, advance)
            else:
                bodies = built_here(batches, new_name, topics, advance)
            write_while_building(bodies, es)
        es.indices.put_settings(index=new_name, body={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=new_name)
        swap_alias(index, new_name, es)
        counts[index] = es.count(index=new_name)["count"]
        if bar is not None:
            bar.close()
    return counts
