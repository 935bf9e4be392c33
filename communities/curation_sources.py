"""What communities hand to curation (portal.curation.sources): threads, blog posts and wiki pages as sources in
parts, classified as their community (or, for a blog post, as itself), and who curates for a community."""

from django.apps import apps
from django.db.models import Count

from communities.member_images import image_collection_ids
from portal.curation.sources import CurationSource, SourcePart


def classification_of(item) -> dict:
    """Topics, audiences, stage and tags of a classified page (a community, a blog post)."""
    tags = getattr(item, "tags", None)
    return {
        "topic_ids": list(item.topics.values_list("pk", flat=True)),
        "audience_ids": list(item.audiences.values_list("pk", flat=True)),
        "stage": item.stage,
        "tags": sorted(tag.name for tag in tags.all()) if tags is not None else [],
    }


def name_of(user) -> str:
    return user.profile.name if user is not None else "a former member"


def thread_source(thread) -> CurationSource:
    """The question and its accepted answer, always; the other published replies for the curator to tick."""
    community = thread.community
    replies = list(
        thread.replies.filter(status=thread.Status.PUBLISHED)
        .select_related("author__profile")
        .annotate(helpful_count=Count("helpful_marks"))
    )
    parts = [SourcePart("question", "The question", thread.author, thread.body)]
    accepted = next((reply for reply in replies if reply.pk == thread.accepted_reply_id), None)
    if accepted is not None:
        label = f"Accepted answer by {name_of(accepted.author)}"
        parts.append(SourcePart(f"reply-{accepted.pk}", label, accepted.author, accepted.body, heading="The answer"))
    for reply in replies:
        if reply is not accepted:
            parts.append(
                SourcePart(
                    f"reply-{reply.pk}",
                    f"Reply by {name_of(reply.author)}",
                    reply.author,
                    reply.body,
                    picked=False,
                    optional=True,
                    heading="More from the discussion",
                )
            )
    return CurationSource(
        kind=thread.get_kind_display(),
        title=thread.title,
        url=thread.get_absolute_url(),
        date=thread.created_at,
        community=community,
        parts=parts,
        image_collection_ids=image_collection_ids(community),
        signals={
            "accepted_answer": accepted is not None,
            "follows": thread.followers.count(),
            "replies": len(replies),
            "helpful": sum(reply.helpful_count for reply in replies),
        },
        **classification_of(community),
    )


def blog_post_source(post) -> CurationSource:
    community = post.posted_in()
    return CurationSource(
        kind="Blog post",
        title=post.title,
        url=post.url,
        date=post.first_published_at,
        community=community,
        parts=[SourcePart("post", "Blog post", post.author, post.body, html=True, heading="From the community blog")],
        summary=post.summary,
        image_collection_ids=image_collection_ids(community) if community else [],
        signals={"follows": 0, "replies": 0},
        **classification_of(post),
    )


def wiki_page_source(page) -> CurationSource:
    """The page's text, credited to everyone whose edit is in its history."""
    community = page.community()
    editors = (
        apps.get_model("auth", "User")
        .objects.filter(pk__in=page.revisions.exclude(user=None).values("user"))
        .select_related("profile")
    )
    parts = [SourcePart("page", "From the community wiki", page.owner, page.body)]
    return CurationSource(
        kind="Wiki page",
        title=page.title,
        url=page.url,
        date=page.last_published_at,
        community=community,
        parts=parts,
        summary=page.summary,
        contributors=[(editor, "Wiki edits") for editor in editors if editor.pk != page.owner_id],
        image_collection_ids=image_collection_ids(community) if community else [],
        signals={"follows": 0, "replies": page.revisions.count() - 1},
        **(classification_of(community) if community else {}),
    )


def facilitated_communities(user) -> set[int]:
    """Curation scope: the communities this person facilitates or leads."""
    Membership = apps.get_model("communities", "Membership")
    return set(Membership.objects.active().facilitating().filter(user=user).values_list("community_id", flat=True))
