"""What communities tell the value network (portal.network.value): an answer is a published reply to someone
else's published question; an accepted answer is counted again as its own kind. Both are gated by the community
page, so members-only discussions count only for its members."""

from django.db.models import F, Value

from communities.discussions import Post, Reply, Thread
from portal.network.value import ACCEPTED, ANSWER, HelpSource, register_help_source


def answers():
    return Reply.objects.filter(
        status=Post.Status.PUBLISHED, thread__status=Post.Status.PUBLISHED, thread__kind=Thread.Kind.QUESTION
    ).annotate(
        helper_id=F("author_id"),
        helped_id=F("thread__author_id"),
        occurred_at=F("created_at"),
        gate_page=F("thread__community_id"),
        gate_key=Value(""),
    )


def accepted_answers():
    return Thread.objects.filter(
        status=Post.Status.PUBLISHED,
        kind=Thread.Kind.QUESTION,
        accepted_reply__status=Post.Status.PUBLISHED,
        accepted_reply__thread_id=F("pk"),
    ).annotate(
        helper_id=F("accepted_reply__author_id"),
        helped_id=F("author_id"),
        occurred_at=F("accepted_reply__created_at"),
        gate_page=F("community_id"),
        gate_key=Value(""),
    )


def register():
    register_help_source(HelpSource("communities.answers", ANSWER, answers))
    register_help_source(HelpSource("communities.accepted_answers", ACCEPTED, accepted_answers))
