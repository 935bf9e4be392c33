"""Governance records."""

from django.conf import settings
from django.db import models


class ReviewReminder(models.Model):
    """One digest sent to one owner on one day: what makes `send_review_reminders` idempotent per day."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    page_count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "sent_on"], name="one_review_digest_per_day")]

    def __str__(self):
        return f"Review digest to {self.owner} on {self.sent_on:%Y-%m-%d}"
