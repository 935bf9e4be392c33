"""What the search app stores in the database: the outbox of index work, and the searches that found nothing."""

from django.db import models
from django.utils import timezone


class IndexOutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(done_at__isnull=True)


class IndexOutbox(models.Model):
    """One unit of index work: "bring the index entry for this key in line with the database". Rows are written in
    the same transaction as the change (a rolled-back save leaves none), drained by the search worker, and kept a
    day once done so a full rebuild can replay what changed while it ran."""

    key = models.CharField(max_length=120)
    queued_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)

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
        normalised = " ".join(query_string.lower().split())[:255]
        if not normalised:
            return
        now = timezone.now()
        row, created = cls.objects.get_or_create(query_string=normalised, defaults={"hits": 1, "last_seen": now})
        if not created:
            cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1, last_seen=now)
