"""Communities the KM programme view suggests joining (portal.programme): live, open to every reader, never
members-only, most members first."""

from communities.models import CommunityPage


def open_communities():
    return list(
        CommunityPage.objects.live()
        .public()
        .filter(members_only=False)
        .defer_streamfields()
        .prefetch_related("audiences")
        .with_member_counts()
        .order_by("-active_members", "title")
    )
