"""Content review: which pages are due, who owns them, and the reminders that go to those owners."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.models import Page

from portal.feedback.models import ContentFlag, open_flags_by_page
from portal.governance.models import ReviewReminder
from portal.taxonomy.models import Classified, classified_models


def give_published_page_a_review_date(sender, instance, **kwargs):
    """On publish, a classified page without a review date gets publish date + the review interval."""
    if isinstance(instance, Classified):
        instance.ensure_review_date()


def soon(today=None) -> datetime.date:
    return (today or timezone.localdate()) + datetime.timedelta(days=settings.PORTAL_REVIEW_SOON_DAYS)


def due_for_review(model, by_date=None):
    """Live pages of one classified model whose review date is on or before `by_date` (default: the 'soon'
    window), overdue ones included: the one definition the review report, the owners' digests, the dashboard and
    the command center share."""
    return model.objects.live().due_for_review(by_date or soon())


@dataclass
class ReviewItem:
    """A live page in the review report and the owners' digests: due for review by its date, or flagged by
    readers (open "outdated" flags and suggestions), or both."""

    page: Page
    review_by: datetime.date | None
    owner: object  # the accountable owner (a user), or None
    flags: list = field(default_factory=list)  # open portal.feedback ContentFlags, oldest first

    @property
    def id(self) -> int:
        return self.page.pk

    pk = id

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def specific_class(self):
        return type(self.page)

    @property
    def full_url(self) -> str:
        return self.page.full_url

    @property
    def owner_name(self) -> str:
        return (self.owner.get_full_name() or self.owner.get_username()) if self.owner else ""

    @property
    def owner_email(self) -> str:
        return self.owner.email if self.owner else ""

    @property
    def reported_outdated(self) -> bool:
        return any(flag.kind == ContentFlag.Kind.OUTDATED for flag in self.flags)

    @property
    def overdue(self) -> bool:
        return self.review_by is not None and self.review_by < timezone.localdate()

    @property
    def review_state(self) -> str:
        """ "Reported outdated", "Overdue", "Suggestions" or "Due soon", for the review report."""
        if self.reported_outdated:
            return "Reported outdated"
        if self.overdue:
            return "Overdue"
        return "Suggestions" if self.flags and (self.review_by is None or self.review_by > soon()) else "Due soon"

    @property
    def flag_summary(self) -> str:
        """ "2 outdated, 1 suggestion" for the report's export."""
        outdated = sum(1 for flag in self.flags if flag.kind == ContentFlag.Kind.OUTDATED)
        suggestions = len(self.flags) - outdated
        parts = [f"{outdated} outdated"] if outdated else []
        parts += [f"{suggestions} suggestion{'s' if suggestions != 1 else ''}"] if suggestions else []
        return ", ".join(parts)


def pages_due_for_review(by_date=None, owner=None) -> list[ReviewItem]:
    """Live pages to review: classified pages of every type whose review date is on or before `by_date` (default:
    the 'soon' window), and pages readers flagged (open flags), each with its owner and flags; flagged ones first,
    then soonest. One query per content type, and a few for the flags."""
    by_date = by_date or soon()
    flags = open_flags_by_page()
    items = {}
    for model in classified_models():
        queryset = due_for_review(model, by_date) | model.objects.live().filter(pk__in=flags)
        for page in queryset.select_related("content_owner").defer_streamfields():
            items[page.pk] = ReviewItem(page, page.review_by, page.content_owner, flags.get(page.pk, []))
    # Flagged pages of types without a review date of their own (lessons: their module's owner answers).
    for page in Page.objects.live().filter(pk__in=set(flags) - set(items)).specific().defer_streamfields():
        accountable = page.accountable_owner() if hasattr(page, "accountable_owner") else None
        items[page.pk] = ReviewItem(page, None, accountable, flags[page.pk])
    found = [item for item in items.values() if owner is None or (item.owner and item.owner.pk == owner.pk)]
    return sorted(found, key=lambda item: (not item.flags, item.review_by or datetime.date.max, item.title))


@dataclass
class ReminderRun:
    sent: int = 0
    skipped: int = 0
    without_owner: int = 0


def send_review_reminders(today=None) -> ReminderRun:
    """Email each owner one digest of their pages due for review or flagged by readers; an owner already reminded
    today is skipped."""
    today = today or timezone.localdate()
    by_owner = defaultdict(list)
    run = ReminderRun()
    for item in pages_due_for_review(soon(today)):
        if item.owner is None or not item.owner.email:
            run.without_owner += 1
        else:
            by_owner[item.owner].append(item)
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
