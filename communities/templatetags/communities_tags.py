from django import template

from communities.models import CommunityPage
from portal.pictures import card_images

register = template.Library()


@register.inclusion_tag("communities/featured_communities.html")
def featured_communities(count=3):
    """The busiest open communities, for the home page."""
    communities = (
        CommunityPage.objects.live()
        .public()
        .filter(members_only=False)
        .with_member_counts()
        .defer_streamfields()
        .prefetch_related(card_images())
        .order_by("-active_members", "title")[:count]
    )
    return {"communities": communities}
