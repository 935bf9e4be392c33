"""What the search app stores in the database: the outbox of index work, the searches that found nothing, and the
daily rollup of the searches people run (the command center's Search panel): a row per day, per topic and day, and
per zero-result query and day, never a row per search."""

import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from portal.taxonomy.models import Topic


def count_in(model, keys: dict, **amounts) -> None:
    """Add `amounts` to the row of `model` that `keys` name (a unique key), making it if there is none. The UPDATE
    with F() comes first (one query once the row exists); on a miss the INSERT, and if another request inserted the
    row meanwhile (the unique constraint refuses ours) the UPDATE again: concurrent requests never lose a count."""
    changes = {name: F(name) + amount for name, amount in amounts.items()}
    if model.objects.filter(**keys).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **amounts)
    except IntegrityError:
        model.objects.filter(**keys).update(**changes)


def count_search_term(text: str) -> None:
    """Count a search for these words in Wagtail's search terms report: what `Query.get(text).add_hit()` does, in
    one UPDATE once the words have a row for today (a get_or_create of each row and a save cost three queries)."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    today = timezone.now().date()  # the date add_hit counts on
    hits = QueryDailyHits.objects.filter(query__query_string=normalise_query_string(text), date=today)
    if not hits.update(hits=F("hits") + 1):
        Query.get(text).add_hit(today)


def count_search(count: dict) -> None:
    """Count one search people ran (`count`: what `search.views.search_count` found to count), in one transaction:
    the daily rollup of the command center's Search panel; for words alone also Wagtail's search terms report and,
    when nothing was found, the search-gaps report. Also run for each serving of a kept search page."""
    with transaction.atomic():
        SearchDay.record(count["text"], count["topics"], count["found_nothing"])
        if count["words_alone"]:
            count_search_term(count["text"][:255])
            if count["found_nothing"]:
                ZeroResultQuery.record(count["text"])


class IndexOutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(done_at__isnull=True)


class IndexOutbox(models.Model):
    """One unit of index work: "bring the index entry for this key in line with the database". Rows are written in
    the same transaction as the change (a rolled-back save leaves none), drained by the search worker, and kept a
    day once done so a full rebuild can replay what changed while it ran. Any number of workers drain it at once."""

    key = models.CharField(max_length=120)
    queued_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Which worker's claim took the row, and when (search.indexing.claim): workers never take each other's rows,
    # and a claim older than the lease (a worker that died) is taken over.
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    objects = IndexOutboxQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = "search index update"

    def __str__(self):
        return f"{self.key} ({'done' if self.done_at else 'pending'})"


class ZeroResultQuery(models.Model):
    """A search that found nothing: the search-gaps report shows editors what people miss."""

    query_string = models.CharField(max_length=255, unique=True)
    hits = models.PositiveIntegerField(default=0)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-hits", "-last_seen"]
        verbose_name = "search with no results"
        verbose_name_plural = "searches with no results"

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string: str):
        """Count a search for these words that found nothing: in all (the search-gaps report) and on today's row."""
        normalised = " ".join(query_string.lower().split())[:255]
        if not normalised:
            return
        now = timezone.now()
        day = timezone.localdate(now)
        # A gap searched before (most are): two UPDATEs by its words, nothing read first.
        if cls.objects.filter(query_string=normalised).update(hits=F("hits") + 1, last_seen=now):
            today = ZeroResultQueryDay.objects.filter(day=day, query__query_string=normalised)
            if today.update(searches=F("searches") + 1):
                return
            row = cls.objects.get(query_string=normalised)  # the first time today
        else:
            row, created = cls.objects.get_or_create(query_string=normalised, defaults={"hits": 1, "last_seen": now})
            if not created:  # another request made it meanwhile
                cls.objects.filter(pk=row.pk).update(hits=F("hits") + 1, last_seen=now)
        count_in(ZeroResultQueryDay, {"day": day, "query": row}, searches=1)


class DayQuerySet(models.QuerySet):
    """Rows of the daily rollup."""

    def within(self, start: datetime.date, end: datetime.date):
        """The rows of the days from `start` to `end`, both included."""
        return self.filter(day__gte=start, day__lte=end)


class ZeroResultQueryDayQuerySet(DayQuerySet):
    def most_searched(self, limit: int):
        """The zero-result queries searched most often over these rows, with how often: most first, then A-Z."""
        totals = self.values("query_id", "query__query_string").annotate(total=models.Sum("searches"))
        return totals.order_by("-total", "query__query_string")[:limit]


class ZeroResultQueryDay(models.Model):
    """How often a zero-result query was searched on one day: the top zero-result queries of any period."""

    day = models.DateField()
    query = models.ForeignKey(ZeroResultQuery, on_delete=models.CASCADE, related_name="days")
    searches = models.PositiveIntegerField(default=0)

    objects = ZeroResultQueryDayQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="zero_result_query_day_unique")]
        verbose_name = "search with no results on a day"

    def __str__(self):
        return f"{self.query} on {self.day}: {self.searches}"


class SearchDay(models.Model):
    """The searches people ran on one day (the search page and the search API, first page of results, with words
    or filters), and how many of them found nothing."""

    day = models.DateField(unique=True)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    objects = DayQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        verbose_name = "searches on a day"
        verbose_name_plural = "searches by day"

    def __str__(self):
        return f"{self.day}: {self.searches} searches, {self.zero_results} with no results"

    @classmethod
    def record(cls, text: str, topic_slugs=(), found_nothing: bool = False) -> None:
        """Count one search people ran today, and once each topic it was about: the topics picked in the topic
        facet, and the topic whose name the words are (case-insensitive; on SQLite only ASCII letters fold)."""
        day = timezone.localdate()
        count_in(cls, {"day": day}, searches=1, zero_results=int(found_nothing))
        about = Q(slug__in=list(topic_slugs))
        if text:
            about |= Q(name__iexact=text)
        for topic_id in Topic.objects.filter(about).values_list("pk", flat=True):
            count_in(TopicSearchDay, {"day": day, "topic_id": topic_id}, searches=1)


class TopicSearchDayQuerySet(DayQuerySet):
    def most_searched(self, limit: int):
        """The topics searched most often over these rows, with how often: most first, then A-Z."""
        totals = self.values("topic_id", "topic__name", "topic__slug").annotate(total=models.Sum("searches"))
        return totals.order_by("-total", "topic__name", "topic_id")[:limit]


class TopicSearchDay(models.Model):
    """The searches about one topic on one day (see SearchDay.record): the most searched topics of any period."""

    day = models.DateField()
    topic = models.ForeignKey("taxonomy.Topic", on_delete=models.CASCADE, related_name="+")
    searches = models.PositiveIntegerField(default=0)

    objects = TopicSearchDayQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "topic"], name="topic_search_day_unique")]
        verbose_name = "searches about a topic on a day"

    def __str__(self):
        return f"{self.topic_id} on {self.day}: {self.searches}"
