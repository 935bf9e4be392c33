"""The communities' part of the home page (home.sections): featured communities, recently answered questions and
tips, and followed threads with new replies for the "Continue" strip. Each runs a fixed number of queries."""

from django.db.models import Count, Max, Q

from communities.discussions import Notification, Post, Thread
from communities.membership import Membership
from home.sections import ContinueItem
from portal.pictures import card_images
from portal.searchable import batch_cache, reader_tokens

FEATURED_COUNT = 3
ANSWERS_COUNT = 6


def featured_communities(request, home_page):
    """The editor's choice from the home page's panel, else the most active; public, live communities only,
    with member counts and the latest activity."""
    from communities.models import CommunityPage

    communities = (
        CommunityPage.objects.live()
        .public()
        .defer_streamfields()
        .prefetch_related(card_images())
        .annotate(
            active_members=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE), distinct=True),
            latest_activity=Max("threads__last_activity_at", filter=Q(threads__status=Post.Status.PUBLISHED)),
        )
    )
    chosen = list(home_page.featured_communities.values_list("community_id", flat=True))
    if chosen:
        by_pk = {community.pk: community for community in communities.filter(pk__in=chosen)}
        communities = [by_pk[pk] for pk in chosen if pk in by_pk]
    else:
        communities = list(communities.order_by("-active_members", "-latest_activity", "title")[:FEATURED_COUNT])
    return {"communities": communities} if communities else None


def readable_community_ids(user):
    """Communities whose discussions this reader may see: public ones, and members-only ones they belong to."""
    from communities.models import CommunityPage

    public = CommunityPage.objects.live().public().values("pk")
    if not user.is_authenticated:
        return public
    if user.is_superuser:
        return CommunityPage.objects.live().values("pk")
    mine = Membership.objects.active().filter(user=user, community__live=True).values("community_id")
    return CommunityPage.objects.filter(Q(pk__in=public) | Q(pk__in=mine)).values("pk")


def shared_by_readers(request) -> str:
    """Readers with the same visibility tokens (the groups of the members-only communities they belong to, among
    others) may read the same communities, so they see the same answers and tips."""
    tokens = reader_tokens(request.user)
    return "all" if tokens is None else ",".join(tokens)


def answers_and_tips(request, home_page):
    """Recently answered questions (an accepted answer) and tips, from communities the reader may read."""
    threads = (
        Thread.objects.published()
        .filter(community_id__in=readable_community_ids(request.user))
        .filter(Q(kind=Thread.Kind.QUESTION, accepted_reply__status=Post.Status.PUBLISHED) | Q(kind=Thread.Kind.TIP))
        .select_related("community", "author__profile", "accepted_reply__author__profile")
        .order_by("-last_activity_at")[:ANSWERS_COUNT]
    )
    threads = list(threads)
    return {"threads": threads} if threads else None


def followed_threads_with_news(request):
    """Threads the reader follows with replies they have not seen (unread notifications about them), if they may
    still read them."""
    rows = (
        Notification.objects.for_reader(request.user)
        .unread()
        .filter(target_key__startswith="communities.thread:")
        .values("target_key")
        .annotate(new=Count("pk"), latest=Max("created_at"))
        .order_by("-latest")[:5]
    )
    new_by_thread = {int(row["target_key"].rpartition(":")[2]): row["new"] for row in rows}
    threads = Thread.objects.filter(pk__in=new_by_thread).select_related("community")
    items = []
    with batch_cache():  # the view restrictions and the reader's groups are read once for all the threads
        visible = [thread for thread in threads if thread.search_visible_to(request.user)]
    for thread in sorted(visible, key=lambda t: list(new_by_thread).index(t.pk)):
        new = new_by_thread[thread.pk]
        items.append(
            ContinueItem(
                kind="Discussion",
                title=thread.title,
                url=thread.get_absolute_url(),
                note=f"{new} new post{'s' if new != 1 else ''} in {thread.community.title}",
            )
        )
    return items
