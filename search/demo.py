"""Demo search traffic: the daily rollup of the past twelve weeks (searches, those that found nothing, the topics
searched for and the zero-result queries), so the command center's Search panel has something to show. Each day's
figures are drawn from a generator seeded with how many days ago it is, so every load paints the same twelve weeks
up to today. Idempotent: a day that already has its row (seeded before, or real searches) is left as it is."""

import datetime
import random
from collections import Counter

from django.utils import timezone

from portal.demo import demo_items
from portal.taxonomy.models import Topic
from search.models import SearchDay, TopicSearchDay, ZeroResultQuery, ZeroResultQueryDay

DAYS = 12 * 7


def day_traffic(days_ago: int, traffic: dict, topics: list, gaps: list) -> tuple[int, Counter, Counter, int]:
    """One day's searches, the topics they were about, the zero-result queries searched, and the searches that
    found nothing in all (the gaps, and searches with filters that found nothing)."""
    rng = random.Random(f"search-demo:{days_ago}")
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    typical = traffic["weekend"] if day.weekday() >= 5 else traffic["weekday"]
    trend = 1 + traffic["growth"] * (DAYS - 1 - days_ago) / (DAYS - 1)
    searches = round(typical * trend * rng.uniform(0.7, 1.3))
    zero = sum(rng.random() * 100 < traffic["zero_percent"] for _ in range(searches))
    gap_count = sum(rng.random() * 100 < traffic["gap_percent"] for _ in range(zero))
    topic_count = sum(rng.random() * 100 < traffic["topic_percent"] for _ in range(searches - zero))
    gap_weights = [gap["weight"] for gap in gaps]
    topic_weights = [topic["weight"] for topic in topics]
    searched_gaps = Counter(rng.choices([gap["query"] for gap in gaps], gap_weights, k=gap_count))
    searched_topics = Counter(rng.choices([topic["slug"] for topic in topics], topic_weights, k=topic_count))
    return searches, searched_topics, searched_gaps, zero


def load(stdout=None):
    traffic = demo_items("search", "searches", "traffic")
    topics, gaps = demo_items("search", "searches", "topic"), demo_items("search", "searches", "gap")
    topic_ids = dict(Topic.objects.filter(slug__in=[topic["slug"] for topic in topics]).values_list("slug", "pk"))
    topics = [topic for topic in topics if topic["slug"] in topic_ids]
    today = timezone.localdate()
    seeded = set(
        SearchDay.objects.within(today - datetime.timedelta(days=DAYS - 1), today).values_list("day", flat=True)
    )
    days, topic_days, gap_days = [], [], []
    for days_ago in range(DAYS - 1, -1, -1):
        day = today - datetime.timedelta(days=days_ago)
        if day in seeded:
            continue
        searches, searched_topics, searched_gaps, zero = day_traffic(days_ago, traffic, topics, gaps)
        days.append(SearchDay(day=day, searches=searches, zero_results=zero))
        topic_days += [
            TopicSearchDay(day=day, topic_id=topic_ids[slug], searches=n) for slug, n in searched_topics.items()
        ]
        gap_days += [(day, query, n) for query, n in searched_gaps.items()]
    SearchDay.objects.bulk_create(days)
    TopicSearchDay.objects.bulk_create(topic_days)
    record_gaps(gap_days)


def record_gaps(gap_days: list[tuple[datetime.date, str, int]]):
    """The zero-result queries of the seeded days: their per-day rows, and their totals and first and last days in
    the search-gaps report (a query searched at noon on each of its days)."""
    by_query: dict[str, list[tuple[datetime.date, int]]] = {}
    for day, query, n in gap_days:
        by_query.setdefault(query, []).append((day, n))
    for query, counts in by_query.items():
        first = noon(min(day for day, _ in counts))
        last = noon(max(day for day, _ in counts))
        row, _ = ZeroResultQuery.objects.get_or_create(
            query_string=query, defaults={"hits": 0, "first_seen": first, "last_seen": last}
        )
        row.hits += sum(n for _, n in counts)
        row.first_seen, row.last_seen = min(row.first_seen, first), max(row.last_seen, last)
        row.save(update_fields=["hits", "first_seen", "last_seen"])
        ZeroResultQueryDay.objects.bulk_create(ZeroResultQueryDay(day=day, query=row, searches=n) for day, n in counts)


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
