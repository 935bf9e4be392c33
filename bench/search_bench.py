"""Faceted search at scale: indexing rate and query latency over N synthetic items, against raw Elasticsearch.

Usage: .venv/bin/python bench/search_bench.py [--items 100000] [--rounds 10] [--warm-up 30] [--heap 2g]

Builds a throwaway SQLite database with a topic tree, audiences and communities (some members-only), then N
discussion threads spread over them with a skewed (Zipf-like) vocabulary. Indexing runs the real pipeline
(`search.indexing.rebuild`: database -> protocol -> bulk) and is compared with a baseline of bulk-loading the same
documents straight into Elasticsearch. Queries run through the real API view (/api/search/, with the permission
filter, facets, highlighting and the database re-check of every hit) for an anonymous reader and a member, against
a baseline of the very requests the view sent to Elasticsearch, sent again with elasticsearch-dsl alone, timed the
same way in the same rounds: their ratio is the portal's own overhead. The same queries also run through the
database fallback (up to --fallback-up-to items: it scans every row).

Uses the embedded Elasticsearch of this checkout (ELASTICSEARCH_PORT honoured), starting it with --heap when it is
not running and stopping it afterwards, or the cluster at ELASTICSEARCH_URL.
"""

import argparse
import contextlib
import gc
import json
import logging
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = [
    "knowledge",
    "community",
    "practice",
    "facilitator",
    "lessons",
    "learned",
    "review",
    "search",
    "taxonomy",
    "onboarding",
    "expert",
    "wiki",
    "retention",
    "handover",
    "interview",
    "workshop",
    "pilot",
    "rollout",
    "champion",
    "network",
    "storytelling",
    "mentoring",
    "playbook",
    "metrics",
    "adoption",
    "governance",
    "portal",
    "content",
    "curation",
    "tagging",
    "findability",
    "collaboration",
    "sharing",
    "question",
    "answer",
    "tip",
    "meeting",
    "agenda",
    "template",
    "checklist",
    "guide",
    "method",
    "toolkit",
    "audit",
    "map",
    "strategy",
    "leadership",
    "culture",
    "incentive",
    "recognition",
    "library",
    "article",
    "module",
    "lesson",
    "quiz",
    "screencast",
    "video",
    "document",
    "policy",
    "process",
    "improvement",
]

QUERIES = [
    {},
    {"q": "knowledge"},
    {"q": "lessons learned"},
    {"q": "facilitator workshop"},
    {"q": "taxnomy"},  # a typo
    {"q": '"lessons learned"'},
    {"q": "search", "topic": "topic-0"},
    {"q": "community", "topic": "topic-1-0", "audience": "audience-2"},
    {"q": "review", "trust": "community"},
    {"topic": "topic-3", "stage": "pilot"},
    {"q": "mentoring onboarding", "sort": "newest"},
    {"q": "governance", "year": "2026", "page": "3"},
]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def build_dataset(items, rng):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from communities.models import Membership, Thread
    from home.demo import ensure_home, ensure_root
    from portal.taxonomy.models import Audience, Topic
    from tests.factories import make_community

    User = get_user_model()
    admin = User.objects.create_superuser("bench-admin", "admin@example.org", "pw")
    ensure_home(ensure_root(), admin)
    topics = []
    for r in range(8):
        root = Topic.add_root(name=f"Topic {r}", slug=f"topic-{r}")
        topics.append(root)
        for c in range(3):
            child = root.add_child(name=f"Topic {r}.{c}", slug=f"topic-{r}-{c}")
            topics.append(child)
            for g in range(2):
                topics.append(child.add_child(name=f"Topic {r}.{c}.{g}", slug=f"topic-{r}-{c}-{g}"))
    audiences = [Audience.objects.create(name=f"Audience {n}", slug=f"audience-{n}") for n in range(6)]
    authors = [User.objects.create_user(f"author{n}", f"a{n}@example.org", "pw") for n in range(200)]
    member = User.objects.create_user("bench-member", "member@example.org", "pw")
    communities = []
    for n in range(40):
        community = make_community(f"Community {n}", members_only=n % 7 == 0, members=[member] if n % 2 else [])
        community.topics = rng.sample(topics, k=rng.randint(1, 3))
        community.audiences = rng.sample(audiences, k=rng.randint(1, 2))
        community.stage = rng.choice(["investigation", "pilot", "rollout", ""])
        community.save_revision().publish()
        communities.append(community)
    Membership.objects.filter(user__in=authors).delete()
    # Zipf-like: a few words are everywhere. Cumulative weights once, not per call: the same draws, faster.
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(WORDS))))
    now = timezone.now()
    with insert_rows(Thread, ["community", "author", "kind", "title", "body", "created_at", "last_activity_at"]) as add:
        for _ in range(items):
            title = " ".join(rng.choices(WORDS, cum_weights=cumulative, k=rng.randint(3, 8))).capitalize()
            body = " ".join(rng.choices(WORDS, cum_weights=cumulative, k=rng.randint(20, 80)))
            created = now - timezone.timedelta(days=rng.randint(0, 900))
            community, author = rng.choice(communities), rng.choice(authors)
            kind = rng.choice(["question", "tip", "announcement"])
            add(community.pk, author.pk, kind, title, body, created, created)
    return member


@contextlib.contextmanager
def insert_rows(model, names, batch=10_000):
    """`add(*values)` inserts a row of `model` with these fields given and every other at its default, a batch at a
    time in plain SQL: Django's bulk_create builds a model and its parameters per row, about half a millisecond
    each here, which would be most of the time a million-item database takes to build."""
    from django.db import connection, transaction
    from django.db.models.fields import NOT_PROVIDED

    given = [model._meta.get_field(name) for name in names]
    defaults = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field not in given and field.default is not NOT_PROVIDED
    ]
    fields = given + defaults
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = []

    def flush():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        rows.clear()

    def add(*values):
        values = [*values, *(field.get_default() for field in defaults)]
        rows.append([field.get_db_prep_save(value, connection) for field, value in zip(fields, values, strict=True)])
        if len(rows) == batch:
            flush()

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = -262144")  # 256 MB of pages: a million rows' indexes stay in memory
    yield add
    flush()


# -- the queries ---------------------------------------------------------------------------------------------------
@contextlib.contextmanager
def recorded_requests():
    """Every multi-search the portal sends meanwhile, as (index, body, params): what Elasticsearch is asked."""
    from elasticsearch_dsl import MultiSearch

    sent, execute = [], MultiSearch.execute

    def recording(multi, *args, **kwargs):
        sent.append((multi._index, multi.to_dict(), dict(multi._params)))
        return execute(multi, *args, **kwargs)

    MultiSearch.execute = recording
    try:
        yield sent
    finally:
        MultiSearch.execute = execute


def raw_requests(client, params):
    """The requests /api/search/ sends Elasticsearch for one query of the mix and one reader: the hits and the
    counts, with the reader's permission filter, every aggregation and the highlighting (and for a typo, the
    strict try that found nothing and the fuzzy one)."""
    with recorded_requests() as sent:
        response = client.get("/api/search/", params)
    assert response.status_code == 200 and not response.json()["limited"], (params, response.status_code)
    assert sent, f"/api/search/ sent no multi-search for {params}"
    for index, body, options in sent:
        assert raw_search(index, body, options).to_dict() == body, "elasticsearch-dsl would send another body"
    return sent


def raw_search(index, body, options):
    """A multi-search with the same body written with elasticsearch-dsl: no portal code at all."""
    from elasticsearch_dsl import MultiSearch, Search

    from search.documents import client

    multi = MultiSearch(using=client(), index=index).params(**options)
    for header, search in zip(body[::2], body[1::2], strict=True):
        multi = multi.add(Search(index=header.get("index")).update_from_dict(search))
    return multi


def send_raw(requests):
    for index, body, options in requests:
        for response in raw_search(index, body, options).execute():
            list(response)  # the hits, as elasticsearch-dsl objects


def time_mix(readers, raw, rounds, es=None):
    """Server-side milliseconds of each query of the mix, `rounds` times, per reader: through /api/search/ and,
    when `raw` holds the recorded requests, the same requests sent raw just before or after (alternately, so
    neither always follows the other). With `es`, Elasticsearch's request cache is emptied before each query,
    outside the timing: the mix repeats, and a real reader's query is usually new."""
    samples = {}
    for round_ in range(rounds):
        for index, params in enumerate(QUERIES):
            for name, client in readers.items():
                paths = ["portal", "raw"] if raw else ["portal"]
                for path in paths if round_ % 2 == 0 else reversed(paths):
                    if es is not None:
                        es.indices.clear_cache(index="bench_search_*", request=True)
                    start = time.perf_counter()
                    if path == "raw":
                        send_raw(raw[name][index])
                    else:
                        response = client.get("/api/search/", params)
                    samples.setdefault((path, name), []).append((time.perf_counter() - start) * 1000)
                    if path == "portal":
                        assert response.status_code == 200, response.status_code
                        # Answered by Elasticsearch, not by the database after a timeout.
                        assert es is None or not response.json()["limited"], params
    return samples


# -- Elasticsearch -------------------------------------------------------------------------------------------------
@contextlib.contextmanager
def elasticsearch(heap):
    """This checkout's embedded Elasticsearch (var/elasticsearch, as portal.settings.base has it), started with
    `heap` when it is not running and stopped afterwards; or the cluster at ELASTICSEARCH_URL, as it is."""
    from portal.embedded_elasticsearch import EmbeddedElasticsearch

    port = os.environ.get("ELASTICSEARCH_PORT")
    heap = heap or os.environ.get("ELASTICSEARCH_HEAP")
    server = EmbeddedElasticsearch(ROOT / "var" / "elasticsearch", port=int(port) if port else None, heap=heap)
    started = server.external_url is None and server.running_pid() is None
    if server.external_url and heap:
        print(f"ELASTICSEARCH_URL is set: its cluster keeps its own heap ({heap} is for the embedded server).")
    if not started and server.external_url is None and heap and server.status().heap != server.heap:
        sys.exit(
            f"The embedded Elasticsearch already runs with a {server.status().heap} heap, not {server.heap}: stop "
            "it (manage.py elasticsearch stop) or leave out --heap."
        )
    status = server.start()
    print(status.describe())
    if not status.running:
        sys.exit(1)
    try:
        yield
    finally:
        if started:
            server.stop()
            print("Stopped the embedded Elasticsearch this run started.")


def heap_report(es, when):
    """The Java heap: its size, the old generation's high-water mark (what outlives young collections: segments,
    caches, buffers), the memory segments hold on the heap, and the collections so far with their pauses."""
    node = next(iter(es.nodes.stats(metric="jvm,indices")["nodes"].values()))
    mem, collectors = node["jvm"]["mem"], node["jvm"]["gc"]["collectors"]
    old, young, mb = mem["pools"]["old"], collectors["young"], 2**20
    segments = node["indices"]["segments"]["memory_in_bytes"]
    print(
        f"Elasticsearch heap {when}: {mem['heap_max_in_bytes'] / mb:,.0f} MB; old generation at most "
        f"{old['peak_used_in_bytes'] / mb:,.0f} MB, now {old['used_in_bytes'] / mb:,.0f} MB; segments "
        f"{segments / mb:,.1f} MB; collections: young {young['collection_count']} "
        f"({young['collection_time_in_millis'] / 1000:.1f} s), old {collectors['old']['collection_count']} "
        f"({collectors['old']['collection_time_in_millis'] / 1000:.1f} s)"
    )


def python_memory():
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10, help="passes over the query mix per reader")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--warm-up", type=float, default=30, help="seconds of untimed queries before the timings")
    parser.add_argument(
        "--heap", help="heap of the embedded Elasticsearch when this run starts it (default 512m; 2g at 1M items)"
    )
    parser.add_argument(
        "--fallback-up-to",
        type=int,
        default=1_000_000,
        help="time the database fallback only up to this many items (it scans every row)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and indices to explore afterwards")
    args = parser.parse_args()
    with elasticsearch(args.heap):
        run(args)


def run(args):
    database = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["TEST_INDEX_PREFIX"] = "bench_search_"
    os.environ["SEARCH_DRAIN_ON_COMMIT"] = "false"
    import django

    django.setup()
    from django.conf import settings

    from search.documents import client

    settings.SEARCH_DRAIN_ON_COMMIT = False
    logging.getLogger("search.views").setLevel(logging.ERROR)  # the fallback rows warn on every query
    es = client(timeout=120)
    es.indices.delete(index="bench_search_*", ignore_unavailable=True)
    try:
        measure(args, es)
    finally:
        if args.keep:
            print(f"\nKept: DATABASE_URL=sqlite:///{database} TEST_INDEX_PREFIX=bench_search_")
        else:
            es.indices.delete(index="bench_search_*", ignore_unavailable=True)
            for path in database.parent.iterdir():
                path.unlink()
            database.parent.rmdir()


def measure(args, es):
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from search import indexing

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    member = build_dataset(args.items, rng)
    print(f"Built {args.items:,} items in the database in {time.perf_counter() - started:.1f} s")

    # Indexing through the real pipeline, then the baseline: the same documents bulk-loaded as they are.
    started = time.perf_counter()
    counts = indexing.rebuild()
    pipeline_seconds = time.perf_counter() - started
    indexed = counts["content"] + counts["people"]
    print(f"Indexed through the pipeline in {pipeline_seconds:.1f} s; Python's peak memory so far {python_memory()}")
    heap_report(es, "after the pipeline's load")
    settle(es)
    documents, baseline_seconds = raw_bulk(es)
    pipeline_rate, baseline_rate = indexed / pipeline_seconds, documents / baseline_seconds
    print()
    print(f"{'indexing':44} {'items':>9} {'seconds':>8} {'items/s':>9} {'ratio':>6}")
    print(
        f"{'baseline: raw bulk of the built documents':44} {documents:>9,} {baseline_seconds:>8.1f} "
        f"{baseline_rate:>9,.0f} {1:>6.2f}"
    )
    print(
        f"{'portal pipeline (database -> protocol -> bulk)':44} {indexed:>9,} {pipeline_seconds:>8.1f} "
        f"{pipeline_rate:>9,.0f} {pipeline_rate / baseline_rate:>6.2f}"
    )

    gc.collect()
    settle(es)
    readers = {"anonymous": Client(), "member": Client()}
    readers["member"].force_login(member)
    raw = {name: [raw_requests(reader, params) for params in QUERIES] for name, reader in readers.items()}
    # A live Elasticsearch has long compiled its hot paths; right after a bulk load its JIT and garbage collector
    # are still settling, and the first few hundred queries run up to half again slower.
    started = time.perf_counter()
    while time.perf_counter() - started < args.warm_up:
        time_mix(readers, raw, 1, es=es)
    cold = time_mix(readers, raw, args.rounds, es=es)
    warm = time_mix(readers, None, args.rounds)
    rows = [(f"raw elasticsearch-dsl, {name}", cold[("raw", name)]) for name in readers]
    rows += [(f"portal /api/search/, {name}", cold[("portal", name)]) for name in readers]
    rows += [(f"request cache warm, {name}", warm[("portal", name)]) for name in readers]
    if args.items <= args.fallback_up_to:
        url = settings.ELASTICSEARCH_URL
        settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # unreachable: every query answers from the database
        fallback = time_mix(readers, None, max(1, args.rounds // 5))
        settings.ELASTICSEARCH_URL = url
        rows += [(f"database fallback, {name}", fallback[("portal", name)]) for name in readers]
    heap_report(es, "after the queries")
    print(f"Python's peak memory: {python_memory()}")
    print_elasticsearch_times(es)
    print()
    print(f"{len(QUERIES)} faceted queries, server-side milliseconds (request cache emptied unless said)")
    print(f"{'path':34} {'queries':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'p95 / raw':>10}")
    reference = {name.split(", ")[1]: percentile(samples, 0.95) for name, samples in rows[:2]}
    for name, samples in rows:
        p95 = percentile(samples, 0.95)
        ratio = p95 / reference[name.split(", ")[1]]
        print(
            f"{name:34} {len(samples):>8} {statistics.median(samples):>8.1f} {p95:>8.1f} "
            f"{percentile(samples, 0.99):>8.1f} {ratio:>10.2f}"
        )
    if args.items > args.fallback_up_to:
        print(f"(database fallback not timed above {args.fallback_up_to:,} items: --fallback-up-to)")


def raw_bulk(es, chunk_size=500):
    """The indexing baseline: the content index's documents, dumped to a file as JSON, bulk-loaded into a fresh
    index as they are, with refreshes off as the pipeline has them. Streamed: a million documents held in Python
    would take gigabytes. Returns the number of documents and the seconds of the load."""
    from elasticsearch.helpers import bulk

    from search.documents import alias, create_versioned_index

    with tempfile.TemporaryFile("w+", encoding="utf-8") as dump:
        documents = 0
        for hit in scan_all(es, alias("content")):
            dump.write(json.dumps(hit["_source"]) + "\n")
            documents += 1
        dump.seek(0)
        index = create_versioned_index("content", es)
        es.indices.put_settings(index=index, body={"index": {"refresh_interval": "-1"}})
        started = time.perf_counter()
        bulk(es, (line.rstrip("\n") for line in dump), index=index, chunk_size=chunk_size)
        es.indices.put_settings(index=index, body={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=index)
        seconds = time.perf_counter() - started
    es.indices.delete(index=index)
    return documents, seconds


def settle(es, quiet_polls=3, index="bench_search_*"):
    """Wait until Elasticsearch has finished the background merges that follow a bulk load, so the queries are
    timed in the steady state a live site runs in, not while two cores also merge segments."""
    started, quiet = time.perf_counter(), 0
    while quiet < quiet_polls and time.perf_counter() - started < 600:
        merges = es.indices.stats(index=index, metric="merge")["_all"]["total"]["merges"]["current"]
        quiet = quiet + 1 if merges == 0 else 0
        time.sleep(1)
    print(f"\nWaited {time.perf_counter() - started:.0f} s for Elasticsearch's merges after the bulk load")


def print_elasticsearch_times(es):
    """Where the time goes: Elasticsearch's own `took` for each query of the mix, as the view sends it."""
    from urllib.parse import urlencode

    from django.http import QueryDict

    from search.query import CONTENT_FACETS, FacetedSearch, SearchRequest

    print()
    print(f"{'query':60} {'ES took ms (median of 5)':>26}")
    for params in QUERIES:
        request = SearchRequest.from_query_dict(QueryDict(urlencode(params)), CONTENT_FACETS)
        search = FacetedSearch(request, None).build()
        body = search.to_dict()
        for header in body[::2]:
            header["request_cache"] = False
        took = sorted(es.msearch(body=body, index=search._index)["took"] for _ in range(5))[2]
        print(f"{str(params)[:60]:60} {took:>26}")


def scan_all(es, index):
    from elasticsearch.helpers import scan

    return scan(es, index=index, query={"query": {"match_all": {}}}, size=2000)


if __name__ == "__main__":
    main()
