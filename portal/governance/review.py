"""Content review: which pages are due, who owns them, and the reminders that go to those owners."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portal.governance.models import ReviewReminder
from portal.taxonomy.models import Classified, classified_models


def give_published_page_a_review_date(sender, instance, **kwargs):
    """On publish, a classified page without a review date gets publish date + the review interval."""
    if isinstance(instance, Classified):
        instance.ensure_review_date()


def soon(today=None) -> datetime.date:
    return (today or timezone.localdate()) + datetime.timedelta(days=settings.PORTAL_REVIEW_SOON_DAYS)


def pages_due_for_review(by_date=None, owner=None):
    """Live classified pages of every type whose review date is on or before `by_date` (default: the 'soon'
    window), soonest first, with their owners; one query per content type."""
    by_date = by_date or soon()
    pages = []
    for model in classified_models():
        queryset = model.objects.live().due_for_review(by_date).select_related("content_owner")
        if owner is not None:
            queryset = queryset.filter(content_owner=owner)
        pages.extend(queryset.defer_streamfields())
    return sorted(pages, key=lambda page: (page.review_by, page.title))


@dataclass
class ReminderRun:
    sent: int = 0
    skipped: int = 0
    without_owner: int = 0


def send_review_reminders(today=None) -> ReminderRun:
    """Email each owner one digest of their pages due for review; an owner already reminded today is skipped."""
    today = today or timezone.localdate()
    by_owner = defaultdict(list)
    run = ReminderRun()
    for page in pages_due_for_review(soon(today)):
        if page.content_owner is None or not page.content_owner.email:
            run.without_owner += 1
        else:
            by_owner[page.content_owner].append(page)
    for owner, pages in by_owner.items():
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(owner=owner, sent_on=today, page_count=len(pages))
                context = {"owner": owner, "pages": pages, "today": today, "base_url": settings.WAGTAILADMIN_BASE_URL}
                send_mail(
                    subject=f"{len(pages)} page{'s' if len(pages) != 1 else ''} of yours to review",
                    message=render_to_string("governance/review_reminder_email.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[owner.email],
                )
        except IntegrityError:
            run.skipped += 1
        else:
            run.sent += 1
    return run
