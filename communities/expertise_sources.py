"""What communities hold as evidence of expertise (portal.expertise): accepted answers, replies others marked
helpful, blog posts and facilitation, each filed under its community's (or post's) topics and readable by whoever
may read the community."""

import datetime

from django.utils import timezone

from communities.blog import BlogPostPage
from communities.models import CommunityPage, Membership, Post, Reply, Thread
from portal.expertise.models import Kind
from portal.expertise.refresh import refresh_later
from portal.expertise.sources import Fact, for_users
from portal.searchable import cached, page_readers, search_key


def community_facts(community) -> dict:
    return cached(("community-facts", community.pk), community.facts_for_discussions)


def reply_facts(replies, kind) -> list[Fact]:
    facts = []
    for reply in replies:
        community = reply.thread.community
        about = community_facts(community)
        if about["readers"] is None:
            continue
        facts.append(
            Fact(
                user_id=reply.author_id,
                kind=kind,
                topic_ids=tuple(about["topic_ids"]),
                item_key=search_key(reply),
                title=reply.thread.title,
                url=f"{about['url']}{community.reverse_subpage('thread', args=[reply.thread_id])}#reply-{reply.pk}",
                readers=tuple(about["readers"]),
                occurred_at=reply.created_at,
                within_page_id=community.pk,
            )
        )
    return facts


def published_replies(user_ids):
    return (
        Reply.objects.filter(for_users("author_id", user_ids), status=Post.Status.PUBLISHED)
        .filter(thread__status=Post.Status.PUBLISHED, thread__community__live=True)
        .select_related("thread__community")
    )


def facts(user_ids):
    replies = published_replies(user_ids)
    accepted = replies.filter(pk__in=Thread.objects.values("accepted_reply_id"))
    yield from reply_facts(accepted, Kind.ACCEPTED_ANSWER)
    helpful = replies.filter(helpful_marks__isnull=False).distinct()  # marks are never on one's own reply
    yield from reply_facts(helpful, Kind.HELPFUL_REPLY)
    for post in BlogPostPage.objects.live().filter(for_users("author_id", user_ids)).prefetch_related("topics"):
        readers = page_readers(post)
        if readers:
            topic_ids = tuple(topic.pk for topic in post.topics.all())
            posted = timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(12)))
            yield Fact.about_page(post.author_id, Kind.BLOG_POST, post, topic_ids, readers, posted)
    facilitating = (
        Membership.objects.active()
        .facilitating()
        .filter(for_users("user_id", user_ids), community__live=True)
        .select_related("community")
    )
    for membership in facilitating:
        community = membership.community
        about = community_facts(community)
        topic_ids, readers = about["topic_ids"], about["readers"]
        if readers:
            yield Fact.about_page(
                membership.user_id, Kind.FACILITATION, community, topic_ids, readers, membership.joined_at
            )


def people_of_page(page) -> set[int]:
    """Who may gain evidence when this page is published: a blog post's author, a community's facilitators."""
    page = page.specific
    if isinstance(page, BlogPostPage):
        return {page.author_id} if page.author_id else set()
    if isinstance(page, CommunityPage):
        return set(page.memberships.active().facilitating().values_list("user_id", flat=True))
    return set()


# -- what changes evidence (connected in CommunitiesConfig.ready) ----------------------------------------------
def on_post_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Reply):
        refresh_later([instance.author_id])
    else:  # a thread: accepting (or clearing) an answer changes its repliers' evidence
        refresh_later(set(Reply.objects.filter(thread_id=instance.pk).values_list("author_id", flat=True)))


def on_helpful_mark(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_later(Reply.objects.filter(pk=instance.reply_id).values_list("author_id", flat=True))


def on_membership(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_later([instance.user_id])
