"""Evidenced expertise: one row per person, topic and piece of evidence (an accepted answer, a reviewed article,
a community they facilitate ...). The rows are derived from the feature apps' own records by the sources in
portal.expertise.sources, rebuilt per person after the commit of anything that changes them, so the table is a
cache of the truth that can always be rebuilt (`manage.py rebuild_expertise`)."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from portal.taxonomy.models import Topic


class Kind(models.TextChoices):
    """Each kind of evidence, with its weight: how much one piece says about what a person knows."""

    ACCEPTED_ANSWER = "accepted_answer", "accepted answer"
    HELPFUL_REPLY = "helpful_reply", "helpful reply"
    ARTICLE = "article", "reference article"
    REVIEW = "review", "reviewed article"
    CURATED = "curated", "curated contribution"
    FACILITATION = "facilitation", "facilitated community"
    MODULE = "module", "completed module"
    PATH = "path", "completed learning path"
    BLOG_POST = "blog_post", "blog post"


WEIGHTS = {
    Kind.ACCEPTED_ANSWER: 5.0,
    Kind.HELPFUL_REPLY: 2.0,
    Kind.ARTICLE: 3.0,
    Kind.REVIEW: 3.0,
    Kind.CURATED: 4.0,
    Kind.FACILITATION: 4.0,
    Kind.MODULE: 1.0,
    Kind.PATH: 2.0,
    Kind.BLOG_POST: 2.0,
}
PLURALS = {
    Kind.ACCEPTED_ANSWER: "accepted answers",
    Kind.HELPFUL_REPLY: "helpful replies",
    Kind.ARTICLE: "reference articles",
    Kind.REVIEW: "reviewed articles",
    Kind.CURATED: "curated contributions",
    Kind.FACILITATION: "facilitated communities",
    Kind.MODULE: "completed modules",
    Kind.PATH: "completed learning paths",
    Kind.BLOG_POST: "blog posts",
}
HALF_LIFE_DAYS = 365  # evidence a year old weighs half as much as today's


class EvidenceQuerySet(models.QuerySet):
    def readable_by(self, readers: list[str] | None):
        """Rows whose item any of the reader's index tokens opens (None: a superuser, every row)."""
        if readers is None:
            return self
        condition = models.Q()
        for token in readers:
            condition |= models.Q(readers__contains=f" {token} ")
        return self.filter(condition)


class Evidence(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    item_key = models.CharField(max_length=100, help_text="The search key of the item that is the evidence.")
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    # The item's readers in the search index's terms ("public", "login", "group:<id>"), space-separated and
    # space-padded, so " group:3 " matches one token exactly.
    readers = models.CharField(max_length=500)
    occurred_at = models.DateTimeField()
    # The page the item is or lives on (a thread's community), so publishing, moving or restricting a page
    # refreshes everyone whose evidence lies in its subtree.
    within_page_id = models.PositiveIntegerField(null=True, db_index=True)
    score = models.FloatField(help_text="The kind's weight, halved for each year of age when it was computed.")

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["user", "topic", "kind", "item_key"], name="one_evidence_per_item"),
        ]
        # "People you can ask" sums the scores of a topic subtree's rows the reader may open, per person: with
        # readers and score in the index it reads no table row (5x faster over a parent topic's 50k rows).
        indexes = [models.Index(fields=["topic", "user", "readers", "score"], name="evidence_by_topic_readers")]

    def __str__(self):
        return f"{self.user} · {self.topic} · {self.get_kind_display()}"

    @property
    def reader_tokens(self) -> list[str]:
        return self.readers.split()


class TopicStanding(models.Model):
    """A person's evidence on a topic and everything below it, as one set of readers sees it: the totals "People you
    can ask" ranks by and the people search's summaries show, summed once per refresh instead of over thousands of
    Evidence rows per request. One row per person, topic (each evidence topic and all its ancestors) and reader set
    (Evidence.readers); an item filed under two subtopics counts once for their parent. Declared expertise is a row
    of its own (`declared`, readers " public ", score DECLARED_SCORE) for the topic and its ancestors. Derived from
    Evidence and Profile.expertise by portal.expertise.standing, in the same transaction as the person's Evidence."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    readers = models.CharField(max_length=500)  # as Evidence.readers: space-separated, space-padded tokens
    declared = models.BooleanField(default=False)
    score = models.FloatField()
    counts = models.JSONField(default=dict)  # kind -> number of items
    # The newest communities facilitated, [[occurred_at ISO, item_key, title], ...], for "facilitates X and Y".
    facilitates = models.JSONField(default=list)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic", "readers", "declared"], name="one_standing_per_readers"),
        ]
        # The box sums a topic's rows the reader may open per person: topic, readers, user and score cover it.
        indexes = [models.Index(fields=["topic", "readers", "user", "declared", "score"], name="standing_by_topic")]

    def __str__(self):
        return f"{self.user} · {self.topic} · {self.readers.strip()}"


class ReaderSet(models.Model):
    """A short name for one set of readers of evidence (an Evidence.readers value): the people index keys each
    person's evidence by topic and reader set ("12|3": their standing on topic 12 for reader set 3), and a search
    asks for the sets whose readers include the searcher. A row is added with the first standing of its readers
    (portal.expertise.standing.replace) and never changed or removed, so an id read once stays true."""

    readers = models.CharField(max_length=500, unique=True)  # as Evidence.readers: space-separated, space-padded

    objects = EvidenceQuerySet.as_manager()

    def __str__(self):
        return self.readers.strip()

    @classmethod
    def ids_for(cls, readers: Iterable[str]) -> dict[str, int]:
        """The id of each of these reader sets, adding the ones not seen before."""
        readers = set(readers)
        found = dict(cls.objects.filter(readers__in=readers).values_list("readers", "pk"))
        if missing := readers - set(found):
            cls.objects.bulk_create([cls(readers=value) for value in sorted(missing)], ignore_conflicts=True)
            found.update(cls.objects.filter(readers__in=missing).values_list("readers", "pk"))
        return found
