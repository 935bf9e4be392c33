"""What communities add to the people directory and profiles (through portal.people.registry)."""

from communities.models import CommunityPage, Membership, Post, Reply, Thread


def community_options():
    """Public communities only: a filter must not reveal who belongs to a members-only one."""
    return CommunityPage.objects.live().filter(members_only=False).order_by("title").values_list("slug", "title")


def in_community(profiles, slug):
    return profiles.filter(
        user__memberships__community__slug=slug,
        user__memberships__status="active",
        user__memberships__community__members_only=False,
    ).distinct()


def person_search_facts(profile):
    """For the people index: public communities only (a search must not reveal members-only ones) and the
    number of published contributions there."""
    public = list(
        CommunityPage.objects.live()
        .filter(members_only=False, memberships__user=profile.user, memberships__status="active")
        .values_list("pk", "title")
    )
    ids = [pk for pk, _ in public]
    contributions = (
        Thread.objects.published().filter(author=profile.user, community__in=ids).count()
        + Reply.objects.filter(author=profile.user, status=Post.Status.PUBLISHED, thread__community__in=ids).count()
    )
    return {"communities": sorted(title for _, title in public), "contributions": contributions}


def profile_context(profile, viewer):
    memberships = [
        membership
        for membership in Membership.objects.active()
        .filter(user=profile.user)
        .select_related("community")
        .order_by("community__title")
        if membership.community.live and membership.community.can_read(viewer)
    ]
    readable = [membership.community for membership in memberships]
    threads = (
        Thread.objects.published()
        .filter(author=profile.user, community__in=readable)
        .select_related("community")
        .order_by("-created_at")[:10]
    )
    answers = Reply.objects.filter(
        author=profile.user, status=Post.Status.PUBLISHED, thread__community__in=readable
    ).count()
    return {"memberships": memberships, "threads": threads, "answers": answers}
