"""Follows of people and topics. Following is idempotent (a constraint per pair) and says nothing to the person
followed beyond the count and list on their profile."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from portal.taxonomy.models import Topic


class FollowQuerySet(models.QuerySet):
    def set(self, follower, following: bool, **target) -> None:
        """Follow or stop following; the form says which, so repeating a request changes nothing."""
        if not following:
            self.filter(follower=follower, **target).delete()
            return
        try:
            with transaction.atomic():
                self.get_or_create(follower=follower, **target)
        except IntegrityError:  # a double submit made it first
            pass


class PersonFollow(models.Model):
    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "person"], name="follow_a_person_once"),
            models.CheckConstraint(condition=~models.Q(follower=models.F("person")), name="never_follow_oneself"),
        ]

    def __str__(self):
        return f"{self.follower} follows {self.person}"


class TopicFollow(models.Model):
    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["follower", "topic"], name="follow_a_topic_once")]

    def __str__(self):
        return f"{self.follower} follows {self.topic}"


class Activity(models.Model):
    """Something a person did that their followers may want to see: one row per person, verb and item, with a
    snapshot of the item's title and address. Who may see it is never stored here: the stream asks the item
    itself (`search_visible_to`) each time it is shown."""

    class Verb(models.TextChoices):
        ARTICLE_PUBLISHED = "article", "published an article"
        DISCUSSION_STARTED = "discussion", "started a discussion"
        ANSWERED = "answered", "answered"
        ACCEPTED_ANSWER = "accepted", "gave the accepted answer to"
        BLOG_POST = "blog_post", "wrote a blog post"
        CURATED = "curated", "had a contribution curated into the library"
        COMPLETED_PATH = "completed_path", "completed the learning path"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, choices=Verb.choices)
    item_key = models.CharField(max_length=100, help_text="The item's search key (portal.searchable).")
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    community = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "activities"
        constraints = [models.UniqueConstraint(fields=["actor", "verb", "item_key"], name="one_activity_per_item")]
        indexes = [
            models.Index(fields=["actor", "-occurred_at"], name="activity_by_actor"),
            models.Index(fields=["community", "-occurred_at"], name="activity_in_community"),
            models.Index(fields=["-occurred_at", "-id"], name="activity_newest_first"),
            models.Index(fields=["item_key"], name="activity_by_item"),
        ]

    def __str__(self):
        return f"{self.actor} {self.get_verb_display()} {self.title}"
