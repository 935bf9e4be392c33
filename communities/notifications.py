"""Notifications to followers when a thread, reply or blog post is published: listed on /me/notifications/, and
emailed at once or in the daily digest. Every email carries unsubscribe links that work without logging in: a
signed token naming the follow (or the person, for "no more emails at all")."""

import datetime
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from communities.activity import record_published
from communities.discussions import Follow, Notification, Thread
from communities.experts import notify_invitees
from portal.network.stream import stream_for
from portal.people.models import Profile
from portal.sanitise import one_line
from portal.searchable import search_key

_muted = threading.local()
UNSUBSCRIBE_SALT = "communities.unsubscribe"


@contextmanager
def muted():
    """No notifications inside this block (loading demo content must not email 25 people)."""
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = False


def follows_of(post):
    """The follows that hear about a newly published post (a thread, reply or blog post says whose count); never
    its own author's, and only of people who may still read the community."""
    community = post.posted_in()
    follows = post.follows().select_related("user").exclude(user_id=post.author_id)
    return [follow for follow in follows if follow.user.is_active and community.can_read(follow.user)]


def announce(post):
    """Queue a notification per follower after the publishing transaction commits; email immediate ones then.
    The publication also goes into the author's followers' network streams (recorded even when muted)."""
    record_published(post)
    if getattr(_muted, "on", False):
        return
    if isinstance(post, Thread):
        notify_invitees(post)  # the people the asker invited to answer: told once the question is out
    subject, url = describe(post)
    target_key = search_key(post.notice_target())

    def queue():
        seen = set()
        for follow in follows_of(post):
            if follow.user_id in seen:  # following both the community and the thread: one notification
                continue
            seen.add(follow.user_id)
            notification = Notification.objects.create(
                user=follow.user, subject=subject[:250], url=url, target_key=target_key, follow=follow
            )
            if Profile.for_user(follow.user).email_notifications == Profile.Digest.IMMEDIATE:
                send_immediately(notification)

    transaction.on_commit(queue)


def record_notice(*, user, subject, url, target_key):
    """portal.notices' sender: a notification with no follow behind it, listed at once and e-mailed in the
    person's digest (or at once, if they asked for that)."""
    if getattr(_muted, "on", False):
        return
    notification = Notification.objects.create(user=user, subject=subject, url=url, target_key=target_key)
    if Profile.for_user(user).email_notifications == Profile.Digest.IMMEDIATE:
        transaction.on_commit(lambda: send_immediately(notification))


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


# -- unsubscribe links ------------------------------------------------------------------------------------------
def unsubscribe_token(*, follow=None, user=None) -> str:
    """A signed token for one follow's emails, or (with `user`) for all of a person's emails. It never expires:
    an old email's link must still work."""
    payload = {"follow": follow.pk} if follow is not None else {"user": user.pk}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(**kwargs) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse("notifications:unsubscribe", args=[unsubscribe_token(**kwargs)])


def read_unsubscribe_token(token: str):
    """The follow or the profile a token names, or None for a forged, mangled or stale one."""
    try:
        payload = signing.loads(token[:500], salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    if isinstance(payload.get("follow"), int):
        return Follow.objects.select_related("user", "community", "thread").filter(pk=payload["follow"]).first()
    if isinstance(payload.get("user"), int):
        return Profile.objects.select_related("user").filter(user_id=payload["user"]).first()
    return None


def _email(user, subject, body, unsubscribe):
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    message.send()


def send_immediately(notification):
    follow = notification.follow
    if notification.user.email and notification.emailed:
        stop_this = unsubscribe_url(follow=follow) if follow else unsubscribe_url(user=notification.user)
        _email(
            notification.user,
            notification.subject,
            f"{notification.subject}\n\n{notification.url}\n\n"
            f"-- \nStop emails about this: {stop_this}\n"
            f"Stop all emails from the portal: {unsubscribe_url(user=notification.user)}\n",
            stop_this,
        )
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())


NETWORK_DIGEST_LIMIT = 10  # the digest's "From your network" section at its longest


def network_news(profile, now) -> list:
    """What a daily-digest reader's network did since their last digest (the last day, the first time): the same
    stream as /me/network/, the same visibility check, at most NETWORK_DIGEST_LIMIT entries. A community followed
    with its e-mails off brings nothing here, as it brings no notification e-mail."""
    since = profile.last_digest_at or now - datetime.timedelta(days=1)
    emailed = Follow.objects.filter(user=profile.user, community__isnull=False, emails=True)
    communities = emailed.values_list("community_id", flat=True)
    return stream_for(profile.user, since=since, limit=NETWORK_DIGEST_LIMIT, communities=communities)


def digest_body(user, notifications, network) -> str:
    lines = []
    for n in notifications:
        stop = f"\n  Stop emails about this: {unsubscribe_url(follow=n.follow)}" if n.follow else ""
        lines.append(f"- {n.subject}\n  {n.url}{stop}")
    if network:
        if lines:
            lines.append("")
        lines.append("From your network")
        for activity in network:
            url = activity.url if activity.url.startswith("http") else settings.WAGTAILADMIN_BASE_URL + activity.url
            lines.append(f"- {activity.actor.profile.name} {activity.get_verb_display()} {activity.title}\n  {url}")
        lines.append(f"  All of it: {settings.WAGTAILADMIN_BASE_URL}{reverse('my_network')}")
    return "\n".join(lines) + f"\n\n-- \nStop all emails from the portal: {unsubscribe_url(user=user)}\n"


def send_digests() -> int:
    """Email each daily-digest reader one message with everything unsent and what their network did since their
    last digest; returns how many emails went out. Idempotent: sent notifications are marked and each reader's
    network is covered up to the moment of the run, so a second run sends nothing new."""
    sent = 0
    now = timezone.now()
    pending = Notification.objects.filter(sent_at__isnull=True).select_related("user", "follow").order_by("created_at")
    by_user = {}
    for notification in pending:
        by_user.setdefault(notification.user, []).append(notification)
    # Daily-digest readers with no notification may still have news from their network.
    daily = Profile.objects.filter(email_notifications=Profile.Digest.DAILY, user__is_active=True)
    for profile in daily.exclude(user__email="").select_related("user"):
        by_user.setdefault(profile.user, [])
    for user, notifications in by_user.items():
        with transaction.atomic():
            profile = Profile.for_user(user)
            emailed = [n for n in notifications if n.emailed]
            network = []
            if profile.email_notifications == Profile.Digest.DAILY and user.is_active:
                network = network_news(profile, now)
                Profile.objects.filter(pk=profile.pk).update(last_digest_at=now)
            if profile.email_notifications == Profile.Digest.OFF or not user.email or not (emailed or network):
                Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(sent_at=now)
                continue
            count = len(emailed) + len(network)
            _email(
                user,
                f"Your daily digest: {count} update(s)",
                digest_body(user, emailed, network),
                unsubscribe_url(user=user),
            )
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(sent_at=now)
            sent += 1
    return sent
