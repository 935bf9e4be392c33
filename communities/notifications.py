"""Emails to followers when a thread, reply or blog post is published: at once, or collected for the daily digest."""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from communities.discussions import Notification
from portal.people.models import Profile
from portal.sanitise import one_line

_muted = threading.local()


@contextmanager
def muted():
    """No notifications inside this block (loading demo content must not email 25 people)."""
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = False


def followers_of(post):
    """Who hears about a newly published post (a thread, reply or blog post says whose follows count); never its
    own author, and only people who may still read the community."""
    community = post.posted_in()
    users = {follow.user for follow in post.follows().select_related("user") if follow.user_id != post.author_id}
    return [user for user in users if user.is_active and community.can_read(user)]


def announce(post):
    """Queue a notification per follower after the publishing transaction commits; send immediate ones then."""
    if getattr(_muted, "on", False):
        return
    subject, url = describe(post)

    def queue():
        for user in followers_of(post):
            notification = Notification.objects.create(user=user, subject=subject[:250], url=url)
            if Profile.for_user(user).email_notifications == Profile.Digest.IMMEDIATE:
                send_immediately(notification)

    transaction.on_commit(queue)


def describe(post):
    """The subject line (plain text on one line, whatever the title holds) and link of a notification."""
    subject, path = post.notice()
    return one_line(subject), settings.WAGTAILADMIN_BASE_URL + path


def announce_first_publication(sender, instance, revision=None, **kwargs):
    """page_published: a blog post's first publication (after its review, if any) tells the community's
    followers; later corrections do not."""
    if getattr(instance, "announced_on_first_publication", False) and (
        instance.first_published_at == instance.last_published_at
    ):
        announce(instance)


def send_immediately(notification):
    if notification.user.email:
        send_mail(
            notification.subject,
            f"{notification.subject}\n\n{notification.url}\n",
            settings.DEFAULT_FROM_EMAIL,
            [notification.user.email],
        )
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())


def send_digests() -> int:
    """Email each daily-digest reader one message with everything unsent; returns how many emails went out.
    Idempotent: sent notifications are marked, so a second run sends nothing new."""
    sent = 0
    pending = Notification.objects.filter(sent_at__isnull=True).select_related("user").order_by("created_at")
    by_user = {}
    for notification in pending:
        by_user.setdefault(notification.user, []).append(notification)
    for user, notifications in by_user.items():
        with transaction.atomic():
            if Profile.for_user(user).email_notifications == Profile.Digest.OFF or not user.email:
                Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(sent_at=timezone.now())
                continue
            lines = [f"- {n.subject}\n  {n.url}" for n in notifications]
            send_mail(
                f"Your daily digest: {len(notifications)} update(s)",
                "\n".join(lines) + "\n",
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(sent_at=timezone.now())
            sent += 1
    return sent
