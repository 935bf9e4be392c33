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
