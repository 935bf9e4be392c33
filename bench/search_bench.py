"""Faceted search at scale: indexing rate and query latency over N synthetic items, against the database fallback.

Usage: .venv/bin/python bench/search_bench.py [--items 100000] [--rounds 10] [--warm-up 30]

Builds a throwaway SQLite database with a topic tree, audiences and communities (some members-only), then N
discussion threads spread over them with a skewed (Zipf-like) vocabulary. Indexing runs the real pipeline
(`search.indexing.rebuild`: database -> protocol -> bulk) and is compared with a baseline of bulk-loading the same
documents straight into Elasticsearch. Queries run through the real API view (/api/search/, with the permission
filter, facets, highlighting and the database re-check of every hit) for an anonymous reader and a member, and the
same queries through the database fallback. Needs the embedded Elasticsearch running (`manage.py elasticsearch
start`) or ELASTICSEARCH_URL.
"""

import argparse
import gc
import logging
import os
import random
import statistics
import sys
import tempfile
import time
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
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]  # Zipf-like: a few words are everywhere
    now = timezone.now()
    batch = []
    for _ in range(items):
        title = " ".join(rng.choices(WORDS, weights, k=rng.randint(3, 8))).capitalize()
        body = " ".join(rng.choices(WORDS, weights, k=rng.randint(20, 80)))
        created = now - timezone.timedelta(days=rng.randint(0, 900))
        batch.append(
            Thread(
                community=rng.choice(communities),
                author=rng.choice(authors),
                kind=rng.choice(["question", "tip", "announcement"]),
                title=title,
                body=body,
                created_at=created,
                last_activity_at=created,
            )
        )
        if len(batch) == 5000:
            Thread.objects.bulk_create(batch)
            batch = []
    Thread.objects.bulk_create(batch)
    return member


def time_queries(client, rounds, es=None):
    """Server-side milliseconds of each query of the mix, `rounds` times. With `es`, Elasticsearch's request cache
    is emptied before each query (outside the timing): the mix repeats, and a real reader's query is usually new."""
    samples = {index: [] for index in range(len(QUERIES))}
    for _ in range(rounds):
        for index, params in enumerate(QUERIES):
            if es is not None:
                es.indices.clear_cache(index="bench_search_*", request=True)
            start = time.perf_counter()
            response = client.get("/api/search/", params)
            samples[index].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
    return [value for values in samples.values() for value in values]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10, help="passes over the query mix per reader")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--warm-up", type=float, default=30, help="seconds of untimed queries before the timings")
    parser.add_argument("--keep", action="store_true", help="keep the database and indices to explore afterwards")
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["TEST_INDEX_PREFIX"] = "bench_search_"
    os.environ["SEARCH_DRAIN_ON_COMMIT"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.SEARCH_DRAIN_ON_COMMIT = False
    logging.getLogger("search.views").setLevel(logging.ERROR)  # the fallback rows warn on every query
    from elasticsearch.helpers import bulk

    from search import indexing
    from search.documents import alias, client, create_versioned_index

    es = client(timeout=120)
    es.indices.delete(index="bench_search_*", ignore_unavailable=True)
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
    documents = [hit["_source"] for hit in scan_all(es, alias("content"))]
    baseline_index = create_versioned_index("content", es)
    started = time.perf_counter()
    bulk(es, ({"_index": baseline_index, "_source": source} for source in documents), chunk_size=500)
    es.indices.refresh(index=baseline_index)
    baseline_seconds = time.perf_counter() - started
    es.indices.delete(index=baseline_index)
    pipeline_rate, baseline_rate = indexed / pipeline_seconds, len(documents) / baseline_seconds
    print()
    print(f"{'indexing':44} {'items':>9} {'seconds':>8} {'items/s':>9} {'ratio':>6}")
    print(
        f"{'baseline: raw bulk of the built documents':44} {len(documents):>9,} {baseline_seconds:>8.1f} "
        f"{baseline_rate:>9,.0f} {1:>6.2f}"
    )
    print(
        f"{'portal pipeline (database -> protocol -> bulk)':44} {indexed:>9,} {pipeline_seconds:>8.1f} "
        f"{pipeline_rate:>9,.0f} {pipeline_rate / baseline_rate:>6.2f}"
    )

    del documents  # 100k dicts kept alive would make every garbage collection during the timings walk them
    gc.collect()
    settle(es)
    readers = {"anonymous": Client(), "member": Client()}
    readers["member"].force_login(member)
    rows = []
    # A live Elasticsearch has long compiled its hot paths; right after a bulk load its JIT and garbage collector
    # are still settling, and the first few hundred queries run up to half again slower.
    started = time.perf_counter()
    while time.perf_counter() - started < args.warm_up:
        for reader in readers.values():
            time_queries(reader, 1, es=es)
    for name, reader in readers.items():
        rows.append((f"Elasticsearch, {name}", time_queries(reader, args.rounds, es=es)))
    warm = [(f"request cache warm, {name}", time_queries(reader, args.rounds)) for name, reader in readers.items()]
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # unreachable: every query answers from the database
    fallback_rounds = max(1, args.rounds // 5)
    for name, reader in readers.items():
        rows.append((f"database fallback, {name}", time_queries(reader, fallback_rounds)))
    settings.ELASTICSEARCH_URL = url
    rows[2:2] = warm
    print_elasticsearch_times(es, readers["anonymous"])
    print()
    print(f"{len(QUERIES)} faceted queries through /api/search/, server-side milliseconds")
    print(f"{'path':34} {'queries':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'p95 / ES':>9}")
    reference = {name.split(", ")[1]: percentile(samples, 0.95) for name, samples in rows[:2]}
    for name, samples in rows:
        p95 = percentile(samples, 0.95)
        ratio = p95 / reference[name.split(", ")[1]]
        print(
            f"{name:34} {len(samples):>8} {statistics.median(samples):>8.1f} {p95:>8.1f} "
            f"{percentile(samples, 0.99):>8.1f} {ratio:>9.1f}"
        )
    if args.keep:
        print(f"\nKept: DATABASE_URL=sqlite:///{database} TEST_INDEX_PREFIX=bench_search_")
    else:
        es.indices.delete(index="bench_search_*", ignore_unavailable=True)


def settle(es, quiet_polls=3, index="bench_search_*"):
    """Wait until Elasticsearch has finished the background merges that follow a bulk load, so the queries are
    timed in the steady state a live site runs in, not while two cores also merge segments."""
    started, quiet = time.perf_counter(), 0
    while quiet < quiet_polls and time.perf_counter() - started < 300:
        merges = es.indices.stats(index=index, metric="merge")["_all"]["total"]["merges"]["current"]
        quiet = quiet + 1 if merges == 0 else 0
        time.sleep(1)
    print(f"\nWaited {time.perf_counter() - started:.0f} s for Elasticsearch's merges after the bulk load")


def print_elasticsearch_times(es, client):
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
