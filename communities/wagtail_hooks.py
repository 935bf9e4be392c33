"""Admin and serving hooks for communities."""

from django.shortcuts import redirect

from wagtail import hooks

from communities.models import CommunityPage


def community_of(page):
    """The community a page belongs to (itself or its nearest community ancestor), or None."""
    if isinstance(page, CommunityPage):
        return page
    return CommunityPage.objects.ancestor_of(page).live().first()


@hooks.register("before_serve_page", order=-10)
def send_logged_in_non_members_to_the_join_page(page, request, serve_args, serve_kwargs):
    """Wagtail's group restriction would send a logged-in non-member to the login form; tell them how to join."""
    community = community_of(page)
    if community and community.members_only and request.user.is_authenticated and not community.can_read(request.user):
        return redirect(community.join_url())
    return None
