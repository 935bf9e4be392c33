"""Emails to followers when a thread, reply or blog post is published: at once, or collected for the daily digest."""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from communities.models import BlogPostPage, Follow, Notification, Thread
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
    """Who hears about a newly published post: community followers for a thread, thread followers for a reply;
    never its own author, and only people who may still read the community."""
    if isinstance(post, Thread):
        follows = Follow.objects.filter(community=post.community)
        community = post.community
    elif isinstance(post, BlogPostPage):
        community = post.get_parent().get_parent().specific
        follows = Follow.objects.filter(community=community)
    else:
        follows = Follow.objects.filter(thread=post.thread)
        community = post.thread.community
    users = {follow.user for follow in follows.select_related("user") if follow.user_id != post.author_id}
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
    """The subject line (plain text on one line, whatever the title holds) and link of a notification about a
    thread, reply or blog post."""
    if isinstance(post, BlogPostPage):
        subject = f"New blog post in {post.get_parent().get_parent().title}: {post.title}"
        return one_line(subject), settings.WAGTAILADMIN_BASE_URL + post.url
    thread = post if isinstance(post, Thread) else post.thread
    if isinstance(post, Thread):
        subject = f"New {thread.get_kind_display().lower()} in {thread.community.title}: {thread.title}"
    else:
        subject = f"New reply to “{thread.title}”"
    return one_line(subject), settings.WAGTAILADMIN_BASE_URL + thread.get_absolute_url()


def announce_first_publication(sender, instance, revision=None, **kwargs):
    """page_published: a blog post's first publication (after its review, if any) tells the community's
    followers; later corrections do not."""
    if isinstance(instance, BlogPostPage) and instance.first_published_at == instance.last_published_at:
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
