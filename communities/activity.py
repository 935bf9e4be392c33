"""What community members do, recorded for their followers' network streams (portal.network): a discussion
started, an answer, an accepted answer, a blog post. Recorded after the publishing transaction commits; a post
held for a facilitator is recorded when it is approved (that is when it is published)."""

from communities.discussions import Follow, Reply, Thread
from portal.network.activity import Verb, forget, record, record_after_commit


def record_published(post, *, now=False) -> None:
    """A thread, reply or blog post was published (`now`: record at once, as the demo does)."""
    save = record if now else record_after_commit
    if isinstance(post, Thread):
        save(post.author, Verb.DISCUSSION_STARTED, post, community=post.community, occurred_at=post.created_at)
    elif isinstance(post, Reply):
        # Answering a thread twice is one entry: the stream names the thread, not each reply.
        save(post.author, Verb.ANSWERED, post.thread, community=post.thread.community, occurred_at=post.created_at)
    elif getattr(post, "announced_on_first_publication", False) and post.author_id:  # a blog post
        save(post.author, Verb.BLOG_POST, post, community=post.posted_in(), occurred_at=post.first_published_at)


def record_accepted(thread, *, now=False) -> None:
    """A thread's accepted answer changed: its author is credited; an earlier accepted answer's author no longer."""
    reply = thread.accepted_reply
    forget(Verb.ACCEPTED_ANSWER, thread, keep_actor=reply.author if reply else None)
    if reply is not None:
        save = record if now else record_after_commit
        save(reply.author, Verb.ACCEPTED_ANSWER, thread, community=thread.community)


def followed_communities(user):
    """portal.network.stream's provider: the communities a reader follows."""
    return Follow.objects.filter(user=user, community__isnull=False).values_list("community_id", flat=True)
